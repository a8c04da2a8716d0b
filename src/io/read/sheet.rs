//! A workbook sheet read through calamine, its cells turned into the text a user typed or sees.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, ExcelDateTime, Range, Reader, Sheets, Xls, Xlsx};

use super::{FileKind, ReadError, Row};

/// The workbook at `path`, read as `kind` whatever its extension says.
fn open_workbook(path: &Path, kind: FileKind) -> Result<Sheets<BufReader<File>>, ReadError> {
    let failed = |e: &dyn std::fmt::Display| ReadError::Workbook(e.to_string());
    match kind {
        FileKind::Xls => calamine::open_workbook::<Xls<_>, _>(path)
            .map(Sheets::Xls)
            .map_err(|e| failed(&e)),
        _ => calamine::open_workbook::<Xlsx<_>, _>(path)
            .map(Sheets::Xlsx)
            .map_err(|e| failed(&e)),
    }
}

pub(super) fn sheet_names(path: &Path, kind: FileKind) -> Result<Vec<String>, ReadError> {
    Ok(open_workbook(path, kind)?.sheet_names())
}

pub(super) struct SheetTable {
    range: Range<Data>,
    /// The next row to read, counted from the range's first row.
    next: usize,
}

impl SheetTable {
    /// Loads the sheet named `sheet`, or the first one, and reads its header row.
    pub(super) fn open(
        path: &Path,
        kind: FileKind,
        sheet: Option<&str>,
    ) -> Result<(SheetTable, Vec<String>), ReadError> {
        let mut workbook = open_workbook(path, kind)?;
        let names = workbook.sheet_names();
        let name = match sheet {
            Some(wanted) => names
                .iter()
                .find(|name| name.as_str() == wanted)
                .ok_or_else(|| ReadError::NoSuchSheet(wanted.to_string()))?,
            None => names.first().ok_or(ReadError::Empty)?,
        };
        let range = workbook
            .worksheet_range(name)
            .map_err(|e| ReadError::Workbook(e.to_string()))?;
        let mut table = SheetTable { range, next: 0 };
        let headers = table.next_row().ok_or(ReadError::Empty)?.cells;
        Ok((table, headers))
    }

    pub(super) fn next_row(&mut self) -> Option<Row> {
        let (first_row, _) = self.range.start()?;
        while self.next < self.range.height() {
            let index = self.next;
            self.next += 1;
            let cells: Vec<String> = (0..self.range.width())
                .map(|column| {
                    self.range
                        .get((index, column))
                        .map_or_else(String::new, cell_text)
                })
                .collect();
            if cells.iter().any(|cell| !cell.is_empty()) {
                return Some(Row {
                    // Excel counts rows from 1; the range may start below the sheet's top.
                    number: first_row as usize + index + 1,
                    cells,
                });
            }
        }
        None
    }

    pub(super) fn progress(&self) -> (u64, u64) {
        (self.next as u64, self.range.height() as u64)
    }
}

/// A cell as text: numbers without a needless ".0", dates as YYYY-MM-DD, errors as nothing.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(text) | Data::DurationIso(text) => text.trim().to_string(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number_text(*x),
        Data::Bool(true) => "TRUE".to_string(),
        Data::Bool(false) => "FALSE".to_string(),
        Data::DateTime(datetime) => datetime_text(datetime),
        Data::DateTimeIso(text) => iso_datetime_text(text.trim()),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// The shortest text of `x` after rounding to the 15 significant digits Excel shows, so a sum
/// stored as 0.30000000000000004 reads 0.3 as it does in Excel. Whole numbers have no ".0".
fn number_text(x: f64) -> String {
    let rounded: f64 = format!("{x:.14e}").parse().unwrap_or(x);
    // Adding 0.0 turns -0 into 0.
    format!("{}", rounded + 0.0)
}

fn datetime_text(datetime: &ExcelDateTime) -> String {
    let serial = datetime.as_f64();
    // A duration, or a time of day with no date, shows as a clock time.
    if datetime.is_duration() || (0.0..1.0).contains(&serial) {
        let seconds = (serial * 86_400.0).round() as i64;
        return format!(
            "{:02}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
    }
    let (year, month, day, hour, minute, second, _) = datetime.to_ymd_hms_milli();
    if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    }
}

/// ISO 8601 dates (OpenDocument, or XLSX cells typed as dates) in the same form as serial ones;
/// anything unparsable as it is.
fn iso_datetime_text(text: &str) -> String {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
    if let Ok(datetime) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        if datetime.time() == NaiveTime::MIN {
            datetime.format("%Y-%m-%d").to_string()
        } else {
            datetime.format("%Y-%m-%d %H:%M:%S").to_string()
        }
    } else if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        date.format("%Y-%m-%d").to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use calamine::ExcelDateTimeType;

    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(cell_text(&Data::Float(12345.0)), "12345");
        assert_eq!(cell_text(&Data::Float(0.1 + 0.2)), "0.3");
        assert_eq!(cell_text(&Data::Float(-0.0)), "0");
        assert_eq!(cell_text(&Data::Float(-2.5)), "-2.5");
        assert_eq!(cell_text(&Data::Float(13_812_345_678.0)), "13812345678");
        assert_eq!(cell_text(&Data::Int(42)), "42");
    }

    #[test]
    fn booleans_errors_and_strings() {
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(cell_text(&Data::Bool(false)), "FALSE");
        assert_eq!(cell_text(&Data::Error(calamine::CellErrorType::Div0)), "");
        assert_eq!(cell_text(&Data::String("  锂电池 \n".into())), "锂电池");
    }

    #[test]
    fn dates_times_and_durations() {
        let at = |serial, kind| Data::DateTime(ExcelDateTime::new(serial, kind, false));
        // 45292 is 2024-01-01 in the 1900 system.
        assert_eq!(
            cell_text(&at(45292.0, ExcelDateTimeType::DateTime)),
            "2024-01-01"
        );
        assert_eq!(
            cell_text(&at(45292.5, ExcelDateTimeType::DateTime)),
            "2024-01-01 12:00:00"
        );
        assert_eq!(
            cell_text(&at(0.75, ExcelDateTimeType::DateTime)),
            "18:00:00"
        );
        assert_eq!(
            cell_text(&at(1.5, ExcelDateTimeType::TimeDelta)),
            "36:00:00"
        );
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            cell_text(&Data::DateTimeIso("2024-03-01T00:00:00".into())),
            "2024-03-01"
        );
        assert_eq!(
            cell_text(&Data::DateTimeIso("2024-03-01T08:30:00".into())),
            "2024-03-01 08:30:00"
        );
        assert_eq!(
            cell_text(&Data::DateTimeIso("2024-03-01".into())),
            "2024-03-01"
        );
        assert_eq!(cell_text(&Data::DateTimeIso("不是日期".into())), "不是日期");
    }
}

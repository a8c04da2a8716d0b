//! A workbook sheet, its cells turned into the text a user typed or sees. An XLSX sheet is read
//! cell by cell on a thread of its own and handed over row by row, so it is never in memory
//! whole; an XLS sheet goes through calamine, which loads a workbook whole, once its size is
//! known to be safe. Merged cells fill every cell they cover, as the user sees them. A sheet
//! whose extent (declared, or reached by a far cell) is beyond [`MAX_EXTENT`] is refused before
//! anything large is allocated.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use calamine::{Data, Dimensions, ExcelDateTime, Reader, Xls, XlsError, Xlsx, XlsxError};

use super::{FileKind, ReadError, Row};

/// The most cells a sheet's rectangle (first to last row, first to last column) may span:
/// 100,000 rows of 500 columns. A 1 KB file whose last cell is XFD1048576 would otherwise
/// ask for half a terabyte.
pub(super) const MAX_EXTENT: u64 = 50_000_000;
/// XLS is loaded whole by calamine, as one cell per position of the rectangle.
const MAX_XLS_EXTENT: u64 = 4_000_000;
/// The text of one row, summed over its cells.
const MAX_ROW_BYTES: usize = 32 * 1024 * 1024;
/// The shared strings of an XLSX workbook, which calamine holds in memory, uncompressed.
const MAX_SHARED_STRINGS: u64 = 160 * 1024 * 1024;
/// Merged regions larger than this are decoration (a whole sheet merged), not a value to fill.
const MAX_MERGE_CELLS: u64 = 1_000_000;
const MAX_MERGES: usize = 100_000;
/// Rows the reading thread may run ahead of the import.
const ROWS_AHEAD: usize = 256;

fn workbook_error(e: &dyn std::fmt::Display) -> ReadError {
    ReadError::Workbook(e.to_string())
}

fn xlsx_error(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::Password,
        e => workbook_error(&e),
    }
}

fn xls_error(e: XlsError) -> ReadError {
    match e {
        XlsError::Password => ReadError::Password,
        e => workbook_error(&e),
    }
}

fn open_xlsx(path: &Path) -> Result<Xlsx<BufReader<File>>, ReadError> {
    check_zip(path)?;
    calamine::open_workbook::<Xlsx<_>, _>(path).map_err(xlsx_error)
}

fn open_xls(path: &Path) -> Result<Xls<BufReader<File>>, ReadError> {
    check_xls(path)?;
    calamine::open_workbook::<Xls<_>, _>(path).map_err(xls_error)
}

pub(super) fn sheet_names(path: &Path, kind: FileKind) -> Result<Vec<String>, ReadError> {
    match kind {
        FileKind::Xls => Ok(open_xls(path)?.sheet_names()),
        _ => Ok(open_xlsx(path)?.sheet_names()),
    }
}

/// The parts of an XLSX archive calamine reads whole must fit in memory once uncompressed.
fn check_zip(path: &Path) -> Result<(), ReadError> {
    let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
    let mut zip = match zip::ZipArchive::new(BufReader::new(file)) {
        Ok(zip) => zip,
        // Not a ZIP archive after all: calamine says what it is (an encrypted workbook, say).
        Err(_) => return Ok(()),
    };
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        let name = entry
            .name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let held_whole = name.ends_with("sharedstrings.xml") || name.ends_with("styles.xml");
        if held_whole && entry.size() > MAX_SHARED_STRINGS {
            return Err(ReadError::TooLarge {
                rows: 0,
                columns: 0,
            });
        }
    }
    Ok(())
}

/// The largest rectangle any sheet of an XLS workbook spans, read from its records before
/// calamine loads it: the DIMENSIONS records and the position of every cell.
fn check_xls(path: &Path) -> Result<(), ReadError> {
    let Ok(mut cfb) = cfb::open(path) else {
        // Not a compound file: calamine says what is wrong.
        return Ok(());
    };
    if cfb.exists("/EncryptedPackage") || cfb.exists("/EncryptionInfo") {
        return Err(ReadError::Password);
    }
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| cfb.is_stream(n));
    let Some(name) = name else {
        return Ok(());
    };
    let mut stream = Vec::new();
    cfb.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|e| ReadError::io(path, e))?;
    let (rows, columns) = biff_extent(&stream);
    if rows * columns > MAX_XLS_EXTENT {
        return Err(ReadError::TooLarge { rows, columns });
    }
    Ok(())
}

/// The rows and columns (counted from the first) of the largest worksheet substream of a BIFF
/// stream, from what it declares and where its cells are. Blank cells are not counted: calamine
/// does not load them, and Excel writes them wherever a format was applied.
fn biff_extent(stream: &[u8]) -> (u64, u64) {
    let u16_at = |d: &[u8], i: usize| {
        d.get(i..i + 2)
            .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |d: &[u8], i: usize| {
        d.get(i..i + 4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let mut worst = (0u64, 0u64);
    let mut sheet = (0u64, 0u64);
    let mut at = 0usize;
    while let Some(header) = stream.get(at..at + 4) {
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let data = stream.get(at + 4..at + 4 + len).unwrap_or(&[]);
        at += 4 + len;
        let (rows, columns) = match kind {
            // DIMENSIONS: BIFF8 counts rows in 32 bits, BIFF5 in 16; the ends are one past.
            0x0200 if len >= 14 => (u64::from(u32_at(data, 4)), u64::from(u16_at(data, 10))),
            0x0200 if len >= 10 => (u64::from(u16_at(data, 2)), u64::from(u16_at(data, 6))),
            // Cells: row, then column.
            0x0006 | 0x00D6 | 0x00FD | 0x0203 | 0x0204 | 0x0205 | 0x027E => (
                u64::from(u16_at(data, 0)) + 1,
                u64::from(u16_at(data, 2)) + 1,
            ),
            // MULRK: row, first column, ..., last column in the last two bytes.
            0x00BD if len >= 6 => (
                u64::from(u16_at(data, 0)) + 1,
                u64::from(u16_at(data, len - 2)) + 1,
            ),
            // EOF of a substream.
            0x000A => {
                if sheet.0 * sheet.1 > worst.0 * worst.1 {
                    worst = sheet;
                }
                sheet = (0, 0);
                continue;
            }
            _ => continue,
        };
        sheet = (sheet.0.max(rows), sheet.1.max(columns));
    }
    if sheet.0 * sheet.1 > worst.0 * worst.1 {
        worst = sheet;
    }
    worst
}

/// The rows of a sheet, read ahead on a thread.
pub(super) struct SheetTable {
    rows: Option<Receiver<Result<Row, ReadError>>>,
    worker: Option<JoinHandle<()>>,
    progress: Arc<[AtomicU64; 2]>,
}

impl SheetTable {
    /// Opens the sheet named `sheet`, or the first one.
    pub(super) fn open(
        path: &Path,
        kind: FileKind,
        sheet: Option<&str>,
    ) -> Result<SheetTable, ReadError> {
        let (send, rows) = sync_channel(ROWS_AHEAD);
        let (opened_send, opened) = sync_channel(1);
        let progress = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
        let job = Job {
            path: path.to_path_buf(),
            sheet: sheet.map(str::to_string),
            rows: send,
            progress: progress.clone(),
        };
        let worker = std::thread::Builder::new()
            .name("sheet reader".into())
            .spawn(move || job.run(kind, opened_send))
            .map_err(|e| ReadError::io(path, e))?;
        // The first answer says whether the sheet opened; rows follow.
        match opened.recv() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                let _ = worker.join();
                return Err(e);
            }
            Err(_) => {
                let _ = worker.join();
                return Err(ReadError::Workbook("the reader stopped".into()));
            }
        }
        Ok(SheetTable {
            rows: Some(rows),
            worker: Some(worker),
            progress,
        })
    }

    pub(super) fn next_row(&mut self) -> Option<Result<Row, ReadError>> {
        self.rows.as_ref()?.recv().ok()
    }

    /// (rows read, rows the sheet says it has).
    pub(super) fn progress(&self) -> (u64, u64) {
        let done = self.progress[0].load(Ordering::Relaxed);
        let total = self.progress[1].load(Ordering::Relaxed);
        (done.min(total), total)
    }
}

impl Drop for SheetTable {
    fn drop(&mut self) {
        // Closing the channel stops the thread at its next row; wait so its memory is freed.
        self.rows = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// The reading thread's work.
struct Job {
    path: PathBuf,
    sheet: Option<String>,
    rows: SyncSender<Result<Row, ReadError>>,
    progress: Arc<[AtomicU64; 2]>,
}

/// Where the thread's first answer goes: `open` waits for it.
type Opened = Option<SyncSender<Result<(), ReadError>>>;

impl Job {
    fn run(self, kind: FileKind, opened: SyncSender<Result<(), ReadError>>) {
        let mut opened = Some(opened);
        let result = match kind {
            FileKind::Xls => self.run_xls(&mut opened),
            _ => self.run_xlsx(&mut opened),
        };
        if let Err(e) = result {
            // Before the sheet opened, the error is `open`'s; after, it comes with the rows.
            match opened {
                Some(opened) => {
                    let _ = opened.send(Err(e));
                }
                None => {
                    let _ = self.rows.send(Err(e));
                }
            }
        }
    }

    fn sheet_name(&self, names: Vec<String>) -> Result<String, ReadError> {
        match &self.sheet {
            Some(wanted) => names
                .into_iter()
                .find(|n| n == wanted)
                .ok_or_else(|| ReadError::NoSuchSheet(wanted.clone())),
            None => names.into_iter().next().ok_or(ReadError::Empty),
        }
    }

    /// Hands rows over until the reader is dropped.
    fn send(&self, row: Row, index: u64) -> bool {
        self.progress[0].store(index, Ordering::Relaxed);
        self.rows.send(Ok(row)).is_ok()
    }

    fn run_xlsx(&self, opened: &mut Opened) -> Result<(), ReadError> {
        let mut book = open_xlsx(&self.path)?;
        let name = self.sheet_name(book.sheet_names())?;
        let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut cells = book.worksheet_cells_reader(&name).map_err(xlsx_error)?;
        let declared = cells.dimensions();
        check_extent(u64::from(declared.end.0) + 1, u64::from(declared.end.1) + 1)?;
        self.progress[1].store(u64::from(declared.end.0) + 1, Ordering::Relaxed);
        if let Some(opened) = opened.take() {
            let _ = opened.send(Ok(()));
        }
        let mut rows = RowBuilder::new(merges);
        while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
            let (row, col) = cell.get_position();
            let text = cell_text(&Data::from(cell.get_value().clone()));
            if let Some(done) = rows.push(row, col, text)?
                && !self.send(done, u64::from(row))
            {
                return Ok(());
            }
        }
        if let Some(done) = rows.finish() {
            self.send(done, self.progress[1].load(Ordering::Relaxed));
        }
        Ok(())
    }

    fn run_xls(&self, opened: &mut Opened) -> Result<(), ReadError> {
        let mut book = open_xls(&self.path)?;
        let name = self.sheet_name(book.sheet_names())?;
        let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let range = book.worksheet_range(&name).map_err(xls_error)?;
        drop(book);
        self.progress[1].store(range.height() as u64, Ordering::Relaxed);
        if let Some(opened) = opened.take() {
            let _ = opened.send(Ok(()));
        }
        let Some((first_row, first_col)) = range.start() else {
            return Ok(());
        };
        let mut rows = RowBuilder::new(merges);
        for (i, row) in range.rows().enumerate() {
            for (j, value) in row.iter().enumerate() {
                let at = (first_row + i as u32, first_col + j as u32);
                if let Some(done) = rows.push(at.0, at.1, cell_text(value))?
                    && !self.send(done, i as u64)
                {
                    return Ok(());
                }
            }
        }
        if let Some(done) = rows.finish() {
            self.send(done, range.height() as u64);
        }
        Ok(())
    }
}

fn check_extent(rows: u64, columns: u64) -> Result<(), ReadError> {
    if rows * columns > MAX_EXTENT || columns > 16_384 || rows > 1_048_576 {
        return Err(ReadError::TooLarge { rows, columns });
    }
    Ok(())
}

/// Gathers cells, which come row by row, into rows; fills merged regions; and keeps the extent
/// reached within bounds.
struct RowBuilder {
    /// Merged regions, by first row, with the value of their first cell once read.
    merges: Vec<(Dimensions, Option<String>)>,
    current: Option<(u32, Vec<String>, usize)>,
    rows: u64,
    columns: u64,
}

impl RowBuilder {
    fn new(mut merges: Vec<Dimensions>) -> RowBuilder {
        merges.retain(|m| m.len() > 1 && m.len() <= MAX_MERGE_CELLS);
        merges.truncate(MAX_MERGES);
        merges.sort_by_key(|m| m.start);
        RowBuilder {
            merges: merges.into_iter().map(|m| (m, None)).collect(),
            current: None,
            rows: 0,
            columns: 0,
        }
    }

    /// Adds a cell; returns the previous row when this cell starts a new one.
    fn push(&mut self, row: u32, col: u32, text: String) -> Result<Option<Row>, ReadError> {
        if text.is_empty() {
            return Ok(None);
        }
        self.rows = self.rows.max(u64::from(row) + 1);
        self.columns = self.columns.max(u64::from(col) + 1);
        check_extent(self.rows, self.columns)?;
        let done = match &self.current {
            Some((r, ..)) if *r != row => self.finish(),
            _ => None,
        };
        let (_, cells, bytes) = self.current.get_or_insert_with(|| (row, Vec::new(), 0));
        *bytes += text.len();
        if *bytes > MAX_ROW_BYTES {
            return Err(ReadError::TooLarge {
                rows: u64::from(row) + 1,
                columns: u64::from(col) + 1,
            });
        }
        let col = col as usize;
        if cells.len() <= col {
            cells.resize(col + 1, String::new());
        }
        cells[col] = text;
        Ok(done)
    }

    /// The row being built, with merged regions filled.
    fn finish(&mut self) -> Option<Row> {
        let (row, mut cells, _) = self.current.take()?;
        for (m, value) in &mut self.merges {
            if m.start.0 > row {
                break;
            }
            if m.end.0 < row {
                continue;
            }
            if m.start.0 == row {
                *value = cells
                    .get(m.start.1 as usize)
                    .filter(|v| !v.is_empty())
                    .cloned();
            }
            let Some(value) = value else {
                continue;
            };
            let end = m.end.1 as usize;
            if cells.len() <= end {
                cells.resize(end + 1, String::new());
            }
            for cell in &mut cells[m.start.1 as usize..=end] {
                if cell.is_empty() {
                    cell.clone_from(value);
                }
            }
        }
        // Regions wholly above this row are done with.
        self.merges.retain(|(m, _)| m.end.0 >= row);
        Some(Row {
            // Excel counts rows from 1.
            number: row as usize + 1,
            cells,
            issues: Vec::new(),
        })
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

    #[test]
    fn merged_regions_fill_every_cell_they_cover() {
        // A1:A3 holds one organisation for three rows; B1:C1 one heading over two columns.
        let merges = vec![
            Dimensions::new((0, 0), (2, 0)),
            Dimensions::new((0, 1), (0, 2)),
        ];
        let mut b = RowBuilder::new(merges);
        assert!(b.push(0, 0, "山东大学".into()).unwrap().is_none());
        b.push(0, 1, "联系人".into()).unwrap();
        let first = b.push(1, 1, "张".into()).unwrap().unwrap();
        assert_eq!(first.cells, vec!["山东大学", "联系人", "联系人"]);
        let second = b.push(2, 1, "王".into()).unwrap().unwrap();
        assert_eq!(second.cells, vec!["山东大学", "张"]);
        let third = b.finish().unwrap();
        assert_eq!(
            (third.number, third.cells),
            (3, vec!["山东大学".into(), "王".into()])
        );
    }

    #[test]
    fn a_far_cell_is_refused_before_anything_large_is_made() {
        let mut b = RowBuilder::new(Vec::new());
        b.push(0, 0, "名称".into()).unwrap();
        // AAA300000: column 702, row 299,999.
        assert!(matches!(
            b.push(299_999, 702, "x".into()),
            Err(ReadError::TooLarge { .. })
        ));
    }

    #[test]
    fn biff_records_give_the_extent() {
        let record = |kind: u16, data: &[u8]| {
            let mut r = kind.to_le_bytes().to_vec();
            r.extend((data.len() as u16).to_le_bytes());
            r.extend_from_slice(data);
            r
        };
        let mut stream = record(0x0809, &[0; 16]);
        // A NUMBER cell at row 65535, column 255.
        let mut number = vec![0xFF, 0xFF, 0xFF, 0x00, 0, 0];
        number.extend([0u8; 8]);
        stream.extend(record(0x0203, &number));
        stream.extend(record(0x000A, &[]));
        assert_eq!(biff_extent(&stream), (65_536, 256));
    }
}

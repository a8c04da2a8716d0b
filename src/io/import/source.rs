//! A file as the rows of an import: a sheet, a web page's table or CSV read as it goes, with
//! its header found (or chosen), or TechBroker's JSON; and the two steps the window and the
//! command line share.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::cells;
use super::error::ImportError;
use super::fields::ImportKind;
use super::json::read_json;
use super::layout::{HEADER_SEARCH_ROWS, Layout, find_header, layout};
use super::mapping::Mapping;
use super::plan::{
    self, GiveBack, ImportOptions, ImportSummary, RawRow, ReadRow, ScanReport, SourceRow, Spent,
};
use crate::domain::maturation::CarrierKind;
use crate::io::read::{FileKind, ReadError, Row, TableReader, detect_kind, sheet_names};
use crate::store::{ImportIndex, Store};

/// How many rows the user may look through to choose the header.
pub const HEADER_CHOICE_ROWS: usize = 60;

/// Which table of a file to read: the sheet (None: the one that holds the table) and the
/// header row by its number as shown (None: found).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableChoice {
    pub sheet: Option<String>,
    pub header_row: Option<usize>,
}

/// What the mapping step shows about a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    pub kind: FileKind,
    /// A workbook's sheets; empty for other files.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<String>,
    /// The sheet was chosen because it holds the table, and is not the first.
    pub sheet_chosen: bool,
    /// The header's row number as shown, and whether it goes on in the row below.
    pub header_row: usize,
    pub two_row_header: bool,
    /// The first rows of the table, to choose another header from.
    pub top_rows: Vec<Row>,
    pub headers: Vec<String>,
    pub first_row: Vec<String>,
    pub encoding: Option<&'static str>,
    pub delimiter: Option<u8>,
}

impl FileInfo {
    pub fn is_json(&self) -> bool {
        self.kind == FileKind::Json
    }

    fn json() -> FileInfo {
        FileInfo {
            kind: FileKind::Json,
            sheets: Vec::new(),
            sheet: None,
            sheet_chosen: false,
            header_row: 0,
            two_row_header: false,
            top_rows: Vec::new(),
            headers: Vec::new(),
            first_row: Vec::new(),
            encoding: None,
            delimiter: None,
        }
    }
}

/// A table opened at its header: the rows looked at, then the rest as they are read.
struct Table {
    reader: TableReader,
    ahead: VecDeque<Row>,
    layout: Layout,
    /// The rows looked at for the header, from the top.
    top: Vec<Row>,
}

/// Reads the first rows of a table, to find the header among them.
fn first_rows(reader: &mut TableReader, n: usize) -> Result<Vec<Row>, ReadError> {
    let mut rows = Vec::new();
    while rows.len() < n {
        match reader.next_row() {
            Some(row) => rows.push(row?),
            None => break,
        }
    }
    Ok(rows)
}

impl Table {
    fn open(
        path: &Path,
        kind: ImportKind,
        sheet: Option<&str>,
        header_row: Option<usize>,
    ) -> Result<Table, ImportError> {
        let mut reader = TableReader::open(path, sheet)?;
        let look = if header_row.is_some() {
            HEADER_CHOICE_ROWS
        } else {
            HEADER_SEARCH_ROWS
        };
        let top = first_rows(&mut reader, look)?;
        if top.is_empty() {
            return Err(ReadError::Empty.into());
        }
        let header = match header_row {
            Some(n) => top
                .iter()
                .position(|r| r.number == n)
                .ok_or(ImportError::NoHeaderRow(n))?,
            None => find_header(kind, &top),
        };
        let layout = layout(kind, &top, header);
        let ahead = top[layout.rows_before_data().min(top.len())..]
            .iter()
            .cloned()
            .collect();
        Ok(Table {
            reader,
            ahead,
            layout,
            top,
        })
    }

    /// The one carrier kind the rows above the header (a title, a notice's name) name.
    fn title_carrier_kind(&self) -> Option<CarrierKind> {
        let above: Vec<&str> = self.top[..self.layout.header]
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.trim()))
            .filter(|c| !c.is_empty())
            .collect();
        cells::only_carrier_kind_named(&above.join(" "))
    }

    fn next_row(&mut self) -> Option<Result<Row, ReadError>> {
        match self.ahead.pop_front() {
            Some(row) => Some(Ok(row)),
            None => self.reader.next_row(),
        }
    }
}

/// How well a sheet's first rows look like a table of `kind`: the fields its best header row
/// names, then how many rows there are.
fn sheet_score(path: &Path, kind: ImportKind, sheet: &str) -> (usize, usize) {
    let Ok(mut reader) = TableReader::open(path, Some(sheet)) else {
        return (0, 0);
    };
    let rows = first_rows(&mut reader, HEADER_SEARCH_ROWS).unwrap_or_default();
    if rows.is_empty() {
        return (0, 0);
    }
    let header = find_header(kind, &rows);
    let named = super::fields::auto_map(kind, &layout(kind, &rows, header).headers)
        .iter()
        .flatten()
        .count();
    (named, rows.len())
}

/// The sheet to read: the one asked for, else the one whose header names the most fields (a
/// first sheet that is a cover or notes names none), the first on a tie.
fn choose_sheet(
    path: &Path,
    kind: ImportKind,
    choice: &TableChoice,
) -> Result<(Vec<String>, Option<String>, bool), ImportError> {
    let file_kind = detect_kind(path)?;
    if !file_kind.is_workbook() {
        return Ok((Vec::new(), choice.sheet.clone(), false));
    }
    let sheets = sheet_names(path)?;
    if choice.sheet.is_some() || sheets.len() < 2 {
        let sheet = choice.sheet.clone().or_else(|| sheets.first().cloned());
        return Ok((sheets, sheet, false));
    }
    let mut best = (0, (0, 0));
    for (i, name) in sheets.iter().enumerate() {
        let score = sheet_score(path, kind, name);
        if score > best.1 {
            best = (i, score);
        }
    }
    let sheet = sheets.get(best.0).cloned();
    Ok((sheets, sheet, best.0 > 0))
}

/// Reads what the mapping step needs: the sheets, the header (found or the one chosen) with
/// the rows around it, the first data row.
pub fn inspect(
    path: &Path,
    kind: ImportKind,
    choice: &TableChoice,
) -> Result<FileInfo, ImportError> {
    if detect_kind(path)? == FileKind::Json {
        return Ok(FileInfo::json());
    }
    let (sheets, sheet, sheet_chosen) = choose_sheet(path, kind, choice)?;
    let mut table = Table::open(path, kind, sheet.as_deref(), choice.header_row)?;
    let first_row = match table.next_row() {
        Some(row) => row?.cells,
        None => Vec::new(),
    };
    let header = &table.top[table.layout.header];
    Ok(FileInfo {
        kind: detect_kind(path)?,
        sheets,
        sheet,
        sheet_chosen,
        header_row: header.number,
        two_row_header: table.layout.two_rows,
        top_rows: table.top.iter().take(HEADER_SEARCH_ROWS).cloned().collect(),
        headers: table.layout.headers.clone(),
        first_row,
        encoding: table.reader.encoding(),
        delimiter: table.reader.delimiter(),
    })
}

/// The rows of a file as it is read: a table's under its header, or the records of
/// TechBroker's JSON.
enum RowSource {
    Table(Table),
    Json(std::vec::IntoIter<SourceRow>, u64),
}

impl RowSource {
    fn next(&mut self) -> Option<Result<SourceRow, ImportError>> {
        match self {
            RowSource::Table(table) => {
                let row = table.next_row()?;
                Some(row.map_err(ImportError::from).map(|r| SourceRow {
                    number: r.number,
                    raw: RawRow::Cells(r.cells),
                    issues: r.issues,
                }))
            }
            RowSource::Json(rows, _) => rows.next().map(Ok),
        }
    }

    /// (done, total) in the file's own units: bytes, rows or records.
    fn progress(&self) -> (u64, u64) {
        match self {
            RowSource::Table(table) => table.reader.progress(),
            RowSource::Json(rows, total) => (total - rows.len() as u64, *total),
        }
    }
}

/// Rows handed from the reading thread to the checks at a time: one at a time, the hand-over
/// would cost as much as the reading saves.
const BATCH_ROWS: usize = 256;
/// Batches read ahead of the checks, at most.
const BATCHES_AHEAD: usize = 4;

struct Batch {
    rows: Vec<Result<ReadRow, ImportError>>,
    progress: (u64, u64),
}

/// Runs `f` over the source's rows as the mapping reads them, read and converted on a thread
/// of their own while `f` checks or writes the rows before: reading and converting are about a
/// third of an import's work, and need nothing from the database. The reading ends at the
/// first error it returns, or when `f` stops taking rows.
fn read_ahead<T>(
    mut source: RowSource,
    mapping: Option<&Mapping>,
    progress: &mut dyn FnMut(u64, u64),
    f: impl FnOnce(&mut dyn Iterator<Item = Result<ReadRow, ImportError>>, GiveBack) -> T,
) -> T {
    std::thread::scope(|scope| {
        let (sender, batches) = std::sync::mpsc::sync_channel::<Batch>(BATCHES_AHEAD);
        let (give_back, given_back) = std::sync::mpsc::channel::<Vec<Spent>>();
        scope.spawn(move || {
            loop {
                given_back.try_iter().for_each(drop);
                let mut rows = Vec::with_capacity(BATCH_ROWS);
                let mut ended = false;
                while rows.len() < BATCH_ROWS && !ended {
                    match source.next() {
                        Some(row) => {
                            ended = row.is_err();
                            rows.push(row.map(|r| ReadRow::new(r, mapping)));
                        }
                        None => ended = true,
                    }
                }
                let batch = Batch {
                    rows,
                    progress: source.progress(),
                };
                // A send fails when `f` has stopped taking rows: nothing is left to read for.
                if sender.send(batch).is_err() || ended {
                    return;
                }
            }
        });
        let mut rows = batches.into_iter().flat_map(|batch| {
            progress(batch.progress.0, batch.progress.1);
            batch.rows
        });
        // Returning drops the receiver first, which ends a reader waiting to hand over more.
        f(&mut rows, GiveBack::new(Some(give_back)))
    })
}

/// Runs `f` over the file's rows. A table needs a mapping that fills every required field.
fn with_rows<T>(
    path: &Path,
    kind: ImportKind,
    choice: &TableChoice,
    mapping: Option<&Mapping>,
    progress: &mut dyn FnMut(u64, u64),
    f: impl FnOnce(
        &mut dyn Iterator<Item = Result<ReadRow, ImportError>>,
        Option<&Mapping>,
        GiveBack,
    ) -> T,
) -> Result<T, ImportError> {
    if detect_kind(path)? == FileKind::Json {
        let rows = read_json(path, kind)?;
        let total = rows.len() as u64;
        progress(0, total);
        let source = RowSource::Json(rows.into_iter(), total);
        return Ok(read_ahead(source, None, progress, |rows, back| {
            f(rows, None, back)
        }));
    }
    let Some(mapping) = mapping.filter(|m| m.kind == kind) else {
        return Err(ImportError::Unmapped(kind.required().to_vec()));
    };
    let missing = mapping.missing_required();
    if !missing.is_empty() {
        return Err(ImportError::Unmapped(missing));
    }
    let (_, sheet, _) = choose_sheet(path, kind, choice)?;
    let table = Table::open(path, kind, sheet.as_deref(), choice.header_row)?;
    let mapping = Mapping {
        sheet_carrier_kind: (kind == ImportKind::Carriers)
            .then(|| table.title_carrier_kind())
            .flatten(),
        ..mapping.clone()
    };
    let source = RowSource::Table(table);
    let m = Some(&mapping);
    Ok(read_ahead(source, m, progress, |rows, back| {
        f(rows, m, back)
    }))
}

/// Checks a file without writing anything. A table with a header and nothing under it is
/// [`ImportError::NoRows`].
pub fn scan_file(
    path: &Path,
    kind: ImportKind,
    choice: &TableChoice,
    mapping: Option<&Mapping>,
    index: &ImportIndex,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ScanReport, ImportError> {
    let report = with_rows(path, kind, choice, mapping, progress, |rows, _, back| {
        plan::scan_giving_back(rows, index, cancel, back)
    })??;
    if report.rows == 0 {
        return Err(ImportError::NoRows);
    }
    Ok(report)
}

/// Imports a file in one transaction.
#[allow(clippy::too_many_arguments)]
pub fn import_file(
    store: &mut Store,
    path: &Path,
    kind: ImportKind,
    choice: &TableChoice,
    mapping: Option<&Mapping>,
    options: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ImportSummary, ImportError> {
    // Whatever the import does, the file as it was before is one restore away.
    store.back_up(crate::store::BackupKind::BeforeImport)?;
    with_rows(path, kind, choice, mapping, progress, |rows, m, back| {
        plan::commit_giving_back(store, rows, m, options, cancel, back)
    })?
}

//! A file as the rows of an import: a sheet or CSV read as it goes, or TechBroker's JSON; and
//! the two steps the window and the command line share.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::error::ImportError;
use super::fields::ImportKind;
use super::json::read_json;
use super::mapping::Mapping;
use super::plan::{self, ImportOptions, ImportSummary, RawRow, ScanReport, SourceRow};
use crate::io::read::{FileKind, TableReader, detect_kind, sheet_names};
use crate::store::{ImportIndex, Store};

/// What the mapping step shows about a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    pub kind: FileKind,
    /// A workbook's sheets; empty for CSV and JSON.
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    pub first_row: Vec<String>,
    pub encoding: Option<&'static str>,
    pub delimiter: Option<u8>,
}

impl FileInfo {
    pub fn is_json(&self) -> bool {
        self.kind == FileKind::Json
    }
}

/// Reads what the mapping step needs: headers, the first row, the sheets.
pub fn inspect(path: &Path, sheet: Option<&str>) -> Result<FileInfo, ImportError> {
    let kind = detect_kind(path)?;
    if kind == FileKind::Json {
        return Ok(FileInfo {
            kind,
            sheets: Vec::new(),
            headers: Vec::new(),
            first_row: Vec::new(),
            encoding: None,
            delimiter: None,
        });
    }
    let sheets = match kind {
        FileKind::Xlsx | FileKind::Xls => sheet_names(path)?,
        _ => Vec::new(),
    };
    let mut reader = TableReader::open(path, sheet)?;
    let first_row = match reader.next_row() {
        Some(row) => row?.cells,
        None => Vec::new(),
    };
    Ok(FileInfo {
        kind,
        sheets,
        headers: reader.headers().to_vec(),
        first_row,
        encoding: reader.encoding(),
        delimiter: reader.delimiter(),
    })
}

/// The rows of a sheet or CSV, reporting (done, total) now and then.
struct TableRows<'p> {
    reader: TableReader,
    progress: &'p mut dyn FnMut(u64, u64),
    read: usize,
}

impl Iterator for TableRows<'_> {
    type Item = Result<SourceRow, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        let row = self.reader.next_row()?;
        self.read += 1;
        if self.read.is_multiple_of(1024) {
            let (done, total) = self.reader.progress();
            (self.progress)(done, total);
        }
        Some(row.map_err(ImportError::from).map(|r| SourceRow {
            number: r.number,
            raw: RawRow::Cells(r.cells),
        }))
    }
}

/// Runs `f` over the file's rows. A table needs a mapping that fills every required field.
fn with_rows<T>(
    path: &Path,
    kind: ImportKind,
    sheet: Option<&str>,
    mapping: Option<&Mapping>,
    progress: &mut dyn FnMut(u64, u64),
    f: impl FnOnce(&mut dyn Iterator<Item = Result<SourceRow, ImportError>>, Option<&Mapping>) -> T,
) -> Result<T, ImportError> {
    if detect_kind(path)? == FileKind::Json {
        let rows = read_json(path, kind)?;
        let total = rows.len() as u64;
        progress(0, total);
        return Ok(f(&mut rows.into_iter().map(Ok), None));
    }
    let Some(mapping) = mapping.filter(|m| m.kind == kind) else {
        return Err(ImportError::Unmapped(kind.required().to_vec()));
    };
    let missing = mapping.missing_required();
    if !missing.is_empty() {
        return Err(ImportError::Unmapped(missing));
    }
    let reader = TableReader::open(path, sheet)?;
    let mut rows = TableRows {
        reader,
        progress,
        read: 0,
    };
    Ok(f(&mut rows, Some(mapping)))
}

/// Checks a file without writing anything.
pub fn scan_file(
    path: &Path,
    kind: ImportKind,
    sheet: Option<&str>,
    mapping: Option<&Mapping>,
    index: &ImportIndex,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ScanReport, ImportError> {
    with_rows(path, kind, sheet, mapping, progress, |rows, m| {
        plan::scan(rows, m, index, cancel)
    })?
}

/// Imports a file in one transaction.
#[allow(clippy::too_many_arguments)]
pub fn import_file(
    store: &mut Store,
    path: &Path,
    kind: ImportKind,
    sheet: Option<&str>,
    mapping: Option<&Mapping>,
    options: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ImportSummary, ImportError> {
    with_rows(path, kind, sheet, mapping, progress, |rows, m| {
        plan::commit(store, rows, m, options, cancel)
    })?
}

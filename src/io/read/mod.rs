//! Files in, as tables: CSV in whatever encoding Excel or a platform wrote it, XLSX and XLS
//! workbooks, and recognising TechBroker's own JSON so it can be handed to its importer.
//!
//! Every reader yields the same thing: a header row, then numbered rows of trimmed text cells,
//! with the row numbers the user sees in Excel or a text editor, so an import can say where a
//! problem is.

mod csv_table;
mod decode;
mod sheet;
mod sniff;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use csv_table::CsvTable;
use sheet::SheetTable;

/// What a file holds, decided by [`detect_kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Xlsx,
    Xls,
    Json,
}

/// One data row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// As the user sees it: for CSV the line where the record starts (the first line is 1), for
    /// a sheet its Excel row number.
    pub number: usize,
    /// Cell texts with surrounding whitespace removed.
    pub cells: Vec<String>,
}

/// Why a file could not be read as a table.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the file holds no data")]
    Empty,
    #[error("the file is neither text nor a workbook")]
    NotText,
    #[error("cannot read the workbook: {0}")]
    Workbook(String),
    #[error("the workbook has no sheet named {0}")]
    NoSuchSheet(String),
    #[error("malformed CSV at line {line}: {message}")]
    Csv { line: u64, message: String },
    /// The file is TechBroker JSON: it goes to the JSON importer, not to a [`TableReader`].
    #[error("the file is JSON, not a table")]
    IsJson,
}

impl ReadError {
    fn io(path: &Path, source: std::io::Error) -> ReadError {
        ReadError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// What a file is: by content first (a ZIP archive is an XLSX workbook, an OLE compound file an
/// XLS workbook, text starting with `[` or `{` JSON), then by extension (`.json` text is JSON;
/// binary named `.xlsx` or `.xls` is a workbook, so opening it reports what is wrong with it);
/// any other text is CSV, and any other binary is [`ReadError::NotText`].
pub fn detect_kind(path: &Path) -> Result<FileKind, ReadError> {
    kind_of(path, &Sample::read(path)?)
}

/// The sheet names of a workbook in order; empty for CSV and JSON.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ReadError> {
    match detect_kind(path)? {
        kind @ (FileKind::Xlsx | FileKind::Xls) => sheet::sheet_names(path, kind),
        FileKind::Csv | FileKind::Json => Ok(Vec::new()),
    }
}

/// Reads a CSV file or a workbook sheet row by row. CSV is streamed, so a large file is never in
/// memory whole; a sheet is loaded whole, as calamine reads it.
pub struct TableReader {
    headers: Vec<String>,
    source: Source,
}

enum Source {
    Csv(Box<CsvTable>),
    Sheet(SheetTable),
}

impl TableReader {
    /// Opens a CSV file or a workbook's sheet (the first if `sheet` is None) and reads its header
    /// row: the first row that is not entirely empty. A CSV file has no sheets, so naming one is
    /// [`ReadError::NoSuchSheet`].
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<TableReader, ReadError> {
        let sample = Sample::read(path)?;
        let (headers, source) = match kind_of(path, &sample)? {
            FileKind::Csv => match sheet {
                Some(name) => return Err(ReadError::NoSuchSheet(name.to_string())),
                None => {
                    let (table, headers) = CsvTable::open(path, &sample)?;
                    (headers, Source::Csv(Box::new(table)))
                }
            },
            kind @ (FileKind::Xlsx | FileKind::Xls) => {
                let (table, headers) = SheetTable::open(path, kind, sheet)?;
                (headers, Source::Sheet(table))
            }
            FileKind::Json => return Err(ReadError::IsJson),
        };
        Ok(TableReader { headers, source })
    }

    /// The header cells, trimmed.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// For CSV: "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE"; None for workbooks.
    pub fn encoding(&self) -> Option<&'static str> {
        match &self.source {
            Source::Csv(table) => Some(table.encoding()),
            Source::Sheet(_) => None,
        }
    }

    /// For CSV: the delimiter found (`,`, `;`, tab or `|`); None for workbooks.
    pub fn delimiter(&self) -> Option<u8> {
        match &self.source {
            Source::Csv(table) => Some(table.delimiter()),
            Source::Sheet(_) => None,
        }
    }

    /// The next data row, skipping rows whose cells are all empty; None at the end.
    pub fn next_row(&mut self) -> Option<Result<Row, ReadError>> {
        match &mut self.source {
            Source::Csv(table) => table.next_row(),
            Source::Sheet(table) => table.next_row().map(Ok),
        }
    }

    /// (done, total) for a progress bar: bytes for CSV, rows for workbooks.
    pub fn progress(&self) -> (u64, u64) {
        match &self.source {
            Source::Csv(table) => table.progress(),
            Source::Sheet(table) => table.progress(),
        }
    }
}

/// The first bytes of a file: enough to tell its kind, encoding and delimiter.
struct Sample {
    bytes: Vec<u8>,
    /// The file goes on after the sample, so its last character or record may be cut.
    truncated: bool,
}

impl Sample {
    fn read(path: &Path) -> Result<Sample, ReadError> {
        let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
        let mut bytes = Vec::with_capacity(sniff::SAMPLE_LEN);
        // One byte more than the sample tells whether the file goes on.
        file.take(sniff::SAMPLE_LEN as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ReadError::io(path, e))?;
        let truncated = bytes.len() > sniff::SAMPLE_LEN;
        bytes.truncate(sniff::SAMPLE_LEN);
        Ok(Sample { bytes, truncated })
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn kind_of(path: &Path, sample: &Sample) -> Result<FileKind, ReadError> {
    let bytes = &sample.bytes;
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return Ok(FileKind::Xlsx);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Ok(FileKind::Xls);
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match sniff::decode_sample(bytes, sample.truncated) {
        Ok(text) => {
            let first = text.text.trim_start().chars().next();
            if matches!(first, Some('[' | '{')) || extension == "json" {
                Ok(FileKind::Json)
            } else {
                Ok(FileKind::Csv)
            }
        }
        Err(ReadError::NotText) => match extension.as_str() {
            "xlsx" | "xlsm" => Ok(FileKind::Xlsx),
            "xls" => Ok(FileKind::Xls),
            _ => Err(ReadError::NotText),
        },
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests;

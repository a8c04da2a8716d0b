//! Files in, as tables: CSV in whatever encoding Excel or a platform wrote it, XLSX and XLS
//! workbooks, web pages' tables saved as .xls, and recognising TechBroker's own JSON so it can be
//! handed to its importer.
//!
//! Every reader yields the same thing: numbered rows of trimmed text cells, with the row
//! numbers the user sees in Excel or a text editor, so an import can say where a problem is.
//! Which row is the header is the importer's to decide: titles and notes often come first.

mod csv_table;
mod decode;
mod html;
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
    /// A web page with a table, whatever its name says (platforms save them as .xls).
    Html,
}

impl FileKind {
    pub fn is_workbook(self) -> bool {
        matches!(self, FileKind::Xlsx | FileKind::Xls)
    }
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// As the user sees it: for CSV the line where the record starts (the first line is 1), for
    /// a sheet its Excel row number, for a web page's table its row.
    pub number: usize,
    /// Cell texts with surrounding whitespace removed.
    pub cells: Vec<String>,
    /// What reading found wrong with some cells, by column.
    pub issues: Vec<(usize, CellIssue)>,
}

/// Something wrong with how a cell was stored in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellIssue {
    /// Written in another encoding than the rest of the file (GBK rows pasted into a UTF-8
    /// file): read in that one.
    OtherEncoding(&'static str),
    /// NUL bytes, removed.
    NulRemoved,
    /// Bytes that are text in no encoding the file could be in: the cell cannot be read.
    Undecodable,
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
    /// A document of another program (a Word file, a PDF, a ZIP archive), whatever its name.
    #[error("the file is {0:?}, not a spreadsheet")]
    OtherDocument(Document),
    #[error("cannot read the workbook: {0}")]
    Workbook(String),
    #[error("the workbook is password-protected")]
    Password,
    /// An HTML file without a table: a login page or an error page saved by a browser.
    #[error("this is a web page, not a spreadsheet")]
    WebPage,
    /// A sheet spanning more cells than can be read safely (a far cell, a huge declared size),
    /// or a part of the file too large to hold. Zero when not known.
    #[error("the sheet is too large ({rows} rows × {columns} columns)")]
    TooLarge { rows: u64, columns: u64 },
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

/// A kind of file that is not a table, told by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Word,
    Pdf,
    Presentation,
    /// A ZIP archive holding no workbook.
    Zip,
}

/// How much of a ZIP file's end is read for the names of its parts (its central directory).
const ZIP_TAIL: u64 = 1 << 20;
/// How much of an OLE compound file is read for the names of its streams.
const OLE_HEAD: u64 = 8 << 20;

fn read_part(path: &Path, from_end: bool, len: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::{Seek, SeekFrom};
    let mut file = File::open(path).map_err(|e| ReadError::io(path, e))?;
    if from_end {
        let size = file.metadata().map_err(|e| ReadError::io(path, e))?.len();
        file.seek(SeekFrom::Start(size.saturating_sub(len)))
            .map_err(|e| ReadError::io(path, e))?;
    }
    let mut bytes = Vec::new();
    file.take(len)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::io(path, e))?;
    Ok(bytes)
}

fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// A ZIP archive is a workbook when its parts are a spreadsheet's (xl/…): a Word document
/// (word/…), a presentation (ppt/…) or any other archive is told as such.
fn zip_document(path: &Path) -> Result<Option<Document>, ReadError> {
    let tail = read_part(path, true, ZIP_TAIL)?;
    Ok(if holds(&tail, b"xl/") {
        None
    } else if holds(&tail, b"word/") {
        Some(Document::Word)
    } else if holds(&tail, b"ppt/") {
        Some(Document::Presentation)
    } else if holds(&tail, b"PK\x01\x02") {
        Some(Document::Zip)
    } else {
        // No central directory read: let the workbook reader say what is wrong.
        None
    })
}

/// An OLE compound file is a Word or PowerPoint file when it has their streams and no workbook.
fn ole_document(path: &Path) -> Result<Option<Document>, ReadError> {
    let head = read_part(path, false, OLE_HEAD)?;
    if holds(&head, &utf16("Workbook")) || holds(&head, &utf16("EncryptedPackage")) {
        return Ok(None);
    }
    Ok(if holds(&head, &utf16("WordDocument")) {
        Some(Document::Word)
    } else if holds(&head, &utf16("PowerPoint Document")) {
        Some(Document::Presentation)
    } else {
        None
    })
}

/// What a file is: by content first (a ZIP archive is an XLSX workbook, an OLE compound file an
/// XLS workbook, text starting with `[` or `{` JSON), then by extension (`.json` text is JSON;
/// binary named `.xlsx` or `.xls` is a workbook, so opening it reports what is wrong with it);
/// any other text is CSV, and any other binary is [`ReadError::NotText`].
pub fn detect_kind(path: &Path) -> Result<FileKind, ReadError> {
    kind_of(path, &Sample::read(path)?)
}

/// The sheet names of a workbook in order; empty for other files.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, ReadError> {
    match detect_kind(path)? {
        kind @ (FileKind::Xlsx | FileKind::Xls) => sheet::sheet_names(path, kind),
        FileKind::Csv | FileKind::Json | FileKind::Html => Ok(Vec::new()),
    }
}

/// Reads a CSV file, a workbook sheet or a web page's table row by row. CSV is streamed and an
/// XLSX sheet read ahead on a thread, so neither is ever in memory whole.
pub struct TableReader {
    source: Source,
}

enum Source {
    Csv(Box<CsvTable>),
    Sheet(SheetTable),
    Rows(std::vec::IntoIter<Row>, u64),
}

impl TableReader {
    /// Opens a CSV file, a workbook's sheet (the first if `sheet` is None) or a web page's
    /// table. A file with no sheets cannot have one named: [`ReadError::NoSuchSheet`].
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<TableReader, ReadError> {
        let sample = Sample::read(path)?;
        let kind = kind_of(path, &sample)?;
        if let (Some(name), false) = (sheet, kind.is_workbook()) {
            return Err(ReadError::NoSuchSheet(name.to_string()));
        }
        let source = match kind {
            FileKind::Csv => Source::Csv(Box::new(CsvTable::open(path, &sample)?)),
            FileKind::Xlsx | FileKind::Xls => Source::Sheet(SheetTable::open(path, kind, sheet)?),
            FileKind::Html => {
                let rows = html::read_html(path)?;
                let total = rows.len() as u64;
                Source::Rows(rows.into_iter(), total)
            }
            FileKind::Json => return Err(ReadError::IsJson),
        };
        Ok(TableReader { source })
    }

    /// For CSV: "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE"; None for other files.
    pub fn encoding(&self) -> Option<&'static str> {
        match &self.source {
            Source::Csv(table) => Some(table.encoding()),
            Source::Sheet(_) | Source::Rows(..) => None,
        }
    }

    /// For CSV: the delimiter found (`,`, `;`, tab or `|`); None for other files.
    pub fn delimiter(&self) -> Option<u8> {
        match &self.source {
            Source::Csv(table) => Some(table.delimiter()),
            Source::Sheet(_) | Source::Rows(..) => None,
        }
    }

    /// The next row, skipping rows whose cells are all empty; None at the end.
    pub fn next_row(&mut self) -> Option<Result<Row, ReadError>> {
        match &mut self.source {
            Source::Csv(table) => table.next_row(),
            Source::Sheet(table) => table.next_row(),
            Source::Rows(rows, _) => rows.next().map(Ok),
        }
    }

    /// (done, total) for a progress bar: bytes for CSV, rows for other files.
    pub fn progress(&self) -> (u64, u64) {
        match &self.source {
            Source::Csv(table) => table.progress(),
            Source::Sheet(table) => table.progress(),
            Source::Rows(rows, total) => (total - rows.len() as u64, *total),
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
        return match zip_document(path)? {
            Some(doc) => Err(ReadError::OtherDocument(doc)),
            None => Ok(FileKind::Xlsx),
        };
    }
    if bytes.starts_with(OLE_MAGIC) {
        return match ole_document(path)? {
            Some(doc) => Err(ReadError::OtherDocument(doc)),
            None => Ok(FileKind::Xls),
        };
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ReadError::OtherDocument(Document::Pdf));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ReadError::OtherDocument(Document::Word));
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
            } else if html::looks_like_html(&text.text) {
                Ok(FileKind::Html)
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

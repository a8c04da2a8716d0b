//! A CSV file read record by record through the decoder: the encoding and delimiter are guessed
//! from the sample, the csv crate does the quoting.

use std::fs::File;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use super::decode::Utf8Reader;
use super::{ReadError, Row, Sample, sniff};

/// A record spanning more lines than this is a stray quote paired with another far below, not a
/// cell with line breaks: even a long abstract has far fewer.
pub(super) const MAX_RECORD_LINES: u64 = 500;

pub(super) struct CsvTable {
    path: PathBuf,
    reader: csv::Reader<Utf8Reader<File>>,
    record: csv::StringRecord,
    encoding: &'static Encoding,
    delimiter: u8,
    total: u64,
}

impl CsvTable {
    /// Opens the file, guesses encoding and delimiter from `sample`, and reads the header row.
    pub(super) fn open(path: &Path, sample: &Sample) -> Result<(CsvTable, Vec<String>), ReadError> {
        let decoded = sniff::decode_sample(&sample.bytes, sample.truncated)?;
        let delimiter = sniff::sniff_delimiter(&decoded.text, sample.truncated);
        let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
        let total = file.metadata().map_err(|e| ReadError::io(path, e))?.len();
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(Utf8Reader::new(file, decoded.encoding));
        let mut table = CsvTable {
            path: path.to_path_buf(),
            reader,
            record: csv::StringRecord::new(),
            encoding: decoded.encoding,
            delimiter,
            total,
        };
        let headers = match table.next_row() {
            Some(Ok(row)) => row.cells,
            Some(Err(e)) => return Err(e),
            None => return Err(ReadError::Empty),
        };
        Ok((table, headers))
    }

    pub(super) fn encoding(&self) -> &'static str {
        sniff::encoding_name(self.encoding)
    }

    pub(super) fn delimiter(&self) -> u8 {
        self.delimiter
    }

    pub(super) fn next_row(&mut self) -> Option<Result<Row, ReadError>> {
        loop {
            let before = self.reader.position().line();
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => return Some(Err(self.csv_error(e))),
            }
            let inside = self
                .record
                .as_byte_record()
                .iter()
                .map(|field| memchr::memchr_iter(b'\n', field).count() as u64)
                .sum::<u64>();
            // Line breaks consumed: any blank lines before the record, those inside its quoted
            // fields, and the one ending it. The text always ends with one (see `decode`), so
            // a record that no line break ended is a quote that swallowed the rest of the file.
            let end = self.reader.position().line();
            if end - before == inside {
                return Some(Err(ReadError::Csv {
                    line: before,
                    message: "a quote opened here is never closed".to_string(),
                }));
            }
            let line = end - inside - 1;
            if inside > MAX_RECORD_LINES {
                return Some(Err(ReadError::Csv {
                    line,
                    message: format!("a quoted field starting here runs over {inside} lines"),
                }));
            }
            if self.record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let cells = self.record.iter().map(|c| c.trim().to_string()).collect();
            return Some(Ok(Row {
                number: usize::try_from(line).unwrap_or(usize::MAX),
                cells,
            }));
        }
    }

    /// Bytes of the file read so far (ahead of the rows by at most a buffer) and its size.
    pub(super) fn progress(&self) -> (u64, u64) {
        (self.reader.get_ref().consumed().min(self.total), self.total)
    }

    fn csv_error(&self, error: csv::Error) -> ReadError {
        let line = error.position().map_or(0, |p| p.line());
        let message = error.to_string();
        match error.into_kind() {
            csv::ErrorKind::Io(source) => ReadError::io(&self.path, source),
            _ => ReadError::Csv { line, message },
        }
    }
}

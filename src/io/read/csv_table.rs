//! A CSV file read record by record: the encoding and delimiter are guessed from the sample,
//! the csv crate does the quoting, and each cell is decoded on its own, so a row saved in
//! another encoding (GBK rows in a UTF-8 file) is read in it and reported, and bytes that are
//! text in no encoding are reported rather than stored as U+FFFD.

use std::borrow::Cow;
use std::fs::File;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, GB18030, UTF_8};

use super::decode::{LineTooLong, Utf8Reader};
use super::{CellIssue, ReadError, Row, Sample, sniff};

/// A record spanning more lines than this is a stray quote paired with another far below, not a
/// cell with line breaks: even a long abstract has far fewer.
pub(super) const MAX_RECORD_LINES: u64 = 500;

pub(super) struct CsvTable {
    path: PathBuf,
    reader: csv::Reader<Utf8Reader<File>>,
    record: csv::ByteRecord,
    encoding: &'static Encoding,
    /// The bytes reach the parser undecoded (UTF-8 or GB18030), so cells are decoded here.
    raw: bool,
    delimiter: u8,
    total: u64,
}

impl CsvTable {
    /// Opens the file and guesses encoding and delimiter from `sample`.
    pub(super) fn open(path: &Path, sample: &Sample) -> Result<CsvTable, ReadError> {
        let decoded = sniff::decode_sample(&sample.bytes, sample.truncated)?;
        let delimiter = sniff::sniff_delimiter(&decoded.text, sample.truncated);
        let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
        let total = file.metadata().map_err(|e| ReadError::io(path, e))?.len();
        // GB18030's second bytes include '|' (0x7C): a bar-separated GBK file is decoded first.
        let raw = decoded.encoding == UTF_8 || (decoded.encoding == GB18030 && delimiter != b'|');
        let text = if raw {
            Utf8Reader::raw(file)
        } else {
            Utf8Reader::new(file, decoded.encoding)
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text);
        Ok(CsvTable {
            path: path.to_path_buf(),
            reader,
            record: csv::ByteRecord::new(),
            encoding: decoded.encoding,
            raw,
            delimiter,
            total,
        })
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
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => return Some(Err(self.csv_error(e))),
            }
            // The record's fields lie end to end in one slice: one count instead of one a field.
            let inside = memchr::memchr_iter(b'\n', self.record.as_slice()).count() as u64;
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
            if self.record.iter().all(|cell| cell.trim_ascii().is_empty()) {
                continue;
            }
            let mut issues = Vec::new();
            let cells = self
                .record
                .iter()
                .enumerate()
                .map(|(column, bytes)| {
                    let (text, issue) = if self.raw {
                        decode_cell(bytes, self.encoding)
                    } else {
                        decoded_cell(bytes)
                    };
                    issues.extend(issue.map(|i| (column, i)));
                    crate::io::unprotected_cell(text.trim()).to_string()
                })
                .collect();
            let row = Row {
                number: usize::try_from(line).unwrap_or(usize::MAX),
                cells,
                issues,
            };
            if row.cells.iter().all(String::is_empty) {
                continue;
            }
            return Some(Ok(row));
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
            csv::ErrorKind::Io(source)
                if source.get_ref().is_some_and(|e| e.is::<LineTooLong>()) =>
            {
                ReadError::Csv {
                    line: self.reader.position().line(),
                    message: source.to_string(),
                }
            }
            csv::ErrorKind::Io(source) => ReadError::io(&self.path, source),
            _ => ReadError::Csv { line, message },
        }
    }
}

/// A cell's bytes as text. UTF-8 is tried first (GBK text is almost never valid UTF-8), then
/// GB18030; a cell in the encoding other than the file's is reported, NUL bytes are removed and
/// reported, and bytes neither can read are reported as undecodable.
fn decode_cell<'b>(bytes: &'b [u8], file: &'static Encoding) -> (Cow<'b, str>, Option<CellIssue>) {
    if memchr::memchr(0, bytes).is_some() {
        let cleaned: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
        let (text, issue) = decode_cell(&cleaned, file);
        let issue = match issue {
            Some(CellIssue::Undecodable) => CellIssue::Undecodable,
            _ => CellIssue::NulRemoved,
        };
        return (Cow::Owned(text.into_owned()), Some(issue));
    }
    // simdutf8: most of a file's bytes are Chinese text, which std's check takes a byte at a time.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        if file == UTF_8 || text.is_ascii() {
            return (Cow::Borrowed(text), None);
        }
        // Chinese in UTF-8 takes three bytes a character. A GBK pair such as 转 (D7 AA) is also
        // a valid two-byte UTF-8 letter (ת), so in a GBK file two-byte text is read as GBK: a
        // Chinese list holds far more such characters than accented Latin written in UTF-8.
        if text.chars().any(|c| c >= '\u{800}')
            || GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .is_none()
        {
            return (Cow::Borrowed(text), Some(CellIssue::OtherEncoding("UTF-8")));
        }
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => {
            let issue = (file == UTF_8).then_some(CellIssue::OtherEncoding("GBK"));
            (text, issue)
        }
        None => (String::from_utf8_lossy(bytes), Some(CellIssue::Undecodable)),
    }
}

/// A cell the decoder already turned into UTF-8 (UTF-16 files): U+FFFD marks bytes it could not
/// read.
fn decoded_cell(bytes: &[u8]) -> (Cow<'_, str>, Option<CellIssue>) {
    let text = String::from_utf8_lossy(bytes);
    if text.contains('\u{FFFD}') {
        let text = Cow::Owned(text.replace('\0', ""));
        (text, Some(CellIssue::Undecodable))
    } else if text.contains('\0') {
        (
            Cow::Owned(text.replace('\0', "")),
            Some(CellIssue::NulRemoved),
        )
    } else {
        (text, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_read_in_whichever_encoding_they_are_in() {
        let (gbk, _, _) = encoding_rs::GBK.encode("山东大学");
        assert_eq!(
            decode_cell(&gbk, UTF_8),
            ("山东大学".into(), Some(CellIssue::OtherEncoding("GBK")))
        );
        assert_eq!(decode_cell(&gbk, GB18030), ("山东大学".into(), None));
        assert_eq!(
            decode_cell("山东大学".as_bytes(), GB18030),
            ("山东大学".into(), Some(CellIssue::OtherEncoding("UTF-8")))
        );
        assert_eq!(decode_cell(b"abc", GB18030), ("abc".into(), None));
        let (extension, _, _) = encoding_rs::GBK.encode("0534-2256789转8012");
        assert_eq!(
            decode_cell(&extension, GB18030),
            ("0534-2256789转8012".into(), None)
        );
        assert_eq!(
            decode_cell(b"a\0b", UTF_8),
            ("ab".into(), Some(CellIssue::NulRemoved))
        );
        assert_eq!(
            decode_cell(b"\xff\xff", UTF_8).1,
            Some(CellIssue::Undecodable)
        );
    }
}

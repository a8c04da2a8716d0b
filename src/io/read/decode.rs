//! A `Read` that hands a CSV file's text to the csv parser in small pieces, so a large file is
//! never held in memory whole. UTF-16 is turned into UTF-8 as it is read; UTF-8 and GB18030,
//! whose delimiters and quotes are plain ASCII bytes, pass through as they are, so each cell
//! can be decoded on its own and a row written in another encoding found (see `csv_table`).
//!
//! A line longer than [`MAX_LINE`] bytes is an error: no spreadsheet writes one, and the csv
//! parser would otherwise grow its buffer with it.
//!
//! It also ends every line with a single `\n`: CRLF (Windows) and lone CR (old Mac) become LF,
//! and a last line without one gets one. The csv crate counts lines by `\n` and starts a
//! record's position before any blank lines or the LF of a CRLF it skips, so with one uniform
//! terminator a record's first line can be worked out exactly from where it ends.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding};

const BUFFER_LEN: usize = 64 * 1024;
/// The longest line accepted, in bytes.
pub(super) const MAX_LINE: usize = 16 * 1024 * 1024;

pub(super) struct Utf8Reader<R> {
    inner: R,
    /// None: the bytes pass through undecoded (after any UTF-8 byte-order mark).
    decoder: Option<Decoder>,
    /// Bytes still to check for a UTF-8 byte-order mark at the start.
    bom_left: usize,
    /// Bytes since the last line break, to refuse endless lines.
    line_len: usize,
    input: Box<[u8]>,
    input_start: usize,
    input_end: usize,
    output: Box<[u8]>,
    output_start: usize,
    output_end: usize,
    /// Bytes taken from `inner`, for progress.
    consumed: u64,
    inner_done: bool,
    decoder_done: bool,
    /// The last decoded byte was a CR, already turned into LF: an LF right after it is dropped.
    after_cr: bool,
    /// The last byte handed out, to know whether the text ended with a line break.
    last_byte: Option<u8>,
}

impl<R: Read> Utf8Reader<R> {
    /// Decodes `inner` from `encoding`, dropping that encoding's byte-order mark if present.
    pub(super) fn new(inner: R, encoding: &'static Encoding) -> Utf8Reader<R> {
        Self::with_decoder(inner, Some(encoding.new_decoder_with_bom_removal()))
    }

    /// Hands `inner` on undecoded, without a UTF-8 byte-order mark.
    pub(super) fn raw(inner: R) -> Utf8Reader<R> {
        Self::with_decoder(inner, None)
    }

    fn with_decoder(inner: R, decoder: Option<Decoder>) -> Utf8Reader<R> {
        Utf8Reader {
            inner,
            bom_left: if decoder.is_none() { 3 } else { 0 },
            line_len: 0,
            decoder,
            input: vec![0; BUFFER_LEN].into_boxed_slice(),
            input_start: 0,
            input_end: 0,
            output: vec![0; BUFFER_LEN].into_boxed_slice(),
            output_start: 0,
            output_end: 0,
            consumed: 0,
            inner_done: false,
            decoder_done: false,
            after_cr: false,
            last_byte: None,
        }
    }

    pub(super) fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Decodes the next piece into the (empty) output buffer, reading input when it runs out.
    fn fill(&mut self) -> io::Result<()> {
        if self.input_start == self.input_end && !self.inner_done {
            let n = read_retrying(&mut self.inner, &mut self.input)?;
            self.input_start = 0;
            self.input_end = n;
            self.consumed += n as u64;
            self.inner_done = n == 0;
        }
        let input = &self.input[self.input_start..self.input_end];
        let (done, read, written) = match &mut self.decoder {
            // Malformed bytes become U+FFFD, which the row reports.
            Some(decoder) => {
                let (result, read, written, _) =
                    decoder.decode_to_utf8(input, &mut self.output, self.inner_done);
                (result == CoderResult::InputEmpty, read, written)
            }
            None => {
                let bom = strip_bom(input, &mut self.bom_left);
                let n = (input.len() - bom).min(self.output.len());
                self.output[..n].copy_from_slice(&input[bom..bom + n]);
                (bom + n == input.len(), bom + n, n)
            }
        };
        self.input_start += read;
        self.output_start = 0;
        self.output_end = unify_line_ends(&mut self.output[..written], &mut self.after_cr);
        self.decoder_done = self.inner_done && done;
        self.check_line_length()
    }

    fn check_line_length(&mut self) -> io::Result<()> {
        let piece = &self.output[..self.output_end];
        self.line_len = match memchr::memrchr(b'\n', piece) {
            Some(i) => piece.len() - i - 1,
            None => self.line_len + piece.len(),
        };
        if self.line_len > MAX_LINE {
            return Err(io::Error::new(io::ErrorKind::InvalidData, LineTooLong));
        }
        Ok(())
    }
}

impl<R: Read> Read for Utf8Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // A piece can decode to nothing (a character split across two reads), so loop.
        while self.output_start == self.output_end {
            if self.decoder_done {
                return Ok(self.final_line_end(buf));
            }
            self.fill()?;
        }
        let n = buf.len().min(self.output_end - self.output_start);
        buf[..n].copy_from_slice(&self.output[self.output_start..self.output_start + n]);
        self.output_start += n;
        self.last_byte = buf[..n].last().copied().or(self.last_byte);
        Ok(n)
    }
}

impl<R> Utf8Reader<R> {
    /// At the end of the text: an LF if the last line had none, then nothing.
    fn final_line_end(&mut self, buf: &mut [u8]) -> usize {
        match (self.last_byte, buf.first_mut()) {
            (Some(last), Some(first)) if last != b'\n' => {
                *first = b'\n';
                self.last_byte = Some(b'\n');
                1
            }
            _ => 0,
        }
    }
}

/// The error a line longer than [`MAX_LINE`] gives.
#[derive(Debug, thiserror::Error)]
#[error("a line is longer than {} MiB", MAX_LINE / (1024 * 1024))]
pub(super) struct LineTooLong;

/// How many bytes at the start of `input` belong to a UTF-8 byte-order mark; `left` counts the
/// mark's bytes not yet seen, and is 0 once the start is past.
fn strip_bom(input: &[u8], left: &mut usize) -> usize {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let mut n = 0;
    while *left > 0 && n < input.len() {
        if input[n] != BOM[3 - *left] {
            // Not a mark after all; bytes already dropped cannot be a mark's prefix in practice
            // (no text starts with EF BB but not BF).
            *left = 0;
            return n;
        }
        n += 1;
        *left -= 1;
    }
    n
}

/// Rewrites CRLF and lone CR in `text` as LF in place and returns the new length. `after_cr`
/// carries a CR at the end of one piece over to the next.
fn unify_line_ends(text: &mut [u8], after_cr: &mut bool) -> usize {
    if !*after_cr && memchr::memchr(b'\r', text).is_none() {
        return text.len();
    }
    let mut len = 0;
    for i in 0..text.len() {
        let byte = text[i];
        if byte == b'\n' && *after_cr {
            *after_cr = false;
            continue;
        }
        *after_cr = byte == b'\r';
        text[len] = if *after_cr { b'\n' } else { byte };
        len += 1;
    }
    len
}

fn read_retrying(inner: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match inner.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out one byte per read, so every multibyte character is split across reads.
    struct OneByte<'a>(&'a [u8]);

    impl Read for OneByte<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.split_first() {
                Some((&b, rest)) if !buf.is_empty() => {
                    buf[0] = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn decode_all(reader: impl Read) -> String {
        let mut text = String::new();
        let mut reader = reader;
        reader.read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn characters_split_across_reads_are_decoded() {
        let text = "名称,单位\n锂电池回收,山东大学\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let reader = Utf8Reader::new(OneByte(&gbk), encoding_rs::GB18030);
        assert_eq!(decode_all(reader), text);
    }

    #[test]
    fn the_bom_is_dropped_and_every_byte_counted() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("a\tb\n电池".encode_utf16().flat_map(u16::to_le_bytes));
        let mut reader = Utf8Reader::new(bytes.as_slice(), encoding_rs::UTF_16LE);
        let mut text = String::new();
        reader.read_to_string(&mut text).unwrap();
        assert_eq!(text, "a\tb\n电池\n");
        assert_eq!(reader.consumed(), bytes.len() as u64);
    }

    #[test]
    fn output_larger_than_one_buffer_is_complete() {
        // GBK to UTF-8 grows 2 bytes to 3, so the output buffer fills before the input empties.
        let text = "技术转移".repeat(BUFFER_LEN / 4);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let reader = Utf8Reader::new(gbk.as_ref(), encoding_rs::GB18030);
        // Not assert_eq: a failure would print megabytes.
        assert!(decode_all(reader) == text + "\n");
    }

    #[test]
    fn raw_bytes_pass_through_without_the_bom() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        let (gbk, _, _) = encoding_rs::GBK.encode("名称\r\n电池");
        bytes.extend_from_slice(&gbk);
        let mut reader = Utf8Reader::raw(OneByte(&bytes));
        let mut out = Vec::new();
        reader.read_to_end(&mut out).unwrap();
        let (gbk_expected, _, _) = encoding_rs::GBK.encode("名称\n电池\n");
        assert_eq!(out, gbk_expected.to_vec());
    }

    #[test]
    fn an_endless_line_is_an_error() {
        let line = vec![b'a'; MAX_LINE + 10];
        let mut reader = Utf8Reader::raw(line.as_slice());
        let mut out = Vec::new();
        let err = reader.read_to_end(&mut out).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn line_ends_become_single_lf_even_across_pieces() {
        let mut after_cr = false;
        let mut first = *b"a\r\nb\rc\r";
        let len = unify_line_ends(&mut first, &mut after_cr);
        assert_eq!(&first[..len], b"a\nb\nc\n");
        // The LF of the CRLF split between the two pieces is dropped.
        let mut second = *b"\nd\n\n";
        let len = unify_line_ends(&mut second, &mut after_cr);
        assert_eq!(&second[..len], b"d\n\n");
    }

    #[test]
    fn a_last_line_without_a_line_break_gets_one() {
        assert_eq!(
            decode_all(Utf8Reader::new(
                b"a,b\r\n1,2".as_slice(),
                encoding_rs::UTF_8
            )),
            "a,b\n1,2\n"
        );
        assert_eq!(
            decode_all(Utf8Reader::new(b"a\n".as_slice(), encoding_rs::UTF_8)),
            "a\n"
        );
        assert_eq!(
            decode_all(Utf8Reader::new(b"".as_slice(), encoding_rs::UTF_8)),
            ""
        );
    }
}

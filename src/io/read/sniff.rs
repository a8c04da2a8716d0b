//! Guessing how a text file was written from its first bytes: the encoding, whether it is text
//! at all, and the delimiter.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::ReadError;

/// How many bytes are looked at to guess the encoding and the delimiter.
pub(super) const SAMPLE_LEN: usize = 64 * 1024;

/// The sample decoded, and the encoding it was decoded with.
pub(super) struct DecodedSample {
    pub encoding: &'static Encoding,
    /// Without a byte-order mark.
    pub text: String,
}

/// Decodes the first bytes of a file. A BOM decides the encoding; without one, text that is
/// valid UTF-8 is UTF-8 and anything else GB18030, which is what Chinese Excel writes (a
/// superset of GBK). NUL bytes or many control characters mean binary: [`ReadError::NotText`].
pub(super) fn decode_sample(bytes: &[u8], truncated: bool) -> Result<DecodedSample, ReadError> {
    let encoding = encoding_of(bytes, truncated)?;
    if encoding == UTF_8 && std::str::from_utf8(bytes).is_err() {
        // Mostly UTF-8 with lines in GBK: each line in its own encoding, as the rows will be.
        let text = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .split_inclusive(|&b| b == b'\n')
            .map(|line| match std::str::from_utf8(line) {
                Ok(text) => text.to_string(),
                Err(_) => GB18030.decode_without_bom_handling(line).0.into_owned(),
            })
            .collect::<String>();
        if looks_binary(&text) {
            return Err(ReadError::NotText);
        }
        return Ok(DecodedSample { encoding, text });
    }
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let capacity = decoder
        .max_utf8_buffer_length(bytes.len())
        .ok_or(ReadError::NotText)?;
    let mut text = String::with_capacity(capacity);
    // `last` is false when the sample is cut, so a character split at its end is not an error.
    let _ = decoder.decode_to_string(bytes, &mut text, !truncated);
    if looks_binary(&text) {
        return Err(ReadError::NotText);
    }
    Ok(DecodedSample { encoding, text })
}

/// The name the API reports for an encoding chosen by [`decode_sample`].
pub(super) fn encoding_name(encoding: &'static Encoding) -> &'static str {
    if encoding == UTF_16LE {
        "UTF-16LE"
    } else if encoding == UTF_16BE {
        "UTF-16BE"
    } else if encoding == GB18030 {
        "GB18030"
    } else {
        "UTF-8"
    }
}

fn encoding_of(bytes: &[u8], truncated: bool) -> Result<&'static Encoding, ReadError> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Ok(UTF_16LE);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Ok(UTF_16BE);
    }
    // UTF-16 without a BOM is not recognised: Excel always writes one.
    if bytes.contains(&0) {
        return Err(ReadError::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(UTF_8),
        // `error_len() == None`: the input ends inside a character, which a cut sample may do.
        Err(e) if truncated && e.error_len().is_none() => Ok(UTF_8),
        Err(_) => Ok(majority_encoding(bytes, truncated)),
    }
}

/// For text that is not UTF-8 throughout: UTF-8 if most lines with Chinese in them are valid
/// UTF-8 (a file saved in UTF-8 with a few rows pasted in from a GBK file), else GB18030. The
/// rows in the other encoding are read in it and reported (see `csv_table`).
fn majority_encoding(bytes: &[u8], truncated: bool) -> &'static Encoding {
    let (mut utf8, mut other) = (0usize, 0usize);
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_ascii()) {
        match std::str::from_utf8(line) {
            Ok(_) => utf8 += 1,
            // A character cut at the end of a sample says nothing.
            Err(e) if truncated && e.error_len().is_none() => {}
            Err(_) => other += 1,
        }
    }
    if utf8 > other { UTF_8 } else { GB18030 }
}

/// More than 1% undecodable bytes or control characters: no spreadsheet writes that, so the file
/// is binary. A few are tolerated, as a damaged character in real text.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        if c == char::REPLACEMENT_CHARACTER
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        {
            bad += 1;
        }
    }
    bad * 100 > total
}

/// The delimiters tried, in order of preference when two fit equally well.
const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];
/// Enough records to see a pattern, few enough to stay quick.
const SNIFF_RECORDS: usize = 50;

/// The delimiter that splits the first records of `text` into the same number of fields (at
/// least two) most consistently, parsed quote-aware so commas or line breaks inside quoted
/// fields do not count. `,` when none splits anything: a file of a single column.
pub(super) fn sniff_delimiter(text: &str, truncated: bool) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for delimiter in DELIMITERS {
        let mut counts = field_counts(text, delimiter);
        // The last record of a cut sample may be cut too.
        if truncated {
            counts.pop();
        }
        let Some((fields, agreeing)) = mode(&counts) else {
            continue;
        };
        if fields < 2 {
            continue;
        }
        // Agreement per mille first, then more fields: a comma inside every line of a
        // tab-separated file must not win over the tabs.
        let consistency = agreeing * 1000 / counts.len();
        if (consistency, fields) > (best.1, best.2) {
            best = (delimiter, consistency, fields);
        }
    }
    best.0
}

/// Field counts of the first non-blank records.
fn field_counts(text: &str, delimiter: u8) -> Vec<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    reader
        .byte_records()
        .map_while(Result::ok)
        .filter(|record| record.iter().any(|f| !f.trim_ascii().is_empty()))
        .take(SNIFF_RECORDS)
        .map(|record| record.len())
        .collect()
}

/// The most frequent value and how often it occurs; the larger value on a tie.
fn mode(values: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len()))
        .max_by_key(|&(value, count)| (count, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_character_cut_at_the_end_of_the_sample_is_still_utf8() {
        let bytes = "名称,单位\n锂电池".as_bytes();
        let cut = &bytes[..bytes.len() - 1];
        assert_eq!(encoding_of(cut, true).unwrap(), UTF_8);
        // The same bytes as a whole file are not valid UTF-8.
        assert_eq!(encoding_of(cut, false).unwrap(), GB18030);
    }

    #[test]
    fn mostly_utf8_text_with_a_gbk_line_is_utf8() {
        let mut bytes = "名称,单位\n锂电池,山东大学\n钠电池,青岛大学\n"
            .as_bytes()
            .to_vec();
        let (gbk, _, _) = encoding_rs::GBK.encode("氢能,济南大学\n");
        bytes.extend_from_slice(&gbk);
        assert_eq!(encoding_of(&bytes, false).unwrap(), UTF_8);
        let (all_gbk, _, _) = encoding_rs::GBK.encode("名称,单位\n锂电池,山东大学\n");
        assert_eq!(encoding_of(&all_gbk, false).unwrap(), GB18030);
    }

    #[test]
    fn nul_bytes_or_control_characters_are_binary() {
        assert!(matches!(
            decode_sample(b"a,b\n\0\0\x01", false),
            Err(ReadError::NotText)
        ));
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 10 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(matches!(
            decode_sample(&controls, false),
            Err(ReadError::NotText)
        ));
        assert!(decode_sample(b"a,b\r\n1,2\t3\n", false).is_ok());
    }

    #[test]
    fn quoted_delimiters_do_not_count() {
        // Every line has two commas inside quotes but one semicolon outside them.
        let text = "名称;关键词\n\"锂电池, 回收, 梯次\";储能\n\"钠电池, 正极, 材料\";电池\n";
        assert_eq!(sniff_delimiter(text, false), b';');
    }

    #[test]
    fn a_quoted_line_break_does_not_change_the_field_count() {
        let text = "a,b,c\n1,\"two\nlines\",3\n4,5,6\n";
        assert_eq!(sniff_delimiter(text, false), b',');
        assert_eq!(field_counts(text, b','), vec![3, 3, 3]);
    }

    #[test]
    fn pipes_and_a_single_column() {
        assert_eq!(sniff_delimiter("a|b\n1|2\n", false), b'|');
        assert_eq!(sniff_delimiter("名称\n锂电池\n钠电池\n", false), b',');
    }

    #[test]
    fn a_record_cut_at_the_end_of_the_sample_is_ignored() {
        // ';' splits every whole line into three fields, ',' into two; the cut last line has
        // only a comma, so counting it would make ',' the consistent one.
        let text = "a;b;c,d\n1;2;3,4\n5;6;7,8\nx,y";
        assert_eq!(sniff_delimiter(text, true), b';');
        assert_eq!(sniff_delimiter(text, false), b',');
    }
}

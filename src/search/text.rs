//! The one normalisation both the index and the queries go through.

/// Lower-cases Latin letters and folds full-width ASCII (ＡＢＣ１２３) and the ideographic space,
/// appending the result to `out` as UTF-16 code units.
pub fn normalize_into(out: &mut Vec<u16>, text: &str) {
    let mut buf = [0u16; 2];
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        };
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase() as u16);
        } else {
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf16(&mut buf));
            }
        }
    }
}

/// `text` normalised, for callers outside the index (e.g. highlighting).
pub fn normalize(text: &str) -> Vec<u16> {
    let mut out = Vec::with_capacity(text.len());
    normalize_into(&mut out, text);
    out
}

/// Whether `needle` occurs in `hay`.
pub fn contains(hay: &[u16], needle: &[u16]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_full_width() {
        assert_eq!(normalize("ＢＭＳ电池Li"), normalize("bms电池li"));
    }

    #[test]
    fn contains_finds_substrings() {
        let hay = normalize("高效锂电池储能系统");
        assert!(contains(&hay, &normalize("锂电池")));
        assert!(contains(&hay, &normalize("系统")));
        assert!(!contains(&hay, &normalize("电池锂")));
        assert!(contains(&hay, &[]));
    }
}

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
        } else if NO_CASE.contains(&c) {
            // Chinese text is nearly all here: no case table to search for each character.
            out.push(c as u16);
        } else {
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf16(&mut buf));
            }
        }
    }
}

/// CJK punctuation, kana and the unified ideographs (with extension A): no case, one UTF-16 unit.
const NO_CASE: std::ops::RangeInclusive<char> = '\u{3000}'..='\u{9FFF}';

/// `text` normalised, for callers outside the index (e.g. highlighting).
pub fn normalize(text: &str) -> Vec<u16> {
    let mut out = Vec::with_capacity(text.len());
    normalize_into(&mut out, text);
    out
}

/// A query term prepared for fast substring tests over coded texts: a SIMD byte search
/// (memchr), exact because the code is self-synchronising (see `code`).
pub struct Needle {
    finder: memchr::memmem::Finder<'static>,
}

impl Needle {
    pub fn new(code: &[u8]) -> Self {
        Self {
            finder: memchr::memmem::Finder::new(code).into_owned(),
        }
    }

    /// Whether the term occurs in `hay`, coded by the same table.
    pub fn is_in(&self, hay: &[u8]) -> bool {
        self.finder.find(hay).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characters_taken_without_a_case_lookup_have_no_case() {
        for c in NO_CASE {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
            assert_eq!(c.len_utf16(), 1, "{c:?}");
        }
    }

    #[test]
    fn folds_case_and_full_width() {
        assert_eq!(normalize("ＢＭＳ电池Li"), normalize("bms电池li"));
    }

    #[test]
    fn needles_find_substrings() {
        let code = crate::search::code::CharCode::default();
        let coded = |t: &str| code.encode(&normalize(t));
        let hay = coded("高效锂电池储能系统");
        assert!(Needle::new(&coded("锂电池")).is_in(&hay));
        assert!(Needle::new(&coded("系统")).is_in(&hay));
        assert!(!Needle::new(&coded("电池锂")).is_in(&hay));
        assert!(Needle::new(&[]).is_in(&hay));
    }
}

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

/// A query term prepared for fast substring tests over normalised texts: a SIMD byte search
/// (memchr) over the UTF-16 units seen as bytes, accepting only matches on a unit boundary.
pub struct Needle {
    finder: memchr::memmem::Finder<'static>,
    empty: bool,
}

impl Needle {
    pub fn new(units: &[u16]) -> Self {
        let bytes: &[u8] = bytemuck::cast_slice(units);
        Self {
            finder: memchr::memmem::Finder::new(bytes).into_owned(),
            empty: units.is_empty(),
        }
    }

    /// Whether the term occurs in `hay`.
    pub fn is_in(&self, hay: &[u16]) -> bool {
        if self.empty {
            return true;
        }
        let bytes: &[u8] = bytemuck::cast_slice(hay);
        let mut start = 0;
        while let Some(found) = bytes.get(start..).and_then(|b| self.finder.find(b)) {
            let at = start + found;
            if at % 2 == 0 {
                return true;
            }
            start = at + 1;
        }
        false
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
        let hay = normalize("高效锂电池储能系统");
        assert!(Needle::new(&normalize("锂电池")).is_in(&hay));
        assert!(Needle::new(&normalize("系统")).is_in(&hay));
        assert!(!Needle::new(&normalize("电池锂")).is_in(&hay));
        assert!(Needle::new(&[]).is_in(&hay));
    }

    #[test]
    fn a_match_across_two_units_is_not_a_match() {
        // 0x0102 0x0304 seen as bytes contains 0x0203 at an odd offset: not a character.
        let hay = [0x0102u16, 0x0304];
        assert!(!Needle::new(&[0x0203]).is_in(&hay));
        assert!(Needle::new(&[0x0304]).is_in(&hay));
    }
}

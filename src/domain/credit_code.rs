//! The 18-character unified social credit code (统一社会信用代码), GB 32100-2015.

/// The 31 characters the code may use: digits and capital letters without I, O, Z, S and V.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Upper-cases what a user typed and drops spaces (full-width ones too) and dashes, with
/// full-width characters read as ASCII, so "91350100m000100y43 ", "9137 0000 1630 4484 1F" and
/// "９１３７…" are accepted.
pub fn normalize(code: &str) -> String {
    code.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{3000}'))
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Whether `code` (already normalised) is 18 characters from the alphabet with a correct check
/// character in the last place.
pub fn is_valid(code: &str) -> bool {
    let values: Option<Vec<u32>> = code.chars().map(value_of).collect();
    let Some(values) = values else {
        return false;
    };
    if values.len() != 18 {
        return false;
    }
    let sum: u32 = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    values[17] == check
}

fn value_of(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_published_examples() {
        for code in ["91350100M000100Y43", "91370000163044841F"] {
            assert!(is_valid(code), "{code} should be valid");
        }
    }

    #[test]
    fn refuses_a_wrong_check_character() {
        assert!(!is_valid("91350100M000100Y44"));
    }

    #[test]
    fn refuses_wrong_length_and_letters_outside_the_alphabet() {
        assert!(!is_valid("91350100M000100Y4"));
        assert!(!is_valid("91350100M000100Y433"));
        assert!(!is_valid("9135010OM000100Y43"));
        assert!(!is_valid(""));
        assert!(!is_valid("统一社会信用代码统一社会信用代码统一"));
    }

    #[test]
    fn normalize_uppercases_and_trims() {
        assert!(is_valid(&normalize(" 91350100m000100y43 ")));
        assert!(is_valid(&normalize("9137 0000 1630 4484 1F")));
        assert!(is_valid(&normalize("９１３７００００１６３０４４８４１Ｆ")));
    }
}

//! The broker's thesaurus: pairs of terms that mean the same thing to matching ("锂电 ≈
//! 锂离子电池", "PLC ≈ 可编程逻辑控制器").

use super::SynonymId;
use super::problem::{FieldErrors, Problem};

/// The longest term, in characters.
pub const MAX_TERM: usize = 40;

/// Which side of a pair a problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynonymField {
    Term,
    Other,
}

/// A pair as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SynonymDraft {
    pub term: String,
    pub other: String,
}

/// A stored pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonym {
    pub id: SynonymId,
    pub term: String,
    pub other: String,
}

impl SynonymDraft {
    /// The two terms trimmed, or what is wrong: each is required and at most `MAX_TERM`
    /// characters, and they must differ (case aside).
    pub fn validate(&self) -> Result<(String, String), FieldErrors<SynonymField>> {
        let mut e = FieldErrors::new();
        let term = self.term.trim().to_string();
        let other = self.other.trim().to_string();
        for (field, text) in [(SynonymField::Term, &term), (SynonymField::Other, &other)] {
            if text.is_empty() {
                e.push(field, Problem::Required);
            } else if text.chars().count() > MAX_TERM {
                e.push(field, Problem::TooLong { max: MAX_TERM });
            }
        }
        if e.is_empty() && term.to_lowercase() == other.to_lowercase() {
            e.push(SynonymField::Other, Problem::SameTerm);
        }
        if e.is_empty() {
            Ok((term, other))
        } else {
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(term: &str, other: &str) -> SynonymDraft {
        SynonymDraft {
            term: term.into(),
            other: other.into(),
        }
    }

    #[test]
    fn a_pair_needs_two_different_terms_of_sensible_length() {
        assert_eq!(
            draft(" 锂电 ", "锂离子电池").validate(),
            Ok(("锂电".into(), "锂离子电池".into()))
        );
        let e = draft("", "PLC").validate().unwrap_err();
        assert_eq!(e.get(SynonymField::Term), Some(Problem::Required));
        let e = draft("plc", "PLC").validate().unwrap_err();
        assert_eq!(e.get(SynonymField::Other), Some(Problem::SameTerm));
        let e = draft("电".repeat(41).as_str(), "电池")
            .validate()
            .unwrap_err();
        assert_eq!(
            e.get(SynonymField::Term),
            Some(Problem::TooLong { max: MAX_TERM })
        );
    }
}

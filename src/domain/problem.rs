//! What can be wrong with a value a user typed. The UI turns each into a sentence in the UI
//! language; the domain stays language-free.

/// One reason a field is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    InvalidCreditCode,
    DuplicateName,
    DuplicateCreditCode,
    InvalidEmail,
    InvalidPhone,
    InvalidWebsite,
    NextStepWithoutDue,
    DueWithoutNextStep,
    InvalidAmount,
    NegativeAmount,
    AmountTooLarge,
    InvalidDate,
    /// A day the month does not have (2024-02-30).
    NoSuchDay {
        year: i32,
        month: u32,
        days: u32,
    },
    /// A next step due before the visit or call it follows.
    DueBeforeLogged {
        logged: chrono::NaiveDate,
    },
    TrlOutOfRange,
    TooManyKeywords {
        max: usize,
    },
    UnknownClient,
    /// Both terms of a thesaurus pair are the same.
    SameTerm,
    /// An end date before its start.
    EndBeforeStart,
    /// A percentage that is not a number from 0 to 100 with at most two decimals.
    PercentOutOfRange,
    /// A term in whole years outside 1..=max.
    TermOutOfRange {
        max: u32,
    },
    /// Income shares that add up to this many basis points instead of 100 %.
    SharesNotWhole {
        total_bp: u32,
    },
}

impl From<super::money::MoneyError> for Problem {
    fn from(e: super::money::MoneyError) -> Self {
        use super::money::MoneyError;
        match e {
            MoneyError::NotANumber | MoneyError::TooManyDecimals => Problem::InvalidAmount,
            MoneyError::Negative => Problem::NegativeAmount,
            MoneyError::TooLarge => Problem::AmountTooLarge,
        }
    }
}

/// The problems of a form, keyed by the field they belong to, in field order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldErrors<F> {
    pub errors: Vec<(F, Problem)>,
}

impl<F: PartialEq + Copy> FieldErrors<F> {
    pub fn new() -> Self {
        Self { errors: Vec::new() }
    }

    pub fn single(field: F, problem: Problem) -> Self {
        Self {
            errors: vec![(field, problem)],
        }
    }

    pub fn push(&mut self, field: F, problem: Problem) {
        self.errors.push((field, problem));
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The first problem of `field`, if any.
    pub fn get(&self, field: F) -> Option<Problem> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| *p)
    }
}

impl<F: PartialEq + Copy> Default for FieldErrors<F> {
    fn default() -> Self {
        Self::new()
    }
}

/// Checks a required text field and its length (in characters, not bytes: names are Chinese).
pub fn check_text<F: PartialEq + Copy>(
    errors: &mut FieldErrors<F>,
    field: F,
    value: &str,
    required: bool,
    max: usize,
) {
    if required && value.trim().is_empty() {
        errors.push(field, Problem::Required);
    } else if value.chars().count() > max {
        errors.push(field, Problem::TooLong { max });
    }
}

//! The start screen's figures: key numbers, signings per month, the pipeline, fields and how
//! matches turn into contracts. The store computes them; see `Store::dashboard` for how each is
//! counted.

use chrono::{Datelike, Months, NaiveDate};

use super::{DealStage, Money};

/// How many deals, and what they are worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub count: u64,
    pub amount: Money,
}

/// The key numbers on the cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Kpis {
    pub achievements_available: u64,
    pub needs_open: u64,
    pub in_progress: Tally,
    pub signed_this_year: Tally,
    pub technology_this_year: Money,
    pub received_this_year: Money,
    pub outstanding: Money,
    /// The part of `outstanding` already past its due date.
    pub overdue: Money,
    pub registrations_due: u64,
    /// Maturation projects running now.
    pub projects_running: u64,
    /// Projects ended this year, and how many of them went to production.
    pub projects_ended_this_year: u64,
    pub projects_to_production_this_year: u64,
}

/// Contracts signed in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthTally {
    pub year: i32,
    pub month: u32,
    pub tally: Tally,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageTally {
    pub stage: DealStage,
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldTally {
    /// Empty when the deal has no achievement with a field.
    pub field: String,
    pub tally: Tally,
}

/// Matched pairs at each step from shortlist to signed contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Conversion {
    pub shortlisted: u64,
    pub accepted: u64,
    pub signed: u64,
}

impl Conversion {
    /// Signed out of accepted, in percent; None before anything was accepted.
    pub fn signed_rate(self) -> Option<f64> {
        (self.accepted > 0).then(|| self.signed as f64 * 100.0 / self.accepted as f64)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dashboard {
    pub kpis: Kpis,
    /// The last 12 months, oldest first, months without signings included.
    pub monthly: Vec<MonthTally>,
    /// Each stage of the pipeline in order, lost deals left out.
    pub funnel: Vec<StageTally>,
    /// The most deals first.
    pub by_field: Vec<FieldTally>,
    pub conversion: Conversion,
}

/// How many months the signing chart covers.
pub const MONTHS_SHOWN: u32 = 12;

/// The `n` calendar months up to and including `today`'s, oldest first, as (year, month).
pub fn last_months(today: NaiveDate, n: u32) -> Vec<(i32, u32)> {
    let first_of_month = today.with_day(1).unwrap_or(today);
    (0..n)
        .rev()
        .filter_map(|back| first_of_month.checked_sub_months(Months::new(back)))
        .map(|d| (d.year(), d.month()))
        .collect()
}

/// Puts the months the store found into the fixed window of `last_months`, zero where none.
pub fn fill_months(today: NaiveDate, found: &[MonthTally]) -> Vec<MonthTally> {
    last_months(today, MONTHS_SHOWN)
        .into_iter()
        .map(|(year, month)| MonthTally {
            year,
            month,
            tally: found
                .iter()
                .find(|m| m.year == year && m.month == month)
                .map(|m| m.tally)
                .unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn twelve_months_end_with_this_one_and_cross_the_year() {
        let months = last_months(d(2026, 3, 31), 12);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], (2025, 4));
        assert_eq!(months[11], (2026, 3));
    }

    #[test]
    fn months_without_signings_are_zero() {
        let found = [MonthTally {
            year: 2026,
            month: 1,
            tally: Tally {
                count: 2,
                amount: Money::from_yuan(30_000),
            },
        }];
        let months = fill_months(d(2026, 2, 10), &found);
        assert_eq!(months.len(), 12);
        assert_eq!(months[10].tally.count, 2);
        assert_eq!(months[11].tally, Tally::default());
        assert!(months[..10].iter().all(|m| m.tally.count == 0));
    }

    #[test]
    fn signed_rate_needs_accepted_matches() {
        let c = Conversion {
            shortlisted: 10,
            accepted: 4,
            signed: 1,
        };
        assert_eq!(c.signed_rate(), Some(25.0));
        assert_eq!(Conversion::default().signed_rate(), None);
    }
}

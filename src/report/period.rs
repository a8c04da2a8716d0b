//! The period a report covers: a month, a quarter, a year or any two dates.

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month {
        year: i32,
        month: u32,
    },
    /// `quarter` 1 to 4.
    Quarter {
        year: i32,
        quarter: u32,
    },
    Year(i32),
    Custom {
        from: NaiveDate,
        to: NaiveDate,
    },
}

impl Period {
    /// The first and last day, both included. A month or quarter out of range is clamped into
    /// it, and custom dates given the wrong way round are swapped, so any value has bounds.
    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        match *self {
            Period::Month { year, month } => {
                let month = month.clamp(1, 12);
                (first_of(year, month), last_of(year, month))
            }
            Period::Quarter { year, quarter } => {
                let first = (quarter.clamp(1, 4) - 1) * 3 + 1;
                (first_of(year, first), last_of(year, first + 2))
            }
            Period::Year(year) => (first_of(year, 1), last_of(year, 12)),
            Period::Custom { from, to } => (from.min(to), from.max(to)),
        }
    }

    pub fn this_month(today: NaiveDate) -> Period {
        Period::Month {
            year: today.year(),
            month: today.month(),
        }
    }

    pub fn this_quarter(today: NaiveDate) -> Period {
        Period::Quarter {
            year: today.year(),
            quarter: (today.month() - 1) / 3 + 1,
        }
    }

    pub fn this_year(today: NaiveDate) -> Period {
        Period::Year(today.year())
    }
}

/// The first day of a month; years chrono cannot represent fall back to its earliest or latest
/// date rather than failing.
fn first_of(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

fn last_of(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        year.checked_add(1)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn bounds_cover_whole_months_quarters_and_years() {
        assert_eq!(
            Period::Month {
                year: 2024,
                month: 2
            }
            .bounds(),
            (d(2024, 2, 1), d(2024, 2, 29)),
            "leap February"
        );
        assert_eq!(
            Period::Month {
                year: 2026,
                month: 12
            }
            .bounds(),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
        assert_eq!(
            Period::Quarter {
                year: 2026,
                quarter: 2
            }
            .bounds(),
            (d(2026, 4, 1), d(2026, 6, 30))
        );
        assert_eq!(
            Period::Year(2026).bounds(),
            (d(2026, 1, 1), d(2026, 12, 31))
        );
        assert_eq!(
            Period::Custom {
                from: d(2026, 5, 9),
                to: d(2026, 1, 2)
            }
            .bounds(),
            (d(2026, 1, 2), d(2026, 5, 9))
        );
    }

    #[test]
    fn out_of_range_values_are_clamped_not_panicking() {
        assert_eq!(
            Period::Month {
                year: 2026,
                month: 13
            }
            .bounds(),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
        assert_eq!(
            Period::Quarter {
                year: 2026,
                quarter: 0
            }
            .bounds()
            .0,
            d(2026, 1, 1)
        );
        let (from, to) = Period::Year(i32::MAX).bounds();
        assert_eq!((from, to), (NaiveDate::MAX, NaiveDate::MAX));
    }

    #[test]
    fn this_period_contains_today() {
        let today = d(2026, 11, 28);
        assert_eq!(
            Period::this_quarter(today).bounds(),
            (d(2026, 10, 1), d(2026, 12, 31))
        );
        assert_eq!(
            Period::this_month(today).bounds(),
            (d(2026, 11, 1), d(2026, 11, 30))
        );
        assert_eq!(Period::this_year(today), Period::Year(2026));
    }
}

//! Technology contract registration (技术合同认定登记): when a signed contract is due at the
//! registration office.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// How the due date is counted from the signing date. Rules have said 30 calendar days; a 2024
/// draft said 15 working days. The user chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegistrationRule {
    CalendarDays(u16),
    /// Monday to Friday; public holidays are not known and count as working days.
    WorkingDays(u16),
}

impl Default for RegistrationRule {
    fn default() -> Self {
        RegistrationRule::CalendarDays(30)
    }
}

fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

impl RegistrationRule {
    /// The last day to register a contract signed on `signed`. None only past the end of the
    /// calendar (year 262,143).
    pub fn due_date(self, signed: NaiveDate) -> Option<NaiveDate> {
        match self {
            RegistrationRule::CalendarDays(n) => signed.checked_add_days(Days::new(u64::from(n))),
            RegistrationRule::WorkingDays(n) => {
                let mut day = signed;
                let mut left = n;
                while left > 0 {
                    day = day.succ_opt()?;
                    if is_working_day(day) {
                        left -= 1;
                    }
                }
                Some(day)
            }
        }
    }
}

/// Where a signed deal's registration stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationState {
    Registered,
    /// Due in this many days (0 = today).
    DueIn(i64),
    /// This many days late.
    Overdue(i64),
}

pub fn registration_state(
    due: NaiveDate,
    submitted: Option<NaiveDate>,
    today: NaiveDate,
) -> RegistrationState {
    if submitted.is_some() {
        return RegistrationState::Registered;
    }
    let days = (due - today).num_days();
    if days < 0 {
        RegistrationState::Overdue(-days)
    } else {
        RegistrationState::DueIn(days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn calendar_days_cross_month_and_year_ends() {
        let rule = RegistrationRule::CalendarDays(30);
        assert_eq!(rule.due_date(d(2026, 1, 31)), Some(d(2026, 3, 2)));
        assert_eq!(rule.due_date(d(2026, 12, 15)), Some(d(2027, 1, 14)));
        assert_eq!(
            rule.due_date(d(2028, 2, 1)),
            Some(d(2028, 3, 2)),
            "leap year"
        );
    }

    #[test]
    fn working_days_skip_weekends_across_year_end() {
        let rule = RegistrationRule::WorkingDays(15);
        // Friday 2026-12-18: 15 working days later is Friday 2027-01-08.
        assert_eq!(rule.due_date(d(2026, 12, 18)), Some(d(2027, 1, 8)));
        // Signed on a Saturday: counting starts on Monday.
        assert_eq!(
            RegistrationRule::WorkingDays(1).due_date(d(2026, 11, 28)),
            Some(d(2026, 11, 30))
        );
        assert_eq!(
            RegistrationRule::WorkingDays(0).due_date(d(2026, 11, 28)),
            Some(d(2026, 11, 28))
        );
    }

    #[test]
    fn state_says_due_overdue_or_registered() {
        let due = d(2026, 12, 1);
        assert_eq!(
            registration_state(due, None, d(2026, 11, 28)),
            RegistrationState::DueIn(3)
        );
        assert_eq!(
            registration_state(due, None, d(2026, 12, 5)),
            RegistrationState::Overdue(4)
        );
        assert_eq!(
            registration_state(due, Some(d(2026, 12, 3)), d(2026, 12, 5)),
            RegistrationState::Registered
        );
    }
}

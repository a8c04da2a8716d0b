//! Technology contract registration (技术合同认定登记): when a signed contract is due at the
//! registration office.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::{FieldErrors, Money, Problem};

/// What a registration certificate says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub submitted: NaiveDate,
    pub certificate_no: String,
    pub contract: Option<Money>,
    pub technology: Option<Money>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationField {
    Submitted,
    Certificate,
    Contract,
    Technology,
}

/// A registration as typed on the deal page: the date is required, the amounts in yuan are
/// optional (the office does not always state them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistrationDraft {
    pub submitted: String,
    pub certificate: String,
    pub contract: String,
    pub technology: String,
}

impl RegistrationDraft {
    pub fn validate(&self) -> Result<Registration, FieldErrors<RegistrationField>> {
        use RegistrationField as F;
        let mut e = FieldErrors::new();
        let submitted = match self.submitted.trim() {
            "" => {
                e.push(F::Submitted, Problem::Required);
                None
            }
            t => super::dates::parse_date(t).or_else(|| {
                e.push(F::Submitted, super::dates::date_problem(t));
                None
            }),
        };
        let certificate_no = self.certificate.trim().to_string();
        super::problem::check_text(&mut e, F::Certificate, &certificate_no, false, 100);
        let mut amount = |field, text: &str| match text.trim() {
            "" => None,
            t => Money::parse_yuan(t)
                .map_err(|err| e.push(field, err.into()))
                .ok(),
        };
        let contract = amount(F::Contract, &self.contract);
        let technology = amount(F::Technology, &self.technology);
        match submitted {
            Some(submitted) if e.is_empty() => Ok(Registration {
                submitted,
                certificate_no,
                contract,
                technology,
            }),
            _ => Err(e),
        }
    }
}

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

    #[test]
    fn a_registration_needs_its_date_and_says_what_is_wrong_under_each_field() {
        use RegistrationField as F;
        let empty = RegistrationDraft::default().validate().unwrap_err();
        assert_eq!(empty.get(F::Submitted), Some(Problem::Required));
        let bad = RegistrationDraft {
            submitted: "2024-02-30".into(),
            contract: "12x".into(),
            technology: "-5".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            bad.get(F::Submitted),
            Some(Problem::NoSuchDay {
                year: 2024,
                month: 2,
                days: 29
            })
        );
        assert_eq!(bad.get(F::Contract), Some(Problem::InvalidAmount));
        assert_eq!(bad.get(F::Technology), Some(Problem::NegativeAmount));
        let good = RegistrationDraft {
            submitted: "2026/3/5".into(),
            certificate: " 2026-0042 ".into(),
            contract: "1,000,000".into(),
            technology: "80万".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(good.submitted, d(2026, 3, 5));
        assert_eq!(good.certificate_no, "2026-0042");
        assert_eq!(good.contract, Some(Money(100_000_000)));
        assert_eq!(good.technology, Some(Money(80_000_000)));
    }

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

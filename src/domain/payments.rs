//! Payment plans (回款): instalments, the payments received against them, and "use first, pay
//! later" (先使用后付费) schedules that start after a trial period.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dates::parse_date;
use super::money::Money;
use super::problem::Problem;

/// One planned instalment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    pub due: NaiveDate,
    pub amount: Money,
    /// What triggers it: "验收合格后", "首年销售收入确认后"…
    pub trigger: String,
}

/// A payment received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub date: NaiveDate,
    pub amount: Money,
    pub note: String,
}

impl Receipt {
    /// A payment as typed in the record or correction form, or the first problem with it: a
    /// date, and an amount above zero.
    pub fn from_form(date: &str, amount: &str, note: &str) -> Result<Receipt, Problem> {
        let date = parse_date(date).ok_or(Problem::InvalidDate)?;
        let amount = Money::parse_yuan(amount).map_err(Problem::from)?;
        if amount.fen() <= 0 {
            return Err(Problem::InvalidAmount);
        }
        Ok(Receipt {
            date,
            amount,
            note: note.trim().to_string(),
        })
    }
}

/// An instalment with what has been paid against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalmentStatus {
    pub instalment: Instalment,
    pub paid: Money,
}

impl InstalmentStatus {
    pub fn outstanding(&self) -> Money {
        Money((self.instalment.amount.fen() - self.paid.fen()).max(0))
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.instalment.due < today && self.outstanding().fen() > 0
    }
}

/// The plan as of a day: each instalment's status, and the totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanStatus {
    pub instalments: Vec<InstalmentStatus>,
    pub planned: Money,
    pub received: Money,
    pub outstanding: Money,
    pub overdue: Money,
    /// Received beyond what was planned.
    pub surplus: Money,
}

/// Allocates received payments to instalments oldest-due first (the way a finance office
/// clears them) and sums what is outstanding and overdue on `today`.
pub fn plan_status(
    instalments: &[Instalment],
    receipts: &[Receipt],
    today: NaiveDate,
) -> PlanStatus {
    let mut ordered: Vec<Instalment> = instalments.to_vec();
    ordered.sort_by_key(|i| i.due);
    let received: i64 = receipts.iter().map(|r| r.amount.fen()).sum();
    let mut left = received;
    let statuses: Vec<InstalmentStatus> = ordered
        .into_iter()
        .map(|instalment| {
            let paid = left.min(instalment.amount.fen()).max(0);
            left -= paid;
            InstalmentStatus {
                instalment,
                paid: Money(paid),
            }
        })
        .collect();
    let planned: i64 = statuses.iter().map(|s| s.instalment.amount.fen()).sum();
    let outstanding: i64 = statuses.iter().map(|s| s.outstanding().fen()).sum();
    let overdue: i64 = statuses
        .iter()
        .filter(|s| s.is_overdue(today))
        .map(|s| s.outstanding().fen())
        .sum();
    PlanStatus {
        instalments: statuses,
        planned: Money(planned),
        received: Money(received),
        outstanding: Money(outstanding),
        overdue: Money(overdue),
        surplus: Money(left.max(0)),
    }
}

/// When the free use of a "use first, pay later" deal ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrialEnd {
    On(NaiveDate),
    /// Until the product earns revenue: no date known yet.
    UntilRevenue,
}

/// A "use first, pay later" arrangement: when free use started and ends, and how payment
/// follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Trial {
    pub start: Option<NaiveDate>,
    pub end: Option<TrialEnd>,
    pub form: Option<PayLaterForm>,
}

/// How a "use first, pay later" deal is paid once the trial ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PayLaterForm {
    /// Equal instalments every `every_months`, starting when the trial ends.
    Instalments { count: u8, every_months: u8 },
    /// One payment this many days after the trial ends.
    Deferred { days_after: u16 },
    /// A share of revenue, reported every `period_months`; amounts are not known in advance.
    RevenueShare {
        rate_basis_points: u16,
        period_months: u8,
    },
}

/// The instalments of a "use first, pay later" plan for `total` after a trial ending on
/// `trial_end`: the first due date follows the trial end. A revenue share has no fixed
/// instalments; with no known end date there is nothing to schedule yet.
pub fn pay_later_schedule(
    total: Money,
    trial_end: TrialEnd,
    form: PayLaterForm,
) -> Vec<Instalment> {
    let TrialEnd::On(end) = trial_end else {
        return Vec::new();
    };
    match form {
        PayLaterForm::Instalments {
            count,
            every_months,
        } => {
            let n = i64::from(count.max(1));
            let base = total.fen() / n;
            let remainder = total.fen() - base * n;
            (0..n)
                .filter_map(|i| {
                    let due =
                        end.checked_add_months(Months::new(u32::from(every_months) * i as u32))?;
                    // The cents that do not divide evenly go on the last instalment.
                    let amount = if i == n - 1 { base + remainder } else { base };
                    Some(Instalment {
                        due,
                        amount: Money(amount),
                        trigger: String::new(),
                    })
                })
                .collect()
        }
        PayLaterForm::Deferred { days_after } => end
            .checked_add_days(Days::new(u64::from(days_after)))
            .map(|due| {
                vec![Instalment {
                    due,
                    amount: total,
                    trigger: String::new(),
                }]
            })
            .unwrap_or_default(),
        PayLaterForm::RevenueShare { .. } => Vec::new(),
    }
}

/// Days left in a trial on `today` (negative once it has ended); None until revenue.
pub fn trial_days_left(trial_end: TrialEnd, today: NaiveDate) -> Option<i64> {
    match trial_end {
        TrialEnd::On(end) => Some((end - today).num_days()),
        TrialEnd::UntilRevenue => None,
    }
}

/// How far a plan's total is from the contract amount (warn, never block): positive when the
/// plan asks for more.
pub fn plan_gap(instalments: &[Instalment], contract_amount: Money) -> Money {
    let planned: i64 = instalments.iter().map(|i| i.amount.fen()).sum();
    Money(planned - contract_amount.fen())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_needs_a_date_and_an_amount_above_zero() {
        let r = Receipt::from_form("2026-02-10", "1,000,000", " 首付 ").unwrap();
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2026, 2, 10).unwrap());
        assert_eq!(r.amount, Money::from_yuan(1_000_000));
        assert_eq!(r.note, "首付");
        assert_eq!(
            Receipt::from_form("2026-02-30", "10", ""),
            Err(Problem::InvalidDate)
        );
        assert_eq!(
            Receipt::from_form("2026-02-10", "0", ""),
            Err(Problem::InvalidAmount)
        );
        assert!(Receipt::from_form("2026-02-10", "很多", "").is_err());
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn inst(due: NaiveDate, yuan: i64) -> Instalment {
        Instalment {
            due,
            amount: Money::from_yuan(yuan),
            trigger: String::new(),
        }
    }

    fn paid(date: NaiveDate, yuan: i64) -> Receipt {
        Receipt {
            date,
            amount: Money::from_yuan(yuan),
            note: String::new(),
        }
    }

    #[test]
    fn payments_clear_the_oldest_instalment_first() {
        let plan = [inst(d(2026, 12, 31), 50_000), inst(d(2026, 6, 30), 30_000)];
        let status = plan_status(&plan, &[paid(d(2026, 7, 1), 40_000)], d(2026, 11, 28));
        assert_eq!(status.instalments[0].instalment.due, d(2026, 6, 30));
        assert_eq!(status.instalments[0].paid, Money::from_yuan(30_000));
        assert_eq!(status.instalments[1].paid, Money::from_yuan(10_000));
        assert_eq!(status.outstanding, Money::from_yuan(40_000));
        assert_eq!(status.overdue, Money::ZERO, "the June one is paid");
        assert_eq!(status.received, Money::from_yuan(40_000));
    }

    #[test]
    fn unpaid_past_instalments_are_overdue_and_overpayment_is_surplus() {
        let plan = [inst(d(2026, 6, 30), 30_000), inst(d(2026, 12, 31), 50_000)];
        let status = plan_status(&plan, &[paid(d(2026, 7, 1), 10_000)], d(2026, 11, 28));
        assert_eq!(status.overdue, Money::from_yuan(20_000));
        assert!(status.instalments[0].is_overdue(d(2026, 11, 28)));
        assert!(!status.instalments[1].is_overdue(d(2026, 11, 28)));
        let over = plan_status(&plan, &[paid(d(2026, 7, 1), 100_000)], d(2026, 11, 28));
        assert_eq!(over.outstanding, Money::ZERO);
        assert_eq!(over.surplus, Money::from_yuan(20_000));
    }

    #[test]
    fn pay_later_instalments_start_at_the_trial_end_and_keep_every_fen() {
        let plan = pay_later_schedule(
            Money(10_000_001),
            TrialEnd::On(d(2027, 1, 31)),
            PayLaterForm::Instalments {
                count: 3,
                every_months: 1,
            },
        );
        let dues: Vec<NaiveDate> = plan.iter().map(|i| i.due).collect();
        assert_eq!(dues, vec![d(2027, 1, 31), d(2027, 2, 28), d(2027, 3, 31)]);
        let total: i64 = plan.iter().map(|i| i.amount.fen()).sum();
        assert_eq!(total, 10_000_001);
        assert_eq!(plan_gap(&plan, Money(10_000_001)), Money::ZERO);
    }

    #[test]
    fn pay_later_deferred_revenue_share_and_until_revenue() {
        let deferred = pay_later_schedule(
            Money::from_yuan(200_000),
            TrialEnd::On(d(2027, 11, 28)),
            PayLaterForm::Deferred { days_after: 90 },
        );
        assert_eq!(deferred.len(), 1);
        assert_eq!(deferred[0].due, d(2028, 2, 26));
        let share = PayLaterForm::RevenueShare {
            rate_basis_points: 300,
            period_months: 12,
        };
        assert!(pay_later_schedule(Money::ZERO, TrialEnd::On(d(2027, 1, 1)), share).is_empty());
        assert!(
            pay_later_schedule(
                Money::from_yuan(1),
                TrialEnd::UntilRevenue,
                PayLaterForm::Deferred { days_after: 1 }
            )
            .is_empty()
        );
        assert_eq!(
            trial_days_left(TrialEnd::On(d(2026, 12, 28)), d(2026, 11, 28)),
            Some(30)
        );
        assert_eq!(
            trial_days_left(TrialEnd::UntilRevenue, d(2026, 11, 28)),
            None
        );
    }
}

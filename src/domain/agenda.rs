//! The broker's day: what is due or overdue across clients and deals.

use chrono::{Days, NaiveDate};

use super::id::ProjectId;
use super::payments::{Instalment, Receipt, plan_status};
use super::{DealId, FollowUp, Money};

/// How far ahead each kind of item is shown.
pub const REGISTRATION_AHEAD_DAYS: u64 = 7;
pub const INSTALMENT_AHEAD_DAYS: u64 = 14;
pub const TRIAL_AHEAD_DAYS: u64 = 30;
pub const MILESTONE_AHEAD_DAYS: u64 = 14;

/// A milestone not yet done of a running maturation project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaMilestone {
    pub project: ProjectId,
    pub project_title: String,
    pub milestone: String,
    pub due: NaiveDate,
}

/// What the agenda reads of a deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaDeal {
    pub id: DealId,
    pub title: String,
    pub registration_due: Option<NaiveDate>,
    pub registration_submitted: Option<NaiveDate>,
    pub instalments: Vec<Instalment>,
    pub receipts: Vec<Receipt>,
    pub trial_end: Option<NaiveDate>,
}

/// One thing to do, with the day it is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaItem {
    FollowUp(FollowUp),
    Registration {
        deal: DealId,
        title: String,
        due: NaiveDate,
    },
    Instalment {
        deal: DealId,
        title: String,
        due: NaiveDate,
        outstanding: Money,
    },
    TrialEnds {
        deal: DealId,
        title: String,
        end: NaiveDate,
    },
    Milestone(AgendaMilestone),
}

impl AgendaItem {
    pub fn date(&self) -> NaiveDate {
        match self {
            AgendaItem::FollowUp(f) => f.due,
            AgendaItem::Registration { due, .. } | AgendaItem::Instalment { due, .. } => *due,
            AgendaItem::TrialEnds { end, .. } => *end,
            AgendaItem::Milestone(m) => m.due,
        }
    }
}

/// Follow-ups due (the caller gives those due by today), registrations due within 7 days or
/// overdue, unpaid instalments due within 14 days or overdue, trials ending within 30 days,
/// and projects' milestones (not done) due within 14 days or overdue; the oldest first.
pub fn agenda(
    today: NaiveDate,
    follow_ups: Vec<FollowUp>,
    deals: &[AgendaDeal],
    milestones: &[AgendaMilestone],
) -> Vec<AgendaItem> {
    let until = |days| today.checked_add_days(Days::new(days)).unwrap_or(today);
    let mut items: Vec<AgendaItem> = follow_ups.into_iter().map(AgendaItem::FollowUp).collect();
    for d in deals {
        if let (Some(due), None) = (d.registration_due, d.registration_submitted)
            && due <= until(REGISTRATION_AHEAD_DAYS)
        {
            items.push(AgendaItem::Registration {
                deal: d.id,
                title: d.title.clone(),
                due,
            });
        }
        let status = plan_status(&d.instalments, &d.receipts, today);
        for s in status.instalments {
            if s.outstanding().fen() > 0 && s.instalment.due <= until(INSTALMENT_AHEAD_DAYS) {
                items.push(AgendaItem::Instalment {
                    deal: d.id,
                    title: d.title.clone(),
                    due: s.instalment.due,
                    outstanding: s.outstanding(),
                });
            }
        }
        if let Some(end) = d.trial_end
            && end >= today
            && end <= until(TRIAL_AHEAD_DAYS)
        {
            items.push(AgendaItem::TrialEnds {
                deal: d.id,
                title: d.title.clone(),
                end,
            });
        }
    }
    items.extend(
        milestones
            .iter()
            .filter(|m| m.due <= until(MILESTONE_AHEAD_DAYS))
            .cloned()
            .map(AgendaItem::Milestone),
    );
    items.sort_by_key(AgendaItem::date);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn deal() -> AgendaDeal {
        AgendaDeal {
            id: DealId(1),
            title: "热误差补偿".into(),
            registration_due: None,
            registration_submitted: None,
            instalments: Vec::new(),
            receipts: Vec::new(),
            trial_end: None,
        }
    }

    #[test]
    fn shows_what_is_due_soon_or_overdue_and_nothing_else() {
        let today = d(2026, 11, 28);
        let inst = |due, yuan| Instalment {
            due,
            amount: Money::from_yuan(yuan),
            trigger: String::new(),
        };
        let deals = [
            AgendaDeal {
                registration_due: Some(d(2026, 12, 5)),
                instalments: vec![
                    inst(d(2026, 11, 1), 1000),
                    inst(d(2026, 12, 12), 2000),
                    inst(d(2026, 12, 13), 3000),
                ],
                receipts: vec![Receipt {
                    date: d(2026, 11, 2),
                    amount: Money::from_yuan(400),
                    note: String::new(),
                }],
                trial_end: Some(d(2026, 12, 28)),
                ..deal()
            },
            AgendaDeal {
                id: DealId(2),
                registration_due: Some(d(2026, 12, 6)),
                trial_end: Some(d(2026, 12, 29)),
                ..deal()
            },
            AgendaDeal {
                id: DealId(3),
                registration_due: Some(d(2026, 11, 1)),
                registration_submitted: Some(d(2026, 10, 30)),
                trial_end: Some(d(2026, 11, 27)),
                ..deal()
            },
        ];
        let milestones = [
            AgendaMilestone {
                project: ProjectId(1),
                project_title: "中试".into(),
                milestone: "安装调试".into(),
                due: d(2026, 12, 12),
            },
            AgendaMilestone {
                project: ProjectId(1),
                project_title: "中试".into(),
                milestone: "试制".into(),
                due: d(2026, 12, 13),
            },
        ];
        let items = agenda(today, Vec::new(), &deals, &milestones);
        let kinds: Vec<String> = items
            .iter()
            .map(|i| match i {
                AgendaItem::FollowUp(_) => "follow-up".to_string(),
                AgendaItem::Registration { deal, .. } => format!("registration {deal}"),
                AgendaItem::Instalment { outstanding, .. } => {
                    format!("instalment {}", outstanding.yuan_text())
                }
                AgendaItem::TrialEnds { deal, .. } => format!("trial {deal}"),
                AgendaItem::Milestone(m) => format!("milestone {}", m.milestone),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "instalment 600.00",
                "registration 1",
                "instalment 2,000.00",
                "milestone 安装调试",
                "trial 1",
            ]
        );
    }
}

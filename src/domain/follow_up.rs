//! The follow-ups screen's rules: which group an open next step falls in, the quick moves, and
//! what an edited next step must satisfy.

use chrono::{Datelike, Days, NaiveDate};

use super::client::MAX_NAME;
use super::problem::{FieldErrors, Problem, check_text};
use super::{FollowUp, InteractionField};

/// Where an open next step stands against today; the screen lists the groups in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpGroup {
    Overdue,
    Today,
    /// After today, up to and including this calendar week's Sunday (weeks start on Monday).
    ThisWeek,
    Later,
}

impl FollowUpGroup {
    pub const ALL: [FollowUpGroup; 4] = [
        FollowUpGroup::Overdue,
        FollowUpGroup::Today,
        FollowUpGroup::ThisWeek,
        FollowUpGroup::Later,
    ];

    pub fn of(due: NaiveDate, today: NaiveDate) -> FollowUpGroup {
        if due < today {
            FollowUpGroup::Overdue
        } else if due == today {
            FollowUpGroup::Today
        } else if due < next_monday(today) {
            FollowUpGroup::ThisWeek
        } else {
            FollowUpGroup::Later
        }
    }

    /// Overdue and today: what the navigation counts and the agenda lists.
    pub fn is_due(self) -> bool {
        matches!(self, FollowUpGroup::Overdue | FollowUpGroup::Today)
    }
}

/// The Monday after `today` (a week on, when today is a Monday): "next week" of the quick move.
pub fn next_monday(today: NaiveDate) -> NaiveDate {
    let ahead = 7 - u64::from(today.weekday().num_days_from_monday());
    today.checked_add_days(Days::new(ahead)).unwrap_or(today)
}

/// A next step and its due date as edited on the follow-ups screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDraft {
    pub next_step: String,
    pub due: NaiveDate,
}

impl FollowUpDraft {
    pub fn of(f: &FollowUp) -> FollowUpDraft {
        FollowUpDraft {
            next_step: f.next_step.clone(),
            due: f.due,
        }
    }

    /// `logged` is the day of the visit or call the step follows: a step cannot be due before
    /// it was agreed.
    pub fn validate(
        &self,
        logged: NaiveDate,
    ) -> Result<FollowUpDraft, FieldErrors<InteractionField>> {
        let d = FollowUpDraft {
            next_step: self.next_step.trim().to_string(),
            due: self.due,
        };
        let mut e = FieldErrors::new();
        check_text(
            &mut e,
            InteractionField::NextStep,
            &d.next_step,
            true,
            MAX_NAME,
        );
        if d.due < logged {
            e.push(
                InteractionField::NextDue,
                Problem::DueBeforeLogged { logged },
            );
        }
        if e.is_empty() { Ok(d) } else { Err(e) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        // 2026-12-02 is a Wednesday.
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn the_week_runs_to_sunday_and_later_starts_on_monday() {
        let today = day(2);
        assert_eq!(FollowUpGroup::of(day(1), today), FollowUpGroup::Overdue);
        assert_eq!(FollowUpGroup::of(day(2), today), FollowUpGroup::Today);
        assert_eq!(FollowUpGroup::of(day(3), today), FollowUpGroup::ThisWeek);
        assert_eq!(FollowUpGroup::of(day(6), today), FollowUpGroup::ThisWeek);
        assert_eq!(FollowUpGroup::of(day(7), today), FollowUpGroup::Later);
        assert_eq!(next_monday(today), day(7));
        // On a Sunday the week has nothing left; on a Monday next week is a week on.
        assert_eq!(FollowUpGroup::of(day(7), day(6)), FollowUpGroup::Later);
        assert_eq!(next_monday(day(7)), day(14));
    }

    #[test]
    fn an_edited_step_needs_text_and_a_day_not_before_the_visit() {
        let draft = FollowUpDraft {
            next_step: "  ".into(),
            due: day(1),
        };
        let e = draft.validate(day(2)).unwrap_err();
        assert_eq!(e.get(InteractionField::NextStep), Some(Problem::Required));
        assert_eq!(
            e.get(InteractionField::NextDue),
            Some(Problem::DueBeforeLogged { logged: day(2) })
        );
        let ok = FollowUpDraft {
            next_step: " 回访 ".into(),
            due: day(2),
        };
        assert_eq!(ok.validate(day(2)).unwrap().next_step, "回访");
    }
}

//! The guided exercises of the training sandbox: what a class is asked to do, and the state of
//! the sandbox when it was built, against which the class's work is told apart from the
//! generated data.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{DealId, InteractionId, NeedId, ReceiptId};

/// One exercise. The need tasks work on the sandbox's open need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Task {
    /// Log a visit (走访) at an enterprise.
    VisitEnterprise,
    /// Shortlist an achievement for the open need.
    ShortlistForNeed,
    /// Accept a match for the open need: a deal is created.
    AcceptForNeed,
    /// Move the open need's deal to signed, with a contract amount.
    SignNeedDeal,
    /// Set a "use first, pay later" arrangement on a deal.
    PayLaterPlan,
    /// Record a payment received.
    RecordPayment,
    /// Record a contract registration.
    RegisterContract,
    /// Export the month's deal report.
    ExportReport,
    /// Send an achievement short of a need's stage for maturation: a project at a carrier.
    SendForMaturation,
    /// Record the rights of a service achievement with its income shares.
    RecordRights,
}

impl Task {
    pub const ALL: [Task; 10] = [
        Task::VisitEnterprise,
        Task::ShortlistForNeed,
        Task::AcceptForNeed,
        Task::SignNeedDeal,
        Task::PayLaterPlan,
        Task::RecordPayment,
        Task::RegisterContract,
        Task::ExportReport,
        Task::SendForMaturation,
        Task::RecordRights,
    ];

    /// A stable name for progress files.
    pub fn code(self) -> &'static str {
        match self {
            Task::VisitEnterprise => "visit_enterprise",
            Task::ShortlistForNeed => "shortlist_for_need",
            Task::AcceptForNeed => "accept_for_need",
            Task::SignNeedDeal => "sign_need_deal",
            Task::PayLaterPlan => "pay_later_plan",
            Task::RecordPayment => "record_payment",
            Task::RegisterContract => "register_contract",
            Task::ExportReport => "export_report",
            Task::SendForMaturation => "send_for_maturation",
            Task::RecordRights => "record_rights",
        }
    }
}

/// What the sandbox held when it was built: the highest ids of the tables a class adds to, and
/// the deals already registered or on a trial (with how the trial was set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub open_need: Option<NeedId>,
    pub last_interaction: InteractionId,
    /// Match decisions and stage changes are rows with no id type of their own.
    pub last_decision: i64,
    pub last_stage_change: i64,
    pub last_receipt: ReceiptId,
    pub registered: Vec<DealId>,
    pub trials: Vec<(DealId, String)>,
    /// Absent in a sandbox built before carriers: every project there is the class's.
    #[serde(default)]
    pub last_project: i64,
    /// When it was built; the rights recorded later are the class's.
    #[serde(default)]
    pub built_at: Option<DateTime<Utc>>,
}

/// When each task was first found done; tasks not done are absent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: Vec<(Task, DateTime<Utc>)>,
}

impl Progress {
    pub fn done_at(&self, task: Task) -> Option<DateTime<Utc>> {
        self.done
            .iter()
            .find(|(t, _)| *t == task)
            .map(|(_, at)| *at)
    }

    /// How many tasks are done.
    pub fn count(&self) -> usize {
        Task::ALL
            .iter()
            .filter(|t| self.done_at(**t).is_some())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_each_task_once_and_finds_its_time() {
        let at = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        let p = Progress {
            done: vec![(Task::RecordPayment, at), (Task::VisitEnterprise, at)],
        };
        assert_eq!(p.count(), 2);
        assert_eq!(p.done_at(Task::RecordPayment), Some(at));
        assert_eq!(p.done_at(Task::ExportReport), None);
        let codes: std::collections::HashSet<_> = Task::ALL.iter().map(|t| t.code()).collect();
        assert_eq!(codes.len(), Task::ALL.len());
    }
}

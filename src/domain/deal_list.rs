//! Which deals the board and the table show, and in what order.

use chrono::{Datelike, NaiveDate};

use super::{ContractType, DealRow, DealStage};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DealFilter {
    /// Part of the title or of either party's name, without case.
    pub text: String,
    pub broker: Option<String>,
    pub field: Option<String>,
    pub contract_type: Option<ContractType>,
    /// Only deals in these stages; empty means every stage.
    pub stages: Vec<DealStage>,
    /// Only deals signed in this calendar year.
    pub signed_in: Option<i32>,
    /// Only deals not lost, not registered, whose registration is due on or before this day.
    pub registration_due_by: Option<NaiveDate>,
}

impl DealFilter {
    pub fn accepts(&self, r: &DealRow) -> bool {
        let needle = self.text.trim().to_lowercase();
        (needle.is_empty()
            || [&r.title, &r.seller_name, &r.buyer_name]
                .iter()
                .any(|t| t.to_lowercase().contains(&needle)))
            && self.broker.as_ref().is_none_or(|b| r.broker == *b)
            && self.field.as_ref().is_none_or(|f| r.field == *f)
            && self.contract_type.is_none_or(|c| r.contract_type == c)
            && (self.stages.is_empty() || self.stages.contains(&r.stage))
            && self
                .signed_in
                .is_none_or(|y| r.signed_on.is_some_and(|d| d.year() == y))
            && self.registration_due_by.is_none_or(|by| {
                r.stage != DealStage::Lost
                    && r.registration_submitted.is_none()
                    && r.registration_due.is_some_and(|due| due <= by)
            })
    }

    /// Whether the filter holds a preset from the dashboard that the toolbar does not show.
    pub fn has_preset(&self) -> bool {
        !self.stages.is_empty() || self.signed_in.is_some() || self.registration_due_by.is_some()
    }

    pub fn clear_preset(&mut self) {
        self.stages.clear();
        self.signed_in = None;
        self.registration_due_by = None;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DealSortKey {
    Title,
    Stage,
    Amount,
    #[default]
    Since,
    RegistrationDue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DealSort {
    pub key: DealSortKey,
    pub descending: bool,
}

impl DealSort {
    pub fn clicked(self, key: DealSortKey) -> Self {
        Self {
            key,
            descending: self.key == key && !self.descending,
        }
    }
}

/// The positions in `rows` that `filter` accepts, sorted; ties keep id order.
pub fn select(rows: &[DealRow], filter: &DealFilter, sort: DealSort) -> Vec<usize> {
    let mut out: Vec<usize> = (0..rows.len())
        .filter(|&i| filter.accepts(&rows[i]))
        .collect();
    out.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        let o = match sort.key {
            DealSortKey::Title => a.title.cmp(&b.title),
            DealSortKey::Stage => (a.stage as u8).cmp(&(b.stage as u8)),
            DealSortKey::Amount => a.contract.or(a.expected).cmp(&b.contract.or(b.expected)),
            DealSortKey::Since => a.since.cmp(&b.since),
            DealSortKey::RegistrationDue => a.registration_due.cmp(&b.registration_due),
        };
        let o = if sort.descending { o.reverse() } else { o };
        o.then(a.id.cmp(&b.id))
    });
    out
}

/// The distinct non-empty brokers, sorted, for the filter.
pub fn brokers(rows: &[DealRow]) -> Vec<String> {
    let mut out: Vec<String> = rows
        .iter()
        .map(|r| r.broker.clone())
        .filter(|b| !b.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DealId, DealStage, Money};

    fn row(id: i64, title: &str, broker: &str, ct: ContractType, amount: i64) -> DealRow {
        DealRow {
            id: DealId(id),
            title: title.into(),
            seller_name: "山东大学".into(),
            buyer_name: format!("企业{id}"),
            stage: DealStage::Negotiating,
            contract: Some(Money::from_yuan(amount)),
            expected: None,
            technology: None,
            signed_on: None,
            since: None,
            registration_due: None,
            registration_submitted: None,
            broker: broker.into(),
            contract_type: ct,
            contract_subtype: String::new(),
            contract_no: String::new(),
            lost_reason: String::new(),
            field: "新材料".into(),
            overdue_payment: Money::ZERO,
            overdue_follow_up: false,
        }
    }

    #[test]
    fn filters_and_sorts() {
        let rows = [
            row(1, "石墨烯散热膜", "王经理", ContractType::Transfer, 500),
            row(2, "轮胎配方", "李经理", ContractType::Licence, 900),
            row(3, "涂层", "王经理", ContractType::Licence, 100),
        ];
        let by_broker = DealFilter {
            broker: Some("王经理".into()),
            ..DealFilter::default()
        };
        let ids = |v: Vec<usize>| v.iter().map(|&i| rows[i].id.0).collect::<Vec<_>>();
        let sort = DealSort::default().clicked(DealSortKey::Amount);
        assert_eq!(ids(select(&rows, &by_broker, sort)), vec![3, 1]);
        let licences = DealFilter {
            contract_type: Some(ContractType::Licence),
            text: "企业2".into(),
            ..DealFilter::default()
        };
        assert_eq!(ids(select(&rows, &licences, sort)), vec![2]);
        assert_eq!(
            ids(select(
                &rows,
                &DealFilter::default(),
                sort.clicked(DealSortKey::Amount)
            )),
            vec![2, 1, 3]
        );
        assert_eq!(brokers(&rows), vec!["李经理", "王经理"]);
    }

    #[test]
    fn presets_filter_by_stage_signing_year_and_registration_due() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        let mut rows = [
            row(1, "已签约", "", ContractType::Transfer, 100),
            row(2, "去年签约", "", ContractType::Transfer, 100),
            row(3, "已登记", "", ContractType::Transfer, 100),
            row(4, "终止", "", ContractType::Transfer, 100),
        ];
        for r in &mut rows {
            r.stage = DealStage::Signed;
            r.signed_on = day(11, 1);
            r.registration_due = day(12, 1);
        }
        rows[1].signed_on = NaiveDate::from_ymd_opt(2025, 12, 31);
        rows[2].registration_submitted = day(11, 20);
        rows[3].stage = DealStage::Lost;
        let ids = |f: &DealFilter| {
            select(&rows, f, DealSort::default())
                .iter()
                .map(|&i| rows[i].id.0)
                .collect::<Vec<_>>()
        };
        let signed = DealFilter {
            stages: vec![DealStage::Signed],
            signed_in: Some(2026),
            ..DealFilter::default()
        };
        assert_eq!(ids(&signed), vec![1, 3]);
        let due = DealFilter {
            registration_due_by: day(12, 1),
            ..DealFilter::default()
        };
        assert_eq!(ids(&due), vec![1, 2]);
        let too_early = DealFilter {
            registration_due_by: day(11, 30),
            ..DealFilter::default()
        };
        assert!(ids(&too_early).is_empty());
        let mut cleared = signed.clone();
        assert!(cleared.has_preset());
        cleared.clear_preset();
        assert!(!cleared.has_preset());
        assert_eq!(ids(&cleared), vec![1, 2, 3, 4]);
    }
}

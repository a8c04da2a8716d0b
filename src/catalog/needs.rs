//! Filtering and sorting the need list.

use std::cmp::Ordering;

use super::Catalog;
use super::view::{PriceRange, cmp_price, sorted_positions, sorted_positions_by_text};
use crate::domain::{ClientId, NeedMode, NeedRow, NeedStatus, Stage};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NeedFilter {
    pub field: Option<String>,
    /// Needs whose minimum stage is at most this (what an achievement at this stage can serve).
    pub min_stage: Option<Stage>,
    pub mode: Option<NeedMode>,
    pub status: Option<NeedStatus>,
    pub budget: PriceRange,
    pub enterprise: Option<ClientId>,
}

impl NeedFilter {
    pub fn accepts(&self, r: &NeedRow) -> bool {
        self.field.as_ref().is_none_or(|f| *r.field == **f)
            && self
                .min_stage
                .is_none_or(|s| r.min_stage.is_none_or(|m| m <= s))
            && self.mode.is_none_or(|m| r.preferred_mode == m)
            && self.status.is_none_or(|s| r.status == s)
            && self.enterprise.is_none_or(|e| r.enterprise == e)
            && self.budget.accepts(r.budget)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NeedSortKey {
    Title,
    Enterprise,
    Field,
    Budget,
    Deadline,
    Status,
    #[default]
    Updated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedSort {
    pub key: NeedSortKey,
    pub descending: bool,
}

impl Default for NeedSort {
    fn default() -> Self {
        Self {
            key: NeedSortKey::Updated,
            descending: true,
        }
    }
}

impl NeedSort {
    pub fn clicked(self, key: NeedSortKey) -> Self {
        Self {
            key,
            descending: self.key == key && !self.descending,
        }
    }

    /// The positions of every row of `catalog` in this sort.
    pub fn order(self, catalog: &Catalog<NeedRow>) -> Vec<u32> {
        let text: Option<fn(&NeedRow) -> &str> = match self.key {
            NeedSortKey::Title => Some(|r| r.title.as_str()),
            NeedSortKey::Enterprise => Some(|r| &*r.enterprise_name),
            NeedSortKey::Field => Some(|r| &*r.field),
            _ => None,
        };
        match text {
            Some(text) => sorted_positions_by_text(catalog, text, self.descending),
            None => sorted_positions(catalog, |a, b| self.compare(a, b)),
        }
    }

    /// The order of two rows in this sort, direction included.
    pub fn compare(self, a: &NeedRow, b: &NeedRow) -> Ordering {
        let order = match self.key {
            NeedSortKey::Title => a.title.cmp(&b.title),
            NeedSortKey::Enterprise => a.enterprise_name.cmp(&b.enterprise_name),
            NeedSortKey::Field => a.field.cmp(&b.field),
            NeedSortKey::Budget => cmp_price(a.budget, b.budget),
            NeedSortKey::Deadline => a.deadline.cmp(&b.deadline),
            NeedSortKey::Status => (a.status as u8).cmp(&(b.status as u8)),
            NeedSortKey::Updated => a.updated_at.cmp(&b.updated_at),
        };
        if self.descending {
            order.reverse()
        } else {
            order
        }
    }
}

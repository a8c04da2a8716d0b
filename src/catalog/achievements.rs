//! Filtering and sorting the achievement list.

use std::cmp::Ordering;

use super::Catalog;
use super::view::{PriceRange, cmp_price, sorted_positions, sorted_positions_by_text};
use crate::domain::{AchievementRow, AchievementStatus, ClientId, Stage, TransferMode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AchievementFilter {
    pub field: Option<String>,
    pub stage: Option<Stage>,
    pub trl_min: u8,
    pub trl_max: u8,
    pub mode: Option<TransferMode>,
    pub status: Option<AchievementStatus>,
    pub price: PriceRange,
    pub owner: Option<ClientId>,
}

impl Default for AchievementFilter {
    fn default() -> Self {
        Self {
            field: None,
            stage: None,
            trl_min: 1,
            trl_max: 9,
            mode: None,
            status: None,
            price: PriceRange::default(),
            owner: None,
        }
    }
}

impl AchievementFilter {
    pub fn accepts(&self, r: &AchievementRow) -> bool {
        self.field.as_ref().is_none_or(|f| *r.field == **f)
            && self.stage.is_none_or(|s| r.stage == s)
            && (self.trl_min..=self.trl_max).contains(&r.trl)
            && self.mode.is_none_or(|m| r.transfer_modes.contains(m))
            && self.status.is_none_or(|s| r.status == s)
            && self.owner.is_none_or(|o| r.owner == o)
            && self.price.accepts(r.price)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AchievementSortKey {
    Title,
    Owner,
    Field,
    Trl,
    Price,
    Status,
    #[default]
    Updated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AchievementSort {
    pub key: AchievementSortKey,
    pub descending: bool,
}

impl Default for AchievementSort {
    /// Newest first, as a broker expects of a catalogue.
    fn default() -> Self {
        Self {
            key: AchievementSortKey::Updated,
            descending: true,
        }
    }
}

impl AchievementSort {
    pub fn clicked(self, key: AchievementSortKey) -> Self {
        Self {
            key,
            descending: self.key == key && !self.descending,
        }
    }

    /// The positions of every row of `catalog` in this sort.
    pub fn order(self, catalog: &Catalog<AchievementRow>) -> Vec<u32> {
        let text: Option<fn(&AchievementRow) -> &str> = match self.key {
            AchievementSortKey::Title => Some(|r| r.title.as_str()),
            AchievementSortKey::Owner => Some(|r| &*r.owner_name),
            AchievementSortKey::Field => Some(|r| &*r.field),
            _ => None,
        };
        match text {
            Some(text) => sorted_positions_by_text(catalog, text, self.descending),
            None => sorted_positions(catalog, |a, b| self.compare(a, b)),
        }
    }

    /// The order of two rows in this sort, direction included.
    pub fn compare(self, a: &AchievementRow, b: &AchievementRow) -> Ordering {
        let order = match self.key {
            AchievementSortKey::Title => a.title.cmp(&b.title),
            AchievementSortKey::Owner => a.owner_name.cmp(&b.owner_name),
            AchievementSortKey::Field => a.field.cmp(&b.field),
            AchievementSortKey::Trl => a.trl.cmp(&b.trl),
            AchievementSortKey::Price => cmp_price(a.price, b.price),
            AchievementSortKey::Status => (a.status as u8).cmp(&(b.status as u8)),
            AchievementSortKey::Updated => a.updated_at.cmp(&b.updated_at),
        };
        if self.descending {
            order.reverse()
        } else {
            order
        }
    }
}

//! What the engine knows of each record: the fields the structured parts read. Texts are
//! tokenised into the relevance index and not kept.

use std::sync::Arc;

use crate::domain::{
    AchievementId, AchievementStatus, ClientId, NeedId, NeedMode, NeedStatus, Price, Stage,
    TransferModes,
};

/// An achievement as the engine reads it (its title and owner's name are shown from the
/// catalogue, not kept here).
#[derive(Debug, Clone, PartialEq)]
pub struct AchievementDoc {
    pub id: AchievementId,
    pub owner: ClientId,
    pub field: String,
    pub keywords: Vec<String>,
    pub trl: u8,
    pub price: Price,
    pub modes: TransferModes,
    pub status: AchievementStatus,
    pub province: String,
    pub city: String,
}

/// The texts of an achievement that relevance reads; title and keywords count double.
#[derive(Debug, Clone, Copy)]
pub struct AchievementText<'a> {
    pub title: &'a str,
    pub keywords: &'a str,
    pub abstract_text: &'a str,
    pub indicators: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NeedDoc {
    pub id: NeedId,
    pub title: String,
    pub enterprise: ClientId,
    /// Names many needs share, one copy each.
    pub enterprise_name: Arc<str>,
    pub field: Arc<str>,
    pub keywords: Vec<String>,
    pub budget: Price,
    pub mode: NeedMode,
    pub min_stage: Option<Stage>,
    pub min_trl: Option<u8>,
    pub status: NeedStatus,
    pub province: Arc<str>,
    pub city: Arc<str>,
    pub description: String,
    pub indicators: String,
}

impl NeedDoc {
    /// Bytes its strings hold on the heap.
    pub fn heap_bytes(&self) -> usize {
        // The shared names are counted once where they live, not per need.
        [&self.title, &self.description, &self.indicators]
            .iter()
            .map(|s| s.capacity())
            .sum::<usize>()
            + self
                .keywords
                .iter()
                .map(|k| k.capacity() + 24)
                .sum::<usize>()
    }

    /// The text shown for a need: title, keywords, description and indicators, a line each.
    /// Built when shown rather than kept: 20,000 needs would hold their texts twice.
    pub fn text(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}",
            self.title,
            self.keywords.join("、"),
            self.description,
            self.indicators
        )
    }
}

/// An enterprise's profile, for matching through its industry when it has no fitting need.
#[derive(Debug, Clone, PartialEq)]
pub struct EnterpriseDoc {
    pub id: ClientId,
    pub name: String,
    pub industry: String,
    pub province: String,
    pub city: String,
}

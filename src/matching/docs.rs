//! What the engine knows of each record: the fields the structured parts read. Texts are
//! tokenised into the relevance index and not kept.

use std::sync::Arc;

use rustc_hash::FxHashMap;

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

/// A need as the engine reads it. Its description and indicators are not kept (20,000 needs
/// held 8 MiB of them): they are tokenised into the relevance index, and a ranking that
/// queries with a need is given them in [`NeedTexts`].
#[derive(Debug, Clone, PartialEq)]
pub struct NeedDoc {
    pub id: NeedId,
    pub title: String,
    pub enterprise: ClientId,
    /// Names many needs share, one copy each.
    pub enterprise_name: Arc<str>,
    pub field: Arc<str>,
    /// Shared with every need (of any enterprise) that has the same keyword.
    pub keywords: Vec<Arc<str>>,
    pub budget: Price,
    pub mode: NeedMode,
    pub min_stage: Option<Stage>,
    pub min_trl: Option<u8>,
    pub status: NeedStatus,
    pub province: Arc<str>,
    pub city: Arc<str>,
}

impl NeedDoc {
    /// Bytes its strings hold on the heap.
    pub fn heap_bytes(&self) -> usize {
        // The shared names and keywords are counted once where they live, not per need.
        self.title.capacity() + self.keywords.capacity() * size_of::<Arc<str>>()
    }

    /// The text shown for a need: title, keywords, description and indicators, a line each.
    pub fn shown(&self, text: NeedText<'_>) -> String {
        format!(
            "{}\n{}\n{}\n{}",
            self.title,
            self.keywords.join("、"),
            text.description,
            text.indicators
        )
    }
}

/// The texts of a need that the index does not keep.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NeedText<'a> {
    pub description: &'a str,
    pub indicators: &'a str,
}

/// The descriptions and indicators of the needs a ranking queries with, read by the caller
/// (from the store) for the ids [`crate::matching::MatchIndex::query_needs`] names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeedTexts(FxHashMap<NeedId, (String, String)>);

impl NeedTexts {
    pub fn insert(&mut self, id: NeedId, description: String, indicators: String) {
        self.0.insert(id, (description, indicators));
    }

    /// The texts of `id`; empty if they were not read.
    pub fn get(&self, id: NeedId) -> NeedText<'_> {
        self.0
            .get(&id)
            .map(|(description, indicators)| NeedText {
                description,
                indicators,
            })
            .unwrap_or_default()
    }
}

/// An enterprise's profile, for matching through its industry when it has no fitting need.
#[derive(Debug, Clone, PartialEq)]
pub struct EnterpriseDoc {
    pub id: ClientId,
    /// Shared with the profiles a ranking builds from it.
    pub name: Arc<str>,
    /// Names many enterprises share, one copy each.
    pub industry: Arc<str>,
    pub province: Arc<str>,
    pub city: Arc<str>,
}

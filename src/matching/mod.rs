//! Matching achievements to needs and enterprises, with a score the broker can read. Pure Rust
//! over domain types: the store supplies documents and decisions, the UI and the command line
//! show the candidates.

mod assoc;
mod bm25;
mod docs;
mod engine;
mod parts;
mod query;
mod shared;
mod tokens;
mod tuning;

pub use assoc::{Association, Source};
pub use docs::{AchievementDoc, AchievementText, EnterpriseDoc, NeedDoc, NeedText, NeedTexts};
pub use engine::{Candidate, Decisions, MatchIndex, Subject, SubjectTexts};
pub use parts::{Breakdown, Part, PartValues, Weights, stage_min_trl};
pub use shared::highlight_mask;
pub use tuning::Tuning;

#[cfg(test)]
mod tests;

/// Estimated heap bytes of a hash map's table (entries plus one control byte each).
fn map_bytes<K, V, S>(map: &std::collections::HashMap<K, V, S>) -> usize {
    map.capacity() * (std::mem::size_of::<(K, V)>() + 1)
}

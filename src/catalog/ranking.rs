//! Ranking a subject's candidates: the one way the Matching screen and `techbroker match` do it.

use crate::matching::{
    AchievementText, Candidate, Decisions, MatchIndex, Subject, SubjectTexts, Weights,
};
use crate::store::{Store, StoreError};

/// The `top` candidates for `subject` by the engine, reading from the store the texts the match
/// index does not keep: the achievement's when it is the subject, or the needs' it queries with.
pub fn rank(
    store: &Store,
    index: &MatchIndex,
    subject: Subject,
    weights: &Weights,
    decisions: &Decisions,
    top: usize,
    include_rejected: bool,
) -> Result<Vec<Candidate>, StoreError> {
    let achievement = match subject {
        Subject::Achievement(id) => store.get_achievement(id)?,
        _ => None,
    };
    let keywords = achievement
        .as_ref()
        .map(|a| a.data.keywords.join(" "))
        .unwrap_or_default();
    let text = achievement.as_ref().map(|a| AchievementText {
        title: &a.data.title,
        keywords: &keywords,
        abstract_text: &a.data.abstract_text,
        indicators: &a.data.indicators,
    });
    let needs = store.need_texts(&index.query_needs(subject))?;
    let texts = SubjectTexts {
        achievement: text,
        needs: Some(&needs),
    };
    Ok(index.rank(subject, texts, weights, decisions, top, include_rejected))
}

//! Ranking a subject's candidates: the one way the Matching screen and `techbroker match` do it.

use crate::domain::Achievement;
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

/// What a candidate's shared terms and highlights are read from, each text as the screen shows
/// it (title, keywords, then the longer texts, a line each).
pub struct PairTexts {
    /// The need's title and text; none when the candidate came through no need.
    pub need: Option<(String, String)>,
    /// The achievement and its text; none if it has left the store.
    pub achievement: Option<(Achievement, String)>,
}

/// The texts of candidate `c`'s pair, the need's read from the store (the index keeps none).
pub fn pair_texts(
    store: &Store,
    index: &MatchIndex,
    c: &Candidate,
) -> Result<PairTexts, StoreError> {
    let need = match c.need.and_then(|id| index.need(id)) {
        Some(n) => {
            let texts = store.need_texts(&[n.id])?;
            Some((n.title.clone(), n.shown(texts.get(n.id))))
        }
        None => None,
    };
    let achievement = store.get_achievement(c.achievement)?.map(|a| {
        let text = format!(
            "{}\n{}\n{}\n{}",
            a.data.title,
            a.data.keywords.join("、"),
            a.data.abstract_text,
            a.data.indicators
        );
        (a, text)
    });
    Ok(PairTexts { need, achievement })
}

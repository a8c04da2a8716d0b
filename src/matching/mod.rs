//! Matching achievements to needs and enterprises, with a score the broker can read. Pure Rust
//! over domain types: the store supplies documents and decisions, the UI and the command line
//! show the candidates.

mod assoc;
mod bm25;
mod docs;
mod engine;
mod parts;
mod query;
mod tokens;
mod tuning;

pub use assoc::{Association, Source};
pub use docs::{AchievementDoc, AchievementText, EnterpriseDoc, NeedDoc};
pub use engine::{Candidate, Decisions, MatchIndex, Subject};
pub use parts::{Breakdown, Part, PartValues, Weights, stage_min_trl};
pub use tuning::Tuning;

use rustc_hash::FxHashSet;

/// The terms two texts share (character pairs and words), in the order they appear in `a`,
/// for showing why a pair matched.
pub fn matched_terms(a: &str, b: &str) -> Vec<String> {
    let in_b: FxHashSet<tokens::Token> = tokens::tokens(b).into_iter().collect();
    let mut seen = FxHashSet::default();
    tokens::tokens(a)
        .into_iter()
        .filter(|t| in_b.contains(t) && seen.insert(*t))
        .filter_map(|t| tokens::token_text(t, a))
        .collect()
}

/// Merges overlapping pair terms into runs as they appear in `text` ("锂电", "电池" → "锂电池"),
/// for a compact list of matched terms.
pub fn merge_terms(text: &str, terms: &[String]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut covered = vec![false; chars.len()];
    for term in terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - t.len() {
            if chars[start..start + t.len()]
                .iter()
                .zip(&t)
                .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
            {
                covered[start..start + t.len()]
                    .iter_mut()
                    .for_each(|c| *c = true);
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for (c, on) in chars.iter().zip(&covered) {
        if *on {
            run.push(*c);
        } else if !run.is_empty() {
            if !out.contains(&run) {
                out.push(run.clone());
            }
            run.clear();
        }
    }
    if !run.is_empty() && !out.contains(&run) {
        out.push(run);
    }
    out
}

/// Which characters of `text` belong to a matched term, for highlighting.
pub fn highlight_mask(text: &str, terms: &[String]) -> Vec<bool> {
    let chars: Vec<char> = text.chars().collect();
    let mut mask = vec![false; chars.len()];
    for run in merge_terms(text, terms) {
        let r: Vec<char> = run.chars().collect();
        if r.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - r.len() {
            if chars[start..start + r.len()] == r[..] {
                mask[start..start + r.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    mask
}

#[cfg(test)]
mod tests;

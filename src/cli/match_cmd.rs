//! `techbroker match`: the Matching screen's ranking, printed.

use std::io::Write;

use serde_json::json;

use crate::catalog::{load_matching, pair_texts, rank};
use crate::matching::{Candidate, Part, Subject};
use crate::store::Store;

pub fn run(
    store: &Store,
    subject: Subject,
    top: usize,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let index = load_matching(&store.reader()?)?;
    let weights = store.match_weights()?;
    let decisions = store.decisions()?;
    let candidates = rank(store, &index, subject, &weights, &decisions, top, false)?;
    let mut items = Vec::new();
    for c in &candidates {
        items.push(describe(store, &index, subject, c)?);
    }
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
    } else {
        for item in &items {
            let parts: Vec<String> = Part::ALL
                .iter()
                .map(|p| {
                    format!(
                        "{}={:.1}",
                        p.code(),
                        item["parts"][p.code()].as_f64().unwrap_or(0.0)
                    )
                })
                .collect();
            let mut terms: Vec<String> = item["terms"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|t| t.as_str())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            if let Some(assoc) = item["associations"].as_array() {
                terms.extend(assoc.iter().map(|a| {
                    format!(
                        "{}≈{}",
                        a["need_term"].as_str().unwrap_or_default(),
                        a["term"].as_str().unwrap_or_default()
                    )
                }));
            }
            writeln!(
                out,
                "{:>5.1}\t{}\t{}\t{}\t{}",
                item["score"].as_f64().unwrap_or(0.0),
                item["id"],
                item["title"].as_str().unwrap_or_default(),
                parts.join(" "),
                terms.join("、")
            )?;
        }
    }
    Ok(())
}

/// One candidate as printed: the achievement (or the enterprise, for an achievement), its
/// score, each part's contribution and the shared terms.
fn describe(
    store: &Store,
    index: &crate::matching::MatchIndex,
    subject: Subject,
    c: &Candidate,
) -> anyhow::Result<serde_json::Value> {
    let pair = pair_texts(store, index, c)?;
    let need_text = pair.need.map(|(_, text)| text).unwrap_or_default();
    let (achievement, achievement_text) = pair.achievement.unzip();
    let achievement_text = achievement_text.unwrap_or_default();
    let terms = index.shared_terms(&need_text, &achievement_text);
    let associations: Vec<serde_json::Value> = c
        .associations
        .iter()
        .map(|a| json!({"need_term": a.need_term, "term": a.term, "source": a.source.code()}))
        .collect();
    let mut parts = serde_json::Map::new();
    for p in Part::ALL {
        parts.insert(
            p.code().into(),
            json!((c.breakdown.contribution(p) * 10.0).round() / 10.0),
        );
    }
    // The id printed is the enterprise's or the achievement's, whichever the list ranks.
    let (id, title): (i64, String) = match subject {
        Subject::Achievement(_) => (
            c.enterprise.into(),
            index
                .enterprise(c.enterprise)
                .map(|e| e.name.to_string())
                .unwrap_or_default(),
        ),
        _ => (
            c.achievement.into(),
            achievement.map(|a| a.data.title).unwrap_or_default(),
        ),
    };
    Ok(json!({
        "id": id,
        "title": title,
        "score": (c.breakdown.score * 10.0).round() / 10.0,
        "need": c.need,
        "achievement": c.achievement,
        "enterprise": c.enterprise,
        "parts": parts,
        "terms": terms,
        "associations": associations,
    }))
}

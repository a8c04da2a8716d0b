//! The matching engine against a labelled evaluation set (`tests/eval/`): needs written as
//! enterprises write them, achievements as platforms list them, and for each need the
//! achievements a broker would propose (2 strong, 1 partial). Reports precision@5 and nDCG@10
//! for the full engine and for text relevance alone, and fails below the recorded values.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use techbroker::domain::{
    AchievementStatus, Money, NeedMode, NeedStatus, Price, Stage, TransferMode, TransferModes,
};
use techbroker::matching::{
    AchievementDoc, AchievementText, Decisions, MatchIndex, NeedDoc, Weights,
};

/// The values the engine reached when the set was written; a change that lowers them fails.
const MIN_PRECISION_AT_5: f64 = 0.76;
const MIN_NDCG_AT_10: f64 = 0.92;

#[derive(Deserialize)]
struct EvalAchievement {
    key: String,
    title: String,
    owner: String,
    city: String,
    field: String,
    keywords: Vec<String>,
    #[serde(rename = "abstract")]
    abstract_text: String,
    indicators: String,
    trl: u8,
    modes: Vec<String>,
    price_wan: Option<f64>,
    status: String,
}

#[derive(Deserialize)]
struct EvalNeed {
    key: String,
    title: String,
    enterprise: String,
    city: String,
    field: String,
    keywords: Vec<String>,
    description: String,
    indicators: String,
    budget_wan: Option<f64>,
    mode: String,
    min_stage: Option<String>,
    min_trl: Option<u8>,
    relevant: HashMap<String, u8>,
}

fn wan(w: Option<f64>) -> Price {
    w.map_or(Price::Negotiable, |w| {
        Price::Amount(Money((w * 1_000_000.0).round() as i64))
    })
}

fn load<T: serde::de::DeserializeOwned>(prefix: &str) -> Vec<T> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/eval")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".json"))
        })
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).expect("readable");
            serde_json::from_str::<Vec<T>>(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}

struct EvalSet {
    index: MatchIndex,
    needs: Vec<(NeedDoc, HashMap<i64, u8>)>,
    achievements: usize,
}

fn build() -> EvalSet {
    let achievements: Vec<EvalAchievement> = load("achievements_");
    let needs: Vec<EvalNeed> = load("needs_");
    let mut ids: HashMap<String, i64> = HashMap::new();
    let mut owners: HashMap<String, i64> = HashMap::new();
    let mut index = MatchIndex::default();
    for (i, a) in achievements.iter().enumerate() {
        let id = i as i64 + 1;
        ids.insert(a.key.clone(), id);
        let next_owner = owners.len() as i64 + 1;
        let owner = *owners.entry(a.owner.clone()).or_insert(next_owner);
        let modes: TransferModes = a
            .modes
            .iter()
            .filter_map(|m| TransferMode::from_code(m))
            .collect();
        let keywords = a.keywords.join(" ");
        index.upsert_achievement(
            AchievementDoc {
                id,
                owner,
                field: a.field.clone(),
                keywords: a.keywords.clone(),
                trl: a.trl,
                price: wan(a.price_wan),
                modes,
                status: AchievementStatus::from_code(&a.status).unwrap_or_default(),
                province: "山东省".into(),
                city: a.city.clone(),
            },
            AchievementText {
                title: &a.title,
                keywords: &keywords,
                abstract_text: &a.abstract_text,
                indicators: &a.indicators,
            },
        );
    }
    let mut labelled = Vec::new();
    for (i, n) in needs.iter().enumerate() {
        let doc = NeedDoc {
            id: i as i64 + 1,
            title: n.title.clone(),
            enterprise: 100_000 + i as i64,
            enterprise_name: n.enterprise.clone(),
            field: n.field.clone(),
            keywords: n.keywords.clone(),
            budget: wan(n.budget_wan),
            mode: NeedMode::from_code(&n.mode).unwrap_or_default(),
            min_stage: n.min_stage.as_deref().and_then(Stage::from_code),
            min_trl: n.min_trl,
            status: NeedStatus::Open,
            province: "山东省".into(),
            city: n.city.clone(),
            text: format!(
                "{}\n{}\n{}\n{}",
                n.title,
                n.keywords.join("、"),
                n.description,
                n.indicators
            ),
        };
        let relevant: HashMap<i64, u8> = n
            .relevant
            .iter()
            .map(|(k, g)| {
                let id = *ids
                    .get(k)
                    .unwrap_or_else(|| panic!("{} names unknown achievement {k}", n.key));
                (id, *g)
            })
            .collect();
        index.upsert_need(doc.clone());
        labelled.push((doc, relevant));
    }
    EvalSet {
        index,
        needs: labelled,
        achievements: achievements.len(),
    }
}

/// Mean precision@5 and nDCG@10 over the needs.
fn evaluate(set: &EvalSet, weights: &Weights) -> (f64, f64) {
    let decisions = Decisions::default();
    let mut precision = 0.0;
    let mut ndcg = 0.0;
    for (need, relevant) in &set.needs {
        let ranked: Vec<i64> = set
            .index
            .achievements_for_need(need, weights, &decisions, 10, false)
            .iter()
            .map(|c| c.achievement)
            .collect();
        let hits = ranked
            .iter()
            .take(5)
            .filter(|id| relevant.contains_key(id))
            .count();
        precision += hits as f64 / 5.0;
        let gain = |g: u8| f64::from((1u32 << g) - 1);
        let dcg: f64 = ranked
            .iter()
            .enumerate()
            .map(|(i, id)| gain(relevant.get(id).copied().unwrap_or(0)) / (i as f64 + 2.0).log2())
            .sum();
        let mut ideal: Vec<u8> = relevant.values().copied().collect();
        ideal.sort_unstable_by(|a, b| b.cmp(a));
        let idcg: f64 = ideal
            .iter()
            .take(10)
            .enumerate()
            .map(|(i, g)| gain(*g) / (i as f64 + 2.0).log2())
            .sum();
        if idcg > 0.0 {
            ndcg += dcg / idcg;
        }
    }
    let n = set.needs.len().max(1) as f64;
    (precision / n, ndcg / n)
}

#[test]
fn the_engine_ranks_what_a_broker_would_propose() {
    let set = build();
    assert!(
        set.needs.len() >= 30,
        "at least 30 needs, found {}",
        set.needs.len()
    );
    assert!(
        set.achievements >= 1000,
        "at least 1,000 achievements, found {}",
        set.achievements
    );
    let (p5, ndcg) = evaluate(&set, &Weights::default());
    let (text_p5, text_ndcg) = evaluate(&set, &Weights::text_only());
    println!(
        "{} needs, {} achievements: engine P@5 {p5:.3} nDCG@10 {ndcg:.3}; text-only BM25 P@5 {text_p5:.3} nDCG@10 {text_ndcg:.3}",
        set.needs.len(),
        set.achievements
    );
    assert!(p5 >= MIN_PRECISION_AT_5, "P@5 fell to {p5:.3}");
    assert!(ndcg >= MIN_NDCG_AT_10, "nDCG@10 fell to {ndcg:.3}");
    assert!(p5 > text_p5, "structure must beat text alone on P@5");
    assert!(
        ndcg > text_ndcg,
        "structure must beat text alone on nDCG@10"
    );
}

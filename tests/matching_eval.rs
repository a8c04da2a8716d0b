//! The matching engine against labelled evaluation sets: needs written as enterprises write
//! them, listings as platforms list them, and for each need the listings a broker would propose.
//!
//! - `tests/eval/needs_*.json`, `achievements_*.json`: the project's first set (grades 1 partial,
//!   2 strong). Its needs are split by field into a development half, which the engine's
//!   constants were chosen on, and a held-out half, which no tuning looked at.
//! - `tests/eval/fresh/`: a set written afterwards by two writers who had seen neither the
//!   engine, the generator nor the first set (grades 0-3, traps graded 0). Held out too.
//!
//! Prints the README's table (nDCG@10 with gains 2^grade - 1; P@5 counting grade ≥ 1 in the
//! first set, ≥ 2 in the fresh one) for text relevance alone, the full engine and the full
//! engine with each part turned off, and fails below thresholds set under the held-out and fresh
//! values with a margin.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use techbroker::domain::{
    AchievementId, AchievementStatus, ClientId, Money, NeedId, NeedMode, NeedStatus, Price, Stage,
    TransferMode, TransferModes,
};
use techbroker::matching::{
    AchievementDoc, AchievementText, Decisions, MatchIndex, NeedDoc, NeedText, Tuning, Weights,
};

/// Held-out and fresh values reached, less a margin: a change that loses more fails.
/// Reached: held-out 0.923 / 0.790, fresh 0.948 / 0.540.
const MIN_HELD_OUT_NDCG: f64 = 0.89;
const MIN_HELD_OUT_P5: f64 = 0.76;
const MIN_FRESH_NDCG: f64 = 0.91;
const MIN_FRESH_P5: f64 = 0.51;

#[derive(Deserialize)]
struct Listing {
    key: String,
    title: String,
    owner: String,
    city: String,
    #[serde(default)]
    province: Option<String>,
    field: String,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(rename = "abstract", default)]
    abstract_text: String,
    #[serde(default)]
    indicators: String,
    trl: u8,
    #[serde(default)]
    modes: Vec<String>,
    price_wan: Option<f64>,
    status: String,
}

#[derive(Deserialize)]
struct Need {
    key: String,
    title: String,
    enterprise: String,
    city: String,
    #[serde(default)]
    province: Option<String>,
    field: String,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    indicators: String,
    budget_wan: Option<f64>,
    mode: String,
    min_stage: Option<String>,
    min_trl: Option<u8>,
    /// The first set's grades (1-2).
    #[serde(default)]
    relevant: HashMap<String, u8>,
    /// The fresh set's grades (0-3).
    #[serde(default)]
    grades: HashMap<String, u8>,
}

fn wan(w: Option<f64>) -> Price {
    w.map_or(Price::Negotiable, |w| {
        Price::Amount(Money((w * 1_000_000.0).round() as i64))
    })
}

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval")
}

fn load<T: serde::de::DeserializeOwned>(dir: &Path, prefix: &str) -> Vec<T> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
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

/// One labelled need: the engine's view of it, its field, its grades by achievement id, and
/// which file it came from.
#[derive(Clone)]
struct Labelled {
    doc: NeedDoc,
    description: String,
    indicators: String,
    key: String,
    field: String,
    grades: HashMap<i64, u8>,
}

struct EvalSet {
    index: MatchIndex,
    needs: Vec<Labelled>,
    titles: HashMap<i64, String>,
    listings: usize,
    /// The least grade P@5 counts.
    good: u8,
}

fn build(dir: &Path, listing_prefix: &str, good: u8) -> EvalSet {
    let listings: Vec<Listing> = load(dir, listing_prefix);
    let needs: Vec<Need> = load(dir, "needs_");
    let mut ids: HashMap<String, i64> = HashMap::new();
    let mut owners: HashMap<String, i64> = HashMap::new();
    let mut titles = HashMap::new();
    let mut index = MatchIndex::default();
    for (i, a) in listings.iter().enumerate() {
        let id = i as i64 + 1;
        ids.insert(a.key.clone(), id);
        titles.insert(id, a.title.clone());
        let next_owner = owners.len() as i64 + 1;
        let owner = *owners.entry(a.owner.clone()).or_insert(next_owner);
        let modes: TransferModes = a
            .modes
            .iter()
            .filter_map(|m| TransferMode::from_code(m))
            .collect();
        let keywords = a.keywords.join("、");
        index.upsert_achievement(
            AchievementDoc {
                id: AchievementId(id),
                owner: ClientId(owner),
                field: a.field.clone(),
                keywords: a.keywords.clone(),
                trl: a.trl,
                price: wan(a.price_wan),
                modes,
                status: AchievementStatus::from_code(&a.status).unwrap_or_default(),
                province: a.province.clone().unwrap_or_else(|| "山东省".into()),
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
            id: NeedId(i as i64 + 1),
            title: n.title.clone(),
            enterprise: ClientId(100_000 + i as i64),
            enterprise_name: n.enterprise.as_str().into(),
            field: n.field.as_str().into(),
            keywords: n.keywords.iter().map(|k| k.as_str().into()).collect(),
            budget: wan(n.budget_wan),
            mode: NeedMode::from_code(&n.mode).unwrap_or_default(),
            min_stage: n.min_stage.as_deref().and_then(Stage::from_code),
            min_trl: n.min_trl,
            status: NeedStatus::Open,
            province: n.province.as_deref().unwrap_or("山东省").into(),
            city: n.city.as_str().into(),
        };
        let grades: HashMap<i64, u8> = n
            .relevant
            .iter()
            .chain(&n.grades)
            .map(|(k, g)| {
                let id = *ids
                    .get(k)
                    .unwrap_or_else(|| panic!("{} names unknown listing {k}", n.key));
                (id, *g)
            })
            .collect();
        index.upsert_need(
            doc.clone(),
            NeedText {
                description: &n.description,
                indicators: &n.indicators,
            },
        );
        labelled.push(Labelled {
            doc,
            description: n.description.clone(),
            indicators: n.indicators.clone(),
            key: n.key.clone(),
            field: n.field.clone(),
            grades,
        });
    }
    index.shrink();
    EvalSet {
        index,
        needs: labelled,
        titles,
        listings: listings.len(),
        good,
    }
}

/// The first set, and which of its needs are in the development half: by field, in key order,
/// every other one.
fn first_set() -> (EvalSet, Vec<bool>) {
    let set = build(&eval_dir(), "achievements_", 1);
    let mut by_field: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, n) in set.needs.iter().enumerate() {
        by_field.entry(&n.field).or_default().push(i);
    }
    let mut dev = vec![false; set.needs.len()];
    for members in by_field.values_mut() {
        members.sort_by(|a, b| set.needs[*a].key.cmp(&set.needs[*b].key));
        for (j, &i) in members.iter().enumerate() {
            dev[i] = j % 2 == 0;
        }
    }
    (set, dev)
}

fn fresh_set() -> Option<EvalSet> {
    let dir = eval_dir().join("fresh");
    let set = build(&dir, "listings_", 2);
    (!set.needs.is_empty()).then_some(set)
}

/// nDCG@10 and P@5 of one ranking.
fn metrics(ranked: &[i64], grades: &HashMap<i64, u8>, good: u8) -> (f64, f64) {
    let grade = |id: &i64| grades.get(id).copied().unwrap_or(0);
    let hits = ranked.iter().take(5).filter(|id| grade(id) >= good).count();
    let gain = |g: u8| f64::from((1u32 << g) - 1);
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, id)| gain(grade(id)) / (i as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, g)| gain(*g) / (i as f64 + 2.0).log2())
        .sum();
    let ndcg = if idcg > 0.0 { dcg / idcg } else { 0.0 };
    (ndcg, hits as f64 / 5.0)
}

impl Labelled {
    fn text(&self) -> NeedText<'_> {
        NeedText {
            description: &self.description,
            indicators: &self.indicators,
        }
    }
}

fn ranked(set: &EvalSet, need: &Labelled, weights: &Weights, decisions: &Decisions) -> Vec<i64> {
    set.index
        .achievements_for_need(&need.doc, need.text(), weights, decisions, 10, false)
        .iter()
        .map(|c| c.achievement.0)
        .collect()
}

/// Mean nDCG@10 and P@5 over the needs `pick` chooses.
fn evaluate(
    set: &EvalSet,
    weights: &Weights,
    decisions: &Decisions,
    pick: impl Fn(usize) -> bool,
) -> (f64, f64) {
    let (mut ndcg, mut p5, mut n) = (0.0, 0.0, 0);
    for (_, need) in set.needs.iter().enumerate().filter(|(i, _)| pick(*i)) {
        let (a, b) = metrics(
            &ranked(set, need, weights, decisions),
            &need.grades,
            set.good,
        );
        ndcg += a;
        p5 += b;
        n += 1;
    }
    let n = f64::from(n.max(1));
    (ndcg / n, p5 / n)
}

/// A simulated broker's decisions on the needs `pick` chooses: of the top ten, those graded 2
/// or more accepted, those graded 0 rejected.
fn broker_decisions(set: &EvalSet, pick: impl Fn(usize) -> bool) -> Decisions {
    let weights = Weights::default();
    let mut d = Decisions::default();
    for (_, need) in set.needs.iter().enumerate().filter(|(i, _)| pick(*i)) {
        for id in ranked(set, need, &weights, &Decisions::default()) {
            match need.grades.get(&id).copied().unwrap_or(0) {
                0 => {
                    d.rejected.insert((need.doc.id, AchievementId(id)));
                    d.rejected_by
                        .entry(need.doc.enterprise)
                        .or_default()
                        .push(AchievementId(id));
                    d.on_needs.push((need.doc.id, AchievementId(id), -1.0));
                }
                g if g >= 2 => d.on_needs.push((need.doc.id, AchievementId(id), 1.0)),
                _ => {}
            }
        }
    }
    d
}

/// One row of the table: what is measured, and how.
struct Row {
    label: &'static str,
    tuning: Tuning,
    weights: Weights,
    /// Decisions of a simulated broker on the development needs first.
    learned: bool,
}

fn rows() -> Vec<Row> {
    let full = Tuning::default();
    let off = |f: fn(&mut Tuning)| {
        let mut t = full;
        f(&mut t);
        t
    };
    let row = |label, tuning, weights| Row {
        label,
        tuning,
        weights,
        learned: false,
    };
    vec![
        row(
            "before: plain BM25 over the whole need, text alone",
            Tuning::plain(),
            Weights::text_only(),
        ),
        row(
            "before: plain BM25, full engine",
            Tuning::plain(),
            Weights::default(),
        ),
        row("text relevance alone", full, Weights::text_only()),
        row("**full engine**", full, Weights::default()),
        row(
            "full, without reading the need (all words alike)",
            off(|t| t.reading = false),
            Weights::default(),
        ),
        row(
            "full, without fields (BM25, not BM25F)",
            off(|t| t.fields = false),
            Weights::default(),
        ),
        row(
            "full, without phrases",
            off(|t| t.phrases = false),
            Weights::default(),
        ),
        row(
            "full, without the relevance floor",
            off(|t| t.floor = false),
            Weights::default(),
        ),
        row(
            "full, without associations",
            off(|t| t.associations = false),
            Weights::default(),
        ),
        Row {
            label: "full, after a simulated broker's decisions (on dev / on the other writer's needs)",
            tuning: full,
            weights: Weights::default(),
            learned: true,
        },
    ]
}

/// (dev, held-out, fresh) as (nDCG@10, P@5).
type Measured = ((f64, f64), (f64, f64), Option<(f64, f64)>);

fn measure(first: &mut (EvalSet, Vec<bool>), fresh: &mut Option<EvalSet>, row: &Row) -> Measured {
    let (set, dev) = first;
    set.index.set_tuning(row.tuning);
    let none = Decisions::default();
    let dev_m = evaluate(set, &row.weights, &none, |i| dev[i]);
    let held_decisions = if row.learned {
        broker_decisions(set, |i| dev[i])
    } else {
        Decisions::default()
    };
    let held_m = evaluate(set, &row.weights, &held_decisions, |i| !dev[i]);
    let fresh_m = fresh.as_mut().map(|f| {
        f.index.set_tuning(row.tuning);
        if !row.learned {
            return evaluate(f, &row.weights, &none, |_| true);
        }
        // Decisions on one writer's needs, measured on the other's, both ways.
        // Keys start with their writer's letter ("a-N01").
        let writer = |i: usize| f.needs[i].key.split('-').next().unwrap_or("").to_string();
        let first_writer = writer(0);
        let writer_a = |i: usize| writer(i) == first_writer;
        let on_a = broker_decisions(f, writer_a);
        let on_b = broker_decisions(f, |i| !writer_a(i));
        let (na, pa) = evaluate(f, &row.weights, &on_b, writer_a);
        let (nb, pb) = evaluate(f, &row.weights, &on_a, |i| !writer_a(i));
        let count_a = (0..f.needs.len()).filter(|&i| writer_a(i)).count() as f64;
        let count_b = f.needs.len() as f64 - count_a;
        let total = f.needs.len().max(1) as f64;
        (
            (na * count_a + nb * count_b) / total,
            (pa * count_a + pb * count_b) / total,
        )
    });
    set.index.set_tuning(Tuning::default());
    if let Some(f) = fresh.as_mut() {
        f.index.set_tuning(Tuning::default());
    }
    (dev_m, held_m, fresh_m)
}

#[test]
fn the_engine_ranks_what_a_broker_would_propose() {
    let mut first = first_set();
    let mut fresh = fresh_set();
    let dev_count = first.1.iter().filter(|d| **d).count();
    assert!(first.0.needs.len() >= 40 && first.0.listings >= 1000);
    assert!(dev_count >= 20 && first.0.needs.len() - dev_count >= 20);
    println!(
        "first set: {} needs ({} development, {} held out) over {} listings, {} associations mined; fresh set: {}",
        first.0.needs.len(),
        dev_count,
        first.0.needs.len() - dev_count,
        first.0.listings,
        first.0.index.association_count(),
        fresh.as_ref().map_or("not there".to_string(), |f| format!(
            "{} needs over {} listings, {} associations mined",
            f.needs.len(),
            f.listings,
            f.index.association_count()
        ))
    );
    println!(
        "| ranking | dev nDCG@10 | dev P@5 | held-out nDCG@10 | held-out P@5 | fresh nDCG@10 | fresh P@5 |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    let mut results = Vec::new();
    for row in rows() {
        let m = measure(&mut first, &mut fresh, &row);
        let ((dn, dp), (hn, hp), f) = m;
        let (fnd, fp) = f.map_or(("–".to_string(), "–".to_string()), |(n, p)| {
            (format!("{n:.3}"), format!("{p:.3}"))
        });
        println!(
            "| {} | {dn:.3} | {dp:.3} | {hn:.3} | {hp:.3} | {fnd} | {fp} |",
            row.label
        );
        results.push((row.label, m));
    }
    let full = results
        .iter()
        .find(|(l, _)| l.contains("full engine"))
        .map(|(_, m)| *m)
        .expect("the full engine's row");
    let (_, (held_ndcg, held_p5), fresh_m) = full;
    assert!(
        held_ndcg >= MIN_HELD_OUT_NDCG,
        "held-out nDCG@10 fell to {held_ndcg:.3}"
    );
    assert!(
        held_p5 >= MIN_HELD_OUT_P5,
        "held-out P@5 fell to {held_p5:.3}"
    );
    if let Some((n, p)) = fresh_m {
        assert!(n >= MIN_FRESH_NDCG, "fresh nDCG@10 fell to {n:.3}");
        assert!(p >= MIN_FRESH_P5, "fresh P@5 fell to {p:.3}");
    }
}

/// Region, which the sets barely exercise (almost everything is in Shandong): for every need of
/// the first set, its best candidate listed twice more, once by an owner in the need's city and
/// once in another province; the local one must rank above the distant one.
#[test]
fn a_local_twin_ranks_above_a_distant_one() {
    let (mut set, _) = first_set();
    let weights = Weights::default();
    let none = Decisions::default();
    let mut next = 1_000_000;
    let mut cases = Vec::new();
    for need in &set.needs {
        let Some(top) = set
            .index
            .achievements_for_need(&need.doc, need.text(), &weights, &none, 1, false)
            .first()
            .map(|c| c.achievement.0)
        else {
            continue;
        };
        cases.push((need.clone(), top, next, next + 1));
        next += 2;
    }
    for (need, top, local, distant) in &cases {
        let title = set.titles[top].clone();
        for (id, province, city) in [
            (*local, &*need.doc.province, &*need.doc.city),
            (*distant, "江苏省", "南京市"),
        ] {
            set.index.upsert_achievement(
                AchievementDoc {
                    id: AchievementId(id),
                    owner: ClientId(id),
                    field: need.doc.field.to_string(),
                    keywords: need.doc.keywords.iter().map(|k| k.to_string()).collect(),
                    trl: 9,
                    price: Price::Negotiable,
                    modes: [TransferMode::Assignment, TransferMode::CoDevelopment]
                        .into_iter()
                        .collect(),
                    status: AchievementStatus::Available,
                    province: province.into(),
                    city: city.into(),
                },
                AchievementText {
                    title: &title,
                    keywords: &need.doc.keywords.join("、"),
                    abstract_text: &need.description,
                    indicators: &need.indicators,
                },
            );
        }
    }
    for (need, _, local, distant) in &cases {
        let ranked = ranked(&set, need, &weights, &none);
        let at = |id| ranked.iter().position(|r| r == id);
        assert!(
            at(local).is_some_and(|l| at(distant).is_none_or(|d| l < d)),
            "{}: local {:?} distant {:?}",
            need.doc.title,
            at(local),
            at(distant)
        );
    }
}

/// Past decisions, which the sets exercise only through a simulated broker: for every
/// development need, its best candidate listed twice more with the same texts, each with one
/// keyword of its own, and the enterprise has rejected another achievement of the field that
/// gives the second twin's keyword. The first twin must rank above the second; with equal
/// scores the second, listed first, would come first.
#[test]
fn an_achievement_like_one_the_enterprise_rejected_ranks_below_its_twin() {
    let (mut set, dev) = first_set();
    let weights = Weights::default();
    let none = Decisions::default();
    let mut next = 2_000_000;
    let mut cases = Vec::new();
    for (i, need) in set.needs.iter().enumerate().filter(|(i, _)| dev[*i]) {
        let Some(top) = set
            .index
            .achievements_for_need(&need.doc, need.text(), &weights, &none, 1, false)
            .first()
            .map(|c| c.achievement.0)
        else {
            continue;
        };
        // (need, top, rejected, like the rejected one, its twin)
        cases.push((need.clone(), top, next, next + 1, next + 2, i));
        next += 3;
    }
    let mut decisions = Decisions::default();
    for (need, top, rejected, like, twin, i) in &cases {
        let title = set.titles[top].clone();
        let doc = |id: i64, keywords: Vec<String>| AchievementDoc {
            id: AchievementId(id),
            owner: ClientId(id),
            field: need.doc.field.to_string(),
            keywords,
            trl: 9,
            price: Price::Negotiable,
            modes: [TransferMode::Assignment].into_iter().collect(),
            status: AchievementStatus::Available,
            province: need.doc.province.to_string(),
            city: need.doc.city.to_string(),
        };
        let own = |mark: &str| {
            let mut k: Vec<String> = need.doc.keywords.iter().map(|k| k.to_string()).collect();
            k.push(format!("试验{mark}{i}"));
            k
        };
        for (id, keywords) in [(*like, own("乙")), (*twin, own("甲"))] {
            let joined = keywords.join("、");
            set.index.upsert_achievement(
                doc(id, keywords),
                AchievementText {
                    title: &title,
                    keywords: &joined,
                    abstract_text: &need.description,
                    indicators: &need.indicators,
                },
            );
        }
        let other = format!("试验乙{i}");
        set.index.upsert_achievement(
            doc(*rejected, vec![other.clone()]),
            AchievementText {
                title: "无关的成果",
                keywords: &other,
                abstract_text: "",
                indicators: "",
            },
        );
        decisions
            .rejected_by
            .entry(need.doc.enterprise)
            .or_default()
            .push(AchievementId(*rejected));
    }
    assert!(cases.len() >= 20, "{} development needs", cases.len());
    for (need, _, _, like, twin, _) in &cases {
        let ranked = ranked(&set, need, &weights, &decisions);
        let at = |id| ranked.iter().position(|r| r == id);
        assert!(
            at(twin).is_some_and(|t| at(like).is_none_or(|l| t < l)),
            "{}: twin {:?}, like the rejected {:?}",
            need.doc.title,
            at(twin),
            at(like)
        );
    }
}

/// The development half need by need, for choosing the engine's constants: `cargo test --test
/// matching_eval -- --ignored --nocapture`. Only the development half: the held-out half and
/// the fresh set are for measuring, never for looking at.
#[test]
#[ignore]
fn development_needs_one_by_one() {
    let (set, dev) = first_set();
    let weights = Weights::default();
    let none = Decisions::default();
    for (_, need) in set.needs.iter().enumerate().filter(|(i, _)| dev[*i]) {
        let cands =
            set.index
                .achievements_for_need(&need.doc, need.text(), &weights, &none, 10, false);
        let ids: Vec<i64> = cands.iter().map(|c| c.achievement.0).collect();
        let (ndcg, p5) = metrics(&ids, &need.grades, set.good);
        println!("{} {} nDCG {ndcg:.3} P@5 {p5:.2}", need.key, need.doc.title);
        for c in cands.iter().take(10) {
            println!(
                "    {} {:5.1} text {:4.1} {}{}",
                need.grades.get(&c.achievement.0).copied().unwrap_or(0),
                c.breakdown.score,
                c.breakdown.values.0[0],
                set.titles.get(&c.achievement.0).map_or("", |t| t),
                if c.associations.is_empty() {
                    String::new()
                } else {
                    format!(
                        "  via {:?}",
                        c.associations
                            .iter()
                            .map(|a| format!("{}→{}", a.need_term, a.term))
                            .collect::<Vec<_>>()
                    )
                }
            );
        }
        let missing: Vec<String> = need
            .grades
            .iter()
            .filter(|(id, g)| **g >= 1 && !ids.contains(id))
            .map(|(id, g)| format!("{g}:{}", set.titles.get(id).map_or("", |t| t)))
            .collect();
        if !missing.is_empty() {
            println!("    missing: {}", missing.join(" | "));
        }
    }
}

/// Variants of the engine's constants on the development half, text alone and full: `cargo
/// test --test matching_eval dev_grid -- --ignored --nocapture`.
#[test]
#[ignore]
fn dev_grid() {
    let (mut set, dev) = first_set();
    let none = Decisions::default();
    let base = Tuning {
        learning: false,
        ..Tuning::default()
    };
    let v = |f: fn(&mut Tuning)| {
        let mut t = base;
        f(&mut t);
        t
    };
    let base = v(|t| {
        t.w_title = 1.0;
        t.w_keywords = 1.0;
        t.w_neutral = 1.0;
        t.w_indicators = 1.0;
        t.w_wish = 1.0;
        t.w_business = 1.0;
        t.w_problem = 1.0;
        t.w_background = 0.3;
    });
    let v = |f: fn(&mut Tuning)| {
        let mut t = base;
        f(&mut t);
        t
    };
    let variants: Vec<(&str, Tuning)> = vec![
        ("plain", Tuning::plain()),
        ("mild reading", base),
        (
            "floor .3, step 1/3",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.34;
            }),
        ),
        (
            "floor .4, step 1/3",
            v(|t| {
                t.floor_at = 0.4;
                t.maturity_step = 0.34;
            }),
        ),
        (
            "floor .5, step 1/3",
            v(|t| {
                t.floor_at = 0.5;
                t.maturity_step = 0.34;
            }),
        ),
        (
            "floor .3, step 1/2",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.5;
            }),
        ),
        (
            "floor .3, step 1/3, f431",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.34;
                t.field_weights = [4.0, 3.0, 1.0];
            }),
        ),
        (
            "floor .3, step 1/3, ph.3",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.34;
                t.phrase_bonus = 0.3;
            }),
        ),
        (
            "floor .3, step 1/3, ph.3 f431",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.34;
                t.phrase_bonus = 0.3;
                t.field_weights = [4.0, 3.0, 1.0];
            }),
        ),
        (
            "floor .3, step 1/3, bg .5",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.34;
                t.w_background = 0.5;
            }),
        ),
        (
            "floor .3, step 1/3, title 1.3",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.34;
                t.w_title = 1.3;
                t.w_keywords = 1.3;
            }),
        ),
        (
            "floor .3, step 1/3, assoc .5",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.34;
                t.association_weight = 0.5;
            }),
        ),
        (
            "floor .3, step 1/3, reading off",
            v(|t| {
                t.floor_at = 0.3;
                t.maturity_step = 0.34;
                t.reading = false;
            }),
        ),
    ];
    for (label, t) in variants {
        set.index.set_tuning(t);
        let (tn, tp) = evaluate(&set, &Weights::text_only(), &none, |i| dev[i]);
        let (n, p) = evaluate(&set, &Weights::default(), &none, |i| dev[i]);
        println!("{label}: text {tn:.3} {tp:.3} full {n:.3} {p:.3}");
    }
}

//! The matching engine at full scale (100,000 achievements, 20,000 needs, 20,000 clients):
//! index build, one need, one achievement, and every open need at once on both cores.
//! `cargo bench --bench matching`; `TECHBROKER_BENCH_ACHIEVEMENTS=20000` for a smaller
//! catalogue in the same proportions, and `TECHBROKER_BENCH_REPORT_ONLY=1` to skip divan's
//! repeated builds (the first build is timed and reported anyway); `TECHBROKER_BENCH_ALL_NEEDS=N`
//! matches only the first N open needs at once, for a profiler.

mod common;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{full_db, percentile_ms, resident_mib};
use techbroker::catalog::{load_matching, rank};
use techbroker::matching::{Decisions, MatchIndex, Subject, SubjectTexts, Weights};
use techbroker::store::Store;

fn store() -> &'static std::sync::Mutex<Store> {
    static STORE: OnceLock<std::sync::Mutex<Store>> = OnceLock::new();
    STORE.get_or_init(|| std::sync::Mutex::new(Store::open(&full_db()).expect("open")))
}

fn index() -> &'static MatchIndex {
    static INDEX: OnceLock<MatchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let store = store().lock().expect("store");
        load_matching(&store.reader().expect("reader")).expect("index")
    })
}

fn main() {
    // Open the store first, so the figure below is the index alone.
    store();
    let before = resident_mib().unwrap_or(0.0);
    let started = Instant::now();
    index();
    println!(
        "match index built in {:.2} s; relevance postings {:.0} MiB; process resident {:.0} -> {:.0} MiB",
        started.elapsed().as_secs_f64(),
        index().heap_bytes() as f64 / (1024.0 * 1024.0),
        before,
        resident_mib().unwrap_or(0.0)
    );
    println!(
        "distinct terms (achievements, needs): {:?}; associations: {}",
        index().term_counts(),
        index().association_count()
    );
    if std::env::var_os("TECHBROKER_BENCH_REPORT_ONLY").is_none() {
        divan::main();
    }
    report();
}

#[divan::bench(sample_count = 3)]
fn build_index() -> (usize, usize) {
    let store = store().lock().expect("store");
    load_matching(&store.reader().expect("reader"))
        .expect("index")
        .len()
}

/// p50 over many needs and achievements, then all open needs on two threads.
fn report() {
    let ix = index();
    let weights = Weights::default();
    let decisions = Decisions::default();
    let needs = ix.open_needs();
    let store = store().lock().expect("store");
    let mut times: Vec<Duration> = Vec::new();
    for need in needs.iter().step_by(97).take(200) {
        // As the Matching screen ranks: the need's texts read from the store, then the engine.
        let started = Instant::now();
        divan::black_box(
            rank(
                &store,
                ix,
                Subject::Need(need.id),
                &weights,
                &decisions,
                20,
                false,
            )
            .expect("rank"),
        );
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "top-20 achievements for one need ({} needs): p50 {:.2} ms, p99 {:.2} ms",
        times.len(),
        percentile_ms(&times, 50.0),
        percentile_ms(&times, 99.0)
    );

    let mut times: Vec<Duration> = Vec::new();
    let achievements = common::full_sizes().achievements as i64;
    for id in (1..achievements).step_by(499).take(200) {
        let id = techbroker::domain::AchievementId(id);
        let Ok(Some(a)) = store.get_achievement(id) else {
            continue;
        };
        let keywords = a.data.keywords.join(" ");
        let text = techbroker::matching::AchievementText {
            title: &a.data.title,
            keywords: &keywords,
            abstract_text: &a.data.abstract_text,
            indicators: &a.data.indicators,
        };
        let started = Instant::now();
        let texts = SubjectTexts {
            achievement: Some(text),
            needs: None,
        };
        divan::black_box(ix.rank(
            Subject::Achievement(id),
            texts,
            &weights,
            &decisions,
            20,
            false,
        ));
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "top-20 enterprises for one achievement ({} achievements): p50 {:.2} ms, p99 {:.2} ms",
        times.len(),
        percentile_ms(&times, 50.0),
        percentile_ms(&times, 99.0)
    );

    let all = std::env::var("TECHBROKER_BENCH_ALL_NEEDS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(needs.len())
        .min(needs.len());
    let needs = &needs[..all];
    let ids: Vec<_> = needs.iter().map(|n| n.id).collect();
    let texts = store.need_texts(&ids).expect("need texts");
    let started = Instant::now();
    let halves = needs.split_at(needs.len() / 2);
    let work = |part: &[&techbroker::matching::NeedDoc]| {
        part.iter()
            .map(|n| {
                ix.achievements_for_need(n, texts.get(n.id), &weights, &decisions, 20, false)
                    .len()
            })
            .sum::<usize>()
    };
    let total: usize = std::thread::scope(|s| {
        let a = s.spawn(|| work(halves.0));
        let b = s.spawn(|| work(halves.1));
        a.join().unwrap_or(0) + b.join().unwrap_or(0)
    });
    println!(
        "all {} open needs against all achievements, top 20 each, 2 threads: {:.2} s ({} candidates)",
        needs.len(),
        started.elapsed().as_secs_f64(),
        total
    );
}

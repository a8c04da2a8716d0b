//! Search, sort and index build over the full catalogue (100,000 achievements).
//! `cargo bench --bench search`: divan's table per query class, then p50/p99 over the mixed set.

mod common;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{QUERIES, full_db, percentile_ms, resident_mib};
use techbroker::catalog::{AchievementSort, AchievementSortKey, Catalog, select};
use techbroker::domain::AchievementRow;
use techbroker::store::Store;

fn catalog() -> &'static Catalog<AchievementRow> {
    static CATALOG: OnceLock<Catalog<AchievementRow>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let store = Store::open(&full_db()).expect("open");
        let reader = store.reader().expect("reader");
        let (expected, _) = reader.catalogue_sizes().expect("sizes");
        Catalog::from_each(expected, |f| reader.each_achievement_row(f), &mut |_| {}).expect("rows")
    })
}

fn main() {
    catalog();
    divan::main();
    report();
}

#[divan::bench(args = ["电", "电池", "锂电池", "永磁电机", "bms"])]
fn search(query: &str) -> usize {
    catalog().search(divan::black_box(query)).len()
}

/// What the list does on each keystroke: search, rank and merge with the list's order.
#[divan::bench(args = ["电", "电池", "锂电池"])]
fn search_into_sorted_view(bencher: divan::Bencher, query: &str) {
    let c = catalog();
    let sort = AchievementSort::default();
    let order = sort.order(c);
    bencher.bench(|| select(c, &order, divan::black_box(query), |_| true).len());
}

#[divan::bench(args = [AchievementSortKey::Title, AchievementSortKey::Owner, AchievementSortKey::Price, AchievementSortKey::Updated])]
fn sort_column(key: AchievementSortKey) -> usize {
    let sort = AchievementSort {
        key,
        descending: false,
    };
    sort.order(catalog()).len()
}

#[divan::bench(sample_count = 3)]
fn load_and_index_from_sqlite() -> usize {
    let store = Store::open(&full_db()).expect("open");
    let reader = store.reader().expect("reader");
    let (expected, _) = reader.catalogue_sizes().expect("sizes");
    Catalog::from_each(expected, |f| reader.each_achievement_row(f), &mut |_| {})
        .expect("rows")
        .len()
}

/// p50 and p99 of single queries over the mixed set, each run 10 times.
fn report() {
    let c = catalog();
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..10 {
        for q in QUERIES {
            let started = Instant::now();
            divan::black_box(c.search(q));
            times.push(started.elapsed());
        }
    }
    let mut per_query: Vec<(Duration, &str)> = QUERIES
        .iter()
        .map(|q| {
            let started = Instant::now();
            divan::black_box(c.search(q));
            (started.elapsed(), *q)
        })
        .collect();
    per_query.sort();
    let slowest: Vec<String> = per_query
        .iter()
        .rev()
        .take(5)
        .map(|(t, q)| format!("{q} {:.2} ms", t.as_secs_f64() * 1000.0))
        .collect();
    println!("slowest queries: {}", slowest.join(", "));
    times.sort();
    println!(
        "mixed search over {} achievements, {} queries: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        c.len(),
        times.len(),
        percentile_ms(&times, 50.0),
        percentile_ms(&times, 99.0),
        percentile_ms(&times, 100.0),
    );
    println!("index parts: {:?}", c.index_stats());
    println!(
        "search index: {:.0} MiB; process resident: {:.0} MiB",
        c.index_bytes() as f64 / (1024.0 * 1024.0),
        resident_mib().unwrap_or(0.0)
    );
}

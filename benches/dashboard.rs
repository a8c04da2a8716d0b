//! The dashboard's figures over 100,000 achievements, 20,000 needs and 10,000 deals, a quarter
//! of them signed with payment plans. `cargo bench --bench dashboard`; the goal is under 50 ms.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use common::{DEALS, add_deals, full_db};
use divan::Bencher;
use techbroker::domain::payments::{Instalment, Receipt};
use techbroker::domain::{DealDraft, DealStage, Money};
use techbroker::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date")
}

/// The full catalogue plus 10,000 deals; every fourth is signed on a day of the last 18 months,
/// with two instalments and a payment, and every other signed one is registered.
fn dashboard_db() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("bench-dashboard.sqlite");
    if path.exists() {
        return path;
    }
    let partial = dir.join("bench-dashboard.partial.sqlite");
    let _ = std::fs::remove_file(&partial);
    std::fs::copy(full_db(), &partial).expect("copy the full data set");
    let mut store = Store::open(&partial).expect("open");
    let deals = add_deals(&mut store, DEALS);
    for (i, &id) in deals.iter().enumerate().filter(|(i, _)| i % 4 == 1) {
        let signed = today() - Days::new((i % 540) as u64);
        let amount = Money::from_yuan(10_000 * (1 + (i % 200) as i64));
        store
            .save_deal_terms(
                id,
                &DealDraft {
                    title: format!("基准交易{i}"),
                    contract: amount.input_text(),
                    technology: amount.input_text(),
                    signed_on: signed.to_string(),
                    ..DealDraft::default()
                },
            )
            .expect("terms");
        store.move_deal(id, DealStage::Signed, "").expect("sign");
        let half = Money(amount.fen() / 2);
        let plan = [
            Instalment {
                due: signed + Days::new(30),
                amount: half,
                trigger: String::new(),
            },
            Instalment {
                due: signed + Days::new(365),
                amount: Money(amount.fen() - half.fen()),
                trigger: String::new(),
            },
        ];
        store.add_instalments(id, &plan).expect("plan");
        let receipt = Receipt {
            date: signed + Days::new(40),
            amount: Money(half.fen() / 2),
            note: String::new(),
        };
        store.add_receipt(id, &receipt).expect("receipt");
        if i % 8 == 1 {
            store
                .move_deal(id, DealStage::Registered, "")
                .expect("register");
        }
    }
    drop(store);
    std::fs::rename(&partial, &path).expect("keep the bench database");
    path
}

fn db() -> &'static PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(dashboard_db)
}

fn main() {
    let store = Store::open(db()).expect("open");
    let dash = store.dashboard(today()).expect("dashboard");
    println!(
        "{} deals in progress, {} signed this year, {} achievements available, {} open needs",
        dash.kpis.in_progress.count,
        dash.kpis.signed_this_year.count,
        dash.kpis.achievements_available,
        dash.kpis.needs_open
    );
    divan::main();
}

/// Everything the start screen shows, on the UI thread's connection.
#[divan::bench(sample_count = 20)]
fn compute(bencher: Bencher) {
    let store = Store::open(db()).expect("open");
    bencher.bench_local(|| {
        store
            .dashboard(divan::black_box(today()))
            .expect("dashboard")
            .kpis
            .in_progress
            .count
    });
}

/// What the worker thread does after a write: open a read-only connection, then compute.
#[divan::bench(sample_count = 20)]
fn compute_on_a_new_reader(bencher: Bencher) {
    let store = Store::open(db()).expect("open");
    bencher.bench_local(|| {
        let reader = store.reader().expect("reader");
        reader
            .dashboard(divan::black_box(today()))
            .expect("dashboard")
            .kpis
            .registrations_due
    });
}

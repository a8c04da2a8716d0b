//! The deal board and table with 10,000 deals, in a kittest harness: frame time while shown,
//! and the frame in which a stage change is saved and shown. `cargo bench --bench deals`.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::{NoDialogs, percentile_ms};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{AchievementDraft, ClientDraft, ClientKind, DealStage, Decision, Stage};
use techbroker::matching::{Breakdown, PartValues, Weights};
use techbroker::store::{DecisionInput, Store};
use techbroker::ui::{Command, Screen, StartOptions, TechBrokerApp};

const DEALS: usize = 10_000;

/// A database with 10,000 deals spread over the open stages, made once and reused.
fn deals_db() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("bench-deals-10k.sqlite");
    if path.exists() {
        return path;
    }
    let partial = dir.join("bench-deals-10k.partial.sqlite");
    let _ = std::fs::remove_file(&partial);
    let mut store = Store::open(&partial).expect("open");
    let client = |store: &mut Store, name: String, kind| {
        store
            .save_client(
                None,
                &ClientDraft {
                    name,
                    kind,
                    ..ClientDraft::default()
                },
            )
            .expect("client")
    };
    let seller = client(&mut store, "山东大学".into(), ClientKind::University);
    let buyers: Vec<i64> = (0..200)
        .map(|i| {
            client(
                &mut store,
                format!("济南测试企业{i}"),
                ClientKind::Enterprise,
            )
        })
        .collect();
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "数控机床热误差补偿技术".into(),
                owner: Some(seller),
                field: "高端装备制造".into(),
                trl: "7".into(),
                stage: Stage::Pilot,
                ..AchievementDraft::default()
            },
        )
        .expect("achievement");
    let stages = [DealStage::Lead, DealStage::Negotiating, DealStage::Lost];
    for i in 0..DEALS {
        let deal = store
            .record_decision(&DecisionInput {
                need: None,
                achievement,
                enterprise: buyers[i % buyers.len()],
                decision: Decision::Accepted,
                note: String::new(),
                breakdown: Breakdown::new(PartValues::default(), &Weights::default()),
            })
            .expect("deal")
            .expect("a deal id");
        if i % 2 == 0 {
            store
                .move_deal(deal, stages[i % 3], "基准测试")
                .expect("move");
        }
    }
    drop(store);
    std::fs::rename(&partial, &path).expect("keep the bench database");
    path
}

fn frames(
    h: &mut Harness<'_, TechBrokerApp>,
    n: usize,
    between: impl Fn(&mut Harness<'_, TechBrokerApp>),
) -> Vec<Duration> {
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        between(h);
        let started = Instant::now();
        h.step();
        times.push(started.elapsed());
    }
    times.sort();
    times
}

fn main() {
    let db = deals_db();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            TechBrokerApp::new(
                cc,
                StartOptions {
                    db: Some(db.clone()),
                    // Beside the benchmark's database, never in the real data directory.
                    sandbox_db: db.with_file_name("sandbox.sqlite"),
                    default_db: db,
                    picker: Box::new(NoDialogs),
                    load_in_background: false,
                    demo: false,
                },
            )
        });
    h.state_mut().apply(Command::Navigate(Screen::Deals));
    let started = Instant::now();
    h.step();
    println!(
        "first frame of the board with {DEALS} deals (loads them): {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let board = frames(&mut h, 200, |_| {});
    println!(
        "board frames: p50 {:.2} ms, p99 {:.2} ms",
        percentile_ms(&board, 50.0),
        percentile_ms(&board, 99.0)
    );

    let id = h
        .state()
        .store()
        .and_then(|s| s.deal_ids().ok())
        .and_then(|ids| ids.last().copied())
        .expect("a deal");
    h.state_mut().apply(Command::MoveDeal {
        id,
        stage: DealStage::Negotiating,
        lost_reason: String::new(),
    });
    let started = Instant::now();
    h.step();
    println!(
        "stage change saved, then the board reloaded and drawn in the next frame: {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    h.get_by_label("列表").click();
    h.step();
    h.step();
    let table = frames(&mut h, 200, |h| {
        if let Some(row) = h.get_all_by_role(egui::accesskit::Role::Link).nth(2) {
            row.scroll_down();
        }
    });
    println!(
        "table frames while scrolling: p50 {:.2} ms, p99 {:.2} ms",
        percentile_ms(&table, 50.0),
        percentile_ms(&table, 99.0)
    );
}

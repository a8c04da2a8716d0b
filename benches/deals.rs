//! The deal board and table with 10,000 deals, in a kittest harness: frame time while shown,
//! and the frame in which a stage change is saved and shown. `cargo bench --bench deals`.

mod common;

use std::time::{Duration, Instant};

use common::{DEALS, NoDialogs, deals_db, percentile_ms};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::DealStage;
use techbroker::ui::{Command, Screen, StartOptions, TechBrokerApp};

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

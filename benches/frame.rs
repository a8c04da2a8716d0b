//! Frame time of the real Achievements screen over the full catalogue, in a kittest harness:
//! opening it, scrolling, and re-sorting. `cargo bench --bench frame`.

mod common;

use std::time::{Duration, Instant};

use common::{NoDialogs, full_db, percentile_ms};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use techbroker::catalog::AchievementSort;
use techbroker::ui::{Command, Screen, StartOptions, TechBrokerApp};

fn main() {
    let db = full_db();
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
    h.state_mut().apply(Command::Navigate(Screen::Achievements));
    let started = Instant::now();
    h.step();
    println!(
        "first frame of the Achievements screen: {:.1} ms (includes sorting 100,000 rows)",
        started.elapsed().as_secs_f64() * 1000.0
    );

    let first_title = h
        .state()
        .session()
        .and_then(|s| s.catalogs().achievements.ready())
        .and_then(|c| {
            let order = AchievementSort::default().order(c);
            order.first().map(|&p| c.rows()[p as usize].title.clone())
        })
        .expect("a loaded catalogue");
    assert!(
        h.query_by_label(&first_title).is_some(),
        "the list starts at the top"
    );
    let mut frames: Vec<Duration> = Vec::new();
    for i in 0..300 {
        if i % 3 == 0
            && let Some(row) = h.get_all_by_role(egui::accesskit::Role::Link).nth(2)
        {
            row.scroll_down();
        }
        let started = Instant::now();
        h.step();
        frames.push(started.elapsed());
    }
    frames.sort();
    assert!(
        h.query_by_label(&first_title).is_none(),
        "the list scrolled"
    );
    println!(
        "scrolling the Achievements screen: {} frames, p50 {:.2} ms, p99 {:.2} ms",
        frames.len(),
        percentile_ms(&frames, 50.0),
        percentile_ms(&frames, 99.0)
    );

    let started = Instant::now();
    h.get_by_label("名称").click();
    h.step();
    h.step();
    println!(
        "clicking the title header (sort 100,000 rows) and drawing: {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
}

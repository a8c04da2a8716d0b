//! The window's catalogues at full scale (100,000 achievements, 20,000 needs, 20,000 clients):
//! loads both catalogues with their search indexes and the matching index, as a window does
//! when the database opens, and reads this process's peak resident memory (VmHWM). The data
//! set is made first in another process, so its generation does not count.
//! `cargo bench --bench memory`.

mod common;

use std::process::Command as Process;
use std::time::Instant;

use techbroker::catalog::{Catalog, Catalogs, Loadable, load_matching};
use techbroker::store::Store;

const CHILD: &str = "TECHBROKER_MEMORY_CHILD";

/// A line of /proc/self/status, in MiB.
fn status_mib(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn measure() {
    let db = common::full_db();
    let store = Store::open(&db).expect("open");
    let before = status_mib("VmHWM:");
    let started = Instant::now();
    let catalogs = Catalogs::load_now(&store).expect("load");
    let took = started.elapsed();
    let (Loadable::Ready(a), Loadable::Ready(n), Loadable::Ready(_)) =
        (&catalogs.achievements, &catalogs.needs, &catalogs.matching)
    else {
        panic!("the catalogues did not load");
    };
    println!(
        "loaded {} achievements and {} needs with their search indexes and the matching index \
         in {:.2} s",
        a.len(),
        n.len(),
        took.as_secs_f64()
    );
    println!(
        "peak resident (VmHWM): {:.0} MiB ({:.0} MiB before loading); resident now {:.0} MiB",
        status_mib("VmHWM:"),
        before,
        status_mib("VmRSS:")
    );
}

unsafe extern "C" {
    /// glibc: returns free heap memory to the system.
    fn malloc_trim(pad: usize) -> i32;
}

/// Resident memory once the allocator has returned what is free: what is live, near enough.
fn trimmed_mib() -> f64 {
    // SAFETY: malloc_trim takes no pointers and may be called at any time.
    unsafe { malloc_trim(0) };
    status_mib("VmRSS:")
}

/// The same load step by step, resident memory after each: where it goes.
fn stages() {
    let db = common::full_db();
    let store = Store::open(&db).expect("open");
    let reader = store.reader().expect("reader");
    let show = |what: &str, started: Instant| {
        println!(
            "  {what}: resident {:.0} MiB, peak {:.0} MiB, {:.2} s",
            status_mib("VmRSS:"),
            status_mib("VmHWM:"),
            started.elapsed().as_secs_f64()
        );
    };
    println!("step by step:");
    show("opened", Instant::now());
    let (expected_achievements, expected_needs) = reader.catalogue_sizes().expect("sizes");
    let t = Instant::now();
    let achievements = Catalog::from_each(
        expected_achievements,
        |f| reader.each_achievement_row(f),
        &mut |_| {},
    )
    .expect("achievements");
    show("achievements with their search index", t);
    let t = Instant::now();
    let needs = Catalog::from_each(expected_needs, |f| reader.each_need_row(f), &mut |_| {})
        .expect("needs");
    show("needs with their search index", t);
    let t = Instant::now();
    let matching = load_matching(&reader).expect("matching");
    show("matching index", t);
    println!(
        "  all loaded, free memory returned to the system: resident {:.0} MiB",
        trimmed_mib()
    );
    let stats = achievements.index_stats();
    println!(
        "  achievements' search index: texts {:.1} MiB, pair lists {:.1} MiB; matching postings \
         {:.1} MiB",
        stats.text_bytes as f64 / 1048576.0,
        stats.bigram_bytes as f64 / 1048576.0,
        matching.heap_bytes() as f64 / 1048576.0
    );
    for (part, bytes) in matching.memory_parts() {
        println!("    matching {part}: {:.1} MiB", bytes as f64 / 1048576.0);
    }
    println!(
        "    relevance terms (achievements, needs): {:?}",
        matching.term_counts()
    );
    drop(matching);
    println!(
        "  without the matching index: resident {:.0} MiB",
        trimmed_mib()
    );
    drop((achievements, needs));
}

fn main() {
    match std::env::var(CHILD).as_deref() {
        Ok("load") => return measure(),
        Ok("stages") => return stages(),
        _ => {}
    }
    common::full_db();
    for mode in ["load", "stages"] {
        let status = Process::new(std::env::current_exe().expect("this bench"))
            .env(CHILD, mode)
            .status()
            .expect("run the measurement");
        assert!(status.success(), "the measurement failed");
    }
}

//! The window's catalogues at full scale (100,000 achievements, 20,000 needs, 20,000 clients):
//! loads both catalogues with their search indexes and the matching index, as a window does
//! when the database opens, and reads this process's peak resident memory (VmHWM). The data
//! set is made first in another process, so its generation does not count.
//! `cargo bench --bench memory`.

mod common;

use std::process::Command as Process;
use std::time::Instant;

use techbroker::catalog::{Catalogs, Loadable};
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

fn main() {
    if std::env::var_os(CHILD).is_some() {
        measure();
        return;
    }
    common::full_db();
    let status = Process::new(std::env::current_exe().expect("this bench"))
        .env(CHILD, "1")
        .status()
        .expect("run the measurement");
    assert!(status.success(), "the measurement failed");
}

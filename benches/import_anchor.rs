//! `techbroker import` of a 100,000-row achievements CSV (Chinese headers, abstracts and
//! indicators, every owner new) into an empty database, against SQLite's own shell importing
//! the same file (`sqlite3 db ".import --csv file t"`), in one process run, runs alternating;
//! prints the medians and the ratio. Without a `sqlite3` on the PATH the anchor is skipped,
//! loudly. Beside them, the window's path: the check (`scan_file`) and then the import, two
//! passes over the file. `cargo bench --bench import_anchor`; `TECHBROKER_BENCH_RUNS` sets the
//! runs (3), `TECHBROKER_BENCH_ROWS` the rows (100,000; fewer to profile).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use clap::Parser;
use techbroker::cli::{Cli, run};
use techbroker::demo::{Sizes, generate};
use techbroker::io::import::source::{import_file, inspect, scan_file};
use techbroker::io::import::{ImportKind, ImportOptions, Mapping, TableChoice};
use techbroker::store::Store;

fn rows() -> usize {
    std::env::var("TECHBROKER_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n >= 100)
        .unwrap_or(100_000)
}

/// The CSV, written once per size into Cargo's target tmp dir.
fn csv(rows: usize) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-anchor-{rows}.csv"));
    if !path.exists() {
        let generated = generate(
            common::SEED,
            Sizes {
                clients: rows / 5,
                achievements: rows,
                needs: 0,
            },
        );
        let partial = path.with_extension("partial.csv");
        common::write_achievements_csv(&partial, &generated.achievements, &generated.clients);
        std::fs::rename(&partial, &path).expect("keep the CSV");
    }
    path
}

/// This process's CPU time and its waited-for children's, from /proc/self/stat.
fn cpu() -> (Duration, Duration) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    // utime, stime, cutime, cstime are fields 14-17, here 11-14 after the state field's 3.
    let tick = |i: usize| Duration::from_millis(f.get(i).copied().unwrap_or(0) * 10);
    (tick(11) + tick(12), tick(13) + tick(14))
}

/// Wall and CPU time of our import, as the command line runs it.
fn ours(file: &Path) -> (Duration, Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("ours.sqlite");
    let cli = Cli::try_parse_from([
        "techbroker".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        file.as_os_str(),
        "--kind".as_ref(),
        "achievements".as_ref(),
        "--create-owners".as_ref(),
        "--skip-invalid".as_ref(),
    ])
    .expect("arguments");
    let command = cli.command.expect("a subcommand");
    let mut out = Vec::new();
    let (cpu_before, _) = cpu();
    let started = Instant::now();
    run(command, cli.db.as_deref(), &mut out).expect("import");
    let wall = started.elapsed();
    let (cpu_after, _) = cpu();
    (wall, cpu_after - cpu_before)
}

/// Wall and CPU time of the window's path: the check, then the import, each reading the file.
fn window(file: &Path) -> (Duration, Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("window.sqlite")).expect("open");
    let (cpu_before, _) = cpu();
    let started = Instant::now();
    let kind = ImportKind::Achievements;
    let info = inspect(file, kind, &TableChoice::default()).expect("inspect");
    let choice = TableChoice {
        sheet: info.sheet.clone(),
        header_row: Some(info.header_row),
    };
    let mapping = Mapping::auto(kind, info.headers);
    let cancel = AtomicBool::new(false);
    let index = store.import_index().expect("index");
    scan_file(
        file,
        kind,
        &choice,
        Some(&mapping),
        &index,
        &cancel,
        &mut |_, _| {},
    )
    .expect("scan");
    let options = ImportOptions {
        skip_invalid: true,
        create_owners: true,
        ..ImportOptions::default()
    };
    import_file(
        &mut store,
        file,
        kind,
        &choice,
        Some(&mapping),
        &options,
        &cancel,
        &mut |_, _| {},
    )
    .expect("import");
    let wall = started.elapsed();
    let (cpu_after, _) = cpu();
    (wall, cpu_after - cpu_before)
}

/// Wall and CPU time of the sqlite3 shell importing the file into a new table.
fn anchor(file: &Path) -> (Duration, Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("anchor.sqlite");
    let (_, children_before) = cpu();
    let started = Instant::now();
    let status = Process::new("sqlite3")
        .arg(&db)
        .arg(format!(".import --csv {} t", file.display()))
        .status()
        .expect("run sqlite3");
    let wall = started.elapsed();
    assert!(status.success(), "sqlite3 .import failed");
    let (_, children_after) = cpu();
    (wall, children_after - children_before)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes --bench; nothing else is taken.
    let runs = std::env::var("TECHBROKER_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(3);
    let rows = rows();
    let file = csv(rows);
    let size = std::fs::metadata(&file).map_or(0, |m| m.len());
    println!(
        "import of {rows} achievements, {:.1} MB CSV, into an empty database, {runs} runs",
        size as f64 / 1e6
    );
    let has_sqlite3 = Process::new("sqlite3")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_sqlite3 {
        eprintln!();
        eprintln!("!!! no `sqlite3` on the PATH: the anchor is SKIPPED, no ratio.");
        eprintln!("!!! install it (apt-get install -y sqlite3) to compare with the engine.");
        eprintln!();
    }
    let (mut our_wall, mut our_cpu, mut sq_wall, mut sq_cpu) = (vec![], vec![], vec![], vec![]);
    let (mut win_wall, mut win_cpu) = (vec![], vec![]);
    for _ in 0..runs {
        let (w, c) = ours(&file);
        our_wall.push(w);
        our_cpu.push(c);
        let (w, c) = window(&file);
        win_wall.push(w);
        win_cpu.push(c);
        if has_sqlite3 {
            let (w, c) = anchor(&file);
            sq_wall.push(w);
            sq_cpu.push(c);
        }
    }
    let (ow, oc) = (median(our_wall), median(our_cpu));
    println!(
        "techbroker import: {:.2} s wall, {:.2} s CPU (median)",
        ow.as_secs_f64(),
        oc.as_secs_f64()
    );
    println!(
        "window (check, then import): {:.2} s wall, {:.2} s CPU (median)",
        median(win_wall).as_secs_f64(),
        median(win_cpu).as_secs_f64()
    );
    if has_sqlite3 {
        let (sw, sc) = (median(sq_wall), median(sq_cpu));
        println!(
            "sqlite3 .import:   {:.2} s wall, {:.2} s CPU (median)",
            sw.as_secs_f64(),
            sc.as_secs_f64()
        );
        println!(
            "ratio: {:.2}x wall, {:.2}x CPU (goal: within 1.5x)",
            ow.as_secs_f64() / sw.as_secs_f64(),
            oc.as_secs_f64() / sc.as_secs_f64().max(1e-3)
        );
    }
}

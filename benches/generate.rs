//! Generating the full data set and inserting it into a new database (prepared statements, one
//! transaction per batch of 10,000), 10,000 deals, and the classroom sandbox.
//! `cargo bench --bench generate`.

mod common;

use common::{SEED, full_sizes};
use techbroker::demo::{generate, generate_deals, populate};
use techbroker::sandbox::build;
use techbroker::store::Store;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 3)]
fn generate_only() -> usize {
    generate(SEED, full_sizes()).achievements.len()
}

#[divan::bench(sample_count = 2)]
fn generate_and_insert(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("gen.sqlite");
            (dir, path)
        })
        .bench_values(|(dir, path)| {
            let mut store = Store::open(&path).expect("open");
            populate(&mut store, SEED, full_sizes(), &mut |_, _| {}).expect("populate");
            drop(dir);
        });
}

/// 10,000 deals with their histories, payments, logs and decisions over the full data set.
#[divan::bench(sample_count = 3)]
fn generate_ten_thousand_deals(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| generate(SEED, full_sizes()))
        .bench_values(|mut data| {
            generate_deals(SEED, &mut data, 10_000, chrono::Local::now().date_naive())
                .deals
                .len()
        });
}

/// The classroom sandbox as the window builds it: 300 clients, 2,000 achievements, 300 needs
/// and 120 deals in a new file.
#[divan::bench(sample_count = 3)]
fn build_the_sandbox(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| tempfile::tempdir().expect("tempdir"))
        .bench_values(|dir| {
            let path = dir.path().join("sandbox.sqlite");
            build(&path, chrono::Local::now().date_naive(), &mut |_, _| {}).expect("build");
            drop(dir);
        });
}

//! Generating the full data set and inserting it into a new database (prepared statements, one
//! transaction per batch of 10,000). `cargo bench --bench generate`.

mod common;

use common::{SEED, full_sizes};
use techbroker::demo::{generate, populate};
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

//! Importing a 100,000-row achievements CSV (about 30 MB) into a database that already holds
//! 100,000 achievements: read, check, find owners and duplicates, insert in one transaction.
//! Beside it, a plain prepared-statement insert of the same rows, already checked and with
//! their owners' ids. `cargo bench --bench import`.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use common::{SEED, full_db};
use techbroker::demo::{Sizes, generate};
use techbroker::domain::{AchievementData, ClientId};
use techbroker::io::import::source::{import_file, inspect};
use techbroker::io::import::{ImportKind, ImportOptions, Mapping, TableChoice};
use techbroker::store::Store;

const ROWS: usize = 100_000;

fn main() {
    divan::main();
}

/// The next 100,000 achievements of the seed (the first 100,000 are in the database), as a
/// platform would list them, owners by name; and the same rows with their owners' ids.
fn data() -> (PathBuf, Vec<AchievementData>) {
    let sizes = Sizes {
        clients: common::full_sizes().clients,
        achievements: 2 * ROWS,
        needs: 0,
    };
    let generated = generate(SEED, sizes);
    let rows: Vec<AchievementData> = generated.achievements[ROWS..].to_vec();
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-import-100k.csv");
    if !path.exists() {
        common::write_achievements_csv(&path, &rows, &generated.clients);
    }
    let ids: Vec<ClientId> = {
        let store = Store::open(&full_db()).expect("open");
        let index = store.import_index().expect("index");
        generated
            .clients
            .iter()
            .map(|c| {
                index
                    .clients
                    .get(&c.name.to_lowercase())
                    .map_or(ClientId(0), |&(id, _)| id)
            })
            .collect()
    };
    let with_ids = rows
        .into_iter()
        .map(|mut a| {
            a.owner = ids[a.owner.0 as usize];
            a
        })
        .collect();
    (path, with_ids)
}

/// A copy of the 100,000-achievement database to write into.
fn fresh_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("copy.sqlite");
    std::fs::copy(full_db(), &path).expect("copy the database");
    (dir, path)
}

fn import(db: &Path, csv: &Path) -> usize {
    let mut store = Store::open(db).expect("open");
    let choice = TableChoice::default();
    let info = inspect(csv, ImportKind::Achievements, &choice).expect("inspect");
    let mapping = Mapping::auto(ImportKind::Achievements, info.headers);
    let options = ImportOptions {
        skip_invalid: true,
        create_owners: true,
        ..ImportOptions::default()
    };
    let summary = import_file(
        &mut store,
        csv,
        ImportKind::Achievements,
        &choice,
        Some(&mapping),
        &options,
        &AtomicBool::new(false),
        &mut |_, _| {},
    )
    .expect("import");
    summary.inserted + summary.skipped_duplicates
}

#[divan::bench(sample_count = 3)]
fn import_csv_end_to_end(bencher: divan::Bencher) {
    let (csv, _) = data();
    bencher.with_inputs(fresh_copy).bench_values(|(dir, db)| {
        assert_eq!(import(&db, &csv), ROWS, "every row imported or a duplicate");
        drop(dir);
    });
}

#[divan::bench(sample_count = 3)]
fn plain_prepared_insert(bencher: divan::Bencher) {
    let (_, rows) = data();
    bencher.with_inputs(fresh_copy).bench_values(|(dir, db)| {
        let mut store = Store::open(&db).expect("open");
        store.insert_achievements(&rows).expect("insert");
        drop(dir);
    });
}

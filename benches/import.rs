//! Importing a 100,000-row achievements CSV (about 30 MB) into a database that already holds
//! 100,000 achievements: read, check, find owners and duplicates, insert in one transaction.
//! Beside it, a plain prepared-statement insert of the same rows, already checked and with
//! their owners' ids. `cargo bench --bench import`.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use common::{SEED, full_db};
use techbroker::demo::{Sizes, generate};
use techbroker::domain::catalog::join_keywords;
use techbroker::domain::{AchievementData, ClientId, Price};
use techbroker::i18n::ZH;
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
        let mut w = csv::Writer::from_path(&path).expect("create the CSV");
        w.write_record([
            "成果名称",
            "完成单位",
            "完成人",
            "技术领域",
            "关键词",
            "成果简介",
            "主要技术指标",
            "技术成熟度",
            "成熟度阶段",
            "知识产权",
            "转化方式",
            "意向价格（元）",
            "状态",
        ])
        .expect("header");
        for a in &rows {
            let owner = &generated.clients[a.owner.0 as usize].name;
            let ip: Vec<&str> = a.ip_items.iter().map(|i| i.number.as_str()).collect();
            let modes: Vec<&str> = a
                .transfer_modes
                .iter()
                .map(|m| ZH.transfer_mode(m))
                .collect();
            let price = match a.price {
                Price::Negotiable => "面议".to_string(),
                Price::Amount(m) => m.input_text(),
            };
            w.write_record([
                a.title.as_str(),
                owner,
                &a.inventors,
                &a.field,
                &join_keywords(&a.keywords),
                &a.abstract_text,
                &a.indicators,
                &a.trl.to_string(),
                ZH.stage(a.stage),
                &ip.join("; "),
                &modes.join("、"),
                &price,
                ZH.achievement_status(a.status),
            ])
            .expect("row");
        }
        w.flush().expect("write the CSV");
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

//! The cost of durability: imports and single edits with SQLite's `synchronous` at NORMAL (the
//! default, WAL) and FULL (every commit on the disk before it returns).
//! `cargo bench --bench store_safety` (the README's numbers: `--profile dev`, as the cost is
//! the disk's, not the code's).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use techbroker::domain::{ClientDraft, ClientKind};
use techbroker::io::import::source::import_file;
use techbroker::io::import::{ImportKind, ImportOptions, Mapping, TableChoice};
use techbroker::store::{Store, Synchronous};

const IMPORT_ROWS: usize = 5_000;
const EDITS: usize = 100;

fn main() {
    divan::main();
}

fn clients_csv() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-store-safety-clients.csv");
    if !path.exists() {
        let mut text = String::from("单位名称,单位性质,所在地区\n");
        for i in 0..IMPORT_ROWS {
            text.push_str(&format!("基准科技有限公司{i:05},企业,山东省济南市\n"));
        }
        std::fs::write(&path, text).expect("write the CSV");
    }
    path
}

fn fresh(dir: &Path, level: Synchronous) -> Store {
    let store = Store::open(&dir.join("bench.sqlite")).expect("open");
    store.set_synchronous(level).expect("synchronous");
    store
}

const LEVELS: [Synchronous; 2] = [Synchronous::Normal, Synchronous::Full];

/// One import of 5,000 clients in its transaction (with the backup taken before it).
#[divan::bench(args = LEVELS, sample_count = 10)]
fn import_5000_clients(bencher: divan::Bencher, level: Synchronous) {
    let csv = clients_csv();
    let headers = ["单位名称", "单位性质", "所在地区"]
        .map(String::from)
        .to_vec();
    let mapping = Mapping::auto(ImportKind::Clients, headers);
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("dir");
            let store = fresh(dir.path(), level);
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            import_file(
                &mut store,
                &csv,
                ImportKind::Clients,
                &TableChoice::default(),
                Some(&mapping),
                &ImportOptions::default(),
                &AtomicBool::new(false),
                &mut |_, _| {},
            )
            .expect("import");
            (dir, store)
        });
}

/// 100 edits, each its own transaction, as a broker saving a form does.
#[divan::bench(args = LEVELS, sample_count = 10)]
fn edits_100(bencher: divan::Bencher, level: Synchronous) {
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("dir");
            let mut store = fresh(dir.path(), level);
            let draft = ClientDraft {
                name: "山东大学".into(),
                kind: ClientKind::University,
                ..ClientDraft::default()
            };
            let id = store.save_client(None, &draft).expect("client");
            (dir, store, id, draft)
        })
        .bench_local_values(|(dir, mut store, id, mut draft)| {
            for i in 0..EDITS {
                draft.notes = format!("第 {i} 次修改");
                store.save_client(Some(id), &draft).expect("edit");
            }
            (dir, store)
        });
}

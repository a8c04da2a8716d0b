//! Sync with the team's PostgreSQL server on loopback: 10,000 changes made on a laptop going up
//! (with the round's pull of them back), and a new laptop taking 10,000 records down when it
//! joins. `cargo bench --bench team_sync`; needs PostgreSQL's server binaries (as the tests do).

#[path = "../tests/common/pg.rs"]
mod pg;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use pg::PgCluster;
use techbroker::domain::team::Role;
use techbroker::io::import::source::import_file;
use techbroker::io::import::{ImportKind, ImportOptions, Mapping, TableChoice};
use techbroker::store::Store;
use techbroker::store::team;

const CHANGES: usize = 10_000;
const PW: &str = "bench-password";

struct Server {
    _pg: PgCluster,
    push_url: String,
    pull_url: String,
}

static SERVER: OnceLock<Option<Server>> = OnceLock::new();

fn server() -> Option<&'static Server> {
    SERVER
        .get_or_init(|| {
            let pg = PgCluster::start()?;
            let push_url = pg.team_database("push", "push_admin", PW);
            let pull_url = pg.team_database("pull", "pull_admin", PW);
            for (url, admin) in [(&push_url, "push_admin"), (&pull_url, "pull_admin")] {
                team::init(url, admin, PW).expect("init");
                team::invite(url, admin, PW, &format!("{admin}_broker"), Role::Broker, PW)
                    .expect("invite");
            }
            // The pull bench's server holds 10,000 records, sent once.
            let dir = tempfile::tempdir().expect("dir");
            let mut store = Store::open(&dir.path().join("seed.sqlite")).expect("open");
            team::join(&mut store, &pull_url, "pull_admin_broker", PW).expect("join");
            import_clients(&mut store, "种子");
            team::sync(&mut store, PW).expect("sync");
            Some(Server {
                _pg: pg,
                push_url,
                pull_url,
            })
        })
        .as_ref()
}

fn main() {
    divan::main();
}

fn clients_csv(prefix: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-team-{prefix}.csv"));
    let mut text = String::from("单位名称,单位性质,所在地区\n");
    for i in 0..CHANGES {
        text.push_str(&format!("{prefix}科技有限公司{i:05},企业,山东省济南市\n"));
    }
    std::fs::write(&path, text).expect("write the CSV");
    path
}

fn import_clients(store: &mut Store, prefix: &str) {
    let csv = clients_csv(prefix);
    let headers = ["单位名称", "单位性质", "所在地区"]
        .map(String::from)
        .to_vec();
    import_file(
        store,
        &csv,
        ImportKind::Clients,
        &TableChoice::default(),
        Some(&Mapping::auto(ImportKind::Clients, headers)),
        &ImportOptions::default(),
        &AtomicBool::new(false),
        &mut |_, _| {},
    )
    .expect("import");
}

fn laptop(dir: &Path, url: &str, user: &str) -> Store {
    let mut store = Store::open(&dir.join("laptop.sqlite")).expect("open");
    team::join(&mut store, url, user, PW).expect("join");
    store
}

/// 10,000 records made offline on a joined laptop, then one round: up, and back down.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn push_10000_changes(bencher: divan::Bencher) {
    let Some(server) = server() else { return };
    let mut round = 0;
    bencher
        .with_inputs(|| {
            round += 1;
            let dir = tempfile::tempdir().expect("dir");
            let mut store = laptop(dir.path(), &server.push_url, "push_admin_broker");
            import_clients(&mut store, &format!("第{round}轮"));
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            let report = team::sync(&mut store, PW).expect("sync");
            assert_eq!(report.pushed, CHANGES);
            (dir, store)
        });
}

/// What recording changes costs a write: 10,000 clients imported in one transaction into a
/// database of no team, and into a member's (its triggers fill the outbox in the same
/// transaction).
#[divan::bench(args = [false, true], sample_count = 3, sample_size = 1)]
fn import_10000_clients(bencher: divan::Bencher, member: bool) {
    let Some(server) = server() else { return };
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("dir");
            let store = if member {
                laptop(dir.path(), &server.push_url, "push_admin_broker")
            } else {
                Store::open(&dir.path().join("plain.sqlite")).expect("open")
            };
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            import_clients(&mut store, "导入");
            (dir, store)
        });
}

/// A new laptop joins a team whose server holds 10,000 records: all of them come down.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn join_and_pull_10000_records(bencher: divan::Bencher) {
    let Some(server) = server() else { return };
    bencher
        .with_inputs(|| tempfile::tempdir().expect("dir"))
        .bench_local_values(|dir| {
            let store = laptop(dir.path(), &server.pull_url, "pull_admin_broker");
            (dir, store)
        });
}

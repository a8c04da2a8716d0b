//! One database, several writers: concurrent imports, open errors, backups, the trash, `gen`
//! and a killed import.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;

use techbroker::i18n::Lang;
use techbroker::io::import::plan::commit;
use techbroker::io::import::{
    DuplicatePolicy, ImportError, ImportKind, ImportOptions, Mapping, ReadRow, SourceRow,
};
use techbroker::store::{OpenError, Store, classify_io, classify_sqlite};

use common::{client_names, temp_db};

/// The rows as the mapping reads them, on this thread.
fn read<'m>(
    rows: impl Iterator<Item = Result<SourceRow, ImportError>> + 'm,
    mapping: Option<&'m Mapping>,
) -> impl Iterator<Item = Result<ReadRow, ImportError>> + 'm {
    rows.map(move |r| r.map(|r| ReadRow::new(r, mapping)))
}

fn techbroker() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_techbroker"));
    c.env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const CLIENT_HEADERS: [&str; 2] = ["单位名称", "单位性质"];

fn client_name(i: usize) -> String {
    format!("测试科技有限公司{i:05}")
}

fn client_rows(n: usize) -> Vec<SourceRow> {
    (0..n)
        .map(|i| SourceRow::cells(i + 2, vec![client_name(i), "企业".into()]))
        .collect()
}

fn client_csv(path: &Path, n: usize) {
    let mut text = CLIENT_HEADERS.join(",");
    text.push('\n');
    for i in 0..n {
        text.push_str(&format!("{},企业\n", client_name(i)));
    }
    std::fs::write(path, text).unwrap();
}

fn client_mapping() -> Mapping {
    Mapping::auto(
        ImportKind::Clients,
        CLIENT_HEADERS.iter().map(|s| s.to_string()).collect(),
    )
}

fn skip_duplicates() -> ImportOptions {
    ImportOptions {
        duplicates: DuplicatePolicy::Skip,
        ..ImportOptions::default()
    }
}

fn client_count(db: &Path) -> usize {
    Store::open(db).unwrap().list_clients().unwrap().len()
}

/// Whether another connection could start writing now, without waiting.
fn write_lock_free(db: &Path) -> bool {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.busy_timeout(std::time::Duration::ZERO).unwrap();
    match conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;") {
        Ok(()) => true,
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::DatabaseBusy =>
        {
            false
        }
        Err(e) => panic!("unexpected: {e}"),
    }
}

#[test]
fn two_imports_of_one_file_in_two_threads_add_it_once() {
    let (_dir, db) = temp_db();
    drop(Store::open(&db).unwrap());
    const N: usize = 400;
    let (in_tx, in_tx_seen) = mpsc::channel::<bool>();
    let (go, wait_go) = mpsc::channel::<()>();
    let first = {
        let db = db.clone();
        std::thread::spawn(move || {
            let mut store = Store::open(&db).unwrap();
            let mut rows = client_rows(N).into_iter().map(Ok::<_, ImportError>);
            let mut pulled = 0usize;
            // Holds the transaction open after its first row until the second import has
            // been started, so the two overlap.
            let source = std::iter::from_fn(move || {
                if pulled == 1 {
                    in_tx.send(write_lock_free(&db)).unwrap();
                    wait_go.recv().unwrap();
                }
                pulled += 1;
                rows.next()
            });
            let m = client_mapping();
            commit(
                &mut store,
                read(source, Some(&m)),
                Some(&m),
                &skip_duplicates(),
                &AtomicBool::new(false),
            )
            .unwrap()
        })
    };
    let lock_was_free = in_tx_seen.recv().unwrap();
    assert!(
        !lock_was_free,
        "an import holds the write lock from the start of its transaction"
    );
    let second = {
        let db = db.clone();
        std::thread::spawn(move || {
            let mut store = Store::open(&db).unwrap();
            let m = client_mapping();
            commit(
                &mut store,
                read(client_rows(N).into_iter().map(Ok), Some(&m)),
                Some(&m),
                &skip_duplicates(),
                &AtomicBool::new(false),
            )
            .unwrap()
        })
    };
    go.send(()).unwrap();
    let a = first.join().unwrap();
    let b = second.join().unwrap();
    assert_eq!(client_count(&db), N);
    assert_eq!((a.inserted, a.skipped_duplicates), (N, 0));
    assert_eq!((b.inserted, b.skipped_duplicates), (0, N));
}

#[test]
fn two_import_processes_of_one_file_add_it_once() {
    let (dir, db) = temp_db();
    drop(Store::open(&db).unwrap());
    const N: usize = 3000;
    let file = dir.path().join("clients.csv");
    client_csv(&file, N);
    let spawn = || {
        techbroker()
            .args(["import", &file.display().to_string(), "--kind", "clients"])
            .args(["--db", &db.display().to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let outputs: Vec<Output> = [a, b]
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    assert_eq!(client_count(&db), N);
    let said: Vec<String> = outputs.iter().map(|o| text(&o.stdout)).collect();
    let added = said
        .iter()
        .filter(|s| s.contains(&format!("{N} added")))
        .count();
    let skipped = said
        .iter()
        .filter(|s| s.contains(&format!("0 added, 0 updated, {N} duplicates skipped")))
        .count();
    let errors: Vec<String> = outputs.iter().map(|o| text(&o.stderr)).collect();
    assert_eq!((added, skipped), (1, 1), "{said:?} {errors:?}");
}

fn journal_mode(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap()
}

/// Imports `n` clients through `store`, calling `during` once the transaction holds a row.
fn import_clients_calling(store: &mut Store, n: usize, during: impl FnOnce()) {
    let mut rows = client_rows(n).into_iter().map(Ok::<_, ImportError>);
    let mut during = Some(during);
    let source = std::iter::from_fn(move || {
        if let Some(f) = during.take_if(|_| rows.len() == n - 1) {
            f();
        }
        rows.next()
    });
    let m = client_mapping();
    let summary = commit(
        store,
        read(source, Some(&m)),
        Some(&m),
        &skip_duplicates(),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(summary.inserted, n);
}

#[test]
fn an_import_alone_on_the_file_writes_without_the_wal_and_a_window_opened_meanwhile_reads_it() {
    let (_dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    store.save_client(None, &client("山东大学")).unwrap();
    let mut seen = None;
    import_clients_calling(&mut store, 300, || {
        let mode = journal_mode(&db);
        // A window opening now neither fails nor waits for the import to end.
        let window = Store::open(&db).unwrap();
        seen = Some((mode, client_names(&window)));
    });
    assert_eq!(
        seen,
        Some(("delete".to_string(), vec!["山东大学".to_string()]))
    );
    assert_eq!(journal_mode(&db), "wal");
    // A cancelled import, rolled back, sets WAL again too.
    let m = client_mapping();
    let cancelled = commit(
        &mut store,
        read(client_rows(10).into_iter().map(Ok), Some(&m)),
        Some(&m),
        &skip_duplicates(),
        &AtomicBool::new(true),
    );
    assert!(matches!(cancelled, Err(ImportError::Cancelled)));
    assert_eq!(journal_mode(&db), "wal");
    drop(store);
    assert_eq!(client_count(&db), 301);
}

#[test]
fn an_import_beside_another_connection_stays_in_wal_and_lets_it_read() {
    let (_dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    let window = Store::open(&db).unwrap();
    let mut seen = None;
    import_clients_calling(&mut store, 300, || {
        seen = Some((journal_mode(&db), window.list_clients().unwrap().len()));
    });
    assert_eq!(seen, Some(("wal".to_string(), 0)));
    assert_eq!(window.list_clients().unwrap().len(), 300);
    assert_eq!(journal_mode(&db), "wal");
}

fn journal_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

#[test]
fn a_write_killed_in_rollback_mode_is_rolled_back_when_the_file_is_next_opened() {
    let (dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    store.save_client(None, &client("山东大学")).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    // A cache of a few pages spills into the file long before the commit, as a large import's
    // does past its 64 MiB.
    conn.pragma_update(None, "cache_size", 4).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    for i in 0..2000 {
        conn.execute(
            "INSERT INTO clients (name, kind, created_at, updated_at) VALUES (?1, 'other', '', '')",
            [format!("测试机构{i:05}")],
        )
        .unwrap();
    }
    // The file and its journal as a crash now would leave them.
    let crashed = dir.path().join("crashed.sqlite");
    std::fs::copy(&db, &crashed).unwrap();
    std::fs::copy(journal_of(&db), journal_of(&crashed)).unwrap();
    drop(conn);
    assert_ne!(
        std::fs::read(&db).unwrap(),
        std::fs::read(&crashed).unwrap(),
        "the rows spilled into the file before the crash"
    );
    let store = match Store::open(&crashed) {
        Ok(store) => store,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(client_names(&store), ["山东大学"]);
    drop(store);
    assert!(!journal_of(&crashed).exists());
    assert_eq!(journal_mode(&crashed), "wal");
}

fn sqlite_error(code: i32) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
}

fn messages(e: &OpenError) -> (String, String) {
    (Lang::Zh.tr().open_error(e), Lang::En.tr().open_error(e))
}

fn sidecars_absent(db: &Path) -> bool {
    ["-wal", "-shm"].iter().all(|s| {
        let mut name = db.as_os_str().to_owned();
        name.push(s);
        !PathBuf::from(name).exists()
    })
}

/// An SQLite result code, the kind it must be, and words of its message in Chinese and English.
type Case = (i32, fn(&OpenError) -> bool, &'static str, &'static str);

#[test]
fn each_sqlite_failure_is_its_own_kind_with_its_own_message() {
    let (_dir, db) = temp_db();
    drop(Store::open(&db).unwrap());
    let cases: [Case; 4] = [
        (
            rusqlite::ffi::SQLITE_FULL,
            |e| matches!(e, OpenError::NoSpace { .. }),
            "磁盘已满",
            "disk is full",
        ),
        (
            rusqlite::ffi::SQLITE_BUSY,
            |e| matches!(e, OpenError::Locked { .. }),
            "另一个程序",
            "Another program has locked",
        ),
        (
            rusqlite::ffi::SQLITE_LOCKED,
            |e| matches!(e, OpenError::Locked { .. }),
            "另一个程序",
            "Another program has locked",
        ),
        (
            rusqlite::ffi::SQLITE_CORRUPT,
            |e| matches!(e, OpenError::Corrupt { .. }),
            "已损坏",
            "damaged",
        ),
    ];
    for (code, is_kind, zh, en) in cases {
        let e = classify_sqlite(&db, &sqlite_error(code));
        assert!(is_kind(&e), "{code}: {e:?}");
        let (z, n) = messages(&e);
        assert!(z.contains(zh) && n.contains(en), "{z} / {n}");
    }
    // A writable file SQLite calls read-only is the file's doing.
    let e = classify_sqlite(&db, &sqlite_error(rusqlite::ffi::SQLITE_READONLY));
    assert!(matches!(e, OpenError::ReadOnlyFile { .. }), "{e:?}");
}

#[test]
fn each_io_failure_is_its_own_kind_with_its_own_message() {
    use std::io::{Error, ErrorKind};
    let (_dir, db) = temp_db();
    let full = classify_io(&db, Error::from(ErrorKind::StorageFull));
    assert!(matches!(full, OpenError::NoSpace { .. }));
    let read_only = classify_io(&db, Error::from(ErrorKind::ReadOnlyFilesystem));
    assert!(matches!(read_only, OpenError::ReadOnlyFolder { .. }));
    // The folder exists and can be written: a refusal is the file's.
    let denied = classify_io(&db, Error::from(ErrorKind::PermissionDenied));
    assert!(matches!(denied, OpenError::ReadOnlyFile { .. }));
    let texts: Vec<(String, String)> = [&full, &read_only, &denied]
        .into_iter()
        .map(messages)
        .collect();
    assert!(texts[0].1.contains("disk is full"));
    assert!(texts[1].1.contains("folder (or drive)") && texts[1].0.contains("文件夹"));
    assert!(texts[2].1.contains("file is read-only") && texts[2].0.contains("只读"));
    for (zh, en) in &texts {
        assert!(!zh.is_empty() && !en.is_empty() && zh != en);
    }
}

/// Whether permissions are enforced for this process (root writes to read-only files).
fn permissions_enforced(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    let probe = dir.join("probe");
    std::fs::write(&probe, "x").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o444)).unwrap();
    let enforced = std::fs::OpenOptions::new()
        .append(true)
        .open(&probe)
        .is_err();
    std::fs::remove_file(&probe).unwrap();
    enforced
}

#[test]
fn a_read_only_file_and_a_read_only_folder_are_told_apart() {
    use std::os::unix::fs::PermissionsExt as _;
    let (dir, db) = temp_db();
    if !permissions_enforced(dir.path()) {
        eprintln!(
            "SKIPPED a_read_only_file_and_a_read_only_folder_are_told_apart: this process \
             ignores file permissions (root); the kinds are checked by injection instead"
        );
        return;
    }
    let mut store = Store::open(&db).unwrap();
    store.insert_clients(&[client("山东大学")]).unwrap();
    drop(store);
    let before = std::fs::read(&db).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let e = Store::open(&db).err().unwrap();
    assert!(matches!(e, OpenError::ReadOnlyFile { .. }), "{e:?}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(sidecars_absent(&db));
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let e = Store::open(&db).err();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(e, Some(OpenError::ReadOnlyFolder { .. })), "{e:?}");
    assert!(sidecars_absent(&db));
}

fn client(name: &str) -> techbroker::domain::ClientDraft {
    techbroker::domain::ClientDraft {
        name: name.into(),
        kind: techbroker::domain::ClientKind::University,
        ..Default::default()
    }
}

#[test]
fn a_refused_newer_database_in_wal_mode_is_left_without_wal_or_shm() {
    let (_dir, db) = temp_db();
    drop(Store::open(&db).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    assert!(sidecars_absent(&db), "a closed database has none");
    let e = Store::open(&db).err().unwrap();
    assert!(matches!(e, OpenError::NewerSchema { .. }), "{e:?}");
    assert!(sidecars_absent(&db));
}

#[test]
fn a_damaged_file_is_told_without_sqlites_report_and_the_report_is_logged() {
    let (dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    let many: Vec<_> = (0..2000).map(|i| client(&format!("客户{i}"))).collect();
    store.insert_clients(&many).unwrap();
    drop(store);
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    for b in &mut bytes[page * 3..page * 6] {
        *b = 0x5A;
    }
    std::fs::write(&db, &bytes).unwrap();
    let e = Store::open(&db).err().unwrap();
    assert!(matches!(e, OpenError::Corrupt { .. }), "{e:?}");
    let (zh, en) = messages(&e);
    assert!(en.contains("damaged") && zh.contains("已损坏"));
    let detail = e.detail().unwrap().to_string();
    assert!(!detail.is_empty());
    assert!(!en.contains(&detail) && en.lines().count() == 1, "{en}");
    let log = dir.path().join("techbroker.log");
    techbroker::log::open_error(&log, &e);
    assert!(std::fs::read_to_string(&log).unwrap().contains(&detail));
    assert!(sidecars_absent(&db));
}

/// Every table's rows, in order: two databases with the same dump hold the same data.
fn dump(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for t in tables {
        out.push_str(&format!("== {t}\n"));
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                .collect();
            out.push_str(&cells.join("|"));
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_backup_restored_gives_back_the_same_database() {
    let (dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    store
        .insert_clients(&[client("山东大学"), client("青岛大学")])
        .unwrap();
    drop(store);
    let before = dump(&db);
    let copy = dir.path().join("copy.sqlite");
    let out = techbroker()
        .args(["backup", "--db", &db.display().to_string()])
        .args(["--out", &copy.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Backed up to"));

    let mut store = Store::open(&db).unwrap();
    store.insert_clients(&[client("烟台大学")]).unwrap();
    drop(store);
    assert_ne!(dump(&db), before);

    let out = techbroker()
        .args(["restore", "--db", &db.display().to_string()])
        .args(["--from", &copy.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(dump(&db), before);
    // The file as it was before the restore is kept.
    let kept = techbroker::store::list_backups(&db).unwrap();
    assert!(
        kept.iter()
            .any(|b| b.kind == techbroker::store::BackupKind::BeforeRestore
                && dump(&b.path).contains("烟台大学"))
    );

    // Not a backup: refused, nothing changed.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, "not a database").unwrap();
    let out = techbroker()
        .args(["restore", "--db", &db.display().to_string()])
        .args(["--from", &junk.display().to_string()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(dump(&db), before);
}

#[test]
fn daily_backups_are_taken_once_a_day_and_old_ones_thinned_to_days_and_weeks() {
    use chrono::NaiveDate;
    use techbroker::store::{
        BackupKind, KEEP_DAILY, KEEP_WEEKLY, daily_backup, list_backups, prune,
    };
    let (_dir, db) = temp_db();
    let store = Store::open(&db).unwrap();
    let today = chrono::Local::now().date_naive();
    assert!(daily_backup(store.path(), today).unwrap().is_some());
    assert!(
        daily_backup(store.path(), today).unwrap().is_none(),
        "once a day"
    );
    // Sixty days of daily backups, as if the app had started every day.
    let folder = techbroker::store::backups_dir(&db);
    let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    for d in 0..60 {
        let day = first + chrono::Days::new(d);
        let name = format!("daily-{}-090000.sqlite", day.format("%Y-%m-%d"));
        std::fs::copy(&list_backups(&db).unwrap()[0].path, folder.join(name)).unwrap();
    }
    prune(&db).unwrap();
    let daily: Vec<_> = list_backups(&db)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::Daily)
        .collect();
    assert_eq!(daily.len(), KEEP_DAILY + KEEP_WEEKLY);
    assert_eq!(daily[0].taken.date(), today, "the newest stays");
}

#[test]
fn purging_a_client_removes_its_rows_and_it_is_gone_from_exports() {
    let (dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    let ids = store
        .insert_clients(&[client("山东大学"), client("青岛大学")])
        .unwrap();
    store
        .save_contact(
            ids[0],
            None,
            &techbroker::domain::ContactDraft {
                name: "王老师".into(),
                phone: "13800000000".into(),
                ..Default::default()
            },
        )
        .unwrap();
    store.delete_client(ids[0]).unwrap();
    store
        .purge(techbroker::store::TrashItem::Client(ids[0]))
        .unwrap();
    assert!(store.list_trash().unwrap().is_empty());
    drop(store);
    let count = |sql: &str| -> i64 {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row(sql, [ids[0]], |r| r.get(0)).unwrap()
    };
    assert_eq!(count("SELECT COUNT(*) FROM clients WHERE id = ?1"), 0);
    assert_eq!(
        count("SELECT COUNT(*) FROM contacts WHERE client_id = ?1"),
        0
    );
    let csv = dir.path().join("clients.csv");
    let out = techbroker()
        .args(["export", "--kind", "clients", "--format", "csv"])
        .args(["--out", &csv.display().to_string()])
        .args(["--db", &db.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let exported = std::fs::read_to_string(&csv).unwrap();
    assert!(exported.contains("青岛大学") && !exported.contains("山东大学"));
    assert!(!exported.contains("王老师") && !exported.contains("13800000000"));
}

#[test]
fn gen_refuses_a_database_with_records_and_leaves_it_as_it_was() {
    let (_dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    store.insert_clients(&[client("山东大学")]).unwrap();
    drop(store);
    let before = dump(&db);
    let out = techbroker()
        .args(["gen", "--db", &db.display().to_string()])
        .args(["--clients", "5", "--achievements", "5", "--needs", "5"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("already holds 1 record,"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(dump(&db), before);
}

/// Kills `techbroker import` of a large file once it has printed `lines` progress lines, then
/// checks the database: intact, and holding none or all of the file.
fn import_killed_after(lines: usize) {
    use std::io::BufRead as _;
    let (dir, db) = temp_db();
    drop(Store::open(&db).unwrap());
    const N: usize = 20_000;
    let file = dir.path().join("clients.csv");
    client_csv(&file, N);
    let mut child = techbroker()
        .args(["import", &file.display().to_string(), "--kind", "clients"])
        .args(["--db", &db.display().to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut seen = 0;
    for line in std::io::BufReader::new(stderr).lines() {
        if line.unwrap().starts_with("importing ") {
            seen += 1;
            if seen == lines {
                break;
            }
        }
    }
    // SIGKILL: no destructor, no rollback by the process itself.
    let _ = child.kill();
    child.wait().unwrap();
    // The window opens it as it is left, hot journal and all.
    if let Err(e) = Store::open(&db) {
        panic!("killed after {lines} lines: {e:?}");
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM clients", [], |r| r.get(0))
        .unwrap();
    assert!(
        n == 0 || n == N as i64,
        "killed after {lines} lines: {n} rows"
    );
}

#[test]
fn an_import_killed_at_any_point_leaves_all_or_nothing() {
    for lines in [1, 30, 70, 100] {
        import_killed_after(lines);
    }
}

#[test]
fn clients_sharing_a_credit_code_before_version_9_keep_it_in_their_notes() {
    let (_dir, db) = temp_db();
    drop(Store::open(&db).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP INDEX clients_live_credit_code;
         DROP TABLE team_inbox; DROP TABLE team_audit; DROP TABLE team_deals; DROP TABLE team_conflicts; DROP TABLE sync_outbox; DROP TABLE sync_map; DROP TABLE team_membership; DROP TABLE documents; DROP TABLE maturity_history; DROP TABLE project_milestones; DROP TABLE maturation_projects; DROP TABLE carriers; 
         DROP TABLE achievement_rights;
         ALTER TABLE instalments DROP COLUMN deleted_at;
         ALTER TABLE receipts DROP COLUMN deleted_at;
         INSERT INTO clients (name, kind, credit_code, created_at, updated_at) VALUES
             ('潍柴动力', 'enterprise', '91370000163044841F', '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00'),
             ('潍柴动力股份有限公司', 'enterprise', '91370000163044841F', '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00');
         PRAGMA user_version = 8;",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&db).unwrap();
    let clients = store.list_clients().unwrap();
    let full: Vec<_> = clients
        .iter()
        .map(|c| store.get_client(c.id).unwrap().unwrap())
        .collect();
    assert_eq!(full[0].credit_code, "91370000163044841F");
    assert_eq!(full[1].credit_code, "");
    assert!(full[1].notes.contains("91370000163044841F"));
}

#[test]
fn a_second_client_with_a_credit_code_taken_is_refused() {
    let (_dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    let mut draft = client("潍柴动力");
    draft.kind = techbroker::domain::ClientKind::Enterprise;
    draft.credit_code = "91370000163044841F".into();
    store.save_client(None, &draft).unwrap();
    draft.name = "潍柴动力股份有限公司".into();
    let refused = store.save_client(None, &draft).err().unwrap();
    assert!(
        matches!(&refused, techbroker::store::SaveError::Invalid(e)
            if format!("{e:?}").contains("DuplicateCreditCode")),
        "{refused:?}"
    );
    assert_eq!(store.list_clients().unwrap().len(), 1);
}

/// Not a test of its own: the process `the_lock_is_released_when_its_process_is_killed` starts
/// (this test binary again) to hold a database's lock until it is killed.
#[test]
#[ignore = "started by the_lock_is_released_when_its_process_is_killed"]
fn hold_the_lock_until_killed() {
    let Some(db) = std::env::var_os("TECHBROKER_TEST_HOLD_LOCK") else {
        return;
    };
    let _lock = techbroker::store::InstanceLock::acquire(Path::new(&db)).unwrap();
    println!("locked");
    let mut line = String::new();
    // Blocks until the parent kills this process (or closes the pipe).
    let _ = std::io::stdin().read_line(&mut line);
}

#[test]
fn the_lock_is_released_when_its_process_is_killed() {
    use std::io::BufRead as _;
    use techbroker::store::{InstanceLock, LockError};
    let (_dir, db) = temp_db();
    let mut holder = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "hold_the_lock_until_killed",
            "--ignored",
            "--nocapture",
        ])
        .env("TECHBROKER_TEST_HOLD_LOCK", &db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = holder.stdout.take().unwrap();
    let locked = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("locked"));
    assert!(locked, "the holder took the lock");
    assert!(matches!(
        InstanceLock::acquire(&db),
        Err(LockError::Elsewhere(_))
    ));
    holder.kill().unwrap();
    holder.wait().unwrap();
    InstanceLock::acquire(&db).expect("a killed window never locks the broker out");
}

#[test]
fn a_database_another_program_holds_exclusively_is_told_as_locked() {
    let (_dir, db) = temp_db();
    drop(Store::open(&db).unwrap());
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .unwrap();
    // The first write after the switch takes the lock and keeps it while `other` lives.
    other
        .execute_batch(&format!(
            "BEGIN IMMEDIATE; PRAGMA user_version = {}; COMMIT;",
            techbroker::store::latest_version()
        ))
        .unwrap();
    let e = Store::open(&db).err().unwrap();
    assert!(matches!(e, OpenError::Locked { .. }), "{e:?}");
    assert!(messages(&e).1.contains("Another program has locked"));
    drop(other);
    Store::open(&db).unwrap();
}

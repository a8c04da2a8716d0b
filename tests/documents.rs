//! Documents in the store: attached and copied beside the database by their hash, the same file
//! kept once, the trash, a refused source, backups, and version 14 over an older file; the copy
//! apart from the transaction, as the window runs it: progress, cancel, a refused source.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::Connection;
use techbroker::domain::documents::{DocumentKind, Owner};
use techbroker::domain::{AchievementDraft, ClientDraft, ClientKind, Stage};
use techbroker::store::{
    AttachError, BackupKind, Store, TrashItem, files_dir, latest_version, restore, stage_document,
};

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broker.sqlite");
    (dir, path)
}

fn client(store: &mut Store) -> Owner {
    let id = store
        .save_client(
            None,
            &ClientDraft {
                name: "山东大学".into(),
                kind: ClientKind::University,
                ..ClientDraft::default()
            },
        )
        .unwrap();
    Owner::Client(id)
}

fn stored_files(db: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(files_dir(db)) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

fn source(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn an_attached_file_is_copied_by_its_hash_and_listed() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let file = source(dir.path(), "技术转让合同.pdf", b"%PDF-1.4 contract");
    let id = store
        .attach_document(owner, DocumentKind::Contract, &file)
        .unwrap();
    let docs = store.documents(owner).unwrap();
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc.id, id);
    assert_eq!(doc.name, "技术转让合同.pdf");
    assert_eq!(doc.kind, DocumentKind::Contract);
    assert_eq!(doc.bytes, 17);
    assert_eq!(doc.sha256.as_str().len(), 64);
    let copy = store.document_file(doc);
    assert_eq!(std::fs::read(&copy).unwrap(), b"%PDF-1.4 contract");
    assert_eq!(stored_files(&path), vec![doc.sha256.as_str().to_owned()]);
    // The original is the broker's: removing it leaves the stored copy.
    std::fs::remove_file(&file).unwrap();
    assert!(copy.exists());
    // Others' records do not see it.
    assert!(
        store
            .documents(Owner::Client(techbroker::domain::ClientId(999)))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_same_file_twice_is_stored_once() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "数控机床热误差补偿技术".into(),
                owner: match owner {
                    Owner::Client(id) => Some(id),
                    _ => None,
                },
                field: "高端装备制造".into(),
                trl: "6".into(),
                stage: Stage::Pilot,
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    let a = source(dir.path(), "证书.pdf", b"patent certificate");
    let b = source(dir.path(), "证书副本.pdf", b"patent certificate");
    store
        .attach_document(owner, DocumentKind::Patent, &a)
        .unwrap();
    store
        .attach_document(Owner::Achievement(achievement), DocumentKind::Patent, &b)
        .unwrap();
    assert_eq!(stored_files(&path).len(), 1);
    assert_eq!(store.documents(owner).unwrap()[0].name, "证书.pdf");
    assert_eq!(
        store.documents(Owner::Achievement(achievement)).unwrap()[0].name,
        "证书副本.pdf"
    );
}

#[test]
fn trash_restore_and_purge_remove_the_file_only_when_unused() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let file = source(dir.path(), "评估报告.docx", b"evaluation");
    let first = store
        .attach_document(owner, DocumentKind::Evaluation, &file)
        .unwrap();
    let second = store
        .attach_document(owner, DocumentKind::Other, &file)
        .unwrap();

    store.delete_document(first).unwrap();
    assert_eq!(store.documents(owner).unwrap().len(), 1);
    let trash = store.list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].item, TrashItem::Document(first));
    assert_eq!(trash[0].label, "评估报告.docx");
    assert_eq!(trash[0].owner, "山东大学");

    store.restore(TrashItem::Document(first)).unwrap();
    assert_eq!(store.documents(owner).unwrap().len(), 2);

    // Purged while the other row has the same bytes: the file stays.
    store.delete_document(first).unwrap();
    store.purge(TrashItem::Document(first)).unwrap();
    assert_eq!(stored_files(&path).len(), 1);
    // The last one goes through the emptied trash: the file goes with it.
    store.delete_document(second).unwrap();
    assert_eq!(store.empty_trash().unwrap(), (1, 0));
    assert!(stored_files(&path).is_empty());
    assert!(store.list_trash().unwrap().is_empty());
}

#[test]
fn a_purged_client_takes_its_documents_and_their_files_along() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let file = source(dir.path(), "营业执照.jpg", b"licence");
    store
        .attach_document(owner, DocumentKind::Other, &file)
        .unwrap();
    let Owner::Client(id) = owner else {
        unreachable!()
    };
    store.delete_client(id).unwrap();
    store.purge(TrashItem::Client(id)).unwrap();
    assert!(stored_files(&path).is_empty());
    // A new client may get the same id: it starts with no documents.
    let again = client(&mut store);
    assert!(store.documents(again).unwrap().is_empty());
}

#[test]
fn a_missing_or_unreadable_source_is_refused_and_nothing_is_written() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let revision = store.revision();

    let missing = dir.path().join("不存在.pdf");
    let Err(AttachError::Source { path: said, .. }) =
        store.attach_document(owner, DocumentKind::Contract, &missing)
    else {
        panic!("a missing file is refused");
    };
    assert_eq!(said, missing);
    let message = store
        .attach_document(owner, DocumentKind::Contract, &missing)
        .unwrap_err()
        .to_string();
    assert!(message.contains("不存在.pdf"), "{message}");

    let folder = dir.path().join("a folder");
    std::fs::create_dir(&folder).unwrap();
    assert!(matches!(
        store.attach_document(owner, DocumentKind::Contract, &folder),
        Err(AttachError::Source { .. })
    ));

    #[cfg(unix)]
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        let locked = source(dir.path(), "locked.pdf", b"secret");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        assert!(matches!(
            store.attach_document(owner, DocumentKind::Contract, &locked),
            Err(AttachError::Source { .. })
        ));
    }

    assert!(store.documents(owner).unwrap().is_empty());
    assert_eq!(store.revision(), revision);
    assert!(!files_dir(&path).exists());
}

#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(true)
}

#[test]
fn a_backup_carries_the_files_and_restoring_it_brings_them_back() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let file = source(dir.path(), "中试报告.pdf", b"pilot report");
    store
        .attach_document(owner, DocumentKind::PilotReport, &file)
        .unwrap();
    let backup = store.back_up(BackupKind::Manual).unwrap();
    let copied = files_dir(&backup);
    let hash = stored_files(&path);
    assert_eq!(stored_files(&backup), hash);
    assert!(copied.is_dir());

    // The file goes for good; restoring the backup brings the row and the file back.
    let id = store.documents(owner).unwrap()[0].id;
    store.delete_document(id).unwrap();
    store.purge(TrashItem::Document(id)).unwrap();
    assert!(stored_files(&path).is_empty());
    drop(store);
    restore(&path, &backup).unwrap();
    let store = Store::open(&path).unwrap();
    let docs = store.documents(owner).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        std::fs::read(store.document_file(&docs[0])).unwrap(),
        b"pilot report"
    );
}

#[test]
fn version_14_over_a_version_13_file_keeps_its_data_and_opens_twice() {
    let (dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        client(&mut store);
    }
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE team_inbox; DROP TABLE team_audit; DROP TABLE team_deals; DROP TABLE team_conflicts; DROP TABLE sync_outbox; DROP TABLE sync_map; DROP TABLE team_membership; DROP TABLE documents; PRAGMA user_version = 13;")
            .unwrap();
    }
    for _ in 0..2 {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.list_clients().unwrap().len(), 1);
        let owner = Owner::Client(store.list_clients().unwrap()[0].id);
        assert!(store.documents(owner).unwrap().is_empty());
        drop(store);
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
    }
    let mut store = Store::open(&path).unwrap();
    let owner = Owner::Client(store.list_clients().unwrap()[0].id);
    let file = source(dir.path(), "合同.pdf", b"contract");
    store
        .attach_document(owner, DocumentKind::Contract, &file)
        .unwrap();
    assert_eq!(store.documents(owner).unwrap().len(), 1);
}

/// More than a few of the copy's chunks, so progress is told more than once.
fn large(dir: &Path) -> std::path::PathBuf {
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    source(dir, "中试报告.pdf", &bytes)
}

#[test]
fn a_staged_copy_reports_its_progress_up_to_the_total_and_is_recorded() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let file = large(dir.path());
    let mut seen = Vec::new();
    let staged = stage_document(
        &store.files_dir(),
        &file,
        &AtomicBool::new(false),
        &mut |done, total| seen.push((done, total)),
    )
    .unwrap();
    assert!(seen.len() > 1, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
    assert!(seen.iter().all(|&(_, total)| total == 300_000));
    assert_eq!(seen.last(), Some(&(300_000, 300_000)));
    // Copied but not recorded: no row yet, and the copy keeps its temporary name.
    assert!(store.documents(owner).unwrap().is_empty());

    let id = store
        .record_document(owner, DocumentKind::PilotReport, staged)
        .unwrap();
    let docs = store.documents(owner).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, id);
    assert_eq!(docs[0].name, "中试报告.pdf");
    assert_eq!(docs[0].bytes, 300_000);
    assert_eq!(
        stored_files(&path),
        vec![docs[0].sha256.as_str().to_owned()]
    );
    assert_eq!(
        std::fs::read(store.document_file(&docs[0])).unwrap(),
        std::fs::read(&file).unwrap()
    );
}

#[test]
fn a_cancelled_copy_leaves_no_file_and_no_row() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let revision = store.revision();
    let file = large(dir.path());
    let cancel = AtomicBool::new(false);
    let mut told = 0;
    // The broker presses Cancel once the first chunk is copied.
    let stopped = stage_document(&store.files_dir(), &file, &cancel, &mut |_, _| {
        told += 1;
        cancel.store(true, Ordering::Relaxed);
    });
    assert!(
        matches!(stopped, Err(AttachError::Cancelled)),
        "{stopped:?}"
    );
    assert_eq!(told, 1);
    assert!(stored_files(&path).is_empty());
    assert!(store.documents(owner).unwrap().is_empty());
    assert_eq!(store.revision(), revision);
}

#[test]
fn a_staged_copy_dropped_unrecorded_leaves_no_file() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let file = source(dir.path(), "合同.pdf", b"contract");
    let staged = stage_document(
        &store.files_dir(),
        &file,
        &AtomicBool::new(false),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(stored_files(&path).len(), 1);
    drop(staged);
    assert!(stored_files(&path).is_empty());
}

#[test]
fn an_unreadable_source_is_refused_before_the_copy_with_nothing_written() {
    let (dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    let missing = dir.path().join("不存在.pdf");
    let mut told = 0;
    let refused = stage_document(
        &store.files_dir(),
        &missing,
        &AtomicBool::new(false),
        &mut |_, _| told += 1,
    );
    let Err(AttachError::Source { path: said, .. }) = refused else {
        panic!("a missing file is refused: {refused:?}");
    };
    assert_eq!(said, missing);
    assert_eq!(told, 0);
    assert!(!files_dir(&path).exists());
}

#[test]
fn a_copy_whose_record_was_purged_meanwhile_is_not_recorded_and_leaves_no_file() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let owner = client(&mut store);
    let file = source(dir.path(), "营业执照.jpg", b"licence");
    let staged = stage_document(
        &store.files_dir(),
        &file,
        &AtomicBool::new(false),
        &mut |_, _| {},
    )
    .unwrap();
    let Owner::Client(id) = owner else {
        unreachable!()
    };
    store.delete_client(id).unwrap();
    store.purge(TrashItem::Client(id)).unwrap();
    assert!(matches!(
        store.record_document(owner, DocumentKind::Other, staged),
        Err(techbroker::store::StoreError::NotFound)
    ));
    assert!(stored_files(&path).is_empty());
    // A new client given the same id does not inherit it.
    let again = client(&mut store);
    assert!(store.documents(again).unwrap().is_empty());
}

#[test]
fn an_opening_removes_the_half_copies_a_crash_left_and_keeps_the_rest() {
    let (dir, db) = temp_db();
    let mut store = Store::open(&db).unwrap();
    let owner = client(&mut store);
    let file = source(dir.path(), "合同.pdf", b"contract");
    store
        .attach_document(owner, DocumentKind::Contract, &file)
        .unwrap();
    drop(store);
    let files = files_dir(&db);
    let write = |name: &str, age_secs: u64| {
        let f = std::fs::File::create(files.join(name)).unwrap();
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(age_secs))
            .unwrap();
    };
    write(".partial-crashed", 2 * 3600);
    write(".partial-copying", 0);
    let before = stored_files(&db);
    assert_eq!(before.len(), 3, "{before:?}");
    Store::open(&db).unwrap();
    let after = stored_files(&db);
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(after.iter().any(|n| n == ".partial-copying"), "{after:?}");
    assert!(!after.iter().any(|n| n == ".partial-crashed"), "{after:?}");
    Store::open_read_only(&db).unwrap();
    assert_eq!(
        stored_files(&db),
        after,
        "a read-only window removes nothing"
    );
}

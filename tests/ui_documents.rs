//! The documents of a deal through the window: attached through the picker, listed, opened (the
//! test picker never launches a viewer), moved to the trash and restored from it; several files
//! chosen at once, and a file that cannot be read. The copy runs as a job, inline in tests, so
//! it is recorded on the next frames.

mod common;

use std::path::{Path, PathBuf};

use common::{click, harness_with_picker, start_with, temp_db};
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::DealId;
use techbroker::domain::documents::{DocumentKind, Owner};
use techbroker::i18n::{ZH, fill};
use techbroker::ui::StartOptions;
use techbroker::ui::picker::{FilePicker, FileType};

const FILE: &str = "技术转让合同.pdf";

fn seed(path: &std::path::Path) -> DealId {
    common::seed_deal(path, "数控机床热误差补偿技术")
}

#[test]
fn attach_a_file_to_a_deal_then_trash_and_restore_it() {
    let (dir, path) = temp_db();
    let deal = seed(&path);
    let file = dir.path().join(FILE);
    std::fs::write(&file, b"%PDF-1.4 contract").unwrap();
    let mut h = harness_with_picker(&path, Some(file));
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    // "文件" is the File menu's name too.
    assert!(h.get_all_by_label(ZH.docs_title).count() >= 2);
    h.get_by_label(ZH.docs_none);

    click(&mut h, ZH.docs_add);
    h.get_by_label(FILE);
    h.get_by_label(&fill(ZH.docs_added_one, &[("name", &FILE)]));
    let docs = h
        .state()
        .store()
        .unwrap()
        .documents(Owner::Deal(deal))
        .unwrap();
    assert_eq!(docs.len(), 1);

    // The stored copy is opened; the test picker stands in for the viewer.
    click(&mut h, ZH.docs_open);
    assert!(
        h.query_by_label(&fill(ZH.docs_missing, &[("name", &FILE)]))
            .is_none()
    );

    click(&mut h, ZH.docs_trash);
    // The confirmation's button carries the same words as the row's: the last one is its.
    h.get_all_by_label(ZH.confirm_delete_yes)
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_by_label(ZH.docs_trashed);
    assert!(h.query_by_label(FILE).is_none());
    assert!(
        h.state()
            .store()
            .unwrap()
            .documents(Owner::Deal(deal))
            .unwrap()
            .is_empty()
    );

    click(&mut h, ZH.nav_trash);
    assert!(h.get_all_by_label(ZH.trash_document).count() >= 2);
    h.get_by_label(FILE);
    click(&mut h, ZH.restore);
    assert_eq!(
        h.state()
            .store()
            .unwrap()
            .documents(Owner::Deal(deal))
            .unwrap()
            .len(),
        1
    );
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    h.get_by_label(FILE);
}

#[test]
fn an_achievements_patent_certificate_is_its_own_and_not_its_owners() {
    let (dir, path) = temp_db();
    let deal = seed(&path);
    let file = dir.path().join("专利证书.pdf");
    std::fs::write(&file, b"certificate").unwrap();
    let mut h = harness_with_picker(&path, Some(file));
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    click(&mut h, ZH.open_achievement);
    click(&mut h, ZH.docs_kind);
    click(&mut h, ZH.doc_patent);
    click(&mut h, ZH.docs_add);
    h.get_by_label("专利证书.pdf");
    let store = h.state().store().unwrap();
    let achievement = store.get_deal(deal).unwrap().unwrap().achievements[0];
    let docs = store.documents(Owner::Achievement(achievement)).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].kind, DocumentKind::Patent);
    assert!(store.documents(Owner::Deal(deal)).unwrap().is_empty());

    // The owner's page has a documents section of its own, still empty.
    click(&mut h, "山东大学");
    h.get_by_label(ZH.docs_none);
}

/// A picker whose file dialog chooses several files at once, as the system's does.
struct SeveralFiles(Vec<PathBuf>);

impl FilePicker for SeveralFiles {
    fn open_database(&self) -> Option<PathBuf> {
        None
    }
    fn new_database(&self) -> Option<PathBuf> {
        None
    }
    fn open_file(&self, _kind: FileType) -> Option<PathBuf> {
        self.0.first().cloned()
    }
    fn open_files(&self, _kind: FileType) -> Vec<PathBuf> {
        self.0.clone()
    }
    fn save_file(&self, _name: &str, _kind: FileType) -> Option<PathBuf> {
        None
    }
    fn open_in_viewer(&self, _path: &Path) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn several_files_chosen_at_once_are_all_copied_and_listed() {
    let (dir, path) = temp_db();
    let deal = seed(&path);
    let report = dir.path().join("中试报告.pdf");
    // Several of the copy's chunks, so the job reports progress on its way.
    std::fs::write(&report, vec![7u8; 200_000]).unwrap();
    let contract = dir.path().join(FILE);
    std::fs::write(&contract, b"%PDF-1.4 contract").unwrap();
    let mut h = start_with(StartOptions {
        sandbox_db: path.with_file_name("sandbox.sqlite"),
        db: Some(path.clone()),
        default_db: path.clone(),
        picker: Box::new(SeveralFiles(vec![report, contract])),
        load_in_background: false,
        demo: false,
    });
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    click(&mut h, ZH.docs_add);
    h.get_by_label("中试报告.pdf");
    h.get_by_label(FILE);
    // Both copies are done: no progress line is left.
    for name in ["中试报告.pdf", FILE] {
        let copying = fill(ZH.docs_copying, &[("name", &name), ("percent", &100)]);
        assert!(h.query_by_label_contains(&copying).is_none());
    }
    let store = h.state().store().unwrap();
    let docs = store.documents(Owner::Deal(deal)).unwrap();
    assert_eq!(docs.len(), 2);
    assert!(docs.iter().any(|d| d.bytes == 200_000));
}

#[test]
fn a_file_that_cannot_be_read_is_refused_with_its_path_and_nothing_listed() {
    let (dir, path) = temp_db();
    let deal = seed(&path);
    let missing = dir.path().join("已删除的合同.pdf");
    let mut h = harness_with_picker(&path, Some(missing.clone()));
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    click(&mut h, ZH.docs_add);
    let said = fill(
        ZH.docs_unreadable,
        &[("path", &missing.display()), ("detail", &"")],
    );
    h.get_by_label_contains(&said);
    h.get_by_label(ZH.docs_none);
    assert!(
        h.state()
            .store()
            .unwrap()
            .documents(Owner::Deal(deal))
            .unwrap()
            .is_empty()
    );
    assert!(!techbroker::store::files_dir(&path).exists());
}

#[test]
fn a_read_only_window_refuses_to_attach_before_copying() {
    let (dir, path) = temp_db();
    seed(&path);
    let file = dir.path().join(FILE);
    std::fs::write(&file, b"%PDF-1.4 contract").unwrap();
    // Another window has the database: this one reads it only.
    let first = techbroker::store::InstanceLock::acquire(&path).unwrap();
    let mut h = harness_with_picker(&path, Some(file));
    click(&mut h, ZH.open_read_only);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    click(&mut h, ZH.docs_add);
    h.get_by_label(ZH.read_only_refused);
    h.get_by_label(ZH.docs_none);
    assert!(!techbroker::store::files_dir(&path).exists());
    drop(first);
}

//! Helpers the UI tests share: a harness on a temporary database, clicking and typing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{ClientDraft, ClientId, ClientKind};
use techbroker::store::Store;
use techbroker::ui::picker::{FilePicker, FileType};
use techbroker::ui::{StartOptions, TechBrokerApp};

/// The store's clients' names, in the order it lists them.
pub fn client_names(store: &Store) -> Vec<String> {
    store
        .list_clients()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect()
}

/// Answers the file dialogs with a fixed path (or as if the user cancelled).
pub struct FixedPicker(pub Option<PathBuf>);

impl FilePicker for FixedPicker {
    fn open_database(&self) -> Option<PathBuf> {
        self.0.clone()
    }
    fn new_database(&self) -> Option<PathBuf> {
        self.0.clone()
    }
    fn open_file(&self, _kind: FileType) -> Option<PathBuf> {
        self.0.clone()
    }
    fn save_file(&self, _name: &str, _kind: FileType) -> Option<PathBuf> {
        self.0.clone()
    }
    fn open_in_viewer(&self, _path: &Path) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn harness_with_picker(db: &Path, picked: Option<PathBuf>) -> Harness<'static, TechBrokerApp> {
    harness_with(db, db, picked)
}

/// The app on `db`, with `default_db` as the database "open default" leads to.
pub fn harness_with(
    db: &Path,
    default_db: &Path,
    picked: Option<PathBuf>,
) -> Harness<'static, TechBrokerApp> {
    start_with(options(db, default_db, picked))
}

fn options(db: &Path, default_db: &Path, picked: Option<PathBuf>) -> StartOptions {
    StartOptions {
        // Beside the test's database, never in the real data directory.
        sandbox_db: db.with_file_name("sandbox.sqlite"),
        db: Some(db.to_path_buf()),
        default_db: default_db.to_path_buf(),
        picker: Box::new(FixedPicker(picked)),
        load_in_background: false,
        demo: false,
    }
}

/// The app started with `options`, in a window of the size every UI test uses.
pub fn start_with(options: StartOptions) -> Harness<'static, TechBrokerApp> {
    start_sized(options, [1280.0, 860.0])
}

/// The app on `db` in the smallest window it supports, 1024x700.
pub fn harness_small(db: &Path) -> Harness<'static, TechBrokerApp> {
    start_sized(options(db, db, None), [1024.0, 700.0])
}

fn start_sized(options: StartOptions, size: [f32; 2]) -> Harness<'static, TechBrokerApp> {
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| TechBrokerApp::new(cc, options))
}

/// The app under test.
pub type H = Harness<'static, TechBrokerApp>;

pub fn harness(db: &Path) -> Harness<'static, TechBrokerApp> {
    harness_with_picker(db, None)
}

pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broker.sqlite");
    (dir, path)
}

/// Clicks the field named `label`, then types `text` into it.
pub fn type_into(h: &mut Harness<'_, TechBrokerApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Scrolls the widget named `label` into view, then clicks it.
pub fn click(h: &mut Harness<'_, TechBrokerApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

pub fn seed_client(path: &Path, name: &str, kind: ClientKind) -> ClientId {
    let mut store = Store::open(path).unwrap();
    store
        .save_client(
            None,
            &ClientDraft {
                name: name.into(),
                kind,
                province: "山东省".into(),
                city: "济南市".into(),
                ..ClientDraft::default()
            },
        )
        .unwrap()
}

/// Clicks the field named `label`, selects what it holds and types `text` over it.
pub fn replace_in(h: &mut Harness<'_, TechBrokerApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// A deal between a university and an enterprise, made the way accepting a match makes it.
pub fn seed_deal(path: &Path, title: &str) -> techbroker::domain::DealId {
    seed_deal_with(path, title, ClientKind::University).1
}

/// An achievement of an organisation of `kind` ("山东大学"), in a deal with an enterprise
/// ("济南某装备公司"), made the way accepting a match makes it.
pub fn seed_deal_with(
    path: &Path,
    title: &str,
    kind: ClientKind,
) -> (
    techbroker::domain::AchievementId,
    techbroker::domain::DealId,
) {
    use techbroker::domain::{AchievementDraft, Stage};
    use techbroker::store::DecisionInput;
    let seller = seed_client(path, "山东大学", kind);
    let buyer = seed_client(path, "济南某装备公司", ClientKind::Enterprise);
    let mut store = Store::open(path).unwrap();
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: title.into(),
                owner: Some(seller),
                field: "高端装备制造".into(),
                trl: "7".into(),
                stage: Stage::Pilot,
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    let deal = store
        .record_decision(&DecisionInput::accepted(None, achievement, buyer))
        .unwrap()
        .unwrap();
    (achievement, deal)
}

//! Helpers the UI tests share: a harness on a temporary database, clicking and typing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{ClientDraft, ClientId, ClientKind};
use techbroker::store::Store;
use techbroker::ui::picker::{FilePicker, FileType};
use techbroker::ui::{StartOptions, TechBrokerApp};

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
    start_with(StartOptions {
        // Beside the test's database, never in the real data directory.
        sandbox_db: db.with_file_name("sandbox.sqlite"),
        db: Some(db.to_path_buf()),
        default_db: default_db.to_path_buf(),
        picker: Box::new(FixedPicker(picked)),
        load_in_background: false,
        demo: false,
    })
}

/// The app started with `options`, in a window of the size every UI test uses.
pub fn start_with(options: StartOptions) -> Harness<'static, TechBrokerApp> {
    Harness::builder()
        .with_size([1280.0, 860.0])
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

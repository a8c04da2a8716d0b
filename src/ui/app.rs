//! The window: top bar, navigation, the current screen, and the one place commands are applied.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::command::{Command, ListKind, Screen};
use super::handler::{apply_to_session, export_shortlist, write_status};
use super::picker::{FilePicker, FileType};
use super::screens::Screens;
use super::widgets::error_text;
use crate::catalog::Catalogs;
use crate::i18n::{Lang, Tr, fill};
use crate::io::csv_out::write_csv;
use crate::store::{OpenError, Store};

const SETTINGS_KEY: &str = "techbroker_settings";
const MAX_RECENT: usize = 8;
const NEW_CLIENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);

/// What is remembered between runs (eframe persistence); the database stays the source of truth.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
}

impl Settings {
    fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    /// The database to open at start: the last one opened, while it still exists.
    fn last_db(&self) -> Option<&PathBuf> {
        self.recent.first().filter(|p| p.exists())
    }
}

/// How the app starts: from the command line, or from a test.
pub struct StartOptions {
    /// Open this database instead of the last one.
    pub db: Option<PathBuf>,
    /// Where to create the database when neither `db` nor a last one is given.
    pub default_db: PathBuf,
    pub picker: Box<dyn FilePicker>,
    /// Load the catalogues on a worker thread (the app) or before the first frame (tests).
    pub load_in_background: bool,
}

/// An open database with what the screens read from it.
pub struct Session {
    pub store: Store,
    pub catalogs: Catalogs,
    pub fields: Vec<String>,
}

enum Database {
    Open(Box<Session>),
    Failed(OpenError),
}

pub enum Status {
    Info(String),
    Error(String),
}

/// Wakes the window from a worker thread.
type Waker = Arc<dyn Fn() + Send + Sync>;

pub struct TechBrokerApp {
    settings: Settings,
    default_db: PathBuf,
    db: Database,
    screens: Screens,
    status: Option<Status>,
    picker: Box<dyn FilePicker>,
    waker: Waker,
    load_in_background: bool,
}

impl TechBrokerApp {
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let mut settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let ctx = cc.egui_ctx.clone();
        let waker: Waker = Arc::new(move || ctx.request_repaint());
        let path = start
            .db
            .clone()
            .or_else(|| settings.last_db().cloned())
            .unwrap_or_else(|| start.default_db.clone());
        let (db, status) = open_session(&mut settings, &path, &waker, start.load_in_background);
        Self {
            settings,
            default_db: start.default_db,
            db,
            screens: Screens::new(start.load_in_background),
            status,
            picker: start.picker,
            waker,
            load_in_background: start.load_in_background,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.db {
            Database::Open(session) => Some(session),
            Database::Failed(_) => None,
        }
    }

    /// The open database, if one is open.
    pub fn store(&self) -> Option<&Store> {
        self.session().map(|s| &s.store)
    }

    pub fn screen(&self) -> Screen {
        self.screens.current
    }

    fn tr(&self) -> &'static Tr {
        self.settings.lang.tr()
    }

    fn open_database(&mut self, path: &Path) {
        self.screens = Screens::new(self.load_in_background);
        (self.db, self.status) = open_session(
            &mut self.settings,
            path,
            &self.waker,
            self.load_in_background,
        );
    }

    /// Applies one command. Every write to the store happens here or in the handler it calls.
    pub fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::SetLanguage(lang) => {
                // The status line was written in the old language.
                self.settings.lang = lang;
                self.status = None;
            }
            Command::NewDatabase => {
                if let Some(path) = self.picker.new_database() {
                    self.open_database(&path);
                }
            }
            Command::OpenDatabase => {
                if let Some(path) = self.picker.open_database() {
                    self.open_database(&path);
                }
            }
            Command::OpenDatabaseAt(path) => self.open_database(&path),
            Command::ExportList(kind) => {
                let tr = self.tr();
                let name = match kind {
                    ListKind::Clients => tr.file_clients,
                    ListKind::Achievements => tr.file_achievements,
                    ListKind::Needs => tr.file_needs,
                    ListKind::Deals => tr.file_deals,
                };
                if let Database::Open(session) = &self.db
                    && let Some(path) = self.picker.save_file(name, FileType::Csv)
                {
                    let s = &self.screens;
                    let (header, rows) = match kind {
                        ListKind::Clients => s.clients.export(tr),
                        ListKind::Achievements => s.achievements.export(&session.catalogs, tr),
                        ListKind::Needs => s.needs.export(&session.catalogs, tr),
                        ListKind::Deals => s.deals.export(tr),
                    };
                    self.status = Some(write_status(write_csv(&path, &header, &rows), &path, tr));
                }
            }
            Command::ExportShortlist(need) => {
                let tr = self.tr();
                if let Database::Open(session) = &self.db
                    && let Some(path) = self.picker.save_file(tr.shortlist_file, FileType::Csv)
                {
                    self.status = Some(export_shortlist(session, need, &path, tr));
                }
            }
            cmd => {
                let tr = self.tr();
                if let Database::Open(session) = &mut self.db
                    && let Some(status) = apply_to_session(session, &mut self.screens, cmd, tr)
                {
                    self.status = Some(status);
                }
            }
        }
    }

    /// Draws the whole window; used by eframe and by the UI tests.
    pub fn show(&mut self, ui: &mut Ui) {
        let tr = self.tr();
        let mut cmds = Vec::new();
        if let Database::Open(session) = &mut self.db {
            session.catalogs.poll(&session.store);
            if ui.input_mut(|i| i.consume_shortcut(&NEW_CLIENT)) {
                cmds.push(Command::NewClient);
            }
        }
        self.top_bar(ui, tr, &mut cmds);
        self.status_bar(ui);
        match &self.db {
            Database::Open(session) => {
                self.screens.navigation(ui, &session.store, tr, &mut cmds);
                egui::CentralPanel::default().show(ui, |ui| {
                    self.screens.central(ui, session, tr, &mut cmds);
                });
            }
            Database::Failed(error) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    open_failure_ui(ui, error, &self.default_db, tr, &mut cmds);
                });
            }
        }
        for cmd in cmds {
            self.apply(cmd);
        }
    }

    fn top_bar(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(tr.menu_file, |ui| {
                    if ui.button(tr.menu_new_db).clicked() {
                        cmds.push(Command::NewDatabase);
                    }
                    if ui.button(tr.menu_open_db).clicked() {
                        cmds.push(Command::OpenDatabase);
                    }
                    if ui.button(tr.menu_default_db).clicked() {
                        cmds.push(Command::OpenDatabaseAt(self.default_db.clone()));
                    }
                    ui.separator();
                    ui.menu_button(tr.menu_recent, |ui| {
                        if self.settings.recent.is_empty() {
                            ui.label(tr.menu_no_recent);
                        }
                        for path in &self.settings.recent {
                            if ui.button(path.display().to_string()).clicked() {
                                cmds.push(Command::OpenDatabaseAt(path.clone()));
                            }
                        }
                    });
                });
                ui.separator();
                if let Some(store) = self.store() {
                    let name = store
                        .path()
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    ui.label(format!("{}: {name}", tr.database))
                        .on_hover_text(store.path().display().to_string());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    for (lang, label) in [(Lang::En, "English"), (Lang::Zh, "中文")] {
                        if ui
                            .selectable_label(self.settings.lang == lang, label)
                            .clicked()
                        {
                            cmds.push(Command::SetLanguage(lang));
                        }
                    }
                });
            });
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        let Some(status) = &self.status else {
            return;
        };
        egui::Panel::bottom("status_bar").show(ui, |ui| match status {
            Status::Info(text) => {
                ui.label(text);
            }
            Status::Error(text) => {
                error_text(ui, text);
            }
        });
    }
}

/// Opens `path` with its catalogues, remembering it among the recent files when it opens.
fn open_session(
    settings: &mut Settings,
    path: &Path,
    waker: &Waker,
    background: bool,
) -> (Database, Option<Status>) {
    let store = match Store::open(path) {
        Ok(store) => store,
        Err(e) => return (Database::Failed(e), None),
    };
    settings.remember(path);
    let tr = settings.lang.tr();
    let fields = store.list_fields().unwrap_or_default();
    let catalogs = if background {
        let waker = Arc::clone(waker);
        match store.reader() {
            Ok(reader) => Catalogs::start(reader, move || waker()),
            Err(e) => Catalogs::failed(e.to_string()),
        }
    } else {
        Catalogs::load_now(&store).unwrap_or_else(|e| Catalogs::failed(e.to_string()))
    };
    let status = fill(tr.opened, &[("path", &path.display())]);
    (
        Database::Open(Box::new(Session {
            store,
            catalogs,
            fields,
        })),
        Some(Status::Info(status)),
    )
}

/// Says why the database did not open and offers the ways on.
fn open_failure_ui(
    ui: &mut Ui,
    error: &OpenError,
    default_db: &Path,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) {
    ui.add_space(24.0);
    ui.heading(tr.open_failed);
    ui.add_space(8.0);
    ui.label(RichText::new(error.path().display().to_string()).monospace());
    ui.add_space(8.0);
    error_text(ui, &open_error_text(error, tr));
    ui.label(tr.open_what_to_do);
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(tr.menu_new_db).clicked() {
            cmds.push(Command::NewDatabase);
        }
        if ui.button(tr.menu_open_db).clicked() {
            cmds.push(Command::OpenDatabase);
        }
        if error.path() != default_db && ui.button(tr.menu_default_db).clicked() {
            cmds.push(Command::OpenDatabaseAt(default_db.to_path_buf()));
        }
    });
}

/// The reason a database did not open, in the UI language.
pub fn open_error_text(error: &OpenError, tr: &Tr) -> String {
    match error {
        OpenError::Io { source, .. } => fill(tr.open_err_io, &[("detail", source)]),
        OpenError::IsFolder { .. } => tr.open_err_folder.to_string(),
        OpenError::EmptyFile { .. } => tr.open_err_empty.to_string(),
        OpenError::NotADatabase { .. } => tr.open_err_not_db.to_string(),
        OpenError::Foreign { .. } => tr.open_err_foreign.to_string(),
        OpenError::Corrupt { detail, .. } => fill(tr.open_err_corrupt, &[("detail", detail)]),
        OpenError::NewerSchema {
            found, supported, ..
        } => fill(
            tr.open_err_newer,
            &[("found", found), ("supported", supported)],
        ),
        OpenError::Backup { detail, .. } => fill(tr.open_err_backup, &[("detail", detail)]),
        OpenError::Setup { detail, .. } => fill(tr.open_err_setup, &[("detail", detail)]),
    }
}

impl eframe::App for TechBrokerApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

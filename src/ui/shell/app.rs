//! The window: top bar, navigation, the current screen, and the one place commands are applied.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::catalog::Catalogs;
use crate::i18n::{Lang, Tr, fill};
use crate::io::import::rejected::write_rejected;
use crate::store::{InstanceLock, LockError, OpenError, Store};
use crate::ui::command::{Command, ListKind, Screen};
use crate::ui::job::{Job, Waker};
use crate::ui::screens::import::Worker;
use crate::ui::screens::report::period_name;
use crate::ui::shell::about::about_dialog;
use crate::ui::shell::apply::{
    apply_to_session, export_shortlist, export_work, write_report, write_status,
};
use crate::ui::shell::backups::BackupsDialog;
use crate::ui::shell::picker::{FilePicker, FileType};
use crate::ui::shell::screens::{Screens, today};
use crate::ui::shell::training::{Building, Training, building_ui};
use crate::ui::widgets::error_text;

mod sandbox;

const SETTINGS_KEY: &str = "techbroker_settings";
const MAX_RECENT: usize = 8;
/// How often an idle window looks for writes made elsewhere.
const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_millis(250);
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
    /// Where the training sandbox lives; never the broker's database.
    pub sandbox_db: PathBuf,
    /// Start in the training sandbox (`techbroker --demo`).
    pub demo: bool,
}

/// An open database with what the screens read from it.
pub struct Session {
    pub store: Store,
    pub catalogs: Catalogs,
    pub fields: Vec<String>,
    /// This window's claim on the file; None when opened read-only beside another window.
    _lock: Option<InstanceLock>,
    /// The day's first backup, taken on a worker so that a large file does not hold the window.
    backup: Option<Job<Option<PathBuf>, String>>,
}

impl Session {
    /// Reads again what another connection changed: the views (through the store's revision),
    /// the catalogues with their search and match indexes, and the fields. Returns whether
    /// anything had changed.
    pub fn refresh_if_changed_elsewhere(&mut self, background: bool, waker: &Waker) -> bool {
        match self.store.changed_elsewhere() {
            Ok(true) => {
                match (background, self.store.reader()) {
                    (true, Ok(reader)) => {
                        let waker = Arc::clone(waker);
                        self.catalogs.reload_in_background(reader, move || waker());
                    }
                    _ => self.catalogs.reload(&self.store),
                }
                if let Ok(fields) = self.store.list_fields() {
                    self.fields = fields;
                }
                true
            }
            // A failed look is tried again next frame; the data shown stays as it was.
            Ok(false) | Err(_) => false,
        }
    }
}

enum Database {
    Open(Box<Session>),
    Failed(OpenError),
    /// Another window has the file open: the broker chooses read-only or quitting.
    Elsewhere(PathBuf),
    /// Between two databases: while the sandbox is built at start, or replaced.
    Closed,
}

pub enum Status {
    Info(String),
    Error(String),
}

pub struct TechBrokerApp {
    settings: Settings,
    default_db: PathBuf,
    db: Database,
    screens: Screens,
    status: Option<Status>,
    picker: Box<dyn FilePicker>,
    waker: Waker,
    load_in_background: bool,
    sandbox_db: PathBuf,
    training: Option<Training>,
    /// The sandbox being built, and the database to go back to when leaving it.
    building: Option<(Building, PathBuf)>,
    /// A list being written on a worker, and where.
    export: Option<(Job<(), anyhow::Error>, PathBuf)>,
    backups: Option<BackupsDialog>,
    about_open: bool,
}

impl TechBrokerApp {
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        crate::ui::shell::fonts::install(&cc.egui_ctx);
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
        let (db, status) = if start.demo {
            (Database::Closed, None)
        } else {
            open_session(
                &mut settings,
                &log_path(&start.default_db),
                &path,
                &waker,
                start.load_in_background,
                true,
            )
        };
        let mut app = Self {
            settings,
            default_db: start.default_db,
            db,
            screens: Screens::new(start.load_in_background),
            status,
            picker: start.picker,
            waker,
            load_in_background: start.load_in_background,
            sandbox_db: start.sandbox_db,
            training: None,
            building: None,
            export: None,
            backups: None,
            about_open: false,
        };
        if start.demo {
            app.build_sandbox(Some(path));
        }
        app
    }

    /// Whether the training sandbox is open.
    pub fn in_sandbox(&self) -> bool {
        self.training.is_some()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.db {
            Database::Open(session) => Some(session),
            Database::Failed(_) | Database::Elsewhere(_) | Database::Closed => None,
        }
    }

    /// The open database, if one is open.
    pub fn store(&self) -> Option<&Store> {
        self.session().map(|s| &s.store)
    }

    pub fn screen(&self) -> Screen {
        self.screens.current
    }

    /// A read-only connection for the import screen's workers; None (and the reason in the
    /// status line) when there is no database to read.
    fn import_worker(&mut self) -> Option<Worker> {
        let Database::Open(session) = &self.db else {
            return None;
        };
        match session.store.reader() {
            Ok(reader) => Some(Worker {
                reader,
                background: self.load_in_background,
                waker: Arc::clone(&self.waker),
            }),
            Err(e) => {
                let tr = self.tr();
                self.status = Some(Status::Error(fill(tr.im_failed, &[("detail", &e)])));
                None
            }
        }
    }

    /// Says the day's backup failed, once it has; a backup taken needs no word.
    fn poll_backup(&mut self, tr: &Tr) {
        if let Database::Open(session) = &mut self.db
            && let Some(taken) = session.backup.as_ref().and_then(Job::poll)
        {
            session.backup = None;
            if let Err(e) = taken {
                self.status = Some(Status::Error(fill(tr.backup_failed, &[("detail", &e)])));
            }
        }
    }

    /// Says how a list export on the worker ended, once it has.
    fn poll_export(&mut self, tr: &Tr) {
        if let Some((job, path)) = &self.export
            && let Some(written) = job.poll()
        {
            self.status = Some(write_status(written, path, tr));
            self.export = None;
        }
    }

    fn tr(&self) -> &'static Tr {
        self.settings.lang.tr()
    }

    fn open_database(&mut self, path: &Path) {
        self.training = None;
        self.reopen(path);
    }

    /// Opens `path` with fresh screens, staying in training mode if in it.
    fn reopen(&mut self, path: &Path) {
        self.screens = Screens::new(self.load_in_background);
        // The old session lets go of its lock first: reopening the same file is no second window.
        self.db = Database::Closed;
        (self.db, self.status) = open_session(
            &mut self.settings,
            &log_path(&self.default_db),
            path,
            &self.waker,
            self.load_in_background,
            self.training.is_none(),
        );
    }

    /// Applies one command. Every write to the store happens here or in the handler it calls.
    pub fn apply(&mut self, cmd: Command) {
        if cmd.writes() && self.store().is_some_and(Store::is_read_only) {
            self.status = Some(Status::Error(self.tr().read_only_refused.to_string()));
            return;
        }
        match cmd {
            Command::ShowBackups => {
                if let Some(store) = self.store() {
                    self.backups = Some(BackupsDialog::open(store.path()));
                }
            }
            Command::RestoreBackup(from) => {
                let tr = self.tr();
                if let Some(db) = self.store().map(|s| s.path().to_path_buf()) {
                    match crate::store::restore(&db, &from) {
                        Ok(before) => {
                            self.reopen(&db);
                            self.status = Some(Status::Info(fill(
                                tr.backup_restored,
                                &[("path", &before.display())],
                            )));
                        }
                        Err(e) => self.status = Some(Status::Error(tr.restore_error(&e))),
                    }
                }
            }
            Command::OpenReadOnly(path) => {
                self.screens = Screens::new(self.load_in_background);
                (self.db, self.status) =
                    open_read_only(&self.settings, &path, &self.waker, self.load_in_background);
            }
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
            Command::StartSandbox if self.training.is_none() => {
                let here = self.store().map(|s| s.path().to_path_buf());
                self.build_sandbox(here);
            }
            Command::ResetSandbox if self.training.is_some() => self.build_sandbox(None),
            Command::LeaveSandbox => {
                if let Some(training) = self.training.take() {
                    self.open_database(&training.return_to);
                }
            }
            Command::ExportTrainingProgress { trainee } => {
                let tr = self.tr();
                if let (Database::Open(session), Some(training)) = (&self.db, &mut self.training)
                    && let Some(path) = self
                        .picker
                        .save_file(tr.sandbox_progress_file, FileType::Json)
                {
                    training.trainee = trainee;
                    let written = training.export(&session.store, &path, tr);
                    self.status = Some(write_status(written, &path, tr));
                }
            }
            Command::ExportList(kind, format) => {
                let tr = self.tr();
                let name = match kind {
                    ListKind::Clients => tr.file_clients,
                    ListKind::Achievements => tr.file_achievements,
                    ListKind::Needs => tr.file_needs,
                    ListKind::Deals => tr.file_deals,
                };
                if let Database::Open(session) = &self.db
                    && self.export.is_none()
                    && let Some(path) = self.picker.save_file(name, format)
                {
                    match export_work(&self.screens, session, kind, format, tr) {
                        Ok(work) => {
                            let to = path.clone();
                            let job = Job::start(
                                self.load_in_background,
                                Arc::clone(&self.waker),
                                move |_, _| work.write(&to),
                            );
                            self.status = Some(Status::Info(fill(
                                tr.exporting,
                                &[("path", &path.display())],
                            )));
                            self.export = Some((job, path));
                        }
                        Err(e) => self.status = Some(write_status(Err(e), &path, tr)),
                    }
                }
            }
            Command::StartImport(kind) => {
                if !self.screens.import.is_busy() {
                    self.screens.import.reset(kind);
                }
                self.screens.navigate(Screen::Import);
                if kind.is_some() {
                    self.apply(Command::ImportPickFile);
                }
            }
            Command::ImportPickFile => {
                if let Some(path) = self.picker.open_file(FileType::Importable) {
                    self.apply(Command::ImportOpen(path));
                }
            }
            Command::ImportOpen(path) => {
                self.screens.navigate(Screen::Import);
                if !self.screens.import.is_busy()
                    && let Some(worker) = self.import_worker()
                {
                    self.screens.import.open_file(&path, worker);
                }
            }
            Command::ImportReload => {
                if let Some(worker) = self.import_worker() {
                    self.screens.import.reload(worker);
                }
            }
            Command::ImportSheet(sheet) => {
                if let Some(worker) = self.import_worker() {
                    self.screens.import.choose_sheet(sheet, worker);
                }
            }
            Command::ImportHeaderRow(row) => {
                if let Some(worker) = self.import_worker() {
                    self.screens.import.choose_header_row(row, worker);
                }
            }
            Command::ImportCheck => {
                if let Some(worker) = self.import_worker() {
                    self.screens.import.start_scan(worker);
                }
            }
            Command::ImportCommit => {
                if let Database::Open(session) = &self.db {
                    self.screens.import.start_commit(
                        session.store.path().to_path_buf(),
                        self.load_in_background,
                        Arc::clone(&self.waker),
                    );
                }
            }
            Command::ImportReset => self.screens.import.reset(None),
            Command::ImportSaveRejected => {
                let tr = self.tr();
                if let Some((mapping, rows)) = self.screens.import.rejected()
                    && let Some(path) = self.picker.save_file(tr.im_rejected_file, FileType::Csv)
                {
                    let written = write_rejected(&path, mapping, rows, tr);
                    self.status = Some(write_status(written, &path, tr));
                }
            }
            Command::ImportWritten => {
                // The import wrote through its own connection: read everything again, keeping
                // the import screen with its summary.
                let import = std::mem::take(&mut self.screens.import);
                let summary = import.summary_text(self.tr());
                if let Some(path) = self.store().map(|s| s.path().to_path_buf()) {
                    self.reopen(&path);
                }
                self.screens.import = import;
                self.screens.navigate(Screen::Import);
                if let Some(text) = summary {
                    self.status = Some(Status::Info(text));
                }
            }
            Command::ExportReport(format) => {
                let tr = self.tr();
                if let Database::Open(session) = &mut self.db
                    && let Some(report) = self.screens.report.report(&session.store, today())
                {
                    let name = format!("{}-{}", tr.rp_file, period_name(report.from, report.to));
                    if let Some(path) = self.picker.save_file(&name, format) {
                        let written = write_report(report, format, &path, tr);
                        // A class's exercise asks for this month's report; only a sandbox
                        // records that it was exported.
                        let this_month = (report.from..=report.to).contains(&today());
                        if written.is_ok()
                            && this_month
                            && let Err(e) = session.store.note_report_exported()
                        {
                            self.status = Some(Status::Error(fill(tr.db_error, &[("detail", &e)])));
                            return;
                        }
                        self.status = Some(write_status(written, &path, tr));
                    }
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
            session.refresh_if_changed_elsewhere(self.load_in_background, &self.waker);
            // Another window or the command line may write at any time: look again soon even
            // when nothing moves here.
            ui.ctx().request_repaint_after(REFRESH_EVERY);
            if ui.input_mut(|i| i.consume_shortcut(&NEW_CLIENT)) {
                cmds.push(Command::NewClient);
            }
        }
        let dropped = ui.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            cmds.push(Command::ImportOpen(path));
        }
        self.poll_sandbox();
        self.poll_export(tr);
        self.poll_backup(tr);
        if self.screens.import.poll() {
            cmds.push(Command::ImportWritten);
        }
        self.top_bar(ui, tr, &mut cmds);
        if self.store().is_some_and(Store::is_read_only) {
            egui::Panel::top("read_only_banner").show(ui, |ui| {
                error_text(ui, tr.read_only_banner);
            });
        }
        if let Some(training) = &mut self.training {
            training.banner(ui, tr, &mut cmds);
        }
        if let Some((building, _)) = &self.building {
            building_ui(building, ui, tr);
        }
        self.status_bar(ui);
        if self.about_open {
            self.about_open = about_dialog(ui, tr, self.default_db.parent());
        }
        match &self.db {
            Database::Open(session) => {
                if let Some(training) = &mut self.training {
                    training.panel(ui, &session.store, tr, &mut cmds);
                }
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
            Database::Elsewhere(path) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    open_elsewhere_ui(ui, path, tr, &mut cmds);
                });
            }
            Database::Closed => {
                egui::CentralPanel::default().show(ui, |_| {});
            }
        }
        if let Some(dialog) = &mut self.backups
            && !dialog.show(ui, tr, &mut cmds)
        {
            self.backups = None;
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
                    if ui.button(tr.menu_import).clicked() {
                        cmds.push(Command::StartImport(None));
                    }
                    if ui.button(tr.menu_backups).clicked() {
                        cmds.push(Command::ShowBackups);
                    }
                    ui.separator();
                    match &mut self.training {
                        None => {
                            if ui.button(tr.menu_sandbox_start).clicked() {
                                cmds.push(Command::StartSandbox);
                            }
                        }
                        Some(training) => {
                            if ui.button(tr.menu_sandbox_reset).clicked() {
                                training.ask_reset();
                            }
                            if ui.button(tr.menu_sandbox_leave).clicked() {
                                cmds.push(Command::LeaveSandbox);
                            }
                        }
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
                ui.menu_button(tr.menu_help, |ui| {
                    if ui.button(tr.menu_about).clicked() {
                        self.about_open = true;
                    }
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

/// The log beside the default database: the data directory, or a test's own folder.
fn log_path(default_db: &Path) -> PathBuf {
    default_db.with_file_name("techbroker.log")
}

/// Opens `path` with its catalogues, remembering it among the recent files when it opens and
/// `remember`.
fn open_session(
    settings: &mut Settings,
    log: &Path,
    path: &Path,
    waker: &Waker,
    background: bool,
    remember: bool,
) -> (Database, Option<Status>) {
    let lock_file = crate::store::lock_path(path);
    let lock_was_there = lock_file.exists();
    let lock = match InstanceLock::acquire(path) {
        Ok(lock) => Some(lock),
        Err(LockError::Elsewhere(path)) => return (Database::Elsewhere(path), None),
        // No lock file (a read-only folder, say): opening says what is wrong, or works alone.
        Err(LockError::Io { .. }) => None,
    };
    let store = match Store::open(path) {
        Ok(store) => store,
        Err(e) => {
            crate::log::open_error(log, &e);
            // A refused file keeps nothing of ours beside it.
            drop(lock);
            if !lock_was_there {
                let _ = std::fs::remove_file(&lock_file);
            }
            return (Database::Failed(e), None);
        }
    };
    // The sandbox is not among the recent files: the next start opens the broker's own.
    if remember {
        settings.remember(path);
    }
    let tr = settings.lang.tr();
    // The broker's own databases (not the sandbox) are backed up on the first start of a day.
    let backup = remember.then(|| {
        let db = path.to_path_buf();
        let today = crate::ui::shell::screens::today();
        Job::start(background, Arc::clone(waker), move |_, _| {
            crate::store::daily_backup(&db, today).map_err(|e| e.to_string())
        })
    });
    let fields = store.list_fields().unwrap_or_default();
    let catalogs = load_catalogs(&store, waker, background);
    let status = Status::Info(fill(tr.opened, &[("path", &path.display())]));
    (
        Database::Open(Box::new(Session {
            store,
            catalogs,
            fields,
            _lock: lock,
            backup,
        })),
        Some(status),
    )
}

/// The catalogues of a database just opened: on a worker in the window, at once in tests.
fn load_catalogs(store: &Store, waker: &Waker, background: bool) -> Catalogs {
    if background {
        let waker = Arc::clone(waker);
        match store.reader() {
            Ok(reader) => Catalogs::start(reader, move || waker()),
            Err(e) => Catalogs::failed(e.to_string()),
        }
    } else {
        Catalogs::load_now(store).unwrap_or_else(|e| Catalogs::failed(e.to_string()))
    }
}

/// Opens `path` for reading only, beside the window that has it.
fn open_read_only(
    settings: &Settings,
    path: &Path,
    waker: &Waker,
    background: bool,
) -> (Database, Option<Status>) {
    let store = match Store::open_read_only(path) {
        Ok(store) => store,
        Err(e) => return (Database::Failed(e), None),
    };
    let tr = settings.lang.tr();
    let fields = store.list_fields().unwrap_or_default();
    let catalogs = load_catalogs(&store, waker, background);
    let status = fill(tr.opened_read_only, &[("path", &path.display())]);
    (
        Database::Open(Box::new(Session {
            store,
            catalogs,
            fields,
            _lock: None,
            backup: None,
        })),
        Some(Status::Info(status)),
    )
}

/// The file is open in another window: read it here without writing, or quit.
fn open_elsewhere_ui(ui: &mut Ui, path: &Path, tr: &Tr, cmds: &mut Vec<Command>) {
    ui.add_space(24.0);
    ui.heading(tr.open_elsewhere_title);
    ui.add_space(8.0);
    ui.label(RichText::new(path.display().to_string()).monospace());
    ui.add_space(8.0);
    ui.label(tr.open_elsewhere_text);
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(tr.open_read_only).clicked() {
            cmds.push(Command::OpenReadOnly(path.to_path_buf()));
        }
        if ui.button(tr.quit).clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    });
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
    error_text(ui, &tr.open_error(error));
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

impl eframe::App for TechBrokerApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

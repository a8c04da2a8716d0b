//! The window: top bar, navigation, the current screen, and the one place commands are applied.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Tr, fill};
use crate::store::{OpenError, Store};
use crate::ui::command::{Command, Screen};
use crate::ui::shell::about::about_dialog;
use crate::ui::shell::actions::{Action, Menu, Palette, actions, menu_entries, shortcuts};
use crate::ui::shell::apply::Attaching;
use crate::ui::shell::backups::BackupsDialog;
use crate::ui::shell::picker::FilePicker;
use crate::ui::shell::screens::Screens;
use crate::ui::shell::session::Opened;
pub use crate::ui::shell::session::Session;
use crate::ui::shell::training::{Building, Training, building_ui};
use crate::ui::view::Cx;
use crate::ui::widgets::{error_text, today};
use crate::ui::workers::Workers;
use crate::work::{Job, Waker};

mod sandbox;

const SETTINGS_KEY: &str = "techbroker_settings";
const MAX_RECENT: usize = 8;
/// How often an idle window looks for writes made elsewhere.
const REFRESH_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// What is remembered between runs (eframe persistence); the database stays the source of truth.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    /// The trainee's name in the training sandbox, kept for the next class.
    pub trainee: String,
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

pub(super) enum Database {
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
    pub(super) settings: Settings,
    pub(super) default_db: PathBuf,
    pub(super) db: Database,
    pub(super) screens: Screens,
    pub(super) status: Option<Status>,
    pub(super) picker: Box<dyn FilePicker>,
    pub(super) workers: Workers,
    pub(super) sandbox_db: PathBuf,
    pub(super) training: Option<Training>,
    /// The sandbox being built, and the database to go back to when leaving it.
    pub(super) building: Option<(Building, PathBuf)>,
    /// A list being written on a worker, and where.
    pub(super) export: Option<(Job<(), anyhow::Error>, PathBuf)>,
    /// Documents being copied on workers, to record in the open database when copied.
    pub(super) attaching: Vec<Attaching>,
    pub(super) backups: Option<BackupsDialog>,
    pub(super) about_open: bool,
    pub(super) palette: Option<Palette>,
    /// Joining a team, the sync rounds and their status, for the open database.
    pub(super) team: crate::ui::shell::team::Team,
    /// The command table behind the menus, the keys and the palette.
    actions: Vec<Action>,
}

impl TechBrokerApp {
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        crate::ui::shell::fonts::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let ctx = cc.egui_ctx.clone();
        let waker: Waker = Arc::new(move || ctx.request_repaint());
        let workers = Workers {
            background: start.load_in_background,
            waker,
        };
        let path = start
            .db
            .clone()
            .or_else(|| settings.last_db().cloned())
            .unwrap_or_else(|| start.default_db.clone());
        let mut app = Self {
            settings,
            default_db: start.default_db,
            db: Database::Closed,
            screens: Screens::default(),
            status: None,
            picker: start.picker,
            workers,
            sandbox_db: start.sandbox_db,
            training: None,
            building: None,
            export: None,
            attaching: Vec::new(),
            backups: None,
            about_open: false,
            palette: None,
            team: Default::default(),
            actions: actions(),
        };
        if start.demo {
            app.start_sandbox(Some(path));
        } else {
            app.connect(&path, true);
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
        self.session().map(Session::store)
    }

    pub fn screen(&self) -> Screen {
        self.screens.current
    }

    pub(super) fn tr(&self) -> &'static Tr {
        self.settings.lang.tr()
    }

    /// Opens `path` with fresh screens; `remember` puts it among the recent files and backs it
    /// up once a day (the broker's own databases, not the sandbox).
    pub(super) fn connect(&mut self, path: &Path, remember: bool) {
        self.screens = Screens::default();
        self.stop_attaching();
        // The password and the rounds belong to the database that was open.
        self.team = Default::default();
        // The old session lets go of its lock first: reopening the same file is no second window.
        self.db = Database::Closed;
        let log = log_path(&self.default_db);
        let backup_on = remember.then(today);
        (self.db, self.status) = match Session::open(path, &log, &self.workers, backup_on) {
            Opened::Open(session) => {
                if remember {
                    self.settings.remember(path);
                }
                let opened = fill(self.tr().opened, &[("path", &path.display())]);
                (Database::Open(session), Some(Status::Info(opened)))
            }
            Opened::Elsewhere(path) => (Database::Elsewhere(path), None),
            Opened::Failed(e) => (Database::Failed(e), None),
        };
    }

    /// Opens `path` for reading only, beside the window that has it.
    pub(super) fn connect_read_only(&mut self, path: &Path) {
        self.screens = Screens::default();
        self.stop_attaching();
        self.team = Default::default();
        (self.db, self.status) = match Session::open_read_only(path, &self.workers) {
            Ok(session) => {
                let opened = fill(self.tr().opened_read_only, &[("path", &path.display())]);
                (
                    Database::Open(Box::new(session)),
                    Some(Status::Info(opened)),
                )
            }
            Err(e) => (Database::Failed(e), None),
        };
    }

    /// The copies under way are for the records of the database that was open: they stop, and
    /// leave no file behind.
    fn stop_attaching(&mut self) {
        for attaching in self.attaching.drain(..) {
            attaching.cancel();
        }
    }

    /// Leaves the sandbox (if in it) for `path`.
    pub(super) fn open_database(&mut self, path: &Path) {
        self.training = None;
        self.reopen(path);
    }

    /// Opens `path` again with fresh screens, staying in training mode if in it.
    pub(super) fn reopen(&mut self, path: &Path) {
        let remember = self.training.is_none();
        self.connect(path, remember);
    }

    /// Lands what workers finished: the day's backup, a list export, documents copied, the
    /// catalogues, writes made elsewhere; says what went wrong, once.
    fn poll(&mut self, tr: &Tr) {
        if let Database::Open(session) = &mut self.db {
            session.frame(&self.workers);
            if let Some(e) = session.take_problem() {
                self.status = Some(Status::Error(fill(tr.db_error, &[("detail", &e)])));
            }
            if let Some(Err(e)) = session.poll_backup() {
                self.status = Some(Status::Error(fill(tr.backup_failed, &[("detail", &e)])));
            }
        }
        if let Some((job, path)) = &self.export
            && let Some(written) = job.poll()
        {
            self.status = Some(super::export::write_status(written, path, tr));
            self.export = None;
        }
        self.poll_attaching();
        self.poll_sandbox();
        let store = match &self.db {
            Database::Open(session) => Some(session.store()),
            Database::Failed(_) | Database::Elsewhere(_) | Database::Closed => None,
        };
        if let Some(status) = self.team.poll(store, &self.workers, tr) {
            self.status = Some(status);
        }
    }

    /// Draws the whole window; used by eframe and by the UI tests.
    pub fn show(&mut self, ui: &mut Ui) {
        let tr = self.tr();
        let mut cmds = Vec::new();
        crate::ui::widgets::keys::follow_input(ui.ctx());
        self.poll(tr);
        if let Database::Open(_) = &self.db {
            // Another window or the command line may write at any time: look again soon even
            // when nothing moves here.
            ui.ctx().request_repaint_after(REFRESH_EVERY);
            shortcuts(ui, &self.actions, &mut cmds);
        }
        let dropped = ui.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            cmds.push(Command::ImportOpen(path));
        }
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
        self.attaching_ui(ui, tr);
        if self.about_open {
            self.about_open = about_dialog(ui, tr, self.default_db.parent());
        }
        match &mut self.db {
            Database::Open(session) => {
                session.refresh_clients();
                let session: &Session = session;
                if let Some(training) = &mut self.training {
                    training.panel(ui, session.store(), tr, &mut cmds);
                }
                let mut cx = Cx {
                    store: session.store(),
                    catalogs: session.catalogs(),
                    fields: session.fields(),
                    clients: session.clients(),
                    tr,
                    today: today(),
                    workers: &self.workers,
                    cmds: &mut cmds,
                };
                self.screens.navigation(ui, &mut cx);
                egui::CentralPanel::default().show(ui, |ui| {
                    self.screens.central(ui, &mut cx);
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
        if let Some(palette) = &mut self.palette
            && !palette.show(ui, &self.actions, tr, &mut cmds)
        {
            self.palette = None;
        }
        self.team.dialogs(ui, tr, &mut cmds);
        crate::ui::widgets::keys::end_frame(ui.ctx());
        for cmd in cmds {
            self.apply(cmd);
        }
    }

    fn top_bar(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(tr.menu_file, |ui| {
                    menu_entries(ui, &self.actions, Menu::File, tr, cmds);
                    if ui.button(tr.menu_default_db).clicked() {
                        cmds.push(Command::OpenDatabaseAt(self.default_db.clone()));
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
                if self.session().is_some() {
                    ui.menu_button(tr.menu_go, |ui| {
                        menu_entries(ui, &self.actions, Menu::Go, tr, cmds);
                    });
                }
                ui.menu_button(tr.menu_help, |ui| {
                    menu_entries(ui, &self.actions, Menu::Help, tr, cmds);
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
                    self.team.bar_ui(ui, tr, cmds);
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

/// By then the first frames are drawn, so the renderer's start is over (see `resident`); the
/// window (not the UI tests, which call `show`) lets go of the code it ran once.
const RELEASE_START_AT_FRAME: u64 = 2;

impl eframe::App for TechBrokerApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if ui.ctx().cumulative_frame_nr() == RELEASE_START_AT_FRAME {
            // Only memory is at stake: should smaps be unreadable, the pages simply stay.
            let _ = crate::resident::release_clean_file_pages();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(training) = &self.training {
            self.settings.trainee = training.trainee.clone();
        }
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

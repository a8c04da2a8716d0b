//! The window: top bar, navigation, the current screen, and the one place commands are applied.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::client_detail::{ClientDetail, InteractionForm};
use super::client_form::ClientForm;
use super::clients::ClientsScreen;
use super::command::{Command, Screen};
use super::follow_ups::FollowUpsScreen;
use super::picker::FilePicker;
use super::trash::TrashScreen;
use super::widgets::error_text;
use crate::domain::ClientDraft;
use crate::i18n::{Lang, Tr, fill};
use crate::store::{OpenError, SaveError, Store, StoreError};

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
}

enum Database {
    Open(Store),
    Failed(OpenError),
}

enum Status {
    Info(String),
    Error(String),
}

pub struct TechBrokerApp {
    settings: Settings,
    default_db: PathBuf,
    db: Database,
    screen: Screen,
    clients: ClientsScreen,
    client_form: ClientForm,
    detail: Option<ClientDetail>,
    follow_ups: FollowUpsScreen,
    trash: TrashScreen,
    status: Option<Status>,
    picker: Box<dyn FilePicker>,
}

impl TechBrokerApp {
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        Self::with_settings(settings, start)
    }

    pub fn with_settings(settings: Settings, start: StartOptions) -> Self {
        let path = start
            .db
            .clone()
            .or_else(|| settings.last_db().cloned())
            .unwrap_or_else(|| start.default_db.clone());
        let mut settings = settings;
        let (db, status) = open_store(&mut settings, &path);
        Self {
            settings,
            default_db: start.default_db,
            db,
            screen: Screen::default(),
            clients: ClientsScreen::default(),
            client_form: ClientForm::default(),
            detail: None,
            follow_ups: FollowUpsScreen::default(),
            trash: TrashScreen::default(),
            status,
            picker: start.picker,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The open database, if one is open.
    pub fn store(&self) -> Option<&Store> {
        match &self.db {
            Database::Open(store) => Some(store),
            Database::Failed(_) => None,
        }
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    fn tr(&self) -> &'static Tr {
        self.settings.lang.tr()
    }

    fn today() -> NaiveDate {
        chrono::Local::now().date_naive()
    }

    fn open_database(&mut self, path: &Path) {
        self.clients.reset();
        self.follow_ups.reset();
        self.trash.reset();
        self.detail = None;
        self.screen = Screen::Clients;
        (self.db, self.status) = open_store(&mut self.settings, path);
    }

    /// Applies one command. Every write to the store happens here.
    pub fn apply(&mut self, cmd: Command) {
        let tr = self.tr();
        match cmd {
            Command::SetLanguage(lang) => self.settings.lang = lang,
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
            Command::Navigate(screen) => self.navigate(screen),
            Command::NewClient => {
                self.client_form = ClientForm::new_client();
                self.screen = Screen::ClientForm;
            }
            cmd => {
                let Database::Open(store) = &mut self.db else {
                    return;
                };
                self.status = Self::apply_to_store(
                    store,
                    cmd,
                    tr,
                    &mut self.screen,
                    &mut self.client_form,
                    &mut self.detail,
                );
            }
        }
    }

    fn navigate(&mut self, screen: Screen) {
        if let Screen::Client(id) = screen
            && self.detail.as_ref().is_none_or(|d| d.client_id != id)
        {
            self.detail = Some(ClientDetail::new(id, Self::today()));
        }
        self.screen = screen;
    }

    /// The commands that read or write the open database. Returns the status line to show.
    fn apply_to_store(
        store: &mut Store,
        cmd: Command,
        tr: &Tr,
        screen: &mut Screen,
        client_form: &mut ClientForm,
        detail: &mut Option<ClientDetail>,
    ) -> Option<Status> {
        let store_error = |e: StoreError| {
            Some(Status::Error(match e {
                StoreError::NotFound => tr.not_found.to_string(),
                StoreError::NameTaken(name) => fill(tr.name_taken, &[("name", &name)]),
                StoreError::Sqlite(e) => fill(tr.db_error, &[("detail", &e)]),
            }))
        };
        let saved = || Some(Status::Info(tr.saved.to_string()));
        match cmd {
            Command::EditClient(id) => match store.get_client(id) {
                Ok(Some(client)) => {
                    *client_form = ClientForm::edit(id, ClientDraft::from(&client));
                    *screen = Screen::ClientForm;
                    None
                }
                Ok(None) => store_error(StoreError::NotFound),
                Err(e) => store_error(e),
            },
            Command::SaveClient { id, draft } => match store.save_client(id, &draft) {
                Ok(id) => {
                    *detail = Some(ClientDetail::new(id, Self::today()));
                    *screen = Screen::Client(id);
                    saved()
                }
                Err(SaveError::Invalid(errors)) => {
                    client_form.errors = errors;
                    None
                }
                Err(SaveError::Store(e)) => store_error(e),
            },
            Command::DeleteClient(id) => {
                let name = store.get_client(id).ok().flatten().map(|c| c.name);
                match store.delete_client(id) {
                    Ok(()) => {
                        *screen = Screen::Clients;
                        let name = name.unwrap_or_default();
                        Some(Status::Info(fill(tr.moved_to_trash, &[("name", &name)])))
                    }
                    Err(e) => store_error(e),
                }
            }
            Command::Restore(kind, id) => match store.restore(kind, id) {
                Ok(()) => Some(Status::Info(tr.restored.to_string())),
                Err(e) => store_error(e),
            },
            Command::SaveContact { client, id, draft } => {
                match store.save_contact(client, id, &draft) {
                    Ok(_) => {
                        if let Some(d) = detail {
                            d.contact_form = None;
                        }
                        saved()
                    }
                    Err(SaveError::Invalid(errors)) => {
                        if let Some(form) = detail.as_mut().and_then(|d| d.contact_form.as_mut()) {
                            form.errors = errors;
                        }
                        None
                    }
                    Err(SaveError::Store(e)) => store_error(e),
                }
            }
            Command::DeleteContact(id) => match store.delete_contact(id) {
                Ok(()) => Some(Status::Info(fill(
                    tr.moved_to_trash,
                    &[("name", &tr.trash_contact)],
                ))),
                Err(e) => store_error(e),
            },
            Command::AddInteraction { client, draft } => {
                match store.add_interaction(client, &draft) {
                    Ok(_) => {
                        if let Some(d) = detail {
                            d.interaction_form = InteractionForm::new(Self::today());
                        }
                        saved()
                    }
                    Err(SaveError::Invalid(errors)) => {
                        if let Some(d) = detail {
                            d.interaction_form.errors = errors;
                        }
                        None
                    }
                    Err(SaveError::Store(e)) => store_error(e),
                }
            }
            Command::CompleteFollowUp(id) => match store.complete_follow_up(id) {
                Ok(()) => Some(Status::Info(tr.marked_done.to_string())),
                Err(e) => store_error(e),
            },
            Command::SetLanguage(_)
            | Command::NewDatabase
            | Command::OpenDatabase
            | Command::OpenDatabaseAt(_)
            | Command::Navigate(_)
            | Command::NewClient => None,
        }
    }

    /// Draws the whole window; used by eframe and by the UI tests.
    pub fn show(&mut self, ui: &mut Ui) {
        let tr = self.tr();
        let mut cmds = Vec::new();
        if ui.input_mut(|i| i.consume_shortcut(&NEW_CLIENT)) && self.store().is_some() {
            cmds.push(Command::NewClient);
        }
        self.top_bar(ui, tr, &mut cmds);
        self.status_bar(ui);
        if self.store().is_some() {
            self.navigation(ui, tr, &mut cmds);
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, tr, &mut cmds));
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
                if let Database::Open(store) = &self.db {
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

    fn navigation(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let due = match &self.db {
            Database::Open(store) => self.follow_ups.count(store, Self::today()),
            Database::Failed(_) => 0,
        };
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| {
                ui.add_space(8.0);
                let on_clients = matches!(
                    self.screen,
                    Screen::Clients | Screen::Client(_) | Screen::ClientForm
                );
                let follow_ups = if due > 0 {
                    format!("{} ({due})", tr.nav_follow_ups)
                } else {
                    tr.nav_follow_ups.to_string()
                };
                for (selected, label, screen) in [
                    (on_clients, tr.nav_clients.to_string(), Screen::Clients),
                    (
                        self.screen == Screen::FollowUps,
                        follow_ups,
                        Screen::FollowUps,
                    ),
                    (
                        self.screen == Screen::Trash,
                        tr.nav_trash.to_string(),
                        Screen::Trash,
                    ),
                ] {
                    let button =
                        egui::Button::selectable(selected, RichText::new(label).size(16.0));
                    if ui.add_sized([ui.available_width(), 32.0], button).clicked() {
                        cmds.push(Command::Navigate(screen));
                    }
                }
            });
    }

    fn central(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let today = Self::today();
        let store = match &self.db {
            Database::Open(store) => store,
            Database::Failed(error) => {
                open_failure_ui(ui, error, tr, cmds);
                return;
            }
        };
        match self.screen {
            Screen::Clients => self.clients.ui(ui, store, tr, cmds),
            Screen::ClientForm => self.client_form.ui(ui, tr, cmds),
            Screen::Client(_) => match &mut self.detail {
                Some(detail) => detail.ui(ui, store, tr, cmds),
                None => self.clients.ui(ui, store, tr, cmds),
            },
            Screen::FollowUps => self.follow_ups.ui(ui, store, today, tr, cmds),
            Screen::Trash => self.trash.ui(ui, store, tr, cmds),
        }
    }
}

/// Opens `path`, remembering it among the recent files when it opens.
fn open_store(settings: &mut Settings, path: &Path) -> (Database, Option<Status>) {
    match Store::open(path) {
        Ok(store) => {
            settings.remember(path);
            let status = fill(settings.lang.tr().opened, &[("path", &path.display())]);
            (Database::Open(store), Some(Status::Info(status)))
        }
        Err(e) => (Database::Failed(e), None),
    }
}

/// Says why the database did not open and offers the ways on.
fn open_failure_ui(ui: &mut Ui, error: &OpenError, tr: &Tr, cmds: &mut Vec<Command>) {
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

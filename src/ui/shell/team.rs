//! The team from the window: File → Join a team…, the sync status in the top bar with its Sync
//! button, the password asked once a session (kept in memory only), and rounds run on a worker.
//! Each round opens its own connection to the file, so the window never waits on the network;
//! it follows the round's writes as it follows any other connection's.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use crate::domain::team::{SyncReport, TeamStatus};
use crate::i18n::{Tr, fill};
use crate::store::team::{self, ServerError, TeamError};
use crate::store::{OpenError, Store};
use crate::ui::command::{Command, Screen, Secret, TeamCommand};
use crate::ui::reload::Reloaded;
use crate::ui::shell::app::Status;
use crate::ui::widgets::error_text;
use crate::ui::workers::Workers;
use crate::work::{Job, Lost};

/// How often a member's window syncs by itself once the password is known.
const SYNC_EVERY: Duration = Duration::from_secs(5 * 60);

/// Why a round run from the window did not go through.
#[derive(Debug)]
pub enum RoundError {
    /// The worker could not open the file.
    Open(OpenError),
    Team(TeamError),
    Lost,
}

impl From<Lost> for RoundError {
    fn from(_: Lost) -> Self {
        RoundError::Lost
    }
}

impl From<TeamError> for RoundError {
    fn from(e: TeamError) -> Self {
        RoundError::Team(e)
    }
}

fn round_error(e: &RoundError, tr: &Tr) -> String {
    match e {
        RoundError::Open(e) => tr.open_error(e),
        RoundError::Team(e) => tr.team_error(e),
        // The worker stopped short; every write on either side is whole, as after a cut line.
        RoundError::Lost => tr.team_err_interrupted.to_string(),
    }
}

fn wrong_password(e: &RoundError) -> bool {
    matches!(
        e,
        RoundError::Team(TeamError::Server(ServerError::WrongPassword))
    )
}

#[derive(Default)]
struct JoinDialog {
    server: String,
    user: String,
    password: String,
    error: Option<String>,
    /// The keyboard went to the first field once (asking every frame would stop input on X11).
    focused: bool,
}

#[derive(Default)]
struct PasswordDialog {
    password: String,
    error: Option<String>,
    focused: bool,
}

enum Round {
    Join { server: String },
    Sync,
}

struct Running {
    round: Round,
    /// The password the round uses: kept for the session once the server took it.
    password: Secret,
    job: Job<SyncReport, RoundError>,
}

/// The team's part of the window, for the open database.
#[derive(Default)]
pub struct Team {
    join: Option<JoinDialog>,
    ask: Option<PasswordDialog>,
    password: Option<Secret>,
    running: Option<Running>,
    status: Reloaded<u64, Option<TeamStatus>>,
    next_round: Option<Instant>,
    /// When the last round of this session ended well (RFC 3339, UTC): a round that found
    /// nothing to do writes nothing, its time included.
    last_round: Option<String>,
}

impl Team {
    pub fn open_join(&mut self) {
        if self.join.is_none() {
            self.join = Some(JoinDialog::default());
        }
    }

    /// Makes the database at `db` a member on a worker; the dialog shows how it went.
    pub fn start_join(
        &mut self,
        db: PathBuf,
        server: String,
        user: String,
        password: Secret,
        workers: &Workers,
    ) {
        if self.running.is_some() {
            return;
        }
        let url = server.clone();
        let pw = password.0.clone();
        let job = workers.start(move |_, _| {
            let mut store = Store::open(&db).map_err(RoundError::Open)?;
            Ok(team::join(&mut store, &url, &user, &pw)?)
        });
        self.running = Some(Running {
            round: Round::Join { server },
            password,
            job,
        });
    }

    /// A round with `password` (or the one known this session); without one, asks for it.
    pub fn start_sync(&mut self, db: PathBuf, password: Option<Secret>, workers: &Workers) {
        if self.running.is_some() {
            return;
        }
        let Some(password) = password.or_else(|| self.password.clone()) else {
            self.ask.get_or_insert_with(PasswordDialog::default);
            return;
        };
        self.ask = None;
        let pw = password.0.clone();
        let job = workers.start(move |_, _| {
            let mut store = Store::open(&db).map_err(RoundError::Open)?;
            Ok(team::sync(&mut store, &pw)?)
        });
        self.running = Some(Running {
            round: Round::Sync,
            password,
            job,
        });
    }

    /// Once a frame: lands a finished round (what it did, for the status line) and starts the
    /// background round when it is due.
    pub fn poll(&mut self, store: Option<&Store>, workers: &Workers, tr: &Tr) -> Option<Status> {
        if let Some(store) = store {
            self.status
                .refresh(store.revision(), || store.team_status());
        }
        if let Some(running) = &self.running
            && let Some(done) = running.job.poll()
            && let Some(running) = self.running.take()
        {
            return self.landed(running, done, tr);
        }
        let member = matches!(self.status.get(), Some(Some(_)));
        if let Some(store) = store
            && member
            && !store.is_read_only()
            && self.password.is_some()
            && self.next_round.is_some_and(|at| Instant::now() >= at)
        {
            self.next_round = None;
            self.start_sync(store.path().to_path_buf(), None, workers);
        }
        None
    }

    fn landed(
        &mut self,
        running: Running,
        done: Result<SyncReport, RoundError>,
        tr: &Tr,
    ) -> Option<Status> {
        Some(match done {
            Ok(report) => {
                self.password = Some(running.password);
                self.last_round = Some(chrono::Utc::now().to_rfc3339());
                self.next_round = Some(Instant::now() + SYNC_EVERY);
                self.status.invalidate();
                match running.round {
                    Round::Join { server } => {
                        self.join = None;
                        Status::Info(fill(
                            tr.team_joined,
                            &[
                                ("server", &server),
                                ("pushed", &report.pushed),
                                ("pulled", &report.pulled),
                            ],
                        ))
                    }
                    Round::Sync => Status::Info(sync_done(&report, tr)),
                }
            }
            Err(e) => {
                let text = round_error(&e, tr);
                match running.round {
                    // The dialog says it, where the broker typed.
                    Round::Join { .. } => {
                        if let Some(dialog) = &mut self.join {
                            dialog.error = Some(text);
                        }
                        return None;
                    }
                    Round::Sync if wrong_password(&e) => {
                        self.password = None;
                        self.ask = Some(PasswordDialog {
                            error: Some(text.clone()),
                            ..PasswordDialog::default()
                        });
                    }
                    // Tried again at the next round; meanwhile the laptop works offline.
                    Round::Sync => self.next_round = Some(Instant::now() + SYNC_EVERY),
                }
                Status::Error(fill(tr.team_sync_failed, &[("detail", &text)]))
            }
        })
    }

    /// The top bar's part for a member: last sync, pending, conflicts, and the Sync button.
    pub fn bar_ui(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        if let Some(e) = self.status.error() {
            error_text(ui, &fill(tr.db_error, &[("detail", &e)]));
        }
        let Some(Some(status)) = self.status.get() else {
            return;
        };
        ui.separator();
        // Both are UTC in RFC 3339, which sorts as the times do.
        let last = [&status.membership.last_sync, &self.last_round]
            .into_iter()
            .flatten()
            .max();
        let synced = match last.map(String::as_str).and_then(clock) {
            Some(time) => fill(tr.team_synced_at, &[("time", &time)]),
            None => tr.team_not_synced.to_string(),
        };
        let pending = fill(tr.team_pending, &[("n", &status.pending)]);
        ui.label(format!("{synced} · {pending} ·"))
            .on_hover_text(fill(
                tr.team_member_as,
                &[
                    ("user", &status.membership.user),
                    ("role", &tr.role(status.membership.role)),
                    ("server", &status.membership.server),
                ],
            ));
        let conflicts = fill(tr.team_conflicts_n, &[("n", &status.conflicts)]);
        let conflicts = if status.conflicts > 0 {
            RichText::new(conflicts).color(ui.visuals().warn_fg_color)
        } else {
            RichText::new(conflicts)
        };
        if ui.link(conflicts).clicked() {
            cmds.push(Command::Navigate(Screen::TeamConflicts));
        }
        if self.running.is_some() {
            ui.spinner();
            ui.label(tr.team_syncing);
        } else if ui.button(tr.team_sync).clicked() {
            cmds.push(Command::Team(TeamCommand::Sync));
        }
    }

    /// The join dialog and the password question, when open.
    pub fn dialogs(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let joining = matches!(
            &self.running,
            Some(Running {
                round: Round::Join { .. },
                ..
            })
        );
        if let Some(dialog) = &mut self.join
            && !join_ui(dialog, joining, ui, tr, cmds)
        {
            self.join = None;
        }
        let (user, server) = match self.status.get() {
            Some(Some(s)) => (s.membership.user.clone(), s.membership.server.clone()),
            _ => (String::new(), String::new()),
        };
        if let Some(dialog) = &mut self.ask
            && !password_ui(dialog, &user, &server, ui, tr, cmds)
        {
            self.ask = None;
        }
    }
}

/// What a round did, for the status line.
fn sync_done(report: &SyncReport, tr: &Tr) -> String {
    fill(
        tr.team_sync_done,
        &[
            ("pushed", &report.pushed),
            ("pulled", &report.pulled),
            ("conflicts", &report.conflicts),
            ("waiting", &report.waiting),
        ],
    )
}

/// A stored time as the local clock shows it (with the day when it is not today).
fn clock(at: &str) -> Option<String> {
    let at = chrono::DateTime::parse_from_rfc3339(at).ok()?;
    let local = at.with_timezone(&chrono::Local);
    let format = if local.date_naive() == chrono::Local::now().date_naive() {
        "%H:%M"
    } else {
        "%Y-%m-%d %H:%M"
    };
    Some(local.format(format).to_string())
}

/// A labelled one-line field of a dialog's grid.
fn field(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    hint: Option<&str>,
    secret: bool,
) -> egui::Response {
    let label = ui.label(label);
    let mut edit = egui::TextEdit::singleline(text)
        .password(secret)
        .desired_width(320.0);
    if let Some(hint) = hint {
        edit = edit.hint_text(hint);
    }
    let response = ui.add(edit).labelled_by(label.id);
    ui.end_row();
    response
}

/// Enter in `field` (which gives up the focus on Enter) submits the dialog.
fn entered(ui: &Ui, field: &egui::Response) -> bool {
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Draws the join dialog; false once it is closed.
fn join_ui(
    dialog: &mut JoinDialog,
    joining: bool,
    ui: &mut Ui,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("team_join_dialog")).show(ui.ctx(), |ui| {
        ui.heading(tr.team_join_title);
        ui.label(tr.team_join_intro);
        ui.add_space(8.0);
        let submit = egui::Grid::new("team_join_grid")
            .num_columns(2)
            .show(ui, |ui| {
                let server = field(
                    ui,
                    tr.team_server,
                    &mut dialog.server,
                    Some(tr.team_server_hint),
                    false,
                );
                if !dialog.focused {
                    server.request_focus();
                    dialog.focused = true;
                }
                field(ui, tr.team_user, &mut dialog.user, None, false);
                let password = field(ui, tr.team_password, &mut dialog.password, None, true);
                entered(ui, &password)
            })
            .inner;
        ui.label(RichText::new(tr.team_password_memory).weak());
        if let Some(e) = &dialog.error {
            error_text(ui, e);
        }
        ui.add_space(8.0);
        if joining {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.team_joining);
            });
            return;
        }
        ui.horizontal(|ui| {
            if ui.button(tr.team_join).clicked() || submit {
                let (server, user) = (dialog.server.trim(), dialog.user.trim());
                if server.is_empty() || user.is_empty() || dialog.password.is_empty() {
                    dialog.error = Some(tr.team_join_missing.to_string());
                } else {
                    dialog.error = None;
                    cmds.push(Command::Team(TeamCommand::Join {
                        server: server.to_string(),
                        user: user.to_string(),
                        password: Secret(dialog.password.clone()),
                    }));
                }
            }
            if ui.button(tr.cancel).clicked() {
                open = false;
            }
        });
    });
    // Esc or a click outside closes it, but not while the join is under way.
    open && (joining || !modal.should_close())
}

/// Asks for the member's password; false once it is closed.
fn password_ui(
    dialog: &mut PasswordDialog,
    user: &str,
    server: &str,
    ui: &mut Ui,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("team_password_dialog")).show(ui.ctx(), |ui| {
        ui.heading(tr.team_password_title);
        ui.label(fill(
            tr.team_password_for,
            &[("user", &user), ("server", &server)],
        ));
        let submit = egui::Grid::new("team_password_grid")
            .num_columns(2)
            .show(ui, |ui| {
                let password = field(ui, tr.team_password, &mut dialog.password, None, true);
                if !dialog.focused {
                    password.request_focus();
                    dialog.focused = true;
                }
                entered(ui, &password)
            })
            .inner;
        ui.label(RichText::new(tr.team_password_memory).weak());
        if let Some(e) = &dialog.error {
            error_text(ui, e);
        }
        ui.horizontal(|ui| {
            if (ui.button(tr.team_password_go).clicked() || submit) && !dialog.password.is_empty() {
                cmds.push(Command::Team(TeamCommand::SyncWith(Secret(
                    dialog.password.clone(),
                ))));
            }
            if ui.button(tr.cancel).clicked() {
                open = false;
            }
        });
    });
    open && !modal.should_close()
}

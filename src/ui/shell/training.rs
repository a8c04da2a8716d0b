//! The training sandbox in the window: building it on a worker thread, the banner every screen
//! shows, the reset confirmation and the guided exercise panel.

use crate::ui::widgets::read_error;
use std::path::{Path, PathBuf};

use egui::{Color32, RichText, Ui};

use crate::domain::NeedId;
use crate::domain::training::{Progress, Task};
use crate::i18n::{Tr, fill};
use crate::sandbox::progress::write_progress;
use crate::store::{Store, StoreError};
use crate::ui::command::Command;
use crate::ui::reload::Reloaded;
use crate::ui::screens::matching::Subject;
use crate::ui::widgets::today;
use crate::work::{Job, Waker};

/// A sandbox being built on a worker thread: the prepared file once done.
pub type Building = Job<PathBuf, String>;

/// Prepares a fresh sandbox for `path` (see [`crate::sandbox::prepare`]): on a worker thread
/// that calls `wake` as it goes when `background`, else before returning.
pub fn start_build(path: &Path, background: bool, wake: Waker) -> Building {
    let path = path.to_path_buf();
    Job::start(background, wake, move |_, progress| {
        let mut report = |n: usize, of: usize| progress(n as u64, of as u64);
        crate::sandbox::prepare(&path, today(), &mut report).map_err(|e| format!("{e:#}"))
    })
}

/// The build's progress, over whatever screen is shown.
pub fn building_ui(building: &Building, ui: &mut Ui, tr: &Tr) {
    egui::Modal::new(egui::Id::unique("sandbox_building")).show(ui.ctx(), |ui| {
        ui.label(tr.sandbox_building);
        ui.add(egui::ProgressBar::new(building.fraction()).desired_width(280.0));
    });
}

/// The sandbox while it is open: where to go back to, and the exercise panel's state.
/// The narrowest window the exercise panel opens in by itself.
const WIDE_ENOUGH: f32 = 1280.0;

pub struct Training {
    pub return_to: PathBuf,
    pub trainee: String,
    /// Whether the exercise panel shows; decided by the window's width until the trainee says.
    show_tasks: Option<bool>,
    confirm_reset: bool,
    /// The exercises done, and the need the exercises are about.
    read: Reloaded<u64, (Progress, Option<(NeedId, String)>)>,
}

/// The exercise's text, with the need's title where it names the need.
pub fn task_text(tr: &Tr, task: Task, need: &str) -> String {
    let text = match task {
        Task::VisitEnterprise => tr.task_visit,
        Task::ShortlistForNeed => tr.task_shortlist,
        Task::AcceptForNeed => tr.task_accept,
        Task::SignNeedDeal => tr.task_sign,
        Task::PayLaterPlan => tr.task_pay_later,
        Task::RecordPayment => tr.task_payment,
        Task::RegisterContract => tr.task_register,
        Task::ExportReport => tr.task_report,
        Task::SendForMaturation => tr.task_maturation,
        Task::RecordRights => tr.task_rights,
    };
    fill(text, &[("need", &need)])
}

/// The class's progress and the need the exercises name, read from the sandbox.
fn read_progress(store: &Store) -> Result<(Progress, Option<(NeedId, String)>), StoreError> {
    let Some(baseline) = store.baseline()? else {
        return Ok((Progress::default(), None));
    };
    let need = match baseline.open_need {
        Some(id) => store.get_need(id)?.map(|n| (id, n.data.title)),
        None => None,
    };
    Ok((store.training_progress(&baseline)?, need))
}

impl Training {
    pub fn new(return_to: PathBuf, trainee: String) -> Self {
        Self {
            return_to,
            trainee,
            show_tasks: None,
            confirm_reset: false,
            read: Reloaded::default(),
        }
    }

    /// Open unless the trainee closed it, or, until they choose, the window is too narrow to
    /// keep a screen's table whole beside it.
    fn tasks_shown(&self, ui: &Ui) -> bool {
        self.show_tasks
            .unwrap_or_else(|| ui.ctx().content_rect().width() >= WIDE_ENOUGH)
    }

    /// Asks before resetting (from the banner or the File menu).
    pub fn ask_reset(&mut self) {
        self.confirm_reset = true;
    }

    fn refresh(&mut self, store: &Store) {
        self.read.refresh(store.revision(), || read_progress(store));
    }

    fn progress(&self) -> Option<&Progress> {
        self.read.get().map(|(p, _)| p)
    }

    fn need(&self) -> Option<&(NeedId, String)> {
        self.read.get().and_then(|(_, n)| n.as_ref())
    }

    fn need_title(&self) -> &str {
        self.need().map(|(_, t)| t.as_str()).unwrap_or("")
    }

    /// The training-mode banner under the menu bar, on every screen.
    pub fn banner(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let frame = egui::Frame::new()
            .fill(Color32::from_rgb(255, 236, 179))
            .inner_margin(egui::Margin::symmetric(8, 4));
        egui::Panel::top("training_banner")
            .frame(frame)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(tr.sandbox_banner)
                            .strong()
                            .color(Color32::from_rgb(120, 60, 0)),
                    );
                    ui.separator();
                    let shown = self.tasks_shown(ui);
                    let label = if shown {
                        tr.sandbox_tasks_hide
                    } else {
                        tr.sandbox_tasks_show
                    };
                    if ui.button(label).clicked() {
                        self.show_tasks = Some(!shown);
                    }
                    if ui.button(tr.menu_sandbox_reset).clicked() {
                        self.confirm_reset = true;
                    }
                    if ui.button(tr.menu_sandbox_leave).clicked() {
                        cmds.push(Command::LeaveSandbox);
                    }
                });
            });
        if self.confirm_reset {
            self.reset_dialog(ui, tr, cmds);
        }
    }

    fn reset_dialog(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("sandbox_reset")).show(ui.ctx(), |ui| {
            ui.heading(tr.sandbox_reset_title);
            ui.label(tr.sandbox_reset_question);
            ui.horizontal(|ui| {
                if ui.button(tr.sandbox_reset_confirm).clicked() {
                    cmds.push(Command::ResetSandbox);
                    close = true;
                }
                if ui.button(tr.cancel).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirm_reset = false;
        }
    }

    /// The exercise list with ticks, the trainee's name and the export button.
    pub fn panel(&mut self, ui: &mut Ui, store: &Store, tr: &Tr, cmds: &mut Vec<Command>) {
        if !self.tasks_shown(ui) {
            return;
        }
        self.refresh(store);
        egui::Panel::right("training_panel")
            .resizable(true)
            .default_size(280.0)
            .size_range(200.0..=420.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.heading(tr.sandbox_tasks);
                ui.horizontal(|ui| {
                    let label = ui.label(tr.sandbox_trainee);
                    ui.add(egui::TextEdit::singleline(&mut self.trainee).desired_width(150.0))
                        .labelled_by(label.id);
                });
                ui.label(fill(
                    tr.sandbox_done_count,
                    &[
                        ("done", &self.progress().map_or(0, Progress::count)),
                        ("total", &Task::ALL.len()),
                    ],
                ));
                read_error(ui, tr, self.read.error());
                ui.separator();
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for (n, task) in Task::ALL.into_iter().enumerate() {
                        self.task_row(ui, n + 1, task, tr, cmds);
                    }
                    ui.add_space(8.0);
                    if ui.button(tr.sandbox_export).clicked() {
                        cmds.push(Command::ExportTrainingProgress {
                            trainee: self.trainee.trim().to_string(),
                        });
                    }
                });
            });
    }

    fn task_row(&self, ui: &mut Ui, n: usize, task: Task, tr: &Tr, cmds: &mut Vec<Command>) {
        let done_at = self.progress().and_then(|p| p.done_at(task));
        let mut done = done_at.is_some();
        let text = format!("{n}. {}", task_text(tr, task, self.need_title()));
        ui.add_enabled(false, egui::Checkbox::new(&mut done, text));
        ui.horizontal(|ui| {
            ui.add_space(24.0);
            if let Some(at) = done_at {
                let time = at.with_timezone(&chrono::Local).format("%H:%M");
                ui.small(fill(tr.sandbox_done_at, &[("time", &time)]));
            }
            if let (Task::ShortlistForNeed, Some((id, _))) = (task, self.need())
                && ui.small_button(tr.sandbox_open_matching).clicked()
            {
                cmds.push(Command::FindMatches(Subject::Need(*id)));
            }
        });
        ui.add_space(4.0);
    }

    /// Writes the progress as it is in `store` now to `path`.
    pub fn export(&self, store: &Store, path: &Path, tr: &Tr) -> anyhow::Result<()> {
        let (progress, need) = read_progress(store)?;
        let need = need.map(|(_, t)| t).unwrap_or_default();
        let title = |task| task_text(tr, task, &need);
        write_progress(path, &self.trainee, &progress, &title, chrono::Utc::now())
    }
}

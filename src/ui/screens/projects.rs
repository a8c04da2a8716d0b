//! Maturation projects (中试项目, 概念验证项目): the list with each running project's way to end
//! it, and the form that starts one, with the carriers suggested for its achievement.

use std::rc::Rc;

use egui::{RichText, Ui};

use crate::catalog::Catalog;
use crate::domain::id::ProjectId;
use crate::domain::maturation::{
    Carrier, Outcome, Payer, ProjectDraft, ProjectField, ProjectKind, suggest_carriers,
};
use crate::domain::{AchievementRow, ClientKind, ClientRow};
use crate::i18n::{Tr, fill};
use crate::io::import::ImportKind;
use crate::matching::Subject;
use crate::store::{ProjectRow, Store};
use crate::ui::command::{Command, MaturationCommand};
use crate::ui::reload::Reloaded;
use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::combos::{amount_input, client_picker, combo, picker};
use crate::ui::widgets::form_state::{FormState, Outcome as FormOutcome};
use crate::ui::widgets::{fmt_date, form_row, read_error, text_field};

const WIDE: f32 = 420.0;
const ENTERPRISES: [ClientKind; 1] = [ClientKind::Enterprise];

#[derive(Default)]
struct Data {
    projects: Vec<ProjectRow>,
    carriers: Vec<Carrier>,
}

#[derive(Default)]
pub struct ProjectsScreen {
    /// Shared, so a frame takes a handle on it rather than a copy of every project.
    data: Reloaded<u64, Rc<Data>>,
    /// The form, when a project is being started or edited.
    form: Option<FormState<ProjectId, ProjectDraft, ProjectField>>,
    achievement_query: String,
    enterprise_query: String,
    /// A column per status instead of one list.
    as_board: bool,
}

impl ProjectsScreen {
    /// Opens the form on a new project, prefilled (from a candidate of the matching screen).
    pub fn start(&mut self, draft: ProjectDraft) {
        self.form = Some(FormState::new(draft));
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        achievements: Option<&Catalog<AchievementRow>>,
        clients: &[ClientRow],
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        self.data.refresh(store.revision(), || {
            Ok(Rc::new(Data {
                projects: store.projects()?,
                carriers: store.carriers()?,
            }))
        });
        read_error(ui, tr, self.data.error());
        let data = self.data.get().cloned().unwrap_or_default();
        if self.form.is_some() {
            self.form_ui(ui, &data.carriers, achievements, clients, tr, cmds);
            return;
        }
        ui.horizontal(|ui| {
            ui.heading(tr.pj_title);
            if ui.button(tr.pj_new).clicked() {
                self.start(ProjectDraft::default());
            }
            if ui.button(tr.pj_import_carriers).clicked() {
                cmds.push(Command::StartImport(Some(ImportKind::Carriers)));
            }
            ui.separator();
            ui.selectable_value(&mut self.as_board, false, tr.view_table);
            ui.selectable_value(&mut self.as_board, true, tr.view_board);
        });
        ui.add_space(8.0);
        if data.projects.is_empty() {
            ui.label(tr.pj_none);
            return;
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            if !self.as_board {
                for row in &data.projects {
                    self.row_ui(ui, row, tr, cmds);
                }
                return;
            }
            let columns = [None]
                .into_iter()
                .chain(Outcome::ALL.map(Some))
                .collect::<Vec<_>>();
            ui.columns(columns.len(), |cols| {
                for (ui, status) in cols.iter_mut().zip(columns) {
                    let rows: Vec<&ProjectRow> = data
                        .projects
                        .iter()
                        .filter(|r| r.project.outcome == status)
                        .collect();
                    let name = status.map_or(tr.pj_running, |o| tr.outcome(o));
                    ui.strong(fill(tr.pj_column, &[("status", &name), ("n", &rows.len())]));
                    for row in rows {
                        self.row_ui(ui, row, tr, cmds);
                    }
                }
            });
        });
    }

    fn row_ui(&mut self, ui: &mut Ui, row: &ProjectRow, tr: &Tr, cmds: &mut Vec<Command>) {
        let p = &row.project;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                if ui.link(RichText::new(&p.title).strong()).clicked() {
                    self.form = Some(FormState::edit(row.id, ProjectDraft::from_project(p)));
                }
                ui.label(tr.project_kind(p.kind));
                ui.label(match p.outcome {
                    None => tr.pj_running.to_string(),
                    Some(o) => tr.outcome(o).to_string(),
                });
            });
            ui.label(
                RichText::new(format!(
                    "{} · {} → {}",
                    row.achievement_title,
                    row.carrier_name,
                    row.enterprise_name.as_deref().unwrap_or("—")
                ))
                .small(),
            );
            ui.label(
                RichText::new(fill(
                    tr.pj_period,
                    &[
                        ("start", &fmt_date(p.start)),
                        ("end", &fmt_date(p.planned_end)),
                    ],
                ))
                .weak(),
            );
            for m in &p.milestones {
                let mark = if m.done { "●" } else { "○" };
                ui.label(format!("{mark} {} {}", fmt_date(m.due), m.title));
            }
            match (p.outcome, p.need) {
                (None, _) => {
                    ui.horizontal(|ui| {
                        ui.label(tr.pj_end_as);
                        for outcome in Outcome::ALL {
                            if ui.button(tr.outcome(outcome)).clicked() {
                                cmds.push(Command::Maturation(MaturationCommand::End {
                                    id: row.id,
                                    outcome,
                                }));
                            }
                        }
                    });
                }
                (Some(Outcome::ToProduction), Some(need)) if ui.button(tr.pj_rematch).clicked() => {
                    cmds.push(Command::FindMatches(Subject::Need(need)));
                }
                _ => {}
            }
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn form_ui(
        &mut self,
        ui: &mut Ui,
        carriers: &[Carrier],
        achievements: Option<&Catalog<AchievementRow>>,
        clients: &[ClientRow],
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let Some(form) = &mut self.form else {
            return;
        };
        form.heading(ui, tr.pj_new, tr.pj_edit);
        let mut leave = false;
        let query = &mut self.achievement_query;
        let enterprise_query = &mut self.enterprise_query;
        egui::ScrollArea::vertical().show(ui, |ui| {
            let e = &form.errors;
            let d = &mut form.draft;
            let chosen = d.achievement.and_then(|id| achievements?.get(id));
            egui::Grid::new("project_form")
                .num_columns(2)
                .spacing([16.0, 8.0])
                .show(ui, |ui| {
                    use ProjectField as F;
                    form_row(ui, tr, tr.pj_kind, false, None, |ui| {
                        combo(ui, "project_kind", &mut d.kind, &ProjectKind::ALL, |k| {
                            tr.project_kind(k)
                        })
                    });
                    form_row(
                        ui,
                        tr,
                        tr.pj_name,
                        true,
                        e.get(F::Title),
                        text_field(&mut d.title, WIDE),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.pj_achievement,
                        true,
                        e.get(F::Achievement),
                        |ui| achievement_picker(ui, query, &mut d.achievement, achievements, tr),
                    );
                    form_row(ui, tr, tr.pj_carrier, true, e.get(F::Carrier), |ui| {
                        carrier_choice(ui, &mut d.carrier, carriers, chosen, clients, tr)
                    });
                    form_row(ui, tr, tr.pj_enterprise, false, None, |ui| {
                        client_picker(
                            ui,
                            enterprise_query,
                            &mut d.enterprise,
                            clients,
                            &ENTERPRISES,
                            tr,
                        )
                    });
                    form_row(
                        ui,
                        tr,
                        tr.pj_start,
                        true,
                        e.get(F::Start),
                        text_field(&mut d.start, 140.0),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.pj_planned_end,
                        true,
                        e.get(F::PlannedEnd),
                        text_field(&mut d.planned_end, 140.0),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.pj_cost,
                        false,
                        e.get(F::Cost),
                        amount_input(&mut d.cost, tr),
                    );
                    form_row(ui, tr, tr.pj_payer, false, None, |ui| {
                        combo(ui, "project_payer", &mut d.payer, &Payer::ALL, |p| {
                            tr.payer(p)
                        })
                    });
                    form_row(
                        ui,
                        tr,
                        tr.pj_milestones,
                        false,
                        e.get(F::Milestones),
                        |ui| {
                            ui.add(
                                egui::TextEdit::multiline(&mut d.milestones)
                                    .desired_width(WIDE)
                                    .desired_rows(4)
                                    .hint_text("2027-03-31 中试线安装调试"),
                            )
                        },
                    );
                });
            match form.foot(ui, tr, ProjectDraft::validate) {
                Some(FormOutcome::Save { id, draft }) => {
                    cmds.push(Command::Maturation(MaturationCommand::Save { id, draft }));
                }
                Some(FormOutcome::Leave(_)) => leave = true,
                None => {}
            }
        });
        if leave {
            self.form = None;
        }
    }
}

/// The achievement chosen, or a search over the catalogue to choose one.
fn achievement_picker(
    ui: &mut Ui,
    query: &mut String,
    selected: &mut Option<crate::domain::AchievementId>,
    achievements: Option<&Catalog<AchievementRow>>,
    tr: &Tr,
) -> egui::Response {
    let title = |id| achievements?.get(id).map(|a| a.title.clone());
    let matches = |needle: &str| {
        achievements.map_or_else(Vec::new, |catalog| {
            catalog
                .search(needle)
                .into_iter()
                .take(8)
                .filter_map(|hit| catalog.get(hit.id).map(|a| (a.id, a.title.clone())))
                .collect()
        })
    };
    picker(ui, query, selected, title, matches, tr)
}

/// The carrier chosen, from the carriers suggested for the achievement (kind, field, region).
fn carrier_choice(
    ui: &mut Ui,
    selected: &mut Option<crate::domain::ClientId>,
    carriers: &[Carrier],
    achievement: Option<&AchievementRow>,
    clients: &[ClientRow],
    tr: &Tr,
) -> egui::Response {
    ui.vertical(|ui| {
        if carriers.is_empty() {
            return ui.label(tr.pj_no_carriers);
        }
        let owner = achievement.and_then(|a| clients.iter().find(|c| c.id == a.owner));
        let suggestions = suggest_carriers(
            carriers,
            achievement.map_or("", |a| &*a.field),
            achievement.map_or(crate::domain::Stage::Lab, |a| a.stage),
            owner.map_or("", |c| &*c.province),
            owner.map_or("", |c| &*c.city),
        );
        let label = ui.weak(tr.pj_suggested);
        for s in suggestions {
            let Some(c) = carriers.iter().find(|c| c.organisation == s.carrier) else {
                continue;
            };
            let mut why = vec![tr.carrier_kind(c.kind)];
            if s.serves_field {
                why.push(tr.pj_why_field);
            }
            if s.same_city {
                why.push(tr.pj_why_city);
            } else if s.same_province {
                why.push(tr.pj_why_province);
            }
            let text = format!("{}（{}）", c.name, why.join(tr.dash_list_separator));
            if ui.radio(*selected == Some(c.organisation), text).clicked() {
                *selected = Some(c.organisation);
            }
        }
        label
    })
    .inner
}

impl View for ProjectsScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let achievements = cx.catalogs.achievements.ready();
        self.show(ui, cx.store, achievements, cx.clients, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        match event {
            Event::ProjectSaved => self.form = None,
            Event::ProjectRefused(errors) => {
                if let Some(form) = &mut self.form {
                    form.refused(errors.clone());
                }
            }
            _ => {}
        }
    }
}

//! The team's conflicts: each change that lost to the server's value (the record, the field,
//! both values, who and when), settled row by row; and the records that came down but wait to
//! be written here, with why.

use egui::{RichText, Ui};

use crate::domain::team::{Conflict, ConflictKind, Resolution};
use crate::domain::{AchievementId, ClientId, DealId, NeedId};
use crate::i18n::Tr;
use crate::ui::command::{Command, Screen, TeamCommand};
use crate::ui::reload::Reloaded;
use crate::ui::view::{Cx, View};
use crate::ui::widgets::read_error;
use crate::ui::widgets::team::{field_label, value_text, when};

#[derive(Default)]
pub struct TeamConflictsScreen {
    conflicts: Reloaded<u64, Vec<Conflict>>,
}

impl View for TeamConflictsScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let store = cx.store;
        self.conflicts
            .refresh(store.revision(), || store.team_conflicts());
        let tr = cx.tr;
        ui.heading(tr.team_conflicts_title);
        ui.label(tr.team_conflicts_intro);
        read_error(ui, tr, self.conflicts.error());
        ui.add_space(8.0);
        let (waiting, open): (Vec<&Conflict>, Vec<&Conflict>) = self
            .conflicts
            .items()
            .iter()
            .partition(|c| c.kind == ConflictKind::Waiting);
        if open.is_empty() && waiting.is_empty() {
            ui.label(tr.team_conflicts_empty);
            return;
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            if !open.is_empty() {
                conflicts_ui(ui, &open, tr, cx.cmds);
            }
            if !waiting.is_empty() {
                ui.add_space(16.0);
                ui.strong(tr.team_waiting_title);
                ui.label(RichText::new(tr.team_waiting_intro).weak());
                waiting_ui(ui, &waiting, tr);
            }
        });
    }
}

fn conflicts_ui(ui: &mut Ui, conflicts: &[&Conflict], tr: &Tr, cmds: &mut Vec<Command>) {
    egui::Grid::new("team_conflicts")
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for head in [
                tr.team_col_record,
                tr.team_col_field,
                tr.team_col_kept,
                tr.team_col_theirs,
                tr.team_col_by,
                tr.team_col_at,
            ] {
                ui.strong(head);
            }
            ui.end_row();
            for c in conflicts {
                record_link(ui, c, cmds);
                ui.label(match c.kind {
                    ConflictKind::DeleteVsEdit => tr.team_kind_delete_vs_edit.to_string(),
                    ConflictKind::EditOfDeleted => tr.team_kind_edit_of_deleted.to_string(),
                    ConflictKind::Field | ConflictKind::Waiting => {
                        field_label(&c.table, &c.field, tr)
                    }
                });
                ui.label(value_text(&c.kept));
                ui.label(value_text(&c.theirs));
                ui.label(&c.by);
                ui.label(when(&c.at));
                ui.push_id(c.id, |ui| {
                    ui.horizontal(|ui| {
                        for (label, resolution) in [
                            (tr.team_keep_server, Resolution::KeepServer),
                            (tr.team_use_theirs, Resolution::UseTheirs),
                        ] {
                            if ui.button(label).clicked() {
                                cmds.push(Command::Team(TeamCommand::Resolve {
                                    id: c.id,
                                    resolution,
                                }));
                            }
                        }
                    });
                });
                ui.end_row();
            }
        });
}

fn waiting_ui(ui: &mut Ui, waiting: &[&Conflict], tr: &Tr) {
    egui::Grid::new("team_waiting")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for head in [tr.team_col_record, tr.team_col_by, tr.team_col_why] {
                ui.strong(head);
            }
            ui.end_row();
            for c in waiting {
                ui.label(label_of(c));
                ui.label(&c.by);
                ui.label(&c.field);
                ui.end_row();
            }
        });
}

fn label_of(c: &Conflict) -> String {
    if c.label.is_empty() {
        format!("{} {}", c.table, c.uid)
    } else {
        c.label.clone()
    }
}

/// The record's name, a link to its page when it has one here.
fn record_link(ui: &mut Ui, c: &Conflict, cmds: &mut Vec<Command>) {
    let screen = c.row_id.and_then(|id| match c.table.as_str() {
        "clients" => Some(Screen::Client(ClientId(id))),
        "achievements" => Some(Screen::Achievement(AchievementId(id))),
        "needs" => Some(Screen::Need(NeedId(id))),
        "deals" => Some(Screen::Deal(DealId(id))),
        _ => None,
    });
    match screen {
        Some(screen) => {
            if ui.link(label_of(c)).clicked() {
                cmds.push(Command::Navigate(screen));
            }
        }
        None => {
            ui.label(label_of(c));
        }
    }
}

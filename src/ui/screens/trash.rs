//! Deleted records, with a way back.

use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::read_error;
use egui::Ui;
use egui_extras::{Column, TableBuilder};

use crate::i18n::{Tr, fill};
use crate::store::{Store, TrashEntry, TrashItem};
use crate::ui::command::Command;
use crate::ui::reload::Reloaded;

/// What a deletion for good waits for the broker to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purging {
    One { item: TrashItem, label: String },
    All,
}

#[derive(Default)]
pub struct TrashScreen {
    entries: Reloaded<u64, Vec<TrashEntry>>,
    /// The confirmation shown, if one is.
    pub confirm: Option<Purging>,
}

impl TrashScreen {
    fn refresh(&mut self, store: &Store) {
        self.entries
            .refresh(store.revision(), || store.list_trash());
    }

    fn show(&mut self, ui: &mut Ui, store: &Store, tr: &Tr, cmds: &mut Vec<Command>) {
        self.refresh(store);
        ui.heading(tr.trash_title);
        read_error(ui, tr, self.entries.error());
        if self.entries.items().is_empty() {
            ui.label(tr.trash_empty);
            return;
        }
        if ui.button(tr.empty_trash).clicked() {
            self.confirm = Some(Purging::All);
        }
        self.confirmation(ui, tr, cmds);
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(90.0))
            .column(Column::initial(280.0).clip(true))
            .column(Column::initial(220.0).clip(true))
            .column(Column::initial(170.0))
            .column(Column::remainder().at_least(180.0))
            .header(24.0, |mut header| {
                for title in [
                    tr.col_type,
                    tr.col_record,
                    tr.col_belongs_to,
                    tr.col_deleted_at,
                    "",
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, self.entries.items().len(), |mut row| {
                    let Some(entry) = self.entries.items().get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(match entry.item {
                            TrashItem::Client(_) => tr.trash_client,
                            TrashItem::Contact(_) => tr.trash_contact,
                            TrashItem::Interaction(_) => tr.trash_interaction,
                            TrashItem::Achievement(_) => tr.trash_achievement,
                            TrashItem::Need(_) => tr.trash_need,
                            TrashItem::Instalment(_) => tr.trash_instalment,
                            TrashItem::Receipt(_) => tr.trash_receipt,
                            TrashItem::Deal(_) => tr.trash_deal,
                            TrashItem::Document(_) => tr.trash_document,
                        });
                    });
                    row.col(|ui| {
                        if entry.confidential {
                            ui.label(tr.need_title(&entry.label, true));
                        } else {
                            ui.label(&entry.label);
                        }
                    });
                    row.col(|ui| {
                        ui.label(&entry.owner);
                    });
                    row.col(|ui| {
                        let local = entry.deleted_at.with_timezone(&chrono::Local);
                        ui.label(local.format("%Y-%m-%d %H:%M").to_string());
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            if ui.small_button(tr.restore).clicked() {
                                cmds.push(Command::Restore(entry.item));
                            }
                            if ui.small_button(tr.purge).clicked() {
                                self.confirm = Some(Purging::One {
                                    item: entry.item,
                                    label: entry.label.clone(),
                                });
                            }
                        });
                    });
                });
            });
    }

    /// Asks before anything is deleted for good: it cannot be undone.
    fn confirmation(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let Some(purging) = &self.confirm else {
            return;
        };
        let question = match purging {
            Purging::One { label, .. } => fill(tr.purge_confirm_one, &[("name", label)]),
            Purging::All => fill(tr.purge_confirm_all, &[("n", &self.entries.items().len())]),
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("purge_dialog")).show(ui.ctx(), |ui| {
            ui.label(question);
            ui.horizontal(|ui| {
                if ui.button(tr.purge_yes).clicked() {
                    cmds.push(match purging {
                        Purging::One { item, .. } => Command::Purge(*item),
                        Purging::All => Command::EmptyTrash,
                    });
                }
                close = ui.button(tr.cancel).clicked();
            });
        });
        if close || modal.should_close() {
            self.confirm = None;
        }
    }
}

impl View for TrashScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.store, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        if *event == Event::PurgeDone {
            self.confirm = None;
        }
    }
}

//! Next steps due today or overdue across all clients, oldest first.

use crate::ui::view::{Cx, View};
use crate::ui::widgets::read_error;
use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::domain::FollowUp;
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::ui::command::{Command, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::widgets::fmt_date;

#[derive(Default)]
pub struct FollowUpsScreen {
    items: Reloaded<(u64, NaiveDate), Vec<FollowUp>>,
}

impl FollowUpsScreen {
    /// How many follow-ups are due, for the navigation badge.
    pub fn count(&mut self, store: &Store, today: NaiveDate) -> usize {
        self.refresh(store, today);
        self.items.items().len()
    }

    fn refresh(&mut self, store: &Store, today: NaiveDate) {
        self.items
            .refresh((store.revision(), today), || store.follow_ups_due(today));
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        self.refresh(store, today);
        ui.heading(tr.fu_title);
        read_error(ui, tr, self.items.error());
        if self.items.items().is_empty() {
            ui.label(tr.fu_none);
            return;
        }
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(100.0))
            .column(Column::initial(110.0))
            .column(Column::initial(220.0).clip(true))
            .column(Column::initial(320.0).clip(true))
            .column(Column::remainder().at_least(100.0))
            .header(24.0, |mut header| {
                for title in [
                    tr.col_due,
                    tr.col_status,
                    tr.col_client,
                    tr.col_next_step,
                    "",
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, self.items.items().len(), |mut row| {
                    let Some(item) = self.items.items().get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(fmt_date(item.due));
                    });
                    row.col(|ui| {
                        let days = item.days_overdue(today);
                        if days > 0 {
                            ui.label(
                                RichText::new(fill(tr.overdue_days, &[("n", &days)]))
                                    .color(ui.visuals().error_fg_color),
                            );
                        } else {
                            ui.label(tr.due_today);
                        }
                    });
                    row.col(|ui| {
                        if ui.link(&item.client_name).clicked() {
                            cmds.push(Command::Navigate(Screen::Client(item.client_id)));
                        }
                    });
                    row.col(|ui| {
                        ui.label(&item.next_step).on_hover_text(&item.summary);
                    });
                    row.col(|ui| {
                        if ui.small_button(tr.mark_done).clicked() {
                            cmds.push(Command::CompleteFollowUp(item.interaction_id));
                        }
                    });
                });
            });
    }
}

impl View for FollowUpsScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.store, cx.today, cx.tr, cx.cmds);
    }
}

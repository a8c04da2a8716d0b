//! The broker's day: follow-ups, registrations, payments, trials and projects' milestones that
//! are due, in one list.

use crate::ui::widgets::read_error;
use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::domain::agenda::{AgendaItem, agenda};
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::ui::command::{Command, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::widgets::{error_text, fmt_date};

/// The agenda sits under the dashboard in one scrolling column: its table scrolls on its own
/// beyond this height.
const TABLE_MAX_HEIGHT: f32 = 420.0;

#[derive(Default)]
pub struct AgendaScreen {
    items: Reloaded<(u64, NaiveDate), Vec<AgendaItem>>,
}

impl AgendaScreen {
    fn refresh(&mut self, store: &Store, today: NaiveDate) {
        self.items.refresh((store.revision(), today), || {
            Ok(agenda(
                today,
                store.follow_ups_due(today)?,
                &store.agenda_deals()?,
                &store.agenda_milestones()?,
            ))
        });
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        self.refresh(store, today);
        ui.heading(tr.agenda_title);
        read_error(ui, tr, self.items.error());
        if self.items.items().is_empty() {
            ui.label(tr.agenda_none);
            return;
        }
        TableBuilder::new(ui)
            .max_scroll_height(TABLE_MAX_HEIGHT)
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(100.0))
            .column(Column::initial(110.0))
            .column(Column::initial(100.0))
            .column(Column::initial(320.0).clip(true))
            .column(Column::remainder().at_least(120.0))
            .header(24.0, |mut header| {
                for title in [
                    tr.col_due,
                    tr.col_status,
                    tr.col_what,
                    tr.col_subject,
                    tr.col_detail,
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
                    let date = item.date();
                    row.col(|ui| {
                        ui.label(fmt_date(date));
                    });
                    row.col(|ui| {
                        let days = (date - today).num_days();
                        if days < 0 {
                            error_text(ui, &fill(tr.overdue_days, &[("n", &-days)]));
                        } else if days == 0 {
                            ui.label(tr.due_today);
                        } else {
                            ui.label(fill(tr.due_in_days, &[("n", &days)]));
                        }
                    });
                    let (what, subject, target, detail) = match item {
                        AgendaItem::FollowUp(f) => (
                            tr.ag_follow_up,
                            f.client_name.clone(),
                            Screen::Client(f.client_id),
                            f.next_step.clone(),
                        ),
                        AgendaItem::Registration { deal, title, .. } => (
                            tr.ag_registration,
                            title.clone(),
                            Screen::Deal(*deal),
                            String::new(),
                        ),
                        AgendaItem::Instalment {
                            deal,
                            title,
                            outstanding,
                            ..
                        } => (
                            tr.ag_instalment,
                            title.clone(),
                            Screen::Deal(*deal),
                            fill(
                                tr.outstanding_amount,
                                &[("amount", &outstanding.wan_text())],
                            ),
                        ),
                        AgendaItem::TrialEnds { deal, title, .. } => (
                            tr.ag_trial,
                            title.clone(),
                            Screen::Deal(*deal),
                            String::new(),
                        ),
                        AgendaItem::Milestone(m) => (
                            tr.ag_milestone,
                            m.project_title.clone(),
                            Screen::Projects,
                            m.milestone.clone(),
                        ),
                    };
                    row.col(|ui| {
                        ui.label(RichText::new(what).strong());
                    });
                    row.col(|ui| {
                        if ui.link(subject).clicked() {
                            cmds.push(Command::Navigate(target));
                        }
                    });
                    row.col(|ui| {
                        ui.label(detail);
                    });
                });
            });
    }
}

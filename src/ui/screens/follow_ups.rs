//! Every open next step across all clients, grouped by when it is due (overdue, today, the rest
//! of this week, later), each one edited, moved to another day, marked done or deleted here.

use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::form_state::{FormState, Outcome};
use crate::ui::widgets::{confirm_delete, date_picker, form_row, read_error, text_field};
use chrono::{Days, NaiveDate};
use egui::{Label, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::domain::follow_up::{FollowUpDraft, FollowUpGroup, next_monday};
use crate::domain::{FollowUp, InteractionField, InteractionId};
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::ui::command::{Command, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::widgets::{error_text, fmt_date};

const FIELD_WIDTH: f32 = 320.0;

/// The edit form's date picker (its calendar is opened by id for "pick a date").
const DUE_PICKER: &str = "follow_up_due";

/// Below this width (beside the training panel at 1024 pixels) a row's four buttons give way to
/// one menu holding them, so the table still fits.
const ROOM_FOR_BUTTONS: f32 = 760.0;

/// The follow-up open in the edit form, with what its checks need.
struct Editing {
    client: String,
    /// The day the visit or call was logged: the step cannot be due before it.
    logged: NaiveDate,
    form: FormState<InteractionId, FollowUpDraft, InteractionField>,
    /// Opened by "pick a date": the calendar opens with the form.
    pick_date: bool,
}

#[derive(Default)]
pub struct FollowUpsScreen {
    items: Reloaded<u64, Vec<FollowUp>>,
    editing: Option<Editing>,
    /// The follow-up whose deletion waits for the broker's answer, with its next step.
    deleting: Option<(InteractionId, String)>,
}

impl FollowUpsScreen {
    /// How many follow-ups are due (today or overdue), for the navigation badge.
    pub fn count(&mut self, store: &Store, today: NaiveDate) -> usize {
        self.refresh(store);
        self.items
            .items()
            .iter()
            .filter(|f| FollowUpGroup::of(f.due, today).is_due())
            .count()
    }

    /// The follow-up open in the edit form, if one is.
    fn editing_id(&self) -> Option<InteractionId> {
        self.editing.as_ref().and_then(|e| e.form.id)
    }

    fn refresh(&mut self, store: &Store) {
        self.items
            .refresh(store.revision(), || store.follow_ups_open());
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        self.refresh(store);
        ui.heading(tr.fu_title);
        read_error(ui, tr, self.items.error());
        self.edit_form(ui, tr, cmds);
        self.delete_question(ui, tr, cmds);
        if self.items.items().is_empty() {
            ui.label(tr.fu_none);
            return;
        }
        let mut open = None;
        // Sideways too: beside the training panel the buttons may not fit, and must stay
        // reachable.
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for group in FollowUpGroup::ALL {
                    let items: Vec<&FollowUp> = self
                        .items
                        .items()
                        .iter()
                        .filter(|f| FollowUpGroup::of(f.due, today) == group)
                        .collect();
                    if items.is_empty() {
                        continue;
                    }
                    ui.add_space(8.0);
                    let name = group_name(group, tr);
                    ui.strong(fill(
                        tr.fu_group_header,
                        &[("group", &name), ("n", &items.len())],
                    ));
                    if let Some(action) = group_table(ui, group, &items, today, tr, cmds) {
                        open = Some(action);
                    }
                }
            });
        match open {
            Some(RowAction::Edit(item, pick_date)) => {
                self.editing = Some(Editing {
                    client: item.client_name.clone(),
                    logged: item.date,
                    pick_date,
                    form: FormState::edit(item.interaction_id, FollowUpDraft::of(&item)),
                });
            }
            Some(RowAction::Delete(item)) => {
                self.deleting = Some((item.interaction_id, item.next_step));
            }
            None => {}
        }
    }

    fn edit_form(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let Some(editing) = &mut self.editing else {
            return;
        };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(fill(tr.fu_edit_title, &[("client", &editing.client)]));
            let Editing {
                form, pick_date, ..
            } = editing;
            let e = &form.errors;
            egui::Grid::new("follow_up_form")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    form_row(
                        ui,
                        tr,
                        tr.i_next_step,
                        true,
                        e.get(InteractionField::NextStep),
                        text_field(&mut form.draft.next_step, FIELD_WIDTH),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.i_next_due,
                        true,
                        e.get(InteractionField::NextDue),
                        |ui| {
                            if std::mem::take(pick_date) {
                                let id = ui.make_persistent_id(DUE_PICKER);
                                egui::Popup::open_id(ui.ctx(), id.with("popup"));
                            }
                            date_picker(ui, DUE_PICKER, &mut form.draft.due, tr)
                        },
                    );
                });
            let logged = editing.logged;
            match form.foot(ui, tr, |d| d.validate(logged)) {
                Some(Outcome::Save {
                    id: Some(id),
                    draft,
                }) => cmds.push(Command::SaveFollowUp { id, draft }),
                // The form only ever edits a follow-up, so a save without one just closes it.
                Some(Outcome::Save { id: None, .. }) | Some(Outcome::Leave(_)) => close = true,
                None => {}
            }
        });
        if close {
            self.editing = None;
        }
    }

    fn delete_question(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let Some((id, name)) = &self.deleting else {
            return;
        };
        match confirm_delete(ui, tr, name) {
            Some(true) => {
                cmds.push(Command::DeleteInteraction(*id));
                if self.editing_id() == Some(*id) {
                    self.editing = None;
                }
                self.deleting = None;
            }
            Some(false) => self.deleting = None,
            None => {}
        }
    }
}

/// What a row's buttons ask of the screen itself (the rest are commands).
enum RowAction {
    /// The edit form, with its calendar open when the broker asked to pick a date.
    Edit(FollowUp, bool),
    Delete(FollowUp),
}

fn group_name(group: FollowUpGroup, tr: &Tr) -> &'static str {
    match group {
        FollowUpGroup::Overdue => tr.fu_group_overdue,
        FollowUpGroup::Today => tr.fu_group_today,
        FollowUpGroup::ThisWeek => tr.fu_group_this_week,
        FollowUpGroup::Later => tr.fu_group_later,
    }
}

/// One group's table. Fixed columns with the next step taking what is left (cut short, whole
/// on hover), so the buttons stay inside a 1024-pixel window beside the navigation; narrower,
/// the buttons fold into one menu.
fn group_table(
    ui: &mut Ui,
    group: FollowUpGroup,
    items: &[&FollowUp],
    today: NaiveDate,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) -> Option<RowAction> {
    let mut action = None;
    let roomy = ui.available_width() >= ROOM_FOR_BUTTONS;
    TableBuilder::new(ui)
        .id_salt(("follow_ups", group as u8))
        .vscroll(false)
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(84.0))
        .column(Column::exact(112.0))
        .column(Column::exact(if roomy { 160.0 } else { 110.0 }).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::auto())
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
            body.rows(26.0, items.len(), |mut row| {
                let Some(item) = items.get(row.index()).copied() else {
                    return;
                };
                row.col(|ui| {
                    ui.label(fmt_date(item.due));
                });
                row.col(|ui| {
                    let days = (item.due - today).num_days();
                    if days < 0 {
                        error_text(ui, &fill(tr.overdue_days, &[("n", &-days)]));
                    } else if days == 0 {
                        ui.label(tr.due_today);
                    } else {
                        ui.label(fill(tr.due_in_days, &[("n", &days)]));
                    }
                });
                row.col(|ui| {
                    let link = ui
                        .add(egui::Link::new(&item.client_name))
                        .on_hover_text(&item.client_name);
                    if link.clicked() {
                        cmds.push(Command::Navigate(Screen::Client(item.client_id)));
                    }
                });
                row.col(|ui| {
                    ui.add(
                        Label::new(&item.next_step)
                            .truncate()
                            .show_tooltip_when_elided(false),
                    )
                    .on_hover_ui(|ui| {
                        ui.label(RichText::new(&item.next_step).strong());
                        ui.label(&item.summary);
                    });
                });
                row.col(|ui| {
                    ui.push_id(item.interaction_id, |ui| {
                        let asked = if roomy {
                            row_buttons(ui, item, today, tr, cmds)
                        } else {
                            ui.menu_button(tr.fu_actions, |ui| {
                                row_buttons(ui, item, today, tr, cmds)
                            })
                            .inner
                            .flatten()
                        };
                        if let Some(a) = asked {
                            action = Some(a);
                        }
                    });
                });
            });
        });
    action
}

fn row_buttons(
    ui: &mut Ui,
    item: &FollowUp,
    today: NaiveDate,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) -> Option<RowAction> {
    let mut action = None;
    let id = item.interaction_id;
    if ui.small_button(tr.fu_edit).clicked() {
        action = Some(RowAction::Edit(item.clone(), false));
    }
    ui.menu_button(tr.fu_move, |ui| {
        let quick = [
            (tr.fu_move_tomorrow, today.checked_add_days(Days::new(1))),
            (tr.fu_move_next_week, Some(next_monday(today))),
        ];
        for (label, due) in quick {
            if let Some(due) = due
                && ui.button(label).clicked()
            {
                cmds.push(Command::MoveFollowUp { id, due });
            }
        }
        if ui.button(tr.fu_move_pick).clicked() {
            action = Some(RowAction::Edit(item.clone(), true));
        }
    });
    if ui.small_button(tr.mark_done).clicked() {
        cmds.push(Command::CompleteFollowUp(id));
    }
    if ui.small_button(tr.fu_delete).clicked() {
        action = Some(RowAction::Delete(item.clone()));
    }
    action
}

impl View for FollowUpsScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.store, cx.today, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        match event {
            Event::FollowUpSaved(id) if self.editing_id() == Some(*id) => self.editing = None,
            Event::FollowUpRefused(id, errors) if self.editing_id() == Some(*id) => {
                if let Some(editing) = &mut self.editing {
                    editing.form.refused(errors.clone());
                }
            }
            _ => {}
        }
    }
}

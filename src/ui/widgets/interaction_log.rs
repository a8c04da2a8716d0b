//! The log of visits, calls and meetings with its "log interaction" form: on a client's page,
//! and on a deal's (where it is kept with the buyer and the deal).

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::domain::{
    FieldErrors, Interaction, InteractionDraft, InteractionField, InteractionKind,
};
use crate::i18n::{Tr, fill};
use crate::ui::command::{Command, LogFor};
use crate::ui::widgets::{date_picker, fmt_date, form_row, text_field};

const FIELD_WIDTH: f32 = 260.0;

/// The "log interaction" form; it stays open above the log.
pub struct InteractionForm {
    pub draft: InteractionDraft,
    pub has_due: bool,
    pub due: NaiveDate,
    pub errors: FieldErrors<InteractionField>,
}

impl InteractionForm {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            draft: InteractionDraft::new(today),
            has_due: false,
            due: today,
            errors: FieldErrors::new(),
        }
    }

    fn to_draft(&self) -> InteractionDraft {
        InteractionDraft {
            next_due: self.has_due.then_some(self.due),
            ..self.draft.clone()
        }
    }
}

/// The heading, the form, and the timeline newest first, with "mark done" on open next steps.
pub fn log_ui(
    ui: &mut Ui,
    form: &mut InteractionForm,
    target: LogFor,
    items: &[Interaction],
    tr: &Tr,
    cmds: &mut Vec<Command>,
) {
    ui.heading(tr.interactions);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        form_ui(ui, form, target, tr, cmds);
    });
    ui.add_space(8.0);
    if items.is_empty() {
        ui.label(tr.no_interactions);
    }
    for item in items {
        ui.push_id(item.id, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(fmt_date(item.date)).strong());
                ui.label(tr.interaction_kind(item.kind));
                ui.label(&item.summary);
            });
            if !item.next_step.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    let due = item.next_due.map(fmt_date).unwrap_or_default();
                    ui.label(fill(
                        tr.next_step_due,
                        &[("step", &item.next_step), ("due", &due)],
                    ));
                    if item.is_open_follow_up() {
                        if ui.small_button(tr.mark_done).clicked() {
                            cmds.push(Command::CompleteFollowUp(item.id));
                        }
                    } else {
                        ui.label(RichText::new(format!("√ {}", tr.done_on)).weak());
                    }
                });
            }
            ui.separator();
        });
    }
}

fn form_ui(
    ui: &mut Ui,
    form: &mut InteractionForm,
    target: LogFor,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) {
    let e = &form.errors;
    egui::Grid::new("interaction_form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            form_row(ui, tr, tr.i_date, false, None, |ui| {
                date_picker(ui, "interaction_date", &mut form.draft.date, tr)
            });
            form_row(ui, tr, tr.i_kind, false, None, |ui| {
                egui::ComboBox::from_id_salt("interaction_kind")
                    .selected_text(tr.interaction_kind(form.draft.kind))
                    .show_ui(ui, |ui| {
                        for kind in InteractionKind::ALL {
                            ui.selectable_value(
                                &mut form.draft.kind,
                                kind,
                                tr.interaction_kind(kind),
                            );
                        }
                    })
                    .response
            });
            form_row(
                ui,
                tr,
                tr.i_summary,
                true,
                e.get(InteractionField::Summary),
                |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut form.draft.summary)
                            .desired_rows(2)
                            .desired_width(FIELD_WIDTH),
                    )
                },
            );
            form_row(
                ui,
                tr,
                tr.i_next_step,
                false,
                e.get(InteractionField::NextStep),
                text_field(&mut form.draft.next_step, FIELD_WIDTH),
            );
            form_row(
                ui,
                tr,
                tr.i_next_due,
                false,
                e.get(InteractionField::NextDue),
                |ui| {
                    ui.horizontal(|ui| {
                        ui.checkbox(&mut form.has_due, tr.i_has_due);
                        if form.has_due {
                            date_picker(ui, "interaction_due", &mut form.due, tr);
                        }
                    })
                    .response
                },
            );
        });
    ui.horizontal(|ui| {
        if ui.button(tr.add_interaction).clicked() {
            match form.to_draft().validate() {
                Ok(_) => cmds.push(Command::AddInteraction {
                    target,
                    draft: form.to_draft(),
                }),
                Err(errors) => form.errors = errors,
            }
        }
    });
}

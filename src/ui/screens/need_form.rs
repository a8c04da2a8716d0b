//! Creating and editing an enterprise's technology need.

use crate::ui::view::{Cx, Event, View};
use egui::Ui;

use crate::domain::{
    ClientId, ClientKind, ClientRow, NeedDraft, NeedField, NeedId, NeedMode, NeedStatus, Stage,
};
use crate::i18n::Tr;
use crate::ui::command::{Command, Screen};
use crate::ui::widgets::combos::{client_picker, combo, option_combo, price_input};
use crate::ui::widgets::form_state::{FormState, Outcome};
use crate::ui::widgets::{form_row, text_field};

const WIDE: f32 = 520.0;
/// Only enterprises have needs.
const NEED_KINDS: [ClientKind; 1] = [ClientKind::Enterprise];

#[derive(Default)]
pub struct NeedForm {
    form: FormState<NeedId, NeedDraft, NeedField>,
    enterprise_query: String,
}

impl NeedForm {
    pub fn new(enterprise: Option<ClientId>) -> Self {
        Self {
            form: FormState::new(NeedDraft {
                enterprise,
                ..NeedDraft::default()
            }),
            ..Self::default()
        }
    }

    pub fn edit(id: NeedId, draft: NeedDraft) -> Self {
        Self {
            form: FormState::edit(id, draft),
            ..Self::default()
        }
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        clients: &[ClientRow],
        fields: &[String],
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        self.form.heading(ui, tr.new_need, tr.edit_need);
        egui::ScrollArea::vertical().show(ui, |ui| {
            let e = &self.form.errors;
            let d = &mut self.form.draft;
            egui::Grid::new("need_form")
                .num_columns(2)
                .spacing([16.0, 8.0])
                .show(ui, |ui| {
                    use NeedField as F;
                    form_row(
                        ui,
                        tr,
                        tr.n_title,
                        true,
                        e.get(F::Title),
                        text_field(&mut d.title, WIDE),
                    );
                    form_row(ui, tr, tr.n_enterprise, true, e.get(F::Enterprise), |ui| {
                        client_picker(
                            ui,
                            &mut self.enterprise_query,
                            &mut d.enterprise,
                            clients,
                            &NEED_KINDS,
                            tr,
                        )
                    });
                    form_row(ui, tr, tr.a_field, true, e.get(F::Field), |ui| {
                        let mut chosen = (!d.field.is_empty()).then(|| d.field.clone());
                        let r =
                            option_combo(ui, "need_field", &mut chosen, fields, "—", String::clone);
                        d.field = chosen.unwrap_or_default();
                        r
                    });
                    form_row(
                        ui,
                        tr,
                        tr.a_keywords,
                        false,
                        e.get(F::Keywords),
                        text_field(&mut d.keywords, WIDE),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.n_description,
                        false,
                        e.get(F::Description),
                        |ui| {
                            ui.add(
                                egui::TextEdit::multiline(&mut d.description)
                                    .desired_width(WIDE)
                                    .desired_rows(5),
                            )
                        },
                    );
                    form_row(ui, tr, tr.n_indicators, false, e.get(F::Indicators), |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut d.indicators)
                                .desired_width(WIDE)
                                .desired_rows(2),
                        )
                    });
                    form_row(ui, tr, tr.n_budget, false, e.get(F::Budget), |ui| {
                        price_input(ui, &mut d.negotiable, &mut d.budget, tr)
                    });
                    form_row(ui, tr, tr.n_mode, false, None, |ui| {
                        combo(
                            ui,
                            "need_mode",
                            &mut d.preferred_mode,
                            &NeedMode::ALL,
                            |m| tr.need_mode(m),
                        )
                    });
                    form_row(ui, tr, tr.n_min_stage, false, None, |ui| {
                        option_combo(
                            ui,
                            "need_min_stage",
                            &mut d.min_stage,
                            &Stage::ALL,
                            tr.any,
                            |s| tr.stage(*s).to_string(),
                        )
                    });
                    form_row(
                        ui,
                        tr,
                        tr.n_min_trl,
                        false,
                        e.get(F::MinTrl),
                        text_field(&mut d.min_trl, 60.0),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.n_deadline,
                        false,
                        e.get(F::Deadline),
                        text_field(&mut d.deadline, 140.0),
                    );
                    form_row(ui, tr, tr.a_status, false, None, |ui| {
                        combo(ui, "need_status", &mut d.status, &NeedStatus::ALL, |s| {
                            tr.need_status(s)
                        })
                    });
                    ui.label("");
                    ui.checkbox(&mut d.confidential, tr.n_confidential);
                    ui.end_row();
                });
            match self.form.foot(ui, tr, NeedDraft::validate) {
                Some(Outcome::Save { id, draft }) => cmds.push(Command::SaveNeed { id, draft }),
                Some(Outcome::Leave(id)) => cmds.push(Command::Navigate(match id {
                    Some(id) => Screen::Need(id),
                    None => Screen::Needs,
                })),
                None => {}
            }
        });
    }
}

impl View for NeedForm {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.clients, cx.fields, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        if let Event::NeedRefused(errors) = event {
            self.form.refused(errors.clone());
        }
    }
}

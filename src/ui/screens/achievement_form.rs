//! Creating and editing an achievement, with its IP rows.

use crate::ui::view::{Cx, Event, View};
use egui::Ui;

use crate::domain::{
    AchievementDraft, AchievementField, AchievementId, AchievementStatus, ClientId, ClientKind,
    ClientRow, FieldErrors, IpItemDraft, IpKind, IpStatus, Stage, TransferMode,
};
use crate::i18n::Tr;
use crate::ui::command::{Command, Screen};
use crate::ui::widgets::combos::{client_picker, combo, option_combo, price_input};
use crate::ui::widgets::form_state::{FormState, Outcome};
use crate::ui::widgets::{error_text, form_row, text_field};

const WIDE: f32 = 520.0;
const NARROW: f32 = 200.0;
/// Achievements can belong to any kind of organisation.
const OWNER_KINDS: [ClientKind; 4] = ClientKind::ALL;

#[derive(Default)]
pub struct AchievementForm {
    form: FormState<AchievementId, AchievementDraft, AchievementField>,
    owner_query: String,
    new_field: String,
}

impl AchievementForm {
    pub fn new(owner: Option<ClientId>) -> Self {
        Self {
            form: FormState::new(AchievementDraft {
                owner,
                ..AchievementDraft::default()
            }),
            ..Self::default()
        }
    }

    pub fn edit(id: AchievementId, draft: AchievementDraft) -> Self {
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
        self.form
            .heading(ui, tr.new_achievement, tr.edit_achievement);
        egui::ScrollArea::vertical().show(ui, |ui| {
            let e = &self.form.errors;
            let d = &mut self.form.draft;
            egui::Grid::new("achievement_form")
                .num_columns(2)
                .spacing([16.0, 8.0])
                .show(ui, |ui| {
                    use AchievementField as F;
                    form_row(
                        ui,
                        tr,
                        tr.a_title,
                        true,
                        e.get(F::Title),
                        text_field(&mut d.title, WIDE),
                    );
                    form_row(ui, tr, tr.a_owner, true, e.get(F::Owner), |ui| {
                        client_picker(
                            ui,
                            &mut self.owner_query,
                            &mut d.owner,
                            clients,
                            &OWNER_KINDS,
                            tr,
                        )
                    });
                    form_row(
                        ui,
                        tr,
                        tr.a_inventors,
                        false,
                        e.get(F::Inventors),
                        text_field(&mut d.inventors, WIDE),
                    );
                    form_row(ui, tr, tr.a_field, true, e.get(F::Field), |ui| {
                        ui.horizontal(|ui| {
                            let mut chosen = (!d.field.is_empty()).then(|| d.field.clone());
                            let r = option_combo(
                                ui,
                                "form_field",
                                &mut chosen,
                                fields,
                                "—",
                                String::clone,
                            );
                            d.field = chosen.unwrap_or_default();
                            ui.add(
                                egui::TextEdit::singleline(&mut self.new_field)
                                    .hint_text(tr.new_field_hint)
                                    .desired_width(120.0),
                            );
                            if ui.small_button(tr.add).clicked()
                                && !self.new_field.trim().is_empty()
                            {
                                d.field = self.new_field.trim().to_string();
                                cmds.push(Command::AddField(std::mem::take(&mut self.new_field)));
                            }
                            r
                        })
                        .inner
                    });
                    form_row(
                        ui,
                        tr,
                        tr.a_keywords,
                        false,
                        e.get(F::Keywords),
                        text_field(&mut d.keywords, WIDE),
                    );
                    form_row(ui, tr, tr.a_abstract, false, e.get(F::Abstract), |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut d.abstract_text)
                                .desired_width(WIDE)
                                .desired_rows(5),
                        )
                    });
                    form_row(ui, tr, tr.a_indicators, false, e.get(F::Indicators), |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut d.indicators)
                                .desired_width(WIDE)
                                .desired_rows(2),
                        )
                    });
                    form_row(
                        ui,
                        tr,
                        tr.a_trl,
                        true,
                        e.get(F::Trl),
                        text_field(&mut d.trl, 60.0),
                    );
                    form_row(ui, tr, tr.a_stage, true, None, |ui| {
                        combo(ui, "form_stage", &mut d.stage, &Stage::ALL, |s| tr.stage(s))
                    });
                    ui.label(tr.a_modes);
                    ui.horizontal_wrapped(|ui| {
                        for mode in TransferMode::ALL {
                            let mut on = d.transfer_modes.contains(mode);
                            if ui.checkbox(&mut on, tr.transfer_mode(mode)).changed() {
                                d.transfer_modes.set(mode, on);
                            }
                        }
                    });
                    ui.end_row();
                    form_row(ui, tr, tr.a_price, false, e.get(F::Price), |ui| {
                        price_input(ui, &mut d.negotiable, &mut d.price, tr)
                    });
                    form_row(ui, tr, tr.a_status, false, None, |ui| {
                        combo(
                            ui,
                            "form_status",
                            &mut d.status,
                            &AchievementStatus::ALL,
                            |s| tr.achievement_status(s),
                        )
                    });
                    form_row(
                        ui,
                        tr,
                        tr.a_registration,
                        false,
                        e.get(F::RegistrationNo),
                        text_field(&mut d.registration_no, NARROW),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.a_source,
                        false,
                        e.get(F::Source),
                        text_field(&mut d.source, NARROW),
                    );
                });
            ui.add_space(8.0);
            ip_rows_ui(ui, &mut self.form.draft.ip_items, e, tr);
            match self.form.foot(ui, tr, AchievementDraft::validate) {
                Some(Outcome::Save { id, draft }) => {
                    cmds.push(Command::SaveAchievement { id, draft })
                }
                Some(Outcome::Leave(id)) => cmds.push(Command::Navigate(match id {
                    Some(id) => Screen::Achievement(id),
                    None => Screen::Achievements,
                })),
                None => {}
            }
        });
    }
}

/// The IP rows: kind, number, status, expiry, and a button to remove each.
fn ip_rows_ui(
    ui: &mut Ui,
    items: &mut Vec<IpItemDraft>,
    errors: &FieldErrors<AchievementField>,
    tr: &Tr,
) {
    ui.horizontal(|ui| {
        ui.strong(tr.a_ip);
        if ui.button(tr.add_ip).clicked() {
            items.push(IpItemDraft::default());
        }
    });
    let mut remove = None;
    egui::Grid::new("ip_rows")
        .num_columns(5)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if items.is_empty() {
                return;
            }
            let headers: Vec<egui::Id> = [tr.ip_kind, tr.ip_number, tr.ip_status, tr.ip_expiry, ""]
                .into_iter()
                .map(|title| ui.label(title).id)
                .collect();
            ui.end_row();
            for (i, ip) in items.iter_mut().enumerate() {
                ui.push_id(i, |ui| {
                    combo(ui, "ip_kind", &mut ip.kind, &IpKind::ALL, |k| tr.ip_kind(k))
                        .labelled_by(headers[0]);
                });
                ui.vertical(|ui| {
                    let label = format!("{} {}", tr.ip_number, i + 1);
                    ui.add(egui::TextEdit::singleline(&mut ip.number).desired_width(200.0))
                        .on_hover_text(&label)
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label)
                        });
                    if let Some(p) = errors.get(AchievementField::IpNumber(i)) {
                        error_text(ui, &tr.problem(p));
                    }
                });
                ui.push_id(i, |ui| {
                    combo(ui, "ip_status", &mut ip.status, &IpStatus::ALL, |s| {
                        tr.ip_status(s)
                    })
                    .labelled_by(headers[2]);
                });
                ui.vertical(|ui| {
                    let label = format!("{} {}", tr.ip_expiry, i + 1);
                    ui.add(
                        egui::TextEdit::singleline(&mut ip.expiry)
                            .desired_width(110.0)
                            .hint_text("2035-06-30"),
                    )
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
                    if let Some(p) = errors.get(AchievementField::IpExpiry(i)) {
                        error_text(ui, &tr.problem(p));
                    }
                });
                if ui
                    .push_id(i, |ui| ui.small_button(tr.remove))
                    .inner
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        items.remove(i);
    }
}

impl View for AchievementForm {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.clients, cx.fields, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        if let Event::AchievementRefused(errors) = event {
            self.form.refused(errors.clone());
        }
    }
}

//! Creating and editing a client.

use crate::ui::view::{Cx, Event, View};
use egui::Ui;

use crate::domain::{ClientDraft, ClientField, ClientId, ClientKind};
use crate::i18n::Tr;
use crate::ui::command::{Command, Screen};
use crate::ui::widgets::form_state::{FormState, Outcome};
use crate::ui::widgets::{form_row, text_field};

const WIDE: f32 = 420.0;
const NARROW: f32 = 200.0;

#[derive(Default)]
pub struct ClientForm {
    form: FormState<ClientId, ClientDraft, ClientField>,
}

impl ClientForm {
    pub fn new_client() -> Self {
        Self::default()
    }

    pub fn edit(id: ClientId, draft: ClientDraft) -> Self {
        Self {
            form: FormState::edit(id, draft),
        }
    }

    fn show(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        self.form.heading(ui, tr.new_client, tr.edit_client);
        egui::ScrollArea::vertical().show(ui, |ui| {
            let e = &self.form.errors;
            let d = &mut self.form.draft;
            egui::Grid::new("client_form")
                .num_columns(2)
                .spacing([16.0, 8.0])
                .show(ui, |ui| {
                    form_row(
                        ui,
                        tr,
                        tr.f_name,
                        true,
                        e.get(ClientField::Name),
                        text_field(&mut d.name, WIDE),
                    );
                    ui.label(tr.f_kind);
                    ui.horizontal(|ui| {
                        for kind in ClientKind::ALL {
                            ui.radio_value(&mut d.kind, kind, tr.client_kind(kind));
                        }
                    });
                    ui.end_row();
                    let text_rows = [
                        (
                            tr.f_credit_code,
                            ClientField::CreditCode,
                            &mut d.credit_code,
                            NARROW,
                        ),
                        (
                            tr.f_province,
                            ClientField::Province,
                            &mut d.province,
                            NARROW,
                        ),
                        (tr.f_city, ClientField::City, &mut d.city, NARROW),
                        (
                            tr.f_district,
                            ClientField::District,
                            &mut d.district,
                            NARROW,
                        ),
                        (
                            tr.f_industry,
                            ClientField::Industry,
                            &mut d.industry,
                            NARROW,
                        ),
                        (tr.f_size, ClientField::Size, &mut d.size, NARROW),
                        (tr.f_address, ClientField::Address, &mut d.address, WIDE),
                        (tr.f_website, ClientField::Website, &mut d.website, WIDE),
                    ];
                    for (label, field, value, width) in text_rows {
                        form_row(ui, tr, label, false, e.get(field), text_field(value, width));
                    }
                    form_row(ui, tr, tr.f_notes, false, e.get(ClientField::Notes), |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut d.notes)
                                .desired_width(WIDE)
                                .desired_rows(4),
                        )
                    });
                });
            match self.form.foot(ui, tr, ClientDraft::validate) {
                Some(Outcome::Save { id, draft }) => cmds.push(Command::SaveClient { id, draft }),
                Some(Outcome::Leave(id)) => cmds.push(Command::Navigate(match id {
                    Some(id) => Screen::Client(id),
                    None => Screen::Clients,
                })),
                None => {}
            }
        });
    }
}

impl View for ClientForm {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        if let Event::ClientRefused(errors) = event {
            self.form.refused(errors.clone());
        }
    }
}

//! One client: its details, contacts and the timeline of interactions.

use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::keys::{FormKey, form_keys};
use crate::ui::widgets::read_error;
use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::catalog::Catalogs;
use crate::domain::{
    AchievementId, AchievementRow, Client, ClientId, ClientKind, Contact, ContactDraft,
    ContactField, ContactId, FieldErrors, Interaction, NeedId, NeedRow,
};
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::ui::command::{Command, LogFor, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::screens::carrier_section::CarrierSection;
use crate::ui::screens::needs::need_title;
use crate::ui::widgets::interaction_log::{InteractionForm, log_ui};
use crate::ui::widgets::{form_row, text_field};

const FIELD_WIDTH: f32 = 260.0;

/// The contact being added or edited.
pub struct ContactForm {
    pub id: Option<ContactId>,
    pub draft: ContactDraft,
    pub errors: FieldErrors<ContactField>,
}

/// A client with its contacts and log, as last read.
struct ClientData {
    client: Option<Client>,
    contacts: Vec<Contact>,
    interactions: Vec<Interaction>,
}

/// Before the first read succeeds.
static NONE: ClientData = ClientData {
    client: None,
    contacts: Vec::new(),
    interactions: Vec::new(),
};

pub struct ClientDetail {
    pub client_id: ClientId,
    data: Reloaded<u64, ClientData>,
    pub contact_form: Option<ContactForm>,
    pub interaction_form: InteractionForm,
    owned: OwnedRecords,
    carrier: CarrierSection,
    team: crate::ui::widgets::team::TeamSection,
}

impl ClientDetail {
    pub fn new(client_id: ClientId, today: NaiveDate) -> Self {
        Self {
            client_id,
            data: Reloaded::default(),
            contact_form: None,
            interaction_form: InteractionForm::new(today),
            owned: OwnedRecords::default(),
            carrier: CarrierSection::default(),
            team: Default::default(),
        }
    }

    fn refresh(&mut self, store: &Store) {
        let id = self.client_id;
        self.data.refresh(store.revision(), || {
            Ok(ClientData {
                client: store.get_client(id)?,
                contacts: store.list_contacts(id)?,
                interactions: store.list_interactions(id)?,
            })
        });
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        catalogs: &Catalogs,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        self.refresh(store);
        if ui.button(format!("← {}", tr.back)).clicked() {
            cmds.push(Command::Navigate(Screen::Clients));
        }
        read_error(ui, tr, self.data.error());
        let Some(client) = self.data.get().and_then(|d| d.client.clone()) else {
            ui.label(tr.not_found);
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            self.header(ui, &client, tr, cmds);
            ui.separator();
            self.owned.refresh(client.id, catalogs);
            records_ui(ui, &client, &self.owned, catalogs, tr, cmds);
            self.carrier.ui(ui, store, client.id, tr, cmds);
            crate::ui::widgets::documents::section(ui, store, client.id, tr, cmds);
            self.team.client_ui(ui, store, client.id, tr);
            ui.separator();
            ui.columns(2, |cols| {
                self.contacts_ui(&mut cols[0], tr, cmds);
                self.interactions_ui(&mut cols[1], tr, cmds);
            });
        });
    }

    fn header(&self, ui: &mut Ui, client: &Client, tr: &Tr, cmds: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading(&client.name);
            ui.label(RichText::new(tr.client_kind(client.kind)).strong());
            if client.deleted_at.is_none() {
                ui.add_space(16.0);
                if ui.button(tr.edit_client).clicked() {
                    cmds.push(Command::EditClient(client.id));
                }
                if ui.button(tr.delete_client).clicked() {
                    cmds.push(Command::DeleteClient(client.id));
                }
            }
        });
        egui::Grid::new("client_facts")
            .num_columns(2)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for (label, value) in [
                    (tr.f_credit_code, client.credit_code.clone()),
                    (tr.col_region, client.region()),
                    (tr.f_industry, client.industry.clone()),
                    (tr.f_size, client.size.clone()),
                    (tr.f_address, client.address.clone()),
                    (tr.f_website, client.website.clone()),
                    (tr.f_notes, client.notes.clone()),
                ] {
                    if !value.is_empty() {
                        ui.label(RichText::new(label).weak());
                        ui.label(value);
                        ui.end_row();
                    }
                }
            });
    }

    fn contacts_ui(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading(tr.contacts);
            if self.contact_form.is_none() && ui.button(tr.add_contact).clicked() {
                self.contact_form = Some(ContactForm {
                    id: None,
                    draft: ContactDraft::default(),
                    errors: FieldErrors::new(),
                });
            }
        });
        if let Some(form) = &mut self.contact_form {
            let mut close = false;
            egui::Frame::group(ui.style()).show(ui, |ui| {
                close = contact_form_ui(ui, form, self.client_id, tr, cmds);
            });
            if close {
                self.contact_form = None;
            }
        }
        if self.data.get().unwrap_or(&NONE).contacts.is_empty() {
            ui.label(tr.no_contacts);
        }
        for contact in &self.data.get().unwrap_or(&NONE).contacts {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&contact.name).strong());
                    if !contact.title.is_empty() {
                        ui.label(&contact.title);
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.push_id(contact.id, |ui| {
                            if ui.small_button(tr.delete).clicked() {
                                cmds.push(Command::DeleteContact(contact.id));
                            }
                            if ui.small_button(tr.edit).clicked() {
                                self.contact_form = Some(ContactForm {
                                    id: Some(contact.id),
                                    draft: ContactDraft::from(contact),
                                    errors: FieldErrors::new(),
                                });
                            }
                        });
                    });
                });
                for (label, value) in [
                    (tr.c_phone, &contact.phone),
                    (tr.c_email, &contact.email),
                    (tr.c_wechat, &contact.wechat),
                ] {
                    if !value.is_empty() {
                        ui.label(format!("{label}: {value}"));
                    }
                }
            });
        }
    }

    fn interactions_ui(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        log_ui(
            ui,
            &mut self.interaction_form,
            LogFor::Client(self.client_id),
            &self.data.get().unwrap_or(&NONE).interactions,
            tr,
            cmds,
        );
    }
}

/// How many of a client's achievements or needs its page lists before "show all".
const RECORDS_SHOWN: usize = 10;

/// The client's achievements (any organisation may own some) and, for an enterprise, its needs,
/// each with a "new" button prefilled with the client.
/// The ids of a client's achievements and needs, found once per change of the catalogues rather
/// than by scanning 100,000 rows every frame.
#[derive(Default)]
struct OwnedRecords {
    key: Option<(ClientId, u64, u64)>,
    achievements: Vec<AchievementId>,
    needs: Vec<NeedId>,
}

impl OwnedRecords {
    fn refresh(&mut self, client: ClientId, catalogs: &Catalogs) {
        let (Some(a), Some(n)) = (catalogs.achievements.ready(), catalogs.needs.ready()) else {
            return;
        };
        let key = (client, a.revision(), n.revision());
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.achievements = a
            .rows()
            .iter()
            .filter(|r| r.owner == client)
            .map(|r| r.id)
            .collect();
        self.needs = n
            .rows()
            .iter()
            .filter(|r| r.enterprise == client)
            .map(|r| r.id)
            .collect();
    }
}

fn records_ui(
    ui: &mut Ui,
    client: &Client,
    owned: &OwnedRecords,
    catalogs: &Catalogs,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) {
    let achievements: Vec<&AchievementRow> = catalogs
        .achievements
        .ready()
        .map(|c| {
            owned
                .achievements
                .iter()
                .filter_map(|&id| c.get(id))
                .collect()
        })
        .unwrap_or_default();
    let is_enterprise = client.kind == ClientKind::Enterprise;
    if !achievements.is_empty() || !is_enterprise {
        ui.horizontal(|ui| {
            ui.strong(fill(tr.client_achievements, &[("n", &achievements.len())]));
            if ui.small_button(tr.new_achievement).clicked() {
                cmds.push(Command::NewAchievement {
                    owner: Some(client.id),
                });
            }
            if achievements.len() > RECORDS_SHOWN && ui.small_button(tr.show_all_in_list).clicked()
            {
                cmds.push(Command::ShowAchievementsOf(client.id));
            }
        });
        for r in achievements.iter().take(RECORDS_SHOWN) {
            ui.horizontal(|ui| {
                if ui.link(&r.title).clicked() {
                    cmds.push(Command::Navigate(Screen::Achievement(r.id)));
                }
                ui.label(RichText::new(format!("{} · TRL {}", r.field, r.trl)).weak());
            });
        }
    }
    if is_enterprise {
        let needs: Vec<&NeedRow> = catalogs
            .needs
            .ready()
            .map(|c| owned.needs.iter().filter_map(|&id| c.get(id)).collect())
            .unwrap_or_default();
        ui.horizontal(|ui| {
            ui.strong(fill(tr.client_needs, &[("n", &needs.len())]));
            if ui.small_button(tr.new_need).clicked() {
                cmds.push(Command::NewNeed {
                    enterprise: Some(client.id),
                });
            }
            if needs.len() > RECORDS_SHOWN && ui.small_button(tr.show_all_in_list).clicked() {
                cmds.push(Command::ShowNeedsOf(client.id));
            }
        });
        for r in needs.iter().take(RECORDS_SHOWN) {
            ui.horizontal(|ui| {
                if ui.link(need_title(r, tr)).clicked() {
                    cmds.push(Command::Navigate(Screen::Need(r.id)));
                }
                ui.label(RichText::new(tr.need_status(r.status)).weak());
            });
        }
    }
}

/// Returns true when the form should close (cancelled); saving closes it once the store
/// accepted the contact.
fn contact_form_ui(
    ui: &mut Ui,
    form: &mut ContactForm,
    client: ClientId,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) -> bool {
    let e = &form.errors;
    let d = &mut form.draft;
    egui::Grid::new("contact_form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            form_row(
                ui,
                tr,
                tr.c_name,
                true,
                e.get(ContactField::Name),
                text_field(&mut d.name, FIELD_WIDTH),
            );
            form_row(
                ui,
                tr,
                tr.c_title,
                false,
                e.get(ContactField::Title),
                text_field(&mut d.title, FIELD_WIDTH),
            );
            form_row(
                ui,
                tr,
                tr.c_phone,
                false,
                e.get(ContactField::Phone),
                text_field(&mut d.phone, FIELD_WIDTH),
            );
            form_row(
                ui,
                tr,
                tr.c_email,
                false,
                e.get(ContactField::Email),
                text_field(&mut d.email, FIELD_WIDTH),
            );
            form_row(
                ui,
                tr,
                tr.c_wechat,
                false,
                e.get(ContactField::Wechat),
                text_field(&mut d.wechat, FIELD_WIDTH),
            );
        });
    let mut close = false;
    let key = form_keys(ui);
    ui.horizontal(|ui| {
        if ui.button(tr.save).clicked() || key == Some(FormKey::Save) {
            match form.draft.validate() {
                Ok(_) => cmds.push(Command::SaveContact {
                    client,
                    id: form.id,
                    draft: form.draft.clone(),
                }),
                Err(errors) => form.errors = errors,
            }
        }
        close = ui.button(tr.cancel).clicked() || key == Some(FormKey::Leave);
    });
    close
}

impl View for ClientDetail {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.store, cx.catalogs, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        self.carrier.on_event(self.client_id, event);
        match event {
            Event::ContactSaved => self.contact_form = None,
            Event::ContactRefused(errors) => {
                if let Some(form) = &mut self.contact_form {
                    form.errors = errors.clone();
                }
            }
            Event::InteractionSaved(LogFor::Client(id)) if *id == self.client_id => {
                self.interaction_form = InteractionForm::new(crate::ui::widgets::today());
            }
            Event::InteractionRefused(LogFor::Client(id), errors) if *id == self.client_id => {
                self.interaction_form.errors = errors.clone();
            }
            _ => {}
        }
    }
}

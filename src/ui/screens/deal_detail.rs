//! One deal: its terms, its stage (with what signing needs), registration and history.

use crate::domain::deal::Missing;
use crate::store::missing_as_errors;
use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::keys::{FormKey, form_keys};
use crate::ui::widgets::read_error;
use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::domain::deal::{StageChange, commission};
use crate::domain::payments::{Receipt, Trial};
use crate::domain::registration::{
    RegistrationDraft, RegistrationField, RegistrationState, registration_state,
};
use crate::domain::{
    ContractType, Deal, DealDraft, DealField, DealId, DealStage, Interaction, ReceiptId,
    TransferMode,
};
use crate::i18n::{Tr, fill};
use crate::store::{PlannedInstalment, Store};
use crate::ui::command::{Command, LogFor, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::screens::deal_payments::PaymentForms;
use crate::ui::widgets::combos::{amount_input, combo, option_combo};
use crate::ui::widgets::form_state::Checked;
use crate::ui::widgets::interaction_log::{InteractionForm, log_ui};
use crate::ui::widgets::{confirm_delete, error_text, fitting, fmt_date, form_row, text_field};

const WIDTH: f32 = 260.0;

/// A deal with its history, payments and log, as last read.
#[derive(Clone)]
struct DealData {
    deal: Option<Deal>,
    history: Vec<StageChange>,
    plan: Vec<PlannedInstalment>,
    receipts: Vec<(ReceiptId, Receipt)>,
    trial: Trial,
    interactions: Vec<Interaction>,
}

pub struct DealDetail {
    pub id: DealId,
    data: Reloaded<u64, DealData>,
    pub draft: DealDraft,
    terms: Checked<DealDraft, DealField>,
    /// Set when a move was refused for missing terms.
    pub move_refused: bool,
    target: DealStage,
    lost_reason: String,
    registration: RegistrationDraft,
    registration_check: Checked<RegistrationDraft, RegistrationField>,
    pub interaction_form: InteractionForm,
    payments: PaymentForms,
    shares: crate::ui::screens::deal_shares::DealShares,
    /// The delete question is open.
    deleting: bool,
    team: crate::ui::widgets::team::TeamSection,
}

impl DealDetail {
    pub fn new(id: DealId) -> Self {
        Self {
            id,
            data: Reloaded::default(),
            draft: DealDraft::default(),
            terms: Checked::default(),
            move_refused: false,
            target: DealStage::Negotiating,
            lost_reason: String::new(),
            registration: RegistrationDraft::default(),
            registration_check: Checked::default(),
            interaction_form: InteractionForm::new(chrono::Local::now().date_naive()),
            payments: PaymentForms::default(),
            shares: Default::default(),
            deleting: false,
            team: Default::default(),
        }
    }

    fn refresh(&mut self, store: &Store) {
        let id = self.id;
        let read = self.data.refresh(store.revision(), || {
            Ok(DealData {
                deal: store.get_deal(id)?,
                history: store.deal_history(id)?,
                plan: store.payment_plan(id)?.0,
                receipts: store.receipt_rows(id)?,
                trial: store.trial(id)?,
                interactions: store.list_deal_interactions(id)?,
            })
        });
        // The form shows the terms as read, again after every change.
        if read && let Some(d) = self.data.get().and_then(|d| d.deal.as_ref()) {
            self.draft = DealDraft::from(&d.terms);
        }
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
        if ui.button(format!("← {}", tr.back)).clicked() {
            cmds.push(Command::Navigate(Screen::Deals));
        }
        read_error(ui, tr, self.data.error());
        // Cloned: the forms below borrow the screen mutably; a deal's rows are few.
        let data = self.data.get().cloned();
        let Some((deal, data)) = data.and_then(|d| d.deal.clone().map(|deal| (deal, d))) else {
            ui.label(tr.not_found);
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(&deal.terms.title);
                ui.label(RichText::new(tr.deal_stage(deal.stage)).strong());
                if deal.deleted_at.is_none() {
                    ui.add_space(16.0);
                    self.deleting |= ui.button(tr.delete_deal).clicked();
                } else {
                    error_text(ui, tr.deal_in_trash);
                }
            });
            if self.deleting
                && let Some(yes) = confirm_delete(ui, tr, &deal.terms.title)
            {
                if yes {
                    cmds.push(Command::DeleteDeal(deal.id));
                }
                self.deleting = false;
            }
            ui.horizontal(|ui| {
                ui.label(RichText::new(tr.d_seller).weak());
                if ui.link(&deal.seller_name).clicked() {
                    cmds.push(Command::Navigate(Screen::Client(deal.seller)));
                }
                ui.label(RichText::new(tr.d_buyer).weak());
                if ui.link(&deal.buyer_name).clicked() {
                    cmds.push(Command::Navigate(Screen::Client(deal.buyer)));
                }
                for &a in &deal.achievements {
                    if ui.link(tr.open_achievement).clicked() {
                        cmds.push(Command::Navigate(Screen::Achievement(a)));
                    }
                }
                if let Some(need) = deal.need
                    && ui.link(tr.open_need).clicked()
                {
                    cmds.push(Command::Navigate(Screen::Need(need)));
                }
            });
            ui.separator();
            ui.columns(2, |cols| {
                self.terms_ui(&mut cols[0], tr, cmds);
                cols[0].add_space(12.0);
                self.payments.ui(
                    &mut cols[0],
                    &deal,
                    &data.plan,
                    &data.receipts,
                    data.trial,
                    today,
                    tr,
                    cmds,
                );
                self.shares
                    .ui(&mut cols[0], store, deal.id, &data.receipts, tr);
                crate::ui::widgets::documents::section(&mut cols[0], store, deal.id, tr, cmds);
                self.stage_ui(&mut cols[1], &deal, tr, cmds);
                cols[1].add_space(12.0);
                self.registration_ui(&mut cols[1], &deal, today, tr, cmds);
                cols[1].add_space(12.0);
                history_ui(&mut cols[1], &data.history, tr);
                self.team
                    .record_ui(&mut cols[1], store, "deals", deal.id.0, tr);
                cols[1].add_space(12.0);
                log_ui(
                    &mut cols[1],
                    &mut self.interaction_form,
                    LogFor::Deal(deal.id),
                    &data.interactions,
                    tr,
                    cmds,
                );
            });
        });
    }

    fn terms_ui(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        ui.strong(tr.deal_terms);
        self.terms.recheck(&self.draft, DealDraft::validate);
        let e = &self.terms.errors;
        let d = &mut self.draft;
        egui::Grid::new("deal_terms")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                use DealField as F;
                form_row(
                    ui,
                    tr,
                    tr.d_title,
                    true,
                    e.get(F::Title),
                    text_field(&mut d.title, WIDTH),
                );
                form_row(
                    ui,
                    tr,
                    tr.d_broker,
                    false,
                    e.get(F::Broker),
                    text_field(&mut d.broker, WIDTH),
                );
                form_row(ui, tr, tr.d_contract_type, false, None, |ui| {
                    combo(
                        ui,
                        "contract_type",
                        &mut d.contract_type,
                        &ContractType::ALL,
                        |c| tr.contract_type(c),
                    )
                });
                form_row(ui, tr, tr.a_modes, false, None, |ui| {
                    option_combo(
                        ui,
                        "deal_mode",
                        &mut d.transfer_mode,
                        &TransferMode::ALL,
                        "—",
                        |m| tr.transfer_mode(*m).to_string(),
                    )
                });
                form_row(
                    ui,
                    tr,
                    tr.d_expected,
                    false,
                    e.get(F::Expected),
                    amount_input(&mut d.expected, tr),
                );
                form_row(
                    ui,
                    tr,
                    tr.d_contract,
                    false,
                    e.get(F::Contract),
                    amount_input(&mut d.contract, tr),
                );
                form_row(
                    ui,
                    tr,
                    tr.d_technology,
                    false,
                    e.get(F::Technology),
                    amount_input(&mut d.technology, tr),
                );
                form_row(
                    ui,
                    tr,
                    tr.d_rate,
                    false,
                    e.get(F::CommissionRate),
                    text_field(&mut d.commission_rate, 80.0),
                );
                form_row(
                    ui,
                    tr,
                    tr.d_commission,
                    false,
                    e.get(F::Commission),
                    amount_input(&mut d.commission, tr),
                );
                form_row(
                    ui,
                    tr,
                    tr.d_signed_on,
                    false,
                    e.get(F::SignedOn),
                    text_field(&mut d.signed_on, 140.0),
                );
                form_row(ui, tr, tr.d_notes, false, e.get(F::Notes), |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut d.notes)
                            .desired_width(fitting(ui, WIDTH))
                            .desired_rows(3),
                    )
                });
            });
        if let Ok(terms) = self.draft.validate()
            && terms.commission.is_none()
            && let Some(amount) = terms.contract
        {
            let computed = commission(amount, terms.commission_bp).yuan_text();
            ui.label(
                RichText::new(fill(tr.d_commission_computed, &[("amount", &computed)])).weak(),
            );
        }
        let saved_by_key = form_keys(ui) == Some(FormKey::Save);
        ui.horizontal(|ui| {
            if (ui.button(tr.save).clicked() || saved_by_key)
                && self
                    .terms
                    .submit(&self.draft, DealDraft::validate)
                    .is_some()
            {
                cmds.push(Command::SaveDealTerms {
                    id: self.id,
                    draft: self.draft.clone(),
                });
            }
        });
    }

    fn stage_ui(&mut self, ui: &mut Ui, deal: &Deal, tr: &Tr, cmds: &mut Vec<Command>) {
        ui.strong(tr.d_stage);
        ui.horizontal(|ui| {
            let label = ui.label(tr.move_to);
            combo(ui, "deal_target", &mut self.target, &DealStage::ALL, |s| {
                tr.deal_stage(s)
            })
            .labelled_by(label.id);
            if ui.button(tr.move_stage).clicked() && self.target != deal.stage {
                cmds.push(Command::MoveDeal {
                    id: deal.id,
                    stage: self.target,
                    lost_reason: self.lost_reason.clone(),
                });
            }
        });
        if self.target == DealStage::Lost {
            ui.horizontal(|ui| {
                let label = ui.label(tr.lost_reason);
                ui.add(
                    egui::TextEdit::singleline(&mut self.lost_reason)
                        .desired_width(fitting(ui, WIDTH)),
                )
                .labelled_by(label.id);
            });
        }
        if self.move_refused {
            error_text(ui, tr.signing_needs);
        }
        if deal.stage == DealStage::Lost && !deal.lost_reason.is_empty() {
            ui.label(format!("{}: {}", tr.lost_reason, deal.lost_reason));
        }
    }

    fn registration_ui(
        &mut self,
        ui: &mut Ui,
        deal: &Deal,
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        ui.strong(tr.registration);
        let Some(due) = deal.registration_due else {
            ui.label(tr.registration_not_yet);
            return;
        };
        ui.label(fill(tr.registration_due, &[("date", &fmt_date(due))]));
        match registration_state(due, deal.registration_submitted, today) {
            RegistrationState::Registered => {
                let date = deal
                    .registration_submitted
                    .map(fmt_date)
                    .unwrap_or_default();
                ui.label(fill(
                    tr.registration_done,
                    &[("date", &date), ("no", &deal.certificate_no)],
                ));
                return;
            }
            RegistrationState::DueIn(n) => {
                ui.label(fill(tr.registration_due_in, &[("n", &n)]));
            }
            RegistrationState::Overdue(n) => {
                error_text(ui, &fill(tr.registration_overdue, &[("n", &n)]));
            }
        }
        self.registration_check
            .recheck(&self.registration, RegistrationDraft::validate);
        let e = &self.registration_check.errors;
        let r = &mut self.registration;
        egui::Grid::new("registration_form")
            .num_columns(2)
            .show(ui, |ui| {
                use RegistrationField as F;
                form_row(
                    ui,
                    tr,
                    tr.r_submitted,
                    true,
                    e.get(F::Submitted),
                    text_field(&mut r.submitted, 140.0),
                );
                form_row(
                    ui,
                    tr,
                    tr.r_certificate,
                    false,
                    e.get(F::Certificate),
                    text_field(&mut r.certificate, WIDTH),
                );
                form_row(
                    ui,
                    tr,
                    tr.r_contract,
                    false,
                    e.get(F::Contract),
                    amount_input(&mut r.contract, tr),
                );
                form_row(
                    ui,
                    tr,
                    tr.r_technology,
                    false,
                    e.get(F::Technology),
                    amount_input(&mut r.technology, tr),
                );
            });
        if ui.button(tr.record_registration).clicked()
            && let Some(registration) = self
                .registration_check
                .submit(&self.registration, RegistrationDraft::validate)
        {
            cmds.push(Command::RecordRegistration {
                id: deal.id,
                registration,
            });
        }
    }
}

fn history_ui(ui: &mut Ui, history: &[StageChange], tr: &Tr) {
    ui.strong(tr.stage_history);
    for change in history.iter().rev() {
        let local = change.at.with_timezone(&chrono::Local);
        ui.label(format!(
            "{}  {}",
            local.format("%Y-%m-%d %H:%M"),
            tr.deal_stage(change.stage)
        ));
    }
}

impl View for DealDetail {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.store, cx.today, cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        match event {
            Event::DealTermsSaved(id) if *id == self.id => self.terms = Checked::default(),
            Event::DealTermsRefused(id, errors) if *id == self.id => {
                self.terms.refused(&self.draft, errors.clone());
            }
            Event::DealMoved(id) if *id == self.id => self.move_refused = false,
            Event::DealMoveRefused(id, missing) if *id == self.id => {
                self.move_refused = !missing.contains(&Missing::LostReason);
                self.terms.refused(&self.draft, missing_as_errors(missing));
            }
            Event::InteractionSaved(LogFor::Deal(id)) if *id == self.id => {
                self.interaction_form = InteractionForm::new(crate::ui::widgets::today());
            }
            Event::InteractionRefused(LogFor::Deal(id), errors) if *id == self.id => {
                self.interaction_form.errors = errors.clone();
            }
            _ => {}
        }
    }
}

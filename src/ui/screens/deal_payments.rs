//! A deal's payment plan: instalments, payments received against them, and the "use first, pay
//! later" trial whose end the schedule follows.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::domain::dates::parse_date;
use crate::domain::deal::{parse_rate, rate_text};
use crate::domain::payments::{
    Instalment, PayLaterForm, Receipt, Trial, TrialEnd, pay_later_schedule, plan_gap, plan_status,
    trial_days_left,
};
use crate::domain::{Deal, DealId, Money, Problem, ReceiptId};
use crate::i18n::{Tr, fill};
use crate::store::PlannedInstalment;
use crate::ui::command::Command;
use crate::ui::widgets::{confirm_delete, error_text, fmt_date, form_row, text_field};

/// "1,000,000.00 元（100.00 万元）": a receipt's amount in yuan, with the 万 figure beside it.
fn receipt_amount(amount: Money, tr: &Tr) -> String {
    fill(
        tr.receipt_amount,
        &[("yuan", &amount.yuan_text()), ("wan", &amount.wan_text())],
    )
}

/// What the payment forms hold, and which of their fields were refused.
#[derive(Default)]
pub struct PaymentForms {
    due: String,
    amount: String,
    trigger: String,
    instalment_problem: Option<Problem>,
    received_on: String,
    received: String,
    note: String,
    receipt_problem: Option<Problem>,
    /// The receipt the payment form corrects instead of recording a new one.
    editing: Option<ReceiptId>,
    /// A payment on an unsigned deal, waiting for the broker to confirm it.
    unsigned: Option<Receipt>,
    /// The receipt whose move to the trash is being asked about, with its name.
    to_trash: Option<(ReceiptId, String)>,
    trial_start: String,
    trial_end: String,
    until_revenue: bool,
    kind: PayKind,
    count: String,
    every: String,
    days_after: String,
    share_rate: String,
    trial_problem: Option<&'static str>,
}

/// Which way payment follows the trial, in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum PayKind {
    #[default]
    Instalments,
    Deferred,
    RevenueShare,
}

/// A date and an amount typed in a form, or the first problem with them.
fn date_and_amount(date: &str, amount: &str) -> Result<(NaiveDate, Money), Problem> {
    let date = parse_date(date).ok_or(Problem::InvalidDate)?;
    let amount = Money::parse_yuan(amount).map_err(Problem::from)?;
    Ok((date, amount))
}

impl PaymentForms {
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        deal: &Deal,
        plan: &[PlannedInstalment],
        recorded: &[(ReceiptId, Receipt)],
        trial: Trial,
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let contract = deal.terms.contract;
        // A payment before signing is most likely a slip; a lost deal that was signed has a
        // contract to be paid against.
        let signed = deal.stage.is_signed() || deal.terms.signed_on.is_some();
        let deal = deal.id;
        ui.strong(tr.payments);
        let instalments: Vec<Instalment> = plan.iter().map(|(_, i)| i.clone()).collect();
        let receipts: Vec<Receipt> = recorded.iter().map(|(_, r)| r.clone()).collect();
        let status = plan_status(&instalments, &receipts, today);
        if plan.is_empty() {
            ui.label(tr.no_instalments);
        } else {
            egui::Grid::new("instalments")
                .num_columns(6)
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for title in [
                        tr.col_due,
                        tr.col_amount,
                        tr.col_trigger,
                        tr.pay_paid,
                        tr.pay_outstanding,
                        "",
                    ] {
                        ui.label(RichText::new(title).weak());
                    }
                    ui.end_row();
                    // plan_status keeps the due-date order the store returns.
                    for ((id, _), s) in plan.iter().zip(&status.instalments) {
                        ui.label(fmt_date(s.instalment.due));
                        ui.label(s.instalment.amount.yuan_text());
                        ui.label(&s.instalment.trigger);
                        ui.label(s.paid.yuan_text());
                        if s.is_overdue(today) {
                            error_text(
                                ui,
                                &format!("{} {}", s.outstanding().yuan_text(), tr.pay_overdue),
                            );
                        } else {
                            ui.label(s.outstanding().yuan_text());
                        }
                        if ui
                            .push_id(id, |ui| ui.small_button(tr.remove))
                            .inner
                            .clicked()
                        {
                            cmds.push(Command::RemoveInstalment(*id));
                        }
                        ui.end_row();
                    }
                });
        }
        if !recorded.is_empty() {
            ui.label(RichText::new(tr.received_payments).weak());
            egui::Grid::new("receipts")
                .num_columns(5)
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for (id, r) in recorded {
                        ui.label(fmt_date(r.date));
                        ui.label(receipt_amount(r.amount, tr));
                        ui.label(&r.note);
                        ui.push_id(("receipt", id), |ui| {
                            if ui.small_button(tr.receipt_edit).clicked() {
                                self.edit(*id, r);
                            }
                        });
                        if ui
                            .push_id(("receipt_trash", id), |ui| ui.small_button(tr.remove))
                            .inner
                            .clicked()
                        {
                            let name = fill(
                                tr.receipt_name,
                                &[
                                    ("date", &fmt_date(r.date)),
                                    ("amount", &r.amount.yuan_text()),
                                ],
                            );
                            self.to_trash = Some((*id, name));
                        }
                        ui.end_row();
                    }
                });
        }
        if let Some((id, name)) = &self.to_trash {
            let id = *id;
            match confirm_delete(ui, tr, name) {
                Some(true) => {
                    cmds.push(Command::RemoveReceipt(id));
                    if self.editing == Some(id) {
                        self.stop_editing();
                    }
                    self.to_trash = None;
                }
                Some(false) => self.to_trash = None,
                None => {}
            }
        }
        // A receipt corrected elsewhere or moved to the trash leaves the form.
        if let Some(id) = self.editing
            && !recorded.iter().any(|(r, _)| *r == id)
        {
            self.stop_editing();
        }
        ui.label(fill(
            tr.plan_totals,
            &[
                ("planned", &status.planned.yuan_text()),
                ("received", &status.received.yuan_text()),
                ("outstanding", &status.outstanding.yuan_text()),
                ("overdue", &status.overdue.yuan_text()),
            ],
        ));
        if let Some(contract) = contract
            && !plan.is_empty()
        {
            let gap = plan_gap(&instalments, contract);
            if gap.fen() != 0 {
                ui.label(
                    RichText::new(fill(tr.plan_gap, &[("gap", &gap.yuan_text())]))
                        .color(ui.visuals().warn_fg_color),
                );
            }
        }
        ui.add_space(6.0);
        self.instalment_form(ui, deal, tr, cmds);
        ui.add_space(6.0);
        self.receipt_form(ui, deal, signed, tr, cmds);
        ui.add_space(6.0);
        self.trial_form(ui, deal, contract, trial, today, tr, cmds);
    }

    fn instalment_form(&mut self, ui: &mut Ui, deal: DealId, tr: &Tr, cmds: &mut Vec<Command>) {
        egui::Grid::new("instalment_form")
            .num_columns(2)
            .show(ui, |ui| {
                form_row(
                    ui,
                    tr,
                    tr.pay_due,
                    true,
                    None,
                    text_field(&mut self.due, 120.0),
                );
                form_row(
                    ui,
                    tr,
                    tr.pay_amount,
                    true,
                    None,
                    text_field(&mut self.amount, 160.0),
                );
                form_row(
                    ui,
                    tr,
                    tr.pay_trigger,
                    false,
                    None,
                    text_field(&mut self.trigger, 200.0),
                );
            });
        if let Some(p) = self.instalment_problem {
            error_text(ui, &tr.problem(p));
        }
        ui.horizontal(|ui| {
            if ui.button(tr.add_instalment).clicked() {
                match date_and_amount(&self.due, &self.amount) {
                    Ok((due, amount)) => {
                        self.instalment_problem = None;
                        cmds.push(Command::AddInstalments {
                            deal,
                            items: vec![Instalment {
                                due,
                                amount,
                                trigger: self.trigger.trim().to_string(),
                            }],
                        });
                        self.amount.clear();
                        self.trigger.clear();
                    }
                    Err(p) => self.instalment_problem = Some(p),
                }
            }
        });
    }

    /// Fills the payment form with a recorded receipt, to correct it.
    fn edit(&mut self, id: ReceiptId, receipt: &Receipt) {
        self.editing = Some(id);
        self.received_on = receipt.date.to_string();
        self.received = receipt.amount.input_text();
        self.note = receipt.note.clone();
        self.receipt_problem = None;
    }

    fn stop_editing(&mut self) {
        self.editing = None;
        self.received.clear();
        self.note.clear();
        self.receipt_problem = None;
    }

    fn receipt_form(
        &mut self,
        ui: &mut Ui,
        deal: DealId,
        signed: bool,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        if self.editing.is_some() {
            ui.label(
                RichText::new(fill(tr.receipt_editing, &[("date", &self.received_on)])).strong(),
            );
        }
        egui::Grid::new("receipt_form")
            .num_columns(2)
            .show(ui, |ui| {
                form_row(
                    ui,
                    tr,
                    tr.rc_date,
                    true,
                    None,
                    text_field(&mut self.received_on, 120.0),
                );
                form_row(
                    ui,
                    tr,
                    tr.rc_amount,
                    true,
                    None,
                    text_field(&mut self.received, 160.0),
                );
                form_row(
                    ui,
                    tr,
                    tr.rc_note,
                    false,
                    None,
                    text_field(&mut self.note, 200.0),
                );
            });
        if let Some(p) = self.receipt_problem {
            error_text(ui, &tr.problem(p));
        }
        ui.horizontal(|ui| match self.editing {
            Some(id) => {
                if ui.button(tr.receipt_save).clicked() {
                    match Receipt::from_form(&self.received_on, &self.received, &self.note) {
                        Ok(receipt) => {
                            cmds.push(Command::EditReceipt { id, receipt });
                            self.stop_editing();
                        }
                        Err(p) => self.receipt_problem = Some(p),
                    }
                }
                if ui.button(tr.cancel).clicked() {
                    self.stop_editing();
                }
            }
            None => {
                if ui.button(tr.record_payment).clicked() {
                    match Receipt::from_form(&self.received_on, &self.received, &self.note) {
                        Ok(receipt) if signed => self.record(deal, receipt, cmds),
                        Ok(receipt) => {
                            self.receipt_problem = None;
                            self.unsigned = Some(receipt);
                        }
                        Err(p) => self.receipt_problem = Some(p),
                    }
                }
            }
        });
        if let Some(receipt) = &self.unsigned {
            let mut answer = None;
            let modal = egui::Modal::new(egui::Id::unique(("unsigned_receipt", deal))).show(
                ui.ctx(),
                |ui| {
                    ui.heading(tr.unsigned_title);
                    ui.label(tr.unsigned_body);
                    ui.label(fill(
                        tr.receipt_name,
                        &[
                            ("date", &fmt_date(receipt.date)),
                            ("amount", &receipt.amount.yuan_text()),
                        ],
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(tr.record_anyway).clicked() {
                            answer = Some(true);
                        }
                        if ui.button(tr.cancel).clicked() {
                            answer = Some(false);
                        }
                    });
                },
            );
            if modal.should_close() && answer.is_none() {
                answer = Some(false);
            }
            match answer {
                Some(true) => {
                    if let Some(receipt) = self.unsigned.take() {
                        self.record(deal, receipt, cmds);
                    }
                }
                Some(false) => self.unsigned = None,
                None => {}
            }
        }
    }

    fn record(&mut self, deal: DealId, receipt: Receipt, cmds: &mut Vec<Command>) {
        self.receipt_problem = None;
        cmds.push(Command::AddReceipt { deal, receipt });
        self.received.clear();
        self.note.clear();
    }

    /// What the form's fields say, as the arrangement to save (None with the problem).
    fn typed_trial(&self, tr: &Tr) -> Result<Trial, &'static str> {
        let start = match self.trial_start.trim() {
            "" => None,
            t => Some(parse_date(t).ok_or(tr.p_invalid_date)?),
        };
        let end = if self.until_revenue {
            TrialEnd::UntilRevenue
        } else {
            TrialEnd::On(parse_date(&self.trial_end).ok_or(tr.p_invalid_date)?)
        };
        let number = |text: &str| text.trim().parse::<u16>().ok().filter(|n| *n > 0);
        let form = match self.kind {
            PayKind::Instalments => PayLaterForm::Instalments {
                count: number(&self.count)
                    .and_then(|n| u8::try_from(n).ok())
                    .ok_or(tr.plan_needs_numbers)?,
                every_months: number(&self.every)
                    .and_then(|n| u8::try_from(n).ok())
                    .ok_or(tr.plan_needs_numbers)?,
            },
            PayKind::Deferred => PayLaterForm::Deferred {
                days_after: number(&self.days_after).ok_or(tr.plan_needs_numbers)?,
            },
            PayKind::RevenueShare => PayLaterForm::RevenueShare {
                rate_basis_points: parse_rate(&self.share_rate)
                    .and_then(|bp| u16::try_from(bp).ok())
                    .filter(|bp| *bp > 0)
                    .ok_or(tr.plan_needs_numbers)?,
                period_months: number(&self.every)
                    .and_then(|n| u8::try_from(n).ok())
                    .ok_or(tr.plan_needs_numbers)?,
            },
        };
        Ok(Trial {
            start,
            end: Some(end),
            form: Some(form),
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn trial_form(
        &mut self,
        ui: &mut Ui,
        deal: DealId,
        contract: Option<Money>,
        trial: Trial,
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        ui.strong(tr.trial);
        match trial.end {
            Some(end @ TrialEnd::On(_)) => match trial_days_left(end, today) {
                Some(n) if n >= 0 => {
                    ui.label(fill(tr.trial_days_left, &[("n", &n)]));
                }
                _ => {
                    ui.label(tr.trial_ended);
                }
            },
            Some(TrialEnd::UntilRevenue) => {
                ui.label(tr.until_revenue);
            }
            None => {}
        }
        if let Some(PayLaterForm::RevenueShare {
            rate_basis_points,
            period_months,
        }) = trial.form
        {
            ui.label(fill(
                tr.revenue_share_terms,
                &[
                    ("rate", &rate_text(u32::from(rate_basis_points))),
                    ("months", &period_months),
                ],
            ));
        }
        ui.horizontal(|ui| {
            for (kind, label) in [
                (PayKind::Instalments, tr.pl_instalments),
                (PayKind::Deferred, tr.pl_deferred),
                (PayKind::RevenueShare, tr.pl_revenue_share),
            ] {
                ui.selectable_value(&mut self.kind, kind, label);
            }
        });
        egui::Grid::new("trial_form").num_columns(2).show(ui, |ui| {
            form_row(
                ui,
                tr,
                tr.trial_start,
                false,
                None,
                text_field(&mut self.trial_start, 120.0),
            );
            form_row(ui, tr, tr.trial_end, false, None, |ui| {
                ui.horizontal(|ui| {
                    let r = ui.add_enabled(
                        !self.until_revenue,
                        egui::TextEdit::singleline(&mut self.trial_end).desired_width(120.0),
                    );
                    ui.checkbox(&mut self.until_revenue, tr.until_revenue);
                    r
                })
                .inner
            });
            match self.kind {
                PayKind::Instalments => {
                    form_row(
                        ui,
                        tr,
                        tr.plan_count,
                        false,
                        None,
                        text_field(&mut self.count, 60.0),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.plan_every,
                        false,
                        None,
                        text_field(&mut self.every, 60.0),
                    );
                }
                PayKind::Deferred => {
                    form_row(
                        ui,
                        tr,
                        tr.plan_days_after,
                        false,
                        None,
                        text_field(&mut self.days_after, 60.0),
                    );
                }
                PayKind::RevenueShare => {
                    form_row(
                        ui,
                        tr,
                        tr.plan_share_rate,
                        false,
                        None,
                        text_field(&mut self.share_rate, 60.0),
                    );
                    form_row(
                        ui,
                        tr,
                        tr.plan_period,
                        false,
                        None,
                        text_field(&mut self.every, 60.0),
                    );
                }
            }
        });
        if let Some(text) = self.trial_problem {
            error_text(ui, text);
        }
        ui.horizontal(|ui| {
            if ui.button(tr.save_trial).clicked() {
                match self.typed_trial(tr) {
                    Ok(trial) => {
                        self.trial_problem = None;
                        cmds.push(Command::SetTrial { deal, trial });
                    }
                    Err(problem) => self.trial_problem = Some(problem),
                }
            }
            if self.kind != PayKind::RevenueShare && ui.button(tr.generate_plan).clicked() {
                match (self.typed_trial(tr), contract) {
                    (Ok(trial), Some(total)) => {
                        let items = match (trial.end, trial.form) {
                            (Some(end), Some(form)) => pay_later_schedule(total, end, form),
                            _ => Vec::new(),
                        };
                        self.trial_problem = items.is_empty().then_some(tr.p_invalid_date);
                        cmds.push(Command::SetTrial { deal, trial });
                        if !items.is_empty() {
                            cmds.push(Command::AddInstalments { deal, items });
                        }
                    }
                    (Ok(_), None) => self.trial_problem = Some(tr.plan_needs_contract),
                    (Err(problem), _) => self.trial_problem = Some(problem),
                }
            }
        });
    }
}

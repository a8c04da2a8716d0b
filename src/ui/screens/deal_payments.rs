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
use crate::domain::{DealId, Money, Problem, ReceiptId};
use crate::i18n::{Tr, fill};
use crate::store::PlannedInstalment;
use crate::ui::command::Command;
use crate::ui::widgets::{error_text, fmt_date, form_row, text_field};

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
        deal: DealId,
        contract: Option<Money>,
        plan: &[PlannedInstalment],
        recorded: &[(ReceiptId, Receipt)],
        trial: Trial,
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
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
                .num_columns(4)
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for (id, r) in recorded {
                        ui.label(fmt_date(r.date));
                        ui.label(r.amount.yuan_text());
                        ui.label(&r.note);
                        if ui
                            .push_id(("receipt", id), |ui| ui.small_button(tr.remove))
                            .inner
                            .clicked()
                        {
                            cmds.push(Command::RemoveReceipt(*id));
                        }
                        ui.end_row();
                    }
                });
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
        self.receipt_form(ui, deal, tr, cmds);
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

    fn receipt_form(&mut self, ui: &mut Ui, deal: DealId, tr: &Tr, cmds: &mut Vec<Command>) {
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
        ui.horizontal(|ui| {
            if ui.button(tr.record_payment).clicked() {
                match date_and_amount(&self.received_on, &self.received) {
                    Ok((_, amount)) if amount.fen() == 0 => {
                        self.receipt_problem = Some(Problem::InvalidAmount);
                    }
                    Ok((date, amount)) => {
                        self.receipt_problem = None;
                        cmds.push(Command::AddReceipt {
                            deal,
                            receipt: Receipt {
                                date,
                                amount,
                                note: self.note.trim().to_string(),
                            },
                        });
                        self.received.clear();
                        self.note.clear();
                    }
                    Err(p) => self.receipt_problem = Some(p),
                }
            }
        });
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

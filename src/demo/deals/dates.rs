//! A deal's dated life: its stage history, terms, registration, trial and payments.

use chrono::NaiveDate;

use super::words::{BROKERS, LOST_REASONS};
use super::{CONTRACT_BANDS, DemoDeal, Maker, at, days_before, shift, split};
use crate::demo::random::{DemoRng, amount, between, chance, one};
use crate::domain::deal::StageChange;
use crate::domain::payments::{
    Instalment, PayLaterForm, Receipt, Trial, TrialEnd, pay_later_schedule,
};
use crate::domain::registration::RegistrationRule;
use crate::domain::{ContractType, DealStage, DealTerms, Money, Price, TransferMode};

impl Maker<'_> {
    /// The deal with its history, terms, registration, trial and payments.
    pub(super) fn dated_deal(
        &self,
        rng: &mut DemoRng,
        stage: DealStage,
        need: Option<usize>,
        achievement: usize,
        seller: usize,
        buyer: usize,
    ) -> DemoDeal {
        let a = &self.data.achievements[achievement];
        let today = self.today;
        // The stages the deal went through, ending with its own.
        let reached = match stage {
            DealStage::Lost => between(rng, 0, 2) as usize,
            s => DealStage::PIPELINE
                .iter()
                .position(|p| *p == s)
                .unwrap_or(0),
        };
        let first = if reached > 0 && chance(rng, 70) { 1 } else { 0 };
        let mut path: Vec<DealStage> = DealStage::PIPELINE[first..=reached].to_vec();
        if stage == DealStage::Lost {
            path.push(DealStage::Lost);
        }
        // A deal just signed is within its registration window, or just past it.
        let signed_ago = match stage {
            DealStage::Signed if chance(rng, 50) => between(rng, 2, 26),
            DealStage::Signed => between(rng, 31, 50),
            DealStage::Registered => between(rng, 40, 90),
            DealStage::Executing => between(rng, 90, 300),
            DealStage::ClosedWon => between(rng, 300, 600),
            _ => 0,
        };
        let signed_on = stage.is_signed().then(|| days_before(today, signed_ago));
        let created_ago = match signed_on {
            Some(_) => signed_ago + between(rng, 30, 120),
            None => between(rng, 5, 150),
        };
        let created = days_before(today, created_ago);
        let history = self.history(rng, &path, created, signed_on);
        let contract = stage.is_signed().then(|| match a.price {
            Price::Amount(p) if p.fen() > 0 => {
                Money(p.fen() / 100 * i64::from(between(rng, 70, 100)))
            }
            _ => amount(rng, &CONTRACT_BANDS, 10_000),
        });
        let mode = if stage.is_signed() && chance(rng, 12) {
            TransferMode::UseFirstPayLater
        } else {
            *one(
                rng,
                &[
                    TransferMode::Assignment,
                    TransferMode::LicenceOrdinary,
                    TransferMode::LicenceExclusive,
                    TransferMode::CoDevelopment,
                ],
            )
        };
        let contract_type = match mode {
            TransferMode::Assignment => ContractType::Transfer,
            TransferMode::CoDevelopment => ContractType::Development,
            _ => ContractType::Licence,
        };
        let terms = DealTerms {
            title: a.title.clone(),
            broker: one(rng, &BROKERS).to_string(),
            contract_type,
            transfer_mode: Some(mode),
            expected: Some(amount(rng, &CONTRACT_BANDS, 10_000)),
            contract,
            technology: contract.map(|c| Money(c.fen() / 100 * i64::from(between(rng, 80, 100)))),
            commission_bp: between(rng, 1, 5) * 100,
            commission: None,
            signed_on,
            notes: String::new(),
        };
        let registration_due = signed_on.and_then(|d| RegistrationRule::default().due_date(d));
        let registered = matches!(
            stage,
            DealStage::Registered | DealStage::Executing | DealStage::ClosedWon
        );
        let registration_submitted = signed_on
            .filter(|_| registered)
            .map(|d| shift(d, i64::from(between(rng, 5, 28))));
        let certificate_no = registration_submitted
            .map(|d| {
                format!(
                    "{}3701{:02}{:06}",
                    d.format("%Y"),
                    between(rng, 1, 17),
                    between(rng, 1, 999_999)
                )
            })
            .unwrap_or_default();
        let mut deal = DemoDeal {
            need,
            achievement,
            seller,
            buyer,
            stage,
            terms,
            lost_reason: match stage {
                DealStage::Lost => one(rng, &LOST_REASONS).to_string(),
                _ => String::new(),
            },
            history,
            registration_due,
            registration_submitted,
            certificate_no,
            registered_contract: contract.filter(|_| registered),
            registered_technology: None,
            trial: Trial::default(),
            instalments: Vec::new(),
            receipts: Vec::new(),
        };
        deal.registered_technology = deal.terms.technology.filter(|_| registered);
        if let (Some(signed), Some(total)) = (signed_on, contract) {
            self.payments(rng, &mut deal, signed, total);
        }
        deal
    }

    /// Stage changes spread from `created` to a few days ago, the signed one on `signed_on`:
    /// the earlier stages share the time before signing, the later ones the time after.
    fn history(
        &self,
        rng: &mut DemoRng,
        path: &[DealStage],
        created: NaiveDate,
        signed_on: Option<NaiveDate>,
    ) -> Vec<StageChange> {
        let pivot = path.iter().position(|s| *s == DealStage::Signed);
        let last = days_before(self.today, between(rng, 1, 4))
            .max(created)
            .max(signed_on.unwrap_or(created));
        let n = path.len() as i64;
        let spread = |from: NaiveDate, to: NaiveDate, step: i64, steps: i64| {
            shift(from, (to - from).num_days() * step / steps.max(1))
        };
        path.iter()
            .enumerate()
            .map(|(i, &stage)| {
                let i = i as i64;
                let day = match (pivot, signed_on) {
                    (Some(p), Some(signed)) => {
                        let p = p as i64;
                        if i <= p {
                            spread(created, signed, i, p)
                        } else {
                            spread(signed, last, i - p, n - 1 - p)
                        }
                    }
                    _ => spread(created, last, i, n),
                };
                StageChange {
                    stage,
                    at: at(day) + chrono::Duration::minutes(i),
                }
            })
            .collect()
    }

    /// A plan of instalments and what has come in: everything for closed deals, the past ones
    /// (some left overdue) for executing deals, a trial for "use first, pay later".
    fn payments(&self, rng: &mut DemoRng, deal: &mut DemoDeal, signed: NaiveDate, total: Money) {
        let today = self.today;
        if deal.terms.transfer_mode == Some(TransferMode::UseFirstPayLater) {
            // Some trials end within the month, so the agenda has them.
            let end = if chance(rng, 50) {
                shift(today, i64::from(between(rng, 3, 28)))
            } else {
                shift(signed, i64::from(between(rng, 180, 420)))
            };
            let form = match between(rng, 0, 2) {
                0 => PayLaterForm::Instalments {
                    count: 3,
                    every_months: 6,
                },
                1 => PayLaterForm::Deferred { days_after: 90 },
                _ => PayLaterForm::RevenueShare {
                    rate_basis_points: 300,
                    period_months: 12,
                },
            };
            deal.trial = Trial {
                start: Some(signed),
                end: Some(TrialEnd::On(end)),
                form: Some(form),
            };
            deal.instalments = pay_later_schedule(total, TrialEnd::On(end), form);
        } else {
            let n = i64::from(between(rng, 1, 3));
            let mut due = shift(signed, 30);
            for (i, part) in split(total, n).into_iter().enumerate() {
                if i > 0 {
                    due = shift(due, i64::from(between(rng, 60, 120)));
                }
                let trigger = match i {
                    0 => "合同生效后",
                    _ if i as i64 == n - 1 => "验收合格后",
                    _ => "中试完成后",
                };
                deal.instalments.push(Instalment {
                    due,
                    amount: part,
                    trigger: trigger.to_string(),
                });
            }
            if deal.stage == DealStage::Executing && chance(rng, 40) {
                // An instalment due within two weeks for the agenda.
                if let Some(last) = deal.instalments.last_mut() {
                    last.due = shift(today, i64::from(between(rng, 0, 14)));
                }
            }
        }
        let paid_all = deal.stage == DealStage::ClosedWon;
        for i in &deal.instalments {
            let late_payer = chance(rng, 35);
            let due_and_paid = i.due < today && deal.stage == DealStage::Executing && !late_payer;
            if paid_all || due_and_paid {
                deal.receipts.push(Receipt {
                    date: shift(i.due, i64::from(between(rng, 0, 10))).min(today),
                    amount: i.amount,
                    note: "银行转账".to_string(),
                });
            }
        }
    }
}

//! Deals for the classroom: generated clients, achievements and needs turned into a pipeline
//! with backdated stage histories, signed terms, registrations, payment plans, "use first, pay
//! later" trials, follow-ups and the match decisions that led to them.
//!
//! Every date is counted back or forward from `today`, so a class on any day finds registrations
//! and instalments due soon or overdue and follow-ups due today. Indexes point into the
//! generated lists (clients, achievements, needs, deals); whoever stores them maps them to ids.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rand::SeedableRng;
use rustc_hash::FxHashMap;

use super::DemoData;
use super::random::{DemoRng, amount, between, chance, one, pick};
use crate::domain::deal::StageChange;
use crate::domain::payments::{
    Instalment, PayLaterForm, Receipt, Trial, TrialEnd, pay_later_schedule,
};
use crate::domain::{
    AchievementStatus, ClientKind, ContractType, DealStage, DealTerms, Decision, InteractionKind,
    Money, NeedStatus, Price, RejectReason, TransferMode,
};
use crate::matching::{Breakdown, PartValues, Weights};

/// A generated deal. `need`, `achievement`, `seller` and `buyer` are indexes.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoDeal {
    pub need: Option<usize>,
    pub achievement: usize,
    pub seller: usize,
    pub buyer: usize,
    pub stage: DealStage,
    pub terms: DealTerms,
    pub lost_reason: String,
    /// Oldest first; the first entry is when the deal was created.
    pub history: Vec<StageChange>,
    pub registration_due: Option<NaiveDate>,
    pub registration_submitted: Option<NaiveDate>,
    pub certificate_no: String,
    pub registered_contract: Option<Money>,
    pub registered_technology: Option<Money>,
    pub trial: Trial,
    pub instalments: Vec<Instalment>,
    pub receipts: Vec<Receipt>,
}

/// A generated interaction on `client` (an index), tagged with a deal (an index) when it is
/// part of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoInteraction {
    pub client: usize,
    pub deal: Option<usize>,
    pub date: NaiveDate,
    pub kind: InteractionKind,
    pub summary: String,
    pub next_step: String,
    pub next_due: Option<NaiveDate>,
    /// When the next step was done; None while it is open.
    pub done_at: Option<DateTime<Utc>>,
}

/// A generated decision on a pair; `deal` is an index into the deals when it was accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoDecision {
    pub need: Option<usize>,
    pub achievement: usize,
    pub enterprise: usize,
    pub decision: Decision,
    pub breakdown: Breakdown,
    pub deal: Option<usize>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DealData {
    pub deals: Vec<DemoDeal>,
    pub interactions: Vec<DemoInteraction>,
    pub decisions: Vec<DemoDecision>,
    /// An open need no deal or decision touches, with achievements of its field to propose:
    /// what a class practises matching on.
    pub open_need: Option<usize>,
}

const STAGE_WEIGHTS: [(DealStage, u32); 8] = [
    (DealStage::Lead, 12),
    (DealStage::Introduced, 15),
    (DealStage::Negotiating, 18),
    (DealStage::Signed, 12),
    (DealStage::Registered, 10),
    (DealStage::Executing, 15),
    (DealStage::ClosedWon, 10),
    (DealStage::Lost, 8),
];

/// 5万 to 800万 yuan in 万, log-uniform.
const CONTRACT_BANDS: [((u32, u32), u32); 4] = [
    ((5, 20), 14),
    ((20, 80), 14),
    ((80, 300), 13),
    ((300, 800), 10),
];

const BROKERS: [&str; 6] = ["张明", "李娜", "王磊", "刘洋", "陈静", "赵强"];

const LOST_REASONS: [&str; 5] = [
    "企业预算取消",
    "价格差距过大，双方未达成一致",
    "企业选择了其他技术路线",
    "成果方决定自行产业化",
    "中试验证未达到预期指标",
];

const DEAL_SUMMARIES: [&str; 6] = [
    "与企业技术负责人沟通合作方案",
    "组织双方召开技术对接会",
    "陪同企业考察成果方实验室",
    "就合同价格和付款方式进行洽谈",
    "了解企业中试验证进展",
    "核对合同条款和知识产权状态",
];

const DEAL_NEXT_STEPS: [&str; 6] = [
    "发送技术方案和报价",
    "安排双方第二次见面",
    "催办合同盖章",
    "提交技术合同认定登记材料",
    "跟进首期款到账情况",
    "确认试用期满后的付款安排",
];

const CLIENT_SUMMARIES: [&str; 5] = [
    "走访企业，了解生产工艺和技术难题",
    "电话了解企业年度技改计划",
    "参加技术成果路演对接会",
    "与科研院所成果转化办公室座谈",
    "微信沟通近期可转化的成果清单",
];

const CLIENT_NEXT_STEPS: [&str; 5] = [
    "整理企业技术需求并入库",
    "推荐三项匹配成果",
    "邀请参加下月成果对接会",
    "收集成果的专利证书和技术指标",
    "回访确认需求预算",
];

const REASONS: [RejectReason; 5] = [
    RejectReason::TooEarly,
    RejectReason::BenefitUnclear,
    RejectReason::PriceGap,
    RejectReason::RouteUnclear,
    RejectReason::NotOurField,
];

/// Makes `count` deals over `data` from `seed`, dated around `today`; marks the needs and
/// achievements they use as matched, solved, negotiating or transferred. The first eight deals
/// take the eight stages in order, so every stage has at least one deal.
pub fn generate_deals(seed: u64, data: &mut DemoData, count: usize, today: NaiveDate) -> DealData {
    let mut rng = DemoRng::seed_from_u64(seed);
    rng.set_stream(3);
    let mut maker = Maker::new(data, today);
    let mut out = DealData::default();
    if maker.enterprises.is_empty() || maker.offered.is_empty() {
        return out;
    }
    for i in 0..count {
        let stage = DealStage::ALL
            .get(i)
            .copied()
            .unwrap_or_else(|| pick(&mut rng, &STAGE_WEIGHTS));
        maker.deal(&mut rng, stage, &mut out);
    }
    maker.client_interactions(&mut rng, &mut out);
    out.open_need = maker.open_need();
    maker.mark_statuses(&out.deals);
    out
}

struct Maker<'a> {
    data: &'a mut DemoData,
    today: NaiveDate,
    enterprises: Vec<usize>,
    /// Achievements on offer (available or negotiating), by field.
    offered: FxHashMap<String, Vec<usize>>,
    /// Needs still open and not yet used, in order.
    free_needs: std::vec::IntoIter<usize>,
    used_needs: Vec<bool>,
}

/// 10:00 in Beijing on `day`, as UTC.
fn at(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(2, 0, 0).unwrap_or_default().and_utc()
}

fn days_before(today: NaiveDate, days: u32) -> NaiveDate {
    today
        .checked_sub_days(Days::new(u64::from(days)))
        .unwrap_or(today)
}

fn shift(day: NaiveDate, days: i64) -> NaiveDate {
    day.checked_add_signed(chrono::Duration::days(days))
        .unwrap_or(day)
}

/// `total` split in `n` parts, the remainder on the last.
fn split(total: Money, n: i64) -> Vec<Money> {
    let base = total.fen() / n.max(1);
    (0..n.max(1))
        .map(|i| {
            if i == n.max(1) - 1 {
                Money(total.fen() - base * (n.max(1) - 1))
            } else {
                Money(base)
            }
        })
        .collect()
}

/// A plausible breakdown scoring between `low` and `high` percent on every part.
fn breakdown(rng: &mut DemoRng, low: u32, high: u32) -> Breakdown {
    let mut values = [0.0; 7];
    for v in &mut values {
        // Integer draws keep the data the same on every platform.
        *v = between(rng, low, high) as f32 / 100.0;
    }
    Breakdown::new(PartValues(values), &Weights::default())
}

impl<'a> Maker<'a> {
    fn new(data: &'a mut DemoData, today: NaiveDate) -> Self {
        let enterprises = (0..data.clients.len())
            .filter(|&i| data.clients[i].kind == ClientKind::Enterprise)
            .collect();
        let mut offered: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, a) in data.achievements.iter().enumerate() {
            if matches!(
                a.status,
                AchievementStatus::Available | AchievementStatus::Negotiating
            ) {
                offered.entry(a.field.clone()).or_default().push(i);
            }
        }
        let free_needs: Vec<usize> = (0..data.needs.len())
            .filter(|&i| data.needs[i].status == NeedStatus::Open)
            .collect();
        let used_needs = vec![false; data.needs.len()];
        Self {
            data,
            today,
            enterprises,
            offered,
            free_needs: free_needs.into_iter(),
            used_needs,
        }
    }

    fn any_offered(&self, rng: &mut DemoRng) -> Option<usize> {
        let mut fields: Vec<&String> = self.offered.keys().collect();
        fields.sort();
        let field = fields.get(between(rng, 0, fields.len() as u32 - 1) as usize)?;
        let list = self.offered.get(*field)?;
        list.get(between(rng, 0, list.len() as u32 - 1) as usize)
            .copied()
    }

    fn offered_in(&self, rng: &mut DemoRng, field: &str) -> Option<usize> {
        let list = self.offered.get(field).filter(|l| !l.is_empty())?;
        list.get(between(rng, 0, list.len() as u32 - 1) as usize)
            .copied()
    }

    fn deal(&mut self, rng: &mut DemoRng, stage: DealStage, out: &mut DealData) {
        // Most deals answer a need (以需找技); the rest started from an achievement.
        let need = if chance(rng, 80) {
            self.free_needs.next()
        } else {
            None
        };
        let need_field = need.map(|n| self.data.needs[n].field.clone());
        let achievement = need_field
            .as_deref()
            .and_then(|f| self.offered_in(rng, f))
            .or_else(|| self.any_offered(rng));
        let Some(achievement) = achievement else {
            return;
        };
        if let Some(n) = need {
            self.used_needs[n] = true;
        }
        let buyer = match need {
            Some(n) => self.data.needs[n].enterprise as usize,
            None => self.enterprises[between(rng, 0, self.enterprises.len() as u32 - 1) as usize],
        };
        let seller = self.data.achievements[achievement].owner as usize;
        let index = out.deals.len();
        let deal = self.dated_deal(rng, stage, need, achievement, seller, buyer);
        self.decisions(rng, &deal, index, out);
        self.deal_interactions(rng, &deal, index, out);
        out.deals.push(deal);
    }

    /// The deal with its history, terms, registration, trial and payments.
    fn dated_deal(
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
        let registration_due = signed_on.map(|d| shift(d, 30));
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

    /// The decisions behind a deal: the accepted match (when it answers a need and began as
    /// an introduction), others shortlisted or turned down before it.
    fn decisions(&self, rng: &mut DemoRng, deal: &DemoDeal, index: usize, out: &mut DealData) {
        let Some(need) = deal.need else {
            return;
        };
        let Some(first) = deal.history.first() else {
            return;
        };
        let field = &self.data.needs[need].field;
        let before = first.at - chrono::Duration::days(i64::from(between(rng, 1, 10)));
        for _ in 0..between(rng, 0, 2) {
            let Some(other) = self
                .offered_in(rng, field)
                .filter(|&o| o != deal.achievement)
            else {
                continue;
            };
            let decision = if chance(rng, 50) {
                Decision::Proposed
            } else {
                Decision::Rejected(*one(rng, &REASONS))
            };
            out.decisions.push(DemoDecision {
                need: Some(need),
                achievement: other,
                enterprise: deal.buyer,
                decision,
                breakdown: breakdown(rng, 20, 70),
                deal: None,
                at: before,
            });
        }
        if first.stage == DealStage::Introduced {
            out.decisions.push(DemoDecision {
                need: Some(need),
                achievement: deal.achievement,
                enterprise: deal.buyer,
                decision: Decision::Accepted,
                breakdown: breakdown(rng, 55, 95),
                deal: Some(index),
                at: first.at,
            });
        }
    }

    /// One to three entries in the deal's log; a live deal's last one has a next step due
    /// today, overdue or ahead.
    fn deal_interactions(
        &self,
        rng: &mut DemoRng,
        deal: &DemoDeal,
        index: usize,
        out: &mut DealData,
    ) {
        let (Some(first), Some(last)) = (deal.history.first(), deal.history.last()) else {
            return;
        };
        let from = first.at.date_naive();
        let to = last.at.date_naive().max(from);
        let n = between(rng, 1, 3);
        let live = !matches!(deal.stage, DealStage::ClosedWon | DealStage::Lost);
        for i in 0..n {
            let span = (to - from).num_days();
            let date = shift(from, span * i64::from(i + 1) / i64::from(n));
            let open = live && i == n - 1;
            let (next_step, next_due, done_at) = if open {
                (
                    one(rng, &DEAL_NEXT_STEPS).to_string(),
                    Some(self.next_due(rng)),
                    None,
                )
            } else if chance(rng, 50) {
                let due = shift(date, i64::from(between(rng, 3, 14)));
                (
                    one(rng, &DEAL_NEXT_STEPS).to_string(),
                    Some(due),
                    Some(at(due)),
                )
            } else {
                (String::new(), None, None)
            };
            out.interactions.push(DemoInteraction {
                client: deal.buyer,
                deal: Some(index),
                date: date.min(self.today),
                kind: *one(
                    rng,
                    &[
                        InteractionKind::Visit,
                        InteractionKind::Call,
                        InteractionKind::Meeting,
                        InteractionKind::Wechat,
                    ],
                ),
                summary: one(rng, &DEAL_SUMMARIES).to_string(),
                next_step,
                next_due,
                done_at,
            });
        }
    }

    /// Due today a quarter of the time, overdue a third, ahead otherwise.
    fn next_due(&self, rng: &mut DemoRng) -> NaiveDate {
        match between(rng, 0, 99) {
            0..25 => self.today,
            25..58 => shift(self.today, -i64::from(between(rng, 1, 20))),
            _ => shift(self.today, i64::from(between(rng, 1, 30))),
        }
    }

    /// Visits and calls at two clients in five, some with a next step.
    fn client_interactions(&self, rng: &mut DemoRng, out: &mut DealData) {
        for client in 0..self.data.clients.len() {
            if !chance(rng, 40) {
                continue;
            }
            let date = days_before(self.today, between(rng, 1, 90));
            let (next_step, next_due) = if chance(rng, 60) {
                (
                    one(rng, &CLIENT_NEXT_STEPS).to_string(),
                    Some(self.next_due(rng).max(date)),
                )
            } else {
                (String::new(), None)
            };
            out.interactions.push(DemoInteraction {
                client,
                deal: None,
                date,
                kind: *one(
                    rng,
                    &[
                        InteractionKind::Visit,
                        InteractionKind::Call,
                        InteractionKind::Event,
                        InteractionKind::Wechat,
                    ],
                ),
                summary: one(rng, &CLIENT_SUMMARIES).to_string(),
                next_step,
                next_due,
                done_at: None,
            });
        }
    }

    /// The first open, unused, not confidential need with at least three achievements of its
    /// field on offer.
    fn open_need(&self) -> Option<usize> {
        (0..self.data.needs.len()).find(|&i| {
            let n = &self.data.needs[i];
            !self.used_needs[i]
                && n.status == NeedStatus::Open
                && !n.confidential
                && self.offered.get(&n.field).is_some_and(|l| l.len() >= 3)
        })
    }

    /// What the deals did to their needs and achievements.
    fn mark_statuses(&mut self, deals: &[DemoDeal]) {
        for d in deals {
            let (need_status, achievement_status) = match d.stage {
                DealStage::ClosedWon => (NeedStatus::Solved, AchievementStatus::Transferred),
                DealStage::Lost => (NeedStatus::Open, AchievementStatus::Available),
                _ => (NeedStatus::Matched, AchievementStatus::Negotiating),
            };
            if let Some(n) = d.need.and_then(|n| self.data.needs.get_mut(n)) {
                n.status = need_status;
            }
            let a = &mut self.data.achievements[d.achievement];
            // A licence leaves the achievement on offer to others.
            if achievement_status != AchievementStatus::Transferred
                || d.terms.transfer_mode == Some(TransferMode::Assignment)
            {
                a.status = achievement_status;
            }
        }
    }
}

//! Deals for the classroom: generated clients, achievements and needs turned into a pipeline
//! with backdated stage histories, signed terms, registrations, payment plans, "use first, pay
//! later" trials, follow-ups and the match decisions that led to them.
//!
//! Every date is counted back or forward from `today`, so a class on any day finds registrations
//! and instalments due soon or overdue and follow-ups due today. Indexes point into the
//! generated lists (clients, achievements, needs, deals); whoever stores them maps them to ids.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rand::SeedableRng;
use rand::seq::IndexedRandom;

mod answers;
mod dates;
mod log;
mod words;

use super::DemoData;
use super::random::{DemoRng, between, chance, one, pick};
use crate::domain::deal::StageChange;
use crate::domain::payments::{Instalment, Receipt, Trial};
use crate::domain::{
    AchievementStatus, ClientKind, DealStage, DealTerms, Decision, InteractionKind, Money,
    NeedStatus, RejectReason, TransferMode,
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
    /// Achievements written to answer the open need: what a trainee should find first.
    pub answers: Vec<usize>,
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
    if let Some(need) = out.open_need {
        out.answers = answers::write(&mut rng, maker.data, need, &out);
    }
    out
}

struct Maker<'a> {
    data: &'a mut DemoData,
    today: NaiveDate,
    enterprises: Vec<usize>,
    /// Achievements on offer (available or negotiating), by field.
    offered: BTreeMap<String, Vec<usize>>,
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
    let n = n.max(1);
    let base = total.fen() / n;
    (0..n)
        .map(|i| {
            Money(if i == n - 1 {
                total.fen() - base * (n - 1)
            } else {
                base
            })
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
        let mut offered: BTreeMap<String, Vec<usize>> = BTreeMap::new();
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

    /// An achievement on offer in any field, each field as likely.
    fn any_offered(&self, rng: &mut DemoRng) -> Option<usize> {
        let fields: Vec<&Vec<usize>> = self.offered.values().collect();
        fields.choose(rng)?.choose(rng).copied()
    }

    fn offered_in(&self, rng: &mut DemoRng, field: &str) -> Option<usize> {
        self.offered.get(field)?.choose(rng).copied()
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
            Some(n) => self.data.needs[n].enterprise.0 as usize,
            None => match self.enterprises.choose(rng) {
                Some(&e) => e,
                None => return,
            },
        };
        let seller = self.data.achievements[achievement].owner.0 as usize;
        let index = out.deals.len();
        let deal = self.dated_deal(rng, stage, need, achievement, seller, buyer);
        self.decisions(rng, &deal, index, out);
        self.deal_interactions(rng, &deal, index, out);
        out.deals.push(deal);
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

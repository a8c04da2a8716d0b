//! The deal report (技术交易报告): what was signed in a period, its amounts, payments received and
//! breakdowns, computed from plain rows and rendered as an XLSX workbook or printable HTML.
//! No egui, no SQL: the store reads the rows (`Store::report_deals`).

mod html;
pub mod institution;
pub mod labels;
mod period;
pub mod transfer;
pub mod transfer_out;
mod xlsx;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::{ContractType, DealId, DealStage, Money};

pub use html::{to_html, write_html};
pub use period::Period;
pub use xlsx::write_xlsx;

/// One deal as the report reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDeal {
    pub id: DealId,
    pub title: String,
    pub seller_name: String,
    pub buyer_name: String,
    /// The buyer's province and city, e.g. "山东省济南市".
    pub buyer_region: String,
    pub broker: String,
    /// The field of the deal's (first) achievement.
    pub field: String,
    pub contract_type: ContractType,
    pub stage: DealStage,
    pub signed_on: Option<NaiveDate>,
    pub contract: Option<Money>,
    pub technology: Option<Money>,
    /// Typed, or computed from the rate (`Deal::commission`).
    pub commission: Option<Money>,
    /// Payments received: date and amount.
    pub receipts: Vec<(NaiveDate, Money)>,
}

/// Which deals a report keeps; None keeps all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportFilter {
    pub broker: Option<String>,
    pub field: Option<String>,
    pub contract_type: Option<ContractType>,
    pub stage: Option<DealStage>,
}

impl ReportFilter {
    fn keeps(&self, d: &ReportDeal) -> bool {
        self.broker.as_ref().is_none_or(|b| *b == d.broker)
            && self.field.as_ref().is_none_or(|f| *f == d.field)
            && self.contract_type.is_none_or(|c| c == d.contract_type)
            && self.stage.is_none_or(|s| s == d.stage)
    }

    pub fn is_empty(&self) -> bool {
        *self == ReportFilter::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub signed: usize,
    pub contract: Money,
    pub technology: Money,
    pub commission: Money,
    pub received: Money,
    pub outstanding: Money,
}

/// What a breakdown groups by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Stage(DealStage),
    ContractType(ContractType),
    /// A field, seller or region; empty when the deals do not say.
    Text(String),
}

impl GroupKey {
    /// Orders equal amounts: stages and contract types in their usual order, text by its code
    /// points, so the order never depends on the language.
    fn rank(&self) -> (usize, &str) {
        match self {
            GroupKey::Stage(s) => (DealStage::ALL.iter().position(|x| x == s).unwrap_or(0), ""),
            GroupKey::ContractType(c) => (
                ContractType::ALL.iter().position(|x| x == c).unwrap_or(0),
                "",
            ),
            GroupKey::Text(t) => (0, t),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: GroupKey,
    pub deals: usize,
    pub contract: Money,
    pub technology: Money,
    pub received: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthTotal {
    pub year: i32,
    pub month: u32,
    pub deals: usize,
    pub contract: Money,
    pub technology: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub generated_on: NaiveDate,
    pub filter: ReportFilter,
    pub totals: Totals,
    pub by_stage: Vec<Group>,
    pub by_contract_type: Vec<Group>,
    pub by_field: Vec<Group>,
    pub by_seller: Vec<Group>,
    pub by_buyer_region: Vec<Group>,
    pub monthly: Vec<MonthTotal>,
    pub deals: Vec<ReportDeal>,
}

/// Whether a deal counts as signed: it is at a signed stage (签约, 登记, 履约/回款, 完成) with a
/// signing date, or it was lost (终止) after a signing date was recorded — a contract that was
/// signed and then terminated was still signed in its period, and shows under 终止 in the
/// stage breakdown. A signing date typed on a deal still being negotiated does not count.
fn counts_as_signed(d: &ReportDeal) -> bool {
    d.signed_on.is_some() && (d.stage.is_signed() || d.stage == DealStage::Lost)
}

/// Received on a deal up to `to`, included.
fn received_by(d: &ReportDeal, to: NaiveDate) -> Money {
    Money(
        d.receipts
            .iter()
            .filter(|(date, _)| *date <= to)
            .map(|(_, m)| m.fen())
            .sum(),
    )
}

/// What is still to be received on `contract`: never below zero.
fn outstanding(contract: Money, received: Money) -> Money {
    Money((contract.fen() - received.fen()).max(0))
}

/// The report over the deals signed in `from..=to` (see [`counts_as_signed`]) that pass
/// `filter`:
/// - received counts the receipts dated on or before `to` (also those before signing);
/// - outstanding is, per deal, the contract amount less what was received, never below zero,
///   summed (an overpaid deal does not offset another); a missing amount counts as zero;
/// - breakdowns are sorted by contract amount, largest first, then by key;
/// - the monthly series has every month from `from` to `to`, empty ones included;
/// - deals are listed by signing date, then id.
pub fn build(
    deals: &[ReportDeal],
    from: NaiveDate,
    to: NaiveDate,
    filter: &ReportFilter,
    today: NaiveDate,
) -> DealReport {
    let mut kept: Vec<ReportDeal> = deals
        .iter()
        .filter(|d| counts_as_signed(d))
        .filter(|d| d.signed_on.is_some_and(|s| from <= s && s <= to))
        .filter(|d| filter.keeps(d))
        .cloned()
        .collect();
    kept.sort_by_key(|d| (d.signed_on, d.id));
    let received: Vec<Money> = kept.iter().map(|d| received_by(d, to)).collect();

    let mut totals = Totals {
        signed: kept.len(),
        ..Totals::default()
    };
    for (d, r) in kept.iter().zip(&received) {
        let contract = d.contract.unwrap_or_default();
        totals.contract.0 += contract.fen();
        totals.technology.0 += d.technology.unwrap_or_default().fen();
        totals.commission.0 += d.commission.unwrap_or_default().fen();
        totals.received.0 += r.fen();
        totals.outstanding.0 += outstanding(contract, *r).fen();
    }

    let group = |key: &dyn Fn(&ReportDeal) -> GroupKey| group_by(&kept, &received, key);
    DealReport {
        from,
        to,
        generated_on: today,
        filter: filter.clone(),
        totals,
        by_stage: group(&|d| GroupKey::Stage(d.stage)),
        by_contract_type: group(&|d| GroupKey::ContractType(d.contract_type)),
        by_field: group(&|d| GroupKey::Text(d.field.clone())),
        by_seller: group(&|d| GroupKey::Text(d.seller_name.clone())),
        by_buyer_region: group(&|d| GroupKey::Text(d.buyer_region.clone())),
        monthly: monthly(&kept, from, to),
        deals: kept,
    }
}

fn group_by(
    deals: &[ReportDeal],
    received: &[Money],
    key: &dyn Fn(&ReportDeal) -> GroupKey,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<GroupKey, usize> = HashMap::new();
    for (d, r) in deals.iter().zip(received) {
        let k = key(d);
        let i = *index.entry(k.clone()).or_insert_with(|| {
            groups.push(Group {
                key: k,
                deals: 0,
                contract: Money::ZERO,
                technology: Money::ZERO,
                received: Money::ZERO,
            });
            groups.len() - 1
        });
        let g = &mut groups[i];
        g.deals += 1;
        g.contract.0 += d.contract.unwrap_or_default().fen();
        g.technology.0 += d.technology.unwrap_or_default().fen();
        g.received.0 += r.fen();
    }
    groups.sort_by(|a, b| {
        b.contract
            .cmp(&a.contract)
            .then_with(|| a.key.rank().cmp(&b.key.rank()))
    });
    groups
}

fn monthly(deals: &[ReportDeal], from: NaiveDate, to: NaiveDate) -> Vec<MonthTotal> {
    let index = |year: i32, month: u32| i64::from(year) * 12 + i64::from(month) - 1;
    let first = index(from.year(), from.month());
    let last = index(to.year(), to.month());
    let mut months: Vec<MonthTotal> = (first..=last)
        .map(|i| MonthTotal {
            // i / 12 is within chrono's years: it came from two dates.
            year: i.div_euclid(12) as i32,
            month: (i.rem_euclid(12) + 1) as u32,
            deals: 0,
            contract: Money::ZERO,
            technology: Money::ZERO,
        })
        .collect();
    for d in deals {
        let Some(signed) = d.signed_on else { continue };
        let i = index(signed.year(), signed.month()) - first;
        if let Some(m) = usize::try_from(i).ok().and_then(|i| months.get_mut(i)) {
            m.deals += 1;
            m.contract.0 += d.contract.unwrap_or_default().fen();
            m.technology.0 += d.technology.unwrap_or_default().fen();
        }
    }
    months
}

#[cfg(test)]
mod tests;

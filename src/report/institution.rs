//! The institution's view for its managers: per broker, the pipeline now, and for a period the
//! contracts signed and registered and the commissions due and paid. Pure: the store reads the
//! rows (`Store::institution_deals`).

use std::collections::BTreeMap;

use std::path::Path;

use chrono::NaiveDate;

use super::transfer_out::{sheets_html, write_page, write_sheets_xlsx};
use crate::domain::{DealId, DealStage, Money};
use crate::i18n::{Tr, fill};
use crate::io::xlsx_out::{Cell, MoneyUnit, SheetData};

/// A deal as the institution's view reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerDeal {
    pub id: DealId,
    /// The member who owns the deal on the team's server; else the broker typed on the deal.
    pub broker: String,
    pub stage: DealStage,
    pub expected: Option<Money>,
    pub signed_on: Option<NaiveDate>,
    pub contract: Option<Money>,
    pub registered_on: Option<NaiveDate>,
    pub registered_contract: Option<Money>,
    /// Typed, or computed from the rate.
    pub commission: Option<Money>,
    pub receipts: Vec<(NaiveDate, Money)>,
}

/// One broker's line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BrokerLine {
    /// Empty when a deal names no broker.
    pub broker: String,
    /// Deals in progress now (not completed, not lost).
    pub open: usize,
    /// Their expected amounts, summed.
    pub pipeline: Money,
    pub signed: usize,
    pub signed_amount: Money,
    pub registered: usize,
    pub registered_amount: Money,
    /// The commission of the contracts signed in the period.
    pub commission_due: Money,
    /// The commission's part of the payments received in the period: each payment carries the
    /// commission in proportion to the contract it pays (to the fen, rounded down).
    pub commission_paid: Money,
}

fn within(day: Option<NaiveDate>, from: NaiveDate, to: NaiveDate) -> bool {
    day.is_some_and(|d| from <= d && d <= to)
}

fn add(a: &mut Money, b: Option<Money>) {
    a.0 += b.map_or(0, Money::fen);
}

/// The commission carried by `paid` of a contract of `contract` with `commission`.
fn commission_part(commission: Money, contract: Money, paid: Money) -> Money {
    if contract.fen() <= 0 {
        return Money(0);
    }
    let part = i128::from(commission.fen()) * i128::from(paid.fen()) / i128::from(contract.fen());
    Money(
        i64::try_from(part)
            .unwrap_or(i64::MAX)
            .min(commission.fen()),
    )
}

/// The lines, one per broker ordered by name, and their total.
pub fn build(
    deals: &[BrokerDeal],
    from: NaiveDate,
    to: NaiveDate,
) -> (Vec<BrokerLine>, BrokerLine) {
    let mut lines: BTreeMap<&str, BrokerLine> = BTreeMap::new();
    for d in deals {
        let line = lines
            .entry(d.broker.as_str())
            .or_insert_with(|| BrokerLine {
                broker: d.broker.clone(),
                ..BrokerLine::default()
            });
        if !matches!(d.stage, DealStage::ClosedWon | DealStage::Lost) {
            line.open += 1;
            add(&mut line.pipeline, d.expected);
        }
        let signed =
            (d.stage.is_signed() || d.stage == DealStage::Lost) && within(d.signed_on, from, to);
        if signed {
            line.signed += 1;
            add(&mut line.signed_amount, d.contract);
            add(&mut line.commission_due, d.commission);
        }
        if within(d.registered_on, from, to) {
            line.registered += 1;
            add(
                &mut line.registered_amount,
                d.registered_contract.or(d.contract),
            );
        }
        if let (Some(commission), Some(contract)) = (d.commission, d.contract) {
            for (day, paid) in &d.receipts {
                if from <= *day && *day <= to {
                    line.commission_paid.0 += commission_part(commission, contract, *paid).fen();
                }
            }
        }
    }
    let lines: Vec<BrokerLine> = lines.into_values().collect();
    let mut total = BrokerLine::default();
    for l in &lines {
        total.open += l.open;
        total.pipeline.0 += l.pipeline.fen();
        total.signed += l.signed;
        total.signed_amount.0 += l.signed_amount.fen();
        total.registered += l.registered;
        total.registered_amount.0 += l.registered_amount.fen();
        total.commission_due.0 += l.commission_due.fen();
        total.commission_paid.0 += l.commission_paid.fen();
    }
    (lines, total)
}

/// The view of `from..=to` as one table, amounts in 万元, with the total last.
pub fn table(deals: &[BrokerDeal], from: NaiveDate, to: NaiveDate, tr: &Tr) -> SheetData {
    let (lines, total) = build(deals, from, to);
    let count = |n: usize| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let row = |label: String, l: &BrokerLine| {
        vec![
            Cell::Text(label),
            count(l.open),
            Cell::Money(Some(l.pipeline)),
            count(l.signed),
            Cell::Money(Some(l.signed_amount)),
            count(l.registered),
            Cell::Money(Some(l.registered_amount)),
            Cell::Money(Some(l.commission_due)),
            Cell::Money(Some(l.commission_paid)),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = lines
        .iter()
        .map(|l| {
            let name = if l.broker.is_empty() {
                tr.in_unassigned
            } else {
                &l.broker
            };
            row(name.to_string(), l)
        })
        .collect();
    rows.push(row(tr.ts_total.to_string(), &total));
    SheetData {
        name: tr.in_title.to_string(),
        headers: [
            tr.in_broker,
            tr.in_open,
            tr.in_pipeline,
            tr.in_signed,
            tr.in_signed_amount,
            tr.in_registered,
            tr.in_registered_amount,
            tr.in_commission_due,
            tr.in_commission_paid,
        ]
        .map(str::to_string)
        .to_vec(),
        rows,
        money: MoneyUnit::Wan,
    }
}

pub fn write_xlsx(
    deals: &[BrokerDeal],
    from: NaiveDate,
    to: NaiveDate,
    tr: &Tr,
    path: &Path,
) -> anyhow::Result<()> {
    write_sheets_xlsx(vec![table(deals, from, to, tr)], path)
}

pub fn write_html(
    deals: &[BrokerDeal],
    from: NaiveDate,
    to: NaiveDate,
    tr: &Tr,
    path: &Path,
) -> anyhow::Result<()> {
    let period = fill(tr.rp_period_range, &[("from", &from), ("to", &to)]);
    write_page(
        &sheets_html(tr.in_title, &period, &[table(deals, from, to, tr)], tr),
        path,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(n: i64) -> Money {
        Money(n * 100)
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn deal(id: i64, broker: &str, stage: DealStage) -> BrokerDeal {
        BrokerDeal {
            id: DealId(id),
            broker: broker.into(),
            stage,
            expected: Some(yuan(100)),
            signed_on: None,
            contract: None,
            registered_on: None,
            registered_contract: None,
            commission: None,
            receipts: Vec::new(),
        }
    }

    #[test]
    fn each_broker_gets_a_line_of_pipeline_signed_registered_and_commissions() {
        let mut signed = deal(1, "王", DealStage::Executing);
        signed.signed_on = Some(day("2026-03-05"));
        signed.contract = Some(yuan(1_000_000));
        signed.commission = Some(yuan(30_000));
        signed.registered_on = Some(day("2026-03-20"));
        signed.registered_contract = Some(yuan(900_000));
        // 400,000 of 1,000,000 paid in the period: 40 % of the commission.
        signed.receipts = vec![
            (day("2026-03-25"), yuan(400_000)),
            (day("2026-07-01"), yuan(600_000)),
        ];
        let before = BrokerDeal {
            signed_on: Some(day("2025-12-30")),
            ..signed.clone()
        };
        let deals = vec![
            signed,
            BrokerDeal {
                id: DealId(2),
                ..before
            },
            deal(3, "王", DealStage::Negotiating),
            deal(4, "李", DealStage::Lead),
            deal(5, "李", DealStage::Lost),
        ];
        let (lines, total) = build(&deals, day("2026-01-01"), day("2026-03-31"));
        assert_eq!(
            lines.iter().map(|l| l.broker.as_str()).collect::<Vec<_>>(),
            ["李", "王"]
        );
        let wang = &lines[1];
        assert_eq!((wang.open, wang.pipeline), (3, yuan(300)));
        assert_eq!((wang.signed, wang.signed_amount), (1, yuan(1_000_000)));
        assert_eq!(
            (wang.registered, wang.registered_amount),
            (2, yuan(1_800_000))
        );
        assert_eq!(wang.commission_due, yuan(30_000));
        assert_eq!(
            wang.commission_paid,
            yuan(24_000),
            "40 % of both deals' commission"
        );
        let li = &lines[0];
        assert_eq!((li.open, li.signed), (1, 0));
        assert_eq!(total.open, 4);
        assert_eq!(total.commission_paid, yuan(24_000));
    }

    #[test]
    fn a_payment_carries_at_most_the_commission_and_nothing_of_a_contract_without_amount() {
        assert_eq!(
            commission_part(Money(300), Money(1000), Money(5000)),
            Money(300)
        );
        assert_eq!(commission_part(Money(300), Money(0), Money(5000)), Money(0));
        assert_eq!(commission_part(Money(1), Money(3), Money(1)), Money(0));
        assert_eq!(
            commission_part(
                Money(i64::MAX / 2),
                Money(i64::MAX / 2),
                Money(i64::MAX / 4)
            ),
            Money(i64::MAX / 4)
        );
    }
}

//! The rows the deal report is computed from.

use std::collections::HashMap;

use super::{Store, StoreError};
use crate::domain::deal::commission;
use crate::domain::{ContractType, DealId, Money};
use crate::report::ReportDeal;
use crate::report::institution::BrokerDeal;
use crate::report::transfer::{ContractRow, ProjectLine};

impl Store {
    /// Every live deal with what the report needs, by id: the buyer's province and city as its
    /// region, the field of its first achievement, the contract and technology-transaction
    /// amounts as registered (认定) where the contract has been registered and as signed
    /// otherwise, the commission typed or computed from the rate, and all its receipts. Which deals count is the report's decision (`report::build`).
    pub fn report_deals(&self) -> Result<Vec<ReportDeal>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.title, s.name, b.name, b.province || b.city, d.broker,
                ifnull((SELECT a.field FROM deal_achievements da
                    JOIN achievements a ON a.id = da.achievement_id
                    WHERE da.deal_id = d.id ORDER BY a.id LIMIT 1), ''),
                d.contract_type, d.stage, d.signed_on,
                coalesce(d.registered_contract_fen, d.contract_fen),
                coalesce(d.registered_technology_fen, d.technology_fen),
                d.commission_bp, d.commission_fen
             FROM deals d JOIN clients s ON s.id = d.seller_id JOIN clients b ON b.id = d.buyer_id
             WHERE d.deleted_at IS NULL ORDER BY d.id",
        )?;
        let mut deals: Vec<ReportDeal> = stmt
            .query_map([], |r| {
                let contract_type: String = r.get(7)?;
                let contract: Option<Money> = r.get::<_, Option<i64>>(10)?.map(Money);
                let rate: u32 = r.get(12)?;
                let typed: Option<Money> = r.get::<_, Option<i64>>(13)?.map(Money);
                Ok(ReportDeal {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    seller_name: r.get(2)?,
                    buyer_name: r.get(3)?,
                    buyer_region: r.get(4)?,
                    broker: r.get(5)?,
                    field: r.get(6)?,
                    contract_type: ContractType::from_code(&contract_type).unwrap_or_default(),
                    stage: r.get(8)?,
                    signed_on: r.get(9)?,
                    contract,
                    technology: r.get::<_, Option<i64>>(11)?.map(Money),
                    // As Deal::commission: the typed amount wins over the rate.
                    commission: typed.or_else(|| contract.map(|c| commission(c, rate))),
                    receipts: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        with_receipts(&self.conn, &mut deals, |d| d.id, |d| &mut d.receipts)?;
        Ok(deals)
    }
}

impl Store {
    /// Every live deal as the transfer statistics read it, with the rights arrangement of its
    /// first achievement that has one recorded, the distribution rule its income follows (that
    /// of its first achievement with a rule, as [`Store::deal_rule`]) and its payments
    /// received: three queries in all, not some per deal.
    pub fn transfer_contracts(&self) -> Result<Vec<ContractRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.contract_type, d.stage, d.signed_on, d.contract_fen, d.technology_fen,
                d.registration_submitted, d.registered_contract_fen, d.registered_technology_fen,
                (SELECT r.arrangement FROM deal_achievements da
                    JOIN achievement_rights r ON r.achievement_id = da.achievement_id
                    WHERE da.deal_id = d.id ORDER BY da.achievement_id LIMIT 1)
             FROM deals d WHERE d.deleted_at IS NULL ORDER BY d.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let contract_type: String = r.get(1)?;
            let fen = |i| r.get::<_, Option<i64>>(i).map(|f| f.map(Money));
            Ok((
                r.get::<_, DealId>(0)?,
                ContractRow {
                    contract_type: ContractType::from_code(&contract_type).unwrap_or_default(),
                    stage: r.get(2)?,
                    signed_on: r.get(3)?,
                    contract: fen(4)?,
                    technology: fen(5)?,
                    registered_on: r.get(6)?,
                    registered_contract: fen(7)?,
                    registered_technology: fen(8)?,
                    arrangement: r.get(9)?,
                    rule: None,
                    receipts: Vec::new(),
                },
            ))
        })?;
        let mut ids = Vec::new();
        let mut contracts = Vec::new();
        for row in rows {
            let (id, row) = row?;
            ids.push(id);
            contracts.push(row);
        }
        let position: HashMap<DealId, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        for (deal, rule) in self.deal_rules()? {
            if let Some(&i) = position.get(&deal) {
                contracts[i].rule = Some(rule);
            }
        }
        each_receipt(&self.conn, |deal, day, amount| {
            if let Some(&i) = position.get(&deal)
                && contracts[i].rule.is_some()
            {
                contracts[i].receipts.push((day, amount));
            }
        })?;
        Ok(contracts)
    }

    /// Every live maturation project, as the transfer statistics read it.
    pub fn transfer_projects(&self) -> Result<Vec<ProjectLine>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, start_on, ended_on, outcome FROM maturation_projects
             WHERE deleted_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ProjectLine {
                kind: r.get(0)?,
                start: r.get(1)?,
                ended_on: r.get(2)?,
                outcome: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// Every live deal as the institution's view reads it: its broker is the member who owns it
    /// on the team's server, or else the broker typed on it; two queries in all.
    pub fn institution_deals(&self) -> Result<Vec<BrokerDeal>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, coalesce(nullif(m.owner, ''), d.broker), d.stage, d.expected_fen,
                d.signed_on, d.contract_fen, d.registration_submitted, d.registered_contract_fen,
                d.commission_bp, d.commission_fen
             FROM deals d LEFT JOIN sync_map m ON m.tbl = 'deals' AND m.row_id = d.id
             WHERE d.deleted_at IS NULL ORDER BY d.id",
        )?;
        let mut deals: Vec<BrokerDeal> = stmt
            .query_map([], |r| {
                let contract: Option<Money> = r.get::<_, Option<i64>>(5)?.map(Money);
                let rate: u32 = r.get(8)?;
                let typed: Option<Money> = r.get::<_, Option<i64>>(9)?.map(Money);
                Ok(BrokerDeal {
                    id: r.get(0)?,
                    broker: r.get(1)?,
                    stage: r.get(2)?,
                    expected: r.get::<_, Option<i64>>(3)?.map(Money),
                    signed_on: r.get(4)?,
                    contract,
                    registered_on: r.get(6)?,
                    registered_contract: r.get::<_, Option<i64>>(7)?.map(Money),
                    commission: typed.or_else(|| contract.map(|c| commission(c, rate))),
                    receipts: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        with_receipts(&self.conn, &mut deals, |d| d.id, |d| &mut d.receipts)?;
        Ok(deals)
    }
}

/// Gives each deal its live receipts, oldest first: one query for all of them, not one per deal.
fn with_receipts<T>(
    conn: &rusqlite::Connection,
    deals: &mut [T],
    id: impl Fn(&T) -> DealId,
    receipts: impl Fn(&mut T) -> &mut Vec<(chrono::NaiveDate, Money)>,
) -> Result<(), StoreError> {
    let position: HashMap<DealId, usize> =
        deals.iter().enumerate().map(|(i, d)| (id(d), i)).collect();
    each_receipt(conn, |deal, day, amount| {
        if let Some(&i) = position.get(&deal) {
            receipts(&mut deals[i]).push((day, amount));
        }
    })
}

/// Every live receipt, oldest first, in one query.
fn each_receipt(
    conn: &rusqlite::Connection,
    mut f: impl FnMut(DealId, chrono::NaiveDate, Money),
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT deal_id, received_on, amount_fen FROM receipts WHERE deleted_at IS NULL
         ORDER BY received_on, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(r.get(0)?, r.get(1)?, Money(r.get(2)?));
    }
    Ok(())
}

//! The rows the deal report is computed from.

use std::collections::HashMap;

use super::{Store, StoreError};
use crate::domain::deal::commission;
use crate::domain::{ContractType, DealId, Money};
use crate::report::ReportDeal;

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
        // One query for every deal's receipts, not one per deal.
        let position: HashMap<DealId, usize> =
            deals.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT deal_id, received_on, amount_fen FROM receipts WHERE deleted_at IS NULL
             ORDER BY received_on, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = position.get(&r.get::<_, DealId>(0)?) {
                deals[i].receipts.push((r.get(1)?, Money(r.get(2)?)));
            }
        }
        Ok(deals)
    }
}

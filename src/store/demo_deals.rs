//! Storing generated deals with the times they carry: unlike the everyday writes, which stamp
//! "now", a classroom pipeline needs histories, receipts and logs dated in the past.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Transaction, params};

use super::{Area, Store, StoreError};
use crate::demo::{DealData, DemoDeal};
use crate::domain::payments::{PayLaterForm, TrialEnd};
use crate::domain::{AchievementId, ClientId, DealId, Money, NeedId, TransferMode};

/// The database ids of the generated records, by their position in the generated lists.
pub struct DemoIds<'a> {
    pub clients: &'a [ClientId],
    pub achievements: &'a [AchievementId],
    pub needs: &'a [NeedId],
}

/// The id at `index`, or NotFound for an index the generator never made.
fn id<T: Copy>(ids: &[T], index: usize) -> Result<T, StoreError> {
    ids.get(index).copied().ok_or(StoreError::NotFound)
}

/// 10:00 in Beijing on `day`, as UTC: when a dated record is said to have been written.
fn noon(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(2, 0, 0).unwrap_or_default().and_utc()
}

fn json_error(e: serde_json::Error) -> StoreError {
    StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into()))
}

impl Store {
    /// Inserts generated deals with their histories, payments, logs and the decisions behind
    /// them, in one transaction, with the times they carry. Returns the deals' ids in order.
    pub fn insert_demo_deals(
        &mut self,
        data: &DealData,
        ids: &DemoIds<'_>,
    ) -> Result<Vec<DealId>, StoreError> {
        self.write(Area::Clients, |tx| {
            let deal_ids = data
                .deals
                .iter()
                .map(|d| insert_deal(tx, d, ids))
                .collect::<Result<Vec<_>, _>>()?;
            let mut stmt = tx.prepare_cached(
                "INSERT INTO interactions (client_id, deal_id, date, kind, summary, next_step,
                    next_due, done_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )?;
            for i in &data.interactions {
                let deal = i.deal.map(|d| id(&deal_ids, d)).transpose()?;
                stmt.execute(params![
                    id(ids.clients, i.client)?,
                    deal,
                    i.date,
                    i.kind,
                    i.summary,
                    i.next_step,
                    i.next_due,
                    i.done_at,
                    noon(i.date)
                ])?;
            }
            let mut stmt = tx.prepare_cached(
                "INSERT INTO match_decisions (need_id, achievement_id, enterprise_id, decision,
                    reason, note, score, breakdown, deal_id, decided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7, ?8, ?9)",
            )?;
            for d in &data.decisions {
                let reason = match d.decision {
                    crate::domain::Decision::Rejected(r) => Some(r),
                    _ => None,
                };
                stmt.execute(params![
                    d.need.map(|n| id(ids.needs, n)).transpose()?,
                    id(ids.achievements, d.achievement)?,
                    id(ids.clients, d.enterprise)?,
                    d.decision.code(),
                    reason,
                    f64::from(d.breakdown.score),
                    serde_json::to_string(&d.breakdown).map_err(json_error)?,
                    d.deal.map(|i| id(&deal_ids, i)).transpose()?,
                    d.at
                ])?;
            }
            Ok(deal_ids)
        })
    }
}

fn insert_deal(
    tx: &Transaction<'_>,
    d: &DemoDeal,
    ids: &DemoIds<'_>,
) -> Result<DealId, StoreError> {
    let created = d.history.first().map(|c| c.at).unwrap_or_default();
    let updated = d.history.last().map(|c| c.at).unwrap_or(created);
    let (trial_end, until_revenue) = match d.trial.end {
        Some(TrialEnd::On(day)) => (Some(day), false),
        Some(TrialEnd::UntilRevenue) => (None, true),
        None => (None, false),
    };
    let form = d
        .trial
        .form
        .map(|f: PayLaterForm| serde_json::to_string(&f))
        .transpose()
        .map_err(json_error)?;
    let t = &d.terms;
    tx.prepare_cached(
        "INSERT INTO deals (title, need_id, seller_id, buyer_id, stage, created_at, updated_at,
            broker, contract_type, expected_fen, contract_fen, technology_fen, commission_bp,
            commission_fen, signed_on, notes, lost_reason, registration_due,
            registration_submitted, certificate_no, registered_contract_fen,
            registered_technology_fen, transfer_mode, trial_start, trial_end, pay_later_form,
            trial_until_revenue)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
    )?
    .execute(params![
        t.title,
        d.need.map(|n| id(ids.needs, n)).transpose()?,
        id(ids.clients, d.seller)?,
        id(ids.clients, d.buyer)?,
        d.stage,
        created,
        updated,
        t.broker,
        t.contract_type.code(),
        t.expected.map(Money::fen),
        t.contract.map(Money::fen),
        t.technology.map(Money::fen),
        t.commission_bp,
        t.commission.map(Money::fen),
        t.signed_on,
        t.notes,
        d.lost_reason,
        d.registration_due,
        d.registration_submitted,
        d.certificate_no,
        d.registered_contract.map(Money::fen),
        d.registered_technology.map(Money::fen),
        t.transfer_mode.map(TransferMode::code),
        d.trial.start,
        trial_end,
        form,
        until_revenue
    ])?;
    let deal = DealId(tx.last_insert_rowid());
    tx.prepare_cached("INSERT INTO deal_achievements (deal_id, achievement_id) VALUES (?1, ?2)")?
        .execute(params![deal, id(ids.achievements, d.achievement)?])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO deal_stage_history (deal_id, stage, changed_at) VALUES (?1, ?2, ?3)",
    )?;
    for change in &d.history {
        stmt.execute(params![deal, change.stage, change.at])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO instalments (deal_id, due, amount_fen, trigger) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for i in &d.instalments {
        stmt.execute(params![deal, i.due, i.amount.fen(), i.trigger])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO receipts (deal_id, received_on, amount_fen, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in &d.receipts {
        stmt.execute(params![deal, r.date, r.amount.fen(), r.note, noon(r.date)])?;
    }
    Ok(deal)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::demo::{Sizes, generate, generate_deals, populate_classroom};
    use crate::domain::payments::Trial;
    use crate::store::Store;

    #[test]
    fn generated_deals_are_stored_with_their_own_times_plans_and_decisions() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let sizes = Sizes {
            clients: 60,
            achievements: 200,
            needs: 100,
        };
        let mut data = generate(5, sizes);
        let expected = generate_deals(5, &mut data, 30, today);
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
        let stored = populate_classroom(&mut store, 5, sizes, 30, today, &mut |_, _| {}).unwrap();
        assert_eq!(stored.deals.len(), 30);
        for (id, d) in stored.deals.iter().zip(&expected.deals) {
            let deal = store.get_deal(*id).unwrap().unwrap();
            assert_eq!((deal.stage, &deal.terms), (d.stage, &d.terms));
            assert_eq!(deal.registration_submitted, d.registration_submitted);
            assert_eq!(
                store.deal_history(*id).unwrap(),
                d.history,
                "backdated, not now"
            );
            let (instalments, receipts) = store.payment_plan(*id).unwrap();
            let instalments: Vec<_> = instalments.into_iter().map(|(_, i)| i).collect();
            let mut planned = d.instalments.clone();
            planned.sort_by_key(|i| i.due);
            assert_eq!(instalments, planned);
            assert_eq!(receipts.len(), d.receipts.len());
            let trial = store.trial(*id).unwrap();
            assert_eq!(
                trial,
                if d.trial == Trial::default() {
                    Trial::default()
                } else {
                    d.trial
                }
            );
        }
        assert_eq!(store.decision_count().unwrap(), expected.decisions.len());
        let logged: usize = stored
            .deals
            .iter()
            .map(|id| store.list_deal_interactions(*id).unwrap().len())
            .sum();
        let generated = expected
            .interactions
            .iter()
            .filter(|i| i.deal.is_some())
            .count();
        assert_eq!(logged, generated);
        assert_eq!(
            store
                .get_need(stored.open_need.unwrap())
                .unwrap()
                .unwrap()
                .data
                .status,
            crate::domain::NeedStatus::Open
        );
    }
}

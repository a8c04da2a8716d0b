//! Deals: their terms, stage changes with history, and registration.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::catalog::client_is_live;
use super::needs::enterprise_is_live;
use super::{Area, SaveError, Store, StoreError, now};
use crate::domain::agenda::AgendaDeal;
use crate::domain::deal::{
    Missing, NewDeal, NewDealDraft, NewDealField, SigningDraft, StageChange, missing_for,
};
use crate::domain::payments::{Instalment, Receipt, Trial, TrialEnd};
use crate::domain::registration::RegistrationRule;
use crate::domain::{
    ClientId, Deal, DealDraft, DealField, DealId, DealRow, DealStage, DealTerms, FieldErrors,
    InstalmentId, Money, NeedStatus, Problem, ReceiptId, TransferMode,
};

const RULE_KEY: &str = "registration_rule";

pub use crate::domain::registration::Registration;

/// Why a stage change was refused.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error("the deal lacks {0:?}")]
    Missing(Vec<Missing>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn money(fen: Option<i64>) -> Option<Money> {
    fen.map(Money)
}

const DEAL_COLUMNS: &str = "d.id, d.title, d.need_id, d.seller_id, s.name, d.buyer_id, b.name,
    d.stage, d.broker, d.contract_type, d.expected_fen, d.contract_fen, d.technology_fen,
    d.commission_bp, d.commission_fen, d.signed_on, d.notes, d.lost_reason, d.registration_due,
    d.registration_submitted, d.certificate_no, d.registered_contract_fen,
    d.registered_technology_fen, d.transfer_mode, d.contract_no, d.contract_subtype, d.deleted_at";

fn deal_from_row(r: &Row<'_>) -> rusqlite::Result<Deal> {
    let contract_type: String = r.get(9)?;
    let transfer_mode: Option<String> = r.get(23)?;
    Ok(Deal {
        id: r.get(0)?,
        title: r.get(1)?,
        need: r.get(2)?,
        achievements: Vec::new(),
        seller: r.get(3)?,
        seller_name: r.get(4)?,
        buyer: r.get(5)?,
        buyer_name: r.get(6)?,
        stage: r.get(7)?,
        terms: DealTerms {
            title: r.get(1)?,
            broker: r.get(8)?,
            contract_type: crate::domain::ContractType::from_code(&contract_type)
                .unwrap_or_default(),
            transfer_mode: transfer_mode.as_deref().and_then(TransferMode::from_code),
            expected: money(r.get(10)?),
            contract: money(r.get(11)?),
            technology: money(r.get(12)?),
            commission_bp: r.get(13)?,
            commission: money(r.get(14)?),
            signed_on: r.get(15)?,
            notes: r.get(16)?,
        },
        lost_reason: r.get(17)?,
        registration_due: r.get(18)?,
        registration_submitted: r.get(19)?,
        certificate_no: r.get(20)?,
        registered_contract: money(r.get(21)?),
        registered_technology: money(r.get(22)?),
        contract_no: r.get(24)?,
        contract_subtype: r.get(25)?,
        deleted_at: r.get(26)?,
    })
}

impl Store {
    pub fn get_deal(&self, id: DealId) -> Result<Option<Deal>, StoreError> {
        let deal = self
            .conn
            .query_row(
                &format!(
                    "SELECT {DEAL_COLUMNS} FROM deals d
                     JOIN clients s ON s.id = d.seller_id JOIN clients b ON b.id = d.buyer_id
                     WHERE d.id = ?1"
                ),
                [id],
                deal_from_row,
            )
            .optional()?;
        let Some(mut deal) = deal else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT achievement_id FROM deal_achievements WHERE deal_id = ?1")?;
        deal.achievements = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(Some(deal))
    }

    pub fn deal_ids(&self) -> Result<Vec<DealId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM deals WHERE deleted_at IS NULL ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every live deal, newest first, with when it entered its stage and what is overdue on
    /// `today`.
    pub fn deal_rows(&self, today: NaiveDate) -> Result<Vec<DealRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.title, s.name, b.name, d.stage, d.contract_fen, d.expected_fen,
                (SELECT max(changed_at) FROM deal_stage_history h WHERE h.deal_id = d.id),
                d.registration_due, d.registration_submitted, d.broker, d.contract_type,
                ifnull((SELECT a.field FROM deal_achievements da
                    JOIN achievements a ON a.id = da.achievement_id
                    WHERE da.deal_id = d.id ORDER BY a.id LIMIT 1), ''),
                max(0, ifnull((SELECT sum(amount_fen) FROM instalments i
                        WHERE i.deal_id = d.id AND i.due < ?1 AND i.deleted_at IS NULL), 0)
                    - ifnull((SELECT sum(amount_fen) FROM receipts r
                        WHERE r.deal_id = d.id AND r.deleted_at IS NULL), 0)),
                EXISTS (SELECT 1 FROM interactions i
                    WHERE i.client_id IN (d.seller_id, d.buyer_id) AND i.deleted_at IS NULL
                      AND i.done_at IS NULL AND i.next_step <> '' AND i.next_due < ?1),
                d.signed_on, d.technology_fen, d.contract_subtype, d.contract_no, d.lost_reason
             FROM deals d JOIN clients s ON s.id = d.seller_id JOIN clients b ON b.id = d.buyer_id
             WHERE d.deleted_at IS NULL ORDER BY d.id DESC",
        )?;
        let rows = stmt.query_map([today], |r| {
            let contract_type: String = r.get(11)?;
            Ok(DealRow {
                id: r.get(0)?,
                title: r.get(1)?,
                seller_name: r.get(2)?,
                buyer_name: r.get(3)?,
                stage: r.get(4)?,
                contract: money(r.get(5)?),
                expected: money(r.get(6)?),
                technology: money(r.get(16)?),
                signed_on: r.get(15)?,
                since: r.get(7)?,
                registration_due: r.get(8)?,
                registration_submitted: r.get(9)?,
                broker: r.get(10)?,
                contract_type: crate::domain::ContractType::from_code(&contract_type)
                    .unwrap_or_default(),
                contract_subtype: r.get(17)?,
                contract_no: r.get(18)?,
                lost_reason: r.get(19)?,
                field: r.get(12)?,
                overdue_payment: Money(r.get(13)?),
                overdue_follow_up: r.get(14)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Moves a deal to the trash: it leaves the board, the lists, the report and the dashboard;
    /// its plan, payments and history stay with it for a restore.
    pub fn delete_deal(&mut self, id: DealId) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            match tx.execute(
                "UPDATE deals SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now()],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// Saves the terms the broker edits; the stage moves only through [`Store::move_deal`].
    pub fn save_deal_terms(
        &mut self,
        id: DealId,
        draft: &DealDraft,
    ) -> Result<(), SaveError<DealField>> {
        let t = draft.validate().map_err(SaveError::Invalid)?;
        self.write(Area::Catalog, |tx| write_terms(tx, id, &t, now()))?;
        Ok(())
    }

    /// Moves a deal to `stage` (backwards too), recording the change. Entering a signed stage
    /// needs a signing date and a contract amount, and sets the registration due date by the
    /// database's rule the first time. `lost_reason` is kept when the deal is lost.
    pub fn move_deal(
        &mut self,
        id: DealId,
        stage: DealStage,
        lost_reason: &str,
    ) -> Result<(), MoveError> {
        let deal = self.get_deal(id)?.ok_or(StoreError::NotFound)?;
        let missing = missing_for(
            stage,
            deal.terms.signed_on,
            deal.terms.contract,
            lost_reason,
        );
        if !missing.is_empty() {
            return Err(MoveError::Missing(missing));
        }
        self.write(Area::Catalog, |tx| {
            enter_stage(tx, id, stage, lost_reason, deal.terms.signed_on, now())
        })?;
        Ok(())
    }

    /// Gives a deal the signing date and contract amount it lacks and moves it to `stage`, a
    /// signed one, in one transaction: both happen or neither does.
    pub fn sign_deal(
        &mut self,
        id: DealId,
        stage: DealStage,
        draft: &SigningDraft,
    ) -> Result<(), SaveError<DealField>> {
        let signing = draft.validate().map_err(SaveError::Invalid)?;
        self.write(Area::Catalog, |tx| {
            let (mut terms, _) = deal_terms(tx, id)?.ok_or(StoreError::NotFound)?;
            terms.signed_on = Some(signing.signed_on);
            terms.contract = Some(signing.contract);
            let t = now();
            write_terms(tx, id, &terms, t)?;
            enter_stage(tx, id, stage, "", terms.signed_on, t)
        })?;
        Ok(())
    }

    /// Starts a deal by hand at the pipeline's first stage, with its history's first entry; a
    /// need named is matched from then on, as when a match is accepted.
    pub fn create_deal(&mut self, draft: &NewDealDraft) -> Result<DealId, SaveError<NewDealField>> {
        let d = draft.validate().map_err(SaveError::Invalid)?;
        let created = self.write(Area::Catalog, |tx| {
            if !client_is_live(tx, d.seller)? {
                return Ok(Err(NewDealField::Seller));
            }
            if !enterprise_is_live(tx, d.buyer)? {
                return Ok(Err(NewDealField::Buyer));
            }
            insert_deal(tx, &d, now()).map(Ok)
        })?;
        created
            .map_err(|field| SaveError::Invalid(FieldErrors::single(field, Problem::UnknownClient)))
    }

    /// The deal's stage changes, oldest first.
    pub fn deal_history(&self, id: DealId) -> Result<Vec<StageChange>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT stage, changed_at FROM deal_stage_history WHERE deal_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(StageChange {
                stage: r.get(0)?,
                at: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records that the contract was registered: the date, the certificate number and the
    /// amounts the certificate states.
    pub fn record_registration(
        &mut self,
        id: DealId,
        registration: &Registration,
    ) -> Result<(), StoreError> {
        let r = registration;
        self.write(Area::Catalog, |tx| {
            match tx.execute(
                "UPDATE deals SET registration_submitted = ?2, certificate_no = ?3,
                    registered_contract_fen = ?4, registered_technology_fen = ?5, updated_at = ?6
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![
                    id,
                    r.submitted,
                    r.certificate_no.trim(),
                    r.contract.map(Money::fen),
                    r.technology.map(Money::fen),
                    now()
                ],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// How registration due dates are counted in this database (default: 30 calendar days).
    pub fn registration_rule(&self) -> Result<RegistrationRule, StoreError> {
        registration_rule(&self.conn)
    }

    pub fn set_registration_rule(&mut self, rule: RegistrationRule) -> Result<(), StoreError> {
        let value = serde_json::to_string(&rule)
            .map_err(|e| StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into())))?;
        self.write(Area::Catalog, |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![RULE_KEY, value],
            )?;
            Ok(())
        })
    }
}

/// The problems of a refused move, as field errors for the deal form.
pub fn missing_as_errors(missing: &[Missing]) -> FieldErrors<DealField> {
    let mut e = FieldErrors::new();
    for m in missing {
        let field = match m {
            Missing::SigningDate => DealField::SignedOn,
            Missing::ContractAmount => DealField::Contract,
            Missing::LostReason => continue,
        };
        e.push(field, crate::domain::Problem::Required);
    }
    e
}

/// A planned instalment as stored, with its id for removal.
pub type PlannedInstalment = (InstalmentId, Instalment);

impl Store {
    /// A deal's instalments (by due date) and the payments received (by date).
    pub fn payment_plan(
        &self,
        deal: DealId,
    ) -> Result<(Vec<PlannedInstalment>, Vec<Receipt>), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, due, amount_fen, trigger FROM instalments
             WHERE deal_id = ?1 AND deleted_at IS NULL ORDER BY due, id",
        )?;
        let instalments = stmt
            .query_map([deal], |r| {
                Ok((
                    r.get(0)?,
                    Instalment {
                        due: r.get(1)?,
                        amount: Money(r.get(2)?),
                        trigger: r.get(3)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        let receipts = self
            .receipt_rows(deal)?
            .into_iter()
            .map(|(_, receipt)| receipt)
            .collect();
        Ok((instalments, receipts))
    }

    /// Adds instalments to a deal's plan, in one transaction.
    pub fn add_instalments(
        &mut self,
        deal: DealId,
        items: &[Instalment],
    ) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO instalments (deal_id, due, amount_fen, trigger)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for i in items {
                stmt.execute(params![deal, i.due, i.amount.fen(), i.trigger.trim()])?;
            }
            Ok(())
        })
    }

    pub fn remove_instalment(&mut self, id: InstalmentId) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            match tx.execute(
                "UPDATE instalments SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now()],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// A deal's live receipts with their ids (for removal), by date.
    pub fn receipt_rows(&self, deal: DealId) -> Result<Vec<(ReceiptId, Receipt)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, received_on, amount_fen, note FROM receipts
             WHERE deal_id = ?1 AND deleted_at IS NULL ORDER BY received_on, id",
        )?;
        let rows = stmt
            .query_map([deal], |r| {
                Ok((
                    r.get(0)?,
                    Receipt {
                        date: r.get(1)?,
                        amount: Money(r.get(2)?),
                        note: r.get(3)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Moves a receipt recorded by mistake to the trash.
    pub fn remove_receipt(&mut self, id: ReceiptId) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            match tx.execute(
                "UPDATE receipts SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now()],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    pub fn add_receipt(&mut self, deal: DealId, receipt: &Receipt) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            tx.execute(
                "INSERT INTO receipts (deal_id, received_on, amount_fen, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    deal,
                    receipt.date,
                    receipt.amount.fen(),
                    receipt.note.trim(),
                    now()
                ],
            )?;
            Ok(())
        })
    }

    /// Saves a deal's "use first, pay later" arrangement.
    pub fn set_trial(&mut self, deal: DealId, trial: &Trial) -> Result<(), StoreError> {
        let (end, until_revenue) = match trial.end {
            Some(TrialEnd::On(d)) => (Some(d), false),
            Some(TrialEnd::UntilRevenue) => (None, true),
            None => (None, false),
        };
        let form = trial
            .form
            .map(|f| serde_json::to_string(&f))
            .transpose()
            .map_err(|e| StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into())))?;
        self.write(Area::Catalog, |tx| {
            match tx.execute(
                "UPDATE deals SET trial_start = ?2, trial_end = ?3, trial_until_revenue = ?4,
                    pay_later_form = ?5, updated_at = ?6
                 WHERE id = ?1",
                params![deal, trial.start, end, until_revenue, form, now()],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    pub fn trial(&self, deal: DealId) -> Result<Trial, StoreError> {
        let (start, end, until_revenue, form): (
            Option<NaiveDate>,
            Option<NaiveDate>,
            bool,
            Option<String>,
        ) = self.conn.query_row(
            "SELECT trial_start, trial_end, trial_until_revenue, pay_later_form FROM deals
             WHERE id = ?1",
            [deal],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        Ok(Trial {
            start,
            end: match (end, until_revenue) {
                (Some(d), _) => Some(TrialEnd::On(d)),
                (None, true) => Some(TrialEnd::UntilRevenue),
                (None, false) => None,
            },
            // A form this version cannot read shows as none rather than failing the page.
            form: form.and_then(|f| serde_json::from_str(&f).ok()),
        })
    }
}

impl Store {
    /// Every live deal that is not lost, as the agenda reads it.
    pub fn agenda_deals(&self) -> Result<Vec<AgendaDeal>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, registration_due, registration_submitted, trial_end FROM deals
             WHERE deleted_at IS NULL AND stage <> ?1 ORDER BY id",
        )?;
        let deals: Vec<AgendaDeal> = stmt
            .query_map([DealStage::Lost], |r| {
                Ok(AgendaDeal {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    registration_due: r.get(2)?,
                    registration_submitted: r.get(3)?,
                    instalments: Vec::new(),
                    receipts: Vec::new(),
                    trial_end: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        // Two queries for every deal's plan, not two per deal.
        let mut deals = deals;
        let position: std::collections::HashMap<DealId, usize> =
            deals.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT deal_id, due, amount_fen, trigger FROM instalments WHERE deleted_at IS NULL
             ORDER BY due, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = position.get(&r.get::<_, DealId>(0)?) {
                deals[i].instalments.push(Instalment {
                    due: r.get(1)?,
                    amount: Money(r.get(2)?),
                    trigger: r.get(3)?,
                });
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT deal_id, received_on, amount_fen, note FROM receipts WHERE deleted_at IS NULL
             ORDER BY received_on, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = position.get(&r.get::<_, DealId>(0)?) {
                deals[i].receipts.push(Receipt {
                    date: r.get(1)?,
                    amount: Money(r.get(2)?),
                    note: r.get(3)?,
                });
            }
        }
        Ok(deals)
    }
}

/// A deal's terms and stage, read inside a transaction.
pub(super) fn deal_terms(
    conn: &rusqlite::Connection,
    id: DealId,
) -> Result<Option<(DealTerms, DealStage)>, StoreError> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {DEAL_COLUMNS} FROM deals d
                 JOIN clients s ON s.id = d.seller_id JOIN clients b ON b.id = d.buyer_id
                 WHERE d.id = ?1 AND d.deleted_at IS NULL"
            ),
            [id],
            deal_from_row,
        )
        .optional()?
        .map(|d| (d.terms, d.stage)))
}

/// Writes the terms the broker edits over a live deal's.
pub(super) fn write_terms(
    tx: &rusqlite::Transaction<'_>,
    id: DealId,
    t: &DealTerms,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let n = tx.execute(
        "UPDATE deals SET title = ?2, broker = ?3, contract_type = ?4, expected_fen = ?5,
            contract_fen = ?6, technology_fen = ?7, commission_bp = ?8,
            commission_fen = ?9, signed_on = ?10, notes = ?11, updated_at = ?12,
            transfer_mode = ?13
         WHERE id = ?1 AND deleted_at IS NULL",
        params![
            id,
            t.title,
            t.broker,
            t.contract_type.code(),
            t.expected.map(Money::fen),
            t.contract.map(Money::fen),
            t.technology.map(Money::fen),
            t.commission_bp,
            t.commission.map(Money::fen),
            t.signed_on,
            t.notes,
            at,
            t.transfer_mode.map(TransferMode::code)
        ],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Moves a deal to `stage` and notes it in the history; entering a signed stage the first
/// time sets the registration due date from `signed_on` by the database's rule.
fn enter_stage(
    tx: &rusqlite::Transaction<'_>,
    id: DealId,
    stage: DealStage,
    lost_reason: &str,
    signed_on: Option<NaiveDate>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let due: Option<NaiveDate> = tx
        .query_row(
            "SELECT registration_due FROM deals WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound)?;
    let due = match (stage.is_signed(), due, signed_on) {
        (true, None, Some(signed)) => registration_rule(tx)?.due_date(signed),
        _ => due,
    };
    tx.execute(
        "UPDATE deals SET stage = ?2, registration_due = ?3, lost_reason = ?4, updated_at = ?5
         WHERE id = ?1",
        params![id, stage, due, lost_reason.trim(), at],
    )?;
    tx.execute(
        "INSERT INTO deal_stage_history (deal_id, stage, changed_at) VALUES (?1, ?2, ?3)",
        params![id, stage, at],
    )?;
    Ok(())
}

/// Inserts a deal started by hand, checking that a named achievement is the seller's and a
/// named need the buyer's, both live.
fn insert_deal(
    tx: &rusqlite::Transaction<'_>,
    d: &NewDeal,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<DealId, StoreError> {
    let owned = |sql: &str, record: &dyn rusqlite::ToSql, owner: ClientId| {
        let found: bool = tx.query_row(sql, params![record, owner], |r| r.get(0))?;
        if found {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    };
    if let Some(a) = d.achievement {
        owned(
            "SELECT EXISTS (SELECT 1 FROM achievements
                WHERE id = ?1 AND owner_id = ?2 AND deleted_at IS NULL)",
            &a,
            d.seller,
        )?;
    }
    if let Some(n) = d.need {
        owned(
            "SELECT EXISTS (SELECT 1 FROM needs
                WHERE id = ?1 AND enterprise_id = ?2 AND deleted_at IS NULL)",
            &n,
            d.buyer,
        )?;
    }
    let stage = DealStage::PIPELINE[0];
    tx.execute(
        "INSERT INTO deals (title, need_id, seller_id, buyer_id, stage, expected_fen,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            d.title,
            d.need,
            d.seller,
            d.buyer,
            stage,
            d.expected.map(Money::fen),
            at
        ],
    )?;
    let id = DealId(tx.last_insert_rowid());
    if let Some(a) = d.achievement {
        tx.execute(
            "INSERT INTO deal_achievements (deal_id, achievement_id) VALUES (?1, ?2)",
            params![id, a],
        )?;
    }
    tx.execute(
        "INSERT INTO deal_stage_history (deal_id, stage, changed_at) VALUES (?1, ?2, ?3)",
        params![id, stage, at],
    )?;
    tx.execute(
        "UPDATE needs SET status = ?2, updated_at = ?3 WHERE id = ?1 AND status = ?4",
        params![d.need, NeedStatus::Matched, at, NeedStatus::Open],
    )?;
    Ok(id)
}

/// How registration due dates are counted in this database (default: 30 calendar days).
pub(super) fn registration_rule(
    conn: &rusqlite::Connection,
) -> Result<RegistrationRule, StoreError> {
    let saved: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [RULE_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(saved
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

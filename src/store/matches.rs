//! Matching's side of the store: the documents the engine indexes, the broker's decisions (an
//! accepted match becomes a deal), and the weights.

use rusqlite::{Connection, OptionalExtension, params};

use super::catalog::{
    Scope, SharedNames, each_live_row, indexed_text, keyword_parts, keywords_from_sql, text_at,
};
use super::{Area, Store, StoreError, now};
use crate::domain::{
    AchievementId, ClientId, ClientKind, DealId, DealStage, Decision, NeedId, NeedStatus, Price,
    RejectReason, TransferModes,
};
use crate::matching::{
    AchievementDoc, AchievementText, Breakdown, Decisions, EnterpriseDoc, NeedDoc, NeedText,
    NeedTexts, Weights,
};

const WEIGHTS_KEY: &str = "match_weights";

/// Calls `f` with each offered-or-not live achievement of a live owner in `scope`, as the engine
/// sees it, and its texts.
pub(super) fn each_match_achievement(
    conn: &Connection,
    scope: Scope<AchievementId>,
    f: &mut dyn FnMut(AchievementDoc, AchievementText<'_>),
) -> Result<(), StoreError> {
    each_live_row(
        conn,
        scope,
        ("achievements", "owner_id", 2),
        "id, title, owner_id, field, keywords, trl, price_fen, transfer_modes, status, abstract,
         indicators",
        &mut |r, owner, _| {
            let keywords: String = r.get(4)?;
            let doc = AchievementDoc {
                id: r.get(0)?,
                owner: r.get(2)?,
                field: r.get(3)?,
                keywords: keywords_from_sql(&keywords),
                trl: r.get(5)?,
                price: Price::from_fen(r.get(6)?),
                modes: TransferModes::from_bits(r.get(7)?),
                status: r.get(8)?,
                province: owner.province.to_string(),
                city: owner.city.to_string(),
            };
            let text = AchievementText {
                title: indexed_text(r, 1)?,
                keywords: &keywords,
                abstract_text: indexed_text(r, 9)?,
                indicators: indexed_text(r, 10)?,
            };
            f(doc, text);
            Ok(())
        },
    )
}

/// Calls `f` with each live need of a live enterprise in `scope`, as the engine sees it.
pub(super) fn each_match_need(
    conn: &Connection,
    scope: Scope<NeedId>,
    f: &mut dyn FnMut(NeedDoc, NeedText<'_>),
) -> Result<(), StoreError> {
    each_live_row(
        conn,
        scope,
        ("needs", "enterprise_id", 2),
        "id, title, enterprise_id, field, keywords, budget_fen, preferred_mode, min_stage,
         min_trl, status, description, indicators",
        &mut |r, enterprise, names| {
            let keywords = keyword_parts(indexed_text(r, 4)?)
                .map(|k| names.share(k))
                .collect();
            let doc = NeedDoc {
                id: r.get(0)?,
                title: r.get(1)?,
                enterprise: r.get(2)?,
                enterprise_name: enterprise.name,
                field: names.get(r, 3)?,
                keywords,
                budget: Price::from_fen(r.get(5)?),
                mode: r.get(6)?,
                min_stage: r.get(7)?,
                min_trl: r.get(8)?,
                status: r.get(9)?,
                province: enterprise.province.clone(),
                city: enterprise.city.clone(),
            };
            let text = NeedText {
                description: indexed_text(r, 10)?,
                indicators: indexed_text(r, 11)?,
            };
            f(doc, text);
            Ok(())
        },
    )
}

/// Every live enterprise's profile, or the one with `id`.
pub(super) fn match_enterprises(
    conn: &Connection,
    id: Option<ClientId>,
) -> Result<Vec<EnterpriseDoc>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, industry, province, city FROM clients
         WHERE deleted_at IS NULL AND kind = ?1 AND (?2 IS NULL OR id = ?2) ORDER BY id",
    )?;
    let mut shared = SharedNames::default();
    let mut rows = stmt.query(params![ClientKind::Enterprise, id])?;
    let mut docs = Vec::new();
    while let Some(r) = rows.next()? {
        docs.push(EnterpriseDoc {
            id: r.get(0)?,
            name: text_at(r, 1)?.into(),
            industry: shared.get(r, 2)?,
            province: shared.get(r, 3)?,
            city: shared.get(r, 4)?,
        });
    }
    Ok(docs)
}

/// A decision to record, with the score it was taken on.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionInput {
    pub need: Option<NeedId>,
    pub achievement: AchievementId,
    pub enterprise: ClientId,
    pub decision: Decision,
    pub note: String,
    pub breakdown: Breakdown,
}

impl DecisionInput {
    /// An accepted pair without a note or a score: a deal opened by hand rather than from a
    /// ranking.
    pub fn accepted(
        need: Option<NeedId>,
        achievement: AchievementId,
        enterprise: ClientId,
    ) -> Self {
        Self::unscored(need, achievement, enterprise, Decision::Accepted)
    }

    /// A decision taken without a ranking at hand (off the shortlist, say).
    pub fn unscored(
        need: Option<NeedId>,
        achievement: AchievementId,
        enterprise: ClientId,
        decision: Decision,
    ) -> Self {
        DecisionInput {
            need,
            achievement,
            enterprise,
            decision,
            note: String::new(),
            breakdown: Breakdown::new(
                crate::matching::PartValues::default(),
                &crate::matching::Weights::default(),
            ),
        }
    }
}

impl Store {
    pub fn each_match_achievement(
        &self,
        scope: Scope<AchievementId>,
        f: &mut dyn FnMut(AchievementDoc, AchievementText<'_>),
    ) -> Result<(), StoreError> {
        each_match_achievement(&self.conn, scope, f)
    }

    pub fn each_match_need(
        &self,
        scope: Scope<NeedId>,
        f: &mut dyn FnMut(NeedDoc, NeedText<'_>),
    ) -> Result<(), StoreError> {
        each_match_need(&self.conn, scope, f)
    }

    /// The descriptions and indicators of `ids` (those of deleted needs too: a ranking may
    /// still name one), which the match index does not keep.
    pub fn need_texts(&self, ids: &[NeedId]) -> Result<NeedTexts, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT description, indicators FROM needs WHERE id = ?1")?;
        let mut texts = NeedTexts::default();
        for &id in ids {
            if let Some((description, indicators)) = stmt
                .query_row([id], |r| {
                    // As the load read them: text that is not UTF-8 counts as none.
                    Ok((
                        indexed_text(r, 0)?.to_string(),
                        indexed_text(r, 1)?.to_string(),
                    ))
                })
                .optional()?
            {
                texts.insert(id, description, indicators);
            }
        }
        Ok(texts)
    }

    pub fn match_enterprises(
        &self,
        id: Option<ClientId>,
    ) -> Result<Vec<EnterpriseDoc>, StoreError> {
        match_enterprises(&self.conn, id)
    }

    /// The broker's decision on a candidate: as [`Store::record_decision`], except that accepting
    /// a pair that already has a live deal not lost records nothing and returns that deal, all
    /// in one transaction, so pressing Accept twice never makes two deals.
    pub fn decide(&mut self, input: &DecisionInput) -> Result<Decided, StoreError> {
        let breakdown = breakdown_json(input)?;
        self.write(Area::Catalog, |tx| {
            if input.decision == Decision::Accepted
                && let Some(deal) = open_deal_of(tx, input)?
            {
                return Ok(Decided::Existing(deal));
            }
            Ok(Decided::Recorded(insert_decision(tx, input, &breakdown)?))
        })
    }

    /// Records a decision with its time and score. Accepting creates a deal in the "introduced"
    /// stage linking the need, the achievement and both organisations, and marks an open need
    /// matched, all in one transaction. Returns the deal when one was created.
    pub fn record_decision(&mut self, input: &DecisionInput) -> Result<Option<DealId>, StoreError> {
        let breakdown = breakdown_json(input)?;
        self.write(Area::Catalog, |tx| insert_decision(tx, input, &breakdown))
    }

    /// The latest decision on each pair, as the engine reads them.
    pub fn decisions(&self) -> Result<Decisions, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.need_id, d.achievement_id, d.enterprise_id, d.decision FROM match_decisions d
             WHERE d.id = (
                SELECT max(id) FROM match_decisions e
                WHERE e.achievement_id = d.achievement_id AND e.enterprise_id = d.enterprise_id
                  AND e.need_id IS d.need_id)",
        )?;
        let mut decisions = Decisions::default();
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Option<NeedId>>(0)?,
                r.get::<_, AchievementId>(1)?,
                r.get::<_, ClientId>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (need, achievement, enterprise, decision) = row?;
            let signal = match decision.as_str() {
                "accepted" => 1.0,
                "proposed" => 0.5,
                // Taken back: as if never decided.
                "withdrawn" => continue,
                _ => -1.0,
            };
            if let Some(need) = need {
                decisions.on_needs.push((need, achievement, signal));
            }
            if signal > 0.0 {
                continue;
            }
            if let Some(need) = need {
                decisions.rejected.insert((need, achievement));
            }
            decisions
                .rejected_by
                .entry(enterprise)
                .or_default()
                .push(achievement);
        }
        // The same decisions give the same ranking whatever order SQLite returns them in.
        decisions.on_needs.sort_by_key(|d| (d.0, d.1));
        Ok(decisions)
    }

    /// The latest decision on each pair that has one standing (withdrawn ones are left out),
    /// with a rejection's reason and the note: what the matching screen marks on its rows.
    pub fn standing_decisions(&self) -> Result<Vec<StandingDecision>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.need_id, d.achievement_id, d.enterprise_id, d.decision, d.reason, d.note
             FROM match_decisions d
             WHERE d.decision != 'withdrawn' AND d.id = (
                SELECT max(id) FROM match_decisions e
                WHERE e.achievement_id = d.achievement_id AND e.enterprise_id = d.enterprise_id
                  AND e.need_id IS d.need_id)",
        )?;
        let rows = stmt.query_map([], |r| {
            let code: String = r.get(3)?;
            let reason: Option<RejectReason> = r.get(4)?;
            let decision = match code.as_str() {
                "accepted" => Decision::Accepted,
                "proposed" => Decision::Proposed,
                _ => Decision::Rejected(reason.unwrap_or(RejectReason::Other)),
            };
            Ok(StandingDecision {
                need: r.get(0)?,
                achievement: r.get(1)?,
                enterprise: r.get(2)?,
                decision,
                note: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The achievements whose latest decision for `need` is "proposed", in the order
    /// shortlisted, with the score they were shortlisted at.
    pub fn shortlist(&self, need: NeedId) -> Result<Vec<(AchievementId, f32)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.achievement_id, d.score FROM match_decisions d
             WHERE d.need_id = ?1 AND d.decision = 'proposed' AND d.id = (
                SELECT max(id) FROM match_decisions e
                WHERE e.need_id = ?1 AND e.achievement_id = d.achievement_id)
             ORDER BY d.id",
        )?;
        let rows = stmt.query_map([need], |r| Ok((r.get(0)?, r.get::<_, f64>(1)? as f32)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many decisions were ever recorded.
    pub fn decision_count(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM match_decisions", [], |r| {
                r.get::<_, i64>(0)
            })? as usize)
    }

    /// The weights saved in this database, or the defaults.
    pub fn match_weights(&self) -> Result<Weights, StoreError> {
        let saved: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [WEIGHTS_KEY],
                |r| r.get(0),
            )
            .optional()?;
        // Unreadable saved weights (from a newer version, say) fall back to the defaults.
        Ok(saved
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default())
    }

    pub fn save_match_weights(&mut self, weights: &Weights) -> Result<(), StoreError> {
        let value = serde_json::to_string(weights)
            .map_err(|e| StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into())))?;
        self.write(Area::Catalog, |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![WEIGHTS_KEY, value],
            )?;
            Ok(())
        })
    }
}

/// A pair's latest decision, as [`Store::standing_decisions`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandingDecision {
    pub need: Option<NeedId>,
    pub achievement: AchievementId,
    pub enterprise: ClientId,
    pub decision: Decision,
    pub note: String,
}

/// The decision on a candidate, as [`Store::decide`] took it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// Recorded; accepting made this deal.
    Recorded(Option<DealId>),
    /// The pair already had this deal: nothing was recorded.
    Existing(DealId),
}

fn breakdown_json(input: &DecisionInput) -> Result<String, StoreError> {
    serde_json::to_string(&input.breakdown)
        .map_err(|e| StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into())))
}

/// The live, not lost deal on the pair (the same need, or none, the achievement, the buyer).
fn open_deal_of(
    tx: &rusqlite::Transaction<'_>,
    input: &DecisionInput,
) -> Result<Option<DealId>, StoreError> {
    Ok(tx
        .query_row(
            "SELECT d.id FROM deals d JOIN deal_achievements da ON da.deal_id = d.id
             WHERE da.achievement_id = ?1 AND d.buyer_id = ?2 AND d.need_id IS ?3
               AND d.deleted_at IS NULL AND d.stage != ?4
             ORDER BY d.id LIMIT 1",
            params![
                input.achievement,
                input.enterprise,
                input.need,
                DealStage::Lost
            ],
            |r| r.get(0),
        )
        .optional()?)
}

fn insert_decision(
    tx: &rusqlite::Transaction<'_>,
    input: &DecisionInput,
    breakdown: &str,
) -> Result<Option<DealId>, StoreError> {
    let t = now();
    let mut deal = None;
    if input.decision == Decision::Accepted {
        let (title, seller): (String, ClientId) = tx
            .query_row(
                "SELECT title, owner_id FROM achievements WHERE id = ?1 AND deleted_at IS NULL",
                [input.achievement],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound)?;
        tx.execute(
            "INSERT INTO deals (title, need_id, seller_id, buyer_id, stage, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![
                title,
                input.need,
                seller,
                input.enterprise,
                DealStage::Introduced,
                t
            ],
        )?;
        let id = DealId(tx.last_insert_rowid());
        tx.execute(
            "INSERT INTO deal_achievements (deal_id, achievement_id) VALUES (?1, ?2)",
            params![id, input.achievement],
        )?;
        tx.execute(
            "INSERT INTO deal_stage_history (deal_id, stage, changed_at) VALUES (?1, ?2, ?3)",
            params![id, DealStage::Introduced, t],
        )?;
        tx.execute(
            "UPDATE needs SET status = ?2, updated_at = ?3 WHERE id = ?1 AND status = ?4",
            params![input.need, NeedStatus::Matched, t, NeedStatus::Open],
        )?;
        deal = Some(id);
    }
    let reason = match input.decision {
        Decision::Rejected(r) => Some(r),
        _ => None,
    };
    tx.execute(
        "INSERT INTO match_decisions (need_id, achievement_id, enterprise_id, decision,
            reason, note, score, breakdown, deal_id, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            input.need,
            input.achievement,
            input.enterprise,
            input.decision.code(),
            reason,
            input.note.trim(),
            f64::from(input.breakdown.score),
            breakdown,
            deal,
            t
        ],
    )?;
    Ok(deal)
}

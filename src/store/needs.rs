use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use rustc_hash::FxHashMap;

use super::catalog::{
    Scope, SoftTable, client_is_live, each_live_row, indexed_text, keywords_by_id,
    keywords_from_sql,
};
use super::{Area, SaveError, Store, StoreError, now};
use crate::domain::catalog::join_keywords;
use crate::domain::{
    ClientId, ClientKind, FieldErrors, Money, Need, NeedData, NeedDraft, NeedField, NeedId,
    NeedRow, Price, Problem,
};

/// Calls `f` with the list row of each live need of a live enterprise in `scope`, and the text
/// searched beside it (description and indicators).
pub(super) fn each_need_row(
    conn: &Connection,
    scope: Scope<NeedId>,
    f: &mut dyn FnMut(NeedRow, &str),
) -> Result<(), StoreError> {
    each_live_row(
        conn,
        scope,
        ("needs", "enterprise_id", 2),
        "id, title, enterprise_id, field, keywords, budget_fen, preferred_mode, min_stage,
         min_trl, deadline, confidential, status, updated_at,
         keywords || char(10) || description || char(10) || indicators, budget_text",
        &mut |r, enterprise, names| {
            let row = NeedRow {
                id: r.get(0)?,
                title: r.get(1)?,
                enterprise: r.get(2)?,
                enterprise_name: enterprise.name,
                field: names.get(r, 3)?,
                budget: Price::from_fen(r.get(5)?),
                budget_text: r.get(14)?,
                preferred_mode: r.get(6)?,
                min_stage: r.get(7)?,
                min_trl: r.get(8)?,
                deadline: r.get(9)?,
                confidential: r.get(10)?,
                status: r.get(11)?,
                updated_at: r.get(12)?,
            };
            f(row, indexed_text(r, 13)?);
            Ok(())
        },
    )
}

/// A budget range as stored: its text, empty for none, and its bounds.
fn budget_range(
    text: String,
    min: Option<i64>,
    max: Option<i64>,
) -> Option<crate::domain::amount::AmountRange> {
    (!text.is_empty()).then(|| crate::domain::amount::AmountRange {
        written: text,
        min: min.map(Money),
        max: max.map(Money),
    })
}

fn need_from_row(r: &Row<'_>) -> rusqlite::Result<Need> {
    let keywords: String = r.get(6)?;
    Ok(Need {
        id: r.get(0)?,
        enterprise_name: r.get(16)?,
        data: NeedData {
            enterprise: r.get(1)?,
            title: r.get(2)?,
            description: r.get(3)?,
            indicators: r.get(4)?,
            field: r.get(5)?,
            keywords: keywords_from_sql(&keywords),
            budget: Price::from_fen(r.get(7)?),
            budget_range: budget_range(r.get(18)?, r.get(19)?, r.get(20)?),
            preferred_mode: r.get(8)?,
            min_stage: r.get(9)?,
            min_trl: r.get(10)?,
            deadline: r.get(11)?,
            confidential: r.get(12)?,
            status: r.get(13)?,
        },
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
        deleted_at: r.get(17)?,
    })
}

pub(super) fn insert_need(
    tx: &Transaction<'_>,
    n: &NeedData,
    t: impl rusqlite::ToSql,
) -> Result<NeedId, StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO needs (enterprise_id, title, description, indicators, field, keywords,
            budget_fen, preferred_mode, min_stage, min_trl, deadline, confidential, status,
            created_at, updated_at, budget_text, budget_min_fen, budget_max_fen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16, ?17)",
    )?;
    let range = n.budget_range.as_ref();
    stmt.execute(params![
        n.enterprise,
        n.title,
        n.description,
        n.indicators,
        n.field,
        join_keywords(&n.keywords),
        n.budget.amount().map(|m| m.fen()),
        n.preferred_mode,
        n.min_stage,
        n.min_trl,
        n.deadline,
        n.confidential,
        n.status,
        t,
        range.map_or("", |r| r.written.as_str()),
        range.and_then(|r| r.min).map(Money::fen),
        range.and_then(|r| r.max).map(Money::fen)
    ])?;
    Ok(NeedId(tx.last_insert_rowid()))
}

pub(super) fn need_by_id(conn: &Connection, id: NeedId) -> Result<Option<Need>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT n.id, n.enterprise_id, n.title, n.description, n.indicators, n.field,
                n.keywords, n.budget_fen, n.preferred_mode, n.min_stage, n.min_trl,
                n.deadline, n.confidential, n.status, n.created_at, n.updated_at, c.name,
                n.deleted_at, n.budget_text, n.budget_min_fen, n.budget_max_fen
             FROM needs n JOIN clients c ON c.id = n.enterprise_id WHERE n.id = ?1",
            [id],
            need_from_row,
        )
        .optional()?)
}

/// Overwrites a live need's fields.
pub(super) fn update_need(
    tx: &Transaction<'_>,
    id: NeedId,
    n: &NeedData,
    t: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let changed = tx.execute(
        "UPDATE needs SET enterprise_id = ?2, title = ?3, description = ?4,
            indicators = ?5, field = ?6, keywords = ?7, budget_fen = ?8,
            preferred_mode = ?9, min_stage = ?10, min_trl = ?11, deadline = ?12,
            confidential = ?13, status = ?14, updated_at = ?15, budget_text = ?16,
            budget_min_fen = ?17, budget_max_fen = ?18
         WHERE id = ?1 AND deleted_at IS NULL",
        params![
            id,
            n.enterprise,
            n.title,
            n.description,
            n.indicators,
            n.field,
            join_keywords(&n.keywords),
            n.budget.amount().map(|m| m.fen()),
            n.preferred_mode,
            n.min_stage,
            n.min_trl,
            n.deadline,
            n.confidential,
            n.status,
            t,
            n.budget_range.as_ref().map_or("", |r| r.written.as_str()),
            n.budget_range.as_ref().and_then(|r| r.min).map(Money::fen),
            n.budget_range.as_ref().and_then(|r| r.max).map(Money::fen)
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Whether `id` is a live enterprise: only enterprises have needs.
pub(super) fn enterprise_is_live(tx: &Transaction<'_>, id: ClientId) -> rusqlite::Result<bool> {
    Ok(client_is_live(tx, id)?
        && tx.query_row("SELECT kind FROM clients WHERE id = ?1", [id], |r| {
            r.get::<_, ClientKind>(0)
        })? == ClientKind::Enterprise)
}

impl Store {
    /// The keywords of every live need as stored, which the list rows do not keep: for
    /// exporting a list.
    pub fn need_keywords(&self) -> Result<FxHashMap<NeedId, String>, StoreError> {
        keywords_by_id(&self.conn, "needs")
    }

    /// The rows of `scope` with their searched text, collected.
    pub fn need_rows(&self, scope: Scope<NeedId>) -> Result<Vec<(NeedRow, String)>, StoreError> {
        let mut out = Vec::new();
        each_need_row(&self.conn, scope, &mut |row, body| {
            out.push((row, body.to_string()))
        })?;
        Ok(out)
    }

    pub fn get_need(&self, id: NeedId) -> Result<Option<Need>, StoreError> {
        need_by_id(&self.conn, id)
    }

    /// Creates (`id` None) or updates a need of an enterprise.
    pub fn save_need(
        &mut self,
        id: Option<NeedId>,
        draft: &NeedDraft,
    ) -> Result<NeedId, SaveError<NeedField>> {
        let n = draft.validate().map_err(SaveError::Invalid)?;
        let saved = self.write(Area::Catalog, |tx| {
            if !enterprise_is_live(tx, n.enterprise)? {
                return Ok(None);
            }
            let t = now();
            let Some(id) = id else {
                return insert_need(tx, &n, t).map(Some);
            };
            update_need(tx, id, &n, t)?;
            Ok(Some(id))
        })?;
        saved.ok_or_else(|| {
            SaveError::Invalid(FieldErrors::single(
                NeedField::Enterprise,
                Problem::UnknownClient,
            ))
        })
    }

    pub fn delete_need(&mut self, id: NeedId) -> Result<(), StoreError> {
        self.soft_delete(SoftTable::Needs, id)
    }

    pub fn restore_need(&mut self, id: NeedId) -> Result<(), StoreError> {
        self.soft_restore(SoftTable::Needs, id)
    }
}

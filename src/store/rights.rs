//! The rights of service achievements and their income-distribution rules.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Area, SaveError, Store, StoreError, now};
use crate::domain::rights::{
    Arrangement, ArrangementKind, DistributionRule, Party, Rights, RightsDraft, RightsField,
};
use crate::domain::{AchievementId, DealId};

const RIGHTS_COLUMNS: &str = "arrangement, ownership_bp, term_years, approved_on, approval_no,
    separately_managed, researchers_bp, institution_bp, office_bp";

impl Store {
    /// The rights recorded for an achievement; None when none are.
    pub fn achievement_rights(&self, id: AchievementId) -> Result<Option<Rights>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {RIGHTS_COLUMNS} FROM achievement_rights WHERE achievement_id = ?1"
                ),
                [id],
                rights_from_row,
            )
            .optional()?)
    }

    /// Records (or replaces) a live achievement's rights, in one transaction.
    pub fn save_rights(
        &mut self,
        id: AchievementId,
        draft: &RightsDraft,
    ) -> Result<(), SaveError<RightsField>> {
        let r = draft.validate().map_err(SaveError::Invalid)?;
        self.write(Area::Catalog, |tx| {
            let live: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM achievements WHERE id = ?1 AND deleted_at IS NULL)",
                [id],
                |row| row.get(0),
            )?;
            if !live {
                return Err(StoreError::NotFound);
            }
            upsert_rights(tx, id, &r, now())
        })?;
        Ok(())
    }

    /// The distribution rule a deal's income follows: that of the first of its achievements
    /// (by id) that has one; None when none has.
    pub fn deal_rule(&self, deal: DealId) -> Result<Option<DistributionRule>, StoreError> {
        let shares: Option<(u32, u32, u32)> = self
            .conn
            .query_row(
                "SELECT r.researchers_bp, r.institution_bp, r.office_bp
                 FROM deal_achievements da
                 JOIN achievement_rights r ON r.achievement_id = da.achievement_id
                 WHERE da.deal_id = ?1 AND r.researchers_bp IS NOT NULL
                 ORDER BY da.achievement_id LIMIT 1",
                [deal],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        Ok(shares.map(|(r, i, o)| rule(r, i, o)).transpose()?)
    }

    /// Every deal's distribution rule, chosen as [`Store::deal_rule`] chooses it, in one query.
    pub fn deal_rules(&self) -> Result<Vec<(DealId, DistributionRule)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT da.deal_id, r.researchers_bp, r.institution_bp, r.office_bp
             FROM deal_achievements da
             JOIN achievement_rights r ON r.achievement_id = da.achievement_id
             WHERE r.researchers_bp IS NOT NULL
             ORDER BY da.deal_id, da.achievement_id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, DealId>(0)?,
                rule(row.get(1)?, row.get(2)?, row.get(3)?)?,
            ))
        })?;
        let mut out: Vec<(DealId, DistributionRule)> = Vec::new();
        for row in rows {
            let (deal, rule) = row?;
            // The first achievement of each deal wins.
            if out.last().is_none_or(|(last, _)| *last != deal) {
                out.push((deal, rule));
            }
        }
        Ok(out)
    }
}

/// Records (or replaces) an achievement's rights inside `tx`.
pub(super) fn upsert_rights(
    tx: &Transaction<'_>,
    id: AchievementId,
    r: &Rights,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (ownership_bp, term_years) = match r.arrangement {
        Arrangement::Institution => (None, None),
        Arrangement::Ownership { researchers_bp } => (Some(researchers_bp), None),
        Arrangement::UseRight { years } => (None, Some(years)),
    };
    let share = |p| r.rule.map(|rule| rule.share_bp(p));
    tx.execute(
        "INSERT INTO achievement_rights (achievement_id, arrangement, ownership_bp,
            term_years, approved_on, approval_no, separately_managed, researchers_bp,
            institution_bp, office_bp, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (achievement_id) DO UPDATE SET
            arrangement = excluded.arrangement, ownership_bp = excluded.ownership_bp,
            term_years = excluded.term_years, approved_on = excluded.approved_on,
            approval_no = excluded.approval_no,
            separately_managed = excluded.separately_managed,
            researchers_bp = excluded.researchers_bp,
            institution_bp = excluded.institution_bp, office_bp = excluded.office_bp,
            updated_at = excluded.updated_at",
        params![
            id,
            r.arrangement.kind(),
            ownership_bp,
            term_years,
            r.approved_on,
            r.approval_no,
            r.separately_managed,
            share(Party::Researchers),
            share(Party::Institution),
            share(Party::Office),
            at,
        ],
    )?;
    Ok(())
}

fn rights_from_row(row: &Row<'_>) -> rusqlite::Result<Rights> {
    let kind: ArrangementKind = row.get(0)?;
    let arrangement = match kind {
        ArrangementKind::Institution => Arrangement::Institution,
        ArrangementKind::Ownership => Arrangement::Ownership {
            researchers_bp: row.get(1)?,
        },
        ArrangementKind::UseRight => Arrangement::UseRight { years: row.get(2)? },
    };
    let shares: (Option<u32>, Option<u32>, Option<u32>) = (row.get(6)?, row.get(7)?, row.get(8)?);
    let rule = match shares {
        (Some(r), Some(i), Some(o)) => Some(rule(r, i, o)?),
        _ => None,
    };
    Ok(Rights {
        arrangement,
        approved_on: row.get(3)?,
        approval_no: row.get(4)?,
        separately_managed: row.get(5)?,
        rule,
    })
}

/// The table's CHECK keeps the shares whole; a file changed by hand is reported, not split.
fn rule(researchers: u32, institution: u32, office: u32) -> rusqlite::Result<DistributionRule> {
    DistributionRule::new(researchers, institution, office).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            6,
            rusqlite::types::Type::Integer,
            format!("income shares that do not sum to 100 %: {e:?}").into(),
        )
    })
}

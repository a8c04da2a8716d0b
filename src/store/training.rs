//! The training sandbox's side of the store: its baseline, the class's progress read from the
//! data, and the mark a report export leaves.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::{Area, Store, StoreError, now};
use crate::domain::training::{Baseline, Progress, Task};
use crate::domain::{DealId, InteractionId, NeedId, ReceiptId};

const BASELINE_KEY: &str = "sandbox_baseline";
const REPORT_KEY: &str = "sandbox_report_exported_at";

/// How a deal's "use first, pay later" arrangement is set, as one text to compare.
const TRIAL_PRINT: &str = "ifnull(trial_start, '') || '|' || ifnull(trial_end, '') || '|' ||
    trial_until_revenue || '|' || ifnull(pay_later_form, '')";

fn json_error(e: serde_json::Error) -> StoreError {
    StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into()))
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

impl Store {
    /// Whether the file at `path` is a training sandbox, read without changing it: a missing
    /// file or one without the sandbox's mark is not.
    pub fn is_sandbox_file(path: &Path) -> bool {
        let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
            return false;
        };
        setting(&conn, BASELINE_KEY).is_ok_and(|v| v.is_some())
    }

    /// The sandbox's state as it is now, to be saved as its baseline once it is built.
    pub fn current_baseline(&self, open_need: Option<NeedId>) -> Result<Baseline, StoreError> {
        let max = |table: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(
                &format!("SELECT ifnull(max(id), 0) FROM {table}"),
                [],
                |r| r.get(0),
            )?)
        };
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM deals WHERE registration_submitted IS NOT NULL ORDER BY id")?;
        let registered = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(Baseline {
            open_need,
            last_interaction: InteractionId(max("interactions")?),
            last_decision: max("match_decisions")?,
            last_stage_change: max("deal_stage_history")?,
            last_receipt: ReceiptId(max("receipts")?),
            registered,
            last_project: max("maturation_projects")?,
            built_at: Some(Utc::now()),
            trials: self
                .trial_prints()?
                .into_iter()
                .map(|(id, p, _)| (id, p))
                .collect(),
        })
    }

    /// Marks this database as a sandbox, keeping `baseline` to compare the class's work with.
    pub fn save_baseline(&mut self, baseline: &Baseline) -> Result<(), StoreError> {
        let value = serde_json::to_string(baseline).map_err(json_error)?;
        self.write(Area::Catalog, |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![BASELINE_KEY, value],
            )?;
            Ok(())
        })
    }

    /// The baseline of a sandbox; None for any other database.
    pub fn baseline(&self) -> Result<Option<Baseline>, StoreError> {
        // An unreadable baseline (from another version) counts as none: no task ticks.
        Ok(setting(&self.conn, BASELINE_KEY)?.and_then(|v| serde_json::from_str(&v).ok()))
    }

    /// Notes that the month's deal report was exported, for the guided exercise. Called by the
    /// report export; writes only in a sandbox, so a broker's own database is never touched.
    /// Returns whether it was noted.
    pub fn note_report_exported(&mut self) -> Result<bool, StoreError> {
        self.write(Area::Catalog, |tx| {
            let sandbox: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1)",
                [BASELINE_KEY],
                |r| r.get(0),
            )?;
            if sandbox {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO NOTHING",
                    params![REPORT_KEY, now().to_rfc3339()],
                )?;
            }
            Ok(sandbox)
        })
    }

    /// Each deal with a "use first, pay later" arrangement: its id, how it is set, and when
    /// the deal last changed.
    fn trial_prints(&self) -> Result<Vec<(DealId, String, DateTime<Utc>)>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, {TRIAL_PRINT}, updated_at FROM deals
             WHERE deleted_at IS NULL AND (pay_later_form IS NOT NULL OR trial_end IS NOT NULL
                OR trial_until_revenue = 1)
             ORDER BY id"
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Which tasks the data shows done since `baseline`, and when each was first done.
    pub fn training_progress(&self, baseline: &Baseline) -> Result<Progress, StoreError> {
        let first = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<_, StoreError> {
            Ok(self
                .conn
                .query_row(sql, args, |r| r.get::<_, Option<DateTime<Utc>>>(0))?)
        };
        let need = baseline.open_need;
        let decided = |decision: &str| {
            first(
                "SELECT min(decided_at) FROM match_decisions
                 WHERE id > ?1 AND need_id = ?2 AND decision = ?3",
                &[&baseline.last_decision, &need, &decision],
            )
        };
        let found = [
            (
                Task::VisitEnterprise,
                first(
                    "SELECT min(i.created_at) FROM interactions i
                     JOIN clients c ON c.id = i.client_id
                     WHERE i.id > ?1 AND i.kind = 'visit' AND c.kind = 'enterprise'
                       AND i.deleted_at IS NULL",
                    &[&baseline.last_interaction],
                )?,
            ),
            (Task::ShortlistForNeed, decided("proposed")?),
            (Task::AcceptForNeed, decided("accepted")?),
            (
                Task::SignNeedDeal,
                first(
                    "SELECT min(h.changed_at) FROM deal_stage_history h
                     JOIN deals d ON d.id = h.deal_id
                     WHERE h.id > ?1 AND d.need_id = ?2 AND d.deleted_at IS NULL
                       AND h.stage IN ('signed', 'registered', 'executing', 'closed_won')
                       AND d.contract_fen > 0",
                    &[&baseline.last_stage_change, &need],
                )?,
            ),
            (
                Task::PayLaterPlan,
                self.trial_prints()?
                    .into_iter()
                    .filter(|(id, print, _)| !baseline.trials.contains(&(*id, print.clone())))
                    .map(|(_, _, at)| at)
                    .min(),
            ),
            (
                Task::RecordPayment,
                first(
                    "SELECT min(created_at) FROM receipts WHERE id > ?1 AND deleted_at IS NULL",
                    &[&baseline.last_receipt],
                )?,
            ),
            (Task::RegisterContract, self.new_registration(baseline)?),
            (
                Task::SendForMaturation,
                first(
                    "SELECT min(created_at) FROM maturation_projects
                     WHERE id > ?1 AND deleted_at IS NULL",
                    &[&baseline.last_project],
                )?,
            ),
            (Task::RecordRights, self.new_rights(baseline)?),
            (
                Task::ExportReport,
                setting(&self.conn, REPORT_KEY)?
                    .and_then(|v| DateTime::parse_from_rfc3339(&v).ok())
                    .map(|t| t.with_timezone(&Utc)),
            ),
        ];
        Ok(Progress {
            done: found
                .into_iter()
                .filter_map(|(task, at)| at.map(|at| (task, at)))
                .collect(),
        })
    }

    /// When the class first recorded rights with income shares, after the sandbox was built.
    fn new_rights(&self, baseline: &Baseline) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT updated_at FROM achievement_rights WHERE researchers_bp IS NOT NULL",
        )?;
        let times = stmt.query_map([], |r| r.get::<_, DateTime<Utc>>(0))?;
        let mut earliest: Option<DateTime<Utc>> = None;
        for at in times {
            let at = at?;
            if baseline.built_at.is_none_or(|built| at > built) {
                earliest = Some(earliest.map_or(at, |e| e.min(at)));
            }
        }
        Ok(earliest)
    }

    /// When the first deal not registered at `baseline` was registered.
    fn new_registration(&self, baseline: &Baseline) -> Result<Option<DateTime<Utc>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, updated_at FROM deals
             WHERE registration_submitted IS NOT NULL AND deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, DealId>(0)?, r.get::<_, DateTime<Utc>>(1)?))
        })?;
        let mut earliest = None;
        for row in rows {
            let (id, at) = row?;
            if !baseline.registered.contains(&id) {
                earliest = Some(earliest.map_or(at, |e: DateTime<Utc>| e.min(at)));
            }
        }
        Ok(earliest)
    }
}

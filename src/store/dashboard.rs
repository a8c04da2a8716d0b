//! The dashboard's figures, as SQL aggregates over live records.

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{Connection, params};

use super::{Store, StoreError};
use crate::domain::agenda::REGISTRATION_AHEAD_DAYS;
use crate::domain::dashboard::{
    Conversion, Dashboard, FieldTally, Kpis, MONTHS_SHOWN, MonthTally, StageTally, Tally,
    fill_months, last_months,
};
use crate::domain::{AchievementStatus, DealStage, Money, NeedStatus};

/// The stages before signing, as SQL text (codes are fixed identifiers, never user input).
const OPEN_STAGES: &str = "('lead', 'introduced', 'negotiating')";
/// The stages with a signed contract (`DealStage::is_signed`).
const SIGNED_STAGES: &str = "('signed', 'registered', 'executing', 'closed_won')";

/// The first and last day of `today`'s calendar year.
fn year_bounds(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let last = NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today);
    (first, last)
}

fn tally(count: i64, fen: i64) -> Tally {
    Tally {
        count: count.max(0) as u64,
        amount: Money(fen),
    }
}

/// Computes every figure as of `today`. Definitions:
///
/// - achievements available: live achievements of live owners with status "available" (what the
///   achievement list shows filtered to that status);
/// - open needs: live needs of live enterprises with status "open";
/// - in progress: live deals at 意向, 对接 or 洽谈, with their contract amount, or the expected
///   one when there is no contract amount yet;
/// - signed this year: live deals in a signed stage (签约 to 完成, so not lost) whose signing
///   date falls in `today`'s calendar year, with their contract amounts; the
///   technology-transaction amount is summed over the same deals; both as registered (认定)
///   where the contract has been registered, as signed otherwise;
/// - received this year: payments dated in this calendar year on live deals in a signed stage;
/// - outstanding and overdue: on live deals in a signed stage, what is unpaid on the instalment
///   plan once payments are allocated oldest-due first (as `payments::plan_status` does); a deal
///   without a plan has nothing outstanding;
/// - registrations due: live deals that are not lost, with a registration due date within 7 days
///   or past and no registration submitted (as the agenda lists them);
/// - monthly: signed-stage deals by the month of their signing date, the last 12 months;
/// - funnel: live deals in each stage of the pipeline, amounts as for "in progress";
/// - by field: live deals not lost, by the field of their first achievement;
/// - conversion: distinct (need or enterprise, achievement) pairs ever shortlisted or accepted;
///   of them, those accepted into a deal that is still live; of those, the deals now in a signed
///   stage.
pub(super) fn dashboard(conn: &Connection, today: NaiveDate) -> Result<Dashboard, StoreError> {
    Ok(Dashboard {
        kpis: kpis(conn, today)?,
        monthly: monthly(conn, today)?,
        funnel: funnel(conn)?,
        by_field: by_field(conn)?,
        conversion: conversion(conn)?,
    })
}

fn kpis(conn: &Connection, today: NaiveDate) -> Result<Kpis, StoreError> {
    // All in the status index, less the few of deleted organisations: a join with every owner
    // would read 100,000 client rows.
    let achievements_available: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM achievements WHERE deleted_at IS NULL AND status = ?1)
            - (SELECT count(*) FROM achievements WHERE deleted_at IS NULL AND status = ?1
               AND owner_id IN (SELECT id FROM clients WHERE deleted_at IS NOT NULL))",
        [AchievementStatus::Available],
        |r| r.get(0),
    )?;
    let needs_open: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM needs WHERE deleted_at IS NULL AND status = ?1)
            - (SELECT count(*) FROM needs WHERE deleted_at IS NULL AND status = ?1
               AND enterprise_id IN (SELECT id FROM clients WHERE deleted_at IS NOT NULL))",
        [NeedStatus::Open],
        |r| r.get(0),
    )?;
    let in_progress = conn.query_row(
        &format!(
            "SELECT count(*), ifnull(sum(coalesce(contract_fen, expected_fen)), 0) FROM deals
             WHERE deleted_at IS NULL AND stage IN {OPEN_STAGES}"
        ),
        [],
        |r| Ok(tally(r.get(0)?, r.get(1)?)),
    )?;
    let (first, last) = year_bounds(today);
    let (signed_this_year, technology) = conn.query_row(
        &format!(
            "SELECT count(*),
                ifnull(sum(coalesce(registered_contract_fen, contract_fen)), 0),
                ifnull(sum(coalesce(registered_technology_fen, technology_fen)), 0)
             FROM deals WHERE deleted_at IS NULL AND stage IN {SIGNED_STAGES}
               AND signed_on BETWEEN ?1 AND ?2"
        ),
        params![first, last],
        |r| Ok((tally(r.get(0)?, r.get(1)?), r.get::<_, i64>(2)?)),
    )?;
    let received: i64 = conn.query_row(
        &format!(
            "SELECT ifnull(sum(r.amount_fen), 0) FROM receipts r JOIN deals d ON d.id = r.deal_id
             WHERE d.deleted_at IS NULL AND d.stage IN {SIGNED_STAGES} AND r.deleted_at IS NULL
               AND r.received_on BETWEEN ?1 AND ?2"
        ),
        params![first, last],
        |r| r.get(0),
    )?;
    // Oldest-due-first allocation leaves max(0, planned - paid) unpaid, and of the instalments
    // already due max(0, due so far - paid).
    let (outstanding, overdue): (i64, i64) = conn.query_row(
        &format!(
            "SELECT ifnull(sum(max(0, ifnull(i.planned, 0) - ifnull(r.paid, 0))), 0),
                ifnull(sum(max(0, ifnull(i.due_so_far, 0) - ifnull(r.paid, 0))), 0)
             FROM deals d
             LEFT JOIN (SELECT deal_id, sum(amount_fen) AS planned,
                    sum(CASE WHEN due < ?1 THEN amount_fen ELSE 0 END) AS due_so_far
                 FROM instalments WHERE deleted_at IS NULL GROUP BY deal_id) i ON i.deal_id = d.id
             LEFT JOIN (SELECT deal_id, sum(amount_fen) AS paid FROM receipts
                 WHERE deleted_at IS NULL GROUP BY deal_id) r
                 ON r.deal_id = d.id
             WHERE d.deleted_at IS NULL AND d.stage IN {SIGNED_STAGES}"
        ),
        [today],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let due_by = today
        .checked_add_days(Days::new(REGISTRATION_AHEAD_DAYS))
        .unwrap_or(today);
    let registrations_due: i64 = conn.query_row(
        "SELECT count(*) FROM deals WHERE deleted_at IS NULL AND stage <> ?1
           AND registration_submitted IS NULL AND registration_due <= ?2",
        params![DealStage::Lost, due_by],
        |r| r.get(0),
    )?;
    let (running, ended, to_production): (i64, i64, i64) = conn.query_row(
        "SELECT count(*) FILTER (WHERE outcome IS NULL),
                count(*) FILTER (WHERE ended_on >= ?1 AND ended_on <= ?2),
                count(*) FILTER (WHERE ended_on >= ?1 AND ended_on <= ?2
                    AND outcome = 'to_production')
         FROM maturation_projects WHERE deleted_at IS NULL",
        params![year_bounds(today).0, year_bounds(today).1],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(Kpis {
        projects_running: running.max(0) as u64,
        projects_ended_this_year: ended.max(0) as u64,
        projects_to_production_this_year: to_production.max(0) as u64,
        achievements_available: achievements_available.max(0) as u64,
        needs_open: needs_open.max(0) as u64,
        in_progress,
        signed_this_year,
        technology_this_year: Money(technology),
        received_this_year: Money(received),
        outstanding: Money(outstanding),
        overdue: Money(overdue),
        registrations_due: registrations_due.max(0) as u64,
    })
}

fn monthly(conn: &Connection, today: NaiveDate) -> Result<Vec<MonthTally>, StoreError> {
    let Some(&(year, month)) = last_months(today, MONTHS_SHOWN).first() else {
        return Ok(Vec::new());
    };
    let from = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(today);
    let (_, last) = year_bounds(today);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT CAST(substr(signed_on, 1, 4) AS INTEGER), CAST(substr(signed_on, 6, 2) AS INTEGER),
            count(*), ifnull(sum(contract_fen), 0)
         FROM deals WHERE deleted_at IS NULL AND stage IN {SIGNED_STAGES}
           AND signed_on BETWEEN ?1 AND ?2
         GROUP BY 1, 2"
    ))?;
    let found = stmt
        .query_map(params![from, last], |r| {
            Ok(MonthTally {
                year: r.get(0)?,
                month: r.get(1)?,
                tally: tally(r.get(2)?, r.get(3)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(fill_months(today, &found))
}

fn funnel(conn: &Connection) -> Result<Vec<StageTally>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT stage, count(*), ifnull(sum(coalesce(contract_fen, expected_fen)), 0) FROM deals
         WHERE deleted_at IS NULL GROUP BY stage",
    )?;
    let found = stmt
        .query_map([], |r| {
            Ok(StageTally {
                stage: r.get(0)?,
                tally: tally(r.get(1)?, r.get(2)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(DealStage::PIPELINE
        .into_iter()
        .map(|stage| StageTally {
            stage,
            tally: found
                .iter()
                .find(|s| s.stage == stage)
                .map(|s| s.tally)
                .unwrap_or_default(),
        })
        .collect())
}

fn by_field(conn: &Connection) -> Result<Vec<FieldTally>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT field, count(*), ifnull(sum(amount), 0) FROM (
            SELECT ifnull((SELECT a.field FROM deal_achievements da
                    JOIN achievements a ON a.id = da.achievement_id
                    WHERE da.deal_id = d.id ORDER BY a.id LIMIT 1), '') AS field,
                coalesce(d.contract_fen, d.expected_fen) AS amount
            FROM deals d WHERE d.deleted_at IS NULL AND d.stage <> ?1)
         GROUP BY field ORDER BY count(*) DESC, field",
    )?;
    let rows = stmt.query_map([DealStage::Lost], |r| {
        Ok(FieldTally {
            field: r.get(0)?,
            tally: tally(r.get(1)?, r.get(2)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn conversion(conn: &Connection) -> Result<Conversion, StoreError> {
    let shortlisted: i64 = conn.query_row(
        "SELECT count(*) FROM (SELECT DISTINCT ifnull(need_id, 0), achievement_id, enterprise_id
            FROM match_decisions WHERE decision IN ('proposed', 'accepted'))",
        [],
        |r| r.get(0),
    )?;
    let (accepted, signed): (i64, i64) = conn.query_row(
        &format!(
            "SELECT count(*), ifnull(sum(d.stage IN {SIGNED_STAGES}), 0)
             FROM deals d WHERE d.deleted_at IS NULL AND d.id IN (
                SELECT deal_id FROM match_decisions
                WHERE decision = 'accepted' AND deal_id IS NOT NULL)"
        ),
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Conversion {
        shortlisted: shortlisted.max(0) as u64,
        accepted: accepted.max(0) as u64,
        signed: signed.max(0) as u64,
    })
}

impl Store {
    /// The dashboard as of `today`; the module's `dashboard` function says how each figure is
    /// counted.
    pub fn dashboard(&self, today: NaiveDate) -> Result<Dashboard, StoreError> {
        dashboard(&self.conn, today)
    }
}

//! An institution's brokers on one shared store (PostgreSQL), each laptop keeping its own file
//! and working offline: joining, a sync round (push the outbox, pull what others wrote), the
//! conflicts and the audit that came down. The command line and the window call these.

mod local;
pub mod server;
pub mod tables;
mod tls;

use rusqlite::{OptionalExtension, params};
use serde_json::Value;

pub use server::{SERVER_SCHEMA_VERSION, Server, ServerError, connect};

use super::{Area, Store, StoreError};
use crate::domain::ClientId;
use crate::domain::team::{
    Conflict, ConflictKind, Membership, Resolution, Role, SyncReport, TeamStatus,
};

/// Why joining or a sync did not go through. Nothing is half-done: what was written on either
/// side is whole, and the next round goes on from there.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error(transparent)]
    Server(#[from] ServerError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("this database is not a member of a team")]
    NotJoined,
    #[error("this database is a member of the team at {0} already")]
    AlreadyJoined(String),
    /// A test stopped the round at a given step, as a cut connection would.
    #[error("the sync was interrupted")]
    Interrupted,
}

/// Where a round can be cut off, for the tests that cut it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The server committed the push; this laptop has not yet noted it.
    Pushed,
    /// The first batch of records came down; the rest has not.
    FirstBatch,
}

/// How many records come down in one local transaction.
const BATCH: i64 = 1000;

/// Creates the team store on `url`'s empty database, `admin` its first admin.
pub fn init(url: &str, admin: &str, password: &str) -> Result<(), TeamError> {
    let mut server = connect(url, admin, password)?;
    server::init(&mut server, admin)?;
    Ok(())
}

/// Adds a member, connected as an admin.
pub fn invite(
    url: &str,
    admin: &str,
    password: &str,
    user: &str,
    role: Role,
    user_password: &str,
) -> Result<(), TeamError> {
    let mut server = connect(url, admin, password)?;
    server::invite(&mut server, user, role, user_password)?;
    Ok(())
}

/// Makes the database a member of the team at `url` as `user`: its records are queued to go up
/// once, and a first round runs.
pub fn join(
    store: &mut Store,
    url: &str,
    user: &str,
    password: &str,
) -> Result<SyncReport, TeamError> {
    if let Some(m) = store.team_membership()?
        && (m.server != url || m.user != user)
    {
        return Err(TeamError::AlreadyJoined(m.server));
    }
    let mut server = connect(url, user, password)?;
    let (_, role) = server::check(&mut server)?;
    let at = super::now().to_rfc3339();
    store.write(Area::Clients, |tx| {
        local::begin_membership(tx, url, user, role, &at)
    })?;
    round(store, &mut server, None)
}

/// One round: push what changed here, pull what changed there.
pub fn sync(store: &mut Store, password: &str) -> Result<SyncReport, TeamError> {
    sync_until(store, password, None)
}

/// [`sync`], cut off at `stop` as a dropped connection would cut it.
pub fn sync_until(
    store: &mut Store,
    password: &str,
    stop: Option<Step>,
) -> Result<SyncReport, TeamError> {
    let m = store.team_membership()?.ok_or(TeamError::NotJoined)?;
    let mut server = connect(&m.server, &m.user, password)?;
    round(store, &mut server, stop)
}

fn round(
    store: &mut Store,
    server: &mut Server,
    stop: Option<Step>,
) -> Result<SyncReport, TeamError> {
    // A round that finds nothing to do writes nothing: a window on the file reads every write
    // from another connection as a reason to load its catalogues again.
    let (_, role) = server::check(server)?;
    let mut report = SyncReport::default();
    let membership = store.team_membership()?.ok_or(TeamError::NotJoined)?;
    if membership.role != role {
        store.write(Area::Clients, |tx| local::set_role(tx, role))?;
    }

    if local::push_due(&store.conn)? {
        let (push_id, through) = store.write(Area::Catalog, local::push_id)?;
        let pending = local::pending(&store.conn, through)?;
        let pushed = server::push(server, &push_id, &pending)?;
        if stop == Some(Step::Pushed) {
            return Err(TeamError::Interrupted);
        }
        store.write(Area::Catalog, |tx| local::finish_push(tx, through))?;
        if !pushed.already {
            report.pushed = pending.len();
            report.conflicts += pushed.conflicts;
        }
    }

    let settled = store.settled_unsent()?;
    if !settled.is_empty() {
        server::resolve(server, &settled)?;
        store.write(Area::Catalog, |tx| {
            for id in &settled {
                tx.execute(
                    "UPDATE team_conflicts SET sent = 1 WHERE server_id = ?1",
                    [id],
                )?;
            }
            Ok(())
        })?;
    }

    let mut first = true;
    loop {
        let marks = local::marks(&store.conn)?;
        let batch = server::pull(server, marks.records, BATCH)?;
        let retry = if first {
            local::waiting(&store.conn)?
        } else {
            Vec::new()
        };
        if batch.is_empty() && retry.is_empty() {
            break;
        }
        let last = batch.last().map(|(seq, _)| *seq).unwrap_or(marks.records);
        let full = batch.len() as i64 == BATCH;
        let records: Vec<&local::Pulled> =
            retry.iter().chain(batch.iter().map(|(_, r)| r)).collect();
        report.pulled += write_pulled(store, &records, Some(last))?;
        if first && stop == Some(Step::FirstBatch) {
            return Err(TeamError::Interrupted);
        }
        first = false;
        if !full {
            break;
        }
    }

    // A record that came down before one it refers to, in the same round, goes in now.
    if report.pulled > 0 && local::waiting_count(&store.conn)? > 0 {
        let retry = local::waiting(&store.conn)?;
        report.pulled += write_pulled(store, &retry.iter().collect::<Vec<_>>(), None)?;
    }

    let marks = local::marks(&store.conn)?;
    let board = server::board(server, marks.board)?;
    let conflicts = server::conflicts(server, marks.conflicts)?;
    let mut audit = Vec::new();
    let mut after = marks.audit;
    loop {
        let rows = server::audit(server, after, 5000)?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        let full = rows.len() == 5000;
        audit.extend(rows);
        if !full {
            break;
        }
    }
    report.waiting = local::waiting_count(&store.conn)?;
    let idle = board.is_empty()
        && conflicts.is_empty()
        && audit.is_empty()
        && settled.is_empty()
        && report.pushed == 0
        && report.pulled == 0
        && membership.last_sync.is_some();
    if idle {
        report.team_deals = local::team_deal_count(&store.conn)?;
        return Ok(report);
    }
    let me = membership.user;
    let at = super::now().to_rfc3339();
    report.team_deals = store.write(Area::Catalog, |tx| {
        let mut board_mark = marks.board;
        for deal in &board {
            board_mark = board_mark.max(deal.seq);
            if deal.owner == me {
                tx.execute("DELETE FROM team_deals WHERE uid = ?1", [&deal.uid])?;
                continue;
            }
            tx.execute(
                "INSERT INTO team_deals (uid, owner, title, stage, seller_uid, buyer_uid, deleted)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (uid) DO UPDATE SET owner = excluded.owner, title = excluded.title,
                     stage = excluded.stage, seller_uid = excluded.seller_uid,
                     buyer_uid = excluded.buyer_uid, deleted = excluded.deleted",
                params![deal.uid, deal.owner, deal.title, deal.stage, deal.seller_uid, deal.buyer_uid, deal.deleted],
            )?;
        }
        let mut conflict_mark = marks.conflicts;
        for c in &conflicts {
            conflict_mark = conflict_mark.max(c.seq);
            tx.execute(
                "INSERT INTO team_conflicts (server_id, tbl, uid, kind, field, base, kept, theirs, by,
                     record_owner, at, resolved_at, resolved_by, sent)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1)
                 ON CONFLICT (server_id) DO UPDATE SET
                     resolved_at = coalesce(team_conflicts.resolved_at, excluded.resolved_at),
                     resolved_by = CASE WHEN team_conflicts.resolved_at IS NULL
                         THEN excluded.resolved_by ELSE team_conflicts.resolved_by END",
                params![
                    c.id,
                    c.table,
                    c.uid,
                    c.kind,
                    c.field,
                    c.base.as_ref().map(Value::to_string),
                    c.kept.as_ref().map(Value::to_string),
                    c.theirs.as_ref().map(Value::to_string),
                    c.by,
                    c.record_owner,
                    c.at,
                    c.resolved_at,
                    c.resolved_by.clone().unwrap_or_default()
                ],
            )?;
        }
        for a in &audit {
            tx.execute(
                "INSERT INTO team_audit (id, uid, tbl, op, by, at, changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO NOTHING",
                params![a.id, a.uid, a.table, a.op, a.by, a.at, a.changed.to_string()],
            )?;
        }
        tx.execute(
            "UPDATE team_membership SET board_seq = ?1, conflict_seq = ?2, audit_seq = ?3 WHERE id = 1",
            params![board_mark, conflict_mark, after],
        )?;
        local::set_last_sync(tx, &at)?;
        local::team_deal_count(tx)
    })?;
    Ok(report)
}

/// Writes a member's triggers again when the file opens, from the columns its tables have now:
/// a version that added a column records it from the first write on.
pub(super) fn refresh_triggers(conn: &rusqlite::Connection) -> Result<(), StoreError> {
    if local::membership(conn)?.is_none() {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    local::install_triggers(&tx)?;
    tx.commit()?;
    Ok(())
}

/// Writes records that came down in one transaction, without recording them as changes made
/// here, and notes how far the feed was read; returns how many were written.
fn write_pulled(
    store: &mut Store,
    records: &[&local::Pulled],
    mark: Option<i64>,
) -> Result<usize, StoreError> {
    store.write(Area::Clients, |tx| {
        local::set_applying(tx, true)?;
        let mut written = 0;
        for record in records {
            if local::write_pulled(tx, record)? == local::Written::Done {
                written += 1;
            }
        }
        if let Some(seq) = mark {
            local::set_records_mark(tx, seq)?;
        }
        local::set_applying(tx, false)?;
        Ok(written)
    })
}

/// A change of a record, as the server's audit keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub op: String,
    pub by: String,
    pub at: String,
    /// Field by field, `[old, new]` (for a new record, the record).
    pub changed: Value,
}

/// Another broker's deal, in outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamDeal {
    pub owner: String,
    pub title: String,
    pub stage: String,
}

impl Store {
    pub fn team_membership(&self) -> Result<Option<Membership>, StoreError> {
        local::membership(&self.conn)
    }

    /// The top bar's line, for a member.
    pub fn team_status(&self) -> Result<Option<TeamStatus>, StoreError> {
        let Some(membership) = self.team_membership()? else {
            return Ok(None);
        };
        let pending = local::pending_count(&self.conn)?;
        let conflicts: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM team_conflicts WHERE resolved_at IS NULL)
                  + (SELECT count(*) FROM team_inbox)",
            [],
            |r| r.get(0),
        )?;
        Ok(Some(TeamStatus {
            membership,
            pending,
            conflicts: conflicts as usize,
        }))
    }

    /// Conflicts not yet settled, and records waiting to be written here, newest first.
    pub fn team_conflicts(&self) -> Result<Vec<Conflict>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.tbl, c.uid, m.row_id, c.kind, c.field, c.base, c.kept, c.theirs, c.by, c.at
             FROM team_conflicts c LEFT JOIN sync_map m ON m.uid = c.uid
             WHERE c.resolved_at IS NULL ORDER BY c.id DESC",
        )?;
        let parse = |text: Option<String>| {
            text.and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or(Value::Null)
        };
        let rows = stmt.query_map([], |r| {
            Ok(Conflict {
                id: r.get(0)?,
                table: r.get(1)?,
                uid: r.get(2)?,
                row_id: r.get(3)?,
                kind: ConflictKind::from_code(&r.get::<_, String>(4)?)
                    .unwrap_or(ConflictKind::Field),
                field: r.get(5)?,
                base: parse(r.get(6)?),
                kept: parse(r.get(7)?),
                theirs: parse(r.get(8)?),
                by: r.get(9)?,
                at: r.get(10)?,
                label: String::new(),
            })
        })?;
        let mut out = rows.collect::<Result<Vec<_>, _>>()?;
        let mut waiting = self.conn.prepare(
            "SELECT rowid, tbl, uid, owner, data, reason FROM team_inbox ORDER BY rowid",
        )?;
        let rows = waiting.query_map([], |r| {
            Ok(Conflict {
                id: -r.get::<_, i64>(0)?,
                table: r.get(1)?,
                uid: r.get(2)?,
                row_id: None,
                kind: ConflictKind::Waiting,
                field: r.get(5)?,
                base: Value::Null,
                kept: Value::Null,
                theirs: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or(Value::Null),
                by: r.get(3)?,
                at: String::new(),
                label: String::new(),
            })
        })?;
        out.extend(rows.collect::<Result<Vec<_>, _>>()?);
        for c in &mut out {
            c.label = self.record_label(&c.table, c.row_id, &c.theirs)?;
        }
        Ok(out)
    }

    fn record_label(
        &self,
        table: &str,
        row_id: Option<i64>,
        fallback: &Value,
    ) -> Result<String, StoreError> {
        let from_json = |v: &Value| {
            ["name", "title", "summary"]
                .iter()
                .find_map(|k| v.get(*k).and_then(Value::as_str))
                .map(str::to_string)
        };
        let Some(row_id) = row_id else {
            return Ok(from_json(fallback).unwrap_or_default());
        };
        if tables::synced(table).is_none() {
            return Ok(String::new());
        }
        let cols = local::columns(&self.conn, table)?;
        let Some(col) = ["name", "title", "summary"]
            .iter()
            .find(|c| cols.iter().any(|x| x == *c))
        else {
            return Ok(from_json(fallback).unwrap_or_default());
        };
        let label: Option<String> = self
            .conn
            .query_row(
                &format!("SELECT \"{col}\" FROM \"{table}\" WHERE rowid = ?1"),
                [row_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(label.unwrap_or_default())
    }

    fn settled_unsent(&self) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT server_id FROM team_conflicts WHERE resolved_at IS NOT NULL AND sent = 0 AND server_id IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Settles a conflict here; the server hears of it at the next sync. Writing the value that
    /// lost is an ordinary edit of the record, so it goes up like any other.
    pub fn resolve_conflict(&mut self, id: i64, resolution: Resolution) -> Result<(), StoreError> {
        let conflict = self
            .team_conflicts()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(StoreError::NotFound)?;
        let me = self.team_membership()?.map(|m| m.user).unwrap_or_default();
        let at = super::now().to_rfc3339();
        self.write(Area::Clients, |tx| {
            if resolution == Resolution::UseTheirs {
                let row_id = conflict.row_id.ok_or(StoreError::NotFound)?;
                let table = tables::synced(&conflict.table).ok_or(StoreError::NotFound)?;
                let cols = local::columns(tx, table.name)?;
                let mut fields: Vec<(String, Value)> = match conflict.kind {
                    ConflictKind::Field => vec![(conflict.field.clone(), conflict.theirs.clone())],
                    ConflictKind::DeleteVsEdit => {
                        vec![(crate::domain::team::DELETED_AT.to_string(), Value::String(at.clone()))]
                    }
                    ConflictKind::EditOfDeleted => {
                        let mut f: Vec<(String, Value)> = conflict
                            .theirs
                            .as_object()
                            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                            .unwrap_or_default();
                        f.push((crate::domain::team::DELETED_AT.to_string(), Value::Null));
                        f
                    }
                    ConflictKind::Waiting => Vec::new(),
                };
                let refs: Vec<&str> = table.refs.iter().map(|(c, _)| *c).collect();
                fields.retain(|(f, _)| cols.contains(f) && !refs.contains(&f.as_str()));
                for (field, value) in fields {
                    tx.execute(
                        &format!("UPDATE \"{}\" SET \"{field}\" = ?1 WHERE rowid = ?2", table.name),
                        params![local_value(&value), row_id],
                    )?;
                }
            }
            tx.execute(
                "UPDATE team_conflicts SET resolved_at = ?1, resolved_by = ?2, sent = 0 WHERE id = ?3",
                params![at, me, id],
            )?;
            Ok(())
        })
    }

    /// The changes the server's audit holds for a local record, newest first.
    pub fn team_audit(&self, table: &str, row_id: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT a.op, a.by, a.at, a.changed FROM team_audit a
             JOIN sync_map m ON m.uid = a.uid WHERE m.tbl = ?1 AND m.row_id = ?2
             ORDER BY a.id DESC",
        )?;
        let rows = stmt.query_map(params![table, row_id], |r| {
            Ok(AuditEntry {
                op: r.get(0)?,
                by: r.get(1)?,
                at: r.get(2)?,
                changed: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or(Value::Null),
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Others' deals in progress with a client, as seller or buyer.
    pub fn team_deals_with(&self, client: ClientId) -> Result<Vec<TeamDeal>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT d.owner, d.title, d.stage FROM team_deals d
             JOIN sync_map m ON m.tbl = 'clients' AND m.row_id = ?1
             WHERE d.deleted = 0 AND (d.seller_uid = m.uid OR d.buyer_uid = m.uid)
               AND d.stage NOT IN ('closed_won', 'lost')
             ORDER BY d.owner, d.title",
        )?;
        let rows = stmt.query_map([client.0], |r| {
            Ok(TeamDeal {
                owner: r.get(0)?,
                title: r.get(1)?,
                stage: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The member who owns each of this laptop's deals (its creator), by local deal id.
    pub fn deal_owners(&self) -> Result<Vec<(i64, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT row_id, owner FROM sync_map WHERE tbl = 'deals' AND owner <> ''")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

fn local_value(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match value {
        Value::Null => V::Null,
        Value::Bool(b) => V::Integer(*b as i64),
        Value::Number(n) => n
            .as_i64()
            .map(V::Integer)
            .unwrap_or_else(|| V::Real(n.as_f64().unwrap_or_default())),
        Value::String(s) => V::Text(s.clone()),
        other => V::Text(other.to_string()),
    }
}

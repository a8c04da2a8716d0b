//! The laptop's side of a team: triggers that record every change in the outbox inside the
//! write's own transaction, the ids that are unique across laptops, and writing what came down
//! from the server without recording it again.

use std::collections::HashMap;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Map, Value};

use super::tables::{SYNCED, Synced, documents_owner_table, synced};
use crate::domain::team::{Membership, Role};
use crate::store::StoreError;

/// The columns that travel: all but a local integer key.
pub(super) fn columns(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare("SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let rows = stmt.query_map([table], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (name, kind, pk) = row?;
        if name == "id" && pk == 1 && kind.eq_ignore_ascii_case("INTEGER") {
            continue;
        }
        out.push(name);
    }
    Ok(out)
}

fn json_of(prefix: &str, columns: &[String]) -> String {
    let pairs: Vec<String> = columns
        .iter()
        .map(|c| format!("'{c}', {prefix}.\"{c}\""))
        .collect();
    format!("json_object({})", pairs.join(", "))
}

/// The triggers that record a synced table's changes, by name, as `CREATE` statements.
fn triggers(t: &str, cols: &[String]) -> [(String, String); 3] {
    let guard = "WHEN (SELECT applying FROM team_membership) = 0";
    let old = json_of("OLD", cols);
    [
        (
            format!("sync_i_{t}"),
            format!(
                "CREATE TRIGGER sync_i_{t} AFTER INSERT ON \"{t}\" {guard} BEGIN
                 INSERT INTO sync_map (tbl, row_id, uid) VALUES ('{t}', NEW.rowid, lower(hex(randomblob(16))))
                     ON CONFLICT (tbl, row_id) DO NOTHING;
                 INSERT INTO sync_outbox (tbl, row_id, op, old) VALUES ('{t}', NEW.rowid, 'I', NULL);
             END"
            ),
        ),
        (
            format!("sync_u_{t}"),
            format!(
                "CREATE TRIGGER sync_u_{t} AFTER UPDATE ON \"{t}\" {guard} BEGIN
                 INSERT INTO sync_outbox (tbl, row_id, op, old) VALUES ('{t}', OLD.rowid, 'U', {old});
             END"
            ),
        ),
        (
            format!("sync_d_{t}"),
            format!(
                "CREATE TRIGGER sync_d_{t} AFTER DELETE ON \"{t}\" {guard} BEGIN
                 INSERT INTO sync_outbox (tbl, row_id, op, old) VALUES ('{t}', OLD.rowid, 'D', {old});
             END"
            ),
        ),
    ]
}

/// Writes the triggers of every synced table again where they differ from those the columns it
/// has now call for, so a column added by a later version travels too. Triggers already as
/// they should be are left alone: opening a member's file writes nothing.
pub(super) fn install_triggers(tx: &Connection) -> Result<(), StoreError> {
    for table in SYNCED {
        let cols = columns(tx, table.name)?;
        for (name, sql) in triggers(table.name, &cols) {
            let stored: Option<String> = tx
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [&name],
                    |r| r.get(0),
                )
                .optional()?;
            if stored.as_deref() != Some(sql.as_str()) {
                tx.execute_batch(&format!("DROP TRIGGER IF EXISTS {name}; {sql};"))?;
            }
        }
    }
    Ok(())
}

pub(super) fn membership(conn: &Connection) -> Result<Option<Membership>, StoreError> {
    let row = conn
        .query_row(
            "SELECT server, user, role, joined_at, last_sync FROM team_membership WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .optional()?;
    Ok(
        row.map(|(server, user, role, joined_at, last_sync)| Membership {
            server,
            user,
            role: Role::from_code(&role).unwrap_or(Role::Broker),
            joined_at,
            last_sync,
        }),
    )
}

/// Makes this file a member: every record gets its id across the team and is queued to go up
/// once; from here on the triggers record each change.
pub(super) fn begin_membership(
    tx: &Transaction<'_>,
    server: &str,
    user: &str,
    role: Role,
    at: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO team_membership (id, server, user, role, joined_at) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET server = excluded.server, user = excluded.user,
             role = excluded.role",
        params![server, user, role.code(), at],
    )?;
    for table in SYNCED {
        let t = table.name;
        tx.execute_batch(&format!(
            "INSERT INTO sync_map (tbl, row_id, uid, owner)
                 SELECT '{t}', rowid, lower(hex(randomblob(16))), '' FROM \"{t}\" WHERE true
                 ON CONFLICT (tbl, row_id) DO NOTHING;
             INSERT INTO sync_outbox (tbl, row_id, op, old)
                 SELECT '{t}', m.row_id, 'I', NULL FROM sync_map m
                 WHERE m.tbl = '{t}' AND m.version = 0
                   AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.tbl = '{t}' AND o.row_id = m.row_id);"
        ))?;
    }
    install_triggers(tx)
}

pub(super) fn set_role(tx: &Transaction<'_>, role: Role) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE team_membership SET role = ?1 WHERE id = 1",
        [role.code()],
    )?;
    Ok(())
}

/// A record changed here since it last went up: its state then and now, references as ids
/// across the team.
#[derive(Debug, Clone)]
pub struct Pending {
    pub table: &'static Synced,
    pub row_id: i64,
    pub uid: String,
    /// The record as it was before the first change not yet sent; none for a new record.
    pub base: Option<Map<String, Value>>,
    /// The record as it is now; none when deleted.
    pub now: Option<Map<String, Value>>,
    /// The deal the record belongs to, for a deal's own rows.
    pub deal_uid: Option<String>,
}

/// What the outbox holds up to entry `through`, one entry per record.
pub(super) fn pending(conn: &Connection, through: i64) -> Result<Vec<Pending>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT o.tbl, o.row_id, o.op, o.old, o.id FROM sync_outbox o
         JOIN (SELECT tbl, row_id, min(id) AS first FROM sync_outbox WHERE id <= ?1
               GROUP BY tbl, row_id) f
           ON f.tbl = o.tbl AND f.row_id = o.row_id AND f.first = o.id
         ORDER BY o.id",
    )?;
    let firsts = stmt
        .query_map([through], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut uids = UidCache::default();
    let mut cols: HashMap<&'static str, Vec<String>> = HashMap::new();
    let mut out = Vec::with_capacity(firsts.len());
    for (tbl, row_id, op, old) in firsts {
        let Some(table) = synced(&tbl) else { continue };
        if !cols.contains_key(table.name) {
            cols.insert(table.name, columns(conn, table.name)?);
        }
        let table_cols = cols.get(table.name).map(Vec::as_slice).unwrap_or_default();
        let base = match (op.as_str(), old) {
            ("I", _) | (_, None) => None,
            (_, Some(text)) => Some(object(&text)),
        };
        let now: Option<String> = conn
            .query_row(
                &format!(
                    "SELECT {} FROM \"{}\" AS NEW WHERE rowid = ?1",
                    json_of("NEW", table_cols),
                    table.name
                ),
                [row_id],
                |r| r.get(0),
            )
            .optional()?;
        let now = now.map(|text| object(&text));
        if base.is_none() && now.is_none() {
            // Made and deleted between two syncs: the team never needs to see it.
            continue;
        }
        let Some(uid) = uids.uid(conn, table.name, row_id)? else {
            continue;
        };
        let base = base
            .map(|m| to_team_refs(conn, &mut uids, table, m))
            .transpose()?;
        let now = now
            .map(|m| to_team_refs(conn, &mut uids, table, m))
            .transpose()?;
        let deal_uid = deal_of(table, now.as_ref().or(base.as_ref()));
        out.push(Pending {
            table,
            row_id,
            uid,
            base,
            now,
            deal_uid,
        });
    }
    Ok(out)
}

fn deal_of(table: &Synced, record: Option<&Map<String, Value>>) -> Option<String> {
    let record = record?;
    let column = match table.name {
        "deals" => return None,
        "documents" => {
            let kind = record.get("owner_kind").and_then(Value::as_str)?;
            if kind != "deal" {
                return None;
            }
            "owner_id"
        }
        _ => table.deal_ref?,
    };
    record
        .get(column)
        .and_then(Value::as_str)
        .map(str::to_string)
}

fn object(text: &str) -> Map<String, Value> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Each column referring to a record holds that record's local id; for the team, its id across
/// the team instead.
fn to_team_refs(
    conn: &Connection,
    uids: &mut UidCache,
    table: &Synced,
    mut record: Map<String, Value>,
) -> Result<Map<String, Value>, StoreError> {
    for (column, target) in refs_of(table, &record) {
        if let Some(local) = record.get(column).and_then(Value::as_i64) {
            let uid = uids.uid(conn, target, local)?;
            record.insert(
                column.to_string(),
                uid.map(Value::String).unwrap_or(Value::Null),
            );
        }
    }
    Ok(record)
}

fn refs_of(table: &Synced, record: &Map<String, Value>) -> Vec<(&'static str, &'static str)> {
    if table.name == "documents" {
        let kind = record
            .get("owner_kind")
            .and_then(Value::as_str)
            .unwrap_or_default();
        return documents_owner_table(kind)
            .map(|target| vec![("owner_id", target)])
            .unwrap_or_default();
    }
    table.refs.to_vec()
}

#[derive(Default)]
struct UidCache(HashMap<(&'static str, i64), Option<String>>);

impl UidCache {
    fn uid(
        &mut self,
        conn: &Connection,
        table: &'static str,
        row_id: i64,
    ) -> Result<Option<String>, StoreError> {
        if let Some(found) = self.0.get(&(table, row_id)) {
            return Ok(found.clone());
        }
        let found: Option<String> = conn
            .query_row(
                "SELECT uid FROM sync_map WHERE tbl = ?1 AND row_id = ?2",
                params![table, row_id],
                |r| r.get(0),
            )
            .optional()?;
        self.0.insert((table, row_id), found.clone());
        Ok(found)
    }
}

/// The outbox up to `through` went up: forget it, and the push's id with it.
pub(super) fn finish_push(tx: &Transaction<'_>, through: i64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM sync_outbox WHERE id <= ?1", [through])?;
    tx.execute(
        "UPDATE team_membership SET push_id = NULL, push_through = NULL WHERE id = 1",
        [],
    )?;
    Ok(())
}

/// The id of a push begun and perhaps not finished, with the last outbox entry it covers, or a
/// new one: kept before anything goes up, so a push cut off after the server committed is
/// recognised when sent again, and covers the same entries.
pub(super) fn push_id(tx: &Transaction<'_>) -> Result<(String, i64), StoreError> {
    let existing: (Option<String>, Option<i64>) = tx.query_row(
        "SELECT push_id, push_through FROM team_membership WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if let (Some(id), Some(through)) = existing {
        return Ok((id, through));
    }
    let id: String = tx.query_row("SELECT lower(hex(randomblob(16)))", [], |r| r.get(0))?;
    let through: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM sync_outbox", [], |r| {
        r.get(0)
    })?;
    tx.execute(
        "UPDATE team_membership SET push_id = ?1, push_through = ?2 WHERE id = 1",
        params![id, through],
    )?;
    Ok((id, through))
}

/// A record as the server holds it.
#[derive(Debug, Clone)]
pub struct Pulled {
    pub uid: String,
    pub table: String,
    pub owner: String,
    pub version: i64,
    pub deleted: bool,
    pub data: Map<String, Value>,
}

/// Tables whose row key is the key of the record they describe (one row per parent).
const ROWID_IS_PARENTS: [&str; 2] = ["achievement_rights", "carriers"];

/// What writing one pulled record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Written {
    Done,
    /// Changed here since the last push: it goes up first, and comes down after.
    Deferred,
    /// Kept in the inbox, with why.
    Waiting(String),
}

pub(super) fn set_applying(tx: &Transaction<'_>, on: bool) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE team_membership SET applying = ?1 WHERE id = 1",
        [on as i64],
    )?;
    Ok(())
}

/// Writes one record that came down, inside a savepoint so a record that cannot be written here
/// waits in the inbox and the others still go in.
pub(super) fn write_pulled(tx: &Transaction<'_>, record: &Pulled) -> Result<Written, StoreError> {
    tx.execute_batch("SAVEPOINT pulled")?;
    let written = match write_one(tx, record) {
        Ok(Written::Waiting(reason)) => Err(reason),
        Ok(written) => Ok(written),
        Err(StoreError::Sqlite(e)) => Err(e.to_string()),
        Err(e) => {
            tx.execute_batch("ROLLBACK TO pulled; RELEASE pulled")?;
            return Err(e);
        }
    };
    match written {
        Ok(written) => {
            tx.execute("DELETE FROM team_inbox WHERE uid = ?1", [&record.uid])?;
            tx.execute_batch("RELEASE pulled")?;
            Ok(written)
        }
        Err(reason) => {
            tx.execute_batch("ROLLBACK TO pulled; RELEASE pulled")?;
            keep_waiting(tx, record, &reason)?;
            Ok(Written::Waiting(reason))
        }
    }
}

fn keep_waiting(tx: &Transaction<'_>, record: &Pulled, reason: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO team_inbox (uid, tbl, owner, version, deleted, data, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (uid) DO UPDATE SET tbl = excluded.tbl, owner = excluded.owner,
             version = excluded.version, deleted = excluded.deleted, data = excluded.data,
             reason = excluded.reason",
        params![
            record.uid,
            record.table,
            record.owner,
            record.version,
            record.deleted,
            Value::Object(record.data.clone()).to_string(),
            reason
        ],
    )?;
    Ok(())
}

/// What waits in the inbox, to try again.
pub(super) fn waiting(conn: &Connection) -> Result<Vec<Pulled>, StoreError> {
    let mut stmt = conn
        .prepare("SELECT uid, tbl, owner, version, deleted, data FROM team_inbox ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        Ok(Pulled {
            uid: r.get(0)?,
            table: r.get(1)?,
            owner: r.get(2)?,
            version: r.get(3)?,
            deleted: r.get(4)?,
            data: object(&r.get::<_, String>(5)?),
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

fn write_one(tx: &Connection, record: &Pulled) -> Result<Written, StoreError> {
    let Some(table) = synced(&record.table) else {
        return Ok(Written::Waiting(format!("unknown table {}", record.table)));
    };
    let local: Option<i64> = tx
        .query_row(
            "SELECT row_id FROM sync_map WHERE uid = ?1",
            [&record.uid],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(row_id) = local {
        let pending: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE tbl = ?1 AND row_id = ?2)",
            params![table.name, row_id],
            |r| r.get(0),
        )?;
        if pending {
            return Ok(Written::Deferred);
        }
    }
    if record.deleted {
        if let Some(row_id) = local {
            tx.execute(
                &format!("DELETE FROM \"{}\" WHERE rowid = ?1", table.name),
                [row_id],
            )?;
        }
        upsert_map(tx, table.name, local.unwrap_or(0), record)?;
        return Ok(Written::Done);
    }
    let cols = columns(tx, table.name)?;
    let mut values: Vec<(String, SqlValue)> = Vec::with_capacity(cols.len());
    for column in &cols {
        let Some(value) = record.data.get(column) else {
            continue;
        };
        let target = refs_of(table, &record.data)
            .into_iter()
            .find(|(c, _)| c == column)
            .map(|(_, t)| t);
        let value = match (target, value) {
            (Some(target), Value::String(uid)) => {
                let row: Option<i64> = tx
                    .query_row(
                        "SELECT row_id FROM sync_map WHERE tbl = ?1 AND uid = ?2",
                        params![target, uid],
                        |r| r.get(0),
                    )
                    .optional()?;
                match row {
                    Some(row) => SqlValue::Integer(row),
                    None => {
                        return Ok(Written::Waiting(format!(
                            "refers to a {target} record not here"
                        )));
                    }
                }
            }
            (_, value) => sql_value(value),
        };
        values.push((column.clone(), value));
    }
    let row_id = match local {
        Some(row_id) => {
            let sets: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(i, (c, _))| format!("\"{c}\" = ?{}", i + 2))
                .collect();
            let mut args: Vec<SqlValue> = vec![SqlValue::Integer(row_id)];
            args.extend(values.into_iter().map(|(_, v)| v));
            let changed = tx.execute(
                &format!(
                    "UPDATE \"{}\" SET {} WHERE rowid = ?1",
                    table.name,
                    sets.join(", ")
                ),
                rusqlite::params_from_iter(args.iter()),
            )?;
            if changed == 0 {
                return Ok(Written::Waiting("deleted here".into()));
            }
            row_id
        }
        None => {
            if ROWID_IS_PARENTS.contains(&table.name) {
                // The row's key is its parent's: a mapping left by a row deleted here gives way.
                let parent = table.refs.first().map(|(column, _)| *column);
                let key = values
                    .iter()
                    .find(|(c, _)| Some(c.as_str()) == parent)
                    .map_or(SqlValue::Null, |(_, v)| v.clone());
                tx.execute(
                    "DELETE FROM sync_map WHERE tbl = ?1 AND row_id = ?2",
                    params![table.name, key],
                )?;
            } else {
                // A new local key past every one the team's ids were given, so a deleted row's
                // mapping is never taken over.
                let next: i64 = tx.query_row(
                    &format!(
                        "SELECT max(coalesce((SELECT max(rowid) FROM \"{t}\"), 0),
                                    coalesce((SELECT max(row_id) FROM sync_map WHERE tbl = '{t}'), 0)) + 1",
                        t = table.name
                    ),
                    [],
                    |r| r.get(0),
                )?;
                values.push(("rowid".to_string(), SqlValue::Integer(next)));
            }
            let names: Vec<String> = values.iter().map(|(c, _)| format!("\"{c}\"")).collect();
            let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
            tx.execute(
                &format!(
                    "INSERT INTO \"{}\" ({}) VALUES ({})",
                    table.name,
                    names.join(", "),
                    marks.join(", ")
                ),
                rusqlite::params_from_iter(values.iter().map(|(_, v)| v)),
            )?;
            tx.last_insert_rowid()
        }
    };
    upsert_map(tx, table.name, row_id, record)?;
    Ok(Written::Done)
}

fn upsert_map(
    tx: &Connection,
    table: &str,
    row_id: i64,
    record: &Pulled,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO sync_map (tbl, row_id, uid, version, owner) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (uid) DO UPDATE SET version = excluded.version, owner = excluded.owner",
        params![table, row_id, record.uid, record.version, record.owner],
    )?;
    Ok(())
}

fn sql_value(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(*b as i64),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

/// The sequence numbers this laptop has read the server's feeds up to.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Marks {
    pub records: i64,
    pub board: i64,
    pub audit: i64,
    pub conflicts: i64,
}

pub(super) fn marks(conn: &Connection) -> Result<Marks, StoreError> {
    Ok(conn.query_row(
        "SELECT pulled_seq, board_seq, audit_seq, conflict_seq FROM team_membership WHERE id = 1",
        [],
        |r| {
            Ok(Marks {
                records: r.get(0)?,
                board: r.get(1)?,
                audit: r.get(2)?,
                conflicts: r.get(3)?,
            })
        },
    )?)
}

pub(super) fn set_records_mark(tx: &Transaction<'_>, seq: i64) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE team_membership SET pulled_seq = max(pulled_seq, ?1) WHERE id = 1",
        [seq],
    )?;
    Ok(())
}

pub(super) fn set_last_sync(tx: &Transaction<'_>, at: &str) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE team_membership SET last_sync = ?1 WHERE id = 1",
        [at],
    )?;
    Ok(())
}

/// How many records wait to go up.
pub(super) fn waiting_count(conn: &Connection) -> Result<usize, StoreError> {
    let n: i64 = conn.query_row("SELECT count(*) FROM team_inbox", [], |r| r.get(0))?;
    Ok(n as usize)
}

/// Whether a round has anything to push: changes in the outbox, or a push begun and not known
/// to be finished.
pub(super) fn push_due(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sync_outbox)
             OR EXISTS (SELECT 1 FROM team_membership WHERE id = 1 AND push_id IS NOT NULL)",
        [],
        |r| r.get(0),
    )?)
}

/// How many deals of other brokers the board shows.
pub(super) fn team_deal_count(conn: &Connection) -> Result<usize, StoreError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM team_deals WHERE deleted = 0",
        [],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

pub(super) fn pending_count(conn: &Connection) -> Result<usize, StoreError> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM (SELECT DISTINCT tbl, row_id FROM sync_outbox)",
        [],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

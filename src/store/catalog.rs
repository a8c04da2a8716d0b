//! What the achievement and need stores share: scopes of row queries, keyword storage, the
//! list of fields, soft delete.

use std::sync::Arc;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row, ToSql, Transaction, params};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Area, Store, StoreError, now};
use crate::domain::{ClientId, ClientKind};

/// Which rows a catalogue query returns; `I` is the id of the rows (an achievement's or a
/// need's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<I> {
    All,
    One(I),
    /// Every record of one client (its achievements, or its needs).
    Client(ClientId),
}

/// The extra WHERE clause and its argument for `scope`.
pub(super) fn scope_sql<I: ToSql + 'static>(
    scope: Scope<I>,
    id_col: &str,
    client_col: &str,
) -> (String, Option<Box<dyn ToSql>>) {
    match scope {
        Scope::All => (String::new(), None),
        Scope::One(id) => (format!("AND {id_col} = ?1"), Some(Box::new(id))),
        Scope::Client(id) => (format!("AND {client_col} = ?1"), Some(Box::new(id))),
    }
}

/// A catalogue row's client, as its lists and the matching read it.
pub(super) struct LiveClient<'a> {
    pub name: Arc<str>,
    pub kind: ClientKind,
    pub province: &'a Arc<str>,
    pub city: &'a Arc<str>,
}

struct ClientEntry {
    id: ClientId,
    /// Where its name is in `LiveClients::text`; shared once a row has asked for it, so the
    /// names of clients without rows are never allocated one by one.
    name: (u32, u32),
    shared: Option<Arc<str>>,
    kind: ClientKind,
    province: Arc<str>,
    city: Arc<str>,
}

/// The live clients that the rows of a scope belong to, read before the rows instead of joined
/// to each. At 100,000 rows the join looked each row's client up again, and the rows streaming
/// through the page cache pushed the clients' pages out of it, so they were read from the file
/// again and again: 81,500 page reads where the rows alone need 24,100.
pub(super) struct LiveClients {
    entries: Vec<ClientEntry>,
    text: String,
}

impl LiveClients {
    /// Those of the rows of `scope` in `table`, linked to their client by `client_col`.
    pub(super) fn read<I: ToSql + 'static>(
        conn: &Connection,
        scope: Scope<I>,
        table: &str,
        client_col: &str,
        places: &mut SharedNames,
    ) -> Result<Self, StoreError> {
        let (filter, arg) = match scope {
            Scope::All => (String::new(), None),
            Scope::One(id) => (
                format!("AND id = (SELECT {client_col} FROM {table} WHERE id = ?1)"),
                Some(Box::new(id) as Box<dyn ToSql>),
            ),
            Scope::Client(id) => (
                "AND id = ?1".to_string(),
                Some(Box::new(id) as Box<dyn ToSql>),
            ),
        };
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT id, name, kind, province, city FROM clients WHERE deleted_at IS NULL {filter}
             ORDER BY id"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(arg))?;
        let mut clients = LiveClients {
            entries: Vec::new(),
            text: String::new(),
        };
        while let Some(r) = rows.next()? {
            let start = clients.text.len() as u32;
            clients.text.push_str(indexed_text(r, 1)?);
            clients.entries.push(ClientEntry {
                id: r.get(0)?,
                name: (start, clients.text.len() as u32),
                shared: None,
                kind: r.get(2)?,
                province: places.get(r, 3)?,
                city: places.get(r, 4)?,
            });
        }
        Ok(clients)
    }

    /// The client with `id`, if it is live.
    pub(super) fn get(&mut self, id: ClientId) -> Option<LiveClient<'_>> {
        let at = self.entries.binary_search_by_key(&id, |e| e.id).ok()?;
        let entry = self.entries.get_mut(at)?;
        let text = &self.text;
        let name = entry
            .shared
            .get_or_insert_with(|| {
                text.get(entry.name.0 as usize..entry.name.1 as usize)
                    .unwrap_or_default()
                    .into()
            })
            .clone();
        Some(LiveClient {
            name,
            kind: entry.kind,
            province: &entry.province,
            city: &entry.city,
        })
    }
}

/// Calls `f` with each live row of `table` in `scope` whose client is live, in id order: the
/// row of `columns`, its client, and the names the rows share. The row's client is named by
/// `client_col`, which is column `client_at` of `columns`. One snapshot holds the clients'
/// read and the rows'.
pub(super) fn each_live_row<I: ToSql + Copy + 'static>(
    conn: &Connection,
    scope: Scope<I>,
    (table, client_col, client_at): (&str, &str, usize),
    columns: &str,
    f: &mut dyn FnMut(&Row<'_>, LiveClient<'_>, &mut SharedNames) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    in_snapshot(conn, || {
        let mut names = SharedNames::default();
        let mut clients = LiveClients::read(conn, scope, table, client_col, &mut names)?;
        let (filter, arg) = scope_sql(scope, "id", client_col);
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {columns} FROM {table} WHERE deleted_at IS NULL {filter} ORDER BY id"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(arg))?;
        while let Some(r) = rows.next()? {
            if let Some(client) = clients.get(r.get(client_at)?) {
                f(r, client, &mut names)?;
            }
        }
        Ok(())
    })
}

/// Runs `read` in one read transaction, so that the several statements a catalogue query
/// takes see one state of the database; inside a caller's transaction, in that one.
pub(super) fn in_snapshot<T>(
    conn: &Connection,
    read: impl FnOnce() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    if !conn.is_autocommit() {
        return read();
    }
    let snapshot = conn.unchecked_transaction()?;
    let out = read()?;
    snapshot.finish()?;
    Ok(out)
}

/// Column `i` of a catalogue row read for indexing: its text, or "" when it holds none or
/// bytes that are not UTF-8 (a foreign file's). The long texts are most of what a load reads,
/// and SIMD checking takes them at memory speed.
pub(super) fn indexed_text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    Ok(match r.get_ref(i)? {
        ValueRef::Text(bytes) => simdutf8::basic::from_utf8(bytes).unwrap_or_default(),
        _ => "",
    })
}

/// `id → keywords` of the live rows of `table` ("achievements" or "needs"), read as the
/// catalogue reads them for searching (a foreign file's bytes that are not text read as none).
pub(super) fn keywords_by_id<I: rusqlite::types::FromSql + Eq + std::hash::Hash>(
    conn: &Connection,
    table: &str,
) -> Result<FxHashMap<I, String>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, keywords FROM {table} WHERE deleted_at IS NULL"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, indexed_text(r, 1)?.to_owned())))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Column `i` of `r` as the text it holds, borrowed from the row; an error for anything else.
pub(super) fn text_at<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    let value = r.get_ref(i)?;
    value
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, value.data_type(), Box::new(e)))
}

/// Names many rows share (owners, fields), each kept once while a catalogue is read.
#[derive(Default)]
pub(super) struct SharedNames(FxHashSet<Arc<str>>);

impl SharedNames {
    /// Column `i` of `r`, a text, as the one shared copy of it.
    pub(super) fn get(&mut self, r: &Row<'_>, i: usize) -> rusqlite::Result<Arc<str>> {
        Ok(self.share(text_at(r, i)?))
    }

    /// The one shared copy of `name`.
    pub(super) fn share(&mut self, name: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(name) {
            return shared.clone();
        }
        let shared: Arc<str> = name.into();
        self.0.insert(shared.clone());
        shared
    }
}

pub(super) fn client_is_live(tx: &Transaction<'_>, id: ClientId) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM clients WHERE id = ?1 AND deleted_at IS NULL)",
        [id],
        |r| r.get(0),
    )
}

/// Keywords are stored joined by 、, which never occurs inside one.
pub(super) fn keywords_from_sql(text: &str) -> Vec<String> {
    keyword_parts(text).map(str::to_string).collect()
}

/// The keywords of a stored keywords column.
pub(super) fn keyword_parts(text: &str) -> impl Iterator<Item = &str> {
    text.split('、').filter(|k| !k.is_empty())
}

/// The tables whose rows are soft-deleted by id alone.
#[derive(Debug, Clone, Copy)]
pub(super) enum SoftTable {
    Contacts,
    Achievements,
    Needs,
}

impl SoftTable {
    fn area(self) -> Area {
        match self {
            SoftTable::Contacts => Area::Clients,
            SoftTable::Achievements | SoftTable::Needs => Area::Catalog,
        }
    }

    fn name(self) -> &'static str {
        match self {
            SoftTable::Contacts => "contacts",
            SoftTable::Achievements => "achievements",
            SoftTable::Needs => "needs",
        }
    }
}

impl Store {
    /// Moves a row to the trash.
    pub(super) fn soft_delete(
        &mut self,
        table: SoftTable,
        id: impl ToSql,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "UPDATE {} SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            table.name()
        );
        self.write(table.area(), |tx| {
            match tx.execute(&sql, params![id, now()])? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// Brings a row back from the trash.
    pub(super) fn soft_restore(
        &mut self,
        table: SoftTable,
        id: impl ToSql,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "UPDATE {} SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL",
            table.name()
        );
        self.write(table.area(), |tx| {
            match tx.execute(&sql, params![id, now()])? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// The fields (所属领域) offered in forms and filters, in their order.
    pub fn list_fields(&self) -> Result<Vec<String>, StoreError> {
        list_fields(&self.conn)
    }

    /// Adds a field at the end of the list; adding one that exists changes nothing.
    pub fn add_field(&mut self, name: &str) -> Result<(), StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(());
        }
        self.write(Area::Catalog, |tx| {
            tx.execute(
                "INSERT OR IGNORE INTO fields (name, position)
                 VALUES (?1, (SELECT ifnull(max(position), 0) + 1 FROM fields))",
                [name],
            )?;
            Ok(())
        })
    }
}

pub(super) fn list_fields(conn: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT name FROM fields ORDER BY position")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_text_is_the_text_or_empty_for_anything_else() {
        let conn = Connection::open_in_memory().expect("memory db");
        let read = |sql: &str| {
            conn.query_row(sql, [], |r| indexed_text(r, 0).map(str::to_owned))
                .expect("row")
        };
        assert_eq!(read("SELECT '钙钛矿电池'"), "钙钛矿电池");
        assert_eq!(read("SELECT NULL"), "");
        assert_eq!(read("SELECT 42"), "");
        // A foreign file's text column holding GBK bytes (钙 is B8 C6), not UTF-8.
        assert_eq!(read("SELECT CAST(x'B8C6' AS TEXT)"), "");
    }
}

//! Inserting many records at once (the demo generator, imports): prepared statements, one
//! transaction per call.

use rusqlite::{Connection, OpenFlags};

use super::achievements::{AchievementInserts, each_achievement_row};
use super::catalog::Scope;
use super::clients::insert_client;
use super::matches::{each_match_achievement, each_match_need, match_enterprises};
use super::needs::{each_need_row, insert_need};
use super::{Area, Store, StoreError, now, stamp};
use crate::domain::dashboard::Dashboard;
use crate::domain::{
    AchievementData, AchievementId, AchievementRow, ClientDraft, ClientId, NeedData, NeedId,
    NeedRow,
};
use crate::matching::{AchievementDoc, AchievementText, EnterpriseDoc, NeedDoc, NeedText};

impl Store {
    /// Inserts clients that are known to be valid and to have unique names, in one transaction.
    pub fn insert_clients(&mut self, clients: &[ClientDraft]) -> Result<Vec<ClientId>, StoreError> {
        let t = now();
        self.write(Area::Clients, |tx| {
            clients.iter().map(|d| insert_client(tx, d, t)).collect()
        })
    }

    /// Inserts achievements (with their IP items) in one transaction.
    pub fn insert_achievements(
        &mut self,
        items: &[AchievementData],
    ) -> Result<Vec<AchievementId>, StoreError> {
        let t = stamp(now());
        self.write(Area::Catalog, |tx| {
            let mut inserts = AchievementInserts::prepare(tx)?;
            items.iter().map(|a| inserts.insert(a, &t)).collect()
        })
    }

    /// Inserts needs in one transaction.
    pub fn insert_needs(&mut self, items: &[NeedData]) -> Result<Vec<NeedId>, StoreError> {
        let t = now();
        self.write(Area::Catalog, |tx| {
            items.iter().map(|n| insert_need(tx, n, t)).collect()
        })
    }

    /// Runs `f` in one transaction over a database that holds no records yet (checked inside
    /// it): the demo generator fills all or nothing, and never a broker's data.
    pub fn fill_empty<T>(
        &mut self,
        f: impl FnOnce(&Bulk<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.write(Area::Clients, |tx| {
            let records: i64 = tx.query_row(
                "SELECT (SELECT COUNT(*) FROM clients) + (SELECT COUNT(*) FROM achievements)
                    + (SELECT COUNT(*) FROM needs) + (SELECT COUNT(*) FROM deals)",
                [],
                |r| r.get(0),
            )?;
            if records > 0 {
                return Err(StoreError::NotEmpty(records as u64));
            }
            f(&Bulk { tx, t: now() })
        })
    }

    /// A second, read-only connection to the same file, for loading on a worker thread while
    /// this one keeps writing (WAL lets both run).
    pub fn reader(&self) -> Result<Reader, StoreError> {
        Reader::open(&self.path)
    }
}

/// Inserts inside [`Store::fill_empty`]'s transaction.
pub struct Bulk<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    t: chrono::DateTime<chrono::Utc>,
}

impl Bulk<'_> {
    pub fn insert_clients(&self, clients: &[ClientDraft]) -> Result<Vec<ClientId>, StoreError> {
        clients
            .iter()
            .map(|d| insert_client(self.tx, d, self.t))
            .collect()
    }

    pub fn insert_achievements(
        &self,
        items: &[AchievementData],
    ) -> Result<Vec<AchievementId>, StoreError> {
        let t = stamp(self.t);
        let mut inserts = AchievementInserts::prepare(self.tx)?;
        items.iter().map(|a| inserts.insert(a, &t)).collect()
    }

    pub fn insert_needs(&self, items: &[NeedData]) -> Result<Vec<NeedId>, StoreError> {
        items
            .iter()
            .map(|n| insert_need(self.tx, n, self.t))
            .collect()
    }
}

/// A read-only connection to an open database.
pub struct Reader {
    conn: Connection,
}

/// Negative: in KiB, as SQLite's `cache_size` takes it.
pub(super) const ONE_PASS_CACHE_KIB: i64 = -256;

impl Reader {
    fn open(path: &std::path::Path) -> Result<Reader, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(super::open::BUSY_TIMEOUT)?;
        Ok(Reader { conn })
    }

    /// A second reader of the same database, for reading on another thread at once. None for
    /// a database with no file (in memory).
    pub fn sibling(&self) -> Option<Result<Reader, StoreError>> {
        let path = self.conn.path().filter(|p| !p.is_empty())?;
        Some(Reader::open(std::path::Path::new(path)))
    }

    pub(super) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// A small page cache for reads that pass over each page once (the catalogue and match
    /// index loads): SQLite's default 2 MiB held only pages not read again. With two loading
    /// connections the window's peak is 4 MiB lower and the load 0.06 s shorter.
    pub fn for_one_pass(&self) {
        // Refused, the connection keeps the default cache and reads the same rows.
        let _ = self
            .conn
            .pragma_update(None, "cache_size", ONE_PASS_CACHE_KIB);
    }

    /// How many live achievements and needs there are, for progress while loading them.
    /// Runs `f` in one read transaction, so every read inside it sees the same state of the
    /// file (a count and the rows counted agree even while another connection writes).
    pub fn in_one_snapshot<T>(
        &self,
        f: impl FnOnce(&Reader) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let snapshot = self.conn.unchecked_transaction()?;
        let out = f(self)?;
        snapshot.finish()?;
        Ok(out)
    }

    pub fn catalogue_sizes(&self) -> Result<(usize, usize), StoreError> {
        let count = |sql: &str| -> Result<usize, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok((
            count("SELECT COUNT(*) FROM achievements WHERE deleted_at IS NULL")?,
            count("SELECT COUNT(*) FROM needs WHERE deleted_at IS NULL")?,
        ))
    }

    pub fn each_achievement_row(
        &self,
        f: &mut dyn FnMut(AchievementRow, &str),
    ) -> Result<(), StoreError> {
        each_achievement_row(&self.conn, Scope::All, f)
    }

    pub fn each_need_row(&self, f: &mut dyn FnMut(NeedRow, &str)) -> Result<(), StoreError> {
        each_need_row(&self.conn, Scope::All, f)
    }

    pub fn each_match_achievement(
        &self,
        f: &mut dyn FnMut(AchievementDoc, AchievementText<'_>),
    ) -> Result<(), StoreError> {
        each_match_achievement(&self.conn, Scope::All, f)
    }

    pub fn each_match_need(
        &self,
        f: &mut dyn FnMut(NeedDoc, NeedText<'_>),
    ) -> Result<(), StoreError> {
        each_match_need(&self.conn, Scope::All, f)
    }

    pub fn match_enterprises(&self) -> Result<Vec<EnterpriseDoc>, StoreError> {
        match_enterprises(&self.conn, None)
    }

    pub fn import_index(&self) -> Result<super::ImportIndex, StoreError> {
        super::import::import_index(&self.conn)
    }

    pub fn saved_mapping(&self, layout: &str) -> Result<Option<String>, StoreError> {
        super::import::saved_mapping(&self.conn, layout)
    }

    /// The dashboard as of `today`, as `Store::dashboard` computes it, for a worker thread.
    pub fn dashboard(&self, today: chrono::NaiveDate) -> Result<Dashboard, StoreError> {
        super::dashboard::dashboard(&self.conn, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_for_one_pass_keeps_a_small_page_cache_and_reads_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = super::super::Store::open(&dir.path().join("t.sqlite")).expect("store");
        let reader = store.reader().expect("reader");
        let cache = |r: &Reader| -> i64 {
            r.conn
                .pragma_query_value(None, "cache_size", |row| row.get(0))
                .expect("cache_size")
        };
        assert_eq!(cache(&reader), -2000, "SQLite's default");
        let before = reader.catalogue_sizes().expect("sizes");
        reader.for_one_pass();
        assert_eq!(cache(&reader), ONE_PASS_CACHE_KIB);
        assert_eq!(reader.catalogue_sizes().expect("sizes"), before);
    }
}

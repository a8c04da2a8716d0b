//! The SQLite store: the only module with SQL.
//!
//! Opening never changes a file that is not a TechBroker database: the file is inspected through a
//! read-only connection first, and only a database of ours (or a new, empty one) is opened for
//! writing. Every write is one transaction.

mod achievements;
mod backup;
mod borrowed_insert;
mod bulk;
mod catalog;
mod changes;
mod clients;
mod codes;
mod contacts;
mod dashboard;
mod deals;
mod demo_deals;
mod documents;
mod error;
mod ids;
mod import;
mod in_lists;
mod interactions;
mod lock;
mod matches;
mod maturation;
mod needs;
mod open;
mod payments;
mod report;
mod rights;
mod schema;
pub mod team;
mod thesaurus;
mod training;
mod trash;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

pub use backup::{
    Backup, BackupKind, KEEP_BEFORE_IMPORT, KEEP_DAILY, KEEP_WEEKLY, RestoreError, back_up_file,
    backups_dir, daily_backup, list_backups, prune, restore,
};
pub use bulk::{Bulk, Reader};
pub use catalog::Scope;
pub use changes::Changed;
pub use deals::{MoveError, PlannedInstalment, Registration, missing_as_errors};
pub use demo_deals::DemoIds;
pub use documents::{AttachError, StagedDocument, files_dir, stage_document};
pub use error::{OpenError, SaveError, StoreError};
pub use import::{DealImport, ImportIndex, ImportWriter, title_key};
pub use lock::{InstanceLock, LockError, lock_path};
pub use matches::{Decided, DecisionInput, StandingDecision};
pub use maturation::{Ended, MaturityChange, ProjectRow};
pub use open::{classify_io, classify_sqlite};
pub use schema::{APPLICATION_ID, latest_version};
pub use trash::{TrashEntry, TrashItem};

/// An open TechBroker database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    revision: u64,
    clients_revision: u64,
    /// SQLite's count of commits by other connections, when last looked at.
    data_version: i64,
    read_only: bool,
    journal: changes::Journal,
    /// What committed writes changed since the window last asked.
    changed: Changed,
}

/// SQLite's `synchronous` setting, in WAL mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synchronous {
    /// Commits are atomic and the file is never damaged; a power cut may lose the last
    /// commits since the last checkpoint.
    Normal,
    /// Every commit is on the disk before it returns.
    Full,
}

/// Which views a write can change, so the others need not reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    /// Clients, contacts, interactions.
    Clients,
    /// Achievements, needs, fields.
    Catalog,
}

/// How long a half-written document copy goes untouched before an opening takes it for the
/// leftover of a crash. A window copying a file writes to it every few milliseconds.
const STALE_PARTIAL_COPY: std::time::Duration = std::time::Duration::from_secs(3600);

impl Store {
    /// Opens the database at `path`, creating it (and its folder) when there is no file there.
    /// See [`OpenError`] for what is refused; a refused file is left as it was.
    pub fn open(path: &Path) -> Result<Store, OpenError> {
        Store::with(open::open_connection(path)?, path, false)
    }

    /// Opens an existing database that another window is writing, for reading only: every
    /// write fails, and the file is never migrated.
    pub fn open_read_only(path: &Path) -> Result<Store, OpenError> {
        Store::with(open::open_read_only(path)?, path, true)
    }

    fn with(conn: Connection, path: &Path, read_only: bool) -> Result<Store, OpenError> {
        let data_version = data_version(&conn).map_err(|e| open::classify_sqlite(path, &e))?;
        if !read_only {
            team::refresh_triggers(&conn).map_err(|e| match e {
                StoreError::Sqlite(e) => open::classify_sqlite(path, &e),
                e => OpenError::Setup {
                    path: path.into(),
                    detail: e.to_string(),
                },
            })?;
            documents::sweep_partial_copies(&files_dir(path), STALE_PARTIAL_COPY);
        }
        let journal =
            changes::Journal::attach(&conn).map_err(|e| open::classify_sqlite(path, &e))?;
        Ok(Store {
            path: path.to_path_buf(),
            revision: 0,
            clients_revision: 0,
            data_version,
            read_only,
            journal,
            changed: Changed::default(),
            conn,
        })
    }

    /// How hard a commit waits for the disk; [`Synchronous::Full`] unless changed (see the
    /// README's "Store safety" for the measurements behind the choice).
    pub fn set_synchronous(&self, level: Synchronous) -> Result<(), StoreError> {
        let value = match level {
            Synchronous::Normal => "NORMAL",
            Synchronous::Full => "FULL",
        };
        self.conn.pragma_update(None, "synchronous", value)?;
        Ok(())
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Whether another connection (a second window, the command line, an import worker) has
    /// committed since the last call; if so every view counts as stale. Cheap: SQLite answers
    /// from memory, so it can be asked every frame.
    pub fn changed_elsewhere(&mut self) -> Result<bool, StoreError> {
        let now = data_version(&self.conn)?;
        if now == self.data_version {
            return Ok(false);
        }
        self.data_version = now;
        self.changed.merge(Changed::everything());
        self.revision += 1;
        self.clients_revision += 1;
        Ok(true)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Grows by one with every committed write, so views know when to reload.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Grows with every committed write to clients, contacts or interactions.
    pub fn clients_revision(&self) -> u64 {
        self.clients_revision
    }

    /// What the writes since the last call changed, read off SQLite's update hook: the
    /// window updates its catalogues and indexes from it.
    pub fn take_changes(&mut self) -> Changed {
        std::mem::take(&mut self.changed)
    }

    /// Runs `f` in one transaction and counts a revision when it commits.
    fn write<T>(
        &mut self,
        area: Area,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // IMMEDIATE takes the write lock before the first read, so a check made inside (a name
        // taken, a duplicate) still holds when the write commits, whoever else writes the file.
        self.journal.clear();
        let written = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)
            .and_then(|tx| {
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            });
        let seen = self.journal.take();
        let value = written?;
        self.changed.merge(seen);
        self.revision += 1;
        if area == Area::Clients {
            self.clients_revision += 1;
        }
        Ok(value)
    }
}

fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "data_version", |r| r.get(0))
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

/// A time as rusqlite writes a `DateTime<Utc>`, for writes that bind it as text themselves.
fn stamp(t: DateTime<Utc>) -> String {
    t.format("%F %T%.f%:z").to_string()
}

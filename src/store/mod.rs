//! The SQLite store: the only module with SQL.
//!
//! Opening never changes a file that is not a TechBroker database: the file is inspected through a
//! read-only connection first, and only a database of ours (or a new, empty one) is opened for
//! writing. Every write is one transaction.

mod achievements;
mod bulk;
mod catalog;
mod clients;
mod codes;
mod contacts;
mod dashboard;
mod deals;
mod demo_deals;
mod error;
mod import;
mod interactions;
mod matches;
mod needs;
mod open;
mod report;
mod schema;
mod thesaurus;
mod training;
mod trash;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

pub use bulk::Reader;
pub use catalog::Scope;
pub use deals::{MoveError, PlannedInstalment, Registration, missing_as_errors};
pub use demo_deals::DemoIds;
pub use error::{OpenError, SaveError, StoreError};
pub use import::{DealImport, ImportIndex, ImportWriter, title_key};
pub use matches::DecisionInput;
pub use schema::{APPLICATION_ID, latest_version};
pub use trash::{TrashEntry, TrashKind};

/// An open TechBroker database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    revision: u64,
    clients_revision: u64,
}

/// Which views a write can change, so the others need not reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    /// Clients, contacts, interactions.
    Clients,
    /// Achievements, needs, fields.
    Catalog,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folder) when there is no file there.
    /// See [`OpenError`] for what is refused; a refused file is left as it was.
    pub fn open(path: &Path) -> Result<Store, OpenError> {
        let conn = open::open_connection(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            revision: 0,
            clients_revision: 0,
        })
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

    /// Runs `f` in one transaction and counts a revision when it commits.
    fn write<T>(
        &mut self,
        area: Area,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.conn.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        self.revision += 1;
        if area == Area::Clients {
            self.clients_revision += 1;
        }
        Ok(value)
    }
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

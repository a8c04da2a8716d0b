//! What a write changed, read off SQLite itself: every row a committed transaction inserted,
//! updated or deleted is seen by the connection's update hook, so no write can forget to say
//! what it touched, and the catalogues and indexes kept beside the database follow from it.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::Connection;
use rusqlite::hooks::Action;

use crate::domain::{AchievementId, ClientId, NeedId};

/// The records a write touched, by what the window keeps of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    pub clients: BTreeSet<ClientId>,
    pub achievements: BTreeSet<AchievementId>,
    pub needs: BTreeSet<NeedId>,
    /// The matching thesaurus.
    pub thesaurus: bool,
    /// The list of fields (所属领域).
    pub fields: bool,
    /// Anything at all, catalogue or not (deals, payments, settings...).
    pub any: bool,
    /// Too much to name row by row (an import): everything is read again.
    pub everything: bool,
}

impl Changed {
    pub fn is_empty(&self) -> bool {
        !self.any
    }

    /// Adds what `other` changed.
    pub fn merge(&mut self, other: Changed) {
        self.clients.extend(other.clients);
        self.achievements.extend(other.achievements);
        self.needs.extend(other.needs);
        self.thesaurus |= other.thesaurus;
        self.fields |= other.fields;
        self.any |= other.any;
        self.everything |= other.everything;
    }

    /// A change too large to list: every view and catalogue reads the database again.
    pub fn everything() -> Changed {
        Changed {
            any: true,
            everything: true,
            ..Changed::default()
        }
    }

    fn note(&mut self, table: &str, rowid: i64) {
        self.any = true;
        if self.everything {
            return;
        }
        match table {
            "clients" => {
                self.clients.insert(ClientId(rowid));
            }
            // An achievement's IP items are written with the achievement's own row.
            "achievements" => {
                self.achievements.insert(AchievementId(rowid));
            }
            "needs" => {
                self.needs.insert(NeedId(rowid));
            }
            "match_thesaurus" => self.thesaurus = true,
            "fields" => self.fields = true,
            _ => {}
        }
    }
}

/// Rows seen by the update hook since the journal was last cleared.
#[derive(Clone, Default)]
pub(super) struct Journal(Arc<Mutex<Changed>>);

impl Journal {
    /// Starts listening on `conn`: from here on every row change is noted.
    pub(super) fn attach(conn: &Connection) -> rusqlite::Result<Journal> {
        let journal = Journal::default();
        journal.listen(conn)?;
        Ok(journal)
    }

    fn listen(&self, conn: &Connection) -> rusqlite::Result<()> {
        let seen = self.clone();
        conn.update_hook(Some(
            move |_action: Action, _db: &str, table: &str, rowid: i64| {
                seen.lock().note(table, rowid);
            },
        ))
    }

    /// Notes that everything changed and stops listening on `conn`, for a write too large to
    /// list row by row (an import): the hook's call for each row was 2.5% of an import's
    /// writing. [`Journal::resume`] listens again.
    pub(super) fn pause(&self, conn: &Connection) -> rusqlite::Result<()> {
        *self.lock() = Changed::everything();
        conn.update_hook(None::<fn(Action, &str, &str, i64)>)
    }

    pub(super) fn resume(&self, conn: &Connection) -> rusqlite::Result<()> {
        self.listen(conn)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Changed> {
        // A panic while noting leaves a set of ids, still usable.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Forgets what was noted (a transaction starts, or rolled back).
    pub(super) fn clear(&self) {
        *self.lock() = Changed::default();
    }

    /// What was noted, leaving the journal empty.
    pub(super) fn take(&self) -> Changed {
        std::mem::take(&mut *self.lock())
    }
}

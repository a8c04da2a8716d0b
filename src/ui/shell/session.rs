//! An open database and what the window keeps beside it: the catalogues with their search and
//! match indexes, the fields, this window's lock and the day's backup. Writes go through
//! [`Session::write`], the one way to reach a `&mut Store`: what SQLite says a write changed
//! brings the catalogues and indexes in step, so no write can leave them behind.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

use crate::catalog::Catalogs;
use crate::domain::ClientRow;
use crate::store::{Changed, InstanceLock, LockError, OpenError, Store};
use crate::ui::reload::Reloaded;
use crate::ui::workers::Workers;
use crate::work::Job;

pub struct Session {
    store: Store,
    catalogs: Catalogs,
    fields: Vec<String>,
    /// Every live client, for pickers.
    clients: Reloaded<u64, Vec<ClientRow>>,
    /// This window's claim on the file; None when opened read-only beside another window.
    _lock: Option<InstanceLock>,
    /// The day's first backup, to take once the catalogues have loaded: the two would share two
    /// cores, and the window's peak memory is where the load ends.
    backup_due: Option<NaiveDate>,
    /// That backup, taken on a worker so that a large file does not hold the window.
    backup: Option<Job<Option<PathBuf>, String>>,
    /// A failure to bring what the window keeps in step with the file, to be shown once.
    problem: Option<String>,
}

/// What opening a file for writing came to.
pub enum Opened {
    Open(Box<Session>),
    /// Another window has the file open.
    Elsewhere(PathBuf),
    Failed(OpenError),
}

impl Session {
    /// Opens `path` with its catalogues; `backup_on` takes the day's first backup of it (the
    /// broker's own databases, not the sandbox).
    pub fn open(
        path: &Path,
        log: &Path,
        workers: &Workers,
        backup_on: Option<NaiveDate>,
    ) -> Opened {
        let lock_file = crate::store::lock_path(path);
        let lock_was_there = lock_file.exists();
        let lock = match InstanceLock::acquire(path) {
            Ok(lock) => Some(lock),
            Err(LockError::Elsewhere(path)) => return Opened::Elsewhere(path),
            // No lock file (a read-only folder, say): opening says what is wrong, or works alone.
            Err(LockError::Io { .. }) => None,
        };
        let store = match Store::open(path) {
            Ok(store) => store,
            Err(e) => {
                crate::log::open_error(log, &e);
                // A refused file keeps nothing of ours beside it.
                drop(lock);
                if !lock_was_there {
                    let _ = std::fs::remove_file(&lock_file);
                }
                return Opened::Failed(e);
            }
        };
        let mut session = Session::with(store, lock, backup_on, workers);
        session.start_backup_when_loaded(workers);
        Opened::Open(Box::new(session))
    }

    /// Opens `path` for reading only, beside the window that has it.
    pub fn open_read_only(path: &Path, workers: &Workers) -> Result<Session, OpenError> {
        let store = Store::open_read_only(path)?;
        Ok(Session::with(store, None, None, workers))
    }

    fn with(
        store: Store,
        lock: Option<InstanceLock>,
        backup_due: Option<NaiveDate>,
        workers: &Workers,
    ) -> Session {
        let (fields, mut problem) = match store.list_fields() {
            Ok(fields) => (fields, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        // On a worker in the window; in tests the job is done at once and this poll lands it.
        let mut catalogs = match store.reader() {
            Ok(reader) => Catalogs::loading(workers.start(Catalogs::load(reader))),
            Err(e) => Catalogs::failed(e.to_string()),
        };
        if let Err(e) = catalogs.poll(&store) {
            problem = Some(e.to_string());
        }
        Session {
            store,
            catalogs,
            fields,
            clients: Reloaded::default(),
            _lock: lock,
            backup_due,
            backup: None,
            problem,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn catalogs(&self) -> &Catalogs {
        &self.catalogs
    }

    /// The fields (所属领域) offered in forms and filters.
    pub fn fields(&self) -> &[String] {
        &self.fields
    }

    /// Reads the clients again if they changed.
    pub fn refresh_clients(&mut self) {
        let store = &self.store;
        if self
            .clients
            .refresh(store.clients_revision(), || store.list_clients())
            && let Some(e) = self.clients.error()
        {
            self.problem = Some(e.to_string());
        }
    }

    /// Every live client, as last read.
    pub fn clients(&self) -> &[ClientRow] {
        self.clients.get().map_or(&[], Vec::as_slice)
    }

    /// Runs `write` on the store, then brings the catalogues, indexes and fields in step with
    /// what it changed; returns its value and what changed.
    pub fn write<T>(
        &mut self,
        workers: &Workers,
        write: impl FnOnce(&mut Store) -> T,
    ) -> (T, Changed) {
        let value = write(&mut self.store);
        let changed = self.store.take_changes();
        self.follow(&changed, workers);
        (value, changed)
    }

    /// Once a frame: lands catalogues loaded on a worker and follows writes made by another
    /// connection (a second window, the command line, an import worker).
    pub fn frame(&mut self, workers: &Workers) {
        if let Err(e) = self.catalogs.poll(&self.store) {
            self.problem = Some(e.to_string());
        }
        self.start_backup_when_loaded(workers);
        match self.store.changed_elsewhere() {
            Ok(_) => {
                let changed = self.store.take_changes();
                self.follow(&changed, workers);
            }
            // Asked again next frame; the data shown stays as it was meanwhile.
            Err(e) => self.problem = Some(e.to_string()),
        }
    }

    fn follow(&mut self, changed: &Changed, workers: &Workers) {
        let store = &self.store;
        let catalogs = &mut self.catalogs;
        let followed = if changed.everything {
            store
                .reader()
                .and_then(|reader| catalogs.reload(workers.start(Catalogs::load(reader)), store))
        } else {
            let mut followed = Ok(());
            for &id in &changed.clients {
                followed = followed.and(catalogs.client_changed(store, id));
            }
            for &id in &changed.achievements {
                followed = followed.and(catalogs.achievement_changed(store, id));
            }
            for &id in &changed.needs {
                followed = followed.and(catalogs.need_changed(store, id));
            }
            if changed.thesaurus {
                followed = followed.and(catalogs.thesaurus_changed(store));
            }
            followed
        };
        if let Err(e) = followed {
            self.problem = Some(e.to_string());
        }
        if changed.fields || changed.everything {
            match self.store.list_fields() {
                Ok(fields) => self.fields = fields,
                Err(e) => self.problem = Some(e.to_string()),
            }
        }
    }

    /// A failure to keep the window in step with the file, once.
    pub fn take_problem(&mut self) -> Option<String> {
        self.problem.take()
    }

    fn start_backup_when_loaded(&mut self, workers: &Workers) {
        if self.catalogs.is_loading() {
            return;
        }
        if let Some(today) = self.backup_due.take() {
            let db = self.store.path().to_path_buf();
            self.backup = Some(workers.start(move |_, _| {
                crate::store::daily_backup(&db, today).map_err(|e| e.to_string())
            }));
        }
    }

    /// How the day's backup ended, once it has.
    pub fn poll_backup(&mut self) -> Option<Result<Option<PathBuf>, String>> {
        let taken = self.backup.as_ref().and_then(Job::poll)?;
        self.backup = None;
        Some(taken)
    }
}

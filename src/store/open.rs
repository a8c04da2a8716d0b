//! Deciding whether a file may be opened, backing it up before an upgrade, and opening it.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::error::OpenError;
use super::schema::{APPLICATION_ID, latest_version, migrations};

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How long a write waits for another writer (a second window, the command line) to finish
/// before giving up: long enough for a large import, which holds the lock throughout.
pub(super) const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// What the read-only look at an existing file found.
struct Inspection {
    version: i64,
}

pub(super) fn open_connection(path: &Path) -> Result<Connection, OpenError> {
    without_memory_statistics();
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(source) => Err(classify_io(path, source)),
        Ok(m) if m.is_dir() => Err(OpenError::IsFolder { path: path.into() }),
        Ok(m) if m.len() == 0 => Err(OpenError::EmptyFile { path: path.into() }),
        Ok(_) => {
            let before = Sidecars::of(path);
            open_existing(path).inspect_err(|_| before.remove_new())
        }
    }
}

/// SQLite counts every allocation it makes under a process-wide mutex, for statistics nothing
/// here reads: 1.2% of an import's writing thread. The setting is taken only before SQLite's
/// first use in the process (the first open, in the app and the command line); later SQLite
/// refuses it and goes on counting, which is as correct.
fn without_memory_statistics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int. Before initialisation it sets a flag;
        // after it, sqlite3_config changes nothing and returns SQLITE_MISUSE, ignored here.
        unsafe {
            rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0);
        }
    });
}

/// `name.sqlite-wal` beside `name.sqlite`, for the suffix `-wal` (or any other).
pub(super) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The `-wal` and `-shm` files SQLite keeps beside a database, and which were there already.
struct Sidecars {
    files: [(PathBuf, bool); 2],
}

impl Sidecars {
    fn of(path: &Path) -> Sidecars {
        let side = |suffix: &str| {
            let p = beside(path, suffix);
            let existed = p.exists();
            (p, existed)
        };
        Sidecars {
            files: [side("-wal"), side("-shm")],
        }
    }

    /// Takes away what looking at a refused file left beside it: a file the broker threw away
    /// should not leave strays, and a file refused should be as it was.
    fn remove_new(&self) {
        for (p, existed) in &self.files {
            if !existed {
                // Nothing was there before us; if the removal fails there is nothing better to do.
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

/// The open error an I/O failure on the database or its folder means.
pub fn classify_io(path: &Path, source: std::io::Error) -> OpenError {
    use std::io::ErrorKind;
    let path = path.to_path_buf();
    match source.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => OpenError::NoSpace { path },
        ErrorKind::ReadOnlyFilesystem => OpenError::ReadOnlyFolder { path },
        ErrorKind::PermissionDenied if folder_writable(&path).is_err() => {
            OpenError::ReadOnlyFolder { path }
        }
        ErrorKind::PermissionDenied => OpenError::ReadOnlyFile { path },
        _ => OpenError::Io { path, source },
    }
}

/// The open error an SQLite failure means; `Setup` (with SQLite's words for the log) when it
/// is none of the kinds a broker can act on.
pub fn classify_sqlite(path: &Path, e: &rusqlite::Error) -> OpenError {
    use rusqlite::ErrorCode;
    let code = match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    };
    let p = path.to_path_buf();
    match code {
        Some(ErrorCode::DiskFull) => OpenError::NoSpace { path: p },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => OpenError::Locked { path: p },
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => OpenError::Corrupt {
            path: p,
            detail: e.to_string(),
        },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            match writable(path) {
                Err(io) => classify_io(path, io),
                Ok(()) if code == Some(ErrorCode::ReadOnly) => OpenError::ReadOnlyFile { path: p },
                Ok(()) => setup(path, e),
            }
        }
        _ => setup(path, e),
    }
}

/// Whether TechBroker may write the file and beside it (SQLite's journal lives in the folder).
fn writable(path: &Path) -> std::io::Result<()> {
    if path.exists() {
        std::fs::OpenOptions::new().append(true).open(path)?;
    }
    folder_writable(path)
}

fn folder_writable(path: &Path) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    tempfile::Builder::new()
        .prefix(".techbroker-probe")
        .tempfile_in(dir)
        .map(drop)
}

fn create(path: &Path) -> Result<Connection, OpenError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| classify_io(path, source))?;
    }
    folder_writable(path).map_err(|source| classify_io(path, source))?;
    let conn = Connection::open(path).map_err(|e| classify_sqlite(path, &e))?;
    configure_and_migrate(conn, path)
}

fn open_existing(path: &Path) -> Result<Connection, OpenError> {
    check_header(path)?;
    roll_back_interrupted_write(path)?;
    let found = known(path, inspect(path)?)?;
    writable(path).map_err(|source| classify_io(path, source))?;
    if found.version > 0 && found.version < latest_version() {
        back_up(path, found.version)?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify_sqlite(path, &e))?;
    configure_and_migrate(conn, path)
}

/// A write killed in rollback-journal mode (an import alone on the file) leaves a hot journal
/// beside the file, which only a connection that may write can roll back: the read-only look
/// that comes first would be refused. Reading through a writing connection rolls it back; a
/// journal whose writer is still at work is not hot, and the read waits or reads beside it.
fn roll_back_interrupted_write(path: &Path) -> Result<(), OpenError> {
    if !beside(path, "-journal").exists() {
        return Ok(());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|conn| {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
    });
    conn.map_err(|e| classify_sqlite(path, &e))
}

pub(super) fn open_read_only(path: &Path) -> Result<Connection, OpenError> {
    let before = Sidecars::of(path);
    read_only(path).inspect_err(|_| before.remove_new())
}

fn read_only(path: &Path) -> Result<Connection, OpenError> {
    check_header(path)?;
    let found = known(path, inspect(path)?)?;
    // Read-only cannot migrate: an older file is opened for writing once, first.
    if found.version < latest_version() {
        return Err(OpenError::OlderSchemaReadOnly {
            path: path.into(),
            found: found.version,
        });
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify_sqlite(path, &e))?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .and_then(|_| conn.busy_timeout(BUSY_TIMEOUT))
        .map_err(|e| classify_sqlite(path, &e))?;
    Ok(conn)
}

/// What `inspect` found, if this TechBroker knows how to read it: not newer than its schema.
fn known(path: &Path, found: Inspection) -> Result<Inspection, OpenError> {
    if found.version > latest_version() {
        return Err(OpenError::NewerSchema {
            path: path.into(),
            found: found.version,
            supported: latest_version(),
        });
    }
    Ok(found)
}

fn check_header(path: &Path) -> Result<(), OpenError> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|source| classify_io(path, source))?;
    match file.read_exact(&mut header) {
        Ok(()) if &header == SQLITE_HEADER => Ok(()),
        _ => Err(OpenError::NotADatabase { path: path.into() }),
    }
}

/// Looks at the file through a read-only connection: its integrity, whose it is, which version.
fn inspect(path: &Path) -> Result<Inspection, OpenError> {
    let corrupt = |e: rusqlite::Error| match classify_sqlite(path, &e) {
        OpenError::Setup { path, detail } => OpenError::Corrupt { path, detail },
        kind => kind,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(corrupt)?;
    let check: String = conn
        .pragma_query_value(None, "quick_check", |r| r.get(0))
        .map_err(corrupt)?;
    if check != "ok" {
        return Err(OpenError::Corrupt {
            path: path.into(),
            detail: check,
        });
    }
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(corrupt)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(corrupt)?;
    let objects: i64 = conn
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(corrupt)?;
    // An empty SQLite file (no tables, no id) is as good as a new one; anything else must be ours.
    let empty = app_id == 0 && version == 0 && objects == 0;
    if app_id != APPLICATION_ID && !empty {
        return Err(OpenError::Foreign { path: path.into() });
    }
    Ok(Inspection { version })
}

/// The path of the copy made before upgrading from `version`: `name.sqlite.bak-v1`.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    beside(path, &format!(".bak-v{version}"))
}

fn back_up(path: &Path, version: i64) -> Result<(), OpenError> {
    let target = backup_path(path, version);
    let fail = |detail: String| OpenError::Backup {
        path: path.into(),
        detail,
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| fail(e.to_string()))?;
    conn.backup(rusqlite::MAIN_DB, &target, None)
        .map_err(|e| fail(format!("{}: {e}", target.display())))
}

fn configure_and_migrate(mut conn: Connection, path: &Path) -> Result<Connection, OpenError> {
    // FULL: a saved form survives a power cut. It costs about 5 ms a commit on a laptop's disk
    // and nothing measurable on an import (one commit); see benches/store_safety.rs.
    // An import alone on the file runs in rollback mode, and while it writes SQLite refuses
    // the switch to WAL at once: this connection then works in the file's mode, which the
    // import sets back to WAL when it ends.
    match conn.pragma_update(None, "journal_mode", "WAL") {
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Ok(()),
        set => set,
    }
    .and_then(|()| conn.pragma_update(None, "foreign_keys", "ON"))
    .and_then(|_| conn.pragma_update(None, "synchronous", "FULL"))
    .and_then(|_| conn.busy_timeout(BUSY_TIMEOUT))
    .map_err(|e| classify_sqlite(path, &e))?;
    migrations().to_latest(&mut conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => classify_sqlite(path, &err),
        e => OpenError::Setup {
            path: path.into(),
            detail: e.to_string(),
        },
    })?;
    Ok(conn)
}

fn setup(path: &Path, e: &rusqlite::Error) -> OpenError {
    OpenError::Setup {
        path: path.into(),
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_up_writes_a_readable_copy_next_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broker.sqlite");
        let conn = open_connection(&path).unwrap();
        conn.execute(
            "INSERT INTO clients (name, kind, created_at, updated_at) VALUES ('山东大学', 'university', '', '')",
            [],
        )
        .unwrap();
        drop(conn);
        back_up(&path, 1).unwrap();
        let copy = backup_path(&path, 1);
        assert_eq!(copy, dir.path().join("broker.sqlite.bak-v1"));
        let conn = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let name: String = conn
            .query_row("SELECT name FROM clients", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "山东大学");
    }
}

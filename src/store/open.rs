//! Deciding whether a file may be opened, backing it up before an upgrade, and opening it.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::error::OpenError;
use super::schema::{APPLICATION_ID, latest_version, migrations};

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What the read-only look at an existing file found.
struct Inspection {
    version: i64,
}

pub(super) fn open_connection(path: &Path) -> Result<Connection, OpenError> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(source) => Err(OpenError::Io {
            path: path.into(),
            source,
        }),
        Ok(m) if m.is_dir() => Err(OpenError::IsFolder { path: path.into() }),
        Ok(m) if m.len() == 0 => Err(OpenError::EmptyFile { path: path.into() }),
        Ok(_) => open_existing(path),
    }
}

fn create(path: &Path) -> Result<Connection, OpenError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| OpenError::Io {
            path: path.into(),
            source,
        })?;
    }
    let conn = Connection::open(path).map_err(|e| setup(path, e))?;
    configure_and_migrate(conn, path)
}

fn open_existing(path: &Path) -> Result<Connection, OpenError> {
    check_header(path)?;
    let found = inspect(path)?;
    if found.version > latest_version() {
        return Err(OpenError::NewerSchema {
            path: path.into(),
            found: found.version,
            supported: latest_version(),
        });
    }
    if found.version > 0 && found.version < latest_version() {
        back_up(path, found.version)?;
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| setup(path, e))?;
    configure_and_migrate(conn, path)
}

fn check_header(path: &Path) -> Result<(), OpenError> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|source| OpenError::Io {
        path: path.into(),
        source,
    })?;
    match file.read_exact(&mut header) {
        Ok(()) if &header == SQLITE_HEADER => Ok(()),
        _ => Err(OpenError::NotADatabase { path: path.into() }),
    }
}

/// Looks at the file through a read-only connection: its integrity, whose it is, which version.
fn inspect(path: &Path) -> Result<Inspection, OpenError> {
    let corrupt = |e: rusqlite::Error| OpenError::Corrupt {
        path: path.into(),
        detail: e.to_string(),
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
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".bak-v{version}"));
    PathBuf::from(name)
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
    conn.pragma_update(None, "journal_mode", "WAL")
        .and_then(|_| conn.pragma_update(None, "foreign_keys", "ON"))
        .and_then(|_| conn.pragma_update(None, "synchronous", "NORMAL"))
        .and_then(|_| conn.busy_timeout(std::time::Duration::from_secs(5)))
        .map_err(|e| setup(path, e))?;
    migrations()
        .to_latest(&mut conn)
        .map_err(|e| OpenError::Setup {
            path: path.into(),
            detail: e.to_string(),
        })?;
    Ok(conn)
}

fn setup(path: &Path, e: rusqlite::Error) -> OpenError {
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

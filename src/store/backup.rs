//! Backups the broker never has to think about: SQLite's online backup of the whole file, taken
//! on the first start of each day and before every import, kept beside the database in
//! `<db>.backups/`, the last few days and weeks of them. The documents' files (`<db>.files/`)
//! are copied beside each backup, into `<backup>.files/`.

use std::path::{Path, PathBuf};

use chrono::{Datelike, Local, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};

use super::bulk::ONE_PASS_CACHE_KIB;
use super::documents::files_dir;
use super::open::classify_sqlite;
use super::schema::{APPLICATION_ID, latest_version};
use super::{OpenError, Store, StoreError};

/// Daily backups kept: the last this many days the app was started.
pub const KEEP_DAILY: usize = 7;
/// Older daily backups kept one per week, for this many weeks.
pub const KEEP_WEEKLY: usize = 4;
/// Backups taken before an import, kept.
pub const KEEP_BEFORE_IMPORT: usize = 5;

const DAILY: &str = "daily-";
const IMPORT: &str = "before-import-";
const RESTORE: &str = "before-restore-";
const MANUAL: &str = "manual-";
const EXT: &str = ".sqlite";
const STAMP: &str = "%Y-%m-%d-%H%M%S";
const STAMP_LEN: usize = "2025-01-31-090000".len();

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    Daily,
    BeforeImport,
    BeforeRestore,
    Manual,
}

/// One backup file in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub kind: BackupKind,
    /// When it was taken (local time), from its name.
    pub taken: NaiveDateTime,
    pub bytes: u64,
}

/// `broker.sqlite.backups` beside `broker.sqlite`.
pub fn backups_dir(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".backups");
    PathBuf::from(name)
}

fn prefix(kind: BackupKind) -> &'static str {
    match kind {
        BackupKind::Daily => DAILY,
        BackupKind::BeforeImport => IMPORT,
        BackupKind::BeforeRestore => RESTORE,
        BackupKind::Manual => MANUAL,
    }
}

fn parse(path: &Path) -> Option<(BackupKind, NaiveDateTime)> {
    let name = path.file_name()?.to_str()?.strip_suffix(EXT)?;
    [
        BackupKind::Daily,
        BackupKind::BeforeImport,
        BackupKind::BeforeRestore,
        BackupKind::Manual,
    ]
    .into_iter()
    .find_map(|kind| {
        let rest = name.strip_prefix(prefix(kind))?;
        // "2025-01-31-090000", then "-2" for a second one taken in the same second.
        let (stamp, n) = rest.split_at_checked(STAMP_LEN)?;
        let numbered = n.is_empty()
            || n.strip_prefix('-')
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        if !numbered {
            return None;
        }
        NaiveDateTime::parse_from_str(stamp, STAMP)
            .ok()
            .map(|t| (kind, t))
    })
}

/// Every backup of `db`, newest first.
pub fn list_backups(db: &Path) -> Result<Vec<Backup>, StoreError> {
    let dir = backups_dir(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        if let Some((kind, taken)) = parse(&path) {
            let bytes = entry.metadata()?.len();
            found.push(Backup {
                path,
                kind,
                taken,
                bytes,
            });
        }
    }
    found.sort_by(|a, b| b.taken.cmp(&a.taken).then(b.path.cmp(&a.path)));
    Ok(found)
}

/// Copies the database at `db` to `out` through SQLite (consistent even while others write);
/// never over an existing file.
pub fn back_up_file(db: &Path, out: &Path) -> Result<(), StoreError> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(super::open::BUSY_TIMEOUT)?;
    copy(&conn, out.to_path_buf(), |_| None)?;
    copy_files(db, out)?;
    Ok(())
}

/// Copies the documents' files of `db` beside the backup `out`. The files are named by their
/// hash and never change, so a copy already there is kept; the database is copied first, so
/// every file its rows name was in the folder before it.
fn copy_files(db: &Path, out: &Path) -> Result<(), StoreError> {
    merge_files(&files_dir(db), &files_dir(out))
}

/// Copies the hash-named files of `from` that `to` lacks (a file being attached, still under
/// its temporary name, is not one of them).
fn merge_files(from: &Path, to: &Path) -> Result<(), StoreError> {
    let entries = match std::fs::read_dir(from) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    std::fs::create_dir_all(to)?;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let hashed = name
            .to_str()
            .and_then(crate::domain::documents::Sha256::parse)
            .is_some();
        let target = to.join(&name);
        if hashed && !target.exists() {
            // Through a temporary name, so a copy cut short never passes for the file.
            let partial = tempfile::Builder::new()
                .prefix(".partial-")
                .tempfile_in(to)?;
            std::fs::copy(entry.path(), partial.path())?;
            match partial.persist_noclobber(&target) {
                Ok(_) => {}
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e.error.into()),
            }
        }
    }
    Ok(())
}

/// Writes the backup to a file of its own first, then gives it the first free name of
/// `name(0)`, `name(1)`, …: a backup cut short never takes a good one's name, and two taken at
/// once (two imports starting together) never write into the same file.
fn copy(
    conn: &Connection,
    first: PathBuf,
    next: impl Fn(usize) -> Option<PathBuf>,
) -> Result<PathBuf, StoreError> {
    let dir = first
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    std::fs::create_dir_all(&dir)?;
    let partial = tempfile::Builder::new()
        .prefix(".partial-")
        .tempfile_in(&dir)?;
    copy_pages(conn, partial.path())?;
    let mut target = first;
    let mut partial = partial;
    let mut n = 0;
    loop {
        match partial.persist_noclobber(&target) {
            Ok(_) => return Ok(target),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                n += 1;
                match next(n) {
                    Some(other) => {
                        target = other;
                        partial = e.file;
                    }
                    None => return Err(e.error.into()),
                }
            }
            Err(e) => return Err(e.error.into()),
        }
    }
}

/// SQLite's online backup of `conn`'s database into a new file at `to`. The copy passes over
/// each page once, so the file written keeps a small page cache ([`ONE_PASS_CACHE_KIB`]), as does
/// the reading side when its connection is the backup's own: with SQLite's default 2 MiB each,
/// the daily backup, which runs while the catalogues load, added 9 MiB to the window's peak.
fn copy_pages(conn: &Connection, to: &Path) -> Result<(), StoreError> {
    use rusqlite::backup::{Backup, StepResult};
    let mut dst = Connection::open(to)?;
    // Refused, the copy keeps the default cache and writes the same pages.
    let _ = dst.pragma_update(None, "cache_size", ONE_PASS_CACHE_KIB);
    let backup = Backup::new(conn, &mut dst)?;
    loop {
        match backup.step(PAGES_PER_STEP)? {
            StepResult::More => {}
            StepResult::Done => return Ok(()),
            _ => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("the database stayed locked while it was being backed up".to_string()),
                )
                .into());
            }
        }
    }
}

/// Pages copied per step, as rusqlite's `Connection::backup` copies them.
const PAGES_PER_STEP: std::os::raw::c_int = 100;

fn backup_name(db: &Path, kind: BackupKind, at: NaiveDateTime, n: usize) -> PathBuf {
    let stamp = at.format(STAMP);
    let name = match n {
        0 => format!("{}{stamp}{EXT}", prefix(kind)),
        n => format!("{}{stamp}-{n}{EXT}", prefix(kind)),
    };
    backups_dir(db).join(name)
}

fn new_backup(conn: &Connection, db: &Path, kind: BackupKind) -> Result<PathBuf, StoreError> {
    let at = Local::now().naive_local();
    let out = copy(conn, backup_name(db, kind, at, 0), |n| {
        Some(backup_name(db, kind, at, n))
    })?;
    copy_files(db, &out)?;
    Ok(out)
}

impl Store {
    /// Backs this database up into its backups folder; returns the file written.
    pub fn back_up(&self, kind: BackupKind) -> Result<PathBuf, StoreError> {
        let out = new_backup(&self.conn, &self.path, kind)?;
        prune(&self.path)?;
        Ok(out)
    }
}

/// The first start of a day backs the file at `db` up; later starts that day do nothing. Returns
/// the backup taken, if one was. It opens a connection of its own, so that the window can take
/// it on a worker while the broker works: a large file takes seconds to copy.
pub fn daily_backup(db: &Path, today: NaiveDate) -> Result<Option<PathBuf>, StoreError> {
    let taken_today = list_backups(db)?
        .iter()
        .any(|b| b.kind == BackupKind::Daily && b.taken.date() == today);
    if taken_today {
        return Ok(None);
    }
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(super::open::BUSY_TIMEOUT)?;
    // Refused, the backup reads the same pages through the default cache.
    let _ = conn.pragma_update(None, "cache_size", ONE_PASS_CACHE_KIB);
    let out = new_backup(&conn, db, BackupKind::Daily)?;
    prune(db)?;
    Ok(Some(out))
}

/// Deletes the backups no longer kept: the newest [`KEEP_DAILY`] daily ones, then the newest
/// of each of the [`KEEP_WEEKLY`] weeks before those; the newest [`KEEP_BEFORE_IMPORT`] taken
/// before an import, and as many taken before a restore. Manual ones are the broker's to delete.
pub fn prune(db: &Path) -> Result<(), StoreError> {
    let all = list_backups(db)?;
    let week = |b: &Backup| {
        let w = b.taken.date().iso_week();
        (w.year(), w.week())
    };
    let mut kept = vec![false; all.len()];
    let mut covered: Vec<(i32, u32)> = Vec::new();
    let (mut daily, mut weekly, mut imports, mut restores) = (0, 0, 0, 0);
    for (b, keep) in all.iter().zip(kept.iter_mut()) {
        *keep = match b.kind {
            BackupKind::Manual => true,
            BackupKind::BeforeImport => {
                imports += 1;
                imports <= KEEP_BEFORE_IMPORT
            }
            BackupKind::BeforeRestore => {
                restores += 1;
                restores <= KEEP_BEFORE_IMPORT
            }
            BackupKind::Daily if daily < KEEP_DAILY => {
                daily += 1;
                covered.push(week(b));
                true
            }
            BackupKind::Daily if weekly < KEEP_WEEKLY && !covered.contains(&week(b)) => {
                weekly += 1;
                covered.push(week(b));
                true
            }
            BackupKind::Daily => false,
        };
    }
    for (b, keep) in all.iter().zip(kept) {
        if !keep {
            std::fs::remove_file(&b.path)?;
            match std::fs::remove_dir_all(files_dir(&b.path)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}

/// Puts the backup `from` in place of the database at `db`, after backing `db` itself up
/// (returned). `from` must be a TechBroker database this version can open; it is copied in
/// through SQLite, so a window with `db` open sees the change as another connection's write.
pub fn restore(db: &Path, from: &Path) -> Result<PathBuf, RestoreError> {
    check_restorable(from)?;
    let mut conn = Connection::open(db)?;
    conn.busy_timeout(super::open::BUSY_TIMEOUT)?;
    let before = new_backup(&conn, db, BackupKind::BeforeRestore)?;
    conn.restore(
        rusqlite::MAIN_DB,
        from,
        None::<fn(rusqlite::backup::Progress)>,
    )?;
    drop(conn);
    // The files its rows name; those the current file has besides are kept, as the backup
    // taken just before names them.
    merge_files(&files_dir(from), &files_dir(db))?;
    // Brings a backup from an older version up to date (it was backed up before, too).
    Store::open(db)?;
    Ok(before)
}

/// Why a backup was not restored; the database is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{0} is not a TechBroker backup this version can open")]
    NotABackup(PathBuf),
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for RestoreError {
    fn from(e: rusqlite::Error) -> Self {
        RestoreError::Store(e.into())
    }
}

fn check_restorable(from: &Path) -> Result<(), RestoreError> {
    let not = || RestoreError::NotABackup(from.to_path_buf());
    let conn = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| classify_sqlite(from, &e))?;
    let ok: String = conn
        .pragma_query_value(None, "quick_check", |r| r.get(0))
        .map_err(|_| not())?;
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not())?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| not())?;
    if ok != "ok" || id != APPLICATION_ID || version > latest_version() {
        return Err(not());
    }
    Ok(())
}

//! One window per database: a lock file beside it, held by the operating system for as long as
//! the window's process lives, so a crash never locks a broker out.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Held while a window has the database open for writing; released when dropped or when the
/// process ends in any way.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{0} is open in another TechBroker window")]
    Elsewhere(PathBuf),
    #[error("cannot create the lock file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// `broker.sqlite.lock` beside `broker.sqlite`.
pub fn lock_path(db: &Path) -> PathBuf {
    super::open::beside(db, ".lock")
}

impl InstanceLock {
    /// Takes the lock of `db` without waiting.
    pub fn acquire(db: &Path) -> Result<InstanceLock, LockError> {
        let path = lock_path(db);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(InstanceLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::Elsewhere(db.to_path_buf())),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("broker.sqlite");
        let first = InstanceLock::acquire(&db).unwrap();
        assert!(matches!(
            InstanceLock::acquire(&db),
            Err(LockError::Elsewhere(p)) if p == db
        ));
        drop(first);
        InstanceLock::acquire(&db).unwrap();
    }
}

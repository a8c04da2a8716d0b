//! Writing an export or a report so that nothing is lost: never over a database (the one open,
//! or any other SQLite file, its journal or its WAL), and through a temporary file beside the
//! target that is renamed over it only when complete, so a failure halfway leaves no half file
//! and the previous file, if any, untouched.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// An export or report aimed at a database file.
#[derive(Debug, thiserror::Error)]
#[error("will not write over a database file: {}", .0.display())]
pub struct WouldOverwriteDatabase(pub PathBuf);

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
/// The first four bytes of a write-ahead log, big-endian, for either checksum order.
const WAL_MAGIC: [[u8; 4]; 2] = [[0x37, 0x7f, 0x06, 0x82], [0x37, 0x7f, 0x06, 0x83]];

/// Whether `path` is an SQLite database, or the journal, WAL or shared memory of one.
pub fn is_database_file(path: &Path) -> bool {
    let mut start = [0u8; 16];
    let read = File::open(path)
        .and_then(|mut f| f.read(&mut start))
        .unwrap_or(0);
    if start[..read].starts_with(SQLITE_MAGIC) || WAL_MAGIC.iter().any(|m| start.starts_with(m)) {
        return true;
    }
    let name = path.to_string_lossy();
    ["-journal", "-wal", "-shm"].iter().any(|suffix| {
        name.strip_suffix(suffix)
            .is_some_and(|base| Path::new(base).is_file())
    })
}

/// Writes `path` through `write`, which fills a temporary file in the same folder; the file is
/// renamed into place when `write` succeeds, and removed when it fails.
pub fn write_file(
    path: &Path,
    write: impl FnOnce(&mut File) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if is_database_file(path) {
        return Err(WouldOverwriteDatabase(path.to_path_buf()).into());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".techbroker-")
        .suffix(".part")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create {}", path.display()))?;
    write(temp.as_file_mut())?;
    temp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A temporary file is private; an export is an ordinary file.
        let _ = temp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("broker.sqlite");
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (x); PRAGMA journal_mode = WAL; INSERT INTO t VALUES (1);",
        )
        .unwrap();
        let before = std::fs::read(&db).unwrap();
        let err = write_file(&db, |f| Ok(std::io::Write::write_all(f, b"a,b\n")?)).unwrap_err();
        assert!(err.downcast_ref::<WouldOverwriteDatabase>().is_some());
        assert_eq!(std::fs::read(&db).unwrap(), before);
        assert!(is_database_file(&dir.path().join("broker.sqlite-wal")));
        assert!(!is_database_file(&dir.path().join("list.csv")));
    }

    #[test]
    fn a_failed_write_leaves_neither_a_half_file_nor_a_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.csv");
        std::fs::write(&path, "old").unwrap();
        let err = write_file(&path, |f| {
            std::io::Write::write_all(f, b"half")?;
            anyhow::bail!("the disk is full")
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_file(&path, |f| Ok(std::io::Write::write_all(f, b"new")?)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}

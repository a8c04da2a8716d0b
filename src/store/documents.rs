//! Documents: the rows, and their files in `<db>.files/`, each named by its SHA-256.
//!
//! Attaching copies the file to a temporary name in that folder (hashing as it goes), then, in
//! one transaction, inserts the row and renames the copy to its hash before the commit: a row
//! whose rename failed is rolled back with it, and a copy whose commit failed is removed (unless
//! another row already had that file), so there is never a row without its file nor, after a
//! failure, a file without a row. A refused source (missing, a folder, unreadable) is refused
//! before anything is written. The copy ([`stage_document`]) needs no connection, so the window
//! runs it on a worker with progress and a cancel; the transaction ([`Store::record_document`])
//! is quick and runs where the connection is.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{OptionalExtension, Row, Transaction, params};
use sha2::Digest;

use super::{Area, Store, StoreError, now};
use crate::domain::documents::{Document, DocumentKind, Owner, Sha256, display_name};
use crate::domain::id::DocumentId;

/// `broker.sqlite.files` beside `broker.sqlite`: the copies of the attached documents.
pub fn files_dir(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".files");
    PathBuf::from(name)
}

/// Why a document was not attached; nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// The file chosen could not be read (missing, a folder, no permission).
    #[error("cannot read {path}: {source}")]
    Source {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Stopped by the broker before the copy was done.
    #[error("the copy was cancelled")]
    Cancelled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

const COLUMNS: &str = "id, owner_kind, owner_id, kind, name, bytes, sha256, added_at";

impl Store {
    /// The folder this database keeps its documents' files in.
    pub fn files_dir(&self) -> PathBuf {
        files_dir(self.path())
    }

    /// The stored copy of a document, to open with the system's viewer.
    pub fn document_file(&self, doc: &Document) -> PathBuf {
        self.files_dir().join(doc.sha256.as_str())
    }

    /// The live documents of a record, newest first.
    pub fn documents(&self, owner: Owner) -> Result<Vec<Document>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM documents
             WHERE owner_kind = ?1 AND owner_id = ?2 AND deleted_at IS NULL
             ORDER BY added_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map(params![owner.code(), owner.id()], document_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One document, live or in the trash.
    pub fn get_document(&self, id: DocumentId) -> Result<Document, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM documents WHERE id = ?1"),
                [id],
                document_from_row,
            )
            .optional()?
            .ok_or(StoreError::NotFound)
    }

    /// Copies the file at `source` into the documents folder and records it as a `kind` of
    /// `owner`. The same bytes attached twice are stored once. The command line's way, and the
    /// two halves the window runs apart, so a large file copies off its thread.
    pub fn attach_document(
        &mut self,
        owner: Owner,
        kind: DocumentKind,
        source: &Path,
    ) -> Result<DocumentId, AttachError> {
        let staged = stage_document(
            &self.files_dir(),
            source,
            &AtomicBool::new(false),
            &mut |_, _| {},
        )?;
        Ok(self.record_document(owner, kind, staged)?)
    }

    /// Records a copy made by [`stage_document`] as a `kind` of `owner`, in one transaction
    /// that also gives the copy its hash's name.
    pub fn record_document(
        &mut self,
        owner: Owner,
        kind: DocumentKind,
        staged: StagedDocument,
    ) -> Result<DocumentId, StoreError> {
        let StagedDocument {
            copy,
            name,
            bytes,
            sha256,
        } = staged;
        let target = self.files_dir().join(sha256.as_str());
        let mut placed = false;
        let written = self.write(Area::Catalog, |tx| {
            // The copy ran apart from this transaction: the record may have been purged (here,
            // in another window) meanwhile, and its id may be given again to another record.
            if !owner_exists(tx, owner)? {
                return Err(StoreError::NotFound);
            }
            tx.execute(
                "INSERT INTO documents (owner_kind, owner_id, kind, name, bytes, sha256, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    owner.code(),
                    owner.id(),
                    kind,
                    name,
                    i64::try_from(bytes).unwrap_or(i64::MAX),
                    sha256.as_str(),
                    now()
                ],
            )?;
            let id = DocumentId(tx.last_insert_rowid());
            // Inside the transaction (which holds the write lock), so no purge can remove the
            // file between this and the commit. A file already there has these very bytes.
            match copy.persist_noclobber(&target) {
                Ok(_) => placed = true,
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e.error.into()),
            }
            Ok(id)
        });
        if written.is_err() && placed {
            // The row was rolled back: the copy just placed would be an orphan. Failing to
            // remove it leaves a file no row names, which the next purge of its hash takes.
            let _ = std::fs::remove_file(&target);
        }
        written
    }

    /// Moves a document to the trash.
    pub fn delete_document(&mut self, id: DocumentId) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            match tx.execute(
                "UPDATE documents SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now()],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// Removes the files no document row names any more, after a purge. Only hash-named
    /// files are looked at: a copy still under its temporary name is another attach's.
    pub(super) fn sweep_files(&mut self) -> Result<(), StoreError> {
        let entries = match std::fs::read_dir(self.files_dir()) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        let mut hashes = Vec::new();
        for entry in entries {
            if let Some(hash) = entry?.file_name().to_str().and_then(Sha256::parse) {
                hashes.push(hash);
            }
        }
        self.remove_unused_files(&hashes)
    }

    /// Removes the files of `hashes` that no document row names any more. Done under the write
    /// lock, so an attach of the same file by another window cannot be between its rename and
    /// its commit.
    fn remove_unused_files(&mut self, hashes: &[Sha256]) -> Result<(), StoreError> {
        let dir = self.files_dir();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for hash in hashes {
            if !hash_in_use(&tx, hash.as_str())? {
                match std::fs::remove_file(dir.join(hash.as_str())) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// A file copied into a documents folder under a temporary name and hashed, not yet recorded:
/// [`Store::record_document`] records it. Dropped unrecorded (cancelled, failed, the window
/// moved to another database), its copy is removed.
#[derive(Debug)]
pub struct StagedDocument {
    copy: tempfile::NamedTempFile,
    name: String,
    bytes: u64,
    sha256: Sha256,
}

/// Removes the half-written copies (`.partial-*`) that an attach left when the app was killed
/// or the machine lost power mid-copy, unless written to within `older_than`: a copy still
/// under way writes every few milliseconds. Best effort: a copy that cannot be removed now is
/// tried again at the next opening.
pub(super) fn sweep_partial_copies(files_dir: &Path, older_than: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(files_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= older_than);
        if stale
            && entry
                .file_name()
                .to_string_lossy()
                .starts_with(PARTIAL_PREFIX)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The name a copy has until it is complete and recorded.
const PARTIAL_PREFIX: &str = ".partial-";

/// The slow half of attaching, needing no connection so it can run on a worker: copies `source`
/// into `files_dir` (the database's [`files_dir`]) while hashing it, telling `progress` the
/// bytes copied out of the file's size, and stops when `cancel` is set. Whatever stops it leaves
/// no file behind; a refused source (missing, a folder, unreadable) is refused before anything
/// is written.
pub fn stage_document(
    files_dir: &Path,
    source: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<StagedDocument, AttachError> {
    let refused = |e| AttachError::Source {
        path: source.to_path_buf(),
        source: e,
    };
    let mut input = File::open(source).map_err(refused)?;
    let meta = input.metadata().map_err(refused)?;
    if !meta.is_file() {
        return Err(refused(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a file",
        )));
    }
    std::fs::create_dir_all(files_dir).map_err(StoreError::from)?;
    let mut copy = tempfile::Builder::new()
        .prefix(PARTIAL_PREFIX)
        .tempfile_in(files_dir)
        .map_err(StoreError::from)?;
    let (bytes, sha256) =
        copy_hashing(&mut input, copy.as_file_mut(), meta.len(), cancel, progress).map_err(
            |e| match e {
                Copying::Read(e) => refused(e),
                Copying::Write(e) => AttachError::Store(e.into()),
                Copying::Cancelled => AttachError::Cancelled,
            },
        )?;
    copy.as_file().sync_all().map_err(StoreError::from)?;
    Ok(StagedDocument {
        copy,
        name: display_name(source),
        bytes,
        sha256,
    })
}

fn owner_exists(tx: &Transaction<'_>, owner: Owner) -> Result<bool, StoreError> {
    let table = match owner {
        Owner::Deal(_) => "deals",
        Owner::Achievement(_) => "achievements",
        Owner::Client(_) => "clients",
    };
    Ok(tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [owner.id()],
        |r| r.get(0),
    )?)
}

fn hash_in_use(tx: &Transaction<'_>, hash: &str) -> Result<bool, StoreError> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?1)",
        [hash],
        |r| r.get(0),
    )?)
}

enum Copying {
    Read(std::io::Error),
    Write(std::io::Error),
    Cancelled,
}

/// Copies `from` (`size` bytes when it was opened) into `to`, returning the size and the
/// SHA-256 of what was copied; `cancel` is looked at between chunks.
fn copy_hashing(
    from: &mut File,
    to: &mut File,
    size: u64,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(u64, Sha256), Copying> {
    let mut hasher = sha2::Sha256::new();
    let mut buf = vec![0; 64 * 1024];
    let mut bytes = 0u64;
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(Copying::Cancelled);
        }
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Copying::Read(e)),
        };
        hasher.update(&buf[..n]);
        to.write_all(&buf[..n]).map_err(Copying::Write)?;
        bytes += n as u64;
        // A file that grew while copied is done when it is done, never past 100%.
        progress(bytes, size.max(bytes));
    }
    Ok((bytes, Sha256::from_digest(&hasher.finalize())))
}

fn document_from_row(row: &Row<'_>) -> rusqlite::Result<Document> {
    let owner_kind: String = row.get(1)?;
    let owner = Owner::from_parts(&owner_kind, row.get(2)?).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            rusqlite::types::Type::Text,
            format!("unknown document owner {owner_kind:?}").into(),
        )
    })?;
    let hash: String = row.get(6)?;
    let sha256 = Sha256::parse(&hash).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            6,
            rusqlite::types::Type::Text,
            format!("not a SHA-256: {hash:?}").into(),
        )
    })?;
    Ok(Document {
        id: row.get(0)?,
        owner,
        kind: row.get(3)?,
        name: row.get(4)?,
        // The table's CHECK keeps the size from being negative.
        bytes: u64::try_from(row.get::<_, i64>(5)?).unwrap_or(0),
        sha256,
        added_at: row.get(7)?,
    })
}

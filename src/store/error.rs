use std::path::PathBuf;

use crate::domain::FieldErrors;

/// Why a database file was not opened. The file is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot read or create {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is a folder, not a database file")]
    IsFolder { path: PathBuf },
    #[error("{path} is an empty file, not a TechBroker database")]
    EmptyFile { path: PathBuf },
    #[error("{path} is not a database file")]
    NotADatabase { path: PathBuf },
    #[error("{path} is a database of another program")]
    Foreign { path: PathBuf },
    /// `detail` is SQLite's report, for the log: never shown to the broker.
    #[error("{path} is damaged")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} is read-only")]
    ReadOnlyFile { path: PathBuf },
    #[error("the folder of {path} cannot be written to")]
    ReadOnlyFolder { path: PathBuf },
    #[error("no space left on the disk of {path}")]
    NoSpace { path: PathBuf },
    #[error("{path} is locked by another program")]
    Locked { path: PathBuf },
    #[error(
        "{path} was written by a newer TechBroker (schema {found}, this one knows {supported})"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A read-only connection cannot migrate an older file.
    #[error("{path} was written by an older TechBroker (schema {found}); open it for writing once")]
    OlderSchemaReadOnly { path: PathBuf, found: i64 },
    #[error("could not back up {path} before upgrading it: {detail}")]
    Backup { path: PathBuf, detail: String },
    #[error("could not set up {path}: {detail}")]
    Setup { path: PathBuf, detail: String },
}

impl OpenError {
    pub fn path(&self) -> &PathBuf {
        match self {
            OpenError::Io { path, .. }
            | OpenError::IsFolder { path }
            | OpenError::EmptyFile { path }
            | OpenError::NotADatabase { path }
            | OpenError::Foreign { path }
            | OpenError::Corrupt { path, .. }
            | OpenError::ReadOnlyFile { path }
            | OpenError::ReadOnlyFolder { path }
            | OpenError::NoSpace { path }
            | OpenError::Locked { path }
            | OpenError::NewerSchema { path, .. }
            | OpenError::OlderSchemaReadOnly { path, .. }
            | OpenError::Backup { path, .. }
            | OpenError::Setup { path, .. } => path,
        }
    }

    /// What the log should keep besides the message: SQLite's own words, when there are some.
    pub fn detail(&self) -> Option<&str> {
        match self {
            OpenError::Corrupt { detail, .. }
            | OpenError::Backup { detail, .. }
            | OpenError::Setup { detail, .. } => Some(detail),
            _ => None,
        }
    }
}

/// Why a read or write on an open database failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the record no longer exists")]
    NotFound,
    #[error("a client named {0} already exists")]
    NameTaken(String),
    #[error("a client with credit code {0} already exists")]
    CreditCodeTaken(String),
    // The UI says "database error" in its own language around the detail.
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("a deal still names the record")]
    InUse,
    #[error("the database already holds {0} records")]
    NotEmpty(u64),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Why a form could not be saved: what the user typed, or the database.
#[derive(Debug, thiserror::Error)]
pub enum SaveError<F: std::fmt::Debug> {
    #[error("the form has problems: {0:?}")]
    Invalid(FieldErrors<F>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

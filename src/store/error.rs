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
    #[error("{path} is damaged: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer TechBroker (schema {found}, this one knows {supported})"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
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
            | OpenError::NewerSchema { path, .. }
            | OpenError::Backup { path, .. }
            | OpenError::Setup { path, .. } => path,
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
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Why a form could not be saved: what the user typed, or the database.
#[derive(Debug, thiserror::Error)]
pub enum SaveError<F: std::fmt::Debug> {
    #[error("the form has problems: {0:?}")]
    Invalid(FieldErrors<F>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

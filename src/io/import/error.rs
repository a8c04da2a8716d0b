//! Why an import as a whole did not happen. Nothing was written in any of these cases.

use super::fields::Target;
use super::plan::RowError;
use crate::store::{OpenError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Read(#[from] crate::io::read::ReadError),
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A JSON file that is not a TechBroker export, or not of the kind asked for.
    #[error("not a TechBroker export of this kind: {0}")]
    Json(String),
    #[error("required columns are not mapped: {0:?}")]
    Unmapped(Vec<Target>),
    /// The header row asked for is not among the first rows of the table.
    #[error("there is no row {0} to take as the header")]
    NoHeaderRow(usize),
    /// The table has a header and nothing under it.
    #[error("the file has a header but no rows")]
    NoRows,
    /// A row was invalid and the user did not choose to skip invalid rows.
    #[error("row {} is invalid", .0.number)]
    Invalid(Box<RowError>),
    #[error("cancelled")]
    Cancelled,
    /// The work stopped before it finished (a worker thread failed); nothing was written.
    #[error("interrupted")]
    Interrupted,
}

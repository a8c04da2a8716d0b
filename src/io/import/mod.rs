//! Bringing clients, achievements and needs in from spreadsheets and TechBroker's own JSON:
//! columns mapped to fields, every row checked by the rules of the forms, duplicates found
//! against the database and within the file, and everything written in one transaction.
//! The window and the command line both go through [`plan::scan`] and [`plan::commit`]. A row
//! is refused only when it cannot be stored; a value stored otherwise than written comes with a
//! warning, and totals and footers under the table are left out and listed.

pub mod cells;
pub mod convert;
pub mod error;
pub mod fields;
pub mod json;
pub mod layout;
pub mod mapping;
pub mod plan;
pub mod rejected;
pub mod source;

pub use convert::{Candidate, CellError, CellWarning, OwnerRef, RowProblem, Warning};
pub use error::ImportError;
pub use fields::{ImportKind, Target};
pub use layout::SkipReason;
pub use mapping::{Mapping, MappingFile};
pub use plan::{
    DuplicatePolicy, ImportOptions, ImportSummary, RawRow, ReadRow, RowError, RowWarnings,
    ScanReport, SkippedRow, SourceRow,
};
pub use source::TableChoice;

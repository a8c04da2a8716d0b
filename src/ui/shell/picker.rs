//! Native file dialogs, behind a trait so tests can answer them with fixed paths.

use std::path::PathBuf;

pub use crate::ui::command::FileType;

pub trait FilePicker {
    /// Asks for an existing database file to open.
    fn open_database(&self) -> Option<PathBuf>;
    /// Asks where to create a new database file.
    fn new_database(&self) -> Option<PathBuf>;
    /// Asks for an existing file of `kind` to read.
    fn open_file(&self, kind: FileType) -> Option<PathBuf>;
    /// Asks where to save a file of `kind`, suggesting `name` (without extension).
    fn save_file(&self, name: &str, kind: FileType) -> Option<PathBuf>;
}

/// The operating system's dialogs (rfd).
pub struct NativePicker;

const EXTENSIONS: &[&str] = &["sqlite", "db", "sqlite3"];

impl FilePicker for NativePicker {
    fn open_database(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("TechBroker", EXTENSIONS)
            .pick_file()
    }

    fn new_database(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("TechBroker", EXTENSIONS)
            .set_file_name("techbroker.sqlite")
            .save_file()
    }

    fn open_file(&self, kind: FileType) -> Option<PathBuf> {
        let (label, extensions) = kind.filter();
        rfd::FileDialog::new()
            .add_filter(label, extensions)
            .pick_file()
    }

    fn save_file(&self, name: &str, kind: FileType) -> Option<PathBuf> {
        let (label, extensions) = kind.filter();
        rfd::FileDialog::new()
            .add_filter(label, extensions)
            .set_file_name(format!("{name}.{}", kind.extension()))
            .save_file()
    }
}

//! Native file dialogs, behind a trait so tests can answer them with fixed paths.

use std::path::PathBuf;

pub trait FilePicker {
    /// Asks for an existing database file to open.
    fn open_database(&self) -> Option<PathBuf>;
    /// Asks where to create a new database file.
    fn new_database(&self) -> Option<PathBuf>;
    /// Asks where to save a CSV file, suggesting `name`.
    fn save_csv(&self, name: &str) -> Option<PathBuf>;
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

    fn save_csv(&self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("CSV", &["csv"])
            .set_file_name(name)
            .save_file()
    }
}

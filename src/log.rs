//! The log: what a message to the broker leaves out (SQLite's report on a damaged file), kept
//! for whoever helps them.

use std::io::Write;
use std::path::Path;

use crate::store::OpenError;

/// Appends the detail of a refused database to the log at `log`, if it has one. Logging never
/// stops the app: a log that cannot be written is passed over.
pub fn open_error(log: &Path, error: &OpenError) {
    let Some(detail) = error.detail() else {
        return;
    };
    let line = format!(
        "{} open {}: {error}\n{detail}\n",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S"),
        error.path().display()
    );
    if let Some(dir) = log.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
    {
        let _ = file.write_all(line.as_bytes());
    }
}

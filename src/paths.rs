//! Where TechBroker keeps its data by default.

use std::path::PathBuf;

/// `name` in the OS data directory (e.g. `~/.local/share/techbroker` on Linux,
/// `%APPDATA%\TechBroker\data` on Windows), or in the working directory when the OS gives none.
fn in_data_dir(name: &str) -> PathBuf {
    directories::ProjectDirs::from("cn", "TechBroker", "TechBroker")
        .map(|dirs| dirs.data_dir().join(name))
        .unwrap_or_else(|| PathBuf::from(name))
}

/// The broker's own database, `techbroker.sqlite`.
pub fn default_db_path() -> PathBuf {
    in_data_dir("techbroker.sqlite")
}

/// The training sandbox, `sandbox.sqlite`, next to the default database and never it.
pub fn sandbox_db_path() -> PathBuf {
    in_data_dir("sandbox.sqlite")
}

/// The log of details left out of messages, `techbroker.log`, in the data directory.
pub fn log_path() -> PathBuf {
    in_data_dir("techbroker.log")
}

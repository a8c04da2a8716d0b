//! Where TechBroker keeps its data by default.

use std::path::PathBuf;

/// `techbroker.sqlite` in the OS data directory (e.g. `~/.local/share/techbroker` on Linux,
/// `%APPDATA%\TechBroker\data` on Windows), or in the working directory when the OS gives none.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("cn", "TechBroker", "TechBroker")
        .map(|dirs| dirs.data_dir().join("techbroker.sqlite"))
        .unwrap_or_else(|| PathBuf::from("techbroker.sqlite"))
}

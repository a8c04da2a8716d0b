//! Native file dialogs, behind a trait so tests can answer them with fixed paths.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use crate::ui::command::FileType;

pub trait FilePicker {
    /// Whether the last dialog asked for could not be shown at all (no dialog service on this
    /// desktop), as opposed to being cancelled.
    fn had_no_dialog(&self) -> bool {
        false
    }
    /// Asks for an existing database file to open.
    fn open_database(&self) -> Option<PathBuf>;
    /// Asks where to create a new database file.
    fn new_database(&self) -> Option<PathBuf>;
    /// Asks for an existing file of `kind` to read.
    fn open_file(&self, kind: FileType) -> Option<PathBuf>;
    /// Asks for one or more existing files of `kind`; none when cancelled. A picker that
    /// chooses one file at a time answers with that one.
    fn open_files(&self, kind: FileType) -> Vec<PathBuf> {
        self.open_file(kind).into_iter().collect()
    }
    /// Asks where to save a file of `kind`, suggesting `name` (without extension).
    fn save_file(&self, name: &str, kind: FileType) -> Option<PathBuf>;
    /// Opens `path` with the system's viewer for its type. Beside the dialogs, so tests that
    /// answer them never launch a viewer either.
    fn open_in_viewer(&self, path: &Path) -> std::io::Result<()>;
}

/// The operating system's dialogs (rfd). On a desktop without a dialog service (no xdg
/// portal, no zenity) rfd answers None at once: then a file to save goes to the documents
/// folder under the name suggested, and the window says why it did not ask.
#[derive(Default)]
pub struct NativePicker {
    no_dialog: Cell<bool>,
}

const EXTENSIONS: &[&str] = &["sqlite", "db", "sqlite3"];

/// A dialog answered faster than anyone can click Cancel was never shown.
const NOT_SHOWN: Duration = Duration::from_millis(150);

impl NativePicker {
    fn ask<T>(&self, dialog: impl FnOnce() -> Option<T>) -> Option<T> {
        let asked = Instant::now();
        let answer = dialog();
        self.no_dialog
            .set(answer.is_none() && asked.elapsed() < NOT_SHOWN);
        answer
    }
}

impl FilePicker for NativePicker {
    fn had_no_dialog(&self) -> bool {
        self.no_dialog.get()
    }

    fn open_database(&self) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("TechBroker", EXTENSIONS)
                .pick_file()
        })
    }

    fn new_database(&self) -> Option<PathBuf> {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("TechBroker", EXTENSIONS)
                .set_file_name("techbroker.sqlite")
                .save_file()
        })
    }

    fn open_file(&self, kind: FileType) -> Option<PathBuf> {
        let (label, extensions) = kind.filter();
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter(label, extensions)
                .pick_file()
        })
    }

    fn open_files(&self, kind: FileType) -> Vec<PathBuf> {
        let (label, extensions) = kind.filter();
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter(label, extensions)
                .pick_files()
        })
        .unwrap_or_default()
    }

    fn save_file(&self, name: &str, kind: FileType) -> Option<PathBuf> {
        let (label, extensions) = kind.filter();
        let file = format!("{name}.{}", kind.extension());
        let chosen = self.ask(|| {
            rfd::FileDialog::new()
                .add_filter(label, extensions)
                .set_file_name(&file)
                .save_file()
        });
        if chosen.is_some() || !self.had_no_dialog() {
            return chosen;
        }
        let folder = directories::UserDirs::new().and_then(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })?;
        Some(unused_name(&folder, name, kind.extension()))
    }

    fn open_in_viewer(&self, path: &Path) -> std::io::Result<()> {
        viewer_command(path).spawn().map(drop)
    }
}

/// The command that opens a file with the desktop's default application: the few lines of the
/// `open` crate this needs, without its dependency.
fn viewer_command(path: &Path) -> std::process::Command {
    #[cfg(target_os = "windows")]
    {
        // `start` takes its first quoted argument as the window title: give it an empty one.
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]).arg(path);
        c
    }
    #[cfg(target_os = "macos")]
    {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    }
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    }
}

/// `folder/name.ext`, or `name (2).ext` and so on when that is taken: nothing is overwritten.
pub fn unused_name(folder: &Path, name: &str, extension: &str) -> PathBuf {
    let first = folder.join(format!("{name}.{extension}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| folder.join(format!("{name} ({n}).{extension}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fallback_name_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let first = unused_name(dir.path(), "交易报告", "xlsx");
        assert_eq!(first, dir.path().join("交易报告.xlsx"));
        std::fs::write(&first, b"x").unwrap();
        assert_eq!(
            unused_name(dir.path(), "交易报告", "xlsx"),
            dir.path().join("交易报告 (2).xlsx")
        );
    }
}

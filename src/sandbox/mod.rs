//! The training sandbox (培训模式): a database of its own, filled with the classroom data set,
//! rebuilt in one step, and the guided exercises a class works through on it.
//!
//! Building writes a new file next to the sandbox and renames it over the old one only once it
//! is complete, so a failed build or reset leaves the previous sandbox as it was. A file that
//! is not a sandbox (a broker's database) is never overwritten.

pub mod progress;

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;

use crate::demo::{Sizes, populate_classroom};
use crate::store::Store;

/// Every trainee gets the same data: one seed for the whole class.
pub const SEED: u64 = 42;
pub const SIZES: Sizes = Sizes {
    clients: 300,
    achievements: 2_000,
    needs: 300,
};
pub const DEALS: usize = 120;

/// The file a sandbox is built in before it replaces `path`.
pub fn building_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".building");
    PathBuf::from(name)
}

/// SQLite's companion files of a database.
fn companions(path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

fn remove_if_there(path: &Path) -> anyhow::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("cannot remove {}", path.display()))
        }
        _ => Ok(()),
    }
}

/// Builds a fresh sandbox for `path` dated around `today` in a file of its own, calling
/// `progress(done, total)` as records are stored; returns that file, for [`install`]. Refuses
/// when `path` holds a database that is not a sandbox.
pub fn prepare(
    path: &Path,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> anyhow::Result<PathBuf> {
    if path.exists() && !Store::is_sandbox_file(path) {
        bail!(
            "{} is not a training sandbox; it is left untouched",
            path.display()
        );
    }
    let building = building_path(path);
    remove_if_there(&building)?;
    for c in companions(&building) {
        remove_if_there(&c)?;
    }
    let mut store =
        Store::open(&building).with_context(|| format!("cannot create {}", building.display()))?;
    let classroom = populate_classroom(&mut store, SEED, SIZES, DEALS, today, progress)
        .context("cannot fill the sandbox")?;
    maturation::add(&mut store, today).context("cannot add the sandbox's carriers")?;
    let baseline = store.current_baseline(classroom.open_need)?;
    store.save_baseline(&baseline)?;
    // Closing the only connection folds the write-ahead log into the file.
    drop(store);
    Ok(building)
}

/// Puts a prepared sandbox in place of `path`. Nothing may have `path` open.
pub fn install(built: &Path, path: &Path) -> anyhow::Result<()> {
    for c in companions(path) {
        remove_if_there(&c)?;
    }
    std::fs::rename(built, path)
        .with_context(|| format!("cannot move {} to {}", built.display(), path.display()))
}

/// Builds (or rebuilds) the sandbox at `path`: [`prepare`] then [`install`].
pub fn build(
    path: &Path,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> anyhow::Result<()> {
    let built = prepare(path, today, progress)?;
    install(&built, path)
}

mod maturation;

#[cfg(test)]
mod tests;

//! Switching the window to the training sandbox and rebuilding it: the app's side of
//! [`crate::sandbox`], kept apart from the rest of the window.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Database, Status, TechBrokerApp};
use crate::i18n::fill;
use crate::store::Store;
use crate::ui::shell::training::{Training, start_build};

impl TechBrokerApp {
    /// Opens the sandbox where the class left it, with its exercises' progress; builds it
    /// only when there is none yet (or the file is not a sandbox any more).
    pub(in crate::ui::shell) fn start_sandbox(&mut self, from: Option<PathBuf>) {
        if self.training.is_some() || self.building.is_some() {
            return;
        }
        if !Store::is_sandbox_file(&self.sandbox_db) {
            self.build_sandbox(from);
            return;
        }
        let return_to = self.way_back(from);
        let sandbox = self.sandbox_db.clone();
        self.connect(&sandbox, false);
        if let Database::Open(_) = self.db {
            let trainee = self.settings.trainee.clone();
            self.training = Some(Training::new(return_to, trainee));
            self.status = Some(Status::Info(self.tr().sandbox_resumed.to_string()));
        }
    }

    /// Where leaving the sandbox goes: the database open before, never the sandbox itself.
    fn way_back(&self, from: Option<PathBuf>) -> PathBuf {
        match (&self.training, from) {
            (Some(t), _) => t.return_to.clone(),
            (None, from) => from
                .filter(|p| *p != self.sandbox_db)
                .unwrap_or_else(|| self.default_db.clone()),
        }
    }

    /// Builds a fresh sandbox (on a worker when the app loads in the background) and opens
    /// it. The way back is kept on a reset; otherwise it is `from`, the database open now.
    pub(in crate::ui::shell) fn build_sandbox(&mut self, from: Option<PathBuf>) {
        if self.building.is_some() {
            return;
        }
        let return_to = self.way_back(from);
        let waker = Arc::clone(&self.workers.waker);
        let building = start_build(&self.sandbox_db, self.workers.background, waker);
        // Tests build at once: open it now.
        match building.poll() {
            Some(result) => self.finish_sandbox(result, return_to),
            None => self.building = Some((building, return_to)),
        }
    }

    pub(in crate::ui::shell) fn poll_sandbox(&mut self) {
        let Some(result) = self.building.as_ref().and_then(|(b, _)| b.poll()) else {
            return;
        };
        if let Some((_, return_to)) = self.building.take() {
            self.finish_sandbox(result, return_to);
        }
    }

    /// Puts the prepared sandbox in place and opens it; on failure the sandbox (or the
    /// database open before) stays as it was.
    fn finish_sandbox(&mut self, built: Result<PathBuf, String>, return_to: PathBuf) {
        let tr = self.tr();
        let failed = |e: &dyn std::fmt::Display| {
            Status::Error(fill(tr.sandbox_build_failed, &[("detail", e)]))
        };
        let built = match built {
            Ok(built) => built,
            Err(e) => {
                if matches!(self.db, Database::Closed) {
                    self.open_database(&return_to);
                }
                self.status = Some(failed(&e));
                return;
            }
        };
        let reset = self.training.is_some();
        let trainee = self.training.take().map(|t| t.trainee).unwrap_or_default();
        // The open sandbox must be closed before its file is replaced.
        self.db = Database::Closed;
        if let Err(e) = crate::sandbox::install(&built, &self.sandbox_db) {
            self.open_database(&return_to);
            self.status = Some(failed(&format!("{e:#}")));
            return;
        }
        let sandbox = self.sandbox_db.clone();
        self.connect(&sandbox, false);
        if let Database::Open(_) = self.db {
            self.training = Some(Training::new(return_to, trainee));
            let done = if reset {
                tr.sandbox_reset_done
            } else {
                tr.sandbox_started
            };
            self.status = Some(Status::Info(done.to_string()));
        }
    }
}

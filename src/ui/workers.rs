//! How a window runs background work.

use std::sync::Arc;

use crate::work::{Job, Lost, Waker};

/// How background work runs: on worker threads that wake the window (the app), or at once
/// (tests, so a result is there on the next frame without waiting).
#[derive(Clone)]
pub struct Workers {
    pub background: bool,
    pub waker: Waker,
}

impl Workers {
    /// Runs `work` as a [`Job`] the way this window runs work.
    pub fn start<V: Send + 'static, E: From<Lost> + Send + 'static>(
        &self,
        work: impl FnOnce(&std::sync::atomic::AtomicBool, &mut dyn FnMut(u64, u64)) -> Result<V, E>
        + Send
        + 'static,
    ) -> Job<V, E> {
        Job::start(self.background, Arc::clone(&self.waker), work)
    }
}

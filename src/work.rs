//! The one way background work runs: work too long for a frame (loading the catalogues, reading
//! and importing files, exports, the dashboard's figures, building the sandbox) on a worker
//! thread, with progress and a cancel flag; in tests the same work runs at once, so results are
//! there on the next frame without waiting. No egui here: the catalogues start their load
//! through it too.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Wakes the window from a worker thread.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// The worker stopped without an answer: it panicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the work stopped before it finished")]
pub struct Lost;

impl From<Lost> for crate::io::import::ImportError {
    fn from(_: Lost) -> Self {
        crate::io::import::ImportError::Interrupted
    }
}

impl From<Lost> for crate::store::AttachError {
    fn from(lost: Lost) -> Self {
        crate::store::StoreError::Io(std::io::Error::other(lost)).into()
    }
}

impl From<Lost> for String {
    fn from(lost: Lost) -> String {
        lost.to_string()
    }
}

#[derive(Default)]
struct Shared {
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
}

pub struct Job<V, E> {
    shared: Arc<Shared>,
    result: Receiver<Result<V, E>>,
}

impl<V: Send + 'static, E: From<Lost> + Send + 'static> Job<V, E> {
    /// Runs `work(cancel, progress)` on a worker thread (`background`) or right here.
    pub fn start(
        background: bool,
        waker: Waker,
        work: impl FnOnce(&AtomicBool, &mut dyn FnMut(u64, u64)) -> Result<V, E> + Send + 'static,
    ) -> Job<V, E> {
        let shared = Arc::new(Shared::default());
        let (tx, result) = channel();
        let run = {
            let shared = Arc::clone(&shared);
            move || {
                let mut progress = |done: u64, total: u64| {
                    shared.done.store(done, Ordering::Relaxed);
                    shared.total.store(total, Ordering::Relaxed);
                    waker();
                };
                let value = work(&shared.cancel, &mut progress);
                // The receiver is gone only if the screen was closed: nobody wants the value.
                let _ = tx.send(value);
                waker();
            }
        };
        if background {
            std::thread::spawn(run);
        } else {
            run();
        }
        Job { shared, result }
    }

    /// The result, once the work is over; [`Lost`] if the worker stopped without one.
    pub fn poll(&self) -> Option<Result<V, E>> {
        match self.result.try_recv() {
            Ok(value) => Some(value),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Lost.into())),
        }
    }

    /// How much is done, out of how much (0 while the work does not know yet).
    pub fn progress(&self) -> (u64, u64) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        )
    }

    /// How far the work is, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        let (done, total) = self.progress();
        if total == 0 {
            0.0
        } else {
            (done as f64 / total as f64).clamp(0.0, 1.0) as f32
        }
    }

    pub fn cancel(&self) {
        self.shared.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A waker that tells a channel; the channel closes when the worker drops the waker (it
    /// finished, or it panicked and unwound).
    fn waker() -> (Waker, Receiver<()>) {
        let (tx, rx) = channel();
        let wake = move || {
            // The test stopped listening only once it has its answer.
            let _ = tx.send(());
        };
        (Arc::new(wake), rx)
    }

    /// Waits for the job's own events, never for a time.
    fn wait<V: Send + 'static, E: From<Lost> + Send + 'static>(
        job: &Job<V, E>,
        woken: &Receiver<()>,
    ) -> Result<V, E> {
        loop {
            if let Some(value) = job.poll() {
                return value;
            }
            if woken.recv().is_err() {
                // The worker is gone: its answer (or its absence) is there now.
                return job.poll().unwrap_or(Err(Lost.into()));
            }
        }
    }

    #[test]
    fn a_background_job_reports_progress_and_its_result() {
        let (w, woken) = waker();
        let job: Job<i32, String> = Job::start(true, w, |_, progress| {
            progress(5, 10);
            Ok(42)
        });
        assert_eq!(wait(&job, &woken), Ok(42));
        assert!((job.fraction() - 0.5).abs() < 1e-6);
    }

    #[test]
    fn a_cancelled_job_sees_the_flag() {
        let (tx, rx) = channel::<()>();
        let (w, woken) = waker();
        let job: Job<bool, String> = Job::start(true, w, move |cancel, _| {
            let _ = rx.recv();
            Ok(cancel.load(Ordering::Relaxed))
        });
        job.cancel();
        tx.send(()).unwrap();
        assert_eq!(wait(&job, &woken), Ok(true));
    }

    #[test]
    fn an_inline_job_is_done_at_once() {
        let job: Job<&str, String> = Job::start(false, Arc::new(|| {}), |_, _| Ok("done"));
        assert_eq!(job.poll(), Some(Ok("done")));
    }

    #[test]
    fn a_worker_that_stops_without_an_answer_is_reported() {
        let (w, woken) = waker();
        let job: Job<(), String> = Job::start(true, w, |_, _| {
            panic!("a bug in the worker");
        });
        assert_eq!(wait(&job, &woken), Err(Lost.to_string()));
    }
}

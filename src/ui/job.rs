//! Work too long for a frame (reading and importing files) on a worker thread, with progress
//! and a cancel flag; in tests the same work runs at once, so results are there on the next
//! frame without waiting.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};

/// Wakes the window from a worker thread.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

#[derive(Default)]
struct Shared {
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
}

pub struct Job<T> {
    shared: Arc<Shared>,
    result: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work(cancel, progress)` on a worker thread (`background`) or right here.
    pub fn start(
        background: bool,
        waker: Waker,
        work: impl FnOnce(&AtomicBool, &mut dyn FnMut(u64, u64)) -> T + Send + 'static,
    ) -> Job<T> {
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

    /// The result, once the work is over.
    pub fn poll(&self) -> Option<T> {
        self.result.try_recv().ok()
    }

    /// How far the work is, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.shared.total.load(Ordering::Relaxed);
        let done = self.shared.done.load(Ordering::Relaxed);
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

    #[test]
    fn a_background_job_reports_progress_and_its_result() {
        let job = Job::start(true, Arc::new(|| {}), |_, progress| {
            progress(5, 10);
            42
        });
        let mut value = None;
        for _ in 0..1000 {
            value = job.poll();
            if value.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(value, Some(42));
        assert!((job.fraction() - 0.5).abs() < 1e-6);
    }

    #[test]
    fn a_cancelled_job_sees_the_flag() {
        let (tx, rx) = channel::<()>();
        let job = Job::start(true, Arc::new(|| {}), move |cancel, _| {
            let _ = rx.recv();
            cancel.load(Ordering::Relaxed)
        });
        job.cancel();
        tx.send(()).unwrap();
        let mut value = None;
        for _ in 0..1000 {
            value = job.poll();
            if value.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(value, Some(true));
    }

    #[test]
    fn an_inline_job_is_done_at_once() {
        let job = Job::start(false, Arc::new(|| {}), |_, _| "done");
        assert_eq!(job.poll(), Some("done"));
    }
}

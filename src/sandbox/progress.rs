//! A trainee's progress as a small JSON file, for the trainer to collect.

use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::training::{Progress, Task};

#[derive(Serialize)]
struct Done {
    task: &'static str,
    title: String,
    done_at: DateTime<Utc>,
}

#[derive(Serialize)]
struct ProgressFile<'a> {
    trainee: &'a str,
    exported_at: DateTime<Utc>,
    tasks: usize,
    completed: Vec<Done>,
}

/// Writes `trainee`'s completed tasks, in the order of the exercise list, with their titles
/// as `title` gives them (in the UI language) and when each was done.
pub fn write_progress(
    path: &Path,
    trainee: &str,
    progress: &Progress,
    title: &dyn Fn(Task) -> String,
    exported_at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let file = ProgressFile {
        trainee: trainee.trim(),
        exported_at,
        tasks: Task::ALL.len(),
        completed: Task::ALL
            .iter()
            .filter_map(|&task| {
                progress.done_at(task).map(|done_at| Done {
                    task: task.code(),
                    title: title(task),
                    done_at,
                })
            })
            .collect(),
    };
    let text = serde_json::to_string_pretty(&file).context("cannot write the progress")?;
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

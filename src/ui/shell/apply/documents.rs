//! The documents sections' commands applied: attach through the picker (the copy on a worker,
//! with progress and a cancel, recorded here when it is done), open with the system's viewer,
//! move to the trash.

use egui::Ui;

use crate::domain::documents::{DocumentKind, Owner, display_name};
use crate::i18n::{Tr, fill};
use crate::store::{AttachError, StagedDocument, stage_document};
use crate::ui::command::{DocumentCommand, FileType};
use crate::ui::shell::app::TechBrokerApp;
use crate::work::Job;

/// A file being copied into the documents folder on a worker, and what it is to be once copied.
pub(in crate::ui::shell) struct Attaching {
    job: Job<StagedDocument, AttachError>,
    owner: Owner,
    kind: DocumentKind,
    name: String,
}

impl Attaching {
    /// Stops the copy; it leaves no file behind.
    pub(in crate::ui::shell) fn cancel(&self) {
        self.job.cancel();
    }
}

impl TechBrokerApp {
    pub(super) fn apply_documents(&mut self, cmd: DocumentCommand) {
        let tr = self.tr();
        match cmd {
            DocumentCommand::Attach { owner, kind } => {
                let Some(files_dir) = self.store().map(|s| s.files_dir()) else {
                    return;
                };
                for path in self.picker.open_files(FileType::Document) {
                    let name = display_name(&path);
                    let dir = files_dir.clone();
                    let job = self.workers.start(move |cancel, progress| {
                        stage_document(&dir, &path, cancel, progress)
                    });
                    self.attaching.push(Attaching {
                        job,
                        owner,
                        kind,
                        name,
                    });
                }
            }
            DocumentCommand::Open(id) => {
                let Some(store) = self.store() else {
                    return;
                };
                let (doc, file) = match store.get_document(id) {
                    Ok(doc) => {
                        let file = store.document_file(&doc);
                        (doc, file)
                    }
                    Err(e) => return self.failed(&e),
                };
                if !file.is_file() {
                    return self.error(fill(tr.docs_missing, &[("name", &doc.name)]));
                }
                if let Err(e) = self.picker.open_in_viewer(&file) {
                    self.error(fill(
                        tr.docs_open_failed,
                        &[("path", &file.display()), ("detail", &e)],
                    ));
                }
            }
            DocumentCommand::Trash(id) => {
                self.write_then(tr.docs_trashed, |s| s.delete_document(id));
            }
        }
    }
}

impl TechBrokerApp {
    /// Records the copies the workers finished, on this thread (the transaction is quick), and
    /// says how each went.
    pub(in crate::ui::shell) fn poll_attaching(&mut self) {
        let tr = self.tr();
        let mut finished = Vec::new();
        self.attaching.retain(|a| match a.job.poll() {
            Some(copied) => {
                finished.push((copied, a.owner, a.kind, a.name.clone()));
                false
            }
            None => true,
        });
        for (copied, owner, kind, name) in finished {
            let recorded = copied.and_then(|staged| {
                self.write(|s| s.record_document(owner, kind, staged))
                    .transpose()
                    .map_err(AttachError::from)
            });
            match recorded {
                Ok(Some(_)) => self.info(fill(tr.docs_added_one, &[("name", &name)])),
                // No database open any more: nothing to record in.
                Ok(None) => {}
                Err(AttachError::Source { path, source }) => self.error(fill(
                    tr.docs_unreadable,
                    &[("path", &path.display()), ("detail", &source)],
                )),
                Err(AttachError::Cancelled) => {
                    self.info(fill(tr.docs_copy_cancelled, &[("name", &name)]));
                }
                Err(AttachError::Store(e)) => self.failed(&e),
            }
        }
    }

    /// The copies under way, where the status line is: each with its file, how far it is and a
    /// cancel.
    pub(in crate::ui::shell) fn attaching_ui(&self, ui: &mut Ui, tr: &Tr) {
        if self.attaching.is_empty() {
            return;
        }
        egui::Panel::bottom("attaching").show(ui, |ui| {
            for a in &self.attaching {
                attaching_line(ui, a, tr);
            }
        });
    }
}

fn attaching_line(ui: &mut Ui, a: &Attaching, tr: &Tr) {
    let fraction = a.job.fraction();
    // Whole percents: the line does not flicker with every chunk copied.
    let percent = (fraction * 100.0).floor() as u32;
    ui.horizontal(|ui| {
        ui.label(fill(
            tr.docs_copying,
            &[("name", &a.name), ("percent", &percent)],
        ));
        ui.add(egui::ProgressBar::new(fraction).desired_width(200.0));
        if ui.button(tr.cancel).clicked() {
            a.cancel();
        }
    });
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::mpsc::channel;

    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::domain::DealId;
    use crate::i18n::ZH;

    /// The line of a copy under way: the real copy, held after its first chunk (by the test's
    /// own channel, never a timer) so the line can be seen and its cancel pressed.
    #[test]
    fn a_copy_under_way_shows_its_file_and_percent_and_cancel_stops_it() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("中试报告.pdf");
        // Four of the copy's chunks: a quarter is done when it is held.
        std::fs::write(&source, vec![1u8; 4 * 64 * 1024]).unwrap();
        let files = dir.path().join("broker.sqlite.files");
        let (held_tx, held) = channel();
        let (go, go_rx) = channel::<()>();
        let (woke, woken) = channel();
        let waker = Arc::new(move || {
            // The test stops listening only once it has the answer.
            let _ = woke.send(());
        });
        let (from, to) = (source.clone(), files.clone());
        let job = Job::start(true, waker, move |cancel, progress| {
            let mut first = true;
            stage_document(&to, &from, cancel, &mut |done, total| {
                progress(done, total);
                if std::mem::take(&mut first) {
                    let _ = held_tx.send(());
                    let _ = go_rx.recv();
                }
            })
        });
        held.recv().unwrap();
        let attaching = Attaching {
            job,
            owner: Owner::Deal(DealId(1)),
            kind: DocumentKind::PilotReport,
            name: display_name(&source),
        };
        let mut h = Harness::builder()
            .with_context_setup(crate::ui::shell::fonts::install)
            .build_ui_state(
                |ui, a: &mut Attaching| attaching_line(ui, a, &ZH),
                attaching,
            );
        h.run();
        h.get_by_label(&fill(
            ZH.docs_copying,
            &[("name", &"中试报告.pdf"), ("percent", &25)],
        ));
        h.get_by_label(ZH.cancel).click();
        h.run();
        go.send(()).unwrap();
        let stopped = loop {
            if let Some(result) = h.state().job.poll() {
                break result;
            }
            woken.recv().unwrap();
        };
        assert!(
            matches!(stopped, Err(AttachError::Cancelled)),
            "{stopped:?}"
        );
        let left = std::fs::read_dir(&files).unwrap().count();
        assert_eq!(left, 0, "the partial copy is removed");
    }
}

//! The documents sections' commands applied: attach through the picker, open with the system's
//! viewer, move to the trash.

use crate::domain::documents::display_name;
use crate::i18n::fill;
use crate::store::AttachError;
use crate::ui::command::{DocumentCommand, FileType};
use crate::ui::shell::app::TechBrokerApp;

impl TechBrokerApp {
    pub(super) fn apply_documents(&mut self, cmd: DocumentCommand) {
        let tr = self.tr();
        match cmd {
            DocumentCommand::Attach { owner, kind } => {
                let Some(path) = self.picker.open_file(FileType::Document) else {
                    return;
                };
                match self.write(|s| s.attach_document(owner, kind, &path)) {
                    Some(Ok(_)) => {
                        self.info(fill(tr.docs_added_one, &[("name", &display_name(&path))]));
                    }
                    Some(Err(AttachError::Source { path, source })) => self.error(fill(
                        tr.docs_unreadable,
                        &[("path", &path.display()), ("detail", &source)],
                    )),
                    Some(Err(AttachError::Store(e))) => self.failed(&e),
                    None => {}
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

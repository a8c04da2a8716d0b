//! The "文件" (documents) section of a deal's, an achievement's and a client's page: the list,
//! adding a file through the picker as a chosen kind, opening the stored copy, and moving one to
//! the trash after a confirmation. Its state lives in egui's memory under the owner, so a page
//! hooks it in with one call and no field of its own.

use egui::Ui;

use crate::domain::documents::{Document, DocumentKind, Owner, format_size};
use crate::domain::id::DocumentId;
use crate::i18n::Tr;
use crate::store::Store;
use crate::ui::command::{Command, DocumentCommand};
use crate::ui::widgets::combos::combo;
use crate::ui::widgets::{confirm_delete, read_error};

#[derive(Clone, Default)]
struct State {
    /// The store revision the list was read at; None before the first read.
    read_at: Option<u64>,
    docs: Vec<Document>,
    error: Option<String>,
    kind: DocumentKind,
    trashing: Option<(DocumentId, String)>,
}

/// Shows the documents of `owner` (a deal's, an achievement's or a client's id).
pub fn section(
    ui: &mut Ui,
    store: &Store,
    owner: impl Into<Owner>,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) {
    let owner = owner.into();
    let id = egui::Id::unique(("documents", owner));
    let mut state: State = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    // Read again only after a write, not every frame.
    if state.read_at != Some(store.revision()) {
        state.read_at = Some(store.revision());
        match store.documents(owner) {
            Ok(docs) => {
                state.docs = docs;
                state.error = None;
            }
            Err(e) => state.error = Some(e.to_string()),
        }
    }
    ui.add_space(8.0);
    ui.strong(tr.docs_title);
    read_error(ui, tr, state.error.as_deref());
    if state.docs.is_empty() {
        ui.label(tr.docs_none);
    } else {
        egui::Grid::new(("documents_list", owner))
            .num_columns(6)
            .striped(true)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for title in [tr.docs_kind, tr.docs_name, tr.docs_size, tr.docs_added] {
                    ui.label(egui::RichText::new(title).weak());
                }
                ui.end_row();
                for doc in &state.docs {
                    ui.label(tr.document_kind(doc.kind));
                    ui.label(&doc.name);
                    ui.label(format_size(doc.bytes));
                    ui.label(doc.added_at.format("%Y-%m-%d").to_string());
                    if ui.button(tr.docs_open).clicked() {
                        cmds.push(Command::Documents(DocumentCommand::Open(doc.id)));
                    }
                    if ui.button(tr.docs_trash).clicked() {
                        state.trashing = Some((doc.id, doc.name.clone()));
                    }
                    ui.end_row();
                }
            });
    }
    ui.horizontal(|ui| {
        let label = ui.label(tr.docs_kind);
        combo(
            ui,
            &format!("document_kind_{}_{}", owner.code(), owner.id()),
            &mut state.kind,
            &DocumentKind::ALL,
            |k| tr.document_kind(k),
        )
        .labelled_by(label.id);
        if ui.button(tr.docs_add).clicked() {
            cmds.push(Command::Documents(DocumentCommand::Attach {
                owner,
                kind: state.kind,
            }));
        }
    });
    if let Some((doc, name)) = state.trashing.clone() {
        match confirm_delete(ui, tr, &name) {
            Some(true) => {
                cmds.push(Command::Documents(DocumentCommand::Trash(doc)));
                state.trashing = None;
            }
            Some(false) => state.trashing = None,
            None => {}
        }
    }
    ui.data_mut(|d| d.insert_temp(id, state));
}

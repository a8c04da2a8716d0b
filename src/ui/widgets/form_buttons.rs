//! The foot every form shares: Save and Cancel, the keys that do the same (Enter or Ctrl+S, Esc),
//! and the question before Esc throws away what was typed.

use egui::Ui;

use crate::i18n::Tr;
use crate::ui::widgets::keys::{FormKey, form_keys};

/// What the broker asked the form for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Save,
    Leave,
}

/// Draw after the form's fields. `changed` says whether the draft differs from what the form
/// opened with; `asking` keeps the discard question open across frames.
pub fn form_buttons(ui: &mut Ui, tr: &Tr, changed: bool, asking: &mut bool) -> Option<FormAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button(tr.save).clicked() {
            action = Some(FormAction::Save);
        }
        if ui.button(tr.cancel).clicked() {
            action = Some(FormAction::Leave);
        }
        ui.weak(tr.keys_hint_form);
    });
    match form_keys(ui) {
        Some(FormKey::Save) => action = Some(FormAction::Save),
        Some(FormKey::Leave) if changed => *asking = true,
        Some(FormKey::Leave) => action = Some(FormAction::Leave),
        None => {}
    }
    if *asking {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("discard_form")).show(ui.ctx(), |ui| {
            ui.heading(tr.form_discard_title);
            ui.label(tr.form_discard_body);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr.form_discard_yes).clicked() {
                    answer = Some(true);
                }
                if ui.button(tr.form_keep_editing).clicked() {
                    answer = Some(false);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(false);
        }
        if let Some(discard) = answer {
            *asking = false;
            if discard {
                action = Some(FormAction::Leave);
            }
        }
    }
    action
}

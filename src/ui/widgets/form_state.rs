//! What the client, achievement and need forms share: the record edited (or none for a new
//! one), the draft as typed and as opened, the field errors, and the foot that saves or leaves.

use egui::Ui;

use crate::domain::FieldErrors;
use crate::i18n::Tr;
use crate::ui::widgets::form_buttons::{FormAction, form_buttons};

pub struct FormState<I, D, F> {
    /// None for a new record.
    pub id: Option<I>,
    pub draft: D,
    pub errors: FieldErrors<F>,
    /// The draft as opened, to tell whether leaving loses anything.
    opened: D,
    asking_discard: bool,
    /// Once a save was refused, the draft as last checked: every change is checked again, so
    /// an error goes as soon as its field is corrected.
    checked: Option<D>,
}

impl<I, D: Default, F: PartialEq + Copy> Default for FormState<I, D, F> {
    fn default() -> Self {
        Self {
            id: None,
            draft: D::default(),
            errors: FieldErrors::new(),
            opened: D::default(),
            asking_discard: false,
            checked: None,
        }
    }
}

/// What the broker asked the form for, once the draft has been checked.
pub enum Outcome<I, D> {
    /// The draft passed its checks: save it (under `id`, or as a new record).
    Save { id: Option<I>, draft: D },
    /// Back to the record, or to the list for a new one.
    Leave(Option<I>),
}

impl<I: Copy, D: Clone + PartialEq, F: PartialEq + Copy> FormState<I, D, F> {
    pub fn new(draft: D) -> Self {
        Self {
            id: None,
            opened: draft.clone(),
            draft,
            errors: FieldErrors::new(),
            asking_discard: false,
            checked: None,
        }
    }

    pub fn edit(id: I, draft: D) -> Self {
        Self {
            id: Some(id),
            ..Self::new(draft)
        }
    }

    /// The store refused the save: its errors show until the draft changes.
    pub fn refused(&mut self, errors: FieldErrors<F>) {
        self.errors = errors;
        self.checked = Some(self.draft.clone());
    }

    pub fn heading(&self, ui: &mut Ui, new: &str, edit: &str) {
        ui.heading(if self.id.is_some() { edit } else { new });
        ui.add_space(8.0);
    }

    /// Save and Cancel with their keys; a draft that fails `check` keeps the form open with
    /// its errors shown.
    pub fn foot<T>(
        &mut self,
        ui: &mut Ui,
        tr: &Tr,
        check: impl Fn(&D) -> Result<T, FieldErrors<F>>,
    ) -> Option<Outcome<I, D>> {
        if self.checked.as_ref().is_some_and(|d| *d != self.draft) {
            self.errors = check(&self.draft).err().unwrap_or_default();
            self.checked = Some(self.draft.clone());
        }
        ui.add_space(12.0);
        let changed = self.draft != self.opened;
        match form_buttons(ui, tr, changed, &mut self.asking_discard)? {
            FormAction::Save => match check(&self.draft) {
                Ok(_) => Some(Outcome::Save {
                    id: self.id,
                    draft: self.draft.clone(),
                }),
                Err(errors) => {
                    self.errors = errors;
                    self.checked = Some(self.draft.clone());
                    None
                }
            },
            FormAction::Leave => Some(Outcome::Leave(self.id)),
        }
    }
}

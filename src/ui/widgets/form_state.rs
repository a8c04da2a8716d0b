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
        recheck_on_change(&self.draft, &mut self.checked, &mut self.errors, &check);
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

/// Once a save was refused (`checked` holds the draft as last checked), checks every change of
/// the draft again, so an error goes as soon as its field is corrected.
fn recheck_on_change<D: Clone + PartialEq, F: PartialEq + Copy, T>(
    draft: &D,
    checked: &mut Option<D>,
    errors: &mut FieldErrors<F>,
    check: impl Fn(&D) -> Result<T, FieldErrors<F>>,
) {
    if checked.as_ref().is_some_and(|d| d != draft) {
        *errors = check(draft).err().unwrap_or_default();
        *checked = Some(draft.clone());
    }
}

/// The field errors of a form that is part of a page (a deal's terms, its registration)
/// rather than a form of its own: shown until corrected, like [`FormState`]'s.
pub struct Checked<D, F> {
    pub errors: FieldErrors<F>,
    checked: Option<D>,
}

impl<D, F: PartialEq + Copy> Default for Checked<D, F> {
    fn default() -> Self {
        Self {
            errors: FieldErrors::new(),
            checked: None,
        }
    }
}

impl<D: Clone + PartialEq, F: PartialEq + Copy> Checked<D, F> {
    /// Checks `draft` for a save: what passes is returned, what fails is shown.
    pub fn submit<T>(
        &mut self,
        draft: &D,
        check: impl Fn(&D) -> Result<T, FieldErrors<F>>,
    ) -> Option<T> {
        match check(draft) {
            Ok(value) => {
                *self = Self::default();
                Some(value)
            }
            Err(errors) => {
                self.refused(draft, errors);
                None
            }
        }
    }

    /// The store refused the save: its errors show until the draft changes.
    pub fn refused(&mut self, draft: &D, errors: FieldErrors<F>) {
        self.errors = errors;
        self.checked = Some(draft.clone());
    }

    /// Call every frame: after a refusal, a changed draft is checked again.
    pub fn recheck<T>(&mut self, draft: &D, check: impl Fn(&D) -> Result<T, FieldErrors<F>>) {
        recheck_on_change(draft, &mut self.checked, &mut self.errors, check);
    }
}

//! Keys inside screens: a form's save and leave keys, a table's arrows, Enter and Delete, and
//! whether an Enter belongs to Chinese input rather than to the form.
//!
//! [`follow_input`] runs once a frame before any screen and notes what the frame began with:
//! whether a widget had the keyboard, whether a popup or dialog was open, whether the input
//! method was composing. Screens ask the functions below, which read that note.

use egui::{Context, Event, Id, ImeEvent, Key, KeyboardShortcut, Modifiers, Ui};

pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);

/// What the frame began with.
#[derive(Debug, Clone, Copy, Default)]
struct Start {
    /// A widget (a text field, most often) had the keyboard.
    focused: bool,
    /// A popup (a combo box's list, a menu) or a dialog was open.
    overlay: bool,
    /// The input method is composing (pinyin typed, not yet committed).
    composing: bool,
    /// An input-method event arrived this frame: an Enter in the same frame committed it.
    ime_now: bool,
}

fn start_id() -> Id {
    Id::unique("techbroker_keys_start")
}

fn submit_id() -> Id {
    Id::unique("techbroker_keys_submit")
}

/// Notes how the frame begins; call it once a frame, before any screen is drawn.
///
/// An Enter pressed while the input method composes, or in the frame that commits, is the
/// input method's: it is taken out of the frame's input before any field sees it, so the field
/// keeps the keyboard and the form is not submitted.
pub fn follow_input(ctx: &Context) {
    let was = ctx.data(|d| d.get_temp::<Start>(start_id()).unwrap_or_default());
    let mut composing = was.composing;
    let mut ime_now = false;
    let mut escape = false;
    ctx.input_mut(|i| {
        i.events.retain(|event| match event {
            Event::Ime(ime) => {
                ime_now = true;
                match ime {
                    ImeEvent::Preedit { text, .. } => composing = !text.is_empty(),
                    ImeEvent::Commit(_) => composing = false,
                    _ => {}
                }
                true
            }
            Event::Key {
                key: Key::Enter,
                pressed: true,
                ..
            } => !(composing || ime_now),
            Event::Key {
                key: Key::Escape,
                pressed: true,
                ..
            } => {
                escape = true;
                true
            }
            _ => true,
        });
        if ime_now {
            i.keys_down.remove(&Key::Enter);
        }
    });
    let left_focused = ctx.data(|d| d.get_temp::<bool>(end_id()).unwrap_or(false));
    // egui takes the keyboard from a field on Esc before the frame starts: that Esc was for
    // the field.
    let focused = ctx.memory(|m| m.focused().is_some()) || (escape && left_focused);
    if !focused {
        composing = false;
    }
    let overlay = egui::Popup::is_any_open(ctx) || ctx.memory(|m| m.top_modal_layer().is_some());
    let start = Start {
        focused,
        overlay,
        composing,
        ime_now,
    };
    ctx.data_mut(|d| {
        d.insert_temp(start_id(), start);
        d.remove_temp::<bool>(submit_id());
    });
}

/// Notes whether a widget has the keyboard as the frame ends; call it after every screen.
pub fn end_frame(ctx: &Context) {
    let focused = ctx.memory(|m| m.focused().is_some());
    ctx.data_mut(|d| d.insert_temp(end_id(), focused));
}

fn end_id() -> Id {
    Id::unique("techbroker_keys_end")
}

fn start(ctx: &Context) -> Start {
    ctx.data(|d| d.get_temp::<Start>(start_id()).unwrap_or_default())
}

/// Whether an Enter pressed now is the broker's and not the input method's.
pub fn enter_is_ours(ctx: &Context) -> bool {
    let s = start(ctx);
    !s.composing && !s.ime_now && ctx.input(|i| i.key_pressed(Key::Enter))
}

/// A form's single-line field: Enter in it asks the form to save (see [`form_keys`]).
pub fn submits_on_enter(ui: &Ui, response: &egui::Response) {
    if response.lost_focus() && enter_is_ours(ui.ctx()) {
        ui.ctx().data_mut(|d| d.insert_temp(submit_id(), true));
    }
}

/// What a form's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Save,
    Leave,
}

/// Call at the end of a form, after its fields: Ctrl+S, or Enter in one of its single-line
/// fields, saves; Esc leaves, unless it only left a field or closed a popup.
pub fn form_keys(ui: &mut Ui) -> Option<FormKey> {
    let ctx = ui.ctx().clone();
    let entered = ctx
        .data_mut(|d| d.remove_temp::<bool>(submit_id()))
        .unwrap_or(false);
    if entered || ctx.input_mut(|i| i.consume_shortcut(&SAVE)) {
        return Some(FormKey::Save);
    }
    let s = start(&ctx);
    if !s.focused && !s.overlay && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        return Some(FormKey::Leave);
    }
    None
}

/// What a table's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKey<I> {
    Open(I),
    Delete(I),
}

/// Up, Down, Home, End, Page Up and Page Down move the selection through `ids` (the rows in
/// the order shown); Enter opens the selected row and Delete asks to delete it. Keys count only
/// while no field has the keyboard and no popup is open. Returns the row to scroll to, if the
/// selection moved, and what was asked.
pub fn table_keys<I: Copy + PartialEq>(
    ui: &mut Ui,
    ids: impl FnOnce() -> Vec<I>,
    selected: &mut Option<I>,
) -> (Option<usize>, Option<RowKey<I>>) {
    let s = start(ui.ctx());
    const KEYS: [Key; 8] = [
        Key::ArrowDown,
        Key::ArrowUp,
        Key::PageDown,
        Key::PageUp,
        Key::Home,
        Key::End,
        Key::Enter,
        Key::Delete,
    ];
    if s.focused || s.overlay || !ui.input(|i| KEYS.iter().any(|&k| i.key_pressed(k))) {
        return (None, None);
    }
    // Only now, when a key asks for it: the list can hold 100,000 rows.
    let ids = ids();
    if ids.is_empty() {
        return (None, None);
    }
    let at = selected.and_then(|id| ids.iter().position(|&i| i == id));
    let last = ids.len() - 1;
    let moved = ui.input_mut(|i| {
        let mut to = None;
        for (key, step) in [
            (Key::ArrowDown, 1isize),
            (Key::ArrowUp, -1),
            (Key::PageDown, 10),
            (Key::PageUp, -10),
        ] {
            // Every press counts: keys typed fast arrive several to a frame.
            for _ in 0..i.count_and_consume_key(Modifiers::NONE, key) {
                let from = to.or(at);
                to = Some(match from {
                    None if step > 0 => 0,
                    None => last,
                    Some(p) => p.saturating_add_signed(step).min(last),
                });
            }
        }
        if i.consume_key(Modifiers::NONE, Key::Home) {
            to = Some(0);
        }
        if i.consume_key(Modifiers::NONE, Key::End) {
            to = Some(last);
        }
        to
    });
    if let Some(p) = moved {
        *selected = ids.get(p).copied();
    }
    let current = selected.filter(|id| ids.contains(id));
    let asked = current.and_then(|id| {
        ui.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                Some(RowKey::Open(id))
            } else if i.consume_key(Modifiers::NONE, Key::Delete) {
                Some(RowKey::Delete(id))
            } else {
                None
            }
        })
    });
    (moved, asked)
}

/// Gives `response` the keyboard once, when `wanted` is set, and clears it: asking every
/// frame would stop input reaching the window on X11.
pub fn focus_once(response: &egui::Response, wanted: &mut bool) {
    if std::mem::take(wanted) && !response.has_focus() {
        response.request_focus();
    }
}

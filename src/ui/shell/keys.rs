//! Keyboard shortcuts.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::ui::command::Command;

const NEW_CLIENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);

/// The commands the keys pressed this frame ask for.
pub fn shortcuts(ui: &mut Ui, cmds: &mut Vec<Command>) {
    if ui.input_mut(|i| i.consume_shortcut(&NEW_CLIENT)) {
        cmds.push(Command::NewClient);
    }
}

//! The command table: every action the menus, the keyboard and the command palette offer, with
//! its label and its keys. Menus draw their entries from it, the keys are read from it, and the
//! palette lists it, so an action cannot have a key the menu does not show.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::i18n::{EN, Tr, fill};
use crate::ui::command::{Command, Screen, TeamCommand};
use crate::ui::shell::screens::destinations;

/// Where an action sits in the menu bar, if anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    Go,
    Help,
    /// Only in the palette and on the keyboard.
    None,
}

pub struct Action {
    pub label: fn(&Tr) -> &'static str,
    pub keys: Option<KeyboardShortcut>,
    pub menu: Menu,
    pub command: Command,
}

fn act(
    label: fn(&Tr) -> &'static str,
    keys: Option<KeyboardShortcut>,
    menu: Menu,
    command: Command,
) -> Action {
    Action {
        label,
        keys,
        menu,
        command,
    }
}

const fn ctrl(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
}

/// Ctrl+0 is the tenth, as on a keyboard's row of digits.
const DIGITS: [Key; 10] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
    Key::Num0,
];

/// Every action, in menu order; the destinations of the navigation get Ctrl+1 to Ctrl+0.
pub fn actions() -> Vec<Action> {
    let mut all = vec![
        act(|tr| tr.menu_new_db, None, Menu::File, Command::NewDatabase),
        act(
            |tr| tr.menu_open_db,
            ctrl(Key::O),
            Menu::File,
            Command::OpenDatabase,
        ),
        act(
            |tr| tr.menu_import,
            ctrl(Key::I),
            Menu::File,
            Command::ImportHere,
        ),
        act(
            |tr| tr.act_export_here,
            ctrl(Key::E),
            Menu::File,
            Command::ExportHere,
        ),
        act(|tr| tr.menu_backups, None, Menu::File, Command::ShowBackups),
        act(
            |tr| tr.menu_join_team,
            None,
            Menu::File,
            Command::Team(TeamCommand::OpenJoin),
        ),
        act(
            |tr| tr.team_conflicts_title,
            None,
            Menu::File,
            Command::Navigate(Screen::TeamConflicts),
        ),
        act(
            |tr| tr.act_new_record,
            ctrl(Key::N),
            Menu::None,
            Command::NewRecord,
        ),
        act(|tr| tr.act_new_client, None, Menu::None, Command::NewClient),
        act(
            |tr| tr.act_new_achievement,
            None,
            Menu::None,
            Command::NewAchievement { owner: None },
        ),
        act(
            |tr| tr.act_new_need,
            None,
            Menu::None,
            Command::NewNeed { enterprise: None },
        ),
        act(|tr| tr.new_deal, None, Menu::None, Command::NewDeal),
        act(
            |tr| tr.act_find,
            ctrl(Key::F),
            Menu::None,
            Command::FocusSearch,
        ),
        act(
            |tr| tr.menu_palette,
            ctrl(Key::K),
            Menu::Help,
            Command::OpenPalette,
        ),
        act(|tr| tr.menu_about, None, Menu::Help, Command::ShowAbout),
    ];
    for (i, (label, screen)) in destinations().enumerate() {
        let keys = DIGITS.get(i).and_then(|&k| ctrl(k));
        all.push(act(label, keys, Menu::Go, Command::Navigate(screen)));
    }
    all
}

impl Action {
    /// The label the palette lists: destinations read "Go to: Clients".
    fn palette_text(&self, tr: &Tr) -> String {
        let label = (self.label)(tr);
        match self.menu {
            Menu::Go => fill(tr.act_go, &[("screen", &label)]),
            Menu::File | Menu::Help | Menu::None => label.to_string(),
        }
    }
}

/// The commands the keys pressed this frame ask for.
pub fn shortcuts(ui: &mut Ui, actions: &[Action], cmds: &mut Vec<Command>) {
    for action in actions {
        if let Some(keys) = &action.keys
            && ui.input_mut(|i| i.consume_shortcut(keys))
        {
            cmds.push(action.command.clone());
        }
    }
}

/// The entries of one menu, each with its keys shown beside it.
pub fn menu_entries(ui: &mut Ui, actions: &[Action], menu: Menu, tr: &Tr, cmds: &mut Vec<Command>) {
    for action in actions.iter().filter(|a| a.menu == menu) {
        if keyed_button(ui, None, (action.label)(tr), action.keys.as_ref()).clicked() {
            cmds.push(action.command.clone());
            ui.close();
        }
    }
}

/// A button with its keys shown at its right; screen readers (and tests) know it by its label
/// alone.
fn keyed_button(
    ui: &mut Ui,
    selected: Option<bool>,
    label: &str,
    keys: Option<&KeyboardShortcut>,
) -> egui::Response {
    let keys = keys
        .map(|k| ui.ctx().format_shortcut(k))
        .unwrap_or_default();
    let button = match selected {
        // A palette row spans the palette, its keys at the right edge.
        Some(selected) => egui::Button::selectable(selected, label)
            .min_size(egui::vec2(ui.available_width(), 0.0)),
        None => egui::Button::new(label),
    };
    let response = ui.add(button.shortcut_text(keys));
    let enabled = ui.is_enabled();
    response.widget_info(|| match selected {
        Some(selected) => egui::WidgetInfo::selected(egui::Role::Button, enabled, selected, label),
        None => egui::WidgetInfo::labeled(egui::Role::Button, enabled, label),
    });
    response
}

/// The command palette: a search over every action's label in both languages.
#[derive(Default)]
pub struct Palette {
    query: String,
    /// Position in the entries that match.
    selected: usize,
    focus: bool,
}

impl Palette {
    pub fn new() -> Self {
        Self {
            focus: true,
            ..Self::default()
        }
    }

    /// Shows the palette; false once it has closed (an action chosen, Esc, or a click outside).
    pub fn show(
        &mut self,
        ui: &mut Ui,
        actions: &[Action],
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) -> bool {
        let needle = self.query.trim().to_lowercase();
        let matching: Vec<&Action> = actions
            .iter()
            .filter(|a| {
                needle.is_empty()
                    || a.palette_text(tr).to_lowercase().contains(&needle)
                    || a.palette_text(&EN).to_lowercase().contains(&needle)
            })
            .collect();
        let enter = crate::ui::widgets::keys::enter_is_ours(ui.ctx());
        // Every press counts: keys typed fast arrive several to a frame.
        let (down, up) = ui.input_mut(|i| {
            (
                i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
                i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
            )
        });
        self.selected = (self.selected + down)
            .saturating_sub(up)
            .min(matching.len().saturating_sub(1));
        self.selected = self.selected.min(matching.len().saturating_sub(1));
        let mut chosen = None;
        let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ui.ctx(), |ui| {
            ui.set_width(420.0);
            ui.heading(tr.palette_title);
            let label = ui.label(tr.palette_search);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .id(egui::Id::unique("palette_query"))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            crate::ui::widgets::keys::focus_once(&field, &mut self.focus);
            if field.changed() {
                self.selected = 0;
            }
            ui.separator();
            if matching.is_empty() {
                ui.label(tr.palette_none);
            }
            // One height whatever the query: a list that shrinks and grows as the broker types
            // would keep the size of a frame before.
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .max_height(360.0)
                .show(ui, |ui| {
                    for (i, action) in matching.iter().enumerate() {
                        let row = keyed_button(
                            ui,
                            Some(i == self.selected),
                            &action.palette_text(tr),
                            action.keys.as_ref(),
                        );
                        if i == self.selected && up + down > 0 {
                            row.scroll_to_me(None);
                        }
                        if row.clicked() {
                            chosen = Some(i);
                        }
                    }
                });
        });
        if enter && !matching.is_empty() {
            chosen = Some(self.selected);
        }
        if let Some(action) = chosen.and_then(|i| matching.get(i)) {
            cmds.push(action.command.clone());
            return false;
        }
        !modal.should_close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ZH;

    #[test]
    fn no_two_actions_share_keys_or_labels() {
        let all = actions();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(a.keys.is_none() || a.keys != b.keys, "{}", (a.label)(&ZH));
                assert_ne!(a.palette_text(&ZH), b.palette_text(&ZH));
                assert_ne!(a.palette_text(&EN), b.palette_text(&EN));
            }
        }
    }

    #[test]
    fn the_keys_the_issue_names_are_in_the_table() {
        let keyed: Vec<(Command, Key)> = actions()
            .into_iter()
            .filter_map(|a| a.keys.map(|k| (a.command, k.logical_key)))
            .collect();
        for (command, key) in [
            (Command::NewRecord, Key::N),
            (Command::FocusSearch, Key::F),
            (Command::ImportHere, Key::I),
            (Command::ExportHere, Key::E),
            (Command::OpenDatabase, Key::O),
            (Command::OpenPalette, Key::K),
        ] {
            assert!(keyed.contains(&(command.clone(), key)), "{command:?}");
        }
        let keyed_destinations = keyed
            .iter()
            .filter(|(c, _)| matches!(c, Command::Navigate(_)))
            .count();
        assert_eq!(keyed_destinations, destinations().count());
    }
}

//! Choosers the catalogue screens share: enum combos, a client picker, a price input, sortable
//! headers.

use egui::{Response, Ui};

use crate::domain::{ClientId, ClientKind, ClientRow};
use crate::i18n::Tr;

/// A combo box over every value of an enum.
pub fn combo<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut T,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> Response {
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(label(*value))
        .show_ui(ui, |ui| {
            for &v in all {
                ui.selectable_value(value, v, label(v));
            }
        })
        .response
}

/// A combo box over an optional value: `none` stands for "any" or "not set".
pub fn option_combo<T: Clone + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut Option<T>,
    all: &[T],
    none: &str,
    label: impl Fn(&T) -> String,
) -> Response {
    let selected = value.as_ref().map_or_else(|| none.to_string(), &label);
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none);
            for v in all {
                ui.selectable_value(value, Some(v.clone()), label(v));
            }
        })
        .response
}

/// How many matches the client picker offers at once.
const PICKER_MATCHES: usize = 8;

/// Chooses a client by typing part of its name. Only clients of the `allowed` kinds are offered.
pub fn client_picker(
    ui: &mut Ui,
    query: &mut String,
    selected: &mut Option<ClientId>,
    clients: &[ClientRow],
    allowed: &[ClientKind],
    tr: &Tr,
) -> Response {
    let name = |id| clients.iter().find(|c| c.id == id).map(|c| c.name.clone());
    let matches = |needle: &str| {
        let needle = needle.to_lowercase();
        clients
            .iter()
            .filter(|c| allowed.contains(&c.kind) && c.name.to_lowercase().contains(&needle))
            .take(PICKER_MATCHES)
            .map(|c| (c.id, c.name.clone()))
            .collect()
    };
    picker(ui, query, selected, name, matches, tr)
}

/// A record chosen by typing part of its name: once chosen, its name and a button to change
/// it; before, a field whose text offers the `matches` (id and name) to click.
pub fn picker<I: Copy + std::fmt::Display>(
    ui: &mut Ui,
    query: &mut String,
    selected: &mut Option<I>,
    name: impl Fn(I) -> Option<String>,
    matches: impl FnOnce(&str) -> Vec<(I, String)>,
    tr: &Tr,
) -> Response {
    if let Some(id) = *selected {
        let shown_name = name(id).unwrap_or_else(|| format!("#{id}"));
        return ui
            .horizontal(|ui| {
                let shown = ui.strong(shown_name);
                if ui.small_button(tr.change).clicked() {
                    *selected = None;
                }
                shown
            })
            .inner;
    }
    ui.vertical(|ui| {
        let edit = ui.add(
            egui::TextEdit::singleline(query)
                .hint_text(tr.picker_hint)
                .desired_width(320.0),
        );
        let needle = query.trim().to_string();
        if !needle.is_empty() {
            for (id, label) in matches(&needle) {
                if ui.selectable_label(false, label).clicked() {
                    *selected = Some(id);
                    query.clear();
                }
            }
        }
        edit
    })
    .inner
}

/// "Negotiable" or an amount in yuan; returns the amount field, for its label.
pub fn price_input(ui: &mut Ui, negotiable: &mut bool, amount: &mut String, tr: &Tr) -> Response {
    ui.horizontal(|ui| {
        ui.checkbox(negotiable, tr.negotiable);
        amount_field(ui, amount, 160.0, !*negotiable, tr)
    })
    .inner
}

/// A form's amount in yuan, for [`super::form_row`]: the unit after the field and, once the
/// text reads as an amount, that amount with separators and in 万元 under it (forms take yuan,
/// lists speak 万元: 1000000 and 100万 must not be confused). Enter saves the form.
pub fn amount_input<'a>(
    amount: &'a mut String,
    tr: &'a Tr,
) -> impl FnOnce(&mut Ui) -> Response + 'a {
    move |ui| amount_field(ui, amount, 160.0, true, tr)
}

/// The field and its unit on one line, the read-back under them: beside the field it would
/// run past a half-width column (a form on one side of a two-column page at 1024 wide).
fn amount_field(ui: &mut Ui, amount: &mut String, width: f32, enabled: bool, tr: &Tr) -> Response {
    ui.vertical(|ui| {
        let edit = ui
            .horizontal(|ui| {
                let unit = egui::WidgetText::from(tr.yuan_unit).into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Body,
                );
                let room = ui.available_width() - unit.size().x - ui.spacing().item_spacing.x;
                let edit = ui.add_enabled(
                    enabled,
                    egui::TextEdit::singleline(amount).desired_width(width.min(room)),
                );
                super::keys::submits_on_enter(ui, &edit);
                ui.label(unit);
                edit
            })
            .inner;
        if enabled {
            amount_read_back(ui, amount, tr);
        }
        edit
    })
    .inner
}

/// Forms take yuan; lists speak 万元: an amount field's text as read, both ways, once it reads
/// as an amount. Wrapped to the width it is given, so it never runs under a neighbour.
pub fn amount_read_back(ui: &mut Ui, amount: &str, tr: &Tr) {
    if let Ok(m) = crate::domain::Money::parse_yuan(amount)
        && m.fen() > 0
    {
        let read = crate::i18n::fill(
            tr.amount_read_as,
            &[("yuan", &m.yuan_text()), ("wan", &m.wan_text())],
        );
        ui.add(egui::Label::new(egui::RichText::new(read).weak()).wrap());
    }
}

/// A column header that sorts: shows the direction when active, returns true when clicked.
pub fn sort_header(ui: &mut Ui, title: &str, active: bool, descending: bool) -> bool {
    let arrow = match (active, descending) {
        (false, _) => "",
        (true, false) => " ↑",
        (true, true) => " ↓",
    };
    ui.add(egui::Button::new(format!("{title}{arrow}")).frame(false))
        .clicked()
}

//! Small pieces the screens share: labelled form rows, error text, the date picker.

pub mod catalog_list;
pub mod catalog_table;
pub mod combos;
pub mod date_picker;
pub mod documents;
pub mod form_buttons;
pub mod form_state;
pub mod interaction_log;
pub mod keys;
pub mod list_view;
pub mod team;

pub use date_picker::date_picker;

use chrono::NaiveDate;
use egui::{Response, RichText, Ui};

use crate::domain::Problem;
use crate::i18n::Tr;
use crate::ui::command::FileType;
use crate::ui::command::{Command, ListKind};

/// The most of a form's width its labels take before they wrap.
const LABEL_SHARE: f32 = 0.45;

/// One row of a two-column form grid: the label, then the widget (named by that label, so screen
/// readers and tests find it) with the field's problem under it.
pub fn form_row(
    ui: &mut Ui,
    tr: &Tr,
    label: &str,
    required: bool,
    problem: Option<Problem>,
    add: impl FnOnce(&mut Ui) -> Response,
) {
    // A long label (English ones are) wraps rather than take the field's room: in half a page
    // at 1024 wide the field would be left too narrow. The grid's Ui spans the whole form. Laid
    // out first so that its cell is as tall as its lines and the grid centres it on its row.
    let text = egui::WidgetText::from(label).into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        ui.max_rect().width() * LABEL_SHARE,
        egui::TextStyle::Body,
    );
    let size = egui::vec2(
        text.size().x,
        text.size().y.max(ui.spacing().interact_size.y),
    );
    let label_id = ui
        .allocate_ui(size, |ui| {
            ui.horizontal(|ui| {
                let id = ui.label(text).id;
                if required {
                    ui.label(RichText::new("*").color(ui.visuals().error_fg_color))
                        .on_hover_text(tr.required_mark);
                }
                id
            })
            .inner
        })
        .inner;
    ui.vertical(|ui| {
        add(ui).labelled_by(label_id);
        if let Some(p) = problem {
            error_text(ui, &tr.problem(p));
        }
    });
    ui.end_row();
}

/// A single-line text field for [`form_row`]; Enter in it saves the form (see
/// [`keys::form_keys`]).
pub fn text_field(value: &mut String, width: f32) -> impl FnOnce(&mut Ui) -> Response + '_ {
    move |ui| {
        let response = ui.add(egui::TextEdit::singleline(value).desired_width(fitting(ui, width)));
        keys::submits_on_enter(ui, &response);
        response
    }
}

/// `width`, or less where the form has less room left (a form in one column of a two-column
/// page at 1024 wide): a fixed width would run the field under the other column.
pub fn fitting(ui: &Ui, width: f32) -> f32 {
    width.min(ui.available_width())
}

/// Asks whether to move `name` to the trash; Some(true) once confirmed, Some(false) when
/// cancelled (or closed with Esc), None while it stays open.
pub fn confirm_delete(ui: &mut Ui, tr: &Tr, name: &str) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ui.ctx(), |ui| {
        ui.heading(tr.confirm_delete_title);
        ui.label(crate::i18n::fill(
            tr.confirm_delete_body,
            &[("name", &name)],
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let yes = ui.button(tr.confirm_delete_yes);
            if yes.clicked() {
                answer = Some(true);
            }
            if ui.button(tr.cancel).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

pub fn error_text(ui: &mut Ui, text: &str) -> Response {
    ui.label(RichText::new(text).color(ui.visuals().error_fg_color))
}

/// "2026-11-28".
pub fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The list's export menu: CSV, Excel, and for records TechBroker can import, JSON.
pub fn export_menu(ui: &mut Ui, list: ListKind, tr: &Tr, cmds: &mut Vec<Command>) {
    ui.menu_button(tr.export_menu, |ui| {
        let mut formats = vec![
            (FileType::Csv, tr.export_as_csv),
            (FileType::Xlsx, tr.export_as_xlsx),
        ];
        if list != ListKind::Deals {
            formats.push((FileType::Json, tr.export_as_json));
        }
        for (format, label) in formats {
            if ui.button(label).clicked() {
                cmds.push(Command::ExportList(list, format));
            }
        }
    });
}

/// The day on this computer's clock.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Says why the data shown could not be read again, while that stands.
pub fn read_error(ui: &mut Ui, tr: &Tr, error: Option<&str>) {
    if let Some(e) = error {
        error_text(ui, &crate::i18n::fill(tr.db_error, &[("detail", &e)]));
    }
}

/// A filter's label and its control on one line, so that a wrapping toolbar moves them
/// together: otherwise "地区" ends one line and its list starts the next, or the label itself
/// breaks between its characters.
pub fn labelled(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui) -> Response) -> Response {
    together(ui, label, |ui| {
        let label = ui.label(label);
        add(ui).labelled_by(label.id)
    })
}

/// Widgets kept on one line of a wrapping toolbar, starting a new line when they do not fit
/// in what is left of this one. A group has no width until drawn, so the width it took last
/// frame decides (and the first frame is drawn again once it is known).
pub fn together<R>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let id = ui.scope_id().with(("together", id_salt));
    let known: Option<f32> = ui.ctx().data(|d| d.get_temp(id));
    if ui.layout().main_wrap
        && known.is_some_and(|w| w > ui.available_size_before_wrap().x)
        && ui.cursor().left() > ui.max_rect().left()
    {
        ui.end_row();
    }
    let response = ui.horizontal(add);
    let width = response.response.rect.width();
    if known != Some(width) {
        ui.ctx().data_mut(|d| d.insert_temp(id, width));
        if known.is_none() {
            ui.ctx().request_discard("a toolbar group measured");
        }
    }
    response.inner
}

/// A table whose column widths start again from their initial and remainder widths when the
/// room it has changes (the window resized, the exercise panel opened): egui_extras keeps the
/// widths it laid out once, so a table laid out wide would stay cut off when the room shrinks.
pub fn fitted_table<'a>(ui: &'a mut Ui, name: &str) -> egui_extras::TableBuilder<'a> {
    // In steps of 32 px, so a table is not laid out afresh for every pixel of a drag.
    let room = (ui.available_width() / 32.0).round() as i32;
    egui_extras::TableBuilder::new(ui).id_salt((name.to_string(), room))
}

//! A date field with a calendar in the UI language (egui_extras' picker speaks only English:
//! December, Mo Tu We, Cancel, Save). The button shows the date; clicking it opens a month's
//! calendar; a day picked closes it.

use chrono::{Datelike, Months, NaiveDate};
use egui::{Popup, PopupCloseBehavior, Response, Ui};

use crate::i18n::{Tr, fill};
use crate::ui::widgets::fmt_date;

/// Shows `date` as a button opening a calendar; `changed()` on the response when a day is
/// picked.
pub fn date_picker(ui: &mut Ui, id_salt: &str, date: &mut NaiveDate, tr: &Tr) -> Response {
    let id = ui.make_persistent_id(id_salt);
    let mut button = ui.button(fmt_date(*date));
    let mut picked = None;
    Popup::from_toggle_button_response(&button)
        .id(id.with("popup"))
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let first = first_of_month(*date);
            let mut month = ui.data(|d| d.get_temp::<NaiveDate>(id)).unwrap_or(first);
            picked = calendar(ui, id, &mut month, *date, tr);
            ui.data_mut(|d| d.insert_temp(id, month));
            if picked.is_some() {
                ui.close();
            }
        });
    if let Some(d) = picked {
        *date = d;
        // The next opening starts at the month picked.
        ui.data_mut(|data| data.remove_temp::<NaiveDate>(id));
        button.mark_changed();
    }
    button
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// One month: the way to the months around it, the weekdays, the days. Returns the day picked.
fn calendar(
    ui: &mut Ui,
    id: egui::Id,
    month: &mut NaiveDate,
    selected: NaiveDate,
    tr: &Tr,
) -> Option<NaiveDate> {
    let mut picked = None;
    ui.horizontal(|ui| {
        if ui
            .small_button("‹")
            .on_hover_text(tr.cal_previous)
            .clicked()
            && let Some(m) = month.checked_sub_months(Months::new(1))
        {
            *month = m;
        }
        let title = fill(
            tr.cal_month,
            &[("year", &month.year()), ("month", &month.month())],
        );
        ui.strong(title);
        if ui.small_button("›").on_hover_text(tr.cal_next).clicked()
            && let Some(m) = month.checked_add_months(Months::new(1))
        {
            *month = m;
        }
        if ui.small_button(tr.cal_today).clicked() {
            picked = Some(crate::ui::widgets::today());
        }
    });
    egui::Grid::new(id.with("days"))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for day in tr.cal_weekdays.split(' ') {
                ui.weak(day);
            }
            ui.end_row();
            let offset = month.weekday().num_days_from_monday();
            for _ in 0..offset {
                ui.label("");
            }
            let mut column = offset;
            let mut day = *month;
            while day.month() == month.month() {
                if ui
                    .selectable_label(day == selected, day.day().to_string())
                    .clicked()
                {
                    picked = Some(day);
                }
                column += 1;
                if column.is_multiple_of(7) {
                    ui.end_row();
                }
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        });
    picked
}

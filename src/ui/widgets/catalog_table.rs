//! Pieces the achievement and need screens share.

use chrono::{DateTime, Utc};
use egui::Ui;
use egui_extras::{Column, TableBuilder, TableRow};

use crate::catalog::{Catalog, Catalogs, Loadable, PriceRange, Record};
use crate::domain::Money;
use crate::i18n::{Tr, fill};
use crate::ui::widgets::combos::sort_header;

/// The catalogue when it is loaded; otherwise shows its progress or failure and returns None.
pub fn catalog_state<'a, R: Record>(
    ui: &mut Ui,
    catalogs: &Catalogs,
    loadable: &'a Loadable<Catalog<R>>,
    tr: &Tr,
) -> Option<&'a Catalog<R>> {
    match loadable {
        Loadable::Ready(catalog) => Some(catalog),
        Loadable::Loading => {
            let (done, total) = catalogs.progress();
            ui.add_space(24.0);
            ui.label(tr.loading_catalog);
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .show_percentage()
                    .desired_width(360.0),
            );
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
            None
        }
        Loadable::Failed(detail) => {
            crate::ui::widgets::error_text(ui, &fill(tr.catalog_failed, &[("detail", detail)]));
            None
        }
    }
}

const ROW_HEIGHT: f32 = 24.0;

/// A column of a catalogue table: what it sorts by, its title and its starting width.
pub struct ColumnSpec<K> {
    pub key: K,
    pub title: &'static str,
    pub width: f32,
}

/// A virtualised, sortable table over the `view` positions of `catalog`. `cells` draws one row
/// (one `row.col` per column). Returns the column whose header was clicked.
pub fn sortable_table<R: Record, K: Copy + PartialEq>(
    ui: &mut Ui,
    catalog: &Catalog<R>,
    view: &[u32],
    columns: &[ColumnSpec<K>],
    (active, descending): (K, bool),
    mut cells: impl FnMut(&mut TableRow<'_, '_>, &R),
) -> Option<K> {
    let mut clicked = None;
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (i, c) in columns.iter().enumerate() {
        table = table.column(if i + 1 == columns.len() {
            Column::remainder().at_least(c.width)
        } else {
            Column::initial(c.width).at_least(50.0).clip(true)
        });
    }
    table
        .header(ROW_HEIGHT, |mut header| {
            for c in columns {
                header.col(|ui| {
                    if sort_header(ui, c.title, c.key == active, descending) {
                        clicked = Some(c.key);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, view.len(), |mut row| {
                if let Some(r) = view
                    .get(row.index())
                    .and_then(|&p| catalog.rows().get(p as usize))
                {
                    cells(&mut row, r);
                }
            });
        });
    clicked
}

/// A UTC timestamp as the local calendar date.
pub fn local_date(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono::Local)
        .format("%Y-%m-%d")
        .to_string()
}

/// Minimum and maximum in 万元 plus "include negotiable"; an unreadable bound is ignored (and
/// the caller says so).
pub fn price_range_inputs(
    ui: &mut Ui,
    title: &str,
    range: &mut PriceRange,
    min_text: &mut String,
    max_text: &mut String,
    tr: &Tr,
) {
    let label = ui.label(title);
    for (text, bound, hint) in [
        (&mut *min_text, &mut range.min, tr.price_min),
        (&mut *max_text, &mut range.max, tr.price_max),
    ] {
        ui.add(
            egui::TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(60.0),
        )
        .labelled_by(label.id);
        *bound = parse_wan(text);
    }
    ui.checkbox(&mut range.include_negotiable, tr.include_negotiable);
}

/// Reads an amount typed in 万元.
fn parse_wan(text: &str) -> Option<Money> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let t = t.trim_end_matches('元').trim_end_matches('万');
    Money::parse_yuan(&format!("{t}万")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_bounds_are_read_in_wan() {
        assert_eq!(parse_wan("50"), Some(Money::from_yuan(500_000)));
        assert_eq!(parse_wan("1.5万元"), Some(Money::from_yuan(15_000)));
        assert_eq!(parse_wan(""), None);
        assert_eq!(parse_wan("abc"), None);
    }
}

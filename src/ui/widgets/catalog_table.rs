//! Pieces the achievement and need screens share.

use chrono::{DateTime, Utc};
use egui::Ui;
use egui_extras::{Column, TableRow};

use crate::catalog::{Catalog, Catalogs, Loadable, PriceRange, Record};
use crate::domain::Money;
use crate::i18n::{Tr, fill};
use crate::ui::widgets::combos::sort_header;
use crate::ui::widgets::confirm_delete;
use crate::ui::widgets::keys::{RowKey, table_keys};

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

impl<K> ColumnSpec<K> {
    pub const fn new(key: K, title: &'static str, width: f32) -> Self {
        Self { key, title, width }
    }
}

/// A catalogue table's selection, followed by record id through every re-sort and filter, and
/// the record waiting for the broker to confirm its deletion.
pub struct Selection<I> {
    selected: Option<I>,
    deleting: Option<(I, String)>,
}

impl<I> Default for Selection<I> {
    fn default() -> Self {
        Self {
            selected: None,
            deleting: None,
        }
    }
}

/// What a catalogue table was asked this frame.
pub struct TableOutput<K, I> {
    /// The column whose header was clicked.
    pub sort: Option<K>,
    /// The record to open (Enter on the selected row).
    pub open: Option<I>,
    /// The record to move to the trash (Delete, then confirmed).
    pub delete: Option<I>,
}

/// A virtualised, sortable table over the `view` positions of `catalog`. `cells` draws one row
/// (one `row.col` per column). A click selects a row; the arrows, Enter and Delete work on the
/// selection (see [`table_keys`]).
#[allow(clippy::too_many_arguments)]
pub fn sortable_table<R: Record, K: Copy + PartialEq>(
    ui: &mut Ui,
    catalog: &Catalog<R>,
    view: &[u32],
    columns: &[ColumnSpec<K>],
    (active, descending): (K, bool),
    selection: &mut Selection<R::Id>,
    tr: &Tr,
    mut cells: impl FnMut(&mut TableRow<'_, '_>, &R),
) -> TableOutput<K, R::Id> {
    let record = |p: &u32| catalog.rows().get(*p as usize);
    let (scroll_to, asked) = table_keys(
        ui,
        || view.iter().filter_map(record).map(R::id).collect(),
        &mut selection.selected,
    );
    let mut out = TableOutput {
        sort: None,
        open: None,
        delete: None,
    };
    match asked {
        Some(RowKey::Open(id)) => out.open = Some(id),
        Some(RowKey::Delete(id)) => {
            let title = catalog.get(id).map(|r| r.title());
            selection.deleting = title.map(|t| (id, t.to_string()));
        }
        None => {}
    }
    let mut table = super::fitted_table(ui, "catalog")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, None);
    }
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
                        out.sort = Some(c.key);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, view.len(), |mut row| {
                if let Some(r) = view.get(row.index()).and_then(record) {
                    row.set_selected(selection.selected == Some(r.id()));
                    cells(&mut row, r);
                    let response = row.response();
                    if response.clicked() {
                        selection.selected = Some(r.id());
                    }
                    if response.double_clicked() {
                        out.open = Some(r.id());
                    }
                }
            });
        });
    if let Some((id, title)) = &selection.deleting
        && let Some(yes) = confirm_delete(ui, tr, title)
    {
        if yes {
            out.delete = Some(*id);
        }
        selection.deleting = None;
    }
    out
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
    super::together(ui, title, |ui| {
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
    });
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

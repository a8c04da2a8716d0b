//! Pieces the achievement and need screens share.

use chrono::{DateTime, Utc};
use egui::Ui;

use crate::catalog::{Catalog, Catalogs, Loadable, PriceRange};
use crate::domain::Money;
use crate::i18n::{Tr, fill};

/// The catalogue when it is loaded; otherwise shows its progress or failure and returns None.
pub fn catalog_state<'a, R>(
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
            super::widgets::error_text(ui, &fill(tr.catalog_failed, &[("detail", detail)]));
            None
        }
    }
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

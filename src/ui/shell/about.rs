//! Help → About: which build this is, and where the broker's data lives (what support asks first).

use std::path::Path;

use egui::{RichText, Ui};

use crate::i18n::{Tr, fill};

/// The version Cargo.toml gives.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The build date the distribution scripts pass in (the commit's date, so that the same source
/// gives the same binary); a plain `cargo build` has none.
pub const BUILD_DATE: Option<&str> = option_env!("TECHBROKER_BUILD_DATE");

/// Shows the dialog; returns false once the user closes it.
pub fn about_dialog(ui: &mut Ui, tr: &Tr, data_dir: Option<&Path>) -> bool {
    let mut open = true;
    let modal = egui::Modal::new(egui::Id::unique("about_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading(tr.about_title);
        ui.add_space(6.0);
        ui.label(RichText::new(tr.app_title).strong());
        ui.label(fill(tr.about_version, &[("version", &VERSION)]));
        match BUILD_DATE {
            Some(date) => ui.label(fill(tr.about_built, &[("date", &date)])),
            None => ui.label(tr.about_dev_build),
        };
        if let Some(dir) = data_dir {
            ui.add_space(6.0);
            ui.label(tr.about_data_dir);
            ui.label(RichText::new(dir.display().to_string()).monospace());
        }
        ui.add_space(8.0);
        if ui.button(tr.about_close).clicked() {
            open = false;
        }
    });
    open && !modal.should_close()
}

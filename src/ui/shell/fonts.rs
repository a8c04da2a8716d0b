//! The embedded Chinese font: egui ships no CJK glyphs.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const CJK_FONT: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Regular-subset.otf");
const CJK_FONT_NAME: &str = "noto_sans_sc";

/// Adds the Chinese font after egui's Latin fonts in every family. Used by the app and by every
/// UI test. Characters outside the subset still come from the system fonts eframe falls back to.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}

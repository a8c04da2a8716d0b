//! Help → About shows which build is running and where the data lives, in both languages.

mod common;

use common::{click, harness, temp_db};
use egui_kittest::kittest::Queryable as _;
use techbroker::i18n::{EN, ZH, fill};
use techbroker::ui::about::{BUILD_DATE, VERSION};

#[test]
fn about_dialog_opens_from_the_help_menu_and_closes() {
    let (dir, db) = temp_db();
    let mut h = harness(&db);
    assert!(h.query_by_label(ZH.about_title).is_none());

    click(&mut h, ZH.menu_help);
    click(&mut h, ZH.menu_about);
    h.get_by_label(ZH.about_title);
    h.get_by_label(&fill(ZH.about_version, &[("version", &VERSION)]));
    h.get_by_label(&dir.path().display().to_string());

    click(&mut h, ZH.about_close);
    assert!(h.query_by_label(ZH.about_title).is_none());
}

#[test]
fn about_dialog_in_english() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db);
    click(&mut h, "English");
    click(&mut h, EN.menu_help);
    click(&mut h, EN.menu_about);
    h.get_by_label(&fill(EN.about_version, &[("version", &VERSION)]));
    match BUILD_DATE {
        Some(date) => h.get_by_label(&fill(EN.about_built, &[("date", &date)])),
        None => h.get_by_label(EN.about_dev_build),
    };
}

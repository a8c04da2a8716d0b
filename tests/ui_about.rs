//! Help → About shows which build is running and where the data lives, in both languages.

mod common;

use common::{click, harness, temp_db};
use egui_kittest::kittest::Queryable as _;
use techbroker::ui::about::{BUILD_DATE, VERSION};

#[test]
fn about_dialog_opens_from_the_help_menu_and_closes() {
    let (dir, db) = temp_db();
    let mut h = harness(&db);
    assert!(h.query_by_label("关于 TechBroker").is_none());

    click(&mut h, "帮助");
    click(&mut h, "关于 TechBroker…");
    h.get_by_label("关于 TechBroker");
    h.get_by_label(&format!("版本 {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label(&dir.path().display().to_string());

    click(&mut h, "关闭");
    assert!(h.query_by_label("关于 TechBroker").is_none());
}

#[test]
fn about_dialog_in_english() {
    let (_dir, db) = temp_db();
    let mut h = harness(&db);
    click(&mut h, "English");
    click(&mut h, "Help");
    click(&mut h, "About TechBroker…");
    h.get_by_label(&format!("Version {VERSION}"));
    match BUILD_DATE {
        Some(date) => h.get_by_label(&format!("Built on {date}")),
        None => h.get_by_label("Development build (no build date)"),
    };
}

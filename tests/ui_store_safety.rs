//! One window per database, and the window seeing what others write.

mod common;

use common::{click, harness, seed_client, temp_db};
use egui_kittest::kittest::Queryable as _;
use techbroker::catalog::Loadable;
use techbroker::domain::{AchievementDraft, ClientKind};
use techbroker::store::{InstanceLock, Store};

#[test]
fn a_write_through_another_connection_shows_in_the_open_window_and_its_search() {
    let (_dir, path) = temp_db();
    let sdu = seed_client(&path, "山东大学", ClientKind::University);
    let mut h = harness(&path);
    click(&mut h, "科技成果");
    assert!(h.query_by_label("固态电池电解质").is_none());

    // The command line (or a colleague's window) writes while this one is open.
    let mut other = Store::open(&path).unwrap();
    other
        .save_achievement(
            None,
            &AchievementDraft {
                title: "固态电池电解质".into(),
                owner: Some(sdu),
                field: "新能源".into(),
                trl: "4".into(),
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    seed_client(&path, "青岛海洋研究所", ClientKind::Institute);

    // The next frame looks at the store, sees the outside commit and reloads.
    h.run();
    h.get_by_label("固态电池电解质");
    let catalogs = &h.state().session().unwrap().catalogs;
    let Loadable::Ready(achievements) = &catalogs.achievements else {
        panic!("the catalogue reloaded");
    };
    let hits = achievements.search("电解质");
    assert_eq!(hits.len(), 1, "the search index has the new record");
    click(&mut h, "客户");
    h.get_by_label("青岛海洋研究所");
}

#[test]
fn a_second_window_is_told_and_can_open_read_only_or_quit() {
    let (_dir, path) = temp_db();
    seed_client(&path, "山东大学", ClientKind::University);
    // The first window's claim on the file.
    let first = InstanceLock::acquire(&path).unwrap();
    let mut h = harness(&path);
    h.get_by_label("该数据库已在另一个窗口中打开");
    h.get_by_label("退出");
    assert!(h.state().store().is_none(), "nothing opened behind the dialog");
    click(&mut h, "以只读方式打开");
    assert!(h.state().store().unwrap().is_read_only());
    h.get_by_label("只读：该数据库正在另一个窗口中编辑，这里不能修改。");
    click(&mut h, "客户");
    h.get_by_label("山东大学");
    click(&mut h, "新建客户");
    h.get_by_label("只读模式下不能修改。请在正在编辑该数据库的窗口中操作。");
    assert_ne!(h.state().screen(), techbroker::ui::Screen::ClientForm);

    // What the first window writes shows here.
    seed_client(&path, "青岛大学", ClientKind::University);
    h.run();
    h.get_by_label("青岛大学");
    drop(first);
}

#[test]
fn the_lock_is_let_go_when_the_window_closes() {
    let (_dir, path) = temp_db();
    let h = harness(&path);
    assert!(InstanceLock::acquire(&path).is_err(), "the window holds it");
    drop(h);
    InstanceLock::acquire(&path).unwrap();
}

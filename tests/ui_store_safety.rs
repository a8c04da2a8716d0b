//! One window per database, and the window seeing what others write.

mod common;

use common::{click, client_names, harness, seed_client, temp_db};
use egui_kittest::kittest::Queryable as _;
use techbroker::catalog::Loadable;
use techbroker::domain::{AchievementDraft, ClientKind};
use techbroker::i18n::{ZH, fill};
use techbroker::store::{BackupKind, InstanceLock, Store, list_backups};

#[test]
fn a_write_through_another_connection_shows_in_the_open_window_and_its_search() {
    let (_dir, path) = temp_db();
    let sdu = seed_client(&path, "山东大学", ClientKind::University);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_achievements);
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
    let catalogs = &h.state().session().unwrap().catalogs();
    let Loadable::Ready(achievements) = &catalogs.achievements else {
        panic!("the catalogue reloaded");
    };
    let hits = achievements.search("电解质");
    assert_eq!(hits.len(), 1, "the search index has the new record");
    click(&mut h, ZH.nav_clients);
    h.get_by_label("青岛海洋研究所");
}

#[test]
fn a_second_window_is_told_and_can_open_read_only_or_quit() {
    let (_dir, path) = temp_db();
    seed_client(&path, "山东大学", ClientKind::University);
    // The first window's claim on the file.
    let first = InstanceLock::acquire(&path).unwrap();
    let mut h = harness(&path);
    h.get_by_label(ZH.open_elsewhere_title);
    h.get_by_label(ZH.quit);
    assert!(
        h.state().store().is_none(),
        "nothing opened behind the dialog"
    );
    click(&mut h, ZH.open_read_only);
    assert!(h.state().store().unwrap().is_read_only());
    h.get_by_label(ZH.read_only_banner);
    click(&mut h, ZH.nav_clients);
    h.get_by_label("山东大学");
    click(&mut h, ZH.new_client);
    h.get_by_label(ZH.read_only_refused);
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

#[test]
fn emptying_the_trash_asks_first_then_deletes_for_good() {
    let (_dir, path) = temp_db();
    let sdu = seed_client(&path, "山东大学", ClientKind::University);
    seed_client(&path, "青岛大学", ClientKind::University);
    Store::open(&path).unwrap().delete_client(sdu).unwrap();
    let mut h = harness(&path);
    click(&mut h, ZH.nav_trash);
    h.get_by_label("山东大学");
    click(&mut h, ZH.empty_trash);
    h.get_by_label(&fill(ZH.purge_confirm_all, &[("n", &1)]));
    // Cancelling keeps everything.
    click(&mut h, ZH.cancel);
    assert_eq!(h.state().store().unwrap().list_trash().unwrap().len(), 1);
    click(&mut h, ZH.empty_trash);
    click(&mut h, ZH.purge_yes);
    h.get_by_label(&fill(ZH.trash_emptied, &[("n", &1)]));
    assert!(h.state().store().unwrap().list_trash().unwrap().is_empty());
    assert!(h.query_by_label("山东大学").is_none());
    let store = h.state().store().unwrap();
    assert_eq!(store.get_client(sdu).unwrap(), None, "gone for good");
}

#[test]
fn one_record_is_deleted_for_good_after_its_own_confirmation() {
    let (_dir, path) = temp_db();
    let sdu = seed_client(&path, "山东大学", ClientKind::University);
    let qdu = seed_client(&path, "青岛大学", ClientKind::University);
    let mut store = Store::open(&path).unwrap();
    store.delete_client(sdu).unwrap();
    store.delete_client(qdu).unwrap();
    drop(store);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_trash);
    // Newest deletion first: 青岛大学's row, then 山东大学's.
    h.get_all_by_label(ZH.purge).nth(1).unwrap().click();
    h.run();
    h.get_by_label(&fill(ZH.purge_confirm_one, &[("name", &"山东大学")]));
    click(&mut h, ZH.purge_yes);
    let trash = h.state().store().unwrap().list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].label, "青岛大学");
}

#[test]
fn a_backup_is_listed_and_restored_from_the_file_menu() {
    let (_dir, path) = temp_db();
    seed_client(&path, "山东大学", ClientKind::University);
    // The first start of the day backs the file up.
    let mut h = harness(&path);
    seed_client(&path, "青岛大学", ClientKind::University);
    h.run();
    click(&mut h, ZH.nav_clients);
    h.get_by_label("青岛大学");
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_backups);
    h.get_by_label(ZH.backup_daily);
    click(&mut h, ZH.backup_restore);
    let backups = list_backups(&path).unwrap();
    let name = backups[0].path.file_name().unwrap().to_string_lossy();
    h.get_by_label(&fill(ZH.backup_restore_confirm, &[("name", &name)]));
    click(&mut h, ZH.backup_restore_yes);
    let backups = list_backups(&path).unwrap();
    let before = backups
        .iter()
        .find(|b| b.kind == BackupKind::BeforeRestore)
        .unwrap();
    h.get_by_label(&fill(
        ZH.backup_restored,
        &[("path", &before.path.display())],
    ));
    assert_eq!(client_names(h.state().store().unwrap()), ["山东大学"]);
    click(&mut h, ZH.nav_clients);
    assert!(h.query_by_label("青岛大学").is_none());
}

#[test]
fn a_refused_file_is_left_without_a_lock_file_beside_it() {
    let (dir, _) = temp_db();
    let foreign = dir.path().join("other.sqlite");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE t (x)").unwrap();
    drop(conn);
    let h = harness(&foreign);
    h.get_by_label(ZH.open_failed);
    assert!(!techbroker::store::lock_path(&foreign).exists());
}

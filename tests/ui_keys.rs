//! The window driven from the keyboard: the command table's shortcuts and palette, forms saved
//! and left by keys, tables walked with the arrows, Chinese input that must not submit a form,
//! and fast typing that must not lose a key.

mod common;

use common::{click, harness, harness_with_picker, seed_client, temp_db, type_into};
use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::ClientKind;
use techbroker::i18n::ZH;
use techbroker::ui::Screen;

use common::H;

fn ctrl(h: &mut H, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run();
}

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

fn client_names(h: &H) -> Vec<String> {
    let mut names = common::client_names(h.state().store().expect("a database is open"));
    names.sort();
    names
}

/// Sends `events` to the window in one frame, as a busy machine delivers them.
fn in_one_frame(h: &mut H, events: impl IntoIterator<Item = Event>) {
    h.input_mut().events.extend(events);
    h.step();
    h.run();
}

fn key_event(key: Key) -> [Event; 2] {
    [true, false].map(|pressed| Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    })
}

#[test]
fn ctrl_and_a_digit_lead_to_each_destination_of_the_navigation() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    let expected = [
        Screen::Agenda,
        Screen::Clients,
        Screen::Achievements,
        Screen::Needs,
        Screen::Matching,
        Screen::Deals,
        Screen::Projects,
        Screen::Report,
        Screen::FollowUps,
        Screen::Trash,
    ];
    let digits = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
        Key::Num0,
    ];
    // Backwards, so no step lands where the last one already was.
    for (digit, screen) in digits.iter().zip(expected).rev() {
        ctrl(&mut h, *digit);
        assert_eq!(h.state().screen(), screen, "Ctrl+{digit:?}");
    }
}

#[test]
fn the_menus_are_drawn_from_the_command_table() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    click(&mut h, ZH.menu_go);
    // The navigation has the same entry; the menu's is drawn over it, last.
    h.get_all_by_label(ZH.nav_trash).last().unwrap().click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Trash);
    click(&mut h, ZH.menu_help);
    click(&mut h, ZH.menu_palette);
    h.get_by_label(ZH.palette_title);
}

#[test]
fn the_palette_finds_a_command_in_either_language_and_runs_it() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    ctrl(&mut h, Key::K);
    h.get_by_label(ZH.palette_title);
    h.get_by_label(ZH.palette_search).type_text("trash");
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::Trash);
    assert!(
        h.query_by_label(ZH.palette_title).is_none(),
        "closes once run"
    );

    ctrl(&mut h, Key::K);
    h.get_by_label(ZH.palette_search).type_text("新建");
    h.run();
    // The first match is "new in this list"; the arrow moves to "new client".
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::ClientForm);

    ctrl(&mut h, Key::K);
    h.get_by_label(ZH.palette_search).type_text("没有这个命令");
    h.run();
    h.get_by_label(ZH.palette_none);
    press(&mut h, Key::Escape);
    assert!(
        h.query_by_label(ZH.palette_title).is_none(),
        "Esc closes it"
    );
    assert_eq!(h.state().screen(), Screen::ClientForm);
}

#[test]
fn ctrl_n_opens_the_form_of_the_list_shown_and_enter_saves_it() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num3);
    ctrl(&mut h, Key::N);
    assert_eq!(h.state().screen(), Screen::AchievementForm);
    ctrl(&mut h, Key::Num2);
    ctrl(&mut h, Key::N);
    assert_eq!(h.state().screen(), Screen::ClientForm);
    type_into(&mut h, ZH.f_name, "山东理工大学");
    press(&mut h, Key::Enter);
    assert_eq!(client_names(&h), ["山东理工大学"]);
    assert!(matches!(h.state().screen(), Screen::Client(_)));
}

#[test]
fn ctrl_s_saves_from_a_field_where_enter_makes_a_new_line() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    ctrl(&mut h, Key::N);
    type_into(&mut h, ZH.f_name, "淄博华光陶瓷");
    type_into(&mut h, ZH.f_notes, "第一行");
    press(&mut h, Key::Enter);
    assert!(
        client_names(&h).is_empty(),
        "Enter in the notes is a new line"
    );
    assert_eq!(h.state().screen(), Screen::ClientForm);
    ctrl(&mut h, Key::S);
    assert_eq!(client_names(&h), ["淄博华光陶瓷"]);
}

#[test]
fn a_form_with_errors_stays_open_when_enter_saves() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    ctrl(&mut h, Key::N);
    type_into(&mut h, ZH.f_city, "淄博市");
    press(&mut h, Key::Enter);
    h.get_by_label(ZH.p_required);
    assert!(client_names(&h).is_empty());
    assert_eq!(h.state().screen(), Screen::ClientForm);
}

#[test]
fn esc_leaves_a_form_and_asks_first_when_something_was_typed() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    ctrl(&mut h, Key::N);
    press(&mut h, Key::Escape);
    assert_eq!(h.state().screen(), Screen::Clients, "nothing typed: leaves");

    ctrl(&mut h, Key::N);
    type_into(&mut h, ZH.f_name, "半成品");
    // The first Esc only takes the keyboard out of the field.
    press(&mut h, Key::Escape);
    assert!(h.query_by_label(ZH.form_discard_title).is_none());
    press(&mut h, Key::Escape);
    h.get_by_label(ZH.form_discard_title);
    click(&mut h, ZH.form_keep_editing);
    assert_eq!(h.state().screen(), Screen::ClientForm);
    press(&mut h, Key::Escape);
    click(&mut h, ZH.form_discard_yes);
    assert_eq!(h.state().screen(), Screen::Clients);
    assert!(client_names(&h).is_empty());
}

/// Puts pinyin into the focused field, then commits `text` with an Enter in the same frame.
fn compose(h: &mut H, pinyin: &str, text: &str) {
    in_one_frame(
        h,
        [Event::Ime(ImeEvent::Preedit {
            text: pinyin.into(),
            active_range_chars: None,
        })],
    );
    // Enter while the pinyin is being composed belongs to the input method.
    in_one_frame(h, key_event(Key::Enter));
    let mut commit = vec![Event::Ime(ImeEvent::Commit(text.into()))];
    commit.extend(key_event(Key::Enter));
    in_one_frame(h, commit);
}

#[test]
fn enter_that_commits_chinese_input_does_not_submit_the_client_form() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    ctrl(&mut h, Key::N);
    let fields = [
        (ZH.f_name, "shandong", "山东理工大学"),
        (ZH.f_province, "shandong", "山东省"),
        (ZH.f_city, "zibo", "淄博市"),
        (ZH.f_district, "zhangdian", "张店区"),
        (ZH.f_industry, "xincailiao", "新材料"),
        (ZH.f_size, "dadeng", "大型"),
        (ZH.f_address, "xincunxilu", "新村西路266号"),
    ];
    for (label, pinyin, text) in fields {
        click(&mut h, label);
        compose(&mut h, pinyin, text);
        assert!(
            client_names(&h).is_empty(),
            "{label}: Enter committed input"
        );
        assert_eq!(h.state().screen(), Screen::ClientForm, "{label}");
    }
    // Now an Enter of the broker's own.
    click(&mut h, ZH.f_name);
    press(&mut h, Key::Enter);
    let store = h.state().store().unwrap();
    let clients = store.list_clients().unwrap();
    assert_eq!(clients.len(), 1, "the broker's Enter saves");
    let saved = store.get_client(clients[0].id).unwrap().unwrap();
    assert_eq!(saved.name, "山东理工大学");
    assert_eq!(saved.province, "山东省");
    assert_eq!(saved.city, "淄博市");
    assert_eq!(saved.district, "张店区");
    assert_eq!(saved.industry, "新材料");
    assert_eq!(saved.size, "大型");
    assert_eq!(saved.address, "新村西路266号");
}

#[test]
fn enter_that_commits_chinese_input_does_not_submit_the_achievement_or_need_form() {
    let (_dir, path) = temp_db();
    seed_client(&path, "山东大学", ClientKind::University);
    let mut h = harness(&path);
    for (list, form, title) in [
        (Key::Num3, Screen::AchievementForm, ZH.a_title),
        (Key::Num4, Screen::NeedForm, ZH.n_title),
    ] {
        ctrl(&mut h, list);
        ctrl(&mut h, Key::N);
        click(&mut h, title);
        compose(&mut h, "dianji", "节能电机");
        assert_eq!(h.state().screen(), form, "{title}");
        let store = h.state().store().unwrap();
        use techbroker::store::Scope;
        let achievements = store.achievement_rows(Scope::All).unwrap();
        let needs = store.need_rows(Scope::All).unwrap();
        assert!(
            achievements.is_empty() && needs.is_empty(),
            "{title}: nothing saved"
        );
    }
}

#[test]
fn arrows_enter_and_delete_work_the_client_table_by_record() {
    let (_dir, path) = temp_db();
    for name in ["甲公司", "乙公司", "丙公司"] {
        seed_client(&path, name, ClientKind::Enterprise);
    }
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    let Screen::Client(second) = h.state().screen() else {
        panic!("Enter opens the selected client");
    };
    ctrl(&mut h, Key::Num2);
    // The selection follows the client when the order turns round.
    click(&mut h, &format!("{} ↑", ZH.col_name));
    assert!(h.query_by_label(&format!("{} ↓", ZH.col_name)).is_some());
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::Client(second));

    let name = h
        .state()
        .store()
        .unwrap()
        .get_client(second)
        .unwrap()
        .unwrap()
        .name;
    ctrl(&mut h, Key::Num2);
    press(&mut h, Key::Delete);
    h.get_by_label(ZH.confirm_delete_title);
    click(&mut h, ZH.cancel);
    assert_eq!(client_names(&h).len(), 3, "cancelled");
    press(&mut h, Key::Delete);
    click(&mut h, ZH.confirm_delete_yes);
    let left = client_names(&h);
    assert_eq!(left.len(), 2);
    assert!(!left.contains(&name), "{name} is the one deleted: {left:?}");
    assert_eq!(h.state().store().unwrap().list_trash().unwrap().len(), 1);
}

#[test]
fn arrows_do_nothing_while_a_field_has_the_keyboard() {
    let (_dir, path) = temp_db();
    seed_client(&path, "甲公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    click(&mut h, ZH.search);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::Clients);
}

#[test]
fn ctrl_f_puts_the_keyboard_in_the_search_and_no_key_is_lost() {
    let (_dir, path) = temp_db();
    for name in ["山东理工大学", "山东大学", "青岛科技大学"] {
        seed_client(&path, name, ClientKind::University);
    }
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    ctrl(&mut h, Key::F);
    // One key a frame, the list filtering after each.
    for c in "山东理".chars() {
        h.event(Event::Text(c.to_string()));
        h.step();
    }
    // The rest all in one frame, as a busy machine delivers them.
    in_one_frame(&mut h, "工大学".chars().map(|c| Event::Text(c.to_string())));
    h.run();
    h.get_by_label("山东理工大学");
    assert!(h.query_by_label("山东大学").is_none());
    assert!(h.query_by_label("青岛科技大学").is_none());
    let shown = ZH
        .clients_count
        .replace("{shown}", "1")
        .replace("{total}", "3");
    h.get_by_label(&shown);
}

#[test]
fn ctrl_f_where_there_is_no_search_says_so() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    ctrl(&mut h, Key::F);
    h.get_by_label(ZH.no_search_here);
}

#[test]
fn ctrl_e_writes_the_list_shown_and_says_when_there_is_none() {
    let (dir, path) = temp_db();
    seed_client(&path, "山东理工大学", ClientKind::University);
    let out = dir.path().join("clients.csv");
    let mut h = harness_with_picker(&path, Some(out.clone()));
    ctrl(&mut h, Key::E);
    h.get_by_label(ZH.nothing_to_export);
    ctrl(&mut h, Key::Num2);
    ctrl(&mut h, Key::E);
    let written = std::fs::read(&out).expect("the list was written");
    assert!(String::from_utf8_lossy(&written).contains("山东理工大学"));
}

#[test]
fn ctrl_i_opens_the_import_for_the_list_shown() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num3);
    ctrl(&mut h, Key::I);
    assert_eq!(h.state().screen(), Screen::Import);
}

#[test]
fn the_achievement_catalogue_walks_and_deletes_by_keyboard_too() {
    let (_dir, path) = temp_db();
    let owner = seed_client(&path, "山东大学", ClientKind::University);
    {
        let mut store = techbroker::store::Store::open(&path).unwrap();
        for title in ["节能电机", "锂电池隔膜"] {
            let draft = techbroker::domain::AchievementDraft {
                title: title.into(),
                owner: Some(owner),
                field: "新能源".into(),
                trl: "5".into(),
                ..Default::default()
            };
            store.save_achievement(None, &draft).unwrap();
        }
    }
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num3);
    press(&mut h, Key::End);
    press(&mut h, Key::Delete);
    h.get_by_label(ZH.confirm_delete_title);
    click(&mut h, ZH.confirm_delete_yes);
    let store = h.state().store().unwrap();
    assert_eq!(
        store.list_trash().unwrap().len(),
        1,
        "the last row went to the trash"
    );
    press(&mut h, Key::Home);
    press(&mut h, Key::Enter);
    assert!(matches!(h.state().screen(), Screen::Achievement(_)));
}

#[test]
fn arrow_presses_that_arrive_in_one_frame_all_count() {
    let (_dir, path) = temp_db();
    let mut ids = Vec::new();
    for name in ["a公司", "b公司", "c公司", "d公司"] {
        ids.push(seed_client(&path, name, ClientKind::Enterprise));
    }
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    // Sorted by name: a, b, c, d. Three presses in one frame reach the third.
    in_one_frame(&mut h, (0..3).flat_map(|_| key_event(Key::ArrowDown)));
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::Client(ids[2]));

    ctrl(&mut h, Key::K);
    h.get_by_label(ZH.palette_search).type_text("转到");
    h.run();
    // The destinations in navigation order: three down, one up is the third, 科技成果.
    in_one_frame(&mut h, (0..3).flat_map(|_| key_event(Key::ArrowDown)));
    in_one_frame(&mut h, key_event(Key::ArrowUp));
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::Achievements);
}

#[test]
fn the_contact_form_saves_on_enter_and_closes_on_esc() {
    let (_dir, path) = temp_db();
    let client = seed_client(&path, "潍坊某动力公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    ctrl(&mut h, Key::Num2);
    click(&mut h, "潍坊某动力公司");
    click(&mut h, ZH.add_contact);
    type_into(&mut h, ZH.c_name, "赵工");
    press(&mut h, Key::Enter);
    let contacts = h.state().store().unwrap().list_contacts(client).unwrap();
    assert_eq!(contacts.len(), 1, "Enter saved the contact");
    assert!(h.query_by_label(ZH.c_name).is_none(), "and closed the form");

    click(&mut h, ZH.add_contact);
    h.get_by_label(ZH.c_name);
    press(&mut h, Key::Escape);
    assert!(h.query_by_label(ZH.c_name).is_none(), "Esc closes it");
    assert_eq!(h.state().screen(), Screen::Client(client));
}

#[test]
fn dialogs_close_on_esc() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_backups);
    h.get_by_label(ZH.backups_title);
    press(&mut h, Key::Escape);
    assert!(h.query_by_label(ZH.backups_title).is_none());
}

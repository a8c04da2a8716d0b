//! The app driven as a broker would: clicking and typing through the real window, no display.

mod common;

use chrono::{Days, Local};
use common::{click, harness, harness_with_picker, seed_client, temp_db, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::ClientId;
use techbroker::domain::{ClientKind, InteractionDraft};
use techbroker::i18n::{EN, ZH, fill};
use techbroker::store::Store;
use techbroker::ui::{Screen, TechBrokerApp};

fn client_names(h: &Harness<'_, TechBrokerApp>) -> Vec<String> {
    common::client_names(h.state().store().expect("a database is open"))
}

#[test]
fn create_a_client_through_the_form_and_find_it_in_the_list() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, ZH.new_client);
    type_into(&mut h, ZH.f_name, "山东理工大学");
    click(&mut h, ZH.kind_university);
    type_into(&mut h, ZH.f_credit_code, "91370000163044841F");
    type_into(&mut h, ZH.f_city, "淄博市");
    click(&mut h, ZH.save);

    assert_eq!(client_names(&h), ["山东理工大学"]);
    assert!(matches!(h.state().screen(), Screen::Client(_)));
    h.get_by_label(ZH.saved);
    click(&mut h, &format!("← {}", ZH.back));
    h.get_by_label("山东理工大学");
    // The kind filter button and the new row's kind cell.
    assert_eq!(h.get_all_by_label(ZH.kind_university).count(), 2);
    h.get_by_label("淄博市");
}

#[test]
fn an_empty_name_shows_an_error_and_saves_nothing() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, ZH.new_client);
    type_into(&mut h, ZH.f_industry, "新材料");
    click(&mut h, ZH.save);
    h.get_by_label(ZH.p_required);
    assert!(client_names(&h).is_empty());
    assert_eq!(h.state().screen(), Screen::ClientForm);
}

#[test]
fn an_invalid_credit_code_is_refused() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, ZH.new_client);
    type_into(&mut h, ZH.f_name, "济南某科技有限公司");
    type_into(&mut h, ZH.f_credit_code, "91370000163044841X");
    click(&mut h, ZH.save);
    h.get_by_label(ZH.p_invalid_credit_code);
    assert!(client_names(&h).is_empty());
}

#[test]
fn a_duplicate_name_is_refused_next_to_the_field() {
    let (_dir, path) = temp_db();
    seed_client(&path, "山东大学", ClientKind::University);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, ZH.new_client);
    type_into(&mut h, ZH.f_name, "山东大学");
    click(&mut h, ZH.save);
    h.get_by_label(ZH.p_duplicate_name);
    assert_eq!(client_names(&h), ["山东大学"]);
}

#[test]
fn edit_a_client() {
    let (_dir, path) = temp_db();
    seed_client(&path, "青岛某海洋科技公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, "青岛某海洋科技公司");
    click(&mut h, ZH.edit_client);
    type_into(&mut h, ZH.f_name, "（已更名）");
    type_into(&mut h, ZH.f_industry, "海洋");
    click(&mut h, ZH.save);
    assert_eq!(client_names(&h), ["青岛某海洋科技公司（已更名）"]);
    h.get_by_label("海洋");
}

#[test]
fn delete_a_client_then_restore_it_from_the_trash() {
    let (_dir, path) = temp_db();
    seed_client(&path, "烟台某生物公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, "烟台某生物公司");
    click(&mut h, ZH.delete_client);
    assert!(client_names(&h).is_empty());
    assert_eq!(h.state().screen(), Screen::Clients);
    h.get_by_label(&fill(ZH.moved_to_trash, &[("name", &"烟台某生物公司")]));

    click(&mut h, ZH.nav_trash);
    h.get_by_label("烟台某生物公司");
    click(&mut h, ZH.restore);
    assert_eq!(client_names(&h), ["烟台某生物公司"]);
    h.get_by_label(ZH.trash_empty);
}

#[test]
fn add_a_contact_and_an_interaction_whose_follow_up_is_then_marked_done() {
    let (_dir, path) = temp_db();
    seed_client(&path, "潍坊某动力公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, "潍坊某动力公司");

    click(&mut h, ZH.add_contact);
    type_into(&mut h, ZH.c_name, "赵工");
    type_into(&mut h, ZH.c_title, "研发部经理");
    type_into(&mut h, ZH.c_phone, "138 0000 0000");
    click(&mut h, ZH.save);
    h.get_by_label("赵工");
    h.get_by_label(&format!("{}: 138 0000 0000", ZH.c_phone));

    type_into(&mut h, ZH.i_summary, "走访企业，了解电机控制需求");
    type_into(&mut h, ZH.i_next_step, "发送成果清单");
    click(&mut h, ZH.i_has_due);
    click(&mut h, ZH.add_interaction);
    h.get_by_label("走访企业，了解电机控制需求");
    let client = h.state().store().unwrap().list_clients().unwrap()[0].clone();
    assert_eq!(client.open_follow_ups, 1);

    click(&mut h, &format!("{} (1)", ZH.nav_follow_ups));
    h.get_by_label("发送成果清单");
    h.get_by_label(ZH.due_today);
    click(&mut h, ZH.mark_done);
    h.get_by_label(ZH.fu_none);
    h.get_by_label(ZH.nav_follow_ups);
}

#[test]
fn a_next_step_without_a_due_date_is_refused() {
    let (_dir, path) = temp_db();
    seed_client(&path, "东营某化工公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, "东营某化工公司");
    type_into(&mut h, ZH.i_summary, "电话沟通");
    type_into(&mut h, ZH.i_next_step, "约见技术负责人");
    click(&mut h, ZH.add_interaction);
    h.get_by_label(ZH.p_next_step_without_due);
    let store = h.state().store().unwrap();
    assert!(store.list_interactions(ClientId(1)).unwrap().is_empty());
}

#[test]
fn overdue_follow_ups_say_by_how_many_days() {
    let (_dir, path) = temp_db();
    let id = seed_client(&path, "临沂某物流公司", ClientKind::Enterprise);
    {
        let mut store = Store::open(&path).unwrap();
        let today = Local::now().date_naive();
        let mut d = InteractionDraft::new(today - Days::new(10));
        d.summary = "对接会上认识".into();
        d.next_step = "回访".into();
        d.next_due = Some(today - Days::new(4));
        store.add_interaction(id, &d).unwrap();
    }
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, &format!("{} (1)", ZH.nav_follow_ups));
    h.get_by_label(&fill(ZH.overdue_days, &[("n", &4)]));
    click(&mut h, "临沂某物流公司");
    assert_eq!(h.state().screen(), Screen::Client(id));
}

#[test]
fn the_list_filters_by_kind_and_by_name_as_you_type() {
    let (_dir, path) = temp_db();
    seed_client(&path, "山东大学", ClientKind::University);
    seed_client(&path, "山东某电池公司", ClientKind::Enterprise);
    seed_client(&path, "Inspur Group", ClientKind::Enterprise);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    h.get_by_label(&fill(ZH.clients_count, &[("shown", &3), ("total", &3)]));

    // The kind filter buttons come first; the table's kind cells follow.
    let university = h.get_all_by_label(ZH.kind_university).next().unwrap();
    university.click();
    h.run();
    h.get_by_label(&fill(ZH.clients_count, &[("shown", &1), ("total", &3)]));
    h.get_by_label("山东大学");
    assert!(h.query_by_label("Inspur Group").is_none());

    click(&mut h, ZH.all);
    type_into(&mut h, ZH.search, "inspur");
    h.get_by_label(&fill(ZH.clients_count, &[("shown", &1), ("total", &3)]));
    h.get_by_label("Inspur Group");
}

#[test]
fn clicking_a_column_header_sorts_the_list() {
    let (_dir, path) = temp_db();
    seed_client(&path, "B 公司", ClientKind::Enterprise);
    seed_client(&path, "A 大学", ClientKind::University);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    let order = |h: &Harness<'_, TechBrokerApp>| {
        let a = h.get_by_label("A 大学").rect().top();
        let b = h.get_by_label("B 公司").rect().top();
        a < b
    };
    assert!(order(&h), "sorted by name ascending at first");
    click(&mut h, &format!("{} ↑", ZH.col_name));
    assert!(!order(&h), "a second click sorts descending");
}

#[test]
fn switching_language_changes_the_labels_at_once() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    h.get_by_label(ZH.new_client);
    click(&mut h, "English");
    h.get_by_label(EN.new_client);
    h.get_by_label(EN.nav_clients);
    assert!(h.query_by_label(ZH.new_client).is_none());
    click(&mut h, EN.new_client);
    h.get_by_label(EN.f_credit_code);
    click(&mut h, EN.save);
    h.get_by_label(EN.p_required);
    click(&mut h, "中文");
    h.get_by_label(ZH.p_required);
}

#[test]
fn a_garbage_file_shows_a_clear_message_and_stays_unchanged() {
    let (_dir, path) = temp_db();
    let garbage = "这不是数据库\n".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let mut h = harness(&path);
    h.run();
    h.get_by_label(ZH.open_failed);
    h.get_by_label(ZH.open_err_not_db);
    h.get_by_label(&path.display().to_string());
    assert!(h.state().store().is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), garbage);
}

#[test]
fn from_the_error_screen_the_default_database_opens() {
    let (dir, path) = temp_db();
    std::fs::write(&path, "garbage").unwrap();
    let default = dir.path().join("default.sqlite");
    let mut h = common::harness_with(&path, &default, None);
    h.get_by_label(ZH.open_err_not_db);
    click(&mut h, ZH.menu_default_db);
    assert_eq!(h.state().store().unwrap().path(), default);
    h.get_by_label(ZH.agenda_title);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "garbage");
}

#[test]
fn open_another_database_from_the_file_menu() {
    let (dir, first) = temp_db();
    let second = dir.path().join("second.sqlite");
    seed_client(&second, "第二个库里的客户", ClientKind::Other);
    let mut h = harness_with_picker(&first, Some(second.clone()));
    assert!(client_names(&h).is_empty());
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_open_db);
    assert_eq!(h.state().store().unwrap().path(), second);
    click(&mut h, ZH.nav_clients);
    h.get_by_label("第二个库里的客户");
    h.get_by_label(&format!("{}: second.sqlite", ZH.database));
    assert_eq!(h.state().settings().recent[0], second);
    assert_eq!(h.state().settings().recent[1], first);
}

#[test]
fn a_cancelled_dialog_changes_nothing() {
    let (_dir, path) = temp_db();
    seed_client(&path, "原来的客户", ClientKind::Other);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_new_db);
    assert_eq!(h.state().store().unwrap().path(), path);
    h.get_by_label("原来的客户");
}

#[test]
fn ctrl_n_opens_the_new_client_form() {
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert_eq!(h.state().screen(), Screen::ClientForm);
}

#[test]
fn the_date_picker_speaks_chinese_and_sets_the_day_picked() {
    use chrono::{Datelike, NaiveDate};
    use techbroker::i18n::{ZH, fill};
    let (_dir, path) = temp_db();
    seed_client(&path, "潍坊某动力公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, "潍坊某动力公司");
    let today = Local::now().date_naive();
    // The visit's date starts today.
    click(&mut h, ZH.i_date);
    let month = fill(
        ZH.cal_month,
        &[("year", &today.year()), ("month", &today.month())],
    );
    h.get_by_label(&month);
    for day in ZH.cal_weekdays.split(' ') {
        h.get_by_label(day);
    }
    // Back a month, then the 15th.
    click(&mut h, "‹");
    let earlier = today.with_day(1).unwrap() - chrono::Days::new(1);
    let picked = NaiveDate::from_ymd_opt(earlier.year(), earlier.month(), 15).unwrap();
    let shown = fill(
        ZH.cal_month,
        &[("year", &earlier.year()), ("month", &earlier.month())],
    );
    h.get_by_label(&shown);
    click(&mut h, "15");
    assert!(
        h.query_by_label(&shown).is_none(),
        "a day picked closes the calendar"
    );
    type_into(&mut h, ZH.i_summary, "上个月的走访，补记");
    click(&mut h, ZH.add_interaction);
    let store = h.state().store().unwrap();
    let client = store.list_clients().unwrap()[0].id;
    let log = store.list_interactions(client).unwrap();
    assert_eq!(log[0].date, picked);
}

#[test]
fn an_error_goes_as_soon_as_its_field_is_corrected() {
    use techbroker::i18n::ZH;
    let (_dir, path) = temp_db();
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, ZH.new_client);
    type_into(&mut h, ZH.f_credit_code, "123");
    click(&mut h, ZH.save);
    h.get_by_label(ZH.p_required);
    h.get_by_label(ZH.p_invalid_credit_code);
    // The name typed: its error goes, the credit code's stays, before any save.
    type_into(&mut h, ZH.f_name, "山东理工大学");
    assert!(h.query_by_label(ZH.p_required).is_none());
    h.get_by_label(ZH.p_invalid_credit_code);
    assert!(
        h.state()
            .store()
            .unwrap()
            .list_clients()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_impossible_date_says_what_is_wrong_with_it() {
    use techbroker::i18n::{ZH, fill};
    let (_dir, path) = temp_db();
    seed_client(&path, "潍坊某动力公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_needs);
    click(&mut h, ZH.new_need);
    type_into(&mut h, ZH.n_title, "电机能效提升");
    type_into(&mut h, ZH.n_deadline, "2024-02-30");
    click(&mut h, ZH.save);
    let said = fill(
        ZH.p_no_such_day,
        &[("year", &2024), ("month", &2), ("days", &29)],
    );
    h.get_by_label(&said);
}

/// A desktop without a dialog service: every dialog answers nothing, at once.
struct NoDialogs;

impl techbroker::ui::picker::FilePicker for NoDialogs {
    fn had_no_dialog(&self) -> bool {
        true
    }
    fn open_database(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn new_database(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn open_file(&self, _: techbroker::ui::picker::FileType) -> Option<std::path::PathBuf> {
        None
    }
    fn save_file(
        &self,
        _: &str,
        _: techbroker::ui::picker::FileType,
    ) -> Option<std::path::PathBuf> {
        None
    }
    fn open_in_viewer(&self, _: &std::path::Path) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_desktop_without_file_dialogs_is_told_instead_of_nothing_happening() {
    use techbroker::i18n::ZH;
    let (_dir, path) = temp_db();
    let mut h = common::start_with(techbroker::ui::StartOptions {
        sandbox_db: path.with_file_name("sandbox.sqlite"),
        db: Some(path.clone()),
        default_db: path.clone(),
        picker: Box::new(NoDialogs),
        load_in_background: false,
        demo: false,
    });
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_open_db);
    h.get_by_label(ZH.no_file_dialog);
}

/// Logs a visit at `client` on `logged` whose next step `step` is due on `due`.
fn seed_follow_up(
    path: &std::path::Path,
    client: ClientId,
    logged: chrono::NaiveDate,
    step: &str,
    due: chrono::NaiveDate,
) -> techbroker::domain::InteractionId {
    let mut store = Store::open(path).unwrap();
    let mut d = InteractionDraft::new(logged);
    d.summary = format!("走访，约定{step}");
    d.next_step = step.into();
    d.next_due = Some(due);
    store.add_interaction(client, &d).unwrap()
}

fn group_header(group: &str, n: usize) -> String {
    fill(ZH.fu_group_header, &[("group", &group), ("n", &n)])
}

#[test]
fn follow_ups_due_later_are_listed_in_groups_while_the_count_and_agenda_keep_to_what_is_due() {
    use techbroker::domain::follow_up::FollowUpGroup;
    let (_dir, path) = temp_db();
    let id = seed_client(&path, "潍坊某动力公司", ClientKind::Enterprise);
    let today = Local::now().date_naive();
    let logged = today - Days::new(10);
    seed_follow_up(&path, id, logged, "回访甲", today - Days::new(3));
    seed_follow_up(&path, id, logged, "约见乙", today);
    seed_follow_up(&path, id, logged, "发报价丙", today + Days::new(1));
    seed_follow_up(&path, id, logged, "送样丁", today + Days::new(30));
    let mut h = harness(&path);
    // The agenda lists what is due only.
    h.get_by_label("约见乙");
    assert!(h.query_by_label("发报价丙").is_none());
    assert!(h.query_by_label("送样丁").is_none());

    click(&mut h, &format!("{} (2)", ZH.nav_follow_ups));
    for step in ["回访甲", "约见乙", "发报价丙", "送样丁"] {
        h.get_by_label(step);
    }
    h.get_by_label(&group_header(ZH.fu_group_overdue, 1));
    h.get_by_label(&group_header(ZH.fu_group_today, 1));
    // Tomorrow is this week, unless today is Sunday.
    if FollowUpGroup::of(today + Days::new(1), today) == FollowUpGroup::ThisWeek {
        h.get_by_label(&group_header(ZH.fu_group_this_week, 1));
        h.get_by_label(&group_header(ZH.fu_group_later, 1));
    } else {
        h.get_by_label(&group_header(ZH.fu_group_later, 2));
    }
    h.get_by_label(&fill(ZH.due_in_days, &[("n", &30)]));
}

#[test]
fn a_follow_up_is_edited_with_its_errors_under_their_fields() {
    use egui::accesskit::Role;
    let (_dir, path) = temp_db();
    let id = seed_client(&path, "潍坊某动力公司", ClientKind::Enterprise);
    let today = Local::now().date_naive();
    let logged = today - Days::new(2);
    let fu = seed_follow_up(&path, id, logged, "发送成果清单", today + Days::new(5));
    let mut h = harness(&path);
    click(&mut h, ZH.nav_follow_ups);
    click(&mut h, ZH.fu_edit);
    h.get_by_label(&fill(ZH.fu_edit_title, &[("client", &"潍坊某动力公司")]));

    // Emptied: refused, the error under the next step.
    h.get_by_role_and_label(Role::TextInput, ZH.i_next_step)
        .click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    click(&mut h, ZH.save);
    h.get_by_label(ZH.p_required);

    // Typed again: the error goes; a day before the visit is refused under the date.
    h.get_by_role_and_label(Role::TextInput, ZH.i_next_step)
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, ZH.i_next_step)
        .type_text("发送成果清单和报价");
    h.run();
    assert!(h.query_by_label(ZH.p_required).is_none());
    h.get_by_role_and_label(Role::Button, ZH.i_next_due).click();
    h.run();
    click(&mut h, "‹");
    click(&mut h, "‹");
    click(&mut h, "15");
    click(&mut h, ZH.save);
    let before = fill(
        ZH.p_due_before_logged,
        &[("date", &logged.format("%Y-%m-%d"))],
    );
    h.get_by_label(&before);
    let store = h.state().store().unwrap();
    assert_eq!(
        store.follow_ups_open().unwrap()[0].next_step,
        "发送成果清单"
    );

    // Today picked: saved, the form closes.
    h.get_by_role_and_label(Role::Button, ZH.i_next_due).click();
    h.run();
    click(&mut h, ZH.cal_today);
    click(&mut h, ZH.save);
    assert!(h.query_by_label(&before).is_none());
    let open = h.state().store().unwrap().follow_ups_open().unwrap();
    assert_eq!(open[0].interaction_id, fu);
    assert_eq!(open[0].next_step, "发送成果清单和报价");
    assert_eq!(open[0].due, today);
    assert!(
        h.query_by_label(&fill(ZH.fu_edit_title, &[("client", &"潍坊某动力公司")]))
            .is_none()
    );
    h.get_by_label(&format!("{} (1)", ZH.nav_follow_ups));
}

#[test]
fn a_follow_up_is_moved_deleted_to_the_trash_restored_and_marked_done() {
    use techbroker::domain::follow_up::next_monday;
    let (_dir, path) = temp_db();
    let id = seed_client(&path, "临沂某物流公司", ClientKind::Enterprise);
    let today = Local::now().date_naive();
    seed_follow_up(&path, id, today, "回访", today);
    let due = |h: &Harness<'_, TechBrokerApp>| {
        let open = h.state().store().unwrap().follow_ups_open().unwrap();
        open.iter().map(|f| f.due).collect::<Vec<_>>()
    };
    let mut h = harness(&path);
    click(&mut h, &format!("{} (1)", ZH.nav_follow_ups));

    click(&mut h, ZH.fu_move);
    click(&mut h, ZH.fu_move_tomorrow);
    assert_eq!(due(&h), [today + Days::new(1)]);
    // No longer due: the navigation counts nothing, the step stays listed.
    h.get_by_label(ZH.nav_follow_ups);
    h.get_by_label("回访");
    click(&mut h, ZH.fu_move);
    click(&mut h, ZH.fu_move_next_week);
    assert_eq!(due(&h), [next_monday(today)]);

    click(&mut h, ZH.fu_delete);
    click(&mut h, ZH.confirm_delete_yes);
    assert!(due(&h).is_empty());
    h.get_by_label(ZH.fu_none);

    click(&mut h, ZH.nav_trash);
    h.get_by_label(ZH.trash_interaction);
    h.get_by_label_contains("回访");
    click(&mut h, ZH.restore);
    assert_eq!(due(&h), [next_monday(today)]);

    click(&mut h, ZH.nav_follow_ups);
    click(&mut h, ZH.mark_done);
    assert!(due(&h).is_empty());
    h.get_by_label(ZH.fu_none);
}

#[test]
fn the_follow_ups_table_fits_a_1024_by_700_window() {
    let (_dir, path) = temp_db();
    let id = seed_client(
        &path,
        "山东省某某高端装备制造集团股份有限公司淄博分公司",
        ClientKind::Enterprise,
    );
    let today = Local::now().date_naive();
    let long =
        "整理并发送成果清单、专利说明书和初步报价，约技术负责人到实验室看样机，再商定试用期安排";
    seed_follow_up(&path, id, today, long, today);
    let options = techbroker::ui::StartOptions {
        sandbox_db: path.with_file_name("sandbox.sqlite"),
        db: Some(path.clone()),
        default_db: path.clone(),
        picker: Box::new(common::FixedPicker(None)),
        load_in_background: false,
        demo: false,
    };
    let mut h = Harness::builder()
        .with_size([1024.0, 700.0])
        .build_eframe(move |cc| TechBrokerApp::new(cc, options));
    h.run();
    click(&mut h, &format!("{} (1)", ZH.nav_follow_ups));
    for last in [ZH.mark_done, ZH.fu_delete] {
        let right = h.get_by_label(last).rect().right();
        assert!(right <= 1024.0, "{last} ends at {right}");
    }
}

#[test]
fn beside_the_training_panel_at_1024_pixels_a_follow_ups_buttons_fold_into_one_menu() {
    let (dir, broker) = temp_db();
    let options = techbroker::ui::StartOptions {
        db: Some(broker.clone()),
        default_db: broker.clone(),
        sandbox_db: dir.path().join("sandbox.sqlite"),
        picker: Box::new(common::FixedPicker(None)),
        load_in_background: false,
        demo: true,
    };
    let mut h = Harness::builder()
        .with_size([1024.0, 700.0])
        .build_eframe(move |cc| TechBrokerApp::new(cc, options));
    h.run();
    click(&mut h, ZH.sandbox_tasks_show);
    let due = h
        .state()
        .store()
        .unwrap()
        .follow_ups_due(Local::now().date_naive())
        .unwrap()
        .len();
    assert!(due > 0, "the sandbox has follow-ups due");
    click(&mut h, &format!("{} ({due})", ZH.nav_follow_ups));
    let panel = h.get_by_label(ZH.sandbox_tasks).rect().left();
    let menu = h.get_all_by_label(ZH.fu_actions).next().unwrap().rect();
    assert!(
        menu.right() <= panel,
        "the menu ends at {} under the panel at {panel}",
        menu.right()
    );
    h.get_all_by_label(ZH.fu_actions).next().unwrap().click();
    h.run();
    click(&mut h, ZH.mark_done);
    h.get_by_label(&format!("{} ({})", ZH.nav_follow_ups, due - 1));
}

#[test]
fn picking_a_date_for_a_follow_up_opens_the_calendar_at_once() {
    use chrono::{Datelike, Months, NaiveDate};
    let (_dir, path) = temp_db();
    let id = seed_client(&path, "临沂某物流公司", ClientKind::Enterprise);
    let today = Local::now().date_naive();
    seed_follow_up(&path, id, today, "回访", today);
    let mut h = harness(&path);
    click(&mut h, &format!("{} (1)", ZH.nav_follow_ups));
    click(&mut h, ZH.fu_move);
    click(&mut h, ZH.fu_move_pick);
    let month = fill(
        ZH.cal_month,
        &[("year", &today.year()), ("month", &today.month())],
    );
    h.get_by_label(&month);
    click(&mut h, "›");
    click(&mut h, "20");
    click(&mut h, ZH.save);
    let next = today.with_day(1).unwrap() + Months::new(1);
    let picked = NaiveDate::from_ymd_opt(next.year(), next.month(), 20).unwrap();
    let open = h.state().store().unwrap().follow_ups_open().unwrap();
    assert_eq!(open[0].due, picked);
    h.get_by_label(&fill(
        ZH.due_in_days,
        &[("n", &(picked - today).num_days())],
    ));
}

//! The achievement and need screens driven through the real window.

mod common;

use common::{click, harness, seed_client, temp_db, type_into};
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{AchievementDraft, ClientKind, NeedDraft, Stage};
use techbroker::domain::{AchievementId, ClientId};
use techbroker::i18n::{ZH, fill};
use techbroker::store::{Scope, Store};
use techbroker::ui::Screen;

fn seed_achievement(
    path: &std::path::Path,
    owner: ClientId,
    title: &str,
    stage: Stage,
) -> AchievementId {
    let mut store = Store::open(path).unwrap();
    store
        .save_achievement(
            None,
            &AchievementDraft {
                title: title.into(),
                owner: Some(owner),
                field: "新能源".into(),
                trl: "5".into(),
                stage,
                ..AchievementDraft::default()
            },
        )
        .unwrap()
}

#[test]
fn create_an_achievement_with_an_ip_row_and_find_it_by_a_two_character_search() {
    let (_dir, path) = temp_db();
    seed_client(&path, "山东大学", ClientKind::University);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_achievements);
    click(&mut h, ZH.new_achievement);
    type_into(&mut h, ZH.a_title, "高能量密度固态电池电解质");
    type_into(&mut h, ZH.a_owner, "山东");
    click(&mut h, "山东大学");
    click(&mut h, ZH.a_field);
    click(&mut h, "新能源");
    type_into(&mut h, ZH.a_keywords, "固态电池、电解质");
    type_into(&mut h, ZH.a_trl, "4");
    click(&mut h, ZH.add_ip);
    type_into(&mut h, &format!("{} 1", ZH.ip_number), "ZL202210987654.3");
    click(&mut h, ZH.save);

    let store = h.state().store().unwrap();
    let rows = store.achievement_rows(Scope::All).unwrap();
    assert_eq!(rows.len(), 1, "the achievement was saved");
    let saved = store.get_achievement(rows[0].0.id).unwrap().unwrap();
    assert_eq!(saved.data.ip_items[0].number, "ZL202210987654.3");
    assert_eq!(saved.owner_name, "山东大学");
    assert!(matches!(h.state().screen(), Screen::Achievement(_)));

    click(&mut h, ZH.nav_achievements);
    type_into(&mut h, ZH.search, "电解");
    h.get_by_label(&fill(
        ZH.achievements_count,
        &[("shown", &1), ("total", &1)],
    ));
    h.get_by_label("高能量密度固态电池电解质");
    type_into(&mut h, ZH.search, "质子");
    h.get_by_label(&fill(
        ZH.achievements_count,
        &[("shown", &0), ("total", &1)],
    ));
}

#[test]
fn trl_zero_and_a_negative_price_are_refused_with_messages() {
    let (_dir, path) = temp_db();
    seed_client(&path, "青岛科技大学", ClientKind::University);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_achievements);
    click(&mut h, ZH.new_achievement);
    type_into(&mut h, ZH.a_title, "橡胶轮胎低滚阻配方");
    type_into(&mut h, ZH.a_trl, "0");
    click(&mut h, ZH.negotiable);
    type_into(&mut h, ZH.a_price, "-5000");
    click(&mut h, ZH.save);
    h.get_by_label(ZH.p_trl_out_of_range);
    h.get_by_label(ZH.p_negative_amount);
    // The owner and the field are missing too.
    assert_eq!(h.get_all_by_label(ZH.p_required).count(), 2);
    assert_eq!(h.state().screen(), Screen::AchievementForm);
    let store = h.state().store().unwrap();
    assert!(store.achievement_rows(Scope::All).unwrap().is_empty());
}

#[test]
fn filter_achievements_by_stage() {
    let (_dir, path) = temp_db();
    let owner = seed_client(&path, "山东理工大学", ClientKind::University);
    seed_achievement(&path, owner, "实验室阶段的催化剂", Stage::Lab);
    seed_achievement(&path, owner, "中试阶段的催化剂", Stage::Pilot);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_achievements);
    h.get_by_label(&fill(
        ZH.achievements_count,
        &[("shown", &2), ("total", &2)],
    ));
    h.get_by_label(ZH.col_stage).click();
    h.run();
    // The stage filter's combo opens; choose 中试 from its list.
    h.get_all_by_label(ZH.stage_pilot).next().unwrap().click();
    h.run();
    h.get_by_label(&fill(
        ZH.achievements_count,
        &[("shown", &1), ("total", &2)],
    ));
    h.get_by_label("中试阶段的催化剂");
    assert!(h.query_by_label("实验室阶段的催化剂").is_none());
}

#[test]
fn create_a_need_from_an_enterprises_detail_view() {
    let (_dir, path) = temp_db();
    let enterprise = seed_client(&path, "潍坊某动力公司", ClientKind::Enterprise);
    let title = "发动机缸体铸造缺陷检测";
    // How lists show a confidential need's title.
    let shown = format!("{}{title}", ZH.confidential_mark);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_clients);
    click(&mut h, "潍坊某动力公司");
    h.get_by_label(&fill(ZH.client_needs, &[("n", &0)]));
    click(&mut h, ZH.new_need);
    // The enterprise is already chosen.
    h.get_by_label("潍坊某动力公司");
    type_into(&mut h, ZH.n_title, title);
    click(&mut h, ZH.a_field);
    click(&mut h, "高端装备制造");
    click(&mut h, ZH.n_confidential);
    click(&mut h, ZH.save);
    let store = h.state().store().unwrap();
    let rows = store.need_rows(Scope::Client(enterprise)).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].0.confidential);

    click(&mut h, "潍坊某动力公司");
    h.get_by_label(&fill(ZH.client_needs, &[("n", &1)]));
    h.get_by_label(&shown);
    click(&mut h, ZH.nav_needs);
    click(&mut h, &shown);
    click(&mut h, ZH.delete_need);
    click(&mut h, ZH.nav_trash);
    h.get_by_label(&shown);
}

#[test]
fn delete_an_achievement_and_restore_it_from_the_trash() {
    let (_dir, path) = temp_db();
    let owner = seed_client(&path, "鲁东大学", ClientKind::University);
    seed_achievement(&path, owner, "海水淡化膜材料", Stage::SmallTrial);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_achievements);
    click(&mut h, "海水淡化膜材料");
    click(&mut h, ZH.delete_achievement);
    assert_eq!(h.state().screen(), Screen::Achievements);
    h.get_by_label(ZH.no_achievements);

    click(&mut h, ZH.nav_trash);
    h.get_by_label(ZH.trash_achievement);
    click(&mut h, ZH.restore);
    click(&mut h, ZH.nav_achievements);
    h.get_by_label(&fill(
        ZH.achievements_count,
        &[("shown", &1), ("total", &1)],
    ));
    type_into(&mut h, ZH.search, "淡化");
    h.get_by_label("海水淡化膜材料");
}

#[test]
fn edit_a_need_and_see_the_list_follow() {
    let (_dir, path) = temp_db();
    let enterprise = seed_client(&path, "东营某石化公司", ClientKind::Enterprise);
    {
        let mut store = Store::open(&path).unwrap();
        store
            .save_need(
                None,
                &NeedDraft {
                    enterprise: Some(enterprise),
                    title: "稠油降黏技术".into(),
                    field: "新材料".into(),
                    ..NeedDraft::default()
                },
            )
            .unwrap();
    }
    let mut h = harness(&path);
    click(&mut h, ZH.nav_needs);
    click(&mut h, "稠油降黏技术");
    click(&mut h, ZH.edit_need);
    type_into(&mut h, ZH.n_title, "（二期）");
    click(&mut h, ZH.negotiable);
    type_into(&mut h, ZH.n_budget, "50万");
    click(&mut h, ZH.save);
    click(&mut h, ZH.nav_needs);
    h.get_by_label("稠油降黏技术（二期）");
    h.get_by_label("50.00");
}

#[test]
fn export_the_achievement_list_as_filtered() {
    let (dir, path) = temp_db();
    let owner = seed_client(&path, "山东理工大学", ClientKind::University);
    seed_achievement(&path, owner, "=实验室阶段的催化剂", Stage::Lab);
    seed_achievement(&path, owner, "中试阶段的催化剂", Stage::Pilot);
    seed_achievement(&path, owner, "海水淡化膜", Stage::Pilot);
    let csv = dir.path().join("成果.csv");
    let mut h = common::harness_with_picker(&path, Some(csv.clone()));
    click(&mut h, ZH.nav_achievements);
    type_into(&mut h, ZH.search, "催化");
    click(&mut h, ZH.export_menu);
    click(&mut h, ZH.export_as_csv);
    h.get_by_label_contains(&fill(ZH.exported, &[("path", &csv.display())]));
    let text = String::from_utf8(std::fs::read(&csv).unwrap()[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "a header and the two matches: {text}");
    assert!(lines[0].starts_with(&[ZH.a_title, ZH.a_owner, ZH.a_field].join(",")));
    assert!(
        text.contains("'=实验室阶段的催化剂,山东理工大学"),
        "neutralised: {text}"
    );
    assert!(!text.contains("海水淡化膜"));
}

#[test]
fn a_keyword_finds_its_achievement_and_is_exported_with_the_list() {
    let (dir, path) = temp_db();
    let owner = seed_client(&path, "自然资源部天津海水淡化所", ClientKind::Institute);
    let mut store = Store::open(&path).unwrap();
    for (title, keywords) in [("海水淡化膜", "反渗透、脱盐"), ("加氢催化剂", "催化、石化")]
    {
        let draft = AchievementDraft {
            title: title.into(),
            owner: Some(owner),
            field: "新材料".into(),
            keywords: keywords.into(),
            trl: "6".into(),
            ..AchievementDraft::default()
        };
        store.save_achievement(None, &draft).unwrap();
    }
    drop(store);
    // Only the keywords hold 脱盐: the list's rows keep none, the search index has them.
    let lines = search_and_export_csv(
        &path,
        dir.path().join("成果.csv"),
        (ZH.nav_achievements, "脱盐"),
        ("海水淡化膜", "加氢催化剂"),
    );
    assert_eq!(lines.len(), 2, "a header and the match: {lines:?}");
    assert!(lines[0].contains(ZH.keywords), "{lines:?}");
    assert!(
        lines[1].starts_with("海水淡化膜,自然资源部天津海水淡化所,新材料,反渗透、脱盐,6,"),
        "the keywords read from the store: {lines:?}"
    );
}

/// Searches the list opened by `nav` for `term`, checks that `shown` is listed and `hidden` is
/// not, exports the list as CSV to `csv` and returns the file's lines.
fn search_and_export_csv(
    path: &std::path::Path,
    csv: std::path::PathBuf,
    (nav, term): (&str, &str),
    (shown, hidden): (&str, &str),
) -> Vec<String> {
    let mut h = common::harness_with_picker(path, Some(csv.clone()));
    click(&mut h, nav);
    type_into(&mut h, ZH.search, term);
    h.get_by_label(shown);
    assert!(h.query_by_label(hidden).is_none());
    click(&mut h, ZH.export_menu);
    click(&mut h, ZH.export_as_csv);
    h.get_by_label_contains(&fill(ZH.exported, &[("path", &csv.display())]));
    let text = String::from_utf8(std::fs::read(&csv).unwrap()[3..].to_vec()).unwrap();
    text.lines().map(str::to_string).collect()
}

#[test]
fn a_keyword_finds_its_need_and_is_exported_with_the_list() {
    let (dir, path) = temp_db();
    let enterprise = seed_client(&path, "东营某石化公司", ClientKind::Enterprise);
    let mut store = Store::open(&path).unwrap();
    for (title, keywords) in [("稠油降黏技术", "降黏剂、稠油开采"), ("污水处理", "膜分离")]
    {
        let draft = NeedDraft {
            enterprise: Some(enterprise),
            title: title.into(),
            field: "新材料".into(),
            keywords: keywords.into(),
            ..NeedDraft::default()
        };
        store.save_need(None, &draft).unwrap();
    }
    drop(store);
    let lines = search_and_export_csv(
        &path,
        dir.path().join("需求.csv"),
        (ZH.nav_needs, "降黏剂"),
        ("稠油降黏技术", "污水处理"),
    );
    assert_eq!(lines.len(), 2, "a header and the match: {lines:?}");
    assert!(
        lines[1].starts_with("稠油降黏技术,东营某石化公司,新材料,降黏剂、稠油开采,"),
        "the keywords read from the store: {lines:?}"
    );
}

#[test]
fn an_amount_typed_in_a_form_is_read_back_in_yuan_and_wan() {
    let (_dir, path) = temp_db();
    common::seed_client(
        &path,
        "潍坊某动力公司",
        techbroker::domain::ClientKind::Enterprise,
    );
    let mut h = common::harness(&path);
    common::click(&mut h, ZH.nav_needs);
    common::click(&mut h, ZH.new_need);
    // A new need's budget starts negotiable.
    common::click(&mut h, ZH.negotiable);
    common::type_into(&mut h, ZH.n_budget, "120万");
    let read = fill(
        ZH.amount_read_as,
        &[("yuan", &"1,200,000.00"), ("wan", &"120.00")],
    );
    h.get_by_label(&read);
}

#[test]
fn every_list_column_fits_a_1024_pixel_window() {
    let (_dir, path) = temp_db();
    let owner = common::seed_client(
        &path,
        "山东大学",
        techbroker::domain::ClientKind::University,
    );
    {
        let mut store = Store::open(&path).unwrap();
        let draft = techbroker::domain::AchievementDraft {
            title: "节能电机".into(),
            owner: Some(owner),
            field: "高端装备制造".into(),
            trl: "5".into(),
            ..Default::default()
        };
        let achievement = store.save_achievement(None, &draft).unwrap();
        let buyer = store
            .save_client(
                None,
                &techbroker::domain::ClientDraft {
                    name: "济南某电机公司".into(),
                    kind: techbroker::domain::ClientKind::Enterprise,
                    ..Default::default()
                },
            )
            .unwrap();
        store
            .record_decision(&techbroker::store::DecisionInput::accepted(
                None,
                achievement,
                buyer,
            ))
            .unwrap();
    }
    let mut h = common::harness_small(&path);
    h.run();
    let last_columns = [
        (ZH.nav_clients, ZH.col_last_contact.to_string()),
        (ZH.nav_achievements, format!("{} ↓", ZH.col_updated)),
    ];
    for (list, last) in last_columns {
        h.get_by_role_and_label(egui::accesskit::Role::Button, list)
            .click();
        h.run();
        let right = h.get_by_label(&last).rect().right();
        assert!(right <= 1024.0, "{list}: the last column ends at {right}");
    }
    // The deals as a table: the status column in sight.
    h.get_by_role_and_label(egui::accesskit::Role::Button, ZH.nav_deals)
        .click();
    h.run();
    h.get_by_label(ZH.view_table).click();
    h.run();
    let right = h.get_by_label(ZH.col_status).rect().right();
    assert!(right <= 1024.0, "the deals' status column ends at {right}");
}

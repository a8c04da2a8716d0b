//! The achievement and need screens driven through the real window.

mod common;

use common::{click, harness, seed_client, temp_db, type_into};
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{AchievementDraft, ClientKind, NeedDraft, Stage};
use techbroker::domain::{AchievementId, ClientId};
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
    click(&mut h, "科技成果");
    click(&mut h, "新建成果");
    type_into(&mut h, "成果名称", "高能量密度固态电池电解质");
    type_into(&mut h, "完成单位", "山东");
    click(&mut h, "山东大学");
    click(&mut h, "所属领域");
    click(&mut h, "新能源");
    type_into(&mut h, "关键词（最多 5 个）", "固态电池、电解质");
    type_into(&mut h, "技术成熟度 TRL（1-9）", "4");
    click(&mut h, "添加知识产权");
    type_into(&mut h, "号码 1", "ZL202210987654.3");
    click(&mut h, "保存");

    let store = h.state().store().unwrap();
    let rows = store.achievement_rows(Scope::All).unwrap();
    assert_eq!(rows.len(), 1, "the achievement was saved");
    let saved = store.get_achievement(rows[0].0.id).unwrap().unwrap();
    assert_eq!(saved.data.ip_items[0].number, "ZL202210987654.3");
    assert_eq!(saved.owner_name, "山东大学");
    assert!(matches!(h.state().screen(), Screen::Achievement(_)));

    click(&mut h, "科技成果");
    type_into(&mut h, "搜索", "电解");
    h.get_by_label("1 / 1 项成果");
    h.get_by_label("高能量密度固态电池电解质");
    type_into(&mut h, "搜索", "质子");
    h.get_by_label("0 / 1 项成果");
}

#[test]
fn trl_zero_and_a_negative_price_are_refused_with_messages() {
    let (_dir, path) = temp_db();
    seed_client(&path, "青岛科技大学", ClientKind::University);
    let mut h = harness(&path);
    click(&mut h, "科技成果");
    click(&mut h, "新建成果");
    type_into(&mut h, "成果名称", "橡胶轮胎低滚阻配方");
    type_into(&mut h, "技术成熟度 TRL（1-9）", "0");
    click(&mut h, "面议");
    type_into(&mut h, "意向价格（元）", "-5000");
    click(&mut h, "保存");
    h.get_by_label("技术成熟度应为 1 到 9 的整数");
    h.get_by_label("金额不能为负数");
    // The owner and the field are missing too.
    assert_eq!(h.get_all_by_label("必填").count(), 2);
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
    click(&mut h, "科技成果");
    h.get_by_label("2 / 2 项成果");
    h.get_by_label("阶段").click();
    h.run();
    // The stage filter's combo opens; choose 中试 from its list.
    h.get_all_by_label("中试").next().unwrap().click();
    h.run();
    h.get_by_label("1 / 2 项成果");
    h.get_by_label("中试阶段的催化剂");
    assert!(h.query_by_label("实验室阶段的催化剂").is_none());
}

#[test]
fn create_a_need_from_an_enterprises_detail_view() {
    let (_dir, path) = temp_db();
    let enterprise = seed_client(&path, "潍坊某动力公司", ClientKind::Enterprise);
    let mut h = harness(&path);
    click(&mut h, "客户");
    click(&mut h, "潍坊某动力公司");
    h.get_by_label("该企业的需求（0）");
    click(&mut h, "新建需求");
    // The enterprise is already chosen.
    h.get_by_label("潍坊某动力公司");
    type_into(&mut h, "需求名称", "发动机缸体铸造缺陷检测");
    click(&mut h, "所属领域");
    click(&mut h, "高端装备制造");
    click(&mut h, "保密需求");
    click(&mut h, "保存");
    let store = h.state().store().unwrap();
    let rows = store.need_rows(Scope::Client(enterprise)).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].0.confidential);

    click(&mut h, "潍坊某动力公司");
    h.get_by_label("该企业的需求（1）");
    h.get_by_label("【保密】发动机缸体铸造缺陷检测");
    click(&mut h, "技术需求");
    click(&mut h, "【保密】发动机缸体铸造缺陷检测");
    click(&mut h, "删除需求");
    click(&mut h, "回收站");
    h.get_by_label("【保密】发动机缸体铸造缺陷检测");
}

#[test]
fn delete_an_achievement_and_restore_it_from_the_trash() {
    let (_dir, path) = temp_db();
    let owner = seed_client(&path, "鲁东大学", ClientKind::University);
    seed_achievement(&path, owner, "海水淡化膜材料", Stage::SmallTrial);
    let mut h = harness(&path);
    click(&mut h, "科技成果");
    click(&mut h, "海水淡化膜材料");
    click(&mut h, "删除成果");
    assert_eq!(h.state().screen(), Screen::Achievements);
    h.get_by_label_contains("还没有成果");

    click(&mut h, "回收站");
    h.get_by_label("成果");
    click(&mut h, "恢复");
    click(&mut h, "科技成果");
    h.get_by_label("1 / 1 项成果");
    type_into(&mut h, "搜索", "淡化");
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
    click(&mut h, "技术需求");
    click(&mut h, "稠油降黏技术");
    click(&mut h, "编辑需求");
    type_into(&mut h, "需求名称", "（二期）");
    click(&mut h, "面议");
    type_into(&mut h, "预算/悬赏（元）", "50万");
    click(&mut h, "保存");
    click(&mut h, "技术需求");
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
    click(&mut h, "科技成果");
    type_into(&mut h, "搜索", "催化");
    click(&mut h, "导出…");
    click(&mut h, "CSV（Excel 可直接打开）…");
    h.get_by_label_contains("已导出到");
    let text = String::from_utf8(std::fs::read(&csv).unwrap()[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "a header and the two matches: {text}");
    assert!(lines[0].starts_with("成果名称,完成单位,所属领域"));
    assert!(
        text.contains("'=实验室阶段的催化剂,山东理工大学"),
        "neutralised: {text}"
    );
    assert!(!text.contains("海水淡化膜"));
}

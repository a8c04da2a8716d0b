//! The pipeline board and a deal's page, driven through the window.

mod common;

use common::{click, harness, replace_in, seed_client, temp_db, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::DealId;
use techbroker::domain::{AchievementDraft, ClientKind, DealStage, Stage};
use techbroker::store::{DecisionInput, Store};
use techbroker::ui::Screen;

const TITLE: &str = "数控机床热误差补偿技术";

/// A deal created the way accepting a match creates it.
fn seed(path: &std::path::Path) -> DealId {
    let seller = seed_client(path, "山东大学", ClientKind::University);
    let buyer = seed_client(path, "济南某装备公司", ClientKind::Enterprise);
    let mut store = Store::open(path).unwrap();
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: TITLE.into(),
                owner: Some(seller),
                field: "高端装备制造".into(),
                trl: "7".into(),
                stage: Stage::Pilot,
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    store
        .record_decision(&DecisionInput::accepted(None, achievement, buyer))
        .unwrap()
        .unwrap()
}

fn stage_of(h: &egui_kittest::Harness<'_, techbroker::ui::TechBrokerApp>, id: DealId) -> DealStage {
    h.state()
        .store()
        .unwrap()
        .get_deal(id)
        .unwrap()
        .unwrap()
        .stage
}

#[test]
fn move_a_card_by_its_menu_and_by_dragging_it() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    h.get_by_label(TITLE);
    h.get_by_label("1 个 · 0.00 万元");

    click(&mut h, "移到…");
    h.get_by_role_and_label(Role::Button, "洽谈").click();
    h.run();
    assert_eq!(stage_of(&h, id), DealStage::Negotiating);
    h.get_by_label("已移到“洽谈”");

    // Drag the card onto the 对接 column.
    let from = h.get_by_label(TITLE).rect().center();
    let to = h.get_by_label("对接").rect().center() + egui::vec2(0.0, 60.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=10 {
        h.hover_at(from + (to - from) * (step as f32 / 10.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    assert_eq!(stage_of(&h, id), DealStage::Introduced);

    // Losing a deal needs a reason: the board's menu cannot give one.
    click(&mut h, "移到…");
    h.get_by_role_and_label(Role::Button, "终止").click();
    h.run();
    h.get_by_label_contains("终止交易请填写原因");
    assert_eq!(stage_of(&h, id), DealStage::Introduced);
}

#[test]
fn signing_needs_an_amount_and_a_date_then_shows_the_registration_due_date() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    click(&mut h, "打开");
    assert_eq!(h.state().screen(), Screen::Deal(id));

    h.get_by_label("移到…").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "签约").click();
    h.run();
    click(&mut h, "移到该阶段");
    // Said beside the stage and in the status line.
    assert_eq!(
        h.get_all_by_label("签约前请填写签约日期和合同金额，并先保存条款。")
            .count(),
        2
    );
    assert_eq!(stage_of(&h, id), DealStage::Introduced);

    type_into(&mut h, "合同金额（元）", "120万");
    type_into(&mut h, "佣金比例（%）", "3");
    type_into(&mut h, "签约日期", "2026-11-20");
    h.get_by_label("按比例计算：36,000.00 元");
    click(&mut h, "保存");
    click(&mut h, "移到该阶段");
    assert_eq!(stage_of(&h, id), DealStage::Signed);
    h.get_by_label("登记截止：2026-12-20");

    type_into(&mut h, "登记日期", "2026-13-01");
    click(&mut h, "记录登记");
    h.get_by_label_contains("日期无效");
    assert!(
        h.state()
            .store()
            .unwrap()
            .get_deal(id)
            .unwrap()
            .unwrap()
            .registration_submitted
            .is_none()
    );
    replace_in(&mut h, "登记日期", "2026-12-01");
    type_into(&mut h, "证书号", "3701012026000888");
    click(&mut h, "记录登记");
    h.get_by_label("已登记（2026-12-01，证书号 3701012026000888）");
}

#[test]
fn a_plan_of_two_instalments_and_a_partial_payment() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    click(&mut h, "打开");

    type_into(&mut h, "到期日", "2026-01-31");
    type_into(&mut h, "金额（元）", "30000");
    type_into(&mut h, "触发条件", "签约后");
    click(&mut h, "添加分期");
    replace_in(&mut h, "到期日", "2099-06-30");
    type_into(&mut h, "金额（元）", "70000");
    click(&mut h, "添加分期");
    let (plan, _) = h.state().store().unwrap().payment_plan(id).unwrap();
    assert_eq!(plan.len(), 2);

    type_into(&mut h, "回款日期", "2026-02-10");
    type_into(&mut h, "回款金额（元）", "10000");
    click(&mut h, "记录回款");
    h.get_by_label(
        "计划 100,000.00 元 · 已收 10,000.00 元 · 未收 90,000.00 元 · 逾期 20,000.00 元",
    );
    h.get_by_label("20,000.00 逾期");

    type_into(&mut h, "回款金额（元）", "很多");
    click(&mut h, "记录回款");
    h.get_by_label_contains("金额格式不正确");
    assert_eq!(
        h.state().store().unwrap().payment_plan(id).unwrap().1.len(),
        1
    );
}

#[test]
fn use_first_pay_later_generates_the_plan_after_the_trial() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    click(&mut h, "打开");
    type_into(&mut h, "试用期结束日期", "2099-06-30");
    type_into(&mut h, "分期数", "2");
    type_into(&mut h, "间隔（月）", "6");
    click(&mut h, "从试用期结束起生成分期");
    h.get_by_label("请先填写并保存合同金额");

    type_into(&mut h, "合同金额（元）", "20万");
    click(&mut h, "保存");
    click(&mut h, "从试用期结束起生成分期");
    let store = h.state().store().unwrap();
    let dues: Vec<String> = store
        .payment_plan(id)
        .unwrap()
        .0
        .iter()
        .map(|(_, i)| i.due.to_string())
        .collect();
    assert_eq!(dues, ["2099-06-30", "2099-12-30"]);
    h.get_by_label_contains("试用期还剩");
}

#[test]
fn the_agenda_is_the_start_screen_and_opens_what_is_due() {
    use chrono::{Days, Local};
    use techbroker::domain::InteractionDraft;
    use techbroker::domain::payments::Instalment;
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let today = Local::now().date_naive();
    {
        let mut store = Store::open(&path).unwrap();
        store
            .add_instalments(
                id,
                &[Instalment {
                    due: today - Days::new(3),
                    amount: techbroker::domain::Money::from_yuan(8_000),
                    trigger: "首付款".into(),
                }],
            )
            .unwrap();
        let buyer = store.get_deal(id).unwrap().unwrap().buyer;
        let mut visit = InteractionDraft::new(today - Days::new(7));
        visit.summary = "走访".into();
        visit.next_step = "寄送合同草稿".into();
        visit.next_due = Some(today);
        store.add_interaction(buyer, &visit).unwrap();
    }
    let mut h = harness(&path);
    assert_eq!(h.state().screen(), Screen::Agenda);
    // The agenda is under the dashboard's cards and charts.
    h.get_by_label("今天要做的事").scroll_to_me();
    h.run();
    h.get_by_label("未收 8,000.00 元");
    h.get_by_label("逾期 3 天");
    h.get_by_label("寄送合同草稿");
    click(&mut h, "交易");
    h.get_by_label("回款逾期 8,000.00 元");
    click(&mut h, "工作台");
    h.get_by_label("今天要做的事").scroll_to_me();
    h.run();
    click(&mut h, TITLE);
    assert_eq!(h.state().screen(), Screen::Deal(id));
}

#[test]
fn the_registration_rule_is_set_on_the_board() {
    use techbroker::domain::registration::RegistrationRule;
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    click(&mut h, "工作日");
    replace_in(&mut h, "天数", "15");
    click(&mut h, "保存");
    assert_eq!(
        h.state().store().unwrap().registration_rule().unwrap(),
        RegistrationRule::WorkingDays(15)
    );
}

#[test]
fn the_table_view_lists_and_filters_deals() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    click(&mut h, "列表");
    h.get_by_label(TITLE);
    // Filter by a contract type the deal does not have: it leaves the table.
    h.get_by_label("合同类型").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "技术开发").click();
    h.run();
    assert!(h.query_by_label(TITLE).is_none());
    h.get_by_label("合同类型").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "技术转让").click();
    h.run();
    click(&mut h, TITLE);
    assert_eq!(h.state().screen(), Screen::Deal(id));
}

#[test]
fn log_an_interaction_on_a_deal() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    click(&mut h, "打开");
    type_into(&mut h, "摘要", "与企业确认许可范围");
    type_into(&mut h, "下一步", "发送合同草稿");
    click(&mut h, "设截止日期");
    click(&mut h, "记录跟进");
    h.get_by_label("与企业确认许可范围");
    click(&mut h, "工作台");
    h.get_by_label("发送合同草稿");
}

#[test]
fn deferred_payment_and_revenue_share_after_a_trial() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    click(&mut h, "打开");
    type_into(&mut h, "合同金额（元）", "50000");
    click(&mut h, "保存");
    type_into(&mut h, "试用期开始日期", "2098-06-30");
    type_into(&mut h, "试用期结束日期", "2099-06-30");
    click(&mut h, "延期一次付清");
    type_into(&mut h, "试用期后天数", "90");
    click(&mut h, "从试用期结束起生成分期");
    let plan = h.state().store().unwrap().payment_plan(id).unwrap().0;
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].1.due.to_string(), "2099-09-28");

    click(&mut h, "收益提成");
    type_into(&mut h, "提成比例（%）", "3");
    type_into(&mut h, "报告周期（月）", "12");
    click(&mut h, "保存试用期");
    h.get_by_label("收益提成 3% · 每 12 个月报告一次");
    let trial = h.state().store().unwrap().trial(id).unwrap();
    assert_eq!(
        trial.start.map(|d| d.to_string()).as_deref(),
        Some("2098-06-30")
    );
}

#[test]
fn export_the_deals_and_the_clients() {
    let (dir, path) = temp_db();
    seed(&path);
    let csv = dir.path().join("export.csv");
    let mut h = common::harness_with_picker(&path, Some(csv.clone()));
    click(&mut h, "交易");
    click(&mut h, "导出…");
    click(&mut h, "CSV（Excel 可直接打开）…");
    let text = String::from_utf8(std::fs::read(&csv).unwrap()[3..].to_vec()).unwrap();
    assert!(text.contains(TITLE) && text.contains("山东大学") && text.contains("对接"));
    click(&mut h, "客户");
    click(&mut h, "导出…");
    click(&mut h, "CSV（Excel 可直接打开）…");
    let text = String::from_utf8(std::fs::read(&csv).unwrap()[3..].to_vec()).unwrap();
    assert_eq!(text.lines().count(), 3, "a header and two clients: {text}");
    assert!(text.contains("济南某装备公司,企业"));
}

#[test]
fn a_removed_instalment_and_payment_go_to_the_trash_and_come_back() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, "交易");
    click(&mut h, "打开");
    type_into(&mut h, "到期日", "2099-06-30");
    type_into(&mut h, "金额（元）", "30000");
    click(&mut h, "添加分期");
    type_into(&mut h, "回款日期", "2026-02-10");
    type_into(&mut h, "回款金额（元）", "10000");
    click(&mut h, "记录回款");
    // The instalment's row first, then the payment's.
    assert_eq!(h.get_all_by_label("移除").count(), 2);
    h.get_all_by_label("移除").nth(1).unwrap().click();
    h.run();
    h.get_all_by_label("移除").next().unwrap().click();
    h.run();
    h.get_by_label("已移到回收站，可在回收站恢复");
    let store = h.state().store().unwrap();
    let (plan, receipts) = store.payment_plan(id).unwrap();
    assert!(plan.is_empty() && receipts.is_empty());

    click(&mut h, "回收站");
    h.get_by_label("分期");
    h.get_by_label("收款");
    h.get_by_label("2099-06-30 · ¥30000.00");
    h.get_by_label("2026-02-10 · ¥10000.00");
    h.get_all_by_label("恢复").next().unwrap().click();
    h.run();
    h.get_all_by_label("恢复").next().unwrap().click();
    h.run();
    let (plan, receipts) = h.state().store().unwrap().payment_plan(id).unwrap();
    assert_eq!((plan.len(), receipts.len()), (1, 1));
}

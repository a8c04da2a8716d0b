//! The pipeline board and a deal's page, driven through the window.

mod common;

use common::{click, harness, replace_in, seed_client, temp_db, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::DealId;
use techbroker::domain::payments::{TrialEnd, trial_days_left};
use techbroker::domain::{AchievementDraft, ClientKind, DealStage, Stage};
use techbroker::i18n::{ZH, fill};
use techbroker::store::Store;
use techbroker::ui::Screen;

const TITLE: &str = "数控机床热误差补偿技术";

/// A deal created the way accepting a match creates it.
fn seed(path: &std::path::Path) -> DealId {
    common::seed_deal(path, TITLE)
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
    click(&mut h, ZH.nav_deals);
    h.get_by_label(TITLE);
    h.get_by_label(&fill(ZH.column_total, &[("n", &1), ("amount", &"0.00")]));

    click(&mut h, ZH.move_to);
    h.get_by_role_and_label(Role::Button, ZH.ds_negotiating)
        .click();
    h.run();
    assert_eq!(stage_of(&h, id), DealStage::Negotiating);
    h.get_by_label(&fill(ZH.stage_moved, &[("stage", &ZH.ds_negotiating)]));

    // Drag the card onto the 对接 column.
    let from = h.get_by_label(TITLE).rect().center();
    let to = h.get_by_label(ZH.ds_introduced).rect().center() + egui::vec2(0.0, 60.0);
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
    click(&mut h, ZH.move_to);
    h.get_by_role_and_label(Role::Button, ZH.ds_lost).click();
    h.run();
    h.get_by_label(ZH.lost_needs_reason);
    assert_eq!(stage_of(&h, id), DealStage::Introduced);
}

#[test]
fn signing_needs_an_amount_and_a_date_then_shows_the_registration_due_date() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    assert_eq!(h.state().screen(), Screen::Deal(id));

    h.get_by_label(ZH.move_to).click();
    h.run();
    h.get_by_role_and_label(Role::Button, ZH.ds_signed).click();
    h.run();
    click(&mut h, ZH.move_stage);
    // Said beside the stage and in the status line.
    assert_eq!(h.get_all_by_label(ZH.signing_needs).count(), 2);
    assert_eq!(stage_of(&h, id), DealStage::Introduced);

    type_into(&mut h, ZH.d_contract, "120万");
    type_into(&mut h, ZH.d_rate, "3");
    type_into(&mut h, ZH.d_signed_on, "2026-11-20");
    h.get_by_label(&fill(ZH.d_commission_computed, &[("amount", &"36,000.00")]));
    click(&mut h, ZH.save);
    click(&mut h, ZH.move_stage);
    assert_eq!(stage_of(&h, id), DealStage::Signed);
    h.get_by_label(&fill(ZH.registration_due, &[("date", &"2026-12-20")]));

    type_into(&mut h, ZH.r_submitted, "2026-13-01");
    click(&mut h, ZH.record_registration);
    h.get_by_label(ZH.p_invalid_date);
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
    replace_in(&mut h, ZH.r_submitted, "2026-12-01");
    type_into(&mut h, ZH.r_certificate, "3701012026000888");
    click(&mut h, ZH.record_registration);
    h.get_by_label(&fill(
        ZH.registration_done,
        &[("date", &"2026-12-01"), ("no", &"3701012026000888")],
    ));
}

#[test]
fn a_plan_of_two_instalments_and_a_partial_payment() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);

    type_into(&mut h, ZH.pay_due, "2026-01-31");
    type_into(&mut h, ZH.pay_amount, "30000");
    type_into(&mut h, ZH.pay_trigger, "签约后");
    click(&mut h, ZH.add_instalment);
    replace_in(&mut h, ZH.pay_due, "2099-06-30");
    type_into(&mut h, ZH.pay_amount, "70000");
    click(&mut h, ZH.add_instalment);
    let (plan, _) = h.state().store().unwrap().payment_plan(id).unwrap();
    assert_eq!(plan.len(), 2);

    type_into(&mut h, ZH.rc_date, "2026-02-10");
    type_into(&mut h, ZH.rc_amount, "10000");
    click(&mut h, ZH.record_payment);
    click(&mut h, ZH.record_anyway);
    h.get_by_label(&fill(
        ZH.plan_totals,
        &[
            ("planned", &"100,000.00"),
            ("received", &"10,000.00"),
            ("outstanding", &"90,000.00"),
            ("overdue", &"20,000.00"),
        ],
    ));
    h.get_by_label(&format!("20,000.00 {}", ZH.pay_overdue));

    type_into(&mut h, ZH.rc_amount, "很多");
    click(&mut h, ZH.record_payment);
    h.get_by_label(ZH.p_invalid_amount);
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
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    type_into(&mut h, ZH.trial_end, "2099-06-30");
    type_into(&mut h, ZH.plan_count, "2");
    type_into(&mut h, ZH.plan_every, "6");
    click(&mut h, ZH.generate_plan);
    h.get_by_label(ZH.plan_needs_contract);

    type_into(&mut h, ZH.d_contract, "20万");
    click(&mut h, ZH.save);
    click(&mut h, ZH.generate_plan);
    let store = h.state().store().unwrap();
    let dues: Vec<String> = store
        .payment_plan(id)
        .unwrap()
        .0
        .iter()
        .map(|(_, i)| i.due.to_string())
        .collect();
    assert_eq!(dues, ["2099-06-30", "2099-12-30"]);
    let end = chrono::NaiveDate::from_ymd_opt(2099, 6, 30).unwrap();
    let today = chrono::Local::now().date_naive();
    let left = trial_days_left(TrialEnd::On(end), today).unwrap();
    h.get_by_label(&fill(ZH.trial_days_left, &[("n", &left)]));
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
    h.get_by_label(ZH.agenda_title).scroll_to_me();
    h.run();
    h.get_by_label(&fill(ZH.outstanding_amount, &[("amount", &"0.80")]));
    h.get_by_label(&fill(ZH.overdue_days, &[("n", &3)]));
    h.get_by_label("寄送合同草稿");
    click(&mut h, ZH.nav_deals);
    h.get_by_label(&fill(ZH.badge_payment_overdue, &[("amount", &"0.80")]));
    click(&mut h, ZH.nav_agenda);
    h.get_by_label(ZH.agenda_title).scroll_to_me();
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
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.rule_working);
    replace_in(&mut h, ZH.rule_days, "15");
    click(&mut h, ZH.save);
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
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.view_table);
    h.get_by_label(TITLE);
    // Filter by a contract type the deal does not have: it leaves the table.
    h.get_by_label(ZH.d_contract_type).click();
    h.run();
    h.get_by_role_and_label(Role::Button, ZH.ct_development)
        .click();
    h.run();
    assert!(h.query_by_label(TITLE).is_none());
    h.get_by_label(ZH.d_contract_type).click();
    h.run();
    h.get_by_role_and_label(Role::Button, ZH.ct_transfer)
        .click();
    h.run();
    click(&mut h, TITLE);
    assert_eq!(h.state().screen(), Screen::Deal(id));
}

#[test]
fn log_an_interaction_on_a_deal() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    type_into(&mut h, ZH.i_summary, "与企业确认许可范围");
    type_into(&mut h, ZH.i_next_step, "发送合同草稿");
    click(&mut h, ZH.i_has_due);
    click(&mut h, ZH.add_interaction);
    h.get_by_label("与企业确认许可范围");
    click(&mut h, ZH.nav_agenda);
    h.get_by_label("发送合同草稿");
}

#[test]
fn deferred_payment_and_revenue_share_after_a_trial() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    type_into(&mut h, ZH.d_contract, "50000");
    click(&mut h, ZH.save);
    type_into(&mut h, ZH.trial_start, "2098-06-30");
    type_into(&mut h, ZH.trial_end, "2099-06-30");
    click(&mut h, ZH.pl_deferred);
    type_into(&mut h, ZH.plan_days_after, "90");
    click(&mut h, ZH.generate_plan);
    let plan = h.state().store().unwrap().payment_plan(id).unwrap().0;
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].1.due.to_string(), "2099-09-28");

    click(&mut h, ZH.pl_revenue_share);
    type_into(&mut h, ZH.plan_share_rate, "3");
    type_into(&mut h, ZH.plan_period, "12");
    click(&mut h, ZH.save_trial);
    h.get_by_label(&fill(
        ZH.revenue_share_terms,
        &[("rate", &3), ("months", &12)],
    ));
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
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.export_menu);
    click(&mut h, ZH.export_as_csv);
    let text = String::from_utf8(std::fs::read(&csv).unwrap()[3..].to_vec()).unwrap();
    assert!(text.contains(TITLE) && text.contains("山东大学") && text.contains(ZH.ds_introduced));
    click(&mut h, ZH.nav_clients);
    click(&mut h, ZH.export_menu);
    click(&mut h, ZH.export_as_csv);
    let text = String::from_utf8(std::fs::read(&csv).unwrap()[3..].to_vec()).unwrap();
    assert_eq!(text.lines().count(), 3, "a header and two clients: {text}");
    assert!(text.contains(&format!("济南某装备公司,{}", ZH.kind_enterprise)));
}

#[test]
fn a_removed_instalment_and_payment_go_to_the_trash_and_come_back() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    type_into(&mut h, ZH.pay_due, "2099-06-30");
    type_into(&mut h, ZH.pay_amount, "30000");
    click(&mut h, ZH.add_instalment);
    type_into(&mut h, ZH.rc_date, "2026-02-10");
    type_into(&mut h, ZH.rc_amount, "10000");
    click(&mut h, ZH.record_payment);
    click(&mut h, ZH.record_anyway);
    // The instalment's row first, then the payment's.
    assert_eq!(h.get_all_by_label(ZH.remove).count(), 2);
    h.get_all_by_label(ZH.remove).nth(1).unwrap().click();
    h.run();
    click(&mut h, ZH.confirm_delete_yes);
    h.get_all_by_label(ZH.remove).next().unwrap().click();
    h.run();
    h.get_by_label(ZH.payment_to_trash);
    let store = h.state().store().unwrap();
    let (plan, receipts) = store.payment_plan(id).unwrap();
    assert!(plan.is_empty() && receipts.is_empty());

    click(&mut h, ZH.nav_trash);
    h.get_by_label(ZH.trash_instalment);
    h.get_by_label(ZH.trash_receipt);
    h.get_by_label("2099-06-30 · ¥30000.00");
    h.get_by_label("2026-02-10 · ¥10000.00");
    h.get_all_by_label(ZH.restore).next().unwrap().click();
    h.run();
    h.get_all_by_label(ZH.restore).next().unwrap().click();
    h.run();
    let (plan, receipts) = h.state().store().unwrap().payment_plan(id).unwrap();
    assert_eq!((plan.len(), receipts.len()), (1, 1));
}

#[test]
fn a_deal_goes_to_the_trash_from_its_page_or_the_table_and_comes_back() {
    use egui::Key;
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    click(&mut h, ZH.delete_deal);
    h.get_by_label(ZH.confirm_delete_title);
    click(&mut h, ZH.cancel);
    assert!(h.state().store().unwrap().list_trash().unwrap().is_empty());
    click(&mut h, ZH.delete_deal);
    click(&mut h, ZH.confirm_delete_yes);
    h.get_by_label(&fill(ZH.moved_to_trash, &[("name", &TITLE)]));
    assert_eq!(h.state().screen(), Screen::Deals);
    // Gone from the board (empty now), the dashboard and the report.
    h.get_by_label(ZH.deals_none);
    let store = h.state().store().unwrap();
    let today = chrono::Local::now().date_naive();
    assert_eq!(store.dashboard(today).unwrap().kpis.in_progress.count, 0);
    assert!(store.report_deals().unwrap().is_empty());

    click(&mut h, ZH.nav_trash);
    assert!(
        h.get_all_by_label(ZH.trash_deal).count() >= 2,
        "the navigation and the row"
    );
    h.get_by_label("山东大学 → 济南某装备公司");
    h.get_by_label(TITLE);
    click(&mut h, ZH.restore);
    h.get_by_label(ZH.trash_empty);
    click(&mut h, ZH.nav_deals);
    h.get_by_label(TITLE);

    // The table's Delete key asks, then moves the selected deal.
    click(&mut h, ZH.view_table);
    h.key_press(Key::Home);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    h.get_by_label(ZH.confirm_delete_title);
    click(&mut h, ZH.confirm_delete_yes);
    h.get_by_label(ZH.deals_none);
    let trash = h.state().store().unwrap().list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].item, techbroker::store::TrashItem::Deal(id));
}

fn receipts_of(
    h: &egui_kittest::Harness<'_, techbroker::ui::TechBrokerApp>,
    id: DealId,
) -> Vec<techbroker::domain::payments::Receipt> {
    h.state().store().unwrap().payment_plan(id).unwrap().1
}

#[test]
fn payments_are_listed_corrected_and_trashed_and_an_unsigned_deal_asks_first() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);

    type_into(&mut h, ZH.rc_date, "2026-02-10");
    type_into(&mut h, ZH.rc_amount, "1000000");
    type_into(&mut h, ZH.rc_note, "首付款");
    click(&mut h, ZH.record_payment);
    // The deal is not signed: nothing is recorded until the broker says so.
    h.get_by_label(ZH.unsigned_body);
    assert!(receipts_of(&h, id).is_empty());
    click(&mut h, ZH.cancel);
    assert!(h.query_by_label(ZH.unsigned_body).is_none());
    assert!(receipts_of(&h, id).is_empty());
    click(&mut h, ZH.record_payment);
    click(&mut h, ZH.record_anyway);
    assert_eq!(receipts_of(&h, id).len(), 1);
    h.get_by_label(&fill(
        ZH.receipt_amount,
        &[("yuan", &"1,000,000.00"), ("wan", &"100.00")],
    ));
    h.get_by_label("首付款");

    // Corrected through the same form, validated the same way.
    click(&mut h, ZH.receipt_edit);
    h.get_by_label(&fill(ZH.receipt_editing, &[("date", &"2026-02-10")]));
    replace_in(&mut h, ZH.rc_amount, "0");
    click(&mut h, ZH.receipt_save);
    h.get_by_label(ZH.p_invalid_amount);
    replace_in(&mut h, ZH.rc_amount, "1200000");
    replace_in(&mut h, ZH.rc_date, "2026-02-12");
    replace_in(&mut h, ZH.rc_note, "首付款（含税）");
    click(&mut h, ZH.receipt_save);
    let r = receipts_of(&h, id);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].amount, techbroker::domain::Money::from_yuan(1_200_000));
    assert_eq!(r[0].date.to_string(), "2026-02-12");
    assert_eq!(r[0].note, "首付款（含税）");
    h.get_by_label(&fill(
        ZH.receipt_amount,
        &[("yuan", &"1,200,000.00"), ("wan", &"120.00")],
    ));
    h.get_by_label(ZH.record_payment);

    // To the trash only once confirmed, and back from it.
    click(&mut h, ZH.remove);
    h.get_by_label(ZH.confirm_delete_title);
    assert_eq!(receipts_of(&h, id).len(), 1);
    click(&mut h, ZH.confirm_delete_yes);
    assert!(receipts_of(&h, id).is_empty());
    click(&mut h, ZH.nav_trash);
    h.get_by_label(ZH.trash_receipt);
    click(&mut h, ZH.restore);
    assert_eq!(receipts_of(&h, id).len(), 1);
}

#[test]
fn a_payment_on_a_signed_deal_is_recorded_without_asking() {
    let (_dir, path) = temp_db();
    let id = seed(&path);
    {
        let mut store = Store::open(&path).unwrap();
        let mut draft =
            techbroker::domain::DealDraft::from(&store.get_deal(id).unwrap().unwrap().terms);
        draft.contract = "1200000".into();
        draft.signed_on = "2026-01-05".into();
        store.save_deal_terms(id, &draft).unwrap();
        store.move_deal(id, DealStage::Signed, "").unwrap();
    }
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    type_into(&mut h, ZH.rc_date, "2026-02-10");
    type_into(&mut h, ZH.rc_amount, "10000");
    click(&mut h, ZH.record_payment);
    assert!(h.query_by_label(ZH.unsigned_body).is_none());
    assert_eq!(receipts_of(&h, id).len(), 1);
}

#[test]
fn a_card_moved_to_signed_asks_for_the_date_and_amount_right_there() {
    use egui::Key;
    let (_dir, path) = temp_db();
    let id = seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    let revision = h.state().store().unwrap().revision();

    // Cancelled: nothing changes.
    click(&mut h, ZH.move_to);
    h.get_by_role_and_label(Role::Button, ZH.ds_signed).click();
    h.run();
    h.get_by_label(ZH.sign_title);
    assert!(
        h.query_by_label(ZH.signing_needs).is_none(),
        "asked, not refused"
    );
    click(&mut h, ZH.cancel);
    assert!(h.query_by_label(ZH.sign_title).is_none());
    assert_eq!(stage_of(&h, id), DealStage::Introduced);
    assert_eq!(h.state().store().unwrap().revision(), revision);
    click(&mut h, ZH.move_to);
    h.get_by_role_and_label(Role::Button, ZH.ds_signed).click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label(ZH.sign_title).is_none(), "Esc closes it");
    assert_eq!(h.state().store().unwrap().revision(), revision);

    // Checked as the terms form checks: each problem under its own field, gone once corrected.
    click(&mut h, ZH.move_to);
    h.get_by_role_and_label(Role::Button, ZH.ds_signed).click();
    h.run();
    type_into(&mut h, ZH.d_signed_on, "2026-02-30");
    click(&mut h, ZH.sign_confirm);
    let no_such_day = fill(
        ZH.p_no_such_day,
        &[("year", &2026), ("month", &2), ("days", &28)],
    );
    h.get_by_label(&no_such_day);
    h.get_by_label(ZH.p_required);
    assert!(
        h.get_by_label(&no_such_day).rect().top() > h.get_by_label(ZH.d_signed_on).rect().top()
    );
    assert!(
        h.get_by_label(ZH.p_required).rect().top() > h.get_by_label(ZH.d_contract).rect().top()
    );
    assert_eq!(stage_of(&h, id), DealStage::Introduced);
    replace_in(&mut h, ZH.d_signed_on, "2026-11-20");
    assert!(h.query_by_label(&no_such_day).is_none());
    type_into(&mut h, ZH.d_contract, "1200000");
    assert!(h.query_by_label(ZH.p_required).is_none());
    // Typed in 元, read back with the 万 figure the board shows.
    h.get_by_label(&fill(
        ZH.amount_read_as,
        &[("yuan", &"1,200,000.00"), ("wan", &"120.00")],
    ));
    // Enter confirms: the terms and the move in one write.
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label(ZH.sign_title).is_none());
    let store = h.state().store().unwrap();
    assert_eq!(store.revision(), revision + 1);
    let deal = store.get_deal(id).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Signed);
    assert_eq!(
        deal.terms.contract,
        Some(techbroker::domain::Money(120_000_000))
    );
    assert_eq!(deal.terms.signed_on.unwrap().to_string(), "2026-11-20");
    h.get_by_label(&fill(ZH.stage_moved, &[("stage", &ZH.ds_signed)]));
    h.get_by_label(&fill(ZH.column_total, &[("n", &1), ("amount", &"120.00")]));

    // A deal that has both moves on at once.
    click(&mut h, ZH.move_to);
    h.get_by_role_and_label(Role::Button, ZH.ds_registered)
        .click();
    h.run();
    assert!(h.query_by_label(ZH.sign_title).is_none());
    assert_eq!(stage_of(&h, id), DealStage::Registered);
}

#[test]
fn a_deal_started_by_hand_on_the_board_opens_at_the_first_stage() {
    use egui::{Key, Modifiers};
    let (_dir, path) = temp_db();
    let seller = seed_client(&path, "山东大学", ClientKind::University);
    let buyer = seed_client(&path, "济南某装备公司", ClientKind::Enterprise);
    let (achievement, need) = {
        let mut store = Store::open(&path).unwrap();
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
        let need = store
            .save_need(
                None,
                &techbroker::domain::NeedDraft {
                    title: "机床加工精度提升".into(),
                    enterprise: Some(buyer),
                    field: "高端装备制造".into(),
                    ..techbroker::domain::NeedDraft::default()
                },
            )
            .unwrap();
        (achievement, need)
    };
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    h.get_by_label(ZH.deals_none);

    // Esc leaves the form without writing anything.
    click(&mut h, ZH.new_deal);
    h.get_by_label(ZH.d_title).type_text("不要了");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label(ZH.nd_create).is_none());
    assert!(h.state().store().unwrap().deal_ids().unwrap().is_empty());
    // Ctrl+N on the board is a new deal.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label(ZH.nd_create);
    click(&mut h, ZH.cancel);
    assert!(h.query_by_label(ZH.nd_create).is_none());

    // From the command palette too; required fields are said under each.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label(ZH.palette_search).type_text(ZH.new_deal);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().screen(), Screen::Deals);
    click(&mut h, ZH.nd_create);
    assert_eq!(h.get_all_by_label(ZH.p_required).count(), 3);
    type_into(&mut h, ZH.d_title, "热误差补偿二期");
    assert_eq!(h.get_all_by_label(ZH.p_required).count(), 2);

    type_into(&mut h, ZH.d_seller, "山东");
    click(&mut h, "山东大学");
    click(&mut h, ZH.nd_achievement);
    click(&mut h, TITLE);
    type_into(&mut h, ZH.d_buyer, "济南");
    click(&mut h, "济南某装备公司");
    click(&mut h, ZH.nd_need);
    click(&mut h, "机床加工精度提升");
    assert!(h.query_by_label(ZH.p_required).is_none());
    type_into(&mut h, ZH.d_expected, "800000");
    h.get_by_label(&fill(
        ZH.amount_read_as,
        &[("yuan", &"800,000.00"), ("wan", &"80.00")],
    ));
    h.key_press(Key::Enter);
    h.run();

    let store = h.state().store().unwrap();
    let ids = store.deal_ids().unwrap();
    assert_eq!(ids.len(), 1);
    assert_eq!(h.state().screen(), Screen::Deal(ids[0]), "opened once made");
    let deal = store.get_deal(ids[0]).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Lead);
    assert_eq!(deal.terms.title, "热误差补偿二期");
    assert_eq!((deal.seller, deal.buyer), (seller, buyer));
    assert_eq!(deal.achievements, vec![achievement]);
    assert_eq!(deal.need, Some(need));
    assert_eq!(
        deal.terms.expected,
        Some(techbroker::domain::Money(80_000_000))
    );
    h.get_by_label(&fill(ZH.deal_created, &[("title", &"热误差补偿二期")]));
    click(&mut h, &format!("← {}", ZH.back));
    assert!(h.query_by_label(ZH.nd_create).is_none(), "the form closed");
    h.get_by_label("热误差补偿二期");
}

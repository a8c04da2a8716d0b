//! The dashboard on the start screen, driven through the window: its cards show what the store
//! computes, open the list behind them, and follow changes.

mod common;

use chrono::Local;
use common::{click, harness, seed_client, temp_db};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{
    AchievementDraft, AchievementStatus, ClientKind, DealDraft, DealId, DealStage, Money, Stage,
};
use techbroker::i18n::{ZH, fill};
use techbroker::store::{DecisionInput, Store};
use techbroker::ui::{Command, Screen, TechBrokerApp};

const OPEN_DEAL: &str = "石墨烯散热膜";
const SIGNED_DEAL: &str = "数控机床热误差补偿技术";
const TAKEN: &str = "轮胎配方";

struct Seeded {
    open: DealId,
}

/// Two deals from accepted matches: one introduced, one signed today for 120万 (technology
/// 100万); and a third achievement already in negotiation.
fn seed(path: &std::path::Path) -> Seeded {
    let seller = seed_client(path, "山东大学", ClientKind::University);
    let buyer = seed_client(path, "济南某装备公司", ClientKind::Enterprise);
    let mut store = Store::open(path).unwrap();
    let mut achievement = |title: &str, status| {
        store
            .save_achievement(
                None,
                &AchievementDraft {
                    title: title.into(),
                    owner: Some(seller),
                    field: "高端装备制造".into(),
                    trl: "7".into(),
                    stage: Stage::Pilot,
                    status,
                    ..AchievementDraft::default()
                },
            )
            .unwrap()
    };
    let open_a = achievement(OPEN_DEAL, AchievementStatus::Available);
    let signed_a = achievement(SIGNED_DEAL, AchievementStatus::Available);
    achievement(TAKEN, AchievementStatus::Negotiating);
    let mut accept = |achievement| {
        store
            .record_decision(&DecisionInput::accepted(None, achievement, buyer))
            .unwrap()
            .unwrap()
    };
    let open = accept(open_a);
    let signed = accept(signed_a);
    store
        .save_deal_terms(
            signed,
            &DealDraft {
                title: SIGNED_DEAL.into(),
                contract: "120万".into(),
                technology: "100万".into(),
                signed_on: Local::now().date_naive().to_string(),
                ..DealDraft::default()
            },
        )
        .unwrap();
    store.move_deal(signed, DealStage::Signed, "").unwrap();
    Seeded { open }
}

/// What a screen reader hears for the card showing `value` under `label`.
fn card_name(label: &str, value: &str) -> String {
    fill(ZH.dash_card_name, &[("label", &label), ("value", &value)])
}

fn card(h: &Harness<'_, TechBrokerApp>, label: &str, value: &str) -> String {
    let name = card_name(label, value);
    h.get_by_label(&name);
    name
}

fn wan(m: Money) -> String {
    fill(ZH.dash_wan, &[("amount", &m.wan_text())])
}

#[test]
fn the_cards_show_what_the_store_computes() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    h.run();
    assert_eq!(h.state().screen(), Screen::Agenda);
    let k = h
        .state()
        .store()
        .unwrap()
        .dashboard(Local::now().date_naive())
        .unwrap()
        .kpis;
    assert_eq!(k.achievements_available, 2);
    assert_eq!(k.signed_this_year.amount, Money::from_yuan(1_200_000));
    card(
        &h,
        ZH.kpi_achievements,
        &k.achievements_available.to_string(),
    );
    card(&h, ZH.kpi_needs, &k.needs_open.to_string());
    card(&h, ZH.kpi_in_progress, &k.in_progress.count.to_string());
    card(&h, ZH.kpi_signed, &wan(k.signed_this_year.amount));
    card(&h, ZH.kpi_technology, &wan(k.technology_this_year));
    card(&h, ZH.kpi_received, &wan(k.received_this_year));
    card(&h, ZH.kpi_outstanding, &wan(k.outstanding));
    card(&h, ZH.kpi_registrations, &k.registrations_due.to_string());
    // The charts and the agenda are on the same screen.
    h.get_by_label(ZH.chart_monthly);
    h.get_by_label(ZH.chart_conversion);
    h.get_by_label(&fill(ZH.conv_rate, &[("rate", &"50.0")]));
    h.get_by_label(ZH.agenda_title);
}

#[test]
fn a_card_opens_its_list_filtered() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    h.run();

    let name = card(&h, ZH.kpi_achievements, "2");
    click(&mut h, &name);
    assert_eq!(h.state().screen(), Screen::Achievements);
    h.get_by_label(OPEN_DEAL);
    assert!(h.query_by_label(TAKEN).is_none(), "in negotiation");

    click(&mut h, ZH.nav_agenda);
    let name = card(&h, ZH.kpi_in_progress, "1");
    click(&mut h, &name);
    assert_eq!(h.state().screen(), Screen::Deals);
    h.get_by_label(OPEN_DEAL);
    assert!(h.query_by_label(SIGNED_DEAL).is_none(), "signed already");
    // The preset shows, and clearing it shows every deal.
    click(
        &mut h,
        &format!(
            "{} ×",
            [ZH.ds_lead, ZH.ds_introduced, ZH.ds_negotiating].join(ZH.dash_list_separator)
        ),
    );
    h.get_by_label(SIGNED_DEAL);

    click(&mut h, ZH.nav_agenda);
    let name = card(&h, ZH.kpi_signed, &wan(Money::from_yuan(1_200_000)));
    click(&mut h, &name);
    h.get_by_label(SIGNED_DEAL);
    assert!(h.query_by_label(OPEN_DEAL).is_none());
}

#[test]
fn the_dashboard_follows_a_stage_change() {
    let (_dir, path) = temp_db();
    let seeded = seed(&path);
    let mut h = harness(&path);
    h.run();
    card(&h, ZH.kpi_in_progress, "1");
    card(&h, ZH.kpi_signed, &wan(Money::from_yuan(1_200_000)));

    h.state_mut().apply(Command::MoveDeal {
        id: seeded.open,
        stage: DealStage::Lost,
        lost_reason: "企业预算取消".into(),
    });
    h.run();
    card(&h, ZH.kpi_in_progress, "0");
    // Sign it through its page instead: 50万 more this year.
    h.state_mut().apply(Command::SaveDealTerms {
        id: seeded.open,
        draft: DealDraft {
            title: OPEN_DEAL.into(),
            contract: "50万".into(),
            signed_on: Local::now().date_naive().to_string(),
            ..DealDraft::default()
        },
    });
    h.state_mut().apply(Command::MoveDeal {
        id: seeded.open,
        stage: DealStage::Signed,
        lost_reason: String::new(),
    });
    h.run();
    card(&h, ZH.kpi_signed, &wan(Money::from_yuan(1_700_000)));
}

/// As the app runs it: the figures come from a worker thread, and again after a change.
#[test]
fn the_figures_arrive_from_a_worker_thread() {
    let (_dir, path) = temp_db();
    let seeded = seed(&path);
    let db = path.clone();
    let mut h = Harness::builder()
        .with_size([1280.0, 860.0])
        .build_eframe(move |cc| {
            TechBrokerApp::new(
                cc,
                techbroker::ui::StartOptions {
                    db: Some(db.clone()),
                    sandbox_db: db.with_file_name("sandbox.sqlite"),
                    default_db: db,
                    picker: Box::new(common::FixedPicker(None)),
                    load_in_background: true,
                    demo: false,
                },
            )
        });
    // Until the worker's figures show: the test runner's own timeout stops a hang.
    let wait_for = |h: &mut Harness<'_, TechBrokerApp>, name: &str| {
        while h.query_by_label(name).is_none() {
            std::thread::yield_now();
            h.step();
        }
    };
    wait_for(&mut h, &card_name(ZH.kpi_in_progress, "1"));

    h.state_mut().apply(Command::MoveDeal {
        id: seeded.open,
        stage: DealStage::Negotiating,
        lost_reason: String::new(),
    });
    h.step();
    wait_for(&mut h, &card_name(ZH.kpi_in_progress, "1"));
    assert!(
        h.query_by_label(ZH.dash_loading).is_none(),
        "the old figures stay meanwhile"
    );
    h.state_mut().apply(Command::MoveDeal {
        id: seeded.open,
        stage: DealStage::Lost,
        lost_reason: "企业预算取消".into(),
    });
    wait_for(&mut h, &card_name(ZH.kpi_in_progress, "0"));
}

#[test]
fn a_first_start_says_what_to_do_and_empty_charts_say_so() {
    let (_dir, path) = common::temp_db();
    let mut h = common::harness(&path);
    h.get_by_label(ZH.welcome_title);
    h.get_by_label(ZH.chart_monthly_empty);
    assert_eq!(h.get_all_by_label(ZH.chart_deals_empty).count(), 2);
    h.get_by_label(ZH.chart_conversion_empty);
    common::click(&mut h, ZH.welcome_client);
    assert_eq!(h.state().screen(), Screen::ClientForm);
    common::type_into(&mut h, ZH.f_name, "第一个客户");
    common::click(&mut h, ZH.save);
    common::click(&mut h, ZH.nav_agenda);
    assert!(
        h.query_by_label(ZH.welcome_title).is_none(),
        "not empty any more"
    );
}

#[test]
fn the_first_screen_opens_the_training_sandbox() {
    let (_dir, path) = common::temp_db();
    let mut h = common::harness(&path);
    common::click(&mut h, ZH.welcome_sandbox);
    assert!(h.state().in_sandbox());
}

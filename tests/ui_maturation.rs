//! Carriers and maturation driven through the window: a pilot base gets its carrier profile on
//! its page; a candidate short of the stage a need asks for is sent for maturation from the
//! matching screen; the project goes to production and the achievement moves up.

mod common;

use common::{H, click, harness, seed_client, temp_db, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::maturation::{CarrierKind, Outcome};
use techbroker::domain::{AchievementDraft, ClientId, ClientKind, NeedDraft, Stage};
use techbroker::i18n::{ZH, fill};
use techbroker::store::Store;
use techbroker::ui::Screen;

const BASE: &str = "山东省高端装备中试基地";
const ACHIEVEMENT: &str = "数控机床热误差补偿技术";
const NEED: &str = "机床热误差补偿技术需求";

fn seed(path: &std::path::Path) -> ClientId {
    let university = seed_client(path, "山东大学", ClientKind::University);
    let base = seed_client(path, BASE, ClientKind::Other);
    let enterprise = seed_client(path, "济南某机床公司", ClientKind::Enterprise);
    let mut store = Store::open(path).unwrap();
    for (title, trl, stage, text) in [
        (
            ACHIEVEMENT,
            "5",
            Stage::SmallTrial,
            "数控机床热误差补偿，小试样机精度提升。",
        ),
        (
            "秸秆颗粒燃料",
            "8",
            Stage::Industrial,
            "农作物秸秆压制颗粒燃料。",
        ),
        (
            "水产养殖尾水处理",
            "8",
            Stage::Industrial,
            "池塘尾水湿地净化。",
        ),
    ] {
        store
            .save_achievement(
                None,
                &AchievementDraft {
                    title: title.into(),
                    owner: Some(university),
                    field: "高端装备制造".into(),
                    abstract_text: text.into(),
                    trl: trl.into(),
                    stage,
                    ..AchievementDraft::default()
                },
            )
            .unwrap();
    }
    store
        .save_need(
            None,
            &NeedDraft {
                enterprise: Some(enterprise),
                title: NEED.into(),
                field: "高端装备制造".into(),
                description: "需要数控机床热误差补偿技术，要求已完成中试。".into(),
                min_stage: Some(Stage::Pilot),
                ..NeedDraft::default()
            },
        )
        .unwrap();
    base
}

fn open_client(h: &mut H, name: &str) {
    click(h, ZH.nav_clients);
    click(h, name);
}

#[test]
fn a_carrier_profile_is_filled_on_the_organisations_page_and_refused_without_its_fields() {
    let (_dir, path) = temp_db();
    let base = seed(&path);
    let mut h = harness(&path);
    open_client(&mut h, BASE);
    click(&mut h, ZH.carrier_profile);
    click(&mut h, ZH.carrier_save);
    h.get_by_label(ZH.p_required);
    assert!(Store::open(&path).unwrap().carrier(base).unwrap().is_none());

    type_into(&mut h, ZH.carrier_fields, "高端装备制造、智能制造");
    assert!(h.query_by_label(ZH.p_required).is_none());
    type_into(&mut h, ZH.carrier_capabilities, "精密加工中试线");
    type_into(&mut h, ZH.carrier_cost, "50万");
    click(&mut h, ZH.carrier_save);
    h.get_by_label(ZH.carrier_saved);
    let carrier = Store::open(&path).unwrap().carrier(base).unwrap().unwrap();
    assert_eq!(carrier.kind, CarrierKind::PilotBase);
    assert_eq!(carrier.fields, vec!["高端装备制造", "智能制造"]);
    assert_eq!(carrier.capabilities, "精密加工中试线");
}

#[test]
fn a_candidate_short_of_the_stage_is_sent_for_maturation_and_moves_up_when_it_goes_to_production() {
    let (_dir, path) = temp_db();
    let base = seed(&path);
    let mut h = harness(&path);
    open_client(&mut h, BASE);
    click(&mut h, ZH.carrier_profile);
    type_into(&mut h, ZH.carrier_fields, "高端装备制造");
    click(&mut h, ZH.carrier_save);

    click(&mut h, ZH.nav_needs);
    click(&mut h, NEED);
    click(&mut h, ZH.find_matches);
    click(&mut h, ACHIEVEMENT);
    click(&mut h, ZH.pj_send);
    assert_eq!(h.state().screen(), Screen::Projects);
    h.get_by_label(ZH.pj_new);
    // The achievement is chosen; the base is suggested, serving the field.
    h.get_by_label(ACHIEVEMENT);
    let suggested = format!(
        "{BASE}（{}{}{}",
        ZH.ck_pilot_base, ZH.dash_list_separator, ZH.pj_why_field
    );
    h.get_by_label_contains(&suggested).click();
    h.run();
    click(&mut h, ZH.save);
    let store = Store::open(&path).unwrap();
    let projects = store.projects().unwrap();
    assert_eq!(projects.len(), 1, "saved");
    assert_eq!(projects[0].project.carrier, base);
    drop(store);

    h.get_by_role_and_label(Role::Button, ZH.outcome_to_production)
        .click();
    h.run();
    h.get_by_label_contains(&fill(
        ZH.pj_matured,
        &[("trl", &8), ("stage", &ZH.stage_industrial)],
    ));
    h.get_by_label_contains(ZH.pj_need_waiting);
    let store = Store::open(&path).unwrap();
    let row = &store.projects().unwrap()[0];
    assert_eq!(row.project.outcome, Some(Outcome::ToProduction));
    let a = store
        .get_achievement(row.project.achievement)
        .unwrap()
        .unwrap();
    assert_eq!((a.data.trl, a.data.stage), (8, Stage::Industrial));
    drop(store);

    // The waiting need is offered the match again.
    click(&mut h, ZH.pj_rematch);
    assert_eq!(h.state().screen(), Screen::Matching);
    h.get_by_label(ACHIEVEMENT);

    // The achievement's page keeps the project and the move.
    click(&mut h, ACHIEVEMENT);
    click(&mut h, ZH.open_achievement);
    h.get_by_label(ZH.maturity_history);
    let today = chrono::Local::now().date_naive();
    h.get_by_label(&fill(
        ZH.maturity_change,
        &[
            ("date", &today.to_string()),
            ("trl", &5),
            ("stage", &ZH.stage_small_trial),
            ("new_trl", &8),
            ("new_stage", &ZH.stage_industrial),
        ],
    ));
}

#[test]
fn a_project_without_a_carrier_or_dates_is_refused_with_each_error_under_its_field() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = harness(&path);
    click(&mut h, ZH.nav_projects);
    h.get_by_label(ZH.pj_none);
    click(&mut h, ZH.pj_new);
    type_into(&mut h, ZH.pj_name, "热误差补偿中试");
    type_into(&mut h, ZH.pj_start, "2027-02-30");
    click(&mut h, ZH.save);
    h.get_by_label(&fill(
        ZH.p_no_such_day,
        &[("year", &2027), ("month", &2), ("days", &28)],
    ));
    assert!(h.get_all_by_label(ZH.p_required).count() >= 2);
    assert!(Store::open(&path).unwrap().projects().unwrap().is_empty());
}

#[test]
fn the_dashboard_counts_running_projects_and_those_gone_to_production_this_year() {
    use techbroker::domain::maturation::{CarrierDraft, ProjectDraft};
    let (_dir, path) = temp_db();
    let base = seed(&path);
    let mut store = Store::open(&path).unwrap();
    store
        .save_carrier(
            base,
            &CarrierDraft {
                fields: "高端装备制造".into(),
                ..CarrierDraft::default()
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
    let achievement = store
        .achievement_rows(techbroker::store::Scope::All)
        .unwrap()
        .into_iter()
        .find(|(a, _)| a.title == ACHIEVEMENT)
        .unwrap()
        .0
        .id;
    let today = chrono::Local::now().date_naive();
    let draft = |title: &str| ProjectDraft {
        title: title.into(),
        achievement: Some(achievement),
        carrier: Some(base),
        start: today.to_string(),
        planned_end: today.to_string(),
        ..ProjectDraft::default()
    };
    store
        .create_project(&ProjectDraft {
            milestones: format!("{} 中试线安装调试", today + chrono::Days::new(3)),
            ..draft("运行中的项目")
        })
        .unwrap();
    let done = store.create_project(&draft("已投产的项目")).unwrap();
    store
        .end_project(done, Outcome::ToProduction, today)
        .unwrap();
    drop(store);
    let mut h = harness(&path);
    let card = fill(
        ZH.dash_card_name,
        &[("label", &ZH.kpi_projects), ("value", &"1")],
    );
    h.get_by_label(&fill(
        ZH.kpi_projects_note,
        &[("ended", &1), ("production", &1)],
    ));
    // The running project's milestone is in the agenda under the cards.
    h.get_by_label(ZH.agenda_title).scroll_to_me();
    h.run();
    h.get_by_label(ZH.ag_milestone);
    h.get_by_label("中试线安装调试");
    click(&mut h, "运行中的项目");
    assert_eq!(h.state().screen(), Screen::Projects);
    click(&mut h, ZH.nav_agenda);
    click(&mut h, &card);
    assert_eq!(h.state().screen(), Screen::Projects);
    h.get_by_label("运行中的项目");
    // The board: a column per status, each project under its own.
    click(&mut h, ZH.view_board);
    let column = |status: &str| fill(ZH.pj_column, &[("status", &status), ("n", &1)]);
    let running = h.get_by_label(&column(ZH.pj_running)).rect();
    let produced = h.get_by_label(&column(ZH.outcome_to_production)).rect();
    assert!(produced.left() > running.right());
    let done = h.get_by_label("已投产的项目").rect();
    assert!(done.left() >= produced.left() - 1.0 && done.top() > produced.bottom());
    assert!(h.get_by_label("运行中的项目").rect().right() <= produced.left());
}

/// A bureau's list of carriers, saved from Excel: a kind column for some, the name telling
/// the others, a cost in 万元, and one row without a name.
const CARRIERS_CSV: &str = "序号,基地名称,类型,重点服务领域,主要仪器设备,收费标准（万元）,联系人,联系电话\n\
1,烟台生物医药概念验证中心,,生物医药；医疗器械,细胞培养平台,5,刘老师,0535-6666888\n\
2,潍坊动力装备中试基地,中试示范基地,高端装备、新能源汽车,发动机台架 12 台,30,赵工,0536-7777999\n\
3,,中试基地,新材料,,,,\n";

#[test]
fn a_list_of_carriers_is_imported_from_the_projects_page_and_suggested_for_a_project() {
    let (dir, path) = temp_db();
    let csv = dir.path().join("载体名单.csv");
    std::fs::write(&csv, CARRIERS_CSV).unwrap();
    let mut h = common::harness_with_picker(&path, Some(csv));
    click(&mut h, ZH.nav_projects);
    click(&mut h, ZH.pj_import_carriers);
    h.get_by_label(&fill(ZH.im_file, &[("name", &"载体名单.csv")]));
    click(&mut h, ZH.im_check);
    h.get_by_label(&fill(
        ZH.im_rows_summary,
        &[("rows", &3), ("valid", &2), ("invalid", &1)],
    ));
    // The preview shows each carrier's kind, the first told by its name.
    h.get_by_label(ZH.ck_poc);
    h.get_by_label("生物医药、医疗器械");
    click(&mut h, &fill(ZH.im_import_valid, &[("n", &2), ("m", &1)]));
    let store = Store::open(&path).unwrap();
    let carriers = store.carriers().unwrap();
    let names: Vec<_> = carriers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["潍坊动力装备中试基地", "烟台生物医药概念验证中心"]);
    assert_eq!(carriers[0].kind, CarrierKind::PilotBase);
    assert_eq!(carriers[0].fields, ["高端装备", "新能源汽车"]);
    assert_eq!(
        carriers[0].typical_cost,
        Some(techbroker::domain::Money::from_yuan(300_000))
    );
    assert_eq!(carriers[1].kind, CarrierKind::ProofOfConcept);
    let contacts = store.list_contacts(carriers[1].organisation).unwrap();
    assert_eq!(contacts[0].name, "刘老师");
    // The imported carriers are there to choose when a project is started.
    click(&mut h, ZH.im_close);
    click(&mut h, ZH.nav_projects);
    click(&mut h, ZH.pj_new);
    h.get_by_label_contains("潍坊动力装备中试基地");
}

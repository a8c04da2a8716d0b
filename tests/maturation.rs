//! Carriers and maturation projects in the store: a project that goes to production moves its
//! achievement up in one transaction, with the history; a database of the version before
//! carriers migrates once and keeps its records.

mod common;

use chrono::NaiveDate;
use common::{seed_client, temp_db};
use rusqlite::Connection;
use techbroker::domain::maturation::{
    CarrierDraft, CarrierKind, Outcome, ProjectDraft, ProjectField, ProjectKind,
};
use techbroker::domain::{AchievementDraft, ClientKind, NeedDraft, Problem, Stage};
use techbroker::store::{SaveError, Store, StoreError, latest_version};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Seeded {
    store: Store,
    base: techbroker::domain::ClientId,
    enterprise: techbroker::domain::ClientId,
    achievement: techbroker::domain::AchievementId,
    need: techbroker::domain::NeedId,
}

fn seed(path: &std::path::Path) -> Seeded {
    let university = seed_client(path, "山东大学", ClientKind::University);
    let base = seed_client(path, "山东省高端装备中试基地", ClientKind::Other);
    let enterprise = seed_client(path, "济南某机床公司", ClientKind::Enterprise);
    let mut store = Store::open(path).unwrap();
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "数控机床热误差补偿技术".into(),
                owner: Some(university),
                field: "高端装备制造".into(),
                trl: "5".into(),
                stage: Stage::SmallTrial,
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    let need = store
        .save_need(
            None,
            &NeedDraft {
                enterprise: Some(enterprise),
                title: "机床精度保持技术".into(),
                field: "高端装备制造".into(),
                min_stage: Some(Stage::Pilot),
                ..NeedDraft::default()
            },
        )
        .unwrap();
    Seeded {
        store,
        base,
        enterprise,
        achievement,
        need,
    }
}

fn project(s: &Seeded) -> ProjectDraft {
    ProjectDraft {
        kind: ProjectKind::Pilot,
        title: "热误差补偿中试".into(),
        achievement: Some(s.achievement),
        carrier: Some(s.base),
        enterprise: Some(s.enterprise),
        need: Some(s.need),
        start: "2027-01-05".into(),
        planned_end: "2027-06-30".into(),
        cost: "800000".into(),
        milestones: "2027-03-31 中试线安装调试\n2027-06-15 小批量试制".into(),
        ..ProjectDraft::default()
    }
}

fn base_profile() -> CarrierDraft {
    CarrierDraft {
        kind: CarrierKind::PilotBase,
        fields: "高端装备制造、智能制造".into(),
        capabilities: "精密加工中试线".into(),
        typical_cost: "50万".into(),
        ..CarrierDraft::default()
    }
}

#[test]
fn a_pilot_that_goes_to_production_raises_the_achievement_and_records_why() {
    let (_dir, path) = temp_db();
    let mut s = seed(&path);
    s.store
        .save_carrier(s.base, &base_profile().validate().unwrap())
        .unwrap();
    let carriers = s.store.carriers().unwrap();
    assert_eq!(carriers.len(), 1);
    assert_eq!(carriers[0].fields, vec!["高端装备制造", "智能制造"]);
    assert_eq!(carriers[0].region, "山东省 济南市");

    let id = s.store.create_project(&project(&s)).unwrap();
    let row = s.store.project(id).unwrap().unwrap();
    assert_eq!(row.project.milestones.len(), 2);
    assert_eq!(row.carrier_name, "山东省高端装备中试基地");
    assert_eq!(row.enterprise_name.as_deref(), Some("济南某机床公司"));

    let ended = s
        .store
        .end_project(id, Outcome::ToProduction, day(2027, 6, 30))
        .unwrap();
    assert_eq!(ended.maturity, Some((8, Stage::Industrial)));
    assert_eq!(ended.waiting_need, Some(s.need));
    let a = s.store.get_achievement(s.achievement).unwrap().unwrap();
    assert_eq!((a.data.trl, a.data.stage), (8, Stage::Industrial));
    let history = s.store.maturity_history(s.achievement).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].before, (5, Stage::SmallTrial));
    assert_eq!(history[0].project, Some(id));
    // An ended project is not ended again.
    let again = s
        .store
        .end_project(id, Outcome::Stopped, day(2027, 7, 1))
        .unwrap();
    assert_eq!(again.maturity, None);
    let row = s.store.project(id).unwrap().unwrap();
    assert_eq!(row.project.outcome, Some(Outcome::ToProduction));
    assert_eq!(row.project.ended_on, Some(day(2027, 6, 30)));
}

#[test]
fn a_stopped_project_leaves_the_achievement_as_it_was() {
    let (_dir, path) = temp_db();
    let mut s = seed(&path);
    s.store
        .save_carrier(s.base, &base_profile().validate().unwrap())
        .unwrap();
    let id = s.store.create_project(&project(&s)).unwrap();
    let ended = s
        .store
        .end_project(id, Outcome::Stopped, day(2027, 3, 1))
        .unwrap();
    assert_eq!(ended.maturity, None);
    assert_eq!(ended.waiting_need, None);
    let a = s.store.get_achievement(s.achievement).unwrap().unwrap();
    assert_eq!((a.data.trl, a.data.stage), (5, Stage::SmallTrial));
    assert!(s.store.maturity_history(s.achievement).unwrap().is_empty());
}

#[test]
fn a_project_at_an_organisation_without_a_carrier_profile_or_with_bad_dates_is_refused() {
    let (_dir, path) = temp_db();
    let mut s = seed(&path);
    let refused = s.store.create_project(&project(&s));
    assert!(matches!(
        refused,
        Err(SaveError::Store(StoreError::NotFound))
    ));
    s.store
        .save_carrier(s.base, &base_profile().validate().unwrap())
        .unwrap();
    let backwards = ProjectDraft {
        planned_end: "2026-01-01".into(),
        ..project(&s)
    };
    match s.store.create_project(&backwards) {
        Err(SaveError::Invalid(e)) => {
            assert_eq!(
                e.get(ProjectField::PlannedEnd),
                Some(Problem::EndBeforeStart)
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(s.store.projects().unwrap().is_empty());
}

#[test]
fn a_database_of_the_version_before_carriers_migrates_once_and_keeps_its_records() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        store
            .save_client(
                None,
                &techbroker::domain::ClientDraft {
                    name: "山东大学".into(),
                    kind: ClientKind::University,
                    ..Default::default()
                },
            )
            .unwrap();
    }
    // Back to the version before: what a database written by the previous release looks like.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE team_inbox; DROP TABLE team_audit; DROP TABLE team_deals; DROP TABLE team_conflicts; DROP TABLE sync_outbox; DROP TABLE sync_map; DROP TABLE team_membership; DROP TABLE documents; DROP TABLE maturity_history; DROP TABLE project_milestones;
             DROP TABLE maturation_projects; DROP TABLE carriers;",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 12).unwrap();
    }
    for _ in 0..2 {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.list_clients().unwrap().len(), 1);
        assert!(store.carriers().unwrap().is_empty());
        drop(store);
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
    }
}

//! The rights of service achievements in the store: version 12 over an older file, saved and
//! read back, and the rule a deal's income follows.

use chrono::NaiveDate;
use rusqlite::Connection;
use techbroker::domain::payments::Receipt;
use techbroker::domain::rights::{
    Arrangement, ArrangementKind, DistributionRule, Party, RightsDraft, RightsField,
};
use techbroker::domain::{
    AchievementDraft, AchievementId, ClientDraft, ClientKind, DealId, Money, Problem, Stage,
};
use techbroker::store::{DecisionInput, SaveError, Store, latest_version};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A university's achievement sold to an enterprise in a deal.
fn with_deal(store: &mut Store) -> (AchievementId, DealId) {
    let mut client = |name: &str, kind| {
        store
            .save_client(
                None,
                &ClientDraft {
                    name: name.into(),
                    kind,
                    ..ClientDraft::default()
                },
            )
            .unwrap()
    };
    let seller = client("山东大学", ClientKind::University);
    let buyer = client("济南某装备公司", ClientKind::Enterprise);
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "数控机床热误差补偿技术".into(),
                owner: Some(seller),
                field: "高端装备制造".into(),
                trl: "7".into(),
                stage: Stage::Pilot,
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    let deal = store
        .record_decision(&DecisionInput::accepted(None, achievement, buyer))
        .unwrap()
        .unwrap();
    (achievement, deal)
}

fn granted() -> RightsDraft {
    RightsDraft {
        kind: ArrangementKind::Ownership,
        ownership_share: "70".into(),
        approved_on: "2025-03-18".into(),
        approval_no: "鲁大科字〔2025〕12号".into(),
        separately_managed: true,
        shares: ["70".into(), "25".into(), "5".into()],
        ..RightsDraft::default()
    }
}

fn dump(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT achievement_id || '|' || arrangement || '|' || ifnull(ownership_bp, '-') || '|'
                || ifnull(approved_on, '-') || '|' || approval_no || '|' || separately_managed
                || '|' || ifnull(researchers_bp, '-') FROM achievement_rights
             ORDER BY achievement_id",
        )
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn schema(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT ifnull(sql, name) FROM sqlite_schema ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn rights_round_trip_and_replace_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("rights.sqlite")).unwrap();
    let (achievement, deal) = with_deal(&mut store);
    assert_eq!(store.achievement_rights(achievement).unwrap(), None);
    assert_eq!(store.deal_rule(deal).unwrap(), None);

    store.save_rights(achievement, &granted()).unwrap();
    let rights = store.achievement_rights(achievement).unwrap().unwrap();
    assert_eq!(rights, granted().validate().unwrap());
    assert_eq!(
        rights.arrangement,
        Arrangement::Ownership {
            researchers_bp: 7_000
        }
    );
    assert_eq!(rights.approved_on, Some(d(2025, 3, 18)));
    assert!(rights.separately_managed);
    assert_eq!(RightsDraft::from(&rights), {
        let mut typed = granted();
        typed.approved_on = "2025-03-18".into();
        typed
    });
    let rule = store.deal_rule(deal).unwrap().unwrap();
    assert_eq!(rule, DistributionRule::new(7_000, 2_500, 500).unwrap());

    let use_right = RightsDraft {
        kind: ArrangementKind::UseRight,
        term_years: "10".into(),
        approved_on: "2024-02-29".into(),
        ..RightsDraft::default()
    };
    store.save_rights(achievement, &use_right).unwrap();
    let rights = store.achievement_rights(achievement).unwrap().unwrap();
    assert_eq!(rights.arrangement, Arrangement::UseRight { years: 10 });
    assert_eq!(rights.use_right_end(), Some(d(2034, 2, 28)));
    assert_eq!(rights.rule, None);
    assert_eq!(store.deal_rule(deal).unwrap(), None, "the rule was cleared");
}

#[test]
fn bad_rights_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("rights.sqlite")).unwrap();
    let (achievement, _deal) = with_deal(&mut store);
    store.save_rights(achievement, &granted()).unwrap();
    let revision = store.revision();
    let mut ninety = granted();
    ninety.shares = ["70".into(), "20".into(), String::new()];
    let refused = store.save_rights(achievement, &ninety).err().unwrap();
    assert!(
        matches!(&refused, SaveError::Invalid(e)
            if e.get(RightsField::Shares) == Some(Problem::SharesNotWhole { total_bp: 9_000 })),
        "{refused:?}"
    );
    assert_eq!(store.revision(), revision);
    assert_eq!(
        store.achievement_rights(achievement).unwrap(),
        Some(granted().validate().unwrap())
    );
    let missing = store.save_rights(AchievementId(9_999), &granted()).err();
    assert!(matches!(missing, Some(SaveError::Store(_))), "{missing:?}");
}

#[test]
fn a_version_11_database_is_migrated_once_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v11.sqlite");
    let deal = {
        let mut store = Store::open(&path).unwrap();
        let (_, deal) = with_deal(&mut store);
        store
            .add_receipt(
                deal,
                &Receipt {
                    date: d(2026, 5, 1),
                    amount: Money::from_yuan(100_000),
                    note: String::new(),
                },
            )
            .unwrap();
        deal
    };
    // Back to version 11: the file as the previous release left it.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE team_inbox; DROP TABLE team_audit; DROP TABLE team_deals; DROP TABLE team_conflicts; DROP TABLE sync_outbox; DROP TABLE sync_map; DROP TABLE team_membership; DROP TABLE documents; DROP TABLE maturity_history; DROP TABLE project_milestones; DROP TABLE maturation_projects; DROP TABLE carriers; DROP TABLE achievement_rights; PRAGMA user_version = 11;",
        )
            .unwrap();
    }
    let (achievement, before) = {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.receipt_rows(deal).unwrap().len(), 1, "data kept");
        let achievement = store.get_deal(deal).unwrap().unwrap().achievements[0];
        store.save_rights(achievement, &granted()).unwrap();
        drop(store);
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
        (achievement, (schema(&conn), dump(&conn)))
    };
    // Opening it again migrates nothing and changes nothing.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.receipt_rows(deal).unwrap().len(), 1);
    assert_eq!(
        store.achievement_rights(achievement).unwrap(),
        Some(granted().validate().unwrap())
    );
    drop(store);
    let conn = Connection::open(&path).unwrap();
    assert_eq!((schema(&conn), dump(&conn)), before);
}

#[test]
fn a_deal_splits_its_received_payments_by_its_achievements_rule() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("rights.sqlite")).unwrap();
    let (achievement, deal) = with_deal(&mut store);
    store.save_rights(achievement, &granted()).unwrap();
    let rule = store.deal_rule(deal).unwrap().unwrap();
    let split = rule.split(Money(1_234_567));
    assert_eq!(split.iter().map(|(_, m)| m.fen()).sum::<i64>(), 1_234_567);
    assert_eq!(split[0], (Party::Researchers, Money(864_197)));
}

#[test]
fn an_achievement_purged_from_the_trash_takes_its_rights_along() {
    use techbroker::store::TrashItem;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("rights.sqlite")).unwrap();
    let (sold, _deal) = with_deal(&mut store);
    let owner = store.get_achievement(sold).unwrap().unwrap().data.owner;
    let unsold = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "盐碱地改良微生物菌剂".into(),
                owner: Some(owner),
                field: "现代农业".into(),
                trl: "5".into(),
                stage: Stage::SmallTrial,
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    store.save_rights(unsold, &granted()).unwrap();
    store.delete_achievement(unsold).unwrap();
    store.purge(TrashItem::Achievement(unsold)).unwrap();
    assert_eq!(store.achievement_rights(unsold).unwrap(), None);
    assert!(store.get_achievement(unsold).unwrap().is_none());
}

#[test]
fn the_transfer_statistics_split_the_periods_payments_by_the_rule_and_count_the_arrangement() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.sqlite")).unwrap();
    let (achievement, deal) = with_deal(&mut store);
    store.save_rights(achievement, &granted()).unwrap();
    for (date, yuan) in [(d(2026, 2, 10), 1_000), (d(2026, 4, 1), 500)] {
        store
            .add_receipt(
                deal,
                &Receipt {
                    date,
                    amount: Money::from_yuan(yuan),
                    note: String::new(),
                },
            )
            .unwrap();
    }
    let contracts = store.transfer_contracts().unwrap();
    assert_eq!(contracts.len(), 1);
    assert_eq!(contracts[0].arrangement, Some(ArrangementKind::Ownership));
    let q1 = techbroker::report::transfer::build(&contracts, &[], d(2026, 1, 1), d(2026, 3, 31));
    assert_eq!(
        q1.shared_received,
        Money::from_yuan(1_000),
        "April's payment is not in Q1"
    );
    assert_eq!(q1.shares[0], (Party::Researchers, Money::from_yuan(700)));
}

//! The dashboard's figures against values worked out by hand from a small pipeline.

use chrono::NaiveDate;
use techbroker::domain::dashboard::{Conversion, Tally};
use techbroker::domain::payments::{Instalment, Receipt};
use techbroker::domain::{
    AchievementDraft, AchievementStatus, ClientDraft, ClientKind, DealDraft, DealStage, Decision,
    Money, NeedDraft, NeedStatus, RejectReason, Stage,
};
use techbroker::domain::{AchievementId, ClientId, DealId};
use techbroker::matching::{Breakdown, PartValues, Weights};
use techbroker::store::{DecisionInput, Registration, Store};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn wan(n: i64) -> Money {
    Money::from_yuan(n * 10_000)
}

fn client(store: &mut Store, name: &str, kind: ClientKind) -> ClientId {
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
}

fn achievement(
    store: &mut Store,
    owner: ClientId,
    title: &str,
    field: &str,
    s: AchievementStatus,
) -> AchievementId {
    store
        .save_achievement(
            None,
            &AchievementDraft {
                title: title.into(),
                owner: Some(owner),
                field: field.into(),
                trl: "6".into(),
                stage: Stage::Pilot,
                status: s,
                ..AchievementDraft::default()
            },
        )
        .unwrap()
}

fn decide(
    store: &mut Store,
    achievement: AchievementId,
    enterprise: ClientId,
    decision: Decision,
) -> Option<DealId> {
    store
        .record_decision(&DecisionInput {
            need: None,
            achievement,
            enterprise,
            decision,
            note: String::new(),
            breakdown: Breakdown::new(PartValues::default(), &Weights::default()),
        })
        .unwrap()
}

fn terms(
    store: &mut Store,
    id: DealId,
    expected: &str,
    contract: &str,
    technology: &str,
    signed: &str,
) {
    let title = store.get_deal(id).unwrap().unwrap().title;
    store
        .save_deal_terms(
            id,
            &DealDraft {
                title,
                expected: expected.into(),
                contract: contract.into(),
                technology: technology.into(),
                signed_on: signed.into(),
                ..DealDraft::default()
            },
        )
        .unwrap();
}

fn pay(store: &mut Store, deal: DealId, plan: &[(NaiveDate, i64)], paid: &[(NaiveDate, i64)]) {
    let plan: Vec<Instalment> = plan
        .iter()
        .map(|&(due, w)| Instalment {
            due,
            amount: wan(w),
            trigger: String::new(),
        })
        .collect();
    store.add_instalments(deal, &plan).unwrap();
    for &(date, w) in paid {
        store
            .add_receipt(
                deal,
                &Receipt {
                    date,
                    amount: wan(w),
                    note: String::new(),
                },
            )
            .unwrap();
    }
}

/// Five deals: one introduced (expected 50万), one negotiating (contract 80万), one signed this
/// year (120万, technology 100万, 50万 of 120万 paid, registration overdue), one signed last
/// year and registered (30万, 10万 paid, 20万 overdue), one signed this year then lost.
fn pipeline(store: &mut Store) {
    let seller = client(store, "山东大学", ClientKind::University);
    let a = client(store, "甲公司", ClientKind::Enterprise);
    let b = client(store, "乙公司", ClientKind::Enterprise);
    let available = AchievementStatus::Available;
    let a1 = achievement(store, seller, "石墨烯散热膜", "新材料", available);
    let a2 = achievement(store, seller, "热误差补偿", "高端装备制造", available);
    let a3 = achievement(
        store,
        seller,
        "轮胎配方",
        "新材料",
        AchievementStatus::Negotiating,
    );
    let gone = achievement(store, seller, "已删除成果", "新材料", available);
    store.delete_achievement(gone).unwrap();
    // A deleted organisation hides its achievements and needs with it.
    let closed = client(store, "已注销研究院", ClientKind::Institute);
    achievement(store, closed, "注销单位的成果", "新材料", available);
    let closed_firm = client(store, "已注销公司", ClientKind::Enterprise);
    store
        .save_need(
            None,
            &NeedDraft {
                enterprise: Some(closed_firm),
                title: "注销企业的需求".into(),
                field: "新材料".into(),
                ..NeedDraft::default()
            },
        )
        .unwrap();
    store.delete_client(closed).unwrap();
    store.delete_client(closed_firm).unwrap();
    for (title, status) in [
        ("散热需求", NeedStatus::Open),
        ("精度需求", NeedStatus::Open),
        ("已关闭需求", NeedStatus::Closed),
    ] {
        store
            .save_need(
                None,
                &NeedDraft {
                    enterprise: Some(a),
                    title: title.into(),
                    field: "新材料".into(),
                    status,
                    ..NeedDraft::default()
                },
            )
            .unwrap();
    }

    // Shortlisted first, then accepted: one pair.
    decide(store, a1, a, Decision::Proposed);
    let introduced = decide(store, a1, a, Decision::Accepted).unwrap();
    terms(store, introduced, "50万", "", "", "");
    let negotiating = decide(store, a2, b, Decision::Accepted).unwrap();
    terms(store, negotiating, "", "80万", "", "");
    store
        .move_deal(negotiating, DealStage::Negotiating, "")
        .unwrap();

    let signed = decide(store, a1, b, Decision::Accepted).unwrap();
    terms(store, signed, "", "120万", "100万", "2026-01-15");
    store.move_deal(signed, DealStage::Signed, "").unwrap();
    pay(
        store,
        signed,
        &[(d(2026, 1, 31), 40), (d(2027, 1, 31), 80)],
        &[(d(2026, 2, 1), 50)],
    );

    let last_year = decide(store, a2, a, Decision::Accepted).unwrap();
    terms(store, last_year, "", "30万", "", "2025-12-10");
    store.move_deal(last_year, DealStage::Signed, "").unwrap();
    store
        .move_deal(last_year, DealStage::Registered, "")
        .unwrap();
    store
        .record_registration(
            last_year,
            &Registration {
                submitted: d(2025, 12, 20),
                certificate_no: "3701012025000001".into(),
                contract: Some(wan(30)),
                technology: None,
            },
        )
        .unwrap();
    pay(
        store,
        last_year,
        &[(d(2025, 12, 31), 30)],
        &[(d(2025, 12, 20), 10)],
    );

    let lost = decide(store, a3, a, Decision::Accepted).unwrap();
    terms(store, lost, "", "10万", "", "2026-03-01");
    store.move_deal(lost, DealStage::Signed, "").unwrap();
    store.move_deal(lost, DealStage::Lost, "企业放弃").unwrap();

    decide(store, a3, b, Decision::Proposed);
    decide(store, a2, b, Decision::Rejected(RejectReason::PriceGap));
}

fn dashboard() -> techbroker::domain::dashboard::Dashboard {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite")).unwrap();
    pipeline(&mut store);
    store.dashboard(d(2026, 11, 28)).unwrap()
}

#[test]
fn cards_count_the_catalogue_and_the_pipeline() {
    let k = dashboard().kpis;
    assert_eq!(
        k.achievements_available, 2,
        "not the negotiating or deleted one, nor a deleted owner's"
    );
    assert_eq!(
        k.needs_open, 2,
        "not the closed one, nor a deleted enterprise's"
    );
    assert_eq!(
        k.in_progress,
        Tally {
            count: 2,
            amount: wan(130)
        },
        "expected 50万 where no contract amount, else the contract's 80万"
    );
    assert_eq!(
        k.signed_this_year,
        Tally {
            count: 1,
            amount: wan(120)
        },
        "not last year's, not the lost one"
    );
    assert_eq!(k.technology_this_year, wan(100));
    assert_eq!(k.received_this_year, wan(50));
    assert_eq!(k.outstanding, wan(70 + 20));
    assert_eq!(k.overdue, wan(20), "this year's first instalment is paid");
    assert_eq!(
        k.registrations_due, 1,
        "registered and lost deals are not due"
    );
}

#[test]
fn charts_cover_months_stages_fields_and_conversion() {
    let dash = dashboard();
    let months: Vec<(i32, u32, u64, Money)> = dash
        .monthly
        .iter()
        .filter(|m| m.tally.count > 0)
        .map(|m| (m.year, m.month, m.tally.count, m.tally.amount))
        .collect();
    assert_eq!(dash.monthly.len(), 12);
    assert_eq!((dash.monthly[0].year, dash.monthly[0].month), (2025, 12));
    assert_eq!(months, vec![(2025, 12, 1, wan(30)), (2026, 1, 1, wan(120))]);

    let funnel: Vec<(DealStage, u64, Money)> = dash
        .funnel
        .iter()
        .map(|s| (s.stage, s.tally.count, s.tally.amount))
        .collect();
    assert_eq!(
        funnel,
        vec![
            (DealStage::Lead, 0, Money::ZERO),
            (DealStage::Introduced, 1, wan(50)),
            (DealStage::Negotiating, 1, wan(80)),
            (DealStage::Signed, 1, wan(120)),
            (DealStage::Registered, 1, wan(30)),
            (DealStage::Executing, 0, Money::ZERO),
            (DealStage::ClosedWon, 0, Money::ZERO),
        ]
    );

    let fields: Vec<(&str, u64, Money)> = dash
        .by_field
        .iter()
        .map(|f| (f.field.as_str(), f.tally.count, f.tally.amount))
        .collect();
    assert_eq!(
        fields,
        vec![("新材料", 2, wan(170)), ("高端装备制造", 2, wan(110))]
    );

    assert_eq!(
        dash.conversion,
        Conversion {
            shortlisted: 6,
            accepted: 5,
            signed: 2
        }
    );
}

#[test]
fn the_reader_on_a_worker_thread_computes_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite")).unwrap();
    pipeline(&mut store);
    let today = d(2026, 11, 28);
    let reader = store.reader().unwrap();
    let from_worker = std::thread::spawn(move || reader.dashboard(today).unwrap())
        .join()
        .unwrap();
    assert_eq!(from_worker, store.dashboard(today).unwrap());
    assert_eq!(from_worker.kpis.registrations_due, 1);
}

#[test]
fn an_empty_database_has_zeros_and_twelve_empty_months() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("d.sqlite")).unwrap();
    let dash = store.dashboard(d(2026, 11, 28)).unwrap();
    assert_eq!(dash.kpis, Default::default());
    assert_eq!(dash.monthly.len(), 12);
    assert!(dash.monthly.iter().all(|m| m.tally.count == 0));
    assert_eq!(dash.funnel.len(), 7);
    assert!(dash.by_field.is_empty());
    assert_eq!(dash.conversion.signed_rate(), None);
}

//! The deal report over deals made through the store: what the store reads, and totals checked
//! against amounts worked out by hand.

use chrono::NaiveDate;
use techbroker::domain::payments::Receipt;
use techbroker::domain::{
    AchievementDraft, ClientDraft, ClientId, ClientKind, ContractType, DealDraft, DealId,
    DealStage, Money, Stage,
};
use techbroker::i18n::ZH;
use techbroker::report::{self, GroupKey, Period, ReportFilter};
use techbroker::store::{DecisionInput, Store};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn wan(w: i64) -> Money {
    Money(w * 1_000_000)
}

fn client(store: &mut Store, name: &str, kind: ClientKind, city: &str) -> ClientId {
    store
        .save_client(
            None,
            &ClientDraft {
                name: name.into(),
                kind,
                province: "山东省".into(),
                city: city.into(),
                ..ClientDraft::default()
            },
        )
        .unwrap()
}

/// A deal on a new achievement in `field`, created as the Matching screen creates it.
fn new_deal(
    store: &mut Store,
    seller: ClientId,
    buyer: ClientId,
    title: &str,
    field: &str,
) -> DealId {
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: title.into(),
                owner: Some(seller),
                field: field.into(),
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

/// Saves the terms and, when a signing date is given, moves the deal to 签约.
fn sign(store: &mut Store, id: DealId, terms: DealDraft) {
    let signs = !terms.signed_on.is_empty();
    let mut draft = DealDraft::from(&store.get_deal(id).unwrap().unwrap().terms);
    draft.broker = terms.broker;
    draft.contract_type = terms.contract_type;
    draft.contract = terms.contract;
    draft.technology = terms.technology;
    draft.commission_rate = terms.commission_rate;
    draft.commission = terms.commission;
    draft.signed_on = terms.signed_on;
    store.save_deal_terms(id, &draft).unwrap();
    if signs {
        store.move_deal(id, DealStage::Signed, "").unwrap();
    }
}

fn receive(store: &mut Store, id: DealId, date: NaiveDate, amount: Money) {
    store
        .add_receipt(
            id,
            &Receipt {
                date,
                amount,
                note: String::new(),
            },
        )
        .unwrap();
}

#[test]
fn report_totals_over_stored_deals() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("report.sqlite")).unwrap();
    let seller = client(&mut store, "山东大学", ClientKind::University, "济南市");
    let jinan = client(
        &mut store,
        "济南某装备公司",
        ClientKind::Enterprise,
        "济南市",
    );
    let qingdao = client(
        &mut store,
        "青岛某生物公司",
        ClientKind::Enterprise,
        "青岛市",
    );

    // Signed in February: 120万, 3% commission computed; 30万 received in the quarter, 20万
    // after it.
    let a = new_deal(
        &mut store,
        seller,
        jinan,
        "数控机床热误差补偿",
        "高端装备制造",
    );
    sign(
        &mut store,
        a,
        DealDraft {
            broker: "王芳".into(),
            contract: "120万".into(),
            technology: "100万".into(),
            commission_rate: "3".into(),
            signed_on: "2026-02-10".into(),
            ..DealDraft::default()
        },
    );
    receive(&mut store, a, d(2026, 2, 20), wan(30));
    receive(&mut store, a, d(2026, 4, 10), wan(20));
    // Signed in March, a licence with a typed commission, paid in full.
    let b = new_deal(&mut store, seller, qingdao, "海参育苗技术", "现代农业");
    sign(
        &mut store,
        b,
        DealDraft {
            broker: "李明".into(),
            contract_type: ContractType::Licence,
            contract: "50万".into(),
            technology: "50万".into(),
            commission_rate: "5".into(),
            commission: "20000".into(),
            signed_on: "2026-03-05".into(),
            ..DealDraft::default()
        },
    );
    receive(&mut store, b, d(2026, 3, 20), wan(50));
    // Signed in May: outside the first quarter.
    let c = new_deal(&mut store, seller, jinan, "高导热膜", "新材料");
    sign(
        &mut store,
        c,
        DealDraft {
            broker: "王芳".into(),
            contract: "80万".into(),
            signed_on: "2026-05-01".into(),
            ..DealDraft::default()
        },
    );
    // Still negotiating, with a signing date typed in advance: not signed.
    let e = new_deal(&mut store, seller, qingdao, "微藻固碳", "节能环保");
    sign(
        &mut store,
        e,
        DealDraft {
            contract: "300万".into(),
            ..DealDraft::default()
        },
    );
    let mut draft = DealDraft::from(&store.get_deal(e).unwrap().unwrap().terms);
    draft.signed_on = "2026-03-30".into();
    store.save_deal_terms(e, &draft).unwrap();

    let rows = store.report_deals().unwrap();
    assert_eq!(rows.len(), 4);
    let row_a = rows.iter().find(|r| r.id == a).unwrap();
    assert_eq!(row_a.buyer_region, "山东省济南市");
    assert_eq!(row_a.field, "高端装备制造");
    assert_eq!(row_a.commission, Some(Money::from_yuan(36_000)));
    assert_eq!(
        row_a.receipts,
        [(d(2026, 2, 20), wan(30)), (d(2026, 4, 10), wan(20))]
    );
    let row_b = rows.iter().find(|r| r.id == b).unwrap();
    assert_eq!(row_b.commission, Some(wan(2)), "the typed commission wins");
    assert_eq!(row_b.contract_type, ContractType::Licence);

    let (from, to) = Period::Quarter {
        year: 2026,
        quarter: 1,
    }
    .bounds();
    let today = d(2026, 4, 15);
    let r = report::build(&rows, from, to, &ReportFilter::default(), today);
    assert_eq!(r.deals.iter().map(|x| x.id).collect::<Vec<_>>(), [a, b]);
    assert_eq!(r.totals.signed, 2);
    assert_eq!(r.totals.contract, wan(170));
    assert_eq!(r.totals.technology, wan(150));
    assert_eq!(r.totals.commission, Money::from_yuan(56_000));
    assert_eq!(r.totals.received, wan(80));
    assert_eq!(r.totals.outstanding, wan(90));
    assert_eq!(
        r.by_buyer_region[0].key,
        GroupKey::Text("山东省济南市".into())
    );
    assert_eq!(
        r.monthly.iter().map(|m| m.deals).collect::<Vec<_>>(),
        [0, 1, 1]
    );

    let li = ReportFilter {
        broker: Some("李明".into()),
        ..ReportFilter::default()
    };
    let r = report::build(&rows, from, to, &li, today);
    assert_eq!(r.totals.signed, 1);
    assert_eq!(r.totals.contract, wan(50));
    assert_eq!(r.totals.outstanding, Money::ZERO);
    assert_eq!(r.by_field[0].key, GroupKey::Text("现代农业".into()));

    let html = report::to_html(&r, &ZH);
    assert!(html.contains("海参育苗技术"));
    assert!(!html.contains("数控机床热误差补偿"));
    let path = dir.path().join("q1.xlsx");
    report::write_xlsx(&r, &ZH, &path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
}

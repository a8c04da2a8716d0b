use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;

use super::*;
use crate::i18n::{EN, ZH};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn wan(w: i64) -> Money {
    Money(w * 1_000_000)
}

fn deal(id: i64, stage: DealStage, signed: Option<NaiveDate>, contract_wan: i64) -> ReportDeal {
    ReportDeal {
        id: DealId(id),
        title: format!("项目{id}"),
        seller_name: "山东大学".into(),
        buyer_name: "济南某公司".into(),
        buyer_region: "山东省济南市".into(),
        broker: "张三".into(),
        field: "新材料".into(),
        contract_type: ContractType::Transfer,
        stage,
        signed_on: signed,
        contract: Some(wan(contract_wan)),
        technology: Some(wan(contract_wan)),
        commission: Some(Money(wan(contract_wan).fen() * 3 / 100)),
        receipts: Vec::new(),
    }
}

/// Five deals: two signed in Q1 2026 (one paid in part, one overpaid), one lost after signing
/// in Q1, one signed in April (outside), one negotiating with a date typed (not signed).
fn sample() -> Vec<ReportDeal> {
    let mut a = deal(1, DealStage::Executing, Some(d(2026, 2, 10)), 100);
    a.receipts = vec![(d(2026, 2, 20), wan(30)), (d(2026, 4, 2), wan(50))];
    let mut b = deal(2, DealStage::Signed, Some(d(2026, 1, 5)), 40);
    b.receipts = vec![(d(2026, 3, 1), wan(45))];
    b.field = "生物".into();
    b.seller_name = "中国海洋大学".into();
    b.buyer_region = "山东省青岛市".into();
    b.contract_type = ContractType::Licence;
    b.broker = "李四".into();
    let mut c = deal(3, DealStage::Lost, Some(d(2026, 2, 28)), 20);
    c.technology = None;
    c.commission = None;
    let e = deal(4, DealStage::ClosedWon, Some(d(2026, 4, 1)), 500);
    let f = deal(5, DealStage::Negotiating, Some(d(2026, 3, 3)), 900);
    vec![a, b, c, e, f]
}

fn q1() -> (NaiveDate, NaiveDate) {
    Period::Quarter {
        year: 2026,
        quarter: 1,
    }
    .bounds()
}

#[test]
fn totals_count_deals_signed_in_the_period() {
    let (from, to) = q1();
    let r = build(&sample(), from, to, &ReportFilter::default(), d(2026, 4, 5));
    let ids: Vec<i64> = r.deals.iter().map(|d| d.id.0).collect();
    assert_eq!(
        ids,
        [2, 1, 3],
        "by signing date; April and unsigned left out"
    );
    assert_eq!(r.totals.signed, 3);
    assert_eq!(r.totals.contract, wan(160));
    assert_eq!(
        r.totals.technology,
        wan(140),
        "a missing amount adds nothing"
    );
    assert_eq!(r.totals.commission, Money(wan(140).fen() * 3 / 100));
    // Receipts after the period's end (April 2) are not counted.
    assert_eq!(r.totals.received, wan(75));
    // 100 − 30, and the overpaid deal 2 does not offset: 70 + 0 + 20.
    assert_eq!(r.totals.outstanding, wan(90));
    assert_eq!(r.generated_on, d(2026, 4, 5));
}

#[test]
fn groups_are_sorted_by_contract_amount_then_key() {
    let (from, to) = q1();
    let r = build(&sample(), from, to, &ReportFilter::default(), d(2026, 4, 5));
    let stages: Vec<(GroupKey, usize, Money)> = r
        .by_stage
        .iter()
        .map(|g| (g.key.clone(), g.deals, g.contract))
        .collect();
    assert_eq!(
        stages,
        [
            (GroupKey::Stage(DealStage::Executing), 1, wan(100)),
            (GroupKey::Stage(DealStage::Signed), 1, wan(40)),
            (GroupKey::Stage(DealStage::Lost), 1, wan(20)),
        ]
    );
    let fields: Vec<&GroupKey> = r.by_field.iter().map(|g| &g.key).collect();
    assert_eq!(
        fields,
        [
            &GroupKey::Text("新材料".into()),
            &GroupKey::Text("生物".into())
        ]
    );
    assert_eq!(r.by_field[0].deals, 2);
    assert_eq!(r.by_field[0].received, wan(30));
    assert_eq!(r.by_field[1].received, wan(45));
    assert_eq!(
        r.by_contract_type[1].key,
        GroupKey::ContractType(ContractType::Licence)
    );
    assert_eq!(
        r.by_buyer_region[0].key,
        GroupKey::Text("山东省济南市".into())
    );
    assert_eq!(r.by_seller.len(), 2);

    // Equal amounts: the stage order decides, not the order the deals came in.
    let tie = [
        deal(7, DealStage::ClosedWon, Some(d(2026, 1, 1)), 10),
        deal(8, DealStage::Signed, Some(d(2026, 1, 2)), 10),
    ];
    let r = build(&tie, from, to, &ReportFilter::default(), d(2026, 4, 5));
    assert_eq!(r.by_stage[0].key, GroupKey::Stage(DealStage::Signed));
}

#[test]
fn the_monthly_series_has_every_month_even_empty_ones() {
    let r = build(
        &sample(),
        d(2025, 12, 15),
        d(2026, 4, 30),
        &ReportFilter::default(),
        d(2026, 5, 1),
    );
    let months: Vec<(i32, u32, usize, Money)> = r
        .monthly
        .iter()
        .map(|m| (m.year, m.month, m.deals, m.contract))
        .collect();
    assert_eq!(
        months,
        [
            (2025, 12, 0, Money::ZERO),
            (2026, 1, 1, wan(40)),
            (2026, 2, 2, wan(120)),
            (2026, 3, 0, Money::ZERO),
            (2026, 4, 1, wan(500)),
        ]
    );
}

#[test]
fn filters_keep_only_matching_deals() {
    let (from, to) = q1();
    let by_broker = ReportFilter {
        broker: Some("李四".into()),
        ..ReportFilter::default()
    };
    let r = build(&sample(), from, to, &by_broker, d(2026, 4, 5));
    assert_eq!(r.deals.len(), 1);
    assert_eq!(r.totals.contract, wan(40));
    assert_eq!(r.filter, by_broker);
    let lost = ReportFilter {
        stage: Some(DealStage::Lost),
        field: Some("新材料".into()),
        contract_type: Some(ContractType::Transfer),
        ..ReportFilter::default()
    };
    let r = build(&sample(), from, to, &lost, d(2026, 4, 5));
    assert_eq!(r.deals.iter().map(|d| d.id.0).collect::<Vec<_>>(), [3]);
    let none = ReportFilter {
        field: Some("海洋".into()),
        ..ReportFilter::default()
    };
    let r = build(&sample(), from, to, &none, d(2026, 4, 5));
    assert_eq!(r.totals, Totals::default());
    assert_eq!(r.monthly.len(), 3, "the months are there, empty");
}

#[test]
fn html_is_escaped_self_contained_and_in_both_languages() {
    let (from, to) = q1();
    let mut deals = sample();
    deals[0].title = "<script>alert('x')</script>".into();
    let filter = ReportFilter {
        broker: Some("张三".into()),
        ..ReportFilter::default()
    };
    let r = build(&deals, from, to, &filter, d(2026, 4, 5));
    let zh = to_html(&r, &ZH);
    assert!(!zh.contains("<script>"));
    assert!(zh.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(zh.contains("<h1>技术交易报告</h1>"));
    assert!(zh.contains("2026-01-01 至 2026-03-31"));
    assert!(zh.contains("经纪人：张三"));
    assert!(zh.contains("Noto Sans SC"));
    assert!(zh.contains("@page { size: A4"));
    assert!(
        zh.contains("<td class=\"num\">100.00</td>"),
        "money in 万元"
    );
    assert!(
        !zh.contains("src=") && !zh.contains("href="),
        "no external resource"
    );
    let en = to_html(&r, &EN);
    assert!(en.contains("<h1>Deal report</h1>"));
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Broker: 张三"));
    assert!(en.contains("Executing"));

    let empty = build(&[], from, to, &ReportFilter::default(), d(2026, 4, 5));
    assert!(to_html(&empty, &EN).contains(EN.rp_no_deals));
}

#[test]
fn the_workbook_has_a_summary_breakdowns_months_and_deals() {
    let (from, to) = q1();
    let r = build(&sample(), from, to, &ReportFilter::default(), d(2026, 4, 5));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xlsx");
    write_xlsx(&r, &ZH, &path).unwrap();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "概览",
            "按阶段",
            "按合同类型",
            "按领域",
            "按卖方",
            "按买方地区",
            "按月签约",
            "交易明细"
        ]
    );
    let summary = book.worksheet_range("概览").unwrap();
    assert_eq!(
        summary.get_value((0, 0)),
        Some(&Data::String("技术交易报告".into()))
    );
    assert_eq!(summary.get_value((4, 1)), Some(&Data::Float(3.0)));
    assert_eq!(summary.get_value((5, 1)), Some(&Data::Float(160.0)));
    let stages = book.worksheet_range("按阶段").unwrap();
    assert_eq!(
        stages.get_value((1, 0)),
        Some(&Data::String("履约/回款".into()))
    );
    let months = book.worksheet_range("按月签约").unwrap();
    assert_eq!(months.height(), 4);
    let list = book.worksheet_range("交易明细").unwrap();
    assert_eq!(list.height(), 4);
    assert_eq!(list.get_value((1, 0)), Some(&Data::Float(2.0)));
    assert!(matches!(list.get_value((1, 9)), Some(Data::DateTime(_))));
    // Deal 2 is overpaid: nothing outstanding.
    assert_eq!(list.get_value((1, 14)), Some(&Data::Float(0.0)));

    let en_path = dir.path().join("report-en.xlsx");
    write_xlsx(&r, &EN, &en_path).unwrap();
    let book: Xlsx<_> = open_workbook(&en_path).unwrap();
    assert_eq!(book.sheet_names()[0], "Summary");
}

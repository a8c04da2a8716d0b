//! The deal report screen: totals for the period, filters, and both exports.

mod common;

use chrono::{Datelike, Local};
use common::{click, temp_db};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::{
    AchievementDraft, ClientDraft, ClientKind, ContractType, DealDraft, DealStage,
};
use techbroker::i18n::{ZH, fill};
use techbroker::store::{DecisionInput, Store};

/// Two deals signed this month (a transfer of 120万 and a licence of 30万), one not signed.
fn seed(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    let client = |store: &mut Store, name: &str, kind| {
        store
            .save_client(
                None,
                &ClientDraft {
                    name: name.into(),
                    kind,
                    province: "山东省".into(),
                    city: "潍坊市".into(),
                    ..ClientDraft::default()
                },
            )
            .unwrap()
    };
    let seller = client(&mut store, "山东大学", ClientKind::University);
    let buyer = client(&mut store, "潍柴动力", ClientKind::Enterprise);
    let achievement = store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "发动机余热回收".into(),
                owner: Some(seller),
                field: "节能环保".into(),
                trl: "6".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let today = Local::now().date_naive();
    let first = today.with_day(1).unwrap();
    for (title, kind, amount, sign) in [
        ("余热回收技术转让", ContractType::Transfer, "120万", true),
        ("余热回收专利许可", ContractType::Licence, "30万", true),
        ("尚在洽谈的交易", ContractType::Transfer, "500万", false),
    ] {
        let deal = store
            .record_decision(&DecisionInput::accepted(None, achievement, buyer))
            .unwrap()
            .unwrap();
        store
            .save_deal_terms(
                deal,
                &DealDraft {
                    title: title.into(),
                    contract_type: kind,
                    contract: amount.into(),
                    signed_on: if sign {
                        first.to_string()
                    } else {
                        String::new()
                    },
                    ..DealDraft::default()
                },
            )
            .unwrap();
        if sign {
            store.move_deal(deal, DealStage::Signed, "").unwrap();
        }
    }
}

#[test]
fn the_report_shows_this_months_totals_and_filters_them() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = common::harness(&path);
    h.get_by_role_and_label(Role::Button, ZH.nav_report).click();
    h.run();
    h.get_by_label(ZH.rp_title);
    // Two deals signed, 150万 in all; the deal still being negotiated is not counted.
    h.get_by_label(ZH.rp_signed);
    assert!(
        h.query_all_by_label("150.00").count() >= 2,
        "the total and its groups"
    );
    h.get_by_label("余热回收技术转让");
    h.get_by_label("余热回收专利许可");
    assert!(h.query_by_label("尚在洽谈的交易").is_none());
    // Only licences.
    h.get_by_role_and_label(Role::ComboBox, ZH.d_contract_type)
        .click();
    h.run();
    // The breakdown shows the same name as a label: pick the option in the open list.
    h.get_by_role_and_label(Role::Button, ZH.ct_licence).click();
    h.run();
    assert!(h.query_by_label("余热回收技术转让").is_none());
    assert_eq!(h.query_all_by_label("150.00").count(), 0);
    assert!(h.query_all_by_label("30.00").count() >= 2);
    h.get_by_label("余热回收专利许可");
}

#[test]
fn the_report_exports_a_workbook_and_a_printable_page() {
    let (dir, path) = temp_db();
    seed(&path);
    let out = dir.path().join("report.out");
    let exported = fill(ZH.exported, &[("path", &out.display())]);
    let mut h = common::harness_with_picker(&path, Some(out.clone()));
    h.get_by_role_and_label(Role::Button, ZH.nav_report).click();
    h.run();
    click(&mut h, ZH.rp_export_html);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<html") && html.contains("余热回收技术转让"));
    assert!(h.get_all_by_label_contains(&exported).next().is_some());
    click(&mut h, ZH.rp_export_xlsx);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert!(calamine::Reader::sheet_names(&book).len() >= 7);
    let summary = calamine::Reader::worksheet_range_at(&mut book, 0)
        .unwrap()
        .unwrap();
    let cells: Vec<String> = summary.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == ZH.rp_title), "{cells:?}");
}

#[test]
fn exporting_this_months_report_ticks_the_class_exercise() {
    let (dir, broker) = temp_db();
    common::seed_client(&broker, "济南某装备公司", ClientKind::Enterprise);
    let out = dir.path().join("report.html");
    let mut h = common::harness_with(&broker, &broker, Some(out));
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_sandbox_start);
    h.get_by_label(&fill(
        ZH.sandbox_done_count,
        &[
            ("done", &0),
            ("total", &techbroker::domain::training::Task::ALL.len()),
        ],
    ));
    h.get_by_role_and_label(Role::Button, ZH.nav_report).click();
    h.run();
    click(&mut h, ZH.rp_export_html);
    h.get_by_label(&fill(
        ZH.sandbox_done_count,
        &[
            ("done", &1),
            ("total", &techbroker::domain::training::Task::ALL.len()),
        ],
    ));
}

#[test]
fn a_registered_amount_is_what_the_report_counts() {
    use techbroker::i18n::ZH;
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = common::harness(&path);
    h.get_by_role_and_label(Role::Button, ZH.nav_deals).click();
    h.run();
    click(&mut h, ZH.view_table);
    click(&mut h, "余热回收技术转让");
    common::type_into(
        &mut h,
        ZH.r_submitted,
        &Local::now().date_naive().to_string(),
    );
    common::type_into(&mut h, ZH.r_technology, "1,000,000");
    click(&mut h, ZH.record_registration);
    let store = h.state().store().unwrap();
    let registered: Vec<_> = store
        .report_deals()
        .unwrap()
        .into_iter()
        .filter_map(|d| d.technology)
        .collect();
    assert_eq!(
        registered,
        [techbroker::domain::Money::from_yuan(1_000_000)]
    );
    h.get_by_role_and_label(Role::Button, ZH.nav_report).click();
    h.run();
    // 认定技术交易额 100万 on the transfer; the licence has none.
    assert!(
        h.query_all_by_label("100.00").count() >= 1,
        "the total counts the registered amount"
    );
}

#[test]
fn a_file_that_cannot_be_written_is_told_in_the_ui_language() {
    use techbroker::i18n::{ZH, fill};
    let (dir, path) = temp_db();
    seed(&path);
    let out = dir.path().join("没有这个文件夹").join("report.html");
    let mut h = common::harness_with_picker(&path, Some(out.clone()));
    h.get_by_role_and_label(Role::Button, ZH.nav_report).click();
    h.run();
    click(&mut h, ZH.rp_export_html);
    let why = fill(ZH.io_no_folder, &[("path", &out.display())]);
    h.get_by_label(&fill(ZH.export_failed, &[("detail", &why)]));
}

#[test]
fn the_report_boxes_fit_a_1024_pixel_window_in_english_without_overlapping() {
    use techbroker::i18n::EN;
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = common::harness_small(&path);
    h.get_by_role_and_label(Role::Button, "English").click();
    h.run();
    click(&mut h, EN.nav_report);
    let names = [
        EN.rp_by_stage,
        EN.rp_by_contract_type,
        EN.rp_by_field,
        EN.rp_by_seller,
        EN.rp_by_buyer_region,
        EN.rp_monthly,
        EN.rp_deals,
        EN.rp_contract,
        EN.rp_seller,
        EN.rp_buyer_region,
        EN.rp_month,
    ];
    let mut rects: Vec<(String, egui::Rect)> = Vec::new();
    for name in names {
        for node in h.get_all_by_label(name) {
            rects.push((name.to_string(), node.rect()));
        }
    }
    for (name, r) in &rects {
        assert!(
            r.right() <= 1024.0,
            "{name} ends at {} in {rects:?}",
            r.right()
        );
    }
    for (i, (a, ra)) in rects.iter().enumerate() {
        for (b, rb) in &rects[i + 1..] {
            assert!(
                !ra.shrink(1.0).intersects(rb.shrink(1.0)),
                "{a} {ra:?} overlaps {b} {rb:?}"
            );
        }
    }
}

/// Whether a label `name` sits on the line of the list it names, left of it.
fn label_beside_its_list(h: &common::H, name: &str) -> bool {
    let list = h.get_by_role_and_label(Role::ComboBox, name).rect();
    h.get_all_by_role_and_label(Role::Label, name).any(|l| {
        let r = l.rect();
        (r.center().y - list.center().y).abs() < 6.0 && r.right() <= list.left()
    })
}

#[test]
fn a_filter_label_stays_beside_its_list_when_the_toolbar_wraps() {
    let (_dir, path) = temp_db();
    seed(&path);
    let mut h = common::harness_small(&path);
    for (screen, label) in [
        (ZH.nav_report, ZH.d_contract_type),
        (ZH.nav_clients, ZH.col_region),
        (ZH.nav_deals, ZH.d_contract_type),
    ] {
        click(&mut h, screen);
        assert!(
            label_beside_its_list(&h, label),
            "{screen}: {label} is not on the line of its list"
        );
    }
    // A group that does not fit what is left of a line starts the next one.
    click(&mut h, ZH.nav_needs);
    let negotiable = h.get_by_label(ZH.include_negotiable).rect();
    assert!(
        negotiable.right() <= 1024.0,
        "含面议 ends at {negotiable:?}"
    );
}

#[test]
fn the_transfer_statistics_of_the_period_show_under_the_report_and_export() {
    let (dir, path) = temp_db();
    seed(&path);
    let out = dir.path().join("stats.out");
    let mut h = common::harness_with_picker(&path, Some(out.clone()));
    click(&mut h, ZH.nav_report);
    click(&mut h, ZH.ts_title);
    h.get_by_label(ZH.ts_signed);
    // Two signed this month: a transfer and a licence; the unsigned one is not counted.
    let total = h
        .get_all_by_label(ZH.ts_total)
        .next()
        .map(|n| n.rect())
        .unwrap();
    let on_total_row: Vec<String> = h
        .get_all_by_role(Role::Label)
        .filter(|n| (n.rect().center().y - total.center().y).abs() < 4.0)
        .filter_map(|n| n.value())
        .collect();
    assert!(on_total_row.iter().any(|v| v == "2"), "{on_total_row:?}");
    assert!(
        on_total_row.iter().any(|v| v == "150.00"),
        "{on_total_row:?}"
    );
    click(&mut h, ZH.ts_export_html);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains(ZH.ts_title) && html.contains(ZH.ts_by_arrangement));
    h.get_by_label_contains(&fill(ZH.exported, &[("path", &out.display())]));
}

#[test]
fn the_institution_view_by_broker_shows_under_the_report_and_exports() {
    let (dir, path) = temp_db();
    seed(&path);
    {
        let mut store = Store::open(&path).unwrap();
        for id in store.deal_ids().unwrap() {
            let deal = store.get_deal(id).unwrap().unwrap();
            if deal.terms.signed_on.is_some() {
                let mut draft = DealDraft::from(&deal.terms);
                draft.broker = "王经理".into();
                store.save_deal_terms(id, &draft).unwrap();
            }
        }
    }
    let out = dir.path().join("by-broker.out");
    let mut h = common::harness_with_picker(&path, Some(out.clone()));
    click(&mut h, ZH.nav_report);
    click(&mut h, ZH.in_title);
    h.get_by_label(ZH.in_commission_paid);
    let row = |h: &common::H, label: &str| -> Vec<String> {
        let at = h.get_by_label(label).rect();
        h.get_all_by_role(Role::Label)
            .filter(|n| (n.rect().center().y - at.center().y).abs() < 4.0)
            .filter_map(|n| n.value())
            .collect()
    };
    // Wang signed both contracts (150万); the deal in negotiation names no broker.
    let wang = row(&h, "王经理");
    assert!(
        wang.iter().any(|v| v == "2") && wang.iter().any(|v| v == "150.00"),
        "{wang:?}"
    );
    let none = row(&h, ZH.in_unassigned);
    assert!(none.iter().any(|v| v == "1"), "{none:?}");
    click(&mut h, ZH.in_export_xlsx);
    assert!(std::fs::metadata(&out).unwrap().len() > 0);
    h.get_by_label_contains(&fill(ZH.exported, &[("path", &out.display())]));
}

//! A deal's page as a broker fills it: amounts in 元 with separators and the 万 figure, and a
//! registration whose errors sit under their own field.

mod common;

use common::{H, click, harness, harness_small, replace_in, seed_deal, temp_db, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::payments::Instalment;
use techbroker::domain::{DealDraft, DealId, DealStage, Money};
use techbroker::i18n::{EN, ZH, fill};
use techbroker::store::Store;
use techbroker::ui::Screen;

const TITLE: &str = "数控机床热误差补偿技术";

/// A deal signed on 2026-11-20 for 1,200,000 元.
fn signed(path: &std::path::Path) -> DealId {
    let id = seed_deal(path, TITLE);
    let mut store = Store::open(path).unwrap();
    let terms = store.get_deal(id).unwrap().unwrap().terms;
    let mut draft = DealDraft::from(&terms);
    draft.contract = "1200000".into();
    draft.signed_on = "2026-11-20".into();
    store.save_deal_terms(id, &draft).unwrap();
    store.move_deal(id, DealStage::Signed, "").unwrap();
    id
}

fn open_deal(h: &mut H, id: DealId) {
    click(h, ZH.nav_deals);
    click(h, ZH.open);
    assert_eq!(h.state().screen(), Screen::Deal(id));
}

fn field(h: &H, label: &str) -> egui::Rect {
    h.get_by_role_and_label(Role::TextInput, label).rect()
}

#[test]
fn the_deal_page_shows_amounts_in_yuan_with_separators_and_the_wan_figure() {
    let (_dir, path) = temp_db();
    let id = signed(&path);
    let mut h = harness(&path);
    open_deal(&mut h, id);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, ZH.d_contract)
            .value()
            .as_deref(),
        Some("1,200,000.00")
    );
    let read = |yuan: &str, wan: &str| fill(ZH.amount_read_as, &[("yuan", &yuan), ("wan", &wan)]);
    h.get_by_label(&read("1,200,000.00", "120.00"));
    type_into(&mut h, ZH.d_expected, "150万");
    h.get_by_label(&read("1,500,000.00", "150.00"));
    click(&mut h, ZH.save);
    let terms = h
        .state()
        .store()
        .unwrap()
        .get_deal(id)
        .unwrap()
        .unwrap()
        .terms;
    assert_eq!(terms.expected, Some(Money::from_yuan(1_500_000)));
    assert_eq!(terms.contract, Some(Money::from_yuan(1_200_000)));
}

#[test]
fn the_overdue_note_on_the_board_speaks_wan_like_the_card() {
    let (_dir, path) = temp_db();
    let id = signed(&path);
    let today = chrono::Local::now().date_naive();
    Store::open(&path)
        .unwrap()
        .add_instalments(
            id,
            &[Instalment {
                due: today - chrono::Days::new(3),
                amount: Money(111_825_000),
                trigger: "首付款".into(),
            }],
        )
        .unwrap();
    let mut h = harness(&path);
    click(&mut h, ZH.nav_deals);
    h.get_by_label(&fill(ZH.badge_payment_overdue, &[("amount", &"111.83")]));
    assert!(ZH.badge_payment_overdue.contains("万元"));
}

#[test]
fn the_registration_date_is_marked_required_and_its_errors_sit_under_it_until_corrected() {
    let (_dir, path) = temp_db();
    let id = signed(&path);
    let mut h = harness(&path);
    open_deal(&mut h, id);
    h.get_by_label(ZH.r_submitted).scroll_to_me();
    h.run();

    let date = field(&h, ZH.r_submitted);
    let certificate = field(&h, ZH.r_certificate);
    let mark_on_the_date_row = h.get_all_by_label("*").any(|m| {
        m.rect().center().y > date.top() - 4.0 && m.rect().center().y < date.bottom() + 4.0
    });
    assert!(mark_on_the_date_row, "登记日期 carries the required mark");

    click(&mut h, ZH.record_registration);
    let error = h.get_by_label(ZH.p_required).rect();
    let date = field(&h, ZH.r_submitted);
    let certificate_now = field(&h, ZH.r_certificate);
    assert!(
        error.top() >= date.bottom() - 1.0 && error.bottom() <= certificate_now.top() + 1.0,
        "the error {error:?} sits between the date field {date:?} and the next field {certificate:?}"
    );
    let stored = || Store::open(&path).unwrap().get_deal(id).unwrap().unwrap();
    assert!(stored().registration_submitted.is_none());

    type_into(&mut h, ZH.r_submitted, "2024-02-30");
    assert!(h.query_by_label(ZH.p_required).is_none());
    let no_such_day = fill(
        ZH.p_no_such_day,
        &[("year", &2024), ("month", &2), ("days", &29)],
    );
    h.get_by_label(&no_such_day);
    type_into(&mut h, ZH.r_contract, "12x");
    h.get_by_label(ZH.p_invalid_amount);

    replace_in(&mut h, ZH.r_submitted, "2026-12-01");
    replace_in(&mut h, ZH.r_contract, "1,000,000");
    assert!(h.query_by_label(&no_such_day).is_none());
    assert!(h.query_by_label(ZH.p_invalid_amount).is_none());
    click(&mut h, ZH.record_registration);
    let deal = stored();
    assert_eq!(
        deal.registration_submitted,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
    );
}

/// A deal with a long title and all three amounts, the commission left to the rate.
fn with_amounts(path: &std::path::Path) -> DealId {
    let id = seed_deal(path, "基于基因编辑的黄淮海地区抗病小麦新品种选育");
    let mut store = Store::open(path).unwrap();
    let terms = store.get_deal(id).unwrap().unwrap().terms;
    let mut draft = DealDraft::from(&terms);
    draft.expected = "1380000".into();
    draft.contract = "107070".into();
    draft.technology = "104928.60".into();
    draft.commission_rate = "4".into();
    store.save_deal_terms(id, &draft).unwrap();
    id
}

#[test]
fn at_1024x700_the_terms_stay_left_of_the_stage_column_in_chinese_and_english() {
    let amounts = ["1380000", "107070", "104928.60"];
    // The width of the 技术交易额 field, per language.
    let mut technology_width = Vec::new();
    for (tr, english) in [(&ZH, false), (&EN, true)] {
        let (_dir, path) = temp_db();
        let id = with_amounts(&path);
        let mut h = harness_small(&path);
        if english {
            click(&mut h, "English");
        }
        click(&mut h, tr.nav_deals);
        click(&mut h, tr.open);
        assert_eq!(h.state().screen(), Screen::Deal(id));
        let right_column = h
            .get_by_label(tr.d_stage)
            .rect()
            .left()
            .min(h.get_by_label(tr.move_to).rect().left());

        let mut left: Vec<(String, egui::Rect)> = [
            tr.d_title,
            tr.d_broker,
            tr.d_expected,
            tr.d_contract,
            tr.d_technology,
            tr.d_rate,
            tr.d_commission,
            tr.d_signed_on,
        ]
        .into_iter()
        .map(|label| (label.to_string(), field(&h, label)))
        .collect();
        let notes = h.get_by_role_and_label(Role::MultilineTextInput, tr.d_notes);
        left.push((tr.d_notes.to_string(), notes.rect()));
        for amount in amounts {
            let m = Money::parse_yuan(amount).unwrap();
            let echo = fill(
                tr.amount_read_as,
                &[("yuan", &m.yuan_text()), ("wan", &m.wan_text())],
            );
            let rect = h.get_by_label(&echo).rect();
            left.push((echo, rect));
        }
        let computed = Money::parse_yuan("4282.80").unwrap().yuan_text();
        let computed = fill(tr.d_commission_computed, &[("amount", &computed)]);
        left.push((computed.clone(), h.get_by_label(&computed).rect()));
        left.extend(
            h.get_all_by_label(tr.yuan_unit)
                .map(|unit| (tr.yuan_unit.to_string(), unit.rect()))
                .filter(|(_, r)| r.left() < right_column),
        );
        let past: Vec<String> = left
            .into_iter()
            .filter(|(_, rect)| rect.right() > right_column)
            .map(|(what, rect)| format!("{what} ends at {}", rect.right()))
            .collect();
        assert!(
            past.is_empty(),
            "past the right column at {right_column}: {past:#?}"
        );
        technology_width.push(field(&h, tr.d_technology).width());
    }
    // "Technology-transaction amount (yuan)" wraps rather than squeeze its field.
    let [zh, en] = technology_width[..] else {
        panic!("one width per language: {technology_width:?}");
    };
    assert!(
        en >= zh - 0.5,
        "the English field is {en} wide, the Chinese one {zh}"
    );
}

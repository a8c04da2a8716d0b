//! The rights of a university's achievement and the income shares of its deal, through the window.

mod common;

use common::{H, click, harness, temp_db, type_into};
use egui_kittest::kittest::Queryable as _;
use techbroker::domain::rights::{Arrangement, DistributionRule};
use techbroker::domain::{AchievementId, ClientKind, DealId};
use techbroker::i18n::{ZH, fill};

const TITLE: &str = "数控机床热误差补偿技术";

/// An achievement of an organisation of `kind`, in a deal with an enterprise.
fn seed(path: &std::path::Path, kind: ClientKind) -> (AchievementId, DealId) {
    common::seed_deal_with(path, TITLE, kind)
}

/// The deal's page, then its achievement's page by the link on it.
fn open_achievement(h: &mut H) {
    click(h, ZH.nav_deals);
    click(h, ZH.open);
    click(h, ZH.open_achievement);
}

fn record_payment(h: &mut H, amount: &str) {
    type_into(h, ZH.rc_date, "2026-02-10");
    type_into(h, ZH.rc_amount, amount);
    click(h, ZH.record_payment);
    click(h, ZH.record_anyway);
}

#[test]
fn record_the_rights_then_see_each_partys_share_of_a_payment() {
    let (_dir, path) = temp_db();
    let (achievement, deal) = seed(&path, ClientKind::University);
    let mut h = harness(&path);
    open_achievement(&mut h);
    h.get_by_label(ZH.rights_heading);
    click(&mut h, ZH.arrangement_ownership);
    type_into(&mut h, ZH.rights_ownership_share, "70");
    type_into(&mut h, ZH.rights_approved_on, "2025-03-18");
    type_into(&mut h, ZH.rights_approval_no, "鲁大科字〔2025〕12号");
    click(&mut h, ZH.rights_separately_managed);
    type_into(&mut h, ZH.share_researchers, "70");
    type_into(&mut h, ZH.share_institution, "20");

    // 70 + 20 = 90: refused under the shares, and nothing saved.
    click(&mut h, ZH.rights_save);
    h.get_by_label(&fill(ZH.p_shares_not_whole, &[("total", &"90")]));
    let store = h.state().store().unwrap();
    assert_eq!(store.achievement_rights(achievement).unwrap(), None);

    type_into(&mut h, ZH.share_office, "10");
    click(&mut h, ZH.rights_save);
    assert!(
        h.query_by_label(&fill(ZH.p_shares_not_whole, &[("total", &"90")]))
            .is_none()
    );
    let rights = h
        .state()
        .store()
        .unwrap()
        .achievement_rights(achievement)
        .unwrap()
        .unwrap();
    assert_eq!(
        rights.arrangement,
        Arrangement::Ownership {
            researchers_bp: 7_000
        }
    );
    assert_eq!(rights.approval_no, "鲁大科字〔2025〕12号");
    assert!(rights.separately_managed);
    assert_eq!(
        rights.rule,
        Some(DistributionRule::new(7_000, 2_000, 1_000).unwrap())
    );

    // The deal's page splits what came in: 1,234.57 yuan, not one fen lost.
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    h.get_by_label(ZH.shares_heading);
    record_payment(&mut h, "1234.57");
    assert_eq!(
        h.state().store().unwrap().receipt_rows(deal).unwrap().len(),
        1
    );
    h.get_by_label(&fill(
        ZH.shares_received,
        &[("yuan", &"1,234.57"), ("wan", &"0.12")],
    ));
    for (party, share, yuan, wan) in [
        (ZH.party_researchers, "70", "864.20", "0.09"),
        (ZH.party_institution, "20", "246.91", "0.02"),
        (ZH.party_office, "10", "123.46", "0.01"),
    ] {
        h.get_by_label(&fill(
            ZH.share_amount,
            &[
                ("party", &party),
                ("share", &share),
                ("yuan", &yuan),
                ("wan", &wan),
            ],
        ));
    }
}

#[test]
fn a_use_right_shows_when_it_ends_and_a_bad_term_is_refused() {
    let (_dir, path) = temp_db();
    let (achievement, _deal) = seed(&path, ClientKind::Institute);
    let mut h = harness(&path);
    open_achievement(&mut h);
    click(&mut h, ZH.arrangement_use_right);
    type_into(&mut h, ZH.rights_term_years, "0");
    type_into(&mut h, ZH.rights_approved_on, "2024-02-29");
    click(&mut h, ZH.rights_save);
    h.get_by_label(&fill(ZH.p_term_out_of_range, &[("max", &99)]));
    assert_eq!(
        h.state()
            .store()
            .unwrap()
            .achievement_rights(achievement)
            .unwrap(),
        None
    );
    common::replace_in(&mut h, ZH.rights_term_years, "10");
    h.get_by_label(&fill(ZH.rights_use_right_until, &[("date", &"2034-02-28")]));
    click(&mut h, ZH.rights_save);
    let rights = h
        .state()
        .store()
        .unwrap()
        .achievement_rights(achievement)
        .unwrap()
        .unwrap();
    assert_eq!(rights.arrangement, Arrangement::UseRight { years: 10 });
    assert_eq!(rights.rule, None);
    // No rule: the deal's page shows no shares.
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    record_payment(&mut h, "10000");
    assert!(h.query_by_label(ZH.shares_heading).is_none());
}

#[test]
fn an_enterprises_achievement_has_no_rights_section() {
    let (_dir, path) = temp_db();
    seed(&path, ClientKind::Enterprise);
    let mut h = harness(&path);
    open_achievement(&mut h);
    h.get_by_label(TITLE);
    assert!(h.query_by_label(ZH.rights_heading).is_none());
}

#[test]
fn researchers_below_half_are_warned_but_may_be_saved_with_enter() {
    let (_dir, path) = temp_db();
    let (achievement, _deal) = seed(&path, ClientKind::University);
    let mut h = harness(&path);
    open_achievement(&mut h);
    type_into(&mut h, ZH.share_researchers, "40");
    type_into(&mut h, ZH.share_institution, "60");
    h.get_by_label(ZH.rights_below_floor);
    // Enter in a field saves, as the button does.
    h.key_press(egui::Key::Enter);
    h.run();
    let rule = h
        .state()
        .store()
        .unwrap()
        .achievement_rights(achievement)
        .unwrap()
        .and_then(|r| r.rule);
    assert_eq!(rule, Some(DistributionRule::new(4_000, 6_000, 0).unwrap()));
}

//! Deals in the store: created from an accepted match, terms edited, stages moved with history,
//! signing requirements and the registration due date.

use chrono::NaiveDate;
use techbroker::domain::DealId;
use techbroker::domain::deal::Missing;
use techbroker::domain::registration::RegistrationRule;
use techbroker::domain::{
    AchievementDraft, ClientDraft, ClientKind, DealDraft, DealStage, Money, Stage,
};
use techbroker::store::{DecisionInput, MoveError, Registration, Store};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A database with one deal, created the way the Matching screen creates it.
fn with_deal() -> (tempfile::TempDir, Store, DealId) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("deals.sqlite")).unwrap();
    let client = |store: &mut Store, name: &str, kind| {
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
    let seller = client(&mut store, "山东大学", ClientKind::University);
    let buyer = client(&mut store, "济南某装备公司", ClientKind::Enterprise);
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
    (dir, store, deal)
}

#[test]
fn an_accepted_match_is_a_deal_in_the_introduced_stage() {
    let (_dir, store, id) = with_deal();
    let deal = store.get_deal(id).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Introduced);
    assert_eq!(deal.seller_name, "山东大学");
    assert_eq!(deal.buyer_name, "济南某装备公司");
    assert_eq!(deal.terms.title, "数控机床热误差补偿技术");
    let history = store.deal_history(id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].stage, DealStage::Introduced);
    let rows = store.deal_rows(d(2026, 11, 28)).unwrap();
    assert_eq!(rows[0].id, id);
    assert!(rows[0].since.is_some());
    assert!(!rows[0].overdue_follow_up);
    assert_eq!(rows[0].field, "高端装备制造");
}

#[test]
fn the_board_row_says_what_is_overdue() {
    use techbroker::domain::InteractionDraft;
    use techbroker::domain::payments::{Instalment, Receipt};
    let (_dir, mut store, id) = with_deal();
    let buyer = store.get_deal(id).unwrap().unwrap().buyer;
    let mut call = InteractionDraft::new(d(2026, 11, 1));
    call.summary = "电话".into();
    call.next_step = "回电".into();
    call.next_due = Some(d(2026, 11, 20));
    store.add_interaction(buyer, &call).unwrap();
    let inst = |due, yuan| Instalment {
        due,
        amount: Money::from_yuan(yuan),
        trigger: String::new(),
    };
    store
        .add_instalments(
            id,
            &[inst(d(2026, 10, 1), 5_000), inst(d(2026, 12, 31), 9_000)],
        )
        .unwrap();
    store
        .add_receipt(
            id,
            &Receipt {
                date: d(2026, 10, 2),
                amount: Money::from_yuan(2_000),
                note: String::new(),
            },
        )
        .unwrap();
    let row = store.deal_rows(d(2026, 11, 28)).unwrap().remove(0);
    assert!(row.overdue_follow_up);
    assert_eq!(row.overdue_payment, Money::from_yuan(3_000));
}

#[test]
fn signing_needs_a_date_and_an_amount_then_sets_the_registration_due_date() {
    let (_dir, mut store, id) = with_deal();
    store.move_deal(id, DealStage::Negotiating, "").unwrap();
    match store.move_deal(id, DealStage::Signed, "") {
        Err(MoveError::Missing(m)) => {
            assert_eq!(m, vec![Missing::SigningDate, Missing::ContractAmount]);
        }
        other => panic!("expected missing fields, got {other:?}"),
    }
    assert_eq!(
        store.get_deal(id).unwrap().unwrap().stage,
        DealStage::Negotiating,
        "a refused move changes nothing"
    );

    let mut draft = DealDraft::from(&store.get_deal(id).unwrap().unwrap().terms);
    draft.contract = "120万".into();
    draft.technology = "100万".into();
    draft.commission_rate = "3".into();
    draft.signed_on = "2026-12-15".into();
    draft.transfer_mode = Some(techbroker::domain::TransferMode::LicenceOrdinary);
    store.save_deal_terms(id, &draft).unwrap();
    store.move_deal(id, DealStage::Signed, "").unwrap();

    let deal = store.get_deal(id).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Signed);
    assert_eq!(deal.registration_due, Some(d(2027, 1, 14)));
    assert_eq!(deal.commission(), Some(Money::from_yuan(36_000)));
    assert_eq!(deal.terms.technology, Some(Money::from_yuan(1_000_000)));
    assert_eq!(
        deal.terms.transfer_mode,
        Some(techbroker::domain::TransferMode::LicenceOrdinary)
    );
    let stages: Vec<DealStage> = store
        .deal_history(id)
        .unwrap()
        .iter()
        .map(|c| c.stage)
        .collect();
    assert_eq!(
        stages,
        [
            DealStage::Introduced,
            DealStage::Negotiating,
            DealStage::Signed
        ]
    );

    store
        .record_registration(
            id,
            &Registration {
                submitted: d(2027, 1, 5),
                certificate_no: "3701012027000123".into(),
                contract: Some(Money::from_yuan(1_200_000)),
                technology: Some(Money::from_yuan(950_000)),
            },
        )
        .unwrap();
    let deal = store.get_deal(id).unwrap().unwrap();
    assert_eq!(deal.registration_submitted, Some(d(2027, 1, 5)));
    assert_eq!(deal.certificate_no, "3701012027000123");
    assert_eq!(deal.registered_technology, Some(Money::from_yuan(950_000)));
}

#[test]
fn the_working_day_rule_and_moving_back_and_losing() {
    let (_dir, mut store, id) = with_deal();
    store
        .set_registration_rule(RegistrationRule::WorkingDays(15))
        .unwrap();
    assert_eq!(
        store.registration_rule().unwrap(),
        RegistrationRule::WorkingDays(15)
    );
    let mut draft = DealDraft::from(&store.get_deal(id).unwrap().unwrap().terms);
    draft.contract = "50000".into();
    draft.signed_on = "2026-12-18".into();
    store.save_deal_terms(id, &draft).unwrap();
    store.move_deal(id, DealStage::Signed, "").unwrap();
    assert_eq!(
        store.get_deal(id).unwrap().unwrap().registration_due,
        Some(d(2027, 1, 8))
    );
    store.move_deal(id, DealStage::Negotiating, "").unwrap();
    store
        .move_deal(id, DealStage::Lost, "企业预算取消")
        .unwrap();
    let deal = store.get_deal(id).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Lost);
    assert_eq!(deal.lost_reason, "企业预算取消");
    assert_eq!(store.deal_history(id).unwrap().len(), 4);
}

#[test]
fn bad_terms_are_refused_and_change_nothing() {
    let (_dir, mut store, id) = with_deal();
    let before = store.get_deal(id).unwrap().unwrap();
    let draft = DealDraft {
        title: "x".into(),
        contract: "很多".into(),
        ..DealDraft::default()
    };
    assert!(store.save_deal_terms(id, &draft).is_err());
    assert_eq!(store.get_deal(id).unwrap().unwrap(), before);
}

#[test]
fn a_payment_plan_with_receipts_and_a_trial() {
    use techbroker::domain::payments::{
        Instalment, PayLaterForm, Receipt, Trial, TrialEnd, pay_later_schedule, plan_status,
    };
    let (_dir, mut store, id) = with_deal();
    let trial = Trial {
        start: Some(d(2026, 12, 1)),
        end: Some(TrialEnd::On(d(2027, 11, 30))),
        form: Some(PayLaterForm::Instalments {
            count: 2,
            every_months: 6,
        }),
    };
    store.set_trial(id, &trial).unwrap();
    assert_eq!(store.trial(id).unwrap(), trial);
    let plan = pay_later_schedule(
        Money::from_yuan(300_000),
        TrialEnd::On(d(2027, 11, 30)),
        PayLaterForm::Instalments {
            count: 2,
            every_months: 6,
        },
    );
    store.add_instalments(id, &plan).unwrap();
    store
        .add_instalments(
            id,
            &[Instalment {
                due: d(2026, 10, 31),
                amount: Money::from_yuan(50_000),
                trigger: "首付款".into(),
            }],
        )
        .unwrap();
    store
        .add_receipt(
            id,
            &Receipt {
                date: d(2026, 11, 5),
                amount: Money::from_yuan(20_000),
                note: "首付款部分".into(),
            },
        )
        .unwrap();
    let (instalments, receipts) = store.payment_plan(id).unwrap();
    assert_eq!(instalments.len(), 3);
    assert_eq!(instalments[0].1.trigger, "首付款");
    let plain: Vec<Instalment> = instalments.iter().map(|(_, i)| i.clone()).collect();
    let status = plan_status(&plain, &receipts, d(2026, 11, 28));
    assert_eq!(status.outstanding, Money::from_yuan(330_000));
    assert_eq!(status.overdue, Money::from_yuan(30_000));
    store.remove_instalment(instalments[0].0).unwrap();
    assert_eq!(store.payment_plan(id).unwrap().0.len(), 2);
    let share = Trial {
        start: None,
        end: Some(TrialEnd::UntilRevenue),
        form: Some(PayLaterForm::RevenueShare {
            rate_basis_points: 300,
            period_months: 12,
        }),
    };
    store.set_trial(id, &share).unwrap();
    assert_eq!(store.trial(id).unwrap(), share);
}

#[test]
fn interactions_logged_on_a_deal_belong_to_its_buyer_too() {
    use techbroker::domain::InteractionDraft;
    let (_dir, mut store, id) = with_deal();
    let buyer = store.get_deal(id).unwrap().unwrap().buyer;
    let mut call = InteractionDraft::new(d(2026, 11, 27));
    call.summary = "与企业技术总监沟通许可条款".into();
    call.next_step = "发送合同草稿".into();
    call.next_due = Some(d(2026, 11, 28));
    store.add_deal_interaction(id, &call).unwrap();
    assert_eq!(store.list_deal_interactions(id).unwrap().len(), 1);
    assert_eq!(store.list_interactions(buyer).unwrap().len(), 1);
    assert_eq!(
        store.follow_ups_due(d(2026, 11, 28)).unwrap()[0].next_step,
        "发送合同草稿"
    );
    assert!(store.add_deal_interaction(DealId(9999), &call).is_err());
}

#[test]
fn accepting_a_pair_with_a_live_deal_returns_that_deal() {
    use techbroker::store::Decided;
    let (_dir, mut store, deal) = with_deal();
    let d0 = store.get_deal(deal).unwrap().unwrap();
    let again = DecisionInput::accepted(None, d0.achievements[0], d0.buyer);
    assert_eq!(store.decide(&again).unwrap(), Decided::Existing(deal));
    assert_eq!(store.deal_ids().unwrap(), vec![deal]);

    // A lost deal is over: accepting the pair again starts a new one.
    store
        .move_deal(deal, DealStage::Lost, "价格谈不拢")
        .unwrap();
    let Decided::Recorded(Some(new)) = store.decide(&again).unwrap() else {
        panic!("a new deal");
    };
    assert_ne!(new, deal);
    assert_eq!(store.deal_ids().unwrap().len(), 2);
}

#[test]
fn a_withdrawn_rejection_or_shortlisting_stands_no_more() {
    use techbroker::domain::{Decision, RejectReason};
    let (_dir, mut store, deal) = with_deal();
    let d0 = store.get_deal(deal).unwrap().unwrap();
    let (achievement, buyer) = (d0.achievements[0], d0.buyer);
    let decide = |store: &mut Store, decision| {
        let input = DecisionInput::unscored(None, achievement, buyer, decision);
        store.record_decision(&input).unwrap();
    };
    decide(&mut store, Decision::Rejected(RejectReason::PriceGap));
    assert_eq!(
        store.decisions().unwrap().rejected_by[&buyer],
        vec![achievement]
    );
    let standing = store.standing_decisions().unwrap();
    assert_eq!(standing.len(), 1);
    assert_eq!(
        standing[0].decision,
        Decision::Rejected(RejectReason::PriceGap)
    );
    decide(&mut store, Decision::Withdrawn);
    assert!(store.decisions().unwrap().rejected_by.is_empty());
    assert!(store.standing_decisions().unwrap().is_empty());
}

#[test]
fn a_deleted_deal_leaves_every_list_comes_back_and_is_purged_with_what_only_it_holds() {
    use techbroker::domain::InteractionDraft;
    use techbroker::domain::payments::{Instalment, Receipt};
    use techbroker::store::TrashItem;
    let (_dir, mut store, id) = with_deal();
    let today = d(2026, 11, 28);
    store
        .add_instalments(
            id,
            &[Instalment {
                due: d(2026, 10, 1),
                amount: Money::from_yuan(5_000),
                trigger: String::new(),
            }],
        )
        .unwrap();
    store
        .add_receipt(
            id,
            &Receipt {
                date: d(2026, 10, 2),
                amount: Money::from_yuan(2_000),
                note: String::new(),
            },
        )
        .unwrap();
    let mut call = InteractionDraft::new(d(2026, 11, 27));
    call.summary = "电话沟通".into();
    store.add_deal_interaction(id, &call).unwrap();
    let in_progress = |store: &Store| store.dashboard(today).unwrap().kpis.in_progress.count;
    assert_eq!(in_progress(&store), 1);

    store.delete_deal(id).unwrap();
    assert!(store.deal_rows(today).unwrap().is_empty());
    assert!(store.deal_ids().unwrap().is_empty());
    assert!(store.report_deals().unwrap().is_empty());
    assert!(store.agenda_deals().unwrap().is_empty());
    assert_eq!(in_progress(&store), 0);
    assert!(store.get_deal(id).unwrap().unwrap().deleted_at.is_some());
    let trash = store.list_trash().unwrap();
    assert_eq!(
        trash.len(),
        1,
        "the plan and payments stay hidden with the deal"
    );
    assert_eq!(trash[0].item, TrashItem::Deal(id));
    assert_eq!(trash[0].label, "数控机床热误差补偿技术");
    assert_eq!(trash[0].owner, "山东大学 → 济南某装备公司");
    assert!(store.delete_deal(id).is_err(), "already in the trash");

    store.restore(TrashItem::Deal(id)).unwrap();
    assert_eq!(store.deal_rows(today).unwrap().len(), 1);
    assert_eq!(in_progress(&store), 1);
    assert_eq!(store.payment_plan(id).unwrap().0.len(), 1);

    // Only from the trash: a live deal cannot be purged.
    assert!(store.purge(TrashItem::Deal(id)).is_err());
    let buyer = store.get_deal(id).unwrap().unwrap().buyer;
    store.delete_deal(id).unwrap();
    store.purge(TrashItem::Deal(id)).unwrap();
    assert!(store.get_deal(id).unwrap().is_none());
    assert!(store.deal_history(id).unwrap().is_empty());
    let (plan, receipts) = store.payment_plan(id).unwrap();
    assert!(plan.is_empty() && receipts.is_empty());
    assert!(store.list_trash().unwrap().is_empty());
    // The call stays in the buyer's log.
    assert_eq!(store.list_interactions(buyer).unwrap().len(), 1);
}

#[test]
fn emptying_the_trash_takes_a_deleted_deal_before_the_client_it_names() {
    let (_dir, mut store, id) = with_deal();
    let seller = store.get_deal(id).unwrap().unwrap().seller;
    store.delete_deal(id).unwrap();
    store.delete_client(seller).unwrap();
    let (gone, kept) = store.empty_trash().unwrap();
    assert_eq!((gone, kept), (2, 0));
    assert!(store.get_deal(id).unwrap().is_none());
}

#[test]
fn signing_from_the_board_saves_the_terms_and_moves_in_one_go() {
    use techbroker::domain::DealField;
    use techbroker::domain::deal::SigningDraft;
    use techbroker::store::SaveError;
    let (_dir, mut store, id) = with_deal();
    let before = store.revision();

    // Refused: nothing written, each problem under its own field.
    let bad = SigningDraft {
        signed_on: "2026-02-30".into(),
        contract: String::new(),
    };
    let Err(SaveError::Invalid(errors)) = store.sign_deal(id, DealStage::Signed, &bad) else {
        panic!("an impossible date and no amount are refused");
    };
    assert!(matches!(
        errors.get(DealField::SignedOn),
        Some(techbroker::domain::Problem::NoSuchDay { days: 28, .. })
    ));
    assert_eq!(
        errors.get(DealField::Contract),
        Some(techbroker::domain::Problem::Required)
    );
    let zero = SigningDraft::new(Some(d(2026, 11, 20)), Some(Money(0)));
    assert!(store.sign_deal(id, DealStage::Signed, &zero).is_err());
    assert_eq!(store.revision(), before, "a refused signing writes nothing");
    assert_eq!(
        store.get_deal(id).unwrap().unwrap().stage,
        DealStage::Introduced
    );

    let draft = SigningDraft {
        signed_on: "2026-11-20".into(),
        contract: "120万".into(),
    };
    store.sign_deal(id, DealStage::Signed, &draft).unwrap();
    assert_eq!(store.revision(), before + 1, "one transaction");
    let deal = store.get_deal(id).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Signed);
    assert_eq!(deal.terms.signed_on, Some(d(2026, 11, 20)));
    assert_eq!(deal.terms.contract, Some(Money(120_000_000)));
    assert_eq!(
        deal.terms.title, "数控机床热误差补偿技术",
        "other terms kept"
    );
    assert_eq!(deal.registration_due, Some(d(2026, 12, 20)));
    let history = store.deal_history(id).unwrap();
    assert_eq!(history.last().unwrap().stage, DealStage::Signed);

    // What the deal has comes back as the dialog's first text.
    let again = SigningDraft::new(deal.terms.signed_on, deal.terms.contract);
    assert_eq!(again.signed_on, "2026-11-20");
    assert_eq!(again.validate().unwrap().contract, Money(120_000_000));

    // A deal in the trash cannot be signed.
    store.delete_deal(id).unwrap();
    assert!(store.sign_deal(id, DealStage::Registered, &draft).is_err());
}

#[test]
fn a_deal_started_by_hand_is_a_lead_with_its_parties_and_records() {
    use techbroker::domain::deal::{NewDealDraft, NewDealField};
    use techbroker::domain::{NeedDraft, NeedStatus, Problem};
    use techbroker::store::SaveError;
    let (_dir, mut store, first) = with_deal();
    let old = store.get_deal(first).unwrap().unwrap();
    let (seller, buyer) = (old.seller, old.buyer);
    let achievement = old.achievements[0];
    let need = store
        .save_need(
            None,
            &NeedDraft {
                title: "机床加工精度提升".into(),
                enterprise: Some(buyer),
                field: "高端装备制造".into(),
                ..NeedDraft::default()
            },
        )
        .unwrap();

    let Err(SaveError::Invalid(errors)) = store.create_deal(&NewDealDraft {
        expected: "abc".into(),
        ..NewDealDraft::default()
    }) else {
        panic!("an empty form is refused");
    };
    for field in [
        NewDealField::Title,
        NewDealField::Seller,
        NewDealField::Buyer,
    ] {
        assert_eq!(errors.get(field), Some(Problem::Required), "{field:?}");
    }
    assert_eq!(
        errors.get(NewDealField::Expected),
        Some(Problem::InvalidAmount)
    );
    // The buyer must be an enterprise.
    let Err(SaveError::Invalid(errors)) = store.create_deal(&NewDealDraft {
        title: "换个买方".into(),
        seller: Some(buyer),
        buyer: Some(seller),
        ..NewDealDraft::default()
    }) else {
        panic!("a university is no buyer");
    };
    assert_eq!(
        errors.get(NewDealField::Buyer),
        Some(Problem::UnknownClient)
    );
    // An achievement of someone else is not the seller's to sell.
    assert!(
        store
            .create_deal(&NewDealDraft {
                title: "别人的成果".into(),
                seller: Some(buyer),
                buyer: Some(buyer),
                achievement: Some(achievement),
                ..NewDealDraft::default()
            })
            .is_err()
    );
    assert_eq!(store.deal_ids().unwrap().len(), 1, "nothing written");

    let before = store.revision();
    let id = store
        .create_deal(&NewDealDraft {
            title: " 热误差补偿二期 ".into(),
            seller: Some(seller),
            buyer: Some(buyer),
            achievement: Some(achievement),
            need: Some(need),
            expected: "80万".into(),
        })
        .unwrap();
    assert_eq!(store.revision(), before + 1, "one transaction");
    let deal = store.get_deal(id).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Lead);
    assert_eq!(deal.terms.title, "热误差补偿二期");
    assert_eq!((deal.seller, deal.buyer), (seller, buyer));
    assert_eq!(deal.achievements, vec![achievement]);
    assert_eq!(deal.need, Some(need));
    assert_eq!(deal.terms.expected, Some(Money(80_000_000)));
    let history = store.deal_history(id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].stage, DealStage::Lead);
    assert_eq!(
        store.get_need(need).unwrap().unwrap().data.status,
        NeedStatus::Matched
    );

    // Seller and buyer alone are enough.
    let bare = store
        .create_deal(&NewDealDraft {
            title: "来访企业的新需求".into(),
            seller: Some(seller),
            buyer: Some(buyer),
            ..NewDealDraft::default()
        })
        .unwrap();
    let bare = store.get_deal(bare).unwrap().unwrap();
    assert!(bare.achievements.is_empty() && bare.need.is_none());
    assert_eq!(bare.terms.expected, None);
}

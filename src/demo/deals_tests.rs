use chrono::NaiveDate;

use super::{DealData, DemoData, Sizes, generate, generate_deals};
use crate::domain::agenda::{AgendaDeal, AgendaItem, agenda};
use crate::domain::payments::{TrialEnd, plan_status};
use crate::domain::{DealId, DealStage, Decision, NeedStatus, TransferMode};

const SIZES: Sizes = Sizes {
    clients: 300,
    achievements: 2_000,
    needs: 300,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn classroom(seed: u64, day: NaiveDate) -> (DemoData, DealData) {
    let mut data = generate(seed, SIZES);
    let deals = generate_deals(seed, &mut data, 120, day);
    (data, deals)
}

#[test]
fn the_same_seed_and_day_give_the_same_deals_and_another_day_moves_them() {
    let a = classroom(42, today());
    assert_eq!(a, classroom(42, today()));
    let later = classroom(42, today().succ_opt().unwrap());
    assert_ne!(a.1.deals[0].history, later.1.deals[0].history);
    assert_ne!(a.1, classroom(43, today()).1);
}

#[test]
fn every_stage_has_deals_with_consistent_terms_and_histories() {
    let (data, set) = classroom(42, today());
    assert_eq!(set.deals.len(), 120);
    for stage in DealStage::ALL {
        assert!(set.deals.iter().any(|d| d.stage == stage), "no {stage:?}");
    }
    for d in &set.deals {
        assert_eq!(d.history.last().map(|c| c.stage), Some(d.stage));
        assert!(d.history.windows(2).all(|w| w[0].at < w[1].at), "{d:?}");
        assert!(d.history.iter().all(|c| c.at.date_naive() <= today()));
        assert_eq!(d.terms.signed_on.is_some(), d.stage.is_signed());
        assert_eq!(d.terms.contract.is_some(), d.stage.is_signed());
        assert_eq!(d.stage == DealStage::Lost, !d.lost_reason.is_empty());
        if let Some(n) = d.need {
            assert_eq!(data.needs[n].enterprise.0 as usize, d.buyer);
        }
        assert_eq!(data.achievements[d.achievement].owner.0 as usize, d.seller);
        if d.stage == DealStage::ClosedWon {
            let plan = plan_status(&d.instalments, &d.receipts, today());
            assert_eq!(plan.outstanding.fen(), 0, "closed deals are paid");
        }
    }
    let with_need = set.deals.iter().filter(|d| d.need.is_some()).count();
    assert!(with_need > 80, "most deals answer a need: {with_need}");
}

#[test]
fn registrations_payments_and_trials_are_due_soon_overdue_and_done() {
    let (_, set) = classroom(42, today());
    let signed: Vec<_> = set
        .deals
        .iter()
        .filter(|d| d.stage == DealStage::Signed)
        .collect();
    assert!(signed.iter().any(|d| d.registration_due.unwrap() < today()));
    assert!(
        signed
            .iter()
            .any(|d| d.registration_due.unwrap() >= today())
    );
    assert!(
        set.deals
            .iter()
            .any(|d| d.registration_submitted.is_some() && !d.certificate_no.is_empty())
    );
    let overdue = set
        .deals
        .iter()
        .filter(|d| {
            plan_status(&d.instalments, &d.receipts, today())
                .overdue
                .fen()
                > 0
        })
        .count();
    assert!(overdue > 0);
    let trials: Vec<_> = set
        .deals
        .iter()
        .filter(|d| d.terms.transfer_mode == Some(TransferMode::UseFirstPayLater))
        .collect();
    assert!(!trials.is_empty());
    assert!(trials.iter().all(|d| d.trial.end.is_some()));
    let soon = today() + chrono::Days::new(30);
    assert!(trials.iter().any(|d| matches!(
        d.trial.end,
        Some(TrialEnd::On(end)) if end >= today() && end <= soon
    )));
    assert!(trials.iter().all(|d| d.trial.form.is_some()));
}

#[test]
fn the_agenda_of_the_day_has_follow_ups_registrations_and_instalments() {
    let (_, set) = classroom(42, today());
    assert!(
        set.interactions
            .iter()
            .any(|i| i.next_due == Some(today()) && i.done_at.is_none())
    );
    assert!(
        set.interactions
            .iter()
            .any(|i| i.next_due.is_some_and(|d| d < today()) && i.done_at.is_none())
    );
    let deals: Vec<AgendaDeal> = set
        .deals
        .iter()
        .enumerate()
        .filter(|(_, d)| d.stage != DealStage::Lost)
        .map(|(i, d)| AgendaDeal {
            id: DealId(i as i64),
            title: d.terms.title.clone(),
            registration_due: d.registration_due,
            registration_submitted: d.registration_submitted,
            instalments: d.instalments.clone(),
            receipts: d.receipts.clone(),
            trial_end: match d.trial.end {
                Some(TrialEnd::On(end)) => Some(end),
                _ => None,
            },
        })
        .collect();
    let items = agenda(today(), Vec::new(), &deals, &[]);
    assert!(
        items
            .iter()
            .any(|i| matches!(i, AgendaItem::Registration { .. }))
    );
    assert!(
        items
            .iter()
            .any(|i| matches!(i, AgendaItem::Instalment { .. }))
    );
}

#[test]
fn decisions_agree_with_the_deals_and_the_open_need_is_untouched() {
    let (data, set) = classroom(42, today());
    for d in &set.decisions {
        if d.decision == Decision::Accepted {
            let deal = &set.deals[d.deal.unwrap()];
            assert_eq!((deal.need, deal.achievement), (d.need, d.achievement));
            assert_eq!(deal.history[0].stage, DealStage::Introduced);
        } else {
            assert_eq!(d.deal, None);
        }
    }
    assert!(
        set.decisions
            .iter()
            .any(|d| d.decision == Decision::Proposed)
    );
    assert!(
        set.decisions
            .iter()
            .any(|d| matches!(d.decision, Decision::Rejected(_)))
    );
    let open = set.open_need.unwrap();
    assert_eq!(data.needs[open].status, NeedStatus::Open);
    assert!(set.deals.iter().all(|d| d.need != Some(open)));
    assert!(set.decisions.iter().all(|d| d.need != Some(open)));
    let solved = set
        .deals
        .iter()
        .filter(|d| d.stage == DealStage::ClosedWon && d.need.is_some())
        .count();
    let solved_needs = data
        .needs
        .iter()
        .filter(|n| n.status == NeedStatus::Solved)
        .count();
    assert!(solved_needs >= solved.min(1));
}

#[test]
fn ten_thousand_deals_for_a_benchmark() {
    let mut data = generate(1, SIZES);
    let set = generate_deals(1, &mut data, 10_000, today());
    assert_eq!(set.deals.len(), 10_000);
    assert!(set.deals.iter().filter(|d| d.need.is_none()).count() > 9_000);
}

#[test]
fn no_enterprises_or_achievements_give_no_deals() {
    let mut data = generate(
        1,
        Sizes {
            clients: 0,
            achievements: 0,
            needs: 0,
        },
    );
    assert!(generate_deals(1, &mut data, 10, today()).deals.is_empty());
}

//! The broker's log around the deals and the clients: past entries and open next steps.

use chrono::NaiveDate;

use super::words::{CLIENT_NEXT_STEPS, CLIENT_SUMMARIES, DEAL_NEXT_STEPS, DEAL_SUMMARIES};
use super::{DealData, DemoDeal, DemoInteraction, Maker, at, days_before, shift};
use crate::demo::random::{DemoRng, between, chance, one};
use crate::domain::{DealStage, InteractionKind};

impl Maker<'_> {
    /// One to three entries in the deal's log; a live deal's last one has a next step due
    /// today, overdue or ahead.
    pub(super) fn deal_interactions(
        &self,
        rng: &mut DemoRng,
        deal: &DemoDeal,
        index: usize,
        out: &mut DealData,
    ) {
        let (Some(first), Some(last)) = (deal.history.first(), deal.history.last()) else {
            return;
        };
        let from = first.at.date_naive();
        let to = last.at.date_naive().max(from);
        let n = between(rng, 1, 3);
        let live = !matches!(deal.stage, DealStage::ClosedWon | DealStage::Lost);
        for i in 0..n {
            let span = (to - from).num_days();
            let date = shift(from, span * i64::from(i + 1) / i64::from(n));
            let open = live && i == n - 1;
            let (next_step, next_due, done_at) = if open {
                (
                    one(rng, &DEAL_NEXT_STEPS).to_string(),
                    Some(self.next_due(rng)),
                    None,
                )
            } else if chance(rng, 50) {
                let due = shift(date, i64::from(between(rng, 3, 14)));
                (
                    one(rng, &DEAL_NEXT_STEPS).to_string(),
                    Some(due),
                    Some(at(due)),
                )
            } else {
                (String::new(), None, None)
            };
            out.interactions.push(DemoInteraction {
                client: deal.buyer,
                deal: Some(index),
                date: date.min(self.today),
                kind: *one(
                    rng,
                    &[
                        InteractionKind::Visit,
                        InteractionKind::Call,
                        InteractionKind::Meeting,
                        InteractionKind::Wechat,
                    ],
                ),
                summary: one(rng, &DEAL_SUMMARIES).to_string(),
                next_step,
                next_due,
                done_at,
            });
        }
    }

    /// Due today a quarter of the time, overdue a third, ahead otherwise.
    fn next_due(&self, rng: &mut DemoRng) -> NaiveDate {
        match between(rng, 0, 99) {
            0..25 => self.today,
            25..58 => shift(self.today, -i64::from(between(rng, 1, 20))),
            _ => shift(self.today, i64::from(between(rng, 1, 30))),
        }
    }

    /// Visits and calls at two clients in five, some with a next step.
    pub(super) fn client_interactions(&self, rng: &mut DemoRng, out: &mut DealData) {
        for client in 0..self.data.clients.len() {
            if !chance(rng, 40) {
                continue;
            }
            let date = days_before(self.today, between(rng, 1, 90));
            let (next_step, next_due) = if chance(rng, 60) {
                (
                    one(rng, &CLIENT_NEXT_STEPS).to_string(),
                    Some(self.next_due(rng).max(date)),
                )
            } else {
                (String::new(), None)
            };
            out.interactions.push(DemoInteraction {
                client,
                deal: None,
                date,
                kind: *one(
                    rng,
                    &[
                        InteractionKind::Visit,
                        InteractionKind::Call,
                        InteractionKind::Event,
                        InteractionKind::Wechat,
                    ],
                ),
                summary: one(rng, &CLIENT_SUMMARIES).to_string(),
                next_step,
                next_due,
                done_at: None,
            });
        }
    }
}

//! On a deal's page, what each party is due from the payments received, under the income rule
//! of the deal's achievement. Nothing is shown while no achievement of the deal has a rule.

use egui::Ui;

use crate::domain::deal::rate_text;
use crate::domain::payments::Receipt;
use crate::domain::rights::DistributionRule;
use crate::domain::{DealId, Money, ReceiptId};
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::ui::reload::Reloaded;
use crate::ui::widgets::read_error;

#[derive(Default)]
pub struct DealShares {
    rule: Reloaded<(u64, DealId), Option<DistributionRule>>,
}

impl DealShares {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        deal: DealId,
        receipts: &[(ReceiptId, Receipt)],
        tr: &Tr,
    ) {
        self.rule
            .refresh((store.revision(), deal), || store.deal_rule(deal));
        read_error(ui, tr, self.rule.error());
        let Some(rule) = self.rule.get().copied().flatten() else {
            return;
        };
        let received = Money(
            receipts
                .iter()
                .fold(0_i64, |sum, (_, r)| sum.saturating_add(r.amount.fen())),
        );
        ui.add_space(12.0);
        ui.strong(tr.shares_heading);
        ui.label(fill(
            tr.shares_received,
            &[
                ("yuan", &received.yuan_text()),
                ("wan", &received.wan_text()),
            ],
        ));
        for (party, amount) in rule.split(received) {
            ui.label(fill(
                tr.share_amount,
                &[
                    ("party", &tr.party(party)),
                    ("share", &rate_text(rule.share_bp(party))),
                    ("yuan", &amount.yuan_text()),
                    ("wan", &amount.wan_text()),
                ],
            ));
        }
    }
}

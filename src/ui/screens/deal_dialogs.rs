//! The board's two forms: the signing dialog a card moved to a signed stage opens when the deal
//! lacks its date or amount, and the form that starts a deal by hand.

use egui::Ui;

use crate::catalog::Catalogs;
use crate::domain::deal::{NewDealDraft, NewDealField, SigningDraft};
use crate::domain::{
    AchievementId, ClientId, ClientKind, ClientRow, DealField, DealId, DealRow, DealStage,
    FieldErrors, NeedId,
};
use crate::i18n::{Tr, fill};
use crate::ui::command::Command;
use crate::ui::widgets::combos::{amount_read_back, client_picker, option_combo};
use crate::ui::widgets::keys::{FormKey, form_keys, submits_on_enter};
use crate::ui::widgets::{form_row, text_field};

/// Whoever owns achievements can sell one.
const SELLER_KINDS: [ClientKind; 4] = ClientKind::ALL;
const BUYER_KINDS: [ClientKind; 1] = [ClientKind::Enterprise];

/// Asks for what signing needs, for one deal moved to one stage.
pub struct SignDialog {
    pub id: DealId,
    title: String,
    stage: DealStage,
    draft: SigningDraft,
    errors: FieldErrors<DealField>,
    /// Once a confirm was refused, every change is checked again, so an error goes as soon as
    /// its field is corrected.
    checking: bool,
    focus: bool,
}

/// What the dialog came to this frame.
pub enum Answer {
    Open,
    Cancelled,
}

impl SignDialog {
    pub fn new(deal: &DealRow, stage: DealStage) -> Self {
        Self {
            id: deal.id,
            title: deal.title.clone(),
            stage,
            draft: SigningDraft::new(deal.signed_on, deal.contract),
            errors: FieldErrors::new(),
            checking: false,
            focus: true,
        }
    }

    /// The store refused the signing: its errors show, and follow the typing from now on.
    pub fn refused(&mut self, errors: FieldErrors<DealField>) {
        self.errors = errors;
        self.checking = true;
    }

    pub fn ui(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) -> Answer {
        let mut answer = Answer::Open;
        let modal = egui::Modal::new(egui::Id::unique("sign_dialog")).show(ui.ctx(), |ui| {
            ui.set_max_width(420.0);
            ui.heading(tr.sign_title);
            ui.label(fill(
                tr.sign_body,
                &[
                    ("title", &self.title),
                    ("stage", &tr.deal_stage(self.stage)),
                ],
            ));
            ui.add_space(8.0);
            let d = &mut self.draft;
            let e = &self.errors;
            let focus = &mut self.focus;
            egui::Grid::new("sign_fields")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    form_row(
                        ui,
                        tr,
                        tr.d_signed_on,
                        true,
                        e.get(DealField::SignedOn),
                        |ui| {
                            let field = ui.add(
                                egui::TextEdit::singleline(&mut d.signed_on)
                                    .hint_text(tr.date_format_hint)
                                    .desired_width(140.0),
                            );
                            submits_on_enter(ui, &field);
                            crate::ui::widgets::keys::focus_once(&field, focus);
                            field
                        },
                    );
                    form_row(
                        ui,
                        tr,
                        tr.d_contract,
                        true,
                        e.get(DealField::Contract),
                        text_field(&mut d.contract, 160.0),
                    );
                });
            amount_read_back(ui, &self.draft.contract, tr);
            if self.checking {
                self.errors = self.draft.validate().err().unwrap_or_default();
            }
            let keyed = form_keys(ui) == Some(FormKey::Save);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(tr.sign_confirm).clicked() || keyed {
                    match self.draft.validate() {
                        Ok(_) => cmds.push(Command::SignDeal {
                            id: self.id,
                            stage: self.stage,
                            draft: self.draft.clone(),
                        }),
                        Err(errors) => self.refused(errors),
                    }
                }
                if ui.button(tr.cancel).clicked() {
                    answer = Answer::Cancelled;
                }
            });
        });
        if modal.should_close() {
            answer = Answer::Cancelled;
        }
        answer
    }
}

/// The form that starts a deal by hand, shown above the board.
#[derive(Default)]
pub struct NewDealForm {
    draft: NewDealDraft,
    seller_query: String,
    buyer_query: String,
    errors: FieldErrors<NewDealField>,
    checking: bool,
    focus: bool,
    /// The seller's achievements and the buyer's needs as offered, read again when either
    /// party or the catalogues change.
    offers: Option<Offers>,
}

struct Offers {
    key: (Option<ClientId>, Option<ClientId>, u64),
    achievements: Vec<(AchievementId, String)>,
    needs: Vec<(NeedId, String)>,
}

impl NewDealForm {
    pub fn new() -> Self {
        Self {
            focus: true,
            ..Self::default()
        }
    }

    pub fn refused(&mut self, errors: FieldErrors<NewDealField>) {
        self.errors = errors;
        self.checking = true;
    }

    /// Reads the chosen parties' records again when either party or the catalogues changed.
    fn refresh_offers(&mut self, catalogs: &Catalogs, revision: u64, tr: &Tr) {
        let key = (self.draft.seller, self.draft.buyer, revision);
        if self.offers.as_ref().is_some_and(|o| o.key == key) {
            return;
        }
        let achievements: Vec<(AchievementId, String)> =
            match (self.draft.seller, catalogs.achievements.ready()) {
                (Some(seller), Some(c)) => c
                    .rows()
                    .iter()
                    .filter(|a| a.owner == seller)
                    .map(|a| (a.id, a.title.clone()))
                    .collect(),
                _ => Vec::new(),
            };
        let needs: Vec<(NeedId, String)> = match (self.draft.buyer, catalogs.needs.ready()) {
            (Some(buyer), Some(c)) => c
                .rows()
                .iter()
                .filter(|n| n.enterprise == buyer)
                .map(|n| (n.id, tr.need_title(&n.title, n.confidential)))
                .collect(),
            _ => Vec::new(),
        };
        // A record of a party no longer chosen is neither offered nor kept.
        let d = &mut self.draft;
        d.achievement = d
            .achievement
            .filter(|a| achievements.iter().any(|(id, _)| id == a));
        d.need = d.need.filter(|n| needs.iter().any(|(id, _)| id == n));
        self.offers = Some(Offers {
            key,
            achievements,
            needs,
        });
    }

    /// Returns true once the broker cancels.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: NewDealView<'_>,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) -> bool {
        let mut cancelled = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(tr.new_deal);
            self.refresh_offers(view.catalogs, view.revision, tr);
            let (achievements, needs) = self
                .offers
                .as_ref()
                .map(|o| (o.achievements.clone(), o.needs.clone()))
                .unwrap_or_default();
            let e = &self.errors;
            let d = &mut self.draft;
            let focus = &mut self.focus;
            let (seller_query, buyer_query) = (&mut self.seller_query, &mut self.buyer_query);
            egui::Grid::new("new_deal_fields")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    use NewDealField as F;
                    form_row(ui, tr, tr.d_title, true, e.get(F::Title), |ui| {
                        let field = text_field(&mut d.title, 320.0)(ui);
                        crate::ui::widgets::keys::focus_once(&field, focus);
                        field
                    });
                    form_row(ui, tr, tr.d_seller, true, e.get(F::Seller), |ui| {
                        client_picker(
                            ui,
                            seller_query,
                            &mut d.seller,
                            view.clients,
                            &SELLER_KINDS,
                            tr,
                        )
                    });
                    form_row(ui, tr, tr.nd_achievement, false, None, |ui| {
                        // Nothing to choose until the party has some.
                        ui.add_enabled_ui(!achievements.is_empty(), |ui| {
                            option_combo(
                                ui,
                                "new_deal_achievement",
                                &mut d.achievement,
                                &ids(&achievements),
                                tr.nd_none,
                                |id| title_of(&achievements, id),
                            )
                        })
                        .inner
                    });
                    form_row(ui, tr, tr.d_buyer, true, e.get(F::Buyer), |ui| {
                        client_picker(
                            ui,
                            buyer_query,
                            &mut d.buyer,
                            view.clients,
                            &BUYER_KINDS,
                            tr,
                        )
                    });
                    form_row(ui, tr, tr.nd_need, false, None, |ui| {
                        // Nothing to choose until the party has some.
                        ui.add_enabled_ui(!needs.is_empty(), |ui| {
                            option_combo(
                                ui,
                                "new_deal_need",
                                &mut d.need,
                                &ids(&needs),
                                tr.nd_none,
                                |id| title_of(&needs, id),
                            )
                        })
                        .inner
                    });
                    form_row(
                        ui,
                        tr,
                        tr.d_expected,
                        false,
                        e.get(F::Expected),
                        text_field(&mut d.expected, 160.0),
                    );
                });
            amount_read_back(ui, &self.draft.expected, tr);
            if self.checking {
                self.errors = self.draft.validate().err().unwrap_or_default();
            }
            let key = form_keys(ui);
            ui.horizontal(|ui| {
                if ui.button(tr.nd_create).clicked() || key == Some(FormKey::Save) {
                    match self.draft.validate() {
                        Ok(_) => cmds.push(Command::CreateDeal(self.draft.clone())),
                        Err(errors) => self.refused(errors),
                    }
                }
                cancelled = ui.button(tr.cancel).clicked() || key == Some(FormKey::Leave);
            });
        });
        cancelled
    }
}

/// What the new-deal form reads: the clients to pick from and the catalogues of their records.
pub struct NewDealView<'a> {
    pub clients: &'a [ClientRow],
    pub catalogs: &'a Catalogs,
    pub revision: u64,
}

fn ids<I: Copy>(offers: &[(I, String)]) -> Vec<I> {
    offers.iter().map(|(id, _)| *id).collect()
}

fn title_of<I: PartialEq>(offers: &[(I, String)], id: &I) -> String {
    offers
        .iter()
        .find(|(i, _)| i == id)
        .map(|(_, t)| t.clone())
        .unwrap_or_default()
}

//! An achievement's page with, for one owned by a university or institute, its rights and income
//! shares (权属与收益分配): who holds it, the approval, 单列管理, and how its income is split.

use egui::{RichText, Ui};

use crate::domain::rights::{
    ArrangementKind, Party, Rights, RightsDraft, RightsField, makes_service_achievements,
    use_right_end,
};
use crate::domain::{Achievement, AchievementId, ClientKind, FieldErrors};
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::ui::command::Command;
use crate::ui::reload::Reloaded;
use crate::ui::screens::maturity_section::MaturitySection;
use crate::ui::screens::record_detail::{Detail, achievement_ui};
use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::keys::{FormKey, form_keys};
use crate::ui::widgets::{error_text, fmt_date, form_row, read_error, text_field};

/// The achievement's page: its record, then its rights.
pub struct AchievementPage {
    pub detail: Detail<AchievementId, Achievement>,
    rights: RightsForm,
    maturity: MaturitySection,
}

impl AchievementPage {
    pub fn new(id: AchievementId) -> Self {
        Self {
            detail: Detail::new(id),
            rights: RightsForm::default(),
            maturity: MaturitySection::default(),
        }
    }
}

impl View for AchievementPage {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (store, tr, rights) = (cx.store, cx.tr, &mut self.rights);
        let maturity = &mut self.maturity;
        achievement_ui(&mut self.detail, ui, store, tr, cx.cmds, |ui, a, cmds| {
            rights.ui(ui, store, a, tr, cmds);
            maturity.ui(ui, store, a.id, tr, cmds);
            crate::ui::widgets::documents::section(ui, store, a.id, tr, cmds);
        });
    }

    fn on_event(&mut self, event: &Event) {
        match event {
            Event::RightsSaved(id) if *id == self.detail.id => {
                self.rights.errors = FieldErrors::new()
            }
            Event::RightsRefused(id, errors) if *id == self.detail.id => {
                self.rights.errors = errors.clone();
            }
            _ => {}
        }
    }
}

/// What the section shows, as last read.
struct Read {
    rights: Option<Rights>,
    owner_kind: Option<ClientKind>,
}

#[derive(Default)]
struct RightsForm {
    data: Reloaded<u64, Read>,
    draft: RightsDraft,
    errors: FieldErrors<RightsField>,
}

impl RightsForm {
    fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        a: &Achievement,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let (id, owner) = (a.id, a.data.owner);
        let read = self.data.refresh(store.revision(), || {
            Ok(Read {
                rights: store.achievement_rights(id)?,
                owner_kind: store.get_client(owner)?.map(|c| c.kind),
            })
        });
        // The form shows the rights as read, again after every change.
        if read && let Some(data) = self.data.get() {
            self.draft = data
                .rights
                .as_ref()
                .map(RightsDraft::from)
                .unwrap_or_default();
        }
        if !self
            .data
            .get()
            .and_then(|d| d.owner_kind)
            .is_some_and(makes_service_achievements)
        {
            read_error(ui, tr, self.data.error());
            return;
        }
        ui.add_space(12.0);
        ui.strong(tr.rights_heading);
        read_error(ui, tr, self.data.error());
        let e = &self.errors;
        let d = &mut self.draft;
        egui::Grid::new("achievement_rights")
            .num_columns(2)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.label(tr.rights_arrangement);
                ui.horizontal_wrapped(|ui| {
                    for kind in ArrangementKind::ALL {
                        ui.radio_value(&mut d.kind, kind, tr.arrangement(kind));
                    }
                });
                ui.end_row();
                match d.kind {
                    ArrangementKind::Institution => {}
                    ArrangementKind::Ownership => form_row(
                        ui,
                        tr,
                        tr.rights_ownership_share,
                        true,
                        e.get(RightsField::OwnershipShare),
                        text_field(&mut d.ownership_share, 80.0),
                    ),
                    ArrangementKind::UseRight => form_row(
                        ui,
                        tr,
                        tr.rights_term_years,
                        true,
                        e.get(RightsField::TermYears),
                        text_field(&mut d.term_years, 80.0),
                    ),
                }
                form_row(
                    ui,
                    tr,
                    tr.rights_approved_on,
                    false,
                    e.get(RightsField::ApprovedOn),
                    text_field(&mut d.approved_on, 140.0),
                );
                form_row(
                    ui,
                    tr,
                    tr.rights_approval_no,
                    false,
                    e.get(RightsField::ApprovalNo),
                    text_field(&mut d.approval_no, 260.0),
                );
                ui.label("");
                ui.checkbox(&mut d.separately_managed, tr.rights_separately_managed);
                ui.end_row();
                for (i, party) in Party::ALL.into_iter().enumerate() {
                    form_row(
                        ui,
                        tr,
                        tr.party_share(party),
                        false,
                        e.get(RightsField::Share(party)),
                        text_field(&mut d.shares[i], 80.0),
                    );
                }
            });
        if let Some(p) = e.get(RightsField::Shares) {
            error_text(ui, &tr.problem(p));
        }
        ui.label(RichText::new(tr.rights_shares_hint).weak());
        if let Ok(Rights {
            rule: Some(rule), ..
        }) = d.validate()
            && rule.researchers_below_floor()
        {
            ui.label(RichText::new(tr.rights_below_floor).color(ui.visuals().warn_fg_color));
        }
        if d.kind == ArrangementKind::UseRight
            && let (Some(from), Ok(years)) = (
                crate::domain::dates::parse_date(&d.approved_on),
                d.term_years.trim().parse(),
            )
            && let Some(end) = use_right_end(from, years)
        {
            ui.label(fill(tr.rights_use_right_until, &[("date", &fmt_date(end))]));
        }
        // Enter in a field or Ctrl+S saves, as on the deal's terms. An achievement in the trash
        // keeps its rights as they were until it is restored.
        let saved_by_key = form_keys(ui) == Some(FormKey::Save);
        if a.deleted_at.is_none() && (ui.button(tr.rights_save).clicked() || saved_by_key) {
            match d.validate() {
                Ok(_) => cmds.push(Command::SaveRights {
                    id,
                    draft: d.clone(),
                }),
                Err(errors) => self.errors = errors,
            }
        }
    }
}

//! The carrier profile on an organisation's page: what kind of carrier it is (中试基地,
//! 概念验证中心…), the fields it serves, its capabilities, equipment, capacity and typical cost.

use egui::{CollapsingHeader, Ui};

use crate::domain::ClientId;
use crate::domain::maturation::{CarrierDraft, CarrierField, CarrierKind};
use crate::i18n::Tr;
use crate::store::Store;
use crate::ui::command::{Command, MaturationCommand};
use crate::ui::reload::Reloaded;
use crate::ui::view::Event;
use crate::ui::widgets::combos::{amount_input, combo};
use crate::ui::widgets::form_state::Checked;
use crate::ui::widgets::{form_row, read_error, text_field};

const WIDE: f32 = 360.0;

#[derive(Default)]
pub struct CarrierSection {
    stored: Reloaded<u64, Option<CarrierDraft>>,
    draft: CarrierDraft,
    check: Checked<CarrierDraft, CarrierField>,
}

impl CarrierSection {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        organisation: ClientId,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let read = self.stored.refresh(store.revision(), || {
            Ok(store
                .carrier(organisation)?
                .map(|c| CarrierDraft::from_carrier(&c)))
        });
        if read {
            self.draft = self.stored.get().cloned().flatten().unwrap_or_default();
        }
        read_error(ui, tr, self.stored.error());
        let known = self.stored.get().is_some_and(Option::is_some);
        CollapsingHeader::new(tr.carrier_profile)
            .id_salt(("carrier", organisation))
            .default_open(known)
            .show(ui, |ui| {
                self.check.recheck(&self.draft, CarrierDraft::validate);
                let e = &self.check.errors;
                let d = &mut self.draft;
                egui::Grid::new(("carrier_form", organisation))
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        use CarrierField as F;
                        form_row(ui, tr, tr.carrier_kind_label, false, None, |ui| {
                            combo(ui, "carrier_kind", &mut d.kind, &CarrierKind::ALL, |k| {
                                tr.carrier_kind(k)
                            })
                        });
                        form_row(
                            ui,
                            tr,
                            tr.carrier_fields,
                            true,
                            e.get(F::Fields),
                            text_field(&mut d.fields, WIDE),
                        );
                        for (label, field, value) in [
                            (
                                tr.carrier_capabilities,
                                F::Capabilities,
                                &mut d.capabilities,
                            ),
                            (tr.carrier_equipment, F::Equipment, &mut d.equipment),
                            (tr.carrier_capacity, F::Capacity, &mut d.capacity),
                        ] {
                            form_row(ui, tr, label, false, e.get(field), text_field(value, WIDE));
                        }
                        form_row(
                            ui,
                            tr,
                            tr.carrier_cost,
                            false,
                            e.get(F::TypicalCost),
                            amount_input(&mut d.typical_cost, tr),
                        );
                    });
                if ui.button(tr.carrier_save).clicked()
                    && self
                        .check
                        .submit(&self.draft, CarrierDraft::validate)
                        .is_some()
                {
                    cmds.push(Command::Maturation(MaturationCommand::SaveCarrier {
                        organisation,
                        draft: self.draft.clone(),
                    }));
                }
            });
    }

    pub fn on_event(&mut self, organisation: ClientId, event: &Event) {
        if let Event::CarrierRefused(id, errors) = event
            && *id == organisation
        {
            self.check.refused(&self.draft, errors.clone());
        }
    }
}

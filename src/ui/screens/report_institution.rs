//! The institution's view under the deal report, for the same period: per broker, deals in
//! progress, signed and registered amounts, commissions due and paid. A deal's broker is the
//! member who owns it on the team's server, or else the broker typed on it.

use chrono::NaiveDate;
use egui::{CollapsingHeader, Ui};

use crate::i18n::Tr;
use crate::report::institution::{BrokerDeal, table};
use crate::store::{Store, StoreError};
use crate::ui::command::Command;
use crate::ui::screens::report_stats::{export_buttons, show_table};

#[derive(Default)]
pub struct InstitutionSection {
    /// The deals as last read, with the data's revision they were read at.
    read: Option<(u64, Vec<BrokerDeal>)>,
}

impl InstitutionSection {
    /// Every live deal, read again when the data changed.
    pub fn deals(&mut self, store: &Store) -> Result<&[BrokerDeal], StoreError> {
        let revision = store.revision();
        let deals = match self.read.take() {
            Some((r, deals)) if r == revision => deals,
            _ => store.institution_deals()?,
        };
        Ok(&self.read.insert((revision, deals)).1)
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        (from, to): (NaiveDate, NaiveDate),
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        CollapsingHeader::new(tr.in_title)
            .default_open(false)
            .show(ui, |ui| {
                export_buttons(
                    ui,
                    [tr.in_export_xlsx, tr.in_export_html],
                    Command::ExportInstitution,
                    cmds,
                );
                match self.deals(store) {
                    Ok(deals) => show_table(ui, &table(deals, from, to, tr)),
                    Err(e) => crate::ui::widgets::read_error(ui, tr, Some(&e.to_string())),
                }
            });
    }
}

//! The institution's view by broker, written where the user chooses.

use crate::report::institution::{write_html, write_xlsx};
use crate::ui::command::FileType;
use crate::ui::screens::report::period_name;
use crate::ui::shell::app::{Database, TechBrokerApp};
use crate::ui::shell::export::write_status;
use crate::ui::widgets::today;

impl TechBrokerApp {
    pub(super) fn export_institution(&mut self, format: FileType) {
        let tr = self.tr();
        let Database::Open(session) = &mut self.db else {
            return;
        };
        let (from, to) = self.screens.report.bounds(today());
        let deals = match self.screens.report.institution.deals(session.store()) {
            Ok(deals) => deals.to_vec(),
            Err(e) => return self.failed(&e),
        };
        let name = format!("{}-{}", tr.in_title, period_name(from, to));
        let Some(path) = self.picker.save_file(&name, format) else {
            return;
        };
        let written = if format == FileType::Xlsx {
            write_xlsx(&deals, from, to, tr, &path)
        } else {
            write_html(&deals, from, to, tr, &path)
        };
        self.status = Some(write_status(written, &path, tr));
    }
}

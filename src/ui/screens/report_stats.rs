//! The transfer statistics under the deal report, for the same period: contracts signed and
//! registered by type, achievements transferred by rights arrangement, maturation projects;
//! written as Excel or a printable page like the report.

use chrono::NaiveDate;
use egui::{CollapsingHeader, Ui};

use crate::i18n::Tr;
use crate::io::xlsx_out::{Cell, SheetData};
use crate::report::transfer::{TransferStats, build};
use crate::report::transfer_out::tables;
use crate::store::{Store, StoreError};
use crate::ui::command::{Command, FileType};

#[derive(Default)]
pub struct StatsSection {
    /// What the statistics were built from: the data's revision and the period.
    built: Option<((u64, NaiveDate, NaiveDate), TransferStats)>,
}

impl StatsSection {
    /// The statistics of `from..=to`, built again when the data or the period changed.
    pub fn stats(
        &mut self,
        store: &Store,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<&TransferStats, StoreError> {
        let key = (store.revision(), from, to);
        let fresh = match self.built.take() {
            Some((k, stats)) if k == key => stats,
            _ => build(
                &store.transfer_contracts()?,
                &store.transfer_projects()?,
                from,
                to,
            ),
        };
        Ok(&self.built.insert((key, fresh)).1)
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        (from, to): (NaiveDate, NaiveDate),
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        // Closed at first: its figures follow the period only, not the report's filters.
        CollapsingHeader::new(tr.ts_title)
            .default_open(false)
            .show(ui, |ui| {
                export_buttons(
                    ui,
                    [tr.ts_export_xlsx, tr.ts_export_html],
                    Command::ExportStats,
                    cmds,
                );
                let stats = match self.stats(store, from, to) {
                    Ok(stats) => stats,
                    Err(e) => {
                        crate::ui::widgets::read_error(ui, tr, Some(&e.to_string()));
                        return;
                    }
                };
                for table in tables(stats, tr) {
                    show_table(ui, &table);
                }
            });
    }
}

/// A section's two export buttons: Excel, then the printable page.
pub fn export_buttons(
    ui: &mut Ui,
    [xlsx, html]: [&str; 2],
    export: fn(FileType) -> Command,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        if ui.button(xlsx).clicked() {
            cmds.push(export(FileType::Xlsx));
        }
        if ui.button(html).clicked() {
            cmds.push(export(FileType::Html));
        }
    });
}

/// A table of a report section under its name, as the workbook's sheet has it.
pub fn show_table(ui: &mut Ui, table: &SheetData) {
    ui.add_space(6.0);
    ui.strong(&table.name);
    egui::Grid::new(("report-table", table.name.clone()))
        .striped(true)
        .show(ui, |ui| {
            for header in &table.headers {
                ui.label(header);
            }
            ui.end_row();
            for row in &table.rows {
                for cell in row {
                    ui.label(cell_text(cell));
                }
                ui.end_row();
            }
        });
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Money(m) => m.map(|m| m.wan_text()).unwrap_or_default(),
        Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        Cell::Empty => String::new(),
    }
}

//! The deal report screen: a period and filters, the totals and breakdowns on screen, and the
//! report written as an Excel workbook or a printable page.

use crate::ui::view::{Cx, View};
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::domain::{ContractType, DealStage, Money};
use crate::i18n::{Tr, fill};
use crate::report::labels::{Breakdown, breakdowns, group_label};
use crate::report::{DealReport, Period, ReportDeal, ReportFilter, build};
use crate::store::Store;
use crate::ui::command::Command;
use crate::ui::command::FileType;
use crate::ui::reload::Reloaded;
use crate::ui::screens::report_institution::InstitutionSection;
use crate::ui::screens::report_stats::StatsSection;
use crate::ui::widgets::combos::option_combo;
use crate::ui::widgets::date_picker;
use crate::ui::widgets::labelled;

const ROW_HEIGHT: f32 = 22.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeriodChoice {
    #[default]
    Month,
    Quarter,
    Year,
    Custom,
}

/// What the report was last built from, so it is built again only when that changes.
type Key = (u64, NaiveDate, NaiveDate, ReportFilter);

#[derive(Default)]
pub struct ReportScreen {
    pub period: PeriodChoice,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub filter: ReportFilter,
    deals: Reloaded<u64, Vec<ReportDeal>>,
    brokers: Vec<String>,
    report: Option<(Key, DealReport)>,
    pub stats: StatsSection,
    pub institution: InstitutionSection,
}

impl ReportScreen {
    /// The period's first and last day.
    pub fn bounds(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        match self.period {
            PeriodChoice::Month => Period::this_month(today).bounds(),
            PeriodChoice::Quarter => Period::this_quarter(today).bounds(),
            PeriodChoice::Year => Period::this_year(today).bounds(),
            PeriodChoice::Custom => {
                let (first, last) = Period::this_month(today).bounds();
                (self.from.unwrap_or(first), self.to.unwrap_or(last))
            }
        }
    }

    /// The report as shown, built again when the data, period or filters changed.
    pub fn report(&mut self, store: &Store, today: NaiveDate) -> Option<&DealReport> {
        let revision = store.revision();
        if self.deals.refresh(revision, || store.report_deals()) {
            let mut brokers: Vec<String> = (self.deals.items().iter())
                .map(|d| d.broker.clone())
                .filter(|b| !b.is_empty())
                .collect();
            brokers.sort();
            brokers.dedup();
            self.brokers = brokers;
        }
        if self.deals.error().is_some() {
            return None;
        }
        let (from, to) = self.bounds(today);
        let key = (revision, from, to, self.filter.clone());
        if self.report.as_ref().is_none_or(|(k, _)| *k != key) {
            let report = build(self.deals.items(), from, to, &self.filter, today);
            self.report = Some((key, report));
        }
        self.report.as_ref().map(|(_, r)| r)
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        fields: &[String],
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        ui.heading(tr.rp_title);
        self.controls(ui, fields, today, tr, cmds);
        ui.separator();
        crate::ui::widgets::read_error(ui, tr, self.deals.error());
        let bounds = self.bounds(today);
        // Out of the screen while the report borrows it: a move, not a copy.
        let mut stats = std::mem::take(&mut self.stats);
        let mut institution = std::mem::take(&mut self.institution);
        if let Some(report) = self.report(store, today) {
            egui::ScrollArea::vertical().show(ui, |ui| {
                report_ui(ui, report, tr);
                ui.add_space(12.0);
                stats.ui(ui, store, bounds, tr, cmds);
                institution.ui(ui, store, bounds, tr, cmds);
            });
        }
        self.stats = stats;
        self.institution = institution;
    }

    fn controls(
        &mut self,
        ui: &mut Ui,
        fields: &[String],
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.rp_period);
            for (choice, label) in [
                (PeriodChoice::Month, tr.rp_this_month),
                (PeriodChoice::Quarter, tr.rp_this_quarter),
                (PeriodChoice::Year, tr.rp_this_year),
                (PeriodChoice::Custom, tr.rp_custom),
            ] {
                ui.radio_value(&mut self.period, choice, label);
            }
            if self.period == PeriodChoice::Custom {
                let (from, to) = self.bounds(today);
                let (mut from, mut to) = (from, to);
                date_picker(ui, "report_from", &mut from, tr);
                ui.label("–");
                date_picker(ui, "report_to", &mut to, tr);
                self.from = Some(from);
                self.to = Some(to.max(from));
            } else {
                let (from, to) = self.bounds(today);
                ui.label(fill(tr.rp_period_range, &[("from", &from), ("to", &to)]));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let f = &mut self.filter;
            labelled(ui, tr.d_broker, |ui| {
                option_combo(
                    ui,
                    "rp_broker",
                    &mut f.broker,
                    &self.brokers,
                    tr.any,
                    String::clone,
                )
            });
            labelled(ui, tr.col_field, |ui| {
                option_combo(ui, "rp_field", &mut f.field, fields, tr.any, String::clone)
            });
            labelled(ui, tr.d_contract_type, |ui| {
                option_combo(
                    ui,
                    "rp_type",
                    &mut f.contract_type,
                    &ContractType::ALL,
                    tr.any,
                    |c| tr.contract_type(*c).to_string(),
                )
            });
            labelled(ui, tr.d_stage, |ui| {
                option_combo(ui, "rp_stage", &mut f.stage, &DealStage::ALL, tr.any, |s| {
                    tr.deal_stage(*s).to_string()
                })
            });
            ui.separator();
            if ui.button(tr.rp_export_xlsx).clicked() {
                cmds.push(Command::ExportReport(FileType::Xlsx));
            }
            if ui.button(tr.rp_export_html).clicked() {
                cmds.push(Command::ExportReport(FileType::Html));
            }
        });
    }
}

fn wan(m: Money) -> String {
    m.wan_text()
}

fn report_ui(ui: &mut Ui, report: &DealReport, tr: &Tr) {
    let t = &report.totals;
    ui.horizontal_wrapped(|ui| {
        for (label, value) in [
            (tr.rp_signed, t.signed.to_string()),
            (tr.rp_contract, wan(t.contract)),
            (tr.rp_technology, wan(t.technology)),
            (tr.rp_commission, wan(t.commission)),
            (tr.rp_received, wan(t.received)),
            (tr.rp_outstanding, wan(t.outstanding)),
        ] {
            ui.group(|ui| {
                ui.vertical(|ui| {
                    ui.label(RichText::new(label).small());
                    ui.label(RichText::new(value).size(20.0).strong());
                });
            });
        }
    });
    if report.deals.is_empty() {
        ui.label(tr.rp_no_deals);
        return;
    }
    ui.add_space(8.0);
    // Boxes of at least BOX_WIDTH, as many a row as fit: groups have no width until drawn, so
    // a wrapping row cannot place them.
    let tables = breakdowns(report, tr);
    let per_row = ((ui.available_width() / BOX_WIDTH) as usize).clamp(1, 3);
    let boxes = tables.len() + 1;
    for row in 0..boxes.div_ceil(per_row) {
        ui.columns(per_row, |cols| {
            for (i, col) in cols.iter_mut().enumerate() {
                let n = row * per_row + i;
                match tables.get(n) {
                    Some(b) => breakdown_ui(col, b, tr),
                    None if n == tables.len() => monthly_ui(col, report, tr),
                    None => {}
                }
            }
        });
    }
    ui.add_space(8.0);
    ui.strong(tr.rp_deal_list);
    deal_list(ui, &report.deals, tr);
}

/// The narrowest a breakdown box gets: a name and the two numbers, headers on two lines.
const BOX_WIDTH: f32 = 320.0;
const DEALS_WIDTH: f32 = 48.0;
const AMOUNT_WIDTH: f32 = 120.0;

/// A table of a name and two numbers that keeps to the width it is given: the name takes what
/// the numbers leave and is cut with "…", headers wrap (English ones are long).
fn three_columns(
    ui: &mut Ui,
    id: &str,
    headers: [&str; 3],
    rows: impl Iterator<Item = (String, String, String)>,
) {
    let name_width = (ui.available_width() - DEALS_WIDTH - AMOUNT_WIDTH - 24.0).max(60.0);
    let widths = [name_width, DEALS_WIDTH, AMOUNT_WIDTH];
    let cell = |ui: &mut Ui, width: f32, label: egui::Label| {
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.add(label);
        });
    };
    egui::Grid::new(id).striped(true).show(ui, |ui| {
        for (header, width) in headers.into_iter().zip(widths) {
            cell(ui, width, egui::Label::new(header).wrap());
        }
        ui.end_row();
        for (name, deals, amount) in rows {
            cell(ui, name_width, egui::Label::new(name).truncate());
            cell(ui, DEALS_WIDTH, egui::Label::new(deals));
            cell(ui, AMOUNT_WIDTH, egui::Label::new(amount));
            ui.end_row();
        }
    });
}

fn breakdown_ui(ui: &mut Ui, b: &Breakdown<'_>, tr: &Tr) {
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.vertical(|ui| {
            ui.strong(b.title);
            three_columns(
                ui,
                b.title,
                [b.key_header, tr.rp_deals, tr.rp_contract],
                b.groups.iter().map(|g| {
                    (
                        group_label(&g.key, tr),
                        g.deals.to_string(),
                        wan(g.contract),
                    )
                }),
            );
        });
    });
}

fn monthly_ui(ui: &mut Ui, report: &DealReport, tr: &Tr) {
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.vertical(|ui| {
            ui.strong(tr.rp_monthly);
            three_columns(
                ui,
                "rp_monthly",
                [tr.rp_month, tr.rp_deals, tr.rp_contract],
                report.monthly.iter().map(|m| {
                    (
                        format!("{}-{:02}", m.year, m.month),
                        m.deals.to_string(),
                        wan(m.contract),
                    )
                }),
            );
        });
    });
}

fn deal_list(ui: &mut Ui, deals: &[ReportDeal], tr: &Tr) {
    let headers = [
        tr.d_signed_on,
        tr.d_title,
        tr.d_seller,
        tr.d_buyer,
        tr.d_contract_type,
        tr.d_stage,
        tr.rp_contract,
    ];
    ui.push_id("rp_deals", |ui| {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(400.0)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        // The title takes what the others leave, so the table fits from a 1024-pixel window
        // up; headers wrap on two lines (English ones are long).
        for i in 0..headers.len() {
            table = table.column(match i {
                1 => Column::remainder().at_least(120.0).clip(true),
                0 => Column::initial(90.0).clip(true),
                2 | 3 => Column::initial(120.0).clip(true),
                6 => Column::initial(AMOUNT_WIDTH).clip(true),
                _ => Column::initial(80.0).clip(true),
            });
        }
        table
            .header(2.0 * ROW_HEIGHT, |mut h| {
                for title in headers {
                    h.col(|ui| {
                        ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, deals.len(), |mut row| {
                    let d = &deals[row.index()];
                    let cells = [
                        d.signed_on.map(|s| s.to_string()).unwrap_or_default(),
                        d.title.clone(),
                        d.seller_name.clone(),
                        d.buyer_name.clone(),
                        tr.contract_type(d.contract_type).to_string(),
                        tr.deal_stage(d.stage).to_string(),
                        d.contract.map(wan).unwrap_or_default(),
                    ];
                    for cell in cells {
                        row.col(|ui| {
                            ui.label(cell);
                        });
                    }
                });
            });
    });
}

/// The period a report's file name mentions: "2026-11" for a month, else "from_to".
pub fn period_name(from: NaiveDate, to: NaiveDate) -> String {
    if from.day() == 1 && from.month() == to.month() && from.year() == to.year() {
        format!("{}-{:02}", from.year(), from.month())
    } else {
        format!("{from}_{to}")
    }
}

impl View for ReportScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.store, cx.fields, cx.today, cx.tr, cx.cmds);
    }
}

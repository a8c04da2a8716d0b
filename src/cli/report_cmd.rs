//! `techbroker report`: the report screen's report for a period, written to a file.

use std::io::Write;
use std::path::Path;

use chrono::{Local, NaiveDate};

use crate::i18n::{Tr, fill};
use crate::report::{ReportFilter, build, write_html, write_xlsx};
use crate::store::Store;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Xlsx,
    Html,
}

pub fn run(
    store: &Store,
    (from, to): (NaiveDate, NaiveDate),
    filter: &ReportFilter,
    format: ReportFormat,
    path: &Path,
    tr: &Tr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let deals = store.report_deals()?;
    let report = build(&deals, from, to, filter, Local::now().date_naive());
    match format {
        ReportFormat::Xlsx => write_xlsx(&report, tr, path)?,
        ReportFormat::Html => write_html(&report, tr, path)?,
    }
    writeln!(
        out,
        "{}",
        fill(
            tr.cli_report_written,
            &[
                ("path", &path.display()),
                ("deals", &report.totals.signed),
                ("amount", &report.totals.contract.wan_text()),
            ]
        )
    )?;
    Ok(())
}

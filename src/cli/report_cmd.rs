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

/// `techbroker stats`: the transfer statistics of a period, written to a file.
pub fn stats(
    store: &Store,
    (from, to): (NaiveDate, NaiveDate),
    format: ReportFormat,
    path: &Path,
    tr: &Tr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let stats = crate::report::transfer::build(
        &store.transfer_contracts()?,
        &store.transfer_projects()?,
        from,
        to,
    );
    match format {
        ReportFormat::Xlsx => crate::report::transfer_out::write_transfer_xlsx(&stats, tr, path)?,
        ReportFormat::Html => crate::report::transfer_out::write_transfer_html(&stats, tr, path)?,
    }
    let projects: usize = stats.projects.iter().map(|(_, n)| n.started).sum();
    writeln!(
        out,
        "{}",
        fill(
            tr.cli_stats_written,
            &[
                ("path", &path.display()),
                ("signed", &stats.signed_total().count),
                ("registered", &stats.registered_total().count),
                ("n", &projects),
            ]
        )
    )?;
    Ok(())
}

/// The institution's view by broker for `from..=to`.
pub fn institution(
    store: &Store,
    (from, to): (NaiveDate, NaiveDate),
    format: ReportFormat,
    path: &Path,
    tr: &Tr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let deals = store.institution_deals()?;
    match format {
        ReportFormat::Xlsx => crate::report::institution::write_xlsx(&deals, from, to, tr, path)?,
        ReportFormat::Html => crate::report::institution::write_html(&deals, from, to, tr, path)?,
    }
    let (lines, _) = crate::report::institution::build(&deals, from, to);
    writeln!(
        out,
        "{}",
        fill(
            tr.cli_institution_written,
            &[("path", &path.display()), ("n", &lines.len())]
        )
    )?;
    Ok(())
}

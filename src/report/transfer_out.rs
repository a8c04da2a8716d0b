//! The transfer statistics as an XLSX workbook (one sheet per table) and as a printable page:
//! both from the same tables, amounts in 万元.

use std::fmt::Write as _;
use std::path::Path;

use super::html::{STYLE, esc};
use super::transfer::{Amounts, TransferStats};
use crate::i18n::{Tr, fill};
use crate::io::xlsx_out::{self, Cell, MoneyUnit, SheetData};

fn count(n: usize) -> Cell {
    Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn amount_row(label: String, a: Amounts) -> Vec<Cell> {
    vec![
        Cell::Text(label),
        count(a.count),
        Cell::Money(Some(a.contract)),
        Cell::Money(Some(a.technology)),
    ]
}

/// The tables, in order: signed, registered, by arrangement, income shares, projects.
pub fn tables(stats: &TransferStats, tr: &Tr) -> Vec<SheetData> {
    let amounts = |name: &str, key: &str, lines: Vec<(String, Amounts)>, total: Option<Amounts>| {
        let mut rows: Vec<Vec<Cell>> = lines.into_iter().map(|(l, a)| amount_row(l, a)).collect();
        if let Some(t) = total {
            rows.push(amount_row(tr.ts_total.to_string(), t));
        }
        SheetData {
            name: name.to_string(),
            headers: [key, tr.ts_count, tr.rp_contract, tr.rp_technology]
                .map(str::to_string)
                .to_vec(),
            rows,
            money: MoneyUnit::Wan,
        }
    };
    let by_type = |lines: &[(crate::domain::ContractType, Amounts)]| {
        lines
            .iter()
            .map(|(t, a)| (tr.contract_type(*t).to_string(), *a))
            .collect()
    };
    let projects = SheetData {
        name: tr.ts_projects.to_string(),
        headers: [
            tr.pj_kind,
            tr.ts_started,
            tr.ts_finished,
            tr.outcome_to_production,
            tr.outcome_more,
            tr.outcome_stopped,
            tr.ts_share,
        ]
        .map(str::to_string)
        .to_vec(),
        rows: stats
            .projects
            .iter()
            .map(|(kind, n)| {
                vec![
                    Cell::Text(tr.project_kind(*kind).to_string()),
                    count(n.started),
                    count(n.finished),
                    count(n.to_production),
                    count(n.more_maturation),
                    count(n.stopped),
                    Cell::Text(
                        n.production_share()
                            .map_or_else(|| "—".to_string(), |s| format!("{s:.1}%")),
                    ),
                ]
            })
            .collect(),
        money: MoneyUnit::Wan,
    };
    let mut share_rows: Vec<Vec<Cell>> = stats
        .shares
        .iter()
        .map(|(party, m)| {
            vec![
                Cell::Text(tr.party(*party).to_string()),
                Cell::Money(Some(*m)),
            ]
        })
        .collect();
    share_rows.push(vec![
        Cell::Text(tr.ts_total.to_string()),
        Cell::Money(Some(stats.shared_received)),
    ]);
    let shares = SheetData {
        name: tr.ts_shares.to_string(),
        headers: vec![tr.ts_party.to_string(), tr.ts_share_amount.to_string()],
        rows: share_rows,
        money: MoneyUnit::Wan,
    };
    vec![
        amounts(
            tr.ts_signed,
            tr.d_contract_type,
            by_type(&stats.signed),
            Some(stats.signed_total()),
        ),
        amounts(
            tr.ts_registered,
            tr.d_contract_type,
            by_type(&stats.registered),
            Some(stats.registered_total()),
        ),
        amounts(
            tr.ts_by_arrangement,
            tr.ts_arrangement,
            stats
                .by_arrangement
                .iter()
                .map(|(k, a)| {
                    let label = k.map_or(tr.ts_not_recorded, |k| tr.arrangement(k));
                    (label.to_string(), *a)
                })
                .collect(),
            None,
        ),
        shares,
        projects,
    ]
}

pub fn write_transfer_xlsx(stats: &TransferStats, tr: &Tr, path: &Path) -> anyhow::Result<()> {
    write_sheets_xlsx(tables(stats, tr), path)
}

/// Tables as a workbook, one sheet each, numbered.
pub fn write_sheets_xlsx(mut sheets: Vec<SheetData>, path: &Path) -> anyhow::Result<()> {
    // Sheet names are at most 31 characters and may not hold some signs: a short one each.
    for (i, sheet) in sheets.iter_mut().enumerate() {
        sheet.name = format!(
            "{}{}",
            i + 1,
            sheet.name.chars().take(24).collect::<String>()
        )
        .replace(['（', '）', '(', ')', ',', '/'], "");
    }
    xlsx_out::write_xlsx(path, &sheets)
}

fn cell_html(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => format!("<td>{}</td>", esc(t)),
        Cell::Int(n) => format!("<td class=\"num\">{n}</td>"),
        Cell::Money(m) => format!(
            "<td class=\"num\">{}</td>",
            m.map(|m| m.wan_text()).unwrap_or_default()
        ),
        Cell::Date(d) => format!("<td>{}</td>", d.map(|d| d.to_string()).unwrap_or_default()),
        Cell::Empty => "<td></td>".to_string(),
    }
}

/// The statistics as one printable HTML page in the language of `tr`.
pub fn transfer_html(stats: &TransferStats, tr: &Tr) -> String {
    let period = fill(
        tr.rp_period_range,
        &[("from", &stats.from), ("to", &stats.to)],
    );
    sheets_html(tr.ts_title, &period, &tables(stats, tr), tr)
}

/// Tables as one printable page: a title, the period, a table under its heading each.
pub fn sheets_html(title: &str, period: &str, tables: &[SheetData], tr: &Tr) -> String {
    let mut h = String::with_capacity(8_192);
    // Writing to a String cannot fail.
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n\
         <p class=\"meta\">{}</p>\n",
        tr.rp_html_lang,
        esc(title),
        esc(period),
        esc(title),
        esc(&fill(
            tr.rp_filter_item,
            &[("name", &tr.rp_period), ("value", &period)]
        ))
    );
    for table in tables {
        let _ = write!(h, "<h2>{}</h2>\n<table>\n<thead><tr>", esc(&table.name));
        for (i, header) in table.headers.iter().enumerate() {
            let class = if i == 0 { "" } else { " class=\"num\"" };
            let _ = write!(h, "<th{class}>{}</th>", esc(header));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            h.push_str("<tr>");
            for cell in row {
                h.push_str(&cell_html(cell));
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

pub fn write_transfer_html(stats: &TransferStats, tr: &Tr, path: &Path) -> anyhow::Result<()> {
    write_page(&transfer_html(stats, tr), path)
}

/// Writes a page whole or not at all.
pub fn write_page(page: &str, path: &Path) -> anyhow::Result<()> {
    crate::io::safe_file::write_file(path, |file| {
        std::io::Write::write_all(file, page.as_bytes())
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
    })
}

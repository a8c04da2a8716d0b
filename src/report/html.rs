//! The report as one self-contained HTML page to print: no external file, A4 print styles,
//! table headers repeated on every page and no row split across two.

use std::fmt::Write as _;

use super::labels::{breakdowns, filter_text, group_label, or_unspecified, period_text};
use super::{DealReport, outstanding, received_by};
use crate::domain::Money;
use crate::i18n::{Tr, fill};

pub(super) const STYLE: &str = r#"
@page { size: A4; margin: 14mm 12mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { font-family: "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt;
  color: #222; max-width: 186mm; margin: 8mm auto; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 5pt; break-after: avoid; page-break-after: avoid; }
.meta { color: #555; margin: 0 0 10pt; line-height: 1.6; }
.cards { display: flex; flex-wrap: wrap; gap: 6pt; break-inside: avoid; page-break-inside: avoid; }
.card { flex: 1 1 30%; border: 1px solid #999; border-radius: 4pt; padding: 5pt 8pt; }
.card .label { font-size: 8.5pt; color: #555; }
.card .value { font-size: 15pt; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; }
th, td { border: 1px solid #888; padding: 2.5pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.num { white-space: normal; }
td:first-child { min-width: 8em; }
td.bar { width: 40%; }
td.bar div { background: #3b7dd8; height: 9pt; }
table.deals { font-size: 8pt; }
"#;

/// Writes the page to `path` (see `io::safe_file::write_file`: never over a database, never a
/// half file).
pub fn write_html(report: &DealReport, tr: &Tr, path: &std::path::Path) -> anyhow::Result<()> {
    let page = to_html(report, tr);
    crate::io::safe_file::write_file(path, |file| {
        std::io::Write::write_all(file, page.as_bytes())
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
    })
}

/// The whole report as an HTML document in the language of `tr`; money in 万元.
pub fn to_html(report: &DealReport, tr: &Tr) -> String {
    let mut h = String::with_capacity(4_096 + report.deals.len() * 600);
    let period = period_text(report, tr);
    // Writing to a String cannot fail.
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        tr.rp_html_lang,
        esc(tr.rp_title),
        esc(&period),
        esc(tr.rp_title)
    );
    let item = |name: &str, value: &dyn std::fmt::Display| {
        esc(&fill(
            tr.rp_filter_item,
            &[("name", &name), ("value", value)],
        ))
    };
    let _ = writeln!(
        h,
        "<p class=\"meta\">{}<br>{}<br>{}</p>",
        item(tr.rp_period, &period),
        item(tr.rp_generated, &report.generated_on),
        item(tr.rp_filters, &filter_text(&report.filter, tr))
    );
    cards(&mut h, report, tr);
    for b in breakdowns(report, tr) {
        let _ = write!(
            h,
            "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th>{}{}{}{}</tr></thead>\n<tbody>\n",
            esc(b.title),
            esc(b.key_header),
            th_num(tr.rp_deals),
            th_num(tr.rp_contract),
            th_num(tr.rp_technology),
            th_num(tr.rp_received)
        );
        for g in b.groups {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td>{}{}{}</tr>",
                esc(&group_label(&g.key, tr)),
                g.deals,
                td_money(Some(g.contract)),
                td_money(Some(g.technology)),
                td_money(Some(g.received))
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    monthly(&mut h, report, tr);
    deal_list(&mut h, report, tr);
    h.push_str("</body>\n</html>\n");
    h
}

fn cards(h: &mut String, report: &DealReport, tr: &Tr) {
    let t = &report.totals;
    let cards = [
        (tr.rp_signed, t.signed.to_string()),
        (tr.rp_contract, t.contract.wan_text()),
        (tr.rp_technology, t.technology.wan_text()),
        (tr.rp_commission, t.commission.wan_text()),
        (tr.rp_received, t.received.wan_text()),
        (tr.rp_outstanding, t.outstanding.wan_text()),
    ];
    let _ = writeln!(h, "<h2>{}</h2>\n<div class=\"cards\">", esc(tr.rp_totals));
    for (label, value) in cards {
        let _ = writeln!(
            h,
            "<div class=\"card\"><div class=\"label\">{}</div><div class=\"value\">{}</div></div>",
            esc(label),
            esc(&value)
        );
    }
    h.push_str("</div>\n");
}

/// Months as a table with a bar for the contract amount, relative to the largest month.
fn monthly(h: &mut String, report: &DealReport, tr: &Tr) {
    let largest = report
        .monthly
        .iter()
        .map(|m| m.contract.fen())
        .max()
        .unwrap_or(0);
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th></th>{}{}{}</tr></thead>\n<tbody>\n",
        esc(tr.rp_monthly),
        esc(tr.rp_month),
        th_num(tr.rp_deals),
        th_num(tr.rp_contract),
        th_num(tr.rp_technology)
    );
    for m in &report.monthly {
        let percent = if largest > 0 {
            m.contract.fen() as f64 * 100.0 / largest as f64
        } else {
            0.0
        };
        let _ = writeln!(
            h,
            "<tr><td>{}-{:02}</td><td class=\"bar\"><div style=\"width:{percent:.1}%\"></div></td>\
             <td class=\"num\">{}</td>{}{}</tr>",
            m.year,
            m.month,
            m.deals,
            td_money(Some(m.contract)),
            td_money(Some(m.technology))
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn deal_list(h: &mut String, report: &DealReport, tr: &Tr) {
    let _ = writeln!(h, "<h2>{}</h2>", esc(tr.rp_deal_list));
    if report.deals.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(tr.rp_no_deals));
        return;
    }
    h.push_str("<table class=\"deals\">\n<thead><tr>");
    for label in [
        tr.rp_id,
        tr.d_title,
        tr.d_seller,
        tr.d_buyer,
        tr.d_broker,
        tr.col_field,
        tr.d_stage,
        tr.d_signed_on,
    ] {
        let _ = write!(h, "<th>{}</th>", esc(label));
    }
    for label in [
        tr.rp_contract,
        tr.rp_technology,
        tr.rp_received,
        tr.rp_outstanding,
    ] {
        h.push_str(&th_num(label));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for d in &report.deals {
        let received = received_by(d, report.to);
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td class=\"num\">{}</td>{}{}{}{}</tr>",
            d.id,
            esc(&d.title),
            esc(&d.seller_name),
            esc(&d.buyer_name),
            esc(&d.broker),
            esc(or_unspecified(&d.field, tr)),
            esc(tr.deal_stage(d.stage)),
            d.signed_on.map(|s| s.to_string()).unwrap_or_default(),
            td_money(d.contract),
            td_money(d.technology),
            td_money(Some(received)),
            td_money(d.contract.map(|c| outstanding(c, received)))
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn th_num(label: &str) -> String {
    format!("<th class=\"num\">{}</th>", esc(label))
}

fn td_money(m: Option<Money>) -> String {
    format!(
        "<td class=\"num\">{}</td>",
        m.map(Money::wan_text).unwrap_or_default()
    )
}

/// Text safe inside elements and quoted attributes.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

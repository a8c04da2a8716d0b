//! The report as an XLSX workbook: a summary sheet, one sheet per breakdown, the months and the
//! deal list, amounts in 万元.

use std::path::Path;

use super::labels::{breakdowns, filter_text, group_label, or_unspecified, period_text};
use super::{DealReport, outstanding, received_by};
use crate::i18n::Tr;
use crate::io::xlsx_out::{self, Cell, MoneyUnit, SheetData};

pub fn write_xlsx(report: &DealReport, tr: &Tr, path: &Path) -> anyhow::Result<()> {
    let mut sheets = vec![summary(report, tr)];
    for b in breakdowns(report, tr) {
        sheets.push(SheetData {
            name: b.title.to_string(),
            headers: amount_headers(b.key_header, tr, true),
            rows: b
                .groups
                .iter()
                .map(|g| {
                    vec![
                        Cell::Text(group_label(&g.key, tr)),
                        count(g.deals),
                        Cell::Money(Some(g.contract)),
                        Cell::Money(Some(g.technology)),
                        Cell::Money(Some(g.received)),
                    ]
                })
                .collect(),
            money: MoneyUnit::Wan,
        });
    }
    sheets.push(SheetData {
        name: tr.rp_monthly.to_string(),
        headers: amount_headers(tr.rp_month, tr, false),
        rows: report
            .monthly
            .iter()
            .map(|m| {
                vec![
                    Cell::Text(format!("{}-{:02}", m.year, m.month)),
                    count(m.deals),
                    Cell::Money(Some(m.contract)),
                    Cell::Money(Some(m.technology)),
                ]
            })
            .collect(),
        money: MoneyUnit::Wan,
    });
    sheets.push(deal_list(report, tr));
    xlsx_out::write_xlsx(path, &sheets)
}

fn count(n: usize) -> Cell {
    Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn amount_headers(key: &str, tr: &Tr, with_received: bool) -> Vec<String> {
    let mut h = vec![key, tr.rp_deals, tr.rp_contract, tr.rp_technology];
    if with_received {
        h.push(tr.rp_received);
    }
    h.into_iter().map(str::to_string).collect()
}

fn summary(report: &DealReport, tr: &Tr) -> SheetData {
    let t = &report.totals;
    let text = |label: &str, value: String| vec![Cell::Text(label.to_string()), Cell::Text(value)];
    let money = |label: &str, m| vec![Cell::Text(label.to_string()), Cell::Money(Some(m))];
    SheetData {
        name: tr.rp_summary.to_string(),
        headers: vec![tr.rp_title.to_string(), String::new()],
        rows: vec![
            text(tr.rp_period, period_text(report, tr)),
            vec![
                Cell::Text(tr.rp_generated.to_string()),
                Cell::Date(Some(report.generated_on)),
            ],
            text(tr.rp_filters, filter_text(&report.filter, tr)),
            vec![Cell::Text(tr.rp_signed.to_string()), count(t.signed)],
            money(tr.rp_contract, t.contract),
            money(tr.rp_technology, t.technology),
            money(tr.rp_commission, t.commission),
            money(tr.rp_received, t.received),
            money(tr.rp_outstanding, t.outstanding),
        ],
        money: MoneyUnit::Wan,
    }
}

fn deal_list(report: &DealReport, tr: &Tr) -> SheetData {
    let headers = [
        tr.rp_id,
        tr.d_title,
        tr.d_seller,
        tr.d_buyer,
        tr.rp_buyer_region,
        tr.d_broker,
        tr.col_field,
        tr.d_contract_type,
        tr.d_stage,
        tr.d_signed_on,
        tr.rp_contract,
        tr.rp_technology,
        tr.rp_commission,
        tr.rp_received,
        tr.rp_outstanding,
    ];
    let rows = report
        .deals
        .iter()
        .map(|d| {
            let received = received_by(d, report.to);
            vec![
                Cell::Int(d.id.0),
                Cell::Text(d.title.clone()),
                Cell::Text(d.seller_name.clone()),
                Cell::Text(d.buyer_name.clone()),
                Cell::Text(or_unspecified(&d.buyer_region, tr).to_string()),
                Cell::Text(d.broker.clone()),
                Cell::Text(or_unspecified(&d.field, tr).to_string()),
                Cell::Text(tr.contract_type(d.contract_type).to_string()),
                Cell::Text(tr.deal_stage(d.stage).to_string()),
                Cell::Date(d.signed_on),
                Cell::Money(d.contract),
                Cell::Money(d.technology),
                Cell::Money(d.commission),
                Cell::Money(Some(received)),
                Cell::Money(d.contract.map(|c| outstanding(c, received))),
            ]
        })
        .collect();
    SheetData {
        name: tr.rp_deal_list.to_string(),
        headers: headers.into_iter().map(str::to_string).collect(),
        rows,
        money: MoneyUnit::Wan,
    }
}

//! The lists as tables to export: the columns each list shows, with money and dates kept as
//! numbers and dates so a spreadsheet can sum and sort them. The window passes the rows as the
//! user filtered and sorted them; the command line passes them all.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::csv_out::write_csv;
use super::xlsx_out::{Cell, MoneyUnit, SheetData, write_xlsx};
use crate::domain::maturation::Carrier;
use rustc_hash::FxHashMap;

use crate::domain::{
    AchievementId, AchievementRow, ClientRow, Contact, DealRow, NeedId, NeedRow, Price,
};
use crate::i18n::Tr;

/// A list ready to be written: money in 万元, as the lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The formats a list can be written in; JSON (full records) is written from the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl Table {
    pub fn write(&self, path: &Path, format: TableFormat) -> anyhow::Result<()> {
        match format {
            TableFormat::Csv => {
                let header: Vec<&str> = self.headers.iter().map(String::as_str).collect();
                let rows: Vec<Vec<String>> = self
                    .rows
                    .iter()
                    .map(|r| r.iter().map(cell_text).collect())
                    .collect();
                write_csv(path, &header, &rows)
            }
            TableFormat::Xlsx => write_xlsx(
                path,
                &[SheetData {
                    name: self.name.clone(),
                    headers: self.headers.clone(),
                    rows: self.rows.clone(),
                    money: MoneyUnit::Wan,
                }],
            ),
        }
    }
}

/// A cell as CSV text: money in 万元 to the fen without the unit (the header names it), so the
/// file imports again to the same amounts.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Money(m) => m.map(|m| m.wan_exact_text()).unwrap_or_default(),
        Cell::Date(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        Cell::Empty => String::new(),
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn price(p: Price, tr: &Tr) -> Cell {
    match p {
        Price::Negotiable => text(tr.negotiable),
        Price::Amount(m) => Cell::Money(Some(m)),
    }
}

/// A budget: a range as written ("50-100万"), else as a price.
fn budget(p: Price, written: &str, tr: &Tr) -> Cell {
    if written.is_empty() {
        price(p, tr)
    } else {
        text(written)
    }
}

/// The contract type with the registry's subtype, as ledgers write it: "技术开发（委托）".
fn contract_type(d: &DealRow, tr: &Tr) -> Cell {
    let kind = tr.contract_type(d.contract_type);
    if d.contract_subtype.is_empty() {
        text(kind)
    } else {
        Cell::Text(format!("{kind}（{}）", d.contract_subtype))
    }
}

fn local_day(t: DateTime<Utc>) -> Cell {
    Cell::Date(Some(t.with_timezone(&chrono::Local).date_naive()))
}

fn headers(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

pub fn clients<'a>(rows: impl Iterator<Item = &'a ClientRow>, tr: &Tr) -> Table {
    Table {
        name: tr.file_clients.to_string(),
        headers: headers(&[
            tr.col_name,
            tr.col_kind,
            tr.col_region,
            tr.col_industry,
            tr.col_open_follow_ups,
            tr.col_last_contact,
        ]),
        rows: rows
            .map(|r| {
                vec![
                    text(&r.name),
                    text(tr.client_kind(r.kind)),
                    Cell::Text(r.region()),
                    text(&r.industry),
                    Cell::Int(r.open_follow_ups as i64),
                    Cell::Date(r.last_contact),
                ]
            })
            .collect(),
    }
}

/// The carriers export's column headers.
pub fn carrier_headers(tr: &Tr) -> [&'static str; 11] {
    [
        tr.col_name,
        tr.carrier_kind_label,
        tr.carrier_fields,
        tr.col_region,
        tr.carrier_capabilities,
        tr.carrier_equipment,
        tr.carrier_capacity,
        tr.col_typical_cost,
        tr.im_t_contact_name,
        tr.im_t_contact_phone,
        tr.im_t_contact_email,
    ]
}

/// The carriers with their profiles and first contacts, in columns the carriers import reads
/// back.
pub fn carriers(rows: &[(Carrier, Option<Contact>)], tr: &Tr) -> Table {
    Table {
        name: tr.file_carriers.to_string(),
        headers: headers(&carrier_headers(tr)),
        rows: rows
            .iter()
            .map(|(c, contact)| {
                let person = |f: fn(&Contact) -> &str| text(contact.as_ref().map_or("", f));
                vec![
                    text(&c.name),
                    text(tr.carrier_kind(c.kind)),
                    Cell::Text(c.fields.join("、")),
                    text(&c.region),
                    text(&c.capabilities),
                    text(&c.equipment),
                    text(&c.capacity),
                    Cell::Money(c.typical_cost),
                    person(|c| &c.name),
                    person(|c| &c.phone),
                    person(|c| &c.email),
                ]
            })
            .collect(),
    }
}

/// The achievement list; `keywords` by id, as the store keeps them (the rows do not).
pub fn achievements<'a>(
    rows: impl Iterator<Item = &'a AchievementRow>,
    keywords: &FxHashMap<AchievementId, String>,
    tr: &Tr,
) -> Table {
    Table {
        name: tr.file_achievements.to_string(),
        headers: headers(&[
            tr.a_title,
            tr.a_owner,
            tr.a_field,
            tr.keywords,
            tr.col_trl,
            tr.a_stage,
            tr.col_price,
            tr.col_status,
            tr.col_updated,
        ]),
        rows: rows
            .map(|r| {
                vec![
                    text(&r.title),
                    text(&r.owner_name),
                    text(&r.field),
                    text(keywords.get(&r.id).map_or("", String::as_str)),
                    Cell::Int(i64::from(r.trl)),
                    text(tr.stage(r.stage)),
                    price(r.price, tr),
                    text(tr.achievement_status(r.status)),
                    local_day(r.updated_at),
                ]
            })
            .collect(),
    }
}

/// The need list; `keywords` by id, as the store keeps them (the rows do not).
pub fn needs<'a>(
    rows: impl Iterator<Item = &'a NeedRow>,
    keywords: &FxHashMap<NeedId, String>,
    tr: &Tr,
) -> Table {
    Table {
        name: tr.file_needs.to_string(),
        headers: headers(&[
            tr.n_title,
            tr.n_enterprise,
            tr.a_field,
            tr.keywords,
            tr.col_budget,
            tr.col_deadline,
            tr.col_status,
            tr.n_confidential,
            tr.col_updated,
        ]),
        rows: rows
            .map(|r| {
                vec![
                    text(&r.title),
                    text(&r.enterprise_name),
                    text(&r.field),
                    text(keywords.get(&r.id).map_or("", String::as_str)),
                    budget(r.budget, &r.budget_text, tr),
                    Cell::Date(r.deadline),
                    text(tr.need_status(r.status)),
                    if r.confidential {
                        text(tr.confidential_mark.trim())
                    } else {
                        Cell::Empty
                    },
                    local_day(r.updated_at),
                ]
            })
            .collect(),
    }
}

/// The deal list with what a deal needs to be imported back as it is: its amounts apart, its
/// signing and registration dates, its contract number.
pub fn deals<'a>(rows: impl Iterator<Item = &'a DealRow>, tr: &Tr) -> Table {
    Table {
        name: tr.file_deals.to_string(),
        headers: headers(&[
            tr.d_title,
            tr.d_seller,
            tr.d_buyer,
            tr.d_stage,
            tr.d_contract_type,
            tr.d_broker,
            tr.col_field,
            tr.ex_expected_wan,
            tr.ex_contract_wan,
            tr.ex_technology_wan,
            tr.d_signed_on,
            tr.r_submitted,
            tr.col_due,
            tr.ex_contract_no,
            tr.lost_reason,
        ]),
        rows: rows
            .map(|d| {
                vec![
                    text(&d.title),
                    text(&d.seller_name),
                    text(&d.buyer_name),
                    text(tr.deal_stage(d.stage)),
                    contract_type(d, tr),
                    text(&d.broker),
                    text(&d.field),
                    Cell::Money(d.expected),
                    Cell::Money(d.contract),
                    Cell::Money(d.technology),
                    Cell::Date(d.signed_on),
                    Cell::Date(d.registration_submitted),
                    Cell::Date(d.registration_due),
                    text(&d.contract_no),
                    text(&d.lost_reason),
                ]
            })
            .collect(),
    }
}

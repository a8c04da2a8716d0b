//! Texts both renderers show: group names, the period, the filters, the breakdown tables.

use super::{DealReport, Group, GroupKey, ReportFilter};
use crate::i18n::{Tr, fill};

/// A breakdown as a table: its title, the header of its first column and its groups.
pub struct Breakdown<'a> {
    pub title: &'static str,
    pub key_header: &'static str,
    pub groups: &'a [Group],
}

pub fn breakdowns<'a>(report: &'a DealReport, tr: &Tr) -> [Breakdown<'a>; 5] {
    let b = |title, key_header, groups| Breakdown {
        title,
        key_header,
        groups,
    };
    [
        b(tr.rp_by_stage, tr.d_stage, &report.by_stage),
        b(
            tr.rp_by_contract_type,
            tr.d_contract_type,
            &report.by_contract_type,
        ),
        b(tr.rp_by_field, tr.col_field, &report.by_field),
        b(tr.rp_by_seller, tr.rp_seller, &report.by_seller),
        b(
            tr.rp_by_buyer_region,
            tr.rp_buyer_region,
            &report.by_buyer_region,
        ),
    ]
}

pub fn group_label(key: &GroupKey, tr: &Tr) -> String {
    match key {
        GroupKey::Stage(s) => tr.deal_stage(*s).to_string(),
        GroupKey::ContractType(c) => tr.contract_type(*c).to_string(),
        GroupKey::Text(t) => or_unspecified(t, tr).to_string(),
    }
}

pub fn or_unspecified<'a>(text: &'a str, tr: &Tr) -> &'a str {
    if text.trim().is_empty() {
        tr.rp_unspecified
    } else {
        text
    }
}

pub fn period_text(report: &DealReport, tr: &Tr) -> String {
    fill(
        tr.rp_period_range,
        &[("from", &report.from), ("to", &report.to)],
    )
}

/// "经纪人：张三；领域：新材料", or that there is no filter.
pub fn filter_text(filter: &ReportFilter, tr: &Tr) -> String {
    if filter.is_empty() {
        return tr.rp_no_filter.to_string();
    }
    let item =
        |name: &str, value: &str| fill(tr.rp_filter_item, &[("name", &name), ("value", &value)]);
    let mut items = Vec::new();
    if let Some(b) = &filter.broker {
        items.push(item(tr.d_broker, b));
    }
    if let Some(f) = &filter.field {
        items.push(item(tr.col_field, f));
    }
    if let Some(c) = filter.contract_type {
        items.push(item(tr.d_contract_type, tr.contract_type(c)));
    }
    if let Some(s) = filter.stage {
        items.push(item(tr.d_stage, tr.deal_stage(s)));
    }
    items.join(tr.rp_list_sep)
}

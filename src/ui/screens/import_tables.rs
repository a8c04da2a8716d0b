//! The import screen's two tables: the rows as they will be stored, and the refused rows with
//! their reasons.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use crate::domain::TransferMode;
use crate::i18n::Tr;
use crate::io::import::{Candidate, ImportKind, Mapping, RowError, RowWarnings};
use crate::ui::widgets::error_text;

const ROW_HEIGHT: f32 = 22.0;

/// A candidate's main fields as the lists show them.
fn preview_cells(c: &Candidate, tr: &Tr) -> Vec<String> {
    let modes = |m: crate::domain::TransferModes| {
        m.iter()
            .map(|x: TransferMode| tr.transfer_mode(x))
            .collect::<Vec<_>>()
            .join(tr.dash_list_separator)
    };
    match c {
        Candidate::Client {
            draft,
            contacts,
            carrier: Some(k),
        } => vec![
            draft.name.clone(),
            tr.carrier_kind(k.kind).to_string(),
            k.fields.clone(),
            crate::domain::client::join_region(&draft.province, &draft.city, &draft.district),
            k.capabilities.clone(),
            k.typical_cost.clone(),
            contacts.first().map(|c| c.name.clone()).unwrap_or_default(),
        ],
        Candidate::Client {
            draft,
            contacts,
            carrier: None,
        } => vec![
            draft.name.clone(),
            tr.client_kind(draft.kind).to_string(),
            draft.credit_code.clone(),
            crate::domain::client::join_region(&draft.province, &draft.city, &draft.district),
            draft.industry.clone(),
            contacts.first().map(|c| c.name.clone()).unwrap_or_default(),
        ],
        Candidate::Achievement { data, owner, .. } => vec![
            data.title.clone(),
            owner.name.clone(),
            data.field.clone(),
            data.trl.to_string(),
            tr.stage(data.stage).to_string(),
            tr.price_wan(data.price),
            modes(data.transfer_modes),
        ],
        Candidate::Need { data, enterprise } => vec![
            data.title.clone(),
            enterprise.name.clone(),
            data.field.clone(),
            data.budget_written()
                .map_or_else(|| tr.price_wan(data.budget), str::to_string),
            data.deadline.map(|d| d.to_string()).unwrap_or_default(),
            tr.need_status(data.status).to_string(),
        ],
        Candidate::Deal(d) => vec![
            d.terms.title.clone(),
            d.seller.name.clone(),
            d.buyer.name.clone(),
            tr.deal_stage(d.stage).to_string(),
            tr.contract_type(d.terms.contract_type).to_string(),
            d.terms.contract.map(|m| m.wan_text()).unwrap_or_default(),
            d.terms
                .signed_on
                .map(|day| day.to_string())
                .unwrap_or_default(),
        ],
    }
}

fn preview_headers(kind: ImportKind, tr: &Tr) -> Vec<&'static str> {
    match kind {
        ImportKind::Clients => vec![
            tr.f_name,
            tr.f_kind,
            tr.f_credit_code,
            tr.f_province,
            tr.f_industry,
            tr.im_t_contact_name,
        ],
        ImportKind::Achievements => vec![
            tr.a_title,
            tr.a_owner,
            tr.a_field,
            tr.col_trl,
            tr.a_stage,
            tr.col_price,
            tr.a_modes,
        ],
        ImportKind::Needs => vec![
            tr.n_title,
            tr.n_enterprise,
            tr.a_field,
            tr.col_budget,
            tr.col_deadline,
            tr.a_status,
        ],
        ImportKind::Deals => vec![
            tr.d_title,
            tr.d_seller,
            tr.d_buyer,
            tr.d_stage,
            tr.d_contract_type,
            tr.wan_unit,
            tr.d_signed_on,
        ],
        ImportKind::Carriers => vec![
            tr.f_name,
            tr.carrier_kind_label,
            tr.carrier_fields,
            tr.f_province,
            tr.carrier_capabilities,
            tr.carrier_cost,
            tr.im_t_contact_name,
        ],
    }
}

pub fn preview_table(ui: &mut Ui, kind: ImportKind, rows: &[Candidate], tr: &Tr) {
    let headers = preview_headers(kind, tr);
    ui.push_id("import_preview", |ui| {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(220.0)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for i in 0..headers.len() {
            table = table.column(if i + 1 == headers.len() {
                Column::remainder().at_least(80.0)
            } else {
                Column::initial(if i == 0 { 200.0 } else { 96.0 }).clip(true)
            });
        }
        table
            .header(ROW_HEIGHT, |mut h| {
                for title in &headers {
                    h.col(|ui| {
                        ui.strong(*title);
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                    let cells = preview_cells(&rows[row.index()], tr);
                    for cell in cells {
                        row.col(|ui| {
                            ui.label(cell);
                        });
                    }
                });
            });
    });
}

pub fn errors_table(ui: &mut Ui, errors: &[RowError], mapping: Option<&Mapping>, tr: &Tr) {
    ui.push_id("import_errors", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .column(Column::initial(70.0))
            .column(Column::remainder())
            .header(ROW_HEIGHT, |mut h| {
                h.col(|ui| {
                    ui.strong(tr.im_col_row);
                });
                h.col(|ui| {
                    ui.strong(tr.im_col_reason);
                });
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, errors.len(), |mut row| {
                    let e = &errors[row.index()];
                    row.col(|ui| {
                        ui.label(e.number.to_string());
                    });
                    row.col(|ui| {
                        error_text(ui, &tr.cell_errors(&e.errors, mapping));
                    });
                });
            });
    });
}

/// The rows imported with notes: what was stored otherwise than written, and how.
pub fn warnings_table(ui: &mut Ui, rows: &[RowWarnings], mapping: Option<&Mapping>, tr: &Tr) {
    ui.push_id("import_warnings", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(200.0)
            .column(Column::initial(70.0))
            .column(Column::remainder())
            .header(ROW_HEIGHT, |mut h| {
                h.col(|ui| {
                    ui.strong(tr.im_col_row);
                });
                h.col(|ui| {
                    ui.strong(tr.im_col_note);
                });
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                    let r = &rows[row.index()];
                    row.col(|ui| {
                        ui.label(r.number.to_string());
                    });
                    row.col(|ui| {
                        ui.label(tr.cell_warnings(&r.warnings, mapping));
                    });
                });
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AchievementData, ClientId, Money, Price, Stage, TransferModes};
    use crate::i18n::ZH;
    use crate::io::import::OwnerRef;

    #[test]
    fn preview_cells_show_a_record_as_stored() {
        let mut modes = TransferModes::default();
        modes.set(TransferMode::Assignment, true);
        let c = Candidate::Achievement {
            data: AchievementData {
                title: "锂电池回收".into(),
                owner: ClientId(0),
                inventors: String::new(),
                field: "新能源".into(),
                keywords: Vec::new(),
                abstract_text: String::new(),
                indicators: String::new(),
                trl: 6,
                stage: Stage::Pilot,
                ip_items: Vec::new(),
                transfer_modes: modes,
                price: Price::Amount(Money::from_yuan(500_000)),
                registration_no: String::new(),
                status: Default::default(),
                source: String::new(),
            },
            owner: OwnerRef {
                name: "山东大学".into(),
                kind: None,
            },
            rights: None,
        };
        let cells = preview_cells(&c, &ZH);
        assert_eq!(
            cells.len(),
            preview_headers(ImportKind::Achievements, &ZH).len()
        );
        assert_eq!(cells[1], "山东大学");
        assert_eq!(cells[4], "中试");
        assert_eq!(cells[6], "转让");
    }
}

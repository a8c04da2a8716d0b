//! A record's page for a team member: others' deals with a client in outline (to avoid two
//! brokers courting one enterprise), and the record's history from the server's audit (who,
//! when, which fields from what to what), collapsed. Nothing shows for a laptop that is no
//! member.

use egui::{RichText, Ui};
use serde_json::Value;

use crate::domain::{ClientId, DealStage};
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::store::team::{AuditEntry, TeamDeal};
use crate::ui::reload::Reloaded;
use crate::ui::widgets::read_error;

struct TeamData {
    deals: Vec<TeamDeal>,
    audit: Vec<AuditEntry>,
}

/// The team's part of one record's page.
#[derive(Default)]
pub struct TeamSection {
    /// None for a laptop that is no member.
    data: Reloaded<(u64, &'static str, i64), Option<TeamData>>,
}

impl TeamSection {
    /// Others' deals with `client` and the client's history.
    pub fn client_ui(&mut self, ui: &mut Ui, store: &Store, client: ClientId, tr: &Tr) {
        self.show(ui, store, "clients", client.0, Some(client), tr);
    }

    /// The history of the record `row_id` of `table`.
    pub fn record_ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        table: &'static str,
        row_id: i64,
        tr: &Tr,
    ) {
        self.show(ui, store, table, row_id, None, tr);
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        table: &'static str,
        row_id: i64,
        client: Option<ClientId>,
        tr: &Tr,
    ) {
        self.data.refresh((store.revision(), table, row_id), || {
            if store.team_membership()?.is_none() {
                return Ok(None);
            }
            let deals = match client {
                Some(client) => store.team_deals_with(client)?,
                None => Vec::new(),
            };
            Ok(Some(TeamData {
                deals,
                audit: store.team_audit(table, row_id)?,
            }))
        });
        read_error(ui, tr, self.data.error());
        let Some(Some(data)) = self.data.get() else {
            return;
        };
        if !data.deals.is_empty() {
            ui.add_space(8.0);
            ui.strong(tr.team_others_deals);
            for deal in &data.deals {
                let stage = DealStage::from_code(&deal.stage)
                    .map(|s| tr.deal_stage(s))
                    .unwrap_or(&deal.stage);
                ui.label(fill(
                    tr.team_deal_outline,
                    &[
                        ("owner", &deal.owner),
                        ("title", &deal.title),
                        ("stage", &stage),
                    ],
                ));
            }
        }
        ui.add_space(8.0);
        egui::CollapsingHeader::new(tr.team_history)
            .id_salt(("team_history", table, row_id))
            .default_open(false)
            .show(ui, |ui| {
                if data.audit.is_empty() {
                    ui.label(RichText::new(tr.team_history_empty).weak());
                }
                for entry in &data.audit {
                    ui.label(entry_text(entry, table, tr));
                }
            });
    }
}

/// One change: when, who, what was done, and for an edit each field from old to new.
fn entry_text(entry: &AuditEntry, table: &str, tr: &Tr) -> String {
    let op = match entry.op.as_str() {
        "insert" => tr.team_op_insert,
        "delete" => tr.team_op_delete,
        _ => tr.team_op_update,
    };
    let at = when(&entry.at);
    let mut text = format!("{at} {} {op}", entry.by);
    if entry.op == "update"
        && let Some(fields) = entry.changed.as_object()
    {
        let changes: Vec<String> = fields
            .iter()
            // When the record was last changed is the program's, not an edit to read.
            .filter(|(field, _)| field.as_str() != "updated_at")
            .filter_map(
                |(field, change)| match change.as_array().map(Vec::as_slice) {
                    Some([old, new]) => Some(format!(
                        "{}: {} → {}",
                        field_label(table, field, tr),
                        value_text(old),
                        value_text(new)
                    )),
                    _ => None,
                },
            )
            .collect();
        if !changes.is_empty() {
            text.push_str(": ");
            text.push_str(&changes.join("; "));
        }
    }
    text
}

/// A column of a record as its form names it; a column no form shows keeps its own name.
pub fn field_label(table: &str, column: &str, tr: &Tr) -> String {
    let label = match (table, column) {
        ("clients", "name") => tr.f_name,
        ("clients", "kind") => tr.f_kind,
        ("clients", "credit_code") => tr.f_credit_code,
        ("clients", "province") => tr.f_province,
        ("clients", "city") => tr.f_city,
        ("clients", "district") => tr.f_district,
        ("clients", "industry") => tr.f_industry,
        ("clients", "size") => tr.f_size,
        ("clients", "address") => tr.f_address,
        ("clients", "website") => tr.f_website,
        ("clients", "notes") => tr.f_notes,
        ("contacts", "name") => tr.c_name,
        ("contacts", "title") => tr.c_title,
        ("contacts", "phone") => tr.c_phone,
        ("contacts", "email") => tr.c_email,
        ("contacts", "wechat") => tr.c_wechat,
        ("achievements", "title") => tr.a_title,
        ("achievements", "inventors") => tr.a_inventors,
        ("achievements", "field") => tr.a_field,
        ("achievements", "keywords") => tr.a_keywords,
        ("achievements", "abstract") => tr.a_abstract,
        ("achievements", "indicators") => tr.a_indicators,
        ("achievements", "trl") => tr.a_trl,
        ("achievements", "stage") => tr.a_stage,
        ("achievements", "transfer_modes") => tr.a_modes,
        ("achievements", "price_fen") => tr.a_price,
        ("achievements", "registration_no") => tr.a_registration,
        ("achievements", "status") => tr.a_status,
        ("achievements", "source") => tr.a_source,
        ("needs", "title") => tr.n_title,
        ("needs", "description") => tr.n_description,
        ("needs", "indicators") => tr.n_indicators,
        ("needs", "budget_fen") => tr.n_budget,
        ("needs", "preferred_mode") => tr.n_mode,
        ("needs", "min_stage") => tr.n_min_stage,
        ("needs", "min_trl") => tr.n_min_trl,
        ("needs", "deadline") => tr.n_deadline,
        ("needs", "confidential") => tr.n_confidential,
        ("deals", "title") => tr.d_title,
        ("deals", "broker") => tr.d_broker,
        ("deals", "contract_type") => tr.d_contract_type,
        ("deals", "expected_fen") => tr.d_expected,
        ("deals", "contract_fen") => tr.d_contract,
        ("deals", "technology_fen") => tr.d_technology,
        ("deals", "commission_bp") => tr.d_rate,
        ("deals", "commission_fen") => tr.d_commission,
        ("deals", "signed_on") => tr.d_signed_on,
        ("deals", "notes") => tr.d_notes,
        ("deals", "stage") => tr.d_stage,
        _ => return column.to_string(),
    };
    label.to_string()
}

/// A value as the user reads it: text as is, nothing as a dash, a record as its fields.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Null => "—".to_string(),
        Value::String(s) if s.is_empty() => "—".to_string(),
        Value::String(s) => s.clone(),
        Value::Object(fields) => fields
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{k}: {}", value_text(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// A stored time, to the minute in the local clock.
pub fn when(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}

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
                    ui.label(entry_text(entry, tr));
                }
            });
    }
}

/// One change: when, who, what was done, and for an edit each field from old to new.
fn entry_text(entry: &AuditEntry, tr: &Tr) -> String {
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
                        "{field}: {} → {}",
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

//! Working as a team on a shared store: roles, what a sync did, and the rule that decides, field by
//! field, whether a change made offline applies over the server's record or is a conflict.

use serde_json::{Map, Value};

/// What a member may see and do on the shared store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Sees the shared catalogue and needs, their own deals in full, others' deals in outline.
    Broker,
    /// Sees every broker's deals and the institution's figures.
    Manager,
    /// A manager who also adds members.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Broker, Role::Manager, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Broker => "broker",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// Whether the role sees every broker's deals.
    pub fn sees_all_deals(self) -> bool {
        self != Role::Broker
    }
}

/// A local database's place in a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    /// The server's connection string, without any password.
    pub server: String,
    pub user: String,
    pub role: Role,
    pub joined_at: String,
    pub last_sync: Option<String>,
}

/// The top bar's line: where the team stands from this laptop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamStatus {
    pub membership: Membership,
    /// Records changed here and not yet on the server.
    pub pending: usize,
    /// Conflicts not yet resolved.
    pub conflicts: usize,
}

/// What one sync round did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    /// Records sent to the server.
    pub pushed: usize,
    /// Records received and written here.
    pub pulled: usize,
    /// New conflicts found in this round (the server kept one value, the other is listed).
    pub conflicts: usize,
    /// Records received that cannot be written here yet (a record they refer to is not visible,
    /// or one like it exists here); kept and tried again at every sync.
    pub waiting: usize,
    /// Others' deals seen in outline.
    pub team_deals: usize,
}

/// How a change made offline met the server's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// Both changed one field to different values.
    Field,
    /// This side deleted a record the other side edited.
    DeleteVsEdit,
    /// This side edited a record the other side deleted.
    EditOfDeleted,
    /// A record that came down and cannot be written here (see [`SyncReport::waiting`]).
    Waiting,
}

impl ConflictKind {
    pub fn code(self) -> &'static str {
        match self {
            ConflictKind::Field => "field",
            ConflictKind::DeleteVsEdit => "delete_vs_edit",
            ConflictKind::EditOfDeleted => "edit_of_deleted",
            ConflictKind::Waiting => "waiting",
        }
    }

    pub fn from_code(code: &str) -> Option<ConflictKind> {
        [
            ConflictKind::Field,
            ConflictKind::DeleteVsEdit,
            ConflictKind::EditOfDeleted,
            ConflictKind::Waiting,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// A conflict as listed for the record's owner: the value the server kept and the one that lost.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: i64,
    /// The local table of the record.
    pub table: String,
    /// The record's id across the team.
    pub uid: String,
    /// The local row, where the record is here.
    pub row_id: Option<i64>,
    pub kind: ConflictKind,
    /// The field, for [`ConflictKind::Field`].
    pub field: String,
    /// The value both sides started from.
    pub base: Value,
    /// What the server kept.
    pub kept: Value,
    /// What lost: the value (or for a deleted record, the fields) the other side wrote.
    pub theirs: Value,
    /// Who wrote the value that lost.
    pub by: String,
    pub at: String,
    /// A short name of the record (its title or name), for the list.
    pub label: String,
}

/// How a conflict is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The server's value stays.
    KeepServer,
    /// The value that lost is written again, over the server's.
    UseTheirs,
}

/// The field that marks a record as in the trash.
pub const DELETED_AT: &str = "deleted_at";

/// A record's change made offline, met with the server's record as it is now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Merge {
    /// Fields to write on the server.
    pub apply: Map<String, Value>,
    /// Fields both sides changed to different values: the server keeps its value.
    pub conflicts: Vec<FieldConflict>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    pub field: String,
    pub base: Value,
    pub kept: Value,
    pub theirs: Value,
}

/// Field by field: a field this side changed (from `base` to `ours`) applies when the server still
/// has the base value; when the server has ours already nothing is to do; when the server changed
/// it too, to something else, it is a conflict and the server keeps its value. Fields this side
/// did not change are never written, so the other side's edits of them stay.
pub fn merge_fields(
    base: &Map<String, Value>,
    server: &Map<String, Value>,
    ours: &Map<String, Value>,
) -> Merge {
    let mut merge = Merge::default();
    for (field, mine) in ours {
        let before = base.get(field).unwrap_or(&Value::Null);
        if before == mine {
            continue;
        }
        let now = server.get(field).unwrap_or(&Value::Null);
        if now == mine {
            continue;
        }
        if BOOKKEEPING.contains(&field.as_str()) {
            // When a record was last changed is no one's edit: the later time stays.
            if later(mine, now) {
                merge.apply.insert(field.clone(), mine.clone());
            }
            continue;
        }
        if now == before {
            merge.apply.insert(field.clone(), mine.clone());
        } else {
            merge.conflicts.push(FieldConflict {
                field: field.clone(),
                base: before.clone(),
                kept: now.clone(),
                theirs: mine.clone(),
            });
        }
    }
    merge
}

/// Fields the program keeps, not the user: never a conflict.
const BOOKKEEPING: [&str; 1] = ["updated_at"];

fn later(a: &Value, b: &Value) -> bool {
    match (a.as_str(), b.as_str()) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Whether a change puts a live record into the trash.
pub fn is_soft_delete(base: &Map<String, Value>, ours: &Map<String, Value>) -> bool {
    is_live(base) && ours.get(DELETED_AT).is_some_and(|v| !v.is_null())
}

/// Whether the record is out of the trash (or has no trash at all).
pub fn is_live(record: &Map<String, Value>) -> bool {
    record.get(DELETED_AT).is_none_or(Value::is_null)
}

/// Whether `now` differs from `base` in any field but the trash mark.
pub fn edited_since(base: &Map<String, Value>, now: &Map<String, Value>) -> bool {
    now.iter().any(|(field, value)| {
        field != DELETED_AT
            && !BOOKKEEPING.contains(&field.as_str())
            && base.get(field).unwrap_or(&Value::Null) != value
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn a_field_only_this_side_changed_applies_and_the_others_edit_stays() {
        let base = map(json!({"name": "甲", "city": "济南"}));
        let server = map(json!({"name": "甲", "city": "青岛"}));
        let ours = map(json!({"name": "甲公司", "city": "济南"}));
        let merge = merge_fields(&base, &server, &ours);
        assert_eq!(merge.apply, map(json!({"name": "甲公司"})));
        assert!(merge.conflicts.is_empty());
    }

    #[test]
    fn the_same_field_changed_on_both_sides_is_a_conflict_and_the_server_keeps_its_value() {
        let base = map(json!({"price_fen": 100}));
        let server = map(json!({"price_fen": 200}));
        let ours = map(json!({"price_fen": 300}));
        let merge = merge_fields(&base, &server, &ours);
        assert!(merge.apply.is_empty());
        assert_eq!(
            merge.conflicts,
            vec![FieldConflict {
                field: "price_fen".into(),
                base: json!(100),
                kept: json!(200),
                theirs: json!(300),
            }]
        );
    }

    #[test]
    fn when_a_record_was_last_changed_is_never_a_conflict_and_the_later_time_stays() {
        let base = map(json!({"name": "甲", "updated_at": "2026-12-01T08:00:00Z"}));
        let server = map(json!({"name": "甲", "updated_at": "2026-12-02T09:00:00Z"}));
        let earlier = map(json!({"name": "甲", "updated_at": "2026-12-02T08:00:00Z"}));
        let later = map(json!({"name": "甲", "updated_at": "2026-12-02T10:00:00Z"}));
        assert_eq!(merge_fields(&base, &server, &earlier), Merge::default());
        assert_eq!(
            merge_fields(&base, &server, &later).apply,
            map(json!({"updated_at": "2026-12-02T10:00:00Z"}))
        );
        assert!(!edited_since(&base, &server));
    }

    #[test]
    fn both_sides_writing_the_same_value_is_no_conflict() {
        let base = map(json!({"stage": "lead"}));
        let both = map(json!({"stage": "signed"}));
        let merge = merge_fields(&base, &both, &both);
        assert_eq!(merge, Merge::default());
    }

    #[test]
    fn a_delete_is_told_from_an_edit_and_an_edit_from_the_trash_mark() {
        let base = map(json!({"name": "甲", "deleted_at": null}));
        let deleted = map(json!({"name": "甲", "deleted_at": "2026-12-02T10:00:00Z"}));
        let renamed = map(json!({"name": "乙", "deleted_at": null}));
        assert!(is_soft_delete(&base, &deleted));
        assert!(!is_soft_delete(&base, &renamed));
        assert!(!is_soft_delete(&deleted, &deleted));
        assert!(edited_since(&base, &renamed));
        assert!(!edited_since(&base, &deleted));
        assert!(!is_live(&deleted));
    }

    #[test]
    fn roles_read_back_from_their_codes() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("owner"), None);
        assert!(!Role::Broker.sees_all_deals());
        assert!(Role::Manager.sees_all_deals());
    }
}

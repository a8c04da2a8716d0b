use chrono::{DateTime, Utc};

use super::{Store, StoreError};

/// What kind of record a trash entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrashKind {
    Client,
    Contact,
    Achievement,
    Need,
}

/// One deleted record that can be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashEntry {
    pub kind: TrashKind,
    pub id: i64,
    pub label: String,
    /// The client a contact, achievement or need belongs to; empty for a client.
    pub owner: String,
    /// A confidential need, marked as such in every list.
    pub confidential: bool,
    pub deleted_at: DateTime<Utc>,
}

impl Store {
    /// Deleted clients, and the deleted contacts, achievements and needs of live clients (a
    /// deleted client's records come back with it), newest deletion first.
    pub fn list_trash(&self) -> Result<Vec<TrashEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT 'client', id, name, '', deleted_at, 0 FROM clients WHERE deleted_at IS NOT NULL
             UNION ALL
             SELECT 'contact', p.id, p.name, c.name, p.deleted_at, 0
             FROM contacts p JOIN clients c ON c.id = p.client_id
             WHERE p.deleted_at IS NOT NULL AND c.deleted_at IS NULL
             UNION ALL
             SELECT 'achievement', a.id, a.title, c.name, a.deleted_at, 0
             FROM achievements a JOIN clients c ON c.id = a.owner_id
             WHERE a.deleted_at IS NOT NULL AND c.deleted_at IS NULL
             UNION ALL
             SELECT 'need', n.id, n.title, c.name, n.deleted_at, n.confidential
             FROM needs n JOIN clients c ON c.id = n.enterprise_id
             WHERE n.deleted_at IS NOT NULL AND c.deleted_at IS NULL
             ORDER BY 5 DESC, 2 DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(0)?;
            Ok(TrashEntry {
                kind: match kind.as_str() {
                    "client" => TrashKind::Client,
                    "contact" => TrashKind::Contact,
                    "achievement" => TrashKind::Achievement,
                    _ => TrashKind::Need,
                },
                id: r.get(1)?,
                label: r.get(2)?,
                owner: r.get(3)?,
                deleted_at: r.get(4)?,
                confidential: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn restore(&mut self, kind: TrashKind, id: i64) -> Result<(), StoreError> {
        match kind {
            TrashKind::Client => self.restore_client(id),
            TrashKind::Contact => self.restore_contact(id),
            TrashKind::Achievement => self.restore_achievement(id),
            TrashKind::Need => self.restore_need(id),
        }
    }
}

use chrono::{DateTime, Utc};
use rusqlite::{ToSql, Transaction};

use super::{Area, Store, StoreError};
use crate::domain::id::DocumentId;
use crate::domain::{
    AchievementId, ClientId, ContactId, DealId, InstalmentId, InteractionId, NeedId, ReceiptId,
};

/// A record in the trash: its kind and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrashItem {
    Client(ClientId),
    Contact(ContactId),
    /// A visit or call of a client's log, with its next step.
    Interaction(InteractionId),
    Achievement(AchievementId),
    Need(NeedId),
    /// A planned instalment of a deal.
    Instalment(InstalmentId),
    /// A payment received on a deal.
    Receipt(ReceiptId),
    /// A deal, with its plan, payments and history (which stay hidden while it is here).
    Deal(DealId),
    /// A document of a deal, an achievement or a client; its file stays until it is purged.
    Document(DocumentId),
}

/// One deleted record that can be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashEntry {
    pub item: TrashItem,
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
             SELECT 'interaction', i.id,
                i.date || ' · ' || i.summary
                    || CASE WHEN i.next_step <> '' THEN ' → ' || i.next_step ELSE '' END,
                c.name, i.deleted_at, 0
             FROM interactions i JOIN clients c ON c.id = i.client_id
             WHERE i.deleted_at IS NOT NULL AND c.deleted_at IS NULL
             UNION ALL
             SELECT 'achievement', a.id, a.title, c.name, a.deleted_at, 0
             FROM achievements a JOIN clients c ON c.id = a.owner_id
             WHERE a.deleted_at IS NOT NULL AND c.deleted_at IS NULL
             UNION ALL
             SELECT 'need', n.id, n.title, c.name, n.deleted_at, n.confidential
             FROM needs n JOIN clients c ON c.id = n.enterprise_id
             WHERE n.deleted_at IS NOT NULL AND c.deleted_at IS NULL
             UNION ALL
             SELECT 'instalment', i.id, i.due || ' · ¥' || printf('%.2f', i.amount_fen / 100.0),
                d.title, i.deleted_at, 0
             FROM instalments i JOIN deals d ON d.id = i.deal_id
             WHERE i.deleted_at IS NOT NULL AND d.deleted_at IS NULL
             UNION ALL
             SELECT 'receipt', r.id,
                r.received_on || ' · ¥' || printf('%.2f', r.amount_fen / 100.0), d.title,
                r.deleted_at, 0
             FROM receipts r JOIN deals d ON d.id = r.deal_id
             WHERE r.deleted_at IS NOT NULL AND d.deleted_at IS NULL
             UNION ALL
             SELECT 'deal', d.id, d.title, s.name || ' → ' || b.name, d.deleted_at, 0
             FROM deals d JOIN clients s ON s.id = d.seller_id JOIN clients b ON b.id = d.buyer_id
             WHERE d.deleted_at IS NOT NULL
             UNION ALL
             SELECT 'document', f.id, f.name, COALESCE(CASE f.owner_kind
                    WHEN 'deal' THEN (SELECT title FROM deals WHERE id = f.owner_id)
                    WHEN 'achievement' THEN (SELECT title FROM achievements WHERE id = f.owner_id)
                    ELSE (SELECT name FROM clients WHERE id = f.owner_id) END, ''),
                f.deleted_at, 0
             FROM documents f WHERE f.deleted_at IS NOT NULL
             ORDER BY 5 DESC, 2 DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(0)?;
            Ok(TrashEntry {
                item: match kind.as_str() {
                    "client" => TrashItem::Client(r.get(1)?),
                    "contact" => TrashItem::Contact(r.get(1)?),
                    "interaction" => TrashItem::Interaction(r.get(1)?),
                    "achievement" => TrashItem::Achievement(r.get(1)?),
                    "instalment" => TrashItem::Instalment(r.get(1)?),
                    "receipt" => TrashItem::Receipt(r.get(1)?),
                    "deal" => TrashItem::Deal(r.get(1)?),
                    "document" => TrashItem::Document(r.get(1)?),
                    _ => TrashItem::Need(r.get(1)?),
                },
                label: r.get(2)?,
                owner: r.get(3)?,
                deleted_at: r.get(4)?,
                confidential: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn restore(&mut self, item: TrashItem) -> Result<(), StoreError> {
        match item {
            TrashItem::Client(id) => self.restore_client(id),
            TrashItem::Contact(id) => self.restore_contact(id),
            TrashItem::Interaction(id) => self.restore_interaction(id),
            TrashItem::Achievement(id) => self.restore_achievement(id),
            TrashItem::Need(id) => self.restore_need(id),
            TrashItem::Instalment(id) => self.undelete("instalments", id),
            TrashItem::Receipt(id) => self.undelete("receipts", id),
            TrashItem::Deal(id) => self.undelete("deals", id),
            TrashItem::Document(id) => self.undelete("documents", id),
        }
    }

    fn undelete(&mut self, table: &str, id: impl ToSql) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            match tx.execute(
                &format!(
                    "UPDATE {table} SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL"
                ),
                [id],
            )? {
                0 => Err(StoreError::NotFound),
                _ => Ok(()),
            }
        })
    }

    /// Deletes a record in the trash for good, with everything only it holds (a client's
    /// contacts, interactions, achievements and needs). Refused while a deal still names it.
    pub fn purge(&mut self, item: TrashItem) -> Result<(), StoreError> {
        let area = match item {
            TrashItem::Client(_) | TrashItem::Contact(_) | TrashItem::Interaction(_) => {
                Area::Clients
            }
            _ => Area::Catalog,
        };
        self.write(area, |tx| purge(tx, item))?;
        self.sweep_files()
    }

    /// Deletes everything in the trash for good, in one transaction; what a deal still names
    /// stays. Returns how many records were deleted and how many stayed.
    pub fn empty_trash(&mut self) -> Result<(usize, usize), StoreError> {
        let mut entries = self.list_trash()?;
        // Deals first: a client, achievement or need a deleted deal names can then go too.
        entries.sort_by_key(|e| !matches!(e.item, TrashItem::Deal(_)));
        let counts = self.write(Area::Clients, |tx| {
            let (mut gone, mut kept) = (0, 0);
            for e in &entries {
                match purge(tx, e.item) {
                    Ok(()) => gone += 1,
                    Err(StoreError::InUse) => kept += 1,
                    Err(e) => return Err(e),
                }
            }
            Ok((gone, kept))
        })?;
        self.sweep_files()?;
        Ok(counts)
    }
}

fn in_trash(tx: &Transaction<'_>, table: &str, id: impl ToSql) -> Result<(), StoreError> {
    let found: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NOT NULL)"),
        [id],
        |r| r.get(0),
    )?;
    if found {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

fn exists(tx: &Transaction<'_>, sql: &str, id: impl ToSql) -> Result<bool, StoreError> {
    Ok(tx.query_row(&format!("SELECT EXISTS ({sql})"), [id], |r| r.get(0))?)
}

fn purge(tx: &Transaction<'_>, item: TrashItem) -> Result<(), StoreError> {
    match item {
        TrashItem::Contact(id) => {
            in_trash(tx, "contacts", id)?;
            tx.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
        }
        TrashItem::Interaction(id) => {
            in_trash(tx, "interactions", id)?;
            tx.execute("DELETE FROM interactions WHERE id = ?1", [id])?;
        }
        TrashItem::Document(id) => {
            in_trash(tx, "documents", id)?;
            tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
        }
        TrashItem::Instalment(id) => {
            in_trash(tx, "instalments", id)?;
            tx.execute("DELETE FROM instalments WHERE id = ?1", [id])?;
        }
        TrashItem::Receipt(id) => {
            in_trash(tx, "receipts", id)?;
            tx.execute("DELETE FROM receipts WHERE id = ?1", [id])?;
        }
        TrashItem::Deal(id) => {
            in_trash(tx, "deals", id)?;
            // The log's entries belong to the clients: they stay, no longer tagged.
            for table in ["interactions", "match_decisions"] {
                tx.execute(
                    &format!("UPDATE {table} SET deal_id = NULL WHERE deal_id = ?1"),
                    [id],
                )?;
            }
            for table in [
                "instalments",
                "receipts",
                "deal_stage_history",
                "deal_achievements",
            ] {
                tx.execute(&format!("DELETE FROM {table} WHERE deal_id = ?1"), [id])?;
            }
            tx.execute(
                "DELETE FROM documents WHERE owner_kind = 'deal' AND owner_id = ?1",
                [id],
            )?;
            tx.execute("DELETE FROM deals WHERE id = ?1", [id])?;
        }
        TrashItem::Achievement(id) => {
            in_trash(tx, "achievements", id)?;
            purge_achievements(tx, "id = ?1", id)?;
        }
        TrashItem::Need(id) => {
            in_trash(tx, "needs", id)?;
            purge_needs(tx, "id = ?1", id)?;
        }
        TrashItem::Client(id) => {
            in_trash(tx, "clients", id)?;
            if exists(
                tx,
                "SELECT 1 FROM deals WHERE seller_id = ?1 OR buyer_id = ?1",
                id,
            )? {
                return Err(StoreError::InUse);
            }
            purge_achievements(tx, "owner_id = ?1", id)?;
            purge_needs(tx, "enterprise_id = ?1", id)?;
            tx.execute("DELETE FROM match_decisions WHERE enterprise_id = ?1", [id])?;
            tx.execute("DELETE FROM interactions WHERE client_id = ?1", [id])?;
            tx.execute("DELETE FROM contacts WHERE client_id = ?1", [id])?;
            tx.execute(
                "DELETE FROM documents WHERE owner_kind = 'client' AND owner_id = ?1",
                [id],
            )?;
            tx.execute("DELETE FROM clients WHERE id = ?1", [id])?;
        }
    }
    Ok(())
}

/// Deletes the achievements `filter` picks (with their IP items, match decisions and rights),
/// unless a deal names one.
fn purge_achievements(
    tx: &Transaction<'_>,
    filter: &str,
    id: impl ToSql + Copy,
) -> Result<(), StoreError> {
    let picked = format!("SELECT id FROM achievements WHERE {filter}");
    if exists(
        tx,
        &format!("SELECT 1 FROM deal_achievements WHERE achievement_id IN ({picked})"),
        id,
    )? {
        return Err(StoreError::InUse);
    }
    for table in ["match_decisions", "ip_items", "achievement_rights"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE achievement_id IN ({picked})"),
            [id],
        )?;
    }
    // A purged record's documents go with it: an id SQLite may give again must not inherit them.
    tx.execute(
        &format!(
            "DELETE FROM documents WHERE owner_kind = 'achievement' AND owner_id IN ({picked})"
        ),
        [id],
    )?;
    tx.execute(&format!("DELETE FROM achievements WHERE {filter}"), [id])?;
    Ok(())
}

fn purge_needs(
    tx: &Transaction<'_>,
    filter: &str,
    id: impl ToSql + Copy,
) -> Result<(), StoreError> {
    let picked = format!("SELECT id FROM needs WHERE {filter}");
    if exists(
        tx,
        &format!("SELECT 1 FROM deals WHERE need_id IN ({picked})"),
        id,
    )? {
        return Err(StoreError::InUse);
    }
    tx.execute(
        &format!("DELETE FROM match_decisions WHERE need_id IN ({picked})"),
        [id],
    )?;
    tx.execute(&format!("DELETE FROM needs WHERE {filter}"), [id])?;
    Ok(())
}

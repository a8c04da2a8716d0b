use rusqlite::{Transaction, params};

use super::catalog::{SoftTable, client_is_live};
use super::{Area, SaveError, Store, StoreError, now};
use crate::domain::{ClientId, Contact, ContactDraft, ContactField, ContactId};

/// Refuses to attach anything to a client that is missing or in the trash.
pub(super) fn require_live_client(tx: &Transaction<'_>, id: ClientId) -> Result<(), StoreError> {
    if client_is_live(tx, id)? {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

impl Store {
    /// The live contacts of a client, in the order they were added.
    pub fn list_contacts(&self, client: ClientId) -> Result<Vec<Contact>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, client_id, name, title, phone, email, wechat FROM contacts
             WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([client], |r| {
            Ok(Contact {
                id: r.get(0)?,
                client_id: r.get(1)?,
                name: r.get(2)?,
                title: r.get(3)?,
                phone: r.get(4)?,
                email: r.get(5)?,
                wechat: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a contact to a client (`id` None) or updates one.
    pub fn save_contact(
        &mut self,
        client: ClientId,
        id: Option<ContactId>,
        draft: &ContactDraft,
    ) -> Result<ContactId, SaveError<ContactField>> {
        let d = draft.validate().map_err(SaveError::Invalid)?;
        Ok(self.write(Area::Clients, |tx| {
            require_live_client(tx, client)?;
            let t = now();
            match id {
                None => {
                    tx.execute(
                        "INSERT INTO contacts (client_id, name, title, phone, email, wechat,
                            created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                        params![client, d.name, d.title, d.phone, d.email, d.wechat, t],
                    )?;
                    Ok(ContactId(tx.last_insert_rowid()))
                }
                Some(id) => {
                    let n = tx.execute(
                        "UPDATE contacts SET name = ?3, title = ?4, phone = ?5, email = ?6,
                            wechat = ?7, updated_at = ?8
                         WHERE id = ?1 AND client_id = ?2 AND deleted_at IS NULL",
                        params![id, client, d.name, d.title, d.phone, d.email, d.wechat, t],
                    )?;
                    if n == 0 {
                        return Err(StoreError::NotFound);
                    }
                    Ok(id)
                }
            }
        })?)
    }

    /// Moves a contact to the trash.
    pub fn delete_contact(&mut self, id: ContactId) -> Result<(), StoreError> {
        self.soft_delete(SoftTable::Contacts, id)
    }

    pub fn restore_contact(&mut self, id: ContactId) -> Result<(), StoreError> {
        self.soft_restore(SoftTable::Contacts, id)
    }
}

use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::catalog::SharedNames;
use super::{Area, SaveError, Store, StoreError, now};
use crate::domain::{Client, ClientDraft, ClientField, ClientId, ClientRow, FieldErrors, Problem};

const CLIENT_COLUMNS: &str = "id, name, kind, credit_code, province, city, district, industry, \
     size, address, website, notes, created_at, updated_at, deleted_at";

fn client_from_row(r: &Row<'_>) -> rusqlite::Result<Client> {
    Ok(Client {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        credit_code: r.get(3)?,
        province: r.get(4)?,
        city: r.get(5)?,
        district: r.get(6)?,
        industry: r.get(7)?,
        size: r.get(8)?,
        address: r.get(9)?,
        website: r.get(10)?,
        notes: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
        deleted_at: r.get(14)?,
    })
}

/// Inserts one client (checked and with a free name) with `t` as its created and updated time.
pub(super) fn insert_client(
    tx: &Transaction<'_>,
    d: &ClientDraft,
    t: impl rusqlite::ToSql,
) -> Result<ClientId, StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO clients (name, kind, credit_code, province, city, district, industry, size,
            address, website, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?;
    stmt.execute(params![
        d.name,
        d.kind,
        d.credit_code,
        d.province,
        d.city,
        d.district,
        d.industry,
        d.size,
        d.address,
        d.website,
        d.notes,
        t
    ])?;
    Ok(ClientId(tx.last_insert_rowid()))
}

/// Overwrites a live client's fields.
pub(super) fn update_client(
    tx: &Transaction<'_>,
    id: ClientId,
    d: &ClientDraft,
    t: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let n = tx.execute(
        "UPDATE clients SET name = ?2, kind = ?3, credit_code = ?4, province = ?5,
            city = ?6, district = ?7, industry = ?8, size = ?9, address = ?10,
            website = ?11, notes = ?12, updated_at = ?13
         WHERE id = ?1 AND deleted_at IS NULL",
        params![
            id,
            d.name,
            d.kind,
            d.credit_code,
            d.province,
            d.city,
            d.district,
            d.industry,
            d.size,
            d.address,
            d.website,
            d.notes,
            t
        ],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Whether another live client already has this name (names compare without case).
pub(super) fn name_taken(
    tx: &Transaction<'_>,
    name: &str,
    except: Option<ClientId>,
) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM clients WHERE deleted_at IS NULL AND name = ?1 COLLATE NOCASE \
         AND id IS NOT ?2)",
        params![name, except],
        |r| r.get(0),
    )
}

/// Whether another live client already has this credit code (an empty code is nobody's).
pub(super) fn credit_code_taken(
    tx: &Transaction<'_>,
    code: &str,
    except: Option<ClientId>,
) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM clients WHERE deleted_at IS NULL AND credit_code = ?1 \
         AND credit_code <> '' AND id IS NOT ?2)",
        params![code, except],
        |r| r.get(0),
    )
}

impl Store {
    /// Every live client with its open follow-ups and last contact date, in id order.
    pub fn list_clients(&self) -> Result<Vec<ClientRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.name, c.kind, c.province, c.city, c.district, c.industry,
                (SELECT COUNT(*) FROM interactions i WHERE i.client_id = c.id
                    AND i.deleted_at IS NULL AND i.next_step <> '' AND i.done_at IS NULL),
                (SELECT MAX(i.date) FROM interactions i WHERE i.client_id = c.id
                    AND i.deleted_at IS NULL)
             FROM clients c WHERE c.deleted_at IS NULL ORDER BY c.id",
        )?;
        let mut shared = SharedNames::default();
        let mut rows = stmt.query([])?;
        let mut clients = Vec::new();
        while let Some(r) = rows.next()? {
            clients.push(ClientRow {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                province: shared.get(r, 3)?,
                city: shared.get(r, 4)?,
                district: shared.get(r, 5)?,
                industry: shared.get(r, 6)?,
                open_follow_ups: r.get(7)?,
                last_contact: r.get(8)?,
            });
        }
        Ok(clients)
    }

    /// The client with this id, live or in the trash.
    pub fn get_client(&self, id: ClientId) -> Result<Option<Client>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?1"),
                [id],
                client_from_row,
            )
            .optional()?)
    }

    /// Creates a client (`id` None) or updates one, after checking the draft and that no other
    /// live client has the same name.
    pub fn save_client(
        &mut self,
        id: Option<ClientId>,
        draft: &ClientDraft,
    ) -> Result<ClientId, SaveError<ClientField>> {
        let d = draft.validate().map_err(SaveError::Invalid)?;
        let saved = self.write(Area::Clients, |tx| {
            if name_taken(tx, &d.name, id)? {
                return Ok(Err((ClientField::Name, Problem::DuplicateName)));
            }
            if credit_code_taken(tx, &d.credit_code, id)? {
                return Ok(Err((ClientField::CreditCode, Problem::DuplicateCreditCode)));
            }
            let t = now();
            let id = match id {
                None => insert_client(tx, &d, t)?,
                Some(id) => {
                    update_client(tx, id, &d, t)?;
                    id
                }
            };
            Ok(Ok(id))
        })?;
        saved.map_err(|(field, problem)| SaveError::Invalid(FieldErrors::single(field, problem)))
    }

    /// Moves a client to the trash; its contacts and interactions go with it and come back with
    /// it.
    pub fn delete_client(&mut self, id: ClientId) -> Result<(), StoreError> {
        self.write(Area::Clients, |tx| {
            let n = tx.execute(
                "UPDATE clients SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }

    /// Brings a client back from the trash, unless a live client has taken its name meanwhile.
    pub fn restore_client(&mut self, id: ClientId) -> Result<(), StoreError> {
        self.write(Area::Clients, |tx| {
            let found: Option<(String, String)> = tx
                .query_row(
                    "SELECT name, credit_code FROM clients WHERE id = ?1 AND deleted_at IS NOT NULL",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((name, code)) = found else {
                return Err(StoreError::NotFound);
            };
            if name_taken(tx, &name, Some(id))? {
                return Err(StoreError::NameTaken(name));
            }
            if credit_code_taken(tx, &code, Some(id))? {
                return Err(StoreError::CreditCodeTaken(code));
            }
            tx.execute(
                "UPDATE clients SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, now()],
            )?;
            Ok(())
        })
    }
}

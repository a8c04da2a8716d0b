//! Writing an import: everything in one transaction, so a failure or a cancel halfway leaves
//! the database as it was; and the lookups an import checks rows against.

use std::cell::RefCell;

use rusqlite::types::FromSql;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rustc_hash::FxHashMap;

use super::achievements::{AchievementInserts, achievement_by_id, update_achievement};
use super::clients::{credit_code_taken, insert_client, name_taken, update_client};
use super::deals::{deal_terms, registration_rule, write_terms};
use super::needs::{insert_need, need_by_id, update_need};
use super::{Store, StoreError, now, stamp};
use crate::domain::maturation::{Carrier, CarrierProfile};
use crate::domain::rights::Rights;
use crate::domain::{
    AchievementData, AchievementId, ClientDraft, ClientId, ClientKind, ContactDraft, DealId,
    DealStage, DealTerms, NeedData, NeedId,
};

/// What is already stored, keyed the way imports find duplicates: clients by name (without
/// case) and by credit code; achievements and needs by owner and title (without case). Fx
/// hashing: every row of an import looks up here; a file made to collide keys slows only its
/// own import.
#[derive(Debug, Default)]
pub struct ImportIndex {
    pub clients: FxHashMap<String, (ClientId, ClientKind)>,
    pub credit_codes: FxHashMap<String, ClientId>,
    pub achievements: FxHashMap<(ClientId, String), AchievementId>,
    pub needs: FxHashMap<(ClientId, String), NeedId>,
    /// Deals by seller, buyer and title.
    pub deals: FxHashMap<(ClientId, ClientId, String), DealId>,
}

/// A deal as an import stores it: the organisations found by name, the achievement when the
/// seller has one of the title given, and what a registration ledger says of its contract.
#[derive(Debug, Clone, Copy)]
pub struct DealImport<'a> {
    pub seller: ClientId,
    pub buyer: ClientId,
    pub achievement: Option<AchievementId>,
    pub stage: DealStage,
    pub lost_reason: &'a str,
    pub terms: &'a DealTerms,
    pub contract_no: &'a str,
    pub contract_subtype: &'a str,
    /// The registration office registered the contract on this day.
    pub registered_on: Option<chrono::NaiveDate>,
    pub certificate_no: &'a str,
}

/// A stored deal as an update lays a row over it.
#[derive(Debug, Clone)]
pub struct StoredDeal {
    pub terms: DealTerms,
    pub stage: DealStage,
    pub lost_reason: String,
    pub contract_no: String,
    pub contract_subtype: String,
    pub registered_on: Option<chrono::NaiveDate>,
    pub certificate_no: String,
}

/// The page cache of an import's transaction in WAL mode, in KiB as SQLite counts a negative
/// size. With the usual 2 MiB, a large import spills dirty pages to the WAL and writes the
/// index pages again each time a later row touches them.
const WAL_IMPORT_CACHE: i64 = -65_536;

/// The page cache of an import alone on the file, which spills its pages into the file itself:
/// enough for the indexes' pages, which later rows touch again, while the rows' own pages, written
/// once, go to the file as the cache fills. 100,000 achievements peak at 60 MiB instead of 110
/// with 64 MiB, in the same time, into an empty file or one holding as many (README, "Import").
const ALONE_IMPORT_CACHE: i64 = -16_384;

/// Alone on the file, an import writes its pages once, into the file, instead of into the WAL
/// and again into the file at the checkpoint: 100,000 achievements in 0.88 s instead of 1.10 s
/// (medians of eight; README, "Import"). SQLite refuses the switch at once while any other connection is open, and
/// then the import runs in WAL as every other write does. Whether the switch was made.
fn leave_wal_if_alone(conn: &Connection) -> bool {
    conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0))
        .is_ok_and(|mode| mode.eq_ignore_ascii_case("delete"))
}

/// Back to WAL after an import alone on the file. Refused only while a connection opened during
/// the import still holds the file after the busy wait; the file then stays in rollback mode,
/// as safe, until the next open sets WAL again, so there is nothing to report.
fn return_to_wal(conn: &Connection) {
    let _ = conn.pragma_update(None, "journal_mode", "WAL");
}

/// How names and titles are compared when looking for duplicates.
pub fn title_key(text: &str) -> String {
    let text = text.trim();
    // `str::to_lowercase` looks every Chinese character up in the case tables, 7% of an
    // import's writing thread; these blocks have no case. Σ lowers by its place in a word.
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
        {
            key.push(c);
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// The live records an import compares its rows with.
pub(super) fn import_index(conn: &Connection) -> Result<ImportIndex, StoreError> {
    let mut index = ImportIndex::default();
    let mut stmt =
        conn.prepare("SELECT id, name, kind, credit_code FROM clients WHERE deleted_at IS NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: ClientId = r.get(0)?;
        let name: String = r.get(1)?;
        let code: String = r.get(3)?;
        index.clients.insert(title_key(&name), (id, r.get(2)?));
        if !code.is_empty() {
            index.credit_codes.insert(code, id);
        }
    }
    by_owner_and_title(
        conn,
        "SELECT id, owner_id, title FROM achievements WHERE deleted_at IS NULL",
        &mut index.achievements,
    )?;
    by_owner_and_title(
        conn,
        "SELECT id, enterprise_id, title FROM needs WHERE deleted_at IS NULL",
        &mut index.needs,
    )?;
    let mut stmt =
        conn.prepare("SELECT id, seller_id, buyer_id, title FROM deals WHERE deleted_at IS NULL")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let title: String = r.get(3)?;
        index
            .deals
            .insert((r.get(1)?, r.get(2)?, title_key(&title)), r.get(0)?);
    }
    Ok(index)
}

/// Reads `sql`'s (id, owner, title) rows into `map`, keyed by owner and title.
fn by_owner_and_title<T: FromSql>(
    conn: &Connection,
    sql: &str,
    map: &mut FxHashMap<(ClientId, String), T>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let title: String = r.get(2)?;
        map.insert((r.get(1)?, title_key(&title)), r.get(0)?);
    }
    Ok(())
}

impl Store {
    /// The live records an import compares its rows with.
    pub fn import_index(&self) -> Result<ImportIndex, StoreError> {
        import_index(&self.conn)
    }

    /// Runs `f` in one transaction: committed when it returns Ok, rolled back otherwise. The
    /// transaction holds the write lock from its start, so what `f` reads through
    /// [`ImportWriter::index`] is what it writes over: a second import waits, then sees the first.
    pub fn import_with<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&ImportWriter<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        // Thousands of rows: the journal notes "everything" instead of every id.
        self.journal.pause(&self.conn).map_err(StoreError::from)?;
        let value = self.import_with_cache(f);
        let resumed = self.journal.resume(&self.conn);
        value.and_then(|v| resumed.map(|()| v).map_err(|e| StoreError::from(e).into()))
    }

    fn import_with_cache<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&ImportWriter<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .map_err(StoreError::from)?;
        let alone = leave_wal_if_alone(&self.conn);
        let import_cache = if alone {
            ALONE_IMPORT_CACHE
        } else {
            WAL_IMPORT_CACHE
        };
        let value = self
            .conn
            .pragma_update(None, "cache_size", import_cache)
            .map_err(|e| StoreError::from(e).into())
            .and_then(|()| self.import_trusting_its_references(f));
        if alone {
            return_to_wal(&self.conn);
        }
        self.conn
            .pragma_update(None, "cache_size", cache)
            .and_then(|()| self.conn.execute_batch("PRAGMA shrink_memory"))
            .map_err(StoreError::from)?;
        value
    }

    /// Runs the import with SQLite's foreign-key checks off. Every reference an import writes
    /// comes from its own lookups under its write lock: an owner read from the live clients or
    /// created in its transaction, an achievement found by owner and title, the IP rows and
    /// rights of the row it has just inserted. Checked again by SQLite, row by row, they were 8%
    /// of the import's writing (README, "Import"). A test checks every kind of import against
    /// `PRAGMA foreign_key_check`.
    fn import_trusting_its_references<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&ImportWriter<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn
            .pragma_update(None, "foreign_keys", "OFF")
            .map_err(StoreError::from)?;
        let value = self.import_in_transaction(f);
        let checked = self.conn.pragma_update(None, "foreign_keys", "ON");
        value.and_then(|v| checked.map(|()| v).map_err(|e| StoreError::from(e).into()))
    }

    fn import_in_transaction<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&ImportWriter<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let t = now();
        let value = f(&ImportWriter {
            tx: &tx,
            achievements: RefCell::new(None),
            t,
            stamp: stamp(t),
        });
        let written = value.and_then(|v| {
            tx.commit()
                .map(|()| v)
                .map_err(|e| StoreError::from(e).into())
        });
        let seen = self.journal.take();
        let value = written?;
        self.changed.merge(seen);
        self.revision += 1;
        self.clients_revision += 1;
        Ok(value)
    }

    /// The layout's saved column mapping (JSON), if one was saved.
    pub fn saved_mapping(&self, layout: &str) -> Result<Option<String>, StoreError> {
        saved_mapping(&self.conn, layout)
    }

    pub fn save_mapping(&mut self, layout: &str, json: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![mapping_key(layout), json],
        )?;
        Ok(())
    }
}

pub(super) fn saved_mapping(conn: &Connection, layout: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [mapping_key(layout)],
            |r| r.get(0),
        )
        .optional()?)
}

fn mapping_key(layout: &str) -> String {
    format!("import_mapping:{layout}")
}

/// The writes an import makes, inside its transaction.
pub struct ImportWriter<'t> {
    tx: &'t Transaction<'t>,
    /// Prepared at the first achievement, kept to the last.
    achievements: RefCell<Option<AchievementInserts<'t>>>,
    t: chrono::DateTime<chrono::Utc>,
    /// `t` as the database stores it, written once: formatting it for every row of an import
    /// was 4% of the import's instructions.
    stamp: String,
}

impl ImportWriter<'_> {
    /// The live records, read inside the transaction the rows are written in.
    pub fn index(&self) -> Result<ImportIndex, StoreError> {
        import_index(self.tx)
    }

    /// Whether a live client other than `except` has this credit code.
    pub fn credit_code_taken(
        &self,
        code: &str,
        except: Option<ClientId>,
    ) -> Result<bool, StoreError> {
        Ok(credit_code_taken(self.tx, code, except)?)
    }

    /// Whether a live client other than `except` has this name.
    pub fn name_taken(&self, name: &str, except: Option<ClientId>) -> Result<bool, StoreError> {
        Ok(name_taken(self.tx, name, except)?)
    }

    pub fn insert_client(&self, d: &ClientDraft) -> Result<ClientId, StoreError> {
        insert_client(self.tx, d, &self.stamp)
    }

    pub fn update_client(&self, id: ClientId, d: &ClientDraft) -> Result<(), StoreError> {
        update_client(self.tx, id, d, self.t)
    }

    pub fn client(&self, id: ClientId) -> Result<Option<ClientDraft>, StoreError> {
        Ok(self
            .tx
            .query_row(
                "SELECT name, kind, credit_code, province, city, district, industry, size,
                    address, website, notes
                 FROM clients WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |r| {
                    Ok(ClientDraft {
                        name: r.get(0)?,
                        kind: r.get(1)?,
                        credit_code: r.get(2)?,
                        province: r.get(3)?,
                        city: r.get(4)?,
                        district: r.get(5)?,
                        industry: r.get(6)?,
                        size: r.get(7)?,
                        address: r.get(8)?,
                        website: r.get(9)?,
                        notes: r.get(10)?,
                    })
                },
            )
            .optional()?)
    }

    /// Gives the organisation just written its carrier profile, or replaces it.
    pub fn save_carrier(&self, id: ClientId, profile: &CarrierProfile) -> Result<(), StoreError> {
        super::maturation::upsert_carrier(self.tx, id, profile, self.t)
    }

    /// Records (or replaces) the rights of the achievement just written.
    pub fn save_rights(&self, id: AchievementId, rights: &Rights) -> Result<(), StoreError> {
        super::rights::upsert_rights(self.tx, id, rights, self.t)
    }

    /// The carrier profile of a live organisation, to lay an imported row over.
    pub fn carrier(&self, id: ClientId) -> Result<Option<Carrier>, StoreError> {
        super::maturation::carrier_in(self.tx, id)
    }

    /// Adds a contact unless the client already has a live one of that name.
    pub fn add_contact(&self, client: ClientId, c: &ContactDraft) -> Result<bool, StoreError> {
        let exists: bool = self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE client_id = ?1 AND name = ?2
                AND deleted_at IS NULL)",
            params![client, c.name],
            |r| r.get(0),
        )?;
        if exists {
            return Ok(false);
        }
        self.tx.execute(
            "INSERT INTO contacts (client_id, name, title, phone, email, wechat, created_at,
                updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![client, c.name, c.title, c.phone, c.email, c.wechat, self.t],
        )?;
        Ok(true)
    }

    pub fn insert_achievement(&self, a: &AchievementData) -> Result<AchievementId, StoreError> {
        let mut inserts = self.achievements.borrow_mut();
        let inserts = match inserts.take() {
            Some(prepared) => inserts.insert(prepared),
            None => inserts.insert(AchievementInserts::prepare(self.tx)?),
        };
        inserts.insert(a, &self.stamp)
    }

    pub fn update_achievement(
        &self,
        id: AchievementId,
        a: &AchievementData,
    ) -> Result<(), StoreError> {
        update_achievement(self.tx, id, a, self.t)
    }

    pub fn achievement(&self, id: AchievementId) -> Result<Option<AchievementData>, StoreError> {
        Ok(achievement_by_id(self.tx, id)?.map(|a| a.data))
    }

    pub fn insert_need(&self, n: &NeedData) -> Result<NeedId, StoreError> {
        insert_need(self.tx, n, &self.stamp)
    }

    pub fn update_need(&self, id: NeedId, n: &NeedData) -> Result<(), StoreError> {
        update_need(self.tx, id, n, self.t)
    }

    pub fn need(&self, id: NeedId) -> Result<Option<NeedData>, StoreError> {
        Ok(need_by_id(self.tx, id)?.map(|n| n.data))
    }

    /// Inserts a deal at its stage, with its terms, the stage in its history and, when signed,
    /// the registration due date by the database's rule.
    pub fn insert_deal(&self, d: &DealImport<'_>) -> Result<DealId, StoreError> {
        self.tx.execute(
            "INSERT INTO deals (title, need_id, seller_id, buyer_id, stage, created_at, updated_at)
             VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?5)",
            params![d.terms.title, d.seller, d.buyer, DealStage::Lead, self.t],
        )?;
        let id = DealId(self.tx.last_insert_rowid());
        if let Some(a) = d.achievement {
            self.tx.execute(
                "INSERT INTO deal_achievements (deal_id, achievement_id) VALUES (?1, ?2)",
                params![id, a],
            )?;
        }
        self.update_deal(id, d)?;
        Ok(id)
    }

    /// Overwrites a deal's terms and, when it differs, moves it to the row's stage.
    pub fn update_deal(&self, id: DealId, d: &DealImport<'_>) -> Result<(), StoreError> {
        write_terms(self.tx, id, d.terms, self.t)?;
        self.tx.execute(
            "UPDATE deals SET contract_no = ?2, contract_subtype = ?3 WHERE id = ?1",
            params![id, d.contract_no, d.contract_subtype],
        )?;
        if let Some(registered) = d.registered_on {
            // A ledger's amounts are those the certificate states.
            self.tx.execute(
                "UPDATE deals SET registration_submitted = ?2,
                    certificate_no = CASE WHEN ?3 = '' THEN certificate_no ELSE ?3 END,
                    registered_contract_fen = ?4, registered_technology_fen = ?5
                 WHERE id = ?1",
                params![
                    id,
                    registered,
                    d.certificate_no,
                    d.terms.contract.map(|m| m.fen()),
                    d.terms.technology.map(|m| m.fen())
                ],
            )?;
        }
        let (stage, due): (DealStage, Option<chrono::NaiveDate>) = self.tx.query_row(
            "SELECT stage, registration_due FROM deals WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let moved = stage != d.stage || !self.has_history(id)?;
        if !moved {
            return Ok(());
        }
        let due = match (d.stage.is_signed(), due, d.terms.signed_on) {
            (true, None, Some(signed)) => registration_rule(self.tx)?.due_date(signed),
            _ => due,
        };
        self.tx.execute(
            "UPDATE deals SET stage = ?2, registration_due = ?3, lost_reason = ?4 WHERE id = ?1",
            params![id, d.stage, due, d.lost_reason.trim()],
        )?;
        self.tx.execute(
            "INSERT INTO deal_stage_history (deal_id, stage, changed_at) VALUES (?1, ?2, ?3)",
            params![id, d.stage, self.t],
        )?;
        Ok(())
    }

    pub fn deal(&self, id: DealId) -> Result<Option<StoredDeal>, StoreError> {
        let Some((terms, stage)) = deal_terms(self.tx, id)? else {
            return Ok(None);
        };
        let (lost_reason, contract_no, contract_subtype, registered_on, certificate_no) =
            self.tx.query_row(
                "SELECT lost_reason, contract_no, contract_subtype, registration_submitted,
                    certificate_no FROM deals WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )?;
        Ok(Some(StoredDeal {
            terms,
            stage,
            lost_reason,
            contract_no,
            contract_subtype,
            registered_on,
            certificate_no,
        }))
    }

    fn has_history(&self, id: DealId) -> Result<bool, StoreError> {
        Ok(self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM deal_stage_history WHERE deal_id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::ToSql;
    use rusqlite::types::{ToSqlOutput, Value};

    use super::{Store, StoreError};

    fn checks_references(conn: &rusqlite::Connection) -> bool {
        conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn an_import_turns_the_reference_checks_off_only_while_it_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("broker.sqlite")).unwrap();
        assert!(checks_references(&store.conn));
        let inside = store
            .import_with(|w| Ok::<_, StoreError>(checks_references(w.tx)))
            .unwrap();
        assert!(!inside);
        assert!(checks_references(&store.conn));
        let failed = store.import_with(|_| Err::<(), _>(StoreError::NotFound));
        assert!(matches!(failed, Err(StoreError::NotFound)));
        assert!(checks_references(&store.conn));
    }

    #[test]
    fn an_imports_stamp_is_the_text_rusqlite_writes_for_the_time() {
        for t in [
            super::now(),
            chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        ] {
            let written = match t.to_sql().unwrap() {
                ToSqlOutput::Owned(Value::Text(s)) => s,
                other => panic!("{other:?}"),
            };
            assert_eq!(super::stamp(t), written);
        }
    }

    #[test]
    fn a_title_key_is_the_trimmed_lowercase_of_every_character_and_word() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("A{c}b");
            assert_eq!(super::title_key(&text), text.to_lowercase(), "{c:?}");
        }
        for text in [
            " 山东大学 ",
            "ＡＢＣ激光Ｄ",
            "ΟΔΟΣ 高速",
            "ΣΑΣ",
            "İstanbul 研究院",
            "\u{3000}潍柴动力\u{3000}",
        ] {
            assert_eq!(super::title_key(text), text.trim().to_lowercase(), "{text}");
        }
    }
}

//! The broker's thesaurus for matching: pairs of terms that mean the same thing. Removing a
//! pair hides it (`deleted_at`); restoring brings it back.

use rusqlite::{Connection, params};

use super::{Area, SaveError, Store, StoreError, now};
use crate::domain::{Synonym, SynonymDraft, SynonymField, SynonymId};

fn thesaurus(conn: &Connection) -> Result<Vec<Synonym>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, term, other FROM match_thesaurus WHERE deleted_at IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Synonym {
            id: r.get(0)?,
            term: r.get(1)?,
            other: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

impl Store {
    /// The live pairs, oldest first.
    pub fn thesaurus(&self) -> Result<Vec<Synonym>, StoreError> {
        thesaurus(&self.conn)
    }

    /// Adds a pair, or returns the live one with the same terms (either way round).
    pub fn add_synonym(
        &mut self,
        draft: &SynonymDraft,
    ) -> Result<SynonymId, SaveError<SynonymField>> {
        let (term, other) = draft.validate().map_err(SaveError::Invalid)?;
        Ok(self.write(Area::Catalog, |tx| {
            let existing: Option<SynonymId> = tx
                .query_row(
                    "SELECT id FROM match_thesaurus WHERE deleted_at IS NULL AND (
                        (term = ?1 COLLATE NOCASE AND other = ?2 COLLATE NOCASE)
                        OR (term = ?2 COLLATE NOCASE AND other = ?1 COLLATE NOCASE))",
                    params![term, other],
                    |r| r.get(0),
                )
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })?;
            if let Some(id) = existing {
                return Ok(id);
            }
            tx.execute(
                "INSERT INTO match_thesaurus (term, other, created_at) VALUES (?1, ?2, ?3)",
                params![term, other, now()],
            )?;
            Ok(SynonymId(tx.last_insert_rowid()))
        })?)
    }

    /// Hides a pair from matching.
    pub fn remove_synonym(&mut self, id: SynonymId) -> Result<(), StoreError> {
        self.set_synonym_deleted(id, true)
    }

    /// Brings a removed pair back.
    pub fn restore_synonym(&mut self, id: SynonymId) -> Result<(), StoreError> {
        self.set_synonym_deleted(id, false)
    }

    fn set_synonym_deleted(&mut self, id: SynonymId, deleted: bool) -> Result<(), StoreError> {
        self.write(Area::Catalog, |tx| {
            let changed = tx.execute(
                "UPDATE match_thesaurus SET deleted_at = CASE WHEN ?2 THEN ?3 END
                 WHERE id = ?1 AND (deleted_at IS NULL) = ?2",
                params![id, deleted, now()],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }
}

impl super::Reader {
    /// The live pairs, for building the matching index on a worker thread.
    pub fn thesaurus(&self) -> Result<Vec<Synonym>, StoreError> {
        thesaurus(self.connection())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Problem;

    fn draft(term: &str, other: &str) -> SynonymDraft {
        SynonymDraft {
            term: term.into(),
            other: other.into(),
        }
    }

    #[test]
    fn pairs_are_added_once_removed_and_restored() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite")).unwrap();
        let id = store.add_synonym(&draft("锂电", "锂离子电池")).unwrap();
        assert_eq!(store.add_synonym(&draft("锂离子电池", "锂电")).unwrap(), id);
        let plc = store
            .add_synonym(&draft("PLC", "可编程逻辑控制器"))
            .unwrap();
        let terms: Vec<(String, String)> = store
            .thesaurus()
            .unwrap()
            .into_iter()
            .map(|s| (s.term, s.other))
            .collect();
        assert_eq!(
            terms,
            vec![
                ("锂电".into(), "锂离子电池".into()),
                ("PLC".into(), "可编程逻辑控制器".into())
            ]
        );
        store.remove_synonym(id).unwrap();
        assert_eq!(store.thesaurus().unwrap().len(), 1);
        assert!(matches!(
            store.remove_synonym(id),
            Err(StoreError::NotFound)
        ));
        store.restore_synonym(id).unwrap();
        assert_eq!(store.thesaurus().unwrap().len(), 2);
        assert_eq!(store.reader().unwrap().thesaurus().unwrap().len(), 2);
        assert!(store.remove_synonym(SynonymId(plc.0 + 100)).is_err());
    }

    #[test]
    fn a_bad_pair_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite")).unwrap();
        let before = store.revision();
        match store.add_synonym(&draft("电池", " 电池 ")) {
            Err(SaveError::Invalid(e)) => {
                assert_eq!(e.get(SynonymField::Other), Some(Problem::SameTerm))
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(store.revision(), before);
        assert!(store.thesaurus().unwrap().is_empty());
    }
}

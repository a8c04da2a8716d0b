//! The achievement and need catalogues held in memory: every live row, its search index, and
//! the filtered, sorted, searched view the lists show. Pure logic: rows come from the store.

mod achievements;
mod loader;
mod needs;
mod ranking;
mod view;

pub use achievements::{AchievementFilter, AchievementSort, AchievementSortKey};
pub use loader::{Catalogs, Loadable, load_matching};
pub use needs::{NeedFilter, NeedSort, NeedSortKey};
pub use ranking::{PairTexts, pair_texts, rank};
pub use view::{PriceRange, select, sorted_positions, sorted_positions_by_text};

use std::hash::Hash;

use crate::domain::{AchievementId, AchievementRow, ClientId, IdMap, NeedId, NeedRow};
use crate::search::{Doc, Hit, SearchIndex};

/// A row a catalogue can hold.
pub trait Record {
    type Id: Copy + Eq + Ord + Hash + Into<i64>;
    fn id(&self) -> Self::Id;
    /// The client it belongs to (owner or enterprise).
    fn client(&self) -> ClientId;
    fn title(&self) -> &str;
    /// The client's name, searched besides the title and the texts the store reads with the
    /// row (keywords first).
    fn client_name(&self) -> &str;
}

impl Record for AchievementRow {
    type Id = AchievementId;
    fn id(&self) -> AchievementId {
        self.id
    }
    fn client(&self) -> ClientId {
        self.owner
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn client_name(&self) -> &str {
        &self.owner_name
    }
}

impl Record for NeedRow {
    type Id = NeedId;
    fn id(&self) -> NeedId {
        self.id
    }
    fn client(&self) -> ClientId {
        self.enterprise
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn client_name(&self) -> &str {
        &self.enterprise_name
    }
}

/// Rows with their search index, kept in step by `upsert`, `remove` and `replace_client`.
pub struct Catalog<R: Record> {
    rows: Vec<R>,
    positions: IdMap<R::Id>,
    index: SearchIndex<R::Id>,
    revision: u64,
}

impl<R: Record> Default for Catalog<R> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            positions: IdMap::default(),
            index: SearchIndex::default(),
            revision: 0,
        }
    }
}

fn doc<'a, R: Record>(row: &'a R, body: &'a str, rest: &'a mut [&'a str; 2]) -> Doc<'a, R::Id> {
    *rest = [row.client_name(), body];
    Doc {
        id: row.id(),
        title: row.title(),
        rest: rest.as_slice(),
    }
}

impl<R: Record> Catalog<R> {
    /// Builds the catalogue from collected rows and their searched texts.
    pub fn build(items: Vec<(R, String)>) -> Self {
        let mut catalog = Catalog::default();
        catalog.rows.reserve(items.len());
        for (row, body) in items {
            catalog.insert(row, &body);
        }
        catalog.index.shrink();
        catalog
    }

    /// Builds the catalogue as `each` streams rows in (so the texts are never all held at once),
    /// calling `progress` with the number indexed so far. Room for `expected` rows is made at
    /// once: doubled to it instead, the rows were copied at each doubling, with the old and the
    /// new vector held together meanwhile.
    pub fn from_each<E>(
        expected: usize,
        each: impl FnOnce(&mut dyn FnMut(R, &str)) -> Result<(), E>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Self, E> {
        let mut catalog = Catalog::default();
        catalog.rows.reserve_exact(expected);
        catalog.index.reserve(expected);
        let mut count = 0usize;
        each(&mut |row, body| {
            catalog.insert(row, body);
            count += 1;
            if count.is_multiple_of(1024) {
                progress(count);
            }
        })?;
        catalog.index.shrink();
        Ok(catalog)
    }

    fn insert(&mut self, row: R, body: &str) {
        let mut rest = [""; 2];
        self.index.upsert(&doc(&row, body, &mut rest));
        match self.positions.get(row.id()) {
            Some(p) => self.rows[p as usize] = row,
            None => {
                self.positions.insert(row.id(), self.rows.len() as u32);
                self.rows.push(row);
            }
        }
    }

    /// Adds a row or replaces the one with its id.
    pub fn upsert(&mut self, row: R, body: &str) {
        self.insert(row, body);
        self.revision += 1;
    }

    /// Takes a row out (deleted, or its client deleted).
    pub fn remove(&mut self, id: R::Id) {
        let Some(p) = self.positions.remove(id).map(|p| p as usize) else {
            return;
        };
        self.index.remove(id);
        self.rows.swap_remove(p);
        if let Some(moved) = self.rows.get(p) {
            self.positions.insert(moved.id(), p as u32);
        }
        self.revision += 1;
    }

    /// Replaces every row of `client` with `items` (after the client was renamed, deleted or
    /// restored).
    pub fn replace_client(&mut self, client: ClientId, items: Vec<(R, String)>) {
        let old: Vec<R::Id> = self
            .rows
            .iter()
            .filter(|r| r.client() == client)
            .map(Record::id)
            .collect();
        for id in old {
            self.remove(id);
        }
        for (row, body) in items {
            self.upsert(row, &body);
        }
        self.revision += 1;
    }

    pub fn rows(&self) -> &[R] {
        &self.rows
    }

    pub fn get(&self, id: R::Id) -> Option<&R> {
        self.positions
            .get(id)
            .and_then(|p| self.rows.get(p as usize))
    }

    pub fn position(&self, id: R::Id) -> Option<usize> {
        self.positions.get(id).map(|p| p as usize)
    }

    pub fn search(&self, query: &str) -> Vec<Hit<R::Id>> {
        self.index.search(query)
    }

    /// Grows with every change, so views know when to recompute.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Moves the revision to at least `at_least`: a rebuilt catalogue replacing one whose
    /// revision views have already seen.
    pub fn lift_revision(&mut self, at_least: u64) {
        self.revision = self.revision.max(at_least);
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Bytes held by the search index.
    pub fn index_bytes(&self) -> usize {
        self.index.heap_bytes()
    }

    pub fn index_stats(&self) -> crate::search::IndexStats {
        self.index.stats()
    }
}

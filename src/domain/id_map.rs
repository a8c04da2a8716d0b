//! A map from record ids to slot numbers that is a plain vector while the ids are dense.
//!
//! SQLite hands out row ids from 1 upwards, so a catalogue's live ids nearly fill a range from
//! the first (the oldest live record) to the last. Indexed by id from the first inserted, 100,000
//! slots take 0.4 MB where a hash map took 2.2 MB; the catalogue, its search index and the match
//! index each keep one for achievements and one for needs. An id far from the others (a record
//! merged in from another store, say, or one older than the first inserted) goes to a hash map
//! instead, so no id can make the vector huge.

use std::hash::Hash;

use rustc_hash::FxHashMap;

/// Marks an id the vector holds no slot for.
const EMPTY: u32 = u32::MAX;

/// An id is kept in the vector if it lies less than twice the number of ids held, plus this
/// many, past the first.
const DENSE_SLACK: usize = 4096;

#[derive(Debug, Clone)]
pub struct IdMap<I> {
    /// The id at index 0 of `dense`: the first one inserted.
    base: Option<i64>,
    /// Slot of id `base + i` at index `i`, or `EMPTY`.
    dense: Vec<u32>,
    /// Ids that were too far from the others when inserted.
    sparse: FxHashMap<I, u32>,
    len: usize,
}

impl<I> Default for IdMap<I> {
    fn default() -> Self {
        Self {
            base: None,
            dense: Vec::new(),
            sparse: FxHashMap::default(),
            len: 0,
        }
    }
}

impl<I: Copy + Eq + Hash + Into<i64>> IdMap<I> {
    fn index(&self, id: I) -> Option<usize> {
        let base = self.base?;
        usize::try_from(id.into().checked_sub(base)?).ok()
    }

    /// Sets the slot of `id` (which must not be `u32::MAX`), returning the one it replaces.
    pub fn insert(&mut self, id: I, slot: u32) -> Option<u32> {
        debug_assert_ne!(slot, EMPTY);
        if !self.sparse.is_empty()
            && let Some(old) = self.sparse.get_mut(&id)
        {
            return Some(std::mem::replace(old, slot));
        }
        self.base.get_or_insert(id.into());
        match self.index(id) {
            Some(i) if i < self.dense.len() || i < 2 * self.len + DENSE_SLACK => {
                if i >= self.dense.len() {
                    self.dense.resize(i + 1, EMPTY);
                }
                let old = std::mem::replace(&mut self.dense[i], slot);
                if old == EMPTY {
                    self.len += 1;
                    None
                } else {
                    Some(old)
                }
            }
            _ => {
                let old = self.sparse.insert(id, slot);
                if old.is_none() {
                    self.len += 1;
                }
                old
            }
        }
    }

    pub fn get(&self, id: I) -> Option<u32> {
        match self.index(id).and_then(|i| self.dense.get(i)) {
            Some(&slot) if slot != EMPTY => Some(slot),
            _ if self.sparse.is_empty() => None,
            _ => self.sparse.get(&id).copied(),
        }
    }

    pub fn remove(&mut self, id: I) -> Option<u32> {
        let removed = match self.index(id).and_then(|i| self.dense.get_mut(i)) {
            Some(slot) if *slot != EMPTY => Some(std::mem::replace(slot, EMPTY)),
            _ if self.sparse.is_empty() => None,
            _ => self.sparse.remove(&id),
        };
        if removed.is_some() {
            self.len -= 1;
        }
        removed
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes it holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.dense.capacity() * std::mem::size_of::<u32>()
            + self.sparse.capacity() * (std::mem::size_of::<(I, u32)>() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_ids_live_in_the_vector_and_behave_as_a_map() {
        let mut m = IdMap::<i64>::default();
        for id in 1..=10_000 {
            assert_eq!(m.insert(id, (id * 2) as u32), None);
        }
        assert_eq!(m.insert(7, 1), Some(14));
        assert_eq!(m.get(7), Some(1));
        assert_eq!(m.get(8), Some(16));
        assert_eq!(m.get(0), None);
        assert_eq!(m.get(10_001), None);
        assert_eq!(m.get(-3), None);
        assert_eq!(m.remove(8), Some(16));
        assert_eq!(m.remove(8), None);
        assert_eq!(m.get(8), None);
        assert_eq!(m.len(), 9_999);
        assert!(m.sparse.is_empty());
        assert!(m.heap_bytes() < 10_001 * 4 * 2);
    }

    #[test]
    fn far_and_negative_ids_go_to_the_hash_map() {
        let mut m = IdMap::<i64>::default();
        m.insert(1, 10);
        m.insert(i64::MAX, 11);
        m.insert(-5, 12);
        m.insert(5_000_000_000, 13);
        assert_eq!(m.dense.len(), 1);
        assert_eq!(m.len(), 4);
        assert_eq!(
            [1, i64::MAX, -5, 5_000_000_000].map(|id| m.get(id)),
            [Some(10), Some(11), Some(12), Some(13)]
        );
        assert_eq!(m.insert(-5, 14), Some(12));
        assert_eq!(m.remove(i64::MAX), Some(11));
        assert_eq!(m.get(i64::MAX), None);
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn an_id_kept_in_the_hash_map_stays_found_once_the_vector_grows_past_it() {
        let mut m = IdMap::<i64>::default();
        m.insert(1, 2);
        m.insert(9_000, 1);
        assert_eq!(m.dense.len(), 1, "9,000 went to the hash map");
        for id in (2..=9_500).filter(|&id| id != 9_000) {
            m.insert(id, 2);
        }
        assert!(m.dense.len() > 9_000, "the vector grew past the far id");
        assert_eq!(m.get(9_000), Some(1));
        assert_eq!(m.insert(9_000, 3), Some(1));
        assert_eq!(m.get(9_000), Some(3));
        assert_eq!(m.len(), 9_500);
        assert_eq!(m.remove(9_000), Some(3));
        assert_eq!(m.get(9_000), None);
        assert_eq!(m.len(), 9_499);
    }

    #[test]
    fn ids_counted_from_the_first_inserted_fill_the_vector_even_far_from_zero() {
        let mut m = IdMap::<i64>::default();
        for id in (100_001..=110_000).step_by(2) {
            m.insert(id, id as u32);
        }
        assert!(m.sparse.is_empty());
        assert_eq!(m.dense.len(), 9_999);
        assert_eq!(m.get(100_001), Some(100_001));
        assert_eq!(m.get(109_999), Some(109_999));
        assert_eq!(m.get(100_002), None);
        assert_eq!(m.get(1), None);
        m.insert(7, 7);
        assert_eq!(m.get(7), Some(7), "an older id goes to the hash map");
        assert_eq!(m.len(), 5_001);
    }
}

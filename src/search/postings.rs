//! A sorted list of slot numbers, stored as varint-encoded gaps, or as a bitmap once it holds so
//! many of the slots that a bit per slot takes less.

use super::varint;

/// Appending only: slots are numbered in insertion order, so each new one is the largest.
#[derive(Default)]
pub struct Postings {
    /// Gaps, or with `bitmap` a bit per slot up to `last`.
    bytes: Vec<u8>,
    last: u32,
    len: u32,
    bitmap: bool,
    /// Bytes the list would take as gaps, kept while it is a bitmap.
    gaps_len: u32,
}

/// A list becomes a bitmap only with this many slots, so the share of slots it holds is known
/// well enough to expect it to stay dense as records are added.
const BITMAP_MIN_LEN: u32 = 1024;

fn bitmap_len(last: u32) -> usize {
    last as usize / 8 + 1
}

#[inline]
fn set_bit(bits: &mut Vec<u8>, slot: u32) {
    let i = slot as usize / 8;
    if bits.len() <= i {
        bits.resize(i + 1, 0);
    }
    if let Some(byte) = bits.get_mut(i) {
        *byte |= 1 << (slot % 8);
    }
}

impl Postings {
    /// Adds `slot`, which must be larger than every slot already in the list.
    #[inline]
    pub fn push(&mut self, slot: u32) {
        if self.bitmap {
            self.push_bit(slot);
            return;
        }
        varint::push(
            &mut self.bytes,
            if self.len == 0 {
                slot
            } else {
                slot - self.last
            },
        );
        self.last = slot;
        self.len += 1;
    }

    /// Adds `slot` unless the list already ends with it; `slot` must be at least the largest
    /// slot in the list.
    #[inline]
    pub fn push_once(&mut self, slot: u32) {
        if self.len == 0 || self.last != slot {
            self.push(slot);
        }
    }

    /// Lists become bitmaps only when the index settles after a load, so the load's pushes
    /// stay on the plain path.
    #[cold]
    fn push_bit(&mut self, slot: u32) {
        set_bit(&mut self.bytes, slot);
        self.gaps_len += varint::len(slot - self.last) as u32;
        self.last = slot;
        self.len += 1;
    }

    fn become_gaps(&mut self) {
        let mut gaps = Postings::default();
        for slot in self.iter() {
            gaps.push(slot);
        }
        *self = gaps;
    }

    fn become_bitmap(&mut self) {
        let mut bits = Vec::with_capacity(bitmap_len(self.last));
        for slot in self.iter() {
            set_bit(&mut bits, slot);
        }
        self.gaps_len = self.bytes.len() as u32;
        self.bytes = bits;
        self.bitmap = true;
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn iter(&self) -> PostingsIter<'_> {
        PostingsIter {
            bytes: &self.bytes,
            bitmap: self.bitmap,
            pos: 0,
            current: 0,
        }
    }

    /// Whether `slot` is set, in a list that is a bitmap.
    fn contains_in_bitmap(&self, slot: u32) -> bool {
        self.bytes
            .get(slot as usize / 8)
            .is_some_and(|b| b & (1 << (slot % 8)) != 0)
    }

    /// Takes the smaller form, a dense list becoming a bitmap and a bitmap whose slots grew
    /// sparse going back to gaps, and releases spare capacity.
    pub fn shrink_to_fit(&mut self) {
        if self.bitmap {
            if (self.gaps_len as usize) < self.bytes.len() {
                self.become_gaps();
            }
        } else if self.len >= BITMAP_MIN_LEN && self.bytes.len() > bitmap_len(self.last) {
            self.become_bitmap();
        }
        self.bytes.shrink_to_fit();
    }

    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
    }
}

pub struct PostingsIter<'a> {
    bytes: &'a [u8],
    bitmap: bool,
    /// The next byte to read; in a bitmap, with `current` the bits of the byte before it still
    /// to give.
    pos: usize,
    current: u32,
}

impl Iterator for PostingsIter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.bitmap {
            while self.current == 0 {
                self.current = u32::from(*self.bytes.get(self.pos)?);
                self.pos += 1;
            }
            let bit = self.current.trailing_zeros();
            self.current &= self.current - 1;
            return Some((self.pos as u32 - 1) * 8 + bit);
        }
        if self.pos >= self.bytes.len() {
            return None;
        }
        self.current += varint::read(self.bytes, &mut self.pos);
        Some(self.current)
    }
}

/// Keeps the values of `sorted` that also occur in `list`.
pub fn retain_in(sorted: &mut Vec<u32>, list: &Postings) {
    if list.bitmap {
        sorted.retain(|&v| list.contains_in_bitmap(v));
        return;
    }
    let mut other = list.iter().peekable();
    sorted.retain(|&v| {
        while other.next_if(|&o| o < v).is_some() {}
        other.peek() == Some(&v)
    });
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn round_trips_small_and_large_gaps() {
        let values = [0u32, 1, 2, 130, 20_000, 20_001, 4_000_000_000];
        let mut p = Postings::default();
        for v in values {
            p.push(v);
        }
        assert_eq!(p.iter().collect::<Vec<_>>(), values);
        assert_eq!(p.len(), values.len());
    }

    #[test]
    fn a_slot_pushed_again_is_kept_once_slot_zero_included() {
        let mut p = Postings::default();
        for v in [0, 0, 4, 4, 4, 9] {
            p.push_once(v);
        }
        assert_eq!(p.iter().collect::<Vec<_>>(), vec![0, 4, 9]);
        assert_eq!(p.len(), 3);
        let mut dense = list(0..2_000);
        dense.shrink_to_fit();
        assert!(dense.bitmap);
        dense.push_once(1_999);
        dense.push_once(2_500);
        dense.push_once(2_500);
        assert_eq!(dense.len(), 2_001);
    }

    #[test]
    fn retain_in_intersects() {
        let mut p = Postings::default();
        for v in [2, 3, 5, 8, 13] {
            p.push(v);
        }
        let mut sorted = vec![1, 2, 5, 6, 13, 14];
        retain_in(&mut sorted, &p);
        assert_eq!(sorted, vec![2, 5, 13]);
    }

    fn list(slots: impl IntoIterator<Item = u32>) -> Postings {
        let mut p = Postings::default();
        for v in slots {
            p.push(v);
        }
        p
    }

    #[test]
    fn a_dense_list_becomes_a_bitmap_and_reads_the_same() {
        let slots: Vec<u32> = (0..20_000).filter(|v| v % 3 != 1).collect();
        let mut p = list(slots.iter().copied());
        assert!(!p.bitmap);
        p.shrink_to_fit();
        assert!(p.bitmap);
        assert_eq!(p.iter().collect::<Vec<_>>(), slots);
        assert_eq!(p.len(), slots.len());
        p.push(70_001);
        p.shrink_to_fit();
        assert!(p.bitmap);
        assert!(p.heap_bytes() <= 70_001 / 8 + 1);
        assert_eq!(p.iter().last(), Some(70_001));
        let mut sorted = vec![0, 1, 2, 3, 19_999, 20_000, 70_001, 70_002];
        retain_in(&mut sorted, &p);
        assert_eq!(sorted, vec![0, 2, 3, 70_001]);
    }

    #[test]
    fn a_short_or_sparse_list_keeps_its_gaps() {
        let mut short = list(0..BITMAP_MIN_LEN - 1);
        short.shrink_to_fit();
        assert!(!short.bitmap);
        let mut sparse = list((0..5_000).map(|v| v * 100));
        sparse.shrink_to_fit();
        assert!(!sparse.bitmap);
        assert_eq!(sparse.iter().nth(4_999), Some(499_900));
    }

    #[test]
    fn a_bitmap_whose_slots_grew_sparse_goes_back_to_gaps() {
        let mut p = list(0..2_000);
        p.shrink_to_fit();
        assert!(p.bitmap);
        for v in 1..200 {
            p.push(2_000 + v * 5_000);
        }
        let before: Vec<u32> = p.iter().collect();
        assert_eq!(before.len(), 2_199);
        p.shrink_to_fit();
        assert!(!p.bitmap);
        assert_eq!(p.iter().collect::<Vec<_>>(), before);
        assert!(p.heap_bytes() < 2_000 + 200 * 3);
        p.push(2_000_000);
        assert_eq!(p.iter().last(), Some(2_000_000));
    }

    proptest! {
        /// Lists of every density, dense first and sparse later or the other way round, read
        /// back and intersect the same as gaps and as bitmaps, with slots added after they
        /// settled.
        #[test]
        fn every_list_reads_back_and_intersects_as_written(
            steps in prop::collection::vec((1u32..4, 0usize..3000, 1u32..400), 1..5),
            settle_after in 0usize..5,
            probe in prop::collection::btree_set(0u32..600_000, 0..300),
        ) {
            let mut slots = Vec::new();
            let mut p = Postings::default();
            let mut next = 0u32;
            for (step, (gap, count, sparse_gap)) in steps.into_iter().enumerate() {
                if step == settle_after {
                    p.shrink_to_fit();
                }
                for _ in 0..count {
                    slots.push(next);
                    p.push(next);
                    next += gap;
                }
                next += sparse_gap * 100;
            }
            let probe: Vec<u32> = probe.into_iter().collect();
            let expected: Vec<u32> = probe.iter().copied().filter(|v| slots.contains(v)).collect();
            for _ in 0..2 {
                prop_assert_eq!(p.iter().collect::<Vec<_>>(), slots.clone());
                prop_assert_eq!(p.len(), slots.len());
                let mut sorted = probe.clone();
                retain_in(&mut sorted, &p);
                prop_assert_eq!(&sorted, &expected);
                p.shrink_to_fit();
            }
        }
    }
}

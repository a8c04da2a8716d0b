//! A sorted list of slot numbers, stored as varint-encoded gaps.

use super::varint;

/// Appending only: slots are numbered in insertion order, so each new one is the largest.
#[derive(Default)]
pub struct Postings {
    bytes: Vec<u8>,
    last: u32,
    len: u32,
}

impl Postings {
    /// Adds `slot`, which must be larger than every slot already in the list.
    pub fn push(&mut self, slot: u32) {
        let mut gap = if self.len == 0 {
            slot
        } else {
            slot - self.last
        };
        loop {
            let byte = (gap & 0x7F) as u8;
            gap >>= 7;
            if gap == 0 {
                self.bytes.push(byte);
                break;
            }
            self.bytes.push(byte | 0x80);
        }
        self.last = slot;
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn iter(&self) -> PostingsIter<'_> {
        PostingsIter {
            bytes: &self.bytes,
            pos: 0,
            current: 0,
        }
    }

    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
    }

    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
    }
}

pub struct PostingsIter<'a> {
    bytes: &'a [u8],
    pos: usize,
    current: u32,
}

impl Iterator for PostingsIter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        self.current += varint::read(self.bytes, &mut self.pos);
        Some(self.current)
    }
}

/// Keeps the values of `sorted` that also occur in `list`.
pub fn retain_in(sorted: &mut Vec<u32>, list: &Postings) {
    let mut other = list.iter().peekable();
    sorted.retain(|&v| {
        while other.next_if(|&o| o < v).is_some() {}
        other.peek() == Some(&v)
    });
}

#[cfg(test)]
mod tests {
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
    fn retain_in_intersects() {
        let mut p = Postings::default();
        for v in [2, 3, 5, 8, 13] {
            p.push(v);
        }
        let mut sorted = vec![1, 2, 5, 6, 13, 14];
        retain_in(&mut sorted, &p);
        assert_eq!(sorted, vec![2, 5, 13]);
    }
}

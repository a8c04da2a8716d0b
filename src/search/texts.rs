//! The index's coded texts, end to end in large chunks instead of one allocation each: a text
//! of 344 bytes (the catalogue's mean) took an allocator block of up to 384, and 100,000 of them
//! lost 3 MiB to that rounding.

/// Where a text lies in [`Texts`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextRef {
    chunk: u32,
    start: u32,
    len: u32,
}

impl TextRef {
    pub fn len(self) -> usize {
        self.len as usize
    }
}

/// Texts are appended and never moved, except all at once by [`Texts::compacted`].
#[derive(Default)]
pub struct Texts {
    chunks: Vec<Vec<u8>>,
    /// Bytes of texts let go of (edited or deleted records).
    released: usize,
}

/// Each chunk's size: allocated once, its pages touched only as texts fill it.
const CHUNK: usize = 1 << 20;

impl Texts {
    pub fn push(&mut self, text: &[u8]) -> TextRef {
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= text.len());
        if !fits {
            self.chunks.push(Vec::with_capacity(CHUNK.max(text.len())));
        }
        let chunk = self.chunks.len() - 1;
        let Some(c) = self.chunks.last_mut() else {
            return TextRef::default();
        };
        let start = c.len();
        c.extend_from_slice(text);
        TextRef {
            chunk: chunk as u32,
            start: start as u32,
            len: text.len() as u32,
        }
    }

    pub fn get(&self, at: TextRef) -> &[u8] {
        let start = at.start as usize;
        self.chunks
            .get(at.chunk as usize)
            .and_then(|c| c.get(start..start + at.len as usize))
            .unwrap_or_default()
    }

    /// Notes that the text at `at` is no longer read.
    pub fn release(&mut self, at: TextRef) {
        self.released += at.len();
    }

    /// Whether enough has been let go of that copying the rest out is worth it.
    pub fn wants_compacting(&self) -> bool {
        self.released > CHUNK && self.released > self.held_bytes() / 4
    }

    /// Bytes of live texts.
    pub fn held_bytes(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum::<usize>() - self.released
    }

    #[cfg(test)]
    pub fn released_bytes(&self) -> usize {
        self.released
    }

    /// The chunks' spare room returned, once no more texts are expected soon.
    pub fn shrink(&mut self) {
        if let Some(last) = self.chunks.last_mut() {
            last.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_as_pushed_across_chunks() {
        let mut t = Texts::default();
        let long = vec![7u8; CHUNK + 5];
        let refs: Vec<(TextRef, Vec<u8>)> = (0..3000u32)
            .map(|i| {
                let text = if i == 1500 {
                    long.clone()
                } else {
                    i.to_le_bytes().repeat(1 + (i as usize % 200))
                };
                (t.push(&text), text)
            })
            .collect();
        assert!(t.chunks.len() >= 3, "the long text has a chunk of its own");
        for (at, text) in &refs {
            assert_eq!(t.get(*at), text.as_slice());
        }
        let empty = t.push(&[]);
        assert_eq!(t.get(empty), b"");
    }

    #[test]
    fn compacting_is_wanted_once_a_quarter_is_let_go_of() {
        let mut t = Texts::default();
        let refs: Vec<TextRef> = (0..10_000).map(|_| t.push(&[1u8; 500])).collect();
        for &r in &refs[..1_000] {
            t.release(r);
        }
        assert!(!t.wants_compacting());
        for &r in &refs[1_000..2_500] {
            t.release(r);
        }
        assert!(t.wants_compacting());
        assert_eq!(t.held_bytes(), 7_500 * 500);
    }
}

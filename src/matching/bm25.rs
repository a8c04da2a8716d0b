//! Okapi BM25 over token postings, built incrementally: a document added later just appends.

use rustc_hash::FxHashMap;

use super::tokens::Token;
use crate::search::varint;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Below this many documents every term counts: a small catalogue has no "common words".
const MIN_DOCS_TO_SKIP: f32 = 1000.0;

/// One term's documents as varint gaps, each followed by the term's count in it (capped at 255).
#[derive(Default)]
struct TermPostings {
    bytes: Vec<u8>,
    last: u32,
    len: u32,
}

impl TermPostings {
    fn push(&mut self, slot: u32, tf: u8) {
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
        self.bytes.push(tf);
        self.last = slot;
        self.len += 1;
    }

    fn for_each(&self, mut f: impl FnMut(u32, u8)) {
        let mut pos = 0;
        let mut slot = 0u32;
        while pos < self.bytes.len() {
            slot += varint::read(&self.bytes, &mut pos);
            let tf = self.bytes.get(pos).copied().unwrap_or(1);
            pos += 1;
            f(slot, tf);
        }
    }
}

/// Documents are numbered by slot in the order they were added; the caller maps slots to
/// records and skips retired ones.
#[derive(Default)]
pub struct Bm25 {
    terms: FxHashMap<Token, TermPostings>,
    lengths: Vec<u32>,
    total_length: u64,
}

impl Bm25 {
    /// Adds a document given as weighted tokens (a title token may count twice); returns its
    /// slot.
    pub fn add(&mut self, tokens: &[(Token, u8)]) -> u32 {
        let slot = self.lengths.len() as u32;
        let mut counts: Vec<(Token, u32)> = Vec::with_capacity(tokens.len());
        let mut sorted: Vec<(Token, u8)> = tokens.to_vec();
        sorted.sort_unstable_by_key(|t| t.0);
        for (token, weight) in sorted {
            match counts.last_mut() {
                Some((t, n)) if *t == token => *n += u32::from(weight),
                _ => counts.push((token, u32::from(weight))),
            }
        }
        let length: u32 = counts.iter().map(|c| c.1).sum();
        for (token, n) in counts {
            self.terms
                .entry(token)
                .or_default()
                .push(slot, n.min(255) as u8);
        }
        self.lengths.push(length);
        self.total_length += u64::from(length);
        slot
    }

    /// Whether `token` says something in this collection: it occurs somewhere, and is not one of
    /// the common terms scoring skips.
    pub fn is_informative(&self, token: Token, max_df: f32) -> bool {
        let n = self.lengths.len() as f32;
        self.terms
            .get(&token)
            .is_some_and(|p| n < MIN_DOCS_TO_SKIP || p.len as f32 <= max_df * n)
    }

    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    pub fn slots(&self) -> usize {
        self.lengths.len()
    }

    /// Adds each query token's BM25 contribution to `scores[slot]`, skipping terms in more
    /// than `max_df` of the documents once there are enough documents for that to mean "common
    /// word" (they say little and cost the most). Records the slots touched.
    pub fn score(&self, query: &[Token], max_df: f32, scores: &mut [f32], touched: &mut Vec<u32>) {
        let n = self.lengths.len().max(1) as f32;
        let avg = (self.total_length as f32 / n).max(1.0);
        let mut seen: Vec<Token> = query.to_vec();
        seen.sort_unstable();
        seen.dedup();
        for token in seen {
            let Some(p) = self.terms.get(&token) else {
                continue;
            };
            let df = p.len as f32;
            if n >= MIN_DOCS_TO_SKIP && df > max_df * n {
                continue;
            }
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            p.for_each(|slot, tf| {
                let Some(score) = scores.get_mut(slot as usize) else {
                    return;
                };
                let len = self.lengths.get(slot as usize).copied().unwrap_or(0) as f32;
                let tf = f32::from(tf);
                if *score == 0.0 {
                    touched.push(slot);
                }
                *score += idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg));
            });
        }
    }

    /// Bytes held by the postings, for the README.
    pub fn heap_bytes(&self) -> usize {
        self.terms
            .values()
            .map(|p| p.bytes.capacity() + std::mem::size_of::<TermPostings>() + 8)
            .sum::<usize>()
            + self.lengths.capacity() * 4
    }

    pub fn shrink(&mut self) {
        for p in self.terms.values_mut() {
            p.bytes.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::tokens::tokens;

    fn doc(text: &str) -> Vec<(Token, u8)> {
        tokens(text).into_iter().map(|t| (t, 1)).collect()
    }

    #[test]
    fn documents_sharing_rare_terms_score_higher() {
        let mut ix = Bm25::default();
        ix.add(&doc("锂电池正极材料回收技术"));
        ix.add(&doc("永磁同步电机控制技术"));
        ix.add(&doc("电池管理系统BMS"));
        let mut scores = vec![0.0; 3];
        let mut touched = Vec::new();
        ix.score(&tokens("动力电池回收"), 1.0, &mut scores, &mut touched);
        assert!(scores[0] > scores[2] && scores[2] > 0.0);
        assert_eq!(scores[1], 0.0);
        touched.sort();
        assert_eq!(touched, vec![0, 2]);
    }

    #[test]
    fn very_common_terms_are_skipped_in_a_large_catalogue_only() {
        let mut ix = Bm25::default();
        for i in 0..1000 {
            ix.add(&doc(if i % 2 == 0 { "技术" } else { "电池" }));
        }
        let mut scores = vec![0.0; 1000];
        let mut touched = Vec::new();
        ix.score(&tokens("技术"), 0.4, &mut scores, &mut touched);
        assert!(touched.is_empty());
        ix.score(&tokens("技术"), 0.6, &mut scores, &mut touched);
        assert_eq!(touched.len(), 500);
    }
}

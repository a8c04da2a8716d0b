//! BM25 over token postings, field-aware (BM25F), built incrementally: a document added later
//! just appends.

use rustc_hash::FxHashMap;

use super::tokens::Token;
use super::tuning::{K1, Tuning};
use crate::search::varint;

/// A document's fields: title, keywords, body.
pub const FIELDS: usize = 3;
/// Below this many documents every term counts: a small catalogue has no "common words".
const MIN_DOCS_TO_SKIP: f32 = 1000.0;
/// The plain (not field-aware) length normalisation.
const B: f32 = 0.75;
/// In plain BM25, title and keywords count twice, as the engine always did.
const PLAIN_WEIGHTS: [u32; FIELDS] = [2, 2, 1];

/// One term's documents as varint gaps, each followed by one byte of the term's counts: in the
/// title and keywords two bits each (capped at 3), in the body four (capped at 15). With the
/// saturation of BM25 (k1 = 1.2) a count past the cap adds under 5% to a score, and one byte
/// instead of two saves 15 MiB at 100,000 achievements.
#[derive(Default)]
struct TermPostings {
    bytes: Vec<u8>,
    last: u32,
    len: u32,
    /// Too common to score when loading ended: the list was dropped and only `len` is kept.
    common: bool,
}

const TITLE_CAP: u32 = 3;
const KEYWORDS_CAP: u32 = 3;
const BODY_CAP: u32 = 15;

impl TermPostings {
    fn push(&mut self, slot: u32, tf: [u32; FIELDS]) {
        if self.common {
            self.len += 1;
            return;
        }
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
        let counts =
            (tf[0].min(TITLE_CAP) << 6) | (tf[1].min(KEYWORDS_CAP) << 4) | tf[2].min(BODY_CAP);
        self.bytes.push(counts as u8);
        self.last = slot;
        self.len += 1;
    }

    fn for_each(&self, mut f: impl FnMut(u32, [u8; FIELDS])) {
        let mut pos = 0;
        let mut slot = 0u32;
        while pos < self.bytes.len() {
            slot += varint::read(&self.bytes, &mut pos);
            let counts = self.bytes.get(pos).copied().unwrap_or(0);
            pos += 1;
            f(slot, [counts >> 6, (counts >> 4) & 0x03, counts & 0x0F]);
        }
    }
}

/// A query term: its weight in the query, and the bit it sets in a document's mask of matched
/// terms (for phrases), if it has one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QueryTerm {
    pub token: Token,
    pub weight: f32,
    pub bit: Option<u8>,
}

/// Per-query buffers, indexed by slot: the score, and which of the query's bits matched.
#[derive(Default)]
pub struct Scratch {
    pub scores: Vec<f32>,
    pub masks: Vec<u64>,
    pub touched: Vec<u32>,
}

impl Scratch {
    fn prepare(&mut self, slots: usize) {
        self.scores.resize(slots, 0.0);
        self.masks.resize(slots, 0);
        self.touched.clear();
    }

    /// Zeroes what the last query wrote.
    pub fn clear(&mut self) {
        for &slot in &self.touched {
            if let Some(s) = self.scores.get_mut(slot as usize) {
                *s = 0.0;
            }
            if let Some(m) = self.masks.get_mut(slot as usize) {
                *m = 0;
            }
        }
        self.touched.clear();
    }
}

/// Documents are numbered by slot in the order they were added; the caller maps slots to
/// records and skips retired ones.
pub struct Bm25 {
    terms: FxHashMap<Token, TermPostings>,
    lengths: Vec<[u16; FIELDS]>,
    total_length: [u64; FIELDS],
    /// While loading: a term in more documents than this is common whatever else is added,
    /// and its list is dropped at once, which keeps the load's peak memory down.
    common_above: u32,
    /// Reused by [`Bm25::add`] for each field's sorted tokens, so adding allocates nothing.
    sorted: [Vec<Token>; FIELDS],
}

impl Default for Bm25 {
    fn default() -> Self {
        Self {
            terms: FxHashMap::default(),
            lengths: Vec::new(),
            total_length: [0; FIELDS],
            common_above: u32::MAX,
            sorted: Default::default(),
        }
    }
}

impl Bm25 {
    /// At most `docs` documents will be added before [`Bm25::shrink`]. A term in more than
    /// `max_df` of them (and in more than the catalogue size from which terms are skipped at
    /// all) is common at the end too.
    pub fn plan_for(&mut self, docs: usize, max_df: f32) {
        let share = (max_df * docs as f32) as u32;
        self.common_above = share.max(MIN_DOCS_TO_SKIP as u32);
        self.lengths.reserve_exact(docs);
    }

    /// Adds a document given as the tokens of each field; returns its slot.
    pub fn add(&mut self, fields: [&[Token]; FIELDS]) -> u32 {
        let slot = self.lengths.len() as u32;
        // Each field's tokens sorted apart (plain integers sort fastest), then merged: each
        // distinct token once, with its count in every field.
        let sorted = &mut self.sorted;
        for (v, tokens) in sorted.iter_mut().zip(fields) {
            v.clear();
            v.extend_from_slice(tokens);
            v.sort_unstable();
        }
        let mut at = [0usize; FIELDS];
        while let Some(token) = (0..FIELDS)
            .filter_map(|f| sorted[f].get(at[f]))
            .min()
            .copied()
        {
            let mut tf = [0u32; FIELDS];
            for f in 0..FIELDS {
                while sorted[f].get(at[f]) == Some(&token) {
                    tf[f] += 1;
                    at[f] += 1;
                }
            }
            let p = self.terms.entry(token).or_default();
            p.push(slot, tf);
            if p.len > self.common_above && !p.common {
                p.common = true;
                p.bytes = Vec::new();
            }
        }
        let mut lengths = [0u16; FIELDS];
        for (f, tokens) in fields.iter().enumerate() {
            lengths[f] = tokens.len().min(usize::from(u16::MAX)) as u16;
            self.total_length[f] += u64::from(lengths[f]);
        }
        self.lengths.push(lengths);
        slot
    }

    fn docs(&self) -> f32 {
        self.lengths.len().max(1) as f32
    }

    /// Whether a term in `df` documents is too common to say anything (技术, 一种, 提高), once
    /// the catalogue is large enough for that to mean "common word".
    fn is_common(&self, p: &TermPostings, max_df: f32) -> bool {
        let n = self.lengths.len() as f32;
        p.common || (n >= MIN_DOCS_TO_SKIP && p.len as f32 > max_df * n)
    }

    /// Whether `token` says something in this collection: it occurs somewhere, and is not one of
    /// the common terms scoring skips.
    pub fn is_informative(&self, token: Token, max_df: f32) -> bool {
        self.terms
            .get(&token)
            .is_some_and(|p| !self.is_common(p, max_df))
    }

    /// The term's inverse document frequency; 0 for an unknown or common term.
    pub fn idf(&self, token: Token, max_df: f32) -> f32 {
        let Some(p) = self.terms.get(&token) else {
            return 0.0;
        };
        if self.is_common(p, max_df) {
            return 0.0;
        }
        let df = p.len as f32;
        let n = self.docs();
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Adds each query term's contribution, times its weight, to `scratch.scores[slot]`, and
    /// its bit to the slot's mask; records the slots touched. `fielded` chooses BM25F over
    /// plain BM25, with the tuning's field weights.
    pub fn score(&self, query: &[QueryTerm], max_df: f32, tuning: &Tuning, scratch: &mut Scratch) {
        let fielded = tuning.fields;
        let (field_weights, field_b) = (tuning.field_weights, tuning.field_b);
        scratch.prepare(self.lengths.len());
        let n = self.docs();
        let avg: [f32; FIELDS] =
            std::array::from_fn(|f| (self.total_length[f] as f32 / n).max(1.0));
        let plain_avg = PLAIN_WEIGHTS
            .iter()
            .zip(avg)
            .map(|(w, a)| *w as f32 * a)
            .sum::<f32>()
            .max(1.0);
        for term in query {
            let idf = self.idf(term.token, max_df);
            if idf <= 0.0 || term.weight <= 0.0 {
                continue;
            }
            let Some(p) = self.terms.get(&term.token) else {
                continue;
            };
            let bit = term.bit.map_or(0, |b| 1u64 << b);
            let scores = &mut scratch.scores;
            let masks = &mut scratch.masks;
            let touched = &mut scratch.touched;
            p.for_each(|slot, tf| {
                let s = slot as usize;
                let (Some(score), Some(len)) = (scores.get_mut(s), self.lengths.get(s)) else {
                    return;
                };
                let tf_sum = if fielded {
                    (0..FIELDS)
                        .map(|f| {
                            let norm = 1.0 - field_b[f] + field_b[f] * f32::from(len[f]) / avg[f];
                            field_weights[f] * f32::from(tf[f]) / norm
                        })
                        .sum::<f32>()
                } else {
                    let tf: u32 = (0..FIELDS)
                        .map(|f| PLAIN_WEIGHTS[f] * u32::from(tf[f]))
                        .sum();
                    let len: u32 = (0..FIELDS)
                        .map(|f| PLAIN_WEIGHTS[f] * u32::from(len[f]))
                        .sum();
                    tf as f32 / (1.0 - B + B * len as f32 / plain_avg)
                };
                if *score == 0.0 && masks[s] == 0 {
                    touched.push(slot);
                }
                *score += term.weight * idf * tf_sum * (K1 + 1.0) / (tf_sum + K1);
                masks[s] |= bit;
            });
        }
    }

    /// Bytes held by the postings, for the README.
    pub fn heap_bytes(&self) -> usize {
        self.terms
            .values()
            .map(|p| p.bytes.capacity() + std::mem::size_of::<TermPostings>() + 8)
            .sum::<usize>()
            + self.lengths.capacity() * std::mem::size_of::<[u16; FIELDS]>()
    }

    /// Returns spare capacity, and drops the lists of terms too common to score at `max_df`
    /// (scoring never reads them): at 100,000 achievements a handful of terms (技术, 一种, 提高)
    /// hold a fifth of all postings. Such a term stays common until the next load, even if
    /// later documents make it rarer.
    pub fn shrink(&mut self, max_df: f32) {
        self.common_above = u32::MAX;
        let n = self.lengths.len() as f32;
        for p in self.terms.values_mut() {
            if n >= MIN_DOCS_TO_SKIP && p.len as f32 > max_df * n {
                p.common = true;
                p.bytes = Vec::new();
            }
            p.bytes.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::tokens::tokens;

    fn query(text: &str) -> Vec<QueryTerm> {
        let mut t = tokens(text);
        t.sort_unstable();
        t.dedup();
        t.into_iter()
            .map(|token| QueryTerm {
                token,
                weight: 1.0,
                bit: None,
            })
            .collect()
    }

    fn add(ix: &mut Bm25, title: &str, body: &str) {
        ix.add([&tokens(title), &[], &tokens(body)]);
    }

    #[test]
    fn documents_sharing_rare_terms_score_higher() {
        let mut ix = Bm25::default();
        add(&mut ix, "锂电池正极材料回收技术", "");
        add(&mut ix, "永磁同步电机控制技术", "");
        add(&mut ix, "电池管理系统BMS", "");
        for fields in [false, true] {
            let t = Tuning {
                fields,
                ..Tuning::default()
            };
            let mut s = Scratch::default();
            ix.score(&query("动力电池回收"), 1.0, &t, &mut s);
            assert!(s.scores[0] > s.scores[2] && s.scores[2] > 0.0);
            assert_eq!(s.scores[1], 0.0);
            s.touched.sort();
            assert_eq!(s.touched, vec![0, 2]);
        }
    }

    #[test]
    fn a_title_match_outweighs_the_same_match_in_the_body_when_fields_count() {
        let mut ix = Bm25::default();
        add(&mut ix, "电池回收", "一种工艺方法");
        add(&mut ix, "一种工艺方法", "电池回收");
        let mut s = Scratch::default();
        ix.score(&query("电池回收"), 1.0, &Tuning::default(), &mut s);
        assert!(s.scores[0] > s.scores[1] && s.scores[1] > 0.0);
    }

    #[test]
    fn very_common_terms_are_skipped_in_a_large_catalogue_only() {
        let mut ix = Bm25::default();
        for i in 0..1000 {
            add(&mut ix, if i % 2 == 0 { "技术" } else { "电池" }, "");
        }
        let mut s = Scratch::default();
        ix.score(&query("技术"), 0.4, &Tuning::default(), &mut s);
        assert!(s.touched.is_empty());
        ix.score(&query("技术"), 0.6, &Tuning::default(), &mut s);
        assert_eq!(s.touched.len(), 500);
    }

    #[test]
    fn lists_too_common_to_score_are_dropped_when_loading_ends_and_stay_unscored() {
        let mut ix = Bm25::default();
        for i in 0..1000 {
            add(&mut ix, if i % 2 == 0 { "技术" } else { "电池" }, "");
        }
        let posting_bytes = |ix: &Bm25| ix.terms.values().map(|p| p.bytes.len()).sum::<usize>();
        assert!(posting_bytes(&ix) > 0);
        ix.shrink(0.4);
        assert_eq!(posting_bytes(&ix), 0);
        let mut s = Scratch::default();
        ix.score(&query("技术"), 0.6, &Tuning::default(), &mut s);
        assert!(s.touched.is_empty());
        assert!(!ix.is_informative(query("电池")[0].token, 0.6));
        for _ in 0..4000 {
            add(&mut ix, "材料", "");
        }
        ix.score(&query("技术"), 0.4, &Tuning::default(), &mut s);
        assert!(s.touched.is_empty());
    }

    #[test]
    fn a_list_certain_to_be_common_is_dropped_while_loading_and_nothing_else() {
        let mut expected = Bm25::default();
        expected.plan_for(4000, 0.4);
        let mut plain = Bm25::default();
        for i in 0..4000 {
            let title = if i % 2 == 0 { "技术" } else { "电池" };
            let body = if i % 5 == 0 { "材料" } else { "" };
            for ix in [&mut expected, &mut plain] {
                add(ix, title, body);
            }
            if i == 3500 {
                let t = query("技术")[0].token;
                assert!(expected.terms[&t].common && !plain.terms[&t].common);
            }
        }
        expected.shrink(0.4);
        plain.shrink(0.4);
        for text in ["技术", "电池", "材料"] {
            let mut a = Scratch::default();
            let mut b = Scratch::default();
            expected.score(&query(text), 0.4, &Tuning::default(), &mut a);
            plain.score(&query(text), 0.4, &Tuning::default(), &mut b);
            assert_eq!(a.scores, b.scores, "{text}");
        }
    }

    #[test]
    fn counts_beyond_the_caps_saturate() {
        let mut ix = Bm25::default();
        add(&mut ix, "电池电池电池电池电池", &"回收".repeat(40));
        let mut counts = Vec::new();
        for p in ix.terms.values() {
            p.for_each(|_, tf| counts.push(tf));
        }
        assert!(counts.contains(&[3, 0, 0]), "{counts:?}");
        assert!(counts.contains(&[0, 0, 15]), "{counts:?}");
    }

    #[test]
    fn matched_query_bits_are_recorded_per_document() {
        let mut ix = Bm25::default();
        add(&mut ix, "机器视觉检测", "");
        add(&mut ix, "机器人焊接", "");
        let q: Vec<QueryTerm> = tokens("机器视觉")
            .into_iter()
            .enumerate()
            .map(|(i, token)| QueryTerm {
                token,
                weight: 1.0,
                bit: Some(i as u8),
            })
            .collect();
        let mut s = Scratch::default();
        ix.score(&q, 1.0, &Tuning::default(), &mut s);
        assert_eq!(s.masks[0], 0b111);
        assert_eq!(s.masks[1], 0b001);
        s.clear();
        assert!(s.scores.iter().all(|x| *x == 0.0) && s.masks.iter().all(|m| *m == 0));
    }
}

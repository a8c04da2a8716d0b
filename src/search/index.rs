//! The n-gram index over records' texts.

use std::hash::Hash;

use rustc_hash::FxHashMap;

use super::code::{CharCode, FIELD_BREAK};
use super::postings::{Postings, retain_in};
use super::text::{Needle, normalize_into};
use crate::domain::IdMap;

/// A record as the index sees it: an id, its title, and the other texts to search.
pub struct Doc<'a, I = i64> {
    pub id: I,
    pub title: &'a str,
    pub rest: &'a [&'a str],
}

/// A record that matched every term of a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<I = i64> {
    pub id: I,
    /// How many of the query's terms occur in the title: title hits rank first.
    pub title_terms: u8,
}

/// Sizes of the index's parts.
#[derive(Debug, Clone, Copy)]
pub struct IndexStats {
    pub records: usize,
    pub text_bytes: usize,
    pub bigram_lists: usize,
    pub bigram_bytes: usize,
}

/// One indexed version of a record. An edit adds a new slot and retires the old one, so posting
/// lists only ever grow at the end.
struct Slot<I> {
    id: I,
    /// Coded by the index's `CharCode`.
    text: Box<[u8]>,
    /// Bytes of `text` that are the title.
    title_len: u32,
    live: bool,
}

/// Records are known by their id type `I` (an achievement's or a need's). There are no lists
/// per character: a character's records are the union of the lists of the pairs it is part of
/// (about 1 ms for 电 at 100,000 records), which saves the 14 MiB such lists took. Only a
/// character that is a whole field by itself is listed apart.
pub struct SearchIndex<I = i64> {
    slots: Vec<Slot<I>>,
    live_slot: IdMap<I>,
    bigrams: FxHashMap<u32, Postings>,
    singles: FxHashMap<u16, Postings>,
    code: CharCode,
    /// How often each UTF-16 unit occurred in the records indexed before the code was chosen.
    counts: Vec<u32>,
    /// Reused while indexing a record (its text, coded text and lone characters), so indexing one
    /// allocates only the text it keeps.
    scratch: Scratch,
}

#[derive(Default)]
struct Scratch {
    text: Vec<u16>,
    coded: Vec<u8>,
    singles: Vec<u16>,
}

impl<I> Default for SearchIndex<I> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            live_slot: IdMap::default(),
            singles: FxHashMap::default(),
            bigrams: FxHashMap::default(),
            code: CharCode::default(),
            counts: Vec::new(),
            scratch: Scratch::default(),
        }
    }
}

/// The code is chosen from this many records' characters (or from all of them, if fewer when
/// the build ends): enough to rank a catalogue's common characters, few enough that coding them
/// again costs little.
const CODE_SAMPLE: usize = 2048;

fn pair(a: u16, b: u16) -> u32 {
    (u32::from(a) << 16) | u32::from(b)
}

impl<I: Copy + Eq + Hash + Into<i64>> SearchIndex<I> {
    pub fn build<'a>(docs: impl IntoIterator<Item = Doc<'a, I>>) -> Self {
        let mut index = Self::default();
        for doc in docs {
            index.upsert(&doc);
        }
        index.shrink();
        index
    }

    /// Releases the spare capacity the posting lists grew while building, and chooses the code
    /// if too few records came to choose it earlier.
    pub fn shrink(&mut self) {
        if !self.code.is_chosen() && !self.live_slot.is_empty() {
            self.choose_code();
        }
        for p in self.bigrams.values_mut().chain(self.singles.values_mut()) {
            p.shrink_to_fit();
        }
    }

    /// Makes room for `records` more without growing.
    pub fn reserve(&mut self, records: usize) {
        self.slots.reserve_exact(records);
    }

    /// How many records are searchable.
    pub fn len(&self) -> usize {
        self.live_slot.len()
    }

    pub fn is_empty(&self) -> bool {
        self.live_slot.is_empty()
    }

    /// Adds a record, or replaces the indexed text of one already there.
    pub fn upsert(&mut self, doc: &Doc<'_, I>) {
        self.remove(doc.id);
        let Scratch {
            text,
            coded,
            singles,
        } = &mut self.scratch;
        text.clear();
        normalize_into(text, doc.title);
        let title_units = text.len();
        for part in doc.rest {
            text.push(FIELD_BREAK);
            normalize_into(text, part);
        }
        if !self.code.is_chosen() {
            if self.counts.is_empty() {
                self.counts = vec![0; 1 << 16];
            }
            for &u in text.iter() {
                if let Some(c) = self.counts.get_mut(usize::from(u)) {
                    *c = c.saturating_add(1);
                }
            }
        }
        coded.clear();
        let (title, rest) = text.split_at(title_units);
        self.code.encode_into(coded, title);
        let title_len = coded.len() as u32;
        self.code.encode_into(coded, rest);
        let slot = self.slots.len() as u32;
        // A pair seen again in this record finds its list already ending with this slot, so
        // each list gets the slot once without sorting the record's pairs first.
        for w in text.windows(2) {
            if w[0] != FIELD_BREAK && w[1] != FIELD_BREAK {
                self.bigrams
                    .entry(pair(w[0], w[1]))
                    .or_default()
                    .push_once(slot);
            }
        }
        singles.clear();
        singles.extend(
            text.split(|&c| c == FIELD_BREAK)
                .filter_map(|field| match field {
                    [c] => Some(*c),
                    _ => None,
                }),
        );
        singles.sort_unstable();
        singles.dedup();
        for &c in singles.iter() {
            self.singles.entry(c).or_default().push(slot);
        }
        self.slots.push(Slot {
            id: doc.id,
            text: coded.as_slice().into(),
            title_len,
            live: true,
        });
        self.live_slot.insert(doc.id, slot);
        if !self.code.is_chosen() && self.live_slot.len() >= CODE_SAMPLE {
            self.choose_code();
        }
    }

    /// Ranks the characters counted so far and codes the texts held again with that table.
    fn choose_code(&mut self) {
        let code = CharCode::from_counts(&self.counts);
        let mut units = Vec::new();
        let mut coded = Vec::new();
        let mut recode = |text: &[u8], coded: &mut Vec<u8>| {
            units.clear();
            self.code.decode_into(&mut units, text);
            code.encode_into(coded, &units);
        };
        for slot in self.slots.iter_mut().filter(|s| s.live) {
            let (title, rest) = slot.text.split_at(slot.title_len as usize);
            coded.clear();
            recode(title, &mut coded);
            let title_len = coded.len() as u32;
            recode(rest, &mut coded);
            slot.text = coded.as_slice().into();
            slot.title_len = title_len;
        }
        self.code = code;
        self.counts = Vec::new();
    }

    /// Takes a record out of the results (deleted, or its owner deleted).
    pub fn remove(&mut self, id: I) {
        if let Some(slot) = self.live_slot.remove(id)
            && let Some(s) = self.slots.get_mut(slot as usize)
        {
            s.live = false;
            s.text = Box::new([]);
        }
    }

    /// The records containing every whitespace-separated term of `query` as a substring, in the
    /// order they were indexed. An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<Hit<I>> {
        let terms: Vec<Vec<u16>> = query
            .split_whitespace()
            .map(|t| {
                let mut v = Vec::new();
                normalize_into(&mut v, t);
                v
            })
            .collect();
        if terms.is_empty() {
            return Vec::new();
        }
        // Rarest term first: its candidates bound the rest.
        let mut per_term: Vec<(Vec<u32>, &[u16])> = Vec::new();
        for term in &terms {
            let Some(candidates) = self.term_candidates(term) else {
                return Vec::new();
            };
            per_term.push((candidates, term));
        }
        per_term.sort_by_key(|(c, _)| c.len());
        let mut iter = per_term.into_iter();
        let Some((mut slots, _)) = iter.next() else {
            return Vec::new();
        };
        for (other, _) in iter {
            intersect_sorted(&mut slots, &other);
        }
        let needles: Vec<(Needle, bool)> = terms
            .iter()
            .map(|t| (Needle::new(&self.code.encode(t)), t.len() > 2))
            .collect();
        slots
            .into_iter()
            .filter_map(|slot| {
                let s = self.slots.get(slot as usize).filter(|s| s.live)?;
                // Pairs can all occur without the whole term: check terms of 3+ characters.
                if needles.iter().any(|(n, long)| *long && !n.is_in(&s.text)) {
                    return None;
                }
                let title = &s.text[..s.title_len as usize];
                let title_terms = needles.iter().filter(|(n, _)| n.is_in(title)).count() as u8;
                Some(Hit {
                    id: s.id,
                    title_terms,
                })
            })
            .collect()
    }

    /// The slots that may contain `term`: exact for one or two characters, a superset beyond.
    /// None when some pair of it occurs nowhere.
    fn term_candidates(&self, term: &[u16]) -> Option<Vec<u32>> {
        if let [c] = term {
            return self.character_slots(*c);
        }
        let mut lists: Vec<&Postings> = term
            .windows(2)
            .map(|w| self.bigrams.get(&pair(w[0], w[1])))
            .collect::<Option<_>>()?;
        lists.sort_by_key(|p| p.len());
        lists.dedup_by(|a, b| std::ptr::eq(*a, *b));
        let (first, rest) = lists.split_first()?;
        let mut slots: Vec<u32> = first.iter().collect();
        for list in rest {
            if slots.is_empty() {
                break;
            }
            retain_in(&mut slots, list);
        }
        Some(slots)
    }

    /// The slots containing `c`: those of every pair with it, and of the fields it fills alone.
    fn character_slots(&self, c: u16) -> Option<Vec<u32>> {
        let mut seen = vec![0u64; self.slots.len().div_ceil(64)];
        let mut mark = |list: &Postings| {
            for slot in list.iter() {
                if let Some(word) = seen.get_mut(slot as usize / 64) {
                    *word |= 1 << (slot % 64);
                }
            }
        };
        for (&key, list) in &self.bigrams {
            if (key >> 16) as u16 == c || key as u16 == c {
                mark(list);
            }
        }
        if let Some(list) = self.singles.get(&c) {
            mark(list);
        }
        let slots: Vec<u32> = (0u32..)
            .zip(&seen)
            .flat_map(|(i, &word)| {
                (0..64)
                    .filter(move |b| word & (1 << b) != 0)
                    .map(move |b| i * 64 + b)
            })
            .collect();
        (!slots.is_empty()).then_some(slots)
    }

    /// What the index holds, for the memory figures in the README.
    pub fn stats(&self) -> IndexStats {
        fn list_bytes<'a>(lists: impl Iterator<Item = &'a Postings>) -> usize {
            lists
                .map(|p| p.heap_bytes() + std::mem::size_of::<Postings>())
                .sum()
        }
        IndexStats {
            records: self.live_slot.len(),
            text_bytes: self.slots.iter().map(|s| s.text.len()).sum(),
            bigram_lists: self.bigrams.len(),
            bigram_bytes: list_bytes(self.bigrams.values()),
        }
    }

    /// Bytes held by texts and posting lists.
    pub fn heap_bytes(&self) -> usize {
        let s = self.stats();
        s.text_bytes
            + s.bigram_bytes
            + self.slots.capacity() * std::mem::size_of::<Slot<I>>()
            + self.code.heap_bytes()
            + self.counts.capacity() * std::mem::size_of::<u32>()
    }
}

fn intersect_sorted(a: &mut Vec<u32>, b: &[u32]) {
    let mut j = 0;
    a.retain(|&v| {
        while j < b.len() && b[j] < v {
            j += 1;
        }
        j < b.len() && b[j] == v
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: [(i64, &str, [&str; 2]); 4] = [
        (
            1,
            "高效永磁同步电机控制技术",
            ["永磁电机", "本技术用于节能改造"],
        ),
        (
            2,
            "锂离子电池正极材料再生利用",
            ["锂电池、回收", "电池拆解后提取镍钴锰"],
        ),
        (
            3,
            "基于AI的带钢缺陷检测系统",
            ["机器视觉", "ZL202110123456.7 山东大学"],
        ),
        (
            4,
            "海上风电桩基防腐涂层",
            ["防腐", "适用于电池舱与电机舱的防护"],
        ),
    ];

    fn docs() -> impl Iterator<Item = Doc<'static>> {
        DOCS.iter().map(|(id, title, rest)| Doc {
            id: *id,
            title,
            rest: rest.as_slice(),
        })
    }

    fn index() -> SearchIndex {
        SearchIndex::build(docs())
    }

    fn ids(hits: &[Hit]) -> Vec<i64> {
        hits.iter().map(|h| h.id).collect()
    }

    #[test]
    fn finds_one_two_and_longer_chinese_terms() {
        let ix = index();
        assert_eq!(ids(&ix.search("锂")), vec![2]);
        assert_eq!(ids(&ix.search("电机")), vec![1, 4]);
        assert_eq!(ids(&ix.search("电池")), vec![2, 4]);
        assert_eq!(ids(&ix.search("正极材料")), vec![2]);
        assert_eq!(ids(&ix.search("材料正极")), Vec::<i64>::new());
    }

    #[test]
    fn latin_is_case_insensitive_and_numbers_are_found() {
        let ix = index();
        assert_eq!(ids(&ix.search("ai")), vec![3]);
        assert_eq!(ids(&ix.search("Ａｉ")), vec![3]);
        assert_eq!(ids(&ix.search("202110123456")), vec![3]);
        assert_eq!(ids(&ix.search("zl2021")), vec![3]);
    }

    #[test]
    fn several_terms_must_all_match_and_title_hits_are_counted() {
        let ix = index();
        let hits = ix.search("电机 防护");
        assert_eq!(ids(&hits), vec![4]);
        assert_eq!(hits[0].title_terms, 0);
        let hits = ix.search("电机");
        assert_eq!(hits[0].title_terms, 1);
        assert_eq!(hits[1].title_terms, 0);
    }

    #[test]
    fn no_match_and_empty_query() {
        let ix = index();
        assert!(ix.search("量子").is_empty());
        assert!(ix.search("   ").is_empty());
    }

    #[test]
    fn a_character_is_found_inside_pairs_and_as_a_field_of_its_own() {
        let ix = SearchIndex::build([
            Doc {
                id: 1,
                title: "锂",
                rest: &["电池"],
            },
            Doc {
                id: 2,
                title: "钠离子电池",
                rest: &["储", "x"],
            },
        ]);
        assert_eq!(ids(&ix.search("锂")), vec![1]);
        assert_eq!(ids(&ix.search("池")), vec![1, 2]);
        assert_eq!(ids(&ix.search("储")), vec![2]);
        assert_eq!(ids(&ix.search("X")), vec![2]);
        assert!(ix.search("铅").is_empty());
    }

    #[test]
    fn pairs_do_not_span_fields() {
        // "技术" ends the title of 1 and "永磁" starts its keywords: "术永" is no substring.
        assert!(index().search("术永").is_empty());
    }

    #[test]
    fn edits_and_removals_show_at_once() {
        let mut ix = index();
        ix.upsert(&Doc {
            id: 2,
            title: "钠离子电池",
            rest: &[],
        });
        assert!(ix.search("正极").is_empty());
        assert_eq!(ids(&ix.search("钠离子")), vec![2]);
        ix.remove(4);
        assert_eq!(ids(&ix.search("电池")), vec![2]);
        assert_eq!(ix.len(), 3);
        ix.upsert(&Doc {
            id: 4,
            title: "海上风电桩基防腐涂层",
            rest: &[],
        });
        assert_eq!(ids(&ix.search("防腐")), vec![4]);
    }

    fn hits_of(ix: &SearchIndex, queries: &[&str]) -> Vec<Vec<Hit>> {
        queries.iter().map(|q| ix.search(q)).collect()
    }

    const QUERIES: [&str; 8] = [
        "锂",
        "电机",
        "正极材料",
        "ai",
        "zl2021",
        "电机 防护",
        "材料正极",
        "术永",
    ];

    #[test]
    fn choosing_the_code_changes_no_result() {
        let built = index();
        let mut growing = SearchIndex::default();
        for doc in docs() {
            growing.upsert(&doc);
        }
        assert!(!growing.code.is_chosen());
        let before = hits_of(&growing, &QUERIES);
        growing.shrink();
        assert!(growing.code.is_chosen());
        assert_eq!(hits_of(&growing, &QUERIES), before);
        assert_eq!(hits_of(&built, &QUERIES), before);
        assert_eq!(ids(&before[2]), vec![2]);
    }

    #[test]
    fn characters_first_seen_after_the_code_was_chosen_are_found() {
        let mut ix = index();
        ix.upsert(&Doc {
            id: 9,
            title: "钒液流储能𠀋",
            rest: &["氢燃料电堆", "ÉCOLE"],
        });
        let hits = ix.search("液流储能");
        assert_eq!(ids(&hits), vec![9]);
        assert_eq!(hits[0].title_terms, 1);
        assert_eq!(ids(&ix.search("燃料电堆")), vec![9]);
        assert_eq!(ids(&ix.search("储能𠀋")), vec![9]);
        assert_eq!(ids(&ix.search("école")), vec![9]);
        assert_eq!(ids(&ix.search("电机")), vec![1, 4]);
    }

    #[test]
    fn a_large_catalogue_is_coded_shorter_than_utf16_and_still_exact() {
        let titles: Vec<String> = (0..CODE_SAMPLE + 500)
            .map(|i| format!("第{i}号储能电池管理系统"))
            .collect();
        let ix = SearchIndex::build(titles.iter().enumerate().map(|(i, t)| Doc {
            id: i as i64,
            title: t,
            rest: &["电池"],
        }));
        let units: usize = titles.iter().map(|t| t.encode_utf16().count() + 3).sum();
        assert!(ix.stats().text_bytes < units * 2 * 3 / 4);
        assert_eq!(ids(&ix.search("第2049号储能")), vec![2049]);
        assert_eq!(ix.search("电池管理系统").len(), titles.len());
        assert!(ix.search("管理电池").is_empty());
    }
}

//! The matching engine: relevance from field-aware BM25 over character pairs, read from a need
//! as a broker reads it and widened by associated terms, then the structured parts, in three
//! directions.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::assoc::{Association, Associations, Miner};
use super::bm25::{Bm25, Scratch};
use super::docs::{AchievementDoc, AchievementText, EnterpriseDoc, NeedDoc, NeedText, NeedTexts};
use super::parts::{
    Breakdown, Part, PartValues, Weights, history_fit, is_offered, learned_fit, maturity, mode_fit,
    price_fit, region_fit,
};
use super::query::{NeedParts, Query, need_query};
use super::tokens::{Token, for_each_token, tokens, tokens_into};
use super::tuning::Tuning;
use crate::domain::{AchievementId, ClientId, IdMap, NeedId, NeedStatus, Price, TransferModes};

/// How many relevance candidates get the structured parts: enough that a well-fitting
/// achievement with modest word overlap still makes the top 20.
const TEXT_CANDIDATES: usize = 400;
/// Terms in more than this share of documents are skipped (技术, 一种, 提高…).
const MAX_DF: f32 = 0.1;

/// Past decisions on needs this much like the one ranked (BM25 of its query over the needs,
/// relative to the need itself) count.
const MIN_NEED_SIMILARITY: f32 = 0.25;

/// What the broker decided before, which the ranking takes into account.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    /// Rejected (need, achievement) pairs: left out of that need's ranking.
    pub rejected: FxHashSet<(NeedId, AchievementId)>,
    /// Achievements each enterprise rejected, for the history part.
    pub rejected_by: FxHashMap<ClientId, Vec<AchievementId>>,
    /// The latest decision on each (need, achievement) pair: +1 accepted, +0.5 shortlisted,
    /// -1 rejected. Needs like a decided one learn from it.
    pub on_needs: Vec<(NeedId, AchievementId, f32)>,
}

/// One ranked candidate: an achievement (for a need or an enterprise) or an enterprise (for an
/// achievement), with the need it came through.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub achievement: AchievementId,
    pub need: Option<NeedId>,
    pub enterprise: ClientId,
    pub breakdown: Breakdown,
    /// The broker rejected this pair before (only listed when asked for).
    pub rejected: bool,
    /// The associated terms that matched: the need's term and the achievement's.
    pub associations: Vec<Association>,
}

/// Small numbers for the few distinct fields, provinces, cities and keywords, so 100,000
/// achievements do not each carry their own copies of the same strings.
#[derive(Default)]
struct Names {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Names {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    fn find(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", |n| n)
    }
}

/// What the structured parts read of an achievement, compactly.
struct Entry {
    id: AchievementId,
    owner: ClientId,
    field: u32,
    keywords: Box<[u32]>,
    trl: u8,
    price: Price,
    modes: TransferModes,
    status: crate::domain::AchievementStatus,
    province: u32,
    city: u32,
}

#[derive(Default)]
pub struct MatchIndex {
    tuning: Tuning,
    miner: Miner,
    thesaurus: Vec<(String, String)>,
    associations: Associations,
    achievements: Vec<Option<Entry>>,
    names: Names,
    achievement_slot: IdMap<AchievementId>,
    achievement_bm25: Bm25,
    needs: Vec<Option<NeedDoc>>,
    need_slot: IdMap<NeedId>,
    need_bm25: Bm25,
    enterprises: Vec<Option<EnterpriseDoc>>,
    enterprise_slot: IdMap<ClientId>,
    /// Reused for a record's tokens (title, keywords, body), so indexing one allocates none.
    fields: [Vec<Token>; 3],
}

impl MatchIndex {
    /// Which parts of text relevance are used; the evaluation turns them off one by one.
    pub fn set_tuning(&mut self, tuning: Tuning) {
        self.tuning = tuning;
    }

    pub fn tuning(&self) -> Tuning {
        self.tuning
    }

    /// The broker's thesaurus: pairs of terms that mean the same thing. Used from the next
    /// ranking on.
    pub fn set_thesaurus(&mut self, pairs: Vec<(String, String)>) {
        self.thesaurus = pairs;
        self.refresh_associations();
    }

    /// Rebuilds the association table from the thesaurus and what the catalogue says. Loading
    /// calls it once all records are in; records added later count from the next rebuild.
    pub fn refresh_associations(&mut self) {
        self.associations = Associations::build(&self.thesaurus, &self.miner);
    }

    /// How many associations the table holds.
    pub fn association_count(&self) -> usize {
        self.associations.len()
    }

    /// At most how many achievements and needs the load will add: lists of terms certain to be
    /// too common to score are dropped as they pass that share, instead of at the end, and the
    /// records' vectors are made that size at once rather than doubled to it, which copied
    /// them at each doubling.
    pub fn plan_for(&mut self, achievements: usize, needs: usize) {
        self.achievement_bm25.plan_for(achievements, MAX_DF);
        self.need_bm25.plan_for(needs, MAX_DF);
        self.achievements.reserve_exact(achievements);
        self.needs.reserve_exact(needs);
    }

    /// Adds an achievement, or replaces the one with its id.
    pub fn upsert_achievement(&mut self, doc: AchievementDoc, text: AchievementText<'_>) {
        self.remove_achievement(doc.id);
        let [title, keywords, body] = &mut self.fields;
        tokens_into(title, &[text.title]);
        tokens_into(keywords, &[text.keywords]);
        tokens_into(body, &[text.abstract_text, text.indicators]);
        let slot = self.achievement_bm25.add([title, keywords, body]);
        self.miner.add(
            &[text.title, text.abstract_text, text.indicators],
            &doc.keywords,
        );
        self.achievement_slot.insert(doc.id, slot);
        let entry = Entry {
            id: doc.id,
            owner: doc.owner,
            field: self.names.intern(&doc.field),
            keywords: doc.keywords.iter().map(|k| self.names.intern(k)).collect(),
            trl: doc.trl,
            price: doc.price,
            modes: doc.modes,
            status: doc.status,
            province: self.names.intern(&doc.province),
            city: self.names.intern(&doc.city),
        };
        self.achievements.push(Some(entry));
    }

    /// Retires an achievement; its postings stay but are never read again. Term statistics
    /// keep counting it, which shifts scores by a hair until the next start.
    pub fn remove_achievement(&mut self, id: AchievementId) {
        if let Some(slot) = self.achievement_slot.remove(id)
            && let Some(entry) = self.achievements.get_mut(slot as usize)
        {
            *entry = None;
        }
    }

    pub fn upsert_need(&mut self, doc: NeedDoc, text: NeedText<'_>) {
        self.remove_need(doc.id);
        let [title, keywords, body] = &mut self.fields;
        tokens_into(title, &[&doc.title]);
        keywords.clear();
        for k in &doc.keywords {
            for_each_token(k, |t| keywords.push(t));
        }
        tokens_into(body, &[text.description, text.indicators]);
        let slot = self.need_bm25.add([title, keywords, body]);
        self.need_slot.insert(doc.id, slot);
        self.needs.push(Some(doc));
    }

    pub fn remove_need(&mut self, id: NeedId) {
        if let Some(slot) = self.need_slot.remove(id)
            && let Some(entry) = self.needs.get_mut(slot as usize)
        {
            *entry = None;
        }
    }

    pub fn upsert_enterprise(&mut self, doc: EnterpriseDoc) {
        match self
            .enterprise_slot
            .get(doc.id)
            .and_then(|slot| self.enterprises.get_mut(slot as usize))
        {
            Some(held) => *held = Some(doc),
            None => {
                self.enterprise_slot
                    .insert(doc.id, self.enterprises.len() as u32);
                self.enterprises.push(Some(doc));
            }
        }
    }

    pub fn remove_enterprise(&mut self, id: ClientId) {
        if let Some(slot) = self.enterprise_slot.remove(id)
            && let Some(held) = self.enterprises.get_mut(slot as usize)
        {
            *held = None;
        }
    }

    /// Called once loading is done: builds the association table and returns spare memory.
    pub fn shrink(&mut self) {
        self.refresh_associations();
        self.achievement_bm25.shrink(MAX_DF);
        self.need_bm25.shrink(MAX_DF);
    }

    fn entry(&self, id: AchievementId) -> Option<&Entry> {
        let slot = self.achievement_slot.get(id)?;
        self.achievements.get(slot as usize)?.as_ref()
    }

    /// Whether the achievement is in the index (live, with a live owner).
    pub fn has_achievement(&self, id: AchievementId) -> bool {
        self.entry(id).is_some()
    }

    pub fn need(&self, id: NeedId) -> Option<&NeedDoc> {
        let slot = self.need_slot.get(id)?;
        self.needs.get(slot as usize)?.as_ref()
    }

    pub fn enterprise(&self, id: ClientId) -> Option<&EnterpriseDoc> {
        let slot = self.enterprise_slot.get(id)?;
        self.enterprises.get(slot as usize)?.as_ref()
    }

    /// The words and phrases a need's text and an achievement's share that count for
    /// relevance (common and unknown terms left out), in the order they read in `need_text`.
    pub fn shared_terms(&self, need_text: &str, achievement_text: &str) -> Vec<String> {
        super::shared::shared_phrases(need_text, achievement_text, |phrase| {
            tokens(phrase)
                .into_iter()
                .any(|t| self.achievement_bm25.is_informative(t, MAX_DF))
        })
    }

    /// The achievements an organisation owns.
    pub fn achievement_ids_of(&self, owner: ClientId) -> Vec<AchievementId> {
        self.achievements
            .iter()
            .flatten()
            .filter(|a| a.owner == owner)
            .map(|a| a.id)
            .collect()
    }

    /// Every need of an enterprise, open or not.
    pub fn need_ids_of(&self, enterprise: ClientId) -> Vec<NeedId> {
        self.needs
            .iter()
            .flatten()
            .filter(|n| n.enterprise == enterprise)
            .map(|n| n.id)
            .collect()
    }

    /// The open needs of an enterprise.
    pub fn open_needs_of(&self, enterprise: ClientId) -> Vec<&NeedDoc> {
        self.needs
            .iter()
            .flatten()
            .filter(|n| n.enterprise == enterprise && n.status == NeedStatus::Open)
            .collect()
    }

    /// The needs whose texts a ranking of `subject` queries with, for the caller to read into
    /// [`NeedTexts`]: the need itself, or the enterprise's open needs.
    pub fn query_needs(&self, subject: Subject) -> Vec<NeedId> {
        match subject {
            Subject::Need(id) => self.need(id).map(|n| n.id).into_iter().collect(),
            Subject::Enterprise(id) => self.open_needs_of(id).iter().map(|n| n.id).collect(),
            Subject::Achievement(_) => Vec::new(),
        }
    }

    /// The open needs of every enterprise, for matching them all.
    pub fn open_needs(&self) -> Vec<&NeedDoc> {
        self.needs
            .iter()
            .flatten()
            .filter(|n| n.status == NeedStatus::Open)
            .collect()
    }

    pub fn len(&self) -> (usize, usize) {
        (self.achievement_slot.len(), self.need_slot.len())
    }

    /// Distinct terms in the achievement and need relevance indexes.
    pub fn term_counts(&self) -> (usize, usize) {
        (
            self.achievement_bm25.term_count(),
            self.need_bm25.term_count(),
        )
    }

    /// Bytes held by the relevance postings.
    pub fn heap_bytes(&self) -> usize {
        self.achievement_bm25.heap_bytes() + self.need_bm25.heap_bytes()
    }

    /// Estimated heap bytes of each part, for the memory figures in the README.
    pub fn memory_parts(&self) -> Vec<(&'static str, usize)> {
        use std::mem::size_of;
        let entries = self.achievements.capacity() * size_of::<Option<Entry>>()
            + self
                .achievements
                .iter()
                .flatten()
                .map(|e| e.keywords.len() * 4)
                .sum::<usize>();
        let needs = self.needs.capacity() * size_of::<Option<NeedDoc>>()
            + self
                .needs
                .iter()
                .flatten()
                .map(NeedDoc::heap_bytes)
                .sum::<usize>();
        // The shared industry and place names are left out, as for the needs.
        let enterprises = self.enterprises.capacity() * size_of::<Option<EnterpriseDoc>>()
            + self.enterprise_slot.heap_bytes()
            + self
                .enterprises
                .iter()
                .flatten()
                .map(|e| e.name.len() + 16)
                .sum::<usize>();
        vec![
            ("achievement postings", self.achievement_bm25.heap_bytes()),
            ("need postings", self.need_bm25.heap_bytes()),
            ("miner", self.miner.heap_bytes()),
            ("associations", self.associations.heap_bytes()),
            ("achievement entries", entries),
            (
                "slot maps",
                self.achievement_slot.heap_bytes() + self.need_slot.heap_bytes(),
            ),
            ("need documents", needs),
            ("enterprises", enterprises),
        ]
    }

    /// The structured parts of one pair, with `text` its relevance from 0 to 1 and `learned`
    /// what decisions on similar needs say of the achievement (-1 to 1).
    fn values(
        &self,
        need: &NeedDoc,
        a: &Entry,
        text: f32,
        learned: f32,
        decisions: &Decisions,
    ) -> PartValues {
        let mut v = PartValues::default();
        let same_field = self.names.find(&need.field) == Some(a.field);
        v.set(Part::Text, text);
        v.set(Part::Field, if same_field { 1.0 } else { 0.0 });
        v.set(
            Part::Maturity,
            maturity(
                need.min_stage,
                need.min_trl,
                a.trl,
                self.tuning.maturity_step,
            ),
        );
        v.set(Part::Price, price_fit(a.price, need.budget));
        v.set(Part::Mode, mode_fit(a.modes, need.mode));
        v.set(
            Part::Region,
            region_fit(
                (&need.province, &need.city),
                (self.names.name(a.province), self.names.name(a.city)),
            ),
        );
        let rejections = self.similar_rejections(need.enterprise, a, decisions);
        v.set(
            Part::History,
            if self.tuning.learning {
                learned_fit(rejections, learned)
            } else {
                history_fit(rejections)
            },
        );
        v
    }

    /// Achievements of the same field sharing a keyword with `a` that `enterprise` rejected.
    fn similar_rejections(&self, enterprise: ClientId, a: &Entry, decisions: &Decisions) -> usize {
        let Some(rejected) = decisions.rejected_by.get(&enterprise) else {
            return 0;
        };
        rejected
            .iter()
            .filter(|&&id| id != a.id)
            .filter_map(|&id| self.entry(id))
            .filter(|r| alike(r, a))
            .count()
    }

    /// Whether a rejection of `rejected` counts against `candidate` in the history part (as
    /// [`Self::similar_rejections`] counts them), for saying what the part reacts to.
    pub fn rejection_counts_against(
        &self,
        candidate: AchievementId,
        rejected: AchievementId,
    ) -> bool {
        candidate != rejected
            && match (self.entry(candidate), self.entry(rejected)) {
                (Some(a), Some(r)) => alike(r, a),
                _ => false,
            }
    }

    /// The query for a need: its parts weighed as a broker reads them, its phrases, and the
    /// terms associated with its own.
    pub fn need_query(&self, need: &NeedDoc, text: NeedText<'_>) -> Query {
        let t = self.tuning;
        let parts = NeedParts {
            title: &need.title,
            keywords: &need.keywords,
            description: text.description,
            indicators: text.indicators,
        };
        let mut q = need_query(&parts, &t);
        if t.associations && !self.associations.is_empty() {
            for found in self.associations.find(&parts.sections(&t)) {
                for (other, strength, source) in found.others {
                    q.add_phrase(
                        &other,
                        found.weight * strength * t.association_weight,
                        Some(Association {
                            need_term: found.term.clone(),
                            term: other.clone(),
                            source,
                        }),
                    );
                }
            }
        }
        q
    }

    /// How much each need with decisions resembles `need` (0 to 1), by its query over the
    /// needs' texts relative to the need itself.
    fn similar_decided_needs(
        &self,
        need: &NeedDoc,
        query: &Query,
        decisions: &Decisions,
    ) -> FxHashMap<NeedId, f32> {
        let mut out = FxHashMap::default();
        if !self.tuning.learning || decisions.on_needs.is_empty() {
            return out;
        }
        let Some(own) = self.need_slot.get(need.id) else {
            return out;
        };
        let decided: FxHashSet<NeedId> = decisions.on_needs.iter().map(|d| d.0).collect();
        NEED_SCRATCH.with_borrow_mut(|s| {
            self.need_bm25.score(&query.terms, MAX_DF, &self.tuning, s);
            let own_score = s.scores.get(own as usize).copied().unwrap_or(0.0);
            if own_score > 0.0 {
                for id in decided {
                    if id == need.id {
                        continue;
                    }
                    let Some(slot) = self.need_slot.get(id) else {
                        continue;
                    };
                    let sim = (s.scores[slot as usize] / own_score).min(1.0);
                    if sim >= MIN_NEED_SIMILARITY {
                        out.insert(id, sim);
                    }
                }
            }
            s.clear();
        });
        out
    }

    /// Achievements for a need, best first.
    pub fn achievements_for_need(
        &self,
        need: &NeedDoc,
        text: NeedText<'_>,
        weights: &Weights,
        decisions: &Decisions,
        top: usize,
        include_rejected: bool,
    ) -> Vec<Candidate> {
        let query = self.need_query(need, text);
        let mut pool = self.relevance_pool(&query);
        pool.retain(|p| {
            self.achievements
                .get(p.slot as usize)
                .and_then(Option::as_ref)
                .is_some_and(|a| is_offered(a.status))
        });
        keep_best(&mut pool, TEXT_CANDIDATES);
        let similar = self.similar_decided_needs(need, &query, decisions);
        let mut learned: FxHashMap<AchievementId, f32> = FxHashMap::default();
        for (n, a, signal) in &decisions.on_needs {
            if let Some(sim) = similar.get(n) {
                *learned.entry(*a).or_default() += sim * signal;
            }
        }
        let best = pool.iter().map(|p| p.score).fold(0.0f32, f32::max);
        let mut out: Vec<(Candidate, u64)> = pool
            .into_iter()
            .filter_map(|p| {
                let a = self.achievements.get(p.slot as usize)?.as_ref()?;
                let rejected = decisions.rejected.contains(&(need.id, a.id));
                if rejected && !include_rejected {
                    return None;
                }
                let text = if best > 0.0 { p.score / best } else { 0.0 };
                let values = self.values(
                    need,
                    a,
                    text,
                    learned.get(&a.id).copied().unwrap_or(0.0),
                    decisions,
                );
                Some((
                    Candidate {
                        achievement: a.id,
                        need: Some(need.id),
                        enterprise: need.enterprise,
                        breakdown: self.breakdown(values, weights),
                        rejected,
                        associations: Vec::new(),
                    },
                    p.mask,
                ))
            })
            .collect();
        out.sort_by(|(a, _), (b, _)| {
            b.breakdown
                .score
                .total_cmp(&a.breakdown.score)
                .then(a.achievement.cmp(&b.achievement))
        });
        out.truncate(top);
        out.into_iter()
            .map(|(mut c, mask)| {
                c.associations = matched_associations(&query, mask);
                c
            })
            .collect()
    }

    /// The score from the parts: with the floor, structured parts count in proportion to the
    /// text's relevance up to `FLOOR`.
    fn breakdown(&self, values: PartValues, weights: &Weights) -> Breakdown {
        let gate = if self.tuning.floor {
            (values.get(Part::Text) / self.tuning.floor_at.max(f32::EPSILON)).min(1.0)
        } else {
            1.0
        };
        Breakdown::gated(values, weights, gate)
    }

    /// The documents with the best relevance for `query`, phrase bonus included (up to half
    /// again the candidates the structured parts will see, so that filtering out unavailable
    /// ones still leaves enough).
    fn relevance_pool(&self, query: &Query) -> Vec<Pooled> {
        let t = self.tuning;
        let mut bit_value = [0.0f32; 64];
        for term in &query.terms {
            if let Some(b) = term.bit {
                bit_value[b as usize] = term.weight * self.achievement_bm25.idf(term.token, MAX_DF);
            }
        }
        let phrases: Vec<(u64, f32)> = query
            .phrases
            .iter()
            .filter(|p| t.phrases && p.mask.count_ones() > 1)
            .map(|p| {
                let value: f32 = (0..64)
                    .filter(|b| p.mask & (1 << b) != 0)
                    .map(|b| bit_value[b])
                    .sum();
                (p.mask, t.phrase_bonus * value)
            })
            .collect();
        ACHIEVEMENT_SCRATCH.with_borrow_mut(|s| {
            self.achievement_bm25.score(&query.terms, MAX_DF, &t, s);
            let mut pool: Vec<Pooled> = s
                .touched
                .iter()
                .map(|&slot| {
                    let mask = s.masks[slot as usize];
                    let bonus: f32 = phrases
                        .iter()
                        .filter(|(m, _)| mask & m == *m)
                        .map(|(_, v)| v)
                        .sum();
                    Pooled {
                        slot,
                        score: s.scores[slot as usize] + bonus,
                        mask,
                    }
                })
                .collect();
            s.clear();
            keep_best(&mut pool, TEXT_CANDIDATES + TEXT_CANDIDATES / 2);
            pool
        })
    }

    /// Achievements for an enterprise across all its open needs: each achievement's best score
    /// over the needs, with the need it came through. `texts` holds the needs' texts.
    pub fn achievements_for_enterprise(
        &self,
        enterprise: ClientId,
        texts: &NeedTexts,
        weights: &Weights,
        decisions: &Decisions,
        top: usize,
        include_rejected: bool,
    ) -> Vec<Candidate> {
        let mut best: FxHashMap<AchievementId, Candidate> = FxHashMap::default();
        for need in self.open_needs_of(enterprise) {
            let text = texts.get(need.id);
            for c in
                self.achievements_for_need(need, text, weights, decisions, top, include_rejected)
            {
                match best.get(&c.achievement) {
                    Some(old) if old.breakdown.score >= c.breakdown.score => {}
                    _ => {
                        best.insert(c.achievement, c);
                    }
                }
            }
        }
        let mut out: Vec<Candidate> = best.into_values().collect();
        rank(&mut out, |c| c.achievement);
        out.truncate(top);
        out
    }

    /// Enterprises for an achievement: through their open needs, and through an industry that is
    /// the achievement's field for enterprises with no fitting need. `text` is the achievement's.
    pub fn enterprises_for_achievement(
        &self,
        achievement: AchievementId,
        text: AchievementText<'_>,
        weights: &Weights,
        decisions: &Decisions,
        top: usize,
        include_rejected: bool,
    ) -> Vec<Candidate> {
        let Some(a) = self.entry(achievement) else {
            return Vec::new();
        };
        let t = &self.tuning;
        let w = |weight: f32| if t.reading { weight } else { 1.0 };
        let mut query = Query::default();
        query.add_text(text.title, w(t.w_title));
        query.add_text(text.keywords, w(t.w_keywords));
        query.add_text(text.abstract_text, 1.0);
        query.add_text(text.indicators, w(t.w_indicators));
        let mut pool = NEED_SCRATCH.with_borrow_mut(|s| {
            self.need_bm25.score(&query.terms, MAX_DF, &self.tuning, s);
            let pool: Vec<(u32, f32)> = s
                .touched
                .iter()
                .map(|&slot| (slot, s.scores[slot as usize]))
                .collect();
            s.clear();
            pool
        });
        pool.retain(|&(slot, _)| {
            self.needs
                .get(slot as usize)
                .and_then(Option::as_ref)
                .is_some_and(|n| n.status == NeedStatus::Open)
        });
        keep_best_pairs(&mut pool, TEXT_CANDIDATES);
        let top_text = pool.iter().map(|p| p.1).fold(0.0f32, f32::max);
        let mut by_enterprise: FxHashMap<ClientId, Candidate> = FxHashMap::default();
        for (slot, bm25) in pool {
            let Some(need) = self.needs.get(slot as usize).and_then(Option::as_ref) else {
                continue;
            };
            let rejected = decisions.rejected.contains(&(need.id, a.id));
            if rejected && !include_rejected {
                continue;
            }
            let text = if top_text > 0.0 { bm25 / top_text } else { 0.0 };
            let c = Candidate {
                achievement: a.id,
                need: Some(need.id),
                enterprise: need.enterprise,
                breakdown: self.breakdown(self.values(need, a, text, 0.0, decisions), weights),
                rejected,
                associations: Vec::new(),
            };
            match by_enterprise.get(&need.enterprise) {
                Some(old) if old.breakdown.score >= c.breakdown.score => {}
                _ => {
                    by_enterprise.insert(need.enterprise, c);
                }
            }
        }
        for e in self.enterprises.iter().flatten() {
            if self.names.find(&e.industry) != Some(a.field) || by_enterprise.contains_key(&e.id) {
                continue;
            }
            // The profile as a need with no text, no requirement and no budget.
            let profile = NeedDoc {
                id: NeedId(0),
                title: String::new(),
                enterprise: e.id,
                enterprise_name: e.name.clone(),
                field: e.industry.clone(),
                keywords: Vec::new(),
                budget: Price::Negotiable,
                mode: crate::domain::NeedMode::Buy,
                min_stage: None,
                min_trl: None,
                status: NeedStatus::Open,
                province: e.province.clone(),
                city: e.city.clone(),
            };
            by_enterprise.insert(
                e.id,
                Candidate {
                    achievement: a.id,
                    need: None,
                    enterprise: e.id,
                    // No text to match: the structured parts in full, as before the floor.
                    breakdown: Breakdown::new(
                        self.values(&profile, a, 0.0, 0.0, decisions),
                        weights,
                    ),
                    rejected: false,
                    associations: Vec::new(),
                },
            );
        }
        let mut out: Vec<Candidate> = by_enterprise.into_values().collect();
        rank(&mut out, |c| c.enterprise);
        out.truncate(top);
        out
    }
}

/// The texts a ranking reads that the index does not keep, supplied by the caller.
#[derive(Debug, Clone, Copy, Default)]
pub struct SubjectTexts<'a> {
    /// The achievement's, when it is the subject.
    pub achievement: Option<AchievementText<'a>>,
    /// Those of the needs [`MatchIndex::query_needs`] names.
    pub needs: Option<&'a NeedTexts>,
}

/// What to match: a need, an achievement or an enterprise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Need(NeedId),
    Achievement(AchievementId),
    Enterprise(ClientId),
}

impl MatchIndex {
    /// The ranked candidates for `subject`: achievements for a need or an enterprise,
    /// enterprises for an achievement. The caller supplies the texts the index does not keep:
    /// the achievement's, or those of the needs [`Self::query_needs`] names.
    pub fn rank(
        &self,
        subject: Subject,
        texts: SubjectTexts<'_>,
        weights: &Weights,
        decisions: &Decisions,
        top: usize,
        include_rejected: bool,
    ) -> Vec<Candidate> {
        let none = NeedTexts::default();
        let need_texts = texts.needs.unwrap_or(&none);
        match (subject, texts.achievement) {
            (Subject::Need(id), _) => self
                .need(id)
                .map(|n| {
                    let text = need_texts.get(id);
                    self.achievements_for_need(n, text, weights, decisions, top, include_rejected)
                })
                .unwrap_or_default(),
            (Subject::Enterprise(id), _) => self.achievements_for_enterprise(
                id,
                need_texts,
                weights,
                decisions,
                top,
                include_rejected,
            ),
            (Subject::Achievement(id), Some(text)) => self.enterprises_for_achievement(
                id,
                text,
                weights,
                decisions,
                top,
                include_rejected,
            ),
            (Subject::Achievement(_), None) => Vec::new(),
        }
    }
}

thread_local! {
    /// Per-thread score buffers, reused between queries: allocating and zeroing 100,000 floats
    /// for every need costs as much as scoring it when all needs are matched at once.
    static ACHIEVEMENT_SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    static NEED_SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A document in the relevance pool: its slot, score and which query bits it matched.
struct Pooled {
    slot: u32,
    score: f32,
    mask: u64,
}

/// The associations whose terms an achievement matched whole, for the breakdown.
fn matched_associations(query: &Query, mask: u64) -> Vec<Association> {
    let mut out: Vec<Association> = Vec::new();
    for p in &query.phrases {
        if let Some(via) = &p.via
            && mask & p.mask == p.mask
            && !out.contains(via)
        {
            out.push(via.clone());
        }
    }
    out
}

/// Keeps the `n` highest-scoring entries (in no particular order).
fn keep_best(pool: &mut Vec<Pooled>, n: usize) {
    if pool.len() > n {
        pool.select_nth_unstable_by(n, |a, b| {
            b.score.total_cmp(&a.score).then(a.slot.cmp(&b.slot))
        });
        pool.truncate(n);
    }
}

/// Keeps the `n` highest-scoring (slot, score) pairs (in no particular order).
fn keep_best_pairs(pool: &mut Vec<(u32, f32)>, n: usize) {
    if pool.len() > n {
        pool.select_nth_unstable_by(n, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        pool.truncate(n);
    }
}

/// Best score first; equal scores by id, so the order never changes between runs.
fn rank<I: Ord>(candidates: &mut [Candidate], id: impl Fn(&Candidate) -> I) {
    candidates.sort_by(|a, b| {
        b.breakdown
            .score
            .total_cmp(&a.breakdown.score)
            .then(id(a).cmp(&id(b)))
    });
}

/// The same field and a keyword in common: what makes a rejection of one count against the other.
fn alike(rejected: &Entry, candidate: &Entry) -> bool {
    rejected.field == candidate.field
        && rejected
            .keywords
            .iter()
            .any(|k| candidate.keywords.contains(k))
}

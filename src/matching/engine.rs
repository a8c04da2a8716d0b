//! The matching engine: relevance from BM25 over character pairs, then the structured parts, in
//! three directions.

use rustc_hash::{FxHashMap, FxHashSet};

use super::bm25::Bm25;
use super::docs::{AchievementDoc, AchievementText, EnterpriseDoc, NeedDoc};
use super::merge_terms;
use super::parts::{
    Breakdown, Part, PartValues, Weights, history_fit, is_offered, maturity, mode_fit, price_fit,
    region_fit,
};
use super::tokens::{Token, token_text, tokens};
use crate::domain::{AchievementId, ClientId, NeedId, NeedStatus, Price, TransferModes};

/// How many relevance candidates get the structured parts: enough that a well-fitting
/// achievement with modest word overlap still makes the top 20.
const TEXT_CANDIDATES: usize = 400;
/// Terms in more than this share of documents are skipped (技术, 一种, 提高…).
const MAX_DF: f32 = 0.1;

/// What the broker decided before, which the ranking takes into account.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    /// Rejected (need, achievement) pairs: left out of that need's ranking.
    pub rejected: FxHashSet<(NeedId, AchievementId)>,
    /// Achievements each enterprise rejected, for the history part.
    pub rejected_by: FxHashMap<ClientId, Vec<AchievementId>>,
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
    achievements: Vec<Option<Entry>>,
    names: Names,
    achievement_slot: FxHashMap<AchievementId, u32>,
    achievement_bm25: Bm25,
    needs: Vec<Option<NeedDoc>>,
    need_slot: FxHashMap<NeedId, u32>,
    need_bm25: Bm25,
    enterprises: FxHashMap<ClientId, EnterpriseDoc>,
}

fn weighted(parts: &[(&str, u8)]) -> Vec<(Token, u8)> {
    let mut out = Vec::new();
    for (text, weight) in parts {
        for t in tokens(text) {
            out.push((t, *weight));
        }
    }
    out
}

impl MatchIndex {
    /// Adds an achievement, or replaces the one with its id.
    pub fn upsert_achievement(&mut self, doc: AchievementDoc, text: AchievementText<'_>) {
        self.remove_achievement(doc.id);
        let slot = self.achievement_bm25.add(&weighted(&[
            (text.title, 2),
            (text.keywords, 2),
            (text.abstract_text, 1),
            (text.indicators, 1),
        ]));
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
        if let Some(slot) = self.achievement_slot.remove(&id)
            && let Some(entry) = self.achievements.get_mut(slot as usize)
        {
            *entry = None;
        }
    }

    pub fn upsert_need(&mut self, doc: NeedDoc) {
        self.remove_need(doc.id);
        let slot = self.need_bm25.add(&weighted(&[
            (&doc.title, 2),
            (&doc.keywords.join(" "), 2),
            (&doc.text, 1),
        ]));
        self.need_slot.insert(doc.id, slot);
        self.needs.push(Some(doc));
    }

    pub fn remove_need(&mut self, id: NeedId) {
        if let Some(slot) = self.need_slot.remove(&id)
            && let Some(entry) = self.needs.get_mut(slot as usize)
        {
            *entry = None;
        }
    }

    pub fn upsert_enterprise(&mut self, doc: EnterpriseDoc) {
        self.enterprises.insert(doc.id, doc);
    }

    pub fn remove_enterprise(&mut self, id: ClientId) {
        self.enterprises.remove(&id);
    }

    pub fn shrink(&mut self) {
        self.achievement_bm25.shrink();
        self.need_bm25.shrink();
    }

    fn entry(&self, id: AchievementId) -> Option<&Entry> {
        let slot = *self.achievement_slot.get(&id)?;
        self.achievements.get(slot as usize)?.as_ref()
    }

    /// Whether the achievement is in the index (live, with a live owner).
    pub fn has_achievement(&self, id: AchievementId) -> bool {
        self.entry(id).is_some()
    }

    pub fn need(&self, id: NeedId) -> Option<&NeedDoc> {
        let slot = *self.need_slot.get(&id)?;
        self.needs.get(slot as usize)?.as_ref()
    }

    pub fn enterprise(&self, id: ClientId) -> Option<&EnterpriseDoc> {
        self.enterprises.get(&id)
    }

    /// The terms a need's text and an achievement's share that count for relevance (common
    /// words and single letters left out), merged into runs as they read in `need_text`.
    pub fn shared_terms(&self, need_text: &str, achievement_text: &str) -> Vec<String> {
        let in_achievement: FxHashSet<Token> = tokens(achievement_text).into_iter().collect();
        let mut seen = FxHashSet::default();
        let terms: Vec<String> = tokens(need_text)
            .into_iter()
            .filter(|t| {
                in_achievement.contains(t)
                    && self.achievement_bm25.is_informative(*t, MAX_DF)
                    && seen.insert(*t)
            })
            .filter_map(|t| token_text(t, need_text))
            .filter(|t| t.chars().count() > 1)
            .collect();
        merge_terms(need_text, &terms)
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

    /// The structured parts of one pair, with `text` its relevance from 0 to 1.
    fn values(&self, need: &NeedDoc, a: &Entry, text: f32, decisions: &Decisions) -> PartValues {
        let mut v = PartValues::default();
        let same_field = self.names.find(&need.field) == Some(a.field);
        v.set(Part::Text, text);
        v.set(Part::Field, if same_field { 1.0 } else { 0.0 });
        v.set(
            Part::Maturity,
            maturity(need.min_stage, need.min_trl, a.trl),
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
        v.set(
            Part::History,
            history_fit(self.similar_rejections(need.enterprise, a, decisions)),
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
            .filter(|r| r.field == a.field && r.keywords.iter().any(|k| a.keywords.contains(k)))
            .count()
    }

    /// Achievements for a need, best first.
    pub fn achievements_for_need(
        &self,
        need: &NeedDoc,
        weights: &Weights,
        decisions: &Decisions,
        top: usize,
        include_rejected: bool,
    ) -> Vec<Candidate> {
        let query = tokens(&need.text);
        let mut pool = top_by_relevance(&self.achievement_bm25, &query);
        pool.retain(|&(slot, _)| {
            self.achievements
                .get(slot as usize)
                .and_then(Option::as_ref)
                .is_some_and(|a| is_offered(a.status))
        });
        keep_best(&mut pool, TEXT_CANDIDATES);
        let best = pool.iter().map(|p| p.1).fold(0.0f32, f32::max);
        let mut out: Vec<Candidate> = pool
            .into_iter()
            .filter_map(|(slot, bm25)| {
                let a = self.achievements.get(slot as usize)?.as_ref()?;
                let rejected = decisions.rejected.contains(&(need.id, a.id));
                if rejected && !include_rejected {
                    return None;
                }
                let text = if best > 0.0 { bm25 / best } else { 0.0 };
                Some(Candidate {
                    achievement: a.id,
                    need: Some(need.id),
                    enterprise: need.enterprise,
                    breakdown: Breakdown::new(self.values(need, a, text, decisions), weights),
                    rejected,
                })
            })
            .collect();
        rank(&mut out, |c| c.achievement);
        out.truncate(top);
        out
    }

    /// Achievements for an enterprise across all its open needs: each achievement's best score
    /// over the needs, with the need it came through.
    pub fn achievements_for_enterprise(
        &self,
        enterprise: ClientId,
        weights: &Weights,
        decisions: &Decisions,
        top: usize,
        include_rejected: bool,
    ) -> Vec<Candidate> {
        let mut best: FxHashMap<AchievementId, Candidate> = FxHashMap::default();
        for need in self.open_needs_of(enterprise) {
            for c in self.achievements_for_need(need, weights, decisions, top, include_rejected) {
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
        let query: Vec<Token> = [
            text.title,
            text.keywords,
            text.abstract_text,
            text.indicators,
        ]
        .iter()
        .flat_map(|t| tokens(t))
        .collect();
        let mut pool = top_by_relevance(&self.need_bm25, &query);
        pool.retain(|&(slot, _)| {
            self.needs
                .get(slot as usize)
                .and_then(Option::as_ref)
                .is_some_and(|n| n.status == NeedStatus::Open)
        });
        keep_best(&mut pool, TEXT_CANDIDATES);
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
                breakdown: Breakdown::new(self.values(need, a, text, decisions), weights),
                rejected,
            };
            match by_enterprise.get(&need.enterprise) {
                Some(old) if old.breakdown.score >= c.breakdown.score => {}
                _ => {
                    by_enterprise.insert(need.enterprise, c);
                }
            }
        }
        for e in self.enterprises.values() {
            if self.names.find(&e.industry) != Some(a.field) || by_enterprise.contains_key(&e.id) {
                continue;
            }
            // The profile as a need with no text, no requirement and no budget.
            let profile = NeedDoc {
                id: 0,
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
                text: String::new(),
            };
            by_enterprise.insert(
                e.id,
                Candidate {
                    achievement: a.id,
                    need: None,
                    enterprise: e.id,
                    breakdown: Breakdown::new(self.values(&profile, a, 0.0, decisions), weights),
                    rejected: false,
                },
            );
        }
        let mut out: Vec<Candidate> = by_enterprise.into_values().collect();
        rank(&mut out, |c| c.enterprise);
        out.truncate(top);
        out
    }
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
    /// enterprises for an achievement (whose texts the caller supplies).
    pub fn rank(
        &self,
        subject: Subject,
        achievement_text: Option<AchievementText<'_>>,
        weights: &Weights,
        decisions: &Decisions,
        top: usize,
        include_rejected: bool,
    ) -> Vec<Candidate> {
        match (subject, achievement_text) {
            (Subject::Need(id), _) => self
                .need(id)
                .map(|n| self.achievements_for_need(n, weights, decisions, top, include_rejected))
                .unwrap_or_default(),
            (Subject::Enterprise(id), _) => {
                self.achievements_for_enterprise(id, weights, decisions, top, include_rejected)
            }
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
    /// Per-thread score buffer, reused between queries: allocating and zeroing 100,000 floats
    /// for every need costs as much as scoring it when all needs are matched at once.
    static SCORES: std::cell::RefCell<(Vec<f32>, Vec<u32>)> = const {
        std::cell::RefCell::new((Vec::new(), Vec::new()))
    };
}

/// The documents with the best BM25 scores for `query` (up to half again the candidates the
/// structured parts will see, so that filtering out unavailable ones still leaves enough).
fn top_by_relevance(bm25: &Bm25, query: &[Token]) -> Vec<(u32, f32)> {
    SCORES.with_borrow_mut(|(scores, touched)| {
        scores.resize(bm25.slots(), 0.0);
        touched.clear();
        bm25.score(query, MAX_DF, scores, touched);
        let mut pool: Vec<(u32, f32)> = touched
            .iter()
            .map(|&slot| (slot, scores[slot as usize]))
            .collect();
        for &slot in touched.iter() {
            scores[slot as usize] = 0.0;
        }
        keep_best(&mut pool, TEXT_CANDIDATES + TEXT_CANDIDATES / 2);
        pool
    })
}

/// Keeps the `n` highest-scoring entries (in no particular order).
fn keep_best(pool: &mut Vec<(u32, f32)>, n: usize) {
    if pool.len() > n {
        pool.select_nth_unstable_by(n, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        pool.truncate(n);
    }
}

/// Best score first; equal scores by id, so the order never changes between runs.
fn rank(candidates: &mut [Candidate], id: impl Fn(&Candidate) -> i64) {
    candidates.sort_by(|a, b| {
        b.breakdown
            .score
            .total_cmp(&a.breakdown.score)
            .then(id(a).cmp(&id(b)))
    });
}

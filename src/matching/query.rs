//! Reading a need as a broker does: what it asks for weighs more than who is asking.
//!
//! Needs open with the company ("我公司成立于2003年，是一家……企业，年产能3万吨") before the
//! problem ("目前……存在……问题") and the wish ("希望引进……技术，要求……"). The title, the keywords
//! and the indicators say what is wanted; the background says what the company makes, which
//! shares words with listings that solve other problems.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::assoc::Association;
use super::bm25::QueryTerm;
use super::tokens::{Token, tokens};
use super::tuning::Tuning;

/// What a clause of a need's description is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clause {
    /// The company's figures and honours: 成立于2003年, 年产能3万吨, 高新技术企业.
    Background,
    /// What the company does: 我公司主营冷轧板卷, 经营生鲜冷链运输.
    Business,
    Problem,
    Wish,
    Neutral,
}

impl Clause {
    /// Its weight when reading a need.
    pub fn weight(self, t: &Tuning) -> f32 {
        match self {
            Clause::Background => t.w_background,
            Clause::Business => t.w_business,
            Clause::Problem => t.w_problem,
            Clause::Wish => t.w_wish,
            Clause::Neutral => t.w_neutral,
        }
    }
}

const WISH_MARKERS: [&str; 16] = [
    "希望", "寻求", "引进", "需要", "急需", "亟需", "拟", "要求", "寻找", "征集", "求购", "解决",
    "实现", "开发", "攻克", "合作",
];
const PROBLEM_MARKERS: [&str; 14] = [
    "目前",
    "现有",
    "存在",
    "问题",
    "难题",
    "瓶颈",
    "不足",
    "困难",
    "痛点",
    "偏低",
    "偏高",
    "不稳定",
    "依靠人工",
    "导致",
];
const BACKGROUND_MARKERS: [&str; 24] = [
    "成立于",
    "成立",
    "年产",
    "产能",
    "产值",
    "销售收入",
    "营业收入",
    "营收",
    "员工",
    "职工",
    "占地",
    "注册资本",
    "是一家",
    "集研发",
    "高新技术企业",
    "专精特新",
    "位于",
    "坐落",
    "上市",
    "荣获",
    "认定",
    "技术中心",
    "亿元",
    "拥有",
];
const BUSINESS_MARKERS: [&str; 11] = [
    "我公司",
    "本公司",
    "我司",
    "公司",
    "企业",
    "集团",
    "主要从事",
    "主营",
    "专业从事",
    "致力于",
    "经营",
];

/// What `clause` is about, or None when it has no marker (it then takes its sentence's last).
pub fn classify(clause: &str) -> Option<Clause> {
    let has = |markers: &[&str]| markers.iter().any(|m| clause.contains(m));
    if has(&WISH_MARKERS) {
        Some(Clause::Wish)
    } else if has(&PROBLEM_MARKERS) {
        Some(Clause::Problem)
    } else if has(&BACKGROUND_MARKERS) {
        Some(Clause::Background)
    } else if has(&BUSINESS_MARKERS) {
        Some(Clause::Business)
    } else {
        None
    }
}

/// The description cut into clauses, each with what it is about. A clause without a marker
/// continues its sentence's; a sentence that starts without one is neutral.
pub fn clauses(description: &str) -> Vec<(&str, Clause)> {
    let mut out = Vec::new();
    for sentence in description.split(['。', '；', ';', '！', '!', '？', '?', '\n']) {
        let mut current = Clause::Neutral;
        for clause in sentence.split(['，', ',', '：', ':']) {
            if clause.trim().is_empty() {
                continue;
            }
            if let Some(c) = classify(clause) {
                current = c;
            }
            out.push((clause, current));
        }
    }
    out
}

/// A phrase of the query: the terms (by position in `Query::terms`) that must all be found in
/// a document for the phrase to count whole, and the bits they set.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub text: String,
    pub mask: u64,
    /// The phrase's share of the query's weight: the sum of its terms' weights.
    pub weight: f32,
    /// The association that brought it in, if any.
    pub via: Option<Association>,
}

/// Weighted query terms and the phrases among them.
#[derive(Debug, Default, Clone)]
pub struct Query {
    pub terms: Vec<QueryTerm>,
    pub phrases: Vec<Phrase>,
    index: FxHashMap<Token, usize>,
    bits: u8,
}

impl Query {
    /// Adds `text`'s tokens at `weight`; a token already in keeps the higher weight.
    pub fn add_text(&mut self, text: &str, weight: f32) {
        for t in tokens(text) {
            self.add_token(t, weight);
        }
    }

    fn add_token(&mut self, token: Token, weight: f32) -> usize {
        match self.index.get(&token) {
            Some(&i) => {
                if self.terms[i].weight < weight {
                    self.terms[i].weight = weight;
                }
                i
            }
            None => {
                self.index.insert(token, self.terms.len());
                self.terms.push(QueryTerm {
                    token,
                    weight,
                    bit: None,
                });
                self.terms.len() - 1
            }
        }
    }

    /// Adds `text` as a phrase at `weight` (its tokens too). A phrase of one token (unless an
    /// association brought it, to be shown when it matches), or one that finds no free bit, is
    /// only its tokens.
    pub fn add_phrase(&mut self, text: &str, weight: f32, via: Option<Association>) {
        let toks = tokens(text);
        let mut mask = 0u64;
        let mut total = 0.0;
        for t in &toks {
            let i = self.add_token(*t, weight);
            total += weight;
            if self.terms[i].bit.is_none() && self.bits < 64 {
                self.terms[i].bit = Some(self.bits);
                self.bits += 1;
            }
            if let Some(b) = self.terms[i].bit {
                mask |= 1 << b;
            }
        }
        let whole = toks.iter().all(|t| {
            self.index
                .get(t)
                .is_some_and(|&i| self.terms[i].bit.is_some())
        });
        let wanted = toks.len() > 1 || (via.is_some() && !toks.is_empty());
        if wanted && whole && !self.phrases.iter().any(|p| p.mask == mask && p.via == via) {
            self.phrases.push(Phrase {
                text: text.to_string(),
                mask,
                weight: total,
                via,
            });
        }
    }

    pub fn weight_of(&self, token: Token) -> f32 {
        self.index
            .get(&token)
            .map_or(0.0, |&i| self.terms[i].weight)
    }
}

/// Words a need's title is cut at into phrases: "冷轧带钢表面缺陷在线视觉检测系统" stays whole,
/// "高温合金叶片精密铸造缺陷控制技术需求" loses its 技术需求.
const TITLE_CUTS: [&str; 14] = [
    "技术需求",
    "需求",
    "技术难题",
    "难题",
    "攻关",
    "寻求",
    "解决",
    "的",
    "与",
    "和",
    "及",
    "、",
    "等",
    "用于",
];

/// The phrases of a title: the runs left between the cut words.
pub fn title_phrases(title: &str) -> Vec<String> {
    let mut text = title.to_string();
    for cut in TITLE_CUTS {
        text = text.replace(cut, " ");
    }
    text.split(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "，。；：（）".contains(c)
    })
    .filter(|p| p.chars().count() >= 2)
    .map(str::to_string)
    .collect()
}

/// The parts of a need a query is read from.
pub struct NeedParts<'a> {
    pub title: &'a str,
    pub keywords: &'a [Arc<str>],
    pub description: &'a str,
    pub indicators: &'a str,
}

impl NeedParts<'_> {
    /// The need's texts with the weight each is read at: as a broker reads it with
    /// `t.reading`, else all alike.
    pub fn sections(&self, t: &Tuning) -> Vec<(&str, f32)> {
        let w = |weight: f32| if t.reading { weight } else { 1.0 };
        let mut out: Vec<(&str, f32)> = vec![(self.title, w(t.w_title))];
        out.extend(self.keywords.iter().map(|k| (&**k, w(t.w_keywords))));
        out.extend(
            clauses(self.description)
                .into_iter()
                .map(|(c, kind)| (c, w(kind.weight(t)))),
        );
        out.push((self.indicators, w(t.w_indicators)));
        out
    }
}

/// The query for a need: its sections' tokens at their weights, and with `t.phrases` its
/// keywords and title runs as phrases.
pub fn need_query(need: &NeedParts<'_>, t: &Tuning) -> Query {
    let mut q = Query::default();
    let w = |weight: f32| if t.reading { weight } else { 1.0 };
    if t.phrases {
        for k in need.keywords {
            q.add_phrase(k, w(t.w_keywords), None);
        }
        for p in title_phrases(need.title) {
            q.add_phrase(&p, w(t.w_title), None);
        }
    }
    for (text, weight) in need.sections(t) {
        q.add_text(text, weight);
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_need_is_read_background_problem_wish() {
        let c = clauses(
            "我公司成立于2003年，是一家集研发、生产于一体的高新技术企业，年产能3万吨。我公司主营冷轧板卷。\
             目前冷轧出口段表面缺陷依靠人工目视抽检，漏检多。希望引进在线视觉检测系统，检测速度不低于300m/min。",
        );
        let kinds: Vec<Clause> = c.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            vec![
                Clause::Background,
                Clause::Background,
                Clause::Background,
                Clause::Business,
                Clause::Problem,
                Clause::Problem,
                Clause::Wish,
                Clause::Wish,
            ]
        );
    }

    #[test]
    fn the_wish_weighs_more_than_the_background() {
        let need = NeedParts {
            title: "表面缺陷检测",
            keywords: &[],
            description: "我公司年产镀锌板3万吨。希望引进视觉检测系统。",
            indicators: "",
        };
        let tuning = Tuning::default();
        let q = need_query(&need, &tuning);
        let t = |s: &str| tokens(s)[0];
        assert!(q.weight_of(t("视觉")) > q.weight_of(t("镀锌")));
        assert_eq!(q.weight_of(t("缺陷")), tuning.w_title);
        let flat = need_query(
            &need,
            &Tuning {
                reading: false,
                ..tuning
            },
        );
        assert_eq!(flat.weight_of(t("视觉")), flat.weight_of(t("镀锌")));
    }

    #[test]
    fn titles_are_cut_into_phrases_and_phrases_get_bits() {
        assert_eq!(
            title_phrases("高温合金叶片精密铸造缺陷控制技术需求"),
            vec!["高温合金叶片精密铸造缺陷控制".to_string()]
        );
        assert_eq!(
            title_phrases("锂电池与燃料电池的检测"),
            vec!["锂电池", "燃料电池", "检测"]
        );
        let mut q = Query::default();
        q.add_phrase("机器视觉", 1.0, None);
        q.add_phrase("PLC", 1.0, None);
        assert_eq!(q.phrases.len(), 1);
        assert_eq!(q.phrases[0].mask, 0b111);
    }
}

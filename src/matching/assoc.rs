//! Terms that mean the same thing: the broker's thesaurus ("锂电 ≈ 锂离子电池") and the
//! associations mined from the catalogue itself: abbreviations written with their expansion
//! ("可编程逻辑控制器（PLC）"), and keywords that listings give together.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::tokens::{Token, tokens};

/// Where an association comes from, for the breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The broker's thesaurus.
    Thesaurus,
    /// An abbreviation written with its expansion in the catalogue.
    Abbreviation,
    /// Keywords listings give together.
    Keywords,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::Thesaurus => "thesaurus",
            Source::Abbreviation => "abbreviation",
            Source::Keywords => "keywords",
        }
    }
}

/// An associated term a need brought in: the need's term, the term it stands for, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Association {
    pub need_term: String,
    pub term: String,
    pub source: Source,
}

/// Keywords given together by at least this many listings…
const MIN_PAIR_COUNT: u32 = 3;
/// …and in at least this share of the listings of each of the two: a rare keyword given now and
/// then beside a common one (a method beside its field's usual topic) says nothing about
/// what the common one means.
const MIN_PAIR_SHARE: f32 = 0.5;
/// How much a keyword association counts against a thesaurus entry or an abbreviation.
const KEYWORD_STRENGTH: f32 = 0.5;
/// The longest term an abbreviation's expansion is taken to be, in characters.
const MAX_EXPANSION: usize = 10;

/// What the catalogue says about terms, gathered as documents are added.
#[derive(Default)]
pub struct Miner {
    abbreviations: FxHashMap<(Box<str>, Box<str>), u32>,
    keyword_ids: FxHashMap<Box<str>, u32>,
    keywords: Vec<(Box<str>, u32)>,
    pairs: FxHashMap<(u32, u32), u32>,
}

/// Words that end the phrase before an abbreviation: "采用可编程逻辑控制器（PLC）" is about
/// 可编程逻辑控制器.
const EXPANSION_CUTS: [&str; 35] = [
    "采用", "基于", "利用", "通过", "使用", "结合", "以及", "包括", "配备", "配置", "搭载", "引入",
    "应用", "开发", "研制", "构建", "建立", "部署", "集成", "融合", "加装", "安装", "实现", "的",
    "和", "与", "及", "或", "等", "对", "将", "在", "为", "了", "经",
];

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn is_abbreviation(s: &str) -> bool {
    let n = s.chars().count();
    (2..=10).contains(&n)
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && s.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// The term a run of Chinese ends with, cut after the last cut word.
fn expansion(run: &str) -> Option<&str> {
    let mut start = 0;
    for cut in EXPANSION_CUTS {
        if let Some(i) = run.rfind(cut) {
            start = start.max(i + cut.len());
        }
    }
    let term = &run[start..];
    let n = term.chars().count();
    (2..=MAX_EXPANSION).contains(&n).then_some(term)
}

/// Calls `f(expansion, abbreviation)` for each "中文（ABC）" and "ABC（中文）" in `text`.
pub fn abbreviations(text: &str, mut f: impl FnMut(&str, &str)) {
    let mut rest = text;
    while let Some(open) = rest.find(['（', '(']) {
        let before = &rest[..open];
        let after_open = &rest[open..];
        let inner_start = after_open.chars().next().map_or(1, char::len_utf8);
        let inner_text = &after_open[inner_start..];
        let Some(close) = inner_text.find(['）', ')']) else {
            break;
        };
        let inner = inner_text[..close].trim();
        let run_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_cjk(*c))
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '-')
            .last()
            .map_or(before.len(), |(i, _)| i);
        if is_abbreviation(inner) {
            if let Some(term) = expansion(&before[run_start..]) {
                f(term, inner);
            }
        } else if is_abbreviation(&before[word_start..])
            && inner.chars().all(is_cjk)
            && (2..=MAX_EXPANSION).contains(&inner.chars().count())
        {
            f(inner, &before[word_start..]);
        }
        rest = &inner_text[close..];
    }
}

impl Miner {
    /// Reads one listing: its texts for abbreviations, its keywords for pairs.
    pub fn add(&mut self, texts: &[&str], keywords: &[String]) {
        for text in texts {
            abbreviations(text, |long, short| {
                *self
                    .abbreviations
                    .entry((long.into(), short.to_lowercase().into()))
                    .or_default() += 1;
            });
        }
        let mut ids: Vec<u32> = keywords
            .iter()
            .map(|k| k.trim())
            .filter(|k| k.chars().count() >= 2)
            .map(|k| {
                let k = k.to_lowercase();
                if let Some(&id) = self.keyword_ids.get(k.as_str()) {
                    return id;
                }
                let id = self.keywords.len() as u32;
                self.keyword_ids.insert(k.as_str().into(), id);
                self.keywords.push((k.into(), 0));
                id
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for &id in &ids {
            self.keywords[id as usize].1 += 1;
        }
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                *self.pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
}

impl Miner {
    /// Estimated heap bytes.
    pub fn heap_bytes(&self) -> usize {
        super::map_bytes(&self.abbreviations)
            + self
                .abbreviations
                .keys()
                .map(|(a, b)| a.len() + b.len())
                .sum::<usize>()
            + super::map_bytes(&self.keyword_ids)
            + self.keywords.capacity() * std::mem::size_of::<(Box<str>, u32)>()
            + self
                .keywords
                .iter()
                .map(|(k, _)| 2 * k.len())
                .sum::<usize>()
            + super::map_bytes(&self.pairs)
    }
}

/// A term of the table, as text and as tokens.
struct Term {
    text: Box<str>,
    tokens: Box<[Token]>,
}

struct Link {
    other: u32,
    strength: f32,
    source: Source,
}

/// The association table the engine expands needs with.
#[derive(Default)]
pub struct Associations {
    terms: Vec<Term>,
    ids: FxHashMap<Box<str>, u32>,
    by_first: FxHashMap<Token, Vec<u32>>,
    links: Vec<Vec<Link>>,
}

/// One term of a need that has associations, with the section weight it was found at.
pub struct Found {
    pub term: String,
    pub weight: f32,
    pub others: Vec<(String, f32, Source)>,
}

impl Associations {
    /// Estimated heap bytes.
    pub fn heap_bytes(&self) -> usize {
        self.terms.capacity() * std::mem::size_of::<Term>()
            + self
                .terms
                .iter()
                .map(|t| 2 * t.text.len() + 8 * t.tokens.len())
                .sum::<usize>()
            + super::map_bytes(&self.ids)
            + super::map_bytes(&self.by_first)
            + self
                .by_first
                .values()
                .map(|v| 4 * v.capacity())
                .sum::<usize>()
            + self
                .links
                .iter()
                .map(|l| 24 + l.capacity() * std::mem::size_of::<Link>())
                .sum::<usize>()
    }

    /// The table from the broker's thesaurus and what `miner` gathered.
    pub fn build(thesaurus: &[(String, String)], miner: &Miner) -> Self {
        let mut table = Associations::default();
        for (a, b) in thesaurus {
            table.link(a, b, 1.0, Source::Thesaurus);
        }
        for (long, short) in miner.abbreviations.keys() {
            // A keyword the run ends with is the term: 自动导引车 in 小车自动导引车.
            let keyword = long
                .char_indices()
                .map(|(i, _)| &long[i..])
                .find(|tail| tail.chars().count() >= 2 && miner.keyword_ids.contains_key(*tail));
            table.link(keyword.unwrap_or(long), short, 1.0, Source::Abbreviation);
        }
        for (&(a, b), &count) in &miner.pairs {
            let (ka, da) = &miner.keywords[a as usize];
            let (kb, db) = &miner.keywords[b as usize];
            if count < MIN_PAIR_COUNT || (count as f32) < MIN_PAIR_SHARE * (*da.max(db) as f32) {
                continue;
            }
            // 电池 with 锂电池 shares its pairs already.
            if ka.contains(&**kb) || kb.contains(&**ka) {
                continue;
            }
            table.link(ka, kb, KEYWORD_STRENGTH, Source::Keywords);
        }
        table
    }

    fn term(&mut self, text: &str) -> Option<u32> {
        let text = text.trim().to_lowercase();
        if let Some(&id) = self.ids.get(text.as_str()) {
            return Some(id);
        }
        let toks: Box<[Token]> = tokens(&text).into();
        let first = *toks.first()?;
        let id = self.terms.len() as u32;
        self.terms.push(Term {
            text: text.as_str().into(),
            tokens: toks,
        });
        self.links.push(Vec::new());
        self.ids.insert(text.into(), id);
        self.by_first.entry(first).or_default().push(id);
        Some(id)
    }

    fn link(&mut self, a: &str, b: &str, strength: f32, source: Source) {
        let (Some(a), Some(b)) = (self.term(a), self.term(b)) else {
            return;
        };
        if a == b {
            return;
        }
        for (from, to) in [(a, b), (b, a)] {
            let links = &mut self.links[from as usize];
            match links.iter_mut().find(|l| l.other == to) {
                Some(l) if l.strength >= strength => {}
                Some(l) => {
                    l.strength = strength;
                    l.source = source;
                }
                None => links.push(Link {
                    other: to,
                    strength,
                    source,
                }),
            }
        }
    }

    pub fn len(&self) -> usize {
        self.links.iter().map(Vec::len).sum::<usize>() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The terms with associations in `sections` (text, weight), each with its highest weight
    /// and the terms it stands for.
    pub fn find(&self, sections: &[(&str, f32)]) -> Vec<Found> {
        let mut best: FxHashMap<u32, f32> = FxHashMap::default();
        for (text, weight) in sections {
            let toks = tokens(&text.to_lowercase());
            for start in 0..toks.len() {
                let Some(candidates) = self.by_first.get(&toks[start]) else {
                    continue;
                };
                for &id in candidates {
                    let t = &self.terms[id as usize].tokens;
                    if toks[start..].starts_with(t) {
                        let w = best.entry(id).or_insert(0.0);
                        *w = w.max(*weight);
                    }
                }
            }
        }
        let mut out: Vec<Found> = best
            .into_iter()
            .map(|(id, weight)| Found {
                term: self.terms[id as usize].text.to_string(),
                weight,
                others: self.links[id as usize]
                    .iter()
                    .map(|l| {
                        (
                            self.terms[l.other as usize].text.to_string(),
                            l.strength,
                            l.source,
                        )
                    })
                    .collect(),
            })
            .collect();
        // The same need gives the same query every time.
        out.sort_by(|a, b| a.term.cmp(&b.term));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mined(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        abbreviations(text, |a, b| out.push((a.to_string(), b.to_string())));
        out
    }

    #[test]
    fn abbreviations_are_found_with_their_expansion() {
        assert_eq!(
            mined(
                "系统采用可编程逻辑控制器（PLC）实现联锁，数据经SCADA（数据采集与监视控制系统）上传"
            ),
            vec![("可编程逻辑控制器".into(), "PLC".into())]
        );
        assert_eq!(
            mined("配备自动导引车(AGV)和MES（制造执行系统）"),
            vec![
                ("自动导引车".to_string(), "AGV".to_string()),
                ("制造执行系统".to_string(), "MES".to_string())
            ]
        );
        assert!(mined("含量（≥99%）与温度(25℃)").is_empty());
    }

    #[test]
    fn the_table_links_both_ways_and_finds_terms_in_a_need() {
        let mut miner = Miner::default();
        miner.add(&["采用可编程逻辑控制器（PLC）控制"], &[]);
        for _ in 0..3 {
            miner.add(&[], &["刺参".into(), "海参".into()]);
        }
        let table = Associations::build(&[("锂电".into(), "锂离子电池".into())], &miner);
        assert_eq!(table.len(), 3);
        let found = table.find(&[("锂电池PLC改造", 2.0), ("海参养殖", 0.5)]);
        let terms: Vec<&str> = found.iter().map(|f| f.term.as_str()).collect();
        assert_eq!(terms, vec!["plc", "海参", "锂电"]);
        assert_eq!(found[0].others[0].0, "可编程逻辑控制器");
        assert_eq!(found[1].others[0].2, Source::Keywords);
        assert_eq!(found[2].weight, 2.0);
    }
}

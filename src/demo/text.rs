//! Titles and texts assembled from templates. A template is Chinese text with one-letter slots
//! in braces, filled from [`Slots`] that are drawn once per record, so that the title, the
//! abstract and the keywords of an achievement speak of the same object and method.

use std::fmt::Write;

use rand::seq::IndexedRandom;

use super::geo::CITIES;
use super::random::{DemoRng, between, chance, one, other_word, pick, word};
use super::vocab::{Family, Indicator, Vocab};
use crate::domain::Stage;

/// Endings of titles: 关键技术 in "高精度数控机床关键技术".
const TITLE_SUFFIXES: [&str; 8] = [
    "关键技术",
    "研发及产业化",
    "集成技术",
    "研究与应用",
    "产业化技术",
    "成套技术",
    "工程化应用",
    "开发与示范",
];

/// The words one record is written from.
pub(super) struct Slots {
    /// `{f}`
    pub field: &'static str,
    /// `{q}`
    pub quality: &'static str,
    /// `{o}`
    pub object: &'static str,
    /// `{m}`
    pub method: &'static str,
    /// `{M}`: a second method, for "融合…与…".
    pub method2: &'static str,
    /// `{s}`
    pub scene: &'static str,
    /// `{x}`
    pub suffix: &'static str,
    /// `{l}`
    pub latin: &'static str,
    /// `{p}`
    pub problem: &'static str,
    /// `{r}`
    pub process: &'static str,
    /// `{c}`
    pub city: &'static str,
    /// `{g}`: how far the work has got, set by achievements.
    pub stage_done: &'static str,
    /// `{a}`: what a need wants improved, set by needs.
    pub aspect: &'static str,
    /// `{z}`: what a need's problem costs, set by needs.
    pub consequence: &'static str,
    /// `{n}`: a small count (enterprises, months, people).
    pub count: u32,
    /// `{k}`: a percentage.
    pub percent: u32,
    /// `{i}`: one measured figure.
    pub reading: Reading,
}

impl Slots {
    pub(super) fn pick(rng: &mut DemoRng, vocab: &'static Vocab, family: &'static Family) -> Self {
        let method = word(rng, family.methods);
        let indicator = one(rng, &family.indicators);
        Slots {
            field: vocab.field,
            quality: word(rng, family.qualities),
            object: word(rng, family.objects),
            method,
            method2: other_word(rng, family.methods, method),
            scene: word(rng, family.scenes),
            suffix: word(rng, &TITLE_SUFFIXES),
            latin: word(rng, vocab.latin),
            problem: word(rng, family.problems),
            process: word(rng, family.processes),
            city: one(rng, &CITIES).short,
            stage_done: "",
            aspect: "",
            consequence: "",
            count: between(rng, 3, 30),
            percent: between(rng, 10, 45),
            reading: Reading::pick(rng, indicator),
        }
    }
}

/// Writes `template` with its slots filled. An unknown slot is written as it stands, so the
/// template tests catch it.
pub(super) fn render(out: &mut String, template: &str, s: &Slots) {
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        if c != '{' {
            out.push(c);
            continue;
        }
        let slot = chars.next();
        chars.next();
        match slot {
            Some('f') => out.push_str(s.field),
            Some('q') => out.push_str(s.quality),
            Some('o') => out.push_str(s.object),
            Some('m') => out.push_str(s.method),
            Some('M') => out.push_str(s.method2),
            Some('s') => out.push_str(s.scene),
            Some('x') => out.push_str(s.suffix),
            Some('l') => out.push_str(s.latin),
            Some('p') => out.push_str(s.problem),
            Some('r') => out.push_str(s.process),
            Some('c') => out.push_str(s.city),
            Some('g') => out.push_str(s.stage_done),
            Some('a') => out.push_str(s.aspect),
            Some('z') => out.push_str(s.consequence),
            Some('n') => push_number(out, s.count),
            Some('k') => push_number(out, s.percent),
            Some('i') => s.reading.write(out),
            other => {
                out.push('{');
                out.extend(other);
                out.push('}');
            }
        }
    }
}

fn push_number(out: &mut String, n: u32) {
    // Writing to a String cannot fail.
    let _ = write!(out, "{n}");
}

/// An indicator with a value drawn from its range.
#[derive(Clone, Copy)]
pub(super) struct Reading {
    indicator: &'static Indicator,
    value: u32,
}

impl Reading {
    pub(super) fn pick(rng: &mut DemoRng, indicator: &'static Indicator) -> Self {
        Reading {
            indicator,
            value: between(rng, indicator.low, indicator.high),
        }
    }

    /// "导热系数≥1500 W/(m·K)".
    pub(super) fn write(self, out: &mut String) {
        out.push_str(self.indicator.label);
        if self.indicator.tenths {
            // Writing to a String cannot fail.
            let _ = write!(out, "{}.{}", self.value / 10, self.value % 10);
        } else {
            push_number(out, self.value);
        }
        out.push_str(self.indicator.unit);
    }
}

/// One to `most` different indicators of the family, joined by `separator`.
pub(super) fn indicators(
    rng: &mut DemoRng,
    family: &'static Family,
    most: u32,
    separator: &str,
) -> String {
    let count = between(rng, 1, most) as usize;
    let mut out = String::with_capacity(80);
    for (i, indicator) in family.indicators.choose_multiple(rng, count).enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        Reading::pick(rng, indicator).write(&mut out);
    }
    out
}

/// One to five keywords: the method of the record `method_pct` times in a hundred, the rest
/// from the family's list, none twice.
pub(super) fn keywords(
    rng: &mut DemoRng,
    family: &Family,
    method: &'static str,
    method_pct: u32,
) -> Vec<String> {
    let wanted = pick(rng, &[(1, 10), (2, 20), (3, 35), (4, 20), (5, 15)]);
    let mut out: Vec<String> = Vec::with_capacity(wanted);
    if !method.is_empty() && chance(rng, method_pct) {
        out.push(method.to_string());
    }
    for keyword in family.keywords.choose_multiple(rng, wanted) {
        if out.len() >= wanted {
            break;
        }
        if !out.iter().any(|k| k == keyword) {
            out.push((*keyword).to_string());
        }
    }
    out
}

/// How far the work has got, in the words of an abstract.
pub(super) fn stage_done(rng: &mut DemoRng, stage: Stage) -> &'static str {
    let options: &[&'static str] = match stage {
        Stage::Lab => &[
            "已完成实验室验证",
            "已完成原理样机研制",
            "已完成关键技术验证",
        ],
        Stage::SmallTrial => &["已完成小试", "已完成小批量试制", "已完成工程样机研制"],
        Stage::Pilot => &["已完成中试验证", "已建成中试线", "已完成中试和用户试用"],
        Stage::Industrial => &["已实现规模化生产", "已在多家企业推广应用", "已形成批量销售"],
    };
    word(rng, options)
}

pub(super) const BACKGROUNDS: [&str; 4] = [
    "针对{s}中{p}的问题，本项目围绕{q}{o}开展了系统研究。",
    "当前国内{o}市场需求持续增长，但普遍存在{p}等不足，制约了相关产业的高质量发展。",
    "随着{l}等新技术的快速发展，传统{o}已难以满足{s}对效率、成本和可靠性的要求。",
    "{o}是{f}领域的重要产品，长期以来国内企业面临{p}的难题，亟需自主可控的解决方案。",
];
pub(super) const APPROACHES: [&str; 4] = [
    "本成果采用{m}与{M}相结合的技术路线，研制出{q}{o}，{g}。",
    "项目团队以{m}为核心，结合{l}等技术手段，开发了{q}{o}，{g}。",
    "该技术通过{m}优化关键工艺参数，显著提升了{o}的综合性能，{g}。",
    "研究团队历时{n}个月攻关，突破了{m}的工程化难题，形成了{q}{o}成套方案，{g}。",
];
pub(super) const NOVELTIES: [&str; 4] = [
    "主要创新点：一是提出了基于{m}的新方法；二是突破了{o}在{r}环节的技术瓶颈。",
    "创新之处在于将{M}引入{o}设计，有效解决了{p}的难题。",
    "与现有技术相比，该成果在{r}环节效率提升{k}%，{i}。",
    "经第三方检测，{i}，主要性能指标达到国内领先水平。",
];
/// Outlooks for work still in the lab or at small trial: nothing is in use yet.
pub(super) const EARLY_OUTLOOKS: [&str; 3] = [
    "该成果可广泛应用于{s}等领域，市场前景广阔。",
    "成果适合与{s}相关企业开展合作，可通过合作开发方式推进中试和产业化。",
    "预计推广应用后可为企业降低综合成本{k}%以上，具有良好的产业化前景。",
];
pub(super) const PROVEN_OUTLOOKS: [&str; 3] = [
    "目前已在{c}等地{n}家企业开展示范应用，经济和社会效益显著。",
    "推广应用后预计可为企业降低综合成本{k}%以上，具有良好的产业化前景。",
    "成果适合与{s}相关企业开展合作，可通过技术许可或转让方式实施转化。",
];
/// Added when the four parts come out short.
pub(super) const ABSTRACT_EXTRAS: [&str; 2] = [
    "项目已形成完整的技术文档和工艺规范，可提供技术培训与现场指导。",
    "团队拥有{n}名专业技术人员，具备持续研发和技术服务能力。",
];

/// About 150-200 characters: background, approach, novelty, outlook.
pub(super) fn abstract_text(rng: &mut DemoRng, slots: &Slots, stage: Stage) -> String {
    let mut out = String::with_capacity(720);
    render(&mut out, word(rng, &BACKGROUNDS), slots);
    render(&mut out, word(rng, &APPROACHES), slots);
    render(&mut out, word(rng, &NOVELTIES), slots);
    let outlook = if stage < Stage::Pilot {
        word(rng, &EARLY_OUTLOOKS)
    } else {
        word(rng, &PROVEN_OUTLOOKS)
    };
    render(&mut out, outlook, slots);
    if out.chars().count() < 150 {
        render(&mut out, word(rng, &ABSTRACT_EXTRAS), slots);
    }
    out
}

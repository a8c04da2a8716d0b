//! Technology needs, written the way enterprises write them.

use chrono::NaiveDate;
use rand::seq::IndexedRandom;

use super::clients::GeneratedClient;
use super::random::{DemoRng, amount, between, chance, one, pick, weighted, word};
use super::text::{self, Slots, render};
use super::vocab::{VOCABS, Vocab};
use crate::domain::{ClientId, ClientKind, NeedData, NeedMode, NeedStatus, Price, Stage};

/// What the enterprise wants improved: 缺陷控制 in "高温合金叶片精密铸造缺陷控制技术需求".
pub(super) const ASPECTS: [&str; 12] = [
    "缺陷控制",
    "工艺优化",
    "质量提升",
    "降本增效",
    "自动化改造",
    "智能化升级",
    "国产化替代",
    "性能提升",
    "节能降耗",
    "寿命提升",
    "稳定性提升",
    "在线检测",
];

/// What the problem costs the enterprise.
pub(super) const CONSEQUENCES: [&str; 7] = [
    "产品良品率偏低",
    "生产成本居高不下",
    "交货周期延长",
    "客户投诉增多",
    "难以满足高端客户要求",
    "市场竞争力下降",
    "安全环保压力加大",
];

pub(super) const TITLES: [&str; 7] = [
    "{o}{r}{a}技术需求",
    "{q}{o}{a}需求",
    "{s}{o}{a}技术需求",
    "寻求{m}技术解决{r}难题",
    "{o}{a}技术需求",
    "{r}环节{p}问题攻关需求",
    "{q}{o}联合研发需求",
];

pub(super) const OPENINGS: [&str; 3] = [
    "我公司主要从事{o}的研发、生产和销售，",
    "我公司是{c}一家专注于{o}的科技型企业，",
    "本企业深耕{f}领域多年，主要产品为{o}，",
];
pub(super) const TROUBLES: [&str; 3] = [
    "目前在{r}环节存在{p}的问题，导致{z}。",
    "近年来随着订单增加，{r}环节{p}的问题日益突出，导致{z}。",
    "现有工艺在{r}环节{p}，导致{z}。",
];
pub(super) const WISHES: [&str; 4] = [
    "希望寻求{m}等相关技术，实现{i}。",
    "希望与高校院所合作，引入{m}技术，使{i}。",
    "拟通过技术转让或合作开发方式引进成熟技术，力争{i}。",
    "希望寻求{q}{o}相关技术，实现{i}，并降低成本{k}%以上。",
];
/// Added to short descriptions and to some others.
pub(super) const NEED_EXTRAS: [&str; 4] = [
    "公司可提供中试场地和生产线配合验证。",
    "预算可根据技术成熟度和合作方式协商确定。",
    "希望合作方具备{n}年以上相关领域研发经验。",
    "项目已列入公司年度技术改造计划，需求较为迫切。",
];

/// 10万 to 500万 yuan in 万, log-uniform (see `random::amount`).
const BUDGET_BANDS: [((u32, u32), u32); 5] = [
    ((10, 20), 7),
    ((20, 50), 9),
    ((50, 100), 7),
    ((100, 200), 7),
    ((200, 500), 9),
];

const MODES: [(NeedMode, u32); 4] = [
    (NeedMode::Buy, 35),
    (NeedMode::Licence, 20),
    (NeedMode::CoDevelop, 35),
    (NeedMode::Consult, 10),
];

const MIN_STAGES: [(Stage, u32); 4] = [
    (Stage::Lab, 5),
    (Stage::SmallTrial, 15),
    (Stage::Pilot, 50),
    (Stage::Industrial, 30),
];

const STATUSES: [(NeedStatus, u32); 4] = [
    (NeedStatus::Open, 70),
    (NeedStatus::Matched, 15),
    (NeedStatus::Solved, 10),
    (NeedStatus::Closed, 5),
];

/// What a need was written about, so that answers can be written for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedTopic {
    pub quality: &'static str,
    pub object: &'static str,
    pub method: &'static str,
    pub method2: &'static str,
    pub scene: &'static str,
    pub problem: &'static str,
    pub process: &'static str,
}

pub(super) fn generate(
    rng: &mut DemoRng,
    clients: &[GeneratedClient],
    count: usize,
) -> Vec<(NeedData, NeedTopic)> {
    let enterprises: Vec<(usize, Option<&'static Vocab>)> = clients
        .iter()
        .enumerate()
        .filter(|(_, c)| c.draft.kind == ClientKind::Enterprise)
        .map(|(i, c)| (i, c.home))
        .collect();
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let Some(&(index, home)) = enterprises.choose(rng) else {
            break;
        };
        out.push(need(rng, index, home));
    }
    out
}

fn need(
    rng: &mut DemoRng,
    enterprise: usize,
    home: Option<&'static Vocab>,
) -> (NeedData, NeedTopic) {
    let vocab = match home {
        Some(home) if chance(rng, 75) => home,
        _ => *weighted(rng, &VOCABS, |v| v.weight),
    };
    let family = one(rng, &vocab.families);
    let mut slots = Slots::pick(rng, vocab, family);
    slots.aspect = word(rng, &ASPECTS);
    slots.consequence = word(rng, &CONSEQUENCES);
    let mut title = String::with_capacity(96);
    render(&mut title, word(rng, &TITLES), &slots);
    let min_stage = chance(rng, 60).then(|| pick(rng, &MIN_STAGES));
    let min_trl = chance(rng, 40).then(|| match min_stage {
        Some(stage) => trl_within(rng, stage),
        None => between(rng, 4, 8) as u8,
    });
    let topic = NeedTopic {
        quality: slots.quality,
        object: slots.object,
        method: slots.method,
        method2: slots.method2,
        scene: slots.scene,
        problem: slots.problem,
        process: slots.process,
    };
    let need = NeedData {
        enterprise: ClientId(enterprise as i64),
        title,
        description: description(rng, &slots),
        indicators: text::indicators(rng, family, 2, "；"),
        field: vocab.field.to_string(),
        keywords: text::keywords(rng, family, slots.method, 50),
        budget: if chance(rng, 40) {
            Price::Negotiable
        } else {
            Price::Amount(amount(rng, &BUDGET_BANDS, 10_000))
        },
        budget_range: None,
        preferred_mode: pick(rng, &MODES),
        min_stage,
        min_trl,
        deadline: if chance(rng, 60) { deadline(rng) } else { None },
        confidential: chance(rng, 10),
        status: pick(rng, &STATUSES),
    };
    (need, topic)
}

/// "我公司主要从事……，目前在……环节存在……问题，导致……。希望寻求……技术，实现……。"
fn description(rng: &mut DemoRng, slots: &Slots) -> String {
    let mut out = String::with_capacity(450);
    render(&mut out, word(rng, &OPENINGS), slots);
    render(&mut out, word(rng, &TROUBLES), slots);
    render(&mut out, word(rng, &WISHES), slots);
    if out.chars().count() < 90 || chance(rng, 30) {
        render(&mut out, word(rng, &NEED_EXTRAS), slots);
    }
    out
}

/// A TRL that sits at `stage`, so the two requirements agree.
fn trl_within(rng: &mut DemoRng, stage: Stage) -> u8 {
    let (low, high) = match stage {
        Stage::Lab => (1, 3),
        Stage::SmallTrial => (4, 5),
        Stage::Pilot => (6, 7),
        Stage::Industrial => (8, 9),
    };
    between(rng, low, high) as u8
}

/// In 2026-2028; half of them at the end of a quarter, as plans are made.
fn deadline(rng: &mut DemoRng) -> Option<NaiveDate> {
    let year = between(rng, 2026, 2028) as i32;
    let (month, day) = if chance(rng, 50) {
        *one(rng, &[(3, 31), (6, 30), (9, 30), (12, 31)])
    } else {
        (between(rng, 1, 12), between(rng, 1, 28))
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

//! Achievements: four in five from universities and institutes, across every field, titles
//! mostly unique.

use rand::seq::IndexedRandom;
use rustc_hash::FxHashSet;

use super::clients::GeneratedClient;
use super::ip;
use super::people::inventors;
use super::random::{DemoRng, amount, between, chance, front_heavy, one, pick, weighted, word};
use super::text::{self, Slots, render};
use super::vocab::{Family, VOCABS, Vocab};
use crate::domain::{
    AchievementData, AchievementStatus, ClientId, ClientKind, Price, Stage, TransferMode,
    TransferModes,
};

/// Draws of a title before a repeat is accepted: only once a field's patterns are nearly used up.
const TITLE_ATTEMPTS: usize = 16;

/// Universities and institutes publish early work; enterprises offer what they already make.
const RESEARCH_TRL: [(u8, u32); 9] = [
    (1, 2),
    (2, 5),
    (3, 12),
    (4, 18),
    (5, 20),
    (6, 18),
    (7, 13),
    (8, 8),
    (9, 4),
];
const ENTERPRISE_TRL: [(u8, u32); 9] = [
    (1, 0),
    (2, 1),
    (3, 3),
    (4, 6),
    (5, 10),
    (6, 18),
    (7, 24),
    (8, 22),
    (9, 16),
];

const MODES: [(TransferMode, u32); 7] = [
    (TransferMode::Assignment, 30),
    (TransferMode::LicenceOrdinary, 20),
    (TransferMode::LicenceExclusive, 12),
    (TransferMode::LicenceSole, 6),
    (TransferMode::Equity, 10),
    (TransferMode::CoDevelopment, 14),
    (TransferMode::UseFirstPayLater, 8),
];

/// 5万 to 2000万 yuan in thousands of yuan, log-uniform (see `random::amount`).
const PRICE_BANDS: [((u32, u32), u32); 8] = [
    ((50, 100), 7),
    ((100, 200), 7),
    ((200, 500), 9),
    ((500, 1000), 7),
    ((1000, 2000), 7),
    ((2000, 5000), 9),
    ((5000, 10000), 7),
    ((10000, 20000), 7),
];

const STATUSES: [(AchievementStatus, u32); 4] = [
    (AchievementStatus::Available, 80),
    (AchievementStatus::Negotiating, 10),
    (AchievementStatus::Transferred, 7),
    (AchievementStatus::Withdrawn, 3),
];

const RESEARCH_SOURCES: [(&str, u32); 6] = [
    ("山东科技大市场", 30),
    ("高校技术转移中心", 25),
    ("成果发布会", 15),
    ("自行登记", 10),
    ("技术转移机构推荐", 10),
    ("高校院所走访", 10),
];
const ENTERPRISE_SOURCES: [(&str, u32); 4] = [
    ("自行登记", 40),
    ("山东科技大市场", 30),
    ("企业走访", 20),
    ("展会对接", 10),
];

#[derive(Clone, Copy)]
struct Owner {
    index: usize,
    home: Option<&'static Vocab>,
    research: bool,
}

struct Owners {
    research: Vec<Owner>,
    enterprises: Vec<Owner>,
}

impl Owners {
    fn new(clients: &[GeneratedClient]) -> Self {
        let mut owners = Owners {
            research: Vec::new(),
            enterprises: Vec::new(),
        };
        for (index, c) in clients.iter().enumerate() {
            let (list, research) = match c.draft.kind {
                ClientKind::University | ClientKind::Institute => (&mut owners.research, true),
                ClientKind::Enterprise => (&mut owners.enterprises, false),
                // Investors, government bodies and service institutions own no technology.
                ClientKind::Other => continue,
            };
            list.push(Owner {
                index,
                home: c.home,
                research,
            });
        }
        owners
    }

    /// Four in five from research, the big names (listed first) most often; none without
    /// clients.
    fn pick(&self, rng: &mut DemoRng) -> Option<Owner> {
        if (chance(rng, 80) && !self.research.is_empty()) || self.enterprises.is_empty() {
            front_heavy(rng, &self.research).copied()
        } else {
            self.enterprises.choose(rng).copied()
        }
    }
}

pub(super) fn generate(
    rng: &mut DemoRng,
    clients: &[GeneratedClient],
    count: usize,
) -> Vec<AchievementData> {
    let owners = Owners::new(clients);
    let mut titles = FxHashSet::default();
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let Some(owner) = owners.pick(rng) else {
            break;
        };
        out.push(achievement(rng, owner, &mut titles));
    }
    out
}

fn achievement(rng: &mut DemoRng, owner: Owner, titles: &mut FxHashSet<String>) -> AchievementData {
    let home_pct = if owner.research { 55 } else { 85 };
    let vocab = match owner.home {
        Some(home) if chance(rng, home_pct) => home,
        _ => *weighted(rng, &VOCABS, |v| v.weight),
    };
    let trl = pick(
        rng,
        if owner.research {
            &RESEARCH_TRL
        } else {
            &ENTERPRISE_TRL
        },
    );
    let stage = Stage::typical_for_trl(trl);
    let (title, family, mut slots) = unique_title(rng, vocab, titles);
    slots.stage_done = text::stage_done(rng, stage);
    let source = if owner.research {
        pick(rng, &RESEARCH_SOURCES)
    } else {
        pick(rng, &ENTERPRISE_SOURCES)
    };
    AchievementData {
        title,
        owner: ClientId(owner.index as i64),
        inventors: inventors(rng),
        field: vocab.field.to_string(),
        keywords: text::keywords(rng, family, slots.method, 70),
        abstract_text: text::abstract_text(rng, &slots, stage),
        indicators: text::indicators(rng, family, 3, "，"),
        trl,
        stage,
        ip_items: ip::items(rng, family),
        transfer_modes: transfer_modes(rng),
        price: if chance(rng, 30) {
            Price::Negotiable
        } else {
            Price::Amount(amount(rng, &PRICE_BANDS, 1000))
        },
        registration_no: if chance(rng, 20) {
            format!(
                "937000{}Y{:06}",
                between(rng, 2015, 2025),
                between(rng, 1, 999_999)
            )
        } else {
            String::new()
        },
        status: pick(rng, &STATUSES),
        source: source.to_string(),
    }
}

/// A title not used before, and the family and words it was made from.
fn unique_title(
    rng: &mut DemoRng,
    vocab: &'static Vocab,
    titles: &mut FxHashSet<String>,
) -> (String, &'static Family, Slots) {
    let mut attempt = 1;
    loop {
        let family = one(rng, &vocab.families);
        let slots = Slots::pick(rng, vocab, family);
        let mut title = String::with_capacity(96);
        render(&mut title, word(rng, family.titles), &slots);
        if attempt >= TITLE_ATTEMPTS || !titles.contains(&title) {
            titles.insert(title.clone());
            return (title, family, slots);
        }
        attempt += 1;
    }
}

/// One to three modes; a mode drawn twice counts once, so a few extra draws are allowed.
fn transfer_modes(rng: &mut DemoRng) -> TransferModes {
    let wanted = pick(rng, &[(1, 35), (2, 45), (3, 20)]);
    let mut modes = TransferModes::default();
    for _ in 0..wanted * 4 {
        if modes.iter().count() >= wanted {
            break;
        }
        modes.set(pick(rng, &MODES), true);
    }
    modes
}

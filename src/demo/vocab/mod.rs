//! Per-field vocabularies that titles, abstracts and needs are assembled from. Achievements and
//! needs draw keywords and methods from the same lists, so matching has overlaps to find.

mod digital;
mod energy;
mod industry;
mod life;

use crate::domain::IpKind;

pub(super) use digital::{CREATIVE, INFO, SERVICES};
pub(super) use energy::{ENERGY, ENVIRONMENT};
pub(super) use industry::{EQUIPMENT, EV, MATERIALS};
pub(super) use life::{AGRI, BIO, HEALTH, OCEAN};

/// One vocabulary per entry of `DEFAULT_FIELDS`, in the same order.
pub(super) static VOCABS: [&Vocab; 12] = [
    &INFO,
    &EQUIPMENT,
    &MATERIALS,
    &BIO,
    &EV,
    &ENERGY,
    &ENVIRONMENT,
    &CREATIVE,
    &SERVICES,
    &AGRI,
    &OCEAN,
    &HEALTH,
];

pub(super) struct Vocab {
    /// The name in `DEFAULT_FIELDS`.
    pub field: &'static str,
    /// How often achievements and enterprises fall in this field, relative to the others.
    pub weight: u32,
    /// Two themes, so that a record never mixes words of different ones (耐盐碱 with a drone).
    pub families: [Family; 2],
    /// Latin terms the texts of the field mix in: BMS, PLC.
    pub latin: &'static [&'static str],
    /// Industry words of company names: 智能装备 in 济南华信智能装备有限公司.
    pub firm_words: &'static [&'static str],
}

/// A theme within a field whose words read well together.
pub(super) struct Family {
    /// Qualities that suit the objects: 高导热, 耐盐碱.
    pub qualities: &'static [&'static str],
    /// What an achievement is, the head of its title: 石墨烯复合散热材料.
    pub objects: &'static [&'static str],
    /// Techniques, short enough to be keywords too: 深度学习, 粉末冶金.
    pub methods: &'static [&'static str],
    /// Where the objects are used: 海上风电, 带钢表面缺陷.
    pub scenes: &'static [&'static str],
    /// Title patterns; `text::render` lists the slots.
    pub titles: &'static [&'static str],
    /// Short terms for keywords.
    pub keywords: &'static [&'static str],
    pub indicators: [Indicator; 4],
    /// What goes wrong at an enterprise: 良品率低, 能耗高.
    pub problems: &'static [&'static str],
    /// Steps of production where problems show: 热处理, 涂装.
    pub processes: &'static [&'static str],
    /// How likely each kind of IP is behind an achievement.
    pub ip_kinds: &'static [(IpKind, u32); 5],
}

/// A measured figure such as "导热系数≥1500 W/(m·K)", with the range its value is drawn from.
pub(super) struct Indicator {
    pub label: &'static str,
    pub low: u32,
    pub high: u32,
    /// The value is in tenths and shown with one decimal.
    pub tenths: bool,
    pub unit: &'static str,
}

impl Indicator {
    const fn whole(label: &'static str, low: u32, high: u32, unit: &'static str) -> Self {
        Self {
            label,
            low,
            high,
            tenths: false,
            unit,
        }
    }

    const fn tenths(label: &'static str, low: u32, high: u32, unit: &'static str) -> Self {
        Self {
            label,
            low,
            high,
            tenths: true,
            unit,
        }
    }
}

use IpKind::{InventionPatent, KnowHow, PlantVariety, SoftwareCopyright, UtilityModel};

const IP_GENERAL: [(IpKind, u32); 5] = [
    (InventionPatent, 72),
    (UtilityModel, 15),
    (SoftwareCopyright, 5),
    (PlantVariety, 0),
    (KnowHow, 8),
];
/// Machines and devices: many utility models.
const IP_MACHINES: [(IpKind, u32); 5] = [
    (InventionPatent, 55),
    (UtilityModel, 35),
    (SoftwareCopyright, 5),
    (PlantVariety, 0),
    (KnowHow, 5),
];
const IP_SOFTWARE: [(IpKind, u32); 5] = [
    (InventionPatent, 38),
    (UtilityModel, 5),
    (SoftwareCopyright, 52),
    (PlantVariety, 0),
    (KnowHow, 5),
];
/// Breeding: plant variety rights first.
const IP_BREEDING: [(IpKind, u32); 5] = [
    (InventionPatent, 35),
    (UtilityModel, 5),
    (SoftwareCopyright, 0),
    (PlantVariety, 50),
    (KnowHow, 10),
];

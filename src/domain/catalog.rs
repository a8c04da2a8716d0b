//! Terms the two catalogues share: fields, maturity, transfer modes.

use serde::{Deserialize, Serialize};

/// The strategic emerging industry areas (战略性新兴产业) plus the three Shandong also uses. The
/// list in a database starts as this and can be extended by the user.
pub const DEFAULT_FIELDS: [&str; 12] = [
    "新一代信息技术",
    "高端装备制造",
    "新材料",
    "生物",
    "新能源汽车",
    "新能源",
    "节能环保",
    "数字创意",
    "相关服务",
    "现代农业",
    "海洋",
    "医养健康",
];

/// Maturity stage (成熟度阶段), in order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Stage {
    #[default]
    Lab,
    SmallTrial,
    Pilot,
    Industrial,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Lab,
        Stage::SmallTrial,
        Stage::Pilot,
        Stage::Industrial,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Lab => "lab",
            Stage::SmallTrial => "small_trial",
            Stage::Pilot => "pilot",
            Stage::Industrial => "industrial",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The stage a technology readiness level usually sits at: TRL 1-3 lab, 4-5 small trial,
    /// 6-7 pilot, 8-9 industrialisation.
    pub fn typical_for_trl(trl: u8) -> Stage {
        match trl {
            0..=3 => Stage::Lab,
            4..=5 => Stage::SmallTrial,
            6..=7 => Stage::Pilot,
            _ => Stage::Industrial,
        }
    }
}

pub const TRL_MIN: u8 = 1;
pub const TRL_MAX: u8 = 9;

/// A way an achievement can change hands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TransferMode {
    Assignment,
    LicenceExclusive,
    LicenceSole,
    LicenceOrdinary,
    Equity,
    CoDevelopment,
    UseFirstPayLater,
}

impl TransferMode {
    pub const ALL: [TransferMode; 7] = [
        TransferMode::Assignment,
        TransferMode::LicenceExclusive,
        TransferMode::LicenceSole,
        TransferMode::LicenceOrdinary,
        TransferMode::Equity,
        TransferMode::CoDevelopment,
        TransferMode::UseFirstPayLater,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TransferMode::Assignment => "assignment",
            TransferMode::LicenceExclusive => "licence_exclusive",
            TransferMode::LicenceSole => "licence_sole",
            TransferMode::LicenceOrdinary => "licence_ordinary",
            TransferMode::Equity => "equity",
            TransferMode::CoDevelopment => "co_development",
            TransferMode::UseFirstPayLater => "use_first_pay_later",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of transfer modes, stored as a bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct TransferModes(pub u8);

impl TransferModes {
    pub fn contains(self, mode: TransferMode) -> bool {
        self.0 & mode.bit() != 0
    }

    pub fn set(&mut self, mode: TransferMode, on: bool) {
        if on {
            self.0 |= mode.bit();
        } else {
            self.0 &= !mode.bit();
        }
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = TransferMode> {
        TransferMode::ALL
            .into_iter()
            .filter(move |m| self.contains(*m))
    }

    /// Only the bits of known modes, so a value from a file or a newer version cannot smuggle
    /// in others.
    pub fn from_bits(bits: u8) -> Self {
        Self(bits & ((1 << TransferMode::ALL.len()) - 1))
    }
}

impl FromIterator<TransferMode> for TransferModes {
    fn from_iter<I: IntoIterator<Item = TransferMode>>(iter: I) -> Self {
        let mut modes = TransferModes::default();
        for m in iter {
            modes.set(m, true);
        }
        modes
    }
}

/// At most five keywords, each trimmed, no duplicates, none empty.
pub const MAX_KEYWORDS: usize = 5;

/// Splits what a broker typed into keywords: commas, 、，；; and spaces all separate.
pub fn split_keywords(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in text.split(|c: char| matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace())
    {
        let k = k.trim();
        if !k.is_empty() && !out.iter().any(|o| o == k) {
            out.push(k.to_string());
        }
    }
    out
}

/// Keywords as shown and stored: joined with 、.
pub fn join_keywords(keywords: &[String]) -> String {
    keywords.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_split_on_chinese_and_latin_separators() {
        assert_eq!(
            split_keywords("锂电池、储能，BMS; 电池 锂电池"),
            vec!["锂电池", "储能", "BMS", "电池"]
        );
        assert!(split_keywords(" ，、 ").is_empty());
    }

    #[test]
    fn transfer_modes_round_trip_through_bits() {
        let modes: TransferModes = [TransferMode::Assignment, TransferMode::UseFirstPayLater]
            .into_iter()
            .collect();
        assert!(modes.contains(TransferMode::UseFirstPayLater));
        assert!(!modes.contains(TransferMode::Equity));
        assert_eq!(TransferModes::from_bits(modes.0), modes);
        assert_eq!(TransferModes::from_bits(0xFF).iter().count(), 7);
    }

    #[test]
    fn stages_are_ordered_and_coded() {
        assert!(Stage::Lab < Stage::Pilot);
        for s in Stage::ALL {
            assert_eq!(Stage::from_code(s.code()), Some(s));
        }
        assert_eq!(Stage::typical_for_trl(6), Stage::Pilot);
    }
}

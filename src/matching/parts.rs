//! The structured parts of a match score, their weights, and the readable breakdown.

use serde::{Deserialize, Serialize};

use crate::domain::{AchievementStatus, NeedMode, Price, Stage, TransferMode, TransferModes};

/// The parts of a score, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    Text,
    Field,
    Maturity,
    Price,
    Mode,
    Region,
    History,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Text,
        Part::Field,
        Part::Maturity,
        Part::Price,
        Part::Mode,
        Part::Region,
        Part::History,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Part::Text => "text",
            Part::Field => "field",
            Part::Maturity => "maturity",
            Part::Price => "price",
            Part::Mode => "mode",
            Part::Region => "region",
            Part::History => "history",
        }
    }
}

/// How much each part counts. Stored in the database; any non-negative numbers, the score
/// divides by their sum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub text: f32,
    pub field: f32,
    pub maturity: f32,
    pub price: f32,
    pub mode: f32,
    pub region: f32,
    pub history: f32,
}

impl Default for Weights {
    /// Text relevance leads; maturity is the next thing a broker checks (an enterprise that asks
    /// for 中试 does not want a lab result), then field and price.
    fn default() -> Self {
        Self {
            text: 45.0,
            field: 10.0,
            maturity: 20.0,
            price: 10.0,
            mode: 5.0,
            region: 5.0,
            history: 5.0,
        }
    }
}

impl Weights {
    /// Relevance alone: the baseline the structured parts must beat.
    pub fn text_only() -> Self {
        Self {
            text: 1.0,
            field: 0.0,
            maturity: 0.0,
            price: 0.0,
            mode: 0.0,
            region: 0.0,
            history: 0.0,
        }
    }

    pub fn get(&self, part: Part) -> f32 {
        match part {
            Part::Text => self.text,
            Part::Field => self.field,
            Part::Maturity => self.maturity,
            Part::Price => self.price,
            Part::Mode => self.mode,
            Part::Region => self.region,
            Part::History => self.history,
        }
    }

    pub fn get_mut(&mut self, part: Part) -> &mut f32 {
        match part {
            Part::Text => &mut self.text,
            Part::Field => &mut self.field,
            Part::Maturity => &mut self.maturity,
            Part::Price => &mut self.price,
            Part::Mode => &mut self.mode,
            Part::Region => &mut self.region,
            Part::History => &mut self.history,
        }
    }

    fn total(&self) -> f32 {
        Part::ALL.iter().map(|p| self.get(*p).max(0.0)).sum()
    }
}

/// Each part's value from 0 (worst) to 1 (best); 0.5 is neutral (nothing known either way).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PartValues(pub [f32; 7]);

impl PartValues {
    pub fn get(&self, part: Part) -> f32 {
        self.0[part as usize]
    }

    pub fn set(&mut self, part: Part, value: f32) {
        self.0[part as usize] = value.clamp(0.0, 1.0);
    }
}

/// A score out of 100 and what each part contributed to it (the contributions add up to it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    pub score: f32,
    pub values: PartValues,
    pub contributions: [f32; 7],
}

impl Breakdown {
    pub fn new(values: PartValues, weights: &Weights) -> Self {
        Self::gated(values, weights, 1.0)
    }

    /// Like `new`, with the parts that only add (field, mode, region, history) counting `gate`
    /// (0 to 1) of their value: a weak text match cannot be lifted by them above a strong one.
    /// Maturity and price keep their full weight: they are what tells a trap from an answer.
    pub fn gated(values: PartValues, weights: &Weights, gate: f32) -> Self {
        let total = weights.total();
        let gate = gate.clamp(0.0, 1.0);
        let mut contributions = [0.0; 7];
        for part in Part::ALL {
            if total > 0.0 {
                let share = match part {
                    Part::Text | Part::Maturity | Part::Price => 1.0,
                    _ => gate,
                };
                contributions[part as usize] =
                    100.0 * weights.get(part).max(0.0) * values.get(part) * share / total;
            }
        }
        Self {
            score: contributions.iter().sum(),
            values,
            contributions,
        }
    }

    pub fn contribution(&self, part: Part) -> f32 {
        self.contributions[part as usize]
    }
}

/// The least TRL a stage asks for.
pub fn stage_min_trl(stage: Stage) -> u8 {
    match stage {
        Stage::Lab => 1,
        Stage::SmallTrial => 4,
        Stage::Pilot => 6,
        Stage::Industrial => 8,
    }
}

/// Meets the requirement: 1. Each TRL short costs `step`. No requirement: 1.
pub fn maturity(min_stage: Option<Stage>, min_trl: Option<u8>, trl: u8, step: f32) -> f32 {
    let required = min_trl
        .into_iter()
        .chain(min_stage.map(stage_min_trl))
        .max();
    match required {
        None => 1.0,
        Some(r) if trl >= r => 1.0,
        Some(r) => (1.0 - f32::from(r - trl) * step).max(0.0),
    }
}

/// Within budget: 1. Over budget costs by how much (twice the budget: 0). Negotiable on either
/// side: neutral.
pub fn price_fit(price: Price, budget: Price) -> f32 {
    match (price, budget) {
        (Price::Amount(p), Price::Amount(b)) => {
            if p <= b {
                1.0
            } else if b.fen() == 0 {
                0.0
            } else {
                let over = p.fen() as f32 / b.fen() as f32 - 1.0;
                (1.0 - over).max(0.0)
            }
        }
        _ => 0.5,
    }
}

/// Whether what the achievement offers suits how the enterprise wants to work.
pub fn mode_fit(offered: TransferModes, wanted: NeedMode) -> f32 {
    if offered.is_empty() {
        return 0.5;
    }
    let any = |modes: &[TransferMode]| modes.iter().any(|m| offered.contains(*m));
    let licences = [
        TransferMode::LicenceExclusive,
        TransferMode::LicenceSole,
        TransferMode::LicenceOrdinary,
    ];
    match wanted {
        NeedMode::Buy if any(&[TransferMode::Assignment, TransferMode::UseFirstPayLater]) => 1.0,
        NeedMode::Buy if any(&licences) => 0.7,
        NeedMode::Licence if any(&licences) || any(&[TransferMode::UseFirstPayLater]) => 1.0,
        NeedMode::Licence if any(&[TransferMode::Assignment]) => 0.7,
        NeedMode::CoDevelop if any(&[TransferMode::CoDevelopment]) => 1.0,
        NeedMode::Consult => 0.7,
        _ => 0.3,
    }
}

/// Same city 1, same province 0.5, else 0; unknown on either side: neutral.
pub fn region_fit(a: (&str, &str), b: (&str, &str)) -> f32 {
    let ((pa, ca), (pb, cb)) = (a, b);
    if pa.is_empty() || pb.is_empty() {
        0.5
    } else if pa == pb && !ca.is_empty() && ca == cb {
        1.0
    } else if pa == pb {
        0.5
    } else {
        0.0
    }
}

/// 1 with no similar rejections; each achievement of the same field sharing a keyword that the
/// enterprise rejected before halves what is left.
pub fn history_fit(similar_rejections: usize) -> f32 {
    0.5f32.powi(similar_rejections.min(16) as i32)
}

/// What the broker's decisions say of a candidate, 0.5 when they say nothing: similar
/// achievements this enterprise rejected halve it, and decisions on similar needs (`learned`:
/// accepted there +1, rejected -1, times how similar the need is) move it up or down.
pub fn learned_fit(similar_rejections: usize, learned: f32) -> f32 {
    (0.5 * history_fit(similar_rejections) + 0.5 * learned.clamp(-1.0, 1.0)).clamp(0.0, 1.0)
}

/// Transferred or withdrawn achievements are never proposed.
pub fn is_offered(status: AchievementStatus) -> bool {
    matches!(
        status,
        AchievementStatus::Available | AchievementStatus::Negotiating
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    #[test]
    fn maturity_gap_costs_a_step_per_level() {
        assert_eq!(maturity(None, None, 2, 0.25), 1.0);
        assert_eq!(maturity(Some(Stage::Pilot), None, 7, 0.25), 1.0);
        assert_eq!(maturity(Some(Stage::Pilot), None, 4, 0.25), 0.5);
        assert_eq!(maturity(Some(Stage::Pilot), Some(8), 6, 0.25), 0.5);
        assert_eq!(maturity(None, Some(9), 1, 0.25), 0.0);
        assert_eq!(maturity(Some(Stage::Industrial), None, 5, 1.0 / 3.0), 0.0);
    }

    #[test]
    fn over_budget_costs_and_negotiable_is_neutral() {
        let m = |y| Price::Amount(Money::from_yuan(y));
        assert_eq!(price_fit(m(50), m(100)), 1.0);
        assert_eq!(price_fit(m(150), m(100)), 0.5);
        assert_eq!(price_fit(m(300), m(100)), 0.0);
        assert_eq!(price_fit(Price::Negotiable, m(100)), 0.5);
        assert_eq!(price_fit(m(100), Price::Negotiable), 0.5);
    }

    #[test]
    fn modes_regions_history_and_status() {
        let offered: TransferModes = [TransferMode::CoDevelopment].into_iter().collect();
        assert_eq!(mode_fit(offered, NeedMode::CoDevelop), 1.0);
        assert_eq!(mode_fit(offered, NeedMode::Buy), 0.3);
        assert_eq!(mode_fit(TransferModes::default(), NeedMode::Buy), 0.5);
        assert_eq!(region_fit(("山东省", "济南市"), ("山东省", "济南市")), 1.0);
        assert_eq!(region_fit(("山东省", "济南市"), ("山东省", "青岛市")), 0.5);
        assert_eq!(region_fit(("山东省", ""), ("江苏省", "")), 0.0);
        assert_eq!(history_fit(0), 1.0);
        assert_eq!(history_fit(2), 0.25);
        assert_eq!(learned_fit(0, 0.0), 0.5);
        assert_eq!(learned_fit(1, 0.0), 0.25);
        assert_eq!(learned_fit(0, 1.0), 1.0);
        assert_eq!(learned_fit(0, -2.0), 0.0);
        assert!(!is_offered(AchievementStatus::Transferred));
        assert!(!is_offered(AchievementStatus::Withdrawn));
    }

    #[test]
    fn contributions_add_up_to_the_score() {
        let mut v = PartValues::default();
        for p in Part::ALL {
            v.set(p, 1.0);
        }
        let b = Breakdown::new(v, &Weights::default());
        assert!((b.score - 100.0).abs() < 1e-3);
        v.set(Part::Text, 0.0);
        let b = Breakdown::new(v, &Weights::default());
        assert!((b.score - 55.0).abs() < 1e-3);
        assert_eq!(b.contribution(Part::Text), 0.0);
    }
}

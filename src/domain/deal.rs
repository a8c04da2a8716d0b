//! Deals (交易) and the broker's decisions on proposed matches.

use serde::{Deserialize, Serialize};

pub type DealId = i64;

/// The stages a deal moves through; `Lost` can follow any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DealStage {
    Lead,
    Introduced,
    Negotiating,
    Signed,
    Registered,
    Executing,
    ClosedWon,
    Lost,
}

impl DealStage {
    pub const ALL: [DealStage; 8] = [
        DealStage::Lead,
        DealStage::Introduced,
        DealStage::Negotiating,
        DealStage::Signed,
        DealStage::Registered,
        DealStage::Executing,
        DealStage::ClosedWon,
        DealStage::Lost,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DealStage::Lead => "lead",
            DealStage::Introduced => "introduced",
            DealStage::Negotiating => "negotiating",
            DealStage::Signed => "signed",
            DealStage::Registered => "registered",
            DealStage::Executing => "executing",
            DealStage::ClosedWon => "closed_won",
            DealStage::Lost => "lost",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl DealStage {
    /// The stages of the board, in order, before "lost".
    pub const PIPELINE: [DealStage; 7] = [
        DealStage::Lead,
        DealStage::Introduced,
        DealStage::Negotiating,
        DealStage::Signed,
        DealStage::Registered,
        DealStage::Executing,
        DealStage::ClosedWon,
    ];

    /// Whether a deal at this stage has a signed contract.
    pub fn is_signed(self) -> bool {
        matches!(
            self,
            DealStage::Signed | DealStage::Registered | DealStage::Executing | DealStage::ClosedWon
        )
    }
}

/// The categories of technology contract (技术合同).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ContractType {
    Development,
    #[default]
    Transfer,
    Licence,
    Consulting,
    Service,
}

impl ContractType {
    pub const ALL: [ContractType; 5] = [
        ContractType::Development,
        ContractType::Transfer,
        ContractType::Licence,
        ContractType::Consulting,
        ContractType::Service,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ContractType::Development => "development",
            ContractType::Transfer => "transfer",
            ContractType::Licence => "licence",
            ContractType::Consulting => "consulting",
            ContractType::Service => "service",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The commission on `amount` at `rate_basis_points` (1 bp = 0.01%), rounded half up to the fen.
pub fn commission(amount: super::Money, rate_basis_points: u32) -> super::Money {
    let fen = i128::from(amount.fen()) * i128::from(rate_basis_points);
    super::Money(((fen + 5_000) / 10_000) as i64)
}

/// What a deal still lacks to enter `stage`: signing needs a signing date and a contract amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    SigningDate,
    ContractAmount,
}

pub fn missing_for(
    stage: DealStage,
    signing_date: Option<chrono::NaiveDate>,
    contract_amount: Option<super::Money>,
) -> Vec<Missing> {
    let mut missing = Vec::new();
    if stage.is_signed() {
        if signing_date.is_none() {
            missing.push(Missing::SigningDate);
        }
        if contract_amount.is_none_or(|m| m.fen() <= 0) {
            missing.push(Missing::ContractAmount);
        }
    }
    missing
}

/// One entry of a deal's stage history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageChange {
    pub stage: DealStage,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// How long the deal has been in its current stage, as of `now`.
pub fn time_in_stage(
    history: &[StageChange],
    now: chrono::DateTime<chrono::Utc>,
) -> Option<chrono::Duration> {
    history.iter().map(|c| c.at).max().map(|last| now - last)
}

/// From the first stage change to the first time the deal reached closed-won; None until then.
pub fn cycle_time(history: &[StageChange]) -> Option<chrono::Duration> {
    let start = history.iter().map(|c| c.at).min()?;
    let won = history
        .iter()
        .filter(|c| c.stage == DealStage::ClosedWon)
        .map(|c| c.at)
        .min()?;
    Some(won - start)
}

/// A deal as the store keeps it so far (the deal screens build on it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deal {
    pub id: DealId,
    pub title: String,
    pub need: Option<super::NeedId>,
    pub achievements: Vec<super::AchievementId>,
    pub seller: super::ClientId,
    pub buyer: super::ClientId,
    pub stage: DealStage,
}

/// What the broker decided about a proposed pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    /// Shortlisted, to send to the enterprise.
    Proposed,
    /// Taken on: a deal is created.
    Accepted,
    Rejected(RejectReason),
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Proposed => "proposed",
            Decision::Accepted => "accepted",
            Decision::Rejected(_) => "rejected",
        }
    }
}

/// Why a match was turned down, from matchmaking practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RejectReason {
    TooEarly,
    BenefitUnclear,
    RouteUnclear,
    PriceGap,
    DescriptionUnclear,
    NotOurField,
    Other,
}

impl RejectReason {
    pub const ALL: [RejectReason; 7] = [
        RejectReason::TooEarly,
        RejectReason::BenefitUnclear,
        RejectReason::RouteUnclear,
        RejectReason::PriceGap,
        RejectReason::DescriptionUnclear,
        RejectReason::NotOurField,
        RejectReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RejectReason::TooEarly => "too_early",
            RejectReason::BenefitUnclear => "benefit_unclear",
            RejectReason::RouteUnclear => "route_unclear",
            RejectReason::PriceGap => "price_gap",
            RejectReason::DescriptionUnclear => "description_unclear",
            RejectReason::NotOurField => "not_our_field",
            RejectReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::Money;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn commission_rounds_half_up_to_the_fen() {
        assert_eq!(
            commission(Money::from_yuan(1_000_000), 300),
            Money::from_yuan(30_000)
        );
        assert_eq!(commission(Money(333), 150), Money(5));
        assert_eq!(commission(Money(100), 50), Money(1), "0.5 fen rounds up");
        assert_eq!(commission(Money::ZERO, 500), Money::ZERO);
    }

    #[test]
    fn signing_needs_a_date_and_an_amount() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 28);
        assert!(missing_for(DealStage::Negotiating, None, None).is_empty());
        assert_eq!(
            missing_for(DealStage::Signed, None, None),
            vec![Missing::SigningDate, Missing::ContractAmount]
        );
        assert_eq!(
            missing_for(DealStage::Registered, day, Some(Money::ZERO)),
            vec![Missing::ContractAmount]
        );
        assert!(missing_for(DealStage::Signed, day, Some(Money::from_yuan(1))).is_empty());
        assert!(missing_for(DealStage::Lost, None, None).is_empty());
    }

    #[test]
    fn time_in_stage_and_cycle_time_read_the_history() {
        let at = |day| Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap();
        let history = [
            StageChange {
                stage: DealStage::Introduced,
                at: at(1),
            },
            StageChange {
                stage: DealStage::Negotiating,
                at: at(5),
            },
            StageChange {
                stage: DealStage::Introduced,
                at: at(7),
            },
            StageChange {
                stage: DealStage::ClosedWon,
                at: at(20),
            },
        ];
        assert_eq!(time_in_stage(&history, at(28)), Some(Duration::days(8)));
        assert_eq!(cycle_time(&history), Some(Duration::days(19)));
        assert_eq!(cycle_time(&history[..3]), None);
        assert_eq!(time_in_stage(&[], at(28)), None);
    }

    #[test]
    fn codes_round_trip() {
        for s in DealStage::ALL {
            assert_eq!(DealStage::from_code(s.code()), Some(s));
        }
        for r in RejectReason::ALL {
            assert_eq!(RejectReason::from_code(r.code()), Some(r));
        }
        for c in ContractType::ALL {
            assert_eq!(ContractType::from_code(c.code()), Some(c));
        }
    }
}

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

    #[test]
    fn codes_round_trip() {
        for s in DealStage::ALL {
            assert_eq!(DealStage::from_code(s.code()), Some(s));
        }
        for r in RejectReason::ALL {
            assert_eq!(RejectReason::from_code(r.code()), Some(r));
        }
    }
}

//! The rights of a service achievement (职务科技成果赋权) and the rule that splits its income.
//!
//! An achievement made on the job at a university or institute belongs to the institution unless
//! the institution grants the researchers ownership (赋予所有权, with their share) or a long-term
//! use right (长期使用权, for a term of years). Whatever a transfer brings in is split by the
//! distribution rule among the researchers, the institution and the broker or transfer office.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::deal::{parse_rate, rate_text};
use super::problem::check_text;
use super::{ClientKind, FieldErrors, Money, Problem};

/// 100 % in basis points.
pub const WHOLE_BP: u32 = 10_000;
/// The researchers' share of net income the law sets as a floor (促进科技成果转化法, art. 45).
pub const RESEARCHERS_FLOOR_BP: u32 = 5_000;
/// The longest use-right term a form takes; longer ones are typing mistakes.
pub const MAX_TERM_YEARS: u32 = 99;

/// Whether an owner of this kind makes service achievements (职务科技成果), whose rights and
/// income shares are recorded: universities and research institutes do.
pub fn makes_service_achievements(kind: ClientKind) -> bool {
    matches!(kind, ClientKind::University | ClientKind::Institute)
}

/// Who holds the achievement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// 单位所有: the institution holds it, as the law says by default.
    Institution,
    /// 赋予所有权: ownership granted to the researchers, who hold this share of it.
    Ownership { researchers_bp: u32 },
    /// 长期使用权: the researchers may use it for this many years from the approval.
    UseRight { years: u32 },
}

/// The arrangement without its figures, for pickers and the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArrangementKind {
    #[default]
    Institution,
    Ownership,
    UseRight,
}

impl ArrangementKind {
    pub const ALL: [ArrangementKind; 3] = [
        ArrangementKind::Institution,
        ArrangementKind::Ownership,
        ArrangementKind::UseRight,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ArrangementKind::Institution => "institution",
            ArrangementKind::Ownership => "ownership",
            ArrangementKind::UseRight => "use_right",
        }
    }

    pub fn from_code(code: &str) -> Option<ArrangementKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl Arrangement {
    pub fn kind(self) -> ArrangementKind {
        match self {
            Arrangement::Institution => ArrangementKind::Institution,
            Arrangement::Ownership { .. } => ArrangementKind::Ownership,
            Arrangement::UseRight { .. } => ArrangementKind::UseRight,
        }
    }
}

/// The parties income is split among, in the order the rule lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Researchers,
    Institution,
    /// The broker or the transfer office (技术转移机构).
    Office,
}

impl Party {
    pub const ALL: [Party; 3] = [Party::Researchers, Party::Institution, Party::Office];
}

/// Why shares were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// The shares add up to this many basis points, not 10,000.
    NotWhole { total_bp: u32 },
}

/// The income-distribution rule: each party's share in basis points, summing to 100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DistributionRule {
    /// Indexed like [`Party::ALL`].
    shares_bp: [u32; 3],
}

impl DistributionRule {
    pub fn new(
        researchers_bp: u32,
        institution_bp: u32,
        office_bp: u32,
    ) -> Result<Self, ShareError> {
        let shares_bp = [researchers_bp, institution_bp, office_bp];
        let total_bp = shares_bp.iter().map(|&s| u64::from(s)).sum::<u64>();
        if total_bp != u64::from(WHOLE_BP) {
            return Err(ShareError::NotWhole {
                total_bp: u32::try_from(total_bp).unwrap_or(u32::MAX),
            });
        }
        Ok(Self { shares_bp })
    }

    pub fn share_bp(&self, party: Party) -> u32 {
        self.shares_bp[party as usize]
    }

    /// Whether the researchers get less than the law's floor: allowed, but worth a warning.
    pub fn researchers_below_floor(&self) -> bool {
        self.share_bp(Party::Researchers) < RESEARCHERS_FLOOR_BP
    }

    /// Each party's amount of `payment`, in [`Party::ALL`] order, summing exactly to it: every
    /// party gets the whole fen of its share, and the fen left over go one each to the parties
    /// whose shares lost the largest fractions (the earlier party on a tie).
    pub fn split(&self, payment: Money) -> [(Party, Money); 3] {
        let total = i128::from(payment.fen());
        let whole = i128::from(WHOLE_BP);
        let mut amounts = [0_i128; 3];
        let mut fractions = [0_i128; 3];
        for (i, &bp) in self.shares_bp.iter().enumerate() {
            let exact = total * i128::from(bp);
            amounts[i] = exact.div_euclid(whole);
            fractions[i] = exact.rem_euclid(whole);
        }
        let mut order = [0, 1, 2];
        // Stable: equal fractions keep the parties' order.
        order.sort_by(|&a, &b| fractions[b].cmp(&fractions[a]));
        let left = total - amounts.iter().sum::<i128>();
        for &i in order.iter().take(usize::try_from(left).unwrap_or(0)) {
            amounts[i] += 1;
        }
        // Each amount lies between 0 and the payment, so it fits the payment's i64.
        Party::ALL.map(|p| {
            let fen = amounts[p as usize];
            (p, Money(i64::try_from(fen).unwrap_or(0)))
        })
    }
}

/// The day a use right granted on `from` for `years` years ends: the same day of the month that
/// many years on, or the 28th of February when it began on a 29th.
pub fn use_right_end(from: NaiveDate, years: u32) -> Option<NaiveDate> {
    from.checked_add_months(Months::new(years.checked_mul(12)?))
}

/// An achievement's rights as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rights {
    pub arrangement: Arrangement,
    /// When the institution approved the arrangement.
    pub approved_on: Option<NaiveDate>,
    /// The approving document's number (文号).
    pub approval_no: String,
    /// 单列管理: managed apart from ordinary state assets.
    pub separately_managed: bool,
    /// None when no rule is recorded: nothing is split.
    pub rule: Option<DistributionRule>,
}

impl Rights {
    /// When a use right ends; None for other arrangements or without an approval date.
    pub fn use_right_end(&self) -> Option<NaiveDate> {
        match self.arrangement {
            Arrangement::UseRight { years } => use_right_end(self.approved_on?, years),
            _ => None,
        }
    }
}

/// The fields of the rights form, for the problems under them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RightsField {
    OwnershipShare,
    TermYears,
    ApprovedOn,
    ApprovalNo,
    Share(Party),
    /// The shares together.
    Shares,
}

/// The rights form as typed: percentages and years as text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RightsDraft {
    pub kind: ArrangementKind,
    pub ownership_share: String,
    pub term_years: String,
    pub approved_on: String,
    pub approval_no: String,
    pub separately_managed: bool,
    /// Indexed like [`Party::ALL`]; all empty means no rule.
    pub shares: [String; 3],
}

impl From<&Rights> for RightsDraft {
    fn from(r: &Rights) -> Self {
        let (ownership_share, term_years) = match r.arrangement {
            Arrangement::Institution => (String::new(), String::new()),
            Arrangement::Ownership { researchers_bp } => (rate_text(researchers_bp), String::new()),
            Arrangement::UseRight { years } => (String::new(), years.to_string()),
        };
        Self {
            kind: r.arrangement.kind(),
            ownership_share,
            term_years,
            approved_on: r.approved_on.map(|d| d.to_string()).unwrap_or_default(),
            approval_no: r.approval_no.clone(),
            separately_managed: r.separately_managed,
            shares: Party::ALL.map(|p| {
                r.rule
                    .map(|rule| rate_text(rule.share_bp(p)))
                    .unwrap_or_default()
            }),
        }
    }
}

impl RightsDraft {
    pub fn validate(&self) -> Result<Rights, FieldErrors<RightsField>> {
        let mut e = FieldErrors::new();
        let arrangement = match self.kind {
            ArrangementKind::Institution => Some(Arrangement::Institution),
            ArrangementKind::Ownership => match self.ownership_share.trim() {
                "" => {
                    e.push(RightsField::OwnershipShare, Problem::Required);
                    None
                }
                t => match parse_rate(t) {
                    Some(researchers_bp) => Some(Arrangement::Ownership { researchers_bp }),
                    None => {
                        e.push(RightsField::OwnershipShare, Problem::PercentOutOfRange);
                        None
                    }
                },
            },
            ArrangementKind::UseRight => match self.term_years.trim() {
                "" => {
                    e.push(RightsField::TermYears, Problem::Required);
                    None
                }
                t => match t.parse::<u32>() {
                    Ok(years) if (1..=MAX_TERM_YEARS).contains(&years) => {
                        Some(Arrangement::UseRight { years })
                    }
                    _ => {
                        e.push(
                            RightsField::TermYears,
                            Problem::TermOutOfRange {
                                max: MAX_TERM_YEARS,
                            },
                        );
                        None
                    }
                },
            },
        };
        let approved_on = match self.approved_on.trim() {
            "" => None,
            t => super::dates::parse_date(t).or_else(|| {
                e.push(RightsField::ApprovedOn, super::dates::date_problem(t));
                None
            }),
        };
        check_text(
            &mut e,
            RightsField::ApprovalNo,
            self.approval_no.trim(),
            false,
            100,
        );
        let rule = self.rule(&mut e);
        match arrangement {
            Some(arrangement) if e.is_empty() => Ok(Rights {
                arrangement,
                approved_on,
                approval_no: self.approval_no.trim().to_string(),
                separately_managed: self.separately_managed,
                rule,
            }),
            _ => Err(e),
        }
    }

    /// The rule typed, None when every share is empty; an empty share among others is 0 %.
    fn rule(&self, e: &mut FieldErrors<RightsField>) -> Option<DistributionRule> {
        if self.shares.iter().all(|s| s.trim().is_empty()) {
            return None;
        }
        let mut bp = [0; 3];
        let mut readable = true;
        for (i, party) in Party::ALL.into_iter().enumerate() {
            match parse_rate(&self.shares[i]) {
                Some(share) => bp[i] = share,
                None => {
                    e.push(RightsField::Share(party), Problem::PercentOutOfRange);
                    readable = false;
                }
            }
        }
        if !readable {
            return None;
        }
        match DistributionRule::new(bp[0], bp[1], bp[2]) {
            Ok(rule) => Some(rule),
            Err(ShareError::NotWhole { total_bp }) => {
                e.push(RightsField::Shares, Problem::SharesNotWhole { total_bp });
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn sum(split: [(Party, Money); 3]) -> i64 {
        split.iter().map(|(_, m)| m.fen()).sum()
    }

    #[test]
    fn shares_must_sum_to_a_hundred_percent() {
        assert!(DistributionRule::new(7_000, 2_000, 1_000).is_ok());
        assert!(DistributionRule::new(10_000, 0, 0).is_ok());
        assert_eq!(
            DistributionRule::new(7_000, 2_000, 0),
            Err(ShareError::NotWhole { total_bp: 9_000 })
        );
        assert_eq!(
            DistributionRule::new(7_000, 3_000, 1),
            Err(ShareError::NotWhole { total_bp: 10_001 })
        );
        assert!(DistributionRule::new(u32::MAX, u32::MAX, 2).is_err());
        let low = DistributionRule::new(4_999, 5_001, 0).unwrap();
        assert!(low.researchers_below_floor());
        assert!(
            !DistributionRule::new(5_000, 5_000, 0)
                .unwrap()
                .researchers_below_floor()
        );
    }

    #[test]
    fn a_split_sums_exactly_to_the_payment() {
        let thirds = DistributionRule::new(3_334, 3_333, 3_333).unwrap();
        let seven = thirds.split(Money(7));
        assert_eq!(sum(seven), 7);
        // 2.3338, 2.3331, 2.3331: one fen each, the one left to the largest fraction.
        assert_eq!(seven.map(|(_, m)| m.fen()), [3, 2, 2]);
        let equal = DistributionRule::new(5_000, 5_000, 0).unwrap();
        assert_eq!(equal.split(Money(1)).map(|(_, m)| m.fen()), [1, 0, 0]);
        let usual = DistributionRule::new(7_000, 2_500, 500).unwrap();
        assert_eq!(usual.split(Money(1)).map(|(_, m)| m.fen()), [1, 0, 0]);
        let big = Money(100_000_000_000);
        assert_eq!(
            usual.split(big).map(|(_, m)| m.fen()),
            [70_000_000_000, 25_000_000_000, 5_000_000_000]
        );
        for fen in [
            0,
            1,
            2,
            7,
            99,
            101,
            12_345_679,
            99_999_999_999,
            100_000_000_000,
        ] {
            for rule in [thirds, equal, usual] {
                assert_eq!(sum(rule.split(Money(fen))), fen, "{fen} under {rule:?}");
            }
        }
        let odd = DistributionRule::new(1, 9_998, 1).unwrap();
        for fen in 0..2_000 {
            assert_eq!(sum(odd.split(Money(fen))), fen);
        }
    }

    #[test]
    fn a_use_right_ends_its_term_later_the_29th_of_february_on_the_28th() {
        assert_eq!(use_right_end(date(2024, 3, 1), 10), Some(date(2034, 3, 1)));
        assert_eq!(
            use_right_end(date(2024, 2, 29), 10),
            Some(date(2034, 2, 28))
        );
        assert_eq!(use_right_end(date(2024, 2, 29), 4), Some(date(2028, 2, 29)));
        assert_eq!(
            use_right_end(date(2023, 12, 31), 1),
            Some(date(2024, 12, 31))
        );
        let rights = RightsDraft {
            kind: ArrangementKind::UseRight,
            term_years: "15".into(),
            approved_on: "2020-02-29".into(),
            ..RightsDraft::default()
        }
        .validate()
        .unwrap();
        assert_eq!(rights.use_right_end(), Some(date(2035, 2, 28)));
    }

    #[test]
    fn an_ownership_share_lies_between_0_and_100_percent() {
        let draft = |share: &str| RightsDraft {
            kind: ArrangementKind::Ownership,
            ownership_share: share.into(),
            ..RightsDraft::default()
        };
        for (share, bp) in [("0", 0), ("70", 7_000), ("100", 10_000), ("66.67%", 6_667)] {
            assert_eq!(
                draft(share).validate().map(|r| r.arrangement),
                Ok(Arrangement::Ownership { researchers_bp: bp })
            );
        }
        for share in ["101", "-1", "abc", "70.123"] {
            let errors = draft(share).validate().unwrap_err();
            assert_eq!(
                errors.get(RightsField::OwnershipShare),
                Some(Problem::PercentOutOfRange),
                "{share}"
            );
        }
        assert_eq!(
            draft("")
                .validate()
                .unwrap_err()
                .get(RightsField::OwnershipShare),
            Some(Problem::Required)
        );
    }

    #[test]
    fn the_form_refuses_shares_summing_to_90_and_bad_terms() {
        let mut draft = RightsDraft {
            shares: ["70".into(), "20".into(), String::new()],
            ..RightsDraft::default()
        };
        assert_eq!(
            draft.validate().unwrap_err().get(RightsField::Shares),
            Some(Problem::SharesNotWhole { total_bp: 9_000 })
        );
        draft.shares[2] = "10".into();
        let rights = draft.validate().unwrap();
        assert_eq!(rights.rule.map(|r| r.share_bp(Party::Office)), Some(1_000));
        assert_eq!(RightsDraft::from(&rights).validate(), Ok(rights));
        let term = |years: &str| RightsDraft {
            kind: ArrangementKind::UseRight,
            term_years: years.into(),
            ..RightsDraft::default()
        };
        assert!(term("0").validate().is_err());
        assert!(term("100").validate().is_err());
        assert!(term("十").validate().is_err());
        assert!(term("10").validate().is_ok());
        let bad_date = RightsDraft {
            approved_on: "2023-02-29".into(),
            ..RightsDraft::default()
        };
        assert!(matches!(
            bad_date
                .validate()
                .unwrap_err()
                .get(RightsField::ApprovedOn),
            Some(Problem::NoSuchDay { .. })
        ));
        assert_eq!(RightsDraft::default().validate().map(|r| r.rule), Ok(None));
    }
}

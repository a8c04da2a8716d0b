//! Deals (交易) and the broker's decisions on proposed matches.

use serde::{Deserialize, Serialize};

use super::DealId;

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

/// Words for each category of technology contract, and subtypes the registration system lists
/// under it (written alone, the subtype names its category).
const CONTRACT_WORDS: &[(&str, ContractType)] = &[
    ("技术开发", ContractType::Development),
    ("委托开发", ContractType::Development),
    ("合作开发", ContractType::Development),
    ("开发", ContractType::Development),
    ("development", ContractType::Development),
    ("技术转让", ContractType::Transfer),
    ("专利权转让", ContractType::Transfer),
    ("专利申请权转让", ContractType::Transfer),
    ("技术秘密转让", ContractType::Transfer),
    ("转让", ContractType::Transfer),
    ("transfer", ContractType::Transfer),
    ("技术许可", ContractType::Licence),
    ("专利实施许可", ContractType::Licence),
    ("技术秘密使用许可", ContractType::Licence),
    ("许可", ContractType::Licence),
    ("licence", ContractType::Licence),
    ("license", ContractType::Licence),
    ("技术咨询", ContractType::Consulting),
    ("咨询", ContractType::Consulting),
    ("consulting", ContractType::Consulting),
    ("技术服务", ContractType::Service),
    ("技术中介", ContractType::Service),
    ("技术培训", ContractType::Service),
    ("服务", ContractType::Service),
    ("service", ContractType::Service),
];

/// Reads a contract type as registration ledgers write it: the category, then a subtype in
/// brackets or after a dash ("技术开发（委托）", "技术转让-专利权", "技术服务(技术中介)"), or a subtype
/// alone ("专利实施许可"). Returns the category and the subtype as written (empty if none).
pub fn read_contract_type(text: &str) -> Option<(ContractType, String)> {
    let t = text.trim();
    let (main, sub) = match t.find(['（', '(', '-', '－', '—', '：', ':', '/']) {
        Some(i) => {
            let open = t[i..].chars().next().map_or(1, char::len_utf8);
            let sub = t[i + open..].trim_end_matches([')', '）']).trim();
            (t[..i].trim(), sub)
        }
        None => (t, ""),
    };
    let category = |words: &str| {
        let w = words.trim().to_lowercase();
        let w = w.strip_suffix("合同").unwrap_or(&w).trim().to_string();
        CONTRACT_WORDS
            .iter()
            .find(|(word, _)| w == *word)
            .or_else(|| CONTRACT_WORDS.iter().find(|(word, _)| w.ends_with(word)))
            .map(|&(_, c)| c)
    };
    match category(main) {
        Some(c) => Some((c, sub.to_string())),
        None if sub.is_empty() => None,
        None => category(sub).map(|c| (c, String::new())),
    }
    .or_else(|| category(t).map(|c| (c, t.to_string())))
}

/// The commission on `amount` at `rate_basis_points` (1 bp = 0.01%), rounded half up to the fen.
pub fn commission(amount: super::Money, rate_basis_points: u32) -> super::Money {
    let fen = i128::from(amount.fen()) * i128::from(rate_basis_points);
    super::Money(((fen + 5_000) / 10_000) as i64)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    SigningDate,
    ContractAmount,
    LostReason,
}

/// What a deal lacks to enter `stage`: signing needs a date and an amount; losing a reason.
pub fn missing_for(
    stage: DealStage,
    signing_date: Option<chrono::NaiveDate>,
    contract_amount: Option<super::Money>,
    lost_reason: &str,
) -> Vec<Missing> {
    let mut missing = Vec::new();
    if stage == DealStage::Lost && lost_reason.trim().is_empty() {
        missing.push(Missing::LostReason);
    }
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

/// A deal as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deal {
    pub id: DealId,
    pub title: String,
    pub need: Option<super::NeedId>,
    pub achievements: Vec<super::AchievementId>,
    pub seller: super::ClientId,
    pub seller_name: String,
    pub buyer: super::ClientId,
    pub buyer_name: String,
    pub stage: DealStage,
    pub terms: DealTerms,
    pub lost_reason: String,
    pub registration_due: Option<chrono::NaiveDate>,
    pub registration_submitted: Option<chrono::NaiveDate>,
    pub certificate_no: String,
    /// The amounts on the registration certificate.
    pub registered_contract: Option<super::Money>,
    pub registered_technology: Option<super::Money>,
    /// The contract's number, as a registration ledger gives it.
    pub contract_no: String,
    /// The registry's subtype of the contract type ("委托" of 技术开发（委托）), as imported.
    pub contract_subtype: String,
    /// When it was moved to the trash; None while live.
    pub deleted_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl Deal {
    /// The commission: the amount typed, or the rate applied to the contract amount.
    pub fn commission(&self) -> Option<super::Money> {
        self.terms.commission.or_else(|| {
            self.terms
                .contract
                .map(|amount| commission(amount, self.terms.commission_bp))
        })
    }
}

/// One line of the deal list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealRow {
    pub id: DealId,
    pub title: String,
    pub seller_name: String,
    pub buyer_name: String,
    pub stage: DealStage,
    pub contract: Option<super::Money>,
    pub expected: Option<super::Money>,
    pub technology: Option<super::Money>,
    pub signed_on: Option<chrono::NaiveDate>,
    /// When the deal entered its current stage.
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    pub registration_due: Option<chrono::NaiveDate>,
    pub registration_submitted: Option<chrono::NaiveDate>,
    pub broker: String,
    pub contract_type: ContractType,
    pub contract_subtype: String,
    pub contract_no: String,
    pub lost_reason: String,
    /// The field of the deal's (first) achievement.
    pub field: String,
    /// Unpaid on instalments already due (payments clear the oldest first).
    pub overdue_payment: super::Money,
    /// The buyer or seller has a next step past its due date.
    pub overdue_follow_up: bool,
}

/// The terms of a deal the broker edits, checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DealTerms {
    pub title: String,
    pub broker: String,
    pub contract_type: ContractType,
    pub transfer_mode: Option<super::TransferMode>,
    pub expected: Option<super::Money>,
    pub contract: Option<super::Money>,
    /// The technology-transaction amount: may be lower than the contract amount (equipment
    /// excluded).
    pub technology: Option<super::Money>,
    pub commission_bp: u32,
    /// Typed over the computed commission; None means computed.
    pub commission: Option<super::Money>,
    pub signed_on: Option<chrono::NaiveDate>,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealField {
    Title,
    Broker,
    Expected,
    Contract,
    Technology,
    CommissionRate,
    Commission,
    SignedOn,
    Notes,
}

/// A deal's terms as typed: amounts in yuan, the rate in percent, dates as text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DealDraft {
    pub title: String,
    pub broker: String,
    pub contract_type: ContractType,
    pub transfer_mode: Option<super::TransferMode>,
    pub expected: String,
    pub contract: String,
    pub technology: String,
    pub commission_rate: String,
    pub commission: String,
    pub signed_on: String,
    pub notes: String,
}

fn money_text(m: Option<super::Money>) -> String {
    m.map(super::Money::yuan_text).unwrap_or_default()
}

impl From<&DealTerms> for DealDraft {
    fn from(t: &DealTerms) -> Self {
        Self {
            title: t.title.clone(),
            broker: t.broker.clone(),
            contract_type: t.contract_type,
            transfer_mode: t.transfer_mode,
            expected: money_text(t.expected),
            contract: money_text(t.contract),
            technology: money_text(t.technology),
            commission_rate: rate_text(t.commission_bp),
            commission: money_text(t.commission),
            signed_on: t.signed_on.map(|d| d.to_string()).unwrap_or_default(),
            notes: t.notes.clone(),
        }
    }
}

/// "3" or "2.5%" → basis points (300, 250); at most 100%.
pub fn parse_rate(text: &str) -> Option<u32> {
    let t = text.trim().trim_end_matches(['%', '％']).trim();
    if t.is_empty() {
        return Some(0);
    }
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() && frac.is_empty() || frac.len() > 2 {
        return None;
    }
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(int) || !digits(frac) || int.len() > 3 {
        return None;
    }
    let int: u32 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let frac: u32 = format!("{frac:0<2}").parse().ok()?;
    let bp = int * 100 + frac;
    (bp <= 10_000).then_some(bp)
}

/// Basis points as the percentage typed back into a form: 250 → "2.5".
pub fn rate_text(bp: u32) -> String {
    let text = format!("{}.{:02}", bp / 100, bp % 100);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl DealDraft {
    pub fn validate(&self) -> Result<DealTerms, super::FieldErrors<DealField>> {
        use super::problem::check_text;
        let mut e = super::FieldErrors::new();
        let title = self.title.trim().to_string();
        check_text(&mut e, DealField::Title, &title, true, 200);
        check_text(&mut e, DealField::Broker, self.broker.trim(), false, 100);
        check_text(&mut e, DealField::Notes, self.notes.trim(), false, 10_000);
        let expected = typed_amount(&mut e, DealField::Expected, &self.expected);
        let contract = typed_amount(&mut e, DealField::Contract, &self.contract);
        let technology = typed_amount(&mut e, DealField::Technology, &self.technology);
        let commission = typed_amount(&mut e, DealField::Commission, &self.commission);
        let commission_bp = parse_rate(&self.commission_rate).unwrap_or_else(|| {
            e.push(DealField::CommissionRate, super::Problem::InvalidAmount);
            0
        });
        let signed_on = typed_date(&mut e, DealField::SignedOn, &self.signed_on);
        if !e.is_empty() {
            return Err(e);
        }
        Ok(DealTerms {
            title,
            broker: self.broker.trim().to_string(),
            contract_type: self.contract_type,
            transfer_mode: self.transfer_mode,
            expected,
            contract,
            technology,
            commission_bp,
            commission,
            signed_on,
            notes: self.notes.trim().to_string(),
        })
    }
}

/// An amount in yuan as typed: None when empty, or when it cannot be read (said under `field`).
fn typed_amount<F: PartialEq + Copy>(
    e: &mut super::FieldErrors<F>,
    field: F,
    text: &str,
) -> Option<super::Money> {
    match text.trim() {
        "" => None,
        t => super::Money::parse_yuan(t)
            .map_err(|err| e.push(field, err.into()))
            .ok(),
    }
}

/// A date as typed: None when empty, or when it is no date (said under `field`).
fn typed_date<F: PartialEq + Copy>(
    e: &mut super::FieldErrors<F>,
    field: F,
    text: &str,
) -> Option<chrono::NaiveDate> {
    match text.trim() {
        "" => None,
        t => super::dates::parse_date(t).or_else(|| {
            e.push(field, super::dates::date_problem(t));
            None
        }),
    }
}

/// What signing asks of a deal that lacks it, as typed where the card is moved: the date and
/// the contract amount in yuan, checked as the terms form checks them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SigningDraft {
    pub signed_on: String,
    pub contract: String,
}

/// A signing date and a contract amount above zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signing {
    pub signed_on: chrono::NaiveDate,
    pub contract: super::Money,
}

impl SigningDraft {
    /// Prefilled with what the deal already has.
    pub fn new(signed_on: Option<chrono::NaiveDate>, contract: Option<super::Money>) -> Self {
        Self {
            signed_on: signed_on.map(|d| d.to_string()).unwrap_or_default(),
            contract: money_text(contract),
        }
    }

    pub fn validate(&self) -> Result<Signing, super::FieldErrors<DealField>> {
        let mut e = super::FieldErrors::new();
        let signed_on = typed_date(&mut e, DealField::SignedOn, &self.signed_on);
        let contract = typed_amount(&mut e, DealField::Contract, &self.contract);
        for (field, missing) in [
            (DealField::SignedOn, signed_on.is_none()),
            // As `missing_for` has it: a contract of nothing is no contract.
            (DealField::Contract, contract.is_none_or(|m| m.fen() <= 0)),
        ] {
            if missing && e.get(field).is_none() {
                e.push(field, super::Problem::Required);
            }
        }
        match (signed_on, contract) {
            (Some(signed_on), Some(contract)) if e.is_empty() => Ok(Signing {
                signed_on,
                contract,
            }),
            _ => Err(e),
        }
    }
}

/// The fields of a deal started by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewDealField {
    Title,
    Seller,
    Buyer,
    Expected,
}

/// A deal started by hand, as typed: the seller owns the achievement (if one is named), the
/// buyer is an enterprise with the need (if one is named); the expected amount in yuan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewDealDraft {
    pub title: String,
    pub seller: Option<super::ClientId>,
    pub buyer: Option<super::ClientId>,
    pub achievement: Option<super::AchievementId>,
    pub need: Option<super::NeedId>,
    pub expected: String,
}

/// A deal started by hand, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeal {
    pub title: String,
    pub seller: super::ClientId,
    pub buyer: super::ClientId,
    pub achievement: Option<super::AchievementId>,
    pub need: Option<super::NeedId>,
    pub expected: Option<super::Money>,
}

impl NewDealDraft {
    pub fn validate(&self) -> Result<NewDeal, super::FieldErrors<NewDealField>> {
        use super::problem::check_text;
        let mut e = super::FieldErrors::new();
        let title = self.title.trim().to_string();
        check_text(&mut e, NewDealField::Title, &title, true, 200);
        let expected = typed_amount(&mut e, NewDealField::Expected, &self.expected);
        if self.seller.is_none() {
            e.push(NewDealField::Seller, super::Problem::Required);
        }
        if self.buyer.is_none() {
            e.push(NewDealField::Buyer, super::Problem::Required);
        }
        match (self.seller, self.buyer) {
            (Some(seller), Some(buyer)) if e.is_empty() => Ok(NewDeal {
                title,
                seller,
                buyer,
                achievement: self.achievement,
                need: self.need,
                expected,
            }),
            _ => Err(e),
        }
    }
}

/// What the broker decided about a proposed pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    /// Shortlisted, to send to the enterprise.
    Proposed,
    /// Taken on: a deal is created.
    Accepted,
    Rejected(RejectReason),
    /// A shortlisting or a rejection taken back: the pair is undecided again.
    Withdrawn,
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Proposed => "proposed",
            Decision::Accepted => "accepted",
            Decision::Rejected(_) => "rejected",
            Decision::Withdrawn => "withdrawn",
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
        assert!(missing_for(DealStage::Negotiating, None, None, "").is_empty());
        assert_eq!(
            missing_for(DealStage::Signed, None, None, ""),
            vec![Missing::SigningDate, Missing::ContractAmount]
        );
        assert_eq!(
            missing_for(DealStage::Registered, day, Some(Money::ZERO), ""),
            vec![Missing::ContractAmount]
        );
        assert!(missing_for(DealStage::Signed, day, Some(Money::from_yuan(1)), "").is_empty());
        assert_eq!(
            missing_for(DealStage::Lost, None, None, " "),
            vec![Missing::LostReason]
        );
        assert!(missing_for(DealStage::Lost, None, None, "预算取消").is_empty());
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
    fn rates_are_read_as_percent() {
        assert_eq!(parse_rate("3"), Some(300));
        assert_eq!(parse_rate("2.5%"), Some(250));
        assert_eq!(parse_rate(" 0.05 "), Some(5));
        assert_eq!(parse_rate(""), Some(0));
        assert_eq!(parse_rate("101"), None);
        assert_eq!(parse_rate("1.234"), None);
        assert_eq!(parse_rate("三"), None);
        assert_eq!(rate_text(250), "2.5");
        assert_eq!(rate_text(300), "3");
        assert_eq!(parse_rate(&rate_text(5)), Some(5));
    }

    #[test]
    fn a_deal_draft_checks_amounts_rates_and_dates() {
        let draft = DealDraft {
            title: "高导热膜技术转让".into(),
            contract: "120万".into(),
            commission_rate: "3".into(),
            signed_on: "2026/11/20".into(),
            ..DealDraft::default()
        };
        let terms = draft.validate().unwrap();
        assert_eq!(terms.contract, Some(Money::from_yuan(1_200_000)));
        assert_eq!(terms.commission_bp, 300);
        assert_eq!(DealDraft::from(&terms).validate().unwrap(), terms);
        let bad = DealDraft {
            title: String::new(),
            contract: "-1".into(),
            commission_rate: "abc".into(),
            signed_on: "2026-02-30".into(),
            ..DealDraft::default()
        };
        let e = bad.validate().unwrap_err();
        assert_eq!(
            e.get(DealField::Title),
            Some(crate::domain::Problem::Required)
        );
        assert_eq!(
            e.get(DealField::Contract),
            Some(crate::domain::Problem::NegativeAmount)
        );
        assert!(e.get(DealField::CommissionRate).is_some());
        assert_eq!(
            e.get(DealField::SignedOn),
            Some(crate::domain::Problem::NoSuchDay {
                year: 2026,
                month: 2,
                days: 28
            })
        );
    }

    #[test]
    fn contract_types_are_read_with_their_registry_subtypes() {
        use ContractType::*;
        for (text, kind, sub) in [
            ("技术开发（委托）", Development, "委托"),
            ("技术开发(合作)", Development, "合作"),
            ("技术转让（专利权）", Transfer, "专利权"),
            ("技术许可（专利实施许可）", Licence, "专利实施许可"),
            ("技术服务（技术中介）", Service, "技术中介"),
            ("技术咨询", Consulting, ""),
            ("技术开发合同", Development, ""),
            ("技术转让-技术秘密", Transfer, "技术秘密"),
            ("专利实施许可", Licence, ""),
            ("Licence", Licence, ""),
        ] {
            assert_eq!(
                read_contract_type(text),
                Some((kind, sub.to_string())),
                "{text}"
            );
        }
        assert_eq!(read_contract_type("买卖合同"), None);
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

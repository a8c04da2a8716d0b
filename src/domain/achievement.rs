//! Scientific and technological achievements (科技成果) offered by universities, institutes and
//! enterprises.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::catalog::{
    MAX_KEYWORDS, Stage, TRL_MAX, TRL_MIN, TransferModes, join_keywords, split_keywords,
};
use super::dates::parse_date;
use super::money::{Money, Price};
use super::problem::{FieldErrors, Problem, check_text};
use super::{AchievementId, ClientId, ClientKind};

const MAX_TITLE: usize = 200;
const MAX_SHORT: usize = 200;
const MAX_LONG: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AchievementStatus {
    #[default]
    Available,
    Negotiating,
    Transferred,
    Withdrawn,
}

impl AchievementStatus {
    pub const ALL: [AchievementStatus; 4] = [
        AchievementStatus::Available,
        AchievementStatus::Negotiating,
        AchievementStatus::Transferred,
        AchievementStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AchievementStatus::Available => "available",
            AchievementStatus::Negotiating => "negotiating",
            AchievementStatus::Transferred => "transferred",
            AchievementStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The kind of an intellectual-property item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum IpKind {
    #[default]
    InventionPatent,
    UtilityModel,
    SoftwareCopyright,
    PlantVariety,
    KnowHow,
}

impl IpKind {
    pub const ALL: [IpKind; 5] = [
        IpKind::InventionPatent,
        IpKind::UtilityModel,
        IpKind::SoftwareCopyright,
        IpKind::PlantVariety,
        IpKind::KnowHow,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IpKind::InventionPatent => "invention_patent",
            IpKind::UtilityModel => "utility_model",
            IpKind::SoftwareCopyright => "software_copyright",
            IpKind::PlantVariety => "plant_variety",
            IpKind::KnowHow => "know_how",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum IpStatus {
    Applied,
    #[default]
    Granted,
    Lapsed,
}

impl IpStatus {
    pub const ALL: [IpStatus; 3] = [IpStatus::Applied, IpStatus::Granted, IpStatus::Lapsed];

    pub fn code(self) -> &'static str {
        match self {
            IpStatus::Applied => "applied",
            IpStatus::Granted => "granted",
            IpStatus::Lapsed => "lapsed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One patent, copyright or other IP item behind an achievement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpItem {
    pub kind: IpKind,
    pub number: String,
    pub status: IpStatus,
    pub expiry: Option<NaiveDate>,
}

/// What an achievement says, checked: everything but its id and timestamps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AchievementData {
    pub title: String,
    pub owner: ClientId,
    pub inventors: String,
    pub field: String,
    pub keywords: Vec<String>,
    pub abstract_text: String,
    pub indicators: String,
    pub trl: u8,
    pub stage: Stage,
    pub ip_items: Vec<IpItem>,
    pub transfer_modes: TransferModes,
    pub price: Price,
    pub registration_no: String,
    pub status: AchievementStatus,
    pub source: String,
}

/// An achievement as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Achievement {
    pub id: AchievementId,
    pub owner_name: String,
    pub data: AchievementData,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// One line of the achievement list, with everything the list shows, filters and sorts on. Its
/// keywords are not kept: they are searched with the texts the store reads beside the row (7
/// MiB for 100,000 rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AchievementRow {
    pub id: AchievementId,
    pub title: String,
    pub owner: ClientId,
    /// Shared by every row of one owner (14,000 owners for 100,000 achievements).
    pub owner_name: Arc<str>,
    pub owner_kind: ClientKind,
    pub field: Arc<str>,
    pub trl: u8,
    pub stage: Stage,
    pub transfer_modes: TransferModes,
    pub price: Price,
    pub status: AchievementStatus,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AchievementField {
    Title,
    Owner,
    Inventors,
    Field,
    Keywords,
    Abstract,
    Indicators,
    Trl,
    Price,
    RegistrationNo,
    Source,
    /// An IP row, by position.
    IpNumber(usize),
    IpExpiry(usize),
}

/// An IP row as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IpItemDraft {
    pub kind: IpKind,
    pub number: String,
    pub status: IpStatus,
    pub expiry: String,
}

impl From<&IpItem> for IpItemDraft {
    fn from(ip: &IpItem) -> Self {
        Self {
            kind: ip.kind,
            number: ip.number.clone(),
            status: ip.status,
            expiry: ip.expiry.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// An achievement as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AchievementDraft {
    pub title: String,
    pub owner: Option<ClientId>,
    pub inventors: String,
    pub field: String,
    pub keywords: String,
    pub abstract_text: String,
    pub indicators: String,
    pub trl: String,
    pub stage: Stage,
    pub ip_items: Vec<IpItemDraft>,
    pub transfer_modes: TransferModes,
    pub negotiable: bool,
    pub price: String,
    pub registration_no: String,
    pub status: AchievementStatus,
    pub source: String,
}

impl Default for AchievementDraft {
    fn default() -> Self {
        Self {
            title: String::new(),
            owner: None,
            inventors: String::new(),
            field: String::new(),
            keywords: String::new(),
            abstract_text: String::new(),
            indicators: String::new(),
            trl: String::new(),
            stage: Stage::Lab,
            ip_items: Vec::new(),
            transfer_modes: TransferModes::default(),
            negotiable: true,
            price: String::new(),
            registration_no: String::new(),
            status: AchievementStatus::Available,
            source: String::new(),
        }
    }
}

impl From<&AchievementData> for AchievementDraft {
    fn from(a: &AchievementData) -> Self {
        Self {
            title: a.title.clone(),
            owner: Some(a.owner),
            inventors: a.inventors.clone(),
            field: a.field.clone(),
            keywords: join_keywords(&a.keywords),
            abstract_text: a.abstract_text.clone(),
            indicators: a.indicators.clone(),
            trl: a.trl.to_string(),
            stage: a.stage,
            ip_items: a.ip_items.iter().map(IpItemDraft::from).collect(),
            transfer_modes: a.transfer_modes,
            negotiable: a.price == Price::Negotiable,
            price: a.price.amount().map(Money::input_text).unwrap_or_default(),
            registration_no: a.registration_no.clone(),
            status: a.status,
            source: a.source.clone(),
        }
    }
}

/// Parses a TRL typed as text: a whole number from 1 to 9.
pub fn parse_trl(text: &str) -> Result<u8, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    match t.parse::<u8>() {
        Ok(v) if (TRL_MIN..=TRL_MAX).contains(&v) => Ok(v),
        _ => Err(Problem::TrlOutOfRange),
    }
}

/// Parses a price field: negotiable, or an amount in yuan.
pub fn parse_price(negotiable: bool, text: &str) -> Result<Price, Problem> {
    if negotiable {
        return Ok(Price::Negotiable);
    }
    if text.trim().is_empty() {
        return Err(Problem::Required);
    }
    Money::parse_yuan(text)
        .map(Price::Amount)
        .map_err(Problem::from)
}

pub(super) fn check_keywords<F: PartialEq + Copy>(
    e: &mut FieldErrors<F>,
    field: F,
    text: &str,
) -> Vec<String> {
    let keywords = split_keywords(text);
    if keywords.len() > MAX_KEYWORDS {
        e.push(field, Problem::TooManyKeywords { max: MAX_KEYWORDS });
    } else if keywords.iter().any(|k| k.chars().count() > 50) {
        e.push(field, Problem::TooLong { max: 50 });
    }
    keywords
}

impl AchievementDraft {
    pub fn validate(&self) -> Result<AchievementData, FieldErrors<AchievementField>> {
        use AchievementField as F;
        let mut e = FieldErrors::new();
        let title = self.title.trim().to_string();
        check_text(&mut e, F::Title, &title, true, MAX_TITLE);
        if self.owner.is_none() {
            e.push(F::Owner, Problem::Required);
        }
        let field = self.field.trim().to_string();
        check_text(&mut e, F::Field, &field, true, MAX_SHORT);
        let keywords = check_keywords(&mut e, F::Keywords, &self.keywords);
        for (f, v, max) in [
            (F::Inventors, &self.inventors, MAX_SHORT),
            (F::Abstract, &self.abstract_text, MAX_LONG),
            (F::Indicators, &self.indicators, MAX_LONG),
            (F::RegistrationNo, &self.registration_no, MAX_SHORT),
            (F::Source, &self.source, MAX_SHORT),
        ] {
            check_text(&mut e, f, v.trim(), false, max);
        }
        let trl = parse_trl(&self.trl).unwrap_or_else(|p| {
            e.push(F::Trl, p);
            TRL_MIN
        });
        let price = parse_price(self.negotiable, &self.price).unwrap_or_else(|p| {
            e.push(F::Price, p);
            Price::Negotiable
        });
        let mut ip_items = Vec::new();
        for (i, ip) in self.ip_items.iter().enumerate() {
            let number = ip.number.trim().to_string();
            check_text(&mut e, F::IpNumber(i), &number, true, MAX_SHORT);
            let expiry = match ip.expiry.trim() {
                "" => None,
                text => parse_date(text).or_else(|| {
                    e.push(F::IpExpiry(i), super::dates::date_problem(text));
                    None
                }),
            };
            ip_items.push(IpItem {
                kind: ip.kind,
                number,
                status: ip.status,
                expiry,
            });
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(AchievementData {
            title,
            owner: self.owner.unwrap_or(ClientId(0)),
            inventors: self.inventors.trim().to_string(),
            field,
            keywords,
            abstract_text: self.abstract_text.trim().to_string(),
            indicators: self.indicators.trim().to_string(),
            trl,
            stage: self.stage,
            ip_items,
            transfer_modes: self.transfer_modes,
            price,
            registration_no: self.registration_no.trim().to_string(),
            status: self.status,
            source: self.source.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> AchievementDraft {
        AchievementDraft {
            title: "高效节能永磁同步电机控制技术".into(),
            owner: Some(ClientId(1)),
            field: "高端装备制造".into(),
            keywords: "永磁电机、变频控制".into(),
            trl: "6".into(),
            stage: Stage::Pilot,
            ..AchievementDraft::default()
        }
    }

    #[test]
    fn a_complete_draft_validates() {
        let a = draft().validate().unwrap();
        assert_eq!(a.keywords, vec!["永磁电机", "变频控制"]);
        assert_eq!(a.trl, 6);
        assert_eq!(a.price, Price::Negotiable);
    }

    #[test]
    fn trl_must_be_one_to_nine() {
        for (text, problem) in [
            ("0", Problem::TrlOutOfRange),
            ("10", Problem::TrlOutOfRange),
            ("六", Problem::TrlOutOfRange),
            ("", Problem::Required),
        ] {
            let mut d = draft();
            d.trl = text.into();
            assert_eq!(
                d.validate().unwrap_err().get(AchievementField::Trl),
                Some(problem)
            );
        }
    }

    #[test]
    fn price_is_negotiable_or_a_valid_amount() {
        let mut d = draft();
        d.negotiable = false;
        d.price = "-5".into();
        assert_eq!(
            d.validate().unwrap_err().get(AchievementField::Price),
            Some(Problem::NegativeAmount)
        );
        d.price = "50万".into();
        assert_eq!(
            d.validate().unwrap().price,
            Price::Amount(Money::from_yuan(500_000))
        );
    }

    #[test]
    fn ip_rows_need_a_number_and_a_valid_expiry() {
        let mut d = draft();
        d.ip_items.push(IpItemDraft {
            number: "ZL202110123456.7".into(),
            expiry: "2041年6月30日".into(),
            ..IpItemDraft::default()
        });
        d.ip_items.push(IpItemDraft {
            expiry: "2041-02-30".into(),
            ..IpItemDraft::default()
        });
        let e = d.validate().unwrap_err();
        assert_eq!(
            e.get(AchievementField::IpNumber(1)),
            Some(Problem::Required)
        );
        assert_eq!(
            e.get(AchievementField::IpExpiry(1)),
            Some(Problem::NoSuchDay {
                year: 2041,
                month: 2,
                days: 28
            })
        );
        assert_eq!(e.get(AchievementField::IpExpiry(0)), None);
    }

    #[test]
    fn at_most_five_keywords_and_an_owner_is_required() {
        let mut d = draft();
        d.keywords = "a b c d e f".into();
        d.owner = None;
        let e = d.validate().unwrap_err();
        assert_eq!(
            e.get(AchievementField::Keywords),
            Some(Problem::TooManyKeywords { max: 5 })
        );
        assert_eq!(e.get(AchievementField::Owner), Some(Problem::Required));
    }

    #[test]
    fn a_stored_achievement_edits_back_to_the_same_data() {
        let mut d = draft();
        d.negotiable = false;
        d.price = "123456.7".into();
        let data = d.validate().unwrap();
        assert_eq!(AchievementDraft::from(&data).validate().unwrap(), data);
    }
}

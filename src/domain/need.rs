//! Technology needs (技术需求) of enterprises.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::achievement::{check_keywords, parse_trl};
use super::amount::{AmountRange, AmountText, read_amount};
use super::catalog::{Stage, join_keywords};
use super::dates::parse_date;
use super::money::{Money, Price};
use super::problem::{FieldErrors, Problem, check_text};
use super::{ClientId, NeedId};

const MAX_TITLE: usize = 200;
const MAX_LONG: usize = 10_000;

/// How the enterprise wants to get the technology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum NeedMode {
    #[default]
    Buy,
    Licence,
    CoDevelop,
    Consult,
}

impl NeedMode {
    pub const ALL: [NeedMode; 4] = [
        NeedMode::Buy,
        NeedMode::Licence,
        NeedMode::CoDevelop,
        NeedMode::Consult,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NeedMode::Buy => "buy",
            NeedMode::Licence => "licence",
            NeedMode::CoDevelop => "co_develop",
            NeedMode::Consult => "consult",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum NeedStatus {
    #[default]
    Open,
    Matched,
    Solved,
    Closed,
}

impl NeedStatus {
    pub const ALL: [NeedStatus; 4] = [
        NeedStatus::Open,
        NeedStatus::Matched,
        NeedStatus::Solved,
        NeedStatus::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NeedStatus::Open => "open",
            NeedStatus::Matched => "matched",
            NeedStatus::Solved => "solved",
            NeedStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a need says, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedData {
    pub enterprise: ClientId,
    pub title: String,
    pub description: String,
    pub indicators: String,
    pub field: String,
    pub keywords: Vec<String>,
    /// The amount matching and filters compare: a range's upper bound (or its floor when it
    /// has none).
    pub budget: Price,
    /// A budget given as a range, cap or floor, kept as written with its bounds.
    #[serde(default)]
    pub budget_range: Option<AmountRange>,
    pub preferred_mode: NeedMode,
    pub min_stage: Option<Stage>,
    pub min_trl: Option<u8>,
    pub deadline: Option<NaiveDate>,
    pub confidential: bool,
    pub status: NeedStatus,
}

impl NeedData {
    /// The budget as the lists show it, in 万元: the range as written, the amount, or None for
    /// 面议.
    pub fn budget_written(&self) -> Option<&str> {
        self.budget_range.as_ref().map(|r| r.written.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub id: NeedId,
    pub enterprise_name: String,
    pub data: NeedData,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// One line of the need list. Its keywords are searched with the texts read beside it, not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedRow {
    pub id: NeedId,
    pub title: String,
    pub enterprise: ClientId,
    /// Shared by every row of one enterprise.
    pub enterprise_name: Arc<str>,
    pub field: Arc<str>,
    pub budget: Price,
    /// A range, cap or floor as written; empty for an amount or 面议.
    pub budget_text: String,
    pub preferred_mode: NeedMode,
    pub min_stage: Option<Stage>,
    pub min_trl: Option<u8>,
    pub deadline: Option<NaiveDate>,
    pub confidential: bool,
    pub status: NeedStatus,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedField {
    Title,
    Enterprise,
    Description,
    Indicators,
    Field,
    Keywords,
    Budget,
    MinTrl,
    Deadline,
}

/// A need as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedDraft {
    pub enterprise: Option<ClientId>,
    pub title: String,
    pub description: String,
    pub indicators: String,
    pub field: String,
    pub keywords: String,
    pub negotiable: bool,
    pub budget: String,
    pub preferred_mode: NeedMode,
    pub min_stage: Option<Stage>,
    pub min_trl: String,
    pub deadline: String,
    pub confidential: bool,
    pub status: NeedStatus,
}

impl Default for NeedDraft {
    fn default() -> Self {
        Self {
            enterprise: None,
            title: String::new(),
            description: String::new(),
            indicators: String::new(),
            field: String::new(),
            keywords: String::new(),
            negotiable: true,
            budget: String::new(),
            preferred_mode: NeedMode::Buy,
            min_stage: None,
            min_trl: String::new(),
            deadline: String::new(),
            confidential: false,
            status: NeedStatus::Open,
        }
    }
}

impl From<&NeedData> for NeedDraft {
    fn from(n: &NeedData) -> Self {
        Self {
            enterprise: Some(n.enterprise),
            title: n.title.clone(),
            description: n.description.clone(),
            indicators: n.indicators.clone(),
            field: n.field.clone(),
            keywords: join_keywords(&n.keywords),
            negotiable: n.budget == Price::Negotiable,
            budget: match &n.budget_range {
                Some(range) => range.written.clone(),
                None => n.budget.amount().map(Money::input_text).unwrap_or_default(),
            },
            preferred_mode: n.preferred_mode,
            min_stage: n.min_stage,
            min_trl: n.min_trl.map(|t| t.to_string()).unwrap_or_default(),
            deadline: n.deadline.map(|d| d.to_string()).unwrap_or_default(),
            confidential: n.confidential,
            status: n.status,
        }
    }
}

/// A budget as typed: 面议, an amount in yuan, or a range, cap or floor ("50-100万", "100万以内")
/// kept as written; the price is the amount comparisons use.
pub fn parse_budget(negotiable: bool, text: &str) -> Result<(Price, Option<AmountRange>), Problem> {
    if negotiable {
        return Ok((Price::Negotiable, None));
    }
    if text.trim().is_empty() {
        return Err(Problem::Required);
    }
    match read_amount(text, None).map_err(Problem::from)? {
        AmountText::Negotiable => Ok((Price::Negotiable, None)),
        AmountText::Amount(m) => Ok((Price::Amount(m), None)),
        AmountText::Range(r) => Ok((r.amount().map_or(Price::Negotiable, Price::Amount), Some(r))),
    }
}

impl NeedDraft {
    pub fn validate(&self) -> Result<NeedData, FieldErrors<NeedField>> {
        use NeedField as F;
        let mut e = FieldErrors::new();
        let title = self.title.trim().to_string();
        check_text(&mut e, F::Title, &title, true, MAX_TITLE);
        if self.enterprise.is_none() {
            e.push(F::Enterprise, Problem::Required);
        }
        let field = self.field.trim().to_string();
        check_text(&mut e, F::Field, &field, true, MAX_TITLE);
        check_text(
            &mut e,
            F::Description,
            self.description.trim(),
            false,
            MAX_LONG,
        );
        check_text(
            &mut e,
            F::Indicators,
            self.indicators.trim(),
            false,
            MAX_LONG,
        );
        let keywords = check_keywords(&mut e, F::Keywords, &self.keywords);
        let (budget, budget_range) =
            parse_budget(self.negotiable, &self.budget).unwrap_or_else(|p| {
                e.push(F::Budget, p);
                (Price::Negotiable, None)
            });
        let min_trl = match self.min_trl.trim() {
            "" => None,
            text => parse_trl(text).map(Some).unwrap_or_else(|p| {
                e.push(F::MinTrl, p);
                None
            }),
        };
        let deadline = match self.deadline.trim() {
            "" => None,
            text => parse_date(text).or_else(|| {
                e.push(F::Deadline, super::dates::date_problem(text));
                None
            }),
        };
        if !e.is_empty() {
            return Err(e);
        }
        Ok(NeedData {
            enterprise: self.enterprise.unwrap_or(ClientId(0)),
            title,
            description: self.description.trim().to_string(),
            indicators: self.indicators.trim().to_string(),
            field,
            keywords,
            budget,
            budget_range,
            preferred_mode: self.preferred_mode,
            min_stage: self.min_stage,
            min_trl,
            deadline,
            confidential: self.confidential,
            status: self.status,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> NeedDraft {
        NeedDraft {
            enterprise: Some(ClientId(7)),
            title: "电机控制器散热改进".into(),
            field: "高端装备制造".into(),
            ..NeedDraft::default()
        }
    }

    #[test]
    fn a_minimal_need_validates() {
        let n = draft().validate().unwrap();
        assert_eq!(n.budget, Price::Negotiable);
        assert_eq!(n.min_trl, None);
        assert_eq!(n.deadline, None);
    }

    #[test]
    fn bad_budget_trl_and_deadline_are_refused() {
        let mut d = draft();
        d.negotiable = false;
        d.budget = "很多".into();
        d.min_trl = "0".into();
        d.deadline = "2026-02-30".into();
        d.enterprise = None;
        let e = d.validate().unwrap_err();
        assert_eq!(e.get(NeedField::Budget), Some(Problem::InvalidAmount));
        assert_eq!(e.get(NeedField::MinTrl), Some(Problem::TrlOutOfRange));
        assert_eq!(
            e.get(NeedField::Deadline),
            Some(Problem::NoSuchDay {
                year: 2026,
                month: 2,
                days: 28
            })
        );
        assert_eq!(e.get(NeedField::Enterprise), Some(Problem::Required));
    }

    #[test]
    fn a_budget_range_is_kept_as_written_and_compared_by_its_top() {
        let mut d = draft();
        d.negotiable = false;
        d.budget = "50-100万".into();
        let n = d.validate().unwrap();
        assert_eq!(n.budget, Price::Amount(Money::from_yuan(1_000_000)));
        assert_eq!(n.budget_written(), Some("50-100万"));
        let range = n.budget_range.clone().unwrap();
        assert_eq!(range.min, Some(Money::from_yuan(500_000)));
        assert_eq!(NeedDraft::from(&n).validate().unwrap(), n);
        d.budget = "500万以上".into();
        let n = d.validate().unwrap();
        assert_eq!(n.budget, Price::Amount(Money::from_yuan(5_000_000)));
    }

    #[test]
    fn a_stored_need_edits_back_to_the_same_data() {
        let mut d = draft();
        d.negotiable = false;
        d.budget = "80万".into();
        d.min_trl = "5".into();
        d.deadline = "2027/3/31".into();
        d.confidential = true;
        let data = d.validate().unwrap();
        assert_eq!(NeedDraft::from(&data).validate().unwrap(), data);
    }
}

//! One row of a file as a record ready to store: the mapped cells laid over a draft (empty for
//! a new record, the stored one when a duplicate is updated) and checked by the same rules as
//! the forms.
//!
//! A row is refused only when it cannot be stored: a record without its title, its owner or
//! its field, an achievement whose maturity no cell tells, a signed deal without a date. Any
//! other value the forms would refuse is stored as well as it can be and comes with a warning:
//! a price no one can read is 面议, a date no one can read is left empty, a credit code that
//! fails its check is kept as written.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cells;
use super::fields::{ImportKind, Target, header_unit};
use super::mapping::Mapping;
use crate::domain::amount::{AmountRange, AmountText, read_amount};
use crate::domain::catalog::split_keywords;
use crate::domain::client::{is_email, is_phone, normalize_phone};
use crate::domain::credit_code;
use crate::domain::dates::DateText;
use crate::domain::deal::{Missing, missing_for, parse_rate};
use crate::domain::maturation::{CarrierDraft, CarrierField, CarrierKind};
use crate::domain::maturity::read_maturity;
use crate::domain::rights::{RightsDraft, RightsField};
use crate::domain::{
    AchievementData, AchievementDraft, AchievementField, ClientDraft, ClientField, ClientId,
    ClientKind, ContactDraft, ContactField, DealDraft, DealField, DealStage, DealTerms,
    FieldErrors, Money, NeedData, NeedDraft, NeedField, Price, Problem, Stage,
};

/// The organisation a record belongs to, by name: ids do not travel between databases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerRef {
    pub name: String,
    /// Known when the file says (TechBroker's JSON does); else told by the name.
    pub kind: Option<ClientKind>,
}

/// A record as it will be stored. The owner ids inside `data` are placeholders until the
/// owner is found by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidate {
    Client {
        draft: ClientDraft,
        contacts: Vec<ContactDraft>,
        /// The organisation's carrier profile, checked, when the file gives one.
        carrier: Option<CarrierDraft>,
    },
    Achievement {
        data: AchievementData,
        owner: OwnerRef,
        /// The rights of a service achievement, checked, when the file gives them.
        rights: Option<RightsDraft>,
    },
    Need {
        data: NeedData,
        enterprise: OwnerRef,
    },
    Deal(Box<DealCandidate>),
}

/// A deal row: its terms and stage, the organisations on both sides, the achievement the
/// seller offered, by title (linked when the seller has it), and what a registration ledger
/// says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealCandidate {
    pub terms: DealTerms,
    pub stage: DealStage,
    pub lost_reason: String,
    pub seller: OwnerRef,
    pub buyer: OwnerRef,
    pub achievement: String,
    pub contract_no: String,
    /// The registry's subtype of the contract type ("委托" in "技术开发（委托）").
    pub contract_subtype: String,
    pub registered_on: Option<NaiveDate>,
    pub certificate_no: String,
}

/// Why a row cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    Field(Problem),
    /// Not one of the values the field allows (a stage, a status, a transfer mode...).
    UnknownChoice(String),
    /// The named organisation is not a client, and the user chose not to create it.
    UnknownOwner(String),
    /// Needs belong to enterprises only.
    NotAnEnterprise(String),
    /// The cell's bytes are text in no encoding the file could be in.
    Undecodable,
    /// A date before 1900, which Excel cannot hold (and no record of the trade has).
    DateBefore1900(String),
}

/// One problem of a row, with the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub target: Option<Target>,
    pub problem: RowProblem,
}

impl CellError {
    pub(super) fn field(target: Target, problem: Problem) -> Self {
        CellError {
            target: Some(target),
            problem: RowProblem::Field(problem),
        }
    }
}

/// What was done with a value the forms would not take as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Not a value the field knows: the field keeps its default (or what the rest tells).
    UnknownValue(String),
    /// The forms would refuse it (a credit code failing its check, a phone, an email, a
    /// website): kept as written.
    KeptAsWritten(String),
    /// Longer than the forms allow: kept whole.
    Long { max: usize },
    /// No amount can be read in it: stored as 面议 (prices, budgets) or as none.
    AmountUnreadable(String),
    /// A price written as a range: its lower end is the asking price.
    PriceRange(String),
    /// A carrier's cost that is not one amount (a range, a rule): kept in the notes.
    CostInNotes(String),
    /// Only a month or a year: its last day.
    DateEndOf(String, NaiveDate),
    /// Maturity in words, read as this TRL (in the range the words mean).
    TrlFromWords(String, u8),
    /// Transfer modes no one knows, left out.
    UnknownModes(String),
    /// A contact without a name is not stored.
    ContactWithoutName,
    /// Empty, though the forms ask for it: stored empty, to be filled in later.
    LeftEmpty,
    /// The cell was written in another encoding than the file (GBK in a UTF-8 file).
    OtherEncoding(&'static str),
    /// NUL bytes were removed from the cell.
    NulRemoved,
}

/// One warning of a row, with the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellWarning {
    pub target: Option<Target>,
    pub warning: Warning,
}

/// A row read: the record and what was done to store it, or why it cannot be stored.
pub type Converted = Result<(Candidate, Vec<CellWarning>), Vec<CellError>>;

/// The cells a mapped target reads, with what was found wrong with them.
struct Cells<'a> {
    mapping: &'a Mapping,
    cells: &'a [String],
    errors: Vec<CellError>,
    warnings: Vec<CellWarning>,
}

impl<'a> Cells<'a> {
    fn new(mapping: &'a Mapping, cells: &'a [String]) -> Self {
        Cells {
            mapping,
            cells,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The cell of `t`, trimmed, when the column is mapped; a survey's "(跳过)" or a dash is
    /// an empty cell.
    fn get(&self, t: Target) -> Option<&'a str> {
        let col = self.mapping.column_of(t)?;
        let cell = self.cells.get(col).map_or("", |c| c.trim());
        Some(if cells::is_empty_answer(cell) {
            ""
        } else {
            cell
        })
    }

    /// The cell of `t` when mapped and not empty.
    fn filled(&self, t: Target) -> Option<&'a str> {
        self.get(t).filter(|v| !v.is_empty())
    }

    /// Copies the cell of `t` into `slot` when the column is mapped.
    fn text(&self, t: Target, slot: &mut String) {
        if let Some(v) = self.get(t) {
            *slot = v.to_string();
        }
    }

    fn warn(&mut self, t: Target, warning: Warning) {
        self.warnings.push(CellWarning {
            target: Some(t),
            warning,
        });
    }

    fn fail(&mut self, t: Target, problem: Problem) {
        self.errors.push(CellError::field(t, problem));
    }

    /// The unit the column's header names for its amounts (万 or 亿).
    /// The header of the column `t` is read from, as the file writes it.
    fn header(&self, t: Target) -> &'a str {
        self.mapping
            .column_of(t)
            .and_then(|c| self.mapping.headers.get(c))
            .map_or("", |h| h.trim())
    }

    fn unit(&self, t: Target) -> Option<&'static str> {
        self.mapping
            .column_of(t)
            .and_then(|c| self.mapping.headers.get(c))
            .and_then(|h| header_unit(h))
    }

    /// Reads a choice; an unknown value is a warning and leaves the slot alone, as does an
    /// empty cell.
    fn choice<T>(&mut self, t: Target, parse: impl Fn(&str) -> Option<T>, slot: &mut T) {
        if let Some(v) = self.filled(t) {
            match parse(v) {
                Some(value) => *slot = value,
                None => self.warn(t, Warning::UnknownValue(v.to_string())),
            }
        }
    }

    /// The amount of a mapped cell; an unreadable one is a warning and reads as 面议.
    fn amount(&mut self, t: Target) -> Option<AmountText> {
        let v = self.get(t)?;
        match read_amount(v, self.unit(t)) {
            Ok(a) => Some(a),
            Err(_) => {
                self.warn(t, Warning::AmountUnreadable(v.to_string()));
                Some(AmountText::Negotiable)
            }
        }
    }

    /// One amount (a range reads as its lower end, with a warning), None for 面议 or nothing.
    fn single_amount(&mut self, t: Target) -> Option<Option<Money>> {
        Some(match self.amount(t)? {
            AmountText::Negotiable => None,
            AmountText::Amount(m) => Some(m),
            AmountText::Range(r) => {
                self.warn(t, Warning::PriceRange(r.written.clone()));
                r.min.or(r.max)
            }
        })
    }

    /// The date of a mapped cell: None when not mapped, Some(None) for no date. A cell that
    /// is not a date (2024-02-30, 明年) or is before 1900 refuses the row: a deadline or a
    /// signing date stored wrong, or dropped, would mislead.
    fn date(&mut self, t: Target) -> Option<Option<NaiveDate>> {
        let v = self.get(t)?;
        Some(match cells::date(v) {
            Some(DateText::Nothing) => None,
            Some(DateText::Exact(d)) => Some(d),
            Some(DateText::EndOf(d)) => {
                self.warn(t, Warning::DateEndOf(v.to_string(), d));
                Some(d)
            }
            None if cells::is_date_before_1900(v) => {
                self.errors.push(CellError {
                    target: Some(t),
                    problem: RowProblem::DateBefore1900(v.to_string()),
                });
                None
            }
            None => {
                self.fail(t, Problem::InvalidDate);
                None
            }
        })
    }

    /// The keywords of the cell, all of them: lists in the wild carry more than the forms'
    /// five.
    fn keywords(&self, slot: &mut Vec<String>) {
        if let Some(v) = self.get(Target::Keywords) {
            *slot = split_keywords(v);
        }
    }

    fn done(self, candidate: Candidate) -> Converted {
        if self.errors.is_empty() {
            Ok((candidate, self.warnings))
        } else {
            Err(self.errors)
        }
    }
}

/// The form's problems that make a row unstorable, as errors; the others were dealt with.
pub(super) fn field_errors<F: Copy + PartialEq>(
    out: &mut Vec<CellError>,
    errors: FieldErrors<F>,
    target: fn(F) -> Target,
) {
    out.extend(
        errors
            .errors
            .into_iter()
            .map(|(f, p)| CellError::field(target(f), p)),
    );
}

fn client_target(f: ClientField) -> Target {
    match f {
        ClientField::Name => Target::Name,
        ClientField::CreditCode => Target::CreditCode,
        ClientField::Province => Target::Province,
        ClientField::City => Target::City,
        ClientField::District => Target::District,
        ClientField::Industry => Target::Industry,
        ClientField::Size => Target::Size,
        ClientField::Address => Target::Address,
        ClientField::Website => Target::Website,
        ClientField::Notes => Target::Notes,
    }
}

fn contact_target(f: ContactField) -> Target {
    match f {
        ContactField::Name => Target::ContactName,
        ContactField::Title => Target::ContactTitle,
        ContactField::Phone => Target::ContactPhone,
        ContactField::Email => Target::ContactEmail,
        ContactField::Wechat => Target::ContactWechat,
    }
}

fn achievement_target(f: AchievementField) -> Target {
    use AchievementField as F;
    match f {
        F::Title => Target::Title,
        F::Owner => Target::Owner,
        F::Inventors => Target::Inventors,
        F::Field => Target::Field,
        F::Keywords => Target::Keywords,
        F::Abstract => Target::Abstract,
        F::Indicators => Target::Indicators,
        F::Trl => Target::Trl,
        F::Price => Target::Price,
        F::RegistrationNo => Target::RegistrationNo,
        F::Source => Target::Source,
        F::IpNumber(_) | F::IpExpiry(_) => Target::IpNumbers,
    }
}

fn need_target(f: NeedField) -> Target {
    match f {
        NeedField::Title => Target::Title,
        NeedField::Enterprise => Target::Enterprise,
        NeedField::Description => Target::Description,
        NeedField::Indicators => Target::Indicators,
        NeedField::Field => Target::Field,
        NeedField::Keywords => Target::Keywords,
        NeedField::Budget => Target::Budget,
        NeedField::MinTrl => Target::MinTrl,
        NeedField::Deadline => Target::Deadline,
    }
}

fn deal_target(f: DealField) -> Target {
    match f {
        DealField::Title => Target::Title,
        DealField::Broker => Target::Broker,
        DealField::Expected => Target::Expected,
        DealField::Contract => Target::Contract,
        DealField::Technology => Target::Technology,
        DealField::CommissionRate | DealField::Commission => Target::CommissionRate,
        DealField::SignedOn => Target::SignedOn,
        DealField::Notes => Target::Notes,
    }
}

/// A checked record with the long texts cut for the check, to put back whole.
type CheckedKeepingLong<T, F> = Result<(T, Vec<(F, String)>), FieldErrors<F>>;

/// Validates a draft, keeping texts longer than the form allows: each is cut for the check
/// (with a warning) and handed back whole, to be put in the checked record.
fn validate_keeping_long<D, T, F: Copy + PartialEq>(
    mut draft: D,
    validate: impl Fn(&D) -> Result<T, FieldErrors<F>>,
    text_of: impl Fn(&mut D, F) -> Option<&mut String>,
    target: fn(F) -> Target,
    warnings: &mut Vec<CellWarning>,
) -> CheckedKeepingLong<T, F> {
    let mut kept = Vec::new();
    loop {
        let errors = match validate(&draft) {
            Ok(data) => return Ok((data, kept)),
            Err(e) => e,
        };
        let mut fatal = FieldErrors::new();
        for (f, p) in errors.errors {
            match (p, text_of(&mut draft, f)) {
                (Problem::TooLong { max }, Some(text)) => {
                    kept.push((f, text.trim().to_string()));
                    *text = text.trim().chars().take(max).collect();
                    warnings.push(CellWarning {
                        target: Some(target(f)),
                        warning: Warning::Long { max },
                    });
                }
                _ => fatal.push(f, p),
            }
        }
        if !fatal.is_empty() {
            return Err(fatal);
        }
    }
}

/// What platforms put between a region's levels besides spaces: "山东省-青岛市-崂山区",
/// "山东省/青岛市", "山东省 > 青岛市". No place name holds one.
const REGION_SEPARATORS: &[char] = &['-', '－', '–', '—', '/', '／', '>', '＞', '|', '｜'];

/// "山东省 济南市 历下区", "山东省-济南市-历下区", "山东省济南市历下区", "济南市" as province, city
/// and district, each part placed by what it ends with, else in order.
fn split_region(text: &str) -> [String; 3] {
    const MUNICIPALITIES: [&str; 4] = ["北京市", "天津市", "上海市", "重庆市"];
    let mut parts: Vec<String> = text
        .split(|c: char| c.is_whitespace() || REGION_SEPARATORS.contains(&c))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if parts.len() == 1 {
        // Without separators: cut after each level's ending.
        let only = parts.remove(0);
        let mut cut = Vec::new();
        let mut current = String::new();
        for c in only.chars() {
            current.push(c);
            let ends = [
                "省",
                "自治区",
                "特别行政区",
                "市",
                "州",
                "盟",
                "地区",
                "区",
                "县",
                "旗",
            ]
            .iter()
            .any(|e| current.ends_with(e));
            if ends && current.chars().count() >= 2 && cut.len() < 2 {
                cut.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            cut.push(current);
        }
        parts = cut;
    }
    let mut out: [String; 3] = Default::default();
    let mut next = 0;
    for part in parts {
        let slot = if part.ends_with('省')
            || part.ends_with("自治区")
            || part.ends_with("特别行政区")
            || (next == 0 && MUNICIPALITIES.contains(&part.as_str()))
        {
            0
        } else if (part.ends_with('区') || part.ends_with('县') || part.ends_with('旗'))
            && !part.ends_with("地区")
        {
            2
        } else if part.ends_with('市')
            || part.ends_with('州')
            || part.ends_with('盟')
            || part.ends_with("地区")
        {
            if next <= 1 { 1 } else { 2 }
        } else {
            next.min(2)
        };
        let slot = if out[slot].is_empty() {
            slot
        } else {
            next.min(2)
        };
        if out[slot].is_empty() {
            out[slot] = part;
        } else {
            out[2].push_str(&part);
        }
        next = slot + 1;
    }
    out
}

/// The line of an organisation's notes that names a carrier's host unit: the carrier profile
/// has no field for it, and a broker reads the notes.
const HOST_UNIT_NOTE: &str = "依托单位：";

/// `notes` naming `host` as the host unit, after what else the notes say: a host line they had
/// is dropped, so that a list imported again does not repeat it.
fn with_host_unit(notes: &str, host: &str) -> String {
    let line = format!("{HOST_UNIT_NOTE}{host}");
    let mut lines: Vec<&str> = notes
        .lines()
        .filter(|l| !l.trim_start().starts_with(HOST_UNIT_NOTE))
        .collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.push(&line);
    lines.join("\n")
}

/// A client row laid over `base`; the contact columns make a contact when a name is given.
pub fn client(mapping: &Mapping, cells: &[String], base: ClientDraft) -> Converted {
    let mut c = Cells::new(mapping, cells);
    let is_new = base.name.is_empty();
    let mut d = base;
    c.text(Target::Name, &mut d.name);
    match c.filled(Target::ClientKind) {
        Some(v) => {
            if let Some(kind) = cells::client_kind(v) {
                d.kind = kind;
            } else {
                c.warn(Target::ClientKind, Warning::UnknownValue(v.to_string()));
                d.kind = cells::guess_client_kind(&d.name);
            }
        }
        // A new client with no kind given: its name tells (大学, 研究院...), as for the owners
        // an import creates. An update keeps the stored kind.
        None if is_new => d.kind = cells::guess_client_kind(&d.name),
        None => {}
    }
    if let Some(region) = c.filled(Target::Region) {
        [d.province, d.city, d.district] = split_region(region);
    }
    c.text(Target::CreditCode, &mut d.credit_code);
    c.text(Target::Province, &mut d.province);
    c.text(Target::City, &mut d.city);
    c.text(Target::District, &mut d.district);
    c.text(Target::Industry, &mut d.industry);
    c.text(Target::Size, &mut d.size);
    c.text(Target::Address, &mut d.address);
    c.text(Target::Website, &mut d.website);
    c.text(Target::Notes, &mut d.notes);
    if let Some(host) = c.filled(Target::HostUnit) {
        d.notes = with_host_unit(&d.notes, host);
    }
    // A code or a website the form would refuse is kept as written, with a warning.
    let code = credit_code::normalize(&d.credit_code);
    let odd_code = (!code.is_empty() && !credit_code::is_valid(&code)).then(|| {
        c.warn(
            Target::CreditCode,
            Warning::KeptAsWritten(d.credit_code.trim().to_string()),
        );
        std::mem::take(&mut d.credit_code).trim().to_string()
    });
    let site = d.website.trim().to_string();
    let odd_site = (!site.is_empty()
        && (site.contains(char::is_whitespace) || !site.contains('.')))
    .then(|| {
        c.warn(Target::Website, Warning::KeptAsWritten(site.clone()));
        d.website.clear();
        site.clone()
    });
    let contact = contact(&mut c);
    let checked = validate_keeping_long(
        d,
        ClientDraft::validate,
        |d, f| match f {
            ClientField::Name => Some(&mut d.name),
            ClientField::Province => Some(&mut d.province),
            ClientField::City => Some(&mut d.city),
            ClientField::District => Some(&mut d.district),
            ClientField::Industry => Some(&mut d.industry),
            ClientField::Size => Some(&mut d.size),
            ClientField::Address => Some(&mut d.address),
            ClientField::Notes => Some(&mut d.notes),
            ClientField::Website => Some(&mut d.website),
            ClientField::CreditCode => None,
        },
        client_target,
        &mut c.warnings,
    );
    let mut draft = match checked {
        Ok((mut draft, kept)) => {
            for (f, text) in kept {
                let slot = match f {
                    ClientField::Name => &mut draft.name,
                    ClientField::Province => &mut draft.province,
                    ClientField::City => &mut draft.city,
                    ClientField::District => &mut draft.district,
                    ClientField::Industry => &mut draft.industry,
                    ClientField::Size => &mut draft.size,
                    ClientField::Address => &mut draft.address,
                    ClientField::Notes => &mut draft.notes,
                    ClientField::Website => &mut draft.website,
                    ClientField::CreditCode => continue,
                };
                *slot = text;
            }
            draft
        }
        Err(e) => {
            field_errors(&mut c.errors, e, client_target);
            ClientDraft::default()
        }
    };
    draft.credit_code = odd_code.unwrap_or(draft.credit_code);
    draft.website = odd_site.unwrap_or(draft.website);
    c.done(Candidate::Client {
        draft,
        contacts: contact.into_iter().collect(),
        carrier: None,
    })
}

/// The rights are no column of a file: their problems name no field.
pub(super) fn rights_errors(e: FieldErrors<RightsField>) -> Vec<CellError> {
    e.errors
        .into_iter()
        .map(|(_, p)| CellError {
            target: None,
            problem: RowProblem::Field(p),
        })
        .collect()
}

/// A carrier profile's text of field `f`: the cost is an amount.
fn carrier_text(d: &mut CarrierDraft, f: CarrierField) -> Option<&mut String> {
    match f {
        CarrierField::Fields => Some(&mut d.fields),
        CarrierField::Capabilities => Some(&mut d.capabilities),
        CarrierField::Equipment => Some(&mut d.equipment),
        CarrierField::Capacity => Some(&mut d.capacity),
        CarrierField::TypicalCost => None,
    }
}

pub(super) fn carrier_target(f: CarrierField) -> Target {
    match f {
        CarrierField::Fields => Target::Field,
        CarrierField::Capabilities => Target::Capabilities,
        CarrierField::Equipment => Target::Equipment,
        CarrierField::Capacity => Target::Capacity,
        CarrierField::TypicalCost => Target::TypicalCost,
    }
}

/// A carrier row: the organisation laid over `base` as a client row is, and its carrier
/// profile over `base_carrier` (None for an organisation that has none yet). Without a kind
/// cell, a new carrier's kind is the one the sheet's title names, else what its name tells
/// (…概念验证中心).
pub fn carrier(
    mapping: &Mapping,
    cells: &[String],
    base: ClientDraft,
    base_carrier: Option<CarrierDraft>,
) -> Converted {
    let organisation = client(mapping, cells, base);
    let mut c = Cells::new(mapping, cells);
    let name = c.get(Target::Name).unwrap_or_default().to_string();
    let mut d = base_carrier.unwrap_or_else(|| CarrierDraft {
        kind: mapping
            .sheet_carrier_kind
            .or_else(|| cells::guessed_carrier_kind(&name))
            .unwrap_or(CarrierKind::PilotBase),
        ..CarrierDraft::default()
    });
    c.choice(Target::CarrierKind, cells::carrier_kind, &mut d.kind);
    c.text(Target::Field, &mut d.fields);
    c.text(Target::Capabilities, &mut d.capabilities);
    c.text(Target::Equipment, &mut d.equipment);
    c.text(Target::Capacity, &mut d.capacity);
    let cost_note = typical_cost(&mut c, &mut d);
    if d.fields.trim().is_empty() && c.get(Target::Field).is_some() {
        c.warn(Target::Field, Warning::LeftEmpty);
    }
    let checked = validate_keeping_long(
        d,
        CarrierDraft::validate_imported,
        carrier_text,
        carrier_target,
        &mut c.warnings,
    );
    let profile = match checked {
        Ok((profile, kept)) => {
            let mut draft = CarrierDraft::from_profile(&profile);
            for (f, text) in kept {
                if let Some(slot) = carrier_text(&mut draft, f) {
                    *slot = text;
                }
            }
            Some(draft)
        }
        Err(e) => {
            field_errors(&mut c.errors, e, carrier_target);
            None
        }
    };
    match (organisation, profile) {
        (
            Ok((
                Candidate::Client {
                    draft, contacts, ..
                },
                mut warnings,
            )),
            Some(carrier),
        ) if c.errors.is_empty() => {
            warnings.append(&mut c.warnings);
            let mut draft = draft;
            if let Some(note) = cost_note {
                append_line(&mut draft.notes, &note);
            }
            Ok((
                Candidate::Client {
                    draft,
                    contacts,
                    carrier: Some(carrier),
                },
                warnings,
            ))
        }
        (Err(mut errors), _) => {
            errors.append(&mut c.errors);
            Err(errors)
        }
        _ => Err(c.errors),
    }
}

/// Reads the typical cost into the profile; 免费 is 0. A cost that is not one amount (a range
/// "5-20万元/项", a rule "按成交额3%") is no typical cost: its text comes back, header and all, for the
/// organisation's notes, so that nothing the list says is lost.
fn typical_cost(c: &mut Cells<'_>, d: &mut CarrierDraft) -> Option<String> {
    let written = c.get(Target::TypicalCost)?.to_string();
    if FREE.contains(&written.as_str()) {
        d.typical_cost = Money::ZERO.input_text();
        return None;
    }
    match read_amount(&written, c.unit(Target::TypicalCost)) {
        Ok(AmountText::Amount(m)) => {
            d.typical_cost = m.input_text();
            None
        }
        // "约50万" is one amount.
        Ok(AmountText::Range(AmountRange {
            min: Some(m),
            max: Some(n),
            ..
        })) if m == n => {
            d.typical_cost = m.input_text();
            None
        }
        Ok(AmountText::Negotiable) => {
            d.typical_cost.clear();
            None
        }
        Ok(AmountText::Range(_)) | Err(_) => {
            d.typical_cost.clear();
            let note = format!("{}：{written}", c.header(Target::TypicalCost));
            c.warn(Target::TypicalCost, Warning::CostInNotes(written));
            Some(note)
        }
    }
}

/// A service that costs nothing: its typical cost is 0, which is known, not 面议.
const FREE: &[&str] = &["免费", "无偿", "不收费", "免收费用", "公益免费", "free"];

fn append_line(text: &mut String, line: &str) {
    if !text.trim().is_empty() {
        text.push('\n');
    }
    text.push_str(line);
}

/// The row's contact, when it names one: a phone or an email the form would refuse is kept as
/// written; a contact without a name is left out, with a warning.
fn contact(c: &mut Cells<'_>) -> Option<ContactDraft> {
    let mut contact = ContactDraft::default();
    c.text(Target::ContactName, &mut contact.name);
    c.text(Target::ContactTitle, &mut contact.title);
    c.text(Target::ContactPhone, &mut contact.phone);
    c.text(Target::ContactEmail, &mut contact.email);
    c.text(Target::ContactWechat, &mut contact.wechat);
    if let Some((name, title)) = cells::name_and_title(&contact.name) {
        let (name, title) = (name.to_string(), title.to_string());
        if contact.title.trim().is_empty() {
            contact.title = title;
        }
        contact.name = name;
    }
    if contact == ContactDraft::default() {
        return None;
    }
    if contact.name.trim().is_empty() {
        c.warnings.push(CellWarning {
            target: Some(Target::ContactName),
            warning: Warning::ContactWithoutName,
        });
        return None;
    }
    contact.phone = cells::phones(&contact.phone);
    let phone = normalize_phone(&contact.phone);
    let odd_phone = (!phone.is_empty() && !is_phone(&phone)).then(|| {
        c.warn(Target::ContactPhone, Warning::KeptAsWritten(phone.clone()));
        std::mem::take(&mut contact.phone)
    });
    let email = contact.email.trim().to_string();
    let odd_email = (!email.is_empty() && !is_email(&email)).then(|| {
        c.warn(Target::ContactEmail, Warning::KeptAsWritten(email.clone()));
        std::mem::take(&mut contact.email)
    });
    let checked = validate_keeping_long(
        contact,
        ContactDraft::validate,
        |d, f| match f {
            ContactField::Name => Some(&mut d.name),
            ContactField::Title => Some(&mut d.title),
            ContactField::Wechat => Some(&mut d.wechat),
            ContactField::Phone | ContactField::Email => None,
        },
        contact_target,
        &mut c.warnings,
    );
    match checked {
        Ok((mut d, kept)) => {
            for (f, text) in kept {
                match f {
                    ContactField::Name => d.name = text,
                    ContactField::Title => d.title = text,
                    ContactField::Wechat => d.wechat = text,
                    ContactField::Phone | ContactField::Email => {}
                }
            }
            if let Some(p) = odd_phone {
                d.phone = p.trim().to_string();
            }
            if let Some(e) = odd_email {
                d.email = e.trim().to_string();
            }
            Some(d)
        }
        Err(e) => {
            field_errors(&mut c.errors, e, contact_target);
            None
        }
    }
}

/// The long texts of an achievement draft, by field.
fn achievement_text(d: &mut AchievementDraft, f: AchievementField) -> Option<&mut String> {
    use AchievementField as F;
    match f {
        F::Title => Some(&mut d.title),
        F::Inventors => Some(&mut d.inventors),
        F::Field => Some(&mut d.field),
        F::Abstract => Some(&mut d.abstract_text),
        F::Indicators => Some(&mut d.indicators),
        F::RegistrationNo => Some(&mut d.registration_no),
        F::Source => Some(&mut d.source),
        F::IpNumber(i) => d.ip_items.get_mut(i).map(|ip| &mut ip.number),
        _ => None,
    }
}

fn achievement_data_text(d: &mut AchievementData, f: AchievementField) -> Option<&mut String> {
    use AchievementField as F;
    match f {
        F::Title => Some(&mut d.title),
        F::Inventors => Some(&mut d.inventors),
        F::Field => Some(&mut d.field),
        F::Abstract => Some(&mut d.abstract_text),
        F::Indicators => Some(&mut d.indicators),
        F::RegistrationNo => Some(&mut d.registration_no),
        F::Source => Some(&mut d.source),
        F::IpNumber(i) => d.ip_items.get_mut(i).map(|ip| &mut ip.number),
        _ => None,
    }
}

/// An achievement row laid over `base`. The owner is checked for presence only; finding it
/// by name is the caller's.
pub fn achievement(
    mapping: &Mapping,
    cells: &[String],
    base: AchievementDraft,
    base_owner: &str,
) -> Converted {
    let mut c = Cells::new(mapping, cells);
    // The stored record's values, kept where the file has no column.
    let mut keywords = split_keywords(&base.keywords);
    let mut price = crate::domain::achievement::parse_price(base.negotiable, &base.price)
        .unwrap_or(Price::Negotiable);
    let mut d = base;
    let mut owner = base_owner.to_string();
    c.text(Target::Title, &mut d.title);
    c.text(Target::Owner, &mut owner);
    c.text(Target::Inventors, &mut d.inventors);
    c.text(Target::Field, &mut d.field);
    c.keywords(&mut keywords);
    c.text(Target::Abstract, &mut d.abstract_text);
    c.text(Target::Indicators, &mut d.indicators);
    maturity(&mut c, &mut d);
    if let Some(v) = c.get(Target::IpNumbers) {
        d.ip_items = cells::ip_items(v).iter().map(Into::into).collect();
    }
    if let Some(v) = c.filled(Target::TransferModes) {
        let (modes, unknown) = cells::transfer_modes(v);
        if !unknown.is_empty() {
            c.warn(
                Target::TransferModes,
                Warning::UnknownModes(unknown.join("、")),
            );
        }
        d.transfer_modes = modes;
    }
    if let Some(amount) = c.single_amount(Target::Price) {
        price = amount.map_or(Price::Negotiable, Price::Amount);
    }
    c.text(Target::RegistrationNo, &mut d.registration_no);
    c.choice(
        Target::AchievementStatus,
        cells::achievement_status,
        &mut d.status,
    );
    c.text(Target::Source, &mut d.source);
    let owner = owner.trim().to_string();
    d.owner = (!owner.is_empty()).then_some(ClientId(0));
    let no_field = field_left_empty(&mut c, &mut d.field);
    // Read here, more leniently than the form: put in after its check.
    d.keywords.clear();
    d.negotiable = true;
    let checked = validate_keeping_long(
        d,
        AchievementDraft::validate,
        achievement_text,
        achievement_target,
        &mut c.warnings,
    );
    match checked {
        Ok((mut data, kept)) => {
            for (f, text) in kept {
                if let Some(slot) = achievement_data_text(&mut data, f) {
                    *slot = text;
                }
            }
            if no_field {
                data.field.clear();
            }
            data.keywords = keywords;
            data.price = price;
            c.done(Candidate::Achievement {
                data,
                owner: OwnerRef {
                    name: owner,
                    kind: None,
                },
                rights: None,
            })
        }
        Err(e) => {
            field_errors(&mut c.errors, e, achievement_target);
            Err(c.errors)
        }
    }
}

/// Reads the TRL and stage cells: a number or words ("中试阶段", "通过小试") in either. The TRL
/// cell decides the level and the stage cell the stage; each fills the other when it is
/// missing or unreadable. With neither cell filled the draft keeps what it had (an update).
fn maturity(c: &mut Cells<'_>, d: &mut AchievementDraft) {
    let trl_cell = c.filled(Target::Trl);
    let stage_cell = c.filled(Target::Stage);
    if trl_cell.is_none() && stage_cell.is_none() {
        return;
    }
    let mut trl = None;
    let mut stage = None;
    if let Some(v) = trl_cell
        && let Some(m) = read_maturity(v)
    {
        if !m.exact {
            c.warn(Target::Trl, Warning::TrlFromWords(v.to_string(), m.trl));
        }
        trl = Some(m.trl);
        stage = Some(m.stage);
    }
    if let Some(v) = stage_cell {
        match cells::stage(v) {
            Some(s) => {
                stage = Some(s);
                if trl.is_none() {
                    let level = read_maturity(v).map_or_else(|| typical_trl(s), |m| m.trl);
                    if let Some(bad) = trl_cell {
                        c.warn(Target::Trl, Warning::UnknownValue(bad.to_string()));
                    } else {
                        c.warn(Target::Stage, Warning::TrlFromWords(v.to_string(), level));
                    }
                    trl = Some(level);
                }
            }
            None => c.warn(Target::Stage, Warning::UnknownValue(v.to_string())),
        }
    }
    match trl {
        Some(level) => d.trl = level.to_string(),
        // Left for the form's check to refuse.
        None => d.trl = trl_cell.unwrap_or_default().to_string(),
    }
    if let Some(s) = stage {
        d.stage = s;
    }
}

/// A record with no field is stored with it empty, not refused: the broker fills it in later.
/// The form's check wants one, so it is given a stand-in, and true is returned for the caller
/// to empty it again after the check. An empty cell is a warning; no column at all is one note
/// for the file, not one per row.
fn field_left_empty(c: &mut Cells<'_>, field: &mut String) -> bool {
    if !field.trim().is_empty() {
        return false;
    }
    if c.get(Target::Field).is_some() {
        c.warn(Target::Field, Warning::LeftEmpty);
    }
    *field = "-".to_string();
    true
}

/// The TRL a stage's records usually have, when only the stage is known.
fn typical_trl(stage: Stage) -> u8 {
    match stage {
        Stage::Lab => 3,
        Stage::SmallTrial => 4,
        Stage::Pilot => 6,
        Stage::Industrial => 9,
    }
}

/// A need row laid over `base`.
pub fn need(
    mapping: &Mapping,
    cells: &[String],
    base: NeedDraft,
    base_enterprise: &str,
) -> Converted {
    let mut c = Cells::new(mapping, cells);
    let mut keywords = split_keywords(&base.keywords);
    let (mut budget, mut budget_range) =
        crate::domain::need::parse_budget(base.negotiable, &base.budget)
            .unwrap_or((Price::Negotiable, None));
    let mut deadline = crate::domain::dates::parse_date(&base.deadline);
    let mut min_trl = base.min_trl.trim().parse::<u8>().ok();
    let mut d = base;
    let mut enterprise = base_enterprise.to_string();
    c.text(Target::Title, &mut d.title);
    // TechBroker's lists mark confidential needs in the title.
    let marked = cells::without_confidential_mark(&d.title).map(str::to_string);
    if let Some(title) = &marked {
        d.title.clone_from(title);
    }
    c.text(Target::Enterprise, &mut enterprise);
    c.text(Target::Description, &mut d.description);
    c.text(Target::Indicators, &mut d.indicators);
    c.text(Target::Field, &mut d.field);
    c.keywords(&mut keywords);
    match c.amount(Target::Budget) {
        Some(AmountText::Negotiable) => (budget, budget_range) = (Price::Negotiable, None),
        Some(AmountText::Amount(m)) => (budget, budget_range) = (Price::Amount(m), None),
        Some(AmountText::Range(r)) => {
            budget = r.amount().map_or(Price::Negotiable, Price::Amount);
            budget_range = Some(r);
        }
        None => {}
    }
    c.choice(
        Target::PreferredMode,
        cells::need_mode,
        &mut d.preferred_mode,
    );
    c.choice(
        Target::MinStage,
        |v| cells::stage(v).map(Some),
        &mut d.min_stage,
    );
    if let Some(v) = c.get(Target::MinTrl) {
        min_trl = match v {
            "" => None,
            v => match read_maturity(v) {
                Some(m) => Some(m.trl),
                None => {
                    c.warn(Target::MinTrl, Warning::UnknownValue(v.to_string()));
                    None
                }
            },
        };
    }
    if let Some(day) = c.date(Target::Deadline) {
        deadline = day;
    }
    c.choice(Target::Confidential, cells::yes_no, &mut d.confidential);
    d.confidential |= marked.is_some();
    c.choice(Target::NeedStatus, cells::need_status, &mut d.status);
    let enterprise = enterprise.trim().to_string();
    d.enterprise = (!enterprise.is_empty()).then_some(ClientId(0));
    let no_field = field_left_empty(&mut c, &mut d.field);
    d.keywords.clear();
    d.negotiable = true;
    d.min_trl.clear();
    d.deadline.clear();
    let checked = validate_keeping_long(
        d,
        NeedDraft::validate,
        |d, f| match f {
            NeedField::Title => Some(&mut d.title),
            NeedField::Field => Some(&mut d.field),
            NeedField::Description => Some(&mut d.description),
            NeedField::Indicators => Some(&mut d.indicators),
            _ => None,
        },
        need_target,
        &mut c.warnings,
    );
    match checked {
        Ok((mut data, kept)) => {
            if no_field {
                data.field.clear();
            }
            for (f, text) in kept {
                match f {
                    NeedField::Title => data.title = text,
                    NeedField::Field => data.field = text,
                    NeedField::Description => data.description = text,
                    NeedField::Indicators => data.indicators = text,
                    _ => {}
                }
            }
            data.keywords = keywords;
            data.budget = budget;
            data.budget_range = budget_range;
            data.min_trl = min_trl;
            data.deadline = deadline;
            c.done(Candidate::Need {
                data,
                enterprise: OwnerRef {
                    name: enterprise,
                    kind: Some(ClientKind::Enterprise),
                },
            })
        }
        Err(e) => {
            field_errors(&mut c.errors, e, need_target);
            Err(c.errors)
        }
    }
}

/// What a deal row laid over a stored deal starts from.
#[derive(Debug, Clone, Default)]
pub struct DealBase {
    pub terms: DealTerms,
    pub stage: Option<DealStage>,
    pub lost_reason: String,
    pub contract_no: String,
    pub contract_subtype: String,
    pub registered_on: Option<NaiveDate>,
    pub certificate_no: String,
}

/// A deal row laid over `base`. Signed stages need a signing date and a contract amount, and a
/// lost deal a reason, as when a deal is moved on its page. A row that names no stage (a
/// registration office's ledger) is registered when it has a registration date, signed when
/// it has a signing date and an amount.
pub fn deal(mapping: &Mapping, cells: &[String], base: DealBase) -> Converted {
    let mut c = Cells::new(mapping, cells);
    let DealBase {
        mut terms,
        stage: base_stage,
        mut lost_reason,
        mut contract_no,
        mut contract_subtype,
        mut registered_on,
        mut certificate_no,
    } = base;
    let (mut seller, mut buyer, mut achievement) = (String::new(), String::new(), String::new());
    let mut d = DealDraft {
        title: terms.title.clone(),
        broker: terms.broker.clone(),
        notes: terms.notes.clone(),
        ..DealDraft::default()
    };
    c.text(Target::Title, &mut d.title);
    c.text(Target::Seller, &mut seller);
    c.text(Target::Buyer, &mut buyer);
    c.text(Target::AchievementTitle, &mut achievement);
    let mut stage = None;
    c.choice(
        Target::DealStage,
        |v| cells::deal_stage(v).map(Some),
        &mut stage,
    );
    if let Some(v) = c.filled(Target::ContractType) {
        match cells::contract_type(v) {
            Some((kind, sub)) => {
                terms.contract_type = kind;
                contract_subtype = sub;
            }
            None => c.warn(Target::ContractType, Warning::UnknownValue(v.to_string())),
        }
    }
    for (t, slot) in [
        (Target::Expected, &mut terms.expected),
        (Target::Contract, &mut terms.contract),
        (Target::Technology, &mut terms.technology),
    ] {
        if let Some(amount) = c.single_amount(t) {
            *slot = amount;
        }
    }
    if let Some(v) = c.get(Target::CommissionRate) {
        match parse_rate(v) {
            Some(bp) => terms.commission_bp = bp,
            None => c.warn(Target::CommissionRate, Warning::UnknownValue(v.to_string())),
        }
    }
    if let Some(day) = c.date(Target::SignedOn) {
        terms.signed_on = day;
    }
    if let Some(day) = c.date(Target::RegisteredOn) {
        registered_on = day;
    }
    c.text(Target::Broker, &mut d.broker);
    c.text(Target::LostReason, &mut lost_reason);
    c.text(Target::Notes, &mut d.notes);
    c.text(Target::ContractNo, &mut contract_no);
    c.text(Target::CertificateNo, &mut certificate_no);
    for (t, name) in [(Target::Seller, &seller), (Target::Buyer, &buyer)] {
        if name.trim().is_empty() {
            c.fail(t, Problem::Required);
        }
    }
    let checked = validate_keeping_long(
        d,
        DealDraft::validate,
        |d, f| match f {
            DealField::Title => Some(&mut d.title),
            DealField::Broker => Some(&mut d.broker),
            DealField::Notes => Some(&mut d.notes),
            _ => None,
        },
        deal_target,
        &mut c.warnings,
    );
    let checked = match checked {
        Ok((mut t, kept)) => {
            for (f, text) in kept {
                match f {
                    DealField::Title => t.title = text,
                    DealField::Broker => t.broker = text,
                    DealField::Notes => t.notes = text,
                    _ => {}
                }
            }
            t
        }
        Err(e) => {
            field_errors(&mut c.errors, e, deal_target);
            return Err(c.errors);
        }
    };
    terms.title = checked.title;
    terms.broker = checked.broker;
    terms.notes = checked.notes;
    let ledger_stage = if registered_on.is_some() {
        Some(DealStage::Registered)
    } else if terms.signed_on.is_some() && terms.contract.is_some_and(|m| m.fen() > 0) {
        Some(DealStage::Signed)
    } else {
        None
    };
    let stage = stage
        .or(base_stage)
        .or(ledger_stage)
        .unwrap_or(DealStage::Lead);
    for m in missing_for(stage, terms.signed_on, terms.contract, &lost_reason) {
        let target = match m {
            Missing::SigningDate => Target::SignedOn,
            Missing::ContractAmount => Target::Contract,
            Missing::LostReason => Target::LostReason,
        };
        c.fail(target, Problem::Required);
    }
    c.done(Candidate::Deal(Box::new(DealCandidate {
        terms,
        stage,
        lost_reason: lost_reason.trim().to_string(),
        seller: OwnerRef {
            name: seller.trim().to_string(),
            kind: None,
        },
        buyer: OwnerRef {
            name: buyer.trim().to_string(),
            kind: Some(ClientKind::Enterprise),
        },
        achievement: achievement.trim().to_string(),
        contract_no: contract_no.trim().to_string(),
        contract_subtype,
        registered_on,
        certificate_no: certificate_no.trim().to_string(),
    })))
}

/// A row of a mapped file as a new record.
pub fn new_record(mapping: &Mapping, cells: &[String]) -> Converted {
    match mapping.kind {
        ImportKind::Clients => client(mapping, cells, ClientDraft::default()),
        ImportKind::Achievements => achievement(mapping, cells, AchievementDraft::default(), ""),
        ImportKind::Needs => need(mapping, cells, NeedDraft::default(), ""),
        ImportKind::Deals => deal(mapping, cells, DealBase::default()),
        ImportKind::Carriers => carrier(mapping, cells, ClientDraft::default(), None),
    }
}

/// A record from TechBroker's JSON, checked by the same rules as a typed one. Its keywords
/// and budget range are its own: the JSON holds what was stored.
pub fn check_record(record: Candidate) -> Converted {
    let mut errors = Vec::new();
    let checked = match record {
        Candidate::Client {
            draft,
            contacts,
            carrier,
        } => {
            let draft = draft
                .validate()
                .map_err(|e| field_errors(&mut errors, e, client_target));
            let contacts: Vec<_> = contacts
                .iter()
                .filter_map(|c| {
                    c.validate()
                        .map_err(|e| field_errors(&mut errors, e, contact_target))
                        .ok()
                })
                .collect();
            if let Some(k) = &carrier
                && let Err(e) = k.validate_imported()
            {
                field_errors(&mut errors, e, carrier_target);
            }
            draft.ok().map(|draft| Candidate::Client {
                draft,
                contacts,
                carrier,
            })
        }
        Candidate::Achievement {
            data,
            owner,
            rights,
        } => {
            if let Some(r) = &rights
                && let Err(e) = r.validate()
            {
                errors.extend(rights_errors(e));
            }
            let mut d = AchievementDraft::from(&data);
            d.owner = (!owner.name.trim().is_empty()).then_some(ClientId(0));
            d.keywords.clear();
            d.validate()
                .map_err(|e| field_errors(&mut errors, e, achievement_target))
                .ok()
                .map(|mut checked| {
                    checked.keywords = data.keywords;
                    Candidate::Achievement {
                        data: checked,
                        owner,
                        rights,
                    }
                })
        }
        Candidate::Need { data, enterprise } => {
            let mut d = NeedDraft::from(&data);
            d.enterprise = (!enterprise.name.trim().is_empty()).then_some(ClientId(0));
            d.keywords.clear();
            d.validate()
                .map_err(|e| field_errors(&mut errors, e, need_target))
                .ok()
                .map(|mut checked| {
                    checked.keywords = data.keywords;
                    checked.budget = data.budget;
                    checked.budget_range = data.budget_range;
                    Candidate::Need {
                        data: checked,
                        enterprise,
                    }
                })
        }
        Candidate::Deal(d) => Some(Candidate::Deal(d)),
    };
    match checked {
        Some(c) if errors.is_empty() => Ok((c, Vec::new())),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;

//! One row of a file as a record ready to store: the mapped cells laid over a draft (empty for
//! a new record, the stored one when a duplicate is updated) and checked by the same rules as
//! the forms.

use serde::{Deserialize, Serialize};

use super::cells;
use super::fields::{ImportKind, Target, header_in_wan};
use super::mapping::Mapping;
use crate::domain::achievement::parse_trl;
use crate::domain::deal::{Missing, missing_for};
use crate::domain::{
    AchievementData, AchievementDraft, AchievementField, ClientDraft, ClientField, ClientKind,
    ContactDraft, ContactField, DealDraft, DealField, DealStage, DealTerms, FieldErrors, NeedData,
    NeedDraft, NeedField, Problem, Stage,
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
    },
    Achievement {
        data: AchievementData,
        owner: OwnerRef,
    },
    Need {
        data: NeedData,
        enterprise: OwnerRef,
    },
    Deal(Box<DealCandidate>),
}

/// A deal row: its terms and stage, the organisations on both sides, and the achievement the
/// seller offered, by title (linked when the seller has it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealCandidate {
    pub terms: DealTerms,
    pub stage: DealStage,
    pub lost_reason: String,
    pub seller: OwnerRef,
    pub buyer: OwnerRef,
    pub achievement: String,
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
}

/// One problem of a row, with the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub target: Option<Target>,
    pub problem: RowProblem,
}

impl CellError {
    fn field(target: Target, problem: Problem) -> Self {
        CellError {
            target: Some(target),
            problem: RowProblem::Field(problem),
        }
    }
}

/// The cell a mapped target reads, with its header.
struct Cells<'a> {
    mapping: &'a Mapping,
    cells: &'a [String],
    errors: Vec<CellError>,
}

impl<'a> Cells<'a> {
    fn get(&self, t: Target) -> Option<&'a str> {
        let col = self.mapping.column_of(t)?;
        Some(self.cells.get(col).map(String::as_str).unwrap_or(""))
    }

    /// Copies the cell of `t` into `slot` when the column is mapped.
    fn text(&self, t: Target, slot: &mut String) {
        if let Some(v) = self.get(t) {
            *slot = v.to_string();
        }
    }

    fn in_wan(&self, t: Target) -> bool {
        self.mapping
            .column_of(t)
            .and_then(|c| self.mapping.headers.get(c))
            .is_some_and(|h| header_in_wan(h))
    }

    /// Reads a choice; an unknown value is an error, an empty cell leaves the slot alone.
    fn choice<T>(&mut self, t: Target, parse: fn(&str) -> Option<T>, slot: &mut T) {
        match self.get(t).map(str::trim) {
            None | Some("") => {}
            Some(v) => match parse(v) {
                Some(value) => *slot = value,
                None => self.errors.push(CellError {
                    target: Some(t),
                    problem: RowProblem::UnknownChoice(v.to_string()),
                }),
            },
        }
    }
}

fn field_errors<F: Copy + PartialEq>(
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

/// A client row laid over `base`; the contact columns make a contact when a name is given.
pub fn client(
    mapping: &Mapping,
    cells: &[String],
    base: ClientDraft,
) -> Result<Candidate, Vec<CellError>> {
    let mut c = Cells {
        mapping,
        cells,
        errors: Vec::new(),
    };
    let mut d = base;
    c.text(Target::Name, &mut d.name);
    c.choice(Target::ClientKind, cells::client_kind, &mut d.kind);
    c.text(Target::CreditCode, &mut d.credit_code);
    c.text(Target::Province, &mut d.province);
    c.text(Target::City, &mut d.city);
    c.text(Target::District, &mut d.district);
    c.text(Target::Industry, &mut d.industry);
    c.text(Target::Size, &mut d.size);
    c.text(Target::Address, &mut d.address);
    c.text(Target::Website, &mut d.website);
    c.text(Target::Notes, &mut d.notes);
    let mut contact = ContactDraft::default();
    c.text(Target::ContactName, &mut contact.name);
    c.text(Target::ContactTitle, &mut contact.title);
    c.text(Target::ContactPhone, &mut contact.phone);
    c.text(Target::ContactEmail, &mut contact.email);
    c.text(Target::ContactWechat, &mut contact.wechat);
    let has_contact = contact != ContactDraft::default();
    let mut errors = c.errors;
    let draft = d
        .validate()
        .map_err(|e| field_errors(&mut errors, e, client_target));
    let contact = if has_contact {
        contact
            .validate()
            .map(Some)
            .map_err(|e| field_errors(&mut errors, e, contact_target))
    } else {
        Ok(None)
    };
    match (draft, contact) {
        (Ok(draft), Ok(contact)) if errors.is_empty() => Ok(Candidate::Client {
            draft,
            contacts: contact.into_iter().collect(),
        }),
        _ => Err(errors),
    }
}

/// An achievement row laid over `base`. The owner is checked for presence only; finding it
/// by name is the caller's.
pub fn achievement(
    mapping: &Mapping,
    cells: &[String],
    base: AchievementDraft,
    base_owner: &str,
) -> Result<Candidate, Vec<CellError>> {
    let mut c = Cells {
        mapping,
        cells,
        errors: Vec::new(),
    };
    let mut d = base;
    let mut owner = base_owner.to_string();
    c.text(Target::Title, &mut d.title);
    c.text(Target::Owner, &mut owner);
    c.text(Target::Inventors, &mut d.inventors);
    c.text(Target::Field, &mut d.field);
    c.text(Target::Keywords, &mut d.keywords);
    c.text(Target::Abstract, &mut d.abstract_text);
    c.text(Target::Indicators, &mut d.indicators);
    if let Some(v) = c.get(Target::Trl) {
        d.trl = cells::trl_text(v);
    }
    let stage_mapped = c.get(Target::Stage).is_some_and(|v| !v.trim().is_empty());
    c.choice(Target::Stage, cells::stage, &mut d.stage);
    if !stage_mapped && let Ok(trl) = parse_trl(&d.trl) {
        // A file without stages still gets the stage its TRL usually means.
        d.stage = Stage::typical_for_trl(trl);
    }
    if let Some(v) = c.get(Target::IpNumbers) {
        d.ip_items = cells::ip_items(v).iter().map(Into::into).collect();
    }
    c.choice(
        Target::TransferModes,
        cells::transfer_modes,
        &mut d.transfer_modes,
    );
    if let Some(v) = c.get(Target::Price) {
        d.negotiable = cells::is_negotiable(v);
        d.price = cells::money_text(v, c.in_wan(Target::Price));
    }
    c.text(Target::RegistrationNo, &mut d.registration_no);
    c.choice(
        Target::AchievementStatus,
        cells::achievement_status,
        &mut d.status,
    );
    c.text(Target::Source, &mut d.source);
    let owner = owner.trim().to_string();
    d.owner = (!owner.is_empty()).then_some(0);
    let mut errors = c.errors;
    match d.validate() {
        Ok(data) if errors.is_empty() => Ok(Candidate::Achievement {
            data,
            owner: OwnerRef {
                name: owner,
                kind: None,
            },
        }),
        Ok(_) => Err(errors),
        Err(e) => {
            field_errors(&mut errors, e, achievement_target);
            Err(errors)
        }
    }
}

/// A need row laid over `base`.
pub fn need(
    mapping: &Mapping,
    cells: &[String],
    base: NeedDraft,
    base_enterprise: &str,
) -> Result<Candidate, Vec<CellError>> {
    let mut c = Cells {
        mapping,
        cells,
        errors: Vec::new(),
    };
    let mut d = base;
    let mut enterprise = base_enterprise.to_string();
    c.text(Target::Title, &mut d.title);
    c.text(Target::Enterprise, &mut enterprise);
    c.text(Target::Description, &mut d.description);
    c.text(Target::Indicators, &mut d.indicators);
    c.text(Target::Field, &mut d.field);
    c.text(Target::Keywords, &mut d.keywords);
    if let Some(v) = c.get(Target::Budget) {
        d.negotiable = cells::is_negotiable(v);
        d.budget = cells::money_text(v, c.in_wan(Target::Budget));
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
        d.min_trl = cells::trl_text(v);
    }
    let mut deadline_error = None;
    if let Some(v) = c.get(Target::Deadline) {
        // Parsed here so Excel serial dates are accepted too; the form's check sees ISO text.
        d.deadline = match v.trim() {
            "" => String::new(),
            text => match cells::date(text) {
                Some(date) => date.to_string(),
                None => {
                    deadline_error = Some(CellError::field(Target::Deadline, Problem::InvalidDate));
                    String::new()
                }
            },
        };
    }
    c.choice(Target::Confidential, cells::yes_no, &mut d.confidential);
    c.choice(Target::NeedStatus, cells::need_status, &mut d.status);
    let enterprise = enterprise.trim().to_string();
    d.enterprise = (!enterprise.is_empty()).then_some(0);
    let mut errors = c.errors;
    errors.extend(deadline_error);
    match d.validate() {
        Ok(data) if errors.is_empty() => Ok(Candidate::Need {
            data,
            enterprise: OwnerRef {
                name: enterprise,
                kind: Some(ClientKind::Enterprise),
            },
        }),
        Ok(_) => Err(errors),
        Err(e) => {
            field_errors(&mut errors, e, need_target);
            Err(errors)
        }
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

/// A deal row laid over `base`. Signed stages need a signing date and a contract amount, and a
/// lost deal a reason, as when a deal is moved on its page.
pub fn deal(
    mapping: &Mapping,
    cells: &[String],
    base: (DealDraft, DealStage),
) -> Result<Candidate, Vec<CellError>> {
    let mut c = Cells {
        mapping,
        cells,
        errors: Vec::new(),
    };
    let (mut d, mut stage) = base;
    let (mut seller, mut buyer, mut achievement, mut lost_reason) =
        (String::new(), String::new(), String::new(), String::new());
    c.text(Target::Title, &mut d.title);
    c.text(Target::Seller, &mut seller);
    c.text(Target::Buyer, &mut buyer);
    c.text(Target::AchievementTitle, &mut achievement);
    c.choice(Target::DealStage, cells::deal_stage, &mut stage);
    c.choice(
        Target::ContractType,
        cells::contract_type,
        &mut d.contract_type,
    );
    for (t, slot) in [
        (Target::Expected, &mut d.expected),
        (Target::Contract, &mut d.contract),
        (Target::Technology, &mut d.technology),
    ] {
        if let Some(v) = c.get(t) {
            *slot = cells::money_text(v, c.in_wan(t));
        }
    }
    c.text(Target::CommissionRate, &mut d.commission_rate);
    let mut signed_error = None;
    if let Some(v) = c.get(Target::SignedOn) {
        d.signed_on = match v.trim() {
            "" => String::new(),
            text => cells::date(text)
                .map(|day| day.to_string())
                .unwrap_or_else(|| {
                    signed_error = Some(CellError::field(Target::SignedOn, Problem::InvalidDate));
                    String::new()
                }),
        };
    }
    c.text(Target::Broker, &mut d.broker);
    c.text(Target::LostReason, &mut lost_reason);
    c.text(Target::Notes, &mut d.notes);
    let mut errors = c.errors;
    errors.extend(signed_error);
    for (t, name) in [(Target::Seller, &seller), (Target::Buyer, &buyer)] {
        if name.trim().is_empty() {
            errors.push(CellError::field(t, Problem::Required));
        }
    }
    let terms = match d.validate() {
        Ok(terms) => terms,
        Err(e) => {
            field_errors(&mut errors, e, deal_target);
            return Err(errors);
        }
    };
    for m in missing_for(stage, terms.signed_on, terms.contract, &lost_reason) {
        let target = match m {
            Missing::SigningDate => Target::SignedOn,
            Missing::ContractAmount => Target::Contract,
            Missing::LostReason => Target::LostReason,
        };
        errors.push(CellError::field(target, Problem::Required));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Candidate::Deal(Box::new(DealCandidate {
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
    })))
}

/// A row of a mapped file as a new record.
pub fn new_record(mapping: &Mapping, cells: &[String]) -> Result<Candidate, Vec<CellError>> {
    match mapping.kind {
        ImportKind::Clients => client(mapping, cells, ClientDraft::default()),
        ImportKind::Achievements => achievement(mapping, cells, AchievementDraft::default(), ""),
        ImportKind::Needs => need(mapping, cells, NeedDraft::default(), ""),
        ImportKind::Deals => deal(mapping, cells, (DealDraft::default(), DealStage::Lead)),
    }
}

/// A record from TechBroker's JSON, checked by the same rules as a typed one.
pub fn check_record(record: Candidate) -> Result<Candidate, Vec<CellError>> {
    let mut errors = Vec::new();
    let checked = match record {
        Candidate::Client { draft, contacts } => {
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
            draft
                .ok()
                .map(|draft| Candidate::Client { draft, contacts })
        }
        Candidate::Achievement { data, owner } => {
            let mut d = AchievementDraft::from(&data);
            d.owner = (!owner.name.trim().is_empty()).then_some(0);
            d.validate()
                .map_err(|e| field_errors(&mut errors, e, achievement_target))
                .ok()
                .map(|data| Candidate::Achievement { data, owner })
        }
        Candidate::Need { data, enterprise } => {
            let mut d = NeedDraft::from(&data);
            d.enterprise = (!enterprise.name.trim().is_empty()).then_some(0);
            d.validate()
                .map_err(|e| field_errors(&mut errors, e, need_target))
                .ok()
                .map(|data| Candidate::Need { data, enterprise })
        }
        // TechBroker's JSON holds no deals.
        Candidate::Deal(d) => Some(Candidate::Deal(d)),
    };
    match checked {
        Some(c) if errors.is_empty() => Ok(c),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Money, Price, TransferMode};

    fn mapping(kind: ImportKind, headers: &[&str]) -> Mapping {
        Mapping::auto(kind, headers.iter().map(|s| s.to_string()).collect())
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_achievement_row_is_stored_as_typed() {
        let m = mapping(
            ImportKind::Achievements,
            &[
                "成果名称",
                "完成单位",
                "技术领域",
                "成熟度",
                "意向价格（万元）",
                "转化方式",
                "专利号",
            ],
        );
        let c = new_record(
            &m,
            &row(&[
                "锂电池回收技术",
                "山东大学",
                "新能源",
                "TRL6",
                "50",
                "转让、普通许可",
                "ZL202110123456.7",
            ]),
        )
        .unwrap();
        let Candidate::Achievement { data, owner } = c else {
            panic!("not an achievement");
        };
        assert_eq!(owner.name, "山东大学");
        assert_eq!(data.title, "锂电池回收技术");
        assert_eq!(data.trl, 6);
        assert_eq!(data.stage, Stage::typical_for_trl(6));
        assert_eq!(data.price, Price::Amount(Money::from_yuan(500_000)));
        assert!(data.transfer_modes.contains(TransferMode::LicenceOrdinary));
        assert_eq!(data.ip_items.len(), 1);
    }

    #[test]
    fn every_problem_of_a_row_is_reported_with_its_field() {
        let m = mapping(
            ImportKind::Achievements,
            &["成果名称", "完成单位", "技术领域", "成熟度", "价格", "阶段"],
        );
        let errors = new_record(&m, &row(&["", "", "新能源", "12", "五十万", "试验"])).unwrap_err();
        let got: Vec<_> = errors
            .iter()
            .map(|e| (e.target, e.problem.clone()))
            .collect();
        assert!(got.contains(&(
            Some(Target::Stage),
            RowProblem::UnknownChoice("试验".into())
        )));
        assert!(got.contains(&(Some(Target::Title), RowProblem::Field(Problem::Required))));
        assert!(got.contains(&(Some(Target::Owner), RowProblem::Field(Problem::Required))));
        assert!(got.contains(&(Some(Target::Trl), RowProblem::Field(Problem::TrlOutOfRange))));
        assert!(got.contains(&(
            Some(Target::Price),
            RowProblem::Field(Problem::InvalidAmount)
        )));
    }

    #[test]
    fn an_update_keeps_what_the_file_does_not_say() {
        let m = mapping(ImportKind::Needs, &["需求名称", "企业名称", "预算"]);
        let base = NeedDraft {
            field: "新能源".into(),
            description: "已有描述".into(),
            ..NeedDraft::default()
        };
        let c = need(&m, &row(&["储能系统", "潍柴动力", "30万"]), base, "").unwrap();
        let Candidate::Need { data, .. } = c else {
            panic!("not a need");
        };
        assert_eq!(data.description, "已有描述");
        assert_eq!(data.budget, Price::Amount(Money::from_yuan(300_000)));
    }

    #[test]
    fn need_deadlines_accept_excel_serials_and_refuse_nonsense() {
        let m = mapping(
            ImportKind::Needs,
            &["需求名称", "企业名称", "技术领域", "截止日期"],
        );
        let ok = new_record(&m, &row(&["储能", "潍柴", "新能源", "45413"])).unwrap();
        let Candidate::Need { data, .. } = ok else {
            panic!("not a need");
        };
        assert_eq!(
            data.deadline.map(|d| d.to_string()),
            Some("2024-05-01".into())
        );
        let bad = new_record(&m, &row(&["储能", "潍柴", "新能源", "明年"])).unwrap_err();
        assert_eq!(
            bad,
            vec![CellError::field(Target::Deadline, Problem::InvalidDate)]
        );
    }

    #[test]
    fn a_client_row_brings_its_contact() {
        let m = mapping(
            ImportKind::Clients,
            &[
                "客户名称",
                "类型",
                "统一社会信用代码",
                "联系人",
                "电话",
                "邮箱",
            ],
        );
        let c = new_record(
            &m,
            &row(&[
                "山东大学",
                "高校",
                "",
                "张老师",
                "0531-88888888",
                "zhang@sdu.edu.cn",
            ]),
        )
        .unwrap();
        let Candidate::Client { draft, contacts } = c else {
            panic!("not a client");
        };
        assert_eq!(draft.kind, ClientKind::University);
        assert_eq!(contacts[0].name, "张老师");
        let bad = new_record(&m, &row(&["某公司", "企业", "123", "李四", "abc", ""])).unwrap_err();
        let targets: Vec<_> = bad.iter().map(|e| e.target).collect();
        assert_eq!(
            targets,
            vec![Some(Target::CreditCode), Some(Target::ContactPhone)]
        );
    }
}

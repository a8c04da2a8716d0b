//! Clients (客户): the organisations a broker works with, their contacts (联系人) and the log of
//! every visit and call (跟进记录).

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::credit_code;
use super::problem::{FieldErrors, Problem, check_text};
use super::{ClientId, ContactId, InteractionId};

pub(super) const MAX_NAME: usize = 200;
const MAX_SHORT: usize = 100;
const MAX_LONG: usize = 5000;

/// What kind of organisation a client is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ClientKind {
    Enterprise,
    University,
    Institute,
    Other,
}

impl ClientKind {
    pub const ALL: [ClientKind; 4] = [
        ClientKind::Enterprise,
        ClientKind::University,
        ClientKind::Institute,
        ClientKind::Other,
    ];

    /// The stable code stored in the database and files.
    pub fn code(self) -> &'static str {
        match self {
            ClientKind::Enterprise => "enterprise",
            ClientKind::University => "university",
            ClientKind::Institute => "institute",
            ClientKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A client as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    pub id: ClientId,
    pub name: String,
    pub kind: ClientKind,
    pub credit_code: String,
    pub province: String,
    pub city: String,
    pub district: String,
    pub industry: String,
    pub size: String,
    pub address: String,
    pub website: String,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Client {
    /// "山东省 济南市 历下区", skipping the parts that are empty.
    pub fn region(&self) -> String {
        join_region(&self.province, &self.city, &self.district)
    }
}

pub fn join_region(province: &str, city: &str, district: &str) -> String {
    [province, city, district]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One line of the client list, with what the list shows beside the client itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRow {
    pub id: ClientId,
    pub name: String,
    pub kind: ClientKind,
    /// Place and industry names many clients share, one copy each.
    pub province: Arc<str>,
    pub city: Arc<str>,
    pub district: Arc<str>,
    pub industry: Arc<str>,
    pub open_follow_ups: u32,
    pub last_contact: Option<NaiveDate>,
}

impl ClientRow {
    pub fn region(&self) -> String {
        join_region(&self.province, &self.city, &self.district)
    }

    /// The region down to the city, which is what the list filters by.
    pub fn city_region(&self) -> String {
        join_region(&self.province, &self.city, "")
    }
}

/// The fields of the client form, for attaching problems to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientField {
    Name,
    CreditCode,
    Province,
    City,
    District,
    Industry,
    Size,
    Address,
    Website,
    Notes,
}

/// A client as typed in the form: every field as text, checked by [`ClientDraft::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientDraft {
    pub name: String,
    pub kind: ClientKind,
    pub credit_code: String,
    pub province: String,
    pub city: String,
    pub district: String,
    pub industry: String,
    pub size: String,
    pub address: String,
    pub website: String,
    pub notes: String,
}

impl Default for ClientDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            kind: ClientKind::Enterprise,
            credit_code: String::new(),
            province: String::new(),
            city: String::new(),
            district: String::new(),
            industry: String::new(),
            size: String::new(),
            address: String::new(),
            website: String::new(),
            notes: String::new(),
        }
    }
}

impl From<&Client> for ClientDraft {
    fn from(c: &Client) -> Self {
        Self {
            name: c.name.clone(),
            kind: c.kind,
            credit_code: c.credit_code.clone(),
            province: c.province.clone(),
            city: c.city.clone(),
            district: c.district.clone(),
            industry: c.industry.clone(),
            size: c.size.clone(),
            address: c.address.clone(),
            website: c.website.clone(),
            notes: c.notes.clone(),
        }
    }
}

impl ClientDraft {
    /// Trims every field and upper-cases the credit code, then checks the rules. Returns the
    /// cleaned draft, ready to store, or every problem found.
    pub fn validate(&self) -> Result<ClientDraft, FieldErrors<ClientField>> {
        let d = ClientDraft {
            name: self.name.trim().to_string(),
            kind: self.kind,
            credit_code: credit_code::normalize(&self.credit_code),
            province: self.province.trim().to_string(),
            city: self.city.trim().to_string(),
            district: self.district.trim().to_string(),
            industry: self.industry.trim().to_string(),
            size: self.size.trim().to_string(),
            address: self.address.trim().to_string(),
            website: self.website.trim().to_string(),
            notes: self.notes.trim().to_string(),
        };
        let mut e = FieldErrors::new();
        check_text(&mut e, ClientField::Name, &d.name, true, MAX_NAME);
        if !d.credit_code.is_empty() && !credit_code::is_valid(&d.credit_code) {
            e.push(ClientField::CreditCode, Problem::InvalidCreditCode);
        }
        for (field, value, max) in [
            (ClientField::Province, &d.province, MAX_SHORT),
            (ClientField::City, &d.city, MAX_SHORT),
            (ClientField::District, &d.district, MAX_SHORT),
            (ClientField::Industry, &d.industry, MAX_SHORT),
            (ClientField::Size, &d.size, MAX_SHORT),
            (ClientField::Address, &d.address, MAX_NAME),
            (ClientField::Website, &d.website, MAX_NAME),
            (ClientField::Notes, &d.notes, MAX_LONG),
        ] {
            check_text(&mut e, field, value, false, max);
        }
        if !d.website.is_empty()
            && (d.website.contains(char::is_whitespace) || !d.website.contains('.'))
        {
            e.push(ClientField::Website, Problem::InvalidWebsite);
        }
        if e.is_empty() { Ok(d) } else { Err(e) }
    }
}

/// A person at a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub client_id: ClientId,
    pub name: String,
    pub title: String,
    pub phone: String,
    pub email: String,
    pub wechat: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Name,
    Title,
    Phone,
    Email,
    Wechat,
}

/// A contact as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDraft {
    pub name: String,
    pub title: String,
    pub phone: String,
    pub email: String,
    pub wechat: String,
}

impl From<&Contact> for ContactDraft {
    fn from(c: &Contact) -> Self {
        Self {
            name: c.name.clone(),
            title: c.title.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            wechat: c.wechat.clone(),
        }
    }
}

impl ContactDraft {
    pub fn validate(&self) -> Result<ContactDraft, FieldErrors<ContactField>> {
        let d = ContactDraft {
            name: self.name.trim().to_string(),
            title: self.title.trim().to_string(),
            phone: normalize_phone(&self.phone),
            email: self.email.trim().to_string(),
            wechat: self.wechat.trim().to_string(),
        };
        let mut e = FieldErrors::new();
        check_text(&mut e, ContactField::Name, &d.name, true, MAX_SHORT);
        check_text(&mut e, ContactField::Title, &d.title, false, MAX_SHORT);
        check_text(&mut e, ContactField::Wechat, &d.wechat, false, MAX_SHORT);
        if !d.phone.is_empty() && !is_phone(&d.phone) {
            e.push(ContactField::Phone, Problem::InvalidPhone);
        }
        if !d.email.is_empty() && !is_email(&d.email) {
            e.push(ContactField::Email, Problem::InvalidEmail);
        }
        if e.is_empty() { Ok(d) } else { Err(e) }
    }
}

/// Digits with the separators people write in Chinese phone numbers: "0531-8888 6666",
/// "+86 138 0000 0000", an extension ("0531-88886666转123", "ext. 12", "分机 8"), or several
/// numbers in one cell ("13800000000/0531-88886666").
pub fn is_phone(s: &str) -> bool {
    s.split(['/', '、', ',', '，', ';', '；'])
        .flat_map(|part| part.split("或"))
        .all(|part| is_one_phone(part.trim()))
}

fn is_one_phone(s: &str) -> bool {
    let lower = s.to_lowercase();
    let number = ["转", "分机", "ext.", "ext", "x"]
        .iter()
        .find_map(|mark| {
            let (number, extension) = lower.split_once(mark)?;
            let extension = extension.trim();
            (!extension.is_empty() && extension.chars().all(|c| c.is_ascii_digit()))
                .then_some(number)
        })
        .unwrap_or(&lower);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')'))
}

/// Full-width digits and brackets as ASCII, the way a phone is stored.
pub fn normalize_phone(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
        && !domain.contains('@')
}

/// How the broker was in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InteractionKind {
    Visit,
    Call,
    Meeting,
    Email,
    Wechat,
    Event,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 6] = [
        InteractionKind::Visit,
        InteractionKind::Call,
        InteractionKind::Meeting,
        InteractionKind::Email,
        InteractionKind::Wechat,
        InteractionKind::Event,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InteractionKind::Visit => "visit",
            InteractionKind::Call => "call",
            InteractionKind::Meeting => "meeting",
            InteractionKind::Email => "email",
            InteractionKind::Wechat => "wechat",
            InteractionKind::Event => "event",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One entry of a client's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: InteractionId,
    pub client_id: ClientId,
    pub date: NaiveDate,
    pub kind: InteractionKind,
    pub summary: String,
    pub next_step: String,
    pub next_due: Option<NaiveDate>,
    pub done_at: Option<DateTime<Utc>>,
}

impl Interaction {
    /// A next step that is still to be done.
    pub fn is_open_follow_up(&self) -> bool {
        !self.next_step.is_empty() && self.done_at.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionField {
    Summary,
    NextStep,
    NextDue,
}

/// An interaction as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractionDraft {
    pub date: NaiveDate,
    pub kind: InteractionKind,
    pub summary: String,
    pub next_step: String,
    pub next_due: Option<NaiveDate>,
}

impl InteractionDraft {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            date: today,
            kind: InteractionKind::Visit,
            summary: String::new(),
            next_step: String::new(),
            next_due: None,
        }
    }

    pub fn validate(&self) -> Result<InteractionDraft, FieldErrors<InteractionField>> {
        let d = InteractionDraft {
            date: self.date,
            kind: self.kind,
            summary: self.summary.trim().to_string(),
            next_step: self.next_step.trim().to_string(),
            next_due: self.next_due,
        };
        let mut e = FieldErrors::new();
        check_text(
            &mut e,
            InteractionField::Summary,
            &d.summary,
            true,
            MAX_LONG,
        );
        check_text(
            &mut e,
            InteractionField::NextStep,
            &d.next_step,
            false,
            MAX_NAME,
        );
        match (d.next_step.is_empty(), d.next_due.is_some()) {
            (false, false) => e.push(InteractionField::NextDue, Problem::NextStepWithoutDue),
            (true, true) => e.push(InteractionField::NextStep, Problem::DueWithoutNextStep),
            _ => {}
        }
        if e.is_empty() { Ok(d) } else { Err(e) }
    }
}

/// A next step that is due, with the client it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub interaction_id: InteractionId,
    pub client_id: ClientId,
    pub client_name: String,
    pub kind: InteractionKind,
    pub date: NaiveDate,
    pub summary: String,
    pub next_step: String,
    pub due: NaiveDate,
}

impl FollowUp {
    /// Days past the due date (0 when due today).
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        (today - self.due).num_days()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str) -> ClientDraft {
        ClientDraft {
            name: name.into(),
            ..ClientDraft::default()
        }
    }

    #[test]
    fn a_name_is_required() {
        let e = draft("   ").validate().unwrap_err();
        assert_eq!(e.get(ClientField::Name), Some(Problem::Required));
    }

    #[test]
    fn validation_trims_and_normalises() {
        let mut d = draft("  山东大学 ");
        d.credit_code = " 91350100m000100y43".into();
        let v = d.validate().unwrap();
        assert_eq!(v.name, "山东大学");
        assert_eq!(v.credit_code, "91350100M000100Y43");
    }

    #[test]
    fn a_bad_credit_code_is_refused_and_an_empty_one_allowed() {
        let mut d = draft("某公司");
        d.credit_code = "91350100M000100Y44".into();
        assert_eq!(
            d.validate().unwrap_err().get(ClientField::CreditCode),
            Some(Problem::InvalidCreditCode)
        );
        d.credit_code.clear();
        assert!(d.validate().is_ok());
    }

    #[test]
    fn name_length_counts_characters() {
        assert!(draft(&"研".repeat(200)).validate().is_ok());
        assert_eq!(
            draft(&"研".repeat(201))
                .validate()
                .unwrap_err()
                .get(ClientField::Name),
            Some(Problem::TooLong { max: 200 })
        );
    }

    #[test]
    fn contact_checks_email_and_phone() {
        let mut c = ContactDraft {
            name: "王经理".into(),
            phone: "0531-8888 6666".into(),
            email: "wang@example.com".into(),
            ..ContactDraft::default()
        };
        assert!(c.validate().is_ok());
        c.email = "wang@".into();
        c.phone = "电话".into();
        let e = c.validate().unwrap_err();
        assert_eq!(e.get(ContactField::Email), Some(Problem::InvalidEmail));
        assert_eq!(e.get(ContactField::Phone), Some(Problem::InvalidPhone));
    }

    #[test]
    fn phones_with_extensions_or_two_numbers_are_phones() {
        for phone in [
            "0531-88886666转123",
            "0531-88886666 ext. 12",
            "(0531)88886666 分机 8",
            "13800000000/0531-88886666",
            "13800000000、13900000000",
        ] {
            assert!(is_phone(phone), "{phone}");
        }
        assert_eq!(normalize_phone(" １３８００００００００ "), "13800000000");
        assert!(!is_phone("0531-88886666/电话"));
    }

    #[test]
    fn a_next_step_needs_a_due_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut d = InteractionDraft::new(today);
        d.summary = "走访企业，了解需求".into();
        d.next_step = "发送成果清单".into();
        assert_eq!(
            d.validate().unwrap_err().get(InteractionField::NextDue),
            Some(Problem::NextStepWithoutDue)
        );
        d.next_due = Some(today);
        assert!(d.validate().is_ok());
    }

    #[test]
    fn codes_round_trip() {
        for k in ClientKind::ALL {
            assert_eq!(ClientKind::from_code(k.code()), Some(k));
        }
        for k in InteractionKind::ALL {
            assert_eq!(InteractionKind::from_code(k.code()), Some(k));
        }
        assert_eq!(ClientKind::from_code("bank"), None);
    }
}

//! What a broker reads back after an import, in plain terms the expectations use. These types know
//! nothing of TechBroker's export format; `export.rs` fills them.

use chrono::NaiveDate;

/// An amount of money as stored: a fixed amount (`lo == hi`), a range or cap (one side open), or
/// negotiable. Fen throughout.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Money {
    pub negotiable: bool,
    pub lo: Option<i64>,
    pub hi: Option<i64>,
}

impl Money {
    pub fn amount(fen: i64) -> Money {
        Money {
            negotiable: false,
            lo: Some(fen),
            hi: Some(fen),
        }
    }

    pub fn negotiable() -> Money {
        Money {
            negotiable: true,
            lo: None,
            hi: None,
        }
    }

    pub fn is_unset(&self) -> bool {
        !self.negotiable && self.lo.is_none() && self.hi.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Lab,
    SmallTrial,
    Pilot,
    Industrial,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    Assignment,
    Licence,
    Equity,
    CoDevelop,
    UseFirstPayLater,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClientKind {
    Enterprise,
    University,
    Institute,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContractType {
    Development,
    Transfer,
    Licence,
    Consulting,
    Service,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub name: String,
    pub kind: Option<ClientKind>,
    pub credit_code: String,
    pub province: String,
    pub city: String,
    pub district: String,
    pub industry: String,
    pub contacts: Vec<Contact>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achievement {
    pub title: String,
    pub owner: String,
    pub owner_kind: Option<ClientKind>,
    pub inventors: String,
    pub field: String,
    pub keywords: Vec<String>,
    pub abstract_text: String,
    pub trl: Option<u8>,
    pub stage: Option<Stage>,
    pub price: Money,
    pub modes: Vec<Mode>,
    pub registration_no: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub title: String,
    pub enterprise: String,
    pub description: String,
    pub field: String,
    pub keywords: Vec<String>,
    pub budget: Money,
    pub deadline: Option<NaiveDate>,
    pub confidential: bool,
    pub status: String,
}

/// A deal as the deal list and the deal report show it. Fields no export carries are `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deal {
    pub title: String,
    pub seller: String,
    pub buyer: String,
    pub stage: Option<DealStage>,
    pub contract_type: Option<ContractType>,
    pub contract_subtype: Option<String>,
    pub contract_no: Option<String>,
    pub contract_amount: Option<i64>,
    pub tech_amount: Option<i64>,
    pub signed_on: Option<NaiveDate>,
    pub registered_on: Option<NaiveDate>,
    pub field: String,
}

/// Everything a database holds after an import, read back through the exports.
#[derive(Debug, Clone, Default)]
pub struct Stored {
    pub clients: Vec<Client>,
    pub achievements: Vec<Achievement>,
    pub needs: Vec<Need>,
    pub deals: Vec<Deal>,
    /// The exports' text (JSON re-written as plain UTF-8), to look for strings that must not be
    /// anywhere: a total row's label, an IP address, a confidentiality marker.
    pub text: String,
}

impl Stored {
    pub fn is_empty(&self) -> bool {
        self.clients.is_empty()
            && self.achievements.is_empty()
            && self.needs.is_empty()
            && self.deals.is_empty()
    }

    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} clients, {} achievements, {} needs, {} deals",
            self.clients.len(),
            self.achievements.len(),
            self.needs.len(),
            self.deals.len()
        );
        for c in &self.clients {
            s.push_str(&format!("\n  client {c:?}"));
        }
        for a in &self.achievements {
            s.push_str(&format!(
                "\n  achievement {:?} owner={:?} field={:?} trl={:?} stage={:?} price={:?} kw={:?} modes={:?} reg={:?} inventors={:?}",
                a.title, a.owner, a.field, a.trl, a.stage, a.price, a.keywords, a.modes, a.registration_no, a.inventors
            ));
        }
        for n in &self.needs {
            s.push_str(&format!(
                "\n  need {:?} enterprise={:?} field={:?} budget={:?} deadline={:?} kw={:?} confidential={}",
                n.title, n.enterprise, n.field, n.budget, n.deadline, n.keywords, n.confidential
            ));
        }
        for d in &self.deals {
            s.push_str(&format!("\n  deal {d:?}"));
        }
        s
    }
}

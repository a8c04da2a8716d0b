//! Plain types and rules of the trade: no egui, no SQL.

pub mod achievement;
pub mod agenda;
pub mod amount;
pub mod catalog;
pub mod client;
pub mod client_list;
pub mod credit_code;
pub mod dashboard;
pub mod dates;
pub mod deal;
pub mod deal_list;
pub mod maturity;
pub mod money;
pub mod need;
pub mod payments;
pub mod problem;
pub mod registration;
pub mod thesaurus;
pub mod training;

pub use achievement::{
    Achievement, AchievementData, AchievementDraft, AchievementField, AchievementId,
    AchievementRow, AchievementStatus, IpItem, IpItemDraft, IpKind, IpStatus,
};
pub use catalog::{DEFAULT_FIELDS, Stage, TransferMode, TransferModes};
pub use client::{
    Client, ClientDraft, ClientField, ClientId, ClientKind, ClientRow, Contact, ContactDraft,
    ContactField, ContactId, FollowUp, Interaction, InteractionDraft, InteractionField,
    InteractionId, InteractionKind,
};
pub use deal::{
    ContractType, Deal, DealDraft, DealField, DealId, DealRow, DealStage, DealTerms, Decision,
    RejectReason,
};
pub use money::{Money, Price};
pub use need::{Need, NeedData, NeedDraft, NeedField, NeedId, NeedMode, NeedRow, NeedStatus};
pub use problem::{FieldErrors, Problem};
pub use thesaurus::{Synonym, SynonymDraft, SynonymField, SynonymId};

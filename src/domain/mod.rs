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
pub mod documents;
pub mod follow_up;
pub mod id;
pub mod id_map;
pub mod maturation;
pub mod maturity;
pub mod money;
pub mod need;
pub mod payments;
pub mod problem;
pub mod registration;
pub mod rights;
pub mod team;
pub mod thesaurus;
pub mod training;

pub use achievement::{
    Achievement, AchievementData, AchievementDraft, AchievementField, AchievementRow,
    AchievementStatus, IpItem, IpItemDraft, IpKind, IpStatus,
};
pub use catalog::{DEFAULT_FIELDS, Stage, TransferMode, TransferModes};
pub use client::{
    Client, ClientDraft, ClientField, ClientKind, ClientRow, Contact, ContactDraft, ContactField,
    FollowUp, Interaction, InteractionDraft, InteractionField, InteractionKind,
};
pub use deal::{
    ContractType, Deal, DealDraft, DealField, DealRow, DealStage, DealTerms, Decision, RejectReason,
};
pub use id::{
    AchievementId, ClientId, ContactId, DealId, InstalmentId, InteractionId, NeedId, ReceiptId,
    SynonymId,
};
pub use id_map::IdMap;
pub use money::{Money, Price};
pub use need::{Need, NeedData, NeedDraft, NeedField, NeedMode, NeedRow, NeedStatus};
pub use problem::{FieldErrors, Problem};
pub use thesaurus::{Synonym, SynonymDraft, SynonymField};

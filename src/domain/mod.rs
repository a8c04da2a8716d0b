//! Plain types and rules of the trade: no egui, no SQL.

pub mod client;
pub mod client_list;
pub mod credit_code;
pub mod problem;

pub use client::{
    Client, ClientDraft, ClientField, ClientId, ClientKind, ClientRow, Contact, ContactDraft,
    ContactField, ContactId, FollowUp, Interaction, InteractionDraft, InteractionField,
    InteractionId, InteractionKind,
};
pub use problem::{FieldErrors, Problem};

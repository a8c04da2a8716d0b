//! The egui views: one file per screen. Screens read the store and push [`Command`]s; the app
//! applies them.

pub mod about;
mod achievement_form;
mod achievements;
mod agenda;
mod app;
mod backups;
mod catalog_common;
mod client_detail;
mod client_form;
mod clients;
pub mod command;
mod dashboard;
mod dashboard_charts;
mod deal_detail;
mod deal_payments;
mod deals;
mod follow_ups;
pub mod fonts;
mod handler;
mod import;
mod import_tables;
mod interaction_log;
pub mod job;
mod list_view;
pub mod matching;
mod need_form;
mod needs;
pub mod picker;
mod pickers;
mod record_detail;
mod report;
mod screens;
mod training;
mod trash;
mod widgets;

pub use app::{Session, Settings, StartOptions, TechBrokerApp};
pub use command::{Command, Screen};

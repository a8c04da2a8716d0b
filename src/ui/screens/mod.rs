//! One file per screen.

pub mod achievement_form;
pub mod achievement_rights;
pub mod achievements;
pub mod agenda;
pub mod carrier_section;
pub mod client_detail;
pub mod client_form;
pub mod clients;
pub mod dashboard;
pub mod dashboard_charts;
pub mod deal_detail;
pub mod deal_dialogs;
pub mod deal_payments;
pub mod deal_shares;
pub mod deals;
pub mod follow_ups;
pub mod import;
pub mod import_tables;
pub mod matching;
pub mod need_form;
pub mod needs;
pub mod projects;
pub mod record_detail;
pub mod report;
pub mod report_stats;
pub mod trash;

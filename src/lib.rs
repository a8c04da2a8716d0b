//! TechBroker (技术经理人工作台): a desktop workbench for technology-transfer brokers.
//!
//! `domain` holds the records and rules, `store` the SQLite database (the only SQL), `ui` the egui
//! screens, `i18n` every user-visible string in Chinese and English.

// Nothing outside tests may unwrap: every value comes from a user, a file or the database, and a
// panic there loses a broker's work. Clippy enforces it in CI.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator;

mod alloc;
pub mod catalog;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod io;
pub mod log;
pub mod matching;
pub mod paths;
pub mod report;
pub mod resident;
pub mod sandbox;
pub mod search;
pub mod store;
pub mod ui;
pub mod work;

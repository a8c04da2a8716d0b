//! The egui views: one file per screen. Screens read the store and push [`Command`]s; the app
//! applies them.

mod app;
mod client_detail;
mod client_form;
mod clients;
pub mod command;
mod follow_ups;
pub mod fonts;
pub mod picker;
mod trash;
mod widgets;

pub use app::{Settings, StartOptions, TechBrokerApp, open_error_text};
pub use command::{Command, Screen};

//! The window around the screens: the app, the open session, navigation, dialogs, and the one
//! place commands are applied.

pub mod about;
pub mod actions;
pub mod app;
mod apply;
mod backups;
mod export;
pub mod fonts;
pub mod picker;
mod screens;
mod session;
mod team;
mod training;

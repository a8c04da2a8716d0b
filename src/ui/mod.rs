//! The egui views. `shell/` is the window (top bar, navigation, the one place commands are
//! applied, the session on the open database); `screens/` holds one file per screen; `widgets/`
//! the pieces screens share. Screens read through a [`shell::Cx`] and push [`Command`]s.

pub mod command;
pub mod reload;
pub mod screens;
pub mod shell;
pub mod view;
pub mod widgets;
pub mod workers;

pub use command::{Command, Screen};
pub use shell::app::{Session, Settings, StartOptions, TechBrokerApp};
pub use shell::{about, fonts, picker};

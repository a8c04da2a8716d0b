//! What every screen gets and gives: a [`Cx`] to read from and send commands through, and the
//! [`Event`]s that tell it how its commands went. A screen is a `Default` struct implementing
//! [`View`]; it never writes to the store, and nothing outside it reaches into its fields.

use chrono::NaiveDate;
use egui::Ui;

use crate::catalog::Catalogs;
use crate::domain::deal::{Missing, NewDealField};
use crate::domain::maturation::{CarrierField, ProjectField};
use crate::domain::rights::RightsField;
use crate::domain::{
    AchievementField, AchievementId, ClientField, ClientId, ClientRow, ContactField, DealField,
    DealId, FieldErrors, InteractionField, InteractionId, NeedField, SynonymField,
};
use crate::i18n::Tr;
use crate::store::Store;
use crate::ui::command::{Command, LogFor};
use crate::ui::workers::Workers;

/// The screen context: what is open, in which language, on which day, and where commands go.
pub struct Cx<'a> {
    pub store: &'a Store,
    pub catalogs: &'a Catalogs,
    /// The fields (所属领域) offered in forms and filters.
    pub fields: &'a [String],
    /// Every live client, for pickers.
    pub clients: &'a [ClientRow],
    pub tr: &'static Tr,
    pub today: NaiveDate,
    /// For work too long for a frame.
    pub workers: &'a Workers,
    pub cmds: &'a mut Vec<Command>,
}

impl Cx<'_> {
    pub fn send(&mut self, cmd: Command) {
        self.cmds.push(cmd);
    }
}

/// A screen.
pub trait View {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>);

    /// How a command went; every screen hears every event and keeps what concerns it.
    fn on_event(&mut self, _event: &Event) {}
}

/// What came of a command, for the screens that asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    ClientRefused(FieldErrors<ClientField>),
    ContactSaved,
    ContactRefused(FieldErrors<ContactField>),
    InteractionSaved(LogFor),
    InteractionRefused(LogFor, FieldErrors<InteractionField>),
    FollowUpSaved(InteractionId),
    FollowUpRefused(InteractionId, FieldErrors<InteractionField>),
    AchievementRefused(FieldErrors<AchievementField>),
    NeedRefused(FieldErrors<NeedField>),
    DealTermsSaved(DealId),
    DealTermsRefused(DealId, FieldErrors<DealField>),
    DealMoved(DealId),
    /// The move needs terms the deal lacks.
    DealMoveRefused(DealId, Vec<Missing>),
    /// The signing asked on the board was refused, with the problems of its fields.
    DealSignRefused(DealId, FieldErrors<DealField>),
    /// A deal started by hand was written.
    DealCreated(DealId),
    NewDealRefused(FieldErrors<NewDealField>),
    SynonymAdded,
    SynonymRefused(FieldErrors<SynonymField>),
    /// A deletion for good was carried out (or failed): its confirmation closes.
    PurgeDone,
    /// Ctrl+F: the list shown puts the keyboard in its search field (sent to it alone).
    FocusSearch,
    ProjectSaved,
    ProjectRefused(FieldErrors<ProjectField>),
    CarrierSaved(ClientId),
    CarrierRefused(ClientId, FieldErrors<CarrierField>),
    RightsSaved(AchievementId),
    RightsRefused(AchievementId, FieldErrors<RightsField>),
}

//! Everything a screen (or a keyboard shortcut) can ask for. Screens push commands; the app
//! applies them in one place at the end of the frame.

use std::path::PathBuf;

use crate::catalog::{AchievementFilter, NeedFilter};
use crate::domain::deal::{NewDealDraft, SigningDraft};
use crate::domain::deal_list::DealFilter;
use crate::domain::follow_up::FollowUpDraft;
use crate::domain::id::ProjectId;
use crate::domain::maturation::{CarrierDraft, Outcome as MaturationOutcome, ProjectDraft};
use crate::domain::payments::{Instalment, Receipt, Trial};
use crate::domain::registration::RegistrationRule;
use crate::domain::rights::RightsDraft;
use crate::domain::{
    AchievementDraft, AchievementId, ClientDraft, ClientId, ContactDraft, ContactId, DealDraft,
    DealId, DealStage, InstalmentId, InteractionDraft, InteractionId, NeedDraft, NeedId, ReceiptId,
    SynonymDraft, SynonymId,
};
use crate::i18n::Lang;
use crate::io::import::ImportKind;
use crate::matching::Subject;
use crate::matching::Weights;
use crate::store::{DecisionInput, Registration, TrashItem};

/// The screens the navigation leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// The start screen: the dashboard, then what is due today.
    #[default]
    Agenda,
    Clients,
    Client(ClientId),
    ClientForm,
    Achievements,
    Achievement(AchievementId),
    AchievementForm,
    Needs,
    Need(NeedId),
    NeedForm,
    Matching,
    Deals,
    Deal(DealId),
    FollowUps,
    Trash,
    Import,
    Report,
    Projects,
    TeamConflicts,
}

/// A list that can be exported as it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Clients,
    Achievements,
    Needs,
    Deals,
}

/// A list opened from a dashboard card, filtered to what the card counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListPreset {
    Achievements(AchievementFilter),
    Needs(NeedFilter),
    /// Shown as the table, where every matching deal is listed.
    Deals(DealFilter),
}

/// Whose log an interaction is added to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFor {
    Client(ClientId),
    /// Kept with the deal's buyer, and shown on the deal.
    Deal(DealId),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Navigate(Screen),
    /// A new record of the list shown (a client where the screen has no list of its own).
    NewRecord,
    /// Puts the keyboard in the search field of the list shown.
    FocusSearch,
    /// The import screen, set to the kind of the list shown.
    ImportHere,
    /// Asks where, then writes the list shown as CSV.
    ExportHere,
    OpenPalette,
    ShowAbout,
    NewClient,
    EditClient(ClientId),
    SaveClient {
        id: Option<ClientId>,
        draft: ClientDraft,
    },
    DeleteClient(ClientId),
    Restore(TrashItem),
    /// Deletes a record in the trash for good (confirmed first).
    Purge(TrashItem),
    /// Deletes everything in the trash for good (confirmed first).
    EmptyTrash,
    SaveContact {
        client: ClientId,
        id: Option<ContactId>,
        draft: ContactDraft,
    },
    DeleteContact(ContactId),
    AddInteraction {
        target: LogFor,
        draft: InteractionDraft,
    },
    CompleteFollowUp(InteractionId),
    /// Saves a follow-up's next step and due date as edited.
    SaveFollowUp {
        id: InteractionId,
        draft: FollowUpDraft,
    },
    /// Gives a follow-up another due date (tomorrow, next week), its text kept.
    MoveFollowUp {
        id: InteractionId,
        due: chrono::NaiveDate,
    },
    /// Moves an interaction, with its next step, to the trash (confirmed first).
    DeleteInteraction(InteractionId),
    NewAchievement {
        owner: Option<ClientId>,
    },
    EditAchievement(AchievementId),
    SaveAchievement {
        id: Option<AchievementId>,
        draft: AchievementDraft,
    },
    DeleteAchievement(AchievementId),
    /// The achievement list, filtered to one organisation.
    ShowAchievementsOf(ClientId),
    NewNeed {
        enterprise: Option<ClientId>,
    },
    EditNeed(NeedId),
    SaveNeed {
        id: Option<NeedId>,
        draft: NeedDraft,
    },
    DeleteNeed(NeedId),
    /// The need list, filtered to one enterprise.
    ShowNeedsOf(ClientId),
    /// A list with its filters set to `ListPreset`'s, the rest cleared.
    ShowList(ListPreset),
    AddField(String),
    MoveDeal {
        id: DealId,
        stage: DealStage,
        lost_reason: String,
    },
    SaveDealTerms {
        id: DealId,
        draft: DealDraft,
    },
    /// Gives a deal the signing date and amount it lacks and moves it to a signed stage.
    SignDeal {
        id: DealId,
        stage: DealStage,
        draft: SigningDraft,
    },
    /// The board with its form for a deal started by hand.
    NewDeal,
    CreateDeal(NewDealDraft),
    /// Moves a deal to the trash (confirmed first).
    DeleteDeal(DealId),
    AddInstalments {
        deal: DealId,
        items: Vec<Instalment>,
    },
    RemoveInstalment(InstalmentId),
    /// Moves a receipt recorded by mistake to the trash.
    RemoveReceipt(ReceiptId),
    AddReceipt {
        deal: DealId,
        receipt: Receipt,
    },
    /// Corrects a recorded receipt's date, amount and note.
    EditReceipt {
        id: ReceiptId,
        receipt: Receipt,
    },
    SetTrial {
        deal: DealId,
        trial: Trial,
    },
    RecordRegistration {
        id: DealId,
        registration: Registration,
    },
    SetRegistrationRule(RegistrationRule),
    /// The Matching screen on a need, an achievement or an enterprise.
    FindMatches(Subject),
    /// Shortlist, accept or reject a candidate.
    Decide(Box<DecisionInput>),
    SaveWeights(Weights),
    /// Adds a pair to the matching thesaurus; the ranking shown uses it at once.
    AddSynonym(SynonymDraft),
    RemoveSynonym(SynonymId),
    /// Carriers and maturation projects.
    Maturation(MaturationCommand),
    /// Asks where, then writes the transfer statistics of the report's period.
    ExportStats(FileType),
    /// Asks where, then writes the institution's view by broker for the report's period.
    ExportInstitution(FileType),
    /// The documents of a deal, an achievement or a client.
    Documents(DocumentCommand),
    /// Asks where, then writes the need's shortlist as CSV.
    ExportShortlist(NeedId),
    /// Asks where, then writes the list as currently filtered and sorted, as CSV.
    ExportList(ListKind, FileType),
    SetLanguage(Lang),
    NewDatabase,
    OpenDatabase,
    OpenDatabaseAt(PathBuf),
    /// Opens a database another window has, without writing to it.
    OpenReadOnly(PathBuf),
    ShowBackups,
    /// Puts this backup in place of the open database (confirmed first).
    RestoreBackup(PathBuf),
    /// Opens the import screen; with a kind, asks for the file at once.
    StartImport(Option<ImportKind>),
    ImportPickFile,
    /// A file dropped on the window.
    ImportOpen(PathBuf),
    /// Maps the chosen file again (the kind changed).
    ImportReload,
    ImportSheet(String),
    /// Takes another row as the header, by its number as shown.
    ImportHeaderRow(usize),
    ImportSaveMapping,
    ImportCheck,
    ImportCommit,
    ImportReset,
    ImportSaveRejected,
    /// An import has been written: the screens read the database again.
    ImportWritten,
    /// Writes the report shown as a workbook (Xlsx) or a printable page (Html).
    ExportReport(FileType),
    /// Builds the training sandbox (or opens it again fresh) and switches to it.
    StartSandbox,
    /// Rebuilds the sandbox with its initial data (the user has confirmed).
    ResetSandbox,
    /// Back to the database open before the sandbox, or the default one.
    LeaveSandbox,
    /// Asks where, then writes the trainee's progress as JSON.
    ExportTrainingProgress {
        trainee: String,
    },
    /// Records a service achievement's rights and income shares.
    SaveRights {
        id: AchievementId,
        draft: RightsDraft,
    },
    Team(TeamCommand),
}

impl Command {
    /// Whether applying it writes to the database (or opens a form only a write completes):
    /// refused in a read-only window.
    pub fn writes(&self) -> bool {
        use Command::*;
        matches!(
            self,
            NewClient
                | NewRecord
                | ImportHere
                | EditClient(_)
                | SaveClient { .. }
                | DeleteClient(_)
                | Restore(..)
                | Purge(..)
                | EmptyTrash
                | SaveContact { .. }
                | DeleteContact(_)
                | AddInteraction { .. }
                | CompleteFollowUp(_)
                | SaveFollowUp { .. }
                | MoveFollowUp { .. }
                | DeleteInteraction(_)
                | NewAchievement { .. }
                | EditAchievement(_)
                | SaveAchievement { .. }
                | DeleteAchievement(_)
                | NewNeed { .. }
                | EditNeed(_)
                | SaveNeed { .. }
                | DeleteNeed(_)
                | AddField(_)
                | MoveDeal { .. }
                | SaveDealTerms { .. }
                | SignDeal { .. }
                | NewDeal
                | CreateDeal(_)
                | DeleteDeal(_)
                | AddInstalments { .. }
                | RemoveInstalment(_)
                | RemoveReceipt(_)
                | AddReceipt { .. }
                | EditReceipt { .. }
                | SetTrial { .. }
                | RecordRegistration { .. }
                | SetRegistrationRule(_)
                | Decide(_)
                | SaveWeights(_)
                | StartImport(_)
                | ImportOpen(_)
                | ImportSaveMapping
                | ImportCommit
                | RestoreBackup(_)
                | SaveRights { .. }
                | Team(_)
                | Documents(DocumentCommand::Attach { .. } | DocumentCommand::Trash(_))
        )
    }
}

/// What a page's documents section asks for.
/// What the team's part of the window asks for: joining, a sync round, settling a conflict.
#[derive(Debug, Clone, PartialEq)]
pub enum TeamCommand {
    /// File → Join a team…: the dialog opens.
    OpenJoin,
    Join {
        server: String,
        user: String,
        password: Secret,
    },
    /// A round with the password known this session, or the question for it.
    Sync,
    /// A round with the password just typed, kept in memory for the next ones.
    SyncWith(Secret),
    Resolve {
        id: i64,
        resolution: crate::domain::team::Resolution,
    },
}

/// A password on its way to the server: kept in memory only, and never printed (commands are
/// debug-printed in test failures and could be logged).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DocumentCommand {
    /// Asks for a file, then attaches a copy of it as `kind`.
    Attach {
        owner: crate::domain::documents::Owner,
        kind: crate::domain::documents::DocumentKind,
    },
    /// Opens the stored copy with the system's viewer.
    Open(crate::domain::id::DocumentId),
    /// Moves it to the trash.
    Trash(crate::domain::id::DocumentId),
}

/// What the carriers' and maturation projects' screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum MaturationCommand {
    /// Opens the projects' form on a new project, prefilled.
    Start(ProjectDraft),
    Save {
        id: Option<ProjectId>,
        draft: ProjectDraft,
    },
    End {
        id: ProjectId,
        outcome: MaturationOutcome,
    },
    SaveCarrier {
        organisation: ClientId,
        draft: CarrierDraft,
    },
}

/// The kinds of file the app reads or writes, each with its dialog filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Csv,
    Xlsx,
    Json,
    Html,
    /// Anything an import reads: CSV, Excel workbooks, TechBroker's JSON.
    Importable,
    /// A document to attach: any file.
    Document,
}

impl FileType {
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileType::Csv => ("CSV", &["csv"]),
            FileType::Xlsx => ("Excel", &["xlsx"]),
            FileType::Json => ("JSON", &["json"]),
            FileType::Html => ("HTML", &["html"]),
            FileType::Importable => ("CSV / Excel / JSON", &["csv", "txt", "xlsx", "xls", "json"]),
            FileType::Document => ("*", &["*"]),
        }
    }

    /// The extension a saved file gets.
    pub fn extension(self) -> &'static str {
        self.filter().1[0]
    }
}

//! The one place commands are applied: from screens, menus, shortcuts and the palette alike.
//! Writes go through the session (which keeps the catalogues in step); how a command went
//! reaches the screens as an [`Event`] and the broker as the status line.

mod documents;
mod institution;
mod maturation;
mod team;

pub(super) use documents::Attaching;

use crate::domain::deal::Missing;
use crate::domain::{AchievementDraft, ClientDraft, NeedDraft};
use crate::i18n::{Tr, fill};
use crate::io::import::ImportKind;
use crate::io::import::rejected::write_rejected;
use crate::store::{Decided, MoveError, SaveError, Store, StoreError};
use crate::ui::command::{Command, FileType, ListKind, LogFor, Screen};
use crate::ui::screens::achievement_form::AchievementForm;
use crate::ui::screens::client_form::ClientForm;
use crate::ui::screens::import::Worker;
use crate::ui::screens::matching::decision_status;
use crate::ui::screens::need_form::NeedForm;
use crate::ui::screens::report::period_name;
use crate::ui::shell::app::{Database, Status, TechBrokerApp};
use crate::ui::shell::export::{export_shortlist, export_work, write_report, write_status};
use crate::ui::view::Event;
use crate::ui::widgets::{fmt_date, today};

/// The status line for a store error, in the UI language.
pub fn store_error(e: &StoreError, tr: &Tr) -> String {
    match e {
        StoreError::NotFound => tr.not_found.to_string(),
        StoreError::NameTaken(name) => fill(tr.name_taken, &[("name", name)]),
        StoreError::CreditCodeTaken(code) => fill(tr.credit_code_taken, &[("code", code)]),
        StoreError::Sqlite(e) => fill(tr.db_error, &[("detail", e)]),
        StoreError::Io(e) => fill(tr.db_error, &[("detail", e)]),
        StoreError::InUse => tr.purge_in_use.to_string(),
        StoreError::NotEmpty(n) => fill(tr.gen_not_empty, &[("n", n)]),
    }
}

/// A save's result: saved, or refused with the form's errors (as the event `refused` makes of
/// them), or failed.
enum Saved<T, F: std::fmt::Debug> {
    Yes(T),
    Refused(crate::domain::FieldErrors<F>),
    Failed,
}

impl TechBrokerApp {
    fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Info(text.into()));
    }

    fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Error(text.into()));
    }

    fn failed(&mut self, e: &StoreError) {
        let text = store_error(e, self.tr());
        self.error(text);
    }

    /// Runs `write` on the open database, the catalogues following what it changed; None when
    /// no database is open.
    fn write<T>(&mut self, write: impl FnOnce(&mut Store) -> T) -> Option<T> {
        let Database::Open(session) = &mut self.db else {
            return None;
        };
        Some(session.write(&self.workers, write).0)
    }

    /// A write that returns nothing but can fail: says `done` or the failure.
    fn write_then(
        &mut self,
        done: &str,
        write: impl FnOnce(&mut Store) -> Result<(), StoreError>,
    ) -> bool {
        match self.write(write) {
            Some(Ok(())) => {
                self.info(done);
                true
            }
            Some(Err(e)) => {
                self.failed(&e);
                false
            }
            None => false,
        }
    }

    /// A form's save: the value when saved; the form's errors go back to it as an event.
    fn save<T, F: std::fmt::Debug>(
        &mut self,
        write: impl FnOnce(&mut Store) -> Result<T, SaveError<F>>,
    ) -> Saved<T, F> {
        match self.write(write) {
            Some(Ok(value)) => {
                let saved = self.tr().saved;
                self.info(saved);
                Saved::Yes(value)
            }
            Some(Err(SaveError::Invalid(errors))) => Saved::Refused(errors),
            Some(Err(SaveError::Store(e))) => {
                self.failed(&e);
                Saved::Failed
            }
            None => Saved::Failed,
        }
    }

    fn deliver(&mut self, event: Event) {
        self.screens.deliver(&event);
    }

    /// A read-only connection for the import screen's workers; None (and the reason in the
    /// status line) when there is no database to read.
    fn import_worker(&mut self) -> Option<Worker> {
        let reader = self.store()?.reader();
        match reader {
            Ok(reader) => Some(Worker {
                reader,
                workers: self.workers.clone(),
            }),
            Err(e) => {
                let text = fill(self.tr().im_failed, &[("detail", &e)]);
                self.error(text);
                None
            }
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, cmd: Command) {
        let tr = self.tr();
        if cmd.writes() && self.store().is_some_and(Store::is_read_only) {
            self.error(tr.read_only_refused);
            return;
        }
        match cmd {
            Command::Navigate(screen) => self.screens.navigate(screen),
            Command::NewRecord => self.apply(match self.screens.list() {
                Some(ListKind::Achievements) => Command::NewAchievement { owner: None },
                Some(ListKind::Needs) => Command::NewNeed { enterprise: None },
                Some(ListKind::Deals) => Command::NewDeal,
                Some(ListKind::Clients) | None => Command::NewClient,
            }),
            Command::FocusSearch => {
                if !self.screens.focus_search() {
                    self.info(tr.no_search_here);
                }
            }
            Command::ImportHere => self.apply(Command::StartImport(self.screens.list().map(
                |list| match list {
                    ListKind::Clients => ImportKind::Clients,
                    ListKind::Achievements => ImportKind::Achievements,
                    ListKind::Needs => ImportKind::Needs,
                    ListKind::Deals => ImportKind::Deals,
                },
            ))),
            Command::ExportHere => match self.screens.list() {
                Some(list) => self.apply(Command::ExportList(list, FileType::Csv)),
                None => self.info(tr.nothing_to_export),
            },
            Command::OpenPalette => {
                if self.palette.is_none() {
                    self.palette = Some(super::actions::Palette::new());
                }
            }
            Command::ShowAbout => self.about_open = true,
            Command::SetLanguage(lang) => {
                // The status line was written in the old language.
                self.settings.lang = lang;
                self.status = None;
            }

            // Databases and the sandbox.
            Command::NewDatabase => match self.picker.new_database() {
                Some(path) => self.open_database(&path),
                None => self.say_if_no_dialog(),
            },
            Command::OpenDatabase => match self.picker.open_database() {
                Some(path) => self.open_database(&path),
                None => self.say_if_no_dialog(),
            },
            Command::OpenDatabaseAt(path) => self.open_database(&path),
            Command::OpenReadOnly(path) => self.connect_read_only(&path),
            Command::ShowBackups => {
                if let Some(store) = self.store() {
                    self.backups = Some(super::backups::BackupsDialog::open(store.path()));
                }
            }
            Command::RestoreBackup(from) => {
                if let Some(db) = self.store().map(|s| s.path().to_path_buf()) {
                    match crate::store::restore(&db, &from) {
                        Ok(before) => {
                            self.reopen(&db);
                            self.info(fill(tr.backup_restored, &[("path", &before.display())]));
                        }
                        Err(e) => self.error(tr.restore_error(&e)),
                    }
                }
            }
            Command::StartSandbox => {
                if self.training.is_none() {
                    let here = self.store().map(|s| s.path().to_path_buf());
                    self.start_sandbox(here);
                }
            }
            Command::ResetSandbox => {
                if self.training.is_some() {
                    self.build_sandbox(None);
                }
            }
            Command::LeaveSandbox => {
                if let Some(training) = self.training.take() {
                    self.open_database(&training.return_to);
                }
            }
            Command::ExportTrainingProgress { trainee } => {
                if let (Database::Open(session), Some(training)) = (&self.db, &mut self.training)
                    && let Some(path) = self
                        .picker
                        .save_file(tr.sandbox_progress_file, FileType::Json)
                {
                    self.settings.trainee.clone_from(&trainee);
                    training.trainee = trainee;
                    let written = training.export(session.store(), &path, tr);
                    self.status = Some(write_status(written, &path, tr));
                }
            }

            // Clients, contacts and the log.
            Command::NewClient => self.screens.open_client_form(ClientForm::new_client()),
            Command::EditClient(id) => match self.store().map(|s| s.get_client(id)) {
                Some(Ok(Some(client))) => self
                    .screens
                    .open_client_form(ClientForm::edit(id, ClientDraft::from(&client))),
                Some(Ok(None)) => self.failed(&StoreError::NotFound),
                Some(Err(e)) => self.failed(&e),
                None => {}
            },
            Command::SaveClient { id, draft } => match self.save(|s| s.save_client(id, &draft)) {
                Saved::Yes(id) => self.screens.reopen(Screen::Client(id)),
                Saved::Refused(errors) => self.deliver(Event::ClientRefused(errors)),
                Saved::Failed => {}
            },
            Command::DeleteClient(id) => {
                let name = self.store().and_then(|s| s.get_client(id).ok().flatten());
                let name = name.map(|c| c.name).unwrap_or_default();
                let done = fill(tr.moved_to_trash, &[("name", &name)]);
                if self.write_then(&done, |s| s.delete_client(id)) {
                    self.screens.navigate(Screen::Clients);
                }
            }
            Command::SaveContact { client, id, draft } => {
                match self.save(|s| s.save_contact(client, id, &draft)) {
                    Saved::Yes(_) => self.deliver(Event::ContactSaved),
                    Saved::Refused(errors) => self.deliver(Event::ContactRefused(errors)),
                    Saved::Failed => {}
                }
            }
            Command::DeleteContact(id) => {
                let done = fill(tr.moved_to_trash, &[("name", &tr.trash_contact)]);
                self.write_then(&done, |s| s.delete_contact(id));
            }
            Command::AddInteraction { target, draft } => {
                let saved = self.save(|s| match target {
                    LogFor::Client(client) => s.add_interaction(client, &draft),
                    LogFor::Deal(deal) => s.add_deal_interaction(deal, &draft),
                });
                match saved {
                    Saved::Yes(_) => self.deliver(Event::InteractionSaved(target)),
                    Saved::Refused(errors) => {
                        self.deliver(Event::InteractionRefused(target, errors))
                    }
                    Saved::Failed => {}
                }
            }
            Command::CompleteFollowUp(id) => {
                self.write_then(tr.marked_done, |s| s.complete_follow_up(id));
            }
            Command::SaveFollowUp { id, draft } => {
                match self.save(|s| s.edit_follow_up(id, &draft)) {
                    Saved::Yes(()) => self.deliver(Event::FollowUpSaved(id)),
                    Saved::Refused(errors) => self.deliver(Event::FollowUpRefused(id, errors)),
                    Saved::Failed => {}
                }
            }
            Command::MoveFollowUp { id, due } => match self.save(|s| s.move_follow_up(id, due)) {
                Saved::Yes(()) => self.info(fill(tr.fu_moved, &[("date", &fmt_date(due))])),
                Saved::Refused(errors) => {
                    let why: Vec<String> =
                        errors.errors.iter().map(|(_, p)| tr.problem(*p)).collect();
                    self.error(why.join(tr.dash_list_separator));
                }
                Saved::Failed => {}
            },
            Command::DeleteInteraction(id) => {
                let done = fill(tr.moved_to_trash, &[("name", &tr.trash_interaction)]);
                self.write_then(&done, |s| s.delete_interaction(id));
            }

            // The trash.
            Command::Restore(item) => {
                self.write_then(tr.restored, |s| s.restore(item));
            }
            Command::Purge(item) => {
                self.write_then(tr.purged, |s| s.purge(item));
                self.deliver(Event::PurgeDone);
            }
            Command::EmptyTrash => {
                match self.write(Store::empty_trash) {
                    Some(Ok((gone, 0))) => self.info(fill(tr.trash_emptied, &[("n", &gone)])),
                    Some(Ok((gone, kept))) => self.info(fill(
                        tr.trash_emptied_kept,
                        &[("n", &gone), ("kept", &kept)],
                    )),
                    Some(Err(e)) => self.failed(&e),
                    None => {}
                }
                self.deliver(Event::PurgeDone);
            }

            // Achievements and needs.
            Command::NewAchievement { owner } => self
                .screens
                .open_achievement_form(AchievementForm::new(owner)),
            Command::EditAchievement(id) => match self.store().map(|s| s.get_achievement(id)) {
                Some(Ok(Some(a))) => self.screens.open_achievement_form(AchievementForm::edit(
                    id,
                    AchievementDraft::from(&a.data),
                )),
                Some(Ok(None)) => self.failed(&StoreError::NotFound),
                Some(Err(e)) => self.failed(&e),
                None => {}
            },
            Command::SaveAchievement { id, draft } => {
                match self.save(|s| s.save_achievement(id, &draft)) {
                    Saved::Yes(id) => self.screens.reopen(Screen::Achievement(id)),
                    Saved::Refused(errors) => self.deliver(Event::AchievementRefused(errors)),
                    Saved::Failed => {}
                }
            }
            Command::DeleteAchievement(id) => {
                let a = self
                    .store()
                    .and_then(|s| s.get_achievement(id).ok().flatten());
                let title = a.map(|a| a.data.title).unwrap_or_default();
                let done = fill(tr.moved_to_trash, &[("name", &title)]);
                if self.write_then(&done, |s| s.delete_achievement(id)) {
                    self.screens.navigate(Screen::Achievements);
                }
            }
            Command::ShowAchievementsOf(client) => {
                self.screens.achievements.show_client(client);
                self.screens.navigate(Screen::Achievements);
            }
            Command::NewNeed { enterprise } => {
                self.screens.open_need_form(NeedForm::new(enterprise));
            }
            Command::EditNeed(id) => match self.store().map(|s| s.get_need(id)) {
                Some(Ok(Some(n))) => self
                    .screens
                    .open_need_form(NeedForm::edit(id, NeedDraft::from(&n.data))),
                Some(Ok(None)) => self.failed(&StoreError::NotFound),
                Some(Err(e)) => self.failed(&e),
                None => {}
            },
            Command::SaveNeed { id, draft } => match self.save(|s| s.save_need(id, &draft)) {
                Saved::Yes(id) => self.screens.reopen(Screen::Need(id)),
                Saved::Refused(errors) => self.deliver(Event::NeedRefused(errors)),
                Saved::Failed => {}
            },
            Command::DeleteNeed(id) => {
                let n = self.store().and_then(|s| s.get_need(id).ok().flatten());
                let title = n.map(|n| n.data.title).unwrap_or_default();
                let done = fill(tr.moved_to_trash, &[("name", &title)]);
                if self.write_then(&done, |s| s.delete_need(id)) {
                    self.screens.navigate(Screen::Needs);
                }
            }
            Command::ShowNeedsOf(client) => {
                self.screens.needs.show_client(client);
                self.screens.navigate(Screen::Needs);
            }
            Command::ShowList(preset) => self.screens.show_list(preset),
            Command::AddField(name) => {
                if let Some(Err(e)) = self.write(|s| s.add_field(&name)) {
                    self.failed(&e);
                }
            }

            // Matching.
            Command::FindMatches(subject) => {
                self.screens.matching.open(subject);
                self.screens.navigate(Screen::Matching);
            }
            Command::Decide(input) => match self.write(|s| s.decide(&input)) {
                Some(Ok(Decided::Recorded(deal))) => {
                    self.info(decision_status(tr, input.decision, deal));
                }
                Some(Ok(Decided::Existing(deal))) => {
                    self.screens.navigate(Screen::Deal(deal));
                    self.info(fill(tr.accepted_existing, &[("id", &deal)]));
                }
                Some(Err(e)) => self.failed(&e),
                None => {}
            },
            Command::SaveWeights(weights) => {
                self.write_then(tr.weights_saved, |s| s.save_match_weights(&weights));
            }
            Command::AddSynonym(draft) => match self.save(|s| s.add_synonym(&draft)) {
                Saved::Yes(_) => {
                    let (term, other) = (draft.term.trim(), draft.other.trim());
                    self.info(fill(
                        tr.synonym_added,
                        &[("term", &term), ("other", &other)],
                    ));
                    self.deliver(Event::SynonymAdded);
                }
                Saved::Refused(errors) => self.deliver(Event::SynonymRefused(errors)),
                Saved::Failed => {}
            },
            Command::Maturation(m) => self.apply_maturation(m),
            Command::ExportStats(format) => self.export_stats(format),
            Command::ExportInstitution(format) => self.export_institution(format),
            Command::Documents(d) => self.apply_documents(d),
            Command::RemoveSynonym(id) => {
                let pair = self
                    .store()
                    .and_then(|s| s.thesaurus().ok())
                    .and_then(|pairs| pairs.into_iter().find(|s| s.id == id));
                let (term, other) = pair.map(|s| (s.term, s.other)).unwrap_or_default();
                let done = fill(tr.synonym_removed, &[("term", &term), ("other", &other)]);
                self.write_then(&done, |s| s.remove_synonym(id));
            }
            Command::ExportShortlist(need) => {
                if let Database::Open(session) = &self.db
                    && let Some(path) = self.picker.save_file(tr.shortlist_file, FileType::Csv)
                {
                    self.status = Some(export_shortlist(session, need, &path, tr));
                }
            }

            // Deals.
            Command::MoveDeal {
                id,
                stage,
                lost_reason,
            } => match self.write(|s| s.move_deal(id, stage, &lost_reason)) {
                Some(Ok(())) => {
                    self.info(fill(tr.stage_moved, &[("stage", &tr.deal_stage(stage))]));
                    self.deliver(Event::DealMoved(id));
                }
                Some(Err(MoveError::Missing(missing))) => {
                    let message = if missing.contains(&Missing::LostReason) {
                        tr.lost_needs_reason
                    } else {
                        tr.signing_needs
                    };
                    self.error(message);
                    self.deliver(Event::DealMoveRefused(id, missing));
                }
                Some(Err(MoveError::Store(e))) => self.failed(&e),
                None => {}
            },
            Command::SaveDealTerms { id, draft } => {
                match self.save(|s| s.save_deal_terms(id, &draft)) {
                    Saved::Yes(()) => self.deliver(Event::DealTermsSaved(id)),
                    Saved::Refused(errors) => self.deliver(Event::DealTermsRefused(id, errors)),
                    Saved::Failed => {}
                }
            }
            Command::Team(cmd) => self.apply_team(cmd),
            Command::SaveRights { id, draft } => match self.save(|s| s.save_rights(id, &draft)) {
                Saved::Yes(()) => self.deliver(Event::RightsSaved(id)),
                Saved::Refused(errors) => self.deliver(Event::RightsRefused(id, errors)),
                Saved::Failed => {}
            },
            Command::SignDeal { id, stage, draft } => {
                match self.save(|s| s.sign_deal(id, stage, &draft)) {
                    Saved::Yes(()) => {
                        self.info(fill(tr.stage_moved, &[("stage", &tr.deal_stage(stage))]));
                        self.deliver(Event::DealMoved(id));
                    }
                    Saved::Refused(errors) => self.deliver(Event::DealSignRefused(id, errors)),
                    Saved::Failed => {}
                }
            }
            Command::NewDeal => self.screens.open_new_deal(),
            Command::CreateDeal(draft) => match self.save(|s| s.create_deal(&draft)) {
                Saved::Yes(id) => {
                    self.info(fill(tr.deal_created, &[("title", &draft.title.trim())]));
                    self.deliver(Event::DealCreated(id));
                    self.screens.navigate(Screen::Deal(id));
                }
                Saved::Refused(errors) => self.deliver(Event::NewDealRefused(errors)),
                Saved::Failed => {}
            },
            Command::DeleteDeal(id) => {
                let deal = self.store().and_then(|s| s.get_deal(id).ok().flatten());
                let title = deal.map(|d| d.terms.title).unwrap_or_default();
                let done = fill(tr.moved_to_trash, &[("name", &title)]);
                if self.write_then(&done, |s| s.delete_deal(id)) {
                    self.screens.navigate(Screen::Deals);
                }
            }
            Command::AddInstalments { deal, items } => {
                self.write_then(tr.saved, |s| s.add_instalments(deal, &items));
            }
            Command::RemoveInstalment(id) => {
                self.write_then(tr.payment_to_trash, |s| s.remove_instalment(id));
            }
            Command::RemoveReceipt(id) => {
                self.write_then(tr.payment_to_trash, |s| s.remove_receipt(id));
            }
            Command::AddReceipt { deal, receipt } => {
                self.write_then(tr.saved, |s| s.add_receipt(deal, &receipt));
            }
            Command::EditReceipt { id, receipt } => {
                self.write_then(tr.saved, |s| s.update_receipt(id, &receipt));
            }
            Command::SetTrial { deal, trial } => {
                self.write_then(tr.saved, |s| s.set_trial(deal, &trial));
            }
            Command::RecordRegistration { id, registration } => {
                self.write_then(tr.saved, |s| s.record_registration(id, &registration));
            }
            Command::SetRegistrationRule(rule) => {
                self.write_then(tr.saved, |s| s.set_registration_rule(rule));
            }

            // Lists and reports out.
            Command::ExportList(kind, format) => self.export_list(kind, format),
            Command::ExportReport(format) => self.export_report(format),

            // Import.
            Command::StartImport(kind) => {
                if !self.screens.import.is_busy() {
                    self.screens.import.reset(kind);
                }
                self.screens.navigate(Screen::Import);
                if kind.is_some() {
                    self.apply(Command::ImportPickFile);
                }
            }
            Command::ImportPickFile => match self.picker.open_file(FileType::Importable) {
                Some(path) => self.apply(Command::ImportOpen(path)),
                None => self.say_if_no_dialog(),
            },
            Command::ImportOpen(path) => {
                self.screens.navigate(Screen::Import);
                if !self.screens.import.is_busy()
                    && let Some(worker) = self.import_worker()
                {
                    self.screens.import.open_file(&path, worker);
                }
            }
            Command::ImportReload => {
                if let Some(worker) = self.import_worker() {
                    self.screens.import.reload(worker);
                }
            }
            Command::ImportSheet(sheet) => {
                if let Some(worker) = self.import_worker() {
                    self.screens.import.choose_sheet(sheet, worker);
                }
            }
            Command::ImportHeaderRow(row) => {
                if let Some(worker) = self.import_worker() {
                    self.screens.import.choose_header_row(row, worker);
                }
            }
            Command::ImportCheck => {
                if let Some(worker) = self.import_worker() {
                    self.screens.import.start_scan(worker);
                }
            }
            Command::ImportCommit => {
                if let Some(db) = self.store().map(|s| s.path().to_path_buf()) {
                    self.screens.import.start_commit(db, &self.workers);
                }
            }
            Command::ImportReset => self.screens.import.reset(None),
            Command::ImportSaveMapping => {
                if let Some((layout, json)) = self.screens.import.mapping_to_save() {
                    self.write_then(tr.im_mapping_saved, |s| s.save_mapping(&layout, &json));
                }
            }
            Command::ImportSaveRejected => {
                if let Some((mapping, rows)) = self.screens.import.rejected()
                    && let Some(path) = self.picker.save_file(tr.im_rejected_file, FileType::Csv)
                {
                    let written = write_rejected(&path, mapping, rows, tr);
                    self.status = Some(write_status(written, &path, tr));
                }
            }
            Command::ImportWritten => {
                // The import wrote through its own connection: the session follows it as a
                // write made elsewhere, and the import screen keeps its summary.
                if let Some(text) = self.screens.import.summary_text(tr) {
                    self.info(text);
                }
            }
        }
    }

    /// A dialog that could not be shown says why, where a cancelled one says nothing.
    fn say_if_no_dialog(&mut self) {
        if self.picker.had_no_dialog() {
            let tr = self.tr();
            self.error(tr.no_file_dialog);
        }
    }

    fn export_list(&mut self, kind: ListKind, format: FileType) {
        let tr = self.tr();
        let name = match kind {
            ListKind::Clients => tr.file_clients,
            ListKind::Achievements => tr.file_achievements,
            ListKind::Needs => tr.file_needs,
            ListKind::Deals => tr.file_deals,
        };
        let Database::Open(session) = &self.db else {
            return;
        };
        if self.export.is_some() {
            return;
        }
        let Some(path) = self.picker.save_file(name, format) else {
            return;
        };
        match export_work(&self.screens, session, kind, format, tr) {
            Ok(work) => {
                let to = path.clone();
                let job = self.workers.start(move |_, _| work.write(&to));
                self.info(fill(tr.exporting, &[("path", &path.display())]));
                self.export = Some((job, path));
            }
            Err(e) => self.status = Some(write_status(Err(e), &path, tr)),
        }
    }

    fn export_report(&mut self, format: FileType) {
        let tr = self.tr();
        let Database::Open(session) = &mut self.db else {
            return;
        };
        let Some(report) = self.screens.report.report(session.store(), today()) else {
            return;
        };
        let name = format!("{}-{}", tr.rp_file, period_name(report.from, report.to));
        let Some(path) = self.picker.save_file(&name, format) else {
            return;
        };
        let written = write_report(report, format, &path, tr);
        // A class's exercise asks for this month's report; only a sandbox records that it
        // was exported.
        let this_month = (report.from..=report.to).contains(&today());
        if written.is_ok() && this_month {
            let (noted, _) = session.write(&self.workers, Store::note_report_exported);
            if let Err(e) = noted {
                self.failed(&e);
                return;
            }
        }
        self.status = Some(write_status(written, &path, tr));
    }
}

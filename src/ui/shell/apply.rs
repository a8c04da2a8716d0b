//! Applies the commands that read or write the open database, and keeps the catalogues and the
//! screens in step with what was written.

use crate::ui::command::FileType;
use crate::ui::command::{Command, ListKind, ListPreset, LogFor, Screen};
use crate::ui::screens::achievement_form::AchievementForm;
use crate::ui::screens::client_form::ClientForm;
use crate::ui::screens::need_form::NeedForm;
use crate::ui::shell::app::{Session, Status};
use crate::ui::shell::screens::{Screens, today};
use crate::ui::widgets::interaction_log::InteractionForm;
use std::path::{Path, PathBuf};

use crate::domain::deal::Missing;
use crate::domain::{AchievementDraft, ClientDraft, NeedDraft, NeedId};
use crate::i18n::{Tr, fill};
use crate::io::csv_out::write_csv;
use crate::io::import::ImportKind;
use crate::io::import::json::write_json;
use crate::io::safe_file::WouldOverwriteDatabase;
use crate::io::tables::{Table, TableFormat};
use crate::report::DealReport;
use crate::store::{MoveError, SaveError, Store, StoreError, TrashKind, missing_as_errors};
use crate::ui::screens::matching::decision_status;

/// The status line for a store error, in the UI language.
fn store_error(e: StoreError, tr: &Tr) -> Option<Status> {
    Some(Status::Error(match e {
        StoreError::NotFound => tr.not_found.to_string(),
        StoreError::NameTaken(name) => fill(tr.name_taken, &[("name", &name)]),
        StoreError::CreditCodeTaken(code) => fill(tr.credit_code_taken, &[("code", &code)]),
        StoreError::Sqlite(e) => fill(tr.db_error, &[("detail", &e)]),
        StoreError::Io(e) => fill(tr.db_error, &[("detail", &e)]),
        StoreError::InUse => tr.purge_in_use.to_string(),
        StoreError::NotEmpty(n) => fill(tr.gen_not_empty, &[("n", &n)]),
    }))
}

fn saved(tr: &Tr) -> Option<Status> {
    Some(Status::Info(tr.saved.to_string()))
}

fn moved_to_trash(name: &str, tr: &Tr) -> Option<Status> {
    Some(Status::Info(fill(tr.moved_to_trash, &[("name", &name)])))
}

/// Applies `cmd`; returns the status line to show, if it changes.
pub fn apply_to_session(
    session: &mut Session,
    screens: &mut Screens,
    cmd: Command,
    tr: &Tr,
) -> Option<Status> {
    let Session {
        store,
        catalogs,
        fields,
        ..
    } = session;
    match cmd {
        Command::Navigate(screen) => {
            screens.navigate(screen);
            None
        }
        Command::NewClient => {
            screens.client_form = ClientForm::new_client();
            screens.navigate(Screen::ClientForm);
            None
        }
        Command::EditClient(id) => match store.get_client(id) {
            Ok(Some(client)) => {
                screens.client_form = ClientForm::edit(id, ClientDraft::from(&client));
                screens.navigate(Screen::ClientForm);
                None
            }
            Ok(None) => store_error(StoreError::NotFound, tr),
            Err(e) => store_error(e, tr),
        },
        Command::SaveClient { id, draft } => match store.save_client(id, &draft) {
            Ok(saved_id) => {
                // A rename shows in its records; a new enterprise joins the matching profiles.
                catalogs.client_changed(store, saved_id);
                screens.client = None;
                screens.navigate(Screen::Client(saved_id));
                saved(tr)
            }
            Err(SaveError::Invalid(errors)) => {
                screens.client_form.errors = errors;
                None
            }
            Err(SaveError::Store(e)) => store_error(e, tr),
        },
        Command::DeleteClient(id) => {
            let name = store.get_client(id).ok().flatten().map(|c| c.name);
            match store.delete_client(id) {
                Ok(()) => {
                    catalogs.client_changed(store, id);
                    screens.navigate(Screen::Clients);
                    moved_to_trash(&name.unwrap_or_default(), tr)
                }
                Err(e) => store_error(e, tr),
            }
        }
        Command::Restore(kind, id) => match store.restore(kind, id) {
            Ok(()) => {
                match kind {
                    TrashKind::Client => catalogs.client_changed(store, id),
                    TrashKind::Achievement => catalogs.achievement_changed(store, id),
                    TrashKind::Need => catalogs.need_changed(store, id),
                    TrashKind::Contact | TrashKind::Instalment | TrashKind::Receipt => {}
                }
                Some(Status::Info(tr.restored.to_string()))
            }
            Err(e) => store_error(e, tr),
        },
        Command::Purge(kind, id) => {
            screens.trash.confirm = None;
            match store.purge(kind, id) {
                Ok(()) => Some(Status::Info(tr.purged.to_string())),
                Err(e) => store_error(e, tr),
            }
        }
        Command::EmptyTrash => {
            screens.trash.confirm = None;
            match store.empty_trash() {
                Ok((gone, 0)) => Some(Status::Info(fill(tr.trash_emptied, &[("n", &gone)]))),
                Ok((gone, kept)) => Some(Status::Info(fill(
                    tr.trash_emptied_kept,
                    &[("n", &gone), ("kept", &kept)],
                ))),
                Err(e) => store_error(e, tr),
            }
        }
        Command::SaveContact { client, id, draft } => {
            match store.save_contact(client, id, &draft) {
                Ok(_) => {
                    if let Some(d) = &mut screens.client {
                        d.contact_form = None;
                    }
                    saved(tr)
                }
                Err(SaveError::Invalid(errors)) => {
                    if let Some(form) = screens
                        .client
                        .as_mut()
                        .and_then(|d| d.contact_form.as_mut())
                    {
                        form.errors = errors;
                    }
                    None
                }
                Err(SaveError::Store(e)) => store_error(e, tr),
            }
        }
        Command::DeleteContact(id) => match store.delete_contact(id) {
            Ok(()) => moved_to_trash(tr.trash_contact, tr),
            Err(e) => store_error(e, tr),
        },
        Command::AddInteraction { target, draft } => {
            let added = match target {
                LogFor::Client(client) => store.add_interaction(client, &draft),
                LogFor::Deal(deal) => store.add_deal_interaction(deal, &draft),
            };
            let form = match target {
                LogFor::Client(_) => screens.client.as_mut().map(|d| &mut d.interaction_form),
                LogFor::Deal(_) => screens.deal.as_mut().map(|d| &mut d.interaction_form),
            };
            match added {
                Ok(_) => {
                    if let Some(form) = form {
                        *form = InteractionForm::new(today());
                    }
                    saved(tr)
                }
                Err(SaveError::Invalid(errors)) => {
                    if let Some(form) = form {
                        form.errors = errors;
                    }
                    None
                }
                Err(SaveError::Store(e)) => store_error(e, tr),
            }
        }
        Command::CompleteFollowUp(id) => match store.complete_follow_up(id) {
            Ok(()) => Some(Status::Info(tr.marked_done.to_string())),
            Err(e) => store_error(e, tr),
        },
        Command::NewAchievement { owner } => {
            screens.achievement_form = AchievementForm::new(owner);
            screens.navigate(Screen::AchievementForm);
            None
        }
        Command::EditAchievement(id) => match store.get_achievement(id) {
            Ok(Some(a)) => {
                screens.achievement_form =
                    AchievementForm::edit(id, AchievementDraft::from(&a.data));
                screens.navigate(Screen::AchievementForm);
                None
            }
            Ok(None) => store_error(StoreError::NotFound, tr),
            Err(e) => store_error(e, tr),
        },
        Command::SaveAchievement { id, draft } => match store.save_achievement(id, &draft) {
            Ok(saved_id) => {
                catalogs.achievement_changed(store, saved_id);
                screens.achievement = None;
                screens.navigate(Screen::Achievement(saved_id));
                saved(tr)
            }
            Err(SaveError::Invalid(errors)) => {
                screens.achievement_form.errors = errors;
                None
            }
            Err(SaveError::Store(e)) => store_error(e, tr),
        },
        Command::DeleteAchievement(id) => {
            let title = store
                .get_achievement(id)
                .ok()
                .flatten()
                .map(|a| a.data.title);
            match store.delete_achievement(id) {
                Ok(()) => {
                    catalogs.achievement_changed(store, id);
                    screens.navigate(Screen::Achievements);
                    moved_to_trash(&title.unwrap_or_default(), tr)
                }
                Err(e) => store_error(e, tr),
            }
        }
        Command::ShowAchievementsOf(client) => {
            screens.achievements.show_owner(client);
            screens.navigate(Screen::Achievements);
            None
        }
        Command::NewNeed { enterprise } => {
            screens.need_form = NeedForm::new(enterprise);
            screens.navigate(Screen::NeedForm);
            None
        }
        Command::EditNeed(id) => match store.get_need(id) {
            Ok(Some(n)) => {
                screens.need_form = NeedForm::edit(id, NeedDraft::from(&n.data));
                screens.navigate(Screen::NeedForm);
                None
            }
            Ok(None) => store_error(StoreError::NotFound, tr),
            Err(e) => store_error(e, tr),
        },
        Command::SaveNeed { id, draft } => match store.save_need(id, &draft) {
            Ok(saved_id) => {
                catalogs.need_changed(store, saved_id);
                screens.need = None;
                screens.navigate(Screen::Need(saved_id));
                saved(tr)
            }
            Err(SaveError::Invalid(errors)) => {
                screens.need_form.errors = errors;
                None
            }
            Err(SaveError::Store(e)) => store_error(e, tr),
        },
        Command::DeleteNeed(id) => {
            let title = store.get_need(id).ok().flatten().map(|n| n.data.title);
            match store.delete_need(id) {
                Ok(()) => {
                    catalogs.need_changed(store, id);
                    screens.navigate(Screen::Needs);
                    moved_to_trash(&title.unwrap_or_default(), tr)
                }
                Err(e) => store_error(e, tr),
            }
        }
        Command::ShowNeedsOf(client) => {
            screens.needs.show_enterprise(client);
            screens.navigate(Screen::Needs);
            None
        }
        Command::ShowList(preset) => {
            let screen = match preset {
                ListPreset::Achievements(filter) => {
                    screens.achievements.show_filter(filter);
                    Screen::Achievements
                }
                ListPreset::Needs(filter) => {
                    screens.needs.show_filter(filter);
                    Screen::Needs
                }
                ListPreset::Deals(filter) => {
                    screens.deals.show_filter(filter);
                    Screen::Deals
                }
            };
            screens.navigate(screen);
            None
        }
        Command::FindMatches(subject) => {
            screens.matching.open(subject);
            screens.navigate(Screen::Matching);
            None
        }
        Command::Decide(input) => match store.record_decision(&input) {
            Ok(deal) => {
                if let Some(need) = input.need {
                    catalogs.need_changed(store, need);
                }
                Some(Status::Info(decision_status(tr, input.decision, deal)))
            }
            Err(e) => store_error(e, tr),
        },
        Command::ImportSaveMapping => {
            let (layout, json) = screens.import.mapping_to_save()?;
            match store.save_mapping(&layout, &json) {
                Ok(()) => Some(Status::Info(tr.im_mapping_saved.to_string())),
                Err(e) => store_error(e, tr),
            }
        }
        Command::SaveWeights(weights) => match store.save_match_weights(&weights) {
            Ok(()) => Some(Status::Info(tr.weights_saved.to_string())),
            Err(e) => store_error(e, tr),
        },
        Command::AddSynonym(draft) => match store.add_synonym(&draft) {
            Ok(_) => {
                catalogs.thesaurus_changed(store);
                screens.matching.synonym_saved();
                let (term, other) = (draft.term.trim(), draft.other.trim());
                Some(Status::Info(fill(
                    tr.synonym_added,
                    &[("term", &term), ("other", &other)],
                )))
            }
            Err(SaveError::Invalid(errors)) => {
                screens.matching.synonym_refused(errors);
                None
            }
            Err(SaveError::Store(e)) => store_error(e, tr),
        },
        Command::RemoveSynonym(id) => {
            let pair = store
                .thesaurus()
                .ok()
                .and_then(|pairs| pairs.into_iter().find(|s| s.id == id));
            match store.remove_synonym(id) {
                Ok(()) => {
                    catalogs.thesaurus_changed(store);
                    let (term, other) = pair.map(|s| (s.term, s.other)).unwrap_or_default();
                    Some(Status::Info(fill(
                        tr.synonym_removed,
                        &[("term", &term), ("other", &other)],
                    )))
                }
                Err(e) => store_error(e, tr),
            }
        }
        Command::MoveDeal {
            id,
            stage,
            lost_reason,
        } => match store.move_deal(id, stage, &lost_reason) {
            Ok(()) => {
                if let Some(d) = screens.deal.as_mut().filter(|d| d.id == id) {
                    d.move_refused = false;
                }
                let moved = fill(tr.stage_moved, &[("stage", &tr.deal_stage(stage))]);
                Some(Status::Info(moved))
            }
            Err(MoveError::Missing(missing)) => {
                let lost = missing.contains(&Missing::LostReason);
                if let Some(d) = screens.deal.as_mut().filter(|d| d.id == id) {
                    d.move_refused = !lost;
                    d.errors = missing_as_errors(&missing);
                }
                let message = if lost {
                    tr.lost_needs_reason
                } else {
                    tr.signing_needs
                };
                Some(Status::Error(message.to_string()))
            }
            Err(MoveError::Store(e)) => store_error(e, tr),
        },
        Command::SaveDealTerms { id, draft } => match store.save_deal_terms(id, &draft) {
            Ok(()) => {
                if let Some(d) = &mut screens.deal {
                    d.errors = crate::domain::FieldErrors::new();
                }
                saved(tr)
            }
            Err(SaveError::Invalid(errors)) => {
                if let Some(d) = &mut screens.deal {
                    d.errors = errors;
                }
                None
            }
            Err(SaveError::Store(e)) => store_error(e, tr),
        },
        Command::AddInstalments { deal, items } => match store.add_instalments(deal, &items) {
            Ok(()) => saved(tr),
            Err(e) => store_error(e, tr),
        },
        Command::RemoveInstalment(id) => match store.remove_instalment(id) {
            Ok(()) => Some(Status::Info(tr.payment_to_trash.to_string())),
            Err(e) => store_error(e, tr),
        },
        Command::RemoveReceipt(id) => match store.remove_receipt(id) {
            Ok(()) => Some(Status::Info(tr.payment_to_trash.to_string())),
            Err(e) => store_error(e, tr),
        },
        Command::AddReceipt { deal, receipt } => match store.add_receipt(deal, &receipt) {
            Ok(()) => saved(tr),
            Err(e) => store_error(e, tr),
        },
        Command::SetTrial { deal, trial } => match store.set_trial(deal, &trial) {
            Ok(()) => saved(tr),
            Err(e) => store_error(e, tr),
        },
        Command::RecordRegistration { id, registration } => {
            match store.record_registration(id, &registration) {
                Ok(()) => saved(tr),
                Err(e) => store_error(e, tr),
            }
        }
        Command::SetRegistrationRule(rule) => match store.set_registration_rule(rule) {
            Ok(()) => saved(tr),
            Err(e) => store_error(e, tr),
        },
        Command::AddField(name) => {
            match store.add_field(&name).and_then(|()| store.list_fields()) {
                Ok(list) => {
                    *fields = list;
                    None
                }
                Err(e) => store_error(e, tr),
            }
        }
        Command::SetLanguage(_)
        | Command::NewDatabase
        | Command::OpenDatabase
        | Command::OpenDatabaseAt(_)
        | Command::OpenReadOnly(_)
        | Command::ShowBackups
        | Command::RestoreBackup(_)
        | Command::StartSandbox
        | Command::ResetSandbox
        | Command::LeaveSandbox
        | Command::ExportTrainingProgress { .. }
        | Command::ExportShortlist(_)
        | Command::ExportList(..)
        | Command::StartImport(_)
        | Command::ImportPickFile
        | Command::ImportOpen(_)
        | Command::ImportReload
        | Command::ImportSheet(_)
        | Command::ImportHeaderRow(_)
        | Command::ImportCheck
        | Command::ImportCommit
        | Command::ImportReset
        | Command::ImportSaveRejected
        | Command::ImportWritten
        | Command::ExportReport(_) => None,
    }
}

/// Writes the shortlist of `need` to `path` as CSV; the status line says how it went.
pub fn export_shortlist(session: &Session, need: NeedId, path: &Path, tr: &Tr) -> Status {
    let rows = match shortlist_rows(&session.store, need, tr) {
        Ok(rows) if rows.is_empty() => return Status::Error(tr.shortlist_empty.to_string()),
        Ok(rows) => rows,
        Err(e) => return Status::Error(fill(tr.db_error, &[("detail", &e)])),
    };
    let header = [
        tr.a_title,
        tr.a_owner,
        tr.a_field,
        tr.col_trl,
        tr.a_stage,
        tr.col_price,
        tr.a_modes,
        tr.col_score,
        tr.keywords,
    ];
    write_status(write_csv(path, &header, &rows), path, tr)
}

/// The status line after writing a file.
pub fn write_status(result: anyhow::Result<()>, path: &Path, tr: &Tr) -> Status {
    match result {
        Ok(()) => Status::Info(fill(tr.exported, &[("path", &path.display())])),
        Err(e) if e.is::<WouldOverwriteDatabase>() => {
            Status::Error(fill(tr.ex_err_database, &[("path", &path.display())]))
        }
        Err(e) => Status::Error(fill(tr.export_failed, &[("detail", &format!("{e:#}"))])),
    }
}

fn shortlist_rows(store: &Store, need: NeedId, tr: &Tr) -> Result<Vec<Vec<String>>, StoreError> {
    let mut rows = Vec::new();
    for (id, score) in store.shortlist(need)? {
        let Some(a) = store.get_achievement(id)? else {
            continue;
        };
        let d = a.data;
        let modes: Vec<&str> = d
            .transfer_modes
            .iter()
            .map(|m| tr.transfer_mode(m))
            .collect();
        rows.push(vec![
            d.title,
            a.owner_name,
            d.field,
            d.trl.to_string(),
            tr.stage(d.stage).to_string(),
            tr.price_wan(d.price),
            modes.join("、"),
            format!("{score:.0}"),
            d.keywords.join("、"),
        ]);
    }
    Ok(rows)
}

/// What a list export writes, gathered from the screen at once so that the writing, which takes
/// seconds for 100,000 rows, can run on a worker.
pub enum ExportWork {
    Table(Table, TableFormat),
    /// Full records, read through a connection of the worker's own.
    Json {
        db: PathBuf,
        kind: ImportKind,
        ids: Vec<i64>,
    },
}

impl ExportWork {
    pub fn write(self, path: &Path) -> anyhow::Result<()> {
        match self {
            ExportWork::Table(table, format) => table.write(path, format),
            ExportWork::Json { db, kind, ids } => {
                let store = Store::open(&db).map_err(|e| anyhow::anyhow!("{e}"))?;
                write_json(&store, kind, &ids, path).map(|_| ())
            }
        }
    }
}

/// A list as shown: CSV or Excel from the screen's table, JSON as full records.
pub fn export_work(
    screens: &Screens,
    session: &Session,
    list: ListKind,
    format: FileType,
    tr: &Tr,
) -> anyhow::Result<ExportWork> {
    let catalogs = &session.catalogs;
    if format == FileType::Json {
        let (kind, ids) = match list {
            ListKind::Clients => (ImportKind::Clients, screens.clients.shown_ids()),
            ListKind::Achievements => (
                ImportKind::Achievements,
                screens.achievements.shown_ids(catalogs),
            ),
            ListKind::Needs => (ImportKind::Needs, screens.needs.shown_ids(catalogs)),
            ListKind::Deals => anyhow::bail!("deals are exported as CSV or Excel"),
        };
        let db = session.store.path().to_path_buf();
        return Ok(ExportWork::Json { db, kind, ids });
    }
    let table = match list {
        ListKind::Clients => screens.clients.export(tr),
        ListKind::Achievements => screens.achievements.export(catalogs, tr),
        ListKind::Needs => screens.needs.export(catalogs, tr),
        ListKind::Deals => screens.deals.export(tr),
    };
    let format = if format == FileType::Xlsx {
        TableFormat::Xlsx
    } else {
        TableFormat::Csv
    };
    Ok(ExportWork::Table(table, format))
}

/// Writes a report as a workbook, or as a page that prints cleanly.
pub fn write_report(
    report: &DealReport,
    format: FileType,
    path: &Path,
    tr: &Tr,
) -> anyhow::Result<()> {
    if format == FileType::Xlsx {
        crate::report::write_xlsx(report, tr, path)
    } else {
        crate::report::write_html(report, tr, path)
    }
}

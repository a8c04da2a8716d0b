//! Carriers' profiles, maturation projects and the transfer statistics: their commands applied.

use super::Saved;
use crate::i18n::fill;
use crate::report::transfer_out::{write_transfer_html, write_transfer_xlsx};
use crate::ui::command::{FileType, MaturationCommand, Screen};
use crate::ui::screens::report::period_name;
use crate::ui::shell::app::{Database, TechBrokerApp};
use crate::ui::shell::export::write_status;
use crate::ui::view::Event;
use crate::ui::widgets::today;

impl TechBrokerApp {
    pub(super) fn apply_maturation(&mut self, cmd: MaturationCommand) {
        let tr = self.tr();
        match cmd {
            MaturationCommand::Start(draft) => {
                self.screens.projects.start(draft);
                self.screens.navigate(Screen::Projects);
            }
            MaturationCommand::Save { id, draft } => {
                let saved = self.save(|s| match id {
                    Some(id) => s.update_project(id, &draft).map(|()| id),
                    None => s.create_project(&draft),
                });
                match saved {
                    Saved::Yes(_) => self.deliver(Event::ProjectSaved),
                    Saved::Refused(errors) => self.deliver(Event::ProjectRefused(errors)),
                    Saved::Failed => {}
                }
            }
            MaturationCommand::End { id, outcome } => {
                match self.write(|s| s.end_project(id, outcome, today())) {
                    Some(Ok(ended)) => {
                        let mut text = fill(tr.pj_ended, &[("outcome", &tr.outcome(outcome))]);
                        if let Some((trl, stage)) = ended.maturity {
                            text.push_str(tr.sentence_separator);
                            text.push_str(&fill(
                                tr.pj_matured,
                                &[("trl", &trl), ("stage", &tr.stage(stage))],
                            ));
                        }
                        if ended.waiting_need.is_some() {
                            text.push_str(tr.sentence_separator);
                            text.push_str(tr.pj_need_waiting);
                        }
                        self.info(text);
                    }
                    Some(Err(e)) => self.failed(&e),
                    None => {}
                }
            }
            MaturationCommand::SaveCarrier {
                organisation,
                draft,
            } => match draft.validate() {
                Err(errors) => self.deliver(Event::CarrierRefused(organisation, errors)),
                Ok(profile) => match self.write(|s| s.save_carrier(organisation, &profile)) {
                    Some(Ok(())) => {
                        self.info(tr.carrier_saved);
                        self.deliver(Event::CarrierSaved(organisation));
                    }
                    Some(Err(e)) => self.failed(&e),
                    None => {}
                },
            },
        }
    }

    pub(super) fn export_stats(&mut self, format: FileType) {
        let tr = self.tr();
        let Database::Open(session) = &mut self.db else {
            return;
        };
        let (from, to) = self.screens.report.bounds(today());
        let stats = match self.screens.report.stats.stats(session.store(), from, to) {
            Ok(stats) => stats.clone(),
            Err(e) => return self.failed(&e),
        };
        let name = format!("{}-{}", tr.ts_title, period_name(from, to));
        let Some(path) = self.picker.save_file(&name, format) else {
            return;
        };
        let written = if format == FileType::Xlsx {
            write_transfer_xlsx(&stats, tr, &path)
        } else {
            write_transfer_html(&stats, tr, &path)
        };
        self.status = Some(write_status(written, &path, tr));
    }
}

//! Carriers' profiles and maturation projects: their commands applied.

use super::Saved;
use crate::i18n::fill;
use crate::ui::command::{MaturationCommand, Screen};
use crate::ui::shell::app::TechBrokerApp;
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
}

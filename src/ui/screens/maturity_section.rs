//! On an achievement's page: the maturation projects it went through and how its maturity
//! moved (a project gone to production raises its TRL and stage).

use egui::{RichText, Ui};

use crate::domain::AchievementId;
use crate::i18n::{Tr, fill};
use crate::store::{MaturityChange, ProjectRow, Store};
use crate::ui::command::{Command, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::widgets::{fmt_date, read_error};

#[derive(Default)]
pub struct MaturitySection {
    data: Reloaded<(u64, AchievementId), (Vec<ProjectRow>, Vec<MaturityChange>)>,
}

impl MaturitySection {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        achievement: AchievementId,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        self.data.refresh((store.revision(), achievement), || {
            Ok((
                store.projects_of(achievement)?,
                store.maturity_history(achievement)?,
            ))
        });
        read_error(ui, tr, self.data.error());
        let Some((projects, history)) = self.data.get() else {
            return;
        };
        if projects.is_empty() && history.is_empty() {
            return;
        }
        ui.add_space(8.0);
        ui.strong(tr.maturity_history);
        for p in projects {
            ui.horizontal_wrapped(|ui| {
                if ui.link(&p.project.title).clicked() {
                    cmds.push(Command::Navigate(Screen::Projects));
                }
                let status = p.project.outcome.map_or(tr.pj_running, |o| tr.outcome(o));
                ui.label(
                    RichText::new(format!(
                        "{} · {} · {}",
                        tr.project_kind(p.project.kind),
                        p.carrier_name,
                        status
                    ))
                    .weak(),
                );
            });
        }
        for change in history {
            let day = change.at.with_timezone(&chrono::Local).date_naive();
            ui.label(fill(
                tr.maturity_change,
                &[
                    ("date", &fmt_date(day)),
                    ("trl", &change.before.0),
                    ("stage", &tr.stage(change.before.1)),
                    ("new_trl", &change.after.0),
                    ("new_stage", &tr.stage(change.after.1)),
                ],
            ));
        }
    }
}

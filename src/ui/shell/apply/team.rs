//! The team's commands applied: the join dialog, a join or a sync round on a worker, settling
//! a conflict.

use crate::ui::command::TeamCommand;
use crate::ui::shell::app::TechBrokerApp;

impl TechBrokerApp {
    pub(super) fn apply_team(&mut self, cmd: TeamCommand) {
        let tr = self.tr();
        let Some(db) = self.store().map(|s| s.path().to_path_buf()) else {
            return;
        };
        match cmd {
            TeamCommand::OpenJoin | TeamCommand::Join { .. } if self.in_sandbox() => {
                self.error(tr.team_not_in_sandbox);
            }
            TeamCommand::OpenJoin => self.team.open_join(),
            TeamCommand::Join {
                server,
                user,
                password,
            } => self
                .team
                .start_join(db, server, user, password, &self.workers),
            TeamCommand::Sync => self.team.start_sync(db, None, &self.workers),
            TeamCommand::SyncWith(password) => {
                self.team.start_sync(db, Some(password), &self.workers)
            }
            TeamCommand::Resolve { id, resolution } => {
                self.write_then(tr.team_resolved, |s| s.resolve_conflict(id, resolution));
            }
        }
    }
}

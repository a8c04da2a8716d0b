//! Working as a team, in the UI language: why a join or a sync failed, roles, conflict kinds.

use super::{Tr, fill};
use crate::domain::team::{ConflictKind, Role};
use crate::store::team::{ServerError, TeamError};

impl Tr {
    pub fn team_error(&self, error: &TeamError) -> String {
        match error {
            TeamError::Server(e) => self.server_error(e),
            TeamError::Store(e) => fill(self.team_err_store, &[("detail", e)]),
            TeamError::NotJoined => self.team_err_not_joined.to_string(),
            TeamError::AlreadyJoined(server) => {
                fill(self.team_err_already_joined, &[("server", server)])
            }
            TeamError::Interrupted => self.team_err_interrupted.to_string(),
        }
    }

    fn server_error(&self, error: &ServerError) -> String {
        match error {
            ServerError::Unreachable(d) => fill(self.team_err_unreachable, &[("detail", d)]),
            ServerError::WrongPassword => self.team_err_password.to_string(),
            ServerError::NotTechBroker => self.team_err_foreign.to_string(),
            ServerError::NewerSchema { server, ours } => {
                fill(self.team_err_newer, &[("server", server), ("ours", ours)])
            }
            ServerError::NotMember(user) => fill(self.team_err_not_member, &[("user", user)]),
            ServerError::AlreadyInitialised => self.team_err_initialised.to_string(),
            ServerError::BadName(name) => fill(self.team_err_bad_name, &[("name", name)]),
            ServerError::AlreadyMember(user) => {
                fill(self.team_err_already_member, &[("user", user)])
            }
            ServerError::NotAllowed(d) => fill(self.team_err_not_allowed, &[("detail", d)]),
            ServerError::BadUrl(d) => fill(self.team_err_bad_url, &[("detail", d)]),
            ServerError::Other(d) => fill(self.team_err_server, &[("detail", d)]),
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Broker => self.team_role_broker,
            Role::Manager => self.team_role_manager,
            Role::Admin => self.team_role_admin,
        }
    }

    pub fn conflict_kind(&self, kind: ConflictKind) -> &'static str {
        match kind {
            ConflictKind::Field => self.team_conflict_field,
            ConflictKind::DeleteVsEdit => self.team_conflict_delete_vs_edit,
            ConflictKind::EditOfDeleted => self.team_conflict_edit_of_deleted,
            ConflictKind::Waiting => self.team_conflict_waiting,
        }
    }
}

//! `techbroker team …` and `techbroker sync`: the team store's set-up and a sync round, through
//! the same services as the window. Passwords come from `TECHBROKER_PASSWORD` or a prompt that
//! does not echo, never from an argument.

use std::io::Write;

use anyhow::bail;

use crate::domain::team::{Conflict, Role};
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::store::team::{self, TeamError};

/// The environment variable holding the connecting user's password.
pub const PASSWORD_VAR: &str = "TECHBROKER_PASSWORD";
/// The environment variable holding a new member's first password.
pub const NEW_PASSWORD_VAR: &str = "TECHBROKER_NEW_PASSWORD";

fn password(var: &str, prompt: &str, tr: &Tr) -> anyhow::Result<String> {
    let typed = match std::env::var(var) {
        Ok(p) => p,
        Err(_) => rpassword::prompt_password(prompt)?,
    };
    if typed.is_empty() {
        bail!("{}", tr.cli_password_empty);
    }
    Ok(typed)
}

fn user_password(user: &str, tr: &Tr) -> anyhow::Result<String> {
    password(
        PASSWORD_VAR,
        &fill(tr.cli_password_prompt, &[("user", &user)]),
        tr,
    )
}

fn failed(e: TeamError, tr: &Tr) -> anyhow::Error {
    anyhow::anyhow!("{}", tr.team_error(&e))
}

/// The user named in a connection string (`postgresql://NAME@host/db`), if any.
fn url_user(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let (auth, _) = rest.split_once('@')?;
    let user = auth.split(':').next()?;
    (!user.is_empty()).then(|| user.to_string())
}

pub fn init(server: &str, admin: &str, tr: &Tr, out: &mut dyn Write) -> anyhow::Result<()> {
    let pw = user_password(admin, tr)?;
    team::init(server, admin, &pw).map_err(|e| failed(e, tr))?;
    writeln!(
        out,
        "{}",
        fill(tr.cli_team_initialised, &[("admin", &admin)])
    )?;
    Ok(())
}

pub fn invite(
    server: &str,
    admin: Option<&str>,
    user: &str,
    role: Role,
    tr: &Tr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let Some(admin) = admin.map(str::to_string).or_else(|| url_user(server)) else {
        bail!("{}", tr.cli_team_as_required);
    };
    let pw = user_password(&admin, tr)?;
    let new_pw = password(
        NEW_PASSWORD_VAR,
        &fill(tr.cli_new_password_prompt, &[("user", &user)]),
        tr,
    )?;
    team::invite(server, &admin, &pw, user, role, &new_pw).map_err(|e| failed(e, tr))?;
    writeln!(
        out,
        "{}",
        fill(
            tr.cli_team_invited,
            &[("user", &user), ("role", &tr.role(role))]
        )
    )?;
    Ok(())
}

pub fn join(
    store: &mut Store,
    server: &str,
    user: &str,
    tr: &Tr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let pw = user_password(user, tr)?;
    let report = team::join(store, server, user, &pw).map_err(|e| failed(e, tr))?;
    let role = store
        .team_membership()?
        .map(|m| m.role)
        .unwrap_or(Role::Broker);
    writeln!(
        out,
        "{}",
        fill(
            tr.cli_team_joined,
            &[
                ("server", &server),
                ("user", &user),
                ("role", &tr.role(role))
            ]
        )
    )?;
    print_report(&report, tr, out)
}

pub fn sync(store: &mut Store, json: bool, tr: &Tr, out: &mut dyn Write) -> anyhow::Result<()> {
    let Some(m) = store.team_membership()? else {
        return Err(failed(TeamError::NotJoined, tr));
    };
    let pw = user_password(&m.user, tr)?;
    let report = team::sync(store, &pw).map_err(|e| failed(e, tr))?;
    let open = store.team_conflicts()?;
    if json {
        let mut value = serde_json::to_value(&report)?;
        value["open_conflicts"] = conflicts_json(&open);
        writeln!(out, "{value}")?;
        return Ok(());
    }
    print_report(&report, tr, out)?;
    print_conflicts(&open, tr, out)
}

fn print_report(
    report: &crate::domain::team::SyncReport,
    tr: &Tr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "{}",
        fill(
            tr.cli_sync_report,
            &[
                ("pushed", &report.pushed),
                ("pulled", &report.pulled),
                ("conflicts", &report.conflicts),
                ("waiting", &report.waiting),
            ]
        )
    )?;
    Ok(())
}

pub fn conflicts(store: &Store, json: bool, tr: &Tr, out: &mut dyn Write) -> anyhow::Result<()> {
    if store.team_membership()?.is_none() {
        return Err(failed(TeamError::NotJoined, tr));
    }
    let list = store.team_conflicts()?;
    if json {
        writeln!(out, "{}", conflicts_json(&list))?;
        return Ok(());
    }
    if list.is_empty() {
        writeln!(out, "{}", tr.cli_conflicts_none)?;
    }
    print_conflicts(&list, tr, out)
}

fn conflicts_json(list: &[Conflict]) -> serde_json::Value {
    list.iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id, "table": c.table, "record": c.label, "kind": c.kind.code(),
                "field": c.field, "base": c.base, "kept": c.kept, "theirs": c.theirs,
                "by": c.by, "at": c.at,
            })
        })
        .collect()
}

/// One line a conflict: id, kind, record, field, the server's value → the one that lost, who, when.
fn print_conflicts(list: &[Conflict], tr: &Tr, out: &mut dyn Write) -> anyhow::Result<()> {
    for c in list {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{} → {}\t{}\t{}",
            c.id,
            tr.conflict_kind(c.kind),
            c.label,
            c.field,
            c.kept,
            c.theirs,
            c.by,
            c.at
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::url_user;

    #[test]
    fn the_user_is_read_from_a_connection_string_that_names_one() {
        assert_eq!(
            url_user("postgresql://admin@10.0.0.5:5432/tb").as_deref(),
            Some("admin")
        );
        assert_eq!(
            url_user("postgresql://admin:x@host/tb").as_deref(),
            Some("admin")
        );
        assert_eq!(url_user("postgresql://host:5432/tb"), None);
    }
}

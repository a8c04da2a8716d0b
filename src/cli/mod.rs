//! The command line: `techbroker [--db PATH] [SUBCOMMAND]`. Subcommands call the same store,
//! catalogue and search code as the window.

mod gen_data;
mod match_cmd;
mod search;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::{Lang, fill};
use crate::matching::Subject;
use crate::store::Store;
use crate::ui::open_error_text;

/// TechBroker · 技术经理人工作台 — a workbench for technology-transfer brokers.
#[derive(Parser, Debug)]
#[command(version, about)]
pub struct Cli {
    /// The database file: opened (or created) by the app; required by the subcommands.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Opens the training sandbox (a separate database of practice data) instead.
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Fills a new or empty database with generated, realistic demo data.
    Gen {
        #[arg(long, default_value_t = 2000)]
        achievements: usize,
        #[arg(long, default_value_t = 300)]
        needs: usize,
        #[arg(long, default_value_t = 300)]
        clients: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Prints the records matching QUERY, best matches first.
    Search {
        #[arg(long, value_enum)]
        kind: SearchKind,
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Ranks achievements for a need or an enterprise, or enterprises for an achievement, with
    /// each score's breakdown and the shared terms.
    #[command(group(clap::ArgGroup::new("subject").required(true).args(["need", "achievement", "enterprise"])))]
    Match {
        #[arg(long)]
        need: Option<i64>,
        #[arg(long)]
        achievement: Option<i64>,
        #[arg(long)]
        enterprise: Option<i64>,
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// One JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchKind {
    Achievements,
    Needs,
    Clients,
}

/// Runs a subcommand, writing its output to `out` and progress to standard error.
pub fn run(command: Command, db: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let lang = Lang::from_env();
    let Some(db) = db else {
        bail!("{}", lang.tr().cli_db_required);
    };
    match command {
        Command::Gen {
            achievements,
            needs,
            clients,
            seed,
        } => {
            let mut store = open(db, lang, true)?;
            let sizes = crate::demo::Sizes {
                clients,
                achievements,
                needs,
            };
            gen_data::run(&mut store, seed, sizes, out)
        }
        Command::Search {
            kind,
            query,
            limit,
            json,
        } => {
            let store = open(db, lang, false)?;
            search::run(&store, kind, &query, limit, json, out)
        }
        Command::Match {
            need,
            achievement,
            enterprise,
            top,
            json,
        } => {
            let store = open(db, lang, false)?;
            let subject = match (need, achievement, enterprise) {
                (Some(id), _, _) => Subject::Need(id),
                (_, Some(id), _) => Subject::Achievement(id),
                (_, _, Some(id)) => Subject::Enterprise(id),
                (None, None, None) => bail!("--need, --achievement or --enterprise"),
            };
            match_cmd::run(&store, subject, top, json, out)
        }
    }
}

/// Opens the database, refusing to create one unless `create` (a search of a mistyped path
/// must not leave an empty database behind).
fn open(db: &Path, lang: Lang, create: bool) -> anyhow::Result<Store> {
    let tr = lang.tr();
    if !create && !db.exists() {
        bail!("{}", fill(tr.cli_no_such_db, &[("path", &db.display())]));
    }
    Store::open(db)
        .map_err(|e| anyhow::anyhow!("{}: {}", db.display(), open_error_text(&e, tr)))
        .context(tr.open_failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_asks_for_the_sandbox_without_a_subcommand() {
        let cli = Cli::try_parse_from(["techbroker", "--demo"]).unwrap();
        assert!(cli.demo && cli.command.is_none() && cli.db.is_none());
        assert!(!Cli::try_parse_from(["techbroker"]).unwrap().demo);
    }
}

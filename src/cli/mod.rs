//! The command line: `techbroker [--db PATH] [SUBCOMMAND]`. Subcommands call the same store,
//! catalogue and search code as the window.

mod export_cmd;
mod gen_data;
mod import_cmd;
mod match_cmd;
mod report_cmd;
mod search;
mod team_cmd;
mod thesaurus_cmd;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::{AchievementId, ClientId, ContractType, DealStage, NeedId, SynonymId};
use crate::i18n::{Lang, fill};
use crate::io::import::{DuplicatePolicy, ImportKind, ImportOptions};
use crate::matching::Subject;
use crate::store::Store;
use chrono::NaiveDate;

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
        need: Option<NeedId>,
        #[arg(long)]
        achievement: Option<AchievementId>,
        #[arg(long)]
        enterprise: Option<ClientId>,
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// One JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Lists, adds or removes the thesaurus's pairs of terms that mean the same thing to
    /// matching ("锂电" ≈ "锂离子电池"); used from the next ranking on.
    Thesaurus {
        #[command(subcommand)]
        action: ThesaurusAction,
    },
    /// Imports a CSV, Excel or TechBroker JSON file in one transaction: all rows, or with
    /// --skip-invalid the valid ones. Prints what was imported and the rows refused, with reasons.
    Import {
        file: PathBuf,
        #[arg(long, value_enum)]
        kind: ImportTarget,
        /// A mapping file (JSON: {"kind": "...", "columns": {"header": "field"}}); else the
        /// mapping saved in the window for this layout, or one guessed from the headers.
        #[arg(long, value_name = "M")]
        mapping: Option<PathBuf>,
        /// The workbook sheet (if not given, the one that holds the table: a first sheet that
        /// is a cover or notes is passed over).
        #[arg(long)]
        sheet: Option<String>,
        /// The row number of the header, as the spreadsheet shows it (if not given, it is
        /// found: titles and notes above it are passed over).
        #[arg(long, value_name = "N")]
        header_row: Option<usize>,
        /// Import the valid rows and report the others, instead of importing nothing.
        #[arg(long)]
        skip_invalid: bool,
        /// What to do with a row already stored or repeated in the file.
        #[arg(long, value_enum, default_value_t = DuplicateChoice::Skip)]
        duplicates: DuplicateChoice,
        /// Create the organisations rows name that are not clients yet.
        #[arg(long)]
        create_owners: bool,
        /// Write the refused rows, with a reason column, to this CSV file.
        #[arg(long, value_name = "CSV")]
        rejected: Option<PathBuf>,
    },
    /// Copies the database (consistently, even while a window writes it) to FILE, or into the
    /// backups folder beside it (`<db>.backups/`).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Puts a backup in place of the database, after backing the database itself up.
    Restore {
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
    /// Writes a whole list as CSV, Excel or (records only) TechBroker JSON.
    Export {
        #[arg(long, value_enum)]
        kind: ExportKind,
        #[arg(long, value_enum)]
        format: export_cmd::ExportFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Writes the deal report for the deals signed from --from to --to (dates included), as an
    /// Excel workbook or a self-contained page that prints cleanly (print it to PDF from a
    /// browser).
    Report {
        #[arg(long, value_parser = parse_day)]
        from: NaiveDate,
        #[arg(long, value_parser = parse_day)]
        to: NaiveDate,
        #[arg(long, value_enum)]
        format: report_cmd::ReportFormat,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        broker: Option<String>,
        #[arg(long)]
        field: Option<String>,
        /// development, transfer, licence, consulting or service.
        #[arg(long, value_parser = parse_contract_type)]
        contract_type: Option<ContractType>,
        /// A deal stage code: lead, introduced, negotiating, signed, registered, executing, closed_won or lost.
        #[arg(long, value_parser = parse_stage)]
        stage: Option<DealStage>,
    },
    /// Writes the transfer statistics from --from to --to (dates included): technology
    /// contracts signed and registered by type, achievements transferred by rights
    /// arrangement, maturation projects started, finished and to production.
    Stats {
        #[arg(long, value_parser = parse_day)]
        from: NaiveDate,
        #[arg(long, value_parser = parse_day)]
        to: NaiveDate,
        #[arg(long, value_enum)]
        format: report_cmd::ReportFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// The institution's shared store on PostgreSQL: set it up, add members, join, conflicts.
    /// Passwords come from TECHBROKER_PASSWORD (a new member's from TECHBROKER_NEW_PASSWORD) or
    /// a prompt.
    Team {
        #[command(subcommand)]
        action: TeamAction,
    },
    /// One sync round with the team's server: sends what changed here, receives what others
    /// changed, and prints what went up, what came down and the new conflicts.
    Sync {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TeamAction {
    /// Creates the team store on an empty PostgreSQL database (URL: postgresql://host:port/dbname),
    /// connected as NAME, who becomes its first admin.
    Init {
        #[arg(long, value_name = "URL")]
        server: String,
        #[arg(long, value_name = "NAME")]
        admin: String,
    },
    /// Adds a member with a role, connected as an admin (--as, or the user in the URL).
    Invite {
        #[arg(long, value_name = "URL")]
        server: String,
        #[arg(long, value_name = "NAME")]
        user: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        #[arg(long = "as", value_name = "ADMIN")]
        admin: Option<String>,
    },
    /// Makes the database (--db) a member as NAME: its records go up once, then it syncs.
    Join {
        #[arg(long, value_name = "URL")]
        server: String,
        #[arg(long, value_name = "NAME")]
        user: String,
    },
    /// Lists the conflicts not yet resolved, and records that cannot be written here yet.
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// Writes the institution's view by broker from --from to --to: deals in progress, signed
    /// and registered amounts, commissions due and paid (a manager's laptop holds every broker's
    /// deals).
    Report {
        #[arg(long, value_parser = parse_day)]
        from: NaiveDate,
        #[arg(long, value_parser = parse_day)]
        to: NaiveDate,
        #[arg(long, value_enum)]
        format: report_cmd::ReportFormat,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleArg {
    Broker,
    Manager,
    Admin,
}

impl From<RoleArg> for crate::domain::team::Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Broker => Self::Broker,
            RoleArg::Manager => Self::Manager,
            RoleArg::Admin => Self::Admin,
        }
    }
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    crate::domain::dates::parse_date(text).ok_or_else(|| format!("not a date: {text}"))
}

fn parse_contract_type(text: &str) -> Result<ContractType, String> {
    ContractType::from_code(text).ok_or_else(|| format!("unknown contract type: {text}"))
}

fn parse_stage(text: &str) -> Result<DealStage, String> {
    DealStage::from_code(text).ok_or_else(|| format!("unknown stage: {text}"))
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    Clients,
    Achievements,
    Needs,
    Deals,
    /// Pilot bases, proof-of-concept centres and other carriers, with their profiles.
    Carriers,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicateChoice {
    Skip,
    Update,
    Keep,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Clients,
    Achievements,
    Needs,
    Deals,
    /// The carriers with their profiles, in the columns `import --kind carriers` reads.
    Carriers,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchKind {
    Achievements,
    Needs,
    Clients,
}

#[derive(Subcommand, Debug)]
pub enum ThesaurusAction {
    /// Prints every pair with its id.
    List,
    /// Adds a pair.
    Add { term: String, other: String },
    /// Removes the pair with this id.
    Remove { id: SynonymId },
}

/// Runs a subcommand, writing its output to `out` and progress to standard error.
pub fn run(command: Command, db: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let lang = Lang::from_env();
    let tr = lang.tr();
    if let Command::Team { action } = command {
        return team(action, db, lang, out);
    }
    let Some(db) = db else {
        bail!("{}", tr.cli_db_required);
    };
    match command {
        Command::Team { action } => team(action, Some(db), lang, out),
        Command::Sync { json } => {
            let mut store = open(db, lang, false)?;
            team_cmd::sync(&mut store, json, tr, out)
        }
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
        Command::Thesaurus { action } => {
            let mut store = open(db, lang, false)?;
            let action = match action {
                ThesaurusAction::List => thesaurus_cmd::Action::List,
                ThesaurusAction::Add { term, other } => thesaurus_cmd::Action::Add(term, other),
                ThesaurusAction::Remove { id } => thesaurus_cmd::Action::Remove(id),
            };
            thesaurus_cmd::run(&mut store, action, lang.tr(), out)
        }
        Command::Import {
            file,
            kind,
            mapping,
            sheet,
            header_row,
            skip_invalid,
            duplicates,
            create_owners,
            rejected,
        } => {
            // As the app does: a path with no database gets a new one.
            let created = !db.exists();
            let mut store = open(db, lang, true)?;
            if created {
                writeln!(
                    out,
                    "{}",
                    fill(lang.tr().cli_db_created, &[("path", &db.display())])
                )?;
            }
            let args = import_cmd::Args {
                file: &file,
                kind: match kind {
                    ImportTarget::Clients => ImportKind::Clients,
                    ImportTarget::Achievements => ImportKind::Achievements,
                    ImportTarget::Needs => ImportKind::Needs,
                    ImportTarget::Deals => ImportKind::Deals,
                    ImportTarget::Carriers => ImportKind::Carriers,
                },
                choice: crate::io::import::TableChoice { sheet, header_row },
                mapping: mapping.as_deref(),
                options: ImportOptions {
                    skip_invalid,
                    create_owners,
                    duplicates: match duplicates {
                        DuplicateChoice::Skip => DuplicatePolicy::Skip,
                        DuplicateChoice::Update => DuplicatePolicy::Update,
                        DuplicateChoice::Keep => DuplicatePolicy::KeepBoth,
                    },
                },
                rejected: rejected.as_deref(),
            };
            import_cmd::run(&mut store, args, lang.tr(), out)
        }
        Command::Report {
            from,
            to,
            format,
            out: path,
            broker,
            field,
            contract_type,
            stage,
        } => {
            let store = open(db, lang, false)?;
            let filter = crate::report::ReportFilter {
                broker,
                field,
                contract_type,
                stage,
            };
            written(
                report_cmd::run(&store, (from, to), &filter, format, &path, lang.tr(), out),
                &path,
                lang,
            )
        }
        Command::Stats {
            from,
            to,
            format,
            out: path,
        } => {
            let store = open(db, lang, false)?;
            written(
                report_cmd::stats(&store, (from, to), format, &path, lang.tr(), out),
                &path,
                lang,
            )
        }
        Command::Backup { out: path } => {
            let store = open(db, lang, false)?;
            let written = match path {
                Some(path) => {
                    if path.exists() {
                        bail!(
                            "{}",
                            fill(lang.tr().cli_backup_exists, &[("path", &path.display())])
                        );
                    }
                    crate::store::back_up_file(store.path(), &path)?;
                    path
                }
                None => store.back_up(crate::store::BackupKind::Manual)?,
            };
            writeln!(
                out,
                "{}",
                fill(
                    lang.tr().cli_backup_written,
                    &[("path", &written.display())]
                )
            )?;
            Ok(())
        }
        Command::Restore { from } => {
            let tr = lang.tr();
            if !db.exists() {
                bail!("{}", fill(tr.cli_no_such_db, &[("path", &db.display())]));
            }
            let before = crate::store::restore(db, &from)
                .map_err(|e| anyhow::anyhow!("{}", tr.restore_error(&e)))?;
            writeln!(
                out,
                "{}",
                fill(
                    tr.cli_restored,
                    &[("from", &from.display()), ("before", &before.display())]
                )
            )?;
            Ok(())
        }
        Command::Export {
            kind,
            format,
            out: path,
        } => {
            let store = open(db, lang, false)?;
            written(
                export_cmd::run(&store, kind, format, &path, lang.tr(), out),
                &path,
                lang,
            )
        }
    }
}

fn team(
    action: TeamAction,
    db: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let tr = lang.tr();
    let db = || db.ok_or_else(|| anyhow::anyhow!("{}", tr.cli_db_required));
    match action {
        TeamAction::Init { server, admin } => team_cmd::init(&server, &admin, tr, out),
        TeamAction::Invite {
            server,
            user,
            role,
            admin,
        } => team_cmd::invite(&server, admin.as_deref(), &user, role.into(), tr, out),
        TeamAction::Join { server, user } => {
            let mut store = open(db()?, lang, true)?;
            team_cmd::join(&mut store, &server, &user, tr, out)
        }
        TeamAction::Conflicts { json } => {
            let store = open(db()?, lang, false)?;
            team_cmd::conflicts(&store, json, tr, out)
        }
        TeamAction::Report {
            from,
            to,
            format,
            out: path,
        } => {
            let store = open(db()?, lang, false)?;
            written(
                report_cmd::institution(&store, (from, to), format, &path, tr, out),
                &path,
                lang,
            )
        }
    }
}

/// A file written, or why not; a database in the way is named in the user's language.
fn written(result: anyhow::Result<()>, path: &Path, lang: Lang) -> anyhow::Result<()> {
    result.map_err(|e| {
        if e.is::<crate::io::safe_file::WouldOverwriteDatabase>() {
            anyhow::anyhow!(
                "{}",
                fill(lang.tr().ex_err_database, &[("path", &path.display())])
            )
        } else {
            e
        }
    })
}

/// Opens the database, refusing to create one unless `create` (a search of a mistyped path
/// must not leave an empty database behind).
fn open(db: &Path, lang: Lang, create: bool) -> anyhow::Result<Store> {
    let tr = lang.tr();
    if !create && !db.exists() {
        bail!("{}", fill(tr.cli_no_such_db, &[("path", &db.display())]));
    }
    Store::open(db)
        .map_err(|e| {
            crate::log::open_error(&crate::paths::log_path(), &e);
            anyhow::anyhow!("{}: {}", db.display(), tr.open_error(&e))
        })
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

//! `techbroker export`: a whole list in the list's order, as the window exports it.

use std::io::Write;
use std::path::Path;

use chrono::Local;

use super::ExportKind;
use crate::i18n::{Tr, fill};
use crate::io::import::json::{JsonIds, write_json};
use crate::io::tables::{self, TableFormat};
use crate::store::{Scope, Store};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Json,
}

pub fn run(
    store: &Store,
    kind: ExportKind,
    format: ExportFormat,
    path: &Path,
    tr: &Tr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let written = match format {
        ExportFormat::Json => {
            let ids = match kind {
                ExportKind::Clients => {
                    JsonIds::Clients(store.list_clients()?.iter().map(|c| c.id).collect())
                }
                ExportKind::Achievements => JsonIds::Achievements(
                    store
                        .achievement_rows(Scope::All)?
                        .iter()
                        .map(|(r, _)| r.id)
                        .collect(),
                ),
                ExportKind::Needs => JsonIds::Needs(
                    store
                        .need_rows(Scope::All)?
                        .iter()
                        .map(|(r, _)| r.id)
                        .collect(),
                ),
                ExportKind::Carriers => {
                    JsonIds::Clients(store.carriers()?.iter().map(|c| c.organisation).collect())
                }
                ExportKind::Deals => anyhow::bail!("deals: --format csv or xlsx"),
            };
            write_json(store, &ids, path)?
        }
        ExportFormat::Csv | ExportFormat::Xlsx => {
            let table = match kind {
                ExportKind::Clients => tables::clients(store.list_clients()?.iter(), tr),
                ExportKind::Achievements => {
                    let rows = store.achievement_rows(Scope::All)?;
                    tables::achievements(
                        rows.iter().map(|(r, _)| r),
                        &store.achievement_keywords()?,
                        tr,
                    )
                }
                ExportKind::Needs => {
                    let rows = store.need_rows(Scope::All)?;
                    tables::needs(rows.iter().map(|(r, _)| r), &store.need_keywords()?, tr)
                }
                ExportKind::Deals => {
                    tables::deals(store.deal_rows(Local::now().date_naive())?.iter(), tr)
                }
                ExportKind::Carriers => tables::carriers(&store.carriers_with_contacts()?, tr),
            };
            let format = if format == ExportFormat::Xlsx {
                TableFormat::Xlsx
            } else {
                TableFormat::Csv
            };
            table.write(path, format)?;
            table.rows.len()
        }
    };
    writeln!(
        out,
        "{}",
        fill(
            tr.cli_exported,
            &[("n", &written), ("path", &path.display())]
        )
    )?;
    Ok(())
}

//! Writing files the window is asked for: lists as shown, a shortlist, the deal report.

use std::path::{Path, PathBuf};

use crate::domain::{AchievementRow, NeedId, NeedRow};
use crate::i18n::{Tr, fill};
use crate::io::csv_out::write_csv;
use crate::io::import::json::{JsonIds, write_json};
use crate::io::safe_file::WouldOverwriteDatabase;
use crate::io::tables::{self, Table, TableFormat};
use crate::report::DealReport;
use crate::store::{Store, StoreError};
use crate::ui::command::{FileType, ListKind};
use crate::ui::shell::app::{Session, Status};
use crate::ui::shell::screens::Screens;

/// Writes the shortlist of `need` to `path` as CSV; the status line says how it went.
pub fn export_shortlist(session: &Session, need: NeedId, path: &Path, tr: &Tr) -> Status {
    let rows = match shortlist_rows(session.store(), need, tr) {
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
        Err(e) => Status::Error(fill(
            tr.export_failed,
            &[("detail", &failure(&e, path, tr))],
        )),
    }
}

/// Why a file could not be written, in the UI language where the system's reason is a common
/// one; the system's own words (in English) otherwise.
fn failure(e: &anyhow::Error, path: &Path, tr: &Tr) -> String {
    use std::io::ErrorKind;
    let io = e.chain().find_map(|c| c.downcast_ref::<std::io::Error>());
    let said = match io.map(std::io::Error::kind) {
        Some(ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem) => tr.io_denied,
        Some(ErrorKind::NotFound) => tr.io_no_folder,
        Some(ErrorKind::StorageFull | ErrorKind::QuotaExceeded) => tr.io_full,
        Some(ErrorKind::ResourceBusy) => tr.io_busy,
        _ => return format!("{e:#}"),
    };
    fill(said, &[("path", &path.display())])
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
    /// A catalogue's rows as shown, made a table on the worker: their keywords, which the rows
    /// do not keep, are read there through a connection of its own (a scan of the whole table,
    /// 0.5 s at 100,000 achievements from a cold file).
    Catalogue {
        db: PathBuf,
        rows: ShownRows,
        format: TableFormat,
        tr: &'static Tr,
    },
    /// Full records, read through a connection of the worker's own.
    Json {
        db: PathBuf,
        ids: JsonIds,
    },
}

pub enum ShownRows {
    Achievements(Vec<AchievementRow>),
    Needs(Vec<NeedRow>),
}

impl ExportWork {
    pub fn write(self, path: &Path) -> anyhow::Result<()> {
        let open = |db: &Path| Store::open(db).map_err(|e| anyhow::anyhow!("{e}"));
        match self {
            ExportWork::Table(table, format) => table.write(path, format),
            ExportWork::Catalogue {
                db,
                rows,
                format,
                tr,
            } => {
                let store = open(&db)?;
                let table = match rows {
                    ShownRows::Achievements(rows) => {
                        tables::achievements(rows.iter(), &store.achievement_keywords()?, tr)
                    }
                    ShownRows::Needs(rows) => {
                        tables::needs(rows.iter(), &store.need_keywords()?, tr)
                    }
                };
                table.write(path, format)
            }
            ExportWork::Json { db, ids } => write_json(&open(&db)?, &ids, path).map(|_| ()),
        }
    }
}

/// A list as shown: CSV or Excel from the screen's table, JSON as full records.
pub fn export_work(
    screens: &Screens,
    session: &Session,
    list: ListKind,
    format: FileType,
    tr: &'static Tr,
) -> anyhow::Result<ExportWork> {
    let catalogs = session.catalogs();
    let db = session.store().path().to_path_buf();
    if format == FileType::Json {
        let ids = match list {
            ListKind::Clients => JsonIds::Clients(screens.clients.shown_ids(session.clients())),
            ListKind::Achievements => {
                JsonIds::Achievements(screens.achievements.shown_ids(catalogs))
            }
            ListKind::Needs => JsonIds::Needs(screens.needs.shown_ids(catalogs)),
            ListKind::Deals => anyhow::bail!("deals are exported as CSV or Excel"),
        };
        return Ok(ExportWork::Json { db, ids });
    }
    let format = if format == FileType::Xlsx {
        TableFormat::Xlsx
    } else {
        TableFormat::Csv
    };
    let catalogue = |rows| ExportWork::Catalogue {
        db,
        rows,
        format,
        tr,
    };
    Ok(match list {
        ListKind::Clients => {
            ExportWork::Table(screens.clients.export(session.clients(), tr), format)
        }
        ListKind::Achievements => catalogue(ShownRows::Achievements(
            screens.achievements.shown_rows(catalogs),
        )),
        ListKind::Needs => catalogue(ShownRows::Needs(screens.needs.shown_rows(catalogs))),
        ListKind::Deals => ExportWork::Table(screens.deals.export(tr), format),
    })
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

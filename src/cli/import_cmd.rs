//! `techbroker import`: the import screen's check and import, printed.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, bail};

use crate::i18n::{Tr, fill};
use crate::io::import::rejected::write_rejected;
use crate::io::import::source::{import_file, inspect, scan_file};
use crate::io::import::{
    ImportError, ImportKind, ImportOptions, Mapping, MappingFile, RowError, RowWarnings,
    SkippedRow, TableChoice,
};
use crate::store::Store;

/// Invalid rows, and rows with notes, listed before "…".
const ERRORS_SHOWN: usize = 20;

pub struct Args<'a> {
    pub file: &'a Path,
    pub kind: ImportKind,
    pub choice: TableChoice,
    pub mapping: Option<&'a Path>,
    pub options: ImportOptions,
    pub rejected: Option<&'a Path>,
}

/// The mapping for the file: the one given, the one saved for this layout, or the guess.
fn mapping(store: &Store, args: &Args<'_>, headers: Vec<String>) -> anyhow::Result<Mapping> {
    let file: Option<MappingFile> = match args.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Some(serde_json::from_str(&text).with_context(|| format!("{}", path.display()))?)
        }
        None => store
            .saved_mapping(&Mapping::layout_key(args.kind, &headers))?
            .and_then(|json| serde_json::from_str(&json).ok()),
    };
    Ok(match file {
        Some(f) => Mapping::from_file(args.kind, headers, &f)?,
        None => Mapping::auto(args.kind, headers),
    })
}

fn print_errors(
    out: &mut dyn Write,
    errors: &[RowError],
    m: Option<&Mapping>,
    tr: &Tr,
) -> anyhow::Result<()> {
    for e in errors.iter().take(ERRORS_SHOWN) {
        writeln!(out, "{}\t{}", e.number, tr.cell_errors(&e.errors, m))?;
    }
    if errors.len() > ERRORS_SHOWN {
        writeln!(out, "…")?;
    }
    Ok(())
}

fn print_warnings(
    out: &mut dyn Write,
    rows: &[RowWarnings],
    m: Option<&Mapping>,
    tr: &Tr,
) -> anyhow::Result<()> {
    for r in rows.iter().take(ERRORS_SHOWN) {
        writeln!(
            out,
            "{}\t{}：{}",
            r.number,
            tr.im_col_note,
            tr.cell_warnings(&r.warnings, m)
        )?;
    }
    if rows.len() > ERRORS_SHOWN {
        writeln!(out, "…")?;
    }
    Ok(())
}

fn print_skipped(out: &mut dyn Write, rows: &[SkippedRow], tr: &Tr) -> anyhow::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = rows
        .iter()
        .map(|r| format!("{} {}", r.number, tr.skip_reason(r.reason)))
        .collect();
    writeln!(
        out,
        "{}",
        fill(
            tr.im_skipped_summary,
            &[
                ("n", &rows.len()),
                ("rows", &list.join(tr.dash_list_separator))
            ]
        )
    )?;
    Ok(())
}

pub fn run(store: &mut Store, args: Args<'_>, tr: &Tr, out: &mut dyn Write) -> anyhow::Result<()> {
    let fail = |e| anyhow::anyhow!("{}: {}", args.file.display(), tr.import_error(&e, None));
    let info = inspect(args.file, args.kind, &args.choice).map_err(fail)?;
    if info.sheet_chosen
        && let Some(sheet) = &info.sheet
    {
        writeln!(out, "{}", fill(tr.im_sheet_chosen, &[("name", sheet)]))?;
    }
    // The sheet and header found are read again by the check and the import.
    let choice = TableChoice {
        sheet: info.sheet.clone(),
        header_row: (!info.is_json()).then_some(info.header_row),
    };
    let mapping = if info.is_json() {
        None
    } else {
        Some(mapping(store, &args, info.headers.clone())?)
    };
    if let Some(m) = &mapping {
        for note in tr.column_notes(m) {
            writeln!(out, "{note}")?;
        }
    }
    let cancel = AtomicBool::new(false);
    let import_failed = |e: ImportError| {
        anyhow::anyhow!(
            "{}: {}",
            args.file.display(),
            tr.import_error(&e, mapping.as_ref())
        )
    };
    // A line per whole percent on standard error: someone waiting on a large file (or a test
    // killing the import halfway) sees it move.
    let mut shown = None;
    let mut progress = |done: u64, total: u64| {
        let pct = (done.saturating_mul(100) / total.max(1)).min(100);
        if shown != Some(pct) {
            shown = Some(pct);
            eprintln!("{}", fill(tr.cli_importing, &[("pct", &pct)]));
        }
    };
    // One pass over the file: the commit checks every row as the scan does and rolls back at
    // the first refused row unless --skip-invalid. Only then is the file scanned, to list
    // every refused row and unknown owner.
    let imported = import_file(
        store,
        args.file,
        args.kind,
        &choice,
        mapping.as_ref(),
        &args.options,
        &cancel,
        &mut progress,
    );
    let summary = match imported {
        Ok(summary) => summary,
        Err(e @ ImportError::Invalid(_)) => {
            refused(store, &args, &choice, mapping.as_ref(), tr, out)?;
            return Err(import_failed(e));
        }
        Err(e) => return Err(import_failed(e)),
    };
    if summary.inserted + summary.updated + summary.skipped_duplicates + summary.rejected.len() == 0
    {
        return Err(import_failed(ImportError::NoRows));
    }
    writeln!(out, "{}", tr.import_summary(&summary))?;
    print_errors(out, &summary.rejected, mapping.as_ref(), tr)?;
    print_warnings(out, &summary.warnings, mapping.as_ref(), tr)?;
    print_skipped(out, &summary.skipped, tr)?;
    if let Some(path) = args.rejected.filter(|_| !summary.rejected.is_empty()) {
        write_rejected(path, mapping.as_ref(), &summary.rejected, tr)?;
    }
    if summary.inserted + summary.updated == 0 {
        bail!("{}", tr.cli_nothing_imported);
    }
    Ok(())
}

/// Lists the rows an import refused (it rolled back), read again by the scan, and fails with
/// their count. A row only the commit refuses (a name taken meanwhile) is left to its error.
fn refused(
    store: &Store,
    args: &Args<'_>,
    choice: &TableChoice,
    mapping: Option<&Mapping>,
    tr: &Tr,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let index = store.import_index()?;
    let report = scan_file(
        args.file,
        args.kind,
        choice,
        mapping,
        &index,
        &AtomicBool::new(false),
        &mut |_, _| {},
    )
    .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), tr.import_error(&e, mapping)))?;
    print_errors(out, &report.errors, mapping, tr)?;
    for (name, rows) in report
        .unknown_owners
        .iter()
        .filter(|_| !args.options.create_owners)
    {
        writeln!(
            out,
            "{rows}\t{}",
            fill(tr.im_p_unknown_owner, &[("name", name)])
        )?;
    }
    let rejected = report.rejected(args.options.create_owners);
    if rejected == 0 {
        return Ok(());
    }
    bail!("{}", fill(tr.cli_import_invalid, &[("n", &rejected)]))
}

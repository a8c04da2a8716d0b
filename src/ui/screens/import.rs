//! The import screen: choose what and which file, map the columns, check every row, then
//! import in one transaction and get the refused rows back.

use crate::ui::view::{Cx, View};
use crate::ui::workers::Workers;
use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::i18n::{Tr, fill};
use crate::io::import::source::{FileInfo, import_file, inspect, scan_file};
use crate::io::import::{
    DuplicatePolicy, ImportError, ImportKind, ImportOptions, ImportSummary, Mapping, MappingFile,
    RowError, ScanReport, SkippedRow, TableChoice,
};
use crate::store::{Reader, Store};
use crate::ui::command::Command;
use crate::ui::screens::import_tables::{errors_table, preview_table, warnings_table};
use crate::ui::widgets::combos::option_combo;
use crate::ui::widgets::error_text;
use crate::work::Job;

/// Unknown owners named in the review before "…".
const OWNERS_SHOWN: usize = 8;

type Opened = Result<(FileInfo, Option<MappingFile>), ImportError>;

#[derive(Default)]
enum Step {
    #[default]
    Choose,
    /// Reading the headers (a workbook is read whole: seconds for a large one).
    Opening(Job<(FileInfo, Option<MappingFile>), ImportError>),
    Map,
    Scanning(Job<ScanReport, ImportError>),
    Review(ScanReport),
    Importing(Job<ImportSummary, ImportError>),
    Done(ImportSummary),
}

/// What the screen's workers need: their own read-only connection, and how to wake the window.
pub struct Worker {
    pub reader: Reader,
    pub workers: Workers,
}

pub struct ImportScreen {
    pub kind: ImportKind,
    file: Option<PathBuf>,
    info: Option<FileInfo>,
    sheet: Option<String>,
    /// The header row the user chose, by its number; None while it is the one found.
    header_row: Option<usize>,
    mapping: Option<Mapping>,
    saved_applied: bool,
    pub options: ImportOptions,
    step: Step,
    error: Option<ImportError>,
}

impl Default for ImportScreen {
    fn default() -> Self {
        Self {
            kind: ImportKind::Achievements,
            file: None,
            info: None,
            sheet: None,
            header_row: None,
            mapping: None,
            saved_applied: false,
            options: ImportOptions::default(),
            step: Step::Choose,
            error: None,
        }
    }
}

impl ImportScreen {
    /// Back to the first step, keeping (or setting) the kind.
    pub fn reset(&mut self, kind: Option<ImportKind>) {
        let kind = kind.unwrap_or(self.kind);
        *self = ImportScreen {
            kind,
            ..ImportScreen::default()
        };
    }

    pub fn is_busy(&self) -> bool {
        matches!(
            self.step,
            Step::Opening(_) | Step::Scanning(_) | Step::Importing(_)
        )
    }

    /// Reads the file's headers on a worker and maps them: with the mapping saved for this
    /// layout, or guessed from the header names.
    pub fn open_file(&mut self, path: &Path, worker: Worker) {
        self.reset(None);
        self.file = Some(path.to_path_buf());
        self.load(worker);
    }

    pub fn choose_sheet(&mut self, sheet: String, worker: Worker) {
        self.sheet = Some(sheet);
        // Another sheet has its own header.
        self.header_row = None;
        self.load(worker);
    }

    /// Reads the file again with row `row` as the header.
    pub fn choose_header_row(&mut self, row: usize, worker: Worker) {
        self.header_row = Some(row);
        self.load(worker);
    }

    /// The sheet and header the check and the import read: those shown.
    fn choice(&self) -> TableChoice {
        TableChoice {
            sheet: self.sheet.clone(),
            header_row: self.header_row.or(self
                .info
                .as_ref()
                .map(|i| i.header_row)
                .filter(|_| self.info.as_ref().is_some_and(|i| !i.is_json()))),
        }
    }

    /// Reads the chosen file again, for another kind or sheet.
    pub fn reload(&mut self, worker: Worker) {
        self.load(worker);
    }

    /// The summary of a finished import, for the status line.
    pub fn summary_text(&self, tr: &Tr) -> Option<String> {
        match &self.step {
            Step::Done(summary) => Some(tr.import_summary(summary)),
            _ => None,
        }
    }

    fn load(&mut self, worker: Worker) {
        let Some(path) = self.file.clone() else {
            return;
        };
        self.error = None;
        let kind = self.kind;
        let choice = TableChoice {
            sheet: self.sheet.clone(),
            header_row: self.header_row,
        };
        let Worker { reader, workers } = worker;
        self.step = Step::Opening(workers.start(move |_, _| {
            let info = inspect(&path, kind, &choice)?;
            let saved = if info.is_json() {
                None
            } else {
                let layout = Mapping::layout_key(kind, &info.headers);
                reader
                    .saved_mapping(&layout)?
                    .and_then(|json| serde_json::from_str::<MappingFile>(&json).ok())
            };
            Ok((info, saved))
        }));
    }

    /// Shows an opened file's columns mapped.
    fn opened(&mut self, opened: Opened) {
        self.step = Step::Map;
        match opened {
            Ok((info, saved)) => {
                let saved = saved.and_then(|file| {
                    Mapping::from_file(self.kind, info.headers.clone(), &file).ok()
                });
                self.saved_applied = saved.is_some();
                self.mapping = (!info.is_json()).then(|| {
                    saved.unwrap_or_else(|| Mapping::auto(self.kind, info.headers.clone()))
                });
                if self.sheet.is_none() {
                    self.sheet.clone_from(&info.sheet);
                }
                self.info = Some(info);
            }
            Err(e) => {
                self.info = None;
                self.mapping = None;
                self.error = Some(e);
            }
        }
    }

    /// The layout key and JSON of the current mapping, for the handler to save.
    pub fn mapping_to_save(&self) -> Option<(String, String)> {
        let m = self.mapping.as_ref()?;
        let json = serde_json::to_string(&m.to_file()).ok()?;
        Some((Mapping::layout_key(m.kind, &m.headers), json))
    }

    /// Checks every row on a worker (reading the database through `reader`).
    pub fn start_scan(&mut self, worker: Worker) {
        let Some(path) = self.file.clone() else {
            return;
        };
        let Worker { reader, workers } = worker;
        let (kind, choice, mapping) = (self.kind, self.choice(), self.mapping.clone());
        self.error = None;
        self.step = Step::Scanning(workers.start(move |cancel, progress| {
            let index = reader.import_index()?;
            scan_file(
                &path,
                kind,
                &choice,
                mapping.as_ref(),
                &index,
                cancel,
                progress,
            )
        }));
    }

    /// Imports on a worker through its own connection to `db`, in one transaction.
    pub fn start_commit(&mut self, db: PathBuf, workers: &Workers) {
        let Some(path) = self.file.clone() else {
            return;
        };
        let (kind, choice, mapping) = (self.kind, self.choice(), self.mapping.clone());
        let mut options = self.options;
        if let Step::Review(report) = &self.step {
            options.skip_invalid = report.rejected(options.create_owners) > 0;
        }
        self.step = Step::Importing(workers.start(move |cancel, progress| {
            let mut store = Store::open(&db)?;
            import_file(
                &mut store,
                &path,
                kind,
                &choice,
                mapping.as_ref(),
                &options,
                cancel,
                progress,
            )
        }));
    }

    /// The rows the finished import handed back, with the mapping that names their columns.
    pub fn rejected(&self) -> Option<(Option<&Mapping>, &[RowError])> {
        match &self.step {
            Step::Done(summary) if !summary.rejected.is_empty() => {
                Some((self.mapping.as_ref(), &summary.rejected))
            }
            _ => None,
        }
    }

    /// Takes the results of finished work, whichever screen is shown. True when an import has
    /// just been written.
    pub fn poll(&mut self) -> bool {
        match &self.step {
            Step::Opening(job) => {
                if let Some(opened) = job.poll() {
                    self.opened(opened);
                }
            }
            Step::Scanning(job) => match job.poll() {
                Some(Ok(report)) => self.step = Step::Review(report),
                Some(Err(e)) => {
                    self.step = Step::Map;
                    self.error = Some(e);
                }
                None => {}
            },
            Step::Importing(job) => match job.poll() {
                Some(Ok(summary)) => {
                    self.step = Step::Done(summary);
                    return true;
                }
                Some(Err(e)) => {
                    self.step = Step::Map;
                    self.error = Some(e);
                }
                None => {}
            },
            _ => {}
        }
        false
    }

    fn show(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        ui.heading(tr.im_title);
        ui.add_space(6.0);
        if matches!(self.step, Step::Choose | Step::Opening(_) | Step::Map) {
            self.choose_ui(ui, tr, cmds);
        } else if let Some(path) = &self.file {
            ui.label(file_line(path, tr));
        }
        if let Some(e) = &self.error {
            error_text(ui, &tr.import_error(e, self.mapping.as_ref()));
        }
        ui.separator();
        match &mut self.step {
            Step::Choose => {
                ui.label(tr.im_drop_hint);
            }
            Step::Opening(_) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr.im_reading);
                });
            }
            Step::Map => self.map_ui(ui, tr, cmds),
            Step::Scanning(job) => {
                progress_ui(ui, tr.im_checking, job.fraction(), || job.cancel(), tr)
            }
            Step::Importing(job) => {
                progress_ui(ui, tr.im_importing, job.fraction(), || job.cancel(), tr)
            }
            Step::Review(_) => self.review_ui(ui, tr, cmds),
            Step::Done(summary) => done_ui(ui, summary, tr, cmds),
        }
    }

    fn choose_ui(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label(tr.im_kind);
            for (kind, label) in [
                (ImportKind::Clients, tr.nav_clients),
                (ImportKind::Achievements, tr.nav_achievements),
                (ImportKind::Needs, tr.nav_needs),
                (ImportKind::Deals, tr.nav_deals),
                (ImportKind::Carriers, tr.im_kind_carriers),
            ] {
                if ui.radio(self.kind == kind, label).clicked() && self.kind != kind {
                    self.kind = kind;
                    // The same file maps differently for another kind of record.
                    if self.file.is_some() {
                        cmds.push(Command::ImportReload);
                    }
                }
            }
            ui.separator();
            if ui.button(tr.im_choose_file).clicked() {
                cmds.push(Command::ImportPickFile);
            }
        });
        if let Some(path) = &self.file {
            ui.label(file_line(path, tr));
        }
        if let Some(info) = &self.info {
            ui.horizontal(|ui| {
                if let (Some(enc), Some(delim)) = (info.encoding, info.delimiter) {
                    let delim = match delim {
                        b'\t' => "Tab".to_string(),
                        d => char::from(d).to_string(),
                    };
                    ui.label(fill(
                        tr.im_csv_format,
                        &[("encoding", &enc), ("delimiter", &delim)],
                    ));
                }
                if !info.sheets.is_empty() {
                    let label = ui.label(tr.im_sheet);
                    let mut sheet = self.sheet.clone().unwrap_or_default();
                    egui::ComboBox::from_id_salt("import_sheet")
                        .selected_text(&sheet)
                        .show_ui(ui, |ui| {
                            for name in &info.sheets {
                                ui.selectable_value(&mut sheet, name.clone(), name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if self.sheet.as_ref() != Some(&sheet) {
                        cmds.push(Command::ImportSheet(sheet));
                    }
                }
                if !info.is_json() && !info.top_rows.is_empty() {
                    ui.separator();
                    header_row_ui(ui, info, tr, cmds);
                }
            });
            if info.sheet_chosen
                && let Some(sheet) = &info.sheet
            {
                ui.label(fill(tr.im_sheet_chosen, &[("name", sheet)]));
            }
            if info.two_row_header {
                ui.label(tr.im_two_row_header);
            }
        }
    }

    fn map_ui(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let Some(info) = &self.info else {
            return;
        };
        let Some(mapping) = &mut self.mapping else {
            ui.label(tr.im_json_file);
            if ui.button(tr.im_check).clicked() {
                cmds.push(Command::ImportCheck);
            }
            return;
        };
        ui.horizontal(|ui| {
            ui.strong(tr.im_mapping);
            if self.saved_applied {
                ui.label(RichText::new(tr.im_saved_mapping_applied).italics());
            }
        });
        let missing = mapping.missing_required();
        egui::ScrollArea::vertical()
            .max_height(ui.available_height() - 80.0)
            .show(ui, |ui| {
                egui::Grid::new("import_mapping")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        ui.strong(tr.im_col_column);
                        ui.strong(tr.im_col_sample);
                        ui.strong(tr.im_col_field);
                        ui.end_row();
                        for col in 0..mapping.headers.len() {
                            let label = ui.label(&mapping.headers[col]);
                            let sample = info.first_row.get(col).map(String::as_str).unwrap_or("");
                            ui.label(RichText::new(truncate(sample, 40)).weak());
                            let mut target = mapping.columns[col];
                            let required = mapping.kind.required();
                            ui.push_id(col, |ui| {
                                option_combo(
                                    ui,
                                    "target",
                                    &mut target,
                                    mapping.kind.targets(),
                                    tr.im_ignore,
                                    |t| {
                                        if required.contains(t) {
                                            format!("{} *", tr.target(*t))
                                        } else {
                                            tr.target(*t).to_string()
                                        }
                                    },
                                )
                                .labelled_by(label.id);
                            });
                            if target != mapping.columns[col] {
                                mapping.set(col, target);
                            }
                            ui.end_row();
                        }
                    });
            });
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|t| tr.target(*t)).collect();
            error_text(
                ui,
                &fill(
                    tr.im_missing_required,
                    &[("fields", &names.join(tr.dash_list_separator))],
                ),
            );
        }
        for note in tr.column_notes(mapping) {
            ui.label(note);
        }
        ui.horizontal(|ui| {
            if ui
                .button(tr.im_save_mapping)
                .on_hover_text(tr.im_save_mapping_hint)
                .clicked()
            {
                cmds.push(Command::ImportSaveMapping);
            }
            if ui
                .add_enabled(missing.is_empty(), egui::Button::new(tr.im_check))
                .clicked()
            {
                cmds.push(Command::ImportCheck);
            }
        });
    }

    fn review_ui(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        let Step::Review(report) = &self.step else {
            return;
        };
        let options = &mut self.options;
        ui.label(fill(
            tr.im_rows_summary,
            &[
                ("rows", &report.rows),
                ("valid", &report.valid),
                ("invalid", &report.errors.len()),
            ],
        ));
        ui.label(fill(
            tr.im_duplicates,
            &[
                ("db", &report.duplicates_in_db),
                ("file", &report.duplicates_in_file),
            ],
        ));
        if !report.warnings.is_empty() {
            ui.label(fill(
                tr.im_warnings_summary,
                &[("n", &report.warnings.len())],
            ));
        }
        if !report.skipped.is_empty() {
            ui.label(skipped_text(&report.skipped, tr));
        }
        if let Some(mapping) = &self.mapping {
            for note in tr.column_notes(mapping) {
                ui.label(note);
            }
        }
        ui.horizontal(|ui| {
            ui.label(tr.im_dup_policy);
            for (policy, label) in [
                (DuplicatePolicy::Skip, tr.im_dup_skip),
                (DuplicatePolicy::Update, tr.im_dup_update),
                (DuplicatePolicy::KeepBoth, tr.im_dup_keep),
            ] {
                ui.radio_value(&mut options.duplicates, policy, label);
            }
        });
        if !report.unknown_owners.is_empty() {
            let mut names: Vec<&str> = report
                .unknown_owners
                .keys()
                .take(OWNERS_SHOWN)
                .map(String::as_str)
                .collect();
            if report.unknown_owners.len() > OWNERS_SHOWN {
                names.push("…");
            }
            ui.label(fill(
                tr.im_unknown_owners,
                &[
                    ("n", &report.unknown_owners.len()),
                    ("names", &names.join(tr.dash_list_separator)),
                ],
            ));
            ui.checkbox(&mut options.create_owners, tr.im_create_owners);
        }
        let rejected = report.rejected(options.create_owners);
        let importable = report.rows - rejected;
        ui.horizontal(|ui| {
            if importable == 0 {
                error_text(ui, tr.im_nothing_valid);
            } else if rejected == 0 {
                if ui
                    .button(fill(tr.im_import_all, &[("n", &importable)]))
                    .clicked()
                {
                    cmds.push(Command::ImportCommit);
                }
            } else if ui
                .button(fill(
                    tr.im_import_valid,
                    &[("n", &importable), ("m", &rejected)],
                ))
                .clicked()
            {
                cmds.push(Command::ImportCommit);
            }
            if ui.button(tr.im_import_nothing).clicked() {
                cmds.push(Command::ImportReset);
            }
        });
        ui.separator();
        ui.strong(fill(tr.im_preview, &[("n", &report.preview.len())]));
        preview_table(ui, self.kind, &report.preview, tr);
        let unknown = (!options.create_owners).then_some(&report.unknown_owners);
        if !report.errors.is_empty() || unknown.is_some_and(|u| !u.is_empty()) {
            ui.separator();
            ui.strong(tr.im_errors);
            errors_table(ui, &report.errors, self.mapping.as_ref(), tr);
        }
        if !report.warnings.is_empty() {
            ui.separator();
            ui.strong(tr.im_warnings);
            warnings_table(ui, &report.warnings, self.mapping.as_ref(), tr);
        }
    }
}

/// The choice of the header row among the table's first rows, each shown by its cells.
fn header_row_ui(ui: &mut Ui, info: &FileInfo, tr: &Tr, cmds: &mut Vec<Command>) {
    let row_text = |number: usize| {
        let cells = info
            .top_rows
            .iter()
            .find(|r| r.number == number)
            .map(|r| {
                r.cells
                    .iter()
                    .filter(|c| !c.is_empty())
                    .map(|c| c.replace('\n', " "))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .unwrap_or_default();
        fill(
            tr.im_row_n,
            &[("n", &number), ("cells", &truncate(&cells, 48))],
        )
    };
    let label = ui.label(tr.im_header_row);
    let mut chosen = info.header_row;
    egui::ComboBox::from_id_salt("import_header_row")
        .selected_text(row_text(chosen))
        .width(360.0)
        .show_ui(ui, |ui| {
            for row in &info.top_rows {
                ui.selectable_value(&mut chosen, row.number, row_text(row.number));
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != info.header_row {
        cmds.push(Command::ImportHeaderRow(chosen));
    }
}

fn skipped_text(rows: &[SkippedRow], tr: &Tr) -> String {
    let mut list: Vec<String> = rows
        .iter()
        .take(OWNERS_SHOWN)
        .map(|r| format!("{} {}", r.number, tr.skip_reason(r.reason)))
        .collect();
    if rows.len() > OWNERS_SHOWN {
        list.push("…".into());
    }
    fill(
        tr.im_skipped_summary,
        &[
            ("n", &rows.len()),
            ("rows", &list.join(tr.dash_list_separator)),
        ],
    )
}

fn file_line(path: &Path, tr: &Tr) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fill(tr.im_file, &[("name", &name)])
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut t: String = text.chars().take(max).collect();
        t.push('…');
        t
    }
}

fn progress_ui(ui: &mut Ui, label: &str, fraction: f32, cancel: impl FnOnce(), tr: &Tr) {
    ui.label(label);
    ui.add(egui::ProgressBar::new(fraction).show_percentage());
    if ui.button(tr.cancel).clicked() {
        cancel();
    }
}

fn done_ui(ui: &mut Ui, summary: &ImportSummary, tr: &Tr, cmds: &mut Vec<Command>) {
    ui.label(tr.import_summary(summary));
    if !summary.skipped.is_empty() {
        ui.label(skipped_text(&summary.skipped, tr));
    }
    ui.horizontal(|ui| {
        if !summary.rejected.is_empty() && ui.button(tr.im_save_rejected).clicked() {
            cmds.push(Command::ImportSaveRejected);
        }
        if ui.button(tr.im_close).clicked() {
            cmds.push(Command::ImportReset);
        }
    });
}

impl View for ImportScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.tr, cx.cmds);
    }
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn long_samples_are_cut_with_an_ellipsis() {
        assert_eq!(truncate("一二三四五", 3), "一二三…");
        assert_eq!(truncate("一二三", 3), "一二三");
    }
}

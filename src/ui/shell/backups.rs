//! File → Backups…: the backups beside the database, newest first, and restoring one after
//! the broker confirms (the current file is backed up first).

use std::path::{Path, PathBuf};

use egui::Ui;

use crate::i18n::{Tr, fill};
use crate::store::{Backup, BackupKind, list_backups};
use crate::ui::command::Command;
use crate::ui::widgets::error_text;

pub struct BackupsDialog {
    backups: Result<Vec<Backup>, String>,
    /// The backup the broker asked to restore, waiting for their confirmation.
    confirm: Option<PathBuf>,
}

impl BackupsDialog {
    pub fn open(db: &Path) -> BackupsDialog {
        BackupsDialog {
            backups: list_backups(db).map_err(|e| e.to_string()),
            confirm: None,
        }
    }

    /// Draws the dialog; false once it is closed.
    pub fn show(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) -> bool {
        let mut open = true;
        let modal = egui::Modal::new(egui::Id::unique("backups_dialog")).show(ui.ctx(), |ui| {
            ui.heading(tr.backups_title);
            ui.label(tr.backups_explained);
            ui.add_space(8.0);
            match &self.backups {
                Err(e) => {
                    error_text(ui, &fill(tr.db_error, &[("detail", e)]));
                }
                Ok(list) if list.is_empty() => {
                    ui.label(tr.backups_none);
                }
                Ok(list) => {
                    egui::ScrollArea::vertical()
                        .max_height(360.0)
                        .show(ui, |ui| {
                            egui::Grid::new("backups").striped(true).show(ui, |ui| {
                                for b in list {
                                    ui.label(b.taken.format("%Y-%m-%d %H:%M").to_string());
                                    ui.label(kind_name(b.kind, tr));
                                    ui.label(size_text(b.bytes));
                                    if ui.button(tr.backup_restore).clicked() {
                                        self.confirm = Some(b.path.clone());
                                    }
                                    ui.end_row();
                                }
                            });
                        });
                }
            }
            ui.add_space(8.0);
            if let Some(path) = self.confirm.clone() {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ui.label(fill(tr.backup_restore_confirm, &[("name", &name)]));
                ui.horizontal(|ui| {
                    if ui.button(tr.backup_restore_yes).clicked() {
                        cmds.push(Command::RestoreBackup(path));
                        open = false;
                    }
                    if ui.button(tr.cancel).clicked() {
                        self.confirm = None;
                    }
                });
            } else if ui.button(tr.close).clicked() {
                open = false;
            }
        });
        // Esc or a click outside closes it.
        open && !modal.should_close()
    }
}

fn kind_name(kind: BackupKind, tr: &Tr) -> &'static str {
    match kind {
        BackupKind::Daily => tr.backup_daily,
        BackupKind::BeforeImport => tr.backup_before_import,
        BackupKind::BeforeRestore => tr.backup_before_restore,
        BackupKind::Manual => tr.backup_manual,
    }
}

fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

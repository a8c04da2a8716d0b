//! The detail views of one achievement and one need; the achievement's page adds its rights
//! (`achievement_rights`).

use crate::ui::widgets::read_error;
use egui::{RichText, Ui};

use crate::domain::{Achievement, AchievementId, Need, NeedId};
use crate::i18n::Tr;
use crate::matching::Subject;
use crate::store::{Store, StoreError};
use crate::ui::command::{Command, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::view::{Cx, View};
use crate::ui::widgets::fmt_date;

/// A record loaded by its id `I`, reloaded whenever the store changes.
pub struct Detail<I, T> {
    pub id: I,
    item: Reloaded<u64, Option<T>>,
}

impl<I: Copy, T> Detail<I, T> {
    pub fn new(id: I) -> Self {
        Self {
            id,
            item: Reloaded::default(),
        }
    }

    fn refresh(
        &mut self,
        store: &Store,
        load: impl Fn(&Store, I) -> Result<Option<T>, StoreError>,
    ) {
        let id = self.id;
        self.item.refresh(store.revision(), || load(store, id));
    }

    /// Reloads if needed and shows the back button and any error; the record, if there is one.
    fn prepare(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        tr: &Tr,
        back: Screen,
        cmds: &mut Vec<Command>,
        load: impl Fn(&Store, I) -> Result<Option<T>, StoreError>,
    ) -> Option<&T> {
        self.refresh(store, load);
        if ui.button(format!("← {}", tr.back)).clicked() {
            cmds.push(Command::Navigate(back));
        }
        read_error(ui, tr, self.item.error());
        if self.item.get().is_none_or(Option::is_none) {
            ui.label(tr.not_found);
        }
        self.item.get().and_then(Option::as_ref)
    }
}

/// Label–value rows, skipping empty values.
fn facts(ui: &mut Ui, id: &str, rows: &[(&str, String)]) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (label, value) in rows {
                if !value.is_empty() {
                    ui.label(RichText::new(*label).weak());
                    ui.add(egui::Label::new(value.as_str()).wrap());
                    ui.end_row();
                }
            }
        });
}

/// A long text under its heading, when there is one.
fn paragraph(ui: &mut Ui, title: &str, text: &str) {
    if !text.is_empty() {
        ui.add_space(8.0);
        ui.strong(title);
        ui.add(egui::Label::new(text).wrap());
    }
}

pub fn achievement_ui(
    detail: &mut Detail<AchievementId, Achievement>,
    ui: &mut Ui,
    store: &Store,
    tr: &Tr,
    cmds: &mut Vec<Command>,
    more: impl FnOnce(&mut Ui, &Achievement, &mut Vec<Command>),
) {
    let Some(a) = detail.prepare(ui, store, tr, Screen::Achievements, cmds, |s, id| {
        s.get_achievement(id)
    }) else {
        return;
    };
    let d = &a.data;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading(&d.title);
            ui.label(RichText::new(tr.achievement_status(d.status)).strong());
            if a.deleted_at.is_none() {
                ui.add_space(16.0);
                if ui.button(tr.edit_achievement).clicked() {
                    cmds.push(Command::EditAchievement(a.id));
                }
                if ui.button(tr.delete_achievement).clicked() {
                    cmds.push(Command::DeleteAchievement(a.id));
                }
                if ui.button(tr.find_matches).clicked() {
                    cmds.push(Command::FindMatches(Subject::Achievement(a.id)));
                }
            }
        });
        if ui.link(&a.owner_name).clicked() {
            cmds.push(Command::Navigate(Screen::Client(d.owner)));
        }
        let modes: Vec<&str> = d
            .transfer_modes
            .iter()
            .map(|m| tr.transfer_mode(m))
            .collect();
        facts(
            ui,
            "achievement_facts",
            &[
                (tr.a_inventors, d.inventors.clone()),
                (tr.a_field, d.field.clone()),
                (tr.keywords, d.keywords.join(tr.dash_list_separator)),
                (tr.col_trl, format!("TRL {} · {}", d.trl, tr.stage(d.stage))),
                (tr.a_modes, modes.join(tr.dash_list_separator)),
                (tr.a_price, tr.price_yuan(d.price)),
                (tr.a_registration, d.registration_no.clone()),
                (tr.a_source, d.source.clone()),
            ],
        );
        paragraph(ui, tr.a_abstract, &d.abstract_text);
        paragraph(ui, tr.a_indicators, &d.indicators);
        ui.add_space(8.0);
        ui.strong(tr.a_ip);
        if d.ip_items.is_empty() {
            ui.label(tr.none);
        }
        egui::Grid::new("achievement_ip")
            .num_columns(4)
            .striped(true)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for ip in &d.ip_items {
                    ui.label(tr.ip_kind(ip.kind));
                    ui.label(&ip.number);
                    ui.label(tr.ip_status(ip.status));
                    ui.label(ip.expiry.map(fmt_date).unwrap_or_default());
                    ui.end_row();
                }
            });
        more(ui, a, cmds);
    });
}

pub fn need_ui(
    detail: &mut Detail<NeedId, Need>,
    ui: &mut Ui,
    store: &Store,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) {
    let Some(n) = detail.prepare(ui, store, tr, Screen::Needs, cmds, |s, id| s.get_need(id)) else {
        return;
    };
    let d = &n.data;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if d.confidential {
                ui.label(
                    RichText::new(tr.confidential_mark)
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
            }
            ui.heading(&d.title);
            ui.label(RichText::new(tr.need_status(d.status)).strong());
            if n.deleted_at.is_none() {
                ui.add_space(16.0);
                if ui.button(tr.edit_need).clicked() {
                    cmds.push(Command::EditNeed(n.id));
                }
                if ui.button(tr.delete_need).clicked() {
                    cmds.push(Command::DeleteNeed(n.id));
                }
                if ui.button(tr.find_matches).clicked() {
                    cmds.push(Command::FindMatches(Subject::Need(n.id)));
                }
            }
        });
        if ui.link(&n.enterprise_name).clicked() {
            cmds.push(Command::Navigate(Screen::Client(d.enterprise)));
        }
        let maturity = match (d.min_stage, d.min_trl) {
            (Some(s), Some(t)) => format!("{} · TRL ≥ {t}", tr.stage(s)),
            (Some(s), None) => tr.stage(s).to_string(),
            (None, Some(t)) => format!("TRL ≥ {t}"),
            (None, None) => String::new(),
        };
        facts(
            ui,
            "need_facts",
            &[
                (tr.a_field, d.field.clone()),
                (tr.keywords, d.keywords.join(tr.dash_list_separator)),
                (
                    tr.n_budget,
                    d.budget_written()
                        .map_or_else(|| tr.price_yuan(d.budget), str::to_string),
                ),
                (tr.n_mode, tr.need_mode(d.preferred_mode).to_string()),
                (tr.n_min_stage, maturity),
                (
                    tr.col_deadline,
                    d.deadline.map(fmt_date).unwrap_or_default(),
                ),
            ],
        );
        paragraph(ui, tr.n_description, &d.description);
        paragraph(ui, tr.n_indicators, &d.indicators);
    });
}

impl View for Detail<NeedId, Need> {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        need_ui(self, ui, cx.store, cx.tr, cx.cmds);
    }
}

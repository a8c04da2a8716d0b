//! The achievement catalogue: search, filters and a virtualised, sortable table.

use crate::ui::view::{Cx, View};
use egui::{RichText, Ui};

use crate::catalog::{AchievementFilter, AchievementSort, AchievementSortKey, Catalogs};
use crate::domain::{AchievementId, AchievementStatus, ClientId, Stage, TransferMode};
use crate::i18n::{Tr, fill};
use crate::io::import::ImportKind;
use crate::io::tables::{self, Table};
use crate::ui::command::{Command, ListKind, Screen};
use crate::ui::widgets::catalog_table::{
    ColumnSpec, catalog_state, local_date, price_range_inputs, sortable_table,
};
use crate::ui::widgets::combos::option_combo;
use crate::ui::widgets::export_menu;
use crate::ui::widgets::list_view::ListView;

#[derive(Default)]
pub struct AchievementsScreen {
    pub filter: AchievementFilter,
    pub query: String,
    sort: AchievementSort,
    price_min: String,
    price_max: String,
    list: ListView<AchievementSort, AchievementFilter>,
}

impl AchievementsScreen {
    /// Shows only the achievements of one organisation (from its detail view).
    pub fn show_owner(&mut self, owner: ClientId) {
        self.show_filter(AchievementFilter {
            owner: Some(owner),
            ..AchievementFilter::default()
        });
    }

    /// Shows the list with `filter` and nothing else: no search, default order.
    pub fn show_filter(&mut self, filter: AchievementFilter) {
        *self = Self {
            filter,
            ..Self::default()
        };
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        catalogs: &Catalogs,
        fields: &[String],
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        let Some(catalog) = catalog_state(ui, catalogs, &catalogs.achievements, tr) else {
            return;
        };
        let owner_name = self
            .filter
            .owner
            .and_then(|o| catalog.rows().iter().find(|r| r.owner == o))
            .map(|r| r.owner_name.clone());
        self.toolbar(ui, fields, owner_name, tr, cmds);
        let sort = self.sort;
        self.list.refresh(
            catalog,
            sort,
            |c| sort.order(c),
            &self.filter,
            AchievementFilter::accepts,
            &self.query,
        );
        ui.separator();
        if catalog.is_empty() {
            ui.label(tr.no_achievements);
            return;
        }
        ui.label(fill(
            tr.achievements_count,
            &[
                ("shown", &self.list.view().len()),
                ("total", &catalog.len()),
            ],
        ));
        let columns = [
            ColumnSpec {
                key: AchievementSortKey::Title,
                title: tr.col_title,
                width: 340.0,
            },
            ColumnSpec {
                key: AchievementSortKey::Owner,
                title: tr.col_owner,
                width: 220.0,
            },
            ColumnSpec {
                key: AchievementSortKey::Field,
                title: tr.col_field,
                width: 110.0,
            },
            ColumnSpec {
                key: AchievementSortKey::Trl,
                title: tr.col_trl,
                width: 90.0,
            },
            ColumnSpec {
                key: AchievementSortKey::Price,
                title: tr.col_price,
                width: 100.0,
            },
            ColumnSpec {
                key: AchievementSortKey::Status,
                title: tr.col_status,
                width: 80.0,
            },
            ColumnSpec {
                key: AchievementSortKey::Updated,
                title: tr.col_updated,
                width: 90.0,
            },
        ];
        let clicked = sortable_table(
            ui,
            catalog,
            self.list.view(),
            &columns,
            (sort.key, sort.descending),
            |row, r| {
                row.col(|ui| {
                    if ui.link(&r.title).clicked() {
                        cmds.push(Command::Navigate(Screen::Achievement(r.id)));
                    }
                });
                row.col(|ui| {
                    ui.label(&r.owner_name);
                });
                row.col(|ui| {
                    ui.label(&r.field);
                });
                row.col(|ui| {
                    ui.label(format!("{} · {}", r.trl, tr.stage(r.stage)));
                });
                row.col(|ui| {
                    ui.label(tr.price_wan(r.price));
                });
                row.col(|ui| {
                    ui.label(tr.achievement_status(r.status));
                });
                row.col(|ui| {
                    ui.label(local_date(r.updated_at));
                });
            },
        );
        if let Some(key) = clicked {
            self.sort = self.sort.clicked(key);
        }
    }

    /// The list as shown (filtered, searched, sorted), for export.
    pub fn export(&self, catalogs: &Catalogs, tr: &Tr) -> Table {
        let rows = self.list.shown(catalogs.achievements.ready());
        tables::achievements(rows.into_iter(), tr)
    }

    /// The ids of the records shown, in order.
    pub fn shown_ids(&self, catalogs: &Catalogs) -> Vec<AchievementId> {
        let rows = self.list.shown(catalogs.achievements.ready());
        rows.iter().map(|r| r.id).collect()
    }

    fn toolbar(
        &mut self,
        ui: &mut Ui,
        fields: &[String],
        owner_name: Option<String>,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.new_achievement).clicked() {
                cmds.push(Command::NewAchievement { owner: None });
            }
            export_menu(ui, ListKind::Achievements, tr, cmds);
            if ui.button(tr.import_button).clicked() {
                cmds.push(Command::StartImport(Some(ImportKind::Achievements)));
            }
            ui.separator();
            let label = ui.label(tr.search);
            ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(tr.catalog_search_hint)
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
            if let (Some(_), Some(name)) = (self.filter.owner, owner_name)
                && ui
                    .button(format!("{} ×", fill(tr.filter_owner, &[("name", &name)])))
                    .clicked()
            {
                self.filter.owner = None;
            }
            if ui.button(tr.clear_filters).clicked() {
                self.filter = AchievementFilter::default();
                self.price_min.clear();
                self.price_max.clear();
            }
        });
        ui.horizontal_wrapped(|ui| {
            let f = &mut self.filter;
            let label = ui.label(tr.col_field);
            option_combo(ui, "a_field", &mut f.field, fields, tr.any, String::clone)
                .labelled_by(label.id);
            let label = ui.label(tr.col_stage);
            option_combo(ui, "a_stage", &mut f.stage, &Stage::ALL, tr.any, |s| {
                tr.stage(*s).to_string()
            })
            .labelled_by(label.id);
            let label = ui.label(tr.col_trl);
            ui.add(egui::DragValue::new(&mut f.trl_min).range(1..=9))
                .labelled_by(label.id);
            ui.label("–");
            ui.add(egui::DragValue::new(&mut f.trl_max).range(1..=9))
                .labelled_by(label.id);
            if f.trl_min > f.trl_max {
                std::mem::swap(&mut f.trl_min, &mut f.trl_max);
            }
            let label = ui.label(tr.a_modes);
            option_combo(ui, "a_mode", &mut f.mode, &TransferMode::ALL, tr.any, |m| {
                tr.transfer_mode(*m).to_string()
            })
            .labelled_by(label.id);
            let label = ui.label(tr.col_status);
            option_combo(
                ui,
                "a_status",
                &mut f.status,
                &AchievementStatus::ALL,
                tr.any,
                |s| tr.achievement_status(*s).to_string(),
            )
            .labelled_by(label.id);
            price_range_inputs(
                ui,
                tr.col_price,
                &mut f.price,
                &mut self.price_min,
                &mut self.price_max,
                tr,
            );
        });
        if self.filter.price.min.is_none() && !self.price_min.trim().is_empty()
            || self.filter.price.max.is_none() && !self.price_max.trim().is_empty()
        {
            ui.label(RichText::new(tr.p_invalid_amount).color(ui.visuals().error_fg_color));
        }
    }
}

impl View for AchievementsScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.catalogs, cx.fields, cx.tr, cx.cmds);
    }
}

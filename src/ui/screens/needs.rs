//! The need catalogue: search, filters and a virtualised, sortable table. Confidential needs are
//! marked.

use crate::ui::view::{Cx, View};
use egui::{RichText, Ui};

use crate::catalog::{Catalogs, NeedFilter, NeedSort, NeedSortKey};
use crate::domain::{ClientId, NeedId, NeedMode, NeedRow, NeedStatus, Stage};
use crate::i18n::{Tr, fill};
use crate::io::import::ImportKind;
use crate::io::tables::{self, Table};
use crate::ui::command::{Command, ListKind, Screen};
use crate::ui::widgets::catalog_table::{
    ColumnSpec, catalog_state, local_date, price_range_inputs, sortable_table,
};
use crate::ui::widgets::combos::option_combo;
use crate::ui::widgets::export_menu;
use crate::ui::widgets::fmt_date;
use crate::ui::widgets::list_view::ListView;

#[derive(Default)]
pub struct NeedsScreen {
    pub filter: NeedFilter,
    pub query: String,
    sort: NeedSort,
    budget_min: String,
    budget_max: String,
    list: ListView<NeedSort, NeedFilter>,
}

/// A need's title with the confidential mark in front when it is confidential.
pub fn need_title(r: &NeedRow, tr: &Tr) -> String {
    if r.confidential {
        format!("{}{}", tr.confidential_mark, r.title)
    } else {
        r.title.clone()
    }
}

impl NeedsScreen {
    /// Shows only the needs of one enterprise (from its detail view).
    pub fn show_enterprise(&mut self, enterprise: ClientId) {
        self.show_filter(NeedFilter {
            enterprise: Some(enterprise),
            ..NeedFilter::default()
        });
    }

    /// Shows the list with `filter` and nothing else: no search, default order.
    pub fn show_filter(&mut self, filter: NeedFilter) {
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
        let Some(catalog) = catalog_state(ui, catalogs, &catalogs.needs, tr) else {
            return;
        };
        let enterprise_name = self
            .filter
            .enterprise
            .and_then(|e| catalog.rows().iter().find(|r| r.enterprise == e))
            .map(|r| r.enterprise_name.clone());
        self.toolbar(ui, fields, enterprise_name, tr, cmds);
        let sort = self.sort;
        self.list.refresh(
            catalog,
            sort,
            |c| sort.order(c),
            &self.filter,
            NeedFilter::accepts,
            &self.query,
        );
        ui.separator();
        if catalog.is_empty() {
            ui.label(tr.no_needs);
            return;
        }
        ui.label(fill(
            tr.needs_count,
            &[
                ("shown", &self.list.view().len()),
                ("total", &catalog.len()),
            ],
        ));
        let columns = [
            ColumnSpec {
                key: NeedSortKey::Title,
                title: tr.col_title,
                width: 340.0,
            },
            ColumnSpec {
                key: NeedSortKey::Enterprise,
                title: tr.col_enterprise,
                width: 220.0,
            },
            ColumnSpec {
                key: NeedSortKey::Field,
                title: tr.col_field,
                width: 110.0,
            },
            ColumnSpec {
                key: NeedSortKey::Budget,
                title: tr.col_budget,
                width: 100.0,
            },
            ColumnSpec {
                key: NeedSortKey::Deadline,
                title: tr.col_deadline,
                width: 100.0,
            },
            ColumnSpec {
                key: NeedSortKey::Status,
                title: tr.col_status,
                width: 80.0,
            },
            ColumnSpec {
                key: NeedSortKey::Updated,
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
                    if ui.link(need_title(r, tr)).clicked() {
                        cmds.push(Command::Navigate(Screen::Need(r.id)));
                    }
                });
                row.col(|ui| {
                    ui.label(&r.enterprise_name);
                });
                row.col(|ui| {
                    ui.label(&r.field);
                });
                row.col(|ui| {
                    // A range or cap shows as written.
                    if r.budget_text.is_empty() {
                        ui.label(tr.price_wan(r.budget));
                    } else {
                        ui.label(&r.budget_text);
                    }
                });
                row.col(|ui| {
                    if let Some(d) = r.deadline {
                        ui.label(fmt_date(d));
                    }
                });
                row.col(|ui| {
                    ui.label(tr.need_status(r.status));
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
        let rows = self.list.shown(catalogs.needs.ready());
        tables::needs(rows.into_iter(), tr)
    }

    /// The ids of the records shown, in order.
    pub fn shown_ids(&self, catalogs: &Catalogs) -> Vec<NeedId> {
        let rows = self.list.shown(catalogs.needs.ready());
        rows.iter().map(|r| r.id).collect()
    }

    fn toolbar(
        &mut self,
        ui: &mut Ui,
        fields: &[String],
        enterprise_name: Option<String>,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.new_need).clicked() {
                cmds.push(Command::NewNeed { enterprise: None });
            }
            export_menu(ui, ListKind::Needs, tr, cmds);
            if ui.button(tr.import_button).clicked() {
                cmds.push(Command::StartImport(Some(ImportKind::Needs)));
            }
            ui.separator();
            let label = ui.label(tr.search);
            ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(tr.catalog_search_hint)
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
            if let (Some(_), Some(name)) = (self.filter.enterprise, enterprise_name)
                && ui
                    .button(format!("{} ×", fill(tr.filter_owner, &[("name", &name)])))
                    .clicked()
            {
                self.filter.enterprise = None;
            }
            if ui.button(tr.clear_filters).clicked() {
                self.filter = NeedFilter::default();
                self.budget_min.clear();
                self.budget_max.clear();
            }
        });
        ui.horizontal_wrapped(|ui| {
            let f = &mut self.filter;
            let label = ui.label(tr.col_field);
            option_combo(ui, "n_field", &mut f.field, fields, tr.any, String::clone)
                .labelled_by(label.id);
            let label = ui.label(tr.col_min_stage);
            option_combo(ui, "n_stage", &mut f.min_stage, &Stage::ALL, tr.any, |s| {
                tr.stage(*s).to_string()
            })
            .labelled_by(label.id);
            let label = ui.label(tr.n_mode);
            option_combo(ui, "n_mode", &mut f.mode, &NeedMode::ALL, tr.any, |m| {
                tr.need_mode(*m).to_string()
            })
            .labelled_by(label.id);
            let label = ui.label(tr.col_status);
            option_combo(
                ui,
                "n_status",
                &mut f.status,
                &NeedStatus::ALL,
                tr.any,
                |s| tr.need_status(*s).to_string(),
            )
            .labelled_by(label.id);
            price_range_inputs(
                ui,
                tr.col_budget,
                &mut f.budget,
                &mut self.budget_min,
                &mut self.budget_max,
                tr,
            );
        });
        if self.filter.budget.min.is_none() && !self.budget_min.trim().is_empty()
            || self.filter.budget.max.is_none() && !self.budget_max.trim().is_empty()
        {
            ui.label(RichText::new(tr.p_invalid_amount).color(ui.visuals().error_fg_color));
        }
    }
}

impl View for NeedsScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.catalogs, cx.fields, cx.tr, cx.cmds);
    }
}

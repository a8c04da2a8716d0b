//! The need catalogue: search, filters and a virtualised, sortable table. Confidential needs are
//! marked.

use egui::Ui;
use egui_extras::TableRow;

use crate::catalog::{Catalog, Catalogs, Loadable, NeedFilter, NeedSort, NeedSortKey, PriceRange};
use crate::domain::{ClientId, NeedId, NeedMode, NeedRow, NeedStatus, Stage};
use crate::i18n::Tr;
use crate::io::import::ImportKind;
use crate::ui::command::{Command, ListKind, Screen};
use crate::ui::widgets::catalog_list::{CatalogKind, CatalogList, Texts};
use crate::ui::widgets::catalog_table::{ColumnSpec, local_date};
use crate::ui::widgets::combos::option_combo;
use crate::ui::widgets::fmt_date;
use crate::ui::widgets::labelled;

pub struct Needs;

pub type NeedsScreen = CatalogList<Needs>;

/// A need's title with the confidential mark in front when it is confidential.
pub fn need_title(r: &NeedRow, tr: &Tr) -> String {
    tr.need_title(&r.title, r.confidential)
}

impl CatalogKind for Needs {
    type Row = NeedRow;
    type Filter = NeedFilter;
    type Sort = NeedSort;
    type Key = NeedSortKey;
    const LIST: ListKind = ListKind::Needs;
    const IMPORT: ImportKind = ImportKind::Needs;
    const SEARCH_ID: &'static str = "needs_search";

    fn loadable(catalogs: &Catalogs) -> &Loadable<Catalog<NeedRow>> {
        &catalogs.needs
    }

    fn accepts(filter: &NeedFilter, row: &NeedRow) -> bool {
        filter.accepts(row)
    }

    fn order(sort: NeedSort, catalog: &Catalog<NeedRow>) -> Vec<u32> {
        sort.order(catalog)
    }

    fn sorted_by(sort: NeedSort) -> (NeedSortKey, bool) {
        (sort.key, sort.descending)
    }

    fn clicked(sort: NeedSort, key: NeedSortKey) -> NeedSort {
        sort.clicked(key)
    }

    fn client(filter: &mut NeedFilter) -> &mut Option<ClientId> {
        &mut filter.enterprise
    }

    fn client_name(row: &NeedRow) -> &str {
        &row.enterprise_name
    }

    fn price(filter: &mut NeedFilter) -> &mut PriceRange {
        &mut filter.budget
    }

    fn texts(tr: &'static Tr) -> Texts {
        Texts {
            new_record: tr.new_need,
            empty: tr.no_needs,
            count: tr.needs_count,
            price: tr.col_budget,
        }
    }

    fn new_record() -> Command {
        Command::NewNeed { enterprise: None }
    }

    fn open(id: NeedId) -> Command {
        Command::Navigate(Screen::Need(id))
    }

    fn delete(id: NeedId) -> Command {
        Command::DeleteNeed(id)
    }

    fn columns(tr: &'static Tr) -> Vec<ColumnSpec<NeedSortKey>> {
        use NeedSortKey as K;
        vec![
            // Together they fit beside the navigation in a 1024-pixel window; wider windows
            // give the rest to the last column.
            ColumnSpec::new(K::Title, tr.col_title, 220.0),
            ColumnSpec::new(K::Enterprise, tr.col_enterprise, 150.0),
            ColumnSpec::new(K::Field, tr.col_field, 90.0),
            ColumnSpec::new(K::Budget, tr.col_budget, 80.0),
            ColumnSpec::new(K::Deadline, tr.col_deadline, 84.0),
            ColumnSpec::new(K::Status, tr.col_status, 64.0),
            ColumnSpec::new(K::Updated, tr.col_updated, 80.0),
        ]
    }

    fn cells(row: &mut TableRow<'_, '_>, r: &NeedRow, tr: &Tr, cmds: &mut Vec<Command>) {
        row.col(|ui| {
            if ui.link(need_title(r, tr)).clicked() {
                cmds.push(Self::open(r.id));
            }
        });
        row.col(|ui| {
            ui.label(&*r.enterprise_name);
        });
        row.col(|ui| {
            ui.label(&*r.field);
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
    }

    fn filters(ui: &mut Ui, f: &mut NeedFilter, fields: &[String], tr: &Tr) {
        labelled(ui, tr.col_field, |ui| {
            option_combo(ui, "n_field", &mut f.field, fields, tr.any, String::clone)
        });
        labelled(ui, tr.col_min_stage, |ui| {
            option_combo(ui, "n_stage", &mut f.min_stage, &Stage::ALL, tr.any, |s| {
                tr.stage(*s).to_string()
            })
        });
        labelled(ui, tr.n_mode, |ui| {
            option_combo(ui, "n_mode", &mut f.mode, &NeedMode::ALL, tr.any, |m| {
                tr.need_mode(*m).to_string()
            })
        });
        labelled(ui, tr.col_status, |ui| {
            option_combo(
                ui,
                "n_status",
                &mut f.status,
                &NeedStatus::ALL,
                tr.any,
                |s| tr.need_status(*s).to_string(),
            )
        });
    }
}

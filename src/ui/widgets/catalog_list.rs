//! The catalogue lists (achievements, needs): the toolbar, the filters, the count and the
//! virtualised table, written once. A list is a [`CatalogKind`]: its rows, filter and sort,
//! its columns and cells, its own filters and the commands it sends.

use egui::{RichText, Ui};
use egui_extras::TableRow;

use crate::catalog::{Catalog, Catalogs, Loadable, PriceRange, Record};
use crate::domain::ClientId;
use crate::i18n::{Tr, fill};
use crate::io::import::ImportKind;
use crate::ui::command::{Command, ListKind};
use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::catalog_table::{
    ColumnSpec, Selection, catalog_state, price_range_inputs, sortable_table,
};
use crate::ui::widgets::export_menu;
use crate::ui::widgets::keys::focus_once;
use crate::ui::widgets::list_view::ListView;

/// The texts a list shows around its table.
pub struct Texts {
    pub new_record: &'static str,
    pub empty: &'static str,
    /// "{shown} of {total}".
    pub count: &'static str,
    pub price: &'static str,
}

pub trait CatalogKind {
    type Row: Record + Clone;
    type Filter: Clone + PartialEq + Default;
    type Sort: Copy + PartialEq + Default;
    type Key: Copy + PartialEq;
    const LIST: ListKind;
    const IMPORT: ImportKind;
    /// The search field's id: fixed, so the field keeps the keyboard whatever is shown above.
    const SEARCH_ID: &'static str;

    fn loadable(catalogs: &Catalogs) -> &Loadable<Catalog<Self::Row>>;
    fn accepts(filter: &Self::Filter, row: &Self::Row) -> bool;
    fn order(sort: Self::Sort, catalog: &Catalog<Self::Row>) -> Vec<u32>;
    /// The column sorted by, and whether downwards.
    fn sorted_by(sort: Self::Sort) -> (Self::Key, bool);
    fn clicked(sort: Self::Sort, key: Self::Key) -> Self::Sort;
    /// The client (owner, enterprise) the filter narrows the list to.
    fn client(filter: &mut Self::Filter) -> &mut Option<ClientId>;
    fn client_name(row: &Self::Row) -> &str;
    fn price(filter: &mut Self::Filter) -> &mut PriceRange;
    fn texts(tr: &'static Tr) -> Texts;
    fn new_record() -> Command;
    fn open(id: <Self::Row as Record>::Id) -> Command;
    fn delete(id: <Self::Row as Record>::Id) -> Command;
    fn columns(tr: &'static Tr) -> Vec<ColumnSpec<Self::Key>>;
    /// One row's cells, one `row.col` per column.
    fn cells(row: &mut TableRow<'_, '_>, r: &Self::Row, tr: &Tr, cmds: &mut Vec<Command>);
    /// The list's own filters, before the price range.
    fn filters(ui: &mut Ui, filter: &mut Self::Filter, fields: &[String], tr: &Tr);
}

pub struct CatalogList<K: CatalogKind> {
    pub filter: K::Filter,
    pub query: String,
    sort: K::Sort,
    price_min: String,
    price_max: String,
    selection: Selection<<K::Row as Record>::Id>,
    focus_search: bool,
    list: ListView<K::Sort, K::Filter>,
}

impl<K: CatalogKind> Default for CatalogList<K> {
    fn default() -> Self {
        Self {
            filter: K::Filter::default(),
            query: String::new(),
            sort: K::Sort::default(),
            price_min: String::new(),
            price_max: String::new(),
            selection: Selection::default(),
            focus_search: false,
            list: ListView::default(),
        }
    }
}

impl<K: CatalogKind> CatalogList<K> {
    /// Shows the list with `filter` and nothing else: no search, default order.
    pub fn show_filter(&mut self, filter: K::Filter) {
        *self = Self {
            filter,
            ..Self::default()
        };
    }

    /// Shows only the records of one client (from its page).
    pub fn show_client(&mut self, client: ClientId) {
        let mut filter = K::Filter::default();
        *K::client(&mut filter) = Some(client);
        self.show_filter(filter);
    }

    /// The rows as shown (filtered, searched, sorted), for export.
    pub fn shown_rows(&self, catalogs: &Catalogs) -> Vec<K::Row> {
        let rows = self.list.shown(K::loadable(catalogs).ready());
        rows.into_iter().cloned().collect()
    }

    /// The ids of the records shown, in order.
    pub fn shown_ids(&self, catalogs: &Catalogs) -> Vec<<K::Row as Record>::Id> {
        let rows = self.list.shown(K::loadable(catalogs).ready());
        rows.iter().map(|r| r.id()).collect()
    }

    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (tr, catalogs) = (cx.tr, cx.catalogs);
        let Some(catalog) = catalog_state(ui, catalogs, K::loadable(catalogs), tr) else {
            return;
        };
        let texts = K::texts(tr);
        let client_name = K::client(&mut self.filter)
            .and_then(|c| catalog.rows().iter().find(|r| r.client() == c))
            .map(|r| K::client_name(r).to_string());
        self.toolbar(ui, &texts, client_name, cx);
        self.filters(ui, &texts, cx.fields, tr);
        let sort = self.sort;
        self.list.refresh(
            catalog,
            sort,
            |c| K::order(sort, c),
            &self.filter,
            K::accepts,
            &self.query,
        );
        ui.separator();
        if catalog.is_empty() {
            ui.label(texts.empty);
            return;
        }
        ui.horizontal(|ui| {
            ui.label(fill(
                texts.count,
                &[
                    ("shown", &self.list.view().len()),
                    ("total", &catalog.len()),
                ],
            ));
            ui.weak(tr.keys_hint_table);
        });
        let cmds = &mut *cx.cmds;
        let out = sortable_table(
            ui,
            catalog,
            self.list.view(),
            &K::columns(tr),
            K::sorted_by(sort),
            &mut self.selection,
            tr,
            |row, r| K::cells(row, r, tr, cmds),
        );
        if let Some(key) = out.sort {
            self.sort = K::clicked(self.sort, key);
        }
        if let Some(id) = out.open {
            cx.send(K::open(id));
        }
        if let Some(id) = out.delete {
            cx.send(K::delete(id));
        }
    }

    fn toolbar(&mut self, ui: &mut Ui, texts: &Texts, client_name: Option<String>, cx: &mut Cx) {
        let tr = cx.tr;
        ui.horizontal_wrapped(|ui| {
            if ui.button(texts.new_record).clicked() {
                cx.send(K::new_record());
            }
            export_menu(ui, K::LIST, tr, cx.cmds);
            if ui.button(tr.import_button).clicked() {
                cx.send(Command::StartImport(Some(K::IMPORT)));
            }
            ui.separator();
            let label = ui.label(tr.search);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .id(egui::Id::unique(K::SEARCH_ID))
                        .hint_text(tr.catalog_search_hint)
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            focus_once(&field, &mut self.focus_search);
            if let Some(name) = client_name
                && ui
                    .button(format!("{} ×", fill(tr.filter_owner, &[("name", &name)])))
                    .clicked()
            {
                *K::client(&mut self.filter) = None;
            }
            if ui.button(tr.clear_filters).clicked() {
                self.filter = K::Filter::default();
                self.price_min.clear();
                self.price_max.clear();
            }
        });
    }

    fn filters(&mut self, ui: &mut Ui, texts: &Texts, fields: &[String], tr: &Tr) {
        ui.horizontal_wrapped(|ui| {
            K::filters(ui, &mut self.filter, fields, tr);
            price_range_inputs(
                ui,
                texts.price,
                K::price(&mut self.filter),
                &mut self.price_min,
                &mut self.price_max,
                tr,
            );
        });
        let price = K::price(&mut self.filter);
        if price.min.is_none() && !self.price_min.trim().is_empty()
            || price.max.is_none() && !self.price_max.trim().is_empty()
        {
            ui.label(RichText::new(tr.p_invalid_amount).color(ui.visuals().error_fg_color));
        }
    }
}

impl<K: CatalogKind> View for CatalogList<K> {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx);
    }

    fn on_event(&mut self, event: &Event) {
        if *event == Event::FocusSearch {
            self.focus_search = true;
        }
    }
}

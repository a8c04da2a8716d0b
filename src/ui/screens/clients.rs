//! The client list: a virtualised, sortable, filterable table.

use crate::ui::view::{Cx, Event, View};
use egui::{Sense, Ui};
use egui_extras::Column;

use crate::domain::client_list::{self, ClientColumn, ClientFilter, ClientSort};
use crate::domain::{ClientId, ClientKind, ClientRow};
use crate::i18n::{Tr, fill};
use crate::io::import::ImportKind;
use crate::io::tables::{self, Table};
use crate::ui::command::{Command, ListKind, Screen};
use crate::ui::widgets::keys::{RowKey, focus_once, table_keys};
use crate::ui::widgets::{confirm_delete, export_menu, fmt_date, labelled, together};

const ROW_HEIGHT: f32 = 24.0;

#[derive(Default)]
pub struct ClientsScreen {
    regions: Vec<String>,
    /// The clients' revision the regions and positions were made for.
    read_for: Option<u64>,
    filter: ClientFilter,
    sort: ClientSort,
    /// Positions in `rows`, filtered and sorted; rebuilt only when data, filter or sort change.
    view: Vec<usize>,
    view_for: Option<(ClientFilter, ClientSort)>,
    /// Followed by id through every re-sort and filter.
    selected: Option<ClientId>,
    /// Asked to be moved to the trash, waiting for the broker's yes.
    deleting: Option<(ClientId, String)>,
    focus_search: bool,
}

impl ClientsScreen {
    /// The session keeps the clients (`Cx::clients`); this screen keeps only its regions and
    /// the filtered, sorted positions into them.
    fn refresh(&mut self, rows: &[ClientRow], revision: u64) {
        if self.read_for != Some(revision) {
            self.regions = client_list::regions(rows);
            self.read_for = Some(revision);
            self.view_for = None;
        }
        let key = (self.filter.clone(), self.sort);
        if self.view_for.as_ref() != Some(&key) {
            self.view = client_list::select(rows, &self.filter, self.sort);
            self.view_for = Some(key);
        }
    }

    fn show(
        &mut self,
        ui: &mut Ui,
        rows: &[ClientRow],
        revision: u64,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) {
        self.refresh(rows, revision);
        self.toolbar(ui, tr, cmds);
        ui.separator();
        if rows.is_empty() {
            ui.label(tr.no_clients);
            return;
        }
        ui.horizontal(|ui| {
            ui.label(fill(
                tr.clients_count,
                &[("shown", &self.view.len()), ("total", &rows.len())],
            ));
            ui.weak(tr.keys_hint_table);
        });
        self.table(ui, rows, tr, cmds);
    }

    /// The list as shown (filtered, sorted), for export.
    pub fn export(&self, rows: &[ClientRow], tr: &Tr) -> Table {
        tables::clients(self.view.iter().filter_map(|&i| rows.get(i)), tr)
    }

    /// The ids of the clients shown, in order.
    pub fn shown_ids(&self, rows: &[ClientRow]) -> Vec<ClientId> {
        ids_shown(&self.view, rows)
    }

    fn toolbar(&mut self, ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.new_client).clicked() {
                cmds.push(Command::NewClient);
            }
            export_menu(ui, ListKind::Clients, tr, cmds);
            if ui.button(tr.import_button).clicked() {
                cmds.push(Command::StartImport(Some(ImportKind::Clients)));
            }
            ui.separator();
            let label = ui.label(tr.search);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.filter.name)
                        .id(egui::Id::unique("clients_search"))
                        .hint_text(tr.search_hint)
                        .desired_width(200.0),
                )
                .labelled_by(label.id);
            focus_once(&field, &mut self.focus_search);
            ui.separator();
            together(ui, tr.col_kind, |ui| {
                ui.label(tr.col_kind);
                ui.selectable_value(&mut self.filter.kind, None, tr.all);
                for kind in ClientKind::ALL {
                    ui.selectable_value(&mut self.filter.kind, Some(kind), tr.client_kind(kind));
                }
            });
            ui.separator();
            let selected = self
                .filter
                .region
                .clone()
                .unwrap_or_else(|| tr.all.to_string());
            labelled(ui, tr.col_region, |ui| {
                egui::ComboBox::from_id_salt("region_filter")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.filter.region, None, tr.all);
                        for region in &self.regions {
                            ui.selectable_value(
                                &mut self.filter.region,
                                Some(region.clone()),
                                region.as_str(),
                            );
                        }
                    })
                    .response
            });
        });
    }

    fn table(&mut self, ui: &mut Ui, rows: &[ClientRow], tr: &Tr, cmds: &mut Vec<Command>) {
        let columns = [
            (ClientColumn::Name, tr.col_name),
            (ClientColumn::Kind, tr.col_kind),
            (ClientColumn::Region, tr.col_region),
            (ClientColumn::Industry, tr.col_industry),
            (ClientColumn::OpenFollowUps, tr.col_open_follow_ups),
            (ClientColumn::LastContact, tr.col_last_contact),
        ];
        let mut sort = self.sort;
        let view = &self.view;
        let (scroll_to, asked) = table_keys(ui, || ids_shown(view, rows), &mut self.selected);
        match asked {
            Some(RowKey::Open(id)) => cmds.push(Command::Navigate(Screen::Client(id))),
            Some(RowKey::Delete(id)) => {
                let name = rows.iter().find(|r| r.id == id).map(|r| r.name.clone());
                self.deleting = name.map(|n| (id, n));
            }
            None => {}
        }
        let mut table = crate::ui::widgets::fitted_table(ui, "clients");
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, None);
        }
        table
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            // Together they fit beside the navigation in a 1024-pixel window.
            .column(Column::initial(220.0).at_least(120.0).clip(true))
            .column(Column::initial(70.0).at_least(60.0))
            .column(Column::initial(160.0).at_least(80.0).clip(true))
            .column(Column::initial(110.0).at_least(60.0).clip(true))
            .column(Column::initial(70.0).at_least(60.0))
            .column(Column::remainder().at_least(90.0))
            .header(ROW_HEIGHT, |mut header| {
                for (column, title) in columns {
                    header.col(|ui| {
                        let arrow = match (self.sort.column == column, self.sort.descending) {
                            (false, _) => "",
                            (true, false) => " ↑",
                            (true, true) => " ↓",
                        };
                        if ui
                            .add(egui::Button::new(format!("{title}{arrow}")).frame(false))
                            .clicked()
                        {
                            sort = self.sort.clicked(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, self.view.len(), |mut row| {
                    let Some(r) = self.view.get(row.index()).and_then(|&i| rows.get(i)) else {
                        return;
                    };
                    row.set_selected(self.selected == Some(r.id));
                    let mut open = false;
                    row.col(|ui| open |= ui.link(&r.name).clicked());
                    row.col(|ui| {
                        ui.label(tr.client_kind(r.kind));
                    });
                    row.col(|ui| {
                        ui.label(r.region());
                    });
                    row.col(|ui| {
                        ui.label(&*r.industry);
                    });
                    row.col(|ui| {
                        if r.open_follow_ups > 0 {
                            ui.label(r.open_follow_ups.to_string());
                        }
                    });
                    row.col(|ui| {
                        if let Some(d) = r.last_contact {
                            ui.label(fmt_date(d));
                        }
                    });
                    let response = row.response();
                    if response.clicked() {
                        self.selected = Some(r.id);
                    }
                    if open || response.double_clicked() {
                        cmds.push(Command::Navigate(Screen::Client(r.id)));
                    }
                });
            });
        self.sort = sort;
        if let Some((id, name)) = &self.deleting
            && let Some(yes) = confirm_delete(ui, tr, name)
        {
            if yes {
                cmds.push(Command::DeleteClient(*id));
            }
            self.deleting = None;
        }
    }
}

/// The ids of the clients at `view`'s positions, in order.
fn ids_shown(view: &[usize], rows: &[ClientRow]) -> Vec<ClientId> {
    view.iter()
        .filter_map(|&i| rows.get(i))
        .map(|r| r.id)
        .collect()
}

impl View for ClientsScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx.clients, cx.store.clients_revision(), cx.tr, cx.cmds);
    }

    fn on_event(&mut self, event: &Event) {
        if *event == Event::FocusSearch {
            self.focus_search = true;
        }
    }
}

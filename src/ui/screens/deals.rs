//! The pipeline board: a column per stage with the deals in it. Drag a card to another column,
//! or use its "move to" menu, to change its stage.

use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::read_error;
use chrono::{NaiveDate, Utc};
use egui::{RichText, Ui};
use egui_extras::Column;

use crate::domain::deal::missing_for;
use crate::domain::deal_list::{DealFilter, DealSort, DealSortKey, brokers, select};
use crate::domain::registration::{RegistrationRule, RegistrationState, registration_state};
use crate::domain::{ContractType, DealId, DealRow};
use crate::domain::{DealStage, Money};
use crate::i18n::{Tr, fill};
use crate::io::import::ImportKind;
use crate::io::tables::{self, Table};
use crate::store::Store;
use crate::ui::command::{Command, ListKind, Screen};
use crate::ui::reload::Reloaded;
use crate::ui::screens::deal_dialogs::{Answer, NewDealForm, NewDealView, SignDialog};
use crate::ui::widgets::combos::{option_combo, sort_header};
use crate::ui::widgets::keys::{RowKey, focus_once, table_keys};
use crate::ui::widgets::{confirm_delete, export_menu, labelled};

const COLUMN_WIDTH: f32 = 190.0;
/// Cards drawn per column; the rest are counted, so a large pipeline stays fast.
const CARDS_SHOWN: usize = 60;

/// What is dragged: a deal.
#[derive(Debug, Clone, Copy)]
struct DraggedDeal(DealId);

#[derive(Default)]
pub struct DealsScreen {
    rows: Reloaded<(u64, NaiveDate), Vec<DealRow>>,
    filter: DealFilter,
    sort: DealSort,
    as_table: bool,
    /// The registration rule being edited: working days (or calendar days) and how many.
    rule: Option<(bool, String)>,
    brokers: Vec<String>,
    /// Positions in `rows` to show; recomputed only when the data, filter or sort change.
    view: Vec<usize>,
    view_for: Option<(u64, DealFilter, DealSort)>,
    /// The table's selected deal, followed by id.
    selected: Option<DealId>,
    focus_search: bool,
    /// The deal the delete question is about, with its title.
    deleting: Option<(DealId, String)>,
    /// Open while a card moved to a signed stage waits for the terms signing needs.
    signing: Option<SignDialog>,
    new_deal: Option<NewDealForm>,
}

fn wan(m: Option<Money>) -> String {
    m.map(Money::wan_text).unwrap_or_else(|| "—".to_string())
}

impl DealsScreen {
    fn refresh(&mut self, store: &Store, today: NaiveDate) {
        if self
            .rows
            .refresh((store.revision(), today), || store.deal_rows(today))
        {
            self.brokers = brokers(self.rows.items());
        }
    }

    /// Shows the board or the table; returns the stage a card was moved to on the board.
    fn show(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        fields: &[String],
        today: NaiveDate,
        tr: &Tr,
        cmds: &mut Vec<Command>,
    ) -> Option<(DealId, DealStage)> {
        self.refresh(store, today);
        read_error(ui, tr, self.rows.error());
        if self.rows.items().is_empty() {
            ui.label(tr.deals_none);
            ui.horizontal(|ui| {
                if self.new_deal.is_none() && ui.button(tr.new_deal).clicked() {
                    cmds.push(Command::NewDeal);
                }
                // A broker starting out brings the deals from a spreadsheet.
                if ui.button(tr.import_button).clicked() {
                    cmds.push(Command::StartImport(Some(ImportKind::Deals)));
                }
            });
            return None;
        }
        ui.horizontal_wrapped(|ui| {
            if self.new_deal.is_none() && ui.button(tr.new_deal).clicked() {
                cmds.push(Command::NewDeal);
            }
            ui.selectable_value(&mut self.as_table, false, tr.view_board);
            ui.selectable_value(&mut self.as_table, true, tr.view_table);
            export_menu(ui, ListKind::Deals, tr, cmds);
            if ui.button(tr.import_button).clicked() {
                cmds.push(Command::StartImport(Some(ImportKind::Deals)));
            }
            ui.separator();
            let f = &mut self.filter;
            let label = ui.label(tr.search);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut f.text)
                        .id(egui::Id::unique("deals_search"))
                        .desired_width(200.0),
                )
                .labelled_by(label.id);
            focus_once(&field, &mut self.focus_search);
            labelled(ui, tr.d_broker, |ui| {
                option_combo(
                    ui,
                    "deal_broker",
                    &mut f.broker,
                    &self.brokers,
                    tr.any,
                    String::clone,
                )
            });
            labelled(ui, tr.col_field, |ui| {
                option_combo(
                    ui,
                    "deal_field",
                    &mut f.field,
                    fields,
                    tr.any,
                    String::clone,
                )
            });
            labelled(ui, tr.d_contract_type, |ui| {
                option_combo(
                    ui,
                    "deal_type",
                    &mut f.contract_type,
                    &ContractType::ALL,
                    tr.any,
                    |c| tr.contract_type(*c).to_string(),
                )
            });
            self.preset_ui(ui, tr);
        });
        ui.horizontal(|ui| self.rule_ui(ui, store, tr, cmds));
        let key = (store.revision(), self.filter.clone(), self.sort);
        if self.view_for.as_ref() != Some(&key) {
            self.view = select(self.rows.items(), &self.filter, self.sort);
            self.view_for = Some(key);
        }
        let visible: Vec<&DealRow> = self
            .view
            .iter()
            .filter_map(|&i| self.rows.items().get(i))
            .collect();
        if self.as_table {
            let (scroll_to, asked) = table_keys(
                ui,
                || visible.iter().map(|d| d.id).collect(),
                &mut self.selected,
            );
            match asked {
                Some(RowKey::Open(id)) => cmds.push(Command::Navigate(Screen::Deal(id))),
                Some(RowKey::Delete(id)) => {
                    let title = visible.iter().find(|d| d.id == id).map(|d| d.title.clone());
                    self.deleting = title.map(|t| (id, t));
                }
                None => {}
            }
            let table = TableView {
                deals: &visible,
                selected: &mut self.selected,
                scroll_to,
            };
            if let Some(key) = table_ui(ui, table, self.sort, today, tr, cmds) {
                self.sort = self.sort.clicked(key);
            }
            if let Some((id, title)) = &self.deleting
                && let Some(yes) = confirm_delete(ui, tr, title)
            {
                if yes {
                    cmds.push(Command::DeleteDeal(*id));
                }
                self.deleting = None;
            }
            return None;
        }
        let mut stages = DealStage::PIPELINE.to_vec();
        stages.push(DealStage::Lost);
        let mut moved = None;
        egui::ScrollArea::both().show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for stage in stages {
                    let in_stage: Vec<&DealRow> = visible
                        .iter()
                        .copied()
                        .filter(|r| r.stage == stage)
                        .collect();
                    ui.push_id(stage.code(), |ui| {
                        moved = moved.or(column_ui(ui, stage, &in_stage, today, tr, cmds));
                    });
                }
            });
        });
        moved
    }

    /// A card moved: to a signed stage without the terms signing needs, the dialog asks for
    /// them first; any other move is asked of the store at once.
    fn ask_move(&mut self, id: DealId, stage: DealStage, cmds: &mut Vec<Command>) {
        let row = self.rows.items().iter().find(|r| r.id == id);
        if let Some(row) = row
            && stage.is_signed()
            && !missing_for(stage, row.signed_on, row.contract, "").is_empty()
        {
            self.signing = Some(SignDialog::new(row, stage));
            return;
        }
        cmds.push(Command::MoveDeal {
            id,
            stage,
            lost_reason: String::new(),
        });
    }

    /// The board with its form for a deal started by hand (kept as typed if already open).
    pub fn open_new_deal(&mut self) {
        self.as_table = false;
        self.new_deal.get_or_insert_with(NewDealForm::new);
    }
}

impl DealsScreen {
    /// Shows the table with `filter` (from a dashboard card), in the default order.
    pub fn show_filter(&mut self, filter: DealFilter) {
        self.filter = filter;
        self.sort = DealSort::default();
        self.as_table = true;
    }

    /// The dashboard's part of the filter, which the toolbar has no control for, as one button
    /// that clears it.
    fn preset_ui(&mut self, ui: &mut Ui, tr: &Tr) {
        let f = &self.filter;
        if !f.has_preset() {
            return;
        }
        let mut parts: Vec<String> = Vec::new();
        if !f.stages.is_empty() {
            let stages: Vec<&str> = f.stages.iter().map(|s| tr.deal_stage(*s)).collect();
            parts.push(stages.join(tr.dash_list_separator));
        }
        if let Some(year) = f.signed_in {
            parts.push(fill(tr.dash_filter_signed_in, &[("year", &year)]));
        }
        if f.registration_due_by.is_some() {
            parts.push(tr.dash_filter_registration_due.to_string());
        }
        let text = format!("{} ×", parts.join(" · "));
        if ui.button(text).on_hover_text(tr.clear_filters).clicked() {
            self.filter.clear_preset();
        }
    }

    /// The deals as shown (filtered, sorted), for export.
    pub fn export(&self, tr: &Tr) -> Table {
        let shown = select(self.rows.items(), &self.filter, self.sort);
        tables::deals(
            shown.into_iter().filter_map(|i| self.rows.items().get(i)),
            tr,
        )
    }

    /// How registration due dates are counted: calendar or working days, and how many.
    fn rule_ui(&mut self, ui: &mut Ui, store: &Store, tr: &Tr, cmds: &mut Vec<Command>) {
        let (working, days) =
            self.rule
                .get_or_insert_with(|| match store.registration_rule().unwrap_or_default() {
                    RegistrationRule::CalendarDays(n) => (false, n.to_string()),
                    RegistrationRule::WorkingDays(n) => (true, n.to_string()),
                });
        ui.label(tr.rule_title);
        ui.selectable_value(working, false, tr.rule_calendar);
        ui.selectable_value(working, true, tr.rule_working);
        labelled(ui, tr.rule_days, |ui| {
            ui.add(egui::TextEdit::singleline(days).desired_width(40.0))
        });
        let parsed = days
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=365).contains(n));
        if ui
            .add_enabled(parsed.is_some(), egui::Button::new(tr.save))
            .clicked()
            && let Some(n) = parsed
        {
            cmds.push(Command::SetRegistrationRule(if *working {
                RegistrationRule::WorkingDays(n)
            } else {
                RegistrationRule::CalendarDays(n)
            }));
        }
    }
}

/// One stage's column; returns the deal dropped on it or moved by a card's menu, with the
/// stage it goes to.
fn column_ui(
    ui: &mut Ui,
    stage: DealStage,
    deals: &[&DealRow],
    today: NaiveDate,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) -> Option<(DealId, DealStage)> {
    let mut moved = None;
    let frame = egui::Frame::group(ui.style()).inner_margin(6.0);
    let (_, dropped) = ui.dnd_drop_zone::<DraggedDeal, ()>(frame, |ui| {
        // The board lays columns side by side; inside a column, everything stacks.
        ui.vertical(|ui| {
            ui.set_width(COLUMN_WIDTH);
            ui.set_min_height(300.0);
            ui.strong(tr.deal_stage(stage));
            let total: i64 = deals
                .iter()
                .filter_map(|d| d.contract.or(d.expected))
                .map(Money::fen)
                .sum();
            ui.label(
                RichText::new(fill(
                    tr.column_total,
                    &[("n", &deals.len()), ("amount", &Money(total).wan_text())],
                ))
                .weak(),
            );
            ui.separator();
            for deal in deals.iter().take(CARDS_SHOWN) {
                if let Some(to) = card_ui(ui, deal, today, tr, cmds) {
                    moved = Some((deal.id, to));
                }
            }
            if deals.len() > CARDS_SHOWN {
                ui.label(fill(tr.deals_more, &[("n", &(deals.len() - CARDS_SHOWN))]));
            }
        });
    });
    if let Some(deal) = dropped
        && deals.iter().all(|d| d.id != deal.0)
    {
        moved = Some((deal.0, stage));
    }
    moved
}

/// The deals as a sortable table; returns the column whose header was clicked.
/// The deals the table shows, its selection, and the row to scroll to.
struct TableView<'a> {
    deals: &'a [&'a DealRow],
    selected: &'a mut Option<DealId>,
    scroll_to: Option<usize>,
}

fn table_ui(
    ui: &mut Ui,
    TableView {
        deals,
        selected,
        scroll_to,
    }: TableView<'_>,
    sort: DealSort,
    today: NaiveDate,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) -> Option<DealSortKey> {
    let mut clicked = None;
    let columns = [
        (Some(DealSortKey::Title), tr.col_title, 300.0),
        (None, tr.d_seller, 150.0),
        (None, tr.d_buyer, 150.0),
        (Some(DealSortKey::Stage), tr.d_stage, 90.0),
        (Some(DealSortKey::Amount), tr.wan_unit, 90.0),
        (Some(DealSortKey::RegistrationDue), tr.col_due, 100.0),
        (None, tr.col_status, 120.0),
    ];
    let mut table = crate::ui::widgets::fitted_table(ui, "deals")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    if let Some(row) = scroll_to {
        table = table.scroll_to_row(row, None);
    }
    // The title takes what the others leave, so the status stays in sight from a 1024-pixel
    // window up, and beside the exercise panel.
    for (i, (_, _, width)) in columns.iter().enumerate() {
        table = table.column(if i == 0 {
            Column::remainder().at_least(140.0).clip(true)
        } else {
            Column::initial(*width).clip(true)
        });
    }
    table
        .header(24.0, |mut header| {
            for (key, title, _) in columns {
                header.col(|ui| match key {
                    Some(key) => {
                        if sort_header(ui, title, sort.key == key, sort.descending) {
                            clicked = Some(key);
                        }
                    }
                    None => {
                        ui.strong(title);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(24.0, deals.len(), |mut row| {
                let Some(d) = deals.get(row.index()) else {
                    return;
                };
                row.set_selected(*selected == Some(d.id));
                row.col(|ui| {
                    if ui.link(&d.title).clicked() {
                        cmds.push(Command::Navigate(Screen::Deal(d.id)));
                    }
                });
                row.col(|ui| {
                    ui.label(&d.seller_name);
                });
                row.col(|ui| {
                    ui.label(&d.buyer_name);
                });
                row.col(|ui| {
                    ui.label(tr.deal_stage(d.stage));
                });
                row.col(|ui| {
                    ui.label(wan(d.contract.or(d.expected)));
                });
                row.col(|ui| {
                    if let Some(due) = d.registration_due {
                        ui.label(crate::ui::widgets::fmt_date(due));
                    }
                });
                row.col(|ui| {
                    if let Some(due) = d.registration_due
                        && let RegistrationState::Overdue(_) =
                            registration_state(due, d.registration_submitted, today)
                    {
                        badge(ui, tr.badge_registration_overdue);
                    } else if d.overdue_payment.fen() > 0 {
                        let amount = d.overdue_payment.wan_text();
                        badge(ui, &fill(tr.badge_payment_overdue, &[("amount", &amount)]));
                    } else if d.overdue_follow_up {
                        badge(ui, tr.badge_follow_up_overdue);
                    }
                });
                let response = row.response();
                if response.clicked() {
                    *selected = Some(d.id);
                }
                if response.double_clicked() {
                    cmds.push(Command::Navigate(Screen::Deal(d.id)));
                }
            });
        });
    clicked
}

fn badge(ui: &mut Ui, text: &str) {
    ui.label(
        RichText::new(text)
            .small()
            .color(ui.visuals().error_fg_color),
    );
}

/// One deal's card; returns the stage its menu moved it to.
fn card_ui(
    ui: &mut Ui,
    deal: &DealRow,
    today: NaiveDate,
    tr: &Tr,
    cmds: &mut Vec<Command>,
) -> Option<DealStage> {
    let mut moved = None;
    ui.push_id(deal.id, |ui| {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(COLUMN_WIDTH - 16.0);
            ui.dnd_drag_source(
                egui::Id::unique(("deal_card", deal.id)),
                DraggedDeal(deal.id),
                |ui| {
                    ui.add(egui::Label::new(RichText::new(&deal.title).strong()).wrap());
                    ui.label(
                        RichText::new(format!("{} → {}", deal.seller_name, deal.buyer_name))
                            .small(),
                    );
                    ui.label(format!(
                        "{} {}",
                        wan(deal.contract.or(deal.expected)),
                        tr.wan_unit
                    ));
                    if let Some(since) = deal.since {
                        let days = (Utc::now() - since).num_days();
                        ui.label(RichText::new(fill(tr.days_in_stage, &[("n", &days)])).weak());
                    }
                    if let Some(due) = deal.registration_due
                        && let RegistrationState::Overdue(_) =
                            registration_state(due, deal.registration_submitted, today)
                    {
                        badge(ui, tr.badge_registration_overdue);
                    }
                    if deal.overdue_payment.fen() > 0 {
                        let amount = deal.overdue_payment.wan_text();
                        badge(ui, &fill(tr.badge_payment_overdue, &[("amount", &amount)]));
                    }
                    if deal.overdue_follow_up {
                        badge(ui, tr.badge_follow_up_overdue);
                    }
                },
            );
            ui.horizontal(|ui| {
                if ui.small_button(tr.open).clicked() {
                    cmds.push(Command::Navigate(Screen::Deal(deal.id)));
                }
                ui.menu_button(tr.move_to, |ui| {
                    for stage in DealStage::ALL {
                        if stage != deal.stage && ui.button(tr.deal_stage(stage)).clicked() {
                            moved = Some(stage);
                        }
                    }
                });
            });
        });
    });
    moved
}

impl View for DealsScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        if let Some(form) = &mut self.new_deal {
            let view = NewDealView {
                clients: cx.clients,
                catalogs: cx.catalogs,
                revision: cx.store.revision(),
            };
            if form.ui(ui, view, cx.tr, cx.cmds) {
                self.new_deal = None;
            }
            ui.add_space(8.0);
        }
        if let Some((id, stage)) = self.show(ui, cx.store, cx.fields, cx.today, cx.tr, cx.cmds) {
            self.ask_move(id, stage, cx.cmds);
        }
        if let Some(dialog) = &mut self.signing
            && let Answer::Cancelled = dialog.ui(ui, cx.tr, cx.cmds)
        {
            self.signing = None;
        }
    }

    fn on_event(&mut self, event: &Event) {
        match event {
            Event::FocusSearch => self.focus_search = true,
            Event::DealMoved(id) if self.signing.as_ref().is_some_and(|d| d.id == *id) => {
                self.signing = None;
            }
            Event::DealSignRefused(id, errors) => {
                if let Some(dialog) = self.signing.as_mut().filter(|d| d.id == *id) {
                    dialog.refused(errors.clone());
                }
            }
            Event::DealCreated(_) => self.new_deal = None,
            Event::NewDealRefused(errors) => {
                if let Some(form) = &mut self.new_deal {
                    form.refused(errors.clone());
                }
            }
            _ => {}
        }
    }
}

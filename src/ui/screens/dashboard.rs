//! The start screen: key numbers as cards that open the list behind them, four charts, then
//! today's agenda. The figures are computed on a worker thread after every write.

use crate::ui::view::{Cx, View};
use crate::ui::widgets::read_error;
use crate::ui::workers::Workers;

use chrono::{Datelike, Days, NaiveDate};
use egui::{Label, RichText, Role, Sense, Ui, UiBuilder, WidgetInfo};

use crate::catalog::{AchievementFilter, NeedFilter};
use crate::domain::agenda::REGISTRATION_AHEAD_DAYS;
use crate::domain::dashboard::Dashboard;
use crate::domain::deal_list::DealFilter;
use crate::domain::{AchievementStatus, DealStage, Money, NeedStatus};
use crate::i18n::{Tr, fill};
use crate::store::Store;
use crate::ui::command::{Command, ListPreset, Screen};
use crate::ui::screens::agenda::AgendaScreen;
use crate::ui::screens::dashboard_charts::charts_ui;
use crate::work::Job;

const CARD_WIDTH: f32 = 190.0;
const CARD_HEIGHT: f32 = 78.0;
const CARD_MARGIN: f32 = 10.0;

/// The data the figures were computed for: the store's revision and the day.
type Key = (u64, NaiveDate);
type Computed = Result<Dashboard, String>;

#[derive(Default)]
pub struct DashboardScreen {
    agenda: AgendaScreen,
    shown: Option<Dashboard>,
    shown_for: Option<Key>,
    /// At most one computation runs; a newer revision waits for it to land.
    running: Option<(Key, Job<Dashboard, String>)>,
    error: Option<String>,
}

impl DashboardScreen {
    fn land(&mut self, key: Key, computed: Computed) {
        self.shown_for = Some(key);
        match computed {
            Ok(d) => {
                self.shown = Some(d);
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Takes a finished computation, and starts one when the data changed since the last.
    fn refresh(&mut self, store: &Store, today: NaiveDate, workers: &Workers) {
        if let Some((key, job)) = &self.running {
            let Some(computed) = job.poll() else {
                return;
            };
            let key = *key;
            self.running = None;
            self.land(key, computed);
        }
        let key = (store.revision(), today);
        if self.shown_for == Some(key) {
            return;
        }
        let reader = match store.reader() {
            Ok(reader) => reader,
            Err(e) => {
                self.land(key, Err(e.to_string()));
                return;
            }
        };
        let job = workers.start(move |_, _| reader.dashboard(today).map_err(|e| e.to_string()));
        // Tests compute at once: show it in this frame.
        match job.poll() {
            Some(computed) => self.land(key, computed),
            None => self.running = Some((key, job)),
        }
    }

    /// The cards, the charts and the agenda, in one scrolling column.
    fn show(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let (store, today, tr) = (cx.store, cx.today, cx.tr);
        self.refresh(store, today, cx.workers);
        // Its own id: the other screens' scroll areas in the central panel keep their offsets.
        egui::ScrollArea::vertical()
            .id_salt("dashboard")
            .show(ui, |ui| {
                read_error(ui, tr, self.error.as_deref());
                if cx.clients.is_empty() {
                    welcome_ui(ui, tr, cx.cmds);
                }
                match &self.shown {
                    Some(d) => {
                        cards_ui(ui, cards(d, today, tr), tr, cx.cmds);
                        ui.add_space(8.0);
                        charts_ui(ui, d, tr);
                    }
                    None => {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(tr.dash_loading);
                        });
                    }
                }
                ui.add_space(12.0);
                self.agenda.ui(ui, store, today, tr, cx.cmds);
            });
    }
}

/// A first start: what to do with an empty database.
fn welcome_ui(ui: &mut Ui, tr: &Tr, cmds: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.heading(tr.welcome_title);
        ui.label(tr.welcome_body);
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr.welcome_import).clicked() {
                cmds.push(Command::StartImport(None));
            }
            if ui.button(tr.welcome_client).clicked() {
                cmds.push(Command::NewClient);
            }
            if ui.button(tr.welcome_sandbox).clicked() {
                cmds.push(Command::StartSandbox);
            }
        });
    });
    ui.add_space(8.0);
}

/// One key number and the list it opens.
struct Card {
    label: &'static str,
    value: String,
    note: String,
    opens: Command,
}

fn wan(tr: &Tr, m: Money) -> String {
    fill(tr.dash_wan, &[("amount", &m.wan_text())])
}

/// 79976 → "79,976".
fn count_text(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn deals_in(stages: &[DealStage]) -> DealFilter {
    DealFilter {
        stages: stages.to_vec(),
        ..DealFilter::default()
    }
}

const SIGNED: [DealStage; 4] = [
    DealStage::Signed,
    DealStage::Registered,
    DealStage::Executing,
    DealStage::ClosedWon,
];

fn cards(d: &Dashboard, today: NaiveDate, tr: &Tr) -> Vec<Card> {
    let k = &d.kpis;
    let deals_n = |n: u64| fill(tr.dash_deals_n, &[("n", &count_text(n))]);
    let signed_this_year = DealFilter {
        signed_in: Some(today.year()),
        ..deals_in(&SIGNED)
    };
    vec![
        Card {
            label: tr.kpi_achievements,
            value: count_text(k.achievements_available),
            note: tr.kpi_achievements_hint.to_string(),
            opens: Command::ShowList(ListPreset::Achievements(AchievementFilter {
                status: Some(AchievementStatus::Available),
                ..AchievementFilter::default()
            })),
        },
        Card {
            label: tr.kpi_needs,
            value: count_text(k.needs_open),
            note: tr.kpi_needs_hint.to_string(),
            opens: Command::ShowList(ListPreset::Needs(NeedFilter {
                status: Some(NeedStatus::Open),
                ..NeedFilter::default()
            })),
        },
        Card {
            label: tr.kpi_in_progress,
            value: count_text(k.in_progress.count),
            note: wan(tr, k.in_progress.amount),
            opens: Command::ShowList(ListPreset::Deals(deals_in(&[
                DealStage::Lead,
                DealStage::Introduced,
                DealStage::Negotiating,
            ]))),
        },
        Card {
            label: tr.kpi_signed,
            value: wan(tr, k.signed_this_year.amount),
            note: deals_n(k.signed_this_year.count),
            opens: Command::ShowList(ListPreset::Deals(signed_this_year.clone())),
        },
        Card {
            label: tr.kpi_technology,
            value: wan(tr, k.technology_this_year),
            note: deals_n(k.signed_this_year.count),
            opens: Command::ShowList(ListPreset::Deals(signed_this_year)),
        },
        Card {
            label: tr.kpi_received,
            value: wan(tr, k.received_this_year),
            note: String::new(),
            opens: Command::ShowList(ListPreset::Deals(deals_in(&SIGNED))),
        },
        Card {
            label: tr.kpi_outstanding,
            value: wan(tr, k.outstanding),
            note: fill(tr.dash_overdue_part, &[("amount", &k.overdue.wan_text())]),
            opens: Command::ShowList(ListPreset::Deals(deals_in(&SIGNED))),
        },
        Card {
            label: tr.kpi_registrations,
            value: count_text(k.registrations_due),
            note: tr.kpi_registrations_hint.to_string(),
            opens: Command::ShowList(ListPreset::Deals(DealFilter {
                registration_due_by: today.checked_add_days(Days::new(REGISTRATION_AHEAD_DAYS)),
                ..DealFilter::default()
            })),
        },
        Card {
            label: tr.kpi_projects,
            value: count_text(k.projects_running),
            note: fill(
                tr.kpi_projects_note,
                &[
                    ("ended", &k.projects_ended_this_year),
                    ("production", &k.projects_to_production_this_year),
                ],
            ),
            opens: Command::Navigate(Screen::Projects),
        },
    ]
}

/// The cards in rows as wide as the screen. A wrapping layout would not do: it cannot wrap a
/// framed group, only single widgets.
fn cards_ui(ui: &mut Ui, cards: Vec<Card>, tr: &Tr, cmds: &mut Vec<Command>) {
    let spacing = ui.spacing().item_spacing.x;
    let outer = CARD_WIDTH + 2.0 * (CARD_MARGIN + 1.0) + spacing;
    let per_row = (((ui.available_width() + spacing) / outer).floor() as usize).max(1);
    let mut cards = cards.into_iter().peekable();
    while cards.peek().is_some() {
        ui.horizontal(|ui| {
            for card in cards.by_ref().take(per_row) {
                card_ui(ui, card, tr, cmds);
            }
        });
    }
}

/// A card: the number large, what it counts under it; a click anywhere on it opens its list.
fn card_ui(ui: &mut Ui, card: Card, tr: &Tr, cmds: &mut Vec<Command>) {
    let text = |t: RichText| Label::new(t).selectable(false).truncate();
    let response = ui
        .scope_builder(UiBuilder::new().sense(Sense::click()), |ui| {
            egui::Frame::group(ui.style())
                .inner_margin(CARD_MARGIN)
                .show(ui, |ui| {
                    ui.set_width(CARD_WIDTH);
                    ui.set_height(CARD_HEIGHT);
                    ui.vertical(|ui| {
                        ui.add(text(RichText::new(&card.value).size(22.0).strong()));
                        ui.add(text(RichText::new(card.label)));
                        if !card.note.is_empty() {
                            ui.add(text(RichText::new(&card.note).small().weak()));
                        }
                    });
                });
        })
        .response;
    // Screen readers (and tests) find the card by what it says.
    let name = fill(
        tr.dash_card_name,
        &[("label", &card.label), ("value", &card.value)],
    );
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
    if response.hovered() {
        ui.painter().rect_stroke(
            response.rect,
            4.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    if response
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .clicked()
    {
        cmds.push(card.opens);
    }
}

impl View for DashboardScreen {
    fn ui(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.show(ui, cx);
    }
}

#[cfg(test)]
mod tests {
    use super::count_text;

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count_text(0), "0");
        assert_eq!(count_text(999), "999");
        assert_eq!(count_text(79_976), "79,976");
        assert_eq!(count_text(1_234_567), "1,234,567");
    }
}

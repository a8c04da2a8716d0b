//! The state of every screen, the navigation, and which screen the centre shows.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::domain::{Achievement, Need};
use crate::i18n::Tr;
use crate::store::Store;
use crate::ui::command::{Command, Screen};
use crate::ui::screens::achievement_form::AchievementForm;
use crate::ui::screens::achievements::AchievementsScreen;
use crate::ui::screens::agenda::AgendaScreen;
use crate::ui::screens::client_detail::ClientDetail;
use crate::ui::screens::client_form::ClientForm;
use crate::ui::screens::clients::ClientsScreen;
use crate::ui::screens::dashboard::DashboardScreen;
use crate::ui::screens::deal_detail::DealDetail;
use crate::ui::screens::deals::DealsScreen;
use crate::ui::screens::follow_ups::FollowUpsScreen;
use crate::ui::screens::import::ImportScreen;
use crate::ui::screens::matching::MatchingScreen;
use crate::ui::screens::need_form::NeedForm;
use crate::ui::screens::needs::NeedsScreen;
use crate::ui::screens::record_detail::{Detail, achievement_ui, need_ui};
use crate::ui::screens::report::ReportScreen;
use crate::ui::screens::trash::TrashScreen;
use crate::ui::shell::app::Session;

#[derive(Default)]
pub struct Screens {
    pub current: Screen,
    pub dashboard: DashboardScreen,
    pub agenda: AgendaScreen,
    pub clients: ClientsScreen,
    pub client_form: ClientForm,
    pub client: Option<ClientDetail>,
    pub achievements: AchievementsScreen,
    pub achievement_form: AchievementForm,
    pub achievement: Option<Detail<Achievement>>,
    pub needs: NeedsScreen,
    pub need_form: NeedForm,
    pub need: Option<Detail<Need>>,
    pub matching: MatchingScreen,
    pub deals: DealsScreen,
    pub deal: Option<DealDetail>,
    pub follow_ups: FollowUpsScreen,
    pub trash: TrashScreen,
    pub import: ImportScreen,
    pub report: ReportScreen,
}

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl Screens {
    /// Every screen in its first state; `background` computes the dashboard on a worker thread.
    pub fn new(background: bool) -> Self {
        Self {
            dashboard: DashboardScreen::new(background),
            ..Self::default()
        }
    }

    /// Shows `screen`, preparing its detail state when it shows one record.
    pub fn navigate(&mut self, screen: Screen) {
        match screen {
            Screen::Client(id) if self.client.as_ref().is_none_or(|d| d.client_id != id) => {
                self.client = Some(ClientDetail::new(id, today()));
            }
            Screen::Achievement(id) if self.achievement.as_ref().is_none_or(|d| d.id != id) => {
                self.achievement = Some(Detail::new(id));
            }
            Screen::Need(id) if self.need.as_ref().is_none_or(|d| d.id != id) => {
                self.need = Some(Detail::new(id));
            }
            Screen::Deal(id) if self.deal.as_ref().is_none_or(|d| d.id != id) => {
                self.deal = Some(DealDetail::new(id));
            }
            _ => {}
        }
        self.current = screen;
    }

    pub fn navigation(&mut self, ui: &mut Ui, store: &Store, tr: &Tr, cmds: &mut Vec<Command>) {
        let due = self.follow_ups.count(store, today());
        let current = self.current;
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| {
                ui.add_space(8.0);
                let follow_ups = if due > 0 {
                    format!("{} ({due})", tr.nav_follow_ups)
                } else {
                    tr.nav_follow_ups.to_string()
                };
                let entries = [
                    (
                        current == Screen::Agenda,
                        tr.nav_agenda.to_string(),
                        Screen::Agenda,
                    ),
                    (
                        matches!(
                            current,
                            Screen::Clients | Screen::Client(_) | Screen::ClientForm
                        ),
                        tr.nav_clients.to_string(),
                        Screen::Clients,
                    ),
                    (
                        matches!(
                            current,
                            Screen::Achievements | Screen::Achievement(_) | Screen::AchievementForm
                        ),
                        tr.nav_achievements.to_string(),
                        Screen::Achievements,
                    ),
                    (
                        matches!(current, Screen::Needs | Screen::Need(_) | Screen::NeedForm),
                        tr.nav_needs.to_string(),
                        Screen::Needs,
                    ),
                    (
                        current == Screen::Matching,
                        tr.nav_matching.to_string(),
                        Screen::Matching,
                    ),
                    (
                        matches!(current, Screen::Deals | Screen::Deal(_)),
                        tr.nav_deals.to_string(),
                        Screen::Deals,
                    ),
                    (
                        current == Screen::Report,
                        tr.nav_report.to_string(),
                        Screen::Report,
                    ),
                    (current == Screen::FollowUps, follow_ups, Screen::FollowUps),
                    (
                        current == Screen::Trash,
                        tr.nav_trash.to_string(),
                        Screen::Trash,
                    ),
                ];
                for (selected, label, screen) in entries {
                    let button =
                        egui::Button::selectable(selected, RichText::new(label).size(16.0));
                    if ui.add_sized([ui.available_width(), 32.0], button).clicked() {
                        cmds.push(Command::Navigate(screen));
                    }
                }
            });
    }

    pub fn central(&mut self, ui: &mut Ui, session: &Session, tr: &Tr, cmds: &mut Vec<Command>) {
        let store = &session.store;
        let catalogs = &session.catalogs;
        let fields = &session.fields;
        match self.current {
            Screen::Agenda => {
                let agenda = &mut self.agenda;
                self.dashboard.ui(ui, store, agenda, today(), tr, cmds);
            }
            Screen::Clients => self.clients.ui(ui, store, tr, cmds),
            Screen::ClientForm => self.client_form.ui(ui, tr, cmds),
            Screen::Client(_) => match &mut self.client {
                Some(detail) => detail.ui(ui, store, catalogs, tr, cmds),
                None => self.clients.ui(ui, store, tr, cmds),
            },
            Screen::Achievements => self.achievements.ui(ui, catalogs, fields, tr, cmds),
            Screen::AchievementForm => {
                let clients = self.clients.rows(store);
                self.achievement_form.ui(ui, clients, fields, tr, cmds);
            }
            Screen::Achievement(_) => match &mut self.achievement {
                Some(detail) => achievement_ui(detail, ui, store, tr, cmds),
                None => self.achievements.ui(ui, catalogs, fields, tr, cmds),
            },
            Screen::Needs => self.needs.ui(ui, catalogs, fields, tr, cmds),
            Screen::NeedForm => {
                let clients = self.clients.rows(store);
                self.need_form.ui(ui, clients, fields, tr, cmds);
            }
            Screen::Need(_) => match &mut self.need {
                Some(detail) => need_ui(detail, ui, store, tr, cmds),
                None => self.needs.ui(ui, catalogs, fields, tr, cmds),
            },
            Screen::Matching => {
                let clients = self.clients.rows(store);
                self.matching.ui(ui, store, catalogs, clients, tr, cmds);
            }
            Screen::Deals => self.deals.ui(ui, store, fields, today(), tr, cmds),
            Screen::Deal(_) => match &mut self.deal {
                Some(detail) => detail.ui(ui, store, today(), tr, cmds),
                None => self.deals.ui(ui, store, fields, today(), tr, cmds),
            },
            Screen::FollowUps => self.follow_ups.ui(ui, store, today(), tr, cmds),
            Screen::Trash => self.trash.ui(ui, store, tr, cmds),
            Screen::Import => self.import.ui(ui, tr, cmds),
            Screen::Report => self.report.ui(ui, store, fields, today(), tr, cmds),
        }
    }
}

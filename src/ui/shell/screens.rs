//! Every screen's state, which one the centre shows, the navigation, and the events handed to
//! the screens. A new screen is a file in `screens/` and a line in [`screens!`] (plus its
//! variant in [`Screen`] and, if it is a destination of its own, an entry in [`NAVIGATION`]).

use egui::{RichText, Ui};

use crate::domain::{Need, NeedId};
use crate::i18n::Tr;
use crate::ui::command::{ListKind, ListPreset, Screen};
use crate::ui::screens::{
    achievement_form::AchievementForm, achievement_rights::AchievementPage,
    achievements::AchievementsScreen, client_detail::ClientDetail, client_form::ClientForm,
    clients::ClientsScreen, dashboard::DashboardScreen, deal_detail::DealDetail,
    deals::DealsScreen, follow_ups::FollowUpsScreen, import::ImportScreen,
    matching::MatchingScreen, need_form::NeedForm, needs::NeedsScreen, projects::ProjectsScreen,
    record_detail::Detail, report::ReportScreen, team_conflicts::TeamConflictsScreen,
    trash::TrashScreen,
};
use crate::ui::view::{Cx, Event, View};
use crate::ui::widgets::today;

/// Declares the screens kept for the whole session (`lists`) and those that show one record
/// (`details`, made when first opened on it), with the [`Screen`]s each one draws.
macro_rules! screens {
    (
        lists { $($field:ident: $ty:ty => $screen:path;)* }
        details { $($dfield:ident: $dty:ty => $dscreen:path;)* }
    ) => {
        #[derive(Default)]
        pub struct Screens {
            pub current: Screen,
            $(pub $field: $ty,)*
            $(pub $dfield: Option<$dty>,)*
        }

        impl Screens {
            /// The screen the centre shows.
            fn view(&mut self) -> &mut dyn View {
                match self.current {
                    $($screen => &mut self.$field,)*
                    $($dscreen(_) => match &mut self.$dfield {
                        Some(detail) => detail,
                        None => &mut self.dashboard,
                    },)*
                }
            }

            /// Hands `event` to every screen there is.
            pub fn deliver(&mut self, event: &Event) {
                $(self.$field.on_event(event);)*
                $(if let Some(d) = &mut self.$dfield {
                    d.on_event(event);
                })*
            }
        }
    };
}

screens! {
    lists {
        dashboard: DashboardScreen => Screen::Agenda;
        clients: ClientsScreen => Screen::Clients;
        client_form: ClientForm => Screen::ClientForm;
        achievements: AchievementsScreen => Screen::Achievements;
        achievement_form: AchievementForm => Screen::AchievementForm;
        needs: NeedsScreen => Screen::Needs;
        need_form: NeedForm => Screen::NeedForm;
        matching: MatchingScreen => Screen::Matching;
        deals: DealsScreen => Screen::Deals;
        follow_ups: FollowUpsScreen => Screen::FollowUps;
        trash: TrashScreen => Screen::Trash;
        import: ImportScreen => Screen::Import;
        report: ReportScreen => Screen::Report;
        projects: ProjectsScreen => Screen::Projects;
        team_conflicts: TeamConflictsScreen => Screen::TeamConflicts;
    }
    details {
        client: ClientDetail => Screen::Client;
        achievement: AchievementPage => Screen::Achievement;
        need: Detail<NeedId, Need> => Screen::Need;
        deal: DealDetail => Screen::Deal;
    }
}

/// A navigation entry's label in the UI language.
type Label = fn(&Tr) -> &'static str;

/// The navigation: each entry's label and the screens under it (the first is where it leads).
const NAVIGATION: &[(Label, &[Screen])] = &[
    (|tr| tr.nav_agenda, &[Screen::Agenda]),
    (|tr| tr.nav_clients, &[Screen::Clients, Screen::ClientForm]),
    (
        |tr| tr.nav_achievements,
        &[Screen::Achievements, Screen::AchievementForm],
    ),
    (|tr| tr.nav_needs, &[Screen::Needs, Screen::NeedForm]),
    (|tr| tr.nav_matching, &[Screen::Matching]),
    (|tr| tr.nav_deals, &[Screen::Deals]),
    (|tr| tr.nav_projects, &[Screen::Projects]),
    (|tr| tr.nav_report, &[Screen::Report]),
    (|tr| tr.nav_follow_ups, &[Screen::FollowUps]),
    (|tr| tr.nav_trash, &[Screen::Trash]),
];

/// Where the navigation leads, in its order, with each entry's label.
pub fn destinations() -> impl Iterator<Item = (Label, Screen)> {
    NAVIGATION
        .iter()
        .map(|&(label, screens)| (label, screens[0]))
}

/// The list a record's own screen belongs to, for the navigation's highlight.
fn home(screen: Screen) -> Screen {
    match screen {
        Screen::Client(_) => Screen::Clients,
        Screen::Achievement(_) => Screen::Achievements,
        Screen::Need(_) => Screen::Needs,
        Screen::Deal(_) => Screen::Deals,
        other => other,
    }
}

impl Screens {
    /// Shows `screen`, preparing its detail state when it shows one record.
    pub fn navigate(&mut self, screen: Screen) {
        match screen {
            Screen::Client(id) if self.client.as_ref().is_none_or(|d| d.client_id != id) => {
                self.client = Some(ClientDetail::new(id, today()));
            }
            Screen::Achievement(id)
                if self.achievement.as_ref().is_none_or(|d| d.detail.id != id) =>
            {
                self.achievement = Some(AchievementPage::new(id));
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

    /// Shows a record's page read afresh (after it was saved).
    pub fn reopen(&mut self, screen: Screen) {
        match screen {
            Screen::Client(_) => self.client = None,
            Screen::Achievement(_) => self.achievement = None,
            Screen::Need(_) => self.need = None,
            Screen::Deal(_) => self.deal = None,
            _ => {}
        }
        self.navigate(screen);
    }

    /// The client form, empty or on a client's data.
    pub fn open_client_form(&mut self, form: ClientForm) {
        self.client_form = form;
        self.navigate(Screen::ClientForm);
    }

    pub fn open_achievement_form(&mut self, form: AchievementForm) {
        self.achievement_form = form;
        self.navigate(Screen::AchievementForm);
    }

    pub fn open_need_form(&mut self, form: NeedForm) {
        self.need_form = form;
        self.navigate(Screen::NeedForm);
    }

    /// The board with its form for a deal started by hand.
    pub fn open_new_deal(&mut self) {
        self.deals.open_new_deal();
        self.navigate(Screen::Deals);
    }

    /// A list with its filters set to the preset's, the rest cleared.
    pub fn show_list(&mut self, preset: ListPreset) {
        let screen = match preset {
            ListPreset::Achievements(filter) => {
                self.achievements.show_filter(filter);
                Screen::Achievements
            }
            ListPreset::Needs(filter) => {
                self.needs.show_filter(filter);
                Screen::Needs
            }
            ListPreset::Deals(filter) => {
                self.deals.show_filter(filter);
                Screen::Deals
            }
        };
        self.navigate(screen);
    }

    pub fn navigation(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        let due = self.follow_ups.count(cx.store, cx.today);
        let current = home(self.current);
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| {
                ui.add_space(8.0);
                for (label, screens) in NAVIGATION {
                    let mut label = label(cx.tr).to_string();
                    if screens[0] == Screen::FollowUps && due > 0 {
                        label = format!("{label} ({due})");
                    }
                    let selected = screens.contains(&current);
                    let button =
                        egui::Button::selectable(selected, RichText::new(label).size(16.0));
                    if ui.add_sized([ui.available_width(), 32.0], button).clicked() {
                        cx.send(crate::ui::Command::Navigate(screens[0]));
                    }
                }
            });
    }

    /// The list the centre shows (or the list of the record or form it shows).
    pub fn list(&self) -> Option<ListKind> {
        match home(self.current) {
            Screen::Clients | Screen::ClientForm => Some(ListKind::Clients),
            Screen::Achievements | Screen::AchievementForm => Some(ListKind::Achievements),
            Screen::Needs | Screen::NeedForm => Some(ListKind::Needs),
            Screen::Deals => Some(ListKind::Deals),
            _ => None,
        }
    }

    /// Puts the keyboard in the search field of the list shown; false if it has none.
    pub fn focus_search(&mut self) -> bool {
        let has_search = matches!(
            self.current,
            Screen::Clients | Screen::Achievements | Screen::Needs | Screen::Deals
        );
        if has_search {
            self.view().on_event(&Event::FocusSearch);
        }
        has_search
    }

    pub fn central(&mut self, ui: &mut Ui, cx: &mut Cx<'_>) {
        self.view().ui(ui, cx);
    }
}

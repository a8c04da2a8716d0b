//! The achievement catalogue: search, filters and a virtualised, sortable table.

use egui::Ui;
use egui_extras::TableRow;

use crate::catalog::{
    AchievementFilter, AchievementSort, AchievementSortKey, Catalog, Catalogs, Loadable, PriceRange,
};
use crate::domain::{
    AchievementId, AchievementRow, AchievementStatus, ClientId, Stage, TransferMode,
};
use crate::i18n::Tr;
use crate::io::import::ImportKind;
use crate::ui::command::{Command, ListKind, Screen};
use crate::ui::widgets::catalog_list::{CatalogKind, CatalogList, Texts};
use crate::ui::widgets::catalog_table::{ColumnSpec, local_date};
use crate::ui::widgets::combos::option_combo;
use crate::ui::widgets::{labelled, together};

pub struct Achievements;

pub type AchievementsScreen = CatalogList<Achievements>;

impl CatalogKind for Achievements {
    type Row = AchievementRow;
    type Filter = AchievementFilter;
    type Sort = AchievementSort;
    type Key = AchievementSortKey;
    const LIST: ListKind = ListKind::Achievements;
    const IMPORT: ImportKind = ImportKind::Achievements;
    const SEARCH_ID: &'static str = "achievements_search";

    fn loadable(catalogs: &Catalogs) -> &Loadable<Catalog<AchievementRow>> {
        &catalogs.achievements
    }

    fn accepts(filter: &AchievementFilter, row: &AchievementRow) -> bool {
        filter.accepts(row)
    }

    fn order(sort: AchievementSort, catalog: &Catalog<AchievementRow>) -> Vec<u32> {
        sort.order(catalog)
    }

    fn sorted_by(sort: AchievementSort) -> (AchievementSortKey, bool) {
        (sort.key, sort.descending)
    }

    fn clicked(sort: AchievementSort, key: AchievementSortKey) -> AchievementSort {
        sort.clicked(key)
    }

    fn client(filter: &mut AchievementFilter) -> &mut Option<ClientId> {
        &mut filter.owner
    }

    fn client_name(row: &AchievementRow) -> &str {
        &row.owner_name
    }

    fn price(filter: &mut AchievementFilter) -> &mut PriceRange {
        &mut filter.price
    }

    fn texts(tr: &'static Tr) -> Texts {
        Texts {
            new_record: tr.new_achievement,
            empty: tr.no_achievements,
            count: tr.achievements_count,
            price: tr.col_price,
        }
    }

    fn new_record() -> Command {
        Command::NewAchievement { owner: None }
    }

    fn open(id: AchievementId) -> Command {
        Command::Navigate(Screen::Achievement(id))
    }

    fn delete(id: AchievementId) -> Command {
        Command::DeleteAchievement(id)
    }

    fn columns(tr: &'static Tr) -> Vec<ColumnSpec<AchievementSortKey>> {
        use AchievementSortKey as K;
        vec![
            // Together they fit beside the navigation in a 1024-pixel window; wider windows
            // give the rest to the last column.
            ColumnSpec::new(K::Title, tr.col_title, 220.0),
            ColumnSpec::new(K::Owner, tr.col_owner, 150.0),
            ColumnSpec::new(K::Field, tr.col_field, 90.0),
            ColumnSpec::new(K::Trl, tr.col_trl, 70.0),
            ColumnSpec::new(K::Price, tr.col_price, 80.0),
            ColumnSpec::new(K::Status, tr.col_status, 64.0),
            ColumnSpec::new(K::Updated, tr.col_updated, 80.0),
        ]
    }

    fn cells(row: &mut TableRow<'_, '_>, r: &AchievementRow, tr: &Tr, cmds: &mut Vec<Command>) {
        row.col(|ui| {
            if ui.link(&r.title).clicked() {
                cmds.push(Self::open(r.id));
            }
        });
        row.col(|ui| {
            ui.label(&*r.owner_name);
        });
        row.col(|ui| {
            ui.label(&*r.field);
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
    }

    fn filters(ui: &mut Ui, f: &mut AchievementFilter, fields: &[String], tr: &Tr) {
        labelled(ui, tr.col_field, |ui| {
            option_combo(ui, "a_field", &mut f.field, fields, tr.any, String::clone)
        });
        labelled(ui, tr.col_stage, |ui| {
            option_combo(ui, "a_stage", &mut f.stage, &Stage::ALL, tr.any, |s| {
                tr.stage(*s).to_string()
            })
        });
        together(ui, tr.col_trl, |ui| {
            let label = ui.label(tr.col_trl);
            ui.add(egui::DragValue::new(&mut f.trl_min).range(1..=9))
                .labelled_by(label.id);
            ui.label("–");
            ui.add(egui::DragValue::new(&mut f.trl_max).range(1..=9))
                .labelled_by(label.id);
        });
        if f.trl_min > f.trl_max {
            std::mem::swap(&mut f.trl_min, &mut f.trl_max);
        }
        labelled(ui, tr.a_modes, |ui| {
            option_combo(ui, "a_mode", &mut f.mode, &TransferMode::ALL, tr.any, |m| {
                tr.transfer_mode(*m).to_string()
            })
        });
        labelled(ui, tr.col_status, |ui| {
            option_combo(
                ui,
                "a_status",
                &mut f.status,
                &AchievementStatus::ALL,
                tr.any,
                |s| tr.achievement_status(*s).to_string(),
            )
        });
    }
}

//! The team from the window: File → Join a team… (a wrong password said in the dialog), the sync
//! status in the top bar and its Sync button (the password asked once), the conflict list made
//! by two laptops and settled from it, others' deals on a client's page, a record's history, and
//! the sandbox refused. Each test with a server starts a throwaway PostgreSQL cluster; where
//! PostgreSQL is not installed it says so loudly and returns.

mod common;
#[path = "common/pg.rs"]
mod pg;

use std::path::Path;

use common::{FixedPicker, H, click, harness, seed_client, start_with, temp_db, type_into};
use egui_kittest::kittest::Queryable as _;
use pg::PgCluster;
use techbroker::domain::team::Role;
use techbroker::domain::{ClientDraft, ClientId, ClientKind};
use techbroker::i18n::{ZH, fill};
use techbroker::store::Store;
use techbroker::store::team;
use techbroker::ui::StartOptions;

const ADMIN_PW: &str = "admin-pw";

/// A team database with brokers "wang" and "li"; dropped, the cluster stops.
fn team() -> Option<(PgCluster, String)> {
    let pg = PgCluster::start()?;
    let url = pg.team_database("team", "admin", ADMIN_PW);
    team::init(&url, "admin", ADMIN_PW).unwrap();
    for user in ["wang", "li"] {
        team::invite(&url, "admin", ADMIN_PW, user, Role::Broker, &pw(user)).unwrap();
    }
    Some((pg, url))
}

fn pw(user: &str) -> String {
    format!("{user}-password")
}

fn join(path: &Path, url: &str, user: &str) {
    team::join(&mut Store::open(path).unwrap(), url, user, &pw(user)).unwrap();
}

fn sync(path: &Path, user: &str) {
    team::sync(&mut Store::open(path).unwrap(), &pw(user)).unwrap();
}

fn find(path: &Path, name: &str) -> ClientId {
    Store::open(path)
        .unwrap()
        .list_clients()
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .map(|c| c.id)
        .unwrap()
}

fn set_city(path: &Path, id: ClientId, city: &str) {
    let mut store = Store::open(path).unwrap();
    let c = store.get_client(id).unwrap().unwrap();
    let mut draft = ClientDraft::from(&c);
    draft.city = city.into();
    store.save_client(Some(id), &draft).unwrap();
}

fn pending(n: usize) -> String {
    fill(ZH.team_pending, &[("n", &n)])
}

fn conflicts(n: usize) -> String {
    fill(ZH.team_conflicts_n, &[("n", &n)])
}

/// Whether the top bar's line says `n` records wait to go up.
fn shows_pending(h: &H, n: usize) -> bool {
    h.query_by_label_contains(&pending(n)).is_some()
}

/// The start of a report line, up to the count of records pulled (which counts this laptop's
/// own records coming back as well).
fn up_to_pulled(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let head = template.split("{pulled}").next().unwrap_or(template);
    fill(head, args)
}

fn open_join_dialog(h: &mut H, url: &str, user: &str, password: &str) {
    click(h, ZH.menu_file);
    click(h, ZH.menu_join_team);
    h.get_by_label(ZH.team_join_title);
    type_into(h, ZH.team_server, url);
    type_into(h, ZH.team_user, user);
    type_into(h, ZH.team_password, password);
}

#[test]
fn joining_from_the_file_menu_uploads_the_records_and_shows_the_status() {
    let Some((_pg, url)) = team() else { return };
    let (_dir, db) = temp_db();
    seed_client(&db, "潍坊某动力公司", ClientKind::Enterprise);
    let mut h = harness(&db);
    assert!(h.query_by_label(ZH.team_sync).is_none(), "not a member yet");

    open_join_dialog(&mut h, &url, "wang", &pw("wang"));
    click(&mut h, ZH.team_join);
    // The worker's completion lands on the next frame.
    h.run();

    assert!(
        h.query_by_label(ZH.team_join_title).is_none(),
        "the dialog closes"
    );
    h.get_by_label_contains(&up_to_pulled(
        ZH.team_joined,
        &[("server", &url), ("pushed", &1)],
    ));
    assert!(shows_pending(&h, 0));
    h.get_by_label(&conflicts(0));
    h.get_by_label(ZH.team_sync);
    let status = Store::open(&db).unwrap().team_status().unwrap().unwrap();
    assert_eq!(status.membership.user, "wang");

    // The password typed in the dialog serves this session: Sync asks for nothing.
    click(&mut h, ZH.team_sync);
    h.run();
    assert!(h.query_by_label(ZH.team_password_title).is_none());
    h.get_by_label_contains(&up_to_pulled(ZH.team_sync_done, &[("pushed", &0)]));
}

#[test]
fn a_wrong_password_or_a_bad_address_is_said_in_the_dialog() {
    let Some((_pg, url)) = team() else { return };
    let (_dir, db) = temp_db();
    let mut h = harness(&db);

    open_join_dialog(&mut h, &url, "wang", "not-the-password");
    click(&mut h, ZH.team_join);
    h.run();
    h.get_by_label(ZH.team_join_title);
    h.get_by_label(ZH.team_err_password);
    assert!(Store::open(&db).unwrap().team_status().unwrap().is_none());
    assert!(h.query_by_label(ZH.team_sync).is_none());

    // A server that does not answer is said as such; the laptop goes on offline.
    click(&mut h, ZH.cancel);
    open_join_dialog(&mut h, "postgresql://127.0.0.1:1/team", "wang", &pw("wang"));
    click(&mut h, ZH.team_join);
    h.run();
    let unreachable = ZH.team_err_unreachable.split("{detail}").next().unwrap();
    h.get_by_label_contains(unreachable);

    // Nothing typed is refused before any connection.
    click(&mut h, ZH.cancel);
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_join_team);
    click(&mut h, ZH.team_join);
    h.get_by_label(ZH.team_join_missing);
}

#[test]
fn sync_after_an_edit_asks_the_password_once_and_uploads_it() {
    let Some((_pg, url)) = team() else { return };
    let (_dir, db) = temp_db();
    join(&db, &url, "wang");
    seed_client(&db, "青岛某海洋公司", ClientKind::Enterprise);
    let mut h = harness(&db);
    h.run();
    assert!(shows_pending(&h, 1), "the new client waits to go up");

    // No password known this session: it is asked; a wrong one is asked again.
    click(&mut h, ZH.team_sync);
    h.get_by_label(ZH.team_password_title);
    type_into(&mut h, ZH.team_password, "wrong");
    click(&mut h, ZH.team_password_go);
    h.run();
    h.get_by_label(ZH.team_password_title);
    h.get_by_label(ZH.team_err_password);
    assert!(shows_pending(&h, 1));

    // Enter in the field sends it, as the button does.
    type_into(&mut h, ZH.team_password, &pw("wang"));
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label(ZH.team_password_title).is_none());
    assert!(shows_pending(&h, 0), "the edit went up");
    h.get_by_label_contains(&up_to_pulled(ZH.team_sync_done, &[("pushed", &1)]));

    // An edit made in the window goes up at the next Sync, without the question.
    let id = find(&db, "青岛某海洋公司");
    set_city(&db, id, "烟台市");
    h.run();
    assert!(shows_pending(&h, 1));
    click(&mut h, ZH.team_sync);
    h.run();
    assert!(h.query_by_label(ZH.team_password_title).is_none());
    assert!(shows_pending(&h, 0));
}

#[test]
fn a_conflict_made_by_two_laptops_is_listed_and_settled_from_the_list() {
    let Some((_pg, url)) = team() else { return };
    let (_wang_dir, wang) = temp_db();
    let (_li_dir, li) = temp_db();
    join(&wang, &url, "wang");
    join(&li, &url, "li");
    seed_client(&wang, "济南某装备公司", ClientKind::Enterprise);
    sync(&wang, "wang");
    sync(&li, "li");
    set_city(&wang, find(&wang, "济南某装备公司"), "青岛市");
    let on_li = find(&li, "济南某装备公司");
    set_city(&li, on_li, "烟台市");
    sync(&wang, "wang");
    sync(&li, "li");

    let mut h = harness(&li);
    h.run();
    click(&mut h, &conflicts(1));
    h.get_by_label(ZH.team_conflicts_title);
    h.get_by_label("济南某装备公司");
    h.get_by_label(ZH.f_city);
    h.get_by_label("青岛市");
    h.get_by_label("烟台市");
    h.get_by_label("li");

    // Li takes his value: it is written here and waits to go up.
    click(&mut h, ZH.team_use_theirs);
    h.run();
    h.get_by_label(ZH.team_conflicts_empty);
    h.get_by_label(&conflicts(0));
    assert!(shows_pending(&h, 1));
    let store = Store::open(&li).unwrap();
    assert_eq!(store.get_client(on_li).unwrap().unwrap().city, "烟台市");
}

#[test]
fn the_conflict_list_says_when_there_is_none_and_a_client_shows_its_history() {
    let Some((_pg, url)) = team() else { return };
    let (_dir, db) = temp_db();
    let id = seed_client(&db, "烟台某材料公司", ClientKind::Enterprise);
    join(&db, &url, "wang");
    set_city(&db, id, "青岛市");
    sync(&db, "wang");

    let mut h = harness(&db);
    h.run();
    click(&mut h, &conflicts(0));
    h.get_by_label(ZH.team_conflicts_empty);

    click(&mut h, ZH.nav_clients);
    click(&mut h, "烟台某材料公司");
    click(&mut h, ZH.team_history);
    h.get_by_label_contains(&format!("{}: 济南市 → 青岛市", ZH.f_city));
}

#[test]
fn a_client_page_shows_others_deals_with_it_in_outline() {
    let Some((_pg, url)) = team() else { return };
    let (_wang_dir, wang) = temp_db();
    let (_li_dir, li) = temp_db();
    join(&wang, &url, "wang");
    join(&li, &url, "li");
    let deal = common::seed_deal(&wang, "高效电机节能改造");
    let stage = Store::open(&wang)
        .unwrap()
        .get_deal(deal)
        .unwrap()
        .unwrap()
        .stage;
    sync(&wang, "wang");
    sync(&li, "li");

    let mut h = harness(&li);
    click(&mut h, ZH.nav_clients);
    click(&mut h, "济南某装备公司");
    h.get_by_label(ZH.team_others_deals);
    h.get_by_label(&fill(
        ZH.team_deal_outline,
        &[
            ("owner", &"wang"),
            ("title", &"高效电机节能改造"),
            ("stage", &ZH.deal_stage(stage)),
        ],
    ));

    // In English too, with the top bar's line.
    click(&mut h, "English");
    h.get_by_label(techbroker::i18n::EN.team_others_deals);
    h.get_by_label_contains(&fill(techbroker::i18n::EN.team_pending, &[("n", &0)]));
}

#[test]
fn a_deal_page_shows_its_history_from_the_server() {
    let Some((_pg, url)) = team() else { return };
    let (_dir, db) = temp_db();
    join(&db, &url, "wang");
    let deal = common::seed_deal(&db, "高效电机节能改造");
    sync(&db, "wang");
    {
        let mut store = Store::open(&db).unwrap();
        let terms = store.get_deal(deal).unwrap().unwrap().terms;
        let mut draft = techbroker::domain::DealDraft::from(&terms);
        draft.notes = "约了下周三参观中试线".into();
        store.save_deal_terms(deal, &draft).unwrap();
    }
    sync(&db, "wang");

    let mut h = harness(&db);
    click(&mut h, ZH.nav_deals);
    click(&mut h, ZH.open);
    click(&mut h, ZH.team_history);
    h.get_by_label_contains(&format!("{}: — → 约了下周三参观中试线", ZH.d_notes));
}

#[test]
fn the_training_sandbox_cannot_join_a_team() {
    // No server needed: the sandbox is refused before any connection.
    let (dir, broker) = temp_db();
    let mut h = start_with(StartOptions {
        db: Some(broker.clone()),
        default_db: broker,
        sandbox_db: dir.path().join("sandbox.sqlite"),
        picker: Box::new(FixedPicker(None)),
        load_in_background: false,
        demo: true,
    });
    h.run();
    assert!(h.state().in_sandbox());
    click(&mut h, ZH.menu_file);
    click(&mut h, ZH.menu_join_team);
    assert!(h.query_by_label(ZH.team_join_title).is_none());
    h.get_by_label(ZH.team_not_in_sandbox);
}

//! Brokers of one institution on a shared PostgreSQL store, each with a laptop database: offline
//! edits on both meeting at sync, conflicts listed and nothing lost, deletes against edits, who
//! sees what enforced by the server, a sync cut off and resumed, servers refused.

#[path = "common/pg.rs"]
mod pg;

use std::path::{Path, PathBuf};

use pg::PgCluster;
use techbroker::domain::team::{ConflictKind, Resolution, Role};
use techbroker::domain::{ClientDraft, ClientId, ClientKind, DealDraft};
use techbroker::store::team::{self, ServerError, Step, TeamError};
use techbroker::store::{DecisionInput, Store, latest_version};

const ADMIN_PW: &str = "admin-pw";

struct Team {
    pg: PgCluster,
    url: String,
}

/// A team database with admin "admin", brokers "wang" and "li", manager "zhao".
fn team() -> Option<Team> {
    let pg = PgCluster::start()?;
    let url = pg.team_database("team", "admin", ADMIN_PW);
    team::init(&url, "admin", ADMIN_PW).unwrap();
    for (user, role) in [
        ("wang", Role::Broker),
        ("li", Role::Broker),
        ("zhao", Role::Manager),
    ] {
        team::invite(&url, "admin", ADMIN_PW, user, role, &pw(user)).unwrap();
    }
    Some(Team { pg, url })
}

fn pw(user: &str) -> String {
    format!("{user}-password")
}

struct Laptop {
    _dir: tempfile::TempDir,
    path: PathBuf,
    user: &'static str,
}

impl Laptop {
    fn store(&self) -> Store {
        Store::open(&self.path).unwrap()
    }

    fn sync(&self) -> techbroker::domain::team::SyncReport {
        team::sync(&mut self.store(), &pw(self.user)).unwrap()
    }
}

fn laptop(team: &Team, user: &'static str) -> Laptop {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{user}.sqlite"));
    let mut store = Store::open(&path).unwrap();
    team::join(&mut store, &team.url, user, &pw(user)).unwrap();
    Laptop {
        _dir: dir,
        path,
        user,
    }
}

fn client(store: &mut Store, name: &str, city: &str) -> ClientId {
    store
        .save_client(
            None,
            &ClientDraft {
                name: name.into(),
                kind: ClientKind::Enterprise,
                province: "山东省".into(),
                city: city.into(),
                ..ClientDraft::default()
            },
        )
        .unwrap()
}

fn find(store: &Store, name: &str) -> Option<ClientId> {
    store
        .list_clients()
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .map(|c| c.id)
}

fn edit(store: &mut Store, id: ClientId, f: impl FnOnce(&mut ClientDraft)) {
    let c = store.get_client(id).unwrap().unwrap();
    let mut draft = ClientDraft::from(&c);
    f(&mut draft);
    store.save_client(Some(id), &draft).unwrap();
}

fn names(path: &Path) -> Vec<String> {
    let mut v: Vec<String> = Store::open(path)
        .unwrap()
        .list_clients()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    v.sort();
    v
}

#[test]
fn records_made_offline_on_two_laptops_reach_both_and_a_database_joins_with_what_it_holds() {
    let Some(team) = team() else { return };
    // Wang's laptop had clients before joining: they go up once.
    let dir = tempfile::tempdir().unwrap();
    let wang_path = dir.path().join("wang.sqlite");
    {
        let mut store = Store::open(&wang_path).unwrap();
        client(&mut store, "潍坊某动力公司", "潍坊市");
        let report = team::join(&mut store, &team.url, "wang", &pw("wang")).unwrap();
        assert_eq!(report.pushed, 1);
    }
    let wang = Laptop {
        _dir: dir,
        path: wang_path,
        user: "wang",
    };
    let li = laptop(&team, "li");
    assert_eq!(names(&li.path), ["潍坊某动力公司"]);

    // A change is recorded in its write's transaction: a refused write records nothing.
    let mut store = wang.store();
    client(&mut store, "青岛某海洋公司", "青岛市");
    assert_eq!(store.team_status().unwrap().unwrap().pending, 1);
    let again = ClientDraft {
        name: "青岛某海洋公司".into(),
        ..ClientDraft::default()
    };
    assert!(store.save_client(None, &again).is_err());
    assert_eq!(store.team_status().unwrap().unwrap().pending, 1);
    drop(store);
    client(&mut li.store(), "烟台某材料公司", "烟台市");
    assert_eq!(wang.sync().pushed, 1);
    let report = li.sync();
    assert_eq!((report.pushed, report.conflicts), (1, 0));
    wang.sync();
    let all = ["潍坊某动力公司", "烟台某材料公司", "青岛某海洋公司"];
    assert_eq!(names(&wang.path), all);
    assert_eq!(names(&li.path), all);
    let status = wang.store().team_status().unwrap().unwrap();
    assert_eq!((status.pending, status.conflicts), (0, 0));
    assert!(status.membership.last_sync.is_some());

    // References travel by the team's ids: li's achievement of wang's client arrives owned by
    // the same organisation on wang's laptop, whatever its local number.
    let owner = find(&li.store(), "潍坊某动力公司").unwrap();
    li.store()
        .save_achievement(
            None,
            &techbroker::domain::AchievementDraft {
                title: "船用柴油机余热回收".into(),
                owner: Some(owner),
                field: "高端装备制造".into(),
                trl: "6".into(),
                stage: techbroker::domain::Stage::Pilot,
                ..Default::default()
            },
        )
        .unwrap();
    li.sync();
    wang.sync();
    let store = wang.store();
    let rows = store
        .achievement_rows(techbroker::store::Scope::All)
        .unwrap();
    let (row, _) = rows
        .iter()
        .find(|(a, _)| a.title == "船用柴油机余热回收")
        .expect("arrived");
    assert_eq!(Some(row.owner), find(&store, "潍坊某动力公司"));
}

#[test]
fn the_same_field_edited_on_both_laptops_is_listed_for_the_owner_and_nothing_is_lost() {
    let Some(team) = team() else { return };
    let wang = laptop(&team, "wang");
    let li = laptop(&team, "li");
    client(&mut wang.store(), "济南某装备公司", "济南市");
    wang.sync();
    li.sync();
    let on_wang = find(&wang.store(), "济南某装备公司").unwrap();
    let on_li = find(&li.store(), "济南某装备公司").unwrap();

    edit(&mut wang.store(), on_wang, |d| d.city = "青岛市".into());
    edit(&mut li.store(), on_li, |d| {
        d.city = "烟台市".into();
        d.address = "经十路 88 号".into();
    });
    assert_eq!(wang.sync().conflicts, 0);
    assert_eq!(li.sync().conflicts, 1);

    // The server kept wang's city (first there); li's other edit applied; li's city is listed.
    let li_store = li.store();
    let c = li_store.get_client(on_li).unwrap().unwrap();
    assert_eq!(
        (c.city.as_str(), c.address.as_str()),
        ("青岛市", "经十路 88 号")
    );
    let conflicts = li_store.team_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let conflict = &conflicts[0];
    assert_eq!(conflict.kind, ConflictKind::Field);
    assert_eq!(conflict.field, "city");
    assert_eq!(conflict.kept, serde_json::json!("青岛市"));
    assert_eq!(conflict.theirs, serde_json::json!("烟台市"));
    assert_eq!(conflict.by, "li");
    assert_eq!(conflict.label, "济南某装备公司");
    drop(li_store);
    // Wang owns the record: the conflict is on his list too.
    wang.sync();
    assert_eq!(wang.store().team_conflicts().unwrap().len(), 1);

    // Li takes his value: it goes up as an edit and reaches wang.
    li.store()
        .resolve_conflict(conflict.id, Resolution::UseTheirs)
        .unwrap();
    assert_eq!(li.sync().conflicts, 0);
    wang.sync();
    let c = wang.store().get_client(on_wang).unwrap().unwrap();
    assert_eq!(
        (c.city.as_str(), c.address.as_str()),
        ("烟台市", "经十路 88 号")
    );
    assert!(wang.store().team_conflicts().unwrap().is_empty());
    assert!(li.store().team_conflicts().unwrap().is_empty());

    // The audit on the server says who changed what.
    let audit = wang.store().team_audit("clients", on_wang.0).unwrap();
    let by: Vec<&str> = audit.iter().map(|a| a.by.as_str()).collect();
    assert!(by.contains(&"wang") && by.contains(&"li"), "{audit:?}");
    assert_eq!(audit.last().map(|a| a.op.as_str()), Some("insert"));
}

#[test]
fn a_delete_against_an_edit_and_an_edit_of_a_deleted_record_are_conflicts() {
    let Some(team) = team() else { return };
    let wang = laptop(&team, "wang");
    let li = laptop(&team, "li");
    client(&mut wang.store(), "淄博某化工公司", "淄博市");
    client(&mut wang.store(), "临沂某物流公司", "临沂市");
    wang.sync();
    li.sync();

    // Li edits, then wang's delete arrives: the server keeps the edited record.
    let w = find(&wang.store(), "淄博某化工公司").unwrap();
    let l = find(&li.store(), "淄博某化工公司").unwrap();
    wang.store().delete_client(w).unwrap();
    edit(&mut li.store(), l, |d| {
        d.notes = "约了下周三参观中试线".into()
    });
    li.sync();
    assert_eq!(wang.sync().conflicts, 1);
    let conflicts = wang.store().team_conflicts().unwrap();
    assert_eq!(conflicts[0].kind, ConflictKind::DeleteVsEdit);
    let back = wang.store().get_client(w).unwrap().unwrap();
    assert_eq!(back.notes, "约了下周三参观中试线");
    assert!(
        find(&wang.store(), "淄博某化工公司").is_some(),
        "back out of the trash"
    );
    // Wang deletes it after all: it goes to the trash on li's laptop too.
    wang.store()
        .resolve_conflict(conflicts[0].id, Resolution::UseTheirs)
        .unwrap();
    wang.sync();
    li.sync();
    assert!(find(&li.store(), "淄博某化工公司").is_none());

    // Wang deletes first; li's later edit of it is listed, the record stays in the trash.
    let w = find(&wang.store(), "临沂某物流公司").unwrap();
    let l = find(&li.store(), "临沂某物流公司").unwrap();
    wang.store().delete_client(w).unwrap();
    edit(&mut li.store(), l, |d| {
        d.website = "https://ly.example.cn".into()
    });
    wang.sync();
    assert_eq!(li.sync().conflicts, 1);
    let conflicts = li.store().team_conflicts().unwrap();
    let c = conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::EditOfDeleted)
        .expect("listed");
    assert_eq!(
        c.theirs["website"],
        serde_json::json!("https://ly.example.cn")
    );
    assert!(
        find(&li.store(), "临沂某物流公司").is_none(),
        "the server's delete holds"
    );
    // Li restores it with his edit.
    li.store()
        .resolve_conflict(c.id, Resolution::UseTheirs)
        .unwrap();
    li.sync();
    wang.sync();
    let id = find(&wang.store(), "临沂某物流公司").expect("restored");
    assert_eq!(
        wang.store().get_client(id).unwrap().unwrap().website,
        "https://ly.example.cn"
    );
}

fn deal_with_terms(store: &mut Store) -> ClientId {
    let seller = client(store, "山东大学", "济南市");
    let buyer = client(store, "日照某钢铁公司", "日照市");
    let achievement = store
        .save_achievement(
            None,
            &techbroker::domain::AchievementDraft {
                title: "高炉煤气精脱硫".into(),
                owner: Some(seller),
                field: "节能环保".into(),
                trl: "7".into(),
                stage: techbroker::domain::Stage::Pilot,
                ..Default::default()
            },
        )
        .unwrap();
    let deal = store
        .record_decision(&DecisionInput::accepted(None, achievement, buyer))
        .unwrap()
        .unwrap();
    let mut draft = DealDraft::from(&store.get_deal(deal).unwrap().unwrap().terms);
    draft.contract = "3800000".into();
    draft.commission_rate = "3".into();
    store.save_deal_terms(deal, &draft).unwrap();
    buyer
}

#[test]
fn a_broker_sees_anothers_deal_only_in_outline_even_through_sql_and_a_manager_sees_it_all() {
    let Some(team) = team() else { return };
    let wang = laptop(&team, "wang");
    let li = laptop(&team, "li");
    let zhao = laptop(&team, "zhao");
    deal_with_terms(&mut wang.store());
    wang.sync();
    li.sync();
    zhao.sync();

    // Li's laptop has the catalogue and wang's deal in outline, no terms.
    let li_store = li.store();
    assert!(li_store.deal_ids().unwrap().is_empty());
    let buyer = find(&li_store, "日照某钢铁公司").unwrap();
    let outline = li_store.team_deals_with(buyer).unwrap();
    assert_eq!(outline.len(), 1);
    assert_eq!(outline[0].owner, "wang");
    assert_eq!(outline[0].title, "高炉煤气精脱硫");

    // Through SQL as li: no deal row, no audit of it, nothing to update.
    let mut sql = team.pg.connect_as("team", "li", &pw("li"));
    let n: i64 = sql
        .query_one(
            "SELECT count(*) FROM techbroker.records WHERE tbl = 'deals'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    let n: i64 = sql
        .query_one(
            "SELECT count(*) FROM techbroker.audit WHERE tbl = 'deals' OR tbl = 'match_decisions'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    let n = sql
        .execute(
            "UPDATE techbroker.records SET data = '{}' WHERE tbl = 'deals'",
            &[],
        )
        .unwrap();
    assert_eq!(n, 0);
    let terms = sql
        .query("SELECT * FROM techbroker.deal_board", &[])
        .unwrap()
        .into_iter()
        .flat_map(|r| (0..r.len()).map(move |i| r.columns()[i].name().to_string()))
        .collect::<Vec<_>>();
    assert!(
        !terms
            .iter()
            .any(|c| c.contains("fen") || c.contains("commission")),
        "{terms:?}"
    );
    assert!(sql.batch_execute("DROP TABLE techbroker.records").is_err());

    // The manager has it in full.
    let zhao_store = zhao.store();
    let ids = zhao_store.deal_ids().unwrap();
    assert_eq!(ids.len(), 1);
    let deal = zhao_store.get_deal(ids[0]).unwrap().unwrap();
    assert_eq!(deal.terms.contract.map(|m| m.fen()), Some(380_000_000));
    assert_eq!(
        zhao_store.deal_owners().unwrap(),
        vec![(ids[0].0, "wang".to_string())]
    );
}

#[test]
fn a_sync_cut_off_after_the_server_committed_or_halfway_down_resumes_without_loss_or_double() {
    let Some(team) = team() else { return };
    let wang = laptop(&team, "wang");
    let li = laptop(&team, "li");
    {
        let mut store = wang.store();
        for i in 0..1200 {
            client(&mut store, &format!("企业{i:04}"), "济南市");
        }
    }
    let mut store = wang.store();
    let cut = team::sync_until(&mut store, &pw("wang"), Some(Step::Pushed));
    assert!(matches!(cut, Err(TeamError::Interrupted)));
    assert_eq!(store.team_status().unwrap().unwrap().pending, 1200);
    let report = team::sync(&mut store, &pw("wang")).unwrap();
    assert_eq!(report.pushed, 0, "the server had the push already");
    assert_eq!(store.team_status().unwrap().unwrap().pending, 0);
    let mut sql = team.pg.superuser("team");
    let n: i64 = sql
        .query_one("SELECT count(*) FROM techbroker.records", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1200);

    let mut li_store = li.store();
    let cut = team::sync_until(&mut li_store, &pw("li"), Some(Step::FirstBatch));
    assert!(matches!(cut, Err(TeamError::Interrupted)));
    assert_eq!(li_store.list_clients().unwrap().len(), 1000);
    team::sync(&mut li_store, &pw("li")).unwrap();
    assert_eq!(names(&li.path), names(&wang.path));
    assert_eq!(li_store.team_status().unwrap().unwrap().pending, 0);
}

#[test]
fn a_wrong_password_a_foreign_server_a_newer_one_and_a_stranger_are_refused_and_change_nothing() {
    let Some(team) = team() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.sqlite");
    let mut store = Store::open(&path).unwrap();
    client(&mut store, "德州某纺织公司", "德州市");

    let e = team::join(&mut store, &team.url, "wang", "not-his").unwrap_err();
    assert!(
        matches!(e, TeamError::Server(ServerError::WrongPassword)),
        "{e:?}"
    );

    let plain = team.pg.team_database("plain", "other_admin", "x-pw");
    let e = team::join(&mut store, &plain, "other_admin", "x-pw").unwrap_err();
    assert!(
        matches!(e, TeamError::Server(ServerError::NotTechBroker)),
        "{e:?}"
    );

    team.pg
        .superuser("postgres")
        .batch_execute("CREATE ROLE stranger LOGIN PASSWORD 'stranger-pw'")
        .unwrap();
    let mut su = team.pg.superuser("team");
    su.batch_execute("GRANT USAGE ON SCHEMA techbroker TO stranger; GRANT SELECT ON techbroker.meta, techbroker.members TO stranger;")
        .unwrap();
    let e = team::join(&mut store, &team.url, "stranger", "stranger-pw").unwrap_err();
    assert!(
        matches!(e, TeamError::Server(ServerError::NotMember(_))),
        "{e:?}"
    );

    // A broker may not add members.
    let e = team::invite(
        &team.url,
        "wang",
        &pw("wang"),
        "sun",
        Role::Broker,
        "sun-pw",
    )
    .unwrap_err();
    assert!(
        matches!(e, TeamError::Server(ServerError::NotAllowed(_))),
        "{e:?}"
    );
    su.batch_execute("UPDATE techbroker.meta SET value = '99' WHERE key = 'schema_version'")
        .unwrap();
    let e = team::join(&mut store, &team.url, "wang", &pw("wang")).unwrap_err();
    assert!(
        matches!(
            e,
            TeamError::Server(ServerError::NewerSchema { server: 99, .. })
        ),
        "{e:?}"
    );

    let e = team::join(&mut store, "postgresql://127.0.0.1:1/team", "wang", "x").unwrap_err();
    assert!(
        matches!(e, TeamError::Server(ServerError::Unreachable(_))),
        "{e:?}"
    );

    assert!(store.team_membership().unwrap().is_none());
    assert_eq!(store.team_status().unwrap(), None);
    let n: i64 = su
        .query_one("SELECT count(*) FROM techbroker.records", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
}

fn cli(args: &[&str], password: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_techbroker"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("TECHBROKER_PASSWORD", password)
        .env("TECHBROKER_NEW_PASSWORD", "sun-password")
        .output()
        .unwrap()
}

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_command_line_sets_up_a_team_adds_a_member_joins_syncs_and_lists_conflicts() {
    let Some(pg) = PgCluster::start() else { return };
    let url = pg.team_database("office", "boss", "boss-pw");
    let out = cli(
        &["team", "init", "--server", &url, "--admin", "boss"],
        "boss-pw",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("boss is its admin"), "{}", text(&out));
    let out = cli(
        &["team", "init", "--server", &url, "--admin", "boss"],
        "boss-pw",
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("already holds a team store"),
        "{}",
        text(&out)
    );

    let out = cli(
        &[
            "team", "invite", "--server", &url, "--user", "sun", "--role", "broker", "--as", "boss",
        ],
        "boss-pw",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("Added member sun (broker)"),
        "{}",
        text(&out)
    );

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sun.sqlite");
    let db = db.to_str().unwrap();
    client(
        &mut Store::open(Path::new(db)).unwrap(),
        "威海某医疗器械公司",
        "威海市",
    );
    let out = cli(
        &[
            "team", "join", "--server", &url, "--user", "sun", "--db", db,
        ],
        "wrong",
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("Wrong user name or password"),
        "{}",
        text(&out)
    );
    let out = cli(
        &[
            "team", "join", "--server", &url, "--user", "sun", "--db", db,
        ],
        "sun-password",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Sent 1, received"), "{}", text(&out));

    let out = cli(&["sync", "--db", db, "--json"], "sun-password");
    assert!(out.status.success(), "{}", text(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["pushed"], 0);
    assert_eq!(report["conflicts"], 0);

    let out = cli(&["team", "conflicts", "--db", db], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("No conflicts to resolve"),
        "{}",
        text(&out)
    );

    // Another member edits the same field first: the next sync lists the conflict.
    let out = cli(
        &[
            "team", "invite", "--server", &url, "--user", "zhou", "--role", "broker", "--as",
            "boss",
        ],
        "boss-pw",
    );
    assert!(out.status.success(), "{}", text(&out));
    let zhou_dir = tempfile::tempdir().unwrap();
    let mut zhou = Store::open(&zhou_dir.path().join("zhou.sqlite")).unwrap();
    team::join(&mut zhou, &url, "zhou", "sun-password").unwrap();
    let id = find(&zhou, "威海某医疗器械公司").unwrap();
    edit(&mut zhou, id, |d| d.city = "荣成市".into());
    team::sync(&mut zhou, "sun-password").unwrap();
    let mut sun = Store::open(Path::new(db)).unwrap();
    let id = find(&sun, "威海某医疗器械公司").unwrap();
    edit(&mut sun, id, |d| d.city = "文登区".into());
    drop(sun);
    let out = cli(&["sync", "--db", db], "sun-password");
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("new conflicts 1"), "{said}");
    assert!(
        said.contains("Both changed the same field") && said.contains("\"荣成市\" → \"文登区\""),
        "{said}"
    );
    let sheet = dir.path().join("institution.xlsx");
    let out = cli(
        &[
            "team",
            "report",
            "--db",
            db,
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--format",
            "xlsx",
            "--out",
            sheet.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("0 brokers"), "{}", text(&out));
    assert!(std::fs::metadata(&sheet).unwrap().len() > 0);
    let out = cli(&["team", "conflicts", "--db", db, "--json"], "");
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    assert_eq!(
        (
            &listed[0]["field"],
            &listed[0]["kept"],
            &listed[0]["theirs"]
        ),
        (
            &serde_json::json!("city"),
            &serde_json::json!("荣成市"),
            &serde_json::json!("文登区")
        )
    );
}

#[test]
fn the_connection_is_encrypted_when_the_server_offers_tls() {
    let Some(pg) = PgCluster::start_with_tls() else {
        return;
    };
    let url = pg.team_database("secure", "sec_admin", "sec-pw");
    team::init(&url, "sec_admin", "sec-pw").unwrap();
    let log = std::fs::read_to_string(pg.log()).unwrap();
    let line = log
        .lines()
        .find(|l| l.contains("connection authorized: user=sec_admin"))
        .expect("the connection is in the server's log");
    assert!(line.contains("SSL enabled"), "{line}");
}

#[test]
fn the_team_version_over_a_version_14_file_keeps_its_data_and_opens_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    client(&mut Store::open(&path).unwrap(), "泰安某机械公司", "泰安市");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE team_inbox; DROP TABLE team_audit; DROP TABLE team_deals;
             DROP TABLE team_conflicts; DROP TABLE sync_outbox; DROP TABLE sync_map;
             DROP TABLE team_membership; PRAGMA user_version = 14;",
        )
        .unwrap();
    }
    for _ in 0..2 {
        let store = Store::open(&path).unwrap();
        assert_eq!(names(&path), ["泰安某机械公司"]);
        assert!(store.team_membership().unwrap().is_none());
        assert!(store.team_conflicts().unwrap().is_empty());
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, latest_version());
    // A database of no team has no triggers: its writes cost what they did.
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 0);
}

#[test]
fn with_the_server_gone_a_sync_says_so_keeps_every_change_and_goes_through_when_it_is_back() {
    let Some(team) = team() else { return };
    let wang = laptop(&team, "wang");
    let li = laptop(&team, "li");
    team.pg.stop();
    // Offline for a while: records made, edited and deleted.
    let mut store = wang.store();
    for i in 0..30 {
        client(&mut store, &format!("离线企业{i:02}"), "济南市");
    }
    let id = find(&store, "离线企业00").unwrap();
    edit(&mut store, id, |d| d.notes = "下乡回来再同步".into());
    store
        .delete_client(find(&store, "离线企业29").unwrap())
        .unwrap();
    let e = team::sync(&mut store, &pw("wang")).unwrap_err();
    assert!(
        matches!(e, TeamError::Server(ServerError::Unreachable(_))),
        "{e:?}"
    );
    assert_eq!(store.team_status().unwrap().unwrap().pending, 30);
    assert!(
        store
            .team_status()
            .unwrap()
            .unwrap()
            .membership
            .last_sync
            .is_some(),
        "from joining"
    );
    drop(store);

    team.pg.restart();
    assert_eq!(wang.sync().pushed, 30);
    li.sync();
    let on_li = li.store();
    assert_eq!(on_li.list_clients().unwrap().len(), 29);
    let id = find(&on_li, "离线企业00").unwrap();
    assert_eq!(
        on_li.get_client(id).unwrap().unwrap().notes,
        "下乡回来再同步"
    );
}

/// How many times another connection has committed to the file, as SQLite counts it for this
/// one: what a window watches to know it must read again.
fn writes_seen(watcher: &rusqlite::Connection) -> i64 {
    watcher
        .query_row("PRAGMA data_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_round_with_nothing_to_do_writes_nothing_and_one_with_news_writes_them() {
    let Some(team) = team() else { return };
    let wang = laptop(&team, "wang");
    let li = laptop(&team, "li");
    wang.sync();
    let watcher = rusqlite::Connection::open(&wang.path).unwrap();
    let before = writes_seen(&watcher);
    let report = wang.sync();
    assert_eq!((report.pushed, report.pulled, report.conflicts), (0, 0, 0));
    assert_eq!(
        writes_seen(&watcher),
        before,
        "an idle round wrote to the file"
    );
    client(&mut li.store(), "潍柴动力", "潍坊市");
    li.sync();
    let report = wang.sync();
    assert_eq!(report.pulled, 1);
    assert_ne!(writes_seen(&watcher), before);
    assert!(find(&wang.store(), "潍柴动力").is_some());
    // The round's time is written with what came down.
    assert!(
        wang.store()
            .team_membership()
            .unwrap()
            .unwrap()
            .last_sync
            .is_some()
    );
}

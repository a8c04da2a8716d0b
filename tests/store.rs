//! The SQLite store: opening (and refusing) files, migrations, CRUD, trash, uniqueness.

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use techbroker::domain::{
    ClientDraft, ClientField, ClientKind, ContactDraft, InteractionDraft, InteractionKind, Problem,
};
use techbroker::store::{OpenError, SaveError, Store, StoreError, TrashItem, latest_version};

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broker.sqlite");
    (dir, path)
}

fn hash(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn client(name: &str, kind: ClientKind) -> ClientDraft {
    ClientDraft {
        name: name.into(),
        kind,
        province: "山东省".into(),
        city: "济南市".into(),
        ..ClientDraft::default()
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_fresh_database_is_created_in_a_new_folder_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/new.sqlite");
    let store = Store::open(&path).unwrap();
    assert!(path.exists());
    assert!(store.list_clients().unwrap().is_empty());
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, latest_version());
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn opening_twice_keeps_the_data_and_the_version() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store
        .save_client(None, &client("山东大学", ClientKind::University))
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list_clients().unwrap().len(), 1);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list_clients().unwrap()[0].name, "山东大学");
}

fn assert_refused(path: &Path, check: impl Fn(&OpenError) -> bool) {
    let before = hash(path);
    let len = std::fs::metadata(path).unwrap().len();
    let err = Store::open(path).err().expect("the file must be refused");
    assert!(check(&err), "unexpected error: {err:?}");
    assert_eq!(err.path(), path);
    assert_eq!(hash(path), before, "the refused file was changed");
    assert_eq!(std::fs::metadata(path).unwrap().len(), len);
}

#[test]
fn a_garbage_file_is_refused_and_left_unchanged() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, "客户名称,类型\n山东大学,高校\n".repeat(200)).unwrap();
    assert_refused(&path, |e| matches!(e, OpenError::NotADatabase { .. }));
}

#[test]
fn a_zero_byte_file_is_refused_and_left_empty() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"").unwrap();
    assert_refused(&path, |e| matches!(e, OpenError::EmptyFile { .. }));
}

#[test]
fn a_file_shorter_than_the_header_is_refused() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"SQLite").unwrap();
    assert_refused(&path, |e| matches!(e, OpenError::NotADatabase { .. }));
}

#[test]
fn another_programs_database_is_refused_and_left_unchanged() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
            .unwrap();
    }
    assert_refused(&path, |e| matches!(e, OpenError::Foreign { .. }));
}

#[test]
fn a_database_from_a_newer_techbroker_is_refused_not_migrated() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    assert_refused(&path, |e| {
        matches!(e, OpenError::NewerSchema { found, supported, .. }
            if *found == latest_version() + 1 && *supported == latest_version())
    });
}

#[test]
fn an_older_database_opened_read_only_says_it_needs_one_normal_open() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", latest_version() - 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let Err(e) = Store::open_read_only(&path) else {
        panic!("a read-only window cannot upgrade the file");
    };
    assert!(
        matches!(e, OpenError::OlderSchemaReadOnly { found, .. } if found == latest_version() - 1)
    );
    let message = techbroker::i18n::ZH.open_error(&e);
    assert!(message.contains("较早版本"), "{message}");
    assert!(!message.contains("更新版本"), "{message}");
}

#[test]
fn a_corrupt_database_is_refused_and_left_unchanged() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        for i in 0..300 {
            store
                .save_client(None, &client(&format!("企业{i}"), ClientKind::Enterprise))
                .unwrap();
        }
    }
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    // Keep the header and first page, scribble over the pages after it.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    for b in &mut bytes[4096..] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_refused(&path, |e| matches!(e, OpenError::Corrupt { .. }));
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open(dir.path()).err().unwrap();
    assert!(matches!(err, OpenError::IsFolder { .. }));
}

#[test]
fn client_create_read_update() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut draft = client("  青岛某新材料有限公司 ", ClientKind::Enterprise);
    draft.credit_code = "91370000163044841f".into();
    draft.industry = "新材料".into();
    let id = store.save_client(None, &draft).unwrap();
    let saved = store.get_client(id).unwrap().unwrap();
    assert_eq!(saved.name, "青岛某新材料有限公司");
    assert_eq!(saved.credit_code, "91370000163044841F");
    assert_eq!(saved.region(), "山东省 济南市");
    assert!(saved.deleted_at.is_none());

    draft.name = "青岛新材料集团".into();
    draft.city = "青岛市".into();
    let rev = store.revision();
    assert_eq!(store.save_client(Some(id), &draft).unwrap(), id);
    assert!(store.revision() > rev);
    let rows = store.list_clients().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name, "青岛新材料集团");
    assert_eq!(rows[0].city_region(), "山东省 青岛市");
    assert!(store.get_client(id).unwrap().unwrap().updated_at >= saved.updated_at);
}

#[test]
fn invalid_drafts_are_refused_and_nothing_is_written() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let mut draft = client("", ClientKind::Enterprise);
    draft.credit_code = "123".into();
    let rev = store.revision();
    match store.save_client(None, &draft) {
        Err(SaveError::Invalid(e)) => {
            assert_eq!(e.get(ClientField::Name), Some(Problem::Required));
            assert_eq!(
                e.get(ClientField::CreditCode),
                Some(Problem::InvalidCreditCode)
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(store.revision(), rev);
    assert!(store.list_clients().unwrap().is_empty());
}

#[test]
fn names_are_unique_among_live_clients() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let first = store
        .save_client(None, &client("Haier Group", ClientKind::Enterprise))
        .unwrap();
    let dup = store.save_client(None, &client("haier group", ClientKind::Enterprise));
    assert!(matches!(dup, Err(SaveError::Invalid(e))
        if e.get(ClientField::Name) == Some(Problem::DuplicateName)));
    // Renaming another client onto the name is refused too; saving the client itself is not.
    let other = store
        .save_client(None, &client("海尔集团", ClientKind::Enterprise))
        .unwrap();
    assert!(
        store
            .save_client(Some(other), &client("Haier Group", ClientKind::Enterprise))
            .is_err()
    );
    assert!(
        store
            .save_client(Some(first), &client("Haier Group", ClientKind::Other))
            .is_ok()
    );
    // Once the first is in the trash its name is free, and restoring it then is refused.
    store.delete_client(first).unwrap();
    let second = store
        .save_client(None, &client("Haier Group", ClientKind::Enterprise))
        .unwrap();
    assert!(
        matches!(store.restore_client(first), Err(StoreError::NameTaken(n)) if n == "Haier Group")
    );
    store.delete_client(second).unwrap();
    store.restore_client(first).unwrap();
    assert_eq!(store.list_clients().unwrap().len(), 2);
}

#[test]
fn deleting_a_client_moves_it_with_its_records_to_the_trash_and_restore_brings_all_back() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .save_client(None, &client("中国科学院某研究所", ClientKind::Institute))
        .unwrap();
    store
        .save_contact(
            id,
            None,
            &ContactDraft {
                name: "李研究员".into(),
                ..ContactDraft::default()
            },
        )
        .unwrap();
    let today = day(2026, 11, 28);
    let mut visit = InteractionDraft::new(today);
    visit.summary = "了解成果转化意向".into();
    visit.next_step = "寄送合作协议".into();
    visit.next_due = Some(today);
    store.add_interaction(id, &visit).unwrap();
    assert_eq!(store.follow_ups_due(today).unwrap().len(), 1);

    store.delete_client(id).unwrap();
    assert!(store.list_clients().unwrap().is_empty());
    assert!(store.follow_ups_due(today).unwrap().is_empty());
    let trash = store.list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].item, TrashItem::Client(id));
    assert_eq!(trash[0].label, "中国科学院某研究所");
    assert!(matches!(store.delete_client(id), Err(StoreError::NotFound)));

    store.restore(TrashItem::Client(id)).unwrap();
    assert!(store.list_trash().unwrap().is_empty());
    assert_eq!(store.list_contacts(id).unwrap().len(), 1);
    assert_eq!(store.list_interactions(id).unwrap().len(), 1);
    assert_eq!(store.follow_ups_due(today).unwrap().len(), 1);
    assert_eq!(store.list_clients().unwrap()[0].open_follow_ups, 1);
}

#[test]
fn contacts_are_added_edited_deleted_and_restored() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .save_client(None, &client("济南某机器人公司", ClientKind::Enterprise))
        .unwrap();
    let mut draft = ContactDraft {
        name: "王总".into(),
        title: "技术总监".into(),
        phone: "0531-8888 6666".into(),
        email: "wang@example.com".into(),
        wechat: "wang_robot".into(),
    };
    let contact = store.save_contact(id, None, &draft).unwrap();
    draft.title = "副总经理".into();
    store.save_contact(id, Some(contact), &draft).unwrap();
    let contacts = store.list_contacts(id).unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].title, "副总经理");

    draft.email = "not an email".into();
    assert!(matches!(
        store.save_contact(id, Some(contact), &draft),
        Err(SaveError::Invalid(_))
    ));

    store.delete_contact(contact).unwrap();
    assert!(store.list_contacts(id).unwrap().is_empty());
    let trash = store.list_trash().unwrap();
    assert_eq!(trash[0].item, TrashItem::Contact(contact));
    assert_eq!(trash[0].owner, "济南某机器人公司");
    store.restore(TrashItem::Contact(contact)).unwrap();
    assert_eq!(store.list_contacts(id).unwrap().len(), 1);
}

#[test]
fn nothing_attaches_to_a_client_in_the_trash() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .save_client(None, &client("某公司", ClientKind::Enterprise))
        .unwrap();
    store.delete_client(id).unwrap();
    let contact = ContactDraft {
        name: "张三".into(),
        ..ContactDraft::default()
    };
    assert!(matches!(
        store.save_contact(id, None, &contact),
        Err(SaveError::Store(StoreError::NotFound))
    ));
}

#[test]
fn follow_ups_list_due_and_overdue_oldest_first_and_leave_when_done() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let a = store
        .save_client(None, &client("甲公司", ClientKind::Enterprise))
        .unwrap();
    let b = store
        .save_client(None, &client("乙大学", ClientKind::University))
        .unwrap();
    let today = day(2026, 11, 28);
    let log = |store: &mut Store, client, due: NaiveDate, step: &str| {
        let mut d = InteractionDraft::new(day(2026, 11, 1));
        d.kind = InteractionKind::Call;
        d.summary = "电话沟通".into();
        d.next_step = step.into();
        d.next_due = Some(due);
        store.add_interaction(client, &d).unwrap()
    };
    log(&mut store, a, today, "今天回电");
    let overdue = log(&mut store, b, today - Days::new(3), "补发材料");
    log(&mut store, a, today + Days::new(1), "明天拜访");
    let due = store.follow_ups_due(today).unwrap();
    let steps: Vec<&str> = due.iter().map(|f| f.next_step.as_str()).collect();
    assert_eq!(steps, ["补发材料", "今天回电"]);
    assert_eq!(due[0].client_name, "乙大学");
    assert_eq!(due[0].days_overdue(today), 3);

    store.complete_follow_up(overdue).unwrap();
    assert_eq!(store.follow_ups_due(today).unwrap().len(), 1);
    assert!(matches!(
        store.complete_follow_up(overdue),
        Err(StoreError::NotFound)
    ));
    let rows = store.list_clients().unwrap();
    let row_a = rows.iter().find(|r| r.id == a).unwrap();
    assert_eq!(row_a.open_follow_ups, 2);
    assert_eq!(row_a.last_contact, Some(day(2026, 11, 1)));
}

#[test]
fn interactions_are_listed_newest_first() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .save_client(None, &client("某研究院", ClientKind::Institute))
        .unwrap();
    for (date, summary) in [(day(2026, 3, 1), "首次走访"), (day(2026, 6, 1), "对接会")] {
        let mut d = InteractionDraft::new(date);
        d.summary = summary.into();
        store.add_interaction(id, &d).unwrap();
    }
    let items = store.list_interactions(id).unwrap();
    assert_eq!(items[0].summary, "对接会");
    assert_eq!(items[1].date, day(2026, 3, 1));
}

#[test]
fn an_older_database_is_backed_up_then_upgraded() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        store
            .save_client(None, &client("老版本里的客户", ClientKind::Enterprise))
            .unwrap();
    }
    // Turn it back into a version-1 database: no catalogue tables yet.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP INDEX clients_deleted; DROP INDEX clients_live_credit_code;
             DROP INDEX interactions_deal; ALTER TABLE interactions DROP COLUMN deal_id;
             DROP TABLE team_inbox; DROP TABLE team_audit; DROP TABLE team_deals; DROP TABLE team_conflicts; DROP TABLE sync_outbox; DROP TABLE sync_map; DROP TABLE team_membership; DROP TABLE documents; DROP TABLE maturity_history; DROP TABLE project_milestones; DROP TABLE maturation_projects; DROP TABLE carriers; 
             DROP TABLE achievement_rights; DROP TABLE match_thesaurus; DROP TABLE receipts; DROP TABLE instalments;
             DROP TABLE match_decisions; DROP TABLE deal_stage_history;
             DROP TABLE deal_achievements; DROP TABLE deals; DROP TABLE settings;
             DROP TABLE ip_items; DROP TABLE achievements; DROP TABLE needs; DROP TABLE fields;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list_clients().unwrap()[0].name, "老版本里的客户");
    assert_eq!(store.list_fields().unwrap().len(), 12);

    let backup = PathBuf::from(format!("{}.bak-v1", path.display()));
    let conn = Connection::open(&backup).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    let name: String = conn
        .query_row("SELECT name FROM clients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "老版本里的客户");
}

#[test]
fn every_open_follow_up_is_listed_edited_moved_and_trashed_and_restored() {
    use techbroker::domain::InteractionField;
    use techbroker::domain::follow_up::FollowUpDraft;
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let id = store
        .save_client(None, &client("潍坊某动力公司", ClientKind::Enterprise))
        .unwrap();
    let today = day(2026, 12, 2);
    let mut log = |offset: i64, step: &str| {
        let mut d = InteractionDraft::new(day(2026, 11, 20));
        d.summary = format!("走访 {step}");
        d.next_step = step.into();
        d.next_due = today.checked_add_signed(chrono::Duration::days(offset));
        store.add_interaction(id, &d).unwrap()
    };
    let later = log(20, "送样");
    let overdue = log(-1, "回访");
    let tomorrow = log(1, "发报价");
    let due_today = log(0, "约见");
    let steps = |store: &Store| -> Vec<String> {
        store
            .follow_ups_open()
            .unwrap()
            .into_iter()
            .map(|f| f.next_step)
            .collect()
    };
    assert_eq!(steps(&store), ["回访", "约见", "发报价", "送样"]);
    assert_eq!(store.follow_ups_due(today).unwrap().len(), 2);

    // Checked as the form checks it, nothing written when refused.
    let refused = FollowUpDraft {
        next_step: " ".into(),
        due: day(2026, 11, 19),
    };
    let Err(SaveError::Invalid(e)) = store.edit_follow_up(tomorrow, &refused) else {
        panic!("an empty step due before its visit is refused");
    };
    assert_eq!(e.get(InteractionField::NextStep), Some(Problem::Required));
    assert_eq!(
        e.get(InteractionField::NextDue),
        Some(Problem::DueBeforeLogged {
            logged: day(2026, 11, 20)
        })
    );
    let edited = FollowUpDraft {
        next_step: "发正式报价".into(),
        due: day(2026, 12, 10),
    };
    store.edit_follow_up(tomorrow, &edited).unwrap();
    store.move_follow_up(overdue, day(2026, 12, 3)).unwrap();
    let open = store.follow_ups_open().unwrap();
    let summary: Vec<(&str, NaiveDate)> =
        open.iter().map(|f| (f.next_step.as_str(), f.due)).collect();
    assert_eq!(
        summary,
        [
            ("约见", today),
            ("回访", day(2026, 12, 3)),
            ("发正式报价", day(2026, 12, 10)),
            ("送样", day(2026, 12, 22)),
        ]
    );

    store.delete_interaction(later).unwrap();
    assert_eq!(steps(&store).len(), 3);
    assert_eq!(store.list_interactions(id).unwrap().len(), 3);
    assert_eq!(store.list_clients().unwrap()[0].open_follow_ups, 3);
    let trash = store.list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].item, TrashItem::Interaction(later));
    assert_eq!(trash[0].owner, "潍坊某动力公司");
    assert!(trash[0].label.contains("送样"), "{}", trash[0].label);
    assert!(matches!(
        store.move_follow_up(later, today),
        Err(SaveError::Store(StoreError::NotFound))
    ));
    store.restore(TrashItem::Interaction(later)).unwrap();
    assert_eq!(steps(&store).len(), 4);

    store.delete_interaction(due_today).unwrap();
    store.purge(TrashItem::Interaction(due_today)).unwrap();
    assert!(store.list_trash().unwrap().is_empty());
    assert_eq!(store.list_interactions(id).unwrap().len(), 3);
}

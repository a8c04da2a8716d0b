//! Imports end to end against a real database: checking, duplicates, owners, atomicity, and
//! the JSON round trip.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use techbroker::domain::AchievementId;
use techbroker::domain::{AchievementDraft, ClientDraft, ClientKind, ContactDraft, Stage};
use techbroker::io::import::json::{JsonIds, read_json, write_json};
use techbroker::io::import::plan::{commit, scan};
use techbroker::io::import::{
    DuplicatePolicy, ImportError, ImportKind, ImportOptions, Mapping, ReadRow, RowProblem,
    SourceRow, Target,
};
use techbroker::store::{Scope, Store};

/// The rows as the mapping reads them, on this thread.
fn read<'m>(
    rows: impl Iterator<Item = Result<SourceRow, ImportError>> + 'm,
    mapping: Option<&'m Mapping>,
) -> impl Iterator<Item = Result<ReadRow, ImportError>> + 'm {
    rows.map(move |r| r.map(|r| ReadRow::new(r, mapping)))
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broker.sqlite");
    (dir, path)
}

const HEADERS: &[&str] = &[
    "成果名称",
    "完成单位",
    "技术领域",
    "成熟度",
    "意向价格（万元）",
];

fn mapping() -> Mapping {
    Mapping::auto(
        ImportKind::Achievements,
        HEADERS.iter().map(|s| s.to_string()).collect(),
    )
}

/// Sheet rows numbered as Excel would (header on row 1).
fn rows<const N: usize>(data: &[[&str; N]]) -> Vec<Result<SourceRow, ImportError>> {
    data.iter()
        .enumerate()
        .map(|(i, r)| {
            Ok(SourceRow::cells(
                i + 2,
                r.iter().map(|s| s.to_string()).collect(),
            ))
        })
        .collect()
}

/// Commits `source`, never cancelled.
fn import(
    store: &mut Store,
    source: Vec<Result<SourceRow, ImportError>>,
    mapping: Option<&Mapping>,
    options: ImportOptions,
) -> Result<techbroker::io::import::ImportSummary, ImportError> {
    commit(
        store,
        read(source.into_iter(), mapping),
        mapping,
        &options,
        &AtomicBool::new(false),
    )
}

fn store_with_sdu() -> (tempfile::TempDir, Store) {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let sdu = store
        .save_client(
            None,
            &ClientDraft {
                name: "山东大学".into(),
                kind: ClientKind::University,
                ..ClientDraft::default()
            },
        )
        .unwrap();
    store
        .save_achievement(
            None,
            &AchievementDraft {
                title: "锂电池回收技术".into(),
                owner: Some(sdu),
                field: "新能源".into(),
                trl: "5".into(),
                abstract_text: "已有简介".into(),
                ..AchievementDraft::default()
            },
        )
        .unwrap();
    (dir, store)
}

/// Every reference in the file names a stored row: an import writes its references without
/// SQLite's checks, trusting its own lookups.
fn assert_references_hold(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").unwrap();
    let dangling: Vec<(String, Option<i64>, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(dangling.is_empty(), "{dangling:?}");
}

fn titles(store: &Store) -> Vec<(String, String)> {
    let mut t: Vec<_> = store
        .achievement_rows(Scope::All)
        .unwrap()
        .into_iter()
        .map(|(r, _)| (r.title, r.owner_name.to_string()))
        .collect();
    t.sort();
    t
}

const FILE: &[[&str; 5]] = &[
    ["锂电池回收技术", "山东大学", "新能源", "7", "80"],
    ["秸秆还田装备", "山东农业大学", "农业", "6", "面议"],
    ["坏行", "山东大学", "新能源", "12", "50"],
    ["秸秆还田装备", "山东农业大学", "农业", "6", "30"],
];

#[test]
fn a_scan_counts_everything_and_writes_nothing() {
    let (_dir, store) = store_with_sdu();
    let index = store.import_index().unwrap();
    let m = mapping();
    let report = scan(
        read(rows(FILE).into_iter(), Some(&m)),
        &index,
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(report.rows, 4);
    assert_eq!(report.valid, 3);
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].number, 4);
    assert_eq!(report.errors[0].errors[0].target, Some(Target::Trl));
    assert_eq!(report.duplicates_in_db, 1);
    assert_eq!(report.duplicates_in_file, 1);
    assert_eq!(report.unknown_owners.get("山东农业大学"), Some(&2));
    assert_eq!(report.rejected(false), 3);
    assert_eq!(report.rejected(true), 1);
    assert_eq!(report.preview.len(), 3);
    assert_eq!(titles(&store).len(), 1);
}

#[test]
fn an_invalid_row_stops_the_import_and_nothing_is_written() {
    let (_dir, mut store) = store_with_sdu();
    let before = titles(&store);
    let options = ImportOptions {
        create_owners: true,
        ..ImportOptions::default()
    };
    let err = import(&mut store, rows(FILE), Some(&mapping()), options).unwrap_err();
    let ImportError::Invalid(row) = err else {
        panic!("expected an invalid row, got {err:?}");
    };
    assert_eq!(row.number, 4);
    // The owner created and the rows stored before row 4 are rolled back too.
    assert_eq!(titles(&store), before);
    assert!(
        store
            .list_clients()
            .unwrap()
            .iter()
            .all(|c| c.name != "山东农业大学")
    );
}

#[test]
fn a_failure_halfway_leaves_no_rows() {
    let (_dir, mut store) = store_with_sdu();
    let before = titles(&store);
    let mut source = rows(FILE);
    source.insert(2, Err(ImportError::Json("the file went away".into())));
    let options = ImportOptions {
        skip_invalid: true,
        create_owners: true,
        ..ImportOptions::default()
    };
    let err = import(&mut store, source, Some(&mapping()), options);
    assert!(matches!(err, Err(ImportError::Json(_))));
    assert_eq!(titles(&store), before);
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let (_dir, mut store) = store_with_sdu();
    let before = titles(&store);
    let options = ImportOptions {
        skip_invalid: true,
        create_owners: true,
        ..ImportOptions::default()
    };
    let m = mapping();
    let err = commit(
        &mut store,
        read(rows(FILE).into_iter(), Some(&m)),
        Some(&m),
        &options,
        &AtomicBool::new(true),
    );
    assert!(matches!(err, Err(ImportError::Cancelled)));
    assert_eq!(titles(&store), before);
}

#[test]
fn skipping_invalid_rows_returns_them_and_duplicates_are_skipped() {
    let (_dir, mut store) = store_with_sdu();
    let options = ImportOptions {
        skip_invalid: true,
        create_owners: true,
        duplicates: DuplicatePolicy::Skip,
    };
    let summary = import(&mut store, rows(FILE), Some(&mapping()), options).unwrap();
    assert_eq!(summary.inserted, 1);
    assert_eq!(summary.skipped_duplicates, 2);
    assert_eq!(summary.owners_created, 1);
    assert_eq!(summary.rejected.len(), 1);
    assert_eq!(summary.rejected[0].cells[0], "坏行");
    let clients = store.list_clients().unwrap();
    let created = clients.iter().find(|c| c.name == "山东农业大学").unwrap();
    assert_eq!(created.kind, ClientKind::University);
    assert_eq!(
        titles(&store),
        vec![
            ("秸秆还田装备".into(), "山东农业大学".into()),
            ("锂电池回收技术".into(), "山东大学".into()),
        ]
    );
}

#[test]
fn update_overwrites_mapped_fields_and_keeps_the_rest() {
    let (_dir, mut store) = store_with_sdu();
    let options = ImportOptions {
        skip_invalid: true,
        create_owners: true,
        duplicates: DuplicatePolicy::Update,
    };
    let summary = import(&mut store, rows(FILE), Some(&mapping()), options).unwrap();
    // Row 1 updates the stored record; row 5 updates the record row 3 created.
    assert_eq!((summary.inserted, summary.updated), (1, 2));
    let rows = store.achievement_rows(Scope::All).unwrap();
    let lithium = rows
        .iter()
        .find(|(r, _)| r.title == "锂电池回收技术")
        .unwrap();
    assert_eq!(lithium.0.trl, 7);
    assert_eq!(lithium.0.stage, Stage::typical_for_trl(7));
    let stored = store.get_achievement(lithium.0.id).unwrap().unwrap();
    assert_eq!(stored.data.abstract_text, "已有简介");
    let straw = rows
        .iter()
        .find(|(r, _)| r.title == "秸秆还田装备")
        .unwrap();
    assert_eq!(straw.0.price.amount().map(|m| m.fen()), Some(30_000_000));
}

#[test]
fn keep_both_stores_the_duplicates() {
    let (_dir, mut store) = store_with_sdu();
    let options = ImportOptions {
        skip_invalid: true,
        create_owners: true,
        duplicates: DuplicatePolicy::KeepBoth,
    };
    let summary = import(&mut store, rows(FILE), Some(&mapping()), options).unwrap();
    assert_eq!(summary.inserted, 3);
    assert_eq!(titles(&store).len(), 4);
}

#[test]
fn unknown_owners_are_refused_unless_created() {
    let (_dir, mut store) = store_with_sdu();
    let options = ImportOptions {
        skip_invalid: true,
        ..ImportOptions::default()
    };
    let summary = import(&mut store, rows(FILE), Some(&mapping()), options).unwrap();
    assert_eq!(summary.inserted, 0);
    assert_eq!(summary.rejected.len(), 3);
    assert!(
        summary
            .rejected
            .iter()
            .any(|r| r.errors[0].problem == RowProblem::UnknownOwner("山东农业大学".into()))
    );
}

#[test]
fn needs_belong_to_enterprises_only() {
    let (_dir, store) = store_with_sdu();
    let m = Mapping::auto(
        ImportKind::Needs,
        ["需求名称", "企业名称", "技术领域"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    );
    let source = vec![Ok(SourceRow::cells(
        2,
        vec!["储能".into(), "山东大学".into(), "新能源".into()],
    ))];
    let report = scan(
        read(source.into_iter(), Some(&m)),
        &store.import_index().unwrap(),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(
        report.errors[0].errors[0].problem,
        RowProblem::NotAnEnterprise("山东大学".into())
    );
}

#[test]
fn clients_import_with_contacts_and_match_by_credit_code() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store
        .save_client(
            None,
            &ClientDraft {
                name: "潍柴动力".into(),
                credit_code: "91370000163000000H".into(),
                ..ClientDraft::default()
            },
        )
        .ok();
    let m = Mapping::auto(
        ImportKind::Clients,
        ["客户名称", "类型", "联系人", "电话"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
    );
    let source = vec![
        Ok(SourceRow::cells(
            2,
            vec![
                "济南二机床".into(),
                "企业".into(),
                "王工".into(),
                "0531-88888888".into(),
            ],
        )),
        Ok(SourceRow::cells(
            3,
            vec!["济南二机床".into(), "企业".into(), "李工".into(), "".into()],
        )),
    ];
    let options = ImportOptions {
        duplicates: DuplicatePolicy::Update,
        ..ImportOptions::default()
    };
    let summary = import(&mut store, source, Some(&m), options).unwrap();
    assert_eq!(
        (summary.inserted, summary.updated, summary.contacts_added),
        (1, 1, 2)
    );
    let client = store
        .list_clients()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "济南二机床")
        .unwrap();
    let contacts = store.list_contacts(client.id).unwrap();
    assert_eq!(contacts.len(), 2);
}

#[test]
fn a_json_export_imported_into_an_empty_database_gives_the_same_records() {
    let (dir, mut from) = store_with_sdu();
    let sdu = from.list_clients().unwrap()[0].id;
    from.save_contact(
        sdu,
        None,
        &ContactDraft {
            name: "张老师".into(),
            phone: "0531-88888888".into(),
            ..ContactDraft::default()
        },
    )
    .unwrap();
    let achievement_ids: Vec<AchievementId> = from
        .achievement_rows(Scope::All)
        .unwrap()
        .iter()
        .map(|(r, _)| r.id)
        .collect();
    let clients_json = dir.path().join("clients.json");
    let achievements_json = dir.path().join("achievements.json");
    assert_eq!(
        write_json(&from, &JsonIds::Clients(vec![sdu]), &clients_json).unwrap(),
        1
    );
    write_json(
        &from,
        &JsonIds::Achievements(achievement_ids.clone()),
        &achievements_json,
    )
    .unwrap();

    let (_dir2, path2) = temp_db();
    let mut to = Store::open(&path2).unwrap();
    let options = ImportOptions {
        create_owners: true,
        ..ImportOptions::default()
    };
    for (file, kind) in [
        (&clients_json, ImportKind::Clients),
        (&achievements_json, ImportKind::Achievements),
    ] {
        let source = read_json(file, kind).unwrap();
        commit(
            &mut to,
            read(source.into_iter().map(Ok), None),
            None,
            &options,
            &AtomicBool::new(false),
        )
        .unwrap();
    }
    let original = from.get_achievement(achievement_ids[0]).unwrap().unwrap();
    let copy_id = to.achievement_rows(Scope::All).unwrap()[0].0.id;
    let copy = to.get_achievement(copy_id).unwrap().unwrap();
    let to_sdu = to.list_clients().unwrap()[0].id;
    assert_eq!(
        copy.data,
        techbroker::domain::AchievementData {
            owner: to_sdu,
            ..original.data
        }
    );
    assert_eq!(copy.owner_name, original.owner_name);
    let client = to.get_client(to_sdu).unwrap().unwrap();
    assert_eq!(
        ClientDraft::from(&client),
        ClientDraft::from(&from.get_client(sdu).unwrap().unwrap())
    );
    assert_eq!(to.list_contacts(to_sdu).unwrap()[0].name, "张老师");
    assert_references_hold(&path2);

    // A JSON file of another kind, or not ours, is refused.
    assert!(matches!(
        read_json(&clients_json, ImportKind::Needs),
        Err(ImportError::Json(_))
    ));
    let foreign = dir.path().join("foreign.json");
    std::fs::write(&foreign, r#"{"hello": "world"}"#).unwrap();
    assert!(matches!(
        read_json(&foreign, ImportKind::Clients),
        Err(ImportError::Json(_))
    ));
}

#[test]
fn deals_import_at_their_stage_with_terms_links_and_registration() {
    use techbroker::domain::{DealStage, Money};
    let (dir, mut store) = store_with_sdu();
    let m = Mapping::auto(
        ImportKind::Deals,
        [
            "项目名称",
            "卖方",
            "买方",
            "成果名称",
            "阶段",
            "合同类型",
            "合同金额（万元）",
            "签约日期",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    );
    assert!(m.missing_required().is_empty());
    let file = [
        [
            "锂电池回收技术转让",
            "山东大学",
            "潍柴动力",
            "锂电池回收技术",
            "签约",
            "技术转让",
            "120",
            "2026/3/15",
        ],
        [
            "智能温室合作开发",
            "山东农业大学",
            "寿光蔬菜集团",
            "",
            "洽谈",
            "技术开发",
            "",
            "",
        ],
        [
            "缺签约日期",
            "山东大学",
            "潍柴动力",
            "",
            "签约",
            "技术许可",
            "30",
            "",
        ],
        [
            "终止无原因",
            "山东大学",
            "潍柴动力",
            "",
            "终止",
            "技术许可",
            "",
            "",
        ],
    ];
    let options = ImportOptions {
        skip_invalid: true,
        create_owners: true,
        duplicates: DuplicatePolicy::Update,
    };
    let summary = import(&mut store, rows(&file), Some(&m), options).unwrap();
    assert_eq!((summary.inserted, summary.owners_created), (2, 3));
    let reasons: Vec<_> = summary
        .rejected
        .iter()
        .map(|r| r.errors[0].target)
        .collect();
    assert_eq!(
        reasons,
        vec![Some(Target::SignedOn), Some(Target::LostReason)]
    );

    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let deals = store.deal_rows(today).unwrap();
    let signed = deals
        .iter()
        .find(|d| d.title == "锂电池回收技术转让")
        .unwrap();
    let deal = store.get_deal(signed.id).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Signed);
    assert_eq!(deal.terms.contract, Some(Money::from_yuan(1_200_000)));
    assert_eq!(deal.buyer_name, "潍柴动力");
    assert_eq!(
        deal.achievements.len(),
        1,
        "linked to the seller's achievement"
    );
    assert_eq!(
        deal.registration_due.map(|d| d.to_string()),
        Some("2026-04-14".into()),
        "30 calendar days after signing"
    );
    assert_eq!(store.deal_history(signed.id).unwrap().len(), 1);
    let buyer = store.get_client(deal.buyer).unwrap().unwrap();
    assert_eq!(buyer.kind, ClientKind::Enterprise);

    // The same file again updates the two deals: an amount changed, nothing added.
    let mut again = file;
    again[0][6] = "150";
    let summary = import(&mut store, rows(&again), Some(&m), options).unwrap();
    assert_eq!((summary.inserted, summary.updated), (0, 2));
    let deal = store.get_deal(signed.id).unwrap().unwrap();
    assert_eq!(deal.terms.contract, Some(Money::from_yuan(1_500_000)));
    assert_eq!(
        store.deal_history(signed.id).unwrap().len(),
        1,
        "the stage did not change"
    );
    assert_eq!(store.deal_rows(today).unwrap().len(), 2);
    assert_references_hold(&dir.path().join("broker.sqlite"));
}

/// A CSV of `n` achievements under the headers, with a TRL of 12 (refused) on row `bad`.
fn csv_file(dir: &std::path::Path, n: usize, bad: usize) -> PathBuf {
    let path = dir.join("achievements.csv");
    let mut text = HEADERS.join(",") + "\n";
    for i in 2..n + 2 {
        let trl = if i == bad { "12" } else { "5" };
        text += &format!("第{i}号成果,山东大学,新能源,{trl},{i}\n");
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn import_csv(
    store: &mut Store,
    path: &std::path::Path,
    options: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<techbroker::io::import::ImportSummary, ImportError> {
    techbroker::io::import::source::import_file(
        store,
        path,
        ImportKind::Achievements,
        &Default::default(),
        Some(&mapping()),
        options,
        cancel,
        progress,
    )
}

#[test]
fn a_file_read_ahead_of_the_writes_is_stored_whole_in_order_with_its_progress() {
    let (dir, mut store) = store_with_sdu();
    let path = csv_file(dir.path(), 5_000, 0);
    let mut seen = Vec::new();
    let summary = import_csv(
        &mut store,
        &path,
        &ImportOptions::default(),
        &AtomicBool::new(false),
        &mut |done, total| seen.push((done, total)),
    )
    .unwrap();
    assert_eq!(summary.inserted, 5_000);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(seen.len() > 10, "progress reported as the file is read");
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(seen.last(), Some(&(size, size)));
    // Rows keep the file's order: ids rise with the row numbers.
    let mut stored: Vec<_> = store
        .achievement_rows(Scope::All)
        .unwrap()
        .into_iter()
        .map(|(r, _)| (r.id, r.title))
        .filter(|(_, t)| t.starts_with('第'))
        .collect();
    stored.sort();
    let titles: Vec<String> = stored.into_iter().map(|(_, t)| t).collect();
    let expected: Vec<String> = (2..5_002).map(|i| format!("第{i}号成果")).collect();
    assert_eq!(titles, expected);
}

#[test]
fn an_invalid_row_far_into_a_file_read_ahead_stops_the_import_and_writes_nothing() {
    let (dir, mut store) = store_with_sdu();
    let before = titles(&store);
    // Row 1,500 is refused while the reader has batches ready behind it; it must stop too.
    let path = csv_file(dir.path(), 20_000, 1_500);
    let err = import_csv(
        &mut store,
        &path,
        &ImportOptions::default(),
        &AtomicBool::new(false),
        &mut |_, _| {},
    )
    .unwrap_err();
    let ImportError::Invalid(row) = err else {
        panic!("expected an invalid row, got {err:?}");
    };
    assert_eq!(row.number, 1_500);
    assert_eq!(titles(&store), before);
}

#[test]
fn cancelling_a_file_read_ahead_halfway_writes_nothing() {
    let (dir, mut store) = store_with_sdu();
    let before = titles(&store);
    let path = csv_file(dir.path(), 20_000, 0);
    let cancel = AtomicBool::new(false);
    let err = import_csv(
        &mut store,
        &path,
        &ImportOptions::default(),
        &cancel,
        &mut |done, total| {
            if done * 2 > total {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
    );
    assert!(matches!(err, Err(ImportError::Cancelled)), "{err:?}");
    assert_eq!(titles(&store), before);
}

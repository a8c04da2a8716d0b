//! `techbroker import`, `export` and `report`, run as a user would, on files they would have:
//! a GBK CSV from Chinese Excel, a workbook, a file with bad rows, a binary file.

use std::path::Path;
use std::process::{Command, Output};

use techbroker::domain::{ClientDraft, ClientKind, ContractType, DealDraft, DealStage};
use techbroker::store::{DecisionInput, Scope, Store};

fn techbroker(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_techbroker"))
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run techbroker")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn db_with_owner(dir: &Path) -> String {
    let path = dir.join("broker.sqlite");
    let mut store = Store::open(&path).unwrap();
    store
        .save_client(
            None,
            &ClientDraft {
                name: "山东大学".into(),
                kind: ClientKind::University,
                ..ClientDraft::default()
            },
        )
        .unwrap();
    path.display().to_string()
}

fn titles(db: &str) -> Vec<String> {
    let store = Store::open(Path::new(db)).unwrap();
    let mut t: Vec<String> = store
        .achievement_rows(Scope::All)
        .unwrap()
        .into_iter()
        .map(|(r, _)| r.title)
        .collect();
    t.sort();
    t
}

const ROWS: &str = "成果名称;完成单位;技术领域;成熟度;意向价格\n\
\"锂电池回收技术;梯次利用\";山东大学;新能源;6;50万\n\
秸秆还田装备;山东大学;农业;十;面议\n";

#[test]
fn a_gbk_csv_with_a_bad_row_imports_nothing_unless_told_to_skip_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_owner(dir.path());
    let file = dir.path().join("成果.csv");
    let (gbk, _, _) = encoding_rs::GBK.encode(ROWS);
    std::fs::write(&file, &gbk).unwrap();
    let f = file.display().to_string();

    let out = techbroker(&["import", &f, "--kind", "achievements", "--db", &db]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("3\t成熟度："),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("1 行无法导入"),
        "{}",
        text(&out.stderr)
    );
    assert!(titles(&db).is_empty());

    let rejected = dir.path().join("rejected.csv");
    let out = techbroker(&[
        "import",
        &f,
        "--kind",
        "achievements",
        "--skip-invalid",
        "--rejected",
        &rejected.display().to_string(),
        "--db",
        &db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("新增 1"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(titles(&db), vec!["锂电池回收技术;梯次利用"]);
    let back = std::fs::read_to_string(&rejected).unwrap();
    assert!(
        back.contains("秸秆还田装备") && back.contains("原因"),
        "{back}"
    );

    // The same file again: its row is a duplicate and is skipped, so nothing new is imported.
    let out = techbroker(&[
        "import",
        &f,
        "--kind",
        "achievements",
        "--skip-invalid",
        "--db",
        &db,
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("跳过重复 1"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_mapping_file_names_the_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_owner(dir.path());
    let file = dir.path().join("list.csv");
    std::fs::write(&file, "A,B,C,D\n氢能储运,山东大学,新能源,5\n").unwrap();
    let mapping = dir.path().join("mapping.json");
    std::fs::write(
        &mapping,
        r#"{"kind":"achievements","columns":{"A":"title","B":"owner","C":"field","D":"trl"}}"#,
    )
    .unwrap();
    let out = techbroker(&[
        "import",
        &file.display().to_string(),
        "--kind",
        "achievements",
        "--mapping",
        &mapping.display().to_string(),
        "--db",
        &db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(titles(&db), vec!["氢能储运"]);
    // Without the mapping the required columns are missing, and the message says which.
    let out = techbroker(&[
        "import",
        &file.display().to_string(),
        "--kind",
        "achievements",
        "--db",
        &db,
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("成果名称"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn unreadable_and_missing_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_owner(dir.path());
    let fake = dir.path().join("photo.csv");
    std::fs::write(&fake, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = techbroker(&[
        "import",
        &fake.display().to_string(),
        "--kind",
        "clients",
        "--db",
        &db,
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("这不是表格文件"),
        "{}",
        text(&out.stderr)
    );
    let out = techbroker(&[
        "import",
        "/no/such/file.csv",
        "--kind",
        "clients",
        "--db",
        &db,
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("无法读取文件"),
        "{}",
        text(&out.stderr)
    );
    let corrupt = dir.path().join("corrupt.sqlite");
    std::fs::write(
        &corrupt,
        b"SQLite format 3\0 but not really a database file at all",
    )
    .unwrap();
    let out = techbroker(&[
        "export",
        "--kind",
        "clients",
        "--format",
        "csv",
        "--out",
        &dir.path().join("x.csv").display().to_string(),
        "--db",
        &corrupt.display().to_string(),
    ]);
    assert!(!out.status.success());
    assert!(!text(&out.stderr).is_empty());
}

#[test]
fn an_xlsx_workbook_imports_with_dates_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_owner(dir.path());
    let file = dir.path().join("needs.xlsx");
    {
        let mut store = Store::open(Path::new(&db)).unwrap();
        store
            .save_client(
                None,
                &ClientDraft {
                    name: "潍柴动力".into(),
                    kind: ClientKind::Enterprise,
                    ..ClientDraft::default()
                },
            )
            .unwrap();
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in [
        "需求名称",
        "需求单位",
        "技术领域",
        "预算（万元）",
        "截止日期",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "发动机余热回收").unwrap();
    sheet.write_string(1, 1, "潍柴动力").unwrap();
    sheet.write_string(1, 2, "节能环保").unwrap();
    sheet.write_number(1, 3, 80.0).unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2027, 3, 31).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .write_datetime_with_format(1, 4, &date, &format)
        .unwrap();
    book.save(&file).unwrap();
    let out = techbroker(&[
        "import",
        &file.display().to_string(),
        "--kind",
        "needs",
        "--db",
        &db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let store = Store::open(Path::new(&db)).unwrap();
    let needs = store.need_rows(Scope::All).unwrap();
    let need = &needs[0].0;
    assert_eq!(need.budget.amount().map(|m| m.fen()), Some(80_000_000));
    assert_eq!(
        need.deadline.map(|d| d.to_string()),
        Some("2027-03-31".into())
    );
}

#[test]
fn export_every_format_and_round_trip_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_owner(dir.path());
    let file = dir.path().join("a.csv");
    std::fs::write(
        &file,
        "成果名称,完成单位,技术领域,成熟度\n=SUM(A1),山东大学,新能源,5\n",
    )
    .unwrap();
    let out = techbroker(&[
        "import",
        &file.display().to_string(),
        "--kind",
        "achievements",
        "--db",
        &db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for format in ["csv", "xlsx", "json"] {
        let path = dir.path().join(format!("out.{format}"));
        let out = techbroker(&[
            "export",
            "--kind",
            "achievements",
            "--format",
            format,
            "--out",
            &path.display().to_string(),
            "--db",
            &db,
        ]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("已导出 1 条"),
            "{}",
            text(&out.stdout)
        );
    }
    let csv = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert!(csv.contains("'=SUM(A1)"), "formula neutralised: {csv}");
    // JSON into an empty database gives the same record, owner created from the export.
    let empty = dir.path().join("empty.sqlite").display().to_string();
    Store::open(Path::new(&empty)).unwrap();
    let json = dir.path().join("out.json").display().to_string();
    let out = techbroker(&[
        "import",
        &json,
        "--kind",
        "achievements",
        "--create-owners",
        "--db",
        &empty,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(titles(&empty), titles(&db));
}

#[test]
fn report_writes_a_workbook_and_a_printable_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_owner(dir.path());
    {
        let mut store = Store::open(Path::new(&db)).unwrap();
        let seller = store.list_clients().unwrap()[0].id;
        let buyer = store
            .save_client(
                None,
                &ClientDraft {
                    name: "潍柴动力".into(),
                    kind: ClientKind::Enterprise,
                    ..ClientDraft::default()
                },
            )
            .unwrap();
        let achievement = store
            .save_achievement(
                None,
                &techbroker::domain::AchievementDraft {
                    title: "发动机余热回收".into(),
                    owner: Some(seller),
                    field: "节能环保".into(),
                    trl: "6".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        let deal = store
            .record_decision(&DecisionInput::accepted(None, achievement, buyer))
            .unwrap()
            .unwrap();
        store
            .save_deal_terms(
                deal,
                &DealDraft {
                    title: "余热回收技术转让".into(),
                    contract_type: ContractType::Transfer,
                    contract: "120万".into(),
                    signed_on: "2026-03-15".into(),
                    ..DealDraft::default()
                },
            )
            .unwrap();
        store.move_deal(deal, DealStage::Signed, "").unwrap();
    }
    for format in ["xlsx", "html"] {
        let path = dir.path().join(format!("report.{format}"));
        let out = techbroker(&[
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--format",
            format,
            "--out",
            &path.display().to_string(),
            "--db",
            &db,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("1 笔签约，合同金额 120.00 万元"),
            "{}",
            text(&out.stdout)
        );
    }
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("余热回收技术转让") && html.contains("技术交易报告"));
    // The transfer statistics of the same quarter, through the same services.
    for format in ["xlsx", "html"] {
        let path = dir.path().join(format!("stats.{format}"));
        let out = techbroker(&[
            "stats",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--format",
            format,
            "--out",
            &path.display().to_string(),
            "--db",
            &db,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("签订 1 项、登记 0 项"),
            "{}",
            text(&out.stdout)
        );
    }
    let html = std::fs::read_to_string(dir.path().join("stats.html")).unwrap();
    assert!(html.contains("成果转化统计") && html.contains("技术合同签订（按合同类型）"));
    assert!(
        html.contains("<td>技术转让</td><td class=\"num\">1</td><td class=\"num\">120.00</td>")
    );
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(dir.path().join("stats.xlsx")).unwrap();
    assert_eq!(calamine::Reader::sheet_names(&book).len(), 5);
    let signed = calamine::Reader::worksheet_range_at(&mut book, 0)
        .unwrap()
        .unwrap();
    let cells: Vec<String> = signed.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c == "技术转让"), "{cells:?}");
    let out = techbroker(&[
        "report",
        "--from",
        "2026-13-01",
        "--to",
        "2026-03-31",
        "--format",
        "html",
        "--out",
        "x",
        "--db",
        &db,
    ]);
    assert!(!out.status.success());
}

#[test]
fn deals_import_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_owner(dir.path());
    let file = dir.path().join("deals.csv");
    std::fs::write(
        &file,
        "项目名称,卖方,买方,阶段,合同类型,合同金额（万元）,签约日期\n\
         余热回收技术许可,山东大学,潍柴动力,登记,技术许可,80,2026-02-01\n",
    )
    .unwrap();
    let f = file.display().to_string();
    let out = techbroker(&["import", &f, "--kind", "deals", "--db", &db]);
    assert!(!out.status.success(), "the buyer is not a client yet");
    assert!(
        text(&out.stdout).contains("“潍柴动力”不是客户"),
        "{}",
        text(&out.stdout)
    );
    let out = techbroker(&[
        "import",
        &f,
        "--kind",
        "deals",
        "--create-owners",
        "--db",
        &db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let store = Store::open(Path::new(&db)).unwrap();
    let deals = store.deal_rows(chrono::Local::now().date_naive()).unwrap();
    assert_eq!(deals.len(), 1);
    assert_eq!(deals[0].stage, DealStage::Registered);
}

//! `techbroker import` on files made the way offices, universities, platforms, survey tools and
//! registration offices make them: a provincial template with a title, notes, a total and a
//! footer; a university's list behind a cover sheet; the national registration system's
//! export; a platform's listing and its web page saved as .xls; a survey's export; a contract
//! ledger; and files that must be refused with a reason and without harm.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use techbroker::domain::{ClientDraft, ClientKind, DealStage, Money, Price, Stage};
use techbroker::store::{Scope, Store};

fn techbroker_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_techbroker"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run techbroker")
}

fn techbroker(args: &[&str]) -> Output {
    techbroker_in("zh_CN.UTF-8", args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn import(file: &Path, kind: &str, db: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import".to_string(),
        file.display().to_string(),
        "--kind".into(),
        kind.into(),
        "--db".into(),
        db.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    techbroker(&args)
}

/// Imports and asserts it worked, returning what it printed.
fn import_ok(file: &Path, kind: &str, db: &Path, extra: &[&str]) -> String {
    let out = import(file, kind, db, extra);
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("broker.sqlite");
    (dir, db)
}

fn write_row(sheet: &mut Worksheet, row: u32, cells: &[&str]) {
    for (col, value) in cells.iter().enumerate() {
        sheet.write_string(row, col as u16, *value).unwrap();
    }
}

fn achievements(db: &Path) -> Vec<techbroker::domain::Achievement> {
    let store = Store::open(db).unwrap();
    let mut out: Vec<_> = store
        .achievement_rows(Scope::All)
        .unwrap()
        .iter()
        .map(|(r, _)| store.get_achievement(r.id).unwrap().unwrap())
        .collect();
    out.sort_by(|a, b| a.data.title.cmp(&b.data.title));
    out
}

fn needs(db: &Path) -> Vec<techbroker::domain::Need> {
    let store = Store::open(db).unwrap();
    let mut out: Vec<_> = store
        .need_rows(Scope::All)
        .unwrap()
        .iter()
        .map(|(r, _)| store.get_need(r.id).unwrap().unwrap())
        .collect();
    out.sort_by(|a, b| a.data.title.cmp(&b.data.title));
    out
}

fn wan(n: i64) -> Money {
    Money::from_yuan(n * 10_000)
}

/// The province's summary template: a merged title row, a note row, the header with line
/// breaks, asterisks and units, 序号, an organisation merged down its rows, a 合计 row and a
/// 填表人 footer.
fn provincial_template(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("成果汇总").unwrap();
    let title = Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 6, "2026年度山东省科技成果汇总表", &title)
        .unwrap();
    sheet
        .merge_range(
            1,
            0,
            1,
            6,
            "填报说明：带*为必填项，价格单位为万元",
            &Format::new(),
        )
        .unwrap();
    write_row(
        sheet,
        3,
        &[
            "序号",
            "成果名称*",
            "完成单位*",
            "所属领域*",
            "技术成熟度\n(TRL)*",
            "意向价格\n（万元）",
            "关键词",
        ],
    );
    sheet
        .merge_range(4, 2, 6, 2, "山东大学", &Format::new())
        .unwrap();
    for (i, (title, field, trl, price, keywords)) in [
        ("锂电池回收技术", "新能源", "6", "120", "锂电池、回收"),
        ("高导热石墨膜", "新材料", "中试阶段", "面议", "石墨、导热"),
        (
            "海水淡化膜",
            "节能环保",
            "TRL 7",
            "１２０",
            "膜、淡化、海水、反渗透、节能、环保",
        ),
    ]
    .iter()
    .enumerate()
    {
        let r = 4 + i as u32;
        sheet.write_number(r, 0, (i + 1) as f64).unwrap();
        sheet.write_string(r, 1, *title).unwrap();
        sheet.write_string(r, 3, *field).unwrap();
        sheet.write_string(r, 4, *trl).unwrap();
        sheet.write_string(r, 5, *price).unwrap();
        sheet.write_string(r, 6, *keywords).unwrap();
    }
    write_row(sheet, 7, &["合计", "", "", "", "", "240", ""]);
    write_row(
        sheet,
        9,
        &["填表人：王五    审核人：赵六    填报日期：2026年3月1日"],
    );
    book.save(path).unwrap();
}

#[test]
fn the_provincial_template_imports_below_its_title_with_totals_and_footers_left_out() {
    let (dir, db) = setup();
    let file = dir.path().join("汇总表.xlsx");
    provincial_template(&file);
    // No database yet: the import creates it, as the app does.
    let out = import_ok(&file, "achievements", &db, &["--create-owners"]);
    assert!(out.contains("已新建数据库"), "{out}");
    assert!(out.contains("新增 3"), "{out}");
    assert!(
        out.contains("8 合计行") && out.contains("10 表尾签字行"),
        "{out}"
    );
    let all = achievements(&db);
    assert_eq!(all.len(), 3);
    // The organisation written once for three rows belongs to all three.
    assert!(all.iter().all(|a| a.owner_name == "山东大学"));
    let by_title = |t: &str| all.iter().find(|a| a.data.title == t).unwrap();
    let film = by_title("海水淡化膜");
    assert_eq!((film.data.trl, film.data.stage), (7, Stage::Pilot));
    assert_eq!(
        film.data.price,
        Price::Amount(wan(120)),
        "full-width digits"
    );
    assert_eq!(
        film.data.keywords.len(),
        6,
        "more than five keywords are kept"
    );
    let graphite = by_title("高导热石墨膜");
    assert_eq!((graphite.data.trl, graphite.data.stage), (6, Stage::Pilot));
    assert_eq!(graphite.data.price, Price::Negotiable);
    let lithium = by_title("锂电池回收技术");
    assert_eq!(lithium.data.price, Price::Amount(wan(120)));
    // The maturity read from words is a note, by row and column.
    assert!(
        out.contains("6\t提示：技术成熟度 (TRL)*：“中试阶段”按 TRL 6 保存"),
        "{out}"
    );
}

#[test]
fn the_header_row_can_be_given() {
    let (dir, db) = setup();
    let file = dir.path().join("list.csv");
    // Two header-like rows: the second is the real one.
    std::fs::write(
        &file,
        "名称,单位,领域,成熟度\n别名,归属,方向,水平\n氢能储运,山东大学,新能源,5\n",
    )
    .unwrap();
    let mapping = dir.path().join("m.json");
    std::fs::write(
        &mapping,
        r#"{"kind":"achievements","columns":{"别名":"title","归属":"owner","方向":"field","水平":"trl"}}"#,
    )
    .unwrap();
    let m = mapping.display().to_string();
    import_ok(
        &file,
        "achievements",
        &db,
        &["--header-row", "2", "--mapping", &m, "--create-owners"],
    );
    let all = achievements(&db);
    assert_eq!(all[0].data.title, "氢能储运");
    assert_eq!(all[0].data.trl, 5);
    let out = import(&file, "achievements", &db, &["--header-row", "99"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("第 99 行"),
        "{}",
        text(&out.stderr)
    );
}

/// A university's list of transferable achievements, with a cover sheet first.
fn university_list(path: &Path) {
    let mut book = Workbook::new();
    let cover = book.add_worksheet().set_name("封面").unwrap();
    cover
        .write_string(0, 0, "山东理工大学可转化科技成果清单")
        .unwrap();
    cover.write_string(2, 0, "技术转移中心 2026年3月").unwrap();
    let list = book.add_worksheet().set_name("成果清单").unwrap();
    write_row(
        list,
        0,
        &[
            "成果名称",
            "成果完成单位",
            "技术领域",
            "所处阶段",
            "转化方式",
        ],
    );
    write_row(
        list,
        1,
        &[
            "秸秆还田装备",
            "山东理工大学",
            "现代农业",
            "通过小试",
            "转让、许可",
        ],
    );
    book.save(path).unwrap();
}

#[test]
fn the_sheet_with_the_table_is_chosen_and_named_and_sheet_still_decides() {
    let (dir, db) = setup();
    let file = dir.path().join("清单.xlsx");
    university_list(&file);
    let out = import_ok(&file, "achievements", &db, &["--create-owners"]);
    assert!(out.contains("成果清单"), "{out}");
    let all = achievements(&db);
    assert_eq!((all[0].data.trl, all[0].data.stage), (5, Stage::SmallTrial));
    let store = Store::open(&db).unwrap();
    let owner = store.get_client(all[0].data.owner).unwrap().unwrap();
    assert_eq!(owner.kind, ClientKind::University);
    drop(store);
    let out = import(&file, "achievements", &db, &["--sheet", "封面"]);
    assert!(!out.status.success(), "the cover has no table");
}

#[test]
fn the_national_registration_export_maps_by_its_own_names() {
    let (dir, db) = setup();
    let file = dir.path().join("登记.csv");
    std::fs::write(
        &file,
        "成果登记号,成果名称,第一完成单位,第一完成人,高新技术领域,成果类型,所处阶段,成果水平\n\
         9372026Y0001,盐碱地改良剂,山东农业大学,李四,现代农业,应用技术,成熟应用阶段,国际先进\n\
         9372026Y0002,刺参育苗新方法,中国海洋大学,王五,海洋,应用技术,初期阶段,国内领先\n",
    )
    .unwrap();
    import_ok(&file, "achievements", &db, &["--create-owners"]);
    let all = achievements(&db);
    let soil = all.iter().find(|a| a.data.title == "盐碱地改良剂").unwrap();
    assert_eq!(soil.data.registration_no, "9372026Y0001");
    assert_eq!(soil.data.inventors, "李四");
    assert_eq!(soil.data.stage, Stage::Industrial);
    assert!((8..=9).contains(&soil.data.trl));
    let sea = all
        .iter()
        .find(|a| a.data.title == "刺参育苗新方法")
        .unwrap();
    assert_eq!(sea.data.stage, Stage::Lab);
    assert!((1..=3).contains(&sea.data.trl));
}

const PLATFORM_ROWS: &[[&str; 6]] = &[
    [
        "工业机器人视觉定位",
        "青岛科技大学",
        "高端装备制造",
        "样机",
        "转让、独占许可",
        "50万元",
    ],
    [
        "污泥干化节能工艺",
        "山东建筑大学",
        "节能环保",
        "已产业化",
        "作价入股",
        "1.2亿",
    ],
    [
        "生物降解地膜",
        "山东农业大学",
        "新材料",
        "小批量生产",
        "转让",
        "价格面议",
    ],
];

fn platform_html(charset: &str) -> String {
    let mut html = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"></head>\
         <body><table border=1><tr><th>成果名称</th><th>持有人</th><th>所属行业</th><th>技术成熟度</th>\
         <th>交易方式</th><th>挂牌价</th></tr>"
    );
    for row in PLATFORM_ROWS {
        html.push_str("<tr>");
        for cell in row {
            html.push_str(&format!("<td>{cell}</td>"));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table></body></html>");
    html
}

fn check_platform(db: &Path) {
    let all = achievements(db);
    assert_eq!(all.len(), 3);
    let robot = all
        .iter()
        .find(|a| a.data.title == "工业机器人视觉定位")
        .unwrap();
    assert_eq!(robot.owner_name, "青岛科技大学");
    assert_eq!(robot.data.price, Price::Amount(wan(50)));
    assert_eq!(robot.data.stage, Stage::Pilot);
    let sludge = all
        .iter()
        .find(|a| a.data.title == "污泥干化节能工艺")
        .unwrap();
    assert_eq!(sludge.data.price, Price::Amount(wan(12_000)));
    assert_eq!(sludge.data.stage, Stage::Industrial);
    let film = all.iter().find(|a| a.data.title == "生物降解地膜").unwrap();
    assert_eq!(film.data.price, Price::Negotiable);
}

#[test]
fn a_platform_listing_as_a_web_page_named_xls_in_gbk() {
    let (dir, db) = setup();
    let file = dir.path().join("挂牌成果.xls");
    let page = platform_html("gb2312");
    let (gbk, _, _) = encoding_rs::GBK.encode(&page);
    std::fs::write(&file, &gbk).unwrap();
    import_ok(&file, "achievements", &db, &["--create-owners"]);
    check_platform(&db);
}

#[test]
fn a_web_page_without_a_table_is_named_as_such() {
    let (dir, db) = setup();
    let file = dir.path().join("export.xls");
    std::fs::write(
        &file,
        "<!DOCTYPE html><html><body><h1>请先登录</h1><form></form></body></html>",
    )
    .unwrap();
    let out = import(&file, "achievements", &db, &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("这是一个网页"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_platform_listing_as_csv() {
    let (dir, db) = setup();
    let file = dir.path().join("platform.csv");
    let mut csv = String::from("成果名称,持有人,所属行业,技术成熟度,交易方式,交易价格\n");
    for row in PLATFORM_ROWS {
        csv.push_str(&row.join(","));
        csv.push('\n');
    }
    std::fs::write(&file, csv).unwrap();
    import_ok(&file, "achievements", &db, &["--create-owners"]);
    check_platform(&db);
}

#[test]
fn a_survey_export_of_needs_with_budgets_and_deadlines_as_written() {
    let (dir, db) = setup();
    let file = dir.path().join("问卷.csv");
    std::fs::write(
        &file,
        "序号,提交答卷时间,所用时间,来源,来自IP,1、企业名称,2、联系人,Q3. 联系电话,Q4. 需求名称,5、技术领域,6、预算（万元）,7、截止时间\n\
         1,2026/3/1 10:00:00,120秒,微信,1.2.3.4(山东),潍柴动力股份有限公司,张工,0536-1234567转8,发动机余热回收,节能环保,50-100,2027年6月\n\
         2,2026/3/2 11:00:00,90秒,手机提交,5.6.7.8(山东),寿光蔬菜集团,李工,13800000000/0536-7654321,智能温室控制,现代农业,100万以内,长期有效\n\
         3,2026/3/3 12:00:00,60秒,链接,9.9.9.9(山东),烟台万华,王工,,聚氨酯回收,新材料,面议,2026年底\n",
    )
    .unwrap();
    let out = import_ok(&file, "needs", &db, &["--create-owners"]);
    assert!(out.contains("新增 3"), "{out}");
    let all = needs(&db);
    let heat = all
        .iter()
        .find(|n| n.data.title == "发动机余热回收")
        .unwrap();
    assert_eq!(heat.data.budget_written(), Some("50-100万"));
    assert_eq!(heat.data.budget, Price::Amount(wan(100)));
    assert_eq!(
        heat.data.deadline.map(|d| d.to_string()),
        Some("2027-06-30".into())
    );
    let greenhouse = all.iter().find(|n| n.data.title == "智能温室控制").unwrap();
    assert_eq!(greenhouse.data.budget_written(), Some("100万以内"));
    assert_eq!(greenhouse.data.deadline, None);
    let foam = all.iter().find(|n| n.data.title == "聚氨酯回收").unwrap();
    assert_eq!(foam.data.budget, Price::Negotiable);
    assert_eq!(
        foam.data.deadline.map(|d| d.to_string()),
        Some("2026-12-31".into())
    );
    // The list shows a range as written.
    let store = Store::open(&db).unwrap();
    let rows = store.need_rows(Scope::All).unwrap();
    assert!(rows.iter().any(|(r, _)| r.budget_text == "50-100万"));
}

#[test]
fn a_contract_ledger_imports_registered_deals_with_their_numbers_and_subtypes() {
    let (dir, db) = setup();
    let file = dir.path().join("台账.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("技术合同登记台账").unwrap();
    write_row(
        sheet,
        0,
        &[
            "合同编号",
            "合同名称",
            "卖方",
            "买方",
            "合同类型",
            "合同金额（万元）",
            "技术交易额（万元）",
            "签订日期",
            "登记日期",
        ],
    );
    let rows = [
        [
            "2026370102000011",
            "余热回收技术开发",
            "山东大学",
            "潍柴动力",
            "技术开发（委托）",
            "120",
            "100",
            "2026-03-01",
            "2026-03-20",
        ],
        [
            "2026370102000012",
            "专利实施许可",
            "中国海洋大学",
            "烟台万华",
            "技术许可（专利实施许可）",
            "80",
            "80",
            "2026.3.5",
            "",
        ],
        [
            "2026370102000013",
            "技术中介服务",
            "山东科技大市场",
            "寿光蔬菜集团",
            "技术服务（技术中介）",
            "3.5",
            "3.5",
            "20260310",
            "20260325",
        ],
    ];
    for (i, row) in rows.iter().enumerate() {
        write_row(sheet, i as u32 + 1, row);
    }
    book.save(&file).unwrap();
    import_ok(&file, "deals", &db, &["--create-owners"]);
    let store = Store::open(&db).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let deals = store.deal_rows(today).unwrap();
    assert_eq!(deals.len(), 3);
    let dev = deals
        .iter()
        .find(|d| d.title == "余热回收技术开发")
        .unwrap();
    let deal = store.get_deal(dev.id).unwrap().unwrap();
    assert_eq!(deal.stage, DealStage::Registered);
    assert_eq!(deal.contract_no, "2026370102000011");
    assert_eq!(deal.contract_subtype, "委托");
    assert_eq!(
        deal.terms.contract_type,
        techbroker::domain::ContractType::Development
    );
    assert_eq!(deal.terms.technology, Some(wan(100)));
    assert_eq!(
        deal.registration_submitted.map(|d| d.to_string()),
        Some("2026-03-20".into())
    );
    let licence = deals.iter().find(|d| d.title == "专利实施许可").unwrap();
    assert_eq!(
        licence.stage,
        DealStage::Signed,
        "signed, not yet registered"
    );
    assert_eq!(licence.contract_subtype, "专利实施许可");
    let service = deals.iter().find(|d| d.title == "技术中介服务").unwrap();
    assert_eq!(service.contract, Some(Money::from_yuan(35_000)));
}

#[test]
fn clients_with_odd_phones_codes_and_regions_are_imported_not_refused() {
    let (dir, db) = setup();
    let file = dir.path().join("clients.csv");
    std::fs::write(
        &file,
        "单位名称,单位性质,统一社会信用代码,所在地区,联系人,联系电话\n\
         潍柴动力股份有限公司,民营企业,９１３７００００１６３０４４８４１Ｆ,山东省潍坊市奎文区,张工,0536-1234567转8\n\
         济南某科技公司,企业,91370100XXXX,山东省 济南市 历下区,李工,电话见备注\n\
         山东大学,,,山东省 济南市,王老师,13800000000、0531-88888888\n",
    )
    .unwrap();
    let out = import_ok(&file, "clients", &db, &[]);
    assert!(out.contains("新增 3"), "{out}");
    assert!(out.contains("3\t提示：统一社会信用代码"), "{out}");
    let store = Store::open(&db).unwrap();
    let clients = store.list_clients().unwrap();
    let weichai = clients.iter().find(|c| c.name.starts_with("潍柴")).unwrap();
    let full = store.get_client(weichai.id).unwrap().unwrap();
    assert_eq!(full.credit_code, "91370000163044841F");
    assert_eq!(
        (
            full.province.as_str(),
            full.city.as_str(),
            full.district.as_str()
        ),
        ("山东省", "潍坊市", "奎文区")
    );
    let contacts = store.list_contacts(weichai.id).unwrap();
    assert_eq!(contacts[0].phone, "0536-1234567转8");
    let odd = clients.iter().find(|c| c.name == "济南某科技公司").unwrap();
    let odd = store.get_client(odd.id).unwrap().unwrap();
    assert_eq!(odd.credit_code, "91370100XXXX", "kept as written");
    let sdu = clients.iter().find(|c| c.name == "山东大学").unwrap();
    assert_eq!(sdu.kind, ClientKind::University, "told by its name");
}

fn seed(db: &Path, name: &str, kind: ClientKind) {
    let mut store = Store::open(db).unwrap();
    store
        .save_client(
            None,
            &ClientDraft {
                name: name.into(),
                kind,
                ..ClientDraft::default()
            },
        )
        .unwrap();
}

#[test]
fn a_file_with_a_header_and_no_rows_says_so() {
    let (dir, db) = setup();
    seed(&db, "山东大学", ClientKind::University);
    let file = dir.path().join("empty.csv");
    std::fs::write(&file, "成果名称,完成单位,技术领域,成熟度\n合计,,,\n").unwrap();
    let out = import(&file, "achievements", &db, &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("文件只有表头，没有数据行"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn gbk_rows_in_a_utf8_file_are_read_and_reported_and_garbage_is_refused() {
    let (dir, db) = setup();
    seed(&db, "山东大学", ClientKind::University);
    let mut bytes = "成果名称,完成单位,技术领域,成熟度\n".as_bytes().to_vec();
    // Enough UTF-8 rows that the first 64 KiB are UTF-8 throughout.
    for i in 0..1_500 {
        bytes.extend(format!("锂电池回收技术第{i}号,山东大学,新能源,6\n").as_bytes());
    }
    let gbk_line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    bytes.extend(
        encoding_rs::GBK
            .encode("钠离子电池,山东大学,新能源,5\n")
            .0
            .iter(),
    );
    bytes.extend(b"\xff\xfe\xfd,\xe5\xb1\xb1\xe4\xb8\x9c\xe5\xa4\xa7\xe5\xad\xa6,x,4\n");
    bytes.extend("含空字符\0的成果,山东大学,新能源,4\n".as_bytes());
    let file = dir.path().join("mixed.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = import_ok(&file, "achievements", &db, &["--skip-invalid"]);
    assert!(
        out.contains(&format!("{gbk_line}\t提示：成果名称：这一格是 GBK 编码")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{}\t成果名称：含有无法识别编码的字节",
            gbk_line + 1
        )),
        "{out}"
    );
    let all = achievements(&db);
    assert!(all.iter().any(|a| a.data.title == "钠离子电池"));
    assert!(all.iter().any(|a| a.data.title == "含空字符的成果"));
    assert!(
        all.iter().all(|a| !a.data.title.contains('\u{FFFD}')),
        "nothing stored as U+FFFD"
    );
}

/// A workbook whose one sheet is `sheet_xml`, as a writer other than Excel might make it.
fn raw_xlsx(path: &Path, sheet_xml: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    ];
    for (name, body) in parts {
        zip.start_file(name, stored).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

fn sheet_xml(dimension: &str, cells: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{cells}</sheetData></worksheet>"#
    )
}

const HEADER_CELLS: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>山东大学</t></is></c></row>"#;

#[test]
fn hostile_workbooks_are_refused_with_a_message_before_anything_large_is_made() {
    let (dir, db) = setup();
    let cases = [
        (
            "last_cell.xlsx",
            sheet_xml(
                "A1:XFD1048576",
                &format!(r#"{HEADER_CELLS}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#),
            ),
        ),
        (
            "far_cell.xlsx",
            sheet_xml(
                "A1:A2",
                &format!(r#"{HEADER_CELLS}<row r="300000"><c r="AAA300000"><v>1</v></c></row>"#),
            ),
        ),
        ("declared.xlsx", sheet_xml("A1:XFD1048576", HEADER_CELLS)),
    ];
    for (name, xml) in cases {
        let file = dir.path().join(name);
        raw_xlsx(&file, &xml);
        assert!(std::fs::metadata(&file).unwrap().len() < 4096);
        let out = import(&file, "clients", &db, &[]);
        assert!(!out.status.success(), "{name}");
        let err = text(&out.stderr);
        assert!(err.contains("工作表过大"), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    // The same small sheet with an honest size imports.
    let file = dir.path().join("fine.xlsx");
    raw_xlsx(&file, &sheet_xml("A1:A2", HEADER_CELLS));
    import_ok(&file, "clients", &db, &[]);
}

#[test]
fn an_xls_with_a_cell_at_its_last_row_and_column_is_refused() {
    let (dir, db) = setup();
    let record = |kind: u16, data: &[u8]| {
        let mut r = kind.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend_from_slice(data);
        r
    };
    let mut stream = record(
        0x0809,
        &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    );
    stream.extend(record(0x000A, &[]));
    stream.extend(record(
        0x0809,
        &[0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ));
    let mut number = vec![0xFF, 0xFF, 0xFF, 0x00, 0, 0];
    number.extend(1.0f64.to_le_bytes());
    stream.extend(record(0x0203, &number));
    stream.extend(record(0x000A, &[]));
    let file = dir.path().join("far.xls");
    let mut cfb = cfb::create(&file).unwrap();
    cfb.create_stream("/Workbook")
        .unwrap()
        .write_all(&stream)
        .unwrap();
    cfb.flush().unwrap();
    drop(cfb);
    let out = import(&file, "clients", &db, &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("工作表过大"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_password_protected_workbook_says_so() {
    let (dir, db) = setup();
    let file = dir.path().join("locked.xlsx");
    let mut cfb = cfb::create(&file).unwrap();
    cfb.create_stream("/EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .unwrap();
    cfb.create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(&[0u8; 64])
        .unwrap();
    cfb.flush().unwrap();
    drop(cfb);
    let out = import(&file, "clients", &db, &[]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("密码保护"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn dates_before_1900_and_impossible_dates_refuse_their_rows() {
    let (dir, db) = setup();
    seed(&db, "潍柴动力", ClientKind::Enterprise);
    let file = dir.path().join("needs.csv");
    std::fs::write(
        &file,
        "需求名称,需求企业,技术领域,截止日期\n余热回收,潍柴动力,节能环保,1899-12-31\n\
         尾气净化,潍柴动力,节能环保,2027-02-30\n智能温室,潍柴动力,现代农业,2027-02-28\n",
    )
    .unwrap();
    let out = import(&file, "needs", &db, &[]);
    assert!(!out.status.success());
    let printed = text(&out.stdout);
    assert!(
        printed.contains("2\t截止日期：日期“1899-12-31”早于 1900 年"),
        "{printed}"
    );
    assert!(printed.contains("3\t截止日期：日期无效"), "{printed}");
    assert!(needs(&db).is_empty());
}

#[test]
fn an_export_is_never_written_over_a_database() {
    let (dir, db) = setup();
    seed(&db, "山东大学", ClientKind::University);
    let before = std::fs::read(&db).unwrap();
    for format in ["csv", "xlsx", "json"] {
        let out = techbroker(&[
            "export",
            "--kind",
            "clients",
            "--format",
            format,
            "--out",
            &db.display().to_string(),
            "--db",
            &db.display().to_string(),
        ]);
        assert!(!out.status.success(), "{format}");
        assert!(
            text(&out.stderr).contains("数据库文件"),
            "{}",
            text(&out.stderr)
        );
    }
    assert!(std::fs::read(&db).unwrap() == before);
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE x (y)")
        .unwrap();
    let out = techbroker(&[
        "report",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--format",
        "html",
        "--out",
        &other.display().to_string(),
        "--db",
        &db.display().to_string(),
    ]);
    assert!(!out.status.success());
}

//! A fresh held-out set of carrier lists (载体名单, issue 18), written from the outside: five files
//! made at test time the way a city bureau's Excel, a national platform's CSV export, a province's
//! GB18030 CSV, a 问卷星 survey's Excel download and a city website's "导出Excel" (an HTML table
//! named .xls) write them. Each is imported by `techbroker import --kind carriers` as a user would
//! and read back from the JSON export; every row states what a broker expects to be stored.
//!
//! The fixtures were written without reading the import code. Held out, 18 of the 37 rows were
//! stored as a broker expects. The import was then fixed on what they showed, so this set is seen
//! now: it prints the rate and every failing expectation, asserts that each file imports whole
//! (exit 0, or exit 0 with `--skip-invalid` when some row is refused) and that no row fails.
//!
//! Expectations a broker would state that a reader may argue with, stated once here:
//! - "免费" in a cost cell is a cost of 0 yuan; "面议", "—", "(跳过)" or an empty cell is no cost.
//! - A range ("5-20万元/项") or a rate ("按技术交易额的3%收取") is no single typical cost: none is
//!   stored, and the text is kept somewhere in the record.
//! - Served fields are kept as the file names them, in the file's order, whatever the separator.
//! - A contact's title comes from its own column or from "姓名/职务" in one cell.

#[path = "world/carrier_desk.rs"]
mod carrier_desk;

use carrier_desk::{
    Desk, E, N, Row, T, Want, check, csv_text, put_row, strings, text, wan, want, yuan,
};
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

// --- Fresh file 1: a city bureau's 公示名单 (XLSX with a two-row header) --------------------------

/// Imitates the attachment of a city science-and-technology bureau's public notice
/// (青岛市科学技术局关于2025年度概念验证中心拟备案名单的公示): a merged title, a two-row header whose
/// first row holds merged group cells (序号 and 备注 spanning both rows, 基本信息 over five columns,
/// 联系方式 over three), the fee in 万元 as typed numbers (one typed as text, one 免费, one empty
/// with the reason in 备注), a mobile typed into a number cell, and two note lines under the table
/// (公示期, the bureau's own phone). Every row is a proof-of-concept centre by the title, including
/// one whose name says 成果熟化平台.
fn city_poc_notice_xlsx() -> (Vec<u8>, Vec<Want>) {
    let width = 10u16;
    let rows: Vec<Row> = vec![
        (
            vec![
                N(1.0),
                T("青岛市海洋生物医药概念验证中心"),
                T("中国海洋大学"),
                T("崂山区"),
                T("生物、海洋"),
                N(20.0),
                T("陈海燕"),
                T("主任"),
                T("0532-66781234"),
                E,
            ],
            Some(
                want(
                    "青岛市海洋生物医药概念验证中心",
                    "ProofOfConcept",
                    &["生物", "海洋"],
                    Some(wan(20)),
                    Some(("陈海燕", "0532-66781234")),
                )
                .title("主任")
                .district("崂山区")
                .kept(&["中国海洋大学"]),
            ),
        ),
        (
            vec![
                N(2.0),
                T("青岛人工智能与工业互联网概念验证中心"),
                T("青岛科技大学"),
                T("崂山区"),
                T("新一代信息技术"),
                N(8.5),
                T("高远"),
                T("常务副主任"),
                N(18661790321.0),
                E,
            ],
            Some(
                want(
                    "青岛人工智能与工业互联网概念验证中心",
                    "ProofOfConcept",
                    &["新一代信息技术"],
                    Some(8_500_000),
                    Some(("高远", "18661790321")),
                )
                .title("常务副主任")
                .district("崂山区"),
            ),
        ),
        (
            vec![
                N(3.0),
                T("青岛新能源材料概念验证中心"),
                T("中国科学院青岛生物能源与过程研究所"),
                T("崂山区"),
                T("新能源、新材料"),
                T("10"),
                T("于洁"),
                T("办公室主任"),
                T("0532-80662201"),
                T("依托单位为中科院驻青机构"),
            ],
            Some(
                want(
                    "青岛新能源材料概念验证中心",
                    "ProofOfConcept",
                    &["新能源", "新材料"],
                    Some(wan(10)),
                    Some(("于洁", "0532-80662201")),
                )
                .title("办公室主任")
                .district("崂山区")
                .kept(&["中国科学院青岛生物能源与过程研究所", "中科院驻青机构"]),
            ),
        ),
        (
            vec![
                N(4.0),
                T("青岛市智能装备成果熟化平台"),
                T("青岛理工大学"),
                T("黄岛区"),
                T("高端装备制造"),
                N(15.0),
                T("刘正阳"),
                T("技术总监"),
                T("15153208876"),
                T("名称以依托单位申报为准"),
            ],
            Some(
                want(
                    "青岛市智能装备成果熟化平台",
                    "ProofOfConcept",
                    &["高端装备制造"],
                    Some(wan(15)),
                    Some(("刘正阳", "15153208876")),
                )
                .title("技术总监")
                .district("黄岛区")
                .kept(&["名称以依托单位申报为准"]),
            ),
        ),
        (
            vec![
                N(5.0),
                T("青岛现代农业种业概念验证中心"),
                T("青岛农业大学"),
                T("城阳区"),
                T("现代农业"),
                T("免费"),
                T("宋文静"),
                T("科长"),
                T("0532-58957766"),
                T("首年免费，次年起按项目收费"),
            ],
            Some(
                want(
                    "青岛现代农业种业概念验证中心",
                    "ProofOfConcept",
                    &["现代农业"],
                    Some(0),
                    Some(("宋文静", "0532-58957766")),
                )
                .title("科长")
                .district("城阳区")
                .kept(&["首年免费"]),
            ),
        ),
        (
            vec![
                N(6.0),
                T("青岛市节能环保技术概念验证中心"),
                T("青岛大学"),
                T("市南区"),
                T("节能环保、新材料"),
                E,
                T("王海滨"),
                T("副主任"),
                T("0532-85953310"),
                T("收费标准待定"),
            ],
            Some(
                want(
                    "青岛市节能环保技术概念验证中心",
                    "ProofOfConcept",
                    &["节能环保", "新材料"],
                    None,
                    Some(("王海滨", "0532-85953310")),
                )
                .title("副主任")
                .district("市南区")
                .kept(&["收费标准待定"]),
            ),
        ),
        (
            vec![
                N(7.0),
                T("青岛数字创意产业概念验证中心"),
                T("青岛出版集团有限公司"),
                T("市北区"),
                T("数字创意、相关服务"),
                N(3.0),
                T("韩雪"),
                T("部长"),
                T("13789897654"),
                E,
            ],
            Some(
                want(
                    "青岛数字创意产业概念验证中心",
                    "ProofOfConcept",
                    &["数字创意", "相关服务"],
                    Some(wan(3)),
                    Some(("韩雪", "13789897654")),
                )
                .title("部长")
                .district("市北区"),
            ),
        ),
    ];

    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("公示名单").expect("a sheet name");
    let title = Format::new()
        .set_bold()
        .set_font_size(15)
        .set_align(FormatAlign::Center);
    let group = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    ws.merge_range(
        0,
        0,
        0,
        width - 1,
        "青岛市2025年度概念验证中心拟备案名单",
        &title,
    )
    .expect("the title");
    ws.merge_range(1, 0, 2, 0, "序号", &group).expect("序号");
    ws.merge_range(1, 1, 1, 5, "基本信息", &group)
        .expect("基本信息");
    ws.merge_range(1, 6, 1, 8, "联系方式", &group)
        .expect("联系方式");
    ws.merge_range(1, 9, 2, 9, "备注", &group).expect("备注");
    for (col, h) in [
        "中心名称",
        "依托单位",
        "所在区（市）",
        "服务领域",
        "概念验证服务费（万元/项）",
        "联系人",
        "职务",
        "联系电话",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(2, col as u16 + 1, *h, &group)
            .expect("a header cell");
    }
    for (i, (cells, _)) in rows.iter().enumerate() {
        put_row(ws, 3 + i as u32, cells);
    }
    let after = 3 + rows.len() as u32;
    let note = Format::new().set_align(FormatAlign::Left);
    ws.merge_range(
        after + 1,
        0,
        after + 1,
        width - 1,
        "公示期：2025年7月1日至7月7日。对公示内容有异议的，请在公示期内以书面形式反映。",
        &note,
    )
    .expect("a note");
    ws.merge_range(
        after + 2,
        0,
        after + 2,
        width - 1,
        "联系电话：0532-85911234（市科技局成果转化处）",
        &note,
    )
    .expect("a note");
    // The first data row is the fourth row as Excel shows it.
    let wants = carrier_desk::numbered(&rows, 4);
    (book.save_to_buffer().expect("the workbook saves"), wants)
}

// --- Fresh file 2: a national platform's CSV export (UTF-8, no BOM) ------------------------------

/// Imitates the "导出CSV" of a national technology-transfer service platform's directory of
/// 技术转移服务机构: UTF-8 without a BOM, LF line ends, bilingual headers ("机构名称 Name"), an ID and
/// an update time, the institution type as the platform writes it (国家技术转移示范机构 /
/// 技术转移服务机构), served fields joined by ";" (once with a space after it), province and city in
/// their own columns, and a fee column holding "面议", "2000元/次", "0.5万元", a rate
/// ("按技术交易额的3%收取"), a plain number, "免费" and nothing. One phone carries an extension.
fn national_platform_csv() -> (Vec<u8>, Vec<Want>) {
    let headers = strings(&[
        "机构编号 ID",
        "机构名称 Name",
        "机构类型 Type",
        "所在省份 Province",
        "所在城市 City",
        "服务领域 Service Fields",
        "服务内容 Services",
        "收费标准 Fee",
        "联系人 Contact",
        "职务 Position",
        "联系电话 Tel",
        "电子邮箱 E-mail",
        "更新时间 Updated",
    ]);
    type Line = (Vec<&'static str>, Want);
    let lines: Vec<Line> = vec![
        (
            vec![
                "TT110108001",
                "北京中关村技术转移服务中心有限公司",
                "国家技术转移示范机构",
                "北京市",
                "北京市",
                "电子信息;生物医药",
                "技术评估;成果转化;知识产权运营",
                "面议",
                "李明",
                "总经理",
                "010-82695566",
                "liming@zgc-tt.cn",
                "2025-05-12 10:21:03",
            ],
            want(
                "北京中关村技术转移服务中心有限公司",
                "TransferService",
                &["电子信息", "生物医药"],
                None,
                Some(("李明", "010-82695566")),
            )
            .title("总经理")
            .email("liming@zgc-tt.cn")
            .province("北京市")
            .city("北京市"),
        ),
        (
            vec![
                "TT310104017",
                "上海交大技术转移中心",
                "国家技术转移示范机构",
                "上海市",
                "上海市",
                "先进制造;新材料;电子信息",
                "专利许可;作价投资;概念验证",
                "2000元/次",
                "周倩",
                "业务部经理",
                "021-34206688",
                "",
                "2025-04-28 16:02:55",
            ],
            want(
                "上海交大技术转移中心",
                "TransferService",
                &["先进制造", "新材料", "电子信息"],
                Some(yuan(2000)),
                Some(("周倩", "021-34206688")),
            )
            .title("业务部经理")
            .province("上海市")
            .city("上海市"),
        ),
        (
            vec![
                "TT370102023",
                "山东鲁信科技成果转化服务有限公司",
                "技术转移服务机构",
                "山东省",
                "济南市",
                "生物医药;现代农业",
                "成果评价;技术经纪",
                "0.5万元",
                "徐建国",
                "副总经理",
                "13806401122",
                "xujg@luxin-tt.com",
                "2025-06-01 09:00:00",
            ],
            want(
                "山东鲁信科技成果转化服务有限公司",
                "TransferService",
                &["生物医药", "现代农业"],
                Some(yuan(5000)),
                Some(("徐建国", "13806401122")),
            )
            .title("副总经理")
            .email("xujg@luxin-tt.com")
            .province("山东省")
            .city("济南市"),
        ),
        (
            vec![
                "TT440305009",
                "深圳南方科技成果交易中心",
                "技术转移服务机构",
                "广东省",
                "深圳市",
                "电子信息; 新能源",
                "技术交易;投融资对接",
                "按技术交易额的3%收取",
                "黄志强",
                "主任",
                "0755-26031234-8008",
                "",
                "2025-03-19 14:45:10",
            ],
            want(
                "深圳南方科技成果交易中心",
                "TransferService",
                &["电子信息", "新能源"],
                None,
                Some(("黄志强", "0755-26031234-8008")),
            )
            .title("主任")
            .province("广东省")
            .city("深圳市")
            .kept(&["3%"]),
        ),
        (
            vec![
                "TT320102031",
                "南京江北新区技术转移服务中心",
                "技术转移服务机构",
                "江苏省",
                "南京市",
                "节能环保",
                "需求挖掘;成果对接",
                "",
                "马晓雯",
                "项目主管",
                "025-58651234",
                "",
                "2025-05-30 11:11:11",
            ],
            want(
                "南京江北新区技术转移服务中心",
                "TransferService",
                &["节能环保"],
                None,
                Some(("马晓雯", "025-58651234")),
            )
            .title("项目主管")
            .province("江苏省")
            .city("南京市"),
        ),
        (
            vec![
                "TT420111005",
                "武汉东湖技术交易服务有限公司",
                "技术转移服务机构",
                "湖北省",
                "武汉市",
                "光电子信息;生物医药;高端装备",
                "技术合同登记辅导;成果评价",
                "12000",
                "邓飞",
                "董事长",
                "027-87654321",
                "",
                "2025-02-14 08:30:00",
            ],
            want(
                "武汉东湖技术交易服务有限公司",
                "TransferService",
                &["光电子信息", "生物医药", "高端装备"],
                Some(yuan(12000)),
                Some(("邓飞", "027-87654321")),
            )
            .title("董事长")
            .province("湖北省")
            .city("武汉市"),
        ),
        (
            vec![
                "TT610113012",
                "西安科技大市场服务中心",
                "国家技术转移示范机构",
                "陕西省",
                "西安市",
                "航空航天;电子信息",
                "技术交易;人才培训",
                "免费",
                "杨帆",
                "副主任",
                "029-88331234",
                "",
                "2025-06-18 17:20:41",
            ],
            want(
                "西安科技大市场服务中心",
                "TransferService",
                &["航空航天", "电子信息"],
                Some(0),
                Some(("杨帆", "029-88331234")),
            )
            .title("副主任")
            .province("陕西省")
            .city("西安市"),
        ),
        (
            vec![
                "TT370202044",
                "青岛市技术转移中心",
                "技术转移服务机构",
                "山东省",
                "青岛市",
                "海洋;新材料",
                "技术转移;科技咨询",
                "5000元/项",
                "孙立群",
                "科长",
                "0532-85911122",
                "sunlq@qdtt.org.cn",
                "2025-06-20 10:05:37",
            ],
            want(
                "青岛市技术转移中心",
                "TransferService",
                &["海洋", "新材料"],
                Some(yuan(5000)),
                Some(("孙立群", "0532-85911122")),
            )
            .title("科长")
            .email("sunlq@qdtt.org.cn")
            .province("山东省")
            .city("青岛市"),
        ),
    ];
    let mut all = vec![headers];
    let mut wants = Vec::new();
    for (i, (cells, w)) in lines.iter().enumerate() {
        all.push(strings(cells));
        let mut w = w.clone();
        w.row = 2 + i as u32;
        wants.push(w);
    }
    (csv_text(&all, false).into_bytes(), wants)
}

// --- Fresh file 3: a province's 中试基地 list as GB18030 CSV ---------------------------------------

/// Imitates a provincial department's list of pilot-scale bases saved by Excel as "CSV (逗号分隔)"
/// on a machine that writes GB18030: CRLF, a title line padded with commas, 负责人及职务 as
/// "王强/副主任" in one cell (once with spaces around the slash), a contact whose name has a
/// character only GB18030 holds (𠮷), phones with area codes and extensions written 转, -, ext. or
/// with the code in brackets, a fee that is 面议 on some rows, "30万元/项" on others and a range
/// "5-20万元/项" on two, and a 填报单位 footer line.
fn province_pilot_gb18030_csv() -> (Vec<u8>, Vec<Want>) {
    type Line = (Vec<&'static str>, Want);
    let lines: Vec<Line> = vec![
        (
            vec![
                "1",
                "山东省高端化工中试基地",
                "山东京博控股集团有限公司",
                "滨州市",
                "新材料、节能环保",
                "面议",
                "王强/副主任",
                "0543-5086123转8021",
                "",
            ],
            want(
                "山东省高端化工中试基地",
                "PilotBase",
                &["新材料", "节能环保"],
                None,
                Some(("王强", "0543-5086123转8021")),
            )
            .title("副主任")
            .city("滨州市")
            .kept(&["山东京博控股集团有限公司"]),
        ),
        (
            vec![
                "2",
                "山东省精细化工中试示范基地",
                "万华化学集团股份有限公司",
                "烟台市",
                "新材料",
                "5-20万元/项",
                "𠮷文杰/总工程师",
                "0535-3389123-6601",
                "按项目规模分档收费",
            ],
            want(
                "山东省精细化工中试示范基地",
                "PilotBase",
                &["新材料"],
                None,
                Some(("𠮷文杰", "0535-3389123-6601")),
            )
            .title("总工程师")
            .city("烟台市")
            .kept(&["5-20万元"]),
        ),
        (
            vec![
                "3",
                "山东省海洋生物制品中试基地",
                "青岛明月海藻集团有限公司",
                "青岛市",
                "海洋、医养健康",
                "30万元/项",
                "李娜/主任",
                "(0532)86991234",
                "",
            ],
            want(
                "山东省海洋生物制品中试基地",
                "PilotBase",
                &["海洋", "医养健康"],
                Some(wan(30)),
                Some(("李娜", "(0532)86991234")),
            )
            .title("主任")
            .city("青岛市"),
        ),
        (
            vec![
                "4",
                "山东省新能源汽车零部件中试基地",
                "潍柴动力股份有限公司",
                "潍坊市",
                "新能源汽车",
                "10万元/项",
                "张国栋/部长",
                "0536-2297123 ext.305",
                "",
            ],
            want(
                "山东省新能源汽车零部件中试基地",
                "PilotBase",
                &["新能源汽车"],
                Some(wan(10)),
                Some(("张国栋", "0536-2297123 ext.305")),
            )
            .title("部长")
            .city("潍坊市"),
        ),
        (
            vec![
                "5",
                "山东省农产品精深加工中试基地",
                "山东农业大学",
                "泰安市",
                "现代农业",
                "面议",
                "赵春梅/科研处副处长",
                "0538-8249123",
                "",
            ],
            want(
                "山东省农产品精深加工中试基地",
                "PilotBase",
                &["现代农业"],
                None,
                Some(("赵春梅", "0538-8249123")),
            )
            .title("科研处副处长")
            .city("泰安市"),
        ),
        (
            vec![
                "6",
                "山东省光电材料中试基地",
                "山东大学",
                "济南市",
                "新一代信息技术、新材料",
                "8-15万元/项",
                "刘洋/副院长",
                "0531-88364123",
                "",
            ],
            want(
                "山东省光电材料中试基地",
                "PilotBase",
                &["新一代信息技术", "新材料"],
                None,
                Some(("刘洋", "0531-88364123")),
            )
            .title("副院长")
            .city("济南市")
            .kept(&["8-15万元"]),
        ),
        (
            vec![
                "7",
                "山东省生物发酵中试基地",
                "保龄宝生物股份有限公司",
                "德州市",
                "生物",
                "20万元/项",
                "孟凡华/技术中心主任",
                "0534-8918123转206",
                "",
            ],
            want(
                "山东省生物发酵中试基地",
                "PilotBase",
                &["生物"],
                Some(wan(20)),
                Some(("孟凡华", "0534-8918123转206")),
            )
            .title("技术中心主任")
            .city("德州市"),
        ),
        (
            vec![
                "8",
                "山东省医疗器械中试示范基地",
                "威高集团有限公司",
                "威海市",
                "医养健康、高端装备制造",
                "面议",
                "曲晓东 / 副总经理",
                "0631-5621123",
                "",
            ],
            want(
                "山东省医疗器械中试示范基地",
                "PilotBase",
                &["医养健康", "高端装备制造"],
                None,
                Some(("曲晓东", "0631-5621123")),
            )
            .title("副总经理")
            .city("威海市"),
        ),
    ];
    let mut all = vec![
        strings(&["山东省2025年度中试基地名单", "", "", "", "", "", "", "", ""]),
        strings(&[
            "序号",
            "基地名称",
            "依托单位",
            "所属市",
            "服务领域",
            "中试服务收费",
            "负责人及职务",
            "联系电话",
            "备注",
        ]),
    ];
    let mut wants = Vec::new();
    for (i, (cells, w)) in lines.iter().enumerate() {
        all.push(strings(cells));
        let mut w = w.clone();
        w.row = 3 + i as u32;
        wants.push(w);
    }
    all.push(strings(&[
        "填报单位（盖章）：山东省科学技术厅",
        "",
        "",
        "",
        "",
        "填报日期：2025年9月",
        "",
        "",
        "",
    ]));
    let text = csv_text(&all, true);
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable, "GB18030 holds every character");
    (bytes.into_owned(), wants)
}

// --- Fresh file 4: a 问卷星 survey downloaded as Excel ---------------------------------------------

/// Imitates the Excel (.xlsx) a 问卷星 (wjx.cn) survey "技术转移人才培训基地信息采集" downloads
/// "按文本": the survey's own columns first (序号, 提交答卷时间, 所用时间 as "412秒", 来源, 来源详情,
/// 来自IP with the place in brackets), then the questions as headers ("1、基地名称"), the single
/// choice as its option text (one "其他〖…〗" fill-in), the multiple choice joined by "┋", a skipped
/// question as "(跳过)", the fee per trainee in yuan as typed numbers, once "免费".
fn wjx_training_xlsx() -> (Vec<u8>, Vec<Want>) {
    let headers = [
        "序号",
        "提交答卷时间",
        "所用时间",
        "来源",
        "来源详情",
        "来自IP",
        "1、基地名称",
        "2、基地类型",
        "3、依托单位",
        "4、所在城市",
        "5、重点培训领域（可多选）",
        "6、每期培训收费（元/人）",
        "7、年培训规模（人次）",
        "8、联系人姓名",
        "9、联系人职务",
        "10、联系电话",
    ];
    let rows: Vec<Row> = vec![
        (
            vec![
                N(1.0),
                T("2025/6/3 9:12:45"),
                T("412秒"),
                T("微信"),
                T("N/A"),
                T("221.0.135.22(山东-济南)"),
                T("山东省技术转移人才培养基地（济南）"),
                T("技术转移人才培养基地"),
                T("山东大学"),
                T("济南"),
                T("新一代信息技术┋生物┋新材料"),
                N(3800.0),
                N(600.0),
                T("吕红"),
                T("培训部主任"),
                T("13791001234"),
            ],
            Some(
                want(
                    "山东省技术转移人才培养基地（济南）",
                    "TrainingBase",
                    &["新一代信息技术", "生物", "新材料"],
                    Some(yuan(3800)),
                    Some(("吕红", "13791001234")),
                )
                .title("培训部主任")
                .city("济南")
                .capacity("600"),
            ),
        ),
        (
            vec![
                N(2.0),
                T("2025/6/3 10:40:02"),
                T("268秒"),
                T("手机提交"),
                T("N/A"),
                T("112.224.3.71(山东-青岛)"),
                T("青岛技术经理人培训基地"),
                T("技术经理人培训基地"),
                T("青岛科技大学"),
                T("青岛"),
                T("高端装备制造┋新材料"),
                N(2600.0),
                N(400.0),
                T("程亮"),
                T("副院长"),
                T("0532-84022123"),
            ],
            Some(
                want(
                    "青岛技术经理人培训基地",
                    "TrainingBase",
                    &["高端装备制造", "新材料"],
                    Some(yuan(2600)),
                    Some(("程亮", "0532-84022123")),
                )
                .title("副院长")
                .city("青岛"),
            ),
        ),
        (
            vec![
                N(3.0),
                T("2025/6/4 8:05:19"),
                T("533秒"),
                T("链接"),
                T("N/A"),
                T("123.132.8.9(山东-烟台)"),
                T("烟台市科技成果转化人才实训中心"),
                T("其他〖科技成果转化人才实训中心〗"),
                T("烟台大学"),
                T("烟台"),
                T("海洋┋现代农业"),
                T("(跳过)"),
                N(200.0),
                T("马丽"),
                T("主任"),
                T("15854501234"),
            ],
            Some(
                want(
                    "烟台市科技成果转化人才实训中心",
                    "TrainingBase",
                    &["海洋", "现代农业"],
                    None,
                    Some(("马丽", "15854501234")),
                )
                .title("主任")
                .city("烟台"),
            ),
        ),
        (
            vec![
                N(4.0),
                T("2025/6/4 14:22:51"),
                T("190秒"),
                T("微信"),
                T("N/A"),
                T("60.210.17.4(山东-淄博)"),
                T("淄博技术转移人才培训基地"),
                T("技术转移人才培养基地"),
                T("山东理工大学"),
                T("淄博"),
                T("高端装备制造"),
                T("免费"),
                N(300.0),
                T("郑海"),
                T("处长"),
                T("0533-2781234"),
            ],
            Some(
                want(
                    "淄博技术转移人才培训基地",
                    "TrainingBase",
                    &["高端装备制造"],
                    Some(0),
                    Some(("郑海", "0533-2781234")),
                )
                .title("处长")
                .city("淄博"),
            ),
        ),
        (
            vec![
                N(5.0),
                T("2025/6/5 9:47:30"),
                T("355秒"),
                T("手机提交"),
                T("N/A"),
                T("27.215.66.140(山东-临沂)"),
                T("临沂市技术经纪人培训基地"),
                T("技术经理人培训基地"),
                T("临沂大学"),
                T("临沂"),
                T("现代农业┋医养健康┋相关服务"),
                N(1500.0),
                N(150.0),
                T("胡晓燕"),
                T("科长"),
                T("18653901234"),
            ],
            Some(
                want(
                    "临沂市技术经纪人培训基地",
                    "TrainingBase",
                    &["现代农业", "医养健康", "相关服务"],
                    Some(yuan(1500)),
                    Some(("胡晓燕", "18653901234")),
                )
                .title("科长")
                .city("临沂"),
            ),
        ),
        (
            vec![
                N(6.0),
                T("2025/6/6 16:03:08"),
                T("624秒"),
                T("链接"),
                T("N/A"),
                T("150.138.44.2(山东-济宁)"),
                T("济宁技术转移人才培养基地"),
                T("技术转移人才培养基地"),
                T("曲阜师范大学"),
                T("济宁"),
                T("新一代信息技术┋数字创意"),
                N(2000.0),
                N(180.0),
                T("孔祥伟"),
                T("副主任"),
                T("0537-4451234"),
            ],
            Some(
                want(
                    "济宁技术转移人才培养基地",
                    "TrainingBase",
                    &["新一代信息技术", "数字创意"],
                    Some(yuan(2000)),
                    Some(("孔祥伟", "0537-4451234")),
                )
                .title("副主任")
                .city("济宁"),
            ),
        ),
        (
            vec![
                N(7.0),
                T("2025/6/9 11:30:12"),
                T("301秒"),
                T("微信"),
                T("N/A"),
                T("218.56.90.13(山东-日照)"),
                T("日照市技术经理人实训基地"),
                T("技术经理人培训基地"),
                T("日照职业技术学院"),
                T("日照"),
                T("新能源┋节能环保"),
                N(1200.0),
                N(100.0),
                T("丁宁"),
                T("教研室主任"),
                T("0633-8791234"),
            ],
            Some(
                want(
                    "日照市技术经理人实训基地",
                    "TrainingBase",
                    &["新能源", "节能环保"],
                    Some(yuan(1200)),
                    Some(("丁宁", "0633-8791234")),
                )
                .title("教研室主任")
                .city("日照"),
            ),
        ),
    ];
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Sheet1").expect("a sheet name");
    for (col, h) in headers.iter().enumerate() {
        ws.write_string(0, col as u16, *h).expect("a header cell");
    }
    for (i, (cells, _)) in rows.iter().enumerate() {
        put_row(ws, 1 + i as u32, cells);
    }
    let wants = carrier_desk::numbered(&rows, 2);
    (book.save_to_buffer().expect("the workbook saves"), wants)
}

// --- Fresh file 5: a city website's "导出Excel", an HTML table named .xls ---------------------------

/// Imitates the "导出Excel" of a city science bureau's website directory of innovation carriers
/// (东营市科技创新载体名录): an HTML page in UTF-8 with Excel's namespaces and a `<meta charset>`,
/// named .xls; a caption row spanning the table, a header of bold `<td>`s (no `<th>`), a 载体类型
/// column mixing the four kinds, one host unit cell spanning two rows (`rowspan`, so the second row
/// has one cell fewer), a phone kept as text by `mso-number-format`, "&nbsp;" and "—" in empty cells,
/// fees as "3万元/项", "800元/人", "1.2万元", 面议 and 免费, and a closing "共7家" row.
fn city_html_xls() -> (Vec<u8>, Vec<Want>) {
    // (cells as HTML, what a broker expects); the 依托单位 cell of row 2 is the rowspan above it.
    type Line = (Vec<&'static str>, Want);
    let lines: Vec<Line> = vec![
        (
            vec![
                "1",
                "东营市石油装备中试基地",
                "中试基地",
                "<td rowspan=\"2\">中国石油大学（华东）东营研究院</td>",
                "高端装备制造",
                "3万元/项",
                "孙波",
                "主任",
                "0546-8396123",
            ],
            want(
                "东营市石油装备中试基地",
                "PilotBase",
                &["高端装备制造"],
                Some(wan(3)),
                Some(("孙波", "0546-8396123")),
            )
            .title("主任")
            .kept(&["中国石油大学（华东）东营研究院"]),
        ),
        (
            vec![
                "2",
                "东营市油气新材料概念验证中心",
                "概念验证中心",
                "新材料、节能环保",
                "面议",
                "田丽",
                "副主任",
                "0546-8396125",
            ],
            want(
                "东营市油气新材料概念验证中心",
                "ProofOfConcept",
                &["新材料", "节能环保"],
                None,
                Some(("田丽", "0546-8396125")),
            )
            .title("副主任")
            .kept(&["中国石油大学（华东）东营研究院"]),
        ),
        (
            vec![
                "3",
                "东营市技术转移服务中心",
                "技术转移服务机构",
                "东营市科学技术局",
                "相关服务",
                "—",
                "韩冬",
                "科长",
                "0546-8331234",
            ],
            want(
                "东营市技术转移服务中心",
                "TransferService",
                &["相关服务"],
                None,
                Some(("韩冬", "0546-8331234")),
            )
            .title("科长"),
        ),
        (
            vec![
                "4",
                "黄河三角洲农业技术人才培训基地",
                "人才培训基地",
                "山东农业工程学院",
                "现代农业",
                "800元/人",
                "李振",
                "培训主管",
                "15966001234",
            ],
            want(
                "黄河三角洲农业技术人才培训基地",
                "TrainingBase",
                &["现代农业"],
                Some(yuan(800)),
                Some(("李振", "15966001234")),
            )
            .title("培训主管"),
        ),
        (
            vec![
                "5",
                "东营盐碱地生态农业中试基地",
                "中试基地",
                "东营市农业科学研究院",
                "现代农业、节能环保",
                "1.2万元",
                "刘建",
                "所长",
                "0546-7771234",
            ],
            want(
                "东营盐碱地生态农业中试基地",
                "PilotBase",
                &["现代农业", "节能环保"],
                Some(1_200_000),
                Some(("刘建", "0546-7771234")),
            )
            .title("所长"),
        ),
        (
            vec![
                "6",
                "东营生物医药概念验证中心",
                "概念验证中心",
                "东营高新技术产业开发区管委会",
                "生物、医养健康",
                "5万元/项",
                "周敏",
                "部长",
                "0546-8081234",
            ],
            want(
                "东营生物医药概念验证中心",
                "ProofOfConcept",
                &["生物", "医养健康"],
                Some(wan(5)),
                Some(("周敏", "0546-8081234")),
            )
            .title("部长"),
        ),
        (
            vec![
                "7",
                "东营港经济开发区化工技术转移服务站",
                "技术转移服务机构",
                "东营港经济开发区管委会",
                "新材料",
                "免费",
                "王磊",
                "站长",
                "&nbsp;",
            ],
            want(
                "东营港经济开发区化工技术转移服务站",
                "TransferService",
                &["新材料"],
                Some(0),
                None,
            ),
        ),
    ];
    let mut html = String::from(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
         xmlns:x=\"urn:schemas-microsoft-com:office:excel\" \
         xmlns=\"http://www.w3.org/TR/REC-html40\">\r\n<head>\r\n<meta charset=\"utf-8\">\r\n\
         <!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet>\
         <x:Name>载体名录</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml>\
         <![endif]-->\r\n</head>\r\n<body>\r\n<table border=\"1\">\r\n\
         <tr><td colspan=\"9\" align=\"center\"><b>东营市科技创新载体名录</b></td></tr>\r\n<tr>",
    );
    for h in [
        "序号",
        "载体名称",
        "载体类型",
        "依托单位",
        "服务领域",
        "收费参考",
        "联系人",
        "职务",
        "联系电话",
    ] {
        html.push_str(&format!("<td><b>{h}</b></td>"));
    }
    html.push_str("</tr>\r\n");
    let mut wants = Vec::new();
    for (i, (cells, w)) in lines.iter().enumerate() {
        html.push_str("<tr>");
        let last = cells.len() - 1;
        for (c, cell) in cells.iter().enumerate() {
            if cell.starts_with("<td") {
                html.push_str(cell);
            } else if c == last {
                html.push_str(&format!(
                    "<td style=\"mso-number-format:'\\@'\">{cell}</td>"
                ));
            } else {
                html.push_str(&format!("<td>{cell}</td>"));
            }
        }
        html.push_str("</tr>\r\n");
        let mut w = w.clone();
        // The caption is row 1, the header row 2.
        w.row = 3 + i as u32;
        wants.push(w);
    }
    html.push_str("<tr><td colspan=\"9\">共7家</td></tr>\r\n</table>\r\n</body>\r\n</html>\r\n");
    (html.into_bytes(), wants)
}

// --- The measurement ------------------------------------------------------------------------------

#[test]
fn second_held_out_carrier_lists() {
    let desk = Desk::new();
    let files: Vec<(&str, Vec<u8>, Vec<Want>)> = {
        let mut v = Vec::new();
        let (b, w) = city_poc_notice_xlsx();
        v.push(("青岛市2025年度概念验证中心拟备案名单公示.xlsx", b, w));
        let (b, w) = national_platform_csv();
        v.push(("tech_transfer_institutions_export.csv", b, w));
        let (b, w) = province_pilot_gb18030_csv();
        v.push(("山东省2025年度中试基地名单.csv", b, w));
        let (b, w) = wjx_training_xlsx();
        v.push(("技术转移人才培训基地信息采集_问卷星.xlsx", b, w));
        let (b, w) = city_html_xls();
        v.push(("东营市科技创新载体名录.xls", b, w));
        v
    };
    let mut failures: Vec<String> = Vec::new();
    let mut broken: Vec<String> = Vec::new();
    let mut rows = 0usize;
    let mut failed_rows = 0usize;
    for (name, bytes, wants) in &files {
        let file = desk.write(name, bytes);
        let db = desk.empty_db(name);
        let out = desk.import(&file, &db, false);
        println!("{name}: import said\n{}", text(&out));
        let db = if out.status.success() {
            db
        } else {
            // A list a broker was sent imports whole; a refusal is reported, then the rows the
            // import accepts are measured with --skip-invalid.
            failures.push(format!(
                "{name}: the import refused the file without --skip-invalid: {}",
                text(&out)
            ));
            let db2 = desk.empty_db(&format!("{name}.skip"));
            let out2 = desk.import(&file, &db2, true);
            println!("{name} with --skip-invalid: import said\n{}", text(&out2));
            if !out2.status.success() {
                broken.push(format!(
                    "{name}: the import failed even with --skip-invalid: {}",
                    text(&out2)
                ));
                continue;
            }
            db2
        };
        let mut file_failures = Vec::new();
        check(name, &desk.clients(&db), wants, &mut file_failures);
        rows += wants.len();
        for w in wants {
            let key = format!("{name} row {} «", w.row);
            if file_failures.iter().any(|f| f.starts_with(&key)) {
                failed_rows += 1;
            }
        }
        failures.extend(file_failures);
    }
    // A file that did not import is no row met: its rows count as failed.
    for (name, _, wants) in &files {
        if broken.iter().any(|b| b.starts_with(&format!("{name}:"))) {
            rows += wants.len();
            failed_rows += wants.len();
        }
    }
    let met = rows - failed_rows;
    println!("second carrier set: rows stored as a broker expects: {met} of {rows}");
    for f in &failures {
        println!("  {f}");
    }
    assert!(
        broken.is_empty(),
        "fresh held-out files did not import whole: {broken:#?}"
    );
    assert_eq!(failed_rows, 0, "rows failed");
}

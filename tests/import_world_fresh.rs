//! A fresh held-out set of import cases (issue 11), written from how offices, universities,
//! platforms, survey tools and registration offices write their files, not from how the importer
//! reads them. Every case is a realistic file made at test time and checked for what a broker
//! expects after `techbroker import`: the records stored with the right values, totals and
//! footers left out, wrong files refused with a clear message in Chinese.
//!
//! The set reports a rate: one test runs every case, prints which passed and why the others
//! failed, and asserts a floor on the number passed.

mod world;

use world::build::{self, C, Xlsx, date, row};
use world::expect::{Price, deal_listed, need_listed, same_records, wan, yi, ymd, yuan};
use world::held_out::{Case, run_cases};
use world::records::{ClientKind, ContractType, DealStage, Mode, Stage};
use world::{Import, Kind, Lang, Outcome, Source, Start};

// --- Checks the harness has no word for ----------------------------------------------------------

/// The messages are in Chinese: a broker with a Chinese UI reads why the file was refused.
#[track_caller]
fn says_in_chinese(out: &Outcome) {
    let all = format!("{}\n{}", out.stderr, out.stdout);
    if !all.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
        out.fail("the messages should be in Chinese");
    }
}

/// The deal's registry subtype is kept (as written, or as the part in brackets).
#[track_caller]
fn subtype_has(out: &Outcome, title: &str, part: &str) {
    let deal = out.deal(title);
    if !deal
        .rec
        .contract_subtype
        .as_deref()
        .is_some_and(|s| s.contains(part))
    {
        out.fail(format!(
            "deal {title:?}: the subtype should keep {part:?}, found {:?}",
            deal.rec.contract_subtype
        ));
    }
}

#[track_caller]
fn registered_on(out: &Outcome, title: &str, y: i32, m: u32, d: u32) {
    let deal = out.deal(title);
    if deal.rec.registered_on != Some(ymd(y, m, d)) {
        out.fail(format!(
            "deal {title:?}: registration date expected {:?}, found {:?}",
            ymd(y, m, d),
            deal.rec.registered_on
        ));
    }
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

/// A Word document (.docx): a ZIP like a workbook, with a table of achievements in its body.
fn word_document() -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let table_row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>附件2：拟推介科技成果一览表</w:t></w:r></w:p><w:tbl>{}{}</w:tbl></w:body></w:document>"#,
        table_row(&[
            "成果名称",
            "完成单位",
            "所属领域",
            "成熟度",
            "意向价格（万元）"
        ]),
        table_row(&[
            "秸秆还田智能监测终端",
            "山东农业大学",
            "现代农业",
            "中试",
            "30"
        ]),
    );
    let document_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#;
    let app = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application></Properties>"#;
    build::zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("docProps/app.xml", app.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", document_rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ])
}

// --- Finding the table ---------------------------------------------------------------------------

/// A city bureau's summary: merged title, a 填报单位 line, a 填报说明 row, starred and wrapped
/// header cells with units, 序号, a 合计 row, then 填表人/审核人 and a 注： line.
fn jinan_achievement_summary_with_title_notes_total_footer() {
    let bytes = Xlsx::new()
        .sheet("汇总表", |s| {
            s.title("2026年度济南市高校院所科技成果汇总表", 9);
            s.row(row!["填报单位（盖章）：济南市科学技术局            填报日期：2026年3月10日"]);
            s.row(row!["填报说明：1.所属领域按战略性新兴产业分类填写；2.技术成熟度按1-9级填写；3.意向价格单位为万元，未定价的填“面议”。"]);
            s.row(row![
                "序号",
                "成果名称*",
                "完成单位*",
                "所属领域*",
                "技术成熟度\n(TRL)*",
                "意向价格\n（万元）",
                "转化方式",
                "联系人",
                "联系电话"
            ]);
            s.row(row![
                1,
                "高镍三元正极材料表面包覆改性技术",
                "山东大学",
                "新材料",
                6,
                120,
                "转让",
                "王建国",
                "13905310001"
            ]);
            s.row(row![
                2,
                "基于机器视觉的带钢表面缺陷在线检测系统",
                "齐鲁工业大学",
                "新一代信息技术",
                7,
                "面议",
                "许可",
                "李明",
                "0531-89631234"
            ]);
            s.row(row![
                3,
                "盐碱地耐盐小麦新品种选育技术",
                "山东省农业科学院",
                "现代农业",
                5,
                35.5,
                "合作开发",
                "张丽",
                "15069880022"
            ]);
            s.row(row!["合计", "共3项", "", "", "", 155.5, "", "", ""]);
            s.blank();
            s.row(row!["填表人：赵敏", "", "", "审核人：孙强", "", "", "联系电话：0531-86051234"]);
            s.row(row!["注：本表由各单位汇总后报送市科技局成果转化处。"]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "2026年度科技成果汇总表.xlsx", bytes).run();
    out.succeeded().stored(3);
    out.no_title_contains(&["合计", "填表人", "审核人", "注："]);
    out.achievement("高镍三元正极材料表面包覆改性技术")
        .owner("山东大学")
        .field("新材料")
        .trl(6..=6)
        .price(Price::Exact(wan(120.0)))
        .modes(&[Mode::Assignment]);
    out.achievement("基于机器视觉的带钢表面缺陷在线检测系统")
        .trl(7..=7)
        .price(Price::Negotiable)
        .modes(&[Mode::Licence]);
    out.achievement("盐碱地耐盐小麦新品种选育技术")
        .owner("山东省农业科学院")
        .trl(5..=5)
        .price(Price::Exact(wan(35.5)))
        .modes(&[Mode::CoDevelop]);
}

/// A city's enterprise-need collection form: title, a deadline line, a blank row, then a header
/// whose description cell explains itself over two lines.
fn qingdao_enterprise_need_collection_form() {
    let bytes = Xlsx::new()
        .sheet("需求征集表", |s| {
            s.title("青岛市2026年企业技术需求征集表", 10);
            s.row(row![
                "（请于2026年4月30日前报送，联系人：市科技局成果处 0532-85911234）"
            ]);
            s.blank();
            s.row(row![
                "序号",
                "企业名称（盖章）",
                "所在区（市）",
                "需求名称",
                "需求内容描述\n（现状、存在问题、拟达到的技术指标）",
                "所属领域",
                "拟投入资金\n（万元）",
                "需求截止时间",
                "联系人",
                "联系电话"
            ]);
            s.row(row![
                1,
                "青岛海瑞德船舶装备有限公司",
                "黄岛区",
                "船用低速柴油机尾气脱硫装置国产化",
                "现有脱硫塔依赖进口，维护成本高，希望实现国产化，脱硫效率≥98%。",
                "高端装备制造",
                300,
                "2027.6.30",
                "刘海",
                "13706420011"
            ]);
            s.row(row![
                2,
                "青岛蓝谷生物科技有限公司",
                "即墨区",
                "海藻多糖高纯度提取工艺优化",
                "现有工艺收率低于40%，目标收率60%以上，纯度≥95%。",
                "生物",
                80,
                "长期有效",
                "陈静",
                "0532-88990011"
            ]);
            s.row(row![
                3,
                "青岛恒信精密铸造有限公司",
                "城阳区",
                "铸件内部缺陷X射线智能识别",
                "人工评片效率低，需自动识别气孔、缩松等缺陷，准确率≥95%。",
                "新一代信息技术",
                "面议",
                "2026年底",
                "马力",
                "15192001234"
            ]);
            s.blank();
            s.row(row!["填报人：", "", "", "审核人：", "", "", "报送日期："]);
        })
        .bytes();
    let out = Import::new(Kind::Needs, "企业技术需求征集表.xlsx", bytes).run();
    out.succeeded().stored(3);
    out.no_title_contains(&["填报人", "审核人"]);
    out.need("船用低速柴油机尾气脱硫装置国产化")
        .enterprise("青岛海瑞德船舶装备有限公司")
        .field("高端装备制造")
        .budget(Price::Exact(wan(300.0)))
        .deadline(2027, 6, 30)
        .description_contains("脱硫效率≥98%");
    out.need("海藻多糖高纯度提取工艺优化")
        .budget(Price::Exact(wan(80.0)))
        .no_deadline();
    out.need("铸件内部缺陷X射线智能识别")
        .budget(Price::Negotiable)
        .deadline(2026, 12, 31);
}

/// A university's list: a cover sheet, then the filling notes, the table on the third sheet.
fn university_list_with_cover_and_notes_sheets() {
    let bytes = Xlsx::new()
        .sheet("封面", |s| {
            s.blank();
            s.row(row!["山东科技大学"]);
            s.row(row!["可转化科技成果清单（第二批）"]);
            s.blank();
            s.row(row!["科学技术研究院 编"]);
            s.row(row!["二〇二六年三月"]);
        })
        .sheet("填写说明", |s| {
            s.row(row!["填写说明"]);
            s.row(row!["1. 成熟度填写：实验室阶段 / 小试 / 中试 / 产业化。"]);
            s.row(row!["2. 参考价格单位为万元；转化方式可多选，用顿号分隔。"]);
            s.row(row![
                "3. 如有疑问请联系成果转化办公室，电话 0532-86057000。"
            ]);
        })
        .sheet("成果清单", |s| {
            s.row(row![
                "序号",
                "成果名称",
                "成果完成人",
                "完成单位",
                "所属学院",
                "所属领域",
                "成熟度",
                "转化方式",
                "参考价格（万元）",
                "成果简介"
            ]);
            s.row(row![
                1,
                "矿用带式输送机托辊故障声学诊断系统",
                "王磊、刘洋",
                "山东科技大学",
                "机械电子工程学院",
                "高端装备制造",
                "中试",
                "许可、转让",
                60,
                "基于麦克风阵列采集托辊运行声音，识别轴承卡死、破损等故障，已在两座煤矿试运行。"
            ]);
            s.row(row![
                2,
                "煤矸石基地质聚合物充填材料",
                "陈晓",
                "山东科技大学",
                "土木工程与建筑学院",
                "新材料",
                "小试",
                "合作开发",
                40,
                "以煤矸石为主要原料制备充填材料，28天抗压强度≥5MPa。"
            ]);
            s.row(row![
                3,
                "海底管道悬跨自主巡检水下机器人",
                "孙海涛、李静",
                "山东科技大学",
                "海洋科学与工程学院",
                "海洋",
                "实验室阶段",
                "合作开发",
                "面议",
                "搭载侧扫声呐与视觉的自主水下机器人，实现管道悬跨自动识别。"
            ]);
            s.row(row![
                4,
                "智能矿山综采工作面三维可视化平台",
                "赵刚",
                "山东科技大学",
                "计算机科学与工程学院",
                "新一代信息技术",
                "产业化",
                "转让",
                150,
                "已在省内6个矿井应用，实现综采设备状态实时三维展示。"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "山东科技大学可转化成果清单.xlsx", bytes).run();
    out.succeeded().stored(4).says_any(&["成果清单"]);
    out.achievement("矿用带式输送机托辊故障声学诊断系统")
        .owner("山东科技大学")
        .inventors_include("王磊")
        .stage(&[Stage::Pilot])
        .modes(&[Mode::Licence, Mode::Assignment])
        .price(Price::Exact(wan(60.0)));
    out.achievement("煤矸石基地质聚合物充填材料")
        .stage(&[Stage::SmallTrial]);
    out.achievement("海底管道悬跨自主巡检水下机器人")
        .stage(&[Stage::Lab])
        .price(Price::Negotiable);
    out.achievement("智能矿山综采工作面三维可视化平台")
        .stage(&[Stage::Industrial])
        .abstract_contains("6个矿井");
}

/// 两级表头: groups (成果信息, 知识产权, 转化意向) over their columns, single columns merged
/// down both rows.
fn two_level_header_achievements() {
    let bytes = Xlsx::new()
        .sheet("Sheet1", |s| {
            s.title("烟台市重点产业链科技成果推介目录", 8);
            s.merge(1, 0, 2, 0, "序号");
            s.merge(1, 1, 1, 3, "成果信息");
            s.at(2, 1, &C::from("成果名称"));
            s.at(2, 2, &C::from("所属领域"));
            s.at(2, 3, &C::from("技术成熟度"));
            s.merge(1, 4, 2, 4, "权利人");
            s.merge(1, 5, 1, 6, "转化意向");
            s.at(2, 5, &C::from("转化方式"));
            s.at(2, 6, &C::from("意向价格（万元）"));
            s.merge(1, 7, 2, 7, "联系人");
            s.move_to(3);
            s.row(row![
                1,
                "海参养殖池底泥原位修复技术",
                "现代农业",
                "中试阶段",
                "烟台大学",
                "转让",
                45,
                "于洋"
            ]);
            s.row(row![
                2,
                "高端装备用特种密封件氟橡胶配方",
                "新材料",
                "小批量生产",
                "鲁东大学",
                "许可",
                90,
                "曲波"
            ]);
            s.row(row![
                3,
                "葡萄酒酿造过程智能发酵控制系统",
                "新一代信息技术",
                "已有样品",
                "烟台南山学院",
                "合作开发",
                "面议",
                "姜涛"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "推介目录.xlsx", bytes).run();
    out.succeeded().stored(3);
    out.achievement("海参养殖池底泥原位修复技术")
        .owner("烟台大学")
        .field("现代农业")
        .stage(&[Stage::Pilot])
        .price(Price::Exact(wan(45.0)))
        .modes(&[Mode::Assignment]);
    out.achievement("高端装备用特种密封件氟橡胶配方")
        .owner("鲁东大学")
        .price(Price::Exact(wan(90.0)))
        .modes(&[Mode::Licence]);
    out.achievement("葡萄酒酿造过程智能发酵控制系统")
        .owner("烟台南山学院")
        .price(Price::Negotiable);
}

/// An organisation written once for its rows, merged down the column.
fn merged_owner_fill_down() {
    let bytes = Xlsx::new()
        .sheet("成果", |s| {
            s.row(row![
                "完成单位",
                "成果名称",
                "所属领域",
                "TRL",
                "意向价格(万元)",
                "联系人"
            ]);
            let first = s.next_row();
            s.row(row![
                "",
                "轮胎橡胶低滚阻白炭黑分散技术",
                "新材料",
                6,
                80,
                "刘刚"
            ]);
            s.row(row![
                "",
                "氯碱废盐水资源化利用工艺",
                "节能环保",
                5,
                60,
                "刘刚"
            ]);
            s.row(row![
                "",
                "聚氨酯弹性体3D打印耗材",
                "新材料",
                4,
                "面议",
                "宋佳"
            ]);
            s.merge(first, 0, first + 2, 0, "青岛科技大学");
            let second = s.next_row();
            s.row(row![
                "",
                "页岩气压裂返排液处理装置",
                "节能环保",
                7,
                200,
                "胡斌"
            ]);
            s.row(row![
                "",
                "油田注水管道腐蚀在线监测系统",
                "高端装备制造",
                6,
                120,
                "胡斌"
            ]);
            s.merge(second, 0, second + 1, 0, "中国石油大学（华东）");
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "青岛高校成果.xlsx", bytes).run();
    out.succeeded().stored(5);
    out.achievement("轮胎橡胶低滚阻白炭黑分散技术")
        .owner("青岛科技大学");
    out.achievement("聚氨酯弹性体3D打印耗材")
        .owner("青岛科技大学")
        .trl(4..=4);
    out.achievement("页岩气压裂返排液处理装置")
        .owner("中国石油大学（华东）");
    out.achievement("油田注水管道腐蚀在线监测系统")
        .owner("中国石油大学（华东）")
        .price(Price::Exact(wan(120.0)));
}

/// Rows grouped by field with 小计 after each group, 总计 and 共6项 at the end.
fn subtotals_by_field() {
    let bytes = Xlsx::new()
        .sheet("分领域统计", |s| {
            s.title("潍坊市2026年第一批拟转化科技成果（按领域）", 6);
            s.row(row![
                "序号",
                "成果名称",
                "所属单位",
                "所属领域",
                "成熟度",
                "拟转让价格（万元）"
            ]);
            s.row(row![
                1,
                "大蒜采收一体机",
                "潍坊学院",
                "现代农业",
                "样机",
                30
            ]);
            s.row(row![
                2,
                "设施蔬菜水肥一体化控制器",
                "潍坊科技学院",
                "现代农业",
                "小批量生产",
                25
            ]);
            s.row(row!["", "小计", "", "", "", 55]);
            s.row(row![
                3,
                "柴油机后处理SCR催化剂涂覆工艺",
                "潍柴动力股份有限公司",
                "节能环保",
                "已产业化",
                500
            ]);
            s.row(row![
                4,
                "电驱动桥齿轮降噪修形技术",
                "潍坊学院",
                "新能源汽车",
                "中试阶段",
                150
            ]);
            s.row(row![
                5,
                "氢燃料电池空压机",
                "潍坊科技学院",
                "新能源汽车",
                "小试",
                "面议"
            ]);
            s.row(row!["", "小计", "", "", "", 650]);
            s.row(row![
                6,
                "声学器件MEMS封装测试方法",
                "潍坊学院",
                "新一代信息技术",
                "中试",
                80
            ]);
            s.row(row!["", "小计", "", "", "", 80]);
            s.row(row!["总计", "共6项", "", "", "", 785]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "分领域成果.xlsx", bytes).run();
    out.succeeded().stored(6);
    out.no_title_contains(&["小计", "总计", "共6项"]);
    out.achievement("柴油机后处理SCR催化剂涂覆工艺")
        .owner("潍柴动力股份有限公司")
        .stage(&[Stage::Industrial])
        .price(Price::Exact(wan(500.0)));
    out.achievement("氢燃料电池空压机")
        .stage(&[Stage::SmallTrial])
        .price(Price::Negotiable);
}

/// Two years of the same list, one sheet each; the broker names this year's.
fn sheet_option_picks_this_years_sheet() {
    let header = || {
        row![
            "成果名称",
            "完成单位",
            "所属领域",
            "技术成熟度",
            "意向价格（万元）"
        ]
    };
    let bytes = Xlsx::new()
        .sheet("2025年", |s| {
            s.row(header());
            s.row(row![
                "老旧小区管网漏损检测技术",
                "山东建筑大学",
                "节能环保",
                6,
                40
            ]);
            s.row(row!["果园除草机器人", "山东农业大学", "现代农业", 5, 30]);
        })
        .sheet("2026年", |s| {
            s.row(header());
            s.row(row!["钠离子电池硬碳负极材料", "济南大学", "新能源", 5, 200]);
            s.row(row![
                "桥梁拉索磁致伸缩无损检测仪",
                "山东交通学院",
                "高端装备制造",
                7,
                85
            ]);
            s.row(row![
                "中药配方颗粒指纹图谱质控方法",
                "山东中医药大学",
                "医养健康",
                6,
                "面议"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "成果汇总（2025-2026）.xlsx", bytes)
        .arg("--sheet")
        .arg("2026年")
        .run();
    out.succeeded().stored(3);
    out.achievement("钠离子电池硬碳负极材料")
        .owner("济南大学")
        .price(Price::Exact(wan(200.0)));
    out.achievement("中药配方颗粒指纹图谱质控方法")
        .field("医养健康");
}

/// A form whose notes above the header read like a header ("成果名称、完成单位为必填项"); the
/// broker says where the header is.
fn header_row_option_on_a_form_with_notes() {
    let bytes = Xlsx::new()
        .sheet("Sheet1", |s| {
            s.title("日照市科技成果信息采集表", 6);
            s.row(row![
                "说明：",
                "成果名称、完成单位、所属领域为必填项",
                "",
                "成熟度填1-9",
                "价格单位：万元"
            ]);
            s.row(row!["", "（本表可续行）", "", "", ""]);
            s.row(row![
                "成果名称",
                "完成单位",
                "所属领域",
                "成熟度",
                "价格（万元）",
                "备注"
            ]);
            s.row(row![
                "海水淡化浓盐水提溴工艺",
                "曲阜师范大学",
                "海洋",
                5,
                70,
                ""
            ]);
            s.row(row![
                "港口集装箱智能理货系统",
                "日照职业技术学院",
                "新一代信息技术",
                8,
                45,
                "已在日照港应用"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "信息采集表.xlsx", bytes)
        .arg("--header-row")
        .arg("4")
        .run();
    out.succeeded().stored(2);
    out.achievement("海水淡化浓盐水提溴工艺")
        .owner("曲阜师范大学")
        .trl(5..=5)
        .price(Price::Exact(wan(70.0)));
    out.achievement("港口集装箱智能理货系统").trl(8..=8);
}

// --- Column names as others write them -----------------------------------------------------------

/// The national achievement registration system's export, saved by Chinese Excel as CSV (GBK).
fn national_registration_export_gbk_csv() {
    let text = build::csv(&[
        vec![
            "成果登记号",
            "成果名称",
            "第一完成单位",
            "第一完成人",
            "其他完成人",
            "高新技术领域",
            "成果类型",
            "所处阶段",
            "成果水平",
            "登记日期",
            "成果简介",
        ],
        vec![
            "9372026Y0123",
            "大跨度钢结构桥梁健康监测与预警系统",
            "山东建筑大学",
            "周建",
            "吴峰;郑丽",
            "先进制造与自动化",
            "应用技术",
            "中期阶段",
            "国内领先",
            "2026-01-15",
            "基于光纤光栅传感网络实现桥梁应力、挠度实时监测与分级预警。",
        ],
        vec![
            "9372026Y0456",
            "餐厨垃圾厌氧发酵制备生物天然气技术",
            "山东省科学院能源研究所",
            "孙伟",
            "",
            "资源与环境",
            "应用技术",
            "成熟应用阶段",
            "国际先进",
            "2026-02-03",
            "日处理餐厨垃圾200吨，沼气甲烷含量提纯至97%以上。",
        ],
        vec![
            "9372026Y0789",
            "急性心肌梗死早期诊断试剂盒",
            "青岛大学",
            "李娜",
            "王强",
            "生物与新医药",
            "应用技术",
            "初期阶段",
            "国内先进",
            "2026-02-20",
            "检测心肌肌钙蛋白，灵敏度较现有方法提高3倍。",
        ],
    ]);
    let out = Import::new(
        Kind::Achievements,
        "成果登记导出.csv",
        build::gbk(&build::crlf(&text)),
    )
    .run();
    out.succeeded().stored(3).no_replacement_characters();
    out.achievement("大跨度钢结构桥梁健康监测与预警系统")
        .owner("山东建筑大学")
        .owner_kind(ClientKind::University)
        .inventors_include("周建")
        .registration_no("9372026Y0123")
        .field_given()
        .trl(4..=7)
        .stage(&[Stage::SmallTrial, Stage::Pilot]);
    out.achievement("餐厨垃圾厌氧发酵制备生物天然气技术")
        .owner_kind(ClientKind::Institute)
        .registration_no("9372026Y0456")
        .trl(7..=9)
        .stage(&[Stage::Industrial]);
    out.achievement("急性心肌梗死早期诊断试剂盒")
        .trl(1..=4)
        .stage(&[Stage::Lab, Stage::SmallTrial])
        .abstract_contains("肌钙蛋白");
}

/// A trading platform's "导出Excel": an HTML table in gb2312 named .xls, the price with its unit
/// in the cell, and platform columns (项目编号, 挂牌日期, 浏览量) a broker does not need.
fn trading_platform_listing_html_gb2312_xls() {
    let rows = build::html_rows(
        &[
            vec![
                "项目编号",
                "成果名称",
                "持有人",
                "所属行业",
                "技术成熟度",
                "交易方式",
                "挂牌价",
                "挂牌日期",
                "浏览量",
            ],
            vec![
                "GP2026-0312",
                "高强韧铝合金轮毂低压铸造工艺",
                "烟台大学",
                "新材料",
                "小批量生产",
                "转让",
                "50万元",
                "2026-03-01",
                "128",
            ],
            vec![
                "GP2026-0318",
                "农业无人机变量喷施控制系统",
                "山东农业大学",
                "现代农业",
                "已有样品",
                "许可",
                "面议",
                "2026-03-05",
                "86",
            ],
            vec![
                "GP2026-0325",
                "海洋牧场智能化养殖平台成套技术",
                "中国海洋大学",
                "海洋",
                "中试阶段",
                "作价入股",
                "1.2亿",
                "2026-03-09",
                "240",
            ],
        ],
        true,
    );
    let page = build::excel_html_page("gb2312", &rows);
    let out = Import::new(Kind::Achievements, "挂牌成果导出.xls", build::gbk(&page)).run();
    out.succeeded().stored(3).no_replacement_characters();
    out.achievement("高强韧铝合金轮毂低压铸造工艺")
        .owner("烟台大学")
        .price(Price::Exact(wan(50.0)))
        .modes(&[Mode::Assignment])
        .trl(6..=8)
        .stage(&[Stage::Pilot, Stage::Industrial]);
    out.achievement("农业无人机变量喷施控制系统")
        .price(Price::Negotiable)
        .modes(&[Mode::Licence])
        .trl(4..=7);
    out.achievement("海洋牧场智能化养殖平台成套技术")
        .price(Price::Exact(yi(1.2)))
        .modes(&[Mode::Equity])
        .stage(&[Stage::Pilot]);
}

/// A web platform's table in UTF-8 saved as .xlsx, the holder written once with rowspan.
fn platform_html_rowspan_saved_as_xlsx() {
    let th = |cells: &[&str]| {
        format!(
            "<tr>{}</tr>\r\n",
            cells
                .iter()
                .map(|c| format!("<th>{c}</th>"))
                .collect::<String>()
        )
    };
    let td = |cells: &[&str]| {
        cells
            .iter()
            .map(|c| format!("<td>{c}</td>"))
            .collect::<String>()
    };
    let mut rows = th(&[
        "成果名称",
        "持有人",
        "所属行业",
        "成熟度",
        "交易方式",
        "交易价格",
    ]);
    rows.push_str(&format!(
        "<tr>{}<td rowspan=\"2\">哈尔滨工业大学（威海）</td>{}</tr>\r\n",
        td(&["船舶焊接机器人离线编程系统"]),
        td(&["高端装备制造", "中试", "许可", "60万"])
    ));
    rows.push_str(&format!(
        "<tr>{}</tr>\r\n",
        td(&[
            "海水源热泵换热器防垢技术",
            "节能环保",
            "小试",
            "转让",
            "25万"
        ])
    ));
    rows.push_str(&format!(
        "<tr>{}</tr>\r\n",
        td(&[
            "渔船北斗定位终端",
            "威海北洋电气集团股份有限公司",
            "新一代信息技术",
            "已产业化",
            "转让",
            "面议"
        ])
    ));
    let page = build::excel_html_page("utf-8", &rows);
    let out = Import::new(Kind::Achievements, "成果列表.xlsx", page.into_bytes()).run();
    out.succeeded().stored(3);
    out.achievement("船舶焊接机器人离线编程系统")
        .owner("哈尔滨工业大学（威海）")
        .price(Price::Exact(wan(60.0)));
    out.achievement("海水源热泵换热器防垢技术")
        .owner("哈尔滨工业大学（威海）")
        .stage(&[Stage::SmallTrial])
        .price(Price::Exact(wan(25.0)));
    out.achievement("渔船北斗定位终端")
        .owner("威海北洋电气集团股份有限公司")
        .price(Price::Negotiable);
}

/// 问卷星's "按文本下载" CSV: its own columns first (序号, 提交答卷时间, 所用时间, 来源, 来源详情,
/// 来自IP), then the numbered questions.
fn wenjuanxing_need_survey_csv() {
    let text = build::csv(&[
        vec![
            "序号",
            "提交答卷时间",
            "所用时间",
            "来源",
            "来源详情",
            "来自IP",
            "1、企业名称",
            "2、所在地区",
            "3、需求名称",
            "4、需求所属技术领域",
            "5、需求描述（请说明要解决的问题和期望指标）",
            "6、预计投入资金",
            "7、希望的合作方式",
            "8、联系人",
            "9、联系电话",
        ],
        vec![
            "1",
            "2026/3/12 9:15:32",
            "185秒",
            "微信",
            "N/A",
            "112.224.3.17(山东-济南)",
            "济南科润新材料有限公司",
            "山东省-济南市-章丘区",
            "生物基酚醛树脂低游离醛改性",
            "新材料",
            "现产品游离甲醛含量0.5%，需降到0.1%以下，并保持固化速度。",
            "50-100万",
            "合作开发",
            "赵强",
            "13805311234",
        ],
        vec![
            "2",
            "2026/3/12 10:02:07",
            "243秒",
            "手机提交",
            "直接访问",
            "223.98.40.122(山东-淄博)",
            "淄博华拓陶瓷有限公司",
            "山东省-淄博市-张店区",
            "陶瓷辊道窑余热回收利用",
            "节能环保",
            "窑炉排烟温度约280℃，希望回收余热用于坯体干燥，综合节能15%以上。",
            "100万以内",
            "技术转让",
            "孙丽",
            "0533-2181234",
        ],
        vec![
            "3",
            "2026/3/13 16:40:51",
            "97秒",
            "微信",
            "N/A",
            "39.88.112.9(山东-潍坊)",
            "潍坊智耕农机装备有限公司",
            "山东省-潍坊市-寒亭区",
            "丘陵山地小型收获机自动导航",
            "高端装备制造",
            "需要在坡度15°以内的地块实现直线行驶偏差小于5厘米。",
            "面议",
            "委托开发",
            "王涛",
            "18653612345",
        ],
    ]);
    let out = Import::new(
        Kind::Needs,
        "企业技术需求调查_按文本.csv",
        build::with_bom(&build::crlf(&text)),
    )
    .run();
    out.succeeded().stored(3);
    out.nowhere(&["112.224.3.17", "223.98.40.122", "185秒"]);
    out.need("生物基酚醛树脂低游离醛改性")
        .enterprise("济南科润新材料有限公司")
        .field("新材料")
        .budget(Price::Between(wan(50.0), wan(100.0)))
        .description_contains("0.1%以下");
    out.need("陶瓷辊道窑余热回收利用")
        .enterprise("淄博华拓陶瓷有限公司")
        .budget(Price::UpTo(wan(100.0)));
    out.need("丘陵山地小型收获机自动导航")
        .budget(Price::Negotiable);
}

/// 腾讯问卷's Excel export: 编号, answer times, IP and place, then "Q1. …" questions.
fn tencent_survey_need_xlsx() {
    let bytes = Xlsx::new()
        .sheet("答卷数据", |s| {
            s.row(row![
                "编号",
                "开始答题时间",
                "结束答题时间",
                "答题时长",
                "IP",
                "地理位置",
                "Q1. 企业名称",
                "Q2. 统一社会信用代码",
                "Q3. 需求名称",
                "Q4. 需求详细描述",
                "Q5. 需求领域",
                "Q6. 预算",
                "Q7. 期望完成时间"
            ]);
            s.row(row![
                1,
                "2026-03-20 14:02:11",
                "2026-03-20 14:09:45",
                "7分34秒",
                "223.104.170.5",
                "山东省临沂市",
                "临沂鲁兴木业有限公司",
                "",
                "人造板甲醛释放量快速检测",
                "现用干燥器法检测需24小时，希望2小时内出结果，与国标方法偏差小于10%。",
                "节能环保",
                "200万左右",
                "2027年6月"
            ]);
            s.row(row![
                2,
                "2026-03-21 08:30:00",
                "2026-03-21 08:41:27",
                "11分27秒",
                "120.221.54.18",
                "山东省东营市",
                "东营华泰石化装备有限公司",
                "",
                "高含硫原油储罐腐蚀监测与防护",
                "储罐底板腐蚀严重，需在线监测腐蚀速率并给出防护方案。",
                "高端装备制造",
                "500万以上",
                "不限"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Needs, "腾讯问卷_技术需求摸底.xlsx", bytes).run();
    out.succeeded().stored(2);
    out.nowhere(&["223.104.170.5", "120.221.54.18", "7分34秒"]);
    out.need("人造板甲醛释放量快速检测")
        .enterprise("临沂鲁兴木业有限公司")
        .budget(Price::Around(wan(200.0)))
        .deadline(2027, 6, 30);
    out.need("高含硫原油储罐腐蚀监测与防护")
        .enterprise("东营华泰石化装备有限公司")
        .budget(Price::AtLeast(wan(500.0)))
        .no_deadline();
}

/// The registration office's ledger of registered contracts: 合同编号, 卖方/买方, registry
/// subtypes, amounts in 万元, dates typed as dates, a 合计 row.
fn contract_registration_ledger_xlsx() {
    let bytes = Xlsx::new()
        .sheet("登记台账", |s| {
            s.title("2026年第一季度技术合同认定登记台账", 10);
            s.row(row![
                "序号",
                "合同编号",
                "合同名称",
                "卖方",
                "买方",
                "合同类型",
                "合同金额\n（万元）",
                "技术交易额\n（万元）",
                "签订日期",
                "登记日期"
            ]);
            s.row(row![
                1,
                "2026370101000123",
                "高温合金叶片精密铸造工艺开发",
                "山东大学",
                "山东华翔航空部件有限公司",
                "技术开发（委托）",
                280,
                260,
                date(2026, 1, 8),
                date(2026, 1, 20)
            ]);
            s.row(row![
                2,
                "2026370102000045",
                "锂电池隔膜涂覆方法专利权转让",
                "青岛科技大学",
                "青岛恒能新能源材料有限公司",
                "技术转让（专利权）",
                150,
                150,
                date(2026, 2, 11),
                date(2026, 2, 25)
            ]);
            s.row(row![
                3,
                "2026370103000078",
                "配电网故障定位算法专利实施许可",
                "山东理工大学",
                "淄博卓越电气有限公司",
                "技术许可（专利实施许可）",
                45.5,
                45.5,
                date(2026, 3, 2),
                date(2026, 3, 16)
            ]);
            s.row(row![
                4,
                "2026370104000011",
                "企业技术需求对接中介服务",
                "济南技术转移中心有限公司",
                "山东鲁信机械制造有限公司",
                "技术服务（技术中介）",
                8,
                8,
                date(2026, 3, 18),
                date(2026, 3, 28)
            ]);
            s.row(row!["合计", "", "", "", "", "", 483.5, 463.5, "", ""]);
        })
        .bytes();
    let out = Import::new(Kind::Deals, "技术合同登记台账.xlsx", bytes).run();
    out.succeeded().stored(4);
    out.no_title_contains(&["合计"]);
    out.deal("高温合金叶片精密铸造工艺开发")
        .seller("山东大学")
        .buyer("山东华翔航空部件有限公司")
        .contract_type(ContractType::Development)
        .contract_no("2026370101000123")
        .amount(wan(280.0))
        .tech_amount(wan(260.0))
        .signed(2026, 1, 8)
        .stage(&[DealStage::Registered]);
    registered_on(&out, "高温合金叶片精密铸造工艺开发", 2026, 1, 20);
    subtype_has(&out, "高温合金叶片精密铸造工艺开发", "委托");
    out.deal("锂电池隔膜涂覆方法专利权转让")
        .contract_type(ContractType::Transfer);
    subtype_has(&out, "锂电池隔膜涂覆方法专利权转让", "专利权");
    out.deal("配电网故障定位算法专利实施许可")
        .contract_type(ContractType::Licence)
        .amount(wan(45.5));
    subtype_has(&out, "配电网故障定位算法专利实施许可", "专利实施许可");
    out.deal("企业技术需求对接中介服务")
        .contract_type(ContractType::Service);
    subtype_has(&out, "企业技术需求对接中介服务", "技术中介");
}

/// A county's contract list in GBK CSV with its own words (合同登记编号, 项目名称, 技术卖方,
/// 技术买方, 合同类别, 成交金额（元）) and amounts in yuan with thousands separators.
fn county_contract_list_gbk_csv_amounts_in_yuan() {
    let text = build::csv(&[
        vec![
            "序号",
            "合同登记编号",
            "项目名称",
            "技术卖方",
            "技术买方",
            "合同类别",
            "成交金额（元）",
            "其中技术交易额（元）",
            "签订日期",
        ],
        vec![
            "1",
            "2026371302000019",
            "板材企业生产线节能诊断咨询",
            "临沂大学",
            "临沂鲁兴木业有限公司",
            "技术咨询",
            "120,000.00",
            "120,000.00",
            "2026/3/15",
        ],
        vec![
            "2",
            "2026371302000027",
            "数控机床操作技术培训",
            "山东临工工程机械技术服务有限公司",
            "临沂金盛机械有限公司",
            "技术服务（技术培训）",
            "85,000.00",
            "60,000.00",
            "2026/3/22",
        ],
        vec![
            "3",
            "2026371302000031",
            "花生收获机清选装置联合研制",
            "青岛农业大学",
            "临沂五征农装有限公司",
            "技术开发（合作）",
            "1,200,000.00",
            "1,150,000.00",
            "2026/3/28",
        ],
    ]);
    let out = Import::new(
        Kind::Deals,
        "技术合同统计.csv",
        build::gbk(&build::crlf(&text)),
    )
    .run();
    out.succeeded().stored(3).no_replacement_characters();
    out.deal("板材企业生产线节能诊断咨询")
        .seller("临沂大学")
        .buyer("临沂鲁兴木业有限公司")
        .contract_type(ContractType::Consulting)
        .amount(yuan(120_000.0))
        .signed(2026, 3, 15)
        .stage(&[DealStage::Signed, DealStage::Registered]);
    out.deal("数控机床操作技术培训")
        .contract_type(ContractType::Service)
        .amount(yuan(85_000.0))
        .tech_amount(yuan(60_000.0));
    subtype_has(&out, "数控机床操作技术培训", "技术培训");
    out.deal("花生收获机清选装置联合研制")
        .contract_type(ContractType::Development)
        .amount(yuan(1_200_000.0))
        .tech_amount(yuan(1_150_000.0))
        .contract_no("2026371302000031");
    subtype_has(&out, "花生收获机清选装置联合研制", "合作");
}

/// A CRM's client list (GBK CSV): credit codes with spaces, full-width or in lower case, phones
/// with extensions, two numbers in a cell, a country prefix.
fn crm_client_list_messy_phones_and_codes() {
    let code1 = build::credit_code("91370100MA3C4Q8R0");
    let code2 = build::credit_code("91370600MA3N7K2P1");
    let code3 = build::credit_code("12371000MB2851476");
    let spaced = format!(
        "{} {} {} {}",
        &code1[..4],
        &code1[4..8],
        &code1[8..14],
        &code1[14..]
    );
    let text = build::csv(&[
        vec![
            "客户编号",
            "客户名称",
            "客户类型",
            "统一社会信用代码",
            "省份",
            "城市",
            "区县",
            "所属行业",
            "联系人",
            "联系电话",
            "电子邮箱",
            "负责人",
            "创建时间",
        ],
        vec![
            "KH0001",
            "山东瑞丰精密机械有限公司",
            "企业",
            &spaced,
            "山东省",
            "济南市",
            "历城区",
            "通用设备制造业",
            "高峰",
            "0531-88776655转806",
            "gaofeng@ruifeng-jx.cn",
            "李经理",
            "2025-11-03 10:12",
        ],
        vec![
            "KH0002",
            "烟台海纳生物技术有限公司",
            "企业",
            &build::full_width(&code2),
            "山东省",
            "烟台市",
            "莱山区",
            "医药制造业",
            "林晓",
            "13812345678/13987654321",
            "linx@hainabio.com",
            "李经理",
            "2025-12-19 15:40",
        ],
        vec![
            "KH0003",
            "威海海洋工程研究院",
            "科研院所",
            &code3.to_lowercase(),
            "山东省",
            "威海市",
            "环翠区",
            "研究和试验发展",
            "曲明",
            "+86 139 6310 2233",
            "",
            "王经理",
            "2026-01-08 09:00",
        ],
        vec![
            "KH0004",
            "临沂市兰山区农业技术推广站",
            "其他",
            "",
            "山东省",
            "临沂市",
            "兰山区",
            "农业",
            "韩梅",
            "0539-8123456，0539-8123457",
            "",
            "王经理",
            "2026-02-27 11:26",
        ],
    ]);
    let out = Import::new(
        Kind::Clients,
        "客户列表导出.csv",
        build::gbk(&build::crlf(&text)),
    )
    .run();
    out.succeeded().stored(4).no_replacement_characters();
    out.client("山东瑞丰精密机械有限公司")
        .kind(ClientKind::Enterprise)
        .credit_code(&code1)
        .region("山东省", "济南市", "历城区")
        .industry("通用设备制造业")
        .contact("高峰")
        .phones_keep(&["0531-88776655转806"])
        .email("gaofeng@ruifeng-jx.cn");
    out.client("烟台海纳生物技术有限公司")
        .credit_code(&code2)
        .phones_keep(&["13812345678", "13987654321"]);
    out.client("威海海洋工程研究院")
        .kind(ClientKind::Institute)
        .credit_code(&code3)
        .phones_keep(&["13963102233"]);
    out.client("临沂市兰山区农业技术推广站")
        .phones_keep(&["0539-8123456", "0539-8123457"]);
}

/// A high-tech zone's roster of enterprises: title row, phones typed as numbers, a date column.
fn high_tech_zone_roster_number_cells() {
    let bytes = Xlsx::new()
        .sheet("企业名录", |s| {
            s.title("济南高新区重点培育企业名录（2026年）", 8);
            s.row(row![
                "序号",
                "企业名称",
                "统一社会信用代码",
                "所在区县",
                "主营行业",
                "联系人",
                "手机号码",
                "电子邮箱",
                "成立日期"
            ]);
            s.row(row![
                1,
                "济南云图智能科技有限公司",
                build::credit_code("91370100MA94W3L6X"),
                "历下区",
                "软件和信息技术服务业",
                "周凯",
                13853112345i64,
                "zhoukai@yuntu-ai.cn",
                date(2019, 5, 16)
            ]);
            s.row(row![
                2,
                "山东泉城新能源装备有限公司",
                build::credit_code("91370100MA3R8D5T2"),
                "章丘区",
                "电气机械和器材制造业",
                "吴芳",
                15966601234i64,
                "wufang@qcxny.com",
                date(2016, 9, 1)
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Clients, "重点企业名录.xlsx", bytes).run();
    out.succeeded().stored(2);
    out.client("济南云图智能科技有限公司")
        .kind(ClientKind::Enterprise)
        .industry("软件和信息技术服务业")
        .contact("周凯")
        .phone("13853112345")
        .email("zhoukai@yuntu-ai.cn");
    out.client("山东泉城新能源装备有限公司")
        .phone("15966601234");
}

/// 单位性质 as people write it: 高等院校, 科研院所, 民营企业, 国有企业, 投资机构.
fn client_kinds_in_words() {
    let text = build::csv(&[
        vec!["单位名称", "单位性质", "所在城市", "联系人", "电话"],
        vec!["曲阜师范大学", "高等院校", "济宁市", "孔伟", "0537-4456789"],
        vec![
            "山东省海洋科学研究院",
            "科研院所",
            "青岛市",
            "于波",
            "0532-82871234",
        ],
        vec![
            "济宁华越机电有限公司",
            "民营企业",
            "济宁市",
            "刘洋",
            "13905371111",
        ],
        vec![
            "兖矿能源集团股份有限公司",
            "国有企业",
            "济宁市",
            "张磊",
            "0537-5381234",
        ],
        vec![
            "山东鲁创科技投资有限公司",
            "投资机构",
            "济南市",
            "宋洁",
            "0531-86561234",
        ],
    ]);
    let out = Import::new(Kind::Clients, "合作单位.csv", build::with_bom(&text)).run();
    out.succeeded().stored(5);
    out.client("曲阜师范大学").kind(ClientKind::University);
    out.client("山东省海洋科学研究院")
        .kind(ClientKind::Institute);
    out.client("济宁华越机电有限公司")
        .kind(ClientKind::Enterprise);
    out.client("兖矿能源集团股份有限公司")
        .kind(ClientKind::Enterprise);
    out.client("山东鲁创科技投资有限公司")
        .kind(ClientKind::Other);
}

// --- Values as people write them -----------------------------------------------------------------

/// Title, owner, maturity as written, the TRL range the words mean, and the stages they allow.
type MaturityRow = (
    &'static str,
    &'static str,
    &'static str,
    std::ops::RangeInclusive<u8>,
    &'static [Stage],
);

/// A county bureau's list with maturity in words only, and one price typed in full-width digits.
fn maturity_in_words() {
    let rows: [MaturityRow; 8] = [
        (
            "黄河滩区土壤重金属钝化剂",
            "聊城大学",
            "实验室阶段",
            1..=4,
            &[Stage::Lab],
        ),
        (
            "棉花采摘残膜回收装置",
            "山东棉花研究中心",
            "通过小试",
            3..=5,
            &[Stage::SmallTrial],
        ),
        (
            "阿胶质量快速鉴别方法",
            "山东中医药大学",
            "中试阶段",
            5..=7,
            &[Stage::Pilot],
        ),
        (
            "轴承套圈自动上下料机械手",
            "聊城职业技术学院",
            "样机",
            4..=7,
            &[Stage::SmallTrial, Stage::Pilot],
        ),
        (
            "钢结构防火涂料水性化配方",
            "聊城大学",
            "小批量生产",
            6..=8,
            &[Stage::Pilot, Stage::Industrial],
        ),
        (
            "秸秆饲料青贮菌剂",
            "山东省农业科学院",
            "可以量产",
            7..=9,
            &[Stage::Industrial],
        ),
        (
            "轮胎帘子布浸胶节能烘干工艺",
            "聊城大学",
            "已产业化",
            8..=9,
            &[Stage::Industrial],
        ),
        (
            "基于大模型的农技问答系统",
            "聊城大学",
            "正在研发",
            1..=4,
            &[Stage::Lab],
        ),
    ];
    let bytes = Xlsx::new()
        .sheet("成果库", |s| {
            s.row(row![
                "成果名称",
                "完成单位",
                "技术领域",
                "所处阶段",
                "合作方式",
                "转让价格（万元）"
            ]);
            for (i, (title, owner, words, _, _)) in rows.iter().enumerate() {
                let price = if i == 2 {
                    C::from(build::full_width("120"))
                } else {
                    C::from("面议")
                };
                s.row(vec![
                    C::from(*title),
                    C::from(*owner),
                    C::from("现代农业"),
                    C::from(*words),
                    C::from("转让"),
                    price,
                ]);
            }
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "聊城市成果库.xlsx", bytes).run();
    out.succeeded().stored(8);
    for (title, _, _, trl, stages) in &rows {
        out.achievement(title).trl(trl.clone()).stage(stages);
    }
    out.achievement("阿胶质量快速鉴别方法")
        .price(Price::Exact(wan(120.0)));
}

/// A web tool's CSV (UTF-8, no BOM) where the price cell carries its unit: 120万, 80万元, 1.2亿,
/// ¥50万, 3,000元, and the words for "ask us".
fn prices_written_in_cells() {
    let text = build::csv(&[
        vec!["成果名称", "权利人", "领域", "成熟度", "转让方式", "价格"],
        vec![
            "纳米纤维素增强包装纸",
            "齐鲁工业大学",
            "新材料",
            "中试",
            "转让",
            "120万",
        ],
        vec![
            "蓝莓组培快繁技术",
            "鲁东大学",
            "现代农业",
            "已产业化",
            "许可",
            "80万元",
        ],
        vec![
            "百万千瓦核电汽轮机叶片再制造",
            "山东电力研究院",
            "高端装备制造",
            "中试",
            "合作开发",
            "1.2亿",
        ],
        vec![
            "光伏组件清扫机器人",
            "山东建筑大学",
            "新能源",
            "样机",
            "转让",
            "¥50万",
        ],
        vec![
            "小麦赤霉病早期识别APP",
            "山东农业大学",
            "现代农业",
            "已产业化",
            "许可",
            "3,000元",
        ],
        vec![
            "锂电池正极废料湿法回收",
            "山东理工大学",
            "节能环保",
            "小试",
            "转让",
            "电议",
        ],
        vec![
            "风电塔筒焊缝相控阵检测",
            "山东大学",
            "高端装备制造",
            "中试",
            "许可",
            "价格面议",
        ],
        vec![
            "盐碱地菌肥",
            "山东省农业科学院",
            "现代农业",
            "小批量生产",
            "转让",
            "协商",
        ],
    ]);
    let out = Import::new(Kind::Achievements, "供给成果.csv", text.into_bytes()).run();
    out.succeeded().stored(8);
    out.achievement("纳米纤维素增强包装纸")
        .price(Price::Exact(wan(120.0)));
    out.achievement("蓝莓组培快繁技术")
        .price(Price::Exact(wan(80.0)));
    out.achievement("百万千瓦核电汽轮机叶片再制造")
        .price(Price::Exact(yi(1.2)));
    out.achievement("光伏组件清扫机器人")
        .price(Price::Exact(wan(50.0)));
    out.achievement("小麦赤霉病早期识别APP")
        .price(Price::Exact(yuan(3000.0)));
    out.achievement("锂电池正极废料湿法回收")
        .price(Price::Negotiable);
    out.achievement("风电塔筒焊缝相控阵检测")
        .price(Price::Negotiable);
    out.achievement("盐碱地菌肥").price(Price::Negotiable);
}

/// A development zone's need ledger with budgets as ranges, caps and floors.
fn need_budgets_as_ranges_and_caps() {
    let rows = [
        (
            "东营石大胜华新材料有限公司",
            "电解液添加剂连续化合成",
            "50-100万",
            Price::Between(wan(50.0), wan(100.0)),
        ),
        (
            "东营海科新源化工有限责任公司",
            "碳酸酯副产物提纯",
            "100万以内",
            Price::UpTo(wan(100.0)),
        ),
        (
            "东营正和石化有限公司",
            "炼厂VOCs治理",
            "不超过200万",
            Price::UpTo(wan(200.0)),
        ),
        (
            "东营利华益新材料有限公司",
            "聚碳酸酯光学级改性",
            "200万左右",
            Price::Around(wan(200.0)),
        ),
        (
            "东营华科智能装备有限公司",
            "抽油机远程智能诊断",
            "500万以上",
            Price::AtLeast(wan(500.0)),
        ),
        (
            "东营黄河口生态农业有限公司",
            "盐碱地水稻节水灌溉",
            "待定",
            Price::Negotiable,
        ),
    ];
    let bytes = Xlsx::new()
        .sheet("需求台账", |s| {
            s.title("东营经济技术开发区企业技术需求台账", 6);
            s.row(row![
                "企业名称",
                "技术需求名称",
                "需求简述",
                "技术领域",
                "预算",
                "完成时限"
            ]);
            for (enterprise, title, budget, _) in &rows {
                s.row(row![
                    *enterprise,
                    *title,
                    format!("{title}，寻求高校院所合作。"),
                    "新材料",
                    *budget,
                    date(2027, 12, 31)
                ]);
            }
        })
        .bytes();
    let out = Import::new(Kind::Needs, "需求台账.xlsx", bytes).run();
    out.succeeded().stored(6);
    for (enterprise, title, _, want) in &rows {
        out.need(title)
            .enterprise(enterprise)
            .budget(*want)
            .deadline(2027, 12, 31);
    }
}

/// A county's need list in GBK CSV with deadlines written every way a form gets filled in.
fn need_deadlines_as_written() {
    let rows = [
        (
            "寿光蔬菜种业集团有限公司",
            "番茄抗病毒病品种选育",
            "2027.6.30",
            Some((2027, 6, 30)),
        ),
        (
            "寿光恒远新能源有限公司",
            "大棚光伏一体化支架",
            "20270630",
            Some((2027, 6, 30)),
        ),
        (
            "寿光金玉米开发有限公司",
            "玉米淀粉废水资源化",
            "2027年6月",
            Some((2027, 6, 30)),
        ),
        (
            "寿光晨鸣纸业配套有限公司",
            "造纸白泥综合利用",
            "2026年底",
            Some((2026, 12, 31)),
        ),
        ("寿光鲁丽钢铁配套有限公司", "高炉煤气精脱硫", "长期", None),
        (
            "寿光农圣网络科技有限公司",
            "农产品溯源区块链平台",
            "不限",
            None,
        ),
        (
            "寿光卫东化工有限公司",
            "溴素生产尾气回收",
            "2027/3/31",
            Some((2027, 3, 31)),
        ),
    ];
    let mut table = vec![vec![
        "企业名称".to_owned(),
        "需求名称".to_owned(),
        "主要内容".to_owned(),
        "所属领域".to_owned(),
        "拟投入资金（万元）".to_owned(),
        "截止日期".to_owned(),
    ]];
    for (enterprise, title, deadline, _) in &rows {
        table.push(vec![
            (*enterprise).to_owned(),
            (*title).to_owned(),
            format!("{title}相关技术攻关。"),
            "现代农业".to_owned(),
            "30".to_owned(),
            (*deadline).to_owned(),
        ]);
    }
    let out = Import::new(
        Kind::Needs,
        "寿光需求.csv",
        build::gbk(&build::crlf(&build::csv(&table))),
    )
    .run();
    out.succeeded().stored(7).no_replacement_characters();
    for (_, title, _, want) in &rows {
        let need = out.need(title);
        need.budget(Price::Exact(wan(30.0)));
        match want {
            Some((y, m, d)) => {
                need.deadline(*y, *m, *d);
            }
            None => {
                need.no_deadline();
            }
        }
    }
}

/// Seven keywords in one cell, separated by ；: all kept, or five kept with a warning; never
/// the listing refused.
fn keywords_more_than_five() {
    let text = build::csv(&[
        vec![
            "成果名称",
            "完成单位",
            "所属领域",
            "技术成熟度",
            "关键词",
            "意向价格（万元）",
        ],
        vec![
            "全固态锂电池硫化物电解质界面改性",
            "中国科学院青岛生物能源与过程研究所",
            "新能源",
            "4",
            "固态电池；硫化物电解质；界面改性；锂金属负极；高能量密度；快充；安全性",
            "300",
        ],
        vec![
            "钙钛矿叠层太阳能电池封装",
            "青岛大学",
            "新能源",
            "5",
            "钙钛矿,叠层电池,封装,水氧阻隔,稳定性,柔性组件",
            "面议",
        ],
    ]);
    let out = Import::new(Kind::Achievements, "新能源成果.csv", build::with_bom(&text)).run();
    out.succeeded().stored(2);
    for (title, written) in [
        ("全固态锂电池硫化物电解质界面改性", 7),
        ("钙钛矿叠层太阳能电池封装", 6),
    ] {
        let got = out.achievement(title).rec.keywords.len();
        if got == written {
            continue;
        }
        if got != 5 {
            out.fail(format!("{title}: {written} keywords written, {got} kept"));
        }
        out.says_any(&["关键词"]);
    }
    out.achievement("全固态锂电池硫化物电解质界面改性")
        .owner_kind(ClientKind::Institute);
}

/// A need list with a 是否保密 column.
fn confidential_needs_column() {
    let text = build::csv(&[
        vec![
            "企业名称",
            "需求名称",
            "需求描述",
            "所属领域",
            "预算（万元）",
            "是否保密",
        ],
        vec![
            "泰安泰山钢构有限公司",
            "重型H型钢焊接变形控制",
            "焊后变形超过3mm/m，需控制在1mm/m以内。",
            "高端装备制造",
            "60",
            "是",
        ],
        vec![
            "泰安岱岳食品有限公司",
            "速冻水饺冰晶控制",
            "解冻后破皮率高，需降到2%以下。",
            "生物",
            "20",
            "否",
        ],
    ]);
    let out = Import::new(
        Kind::Needs,
        "需求（含保密）.csv",
        build::with_bom(&build::crlf(&text)),
    )
    .run();
    out.succeeded().stored(2);
    out.need("重型H型钢焊接变形控制")
        .enterprise("泰安泰山钢构有限公司")
        .confidential(true);
    out.need("速冻水饺冰晶控制").confidential(false);
}

/// WPS saves GBK CSV with a run of empty columns on every line and blank lines where rows were
/// deleted.
fn wps_gbk_csv_with_empty_columns() {
    let text = "企业名称,需求名称,需求描述,所属领域,预算（万元）,截止日期,,,,,,\r\n\
                滨州魏桥铝深加工有限公司,铝灰渣无害化处理,铝灰渣含氮化铝需无害化并回收氧化铝。,节能环保,150,2027-06-30,,,,,,\r\n\
                ,,,,,,,,,,,\r\n\
                滨州华纺印染有限公司,印染废水脱色,COD与色度达标排放，运行成本降低20%。,节能环保,80,2027-03-31,,,,,,\r\n\
                滨州渤海活塞配件有限公司,活塞环表面激光熔覆,耐磨性提高一倍。,高端装备制造,面议,2026-12-31,,,,,,\r\n\
                ,,,,,,,,,,,\r\n\
                ,,,,,,,,,,,\r\n";
    let out = Import::new(Kind::Needs, "滨州需求.csv", build::gbk(text)).run();
    out.succeeded().stored(3).no_replacement_characters();
    out.need("铝灰渣无害化处理")
        .enterprise("滨州魏桥铝深加工有限公司")
        .budget(Price::Exact(wan(150.0)))
        .deadline(2027, 6, 30);
    out.need("活塞环表面激光熔覆").budget(Price::Negotiable);
}

/// A UTF-8 CSV with one row pasted in from a GBK file: that row read as GBK (with a note naming
/// it) or refused naming its line, never stored as U+FFFD.
fn utf8_csv_with_one_gbk_row() {
    let header = "企业名称,需求名称,需求描述,所属领域,预算（万元）\n";
    let first = "日照港机械装备有限公司,门机远程操控改造,实现远程操控与防摇。,高端装备制造,200\n";
    let second = "日照钢铁配套有限公司,烧结烟气脱硝,NOx排放低于50mg/m³。,节能环保,300\n";
    let pasted = "日照海洋食品有限公司,海带酶解制备褐藻寡糖,收率提高到30%以上。,生物,50\n";
    let last = "日照兴业汽车配件有限公司,刹车盘铸造缺陷检测,识别砂眼与裂纹。,新一代信息技术,40\n";
    let mut bytes = Vec::new();
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend_from_slice(first.as_bytes());
    bytes.extend_from_slice(second.as_bytes());
    bytes.extend(build::gbk(pasted));
    bytes.extend_from_slice(last.as_bytes());
    let out = Import::new(Kind::Needs, "日照需求汇总.csv", bytes).run();
    out.no_crash().no_replacement_characters().names_row(4);
    if out.code == Some(0) {
        out.stored(4);
        out.need("海带酶解制备褐藻寡糖")
            .enterprise("日照海洋食品有限公司")
            .budget(Price::Exact(wan(50.0)));
    } else {
        out.refused();
        says_in_chinese(&out);
    }
}

// --- English files and round trips ---------------------------------------------------------------

/// A Sino-German innovation centre's list in English, prices in 10k CNY.
fn english_partner_list_csv() {
    let text = build::csv(&[
        vec![
            "No.",
            "Technology Name",
            "Holder",
            "Field",
            "TRL",
            "Price (10k CNY)",
            "Transfer Mode",
            "Contact Email",
        ],
        vec![
            "1",
            "Laser cladding of hydraulic support columns",
            "Shandong University of Science and Technology",
            "高端装备制造",
            "7",
            "150",
            "Licensing",
            "tto@sdust.edu.cn",
        ],
        vec![
            "2",
            "Low-temperature SCR catalyst for ceramic kilns",
            "Zibo Lucheng Environmental Technology Co., Ltd.",
            "节能环保",
            "6",
            "Negotiable",
            "Assignment",
            "bd@lucheng-env.com",
        ],
        vec![
            "3",
            "Seawater-resistant concrete admixture",
            "Ocean University of China",
            "新材料",
            "5",
            "80",
            "Co-development",
            "ip@ouc.edu.cn",
        ],
    ]);
    let out = Import::new(
        Kind::Achievements,
        "sino-german-tech-list.csv",
        text.into_bytes(),
    )
    .lang(Lang::En)
    .run();
    out.succeeded().stored(3);
    out.achievement("Laser cladding of hydraulic support columns")
        .owner("Shandong University of Science and Technology")
        .trl(7..=7)
        .price(Price::Exact(wan(150.0)))
        .modes(&[Mode::Licence]);
    out.achievement("Low-temperature SCR catalyst for ceramic kilns")
        .price(Price::Negotiable)
        .modes(&[Mode::Assignment]);
    out.achievement("Seawater-resistant concrete admixture")
        .price(Price::Exact(wan(80.0)))
        .modes(&[Mode::CoDevelop]);
}

/// Needs with a range, a cap, a floor, a deadline and a confidential one, exported as CSV from
/// the English UI and imported back from it.
fn round_trip_needs_english_csv() {
    let text = build::csv(&[
        vec![
            "企业名称",
            "需求名称",
            "需求描述",
            "所属领域",
            "预算",
            "截止日期",
            "是否保密",
        ],
        vec![
            "菏泽牡丹生物科技有限公司",
            "牡丹籽油超临界萃取",
            "出油率提高到25%以上。",
            "生物",
            "50-100万",
            "2027-06-30",
            "否",
        ],
        vec![
            "菏泽玉皇化工有限公司",
            "顺酐催化剂寿命提升",
            "催化剂寿命由2年延长到4年。",
            "新材料",
            "不超过200万",
            "2026年底",
            "是",
        ],
        vec![
            "菏泽鲁西南机械有限公司",
            "农机齿轮箱降噪",
            "噪声降低5dB以上。",
            "高端装备制造",
            "500万以上",
            "长期有效",
            "否",
        ],
    ]);
    let source = Source::imported(Kind::Needs, "菏泽需求.csv", &build::with_bom(&text));
    let before = source.stored();
    let exported = source.export(Kind::Needs, "csv", Lang::En);
    let out = Import::new(Kind::Needs, "needs-export.csv", exported)
        .lang(Lang::En)
        .run();
    out.succeeded().stored(3);
    same_records("needs", &before.needs, &out, &out.stored.needs, need_listed);
    // The values themselves, so the round trip cannot pass by losing them both ways; the exact
    // title says the list's confidentiality marker came off.
    out.need("牡丹籽油超临界萃取")
        .budget(Price::Between(wan(50.0), wan(100.0)))
        .deadline(2027, 6, 30)
        .confidential(false);
    out.need("顺酐催化剂寿命提升")
        .enterprise("菏泽玉皇化工有限公司")
        .budget(Price::UpTo(wan(200.0)))
        .deadline(2026, 12, 31)
        .confidential(true);
    out.need("农机齿轮箱降噪")
        .budget(Price::AtLeast(wan(500.0)))
        .no_deadline();
}

/// A ledger's deals exported as Excel from the English UI and imported back from it.
fn round_trip_deals_english_xlsx() {
    let text = build::csv(&[
        vec![
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
        vec![
            "2026371701000008",
            "牡丹深加工工艺技术开发",
            "菏泽学院",
            "菏泽尧舜牡丹生物科技有限公司",
            "技术开发（委托）",
            "88.5",
            "80",
            "2026-02-10",
            "2026-02-28",
        ],
        vec![
            "2026371701000015",
            "一种速冻面食保鲜方法专利许可",
            "山东农业大学",
            "菏泽鲁喜食品有限公司",
            "技术许可（专利实施许可）",
            "30",
            "30",
            "2026-03-05",
            "2026-03-20",
        ],
    ]);
    let source = Source::imported(Kind::Deals, "菏泽登记台账.csv", &build::with_bom(&text));
    let before = source.stored();
    let exported = source.export(Kind::Deals, "xlsx", Lang::En);
    let out = Import::new(Kind::Deals, "deals-export.xlsx", exported)
        .lang(Lang::En)
        .run();
    out.succeeded().stored(2);
    same_records("deals", &before.deals, &out, &out.stored.deals, deal_listed);
    out.deal("牡丹深加工工艺技术开发")
        .seller("菏泽学院")
        .contract_type(ContractType::Development)
        .contract_no("2026371701000008")
        .amount(wan(88.5))
        .tech_amount(wan(80.0))
        .signed(2026, 2, 10);
    subtype_has(&out, "牡丹深加工工艺技术开发", "委托");
    out.deal("一种速冻面食保鲜方法专利许可")
        .contract_type(ContractType::Licence)
        .amount(wan(30.0));
}

/// Excel's "Unicode 文本" (UTF-16 with a BOM, tab-separated) imported into a path with no
/// database yet.
fn excel_unicode_text_into_a_new_database() {
    let text = "客户名称\t客户类型\t所在城市\t联系人\t联系电话\r\n\
                德州金亨新能源有限公司\t企业\t德州市\t邢磊\t0534-2661234\r\n\
                德州学院\t高校\t德州市\t马骏\t0534-8985678\r\n\
                德州市农业科学研究院\t科研院所\t德州市\t高燕\t0534-2223456\r\n";
    let out = Import::new(Kind::Clients, "客户.txt", utf16le_with_bom(text))
        .start(Start::NoFile)
        .run();
    out.succeeded().stored(3);
    out.client("德州学院")
        .kind(ClientKind::University)
        .contact("马骏")
        .phones_keep(&["0534-8985678"]);
}

// --- Wrong and hostile files ---------------------------------------------------------------------

/// The template sent back with only its header.
fn header_only_template() {
    let text = build::csv(&[vec![
        "企业名称",
        "需求名称",
        "需求描述",
        "所属领域",
        "预算（万元）",
        "截止日期",
    ]]);
    let out = Import::new(
        Kind::Needs,
        "需求模板.csv",
        build::with_bom(&build::crlf(&text)),
    )
    .run();
    out.refused();
    says_in_chinese(&out);
    out.says_any(&[
        "没有数据",
        "只有表头",
        "没有可导入",
        "无数据",
        "没有记录",
        "没有行",
        "没有数据行",
    ]);
}

/// A workbook whose only sheet is empty.
fn empty_workbook() {
    let bytes = Xlsx::new().sheet("Sheet1", |_| {}).bytes();
    let out = Import::new(Kind::Achievements, "成果.xlsx", bytes).run();
    out.refused();
    says_in_chinese(&out);
    out.says_any(&[
        "空",
        "没有数据",
        "没有内容",
        "找不到表头",
        "未找到",
        "没有表格",
    ]);
}

/// A Word document renamed .xlsx (a ZIP too, so only its content tells it apart): the broker is
/// told it is a Word document or not a spreadsheet.
fn word_document_renamed_xlsx() {
    let out = Import::new(Kind::Achievements, "拟推介成果一览表.xlsx", word_document()).run();
    out.refused();
    says_in_chinese(&out);
    out.says_any(&[
        "Word",
        "文档",
        "不是电子表格",
        "不是表格",
        "不是 Excel",
        "不是Excel",
        "不是工作簿",
    ]);
    // What the broker can act on is what the file is, not which part of a ZIP was missing.
    if format!("{}{}", out.stderr, out.stdout).contains(".xml") {
        out.fail("the message quotes the container's internals instead of saying what the file is");
    }
}

/// A workbook saved with a password to open.
fn password_protected_workbook() {
    let out = Import::new(
        Kind::Needs,
        "需求汇总（加密）.xlsx",
        build::password_protected_xlsx(),
    )
    .run();
    out.refused();
    says_in_chinese(&out);
    out.says_any(&["密码", "加密"]);
}

/// A platform's export link that returned its login page, saved as .xls.
fn platform_login_page_saved_as_xls() {
    let page = "<!DOCTYPE html>\r\n<html>\r\n<head><meta charset=\"utf-8\"><title>登录 - 科技成果转化服务平台</title></head>\r\n\
                <body><div class=\"login\"><h2>用户登录</h2><form action=\"/login\" method=\"post\">\
                <input name=\"username\" placeholder=\"手机号/用户名\"><input type=\"password\" name=\"password\">\
                <button>登录</button></form><p>会话已过期，请重新登录后再导出。</p></div></body>\r\n</html>\r\n";
    let out = Import::new(Kind::Achievements, "成果导出.xls", page).run();
    out.refused();
    says_in_chinese(&out);
    out.says_any(&["网页"]);
}

/// A 1 KB workbook that claims its last cell is XFD1048576.
fn hostile_last_cell_xfd1048576() {
    let header: String = ["成果名称", "完成单位", "所属领域", "技术成熟度"]
        .iter()
        .zip(["A1", "B1", "C1", "D1"])
        .map(|(t, r)| build::inline_cell(r, t))
        .collect();
    let data: String = ["离心泵叶轮优化设计", "山东理工大学", "高端装备制造", "6"]
        .iter()
        .zip(["A2", "B2", "C2", "D2"])
        .map(|(t, r)| build::inline_cell(r, t))
        .collect();
    let xml = build::sheet_xml(
        "A1:XFD1048576",
        &[
            (1, header),
            (2, data),
            (1_048_576, build::inline_cell("XFD1048576", " ")),
        ],
    );
    let out = Import::new(Kind::Achievements, "成果.xlsx", build::minimal_xlsx(&xml))
        .measured()
        .run();
    out.no_crash();
    if let Some(kb) = out.peak_rss_kb
        && kb > 300 * 1024
    {
        out.fail(format!("peak memory {kb} KB, over 300 MB"));
    }
    out.refused();
    says_in_chinese(&out);
}

// --- The run -------------------------------------------------------------------------------------

const CASES: &[Case] = &[
    (
        "jinan_achievement_summary_with_title_notes_total_footer",
        jinan_achievement_summary_with_title_notes_total_footer,
    ),
    (
        "qingdao_enterprise_need_collection_form",
        qingdao_enterprise_need_collection_form,
    ),
    (
        "university_list_with_cover_and_notes_sheets",
        university_list_with_cover_and_notes_sheets,
    ),
    (
        "two_level_header_achievements",
        two_level_header_achievements,
    ),
    ("merged_owner_fill_down", merged_owner_fill_down),
    ("subtotals_by_field", subtotals_by_field),
    (
        "sheet_option_picks_this_years_sheet",
        sheet_option_picks_this_years_sheet,
    ),
    (
        "header_row_option_on_a_form_with_notes",
        header_row_option_on_a_form_with_notes,
    ),
    (
        "national_registration_export_gbk_csv",
        national_registration_export_gbk_csv,
    ),
    (
        "trading_platform_listing_html_gb2312_xls",
        trading_platform_listing_html_gb2312_xls,
    ),
    (
        "platform_html_rowspan_saved_as_xlsx",
        platform_html_rowspan_saved_as_xlsx,
    ),
    ("wenjuanxing_need_survey_csv", wenjuanxing_need_survey_csv),
    ("tencent_survey_need_xlsx", tencent_survey_need_xlsx),
    (
        "contract_registration_ledger_xlsx",
        contract_registration_ledger_xlsx,
    ),
    (
        "county_contract_list_gbk_csv_amounts_in_yuan",
        county_contract_list_gbk_csv_amounts_in_yuan,
    ),
    (
        "crm_client_list_messy_phones_and_codes",
        crm_client_list_messy_phones_and_codes,
    ),
    (
        "high_tech_zone_roster_number_cells",
        high_tech_zone_roster_number_cells,
    ),
    ("client_kinds_in_words", client_kinds_in_words),
    ("maturity_in_words", maturity_in_words),
    ("prices_written_in_cells", prices_written_in_cells),
    (
        "need_budgets_as_ranges_and_caps",
        need_budgets_as_ranges_and_caps,
    ),
    ("need_deadlines_as_written", need_deadlines_as_written),
    ("keywords_more_than_five", keywords_more_than_five),
    ("confidential_needs_column", confidential_needs_column),
    (
        "wps_gbk_csv_with_empty_columns",
        wps_gbk_csv_with_empty_columns,
    ),
    ("utf8_csv_with_one_gbk_row", utf8_csv_with_one_gbk_row),
    ("english_partner_list_csv", english_partner_list_csv),
    ("round_trip_needs_english_csv", round_trip_needs_english_csv),
    (
        "round_trip_deals_english_xlsx",
        round_trip_deals_english_xlsx,
    ),
    (
        "excel_unicode_text_into_a_new_database",
        excel_unicode_text_into_a_new_database,
    ),
    ("header_only_template", header_only_template),
    ("empty_workbook", empty_workbook),
    ("word_document_renamed_xlsx", word_document_renamed_xlsx),
    ("password_protected_workbook", password_protected_workbook),
    (
        "platform_login_page_saved_as_xls",
        platform_login_page_saved_as_xls,
    ),
    ("hostile_last_cell_xfd1048576", hostile_last_cell_xfd1048576),
];

/// Measured 29 of 36 when the set was first run, 35 after the header matcher of round 2 (whose
/// author had not seen it); the floor sits under the figure measured last, with a margin.
const MIN_PASSED: usize = 33;

#[test]
fn fresh_world_cases() {
    run_cases("fresh import cases", CASES, MIN_PASSED);
}

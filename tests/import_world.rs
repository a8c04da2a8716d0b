//! Development cases: files written the way provincial and city offices, universities, the national
//! registration system, trading platforms, survey tools and registration offices write them,
//! imported through the command line as a user does and read back through the exports.
//!
//! Each case states what a broker would expect from the file and nothing the file does not say.
//! The held-out cases (other templates, other wording) are in `import_world_heldout.rs`.

mod world;

use world::build::{
    Xlsx, credit_code, crlf, date, excel_html_page, full_width, gbk, html_rows, inline_cell,
    minimal_xlsx, password_protected_xlsx, row, sheet_xml, with_bom,
};
use world::expect::{
    Price, achievement_listed, achievement_whole, client_listed, deal_listed, need_listed,
    same_records, wan, yi, yuan,
};
use world::records::{ClientKind, ContractType, DealStage, Mode, Stage};
use world::{Import, Kind, Lang, Source, Start};

/// Peak resident memory allowed for any input, hostile or not.
const MEMORY_LIMIT_KB: u64 = 300 * 1024;

// --- 1. Provincial and city summary templates ------------------------------------------------------

#[test]
fn provincial_summary_template_with_title_and_note_rows() {
    let book = Xlsx::new()
        .sheet("Sheet1", |s| {
            s.title("2026年度山东省科技成果汇总表", 9);
            s.title(
                "填报说明：1.带*号为必填项；2.技术成熟度按1-9级填写；3.意向价格单位为万元，面议的填写“面议”；4.所属领域按战略性新兴产业分类填写。",
                9,
            );
            s.row(row![
                "序号",
                "成果名称*",
                "完成单位*",
                "所属领域*",
                "关键词",
                "技术成熟度\n(TRL)",
                "成熟度阶段",
                "意向价格\n（万元）",
                "转化方式"
            ]);
            s.row(row![1, "高效永磁同步电机矢量控制系统", "山东大学", "高端装备制造", "永磁电机、矢量控制、节能", 6, "中试", 120, "转让"]);
            s.row(row![2, "耐盐碱小麦新品种选育技术", "山东农业大学", "现代农业", "耐盐碱、小麦、分子育种", 7, "中试", "面议", "许可"]);
            s.row(row![3, "海洋生物活性肽酶解制备工艺", "中国海洋大学", "海洋", "活性肽、酶解", 4, "小试", 85.5, "合作开发"]);
            s.row(row![4, "高盐工业废水零排放膜处理技术", "青岛科技大学", "节能环保", "膜分离、零排放、高盐废水", 8, "产业化", 300, "转让、许可"]);
            s.row(row!["合计", "", "", "", "", "", "", 505.5, ""]);
            s.blank();
            s.row(row!["填表人：王敏", "", "", "审核人：刘强", "", "", "填报日期：2026年3月5日"]);
            s.row(row!["注：本表由各市科技局汇总后报送省科技厅成果转化处。"]);
        })
        .bytes();
    let out = Import::new(
        Kind::Achievements,
        "2026年度山东省科技成果汇总表.xlsx",
        book,
    )
    .run();
    out.succeeded()
        .stored(4)
        .no_title_contains(&["合计", "填表人", "审核人", "注："]);
    out.achievement("高效永磁同步电机矢量控制系统")
        .owner("山东大学")
        .field("高端装备制造")
        .trl(6..=6)
        .stage(&[Stage::Pilot])
        .price(Price::Exact(wan(120.0)))
        .keywords(3)
        .modes(&[Mode::Assignment]);
    out.achievement("耐盐碱小麦新品种选育技术")
        .owner("山东农业大学")
        .trl(7..=7)
        .price(Price::Negotiable)
        .modes(&[Mode::Licence]);
    out.achievement("海洋生物活性肽酶解制备工艺")
        .stage(&[Stage::SmallTrial])
        .price(Price::Exact(wan(85.5)))
        .keywords(2)
        .modes(&[Mode::CoDevelop]);
    out.achievement("高盐工业废水零排放膜处理技术")
        .trl(8..=8)
        .stage(&[Stage::Industrial])
        .modes(&[Mode::Assignment, Mode::Licence]);
}

#[test]
fn city_template_with_blank_rows_above_header_and_total_row() {
    let text = crlf(
        "济南市2026年第一批企业技术需求汇总表,,,,,,
,,,,,,
填报单位：济南市科学技术局,,,,填报日期：2026-03-10,,
序号,需求名称,企业名称,所属领域,关键词,预算（万元）,截止日期
1,动力电池包液冷热管理系统优化,济南重弘新能源科技有限公司,新能源汽车,热管理、液冷、电池包,200,2026-12-31
2,中药配方颗粒质量一致性评价方法,济南宏仁堂药业有限公司,生物,配方颗粒、质量评价,80,2027-03-31
3,轨道车辆齿轮箱轴承故障预测,济南轨交装备制造有限公司,高端装备制造,故障预测、轴承、振动分析,150,2026-10-31
小计,,,,,430,
,,,,,,
共3项,,,,,,
",
    );
    let out = Import::new(Kind::Needs, "济南市企业技术需求汇总表.csv", with_bom(&text)).run();
    out.succeeded()
        .stored(3)
        .no_title_contains(&["小计", "共3项", "填报单位"]);
    out.need("动力电池包液冷热管理系统优化")
        .enterprise("济南重弘新能源科技有限公司")
        .field("新能源汽车")
        .keywords(3)
        .budget(Price::Exact(wan(200.0)))
        .deadline(2026, 12, 31);
    out.need("中药配方颗粒质量一致性评价方法")
        .budget(Price::Exact(wan(80.0)))
        .deadline(2027, 3, 31);
    out.need("轨道车辆齿轮箱轴承故障预测")
        .enterprise("济南轨交装备制造有限公司")
        .budget(Price::Exact(wan(150.0)));
}

#[test]
fn provincial_template_with_two_level_header() {
    let book = Xlsx::new()
        .sheet("汇总表", |s| {
            s.title("2026年度烟台市高校院所可转化科技成果汇总表", 8);
            s.merge(1, 0, 2, 0, "序号");
            s.merge(1, 1, 1, 2, "成果基本信息");
            s.at(2, 1, &"成果名称".into());
            s.at(2, 2, &"完成单位".into());
            s.merge(1, 3, 2, 3, "所属领域");
            s.merge(1, 4, 1, 5, "技术成熟度");
            s.at(2, 4, &"TRL等级".into());
            s.at(2, 5, &"所处阶段".into());
            s.merge(1, 6, 1, 7, "转化意向");
            s.at(2, 6, &"转化方式".into());
            s.at(2, 7, &"意向价格（万元）".into());
            s.move_to(3);
            s.row(row![
                1,
                "苹果采后保鲜可食性涂膜技术",
                "鲁东大学",
                "现代农业",
                5,
                "小试",
                "许可",
                40
            ]);
            s.row(row![
                2,
                "激光熔覆再制造关键技术",
                "烟台大学",
                "高端装备制造",
                7,
                "中试",
                "转让",
                260
            ]);
            s.row(row![
                3,
                "海洋牧场水质在线监测浮标",
                "中国科学院烟台海岸带研究所",
                "海洋",
                8,
                "产业化",
                "作价投资",
                "面议"
            ]);
            s.row(row!["合计：3项"]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "烟台市可转化成果汇总表.xlsx", book).run();
    out.succeeded().stored(3).no_title_contains(&["合计"]);
    out.achievement("苹果采后保鲜可食性涂膜技术")
        .owner("鲁东大学")
        .field("现代农业")
        .trl(5..=5)
        .stage(&[Stage::SmallTrial])
        .price(Price::Exact(wan(40.0)))
        .modes(&[Mode::Licence]);
    out.achievement("激光熔覆再制造关键技术")
        .owner("烟台大学")
        .trl(7..=7)
        .stage(&[Stage::Pilot])
        .price(Price::Exact(wan(260.0)))
        .modes(&[Mode::Assignment]);
    out.achievement("海洋牧场水质在线监测浮标")
        .owner("中国科学院烟台海岸带研究所")
        .stage(&[Stage::Industrial])
        .price(Price::Negotiable)
        .modes(&[Mode::Equity]);
}

#[test]
fn provincial_template_gbk_csv_with_footer_rows() {
    let text = crlf(
        "2026年度潍坊市科技成果汇总表,,,,,,,
序号,成果名称,完成单位,所属领域,关键词,技术成熟度(TRL),意向价格（万元）,联系人
1,大蒜素微胶囊缓释饲料添加剂,潍坊科技学院,现代农业,大蒜素、微胶囊、饲料添加剂,6,50,孙志刚
2,柴油机高压共轨喷油器精密加工技术,潍坊鸿远动力机械有限公司,高端装备制造,共轨、喷油器、精密加工,8,200,周建
3,生物可降解PBAT改性薄膜,潍坊学院,新材料,可降解、PBAT、薄膜,5,100,何雪
合计,,,,,,350,
填表人：赵磊,,,审核人：孙静,,,,
",
    );
    let out = Import::new(Kind::Achievements, "潍坊市成果汇总.csv", gbk(&text)).run();
    out.succeeded()
        .stored(3)
        .no_replacement_characters()
        .no_title_contains(&["合计", "填表人"]);
    out.achievement("大蒜素微胶囊缓释饲料添加剂")
        .owner("潍坊科技学院")
        .field("现代农业")
        .trl(6..=6)
        .keywords(3)
        .price(Price::Exact(wan(50.0)));
    out.achievement("柴油机高压共轨喷油器精密加工技术")
        .owner("潍坊鸿远动力机械有限公司")
        .trl(8..=8)
        .price(Price::Exact(wan(200.0)));
    out.achievement("生物可降解PBAT改性薄膜")
        .field("新材料")
        .price(Price::Exact(wan(100.0)));
}

// --- 2. Merged cells down a column ----------------------------------------------------------------

#[test]
fn organisation_merged_down_its_rows_in_xlsx() {
    let book = Xlsx::new()
        .sheet("成果", |s| {
            s.row(row![
                "序号",
                "完成单位",
                "成果名称",
                "所属领域",
                "技术成熟度",
                "意向价格（万元）"
            ]);
            s.row(row![
                1,
                "",
                "煤矿巷道智能掘进控制系统",
                "高端装备制造",
                7,
                500
            ]);
            s.row(row![
                2,
                "",
                "矿用本安型激光甲烷传感器",
                "新一代信息技术",
                8,
                80
            ]);
            s.row(row![3, "", "充填开采膏体材料配比技术", "新材料", 6, "面议"]);
            s.row(row![4, "", "秸秆全组分高值化利用技术", "节能环保", 5, 150]);
            s.row(row![5, "", "啤酒废酵母提取核苷酸工艺", "生物", 6, 60]);
            s.merge(1, 1, 3, 1, "山东科技大学");
            s.merge(4, 1, 5, 1, "齐鲁工业大学");
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "成果汇总.xlsx", book).run();
    out.succeeded().stored(5);
    for title in [
        "煤矿巷道智能掘进控制系统",
        "矿用本安型激光甲烷传感器",
        "充填开采膏体材料配比技术",
    ] {
        out.achievement(title).owner("山东科技大学");
    }
    for title in ["秸秆全组分高值化利用技术", "啤酒废酵母提取核苷酸工艺"] {
        out.achievement(title).owner("齐鲁工业大学");
    }
    out.achievement("矿用本安型激光甲烷传感器")
        .trl(8..=8)
        .price(Price::Exact(wan(80.0)));
}

#[test]
fn enterprise_and_field_merged_down_in_needs_template() {
    let book = Xlsx::new()
        .sheet("需求汇总", |s| {
            s.title("2026年淄博市企业技术需求汇总表", 7);
            s.row(row![
                "序号",
                "企业名称",
                "所属领域",
                "需求名称",
                "需求描述",
                "预算（万元）",
                "截止时间"
            ]);
            s.row(row![
                1,
                "",
                "",
                "高温陶瓷纤维低导热改性",
                "现有产品1200℃导热系数偏高，需降低15%以上",
                100,
                date(2027, 6, 30)
            ]);
            s.row(row![
                2,
                "",
                "",
                "陶瓷纤维板干法成型工艺",
                "湿法成型能耗高、干燥周期长",
                60,
                date(2026, 12, 31)
            ]);
            s.row(row![
                3,
                "",
                "",
                "顺酐催化剂寿命提升",
                "催化剂使用寿命不足两年",
                200,
                date(2027, 3, 31)
            ]);
            s.row(row![
                4,
                "",
                "节能环保",
                "碳四装置余热回收利用",
                "装置余热未充分利用",
                "面议",
                date(2027, 12, 31)
            ]);
            s.merge(2, 1, 3, 1, "淄博鲁华节能材料有限公司");
            s.merge(4, 1, 5, 1, "淄博齐润化工股份有限公司");
            s.merge(2, 2, 4, 2, "新材料");
        })
        .bytes();
    let out = Import::new(Kind::Needs, "淄博市企业技术需求.xlsx", book).run();
    out.succeeded().stored(4);
    out.need("高温陶瓷纤维低导热改性")
        .enterprise("淄博鲁华节能材料有限公司")
        .field("新材料")
        .budget(Price::Exact(wan(100.0)))
        .deadline(2027, 6, 30);
    out.need("陶瓷纤维板干法成型工艺")
        .enterprise("淄博鲁华节能材料有限公司")
        .field("新材料")
        .deadline(2026, 12, 31);
    out.need("顺酐催化剂寿命提升")
        .enterprise("淄博齐润化工股份有限公司")
        .field("新材料")
        .deadline(2027, 3, 31);
    out.need("碳四装置余热回收利用")
        .enterprise("淄博齐润化工股份有限公司")
        .field("节能环保")
        .budget(Price::Negotiable)
        .deadline(2027, 12, 31);
}

// --- 3. A university's list: a cover or notes sheet first ------------------------------------------

#[test]
fn university_list_with_cover_sheet_first() {
    let book = Xlsx::new()
        .sheet("封面", |s| {
            s.merge(2, 0, 2, 5, "山东理工大学");
            s.merge(4, 0, 4, 5, "2026年可转化科技成果清单");
            s.merge(7, 0, 7, 5, "技术转移中心 编制");
            s.merge(8, 0, 8, 5, "2026年4月");
        })
        .sheet("可转化成果清单", |s| {
            s.row(row![
                "序号",
                "成果名称",
                "权利人",
                "所属学院",
                "所属领域",
                "技术成熟度",
                "知识产权情况",
                "转化方式",
                "参考价格（万元）",
                "联系人",
                "联系电话"
            ]);
            s.row(row![
                1,
                "农机具北斗自动导航驾驶系统",
                "山东理工大学",
                "农业工程与食品科学学院",
                "高端装备制造",
                7,
                "发明专利3项",
                "转让、许可",
                150,
                "张老师",
                "0533-2781234"
            ]);
            s.row(row![
                2,
                "轮毂电机集成驱动技术",
                "山东理工大学",
                "交通与车辆工程学院",
                "新能源汽车",
                6,
                "发明专利5项",
                "许可",
                300,
                "王老师",
                "0533-2781235"
            ]);
            s.row(row![
                3,
                "高性能多孔陶瓷膜制备技术",
                "山东理工大学",
                "材料科学与工程学院",
                "新材料",
                5,
                "发明专利2项",
                "合作开发",
                "面议",
                "李老师",
                "0533-2781236"
            ]);
            s.row(row![
                4,
                "果蔬汁非热杀菌技术",
                "山东理工大学",
                "农业工程与食品科学学院",
                "现代农业",
                6,
                "发明专利1项",
                "转让",
                40,
                "赵老师",
                "0533-2781237"
            ]);
        })
        .bytes();
    let out = Import::new(
        Kind::Achievements,
        "山东理工大学2026年可转化成果清单.xlsx",
        book,
    )
    .run();
    out.succeeded().stored(4).says_any(&["可转化成果清单"]);
    out.achievement("农机具北斗自动导航驾驶系统")
        .owner("山东理工大学")
        .field("高端装备制造")
        .trl(7..=7)
        .price(Price::Exact(wan(150.0)))
        .modes(&[Mode::Assignment, Mode::Licence]);
    out.achievement("高性能多孔陶瓷膜制备技术")
        .price(Price::Negotiable)
        .modes(&[Mode::CoDevelop]);
}

#[test]
fn university_list_with_notes_and_dictionary_sheets_picked_by_sheet_option() {
    let book = Xlsx::new()
        .sheet("填表说明", |s| {
            s.row(row!["填表说明"]);
            s.row(row![
                "1. 本表用于统计我校2026年度可转化科技成果，请各学院于4月30日前报送。"
            ]);
            s.row(row![
                "2. 技术成熟度按1-9级填写，参照《科学技术研究项目评价通则》。"
            ]);
            s.row(row!["3. 意向价格以万元为单位，暂无意向价格的填写“面议”。"]);
        })
        .sheet("成果清单", |s| {
            s.row(row![
                "成果名称",
                "完成单位",
                "所属领域",
                "技术成熟度（1-9）",
                "转化方式",
                "意向价格（万元）",
                "成果简介"
            ]);
            s.row(row![
                "海藻酸盐医用敷料制备技术",
                "青岛大学",
                "生物",
                6,
                "转让",
                90,
                "以褐藻为原料制备高吸湿医用敷料。\n已完成中试，产品通过生物相容性检测。"
            ]);
            s.row(row![
                "纺织品数码喷墨印花墨水",
                "青岛大学",
                "新材料",
                7,
                "许可",
                60,
                "适用于棉、丝绸等多种面料。"
            ]);
            s.row(row![
                "康复外骨骼机器人步态控制算法",
                "青岛大学",
                "高端装备制造",
                5,
                "合作开发",
                "面议",
                "基于肌电信号的步态意图识别。"
            ]);
        })
        .sheet("数据字典", |s| {
            s.row(row!["所属领域", "技术成熟度", "转化方式"]);
            s.row(row!["新一代信息技术", 1, "转让"]);
            s.row(row!["高端装备制造", 2, "许可"]);
            s.row(row!["新材料", 3, "作价投资"]);
            s.row(row!["生物", 4, "合作开发"]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "青岛大学成果清单.xlsx", book)
        .arg("--sheet")
        .arg("成果清单")
        .run();
    out.succeeded().stored(3);
    out.achievement("海藻酸盐医用敷料制备技术")
        .owner("青岛大学")
        .field("生物")
        .trl(6..=6)
        .price(Price::Exact(wan(90.0)))
        .abstract_contains("已完成中试");
    out.achievement("康复外骨骼机器人步态控制算法")
        .trl(5..=5)
        .price(Price::Negotiable);
}

// --- 4. The national achievement-registration export ------------------------------------------------

#[test]
fn national_registration_export_csv() {
    let text = "序号,成果登记号,成果名称,第一完成单位,第一完成人,其他完成人,高新技术领域,成果类型,所处阶段,成果水平,关键词,登记日期
1,9372026Y0101,高强韧铝合金板材短流程制备技术,山东龙口华铝新材料有限公司,张建国,李明；王芳,新材料,应用技术,成熟应用阶段,国际先进,铝合金；短流程；板材,2026-01-15
2,9372026Y0102,基于深度学习的工业视觉缺陷检测系统,山东大学,刘洋,陈晨,电子信息,应用技术,中期阶段,国内领先,机器视觉；缺陷检测；深度学习,2026-02-03
3,9372026Y0103,盐碱地改良功能微生物菌剂研究,山东农业大学,陈静,,资源与环境,应用技术,初期阶段,国内先进,盐碱地；微生物菌剂,2026-02-20
";
    let out = Import::new(
        Kind::Achievements,
        "科技成果登记信息导出.csv",
        with_bom(text),
    )
    .run();
    out.succeeded().stored(3);
    out.achievement("高强韧铝合金板材短流程制备技术")
        .owner("山东龙口华铝新材料有限公司")
        .inventors_include("张建国")
        .field("新材料")
        .registration_no("9372026Y0101")
        .keywords(3)
        .trl(8..=9)
        .stage(&[Stage::Industrial]);
    out.achievement("基于深度学习的工业视觉缺陷检测系统")
        .owner("山东大学")
        .inventors_include("刘洋")
        .field_given()
        .registration_no("9372026Y0102")
        .trl(5..=7)
        .stage(&[Stage::SmallTrial, Stage::Pilot]);
    out.achievement("盐碱地改良功能微生物菌剂研究")
        .owner("山东农业大学")
        .registration_no("9372026Y0103")
        .trl(1..=4)
        .stage(&[Stage::Lab, Stage::SmallTrial]);
}

#[test]
fn national_registration_export_xlsx_with_typed_cells() {
    let book = Xlsx::new()
        .sheet("成果信息", |s| {
            s.row(row![
                "成果登记号",
                "成果名称",
                "第一完成单位",
                "第一完成人",
                "高新技术领域",
                "成果类型",
                "所处阶段",
                "成果水平",
                "登记日期",
                "成果简介"
            ]);
            s.row(row![
                "9372025Y0877",
                "生物基尼龙56连续聚合工艺",
                "山东金乡凯创生物材料有限公司",
                "王海涛",
                "新材料",
                "应用技术",
                "成熟应用阶段",
                "国际先进",
                date(2025, 11, 20),
                "以生物基戊二胺为原料。\n年产万吨级生产线稳定运行。"
            ]);
            s.row(row![
                20253700123_i64,
                "智能电网继电保护在线校验装置",
                "国网山东省电力公司电力科学研究院",
                "李强",
                "电子信息",
                "应用技术",
                "中期阶段",
                "国内领先",
                date(2025, 12, 8),
                "实现保护装置带电校验。"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "成果登记导出.xlsx", book).run();
    out.succeeded().stored(2);
    out.achievement("生物基尼龙56连续聚合工艺")
        .owner("山东金乡凯创生物材料有限公司")
        .inventors_include("王海涛")
        .registration_no("9372025Y0877")
        .trl(8..=9)
        .abstract_contains("年产万吨级");
    out.achievement("智能电网继电保护在线校验装置")
        .registration_no("20253700123")
        .trl(5..=7);
}

// --- 5. Trading-platform listings -------------------------------------------------------------------

#[test]
fn trading_platform_listing_html_xls_gb2312() {
    let rows = [
        vec![
            "项目名称",
            "持有人",
            "所属行业",
            "技术成熟度",
            "交易方式",
            "交易价格",
            "发布时间",
        ],
        vec![
            "一种全生物可降解地膜及其制备方法",
            "青岛农业大学",
            "新材料",
            "小批量生产",
            "转让,许可",
            "50万元",
            "2026-03-02",
        ],
        vec![
            "变电站智能巡检机器人",
            "山东鲁研智能装备有限公司",
            "高端装备制造",
            "已产业化",
            "转让",
            "1.2亿",
            "2026-02-18",
        ],
        vec![
            "反渗透海水淡化膜组件",
            "自然资源部天津海水淡化与综合利用研究所",
            "海洋",
            "中试阶段",
            "许可",
            "￥80万",
            "2026-01-30",
        ],
        vec![
            "中药渣生物转化饲料技术",
            "山东中医药大学",
            "生物",
            "实验室阶段",
            "合作开发",
            "面议",
            "2026-03-11",
        ],
        vec![
            "低温余热有机朗肯循环发电装置",
            "山东建筑大学",
            "节能环保",
            "样机",
            "转让,许可,作价投资",
            "电议",
            "2026-03-15",
        ],
    ];
    let page = excel_html_page("gb2312", &html_rows(&rows, true));
    let out = Import::new(Kind::Achievements, "技术成果列表.xls", gbk(&page)).run();
    out.succeeded().stored(5).no_replacement_characters();
    out.achievement("一种全生物可降解地膜及其制备方法")
        .owner("青岛农业大学")
        .field("新材料")
        .trl(7..=8)
        .stage(&[Stage::Pilot, Stage::Industrial])
        .price(Price::Exact(wan(50.0)))
        .modes(&[Mode::Assignment, Mode::Licence]);
    out.achievement("变电站智能巡检机器人")
        .trl(8..=9)
        .stage(&[Stage::Industrial])
        .price(Price::Exact(yi(1.2)));
    out.achievement("反渗透海水淡化膜组件")
        .trl(6..=7)
        .stage(&[Stage::Pilot])
        .price(Price::Exact(wan(80.0)))
        .modes(&[Mode::Licence]);
    out.achievement("中药渣生物转化饲料技术")
        .trl(1..=4)
        .stage(&[Stage::Lab])
        .price(Price::Negotiable);
    out.achievement("低温余热有机朗肯循环发电装置")
        .trl(5..=7)
        .price(Price::Negotiable)
        .modes(&[Mode::Assignment, Mode::Licence, Mode::Equity]);
}

#[test]
fn trading_platform_csv_with_wps_empty_trailing_columns() {
    let text = crlf(
        "成果名称,持有人,所属行业,技术成熟度,交易方式,挂牌价（万元）,,,,
石墨烯改性重防腐涂料,济南大学,新材料,中试阶段,转让,90,,,,
畜禽粪污好氧发酵一体化设备,山东农业工程学院,节能环保,可以量产,许可,35,,,,
光伏组件自动清洗机器人,山东交通学院,新能源,已有样品,\"转让,许可\",面议,,,,
,,,,,,,,,
,,,,,,,,,
",
    );
    let out = Import::new(Kind::Achievements, "挂牌成果.csv", gbk(&text)).run();
    out.succeeded().stored(3).no_replacement_characters();
    out.achievement("石墨烯改性重防腐涂料")
        .owner("济南大学")
        .trl(6..=7)
        .stage(&[Stage::Pilot])
        .price(Price::Exact(wan(90.0)))
        .modes(&[Mode::Assignment]);
    out.achievement("畜禽粪污好氧发酵一体化设备")
        .trl(8..=9)
        .stage(&[Stage::Industrial])
        .price(Price::Exact(wan(35.0)));
    out.achievement("光伏组件自动清洗机器人")
        .trl(5..=7)
        .price(Price::Negotiable)
        .modes(&[Mode::Assignment, Mode::Licence]);
}

#[test]
fn listing_prices_with_units_written_in_cells() {
    let book = Xlsx::new()
        .sheet("挂牌项目", |s| {
            s.row(row![
                "成果名称",
                "持有人",
                "所属领域",
                "技术成熟度",
                "挂牌价"
            ]);
            s.row(row![
                "高纯氧化铝粉体制备技术",
                "山东理工大学",
                "新材料",
                6,
                "30万"
            ]);
            s.row(row![
                "百万千瓦级核电主泵密封件",
                "山东华泰密封科技有限公司",
                "高端装备制造",
                8,
                "1.5亿元"
            ]);
            s.row(row![
                "水产品冷链物流保鲜技术",
                "中国海洋大学",
                "海洋",
                7,
                "¥80万"
            ]);
            s.row(row![
                "光纤光栅桥梁健康监测系统",
                "山东大学",
                "新一代信息技术",
                7,
                "价格面议"
            ]);
            s.row(row![
                "玉米秸秆纤维素乙醇工艺",
                "齐鲁工业大学",
                "新能源",
                5,
                "协商"
            ]);
            s.row(row![
                "智能温室水肥一体化控制系统",
                "山东农业大学",
                "现代农业",
                8,
                "120万元"
            ]);
            s.row(row![
                "中小学编程教育机器人套件软件",
                "山东师范大学",
                "数字创意",
                9,
                "3,000元"
            ]);
            s.row(row![
                "燃料电池双极板精密冲压技术",
                "山东大学",
                "新能源汽车",
                6,
                "¥50万"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "挂牌项目导出.xlsx", book).run();
    out.succeeded().stored(8);
    out.achievement("高纯氧化铝粉体制备技术")
        .price(Price::Exact(wan(30.0)));
    out.achievement("百万千瓦级核电主泵密封件")
        .price(Price::Exact(yi(1.5)));
    out.achievement("水产品冷链物流保鲜技术")
        .price(Price::Exact(wan(80.0)));
    out.achievement("光纤光栅桥梁健康监测系统")
        .price(Price::Negotiable);
    out.achievement("玉米秸秆纤维素乙醇工艺")
        .price(Price::Negotiable);
    out.achievement("智能温室水肥一体化控制系统")
        .price(Price::Exact(wan(120.0)));
    out.achievement("中小学编程教育机器人套件软件")
        .price(Price::Exact(yuan(3000.0)));
    out.achievement("燃料电池双极板精密冲压技术")
        .price(Price::Exact(wan(50.0)));
}

// --- 6. Survey exports of enterprise needs -----------------------------------------------------------

#[test]
fn wjx_survey_export_of_enterprise_needs() {
    let text = crlf(
        "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、企业名称,2、所属领域,3、需求名称,4、需求描述,5、预算（万元）,6、期望解决时间,7、联系人,8、联系电话
1,2026/3/12 9:15:32,185秒,微信,N/A,223.98.12.41(山东-济南),济南圣源化工新材料有限公司,新材料,生物基酚醛树脂耐高温改性,现有酚醛树脂长期使用温度不超过180℃，需提升至250℃以上,50-100万,2027.6.30,李工,13805311234
2,2026/3/12 10:02:11,240秒,手机提交,直接访问,112.224.3.9(山东-青岛),青岛海泰智能家电研发有限公司,新一代信息技术,家电远场语音识别降噪算法,厨房噪声环境下唤醒率低于85%,100万以内,20270630,王经理,0532-88886666
3,2026/3/13 14:20:05,96秒,微信,N/A,60.216.8.77(山东-潍坊),潍坊华鼎动力机械有限公司,高端装备制造,柴油机尾气后处理催化剂国产化,进口催化剂成本高、供货周期长,不超过200万,2027年6月,赵工,15963601234
4,2026/3/14 8:45:59,310秒,链接,N/A,27.221.40.5(山东-东营),东营海科源新材料有限公司,新材料,锂电池电解液添加剂连续化生产,间歇釜式工艺批次差异大,200万左右,2026年底,孙总,13562201234
",
    );
    let out = Import::new(
        Kind::Needs,
        "2026年企业技术需求调查问卷_原始数据.csv",
        with_bom(&text),
    )
    .run();
    out.succeeded().stored(4).nowhere(&[
        "223.98.12.41",
        "112.224.3.9",
        "185秒",
        "2026/3/12 9:15:32",
    ]);
    out.need("生物基酚醛树脂耐高温改性")
        .enterprise("济南圣源化工新材料有限公司")
        .field("新材料")
        .description_contains("250℃")
        .budget(Price::Between(wan(50.0), wan(100.0)))
        .deadline(2027, 6, 30);
    out.need("家电远场语音识别降噪算法")
        .enterprise("青岛海泰智能家电研发有限公司")
        .budget(Price::UpTo(wan(100.0)))
        .deadline(2027, 6, 30);
    out.need("柴油机尾气后处理催化剂国产化")
        .budget(Price::UpTo(wan(200.0)))
        .deadline(2027, 6, 30);
    out.need("锂电池电解液添加剂连续化生产")
        .budget(Price::Around(wan(200.0)))
        .deadline(2026, 12, 31);
}

#[test]
fn survey_budgets_written_as_ranges_and_caps() {
    let text = "企业名称,所属领域,需求名称,预算
山东玲峰轮胎有限公司,新材料,低滚阻轮胎胎面胶配方,500万以上
临沂金源肉制品有限公司,现代农业,低温肉制品保质期延长,30~50万
日照华钢环保科技有限公司,节能环保,烧结烟气超低排放改造,面议
威海高瑞医疗器械有限公司,生物,一次性输注器具抗菌涂层,不超过80万元
泰安岱宇玻纤材料有限公司,新材料,风电用高模量玻纤浸润剂,约200万
德州明阳太阳能科技有限公司,新能源,平板集热器选择性吸收涂层,10万元
";
    let out = Import::new(Kind::Needs, "需求调查.csv", text).run();
    out.succeeded().stored(6);
    out.need("低滚阻轮胎胎面胶配方")
        .budget(Price::AtLeast(wan(500.0)));
    out.need("低温肉制品保质期延长")
        .budget(Price::Between(wan(30.0), wan(50.0)));
    out.need("烧结烟气超低排放改造").budget(Price::Negotiable);
    out.need("一次性输注器具抗菌涂层")
        .budget(Price::UpTo(wan(80.0)));
    out.need("风电用高模量玻纤浸润剂")
        .budget(Price::Around(wan(200.0)));
    out.need("平板集热器选择性吸收涂层")
        .budget(Price::Exact(wan(10.0)));
}

#[test]
fn survey_deadlines_as_people_write_them() {
    let text = "企业名称,所属领域,需求名称,预算（万元）,期望完成时间
济南万通精工机械有限公司,高端装备制造,数控机床主轴热误差补偿,80,2027.6.30
青岛德润海洋生物科技有限公司,海洋,海参加工副产物高值化利用,50,20270630
烟台华盛食品有限公司,现代农业,果蔬速冻品质保持技术,30,2027年6月
临沂天元建材有限公司,新材料,固废基低碳胶凝材料,120,2026年底
济宁博源机电有限公司,高端装备制造,矿用减速机故障诊断,60,长期有效
聊城金泰纺织有限公司,新材料,再生涤纶高值化纺丝,40,不限
菏泽天瑞药业有限公司,生物,中药提取物质量标志物研究,90,2027/3/31
";
    let out = Import::new(Kind::Needs, "需求征集.csv", text).run();
    out.succeeded().stored(7);
    out.need("数控机床主轴热误差补偿").deadline(2027, 6, 30);
    out.need("海参加工副产物高值化利用").deadline(2027, 6, 30);
    out.need("果蔬速冻品质保持技术").deadline(2027, 6, 30);
    out.need("固废基低碳胶凝材料").deadline(2026, 12, 31);
    out.need("矿用减速机故障诊断").no_deadline();
    out.need("再生涤纶高值化纺丝").no_deadline();
    out.need("中药提取物质量标志物研究").deadline(2027, 3, 31);
}

// --- 7. Registration offices' contract ledgers (deals) ---------------------------------------------

#[test]
fn registration_office_contract_ledger_csv() {
    let text = crlf(
        "序号,合同编号,合同名称,卖方,买方,合同类型,合同金额（万元）,技术交易额（万元）,签订日期,登记日期
1,2026370102000015,高效永磁电机控制技术转让合同,山东大学,济南凯航电机有限公司,技术转让（专利权）,120,100,2026-01-08,2026-01-20
2,2026370102000016,盐碱地改良菌剂技术开发合同,山东农业大学,东营绿洲农业科技有限公司,技术开发（委托）,85,85,2026-01-12,2026-02-01
3,2026370102000021,智能制造产线诊断技术服务合同,山东省科学院,潍坊精工机械有限公司,技术服务（技术中介）,30,30,2026-02-05,2026-02-18
",
    );
    let out = Import::new(Kind::Deals, "技术合同登记台账.csv", with_bom(&text)).run();
    out.succeeded().stored(3);
    out.deal("高效永磁电机控制技术转让合同")
        .seller("山东大学")
        .buyer("济南凯航电机有限公司")
        .contract_type(ContractType::Transfer)
        .subtype("专利权")
        .contract_no("2026370102000015")
        .stage(&[DealStage::Registered])
        .amount(wan(120.0))
        .tech_amount(wan(100.0))
        .signed(2026, 1, 8);
    out.deal("盐碱地改良菌剂技术开发合同")
        .contract_type(ContractType::Development)
        .contract_no("2026370102000016")
        .stage(&[DealStage::Registered])
        .amount(wan(85.0));
    out.deal("智能制造产线诊断技术服务合同")
        .seller("山东省科学院")
        .contract_type(ContractType::Service)
        .stage(&[DealStage::Registered])
        .signed(2026, 2, 5);
}

#[test]
fn contract_ledger_xlsx_amounts_in_yuan_with_total_row() {
    let book = Xlsx::new()
        .sheet("登记台账", |s| {
            s.title("2026年第一季度技术合同认定登记台账", 10);
            s.row(row![
                "序号",
                "合同编号",
                "合同名称",
                "卖方",
                "买方",
                "合同类型",
                "合同金额（元）",
                "技术交易额（元）",
                "签订日期",
                "登记日期"
            ]);
            s.row(row![
                1,
                "2026370202000103",
                "海水养殖尾水生态处理技术开发合同",
                "中国海洋大学",
                "青岛蓝湾海洋科技有限公司",
                "技术开发（合作）",
                1200000,
                1000000,
                date(2026, 1, 6),
                date(2026, 1, 22)
            ]);
            s.row(row![
                2,
                "2026370202000117",
                "船舶压载水处理装置专利实施许可合同",
                "青岛科技大学",
                "青岛海祥船舶设备有限公司",
                "技术许可（专利实施许可）",
                650000,
                650000,
                date(2026, 2, 9),
                date(2026, 2, 27)
            ]);
            s.row(row![
                3,
                "2026370202000125",
                "工业互联网平台运维技术服务合同",
                "青岛理工大学",
                "青岛启明数字科技有限公司",
                "技术服务",
                280000,
                250000,
                date(2026, 3, 2),
                date(2026, 3, 18)
            ]);
            s.row(row!["合计", "", "", "", "", "", 2130000, 1900000, "", ""]);
        })
        .bytes();
    let out = Import::new(Kind::Deals, "2026Q1技术合同登记台账.xlsx", book).run();
    out.succeeded().stored(3).no_title_contains(&["合计"]);
    out.deal("海水养殖尾水生态处理技术开发合同")
        .seller("中国海洋大学")
        .buyer("青岛蓝湾海洋科技有限公司")
        .contract_type(ContractType::Development)
        .contract_no("2026370202000103")
        .stage(&[DealStage::Registered])
        .amount(wan(120.0))
        .tech_amount(wan(100.0))
        .signed(2026, 1, 6);
    out.deal("船舶压载水处理装置专利实施许可合同")
        .contract_type(ContractType::Licence)
        .amount(wan(65.0))
        .tech_amount(wan(65.0));
    out.deal("工业互联网平台运维技术服务合同")
        .contract_type(ContractType::Service)
        .amount(wan(28.0))
        .tech_amount(wan(25.0))
        .signed(2026, 3, 2);
}

#[test]
fn contract_ledger_subtypes_map_to_main_types() {
    let text = "合同编号,合同名称,卖方,买方,合同类型,合同金额（万元）,签订日期,登记日期
2026370300000201,新型农药缓释剂型开发合同,山东理工大学,淄博农丰化工有限公司,技术开发（委托）,60,2026-01-10,2026-01-25
2026370300000202,陶瓷3D打印工艺联合攻关合同,山东理工大学,淄博华光陶瓷科技有限公司,技术开发（合作）,150,2026-01-15,2026-02-02
2026370300000203,高效换热管专利权转让合同,山东理工大学,淄博宏达换热设备有限公司,技术转让（专利权）,45,2026-01-20,2026-02-05
2026370300000204,聚氨酯催化剂配方技术秘密转让合同,山东理工大学,淄博齐润化工股份有限公司,技术转让（技术秘密）,80,2026-02-01,2026-02-20
2026370300000205,电机驱动控制专利实施许可合同,山东理工大学,淄博凯航电机有限公司,技术许可（专利实施许可）,30,2026-02-10,2026-02-26
2026370300000206,园区低碳发展规划技术咨询合同,山东理工大学,淄博高新区管委会,技术咨询,12,2026-02-15,2026-03-01
2026370300000207,科技成果转化技术中介服务合同,山东理工大学,淄博鲁华节能材料有限公司,技术服务（技术中介）,8,2026-03-01,2026-03-12
2026370300000208,企业技术人员数控技能培训合同,山东理工大学,淄博万通精工机械有限公司,技术服务（技术培训）,5,2026-03-05,2026-03-16
";
    let out = Import::new(Kind::Deals, "合同登记.csv", text).run();
    out.succeeded().stored(8);
    let want = [
        ("新型农药缓释剂型开发合同", ContractType::Development),
        ("陶瓷3D打印工艺联合攻关合同", ContractType::Development),
        ("高效换热管专利权转让合同", ContractType::Transfer),
        ("聚氨酯催化剂配方技术秘密转让合同", ContractType::Transfer),
        ("电机驱动控制专利实施许可合同", ContractType::Licence),
        ("园区低碳发展规划技术咨询合同", ContractType::Consulting),
        ("科技成果转化技术中介服务合同", ContractType::Service),
        ("企业技术人员数控技能培训合同", ContractType::Service),
    ];
    for (title, kind) in want {
        out.deal(title)
            .contract_type(kind)
            .stage(&[DealStage::Registered]);
    }
    out.deal("新型农药缓释剂型开发合同").subtype("委托");
    out.deal("电机驱动控制专利实施许可合同")
        .subtype("专利实施许可")
        .contract_no("2026370300000205");
}

// --- 8. Values as people write them -----------------------------------------------------------------

#[test]
fn maturity_words_map_to_trl_ranges() {
    let text = "成果名称,完成单位,所属领域,技术成熟度,意向价格（万元）
钙钛矿叠层电池界面钝化技术,山东大学,新能源,实验室阶段,面议
海洋微藻DHA高密度发酵工艺,中国海洋大学,生物,通过小试,60
煤气化灰渣制备陶粒技术,山东科技大学,节能环保,中试阶段,80
农业无人机变量喷洒系统,山东农业大学,高端装备制造,样机,50
可穿戴心电监测贴片,山东第一医科大学,医养健康,已有样品,40
高硅钢薄带连续轧制技术,山东大学,新材料,小批量生产,300
LED植物补光灯具,山东师范大学,现代农业,可以量产,20
铝电解槽余热发电系统,山东建筑大学,节能环保,已产业化,500
城市燃气管网泄漏监测系统,山东科技大学,新一代信息技术,成熟应用,150
固态电池硫化物电解质,青岛科技大学,新能源汽车,正在研发,面议
";
    let out = Import::new(Kind::Achievements, "成果成熟度.csv", text).run();
    out.succeeded().stored(10);
    let want: [(&str, std::ops::RangeInclusive<u8>, &[Stage]); 10] = [
        ("钙钛矿叠层电池界面钝化技术", 1..=4, &[Stage::Lab]),
        ("海洋微藻DHA高密度发酵工艺", 4..=6, &[Stage::SmallTrial]),
        ("煤气化灰渣制备陶粒技术", 6..=7, &[Stage::Pilot]),
        (
            "农业无人机变量喷洒系统",
            5..=7,
            &[Stage::SmallTrial, Stage::Pilot],
        ),
        (
            "可穿戴心电监测贴片",
            5..=7,
            &[Stage::SmallTrial, Stage::Pilot],
        ),
        (
            "高硅钢薄带连续轧制技术",
            7..=8,
            &[Stage::Pilot, Stage::Industrial],
        ),
        ("LED植物补光灯具", 8..=9, &[Stage::Industrial]),
        ("铝电解槽余热发电系统", 8..=9, &[Stage::Industrial]),
        ("城市燃气管网泄漏监测系统", 8..=9, &[Stage::Industrial]),
        ("固态电池硫化物电解质", 1..=4, &[Stage::Lab]),
    ];
    for (title, trl, stages) in want {
        out.achievement(title).trl(trl).stage(stages);
    }
}

#[test]
fn full_width_digits_under_wan_yuan_header() {
    let text = format!(
        "成果名称,完成单位,所属领域,技术成熟度,意向价格（万元）
耐高温聚酰亚胺薄膜连续化制备,山东师范大学,新材料,{},{}
黄河三角洲盐生植物开发利用,滨州学院,现代农业,{},{}
",
        full_width("6"),
        full_width("120"),
        full_width("7"),
        full_width("85.5"),
    );
    let out = Import::new(Kind::Achievements, "成果.csv", with_bom(&text)).run();
    out.succeeded().stored(2);
    out.achievement("耐高温聚酰亚胺薄膜连续化制备")
        .trl(6..=6)
        .price(Price::Exact(wan(120.0)));
    out.achievement("黄河三角洲盐生植物开发利用")
        .trl(7..=7)
        .price(Price::Exact(wan(85.5)));
}

#[test]
fn client_phones_with_extensions_and_two_numbers() {
    let text = "单位名称,联系人,联系电话
济南华创精密机械有限公司,刘强,0531-88395566转8012
青岛瑞德海洋装备有限公司,陈晓,0532-85901234-806
烟台新润化工有限公司,王芳,13805356688/0535-6180001
潍坊恒信食品有限公司,赵明,13953628866；15066668888
临沂兴达物流装备有限公司,孙丽,(0539)8911234
";
    let out = Import::new(Kind::Clients, "客户通讯录.csv", text).run();
    out.succeeded().stored(5);
    out.client("济南华创精密机械有限公司")
        .contact("刘强")
        .phones_keep(&["0531-88395566", "8012"]);
    out.client("青岛瑞德海洋装备有限公司")
        .phones_keep(&["0532-85901234", "806"]);
    out.client("烟台新润化工有限公司")
        .phones_keep(&["13805356688", "0535-6180001"]);
    out.client("潍坊恒信食品有限公司")
        .phones_keep(&["13953628866", "15066668888"]);
    out.client("临沂兴达物流装备有限公司")
        .phones_keep(&["0539", "8911234"]);
}

#[test]
fn credit_codes_with_spaces_and_full_width_characters() {
    let spaced = credit_code("91370102MA3C8XY21");
    let wide = credit_code("91370200MA3N4PQ8K");
    let lower = credit_code("91370600MA94R6BT4");
    let padded = credit_code("12370000MB2850213");
    let grouped: String = spaced
        .chars()
        .enumerate()
        .flat_map(|(i, c)| (i > 0 && i % 4 == 0).then_some(' ').into_iter().chain([c]))
        .collect();
    let text = format!(
        "单位名称,统一社会信用代码,联系人
济南华创精密机械有限公司,{grouped},刘强
青岛瑞德海洋装备有限公司,{},陈晓
烟台新润化工有限公司,{},王芳
山东省农业科学院,\" {padded}\t\",李华
",
        full_width(&wide),
        lower.to_lowercase(),
    );
    let out = Import::new(Kind::Clients, "客户名录.csv", with_bom(&text)).run();
    out.succeeded().stored(4);
    out.client("济南华创精密机械有限公司").credit_code(&spaced);
    out.client("青岛瑞德海洋装备有限公司").credit_code(&wide);
    out.client("烟台新润化工有限公司").credit_code(&lower);
    out.client("山东省农业科学院").credit_code(&padded);
}

#[test]
fn more_than_five_keywords_are_kept() {
    let text = "成果名称,完成单位,所属领域,关键词,技术成熟度
智慧矿山5G专网融合通信系统,山东科技大学,新一代信息技术,5G、专网、矿山、融合通信、边缘计算、井下定位、视频回传、低时延,7
海上风电导管架防腐涂层,中国海洋大学,新能源,海上风电、导管架、防腐、涂层、阴极保护、石墨烯,6
";
    let out = Import::new(Kind::Achievements, "成果关键词.csv", text).run();
    out.succeeded().stored(2);
    // Kept in full, or the first five kept with a warning naming the keywords.
    for (title, written) in [
        ("智慧矿山5G专网融合通信系统", 8),
        ("海上风电导管架防腐涂层", 6),
    ] {
        let rec = out.achievement(title);
        let n = rec.rec.keywords.len();
        if n != written {
            assert_eq!(
                n,
                5,
                "{title}: {written} keywords written, {n} kept\n{}",
                out.context()
            );
            out.says_any(&["关键词"]);
        }
    }
    out.achievement("智慧矿山5G专网融合通信系统").trl(7..=7);
}

#[test]
fn keyword_separators_as_people_type_them() {
    let text = "成果名称,完成单位,所属领域,关键词,技术成熟度
全钒液流电池电解液制备技术,山东大学,新能源,储能、液流电池、钒电解液,6
锌溴液流电池电堆设计,山东大学,新能源,储能，液流电池，电堆,5
铁铬液流电池隔膜材料,青岛科技大学,新能源,储能;液流电池;隔膜,5
有机液流电池活性分子设计,青岛科技大学,新能源,储能；液流电池；活性分子,3
液流电池管理系统,山东科技大学,新能源,储能 液流电池 电池管理,7
液流电池储能电站集成,山东电力工程咨询院有限公司,新能源,\"储能,液流电池,电站集成\",8
液流电池电极改性技术,齐鲁工业大学,新能源,储能、 液流电池 ，电极改性,4
";
    let out = Import::new(Kind::Achievements, "液流电池成果.csv", text).run();
    out.succeeded().stored(7);
    let want = [
        (
            "全钒液流电池电解液制备技术",
            ["储能", "液流电池", "钒电解液"],
        ),
        ("锌溴液流电池电堆设计", ["储能", "液流电池", "电堆"]),
        ("铁铬液流电池隔膜材料", ["储能", "液流电池", "隔膜"]),
        ("有机液流电池活性分子设计", ["储能", "液流电池", "活性分子"]),
        ("液流电池管理系统", ["储能", "液流电池", "电池管理"]),
        ("液流电池储能电站集成", ["储能", "液流电池", "电站集成"]),
        ("液流电池电极改性技术", ["储能", "液流电池", "电极改性"]),
    ];
    for (title, keywords) in want {
        out.achievement(title).keyword_list(&keywords);
    }
}

// --- 9. Client lists --------------------------------------------------------------------------------

#[test]
fn institution_client_list_csv() {
    let text = format!(
        "序号,单位名称,统一社会信用代码,所在地区,单位性质,联系人,职务,联系电话,电子邮箱
1,济南华创精密机械有限公司,{},山东省济南市历下区,企业,刘强,技术总监,13805311234,liuqiang@hcjm.com.cn
2,山东建筑大学,{},山东省济南市历城区,高校,王磊,技术转移中心主任,0531-86361234,wanglei@sdjzu.edu.cn
3,山东省科学院海洋仪器仪表研究所,{},山东省青岛市崂山区,科研院所,陈静,科研处处长,0532-58771234,
",
        credit_code("91370102MA3C8XY21"),
        credit_code("12370000495572706"),
        credit_code("12370000MB2850213"),
    );
    let out = Import::new(Kind::Clients, "服务机构客户名单.csv", with_bom(&text)).run();
    out.succeeded().stored(3);
    out.client("济南华创精密机械有限公司")
        .kind(ClientKind::Enterprise)
        .credit_code(&credit_code("91370102MA3C8XY21"))
        .region("山东省", "济南市", "历下区")
        .contact("刘强")
        .phone("13805311234")
        .email("liuqiang@hcjm.com.cn");
    out.client("山东建筑大学")
        .kind(ClientKind::University)
        .region("山东省", "济南市", "历城区")
        .contact("王磊")
        .phone("0531-86361234");
    out.client("山东省科学院海洋仪器仪表研究所")
        .kind(ClientKind::Institute)
        .region("山东省", "青岛市", "崂山区")
        .contact("陈静");
}

#[test]
fn client_list_xlsx_with_title_and_number_cells() {
    let book = Xlsx::new()
        .sheet("客户名录", |s| {
            s.title("2026年技术转移服务机构客户名录", 7);
            s.row(row![
                "序号",
                "单位名称",
                "统一社会信用代码",
                "所在地区",
                "所属行业",
                "联系人",
                "联系电话"
            ]);
            s.row(row![
                1,
                "烟台新润化工有限公司",
                credit_code("91370600MA94R6BT4"),
                "山东省烟台市芝罘区",
                "新材料",
                "王芳",
                13805351234_i64
            ]);
            s.row(row![
                2,
                "烟台海明船舶装备有限公司",
                credit_code("91370700MA3F5K2L9"),
                "山东省烟台市莱山区",
                "海洋",
                "张涛",
                13905356789_i64
            ]);
            s.row(row![
                3,
                "烟台瑞康生物医药有限公司",
                credit_code("91371300MA3M8W7P6"),
                "山东省烟台市福山区",
                "生物",
                "李娜",
                15165351234_i64
            ]);
            s.row(row!["合计：3家"]);
        })
        .bytes();
    let out = Import::new(Kind::Clients, "客户名录.xlsx", book).run();
    out.succeeded().stored(3).no_title_contains(&["合计"]);
    out.client("烟台新润化工有限公司")
        .credit_code(&credit_code("91370600MA94R6BT4"))
        .region("山东省", "烟台市", "芝罘区")
        .industry("新材料")
        .contact("王芳")
        .phone("13805351234");
    out.client("烟台海明船舶装备有限公司").phone("13905356789");
}

// --- 10. Round trips: TechBroker's own exports imported into a new database --------------------------

#[test]
fn round_trip_achievements_csv_english() {
    let source = Source::generated(20, 40, 0, 11);
    let before = source.stored();
    let file = source.export(Kind::Achievements, "csv", Lang::En);
    let out = Import::new(Kind::Achievements, "achievements.csv", file).run();
    out.succeeded().stored(40);
    same_records(
        "achievements",
        &before.achievements,
        &out,
        &out.stored.achievements,
        achievement_listed,
    );
}

#[test]
fn round_trip_achievements_xlsx_chinese() {
    let source = Source::generated(20, 40, 0, 12);
    let before = source.stored();
    let file = source.export(Kind::Achievements, "xlsx", Lang::Zh);
    let out = Import::new(Kind::Achievements, "科技成果.xlsx", file).run();
    out.succeeded().stored(40);
    same_records(
        "achievements",
        &before.achievements,
        &out,
        &out.stored.achievements,
        achievement_listed,
    );
}

#[test]
fn round_trip_achievements_json() {
    let source = Source::generated(20, 40, 0, 13);
    let before = source.stored();
    let file = source.export(Kind::Achievements, "json", Lang::En);
    let out = Import::new(Kind::Achievements, "achievements.json", file).run();
    out.succeeded().stored(40);
    same_records(
        "achievements",
        &before.achievements,
        &out,
        &out.stored.achievements,
        achievement_whole,
    );
}

#[test]
fn round_trip_needs_csv_chinese_keeps_confidentiality_not_the_marker() {
    let source = Source::generated(20, 0, 30, 14);
    let before = source.stored();
    assert!(
        before.needs.iter().any(|n| n.confidential),
        "the demo data has confidential needs"
    );
    let file = source.export(Kind::Needs, "csv", Lang::Zh);
    let out = Import::new(Kind::Needs, "技术需求.csv", file).run();
    out.succeeded()
        .stored(30)
        .no_title_contains(&["【保密】", "[Confidential]"])
        .nowhere(&["【保密】"]);
    same_records("needs", &before.needs, &out, &out.stored.needs, need_listed);
}

#[test]
fn round_trip_needs_xlsx_english() {
    let source = Source::generated(20, 0, 30, 15);
    let before = source.stored();
    let file = source.export(Kind::Needs, "xlsx", Lang::En);
    let out = Import::new(Kind::Needs, "needs.xlsx", file).run();
    out.succeeded()
        .stored(30)
        .nowhere(&["[Confidential]", "【保密】"]);
    same_records("needs", &before.needs, &out, &out.stored.needs, need_listed);
}

#[test]
fn round_trip_clients_csv_english() {
    let source = Source::generated(30, 0, 0, 16);
    let before = source.stored();
    let file = source.export(Kind::Clients, "csv", Lang::En);
    let out = Import::new(Kind::Clients, "clients.csv", file).run();
    out.succeeded().stored(30);
    same_records(
        "clients",
        &before.clients,
        &out,
        &out.stored.clients,
        client_listed,
    );
}

#[test]
fn round_trip_cells_that_look_like_formulas_csv_english() {
    let seed = "成果名称,完成单位,所属领域,关键词,TRL,成熟度阶段,价格（万元）
=SUM(A1)型土壤调理剂,山东农业大学,现代农业,-5℃、+3%,5,小试,120
-40℃低温锂电池电解液,山东大学,新能源,@低温、电解液,6,中试,80
+86远程诊断终端,山东大学,新一代信息技术,远程诊断、终端,7,中试,面议
";
    let source = Source::imported(Kind::Achievements, "seed.csv", seed.as_bytes());
    let before = source.stored();
    let file = source.export(Kind::Achievements, "csv", Lang::En);
    let out = Import::new(Kind::Achievements, "achievements.csv", file).run();
    out.succeeded().stored(3);
    out.achievement("=SUM(A1)型土壤调理剂")
        .keyword_list(&["-5℃", "+3%"])
        .price(Price::Exact(wan(120.0)));
    out.achievement("-40℃低温锂电池电解液")
        .keyword_list(&["@低温", "电解液"])
        .price(Price::Exact(wan(80.0)));
    out.achievement("+86远程诊断终端");
    same_records(
        "achievements",
        &before.achievements,
        &out,
        &out.stored.achievements,
        achievement_listed,
    );
}

#[test]
fn round_trip_deals_csv_chinese() {
    let seed = "合同编号,合同名称,卖方,买方,合同类型,合同金额（万元）,技术交易额（万元）,签订日期,登记日期,阶段
2026370102000015,高效永磁电机控制技术转让合同,山东大学,济南凯航电机有限公司,技术转让,120,100,2026-01-08,2026-01-20,登记
2026370102000016,盐碱地改良菌剂技术开发合同,山东农业大学,东营绿洲农业科技有限公司,技术开发,85,85,2026-01-12,,签约
2026370102000030,海洋牧场监测技术咨询,中国海洋大学,青岛蓝湾海洋科技有限公司,技术咨询,12,12,2026-03-01,,洽谈
";
    let source = Source::imported(Kind::Deals, "seed.csv", seed.as_bytes());
    let before = source.stored();
    let file = source.export(Kind::Deals, "csv", Lang::Zh);
    let out = Import::new(Kind::Deals, "交易项目.csv", file).run();
    out.succeeded().stored(3);
    same_records("deals", &before.deals, &out, &out.stored.deals, deal_listed);
}

// --- 11. Bad files -----------------------------------------------------------------------------------

#[test]
fn web_page_that_is_not_a_table() {
    let page = r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>科技大市场 - 用户登录</title></head>
<body><div class="login"><h2>用户登录</h2>
<form action="/login" method="post"><input name="username" placeholder="手机号/用户名">
<input type="password" name="password"><button type="submit">登录</button></form>
<p>会话已过期，请重新登录后再导出。</p></div></body></html>
"#;
    let out = Import::new(Kind::Achievements, "成果列表.xls", page).run();
    out.refused().says_any(&["网页"]);
}

#[test]
fn header_but_no_rows() {
    let text = crlf("成果名称,完成单位,所属领域,技术成熟度,意向价格（万元）\n,,,,\n,,,,\n");
    let out = Import::new(Kind::Achievements, "成果模板.csv", with_bom(&text)).run();
    out.refused().says_any(&[
        "没有数据",
        "无数据",
        "没有记录",
        "只有表头",
        "没有可导入",
        "没有数据行",
    ]);
}

#[test]
fn password_protected_workbook() {
    let out = Import::new(
        Kind::Achievements,
        "2026年成果清单.xlsx",
        password_protected_xlsx(),
    )
    .run();
    out.refused().says_any(&["密码", "加密"]);
}

#[test]
fn utf8_file_with_a_few_gbk_rows() {
    let mut bytes = with_bom(
        "企业名称,所属领域,需求名称,预算（万元）
济南万通精工机械有限公司,高端装备制造,数控机床主轴热误差补偿,80
",
    );
    bytes.extend(gbk(
        "青岛德润海洋生物科技有限公司,海洋,海参加工副产物高值化利用,50\n",
    ));
    bytes.extend("烟台华盛食品有限公司,现代农业,果蔬速冻品质保持技术,30\n".as_bytes());
    bytes.extend(gbk("临沂天元建材有限公司,新材料,固废基低碳胶凝材料,120\n"));
    let out = Import::new(Kind::Needs, "需求汇总（合并）.csv", bytes).run();
    out.no_crash().no_replacement_characters();
    if out.code == Some(0) {
        // Read right, row by row: every name as written.
        out.stored(4);
        out.need("海参加工副产物高值化利用")
            .enterprise("青岛德润海洋生物科技有限公司");
        out.need("固废基低碳胶凝材料")
            .enterprise("临沂天元建材有限公司");
    } else {
        out.refused()
            .names_row(3)
            .names_row(5)
            .says_any(&["编码", "GBK", "乱码"]);
    }
}

#[test]
fn invalid_calendar_date_is_reported_by_row() {
    let text = "合同编号,合同名称,卖方,买方,合同类型,合同金额（万元）,签订日期
2024370100000031,高效节能电机技术开发合同,山东大学,济南凯航电机有限公司,技术开发,50,2024-02-28
2024370100000032,产线数字化诊断技术服务合同,山东省科学院,潍坊精工机械有限公司,技术服务,20,2024-03-15
2024370100000033,换热器专利转让合同,山东理工大学,淄博宏达换热设备有限公司,技术转让,80,2024-02-30
";
    let out = Import::new(Kind::Deals, "合同台账.csv", text).run();
    out.refused().names_row(4).says_any(&["日期"]);
}

#[test]
fn dates_before_1900_are_refused_by_row() {
    let text = "企业名称,所属领域,需求名称,预算（万元）,截止日期
济南万通精工机械有限公司,高端装备制造,数控机床主轴热误差补偿,80,2027-06-30
青岛德润海洋生物科技有限公司,海洋,海参加工副产物高值化利用,50,1899-12-31
烟台华盛食品有限公司,现代农业,果蔬速冻品质保持技术,30,2027-12-31
";
    let out = Import::new(Kind::Needs, "需求.csv", text).run();
    out.refused().names_row(3).says_any(&["1900"]);
}

#[test]
fn binary_file_named_csv() {
    let mut bytes = vec![0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03];
    let mut x: u32 = 0x9E37_79B9;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes.push(if x.is_multiple_of(7) {
            0
        } else {
            (x >> 24) as u8
        });
    }
    let out = Import::new(Kind::Achievements, "成果导出.csv", bytes)
        .lang(Lang::En)
        .run();
    out.refused().says_any(&[
        "not a table",
        "not a CSV",
        "not text",
        "not a text",
        "binary",
    ]);
}

// --- 12. Hostile workbooks ---------------------------------------------------------------------------

/// Refused, or read in full: either way under the memory bound and never killed.
fn bounded(out: &world::Outcome, rows: usize) {
    out.no_crash();
    match out.peak_rss_kb {
        Some(kb) => assert!(
            kb < MEMORY_LIMIT_KB,
            "peak resident memory {kb} KB is over {MEMORY_LIMIT_KB} KB\n{}",
            out.context()
        ),
        None => eprintln!("note: peak memory not measured (/usr/bin/time missing)"),
    }
    if out.code == Some(0) {
        out.stored(rows);
    } else {
        out.refused();
        assert!(
            !out.stderr.trim().is_empty(),
            "a refusal says why\n{}",
            out.context()
        );
    }
}

#[test]
fn hostile_workbook_declaring_full_sheet_dimension() {
    let header = ["成果名称", "完成单位", "所属领域", "技术成熟度"];
    let first = ["海水淡化能量回收装置", "中国海洋大学", "海洋", "7"];
    let second = ["高铁轴承钢洁净冶炼技术", "山东大学", "新材料", "6"];
    let cells = |r: u32, values: &[&str]| {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| inline_cell(&format!("{}{r}", (b'A' + i as u8) as char), v))
            .collect::<String>()
    };
    let xml = sheet_xml(
        "A1:XFD1048576",
        &[
            (1, cells(1, &header)),
            (2, cells(2, &first)),
            (3, cells(3, &second)),
        ],
    );
    let out = Import::new(Kind::Achievements, "成果.xlsx", minimal_xlsx(&xml))
        .measured()
        .run();
    bounded(&out, 2);
}

#[test]
fn hostile_workbook_with_one_far_cell_at_aaa300000() {
    let book = Xlsx::new()
        .sheet("Sheet1", |s| {
            s.row(row!["成果名称", "完成单位", "所属领域", "技术成熟度"]);
            s.row(row!["海水淡化能量回收装置", "中国海洋大学", "海洋", 7]);
            s.row(row!["高铁轴承钢洁净冶炼技术", "山东大学", "新材料", 6]);
            // Column AAA is the 703rd (index 702); row 300000 is index 299999.
            s.at(299_999, 702, &"x".into());
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "成果.xlsx", book)
        .measured()
        .run();
    bounded(&out, 2);
}

// --- The database itself -----------------------------------------------------------------------------

#[test]
fn import_into_a_new_database_path_creates_it() {
    let text = "需求名称,企业名称,所属领域,预算（万元）,截止日期
数控机床主轴热误差补偿,济南万通精工机械有限公司,高端装备制造,80,2027-06-30
果蔬速冻品质保持技术,烟台华盛食品有限公司,现代农业,30,2027-12-31
";
    let out = Import::new(Kind::Needs, "需求.csv", text)
        .start(Start::NoFile)
        .run();
    out.succeeded().stored(2);
    out.need("数控机床主轴热误差补偿")
        .enterprise("济南万通精工机械有限公司")
        .budget(Price::Exact(wan(80.0)))
        .deadline(2027, 6, 30);
}

// --- The harness itself --------------------------------------------------------------------------

/// Files in the headers the importer already reads, read back through the adapter: when this
/// fails, the export changed and `tests/world/export.rs` needs teaching, not the expectations.
#[test]
fn harness_reads_back_plain_files_of_every_kind() {
    let code = credit_code("91370102MA3C8XY21");
    let clients = format!(
        "单位名称,统一社会信用代码,单位类型,联系人,联系电话,邮箱
济南华创精密机械有限公司,{code},企业,刘强,0531-88395566,lq@hc.cn
"
    );
    let stored = Source::imported(Kind::Clients, "clients.csv", clients.as_bytes()).stored();
    assert_eq!(stored.clients.len(), 1, "{}", stored.summary());
    let c = &stored.clients[0];
    assert_eq!(
        (c.name.as_str(), c.kind, c.credit_code.as_str()),
        (
            "济南华创精密机械有限公司",
            Some(ClientKind::Enterprise),
            code.as_str()
        )
    );
    assert_eq!(
        (c.contacts[0].name.as_str(), c.contacts[0].phone.as_str()),
        ("刘强", "0531-88395566")
    );

    let achievements = "成果名称,完成单位,所属领域,关键词,TRL,成熟度阶段,价格（万元）,转化方式
海水淡化能量回收装置,中国海洋大学,海洋,能量回收、反渗透,7,中试,85.5,先使用后付费
";
    let stored = Source::imported(Kind::Achievements, "a.csv", achievements.as_bytes()).stored();
    let a = &stored.achievements[0];
    assert_eq!(
        (
            a.title.as_str(),
            a.owner.as_str(),
            a.field.as_str(),
            a.trl,
            a.stage
        ),
        (
            "海水淡化能量回收装置",
            "中国海洋大学",
            "海洋",
            Some(7),
            Some(Stage::Pilot)
        )
    );
    assert_eq!(a.keywords, ["能量回收", "反渗透"]);
    assert!(Price::Exact(wan(85.5)).matches(&a.price), "{:?}", a.price);
    assert_eq!(a.modes, [Mode::UseFirstPayLater]);

    let needs = "需求名称,需求企业,所属领域,预算（万元）,截止日期,保密
数控机床主轴热误差补偿,济南万通精工机械有限公司,高端装备制造,面议,2027-06-30,是
";
    let stored = Source::imported(Kind::Needs, "n.csv", needs.as_bytes()).stored();
    let n = &stored.needs[0];
    assert_eq!(
        (n.enterprise.as_str(), n.deadline, n.confidential),
        (
            "济南万通精工机械有限公司",
            Some(world::expect::ymd(2027, 6, 30)),
            true
        )
    );
    assert!(Price::Negotiable.matches(&n.budget), "{:?}", n.budget);

    let deals = "合同编号,合同名称,卖方,买方,合同类型,合同金额（万元）,技术交易额（万元）,签订日期,登记日期,阶段
2026370102000015,高效永磁电机控制技术转让合同,山东大学,济南凯航电机有限公司,技术转让,120,100,2026-01-08,2026-01-20,登记
";
    let stored = Source::imported(Kind::Deals, "d.csv", deals.as_bytes()).stored();
    let d = &stored.deals[0];
    assert_eq!(
        (d.title.as_str(), d.seller.as_str(), d.buyer.as_str()),
        (
            "高效永磁电机控制技术转让合同",
            "山东大学",
            "济南凯航电机有限公司"
        )
    );
    assert_eq!(
        (
            d.stage,
            d.contract_type,
            d.contract_amount,
            d.tech_amount,
            d.signed_on
        ),
        (
            Some(DealStage::Registered),
            Some(ContractType::Transfer),
            Some(wan(120.0)),
            Some(wan(100.0)),
            Some(world::expect::ymd(2026, 1, 8))
        )
    );
}

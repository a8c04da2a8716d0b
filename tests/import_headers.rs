//! Development cases for header recognition: column names written in wording the vocabulary
//! does not hold verbatim (numbered questions of 问卷星, 腾讯问卷 and 金数据, marks, units and
//! notes, role words of contract ledgers), two-level headers, index rows under the header,
//! files without a column the forms ask for, answers that mean "nothing", and documents that
//! are not spreadsheets. Each file is imported through the command line as a user does and read
//! back through the exports.

mod world;

use world::build::{Xlsx, credit_code, crlf, excel_html_page, gbk, html_rows, row, with_bom, zip};
use world::expect::{Price, wan, yuan};
use world::records::{ClientKind, ContractType, DealStage, Mode, Stage};
use world::{Import, Kind, Lang};

// --- Survey tools ---------------------------------------------------------------------------------

#[test]
fn wjx_survey_with_numbered_questions_skipped_answers_and_no_field_column() {
    let text = "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、贵单位名称：,2、您的技术需求名称是？,3、需求简要描述,4、预计投入资金（万元）,5、期望解决时间
1,2026/3/1 10:12:03,125秒,微信,N/A,112.224.1.1(山东-济南),济南鲁信精密机械有限公司,高精度滚珠丝杠磨削工艺,磨削后导程误差超差,100,2026-12-31
2,2026/3/1 11:40:55,98秒,手机提交,N/A,39.88.2.2(山东-青岛),青岛海澜新材料有限公司,海洋防腐涂层耐久性提升,(跳过),(跳过),(跳过)
3,2026/3/2 09:05:17,301秒,链接,N/A,60.212.3.3(山东-烟台),烟台瑞丰生物科技有限公司,益生菌冻干存活率提升,冻干后活菌数下降明显,-,/
";
    let out = Import::new(Kind::Needs, "问卷星_企业技术需求调查.csv", with_bom(text)).run();
    out.succeeded()
        .stored(3)
        .says_any(&["没有“领域”列", "没有“所属领域”列", "没有“技术领域”列"])
        .says_any(&["未导入的列"])
        .says_any(&["提交答卷时间"])
        .says_any(&["来自IP"])
        .nowhere(&["112.224.1.1", "125秒", "(跳过)"]);
    out.need("高精度滚珠丝杠磨削工艺")
        .enterprise("济南鲁信精密机械有限公司")
        .field("")
        .budget(Price::Exact(wan(100.0)))
        .deadline(2026, 12, 31)
        .description_contains("导程误差");
    out.need("海洋防腐涂层耐久性提升")
        .enterprise("青岛海澜新材料有限公司")
        .no_deadline();
    out.need("益生菌冻干存活率提升").no_deadline();
}

#[test]
fn tencent_survey_with_q_numbers_and_its_own_columns() {
    let text = "编号,开始答题时间,结束答题时间,答题时长,IP,地理位置,Q1. 企业名称*,Q2：需求名称,Q3、所属技术领域,Q4 预算（万元）,Q5. 期望完成日期
1,2026-04-01 09:00:00,2026-04-01 09:05:00,300,27.1.1.1,山东省淄博市,淄博齐峰陶瓷有限公司,陶瓷窑炉余热回收,节能环保,60,2027-06-30
2,2026-04-01 10:00:00,2026-04-01 10:03:00,180,27.2.2.2,山东省临沂市,临沂沂蒙食品有限公司,低温肉制品保鲜,现代农业,面议,2027-03-31
";
    let out = Import::new(Kind::Needs, "腾讯问卷导出.csv", with_bom(text)).run();
    out.succeeded()
        .stored(2)
        .nowhere(&["27.1.1.1", "山东省淄博市"]);
    out.need("陶瓷窑炉余热回收")
        .enterprise("淄博齐峰陶瓷有限公司")
        .field("节能环保")
        .budget(Price::Exact(wan(60.0)))
        .deadline(2027, 6, 30);
    out.need("低温肉制品保鲜")
        .field("现代农业")
        .budget(Price::Negotiable);
}

#[test]
fn jinshuju_survey_with_marks_notes_and_device_columns() {
    let text = "序号,贵公司全称（必填）,需求标题,技术领域,预算金额/万元,期望解决时间,填写设备,提交时间,微信昵称
1,德州华源生物能源有限公司,秸秆纤维素乙醇预处理,新能源,150,2027年6月,iPhone,2026-05-01 10:00,小王
2,威海蓝创海洋科技有限公司,海带褐藻胶绿色提取,海洋,50-100万,长期,Android,2026-05-02 11:00,海风
";
    let out = Import::new(Kind::Needs, "金数据_需求征集.csv", with_bom(text)).run();
    out.succeeded().stored(2).nowhere(&["iPhone", "小王"]);
    out.need("秸秆纤维素乙醇预处理")
        .enterprise("德州华源生物能源有限公司")
        .field("新能源")
        .budget(Price::Exact(wan(150.0)))
        .deadline(2027, 6, 30);
    out.need("海带褐藻胶绿色提取")
        .budget(Price::Between(wan(50.0), wan(100.0)))
        .no_deadline();
}

#[test]
fn survey_with_ordinal_and_chinese_numbers() {
    let text =
        "第1题 企业名称,第2题 需求名称,第3题：所属行业,第4题 预计投入（万元）,一、需求截止时间
枣庄鲁南化工机械有限公司,反应釜密封件国产替代,高端装备制造,40,2026-11-30
";
    let out = Import::new(Kind::Needs, "问卷.csv", text).run();
    out.succeeded().stored(1);
    out.need("反应釜密封件国产替代")
        .enterprise("枣庄鲁南化工机械有限公司")
        .field("高端装备制造")
        .budget(Price::Exact(wan(40.0)))
        .deadline(2026, 11, 30);
}

#[test]
fn needs_with_budget_caps_written_as_words() {
    let text = "需求名称,需求单位,领域,资金预算,截止
铸件缺陷智能检测,滨州精铸有限公司,高端装备制造,最高不超过200万元,2026-12-31
废旧锂电正极再生,东营锂源科技有限公司,新能源,上限200万,2026-12-31
高速电主轴动平衡,日照精机有限公司,高端装备制造,200万封顶,2026-12-31
";
    let out = Import::new(Kind::Needs, "需求.csv", text).run();
    out.succeeded().stored(3);
    for title in ["铸件缺陷智能检测", "废旧锂电正极再生", "高速电主轴动平衡"]
    {
        out.need(title)
            .budget(Price::UpTo(wan(200.0)))
            .deadline(2026, 12, 31);
    }
}

#[test]
fn needs_with_contact_columns_and_deadline_words() {
    let text = "需求方单位名称,联系人,联系电话,技术需求名称,所属领域,需求有效期限,对接联系人手机
泰安泰山玻纤有限公司,刘工,0538-8561234,玻纤浸润剂国产化,新材料,2027-01-31,13853801234
";
    let out = Import::new(Kind::Needs, "需求.csv", text).run();
    out.succeeded()
        .stored(1)
        .says_any(&["未导入的列"])
        .nowhere(&["0538-8561234", "刘工"]);
    out.need("玻纤浸润剂国产化")
        .enterprise("泰安泰山玻纤有限公司")
        .field("新材料")
        .deadline(2027, 1, 31);
}

#[test]
fn needs_whose_field_cell_is_empty_are_imported() {
    let text = "需求名称,企业名称,所属领域,预算（万元）
污泥低温干化,济宁环科有限公司,,30
";
    let out = Import::new(Kind::Needs, "需求.csv", text).run();
    out.succeeded().stored(1);
    out.need("污泥低温干化")
        .field("")
        .budget(Price::Exact(wan(30.0)));
}

#[test]
fn spaced_and_full_width_headers() {
    let text = "需 求 名 称,企　业　名　称,所属领域,ＴＲＬ要求,预算（万元）
石墨烯导热膜量产,潍坊碳谷科技有限公司,新材料,6,80
";
    let out = Import::new(Kind::Needs, "需求.csv", text).run();
    out.succeeded().stored(1);
    out.need("石墨烯导热膜量产")
        .enterprise("潍坊碳谷科技有限公司")
        .budget(Price::Exact(wan(80.0)));
}

// --- Achievements ---------------------------------------------------------------------------------

#[test]
fn platform_listing_with_holder_leader_and_level_columns() {
    let text = "成果名称,持有单位,成果负责人,所属行业,等级(1-9),所处阶段,挂牌价（万元）,交易方式
盐碱地微生物改良剂,山东农业大学,李明,现代农业,6,中试,80,许可
高效光伏清洗机器人,山东建筑大学,王刚,新能源,7,中试,面议,转让
";
    let out = Import::new(Kind::Achievements, "平台挂牌.csv", text).run();
    out.succeeded().stored(2);
    out.achievement("盐碱地微生物改良剂")
        .owner("山东农业大学")
        .inventors_include("李明")
        .field("现代农业")
        .trl(6..=6)
        .stage(&[Stage::Pilot])
        .price(Price::Exact(wan(80.0)))
        .modes(&[Mode::Licence]);
    out.achievement("高效光伏清洗机器人")
        .price(Price::Negotiable)
        .modes(&[Mode::Assignment]);
}

#[test]
fn achievement_headers_with_notes_after_line_breaks() {
    let book = Xlsx::new()
        .sheet("成果", |s| {
            s.row(row![
                "成果名称\n（请填写全称）",
                "完成单位（盖章）",
                "技术领域\n(按战略性新兴产业分类)",
                "技术成熟度（TRL，1-9级）",
                "意向价格\n（万元）",
                "发明人（前五位）"
            ]);
            s.row(row![
                "海水淡化反渗透膜抗污染改性",
                "中国海洋大学",
                "海洋",
                5,
                150,
                "赵海、钱洋"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "成果.xlsx", book).run();
    out.succeeded().stored(1);
    out.achievement("海水淡化反渗透膜抗污染改性")
        .owner("中国海洋大学")
        .field("海洋")
        .trl(5..=5)
        .price(Price::Exact(wan(150.0)))
        .inventors_include("赵海");
}

#[test]
fn two_level_header_sub_names_win_over_their_groups() {
    let book = Xlsx::new()
        .sheet("汇总", |s| {
            s.merge(0, 0, 1, 0, "序号");
            s.merge(0, 1, 1, 1, "成果名称");
            s.merge(0, 2, 1, 2, "完成单位");
            s.merge(0, 3, 1, 3, "领域");
            s.merge(0, 4, 0, 5, "成熟度");
            s.at(1, 4, &"等级(1-9)".into());
            s.at(1, 5, &"阶段".into());
            s.merge(0, 6, 0, 7, "交易信息");
            s.at(1, 6, &"交易方式".into());
            s.at(1, 7, &"意向价格（万元）".into());
            s.move_to(2);
            s.row(row![
                1,
                "智能温室环境调控系统",
                "山东农业大学",
                "现代农业",
                7,
                "中试",
                "转让",
                90
            ]);
            s.row(row![
                2,
                "冷链物流温度追溯平台",
                "山东交通学院",
                "新一代信息技术",
                8,
                "产业化",
                "许可",
                45
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "两级表头.xlsx", book).run();
    out.succeeded().stored(2);
    out.achievement("智能温室环境调控系统")
        .owner("山东农业大学")
        .trl(7..=7)
        .stage(&[Stage::Pilot])
        .price(Price::Exact(wan(90.0)))
        .modes(&[Mode::Assignment]);
    out.achievement("冷链物流温度追溯平台")
        .trl(8..=8)
        .stage(&[Stage::Industrial])
        .price(Price::Exact(wan(45.0)))
        .modes(&[Mode::Licence]);
}

#[test]
fn two_level_header_group_names_a_column_with_a_vague_sub_name() {
    let book = Xlsx::new()
        .sheet("汇总", |s| {
            s.merge(0, 0, 1, 0, "成果名称");
            s.merge(0, 1, 0, 2, "成果持有方");
            s.at(1, 1, &"单位名称".into());
            s.at(1, 2, &"联系人".into());
            s.merge(0, 3, 1, 3, "所属领域");
            s.merge(0, 4, 0, 5, "技术成熟度");
            s.at(1, 4, &"级别".into());
            s.at(1, 5, &"说明".into());
            s.move_to(2);
            s.row(row![
                "农机北斗导航自动驾驶",
                "山东理工大学",
                "孙老师",
                "高端装备制造",
                6,
                "已完成田间试验"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "两级表头.xlsx", book).run();
    out.succeeded().stored(1);
    out.achievement("农机北斗导航自动驾驶")
        .owner("山东理工大学")
        .field("高端装备制造")
        .trl(6..=6);
}

#[test]
fn index_row_of_stems_under_the_header_is_skipped() {
    let text = crlf(
        "成果名称,完成单位,所属领域,技术成熟度,意向价格（万元）
甲,乙,丙,丁,戊
工业废盐资源化利用,山东科技大学,节能环保,6,200
纳米纤维素增强复合材料,齐鲁工业大学,新材料,5,面议
",
    );
    let out = Import::new(Kind::Achievements, "成果.csv", with_bom(&text)).run();
    out.succeeded()
        .stored(2)
        .no_title_contains(&["甲"])
        .names_row(2)
        .says_any(&["列编号行"]);
    out.achievement("工业废盐资源化利用").trl(6..=6);
}

#[test]
fn index_row_labelled_and_numbered_is_skipped() {
    let text = "序号,成果名称,完成单位,所属领域,技术成熟度
栏次,1,2,3,4
1,氢燃料电池双极板涂层,山东大学,新能源,5
";
    let out = Import::new(Kind::Achievements, "成果.csv", text).run();
    out.succeeded().stored(1).says_any(&["列编号行"]);
    out.achievement("氢燃料电池双极板涂层").owner("山东大学");
}

#[test]
fn index_row_of_letters_in_a_workbook_is_skipped() {
    let book = Xlsx::new()
        .sheet("Sheet1", |s| {
            s.title("2026年可转化成果清单", 5);
            s.row(row!["序号", "成果名称", "完成单位", "领域", "技术成熟度"]);
            s.row(row!["A", "B", "C", "D", "E"]);
            s.row(row![1, "高分子絮凝剂绿色合成", "济南大学", "节能环保", 7]);
            s.row(row![2, "果蔬近红外无损检测", "山东农业大学", "现代农业", 6]);
        })
        .bytes();
    let out = Import::new(Kind::Achievements, "清单.xlsx", book).run();
    out.succeeded()
        .stored(2)
        .names_row(3)
        .no_title_contains(&["B"]);
}

#[test]
fn achievements_without_a_field_column_are_imported_with_a_note() {
    let text = "成果名称,完成单位,技术成熟度,意向价格（万元）
高强韧铝合金挤压工艺,山东大学,6,120
";
    let out = Import::new(Kind::Achievements, "成果.csv", text).run();
    out.succeeded()
        .stored(1)
        .says_any(&["没有“领域”列", "没有“所属领域”列", "没有“技术领域”列"]);
    out.achievement("高强韧铝合金挤压工艺").field("").trl(6..=6);
}

#[test]
fn achievements_without_a_title_column_are_refused() {
    let text = "完成单位,所属领域,技术成熟度
山东大学,新材料,6
";
    let out = Import::new(Kind::Achievements, "成果.csv", text).run();
    out.refused().says_any(&["必填"]);
}

#[test]
fn english_export_like_headers_with_units() {
    let text =
        "Achievement title,Owner organisation,Technical field,TRL (1-9),Asking price (10k yuan)
Laser cladding repair,Yantai University,高端装备制造,7,260
";
    let out = Import::new(Kind::Achievements, "listing.csv", text)
        .lang(Lang::En)
        .run();
    out.succeeded().stored(1);
    out.achievement("Laser cladding repair")
        .owner("Yantai University")
        .field("高端装备制造")
        .trl(7..=7)
        .price(Price::Exact(wan(260.0)));
}

#[test]
fn platform_web_page_with_holder_and_readiness_wording() {
    let rows = [
        vec![
            "序号",
            "成果名称",
            "成果持有方",
            "所属技术领域",
            "技术就绪度（TRL）",
            "挂牌价格（万元）",
            "合作意向",
            "发布时间",
        ],
        vec![
            "1",
            "生物基尼龙56纤维制备",
            "青岛大学",
            "新材料",
            "7",
            "300",
            "转让",
            "2026-03-01",
        ],
        vec![
            "2",
            "海上风电桩基防腐监测",
            "中国石油大学（华东）",
            "新能源",
            "6",
            "电议",
            "许可",
            "2026-03-02",
        ],
    ];
    let page = excel_html_page("gb2312", &html_rows(&rows, true));
    let out = Import::new(Kind::Achievements, "挂牌成果.xls", gbk(&page)).run();
    out.succeeded()
        .stored(2)
        .no_replacement_characters()
        .says_any(&["发布时间"]);
    out.achievement("生物基尼龙56纤维制备")
        .owner("青岛大学")
        .field("新材料")
        .trl(7..=7)
        .price(Price::Exact(wan(300.0)))
        .modes(&[Mode::Assignment]);
    out.achievement("海上风电桩基防腐监测")
        .owner("中国石油大学（华东）")
        .price(Price::Negotiable)
        .modes(&[Mode::Licence]);
}

#[test]
fn needs_template_with_optional_marks_and_a_share_prefix() {
    let text = "需求名称（必填）,需求企业（盖章）,所属领域(选填),关键词（选填，3-5个）,其中：拟投入资金（万元）,需求截止日期(选填)
精密减速器齿形修形,临沂精工传动有限公司,高端装备制造,减速器、齿形修形,无,2027-05-31
";
    let out = Import::new(Kind::Needs, "需求.csv", text).run();
    out.succeeded().stored(1);
    out.need("精密减速器齿形修形")
        .enterprise("临沂精工传动有限公司")
        .field("高端装备制造")
        .keywords(2)
        .deadline(2027, 5, 31);
}

// --- Clients --------------------------------------------------------------------------------------

#[test]
fn client_list_with_contact_words_and_phones_of_every_form() {
    let text = format!(
        "单位名称（全称）,统一社会信用代码（18位）,对接联系人,手机/座机,电子邮箱
聊城鲁西精工有限公司,{},张伟,0534-7212345 分机 216,zw@lxjg.cn
日照港机装备有限公司,,李娜,15806351234 / 13963501234,
泰安岱岳电气有限公司,,王强,\"0538-8561234，13853801234\",
",
        credit_code("91371500MA3C5TQ6X")
    );
    let out = Import::new(Kind::Clients, "客户.csv", text).run();
    out.succeeded().stored(3);
    out.client("聊城鲁西精工有限公司")
        .contact("张伟")
        .phones_keep(&["0534-7212345", "216"])
        .email("zw@lxjg.cn");
    out.client("日照港机装备有限公司")
        .contact("李娜")
        .phones_keep(&["15806351234", "13963501234"]);
    out.client("泰安岱岳电气有限公司")
        .contact("王强")
        .phones_keep(&["0538-8561234", "13853801234"]);
}

#[test]
fn client_survey_with_numbered_questions() {
    let text = "1、贵单位名称,2、单位性质,3、联系人,4、联系方式,5、所在地区
菏泽华昌化工有限公司,企业,周红,13905301234,山东省 菏泽市 牡丹区
山东省农业科学院,科研院所,吴军,0531-66659999,山东省 济南市 历城区
";
    let out = Import::new(Kind::Clients, "单位调查.csv", text).run();
    out.succeeded().stored(2);
    out.client("菏泽华昌化工有限公司")
        .kind(ClientKind::Enterprise)
        .contact("周红")
        .phone("13905301234")
        .region("山东省", "菏泽市", "牡丹区");
    out.client("山东省农业科学院").contact("吴军");
}

// --- Contract ledgers -----------------------------------------------------------------------------

#[test]
fn ledger_with_role_words_and_amounts_in_yuan() {
    let text = crlf(
        "合同登记号,项目名称,让与方,受让方,合同类别,合同成交额（元）,技术交易额（元）,签订时间,认定登记日期
2026370200000101,海藻酸钠医用敷料技术转让,青岛大学,青岛明月海藻集团有限公司,技术转让（技术秘密）,1234567.89,1000000.5,2026-03-02,2026-03-20
",
    );
    let out = Import::new(Kind::Deals, "台账.csv", with_bom(&text)).run();
    out.succeeded().stored(1);
    out.deal("海藻酸钠医用敷料技术转让")
        .seller("青岛大学")
        .buyer("青岛明月海藻集团有限公司")
        .contract_type(ContractType::Transfer)
        .contract_no("2026370200000101")
        .amount(yuan(1234567.89))
        .tech_amount(yuan(1000000.5))
        .signed(2026, 3, 2)
        .stage(&[DealStage::Registered]);
}

#[test]
fn ledger_with_commissioned_parties_and_a_share_column() {
    let text = "合同编号,合同名称,受托方（乙方）,委托方（甲方）,合同类型,合同金额（万元）,其中：技术交易额（万元）,签订日期
2026370300000007,煤矿井下巡检机器人开发合同,山东科技大学,淄博矿业集团有限公司,技术开发（委托）,300,280,2026-02-10
";
    let out = Import::new(Kind::Deals, "台账.csv", text).run();
    out.succeeded().stored(1);
    out.deal("煤矿井下巡检机器人开发合同")
        .seller("山东科技大学")
        .buyer("淄博矿业集团有限公司")
        .contract_type(ContractType::Development)
        .subtype("委托")
        .amount(wan(300.0))
        .tech_amount(wan(280.0))
        .stage(&[DealStage::Signed, DealStage::Registered]);
}

#[test]
fn ledger_with_two_level_role_groups() {
    let book = Xlsx::new()
        .sheet("台账", |s| {
            s.merge(0, 0, 1, 0, "合同编号");
            s.merge(0, 1, 1, 1, "合同名称");
            s.merge(0, 2, 0, 3, "卖方");
            s.at(1, 2, &"名称".into());
            s.at(1, 3, &"联系人".into());
            s.merge(0, 4, 0, 5, "买方");
            s.at(1, 4, &"名称".into());
            s.at(1, 5, &"联系人".into());
            s.merge(0, 6, 1, 6, "合同金额（万元）");
            s.merge(0, 7, 1, 7, "签订日期");
            s.move_to(2);
            s.row(row![
                "2026370600000033",
                "果蔬气调保鲜库技术服务合同",
                "烟台大学",
                "陈老师",
                "烟台蓝海果业有限公司",
                "马经理",
                25,
                "2026-04-15"
            ]);
        })
        .bytes();
    let out = Import::new(Kind::Deals, "台账.xlsx", book).run();
    out.succeeded().stored(1).nowhere(&["陈老师", "马经理"]);
    out.deal("果蔬气调保鲜库技术服务合同")
        .seller("烟台大学")
        .buyer("烟台蓝海果业有限公司")
        .amount(wan(25.0))
        .signed(2026, 4, 15);
}

// --- Files that are not spreadsheets --------------------------------------------------------------

fn word_docx() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("_rels/.rels", b"<Relationships/>".as_slice()),
        (
            "word/document.xml",
            "<w:document><w:body><w:p><w:r><w:t>成果汇总表</w:t></w:r></w:p></w:body></w:document>"
                .as_bytes(),
        ),
    ])
}

#[test]
fn word_document_named_xlsx_is_told_as_such() {
    let out = Import::new(Kind::Achievements, "成果汇总表.xlsx", word_docx()).run();
    out.refused().says_any(&["Word 文档"]);
}

#[test]
fn word_document_named_xlsx_is_told_in_english() {
    let out = Import::new(Kind::Achievements, "summary.xlsx", word_docx())
        .lang(Lang::En)
        .run();
    out.refused()
        .says_any(&["Word document, not a spreadsheet"]);
}

#[test]
fn old_word_document_named_xls_is_told_as_such() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(1024, 0);
    bytes.extend("Root Entry".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(1152, 0);
    bytes.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(4096, 0);
    let out = Import::new(Kind::Needs, "需求汇总.xls", bytes).run();
    out.refused().says_any(&["Word 文档"]);
}

#[test]
fn pdf_named_xls_is_told_as_such() {
    let mut bytes =
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    bytes.extend(std::iter::repeat_n(0x8Fu8, 512));
    let out = Import::new(Kind::Needs, "需求汇总.xls", bytes).run();
    out.refused().says_any(&["PDF"]);
}

#[test]
fn zip_archive_named_xlsx_is_told_as_such() {
    let inner = zip(&[("成果汇总.csv", "成果名称,完成单位\n".as_bytes())]);
    let bytes = zip(&[
        ("成果汇总/说明.txt", "请见表格".as_bytes()),
        ("成果汇总/成果.zip", inner.as_slice()),
    ]);
    let out = Import::new(Kind::Achievements, "成果汇总.xlsx", bytes).run();
    out.refused().says_any(&["压缩包"]);
}

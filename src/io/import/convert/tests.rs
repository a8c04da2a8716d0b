use super::*;
use crate::domain::{Money, Price, TransferMode};

fn mapping(kind: ImportKind, headers: &[&str]) -> Mapping {
    Mapping::auto(kind, headers.iter().map(|s| s.to_string()).collect())
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

fn wan(n: i64) -> Money {
    Money::from_yuan(n * 10_000)
}

/// The record and the warnings' (field, warning) pairs.
fn ok(converted: Converted) -> (Candidate, Vec<(Option<Target>, Warning)>) {
    let (c, w) = converted.expect("the row is refused");
    (c, w.into_iter().map(|w| (w.target, w.warning)).collect())
}

fn achievement_of(c: Candidate) -> AchievementData {
    match c {
        Candidate::Achievement { data, .. } => data,
        other => panic!("not an achievement: {other:?}"),
    }
}

fn need_of(c: Candidate) -> NeedData {
    match c {
        Candidate::Need { data, .. } => data,
        other => panic!("not a need: {other:?}"),
    }
}

#[test]
fn an_achievement_row_is_stored_as_typed() {
    let m = mapping(
        ImportKind::Achievements,
        &[
            "成果名称",
            "完成单位",
            "技术领域",
            "成熟度",
            "意向价格（万元）",
            "转化方式",
            "专利号",
        ],
    );
    let (c, warnings) = ok(new_record(
        &m,
        &row(&[
            "锂电池回收技术",
            "山东大学",
            "新能源",
            "TRL6",
            "50",
            "转让、普通许可",
            "ZL202110123456.7",
        ]),
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    let Candidate::Achievement { data, owner, .. } = c else {
        panic!("not an achievement");
    };
    assert_eq!(owner.name, "山东大学");
    assert_eq!(data.title, "锂电池回收技术");
    assert_eq!(data.trl, 6);
    assert_eq!(data.stage, Stage::typical_for_trl(6));
    assert_eq!(data.price, Price::Amount(Money::from_yuan(500_000)));
    assert!(data.transfer_modes.contains(TransferMode::LicenceOrdinary));
    assert_eq!(data.ip_items.len(), 1);
}

#[test]
fn only_what_cannot_be_stored_refuses_a_row() {
    let m = mapping(
        ImportKind::Achievements,
        &["成果名称", "完成单位", "技术领域", "成熟度", "价格", "阶段"],
    );
    let errors = new_record(&m, &row(&["", "", "新能源", "12", "很多", "试验"])).unwrap_err();
    let got: Vec<_> = errors
        .iter()
        .map(|e| (e.target, e.problem.clone()))
        .collect();
    assert!(got.contains(&(Some(Target::Title), RowProblem::Field(Problem::Required))));
    assert!(got.contains(&(Some(Target::Owner), RowProblem::Field(Problem::Required))));
    assert!(got.contains(&(Some(Target::Trl), RowProblem::Field(Problem::TrlOutOfRange))));
    assert_eq!(got.len(), 3, "{got:?}");
    // The same values with a title and an owner import, with warnings.
    let (c, warnings) = ok(new_record(
        &m,
        &row(&["锂电池", "山东大学", "新能源", "12", "很多", "中试"]),
    ));
    let data = achievement_of(c);
    assert_eq!((data.trl, data.stage), (6, Stage::Pilot));
    assert_eq!(data.price, Price::Negotiable);
    assert!(warnings.contains(&(
        Some(Target::Price),
        Warning::AmountUnreadable("很多".into())
    )));
    assert!(warnings.contains(&(Some(Target::Trl), Warning::UnknownValue("12".into()))));
}

#[test]
fn maturity_in_words_gives_a_trl_and_a_stage() {
    let m = mapping(
        ImportKind::Achievements,
        &["成果名称", "第一完成单位", "高新技术领域", "所处阶段"],
    );
    assert!(m.missing_required().is_empty());
    for (words, trl, stage) in [
        ("初期阶段", 3, Stage::Lab),
        ("中期阶段", 5, Stage::SmallTrial),
        ("成熟应用阶段", 9, Stage::Industrial),
        ("通过中试", 7, Stage::Pilot),
    ] {
        let (c, warnings) = ok(new_record(&m, &row(&["氢能", "山东大学", "新能源", words])));
        let data = achievement_of(c);
        assert_eq!((data.trl, data.stage), (trl, stage), "{words}");
        assert_eq!(
            warnings,
            vec![(
                Some(Target::Stage),
                Warning::TrlFromWords(words.into(), trl)
            )]
        );
    }
    let m = mapping(
        ImportKind::Achievements,
        &["成果名称", "持有人", "所属行业", "技术成熟度\n(TRL)*"],
    );
    let (c, _) = ok(new_record(
        &m,
        &row(&["氢能", "山东大学", "新能源", "已有样品"]),
    ));
    let data = achievement_of(c);
    assert_eq!((data.trl, data.stage), (6, Stage::Pilot));
}

#[test]
fn prices_as_platforms_write_them() {
    let m = mapping(
        ImportKind::Achievements,
        &["成果名称", "持有人", "所属行业", "TRL", "交易价格"],
    );
    for (cell, price) in [
        ("50万元", Price::Amount(wan(50))),
        ("1.2亿", Price::Amount(wan(12_000))),
        ("¥50万", Price::Amount(wan(50))),
        ("3,000", Price::Amount(Money::from_yuan(3_000))),
        ("价格面议", Price::Negotiable),
        ("电议", Price::Negotiable),
    ] {
        let (c, _) = ok(new_record(
            &m,
            &row(&["氢能", "山东大学", "新能源", "6", cell]),
        ));
        assert_eq!(achievement_of(c).price, price, "{cell}");
    }
    let m = mapping(
        ImportKind::Achievements,
        &[
            "成果名称",
            "持有人",
            "所属行业",
            "TRL",
            "意向价格\n（万元）",
        ],
    );
    let (c, _) = ok(new_record(
        &m,
        &row(&["氢能", "山东大学", "新能源", "6", "１２０"]),
    ));
    assert_eq!(achievement_of(c).price, Price::Amount(wan(120)));
    let (c, warnings) = ok(new_record(
        &m,
        &row(&["氢能", "山东大学", "新能源", "6", "50-80"]),
    ));
    assert_eq!(achievement_of(c).price, Price::Amount(wan(50)));
    assert_eq!(
        warnings,
        vec![(Some(Target::Price), Warning::PriceRange("50-80万".into()))]
    );
}

#[test]
fn more_than_five_keywords_are_kept() {
    let m = mapping(
        ImportKind::Achievements,
        &["成果名称", "完成单位", "技术领域", "TRL", "关键词"],
    );
    let (c, warnings) = ok(new_record(
        &m,
        &row(&["氢能", "山东大学", "新能源", "6", "a、b、c、d、e、f、g"]),
    ));
    assert_eq!(achievement_of(c).keywords.len(), 7);
    assert!(warnings.is_empty());
}

#[test]
fn an_update_keeps_what_the_file_does_not_say() {
    let m = mapping(ImportKind::Needs, &["需求名称", "企业名称", "预算"]);
    let base = NeedDraft {
        field: "新能源".into(),
        description: "已有描述".into(),
        ..NeedDraft::default()
    };
    let (c, _) = ok(need(&m, &row(&["储能系统", "潍柴动力", "30万"]), base, ""));
    let data = need_of(c);
    assert_eq!(data.description, "已有描述");
    assert_eq!(data.budget, Price::Amount(Money::from_yuan(300_000)));
}

#[test]
fn budgets_as_ranges_caps_and_floors_are_kept_as_written() {
    let m = mapping(
        ImportKind::Needs,
        &["需求名称", "企业名称", "技术领域", "预算（万元）"],
    );
    for (cell, written, budget) in [
        ("50-100", "50-100万", wan(100)),
        ("100万以内", "100万以内", wan(100)),
        ("不超过200万", "不超过200万", wan(200)),
        ("200万左右", "200万左右", wan(200)),
        ("500万以上", "500万以上", wan(500)),
    ] {
        let (c, _) = ok(new_record(&m, &row(&["储能", "潍柴", "新能源", cell])));
        let data = need_of(c);
        assert_eq!(data.budget_written(), Some(written), "{cell}");
        assert_eq!(data.budget, Price::Amount(budget), "{cell}");
    }
}

#[test]
fn deadlines_as_people_write_them() {
    let m = mapping(
        ImportKind::Needs,
        &["需求名称", "企业名称", "技术领域", "截止日期"],
    );
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    for (cell, expected) in [
        ("45413", day(2024, 5, 1)),
        ("2027.6.30", day(2027, 6, 30)),
        ("20270630", day(2027, 6, 30)),
        ("2027年6月", day(2027, 6, 30)),
        ("2026年底", day(2026, 12, 31)),
        ("长期有效", None),
        ("不限", None),
    ] {
        let (c, _) = ok(new_record(&m, &row(&["储能", "潍柴", "新能源", cell])));
        assert_eq!(need_of(c).deadline, expected, "{cell}");
    }
    // A date that is not one, or one before 1900, refuses the row.
    let errors = new_record(&m, &row(&["储能", "潍柴", "新能源", "2024-02-30"])).unwrap_err();
    assert_eq!(
        errors,
        vec![CellError::field(Target::Deadline, Problem::InvalidDate)]
    );
    let errors = new_record(&m, &row(&["储能", "潍柴", "新能源", "1899-12-31"])).unwrap_err();
    assert_eq!(
        errors[0].problem,
        RowProblem::DateBefore1900("1899-12-31".into())
    );
}

#[test]
fn survey_exports_map_and_their_own_columns_are_ignored() {
    let m = mapping(
        ImportKind::Needs,
        &[
            "序号",
            "提交答卷时间",
            "来源",
            "1、企业名称",
            "Q4. 需求名称",
            "3、技术领域",
        ],
    );
    assert_eq!(
        m.columns,
        vec![
            None,
            None,
            None,
            Some(Target::Enterprise),
            Some(Target::Title),
            Some(Target::Field)
        ]
    );
}

#[test]
fn a_client_row_brings_its_contact_and_odd_values_are_kept() {
    let m = mapping(
        ImportKind::Clients,
        &[
            "客户名称",
            "类型",
            "统一社会信用代码",
            "联系人",
            "电话",
            "邮箱",
        ],
    );
    let (c, warnings) = ok(new_record(
        &m,
        &row(&[
            "山东大学",
            "高校",
            "9137 0000 1630 4484 1F",
            "张老师",
            "0531-88888888转123",
            "zhang@sdu.edu.cn",
        ]),
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    let Candidate::Client {
        draft, contacts, ..
    } = c
    else {
        panic!("not a client");
    };
    assert_eq!(draft.kind, ClientKind::University);
    assert_eq!(draft.credit_code, "91370000163044841F");
    assert_eq!(contacts[0].name, "张老师");
    let (c, warnings) = ok(new_record(
        &m,
        &row(&["某公司", "企业", "123", "李四", "abc", ""]),
    ));
    let targets: Vec<_> = warnings.iter().map(|w| w.0).collect();
    assert_eq!(
        targets,
        vec![Some(Target::CreditCode), Some(Target::ContactPhone)]
    );
    let Candidate::Client {
        draft, contacts, ..
    } = c
    else {
        panic!("not a client");
    };
    assert_eq!(draft.credit_code, "123");
    assert_eq!(contacts[0].phone, "abc");
}

#[test]
fn regions_split_into_province_city_and_district() {
    assert_eq!(
        split_region("山东省 济南市 历下区"),
        ["山东省".to_string(), "济南市".into(), "历下区".into()]
    );
    assert_eq!(
        split_region("山东省济南市历下区"),
        ["山东省".to_string(), "济南市".into(), "历下区".into()]
    );
    assert_eq!(
        split_region("济南市"),
        [String::new(), "济南市".into(), String::new()]
    );
    assert_eq!(
        split_region("北京市 海淀区"),
        ["北京市".to_string(), String::new(), "海淀区".into()]
    );
    for written in [
        "山东省-青岛市-崂山区",
        "山东省/青岛市/崂山区",
        "山东省 > 青岛市 > 崂山区",
        "山东省－青岛市－崂山区",
        "山东省 - 青岛市 - 崂山区",
    ] {
        assert_eq!(
            split_region(written),
            ["山东省".to_string(), "青岛市".into(), "崂山区".into()],
            "{written:?}"
        );
    }
    assert_eq!(
        split_region("山东省-青岛市"),
        ["山东省".to_string(), "青岛市".into(), String::new()]
    );
    assert_eq!(
        split_region("-青岛市"),
        [String::new(), "青岛市".into(), String::new()]
    );
}

#[test]
fn a_host_unit_is_one_line_of_the_notes() {
    assert_eq!(with_host_unit("", "山东大学"), "依托单位：山东大学");
    assert_eq!(
        with_host_unit("第一批\n", "山东大学"),
        "第一批\n依托单位：山东大学"
    );
    // Imported again, or with another host: the line is replaced, not repeated.
    assert_eq!(
        with_host_unit("依托单位：山东大学\n第一批", "齐鲁工业大学"),
        "第一批\n依托单位：齐鲁工业大学"
    );
    assert_eq!(
        with_host_unit(&with_host_unit("第一批", "山东大学"), "山东大学"),
        "第一批\n依托单位：山东大学"
    );
}

#[test]
fn a_carrier_rows_host_unit_goes_to_the_notes_and_its_cost_is_plain_yuan() {
    let m = mapping(
        ImportKind::Carriers,
        &["名称", "建设单位", "服务领域", "服务费用（万元）", "备注"],
    );
    assert_eq!(m.column_of(Target::HostUnit), Some(1));
    let (c, warnings) = ok(new_record(
        &m,
        &row(&[
            "济南市高端医疗器械中试基地",
            "济南高新区管委会",
            "生物",
            "120",
            "第一批",
        ]),
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    let (org, _, k) = carrier_of(c);
    assert_eq!(org.notes, "第一批\n依托单位：济南高新区管委会");
    assert_eq!(k.typical_cost, "1200000.00");
    // No host cell: the notes are the notes cell's.
    let (c, _) = ok(new_record(
        &m,
        &row(&["某中试基地", "", "生物", "", "第一批"]),
    ));
    assert_eq!(carrier_of(c).0.notes, "第一批");
}

#[test]
fn a_ledger_row_is_a_registered_deal_with_its_contract_number() {
    let m = mapping(
        ImportKind::Deals,
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
    assert!(m.missing_required().is_empty());
    let (c, warnings) = ok(new_record(
        &m,
        &row(&[
            "2026370101000123",
            "高导热膜技术开发",
            "山东大学",
            "潍柴动力",
            "技术开发（委托）",
            "120",
            "100",
            "2026-03-01",
            "2026-03-20",
        ]),
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    let Candidate::Deal(d) = c else {
        panic!("not a deal");
    };
    assert_eq!(d.stage, DealStage::Registered);
    assert_eq!(d.contract_no, "2026370101000123");
    assert_eq!(
        d.terms.contract_type,
        crate::domain::ContractType::Development
    );
    assert_eq!(d.contract_subtype, "委托");
    assert_eq!(d.terms.contract, Some(wan(120)));
    assert_eq!(d.terms.technology, Some(wan(100)));
    assert_eq!(d.registered_on, NaiveDate::from_ymd_opt(2026, 3, 20));
}

fn carrier_of(c: Candidate) -> (ClientDraft, Vec<ContactDraft>, CarrierDraft) {
    match c {
        Candidate::Client {
            draft,
            contacts,
            carrier: Some(k),
        } => (draft, contacts, k),
        other => panic!("not a carrier: {other:?}"),
    }
}

#[test]
fn a_provincial_list_of_pilot_bases_reads_as_carriers() {
    let m = mapping(
        ImportKind::Carriers,
        &[
            "序号",
            "基地名称",
            "所在市",
            "重点服务领域",
            "中试能力",
            "主要仪器设备",
            "收费标准（万元/项）",
            "联系人",
            "联系电话",
        ],
    );
    assert_eq!(m.column_of(Target::Name), Some(1));
    assert_eq!(m.column_of(Target::Field), Some(3));
    assert_eq!(m.column_of(Target::Capacity), Some(4));
    assert_eq!(m.column_of(Target::Equipment), Some(5));
    assert_eq!(m.column_of(Target::TypicalCost), Some(6));
    let (c, warnings) = ok(new_record(
        &m,
        &row(&[
            "1",
            "济南新材料中试示范基地",
            "济南市",
            "新材料；高端装备",
            "年中试 20 项",
            "2 条中试线",
            "30",
            "王工",
            "0531-66668888",
        ]),
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    let (org, contacts, k) = carrier_of(c);
    assert_eq!(org.name, "济南新材料中试示范基地");
    assert_eq!(org.city, "济南市");
    assert_eq!(k.kind, CarrierKind::PilotBase);
    assert_eq!(k.fields, "新材料、高端装备");
    assert_eq!(k.capacity, "年中试 20 项");
    assert_eq!(k.equipment, "2 条中试线");
    let cost = k.validate().expect("a valid profile").typical_cost;
    assert_eq!(cost, Some(wan(30)));
    assert_eq!(contacts[0].name, "王工");
}

#[test]
fn a_carriers_kind_comes_from_its_column_or_its_name() {
    let m = mapping(
        ImportKind::Carriers,
        &["名称", "类型", "领域", "费用（元）"],
    );
    assert_eq!(m.column_of(Target::CarrierKind), Some(1));
    let kind_of = |cells: &[&str]| {
        let (c, warnings) = ok(new_record(&m, &row(cells)));
        (carrier_of(c).2.kind, warnings)
    };
    let (kind, _) = kind_of(&["甲", "概念验证中心", "生物医药", "50000"]);
    assert_eq!(kind, CarrierKind::ProofOfConcept);
    let (kind, _) = kind_of(&["乙", "Training base", "管理", ""]);
    assert_eq!(kind, CarrierKind::TrainingBase);
    // A platform's English label wins over a name that does not tell.
    let (kind, warnings) = kind_of(&[
        "齐鲁医学创新转化平台",
        "Proof of concept center",
        "医药",
        "",
    ]);
    assert_eq!(kind, CarrierKind::ProofOfConcept);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (kind, warnings) = kind_of(&["山东大学概念验证中心", "", "医药", ""]);
    assert_eq!(kind, CarrierKind::ProofOfConcept);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (kind, warnings) = kind_of(&["某中试基地", "孵化器", "材料", ""]);
    assert_eq!(kind, CarrierKind::PilotBase);
    assert_eq!(
        warnings,
        vec![(
            Some(Target::CarrierKind),
            Warning::UnknownValue("孵化器".into())
        )]
    );
}

#[test]
fn a_carrier_without_fields_or_a_readable_cost_is_kept_with_warnings() {
    let m = mapping(ImportKind::Carriers, &["基地名称", "服务领域", "收费标准"]);
    let (c, warnings) = ok(new_record(&m, &row(&["某中试基地", "", "面议"])));
    let (_, _, k) = carrier_of(c);
    assert_eq!(k.fields, "");
    assert_eq!(k.typical_cost, "");
    assert!(warnings.contains(&(Some(Target::Field), Warning::LeftEmpty)));
    let refused = new_record(&m, &row(&["", "材料", "1"]));
    let errors = refused.expect_err("a carrier without a name is refused");
    assert_eq!(errors[0].target, Some(Target::Name));
}

#[test]
fn the_kind_a_sheets_title_names_comes_before_the_one_a_name_suggests() {
    let mut m = mapping(ImportKind::Carriers, &["名称", "领域"]);
    let kind_of = |m: &Mapping| {
        let (c, _) = ok(new_record(m, &row(&["某市智能装备成果熟化平台", "装备"])));
        carrier_of(c).2.kind
    };
    assert_eq!(kind_of(&m), CarrierKind::PilotBase);
    m.sheet_carrier_kind = Some(CarrierKind::ProofOfConcept);
    assert_eq!(kind_of(&m), CarrierKind::ProofOfConcept);
    // A kind cell says more than the title.
    let mut m = mapping(ImportKind::Carriers, &["名称", "类型"]);
    m.sheet_carrier_kind = Some(CarrierKind::ProofOfConcept);
    let (c, _) = ok(new_record(&m, &row(&["某中试基地", "中试基地"])));
    assert_eq!(carrier_of(c).2.kind, CarrierKind::PilotBase);
}

#[test]
fn a_carrier_cost_that_is_not_one_amount_goes_to_the_notes_with_its_header() {
    let m = mapping(
        ImportKind::Carriers,
        &["基地名称", "服务领域", "中试费用", "负责人及职务", "备注"],
    );
    let cost_of = |cost: &str| {
        let (c, warnings) = ok(new_record(
            &m,
            &row(&["某中试基地", "材料", cost, "王强/副主任", "第一批"]),
        ));
        let (org, contacts, k) = carrier_of(c);
        assert_eq!(
            (contacts[0].name.as_str(), contacts[0].title.as_str()),
            ("王强", "副主任")
        );
        (k.typical_cost, org.notes, warnings)
    };
    let (cost, notes, warnings) = cost_of("10万元/项");
    assert_eq!((cost.as_str(), notes.as_str()), ("100000.00", "第一批"));
    assert!(warnings.is_empty(), "{warnings:?}");
    let (cost, notes, _) = cost_of("约8万元");
    assert_eq!((cost.as_str(), notes.as_str()), ("80000.00", "第一批"));
    for written in ["5-20万元/项", "按成交额3%"] {
        let (cost, notes, warnings) = cost_of(written);
        assert_eq!(cost, "", "{written}");
        assert_eq!(notes, format!("第一批\n中试费用：{written}"));
        assert_eq!(
            warnings,
            vec![(
                Some(Target::TypicalCost),
                Warning::CostInNotes(written.into())
            )]
        );
    }
}

#[test]
fn a_json_carrier_or_rights_record_is_checked_as_the_forms_check() {
    let client = ClientDraft {
        name: "某基地".into(),
        ..ClientDraft::default()
    };
    let bad_cost = Candidate::Client {
        draft: client.clone(),
        contacts: Vec::new(),
        carrier: Some(CarrierDraft {
            typical_cost: "很多".into(),
            ..CarrierDraft::default()
        }),
    };
    let errors = check_record(bad_cost).expect_err("a cost that is no amount is refused");
    assert_eq!(errors[0].target, Some(Target::TypicalCost));
    let good = Candidate::Client {
        draft: client,
        contacts: Vec::new(),
        carrier: Some(CarrierDraft {
            fields: "材料".into(),
            ..CarrierDraft::default()
        }),
    };
    assert!(check_record(good).is_ok());
    let rights = RightsDraft {
        shares: ["70".into(), "20".into(), "20".into()],
        ..RightsDraft::default()
    };
    let data = achievement_of(
        ok(new_record(
            &mapping(
                ImportKind::Achievements,
                &["成果名称", "完成单位", "领域", "TRL"],
            ),
            &row(&["锂电池回收", "山东大学", "新能源", "6"]),
        ))
        .0,
    );
    let with_rights = Candidate::Achievement {
        data,
        owner: OwnerRef {
            name: "山东大学".into(),
            kind: None,
        },
        rights: Some(rights),
    };
    let errors = check_record(with_rights).expect_err("shares of 110 % are refused");
    assert_eq!(errors[0].target, None);
}

#[test]
fn a_contact_cell_with_a_title_fills_the_title_a_title_column_leaves_empty() {
    let contact_of = |headers: &[&str], cells: &[&str]| {
        let (c, _) = ok(new_record(
            &mapping(ImportKind::Clients, headers),
            &row(cells),
        ));
        match c {
            Candidate::Client { contacts, .. } => {
                contacts.first().map(|d| (d.name.clone(), d.title.clone()))
            }
            other => panic!("not a client: {other:?}"),
        }
    };
    let both = |n: &str, t: &str| Some((n.to_string(), t.to_string()));
    assert_eq!(
        contact_of(&["客户名称", "联系人"], &["某公司", "刘洋（主任）"]),
        both("刘洋", "主任")
    );
    assert_eq!(
        contact_of(
            &["客户名称", "联系人", "职务"],
            &["某公司", "刘洋 主任", "副主任"]
        ),
        both("刘洋", "副主任")
    );
    assert_eq!(
        contact_of(
            &["客户名称", "联系人", "职务"],
            &["某公司", "刘洋(主任)", ""]
        ),
        both("刘洋", "主任")
    );
    assert_eq!(
        contact_of(&["客户名称", "联系人"], &["某公司", "刘洋"]),
        both("刘洋", "")
    );
}

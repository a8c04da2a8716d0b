//! What an imported column can hold, per kind of record, and the column names people use for
//! it on platforms and in their own sheets.

use serde::{Deserialize, Serialize};

/// Which records a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImportKind {
    Clients,
    Achievements,
    Needs,
    Deals,
}

impl ImportKind {
    pub const ALL: [ImportKind; 4] = [
        ImportKind::Clients,
        ImportKind::Achievements,
        ImportKind::Needs,
        ImportKind::Deals,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Clients => "clients",
            ImportKind::Achievements => "achievements",
            ImportKind::Needs => "needs",
            ImportKind::Deals => "deals",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The fields a column of this kind of file can be mapped to, in form order.
    pub fn targets(self) -> &'static [Target] {
        use Target::*;
        match self {
            ImportKind::Clients => &[
                Name,
                ClientKind,
                CreditCode,
                Region,
                Province,
                City,
                District,
                Industry,
                Size,
                Address,
                Website,
                Notes,
                ContactName,
                ContactTitle,
                ContactPhone,
                ContactEmail,
                ContactWechat,
            ],
            ImportKind::Achievements => &[
                Title,
                Owner,
                Inventors,
                Field,
                Keywords,
                Abstract,
                Indicators,
                Trl,
                Stage,
                IpNumbers,
                TransferModes,
                Price,
                RegistrationNo,
                AchievementStatus,
                Source,
            ],
            ImportKind::Needs => &[
                Title,
                Enterprise,
                Description,
                Indicators,
                Field,
                Keywords,
                Budget,
                PreferredMode,
                MinStage,
                MinTrl,
                Deadline,
                Confidential,
                NeedStatus,
            ],
            ImportKind::Deals => &[
                Title,
                Seller,
                Buyer,
                AchievementTitle,
                DealStage,
                ContractType,
                Expected,
                Contract,
                Technology,
                CommissionRate,
                SignedOn,
                Broker,
                LostReason,
                Notes,
                ContractNo,
                RegisteredOn,
                CertificateNo,
            ],
        }
    }

    /// Fields of which at least one must have a column: an achievement's maturity can come
    /// from a TRL or from its stage in words ("中试阶段").
    pub fn required_any(self) -> &'static [&'static [Target]] {
        match self {
            ImportKind::Achievements => &[&[Target::Trl, Target::Stage]],
            _ => &[],
        }
    }

    /// The fields a row cannot do without.
    pub fn required(self) -> &'static [Target] {
        match self {
            ImportKind::Clients => &[Target::Name],
            ImportKind::Achievements => &[Target::Title, Target::Owner, Target::Field],
            ImportKind::Needs => &[Target::Title, Target::Enterprise, Target::Field],
            ImportKind::Deals => &[Target::Title, Target::Seller, Target::Buyer],
        }
    }
}

/// A field of a stored record that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    // Clients and their first contact.
    Name,
    ClientKind,
    CreditCode,
    Province,
    City,
    District,
    Industry,
    Size,
    Address,
    Website,
    Notes,
    ContactName,
    ContactTitle,
    ContactPhone,
    ContactEmail,
    ContactWechat,
    /// Province, city and district in one cell ("山东省 济南市 历下区", "山东省济南市").
    Region,
    // Achievements and needs.
    Title,
    Owner,
    Inventors,
    Field,
    Keywords,
    Abstract,
    Indicators,
    Trl,
    Stage,
    IpNumbers,
    TransferModes,
    Price,
    RegistrationNo,
    AchievementStatus,
    Source,
    Enterprise,
    Description,
    Budget,
    PreferredMode,
    MinStage,
    MinTrl,
    Deadline,
    Confidential,
    NeedStatus,
    // Deals.
    Seller,
    Buyer,
    AchievementTitle,
    DealStage,
    ContractType,
    Expected,
    Contract,
    Technology,
    CommissionRate,
    SignedOn,
    Broker,
    LostReason,
    /// The contract's number in the registration ledger (合同编号).
    ContractNo,
    /// The day the registration office registered the contract (登记日期).
    RegisteredOn,
    /// The registration certificate's number (登记证书编号).
    CertificateNo,
}

impl Target {
    /// Column names that mean this field, compared after [`normalize_header`]: the names of
    /// TechBroker's own exports in both languages first, then those of the province's
    /// templates, the national achievement registration system (第一完成单位, 所处阶段),
    /// trading platforms (持有人, 挂牌价), survey tools (numbered questions are read without
    /// their numbers) and contract registration ledgers (合同编号, 卖方, 登记日期). This is the
    /// one vocabulary of column names: a header is read by it in [`target_of`] and [`auto_map`].
    pub fn synonyms(self, kind: ImportKind) -> &'static [&'static str] {
        use Target::*;
        match self {
            Name => &[
                "客户名称",
                "名称",
                "单位名称",
                "企业名称",
                "机构名称",
                "客户",
                "单位",
                "公司名称",
                "企业全称",
                "单位全称",
                "name",
                "client",
                "organisation",
                "organization",
                "company",
            ],
            ClientKind => &[
                "类型",
                "客户类型",
                "单位类型",
                "机构类型",
                "单位性质",
                "企业类型",
                "kind",
                "type",
            ],
            CreditCode => &[
                "统一社会信用代码",
                "信用代码",
                "社会信用代码",
                "统一信用代码",
                "组织机构代码",
                "creditcode",
                "uscc",
            ],
            Region => &[
                "地区",
                "所在地区",
                "所在地",
                "地域",
                "区域",
                "省市区",
                "region",
            ],
            Province => &["省份", "省", "所在省份", "所在省", "province"],
            City => &["城市", "市", "地市", "所在城市", "所在市", "city"],
            District => &["区县", "区", "县区", "县", "所在区县", "district"],
            Industry => &["行业", "所属行业", "行业类别", "行业分类", "industry"],
            Size => &["规模", "企业规模", "人数", "员工人数", "职工人数", "size"],
            Address => &[
                "地址",
                "详细地址",
                "通讯地址",
                "单位地址",
                "注册地址",
                "address",
            ],
            Website => &["网站", "网址", "主页", "官网", "单位网址", "website", "web"],
            Notes => &["备注", "说明", "notes", "note", "remarks"],
            ContactName => &[
                "联系人",
                "联系人姓名",
                "姓名",
                "对接人",
                "contact",
                "contactname",
            ],
            ContactTitle => &["职务", "职位", "联系人职务", "position", "jobtitle"],
            ContactPhone => &[
                "电话",
                "联系电话",
                "手机",
                "手机号",
                "手机号码",
                "联系方式",
                "联系人电话",
                "联系人手机",
                "办公电话",
                "phone",
                "mobile",
                "tel",
            ],
            ContactEmail => &[
                "邮箱",
                "电子邮箱",
                "电子邮件",
                "联系人邮箱",
                "email",
                "e-mail",
                "mail",
            ],
            ContactWechat => &["微信", "微信号", "联系人微信", "wechat"],
            Title => match kind {
                ImportKind::Deals => &[
                    "项目名称",
                    "合同名称",
                    "交易名称",
                    "技术合同名称",
                    "名称",
                    "标题",
                    "title",
                    "deal",
                    "name",
                ],
                ImportKind::Needs => &[
                    "需求名称",
                    "技术需求",
                    "需求标题",
                    "技术需求名称",
                    "需求",
                    "项目名称",
                    "名称",
                    "标题",
                    "need",
                    "title",
                    "name",
                ],
                _ => &[
                    "成果名称",
                    "项目名称",
                    "科技成果名称",
                    "技术名称",
                    "专利名称",
                    "成果",
                    "名称",
                    "标题",
                    "title",
                    "achievement",
                    "name",
                ],
            },
            Owner => &[
                "完成单位",
                "第一完成单位",
                "权利人",
                "持有人",
                "成果持有人",
                "所属单位",
                "持有单位",
                "成果单位",
                "成果完成单位",
                "依托单位",
                "专利权人",
                "单位",
                "单位名称",
                "owner",
                "holder",
                "organisation",
                "organization",
            ],
            Inventors => &[
                "完成人",
                "第一完成人",
                "发明人",
                "成果完成人",
                "主要完成人",
                "负责人",
                "项目负责人",
                "团队",
                "inventors",
                "inventor",
            ],
            Field => &[
                "所属领域",
                "技术领域",
                "领域",
                "行业领域",
                "应用领域",
                "高新技术领域",
                "所属行业",
                "产业领域",
                "学科领域",
                "field",
                "area",
            ],
            Keywords => &["关键词", "关键字", "标签", "keywords", "tags"],
            Abstract => &[
                "成果简介",
                "简介",
                "摘要",
                "成果介绍",
                "内容简介",
                "项目简介",
                "技术简介",
                "成果描述",
                "abstract",
                "summary",
                "description",
            ],
            Indicators => &[
                "技术指标",
                "主要技术指标",
                "性能指标",
                "指标要求",
                "目标指标",
                "指标",
                "indicators",
            ],
            Trl => &[
                "技术成熟度",
                "成熟度",
                "trl",
                "技术就绪度",
                "成熟度等级",
                "技术成熟度等级",
                "trl等级",
                "trl级别",
                "技术就绪水平",
            ],
            Stage => &[
                "成熟度阶段",
                "阶段",
                "研发阶段",
                "所处阶段",
                "成果阶段",
                "技术阶段",
                "成熟程度",
                "stage",
            ],
            IpNumbers => &[
                "知识产权",
                "专利号",
                "专利",
                "知识产权编号",
                "专利申请号",
                "专利号/申请号",
                "ip",
                "patents",
                "patent",
            ],
            TransferModes => &[
                "转化方式",
                "交易方式",
                "合作方式",
                "转让方式",
                "转化形式",
                "transfermode",
                "transfermodes",
                "modes",
            ],
            Price => &[
                "意向价格",
                "价格",
                "转让价格",
                "报价",
                "挂牌价格",
                "挂牌价",
                "交易价格",
                "参考价格",
                "拟转让价格",
                "price",
            ],
            RegistrationNo => &[
                "成果登记号",
                "登记号",
                "登记编号",
                "registrationno",
                "registration",
            ],
            AchievementStatus | NeedStatus => &["状态", "成果状态", "需求状态", "status"],
            Source => &["来源", "数据来源", "成果来源", "source"],
            Enterprise => &[
                "需求企业",
                "需求单位",
                "企业名称",
                "发布单位",
                "需求方",
                "单位",
                "单位名称",
                "企业",
                "公司名称",
                "enterprise",
                "company",
                "owner",
            ],
            Description => &[
                "需求描述",
                "需求内容",
                "描述",
                "详细描述",
                "需求简介",
                "需求详情",
                "问题描述",
                "需求说明",
                "description",
            ],
            Budget => &[
                "预算",
                "意向金额",
                "拟投入资金",
                "投入金额",
                "预算金额",
                "投入预算",
                "资金预算",
                "拟投入金额",
                "悬赏金额",
                "budget",
            ],
            PreferredMode => &[
                "合作方式",
                "需求方式",
                "对接方式",
                "期望合作方式",
                "mode",
                "preferredmode",
            ],
            MinStage => &["最低成熟度", "成熟度要求", "技术成熟度要求", "minstage"],
            MinTrl => &["最低trl", "最低技术成熟度", "mintrl"],
            Deadline => &[
                "截止日期",
                "截止时间",
                "有效期",
                "有效期至",
                "需求截止日期",
                "期望完成时间",
                "期望解决时间",
                "期望完成日期",
                "解决时间",
                "完成时限",
                "需求时限",
                "有效截止日期",
                "deadline",
            ],
            Confidential => &["保密需求", "保密", "是否保密", "confidential"],
            Seller => &[
                "卖方",
                "卖方名称",
                "技术卖方",
                "转让方",
                "许可方",
                "受托方",
                "研究开发方",
                "成果方",
                "供方",
                "完成单位",
                "seller",
                "licensor",
            ],
            Buyer => &[
                "买方",
                "买方名称",
                "技术买方",
                "受让方",
                "被许可方",
                "委托方",
                "需方",
                "企业",
                "企业名称",
                "buyer",
                "licensee",
            ],
            AchievementTitle => &["成果名称", "科技成果", "成果", "achievement"],
            DealStage => &[
                "阶段",
                "交易阶段",
                "进展",
                "状态",
                "项目阶段",
                "stage",
                "status",
            ],
            ContractType => &[
                "合同类型",
                "合同类别",
                "技术合同类型",
                "技术合同类别",
                "contracttype",
                "type",
            ],
            Expected => &[
                "预计金额",
                "预期金额",
                "意向金额",
                "expectedamount",
                "expected",
            ],
            Contract => &[
                "合同金额",
                "合同额",
                "成交金额",
                "合同成交额",
                "合同总金额",
                "contractamount",
                "contract",
                "amount",
            ],
            Technology => &[
                "技术交易额",
                "技术交易金额",
                "技术性收入",
                "认定技术交易额",
                "technology-transactionamount",
                "technologyamount",
                "technology",
            ],
            CommissionRate => &["佣金比例", "佣金率", "服务费比例", "commissionrate", "rate"],
            SignedOn => &[
                "签约日期",
                "签订日期",
                "合同签订日期",
                "签约时间",
                "签订时间",
                "signingdate",
                "signedon",
                "signed",
            ],
            Broker => &["经纪人", "技术经理人", "技术经纪人", "负责人", "broker"],
            LostReason => &["终止原因", "失败原因", "lostreason", "reasonlost", "reason"],
            ContractNo => &[
                "合同编号",
                "合同号",
                "合同登记号",
                "合同登记编号",
                "contractno",
                "contractno.",
                "contractnumber",
            ],
            RegisteredOn => &[
                "登记日期",
                "认定登记日期",
                "登记时间",
                "registeredon",
                "registrationdate",
            ],
            CertificateNo => &[
                "登记证书编号",
                "证书编号",
                "认定登记证明编号",
                "certificateno",
            ],
        }
    }

    /// The key used in saved mappings and mapping files.
    pub fn key(self) -> &'static str {
        use Target::*;
        match self {
            Name => "name",
            ClientKind => "kind",
            CreditCode => "credit_code",
            Province => "province",
            City => "city",
            District => "district",
            Industry => "industry",
            Size => "size",
            Address => "address",
            Website => "website",
            Notes => "notes",
            ContactName => "contact_name",
            ContactTitle => "contact_title",
            ContactPhone => "contact_phone",
            ContactEmail => "contact_email",
            ContactWechat => "contact_wechat",
            Title => "title",
            Owner => "owner",
            Inventors => "inventors",
            Field => "field",
            Keywords => "keywords",
            Abstract => "abstract",
            Indicators => "indicators",
            Trl => "trl",
            Stage => "stage",
            IpNumbers => "ip",
            TransferModes => "transfer_modes",
            Price => "price",
            RegistrationNo => "registration_no",
            AchievementStatus => "status",
            Source => "source",
            Enterprise => "enterprise",
            Description => "description",
            Budget => "budget",
            PreferredMode => "preferred_mode",
            MinStage => "min_stage",
            MinTrl => "min_trl",
            Deadline => "deadline",
            Confidential => "confidential",
            NeedStatus => "status",
            Seller => "seller",
            Buyer => "buyer",
            AchievementTitle => "achievement",
            DealStage => "stage",
            ContractType => "contract_type",
            Expected => "expected",
            Contract => "contract",
            Technology => "technology",
            CommissionRate => "commission_rate",
            SignedOn => "signed_on",
            Broker => "broker",
            LostReason => "lost_reason",
            ContractNo => "contract_no",
            RegisteredOn => "registered_on",
            CertificateNo => "certificate_no",
            Region => "region",
        }
    }

    pub fn from_key(kind: ImportKind, key: &str) -> Option<Target> {
        kind.targets().iter().copied().find(|t| t.key() == key)
    }

    pub fn is_money(self) -> bool {
        matches!(
            self,
            Target::Price
                | Target::Budget
                | Target::Expected
                | Target::Contract
                | Target::Technology
        )
    }
}

/// A header as compared with the synonyms: lower case, full-width letters and digits as ASCII,
/// without spaces or line breaks, asterisks marking required columns, colons, a bracketed note
/// such as "（万元）" or "(必填)", or a survey's question number ("1、企业名称", "Q4. 需求名称").
pub fn normalize_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut depth = 0usize;
    for c in header.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        };
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, '*' | ':' | '_' | '·' | '※' | '★') => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    without_question_number(&out).to_string()
}

/// "1、企业名称" → "企业名称", "q4.需求名称" → "需求名称", "第3题需求" → "需求".
fn without_question_number(text: &str) -> &str {
    let rest = text
        .strip_prefix('q')
        .or_else(|| text.strip_prefix('第'))
        .unwrap_or(text);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return text;
    }
    let after = &rest[digits..];
    let after = ["题", "、", ".", "．", ")", "-", "—"]
        .iter()
        .find_map(|sep| after.strip_prefix(sep));
    match after {
        Some(name) if !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()) => name,
        _ => text,
    }
}

/// Survey tools' own columns, never a record's field.
const SURVEY_COLUMNS: &[&str] = &[
    "提交答卷时间",
    "所用时间",
    "来源详情",
    "来自ip",
    "ip地址",
    "答卷编号",
    "答题时间",
    "填写时间",
    "开始时间",
    "结束时间",
    "总分",
    "用户id",
    "序号",
    "编号",
];

/// The amount unit a header names: "意向价格（万元）", "预算/万元", "Price (10k yuan)" are in 万;
/// "金额（亿元）" in 亿. A bare number in such a column is in that unit.
pub fn header_unit(header: &str) -> Option<&'static str> {
    let lower = header.to_lowercase();
    if header.contains('亿') {
        Some("亿")
    } else if header.contains('万') || lower.contains("10k") || lower.contains("ten thousand") {
        Some("万")
    } else {
        None
    }
}

/// The fields a header can mean for `kind`, each with its rank among the field's names (0 is
/// the field's own name); none for survey tools' columns.
fn candidates(kind: ImportKind, header: &str, survey: bool) -> Vec<(usize, Target)> {
    let norm = normalize_header(header);
    if norm.is_empty() || SURVEY_COLUMNS.contains(&norm.as_str()) || (survey && norm == "来源") {
        return Vec::new();
    }
    kind.targets()
        .iter()
        .filter_map(|&t| {
            t.synonyms(kind)
                .iter()
                .position(|s| normalize_header(s) == norm)
                .map(|rank| (rank, t))
        })
        .collect()
}

/// The field a header most likely names for `kind`.
pub fn target_of(kind: ImportKind, header: &str) -> Option<Target> {
    candidates(kind, header, false)
        .into_iter()
        .min_by_key(|&(rank, _)| rank)
        .map(|(_, t)| t)
}

/// The field each column most likely holds. Each (column, field) pair is ranked by how early
/// the header appears in the field's synonyms; the best pairs are taken first, and each field
/// and column is used once, so "完成单位" claims the owner before a vaguer "单位" can.
pub fn auto_map(kind: ImportKind, headers: &[String]) -> Vec<Option<Target>> {
    // A survey export (问卷星 and the like) has a "来源" column that is its own channel.
    let survey = headers
        .iter()
        .any(|h| ["提交答卷时间", "答卷编号", "来自ip"].contains(&normalize_header(h).as_str()));
    let mut pairs = Vec::new();
    for (col, header) in headers.iter().enumerate() {
        for (rank, t) in candidates(kind, header, survey) {
            pairs.push((rank, col, t));
        }
    }
    pairs.sort_by_key(|&(rank, col, _)| (rank, col));
    let mut map = vec![None; headers.len()];
    for (_, col, t) in pairs {
        if map[col].is_none() && !map.contains(&Some(t)) {
            map[col] = Some(t);
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_are_normalised() {
        assert_eq!(normalize_header(" 意向价格（万元）* "), "意向价格");
        assert_eq!(normalize_header("Credit Code"), "creditcode");
        assert_eq!(normalize_header("成果名称(必填)："), "成果名称");
        assert_eq!(normalize_header("技术成熟度\n(TRL)*"), "技术成熟度");
        assert_eq!(normalize_header("意向价格\n（万元）"), "意向价格");
        assert_eq!(normalize_header("1、企业名称"), "企业名称");
        assert_eq!(normalize_header("Q4. 需求名称"), "需求名称");
        assert_eq!(normalize_header("第3题 需求描述"), "需求描述");
        assert_eq!(normalize_header("2026年预算"), "2026年预算");
        assert_eq!(normalize_header("ＴＲＬ"), "trl");
        assert_eq!(header_unit("意向价格（万元）"), Some("万"));
        assert_eq!(header_unit("Price (10k yuan)"), Some("万"));
        assert_eq!(header_unit("金额（亿元）"), Some("亿"));
        assert_eq!(header_unit("意向价格（元）"), None);
    }

    #[test]
    fn platform_headers_map_to_achievement_fields() {
        let map = auto_map(
            ImportKind::Achievements,
            &headers(&[
                "序号",
                "成果名称",
                "完成单位",
                "技术领域",
                "成熟度",
                "意向价格（万元）",
                "关键词",
                "Unknown",
            ]),
        );
        assert_eq!(
            map,
            vec![
                None,
                Some(Target::Title),
                Some(Target::Owner),
                Some(Target::Field),
                Some(Target::Trl),
                Some(Target::Price),
                Some(Target::Keywords),
                None
            ]
        );
    }

    #[test]
    fn english_headers_map_and_a_field_is_taken_once() {
        let map = auto_map(
            ImportKind::Needs,
            &headers(&["Title", "Company", "Budget", "Name", "Deadline"]),
        );
        assert_eq!(
            map,
            vec![
                Some(Target::Title),
                Some(Target::Enterprise),
                Some(Target::Budget),
                None,
                Some(Target::Deadline)
            ]
        );
    }

    #[test]
    fn the_stronger_synonym_wins_the_owner() {
        let map = auto_map(
            ImportKind::Achievements,
            &headers(&["单位", "名称", "完成单位"]),
        );
        assert_eq!(map, vec![None, Some(Target::Title), Some(Target::Owner)]);
    }

    #[test]
    fn keys_round_trip_for_every_kind() {
        for kind in ImportKind::ALL {
            for &t in kind.targets() {
                assert_eq!(Target::from_key(kind, t.key()), Some(t), "{kind:?} {t:?}");
            }
            for &t in kind.required() {
                assert!(kind.targets().contains(&t));
            }
        }
    }
}

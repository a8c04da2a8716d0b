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
            ],
        }
    }

    /// The fields a row cannot do without.
    pub fn required(self) -> &'static [Target] {
        match self {
            ImportKind::Clients => &[Target::Name],
            ImportKind::Achievements => &[Target::Title, Target::Owner, Target::Field, Target::Trl],
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
}

impl Target {
    /// Column names that mean this field, compared after [`normalize_header`]. The first is the
    /// name TechBroker's own exports use.
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
                "kind",
                "type",
            ],
            CreditCode => &[
                "统一社会信用代码",
                "信用代码",
                "社会信用代码",
                "creditcode",
                "uscc",
            ],
            Province => &["省份", "省", "所在省份", "province"],
            City => &["城市", "市", "地市", "所在城市", "city"],
            District => &["区县", "区", "县区", "district"],
            Industry => &["行业", "所属行业", "industry"],
            Size => &["规模", "企业规模", "人数", "size"],
            Address => &["地址", "详细地址", "通讯地址", "address"],
            Website => &["网站", "网址", "主页", "website", "web"],
            Notes => &["备注", "说明", "notes", "note", "remarks"],
            ContactName => &["联系人", "联系人姓名", "contact", "contactname"],
            ContactTitle => &["职务", "职位", "联系人职务", "position", "jobtitle"],
            ContactPhone => &[
                "电话",
                "联系电话",
                "手机",
                "手机号",
                "联系方式",
                "phone",
                "mobile",
                "tel",
            ],
            ContactEmail => &["邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"],
            ContactWechat => &["微信", "微信号", "wechat"],
            Title => match kind {
                ImportKind::Deals => &[
                    "项目名称",
                    "交易名称",
                    "合同名称",
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
                    "需求",
                    "名称",
                    "标题",
                    "title",
                    "need",
                    "name",
                ],
                _ => &[
                    "成果名称",
                    "项目名称",
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
                "权利人",
                "所属单位",
                "持有单位",
                "成果单位",
                "单位",
                "单位名称",
                "专利权人",
                "owner",
                "holder",
                "organisation",
                "organization",
            ],
            Inventors => &[
                "完成人",
                "发明人",
                "成果完成人",
                "负责人",
                "团队",
                "inventors",
                "inventor",
            ],
            Field => &[
                "技术领域",
                "领域",
                "所属领域",
                "行业领域",
                "应用领域",
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
                "abstract",
                "summary",
                "description",
            ],
            Indicators => &[
                "技术指标",
                "主要技术指标",
                "性能指标",
                "指标要求",
                "指标",
                "indicators",
            ],
            Trl => &["技术成熟度", "成熟度", "trl", "技术就绪度", "成熟度等级"],
            Stage => &["成熟度阶段", "阶段", "研发阶段", "所处阶段", "stage"],
            IpNumbers => &[
                "知识产权",
                "专利号",
                "专利",
                "知识产权编号",
                "专利申请号",
                "ip",
                "patents",
                "patent",
            ],
            TransferModes => &[
                "转化方式",
                "合作方式",
                "交易方式",
                "转让方式",
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
                "交易价格",
                "price",
            ],
            RegistrationNo => &["成果登记号", "登记号", "registrationno", "registration"],
            AchievementStatus | NeedStatus => &["状态", "status"],
            Source => &["来源", "数据来源", "source"],
            Enterprise => &[
                "需求单位",
                "企业名称",
                "需求企业",
                "发布单位",
                "单位",
                "单位名称",
                "企业",
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
                "description",
            ],
            Budget => &[
                "预算",
                "意向金额",
                "拟投入资金",
                "投入金额",
                "预算金额",
                "budget",
            ],
            PreferredMode => &["合作方式", "需求方式", "对接方式", "mode", "preferredmode"],
            MinStage => &["最低成熟度", "成熟度要求", "minstage"],
            MinTrl => &["最低trl", "最低技术成熟度", "mintrl"],
            Deadline => &["截止日期", "截止时间", "有效期", "有效期至", "deadline"],
            Confidential => &["保密", "是否保密", "confidential"],
            Seller => &[
                "卖方",
                "转让方",
                "许可方",
                "成果方",
                "供方",
                "完成单位",
                "seller",
                "licensor",
            ],
            Buyer => &[
                "买方",
                "受让方",
                "被许可方",
                "需方",
                "企业",
                "企业名称",
                "buyer",
                "licensee",
            ],
            AchievementTitle => &["成果名称", "科技成果", "成果", "achievement"],
            DealStage => &["阶段", "交易阶段", "进展", "状态", "stage", "status"],
            ContractType => &[
                "合同类型",
                "合同类别",
                "技术合同类型",
                "contracttype",
                "type",
            ],
            Expected => &[
                "预期金额",
                "预计金额",
                "意向金额",
                "expected",
                "expectedamount",
            ],
            Contract => &[
                "合同金额",
                "合同额",
                "成交金额",
                "contract",
                "contractamount",
                "amount",
            ],
            Technology => &[
                "技术交易额",
                "技术交易金额",
                "技术性收入",
                "technology",
                "technologyamount",
            ],
            CommissionRate => &["佣金比例", "佣金率", "服务费比例", "commissionrate", "rate"],
            SignedOn => &[
                "签约日期",
                "签订日期",
                "合同签订日期",
                "签约时间",
                "signedon",
                "signed",
            ],
            Broker => &["经纪人", "技术经理人", "负责人", "broker"],
            LostReason => &["终止原因", "失败原因", "lostreason", "reason"],
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

/// A header as compared with the synonyms: lower case, without spaces, asterisks marking
/// required columns, colons, or a bracketed note such as "（万元）" or "(必填)".
pub fn normalize_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, '*' | '＊' | ':' | '：' | '_' | '·') => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether a header says its amounts are in 万元 ("意向价格（万元）", "预算/万元").
pub fn header_in_wan(header: &str) -> bool {
    header.contains('万')
}

/// The field each column most likely holds. Each (column, field) pair is ranked by how early
/// the header appears in the field's synonyms; the best pairs are taken first, and each field
/// and column is used once, so "完成单位" claims the owner before a vaguer "单位" can.
pub fn auto_map(kind: ImportKind, headers: &[String]) -> Vec<Option<Target>> {
    let mut pairs = Vec::new();
    for (col, header) in headers.iter().enumerate() {
        let norm = normalize_header(header);
        if norm.is_empty() {
            continue;
        }
        for &t in kind.targets() {
            if let Some(rank) = t
                .synonyms(kind)
                .iter()
                .position(|s| normalize_header(s) == norm)
            {
                pairs.push((rank, col, t));
            }
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
        assert!(header_in_wan("意向价格（万元）"));
        assert!(!header_in_wan("意向价格（元）"));
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

//! What an imported column can hold, per kind of record, and the column names people use for
//! it on platforms and in their own sheets.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// Which records a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImportKind {
    Clients,
    Achievements,
    Needs,
    Deals,
    /// Pilot bases, proof-of-concept centres and the other carriers: organisations with a
    /// carrier profile.
    Carriers,
}

impl ImportKind {
    pub const ALL: [ImportKind; 5] = [
        ImportKind::Clients,
        ImportKind::Achievements,
        ImportKind::Needs,
        ImportKind::Deals,
        ImportKind::Carriers,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Clients => "clients",
            ImportKind::Achievements => "achievements",
            ImportKind::Needs => "needs",
            ImportKind::Deals => "deals",
            ImportKind::Carriers => "carriers",
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
            ImportKind::Carriers => &[
                Name,
                CarrierKind,
                Field,
                Capabilities,
                Equipment,
                Capacity,
                TypicalCost,
                HostUnit,
                ClientKind,
                CreditCode,
                Region,
                Province,
                City,
                District,
                Address,
                Website,
                Notes,
                ContactName,
                ContactTitle,
                ContactPhone,
                ContactEmail,
                ContactWechat,
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

    /// The fields a record cannot be stored without: its name and the organisations it belongs
    /// to.
    pub fn required(self) -> &'static [Target] {
        match self {
            ImportKind::Clients | ImportKind::Carriers => &[Target::Name],
            ImportKind::Achievements => &[Target::Title, Target::Owner],
            ImportKind::Needs => &[Target::Title, Target::Enterprise],
            ImportKind::Deals => &[Target::Title, Target::Seller, Target::Buyer],
        }
    }

    /// Fields the forms ask for that a record can be stored without: a file with no column for
    /// one (a survey that never asked for the 领域) is imported with the field left empty, and
    /// one note for the file.
    pub fn expected(self) -> &'static [Target] {
        match self {
            ImportKind::Achievements | ImportKind::Needs | ImportKind::Carriers => &[Target::Field],
            ImportKind::Clients | ImportKind::Deals => &[],
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
    // Carriers (their served fields are `Field`).
    /// 中试基地, 概念验证中心...
    CarrierKind,
    Capabilities,
    Equipment,
    /// "年中试 20 项", as the carrier states it.
    Capacity,
    TypicalCost,
    /// The organisation a carrier is built on (依托单位, 建设单位): the profile has no place for
    /// it, so it is kept in the organisation's notes.
    HostUnit,
}

impl Target {
    /// Column names that mean this field, compared after [`normalize_header`]. This is the one
    /// vocabulary of column names, read by [`score`]: a header equal to a name is that field
    /// (the earlier name winning a tie), and a header that contains a name of two or more
    /// characters ("贵单位名称" contains "单位名称", "期望解决时间" holds "期望…时间") leans to
    /// the field of the longest name it contains, the more when the name ends it (the head of
    /// a Chinese noun phrase is its end: "联系人电话" is a phone). TechBroker's own exports in
    /// both languages come first, then the province's templates, the national achievement
    /// registration system (第一完成单位, 所处阶段), trading platforms (持有人, 挂牌价), survey
    /// tools and contract registration ledgers (合同编号, 卖方, 登记日期), then head words.
    pub fn synonyms(self, kind: ImportKind) -> &'static [&'static str] {
        use Target::*;
        match self {
            Name if kind == ImportKind::Carriers => &[
                "载体名称",
                "基地名称",
                "中心名称",
                "平台名称",
                "名称",
                "单位名称",
                "机构名称",
                "载体",
                "基地",
                "name",
                "carrier",
                "organisation",
                "organization",
            ],
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
                "贵单位",
                "贵公司",
                "贵企业",
                "公司",
                "企业",
                "机构",
                "客户单位",
            ],
            ClientKind if kind == ImportKind::Carriers => &[
                "单位性质",
                "机构性质",
                "性质",
                "单位类型",
                "客户类型",
                "依托单位类型",
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
                "性质",
                "单位类别",
                "机构类别",
                "客户类别",
            ],
            CreditCode => &[
                "统一社会信用代码",
                "信用代码",
                "社会信用代码",
                "统一信用代码",
                "组织机构代码",
                "creditcode",
                "uscc",
                "纳税人识别号",
                "税号",
                "机构代码",
            ],
            Region => &[
                "地区",
                "所在地区",
                "所在地",
                "地域",
                "区域",
                "省市区",
                "region",
                "所属地区",
                "所在区域",
                "省市",
            ],
            Province => &["省份", "省", "所在省份", "所在省", "province"],
            City => &[
                "城市",
                "市",
                "地市",
                "所在城市",
                "所在市",
                "所属市",
                "所属地市",
                "city",
            ],
            // A county-level place is written 区, 县 or 市 in any order, after 所在 or 所属
            // ("所在区（市）" is "所在区" once its bracket is off, "县（市、区）" is "县").
            District => &[
                "区县",
                "区",
                "县区",
                "县",
                "所在区县",
                "district",
                "所在区",
                "所在县",
                "所在县区",
                "所属区县",
                "区市",
                "县市",
                "区市县",
                "区县市",
                "县市区",
                "县区市",
                "市县区",
                "county",
            ],
            Industry => &["行业", "所属行业", "行业类别", "行业分类", "industry"],
            Size => &[
                "规模",
                "企业规模",
                "人数",
                "员工人数",
                "职工人数",
                "size",
                "员工数",
            ],
            Address => &[
                "地址",
                "详细地址",
                "通讯地址",
                "单位地址",
                "注册地址",
                "address",
                "住址",
                "办公地址",
            ],
            Website => &[
                "网站",
                "网址",
                "主页",
                "官网",
                "单位网址",
                "website",
                "web",
                "url",
            ],
            Notes => &["备注", "说明", "notes", "note", "remarks", "其他"],
            ContactName => &[
                "联系人",
                "联系人姓名",
                "姓名",
                "对接人",
                "contact",
                "contactname",
                "对接联系人",
                "负责人",
                "联络人",
                "填表人",
                "填报人",
                "负责人及职务",
                "联系人及职务",
                "姓名及职务",
                "姓名职务",
            ],
            ContactTitle => &[
                "职务",
                "职位",
                "联系人职务",
                "position",
                "jobtitle",
                "职称",
                "岗位",
            ],
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
                "座机",
                "电话号码",
                "telephone",
            ],
            ContactEmail => &[
                "邮箱",
                "电子邮箱",
                "电子邮件",
                "联系人邮箱",
                "email",
                "e-mail",
                "mail",
                "邮件",
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
                    "合同项目名称",
                    "项目",
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
                    "需求题目",
                    "难题名称",
                    "技术难题",
                    "需求项目",
                    "问题名称",
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
                    "成果题目",
                    "项目",
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
                "企业名称",
                "公司名称",
                "机构名称",
                "贵单位",
                "申报单位",
                "承担单位",
                "转让方",
                "成果方",
                "供给方",
                "所有人",
                "持有方",
                "权利方",
                "权属单位",
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
                "成果负责人",
                "研发团队",
                "设计人",
                "主要研究人员",
            ],
            Field if kind == ImportKind::Carriers => &[
                "服务领域",
                "重点服务领域",
                "聚焦领域",
                "所属领域",
                "技术领域",
                "领域",
                "产业领域",
                "应用领域",
                "行业领域",
                "fieldsserved",
                "fields",
                "field",
                "行业",
                "产业",
                "方向",
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
                "行业",
                "产业",
                "学科",
                "技术类别",
                "技术分类",
                "专业",
            ],
            Keywords => &["关键词", "关键字", "标签", "keywords", "tags", "keyword"],
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
                "介绍",
                "描述",
                "概述",
                "内容",
                "详情",
            ],
            Indicators => &[
                "技术指标",
                "主要技术指标",
                "性能指标",
                "指标要求",
                "目标指标",
                "指标",
                "indicators",
                "技术参数",
                "参数",
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
                "等级",
                "就绪度",
                "就绪水平",
                "成熟度级别",
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
                "进展阶段",
                "发展阶段",
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
                "申请号",
                "授权号",
                "专利授权号",
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
                "合作模式",
                "合作意向",
                "转化模式",
                "交易模式",
                "合作形式",
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
                "价",
                "转让费",
                "许可费",
                "期望价格",
                "金额",
                "估值",
                "评估价值",
                "作价",
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
                "贵单位",
                "贵公司",
                "贵企业",
                "公司",
                "机构名称",
                "提出单位",
                "填报单位",
                "所在单位",
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
                "内容",
                "详情",
                "简介",
                "概述",
                "介绍",
                "难点",
                "问题",
                "现状",
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
                "投入",
                "资金",
                "经费",
                "金额",
                "费用",
            ],
            PreferredMode => &[
                "合作方式",
                "需求方式",
                "对接方式",
                "期望合作方式",
                "mode",
                "preferredmode",
                "合作模式",
                "合作形式",
                "合作意向",
            ],
            MinStage => &[
                "最低成熟度",
                "成熟度要求",
                "技术成熟度要求",
                "minstage",
                "阶段要求",
            ],
            MinTrl => &["最低trl", "最低技术成熟度", "mintrl", "trl要求"],
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
                "截止",
                "期限",
                "时限",
                "完成时间",
                "期望…时间",
                "期望…日期",
                "有效时间",
                "希望…时间",
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
                "让与方",
                "服务方",
                "技术供方",
                "出让方",
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
                "需求方",
                "技术需方",
                "被服务方",
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
                "类型",
                "类别",
            ],
            Expected => &[
                "预计金额",
                "预期金额",
                "意向金额",
                "expectedamount",
                "expected",
                "预计",
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
                "成交额",
                "合同总额",
                "合同价款",
                "金额",
            ],
            Technology => &[
                "技术交易额",
                "技术交易金额",
                "技术性收入",
                "认定技术交易额",
                "technology-transactionamount",
                "technologyamount",
                "technology",
                "技术交易",
                "技术收入",
            ],
            CommissionRate => &[
                "佣金比例",
                "佣金率",
                "服务费比例",
                "commissionrate",
                "rate",
                "佣金",
            ],
            SignedOn => &[
                "签约日期",
                "签订日期",
                "合同签订日期",
                "签约时间",
                "签订时间",
                "signingdate",
                "signedon",
                "signed",
                "签订",
                "签约",
                "签署",
            ],
            Broker => &[
                "经纪人",
                "技术经理人",
                "技术经纪人",
                "负责人",
                "broker",
                "经理人",
                "经办人",
            ],
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
                "证明编号",
                "证书号",
            ],
            CarrierKind => &[
                "载体类型",
                "基地类型",
                "平台类型",
                "载体类别",
                "类型",
                "类别",
                "carrierkind",
                "kind",
                "type",
            ],
            // "服务内容" is what a carrier does; "服务能力" is that too when it is the only such
            // column, but beside a "服务内容" it is the yearly capacity ("年验证10项"): it names
            // capacity just below capabilities, so it takes capacity once 服务内容 has these.
            Capabilities => &[
                "服务内容",
                "服务能力",
                "能力",
                "核心能力",
                "主要能力",
                "服务范围",
                "技术能力",
                "capabilities",
                "capability",
                "services",
            ],
            Equipment => &[
                "设备",
                "主要设备",
                "仪器设备",
                "设施设备",
                "中试设备",
                "主要仪器设备",
                "装备",
                "设施",
                "equipment",
                "facilities",
            ],
            Capacity => &[
                "承载能力",
                "年服务能力",
                "服务能力",
                "中试能力",
                "年中试能力",
                "年验证能力",
                "年培训能力",
                "年服务量",
                "服务量",
                "服务规模",
                "规模",
                "产能",
                "capacity",
            ],
            // The host unit of a carrier list ("依托单位" in a provincial notice, "建设单位" in a
            // city's).
            HostUnit => &[
                "依托单位",
                "建设单位",
                "依托单位名称",
                "建设单位名称",
                "承建单位",
                "运营单位",
                "运营主体",
                "建设主体",
                "依托机构",
                "主办单位",
                "host",
                "hostunit",
                "hostinstitution",
                "hostorganisation",
                "hostorganization",
                "hostedby",
            ],
            TypicalCost => &[
                "典型费用",
                "参考费用",
                "收费标准",
                "中试费用",
                "服务费用",
                "服务收费",
                "典型项目收费",
                "项目收费",
                "收费",
                "参考价格",
                "服务价格",
                "服务费",
                "培训费",
                "费用",
                "价格",
                "typicalcost",
                "cost",
                "price",
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
            CarrierKind => "carrier_kind",
            Capabilities => "capabilities",
            Equipment => "equipment",
            Capacity => "capacity",
            TypicalCost => "typical_cost",
            HostUnit => "host_unit",
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
                | Target::TypicalCost
        )
    }
}

/// Marks around a header's name that say nothing of the field: required (*), notes.
const MARKS: &[char] = &['*', '※', '★', '☆', '●', '▲', '△', '◆', '#'];

/// Punctuation left in a header once its number is off.
const PUNCTUATION: &[char] = &[
    ':', '_', '·', '?', '!', '"', '“', '”', '。', ',', ';', '‘', '’', '\'',
];

/// Words a header may start or end with that are not its name: "其中：技术交易额", "成果名称必填",
/// "预算/万元".
const LEADING: &[&str] = &["其中", "请填写", "请输入", "请选择", "填写"];
const TRAILING: &[&str] = &[
    "必填",
    "选填",
    "/万元",
    "/元",
    "/亿元",
    "万元",
    "亿元",
    "是什么",
    "有哪些",
    "是",
];

fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        c => c,
    }
}

/// The text outside brackets ("意向价格（万元）", "技术成熟度(TRL)", "(1)企业名称"); the text inside
/// them when nothing is outside ("(TRL)").
fn without_brackets(text: &str) -> String {
    let (mut outside, mut inside) = (String::new(), String::new());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => depth -= 1,
            c if depth > 0 => inside.push(c),
            c => outside.push(c),
        }
    }
    if outside.trim().is_empty() {
        inside
    } else {
        outside
    }
}

fn is_cjk_numeral(c: char) -> bool {
    "一二三四五六七八九十百零〇".contains(c)
}

fn is_circled(c: char) -> bool {
    ('\u{2460}'..='\u{2473}').contains(&c)
}

/// A header without its question or item number, in any of the forms surveys and templates
/// write: "1.", "1、", "Q1.", "q1:", "第1题", "一、", "①"; "(1)" is a bracket and is gone already.
/// Digits with no separator after them are part of the name ("2026年预算", "5G").
fn without_number(text: &str) -> &str {
    let (rest, ordinal, question) = if let Some(r) = text.strip_prefix('第') {
        (r, true, false)
    } else if let Some(r) = text
        .strip_prefix('q')
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        (r, false, true)
    } else {
        (text, false, false)
    };
    let len: usize = rest
        .chars()
        .take_while(|&c| c.is_ascii_digit() || is_cjk_numeral(c) || is_circled(c))
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return text;
    }
    let (number, after) = rest.split_at(len);
    let ascii = number.chars().all(|c| c.is_ascii_digit());
    let circled = number.chars().all(is_circled);
    let chinese = number.chars().all(is_cjk_numeral);
    if !(ascii || circled || chinese) {
        return text;
    }
    let separators: &[&str] = if ordinal {
        &["题", "项", "部分", "问"]
    } else if chinese {
        &["、", ".", ")"]
    } else {
        &["、", ".", ")", ":", "-", "—", "_", ",", "题", "|", "/"]
    };
    let name = match separators.iter().find_map(|s| after.strip_prefix(s)) {
        Some(name) => name,
        None if circled || question => after,
        None => return text,
    };
    let name = name.trim_start_matches(['、', '.', ':', '-', '_', ',']);
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        text
    } else {
        name
    }
}

/// A header as compared with the vocabulary: full-width letters and digits as ASCII, lower
/// case, without brackets and what is in them ("（万元）", "(必填)", "\n(TRL)", "(1-9)"),
/// spaces and line breaks, required marks, a question or item number ("1、", "Q4.", "第3题",
/// "一、"), a leading "其中：" and a trailing unit ("/万元").
pub fn normalize_header(header: &str) -> String {
    let text: String = header.chars().map(half_width).collect();
    let text = without_brackets(&text);
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !MARKS.contains(c))
        .flat_map(char::to_lowercase)
        .collect();
    let named: String = without_number(&compact)
        .chars()
        .filter(|c| !PUNCTUATION.contains(c))
        .collect();
    let mut name = named.as_str();
    loop {
        let before = name;
        for p in LEADING {
            if let Some(rest) = name.strip_prefix(p).filter(|r| !r.is_empty()) {
                name = rest;
            }
        }
        for s in TRAILING {
            if let Some(rest) = name.strip_suffix(s).filter(|r| r.chars().count() >= 2) {
                name = rest;
            }
        }
        name = name.trim_end_matches(['.', '、', '/', '-']);
        if name == before {
            break;
        }
    }
    name.to_string()
}

/// Survey tools' own columns (问卷星, 腾讯问卷, 金数据), never a record's field.
const SURVEY_COLUMNS: &[&str] = &[
    "提交答卷时间",
    "所用时间",
    "来源详情",
    "来自ip",
    "ip地址",
    "ip属地",
    "答卷编号",
    "答题时间",
    "填写时间",
    "开始时间",
    "结束时间",
    "开始答题时间",
    "结束答题时间",
    "答题时长",
    "填写时长",
    "提交时间",
    "更新时间",
    "修改时间",
    "创建时间",
    "填写设备",
    "设备",
    "浏览器",
    "操作系统",
    "地理位置",
    "渠道",
    "来源渠道",
    "微信昵称",
    "微信性别",
    "微信国家",
    "微信省份",
    "微信城市",
    "昵称",
    "openid",
    "用户标识",
    "用户名",
    "填写者",
    "提交者",
    "总分",
    "用户id",
    "id",
];

/// A list's own row numbers, by their normalised names: never a field, and not worth telling the
/// user they were left out.
const ROW_NUMBERS: &[&str] = &["序号", "编号", "行号", "栏次", "no", "nr", "#", "s/n", "sn"];

pub fn is_row_number(norm: &str) -> bool {
    ROW_NUMBERS.contains(&norm)
}

/// Whether a header is a survey tool's or a list's own column.
fn is_tool_column(norm: &str) -> bool {
    SURVEY_COLUMNS.contains(&norm)
        || is_row_number(norm)
        || norm.contains("答卷")
        || norm.contains("答题")
}

/// The amount unit a header names: "意向价格（万元）", "预算/万元", "Price (10k yuan)" are in 万;
/// "金额（亿元）" in 亿; "技术交易额（元）" in 元. A bare number in such a column is in that unit.
pub fn header_unit(header: &str) -> Option<&'static str> {
    let lower = header.to_lowercase();
    if header.contains('亿') {
        Some("亿")
    } else if header.contains('万') || lower.contains("10k") || lower.contains("ten thousand") {
        Some("万")
    } else if header.contains('元') || lower.contains("yuan") || lower.contains("rmb") {
        Some("元")
    } else {
        None
    }
}

/// Names that say little inside a longer header: "转让方单位名称" is the seller, not a title.
const GENERIC: &[&str] = &[
    "名称", "单位", "名字", "全称", "信息", "情况", "内容", "类型", "类别", "项目", "金额", "时间",
    "日期", "方式", "问题", "企业", "公司", "机构", "简介", "介绍", "name", "type",
];

/// A header that is exactly one of a field's names.
const EXACT: u32 = 10_000;

fn name_weight(name: &str) -> u32 {
    name.chars()
        .map(|c| if c.is_ascii() { 4 } else { 10 })
        .sum()
}

/// How strongly a normalised header names a field by one of its names (`rank`: its position
/// among them): exactly, or by containing it (see [`Target::synonyms`]).
fn name_score(header: &str, name: &str, rank: usize) -> Option<u32> {
    if header == name {
        return Some(EXACT - rank.min(999) as u32);
    }
    if let Some((first, last)) = name.split_once('…') {
        let at = header.find(first)?;
        return header[at + first.len()..]
            .contains(last)
            .then(|| name_weight(first) + name_weight(last));
    }
    let long_enough = if name.is_ascii() {
        name.len() >= 4
    } else {
        name.chars().count() >= 2
    };
    if !long_enough || !header.contains(name) {
        return None;
    }
    let weight = if GENERIC.contains(&name) {
        5
    } else {
        name_weight(name)
    };
    let place = if header.ends_with(name) {
        20
    } else if header.starts_with(name) {
        5
    } else {
        0
    };
    Some(weight + place)
}

/// Every field's names, normalised once, per kind of record in form order.
fn vocabulary(kind: ImportKind) -> &'static [(Target, Vec<String>)] {
    type Names = Vec<(Target, Vec<String>)>;
    static VOCABULARY: OnceLock<Vec<Names>> = OnceLock::new();
    let all = VOCABULARY.get_or_init(|| {
        ImportKind::ALL
            .iter()
            .map(|&k| {
                k.targets()
                    .iter()
                    .map(|&t| {
                        (
                            t,
                            t.synonyms(k).iter().map(|s| normalize_header(s)).collect(),
                        )
                    })
                    .collect()
            })
            .collect()
    });
    let at = ImportKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or_default();
    all.get(at).map_or(&[], Vec::as_slice)
}

/// How strongly a header names `target` of `kind`: the best of its names, in the whole header
/// and, at half the weight, in its first line alone ("成果名称\n请填写全称").
fn target_score(kind: ImportKind, target: Target, whole: &str, first: Option<&str>) -> u32 {
    let Some((_, names)) = vocabulary(kind).iter().find(|(t, _)| *t == target) else {
        return 0;
    };
    names
        .iter()
        .enumerate()
        .filter_map(|(rank, name)| {
            let in_whole = name_score(whole, name, rank);
            let in_first = first.and_then(|f| name_score(f, name, rank)).map(|v| v / 2);
            in_whole.max(in_first)
        })
        .max()
        .unwrap_or(0)
}

/// Fields of a client's contact and address: a header naming one of them ("联系人电话",
/// "单位地址") in a list of achievements, needs or deals is about none of that list's fields,
/// however much of a field's name it holds.
const CONTACT_FIELDS: &[Target] = &[
    Target::ContactName,
    Target::ContactTitle,
    Target::ContactPhone,
    Target::ContactEmail,
    Target::ContactWechat,
    Target::Address,
    Target::Website,
    Target::CreditCode,
];

/// What a header says about a field of `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// The fields it may name, the strongest first, each with its score.
    Fields(Vec<(u32, Target)>),
    /// It names a field this kind of record has not (a contact's phone in a list of needs).
    Foreign,
    /// It names nothing, or is a survey tool's column.
    Nothing,
}

impl Reading {
    pub fn best(&self) -> Option<Target> {
        match self {
            Reading::Fields(fields) => fields.first().map(|&(_, t)| t),
            Reading::Foreign | Reading::Nothing => None,
        }
    }

    fn score(&self) -> u32 {
        match self {
            Reading::Fields(fields) => fields.first().map_or(0, |&(s, _)| s),
            Reading::Foreign | Reading::Nothing => 0,
        }
    }
}

/// Reads a header for `kind`. `survey`: the file is a survey tool's export, whose "来源"
/// column is its own channel.
fn read_header(kind: ImportKind, header: &str, survey: bool) -> Reading {
    let whole = normalize_header(header);
    // A survey's "来源" is its channel and its "IP" the answerer's address.
    // A carrier's "设备" is its equipment, not the device a survey was answered on.
    let equipment = kind == ImportKind::Carriers && ["设备", "equipment"].contains(&whole.as_str());
    if whole.is_empty()
        || (is_tool_column(&whole) && !equipment)
        || (survey && ["来源", "ip"].contains(&whole.as_str()))
    {
        return Reading::Nothing;
    }
    let first = header
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .filter(|_| header.trim().contains(['\n', '\r']))
        .map(normalize_header)
        .filter(|f| !f.is_empty() && *f != whole);
    let mut fields: Vec<(u32, Target)> = kind
        .targets()
        .iter()
        .map(|&t| (target_score(kind, t, &whole, first.as_deref()), t))
        .filter(|&(s, _)| s > 0)
        .collect();
    // The strongest first; on a tie, the earlier field in form order.
    fields.sort_by_key(|&(s, _)| std::cmp::Reverse(s));
    let best = fields.first().map_or(0, |&(s, _)| s);
    // Clients and carriers have these fields themselves.
    if !matches!(kind, ImportKind::Clients | ImportKind::Carriers) {
        let foreign = CONTACT_FIELDS
            .iter()
            .map(|&t| target_score(ImportKind::Clients, t, &whole, first.as_deref()))
            .max()
            .unwrap_or(0);
        if foreign > best {
            return Reading::Foreign;
        }
    }
    if fields.is_empty() {
        Reading::Nothing
    } else {
        Reading::Fields(fields)
    }
}

/// What a header says for `kind`, outside any survey.
pub fn reading(kind: ImportKind, header: &str) -> Reading {
    read_header(kind, header, false)
}

/// The field a header most likely names for `kind`.
pub fn target_of(kind: ImportKind, header: &str) -> Option<Target> {
    reading(kind, header).best()
}

/// The field a header names for `kind` when it names it clearly: exactly, or by a name of
/// three characters or more. What a header row is told by, so that a data cell holding a
/// field's word ("有限公司") does not look like a header.
pub fn clear_target_of(kind: ImportKind, header: &str) -> Option<Target> {
    let r = reading(kind, header);
    (r.score() >= 30).then(|| r.best()).flatten()
}

/// A column's second choice is taken only when its header is exactly that field's name.
const FALLBACK_SCORE: u32 = EXACT / 2;

/// The field each column most likely holds. Every (column, field) pair is scored by how well
/// the header names the field; the best pairs are taken first, each field and column once, so
/// "完成单位" claims the owner before a vaguer "单位" can. A column whose best field is taken
/// holds no other unless its header is exactly that other field's name.
pub fn auto_map(kind: ImportKind, headers: &[String]) -> Vec<Option<Target>> {
    let survey = headers.iter().any(|h| {
        let n = normalize_header(h);
        n.contains("答卷")
            || n.contains("答题")
            || ["来自ip", "ip属地", "填写设备"].contains(&n.as_str())
    });
    let mut pairs = Vec::new();
    for (col, header) in headers.iter().enumerate() {
        if let Reading::Fields(fields) = read_header(kind, header, survey) {
            for (i, (score, t)) in fields.into_iter().enumerate() {
                if i == 0 || score >= FALLBACK_SCORE {
                    pairs.push((score, col, t));
                }
            }
        }
    }
    pairs.sort_by_key(|&(score, col, _)| (std::cmp::Reverse(score), col));
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
        assert_eq!(header_unit("意向价格（元）"), Some("元"));
        assert_eq!(header_unit("成果名称"), None);
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

    fn each_names(kind: ImportKind, target: Target, spellings: &[&str]) {
        for s in spellings {
            assert_eq!(target_of(kind, s), Some(target), "{kind:?}: {s:?}");
        }
    }

    #[test]
    fn numbers_of_every_form_come_off() {
        for h in [
            "1.企业名称",
            "1、企业名称",
            "(1)企业名称",
            "（1）企业名称",
            "Q1.企业名称",
            "Q1:企业名称",
            "Q1：企业名称",
            "Q1、企业名称",
            "q1 企业名称",
            "第1题 企业名称",
            "第12题：企业名称",
            "一、企业名称",
            "十二、企业名称",
            "①企业名称",
            "1) 企业名称",
            "１．企业名称",
            "*1、企业名称",
        ] {
            assert_eq!(normalize_header(h), "企业名称", "{h:?}");
        }
        for kept in ["2026年预算", "5G基站", "3D打印", "1-9级"] {
            assert_eq!(normalize_header(kept), kept.to_lowercase(), "{kept:?}");
        }
    }

    #[test]
    fn marks_units_and_notes_come_off() {
        for (h, want) in [
            ("成果名称*", "成果名称"),
            ("＊成果名称", "成果名称"),
            ("成果名称（必填）", "成果名称"),
            ("联系电话(选填)", "联系电话"),
            ("单位名称（盖章）", "单位名称"),
            ("单位名称（全称）", "单位名称"),
            ("意向价格（万元）", "意向价格"),
            ("技术成熟度\n(TRL)", "技术成熟度"),
            ("等级(1-9)", "等级"),
            ("技术交易额（元）", "技术交易额"),
            ("其中：技术交易额", "技术交易额"),
            ("预算/万元", "预算"),
            ("成 果 名 称", "成果名称"),
            ("【成果名称】", "成果名称"),
            ("(TRL)", "trl"),
            ("贵单位所属的技术领域是？", "贵单位所属的技术领域"),
        ] {
            assert_eq!(normalize_header(h), want, "{h:?}");
        }
    }

    #[test]
    fn deadline_words_name_the_deadline() {
        each_names(
            ImportKind::Needs,
            Target::Deadline,
            &[
                "截止日期",
                "需求截止时间",
                "报名截止",
                "对接期限",
                "需求有效期限",
                "期望完成时间",
                "完成时限（年月）",
                "期望解决时间",
                "期望实现时间",
                "希望解决的时间",
                "Q7. 期望在什么时间之前解决",
                "期望合作日期",
            ],
        );
    }

    #[test]
    fn organisation_words_name_the_owner_of_each_kind() {
        let words = [
            "单位名称",
            "企业名称（盖章）",
            "公司名称",
            "贵单位名称",
            "1、贵单位全称",
            "机构名称",
        ];
        each_names(ImportKind::Achievements, Target::Owner, &words);
        each_names(ImportKind::Needs, Target::Enterprise, &words);
        each_names(ImportKind::Clients, Target::Name, &words);
        each_names(
            ImportKind::Achievements,
            Target::Owner,
            &[
                "持有单位",
                "成果持有人",
                "第一完成单位",
                "完成单位（全称）",
                "专利权人",
            ],
        );
        each_names(
            ImportKind::Needs,
            Target::Enterprise,
            &[
                "需求方",
                "需求单位（全称）",
                "需求企业名称",
                "需求方单位名称",
                "提出需求的单位",
            ],
        );
    }

    #[test]
    fn role_words_tell_seller_from_buyer() {
        each_names(
            ImportKind::Deals,
            Target::Seller,
            &[
                "卖方",
                "卖方名称",
                "转让方",
                "让与方（全称）",
                "受托方",
                "技术转让方名称",
                "转让方单位名称",
            ],
        );
        each_names(
            ImportKind::Deals,
            Target::Buyer,
            &[
                "买方",
                "买方名称",
                "受让方",
                "委托方",
                "需求方",
                "技术受让方（盖章）",
                "委托方单位名称",
            ],
        );
    }

    #[test]
    fn contact_words_name_the_contact() {
        each_names(
            ImportKind::Clients,
            Target::ContactPhone,
            &[
                "电话",
                "手机",
                "联系方式",
                "座机",
                "联系人电话",
                "对接联系人手机",
                "负责人电话",
                "办公座机",
                "Contact phone",
            ],
        );
        each_names(
            ImportKind::Clients,
            Target::ContactName,
            &[
                "联系人",
                "对接联系人",
                "负责人",
                "联系人姓名",
                "项目联系人",
                "负责人及职务",
                "联系人及职务",
            ],
        );
        each_names(
            ImportKind::Achievements,
            Target::Inventors,
            &[
                "负责人",
                "完成人",
                "发明人",
                "成果负责人",
                "主要完成人（前五位）",
                "第一发明人",
            ],
        );
    }

    #[test]
    fn maturity_words_name_trl_and_stage() {
        each_names(
            ImportKind::Achievements,
            Target::Trl,
            &[
                "等级",
                "TRL",
                "ＴＲＬ",
                "成熟度",
                "技术成熟度等级(1-9)",
                "技术就绪度",
                "成熟度（级）",
            ],
        );
        each_names(
            ImportKind::Achievements,
            Target::Stage,
            &[
                "阶段",
                "所处阶段",
                "成熟度阶段",
                "技术成熟度阶段",
                "研发所处阶段",
            ],
        );
    }

    #[test]
    fn the_more_specific_name_wins() {
        let map = auto_map(
            ImportKind::Needs,
            &headers(&["名称", "需求名称", "企业名称"]),
        );
        assert_eq!(
            map,
            vec![None, Some(Target::Title), Some(Target::Enterprise)]
        );
        let map = auto_map(
            ImportKind::Deals,
            &headers(&["合同名称", "合同金额（万元）", "其中：技术交易额（元）"]),
        );
        assert_eq!(
            map,
            vec![
                Some(Target::Title),
                Some(Target::Contract),
                Some(Target::Technology)
            ]
        );
        assert_eq!(
            target_of(ImportKind::Deals, "技术交易额（元）"),
            Some(Target::Technology)
        );
        assert_eq!(
            target_of(ImportKind::Deals, "合同成交额"),
            Some(Target::Contract)
        );
    }

    #[test]
    fn a_contact_column_is_no_field_of_a_need() {
        for h in [
            "联系人",
            "联系电话",
            "联系人手机",
            "单位地址",
            "电子邮箱",
            "负责人电话",
        ] {
            assert_eq!(target_of(ImportKind::Needs, h), None, "{h:?}");
        }
        assert_eq!(target_of(ImportKind::Achievements, "完成人电话"), None);
        assert_eq!(target_of(ImportKind::Deals, "卖方联系人"), None);
    }

    #[test]
    fn survey_tools_columns_map_to_nothing() {
        let map = auto_map(
            ImportKind::Needs,
            &headers(&[
                "序号",
                "提交答卷时间",
                "所用时间",
                "来源",
                "来自IP",
                "开始答题时间",
                "填写设备",
                "Q1. 需求名称",
                "Q2. 贵单位名称",
                "Q3. 所属领域",
            ]),
        );
        assert_eq!(&map[..7], &[None; 7]);
        assert_eq!(
            &map[7..],
            &[
                Some(Target::Title),
                Some(Target::Enterprise),
                Some(Target::Field)
            ]
        );
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
#[cfg(test)]
mod carrier_headers {
    use super::*;

    fn map(headers: &[&str]) -> Vec<Option<Target>> {
        auto_map(
            ImportKind::Carriers,
            &headers.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    }

    #[test]
    fn the_host_unit_has_its_column() {
        for h in [
            "依托单位",
            "建设单位",
            "依托单位名称",
            "运营单位",
            "Host",
            "Host unit",
        ] {
            assert_eq!(
                target_of(ImportKind::Carriers, h),
                Some(Target::HostUnit),
                "{h:?}"
            );
        }
        use Target::*;
        assert_eq!(
            map(&["基地名称", "依托单位", "依托单位类型"]),
            [Some(Name), Some(HostUnit), Some(ClientKind)]
        );
        // An achievement's 依托单位 is its owner, as before.
        assert_eq!(target_of(ImportKind::Achievements, "依托单位"), Some(Owner));
    }

    #[test]
    fn service_content_is_the_capabilities_and_service_capacity_the_capacity() {
        use Target::*;
        assert_eq!(
            map(&["载体名称", "服务内容", "服务能力"]),
            [Some(Name), Some(Capabilities), Some(Capacity)]
        );
        assert_eq!(
            map(&["基地名称", "中试能力/服务内容", "年服务能力"]),
            [Some(Name), Some(Capabilities), Some(Capacity)]
        );
        // Alone, 服务能力 is what the carrier can do: the longer field keeps its text.
        assert_eq!(
            map(&["载体名称", "服务能力"]),
            [Some(Name), Some(Capabilities)]
        );
        for h in [
            "年服务能力",
            "年中试能力",
            "年验证能力（项）",
            "年服务量",
            "承载能力",
        ] {
            assert_eq!(target_of(ImportKind::Carriers, h), Some(Capacity), "{h:?}");
        }
    }

    #[test]
    fn a_county_level_place_is_the_district() {
        for h in [
            "所在区（市）",
            "所在区县",
            "所在县（市、区）",
            "区（市、县）",
            "县市区",
            "所在县市区",
            "所属区县",
            "District",
        ] {
            assert_eq!(
                target_of(ImportKind::Carriers, h),
                Some(Target::District),
                "{h:?}"
            );
            assert_eq!(
                target_of(ImportKind::Clients, h),
                Some(Target::District),
                "{h:?}"
            );
        }
        assert_eq!(
            target_of(ImportKind::Carriers, "所在市"),
            Some(Target::City)
        );
        assert_eq!(
            target_of(ImportKind::Carriers, "所在区域"),
            Some(Target::Region)
        );
    }

    /// Carrier lists name their price in many ways, often with its unit in the header.
    #[test]
    fn carrier_cost_headers_are_the_typical_cost() {
        for header in [
            "服务收费（万元/项）",
            "典型项目收费（万元）",
            "收费标准",
            "参考价格（元）",
            "服务价格",
            "费用（万元/次）",
            "概念验证服务费（万元/项）",
            "每期培训费（元/人）",
            "收费参考",
        ] {
            assert_eq!(
                target_of(ImportKind::Carriers, header),
                Some(Target::TypicalCost),
                "{header:?}"
            );
        }
    }

    #[test]
    fn the_city_a_list_says_a_record_belongs_to() {
        for header in ["所属市", "所属地市", "所在市"] {
            assert_eq!(
                target_of(ImportKind::Carriers, header),
                Some(Target::City),
                "{header:?}"
            );
        }
    }

    /// The carriers export's own headers, in both languages, map back to their fields.
    #[test]
    fn the_carriers_export_reads_back() {
        use crate::i18n::{EN, ZH};
        for tr in [&ZH, &EN] {
            let headers: Vec<String> = crate::io::tables::carrier_headers(tr)
                .iter()
                .map(|s| s.to_string())
                .collect();
            use Target::*;
            assert_eq!(
                auto_map(ImportKind::Carriers, &headers),
                [
                    Name,
                    CarrierKind,
                    Field,
                    Region,
                    Capabilities,
                    Equipment,
                    Capacity,
                    TypicalCost,
                    ContactName,
                    ContactPhone,
                    ContactEmail
                ]
                .map(Some),
                "{headers:?}"
            );
        }
    }
}

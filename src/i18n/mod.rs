//! Every string a user sees, in Chinese and English. The table gives each key both texts, so a
//! missing translation does not compile.

mod import;
mod team;

use crate::domain::documents::DocumentKind;
use serde::{Deserialize, Serialize};

use crate::domain::maturation::{CarrierKind, Outcome, Payer, ProjectKind};
use crate::domain::rights::{ArrangementKind, Party};
use crate::domain::{
    AchievementStatus, ClientKind, ContractType, DealStage, InteractionKind, IpKind, IpStatus,
    NeedMode, NeedStatus, Price, Problem, RejectReason, Stage, TransferMode,
};
use crate::matching::{Part, Source};

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Chinese when the locale says so (LC_ALL, LC_MESSAGES or LANG starting with "zh"), else
    /// English: for the command line, which has no language switch.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if locale.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn tr(self) -> &'static Tr {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

macro_rules! translations {
    ($($key:ident: $zh:literal, $en:literal;)*) => {
        /// The UI texts of one language.
        pub struct Tr {
            $(pub $key: &'static str,)*
        }

        pub const ZH: Tr = Tr { $($key: $zh,)* };
        pub const EN: Tr = Tr { $($key: $en,)* };

        /// Every (key, Chinese, English) triple, for checks over the whole table.
        pub const ALL: &[(&str, &str, &str)] = &[$((stringify!($key), $zh, $en),)*];
    };
}

translations! {
    app_title: "TechBroker · 技术经理人工作台", "TechBroker · 技术经理人工作台";
    team_err_unreachable: "连不上服务器（{detail}）。可以继续离线工作，联网后再同步。", "The server cannot be reached ({detail}). Keep working offline and sync when online.";
    team_err_password: "用户名或密码不对", "Wrong user name or password";
    team_err_foreign: "这台服务器上没有 TechBroker 团队库（地址或库名对吗？）", "This server holds no TechBroker team store (is the address or database right?)";
    team_err_newer: "服务器上的团队库版本较新（{server}），本程序只认得到 {ours}：请先升级 TechBroker", "The server's team store is of a newer version ({server}) than this program knows ({ours}): update TechBroker first";
    team_err_not_member: "{user} 不是这个团队的成员：请管理员先邀请", "{user} is not a member of this team: ask an admin to invite them";
    team_err_initialised: "这台服务器上已经有团队库", "This server already holds a team store";
    team_err_bad_name: "用户名“{name}”不能用：只能用字母、数字和 _ . -", "The user name \"{name}\" cannot be used: letters, digits and _ . - only";
    team_err_already_member: "{user} 已经是团队成员", "{user} is a member already";
    team_err_not_allowed: "没有权限：{detail}", "Not allowed: {detail}";
    team_err_bad_url: "服务器地址不对（应为 postgresql://主机:端口/库名）：{detail}", "Not a valid server address (postgresql://host:port/dbname): {detail}";
    team_err_server: "服务器出错：{detail}", "Server error: {detail}";
    team_err_not_joined: "这个数据库还没有加入团队", "This database is not a member of a team";
    team_err_already_joined: "这个数据库已经是 {server} 团队的成员", "This database is a member of the team at {server} already";
    team_err_interrupted: "同步中断了；下次同步会从中断处接着做", "The sync was interrupted; the next one goes on from there";
    team_err_store: "数据库出错：{detail}", "Database error: {detail}";
    team_role_broker: "经纪人", "broker";
    team_role_manager: "主管", "manager";
    team_role_admin: "管理员", "admin";
    cli_team_initialised: "团队库已建立，{admin} 是管理员", "Team store created; {admin} is its admin";
    cli_team_invited: "已加入成员 {user}（{role}）", "Added member {user} ({role})";
    cli_team_joined: "已加入团队 {server}：{user}（{role}）", "Joined the team at {server} as {user} ({role})";
    cli_sync_report: "上传 {pushed} 条，下载 {pulled} 条，新冲突 {conflicts} 条，暂不能写入 {waiting} 条", "Sent {pushed}, received {pulled}, new conflicts {conflicts}, waiting {waiting}";
    cli_conflicts_none: "没有待解决的冲突", "No conflicts to resolve";
    cli_password_prompt: "{user} 的密码：", "Password for {user}: ";
    cli_new_password_prompt: "新成员 {user} 的初始密码：", "Initial password for the new member {user}: ";
    cli_team_as_required: "请用 --as NAME 指定以哪个管理员连接（或写在地址里：postgresql://NAME@主机/库名）", "Say which admin connects with --as NAME (or in the address: postgresql://NAME@host/dbname)";
    cli_password_empty: "密码不能为空", "The password cannot be empty";
    team_conflict_field: "同一字段两边都改了", "Both changed the same field";
    team_conflict_delete_vs_edit: "这边删除，别人修改过", "Deleted here, edited by another";
    team_conflict_edit_of_deleted: "这边修改，别人已删除", "Edited here, deleted by another";
    team_conflict_waiting: "暂不能写入", "Cannot be written here yet";
    in_title: "机构业绩（按经纪人）", "The institution by broker";
    in_broker: "经纪人", "Broker";
    in_open: "在谈交易", "Deals in progress";
    in_pipeline: "在谈预期金额", "Expected in progress";
    in_signed: "签约数", "Signed";
    in_signed_amount: "签约金额", "Signed amount";
    in_registered: "登记数", "Registered";
    in_registered_amount: "登记金额", "Registered amount";
    in_commission_due: "应得佣金", "Commission due";
    in_commission_paid: "已到佣金", "Commission paid";
    in_unassigned: "（未指定）", "(none given)";
    in_export_xlsx: "导出经纪人业绩 Excel…", "Export by broker to Excel…";
    in_export_html: "导出经纪人业绩打印页…", "Export by broker as a printable page…";
    cli_institution_written: "已写出 {path}：{n} 位经纪人", "Wrote {path}: {n} brokers";
    menu_file: "文件", "File";
    menu_new_db: "新建数据库…", "New database…";
    menu_open_db: "打开数据库…", "Open database…";
    // The team (a shared store on PostgreSQL): joining, sync, conflicts, history
    menu_join_team: "加入团队…", "Join a team…";
    team_join_title: "加入团队", "Join a team";
    team_join_intro: "把这个数据库加入机构的团队库：本机的记录上传一次，之后离线也能照常工作，联网时同步。", "Make this database a member of the institution's team store: its records go up once, then it works offline as before and syncs when online.";
    team_server: "服务器", "Server";
    team_server_hint: "postgresql://主机:端口/数据库名", "postgresql://host:port/dbname";
    team_user: "用户名", "User name";
    team_password: "密码", "Password";
    team_password_memory: "密码只留在内存里，不写进任何文件；关闭程序后需要重新输入。", "The password stays in memory only, never in a file; it is asked again after the program closes.";
    team_join: "加入", "Join";
    team_joining: "正在加入并上传本机记录…", "Joining and uploading this laptop's records…";
    team_join_missing: "请填写服务器、用户名和密码。", "Fill in the server, the user name and the password.";
    team_not_in_sandbox: "练习沙盒不能加入团队（练习数据不该上传到机构的服务器）：请先离开沙盒。", "The training sandbox cannot join a team (practice data does not belong on the institution's server): leave the sandbox first.";
    team_joined: "已加入 {server} 的团队：上传 {pushed} 条，下载 {pulled} 条。", "Joined the team at {server}: {pushed} up, {pulled} down.";
    team_synced_at: "已同步 {time}", "Synced {time}";
    team_not_synced: "尚未同步", "Not synced yet";
    team_member_as: "{user}（{role}）· {server}", "{user} ({role}) · {server}";
    team_pending: "待上传 {n}", "{n} to upload";
    team_conflicts_n: "冲突 {n}", "{n} conflict{s}";
    team_sync: "同步", "Sync";
    team_syncing: "正在同步…", "Syncing…";
    team_sync_done: "同步完成：上传 {pushed} 条，下载 {pulled} 条，新冲突 {conflicts} 个，等待写入 {waiting} 条。", "Sync done: {pushed} up, {pulled} down, {conflicts} new conflicts, {waiting} waiting.";
    team_sync_failed: "同步没有完成：{detail}", "The sync did not finish: {detail}";
    team_password_title: "团队密码", "Team password";
    team_password_for: "{user} 在 {server} 的密码", "Password of {user} on {server}";
    team_password_go: "用这个密码同步", "Sync with this password";
    team_conflicts_title: "团队冲突", "Team conflicts";
    team_conflicts_intro: "两人离线改了同一处时，服务器保留先到的值，另一个值列在这里，由你决定用哪个。", "When two people changed the same thing offline, the server kept the value that came first; the other one is listed here for you to choose.";
    team_conflicts_empty: "没有冲突：团队里各人的修改都已合在一起。", "No conflicts: everyone's changes are merged.";
    team_col_record: "记录", "Record";
    team_col_field: "字段", "Field";
    team_col_kept: "服务器的值", "Server's value";
    team_col_theirs: "未采用的值", "Value not used";
    team_col_by: "谁改的", "By";
    team_col_at: "时间", "When";
    team_keep_server: "保留服务器的值", "Keep the server's value";
    team_use_theirs: "用这个值", "Use this value";
    team_kind_delete_vs_edit: "（一方删除了记录，另一方修改了它）", "(deleted on one side, edited on the other)";
    team_kind_edit_of_deleted: "（修改了别人已删除的记录）", "(edited a record someone deleted)";
    team_waiting_title: "等待写入本机的记录", "Records waiting to be written here";
    team_waiting_intro: "这些记录已从服务器下载，但暂时不能写入本机，每次同步都会再试。", "These records came from the server but cannot be written here yet; every sync tries again.";
    team_col_why: "原因", "Why";
    team_resolved: "冲突已处理，下次同步时告诉服务器。", "Conflict settled; the server hears of it at the next sync.";
    team_others_deals: "团队里别人与这家单位的交易", "Others' deals with this organisation";
    team_deal_outline: "{owner} 正在洽谈：{title}（{stage}）", "{owner} is working on: {title} ({stage})";
    team_history: "修改记录", "History";
    team_history_empty: "还没有修改记录（同步时从服务器取来）。", "No history yet (it comes from the server at sync).";
    team_op_insert: "新建", "created";
    team_op_update: "修改", "changed";
    team_op_delete: "删除", "deleted";
    menu_default_db: "打开默认数据库", "Open default database";
    menu_recent: "最近打开", "Recent";
    menu_no_recent: "（无）", "(none)";
    // Help menu and the About dialog
    menu_help: "帮助", "Help";
    menu_about: "关于 TechBroker…", "About TechBroker…";
    about_title: "关于 TechBroker", "About TechBroker";
    about_version: "版本 {version}", "Version {version}";
    about_built: "构建日期 {date}", "Built on {date}";
    about_dev_build: "开发版本（未注明构建日期）", "Development build (no build date)";
    about_data_dir: "数据文件夹", "Data folder";
    about_close: "关闭", "Close";
    // Training sandbox
    menu_sandbox_start: "进入培训模式", "Start training sandbox";
    menu_sandbox_reset: "重置培训数据…", "Reset sandbox…";
    menu_sandbox_leave: "退出培训模式", "Leave sandbox";
    sandbox_banner: "培训模式：这里是练习数据，你自己的数据库不受影响", "Training mode: practice data; your own database is not touched";
    sandbox_tasks: "练习任务", "Exercises";
    sandbox_reset_title: "重置培训数据", "Reset the sandbox";
    sandbox_reset_question: "练习中的所有修改都将清除，恢复为初始数据。确定吗？", "Every change made in practice is removed and the initial data comes back. Continue?";
    sandbox_reset_confirm: "确认重置", "Reset";
    sandbox_building: "正在准备培训数据…", "Preparing the training data…";
    sandbox_build_failed: "培训数据准备失败：{detail}", "The training data could not be prepared: {detail}";
    sandbox_started: "已进入培训模式", "Training mode started";
    sandbox_resumed: "已回到培训模式，练习接着上次的进度；要从头开始，请用“重置培训数据…”", "Back in the training sandbox where the class left it; Reset sandbox… starts over";
    sandbox_reset_done: "培训数据已重置", "The sandbox was reset";
    sandbox_left: "已退出培训模式", "Left training mode";
    sandbox_trainee: "学员姓名", "Trainee";
    sandbox_done_count: "已完成 {done}/{total}", "{done} of {total} done";
    sandbox_done_at: "完成于 {time}", "done at {time}";
    sandbox_export: "导出学习进度", "Export progress";
    sandbox_progress_file: "学习进度", "training-progress";
    sandbox_open_matching: "打开匹配", "Open matching";
    task_visit: "走访一家企业并记录（方式选“走访”）", "Log a visit (kind: visit) to an enterprise";
    task_shortlist: "为需求“{need}”查找成果，把合适的加入候选", "Find achievements for the need “{need}” and shortlist one";
    task_accept: "为需求“{need}”接受最佳匹配，生成交易", "Accept the best match for “{need}”: a deal is created";
    task_sign: "把该需求的交易推进到“签约”，填写合同金额和签约日期", "Move that need's deal to signed, with a contract amount and a signing date";
    task_pay_later: "为一笔交易设置“先使用后付费”方案", "Set a use-first-pay-later plan on a deal";
    task_payment: "为一笔交易记录回款", "Record a payment received on a deal";
    task_register: "为一笔已签约交易登记技术合同", "Record the registration of a signed contract";
    task_report: "导出本月交易报表", "Export this month's deal report";
    task_maturation: "成果匹配中，把一个成熟度不够的候选“送去熟化”：选定中试基地，建立熟化项目", "In Matching, send a candidate that is not mature enough for maturation: pick a pilot base and start a project";
    task_rights: "为一所高校的成果记录权属（赋予所有权）与收益分配，在交易页看研究人员应得的份额", "Record the rights (ownership granted) and income shares of a university's achievement, and see the researchers' share on its deal's page";
    database: "数据库", "Database";
    nav_agenda: "工作台", "Dashboard";
    // Dashboard
    dash_loading: "正在计算统计…", "Computing the figures…";
    dash_card_name: "{label}：{value}", "{label}: {value}";
    dash_wan: "{amount} 万元", "{amount} × 10k yuan";
    dash_deals_n: "{n} 个交易", "{n} deal{s}";
    dash_overdue_part: "其中逾期 {amount} 万元", "{amount} × 10k yuan overdue";
    kpi_achievements: "在售成果", "Achievements offered";
    kpi_needs: "开放需求", "Open needs";
    kpi_in_progress: "进行中交易", "Deals in progress";
    kpi_signed: "今年签约额", "Signed this year";
    kpi_technology: "今年技术交易额", "Technology transactions this year";
    kpi_received: "今年回款", "Received this year";
    kpi_outstanding: "待收款", "Outstanding payments";
    kpi_registrations: "待登记合同", "Registrations due";
    kpi_achievements_hint: "状态为可转化", "status available";
    kpi_needs_hint: "状态为开放", "status open";
    kpi_registrations_hint: "7 天内到期或已逾期", "due within 7 days or overdue";
    chart_monthly: "近 12 个月签约额（万元）", "Signed per month, last 12 months (10k yuan)";
    chart_funnel: "各阶段交易", "Pipeline by stage";
    chart_fields: "交易领域分布", "Deals by field";
    chart_conversion: "匹配转化", "From match to contract";
    dash_month: "{year}年{month}月", "{year}-{month}";
    dash_bar_tip: "{name}\n{n} 个交易 · {amount} 万元", "{name}\n{n} deal{s} · {amount} × 10k yuan";
    dash_pairs_tip: "{name}：{n}", "{name}: {n}";
    conv_shortlisted: "入围", "Shortlisted";
    conv_accepted: "接受", "Accepted";
    conv_signed: "签约", "Signed";
    conv_rate: "接受后签约率 {rate}%", "Signed after acceptance: {rate}%";
    dash_no_field: "未分类", "No field";
    dash_filter_signed_in: "{year} 年签约", "signed in {year}";
    dash_filter_registration_due: "登记 7 天内到期或已逾期", "registration due within 7 days or overdue";
    dash_list_separator: "、", ", ";
    nav_clients: "客户", "Clients";
    nav_follow_ups: "待办跟进", "Follow-ups";
    nav_achievements: "科技成果", "Achievements";
    nav_needs: "技术需求", "Needs";
    nav_matching: "成果匹配", "Matching";
    nav_deals: "交易", "Deals";
    nav_trash: "回收站", "Trash";
    im_kind_carriers: "载体", "Carriers";
    // Deal report
    rp_title: "技术交易报告", "Deal report";
    rp_period: "统计期间", "Period";
    rp_period_range: "{from} 至 {to}", "{from} to {to}";
    rp_generated: "生成日期", "Generated on";
    rp_filters: "筛选条件", "Filters";
    rp_no_filter: "无（全部交易）", "None (all deals)";
    rp_filter_item: "{name}：{value}", "{name}: {value}";
    rp_list_sep: "；", "; ";
    rp_html_lang: "zh-CN", "en";
    rp_totals: "合计", "Totals";
    rp_signed: "签约项数", "Deals signed";
    rp_contract: "合同金额（万元）", "Contract amount (10k yuan)";
    rp_technology: "技术交易额（万元）", "Technology-transaction amount (10k yuan)";
    rp_commission: "佣金（万元）", "Commission (10k yuan)";
    rp_received: "已回款（万元）", "Received (10k yuan)";
    rp_outstanding: "未回款（万元）", "Outstanding (10k yuan)";
    rp_deals: "交易数", "Deals";
    rp_summary: "概览", "Summary";
    rp_item: "项目", "Item";
    rp_value: "内容", "Value";
    rp_by_stage: "按阶段", "By stage";
    rp_by_contract_type: "按合同类型", "By contract type";
    rp_by_field: "按领域", "By field";
    rp_by_seller: "按卖方", "By seller";
    rp_by_buyer_region: "按买方地区", "By buyer region";
    rp_monthly: "按月签约", "Signed by month";
    rp_month: "月份", "Month";
    rp_seller: "卖方", "Seller";
    rp_buyer_region: "买方地区", "Buyer region";
    rp_deal_list: "交易明细", "Deal list";
    rp_id: "编号", "No.";
    rp_unspecified: "（未填写）", "(not given)";
    rp_no_deals: "该期间没有签约的交易。", "No deals were signed in this period.";
    rp_file: "技术交易报告", "deal-report";

    search: "搜索", "Search";
    search_hint: "按名称筛选", "Filter by name";
    all: "全部", "All";
    new_client: "新建客户", "New client";
    col_name: "名称", "Name";
    col_kind: "类型", "Kind";
    col_region: "地区", "Region";
    col_industry: "行业", "Industry";
    col_open_follow_ups: "待跟进", "Open follow-ups";
    col_last_contact: "最近联系", "Last contact";
    clients_count: "{shown} / {total} 个客户", "{shown} of {total} clients";
    no_clients: "还没有客户。点击“新建客户”开始。", "No clients yet. Click “New client” to start.";

    kind_enterprise: "企业", "Enterprise";
    kind_university: "高校", "University";
    kind_institute: "科研院所", "Research institute";
    kind_other: "其他", "Other";

    edit_client: "编辑客户", "Edit client";
    f_name: "名称", "Name";
    f_kind: "类型", "Kind";
    f_credit_code: "统一社会信用代码", "Unified social credit code";
    f_province: "省", "Province";
    f_city: "市", "City";
    f_district: "区县", "District";
    f_industry: "行业", "Industry";
    f_size: "规模", "Size";
    f_address: "地址", "Address";
    f_website: "网站", "Website";
    f_notes: "备注", "Notes";
    required_mark: "（必填）", "(required)";
    save: "保存", "Save";
    cancel: "取消", "Cancel";
    edit: "编辑", "Edit";
    delete: "删除", "Delete";
    delete_client: "删除客户", "Delete client";
    back: "返回", "Back";
    restore: "恢复", "Restore";

    p_required: "必填", "Required";
    p_too_long: "不能超过 {max} 个字符", "At most {max} characters";
    p_invalid_credit_code: "统一社会信用代码无效：应为 18 位，且校验位正确", "Invalid credit code: 18 characters with a correct check character";
    p_duplicate_name: "已有同名客户", "A client with this name already exists";
    p_duplicate_credit_code: "已有客户使用该统一社会信用代码", "Another client already has this credit code";
    credit_code_taken: "无法恢复：已有客户使用统一社会信用代码 {code}", "Cannot restore: another client has the credit code {code}";
    p_invalid_email: "邮箱格式不正确", "Not an email address";
    p_invalid_phone: "电话号码格式不正确", "Not a phone number";
    p_invalid_website: "网址格式不正确", "Not a web address";
    p_next_step_without_due: "有下一步时请设截止日期", "A next step needs a due date";
    p_due_without_next_step: "有截止日期时请填写下一步", "A due date needs a next step";
    p_invalid_amount: "金额格式不正确（例如 120000 或 12.5万）", "Not an amount (e.g. 120000 or 125000.50)";
    p_negative_amount: "金额不能为负数", "The amount cannot be negative";
    p_amount_too_large: "金额过大（应小于 100 亿元）", "The amount is too large (under 10 billion yuan)";
    p_invalid_date: "日期无效（例如 2024-05-01、2024/5/1 或 2024年5月1日）", "Not a date (e.g. 2024-05-01 or 2024/5/1)";
    p_trl_out_of_range: "技术成熟度应为 1 到 9 的整数", "TRL must be a whole number from 1 to 9";
    p_too_many_keywords: "关键词最多 {max} 个", "At most {max} keywords";
    p_unknown_client: "找不到该单位", "No such organisation";

    contacts: "联系人", "Contacts";
    add_contact: "添加联系人", "Add contact";
    c_name: "姓名", "Name";
    c_title: "职务", "Title";
    c_phone: "电话", "Phone";
    c_email: "邮箱", "Email";
    c_wechat: "微信", "WeChat";
    no_contacts: "暂无联系人。", "No contacts yet.";

    interactions: "跟进记录", "Interactions";
    add_interaction: "记录跟进", "Log interaction";
    i_date: "日期", "Date";
    i_kind: "方式", "Kind";
    i_summary: "摘要", "Summary";
    i_next_step: "下一步", "Next step";
    i_has_due: "设截止日期", "Set a due date";
    i_next_due: "截止日期", "Due date";
    no_interactions: "暂无跟进记录。", "No interactions yet.";
    mark_done: "标记完成", "Mark done";
    done_on: "已完成", "Done";
    next_step_due: "下一步：{step}（{due} 前）", "Next: {step} (by {due})";

    ik_visit: "走访", "Visit";
    ik_call: "电话", "Call";
    ik_meeting: "会议", "Meeting";
    ik_email: "邮件", "Email";
    ik_wechat: "微信", "WeChat";
    ik_event: "路演/对接会", "Event";

    fu_title: "所有未完成的跟进", "Every open follow-up";
    fu_none: "没有未完成的跟进。", "No open follow-ups.";
    col_due: "截止日期", "Due";
    col_client: "客户", "Client";
    col_next_step: "下一步", "Next step";
    col_status: "状态", "Status";
    due_today: "今天到期", "Due today";
    overdue_days: "逾期 {n} 天", "{n} day{s} overdue";

    trash_title: "回收站", "Trash";
    trash_empty: "回收站是空的。", "The trash is empty.";
    col_record: "记录", "Record";
    col_type: "类别", "Type";
    col_belongs_to: "所属客户", "Belongs to";
    col_deleted_at: "删除时间", "Deleted at";
    trash_client: "客户", "Client";
    trash_contact: "联系人", "Contact";
    trash_achievement: "成果", "Achievement";
    trash_need: "需求", "Need";

    saved: "已保存", "Saved";
    moved_to_trash: "“{name}”已移至回收站", "“{name}” moved to the trash";
    restored: "已恢复", "Restored";
    marked_done: "已标记完成", "Marked done";
    name_taken: "无法恢复：已有名为“{name}”的客户，请先将其改名。", "Cannot restore: a client named “{name}” exists. Rename it first.";
    not_found: "该记录已不存在。", "The record no longer exists.";
    db_error: "数据库错误：{detail}", "Database error: {detail}";
    opened: "已打开 {path}", "Opened {path}";

    new_achievement: "新建成果", "New achievement";
    edit_achievement: "编辑成果", "Edit achievement";
    delete_achievement: "删除成果", "Delete achievement";
    new_need: "新建需求", "New need";
    edit_need: "编辑需求", "Edit need";
    delete_need: "删除需求", "Delete need";
    achievements_count: "{shown} / {total} 项成果", "{shown} of {total} achievements";
    needs_count: "{shown} / {total} 项需求", "{shown} of {total} needs";
    no_achievements: "还没有成果。点击“新建成果”，或从客户详情页为高校院所新建。", "No achievements yet. Click “New achievement”, or create one from a university's page.";
    no_needs: "还没有需求。点击“新建需求”，或从企业详情页新建。", "No needs yet. Click “New need”, or create one from an enterprise's page.";
    loading_catalog: "正在载入成果与需求库…", "Loading achievements and needs…";
    catalog_failed: "成果与需求库载入失败：{detail}", "Could not load achievements and needs: {detail}";
    catalog_search_hint: "名称、关键词、简介、单位、专利号", "Title, keywords, abstract, owner, patent no.";
    any: "不限", "Any";
    clear_filters: "清除筛选", "Clear filters";
    filter_owner: "单位：{name}", "Organisation: {name}";
    include_negotiable: "含面议", "Incl. negotiable";
    price_min: "最低", "Min";
    price_max: "最高", "Max";
    wan_unit: "万元", "10k yuan";
    yuan_unit: "元", "yuan";
    picker_hint: "输入名称搜索", "Type to search";
    change: "更换", "Change";
    add: "添加", "Add";
    remove: "移除", "Remove";
    new_field_hint: "新领域名称", "New field";
    none: "无", "None";

    a_title: "成果名称", "Title";
    a_owner: "完成单位", "Owner";
    a_inventors: "完成人", "Inventors";
    a_field: "所属领域", "Field";
    a_keywords: "关键词（最多 5 个）", "Keywords (up to 5)";
    keywords: "关键词", "Keywords";
    a_abstract: "成果简介", "Abstract";
    a_indicators: "主要技术指标", "Key indicators";
    a_trl: "技术成熟度 TRL（1-9）", "TRL (1-9)";
    a_stage: "成熟度阶段", "Stage";
    a_ip: "知识产权", "IP";
    a_modes: "转化方式", "Transfer modes";
    a_price: "意向价格（元）", "Asking price (yuan)";
    negotiable: "面议", "Negotiable";
    a_registration: "登记号", "Registration no.";
    a_status: "状态", "Status";
    a_source: "来源", "Source";
    add_ip: "添加知识产权", "Add IP item";
    ip_kind: "类型", "Kind";
    ip_number: "号码", "Number";
    ip_status: "状态", "Status";
    ip_expiry: "到期日", "Expiry";

    stage_lab: "实验室", "Lab";
    stage_small_trial: "小试", "Small trial";
    stage_pilot: "中试", "Pilot";
    stage_industrial: "产业化", "Industrialisation";
    as_available: "可转化", "Available";
    as_negotiating: "洽谈中", "Negotiating";
    as_transferred: "已转化", "Transferred";
    as_withdrawn: "已撤回", "Withdrawn";
    ipk_invention: "发明专利", "Invention patent";
    ipk_utility: "实用新型", "Utility model";
    ipk_software: "软件著作权", "Software copyright";
    ipk_plant: "植物新品种", "Plant variety";
    ipk_know_how: "技术秘密", "Know-how";
    ips_applied: "申请中", "Applied";
    ips_granted: "已授权", "Granted";
    ips_lapsed: "已失效", "Lapsed";
    tm_assignment: "转让", "Assignment";
    tm_exclusive: "独占许可", "Exclusive licence";
    tm_sole: "排他许可", "Sole licence";
    tm_ordinary: "普通许可", "Ordinary licence";
    tm_equity: "作价投资", "Equity";
    tm_codev: "合作开发", "Co-development";
    tm_use_first: "先使用后付费", "Use first, pay later";

    n_title: "需求名称", "Need";
    n_enterprise: "需求企业", "Enterprise";
    n_description: "需求描述", "Problem description";
    n_indicators: "目标指标", "Target indicators";
    n_budget: "预算/悬赏（元）", "Budget or bounty (yuan)";
    n_mode: "合作方式", "Preferred mode";
    n_min_stage: "最低成熟度", "Minimum stage";
    n_min_trl: "最低 TRL（可空）", "Minimum TRL (optional)";
    n_deadline: "截止日期（可空）", "Deadline (optional)";
    n_confidential: "保密需求", "Confidential";
    confidential_mark: "【保密】", "[Confidential] ";
    nm_buy: "购买", "Buy";
    nm_licence: "许可", "Licence";
    nm_codev: "合作开发", "Co-develop";
    nm_consult: "技术咨询", "Consulting";
    ns_open: "待对接", "Open";
    ns_matched: "已匹配", "Matched";
    ns_solved: "已解决", "Solved";
    ns_closed: "已关闭", "Closed";

    col_title: "名称", "Title";
    col_owner: "完成单位", "Owner";
    col_field: "领域", "Field";
    col_trl: "TRL", "TRL";
    col_stage: "阶段", "Stage";
    col_price: "价格（万元）", "Price (10k yuan)";
    col_typical_cost: "典型费用（万元）", "Typical cost (10k yuan)";
    col_updated: "更新时间", "Updated";
    col_enterprise: "企业", "Enterprise";
    col_budget: "预算（万元）", "Budget (10k yuan)";
    col_deadline: "截止日期", "Deadline";
    col_min_stage: "最低成熟度", "Min. stage";
    client_achievements: "该单位的成果（{n}）", "Achievements of this organisation ({n})";
    client_needs: "该企业的需求（{n}）", "Needs of this enterprise ({n})";
    show_all_in_list: "在列表中查看全部", "Show all in the list";

    find_matches: "查找匹配", "Find matches";
    dir_need: "需求 → 成果", "Need → achievements";
    dir_achievement: "成果 → 企业", "Achievement → enterprises";
    dir_enterprise: "企业 → 成果", "Enterprise → achievements";
    match_subject: "匹配对象", "Subject";
    match_choose: "请选择要匹配的需求、成果或企业。", "Choose the need, achievement or enterprise to match.";
    match_loading: "正在建立匹配索引…", "Building the matching index…";
    match_none: "没有找到匹配的候选。", "No candidates found.";
    show_rejected: "显示已拒绝的", "Show rejected";
    col_score: "匹配度", "Score";
    col_candidate: "候选", "Candidate";
    col_via_need: "对应需求", "Through need";
    breakdown: "得分构成", "Score breakdown";
    matched_terms: "共同词语", "Shared terms";
    part_text: "文本相关度", "Text relevance";
    part_field: "领域", "Field";
    part_maturity: "成熟度", "Maturity";
    part_price: "价格与预算", "Price vs budget";
    part_mode: "合作方式", "Transfer mode";
    part_region: "地域", "Region";
    part_history: "以往决定", "Past decisions";
    shortlist: "加入候选清单", "Shortlist";
    open_achievement: "查看成果", "Open achievement";
    open_need: "查看需求", "Open need";
    lost_needs_reason: "终止交易请填写原因（在交易页“终止原因”中）。", "Losing a deal needs a reason (on the deal's page).";
    accept: "接受（建立交易）", "Accept (create deal)";
    reject: "拒绝…", "Reject…";
    reject_title: "拒绝这个匹配", "Reject this match";
    reject_reason: "原因", "Reason";
    reject_note: "说明", "Note";
    confirm_reject: "确认拒绝", "Reject";
    rr_too_early: "成熟度太低", "Too early stage";
    rr_benefit: "相对现有技术优势不明显", "Benefit over existing technology unclear";
    rr_route: "商业化路径不清楚", "Commercial route unclear";
    rr_price: "价格差距大", "Price gap";
    rr_description: "描述不清楚", "Description unclear";
    rr_field: "不是我们的领域", "Not our field";
    rr_other: "其他", "Other";
    shortlisted: "已加入候选清单", "Shortlisted";
    accepted_deal: "已接受：已建立交易 #{id}（对接阶段）", "Accepted: deal #{id} created (introduced)";
    rejected_done: "已拒绝，该候选已移出列表", "Rejected; the candidate left the list";
    rejected_mark: "已拒绝", "Rejected";
    weights: "权重设置", "Weights";
    save_weights: "保存权重", "Save weights";
    default_weights: "恢复默认", "Defaults";
    weights_saved: "权重已保存", "Weights saved";
    export_shortlist: "导出候选清单 CSV…", "Export shortlist as CSV…";
    exported: "已导出到 {path}", "Exported to {path}";
    export_failed: "导出失败：{detail}", "Export failed: {detail}";
    shortlist_file: "候选清单", "shortlist";
    export_menu: "导出…", "Export…";
    exporting: "正在导出到 {path}…", "Exporting to {path}…";
    export_as_csv: "CSV（Excel 可直接打开）…", "CSV (opens in Excel)…";
    export_as_xlsx: "Excel 工作簿（xlsx）…", "Excel workbook (xlsx)…";
    export_as_json: "JSON（完整记录，可再导入）…", "JSON (full records, importable)…";
    file_clients: "客户", "clients";
    file_carriers: "载体", "carriers";
    file_achievements: "科技成果", "achievements";
    file_needs: "技术需求", "needs";
    file_deals: "交易", "deals";
    shortlist_empty: "候选清单为空：先把候选加入清单。", "The shortlist is empty: shortlist candidates first.";

    ds_lead: "意向", "Lead";
    ds_introduced: "对接", "Introduced";
    ds_negotiating: "洽谈", "Negotiating";
    ds_signed: "签约", "Signed";
    ds_registered: "登记", "Registered";
    ds_executing: "履约/回款", "Executing";
    ds_closed_won: "完成", "Closed won";
    ds_lost: "终止", "Lost";
    ct_development: "技术开发", "Development";
    ct_transfer: "技术转让", "Transfer";
    ct_licence: "技术许可", "Licence";
    ct_consulting: "技术咨询", "Consulting";
    ct_service: "技术服务", "Service";
    view_board: "看板", "Board";
    view_table: "列表", "Table";
    deals_none: "还没有交易。在“成果匹配”中接受一个匹配，或点“新建交易”。", "No deals yet. Accept a match in Matching, or start one with New deal.";
    new_deal: "新建交易", "New deal";
    nd_achievement: "卖方的成果", "Seller's achievement";
    nd_need: "买方的需求", "Buyer's need";
    nd_none: "（不指定）", "(none)";
    nd_create: "建立交易", "Create deal";
    deal_created: "已建立交易“{title}”。", "Deal “{title}” created.";
    sign_title: "签约信息", "Signing";
    sign_body: "“{title}”移到“{stage}”需要签约日期和合同金额。", "Moving “{title}” to {stage} needs the signing date and the contract amount.";
    sign_confirm: "保存并移动", "Save and move";
    date_format_hint: "如 2026-11-20", "e.g. 2026-11-20";
    delete_deal: "删除交易", "Delete deal";
    trash_deal: "交易", "Deal";
    deal_in_trash: "此交易在回收站中，可在回收站恢复。", "This deal is in the trash, where it can be restored.";
    deals_more: "…还有 {n} 个", "… {n} more";
    column_total: "{n} 个 · {amount} 万元", "{n} · {amount} ×10k yuan";
    open: "打开", "Open";
    move_to: "移到…", "Move to…";
    days_in_stage: "本阶段 {n} 天", "{n} day{s} in stage";
    badge_registration_overdue: "登记逾期", "Registration overdue";
    badge_payment_overdue: "回款逾期 {amount} 万元", "{amount} × 10k yuan overdue";
    badge_follow_up_overdue: "跟进逾期", "Follow-up overdue";
    deal_terms: "交易条款", "Terms";
    d_title: "项目名称", "Title";
    d_broker: "经纪人", "Broker";
    d_contract_type: "合同类型", "Contract type";
    d_expected: "预计金额（元）", "Expected amount (yuan)";
    d_contract: "合同金额（元）", "Contract amount (yuan)";
    d_technology: "技术交易额（元）", "Technology-transaction amount (yuan)";
    d_rate: "佣金比例（%）", "Commission rate (%)";
    d_commission: "佣金（元，留空按比例计算）", "Commission (yuan; empty: from the rate)";
    d_commission_computed: "按比例计算：{amount} 元", "From the rate: {amount} yuan";
    d_signed_on: "签约日期", "Signing date";
    d_notes: "备注", "Notes";
    d_seller: "卖方", "Seller";
    d_buyer: "买方", "Buyer";
    d_stage: "阶段", "Stage";
    move_stage: "移到该阶段", "Move";
    lost_reason: "终止原因", "Reason lost";
    signing_needs: "签约前请填写签约日期和合同金额，并先保存条款。", "Signing needs a signing date and a contract amount: fill them in and save the terms first.";
    stage_moved: "已移到“{stage}”", "Moved to “{stage}”";
    registration: "技术合同认定登记", "Contract registration";
    registration_due: "登记截止：{date}", "Registration due: {date}";
    registration_due_in: "还有 {n} 天", "{n} day{s} left";
    registration_overdue: "已逾期 {n} 天", "{n} day{s} overdue";
    registration_done: "已登记（{date}，证书号 {no}）", "Registered ({date}, certificate {no})";
    registration_not_yet: "签约后自动计算登记截止日期。", "The due date is set when the deal is signed.";
    r_submitted: "登记日期", "Registered on";
    r_certificate: "证书号", "Certificate no.";
    record_registration: "记录登记", "Record registration";
    r_contract: "认定合同金额（元）", "Registered contract amount (yuan)";
    r_technology: "认定技术交易额（元）", "Registered technology-transaction amount (yuan)";
    rule_title: "登记期限", "Registration deadline";
    rule_calendar: "自然日", "Calendar days";
    rule_working: "工作日", "Working days";
    rule_days: "天数", "Days";
    stage_history: "阶段记录", "Stage history";
    agenda_title: "今天要做的事", "Today's work";
    agenda_none: "今天没有到期或逾期的事项。", "Nothing is due or overdue.";
    ag_follow_up: "跟进", "Follow-up";
    fu_group_overdue: "已逾期", "Overdue";
    fu_group_today: "今天", "Today";
    fu_group_this_week: "本周", "This week";
    fu_group_later: "以后", "Later";
    fu_group_header: "{group}（{n}）", "{group} ({n})";
    fu_edit: "编辑", "Edit";
    fu_edit_title: "编辑跟进：{client}", "Edit follow-up: {client}";
    fu_move: "改期", "Move";
    fu_move_tomorrow: "明天", "Tomorrow";
    fu_move_next_week: "下周一", "Next Monday";
    fu_move_pick: "选日期…", "Pick a date…";
    fu_delete: "删除", "Delete";
    fu_actions: "操作", "Actions";
    fu_moved: "跟进改到 {date}", "Follow-up moved to {date}";
    p_due_before_logged: "不能早于记录这次跟进的日期 {date}", "Cannot be before the day it was logged, {date}";
    trash_interaction: "跟进记录", "Interaction";
    ag_registration: "合同登记", "Registration";
    ag_instalment: "回款", "Payment";
    ag_trial: "试用期结束", "Trial ends";
    col_what: "事项", "What";
    col_subject: "对象", "For";
    col_detail: "说明", "Detail";
    due_in_days: "{n} 天后", "in {n} day{s}";
    outstanding_amount: "未收 {amount} 万元", "{amount} × 10k yuan outstanding";
    payments: "回款计划", "Payment plan";
    pay_due: "到期日", "Due";
    pay_amount: "金额（元）", "Amount (yuan)";
    pay_trigger: "触发条件", "Trigger";
    col_amount: "金额", "Amount";
    col_trigger: "条件", "Condition";
    pay_paid: "已付", "Paid";
    pay_outstanding: "未付", "Outstanding";
    pay_overdue: "逾期", "Overdue";
    add_instalment: "添加分期", "Add instalment";
    record_payment: "记录回款", "Record payment";
    rc_date: "回款日期", "Received on";
    rc_amount: "回款金额（元）", "Amount received (yuan)";
    rc_note: "回款说明", "Payment note";
    plan_totals: "计划 {planned} 元 · 已收 {received} 元 · 未收 {outstanding} 元 · 逾期 {overdue} 元", "Planned {planned} · received {received} · outstanding {outstanding} · overdue {overdue} yuan";
    plan_gap: "回款计划合计与合同金额相差 {gap} 元", "The plan differs from the contract amount by {gap} yuan";
    no_instalments: "还没有分期。", "No instalments yet.";
    trial: "先使用后付费", "Use first, pay later";
    trial_end: "试用期结束日期", "Trial ends on";
    until_revenue: "直到产生收入", "Until revenue";
    trial_days_left: "试用期还剩 {n} 天", "{n} day{s} of trial left";
    trial_ended: "试用期已结束", "The trial has ended";
    save_trial: "保存试用期", "Save trial";
    plan_count: "分期数", "Instalments";
    plan_every: "间隔（月）", "Every (months)";
    generate_plan: "从试用期结束起生成分期", "Generate instalments from the trial end";
    trial_start: "试用期开始日期", "Trial starts on";
    pl_instalments: "分期付款", "Instalments";
    pl_deferred: "延期一次付清", "Deferred single payment";
    pl_revenue_share: "收益提成", "Revenue share";
    plan_days_after: "试用期后天数", "Days after the trial";
    plan_share_rate: "提成比例（%）", "Share (%)";
    plan_period: "报告周期（月）", "Reporting period (months)";
    revenue_share_terms: "收益提成 {rate}% · 每 {months} 个月报告一次", "Revenue share {rate}% · reported every {months} months";
    plan_needs_contract: "请先填写并保存合同金额", "Fill in and save the contract amount first";
    plan_needs_numbers: "请填写大于 0 的数字（分期数、月数、天数或提成比例）", "Fill in numbers above 0 (instalments, months, days or share)";

    open_failed: "无法打开数据库", "Cannot open the database";
    cli_importing: "导入中 {pct}%", "importing {pct}%";
    purge_in_use: "仍有交易引用该记录，不能彻底删除。请先删除相关交易。", "A deal still names this record, so it cannot be deleted for good. Delete the deal first.";
    purged: "已彻底删除", "Deleted for good";
    trash_emptied: "回收站已清空：彻底删除 {n} 条记录", "Trash emptied: {n} record{s} deleted for good";
    trash_emptied_kept: "已彻底删除 {n} 条记录；{kept} 条仍被交易引用，保留在回收站中", "{n} records deleted for good; {kept} still named by a deal stay in the trash";
    trash_instalment: "分期", "Instalment";
    trash_receipt: "收款", "Payment";
    payment_to_trash: "已移到回收站，可在回收站恢复", "Moved to the trash; it can be restored from there";
    receipt_amount: "{yuan} 元（{wan} 万元）", "¥{yuan} ({wan} × 10k yuan)";
    receipt_name: "{date} 的收款 {amount} 元", "the payment of ¥{amount} on {date}";
    receipt_edit: "修改", "Correct";
    receipt_editing: "修改 {date} 的收款", "Correcting the payment of {date}";
    receipt_save: "保存修改", "Save the correction";
    unsigned_title: "交易尚未签约", "Not signed yet";
    unsigned_body: "该交易尚未签约：仍要记录这笔收款吗？", "This deal is not signed yet: record the payment anyway?";
    record_anyway: "仍然记录", "Record anyway";
    received_payments: "已收款项", "Payments received";
    empty_trash: "清空回收站…", "Empty trash…";
    purge: "彻底删除…", "Delete for good…";
    purge_confirm_one: "彻底删除“{name}”？此操作无法撤销（客户的联系人、跟进记录、成果和需求一并删除）。", "Delete “{name}” for good? This cannot be undone (a client's contacts, interactions, achievements and needs go with it).";
    purge_confirm_all: "彻底删除回收站中的全部 {n} 条记录？此操作无法撤销。", "Delete all {n} record{s} in the trash for good? This cannot be undone.";
    purge_yes: "彻底删除", "Delete for good";
    gen_not_empty: "该数据库已有 {n} 条记录，未生成演示数据。请指定一个新的（或空的）数据库文件。", "The database already holds {n} record{s}, so no demo data was generated. Give a new (or empty) database file.";
    cli_backup_exists: "{path} 已存在，未覆盖。请换一个文件名。", "{path} exists and was left alone. Choose another file name.";
    cli_backup_written: "已备份到 {path}", "Backed up to {path}";
    cli_restored: "已从 {from} 恢复；恢复前的数据库已备份到 {before}", "Restored from {from}; the database as it was is backed up in {before}";
    restore_not_a_backup: "{path} 不是本版本能打开的 TechBroker 备份，数据库未改动。", "{path} is not a TechBroker backup this version can open; the database was left unchanged.";
    restore_failed: "恢复失败，数据库未改动：{detail}", "The restore failed and the database was left unchanged: {detail}";
    open_elsewhere_title: "该数据库已在另一个窗口中打开", "This database is open in another window";
    open_elsewhere_text: "为免两处同时修改互相覆盖，同一时间只能在一个窗口中编辑。可以只读方式打开（对方的修改会自动显示），或退出。", "So that two windows never overwrite each other's changes, only one may edit it at a time. Open it read-only here (the other window's changes appear by themselves), or quit.";
    open_read_only: "以只读方式打开", "Open read-only";
    quit: "退出", "Quit";
    opened_read_only: "已以只读方式打开 {path}", "Opened {path} read-only";
    read_only_banner: "只读：该数据库正在另一个窗口中编辑，这里不能修改。", "Read-only: this database is being edited in another window; nothing can be changed here.";
    read_only_refused: "只读模式下不能修改。请在正在编辑该数据库的窗口中操作。", "Nothing can be changed in read-only mode. Make the change in the window editing this database.";
    open_err_io: "无法读取或创建该文件：{detail}", "The file cannot be read or created: {detail}";
    open_err_folder: "这是一个文件夹，不是数据库文件。", "This is a folder, not a database file.";
    open_err_empty: "这是一个空文件，不是 TechBroker 数据库。", "This is an empty file, not a TechBroker database.";
    open_err_not_db: "这不是数据库文件。", "This is not a database file.";
    open_err_foreign: "这是其他程序的数据库，不是 TechBroker 数据库。", "This is another program's database, not a TechBroker database.";
    open_err_corrupt: "数据库文件已损坏。请从备份恢复（文件 → 备份…，或命令 techbroker restore）。详细信息已写入日志 techbroker.log。", "The database file is damaged. Restore it from a backup (File → Backups…, or techbroker restore). The details were written to the log, techbroker.log.";
    open_err_read_only_file: "该数据库文件是只读的，无法保存修改。请在文件属性中取消“只读”（或复制到可写的文件夹）后再打开。", "The database file is read-only, so nothing could be saved. Clear its read-only setting (or copy it to a folder you can write to), then open it again.";
    open_err_read_only_folder: "数据库所在的文件夹（或磁盘）不可写入，而 TechBroker 需要在文件旁写入日志。请把数据库复制到可写的文件夹后再打开。", "The folder (or drive) holding the database cannot be written to, and TechBroker writes its journal beside the file. Copy the database to a folder you can write to and open it there.";
    open_err_no_space: "磁盘已满，无法写入数据库。请清理磁盘空间后重试。", "The disk is full, so the database cannot be written. Free some space, then try again.";
    open_err_locked: "另一个程序正锁定该数据库。请关闭正在使用它的程序（或等它完成）后重试。", "Another program has locked the database. Close the program using it (or wait for it to finish), then try again.";
    open_err_newer: "该数据库由更新版本的 TechBroker 创建（结构版本 {found}，本程序支持到 {supported}）。请升级 TechBroker 后再打开。", "This database was written by a newer TechBroker (schema {found}; this one knows up to {supported}). Update TechBroker to open it.";
    open_err_older_read_only: "该数据库由较早版本的 TechBroker 创建（结构版本 {found}），只读方式无法升级它。请在另一个窗口关闭后正常打开一次，完成升级。", "This database was written by an older TechBroker (schema {found}); a read-only window cannot upgrade it. Open it normally once the other window is closed, and it is upgraded.";
    open_err_backup: "升级前无法备份数据库：{detail}", "Could not back up the database before upgrading it: {detail}";
    open_err_setup: "无法初始化数据库：{detail}", "Could not set up the database: {detail}";
    cli_db_required: "请用 --db PATH 指定数据库文件", "Give the database file with --db PATH";
    cli_no_such_db: "找不到数据库文件 {path}", "There is no database file at {path}";
    cli_generated: "已生成 {clients} 个客户、{achievements} 项成果、{needs} 项需求，用时 {seconds} 秒", "Generated {clients} clients, {achievements} achievements and {needs} needs in {seconds} s";
    open_what_to_do: "文件未被改动。请打开另一个文件，或新建一个数据库。", "The file was left unchanged. Open another file or create a new database.";

    // Import
    menu_import: "导入…", "Import…";
    menu_backups: "备份…", "Backups…";
    backups_title: "备份", "Backups";
    backups_explained: "每天第一次打开时和每次导入前自动备份，保存在数据库旁的 .backups 文件夹中（保留最近 7 天和 4 周）。", "A backup is taken on the first start of each day and before every import, in the .backups folder beside the database (the last 7 days and 4 weeks are kept).";
    backups_none: "还没有备份。", "No backups yet.";
    backup_restore: "恢复…", "Restore…";
    backup_restore_confirm: "用备份 {name} 替换当前数据库？替换前会先备份当前数据库。", "Replace the current database with the backup {name}? The current database is backed up first.";
    backup_restore_yes: "恢复此备份", "Restore this backup";
    backup_restored: "已从备份恢复；恢复前的数据库已备份到 {path}", "Restored from the backup; the database as it was is backed up in {path}";
    backup_daily: "每日", "Daily";
    backup_before_import: "导入前", "Before import";
    backup_before_restore: "恢复前", "Before restore";
    backup_manual: "手动", "Manual";
    p_percent_out_of_range: "请填写 0 到 100 之间的百分比（最多两位小数）", "Enter a percentage from 0 to 100 (at most two decimals)";
    p_term_out_of_range: "年限应为 1 到 {max} 之间的整数", "The term is a whole number of years from 1 to {max}";
    p_shares_not_whole: "各方比例合计应为 100%，现为 {total}%", "The shares must add up to 100 %; they add up to {total} %";
    rights_heading: "权属与收益分配", "Rights and income";
    rights_arrangement: "权属安排", "Arrangement";
    arrangement_institution: "单位所有", "Held by the institution";
    arrangement_ownership: "赋予所有权", "Ownership granted to the researchers";
    arrangement_use_right: "长期使用权", "Long-term use right";
    rights_ownership_share: "研究团队所有权份额（%）", "Researchers' ownership share (%)";
    rights_term_years: "使用权年限（年）", "Term of the use right (years)";
    rights_approved_on: "批准日期", "Approval date";
    rights_approval_no: "批准文号", "Approval document number";
    rights_separately_managed: "单列管理（不纳入国有资产保值增值考核）", "Managed apart from ordinary state assets";
    share_researchers: "研究团队收益比例（%）", "Researchers' share of income (%)";
    share_institution: "单位收益比例（%）", "Institution's share of income (%)";
    share_office: "经纪人或转移机构比例（%）", "Broker's or transfer office's share (%)";
    rights_shares_hint: "三方比例合计 100%；三项都留空表示尚未约定收益分配。", "The three shares add up to 100 %; leave all three empty while no split is agreed.";
    rights_below_floor: "研究团队比例低于法定的净收入 50%", "The researchers' share is below the 50 % of net income the law sets";
    rights_use_right_until: "使用权至 {date} 止", "The use right runs until {date}";
    rights_save: "保存权属与分配", "Save rights and shares";
    shares_heading: "收益分配", "Income shares";
    shares_received: "已到账 {yuan} 元（{wan} 万元），按成果的收益分配规则应得：", "Received ¥{yuan} ({wan} × 10k yuan); due under the achievement's rule:";
    party_researchers: "研究团队", "Researchers";
    party_institution: "单位", "Institution";
    party_office: "经纪人或转移机构", "Broker or transfer office";
    share_amount: "{party}（{share}%）：{yuan} 元（{wan} 万元）", "{party} ({share} %): ¥{yuan} ({wan} × 10k yuan)";
    backup_failed: "自动备份失败：{detail}", "The automatic backup failed: {detail}";
    close: "关闭", "Close";
    docs_title: "文件", "Documents";
    docs_add: "添加文件…", "Add file…";
    docs_open: "打开", "Open";
    docs_trash: "移到回收站", "Move to trash";
    docs_none: "还没有文件", "No documents yet";
    docs_kind: "类别", "Kind";
    docs_name: "文件名", "Name";
    docs_size: "大小", "Size";
    docs_added: "添加日期", "Added";
    docs_added_one: "已添加文件 {name}", "Added {name}";
    docs_copying: "正在复制 {name}… {percent}%", "Copying {name}… {percent}%";
    docs_copy_cancelled: "已取消复制 {name}，未添加文件", "Stopped copying {name}; nothing was added";
    docs_unreadable: "无法读取文件 {path}：{detail}", "Cannot read {path}: {detail}";
    docs_open_failed: "无法打开 {path}：{detail}", "Cannot open {path}: {detail}";
    docs_missing: "文件 {name} 的副本不在文件夹中", "The copy of {name} is missing from the folder";
    docs_trashed: "已把文件移到回收站", "Document moved to the trash";
    doc_contract: "合同", "Contract";
    doc_registration: "登记证明", "Registration certificate";
    doc_patent: "专利证书", "Patent certificate";
    doc_evaluation: "评估报告", "Evaluation report";
    doc_pilot_report: "中试报告", "Pilot report";
    doc_other: "其他", "Other";
    trash_document: "文件", "Document";
    import_button: "导入…", "Import…";
    im_title: "导入数据", "Import data";
    im_kind: "导入内容", "What to import";
    im_choose_file: "选择文件…", "Choose file…";
    im_drop_hint: "支持 CSV（UTF-8 或 GBK）、Excel（xlsx/xls）和 TechBroker 导出的 JSON；也可以把文件拖到窗口上。", "CSV (UTF-8 or GBK), Excel (xlsx/xls) and TechBroker's own JSON; you can also drop a file on the window.";
    im_file: "文件：{name}", "File: {name}";
    im_csv_format: "编码 {encoding} · 分隔符 {delimiter}", "Encoding {encoding} · delimiter {delimiter}";
    im_sheet: "工作表", "Sheet";
    im_json_file: "TechBroker JSON 文件，无需映射列。", "A TechBroker JSON file: no columns to map.";
    im_mapping: "列映射", "Column mapping";
    im_col_column: "文件中的列", "Column in the file";
    im_col_sample: "第一行的值", "First row";
    im_col_field: "导入为", "Import as";
    im_ignore: "（忽略）", "(ignore)";
    im_missing_required: "必填字段尚未对应到列：{fields}", "Required fields have no column yet: {fields}";
    im_save_mapping: "保存映射", "Save mapping";
    im_save_mapping_hint: "表头相同的文件以后自动使用这个映射", "Files with the same headers will use this mapping";
    im_saved_mapping_applied: "已应用为这种表头保存的映射", "The mapping saved for these headers was applied";
    im_mapping_saved: "映射已保存", "Mapping saved";
    im_check: "检查数据", "Check data";
    im_reading: "正在读取文件…", "Reading the file…";
    im_checking: "正在检查…", "Checking…";
    im_importing: "正在导入…", "Importing…";
    im_rows_summary: "共 {rows} 行：{valid} 行有效，{invalid} 行有错误", "{rows} rows: {valid} valid, {invalid} with errors";
    im_duplicates: "重复：数据库中已有 {db} 行，文件内重复 {file} 行", "Duplicates: {db} already stored, {file} repeated within the file";
    im_dup_policy: "重复记录（同名同单位，或同一信用代码）", "Duplicates (same title and owner, or same credit code)";
    im_dup_skip: "跳过", "Skip";
    im_dup_update: "更新已有记录", "Update the stored record";
    im_dup_keep: "两条都保留", "Keep both";
    im_unknown_owners: "{n} 个单位还不是客户：{names}", "Not clients yet ({n}): {names}";
    im_create_owners: "导入时创建这些单位", "Create them as clients";
    im_preview: "预览（前 {n} 行，按存储后的样子）", "Preview (first {n} rows, as they will be stored)";
    im_errors: "有错误的行", "Rows with errors";
    im_col_row: "行号", "Row";
    im_col_reason: "原因", "Reason";
    im_import_all: "导入 {n} 行", "Import {n} row{s}";
    im_import_valid: "导入有效的 {n} 行，退回 {m} 行", "Import the {n} valid rows, hand back {m}";
    im_import_nothing: "不导入", "Import nothing";
    im_nothing_valid: "没有可导入的有效行。", "There are no valid rows to import.";
    im_done: "导入完成：新增 {inserted}，更新 {updated}，跳过重复 {skipped}，新建单位 {owners}，退回 {rejected}，有提示 {warned}，略过合计/表尾 {left}", "Import done: {inserted} added, {updated} updated, {skipped} duplicates skipped, {owners} organisations created, {rejected} handed back, {warned} with notes, {left} total or footer rows left out";
    im_save_rejected: "保存被退回的行（CSV）…", "Save the rows handed back (CSV)…";
    im_rejected_file: "被退回的行", "rejected rows";
    im_close: "完成", "Done";
    im_cancelled: "导入已取消，数据库未改动。", "The import was cancelled; the database is unchanged.";
    im_interrupted: "读取或导入意外中断，数据库未改动。请重试。", "Reading or importing stopped unexpectedly; the database is unchanged. Please try again.";
    im_failed: "导入失败，数据库未改动：{detail}", "The import failed; the database is unchanged: {detail}";
    im_p_unknown_choice: "无法识别的值“{value}”", "Unknown value “{value}”";
    im_p_unknown_owner: "“{name}”不是客户", "“{name}” is not a client";
    im_p_not_enterprise: "“{name}”不是企业，需求只能属于企业", "“{name}” is not an enterprise; needs belong to enterprises";
    im_err_io: "无法读取文件：{detail}", "The file cannot be read: {detail}";
    im_err_empty: "文件是空的，没有可导入的行。", "The file is empty: there is nothing to import.";
    im_err_not_text: "这不是表格文件（可能是其他文件改了扩展名）。", "This is not a table file (perhaps another kind of file renamed).";
    im_err_workbook: "无法读取 Excel 文件：{detail}", "The Excel file cannot be read: {detail}";
    im_err_no_sheet: "没有名为“{name}”的工作表", "There is no sheet named “{name}”";
    im_err_csv: "第 {line} 行格式有误：{detail}", "Line {line} is malformed: {detail}";
    im_err_json: "这不是此类记录的 TechBroker 导出文件（{detail}）", "This is not a TechBroker export of these records ({detail})";
    im_err_invalid: "第 {row} 行有错误：{reasons}", "Row {row} has errors: {reasons}";
    im_err_store: "数据库错误：{detail}", "Database error: {detail}";
    im_t_contact_name: "联系人", "Contact";
    im_t_contact_title: "联系人职务", "Contact's title";
    im_t_contact_phone: "联系人电话", "Contact's phone";
    im_t_contact_email: "联系人邮箱", "Contact's email";
    im_t_contact_wechat: "联系人微信", "Contact's WeChat";
    im_t_trl: "技术成熟度 TRL", "TRL";
    im_t_price: "意向价格", "Asking price";
    im_t_typical_cost: "典型费用", "Typical cost";
    im_t_host_unit: "依托单位（记入备注）", "Host unit (kept in the notes)";
    im_t_budget: "预算", "Budget";
    im_t_min_trl: "最低 TRL", "Minimum TRL";
    im_t_deadline: "截止日期", "Deadline";
    im_t_keywords: "关键词", "Keywords";
    im_t_expected: "预计金额", "Expected amount";
    im_t_contract: "合同金额", "Contract amount";
    im_t_technology: "技术交易额", "Technology-transaction amount";
    cli_import_invalid: "{n} 行无法导入，未导入任何内容。改正后重试，或加 --skip-invalid 只导入有效行（加 --create-owners 创建缺少的单位）。", "{n} rows cannot be imported; nothing was imported. Fix them and retry, or add --skip-invalid to import the valid rows (and --create-owners to create missing organisations).";
    nav_report: "交易报告", "Deal report";
    rp_this_month: "本月", "This month";
    rp_this_quarter: "本季度", "This quarter";
    rp_this_year: "本年", "This year";
    rp_custom: "自定义", "Custom";
    rp_export_xlsx: "导出 Excel…", "Export Excel…";
    rp_export_html: "导出打印版（HTML）…", "Export printable page (HTML)…";
    cli_nothing_imported: "没有导入任何记录。", "No record was imported.";
    cli_exported: "已导出 {n} 条到 {path}", "Exported {n} row{s} to {path}";
    // Matching's thesaurus and the match command (issue 13).
    p_same_term: "两个词相同", "The two terms are the same";
    p_end_before_start: "结束日期早于开始日期", "The end is before the start";
    sentence_separator: "；", "; ";
    nav_projects: "熟化项目", "Maturation";
    pj_title: "熟化项目（中试与概念验证）", "Maturation projects (pilot and proof of concept)";
    pj_none: "还没有熟化项目。在“成果匹配”中，对成熟度不够的候选点“送去熟化…”，或点“新建熟化项目”。", "No maturation projects yet. In Matching, press “Send for maturation…” on a candidate that is not mature enough, or “New maturation project”.";
    pj_new: "新建熟化项目", "New maturation project";
    pj_import_carriers: "导入载体…", "Import carriers…";
    pj_edit: "编辑熟化项目", "Edit maturation project";
    pj_kind: "项目类型", "Kind";
    pk_pilot: "中试项目", "Pilot project";
    pk_poc: "概念验证项目", "Proof-of-concept project";
    pj_name: "项目名称", "Project title";
    pj_achievement: "成果", "Achievement";
    pj_carrier: "承担载体", "Carrier";
    pj_enterprise: "等待的企业", "Enterprise waiting for it";
    pj_start: "开始日期", "Start";
    pj_planned_end: "计划结束", "Planned end";
    pj_cost: "费用（元）", "Cost (yuan)";
    pj_payer: "出资方", "Paid by";
    payer_enterprise: "企业", "Enterprise";
    payer_carrier: "载体", "Carrier";
    payer_fund: "政府基金", "Government fund";
    payer_shared: "多方分担", "Shared";
    pj_milestones: "里程碑（每行一个：日期 名称；完成的行首加 √）", "Milestones (one a line: date title; √ first when done)";
    pj_period: "{start} 至 {end}", "{start} to {end}";
    pj_running: "进行中", "Running";
    pj_column: "{status}（{n}）", "{status} ({n})";
    outcome_to_production: "投产", "To production";
    outcome_more: "继续熟化", "More maturation";
    outcome_stopped: "终止", "Stopped";
    pj_end_as: "结束为：", "End as:";
    pj_ended: "项目已结束：{outcome}", "Project ended: {outcome}";
    pj_matured: "成果成熟度升至 TRL {trl}（{stage}），已记入成果的成熟度记录", "the achievement moved up to TRL {trl} ({stage}), recorded in its maturity history";
    pj_rematch: "为等待的需求重新匹配", "Match the waiting need again";
    pj_need_waiting: "等待它的需求可在项目上“为等待的需求重新匹配”", "the need waiting for it can be matched again from the project";
    pj_suggested: "建议的载体（类型、领域、地区）", "Suggested carriers (kind, field, region)";
    pj_no_carriers: "还没有载体。在客户页面为中试基地或概念验证中心填写“载体信息”，或在熟化项目页面导入载体名单。", "No carriers yet. On a client's page, fill in the carrier profile of a pilot base or proof-of-concept centre, or import a list of carriers on the projects page.";
    pj_send: "送去熟化…", "Send for maturation…";
    pj_send_hint: "成熟度不够：可交中试基地或概念验证中心熟化", "Not mature enough: a pilot base or proof-of-concept centre can mature it";
    pj_why_field: "服务本领域", "serves the field";
    pj_why_city: "同城", "same city";
    pj_why_province: "同省", "same province";
    carrier_profile: "载体信息", "Carrier profile";
    carrier_kind_label: "载体类型", "Carrier kind";
    ck_pilot_base: "中试基地", "Pilot base";
    ck_poc: "概念验证中心", "Proof-of-concept centre";
    ck_training: "人才培训基地", "Training base";
    ck_transfer: "技术转移服务机构", "Transfer-service institution";
    carrier_fields: "服务领域", "Fields served";
    carrier_capabilities: "能力", "Capabilities";
    carrier_equipment: "设备", "Equipment";
    carrier_capacity: "承载能力", "Capacity";
    carrier_cost: "典型费用（元）", "Typical cost (yuan)";
    carrier_save: "保存载体信息", "Save carrier profile";
    carrier_saved: "载体信息已保存", "Carrier profile saved";
    maturity_history: "成熟度记录", "Maturity history";
    ag_milestone: "项目里程碑", "Project milestone";
    maturity_change: "{date}：TRL {trl}（{stage}）→ TRL {new_trl}（{new_stage}）", "{date}: TRL {trl} ({stage}) → TRL {new_trl} ({new_stage})";
    kpi_projects: "进行中熟化项目", "Maturation projects running";
    kpi_projects_note: "今年结束 {ended} 个，投产 {production} 个", "This year {ended} ended, {production} to production";
    ts_title: "成果转化统计", "Transfer statistics";
    ts_signed: "技术合同签订（按合同类型）", "Technology contracts signed, by type";
    ts_registered: "技术合同认定登记（按合同类型）", "Technology contracts registered, by type";
    ts_by_arrangement: "转化的成果（按权属安排）", "Achievements transferred, by rights arrangement";
    ts_projects: "熟化项目", "Maturation projects";
    ts_arrangement: "权属安排", "Rights arrangement";
    ts_not_recorded: "未记录权属", "Not recorded";
    ts_count: "项数", "Number";
    ts_started: "启动", "Started";
    ts_finished: "结束", "Finished";
    ts_share: "投产率", "Share to production";
    ts_total: "合计", "Total";
    ts_shares: "收益分配（期间回款，按成果的分配规则）", "Income shares (payments of the period, by the achievements' rules)";
    ts_party: "分配对象", "Party";
    ts_share_amount: "应得金额（万元）", "Due (10k yuan)";
    ts_export_xlsx: "导出转化统计 Excel…", "Export statistics (Excel)…";
    ts_export_html: "导出转化统计打印版…", "Export statistics (printable)…";
    cli_stats_written: "已写入 {path}：签订 {signed} 项、登记 {registered} 项，熟化项目 {n} 个", "Wrote {path}: {signed} signed, {registered} registered, {n} maturation project{s}";
    cli_synonym_added: "已添加：{term} ≈ {other}（编号 {id}）", "Added: {term} ≈ {other} (id {id})";
    cli_synonym_removed: "已删除同义词 {id}", "Removed synonym {id}";
    cli_synonym_invalid: "无法添加：{problems}", "Cannot add: {problems}";
    cli_synonym_none: "同义词表为空", "The thesaurus is empty";
    thesaurus: "同义词表", "Thesaurus";
    thesaurus_hint: "表中的两个词在匹配时视为同一含义，修改后当前排序立即重新计算。", "Matching reads the two terms of a pair as meaning the same thing; a change ranks the current subject again at once.";
    synonym_term: "词语", "Term";
    synonym_other: "同义词", "Means the same as";
    synonym_term_hint: "例如：锂电", "e.g. PLC";
    synonym_other_hint: "例如：锂离子电池", "e.g. programmable logic controller";
    synonym_add: "添加", "Add";
    synonym_remove: "删除", "Remove";
    synonym_added: "已添加同义词：{term} ≈ {other}", "Synonym added: {term} ≈ {other}";
    synonym_removed: "已删除同义词：{term} ≈ {other}", "Synonym removed: {term} ≈ {other}";
    associations_used: "用到的关联词", "Associations used";
    assoc_thesaurus: "同义词表", "thesaurus";
    assoc_abbreviation: "缩写", "abbreviation";
    assoc_keywords: "关键词共现", "keywords given together";
    cli_report_written: "报告已写入 {path}：{deals} 笔签约，合同金额 {amount} 万元", "Report written to {path}: {deals} deals signed, contract amount {amount} (10k yuan)";
    // Importing the files brokers hold (issue 11): finding the table, values read leniently
    // with notes, files refused with a reason.
    im_err_password: "工作簿设有密码保护：请先在 Excel 中取消密码再导入。", "The workbook is password-protected: remove the password in Excel, then import it.";
    im_err_web_page: "这是一个网页，不是表格文件（可能是登录页或出错页被存成了 .xls）。", "This is a web page, not a spreadsheet (perhaps a login or error page saved as .xls).";
    im_err_too_large: "工作表过大（{rows} 行 × {columns} 列），无法安全读取：请删除远处多余的单元格，或另存为 CSV 后导入。", "The sheet is too large ({rows} rows × {columns} columns) to read safely: delete the stray cells far out, or save it as CSV and import that.";
    im_err_too_big: "文件中的内容过大，无法安全读取：请另存为 CSV 后导入。", "Part of the file is too large to read safely: save it as CSV and import that.";
    im_err_no_rows: "文件只有表头，没有数据行。", "The file has a header but no rows.";
    im_err_no_header_row: "第 {row} 行不在表格开头的几行中，不能作为表头。", "Row {row} is not among the first rows of the table, so it cannot be the header.";
    im_p_undecodable: "含有无法识别编码的字节（既不是 UTF-8 也不是 GBK）", "holds bytes in no known encoding (neither UTF-8 nor GBK)";
    im_w_unknown_value: "无法识别的值“{value}”，未采用", "unknown value “{value}”, not used";
    im_w_kept: "格式不规范，按原样保存“{value}”", "not in the usual form; kept as written: “{value}”";
    im_w_long: "超过 {max} 字，已完整保存", "longer than {max} characters; kept whole";
    im_w_amount: "无法识别的金额“{value}”，按面议保存", "the amount “{value}” cannot be read; stored as negotiable";
    im_w_price_range: "价格是区间“{value}”，按下限保存", "the price is a range, “{value}”: its lower end is stored";
    im_w_cost_in_notes: "“{value}”不是一个金额，未作典型费用，原文记入备注", "“{value}” is not one amount: no typical cost is stored, the text is kept in the notes";
    im_p_before_1900: "日期“{value}”早于 1900 年，Excel 无法保存这样的日期", "the date “{value}” is before 1900, which Excel cannot hold";
    im_w_date_end: "“{value}”按 {date} 保存", "“{value}” is stored as {date}";
    im_w_trl_words: "“{value}”按 TRL {trl} 保存", "“{value}” is stored as TRL {trl}";
    im_w_modes: "无法识别的转化方式“{value}”，未保存", "transfer modes not known, left out: “{value}”";
    im_w_contact_no_name: "联系人没有姓名，未保存该联系人", "the contact has no name, so it is not stored";
    im_w_encoding: "这一格是 {encoding} 编码，已照此读取", "this cell is in {encoding}; it was read as such";
    im_w_nul: "含有 NUL 字符，已删除", "NUL characters were removed";
    im_skip_total: "合计行", "total";
    im_skip_footer: "表尾签字行", "footer";
    im_skip_note: "说明行", "note";
    im_skip_header: "重复的表头", "repeated header";
    im_w_left_empty: "为空，已留空保存，请稍后补填", "empty; stored empty, to be filled in later";
    im_list_sep: "、", ", ";
    im_skip_index: "列编号行（栏次）", "row of column numbers";
    im_not_imported: "未导入的列：{columns}", "Not imported: {columns}";
    im_no_column: "文件中没有“{field}”列，该项留空。", "The file has no column for {field}; left empty.";
    im_err_word: "这是一个 Word 文档，不是表格文件：请把其中的表格复制到 Excel 并保存为 .xlsx（或 CSV）后再导入。", "This file is a Word document, not a spreadsheet: copy its table into Excel, save it as .xlsx (or CSV), and import that.";
    im_err_pdf: "这是一个 PDF 文件，不是表格文件：请向发件方索取 Excel 原表，或把表格转换为 Excel 后再导入。", "This file is a PDF, not a spreadsheet: ask for the Excel original, or convert the table to Excel, and import that.";
    im_err_presentation: "这是一个 PowerPoint 演示文稿，不是表格文件。", "This file is a PowerPoint presentation, not a spreadsheet.";
    im_err_zip: "这是一个压缩包，不是 Excel 工作簿：请先解压，再导入其中的表格文件。", "This file is a ZIP archive, not an Excel workbook: unpack it and import the spreadsheet inside.";
    im_header_row: "表头所在行", "Header row";
    im_row_n: "第 {n} 行：{cells}", "Row {n}: {cells}";
    im_sheet_chosen: "已选择含有表格的工作表“{name}”。", "The sheet with the table, “{name}”, was chosen.";
    im_two_row_header: "表头占两行，列名已合并。", "The header takes two rows; their names were joined.";
    im_warnings: "有提示的行（照常导入）", "Rows with notes (they are imported)";
    im_warnings_summary: "{n} 行有提示：数值按说明保存，照常导入。", "{n} row{s} with notes: values stored as described, imported as usual.";
    im_skipped_summary: "{n} 行是合计、表尾或说明，不作为记录导入：{rows}", "Left out, being totals, footers or notes rather than records ({n} row{s}): {rows}";
    im_col_note: "提示", "Note";
    cli_db_created: "已新建数据库 {path}", "Created the database {path}";
    ex_contract_wan: "合同金额（万元）", "Contract amount (10k yuan)";
    ex_expected_wan: "预计金额（万元）", "Expected amount (10k yuan)";
    ex_technology_wan: "技术交易额（万元）", "Technology-transaction amount (10k yuan)";
    ex_contract_no: "合同编号", "Contract no.";
    ex_err_database: "不能写到数据库文件上：{path}", "Will not write over a database file: {path}";
    // Keyboard: the command table, the palette, confirmations
    confirm_delete_title: "移到回收站？", "Move to the trash?";
    confirm_delete_body: "“{name}”将移到回收站，可在回收站恢复。", "“{name}” goes to the trash, where it can be restored.";
    confirm_delete_yes: "移到回收站", "Move to trash";
    menu_go: "转到", "Go";
    menu_palette: "命令面板…", "Command palette…";
    palette_title: "命令面板", "Command palette";
    palette_search: "查找命令", "Find a command";
    palette_none: "没有匹配的命令", "No command matches";
    act_new_record: "新建（当前列表）", "New (in this list)";
    act_new_client: "新建客户", "New client";
    act_new_achievement: "新建科技成果", "New achievement";
    act_new_need: "新建技术需求", "New need";
    act_find: "搜索当前列表", "Search this list";
    act_export_here: "导出当前列表（CSV）…", "Export this list (CSV)…";
    act_go: "转到：{screen}", "Go to: {screen}";
    nothing_to_export: "这个页面没有可导出的列表。", "This page has no list to export.";
    no_search_here: "这个页面没有搜索框。", "This page has no search field.";
    form_discard_title: "放弃未保存的修改？", "Discard unsaved changes?";
    form_discard_body: "这张表单有尚未保存的修改。", "This form has changes not saved yet.";
    form_discard_yes: "放弃修改", "Discard changes";
    form_keep_editing: "继续编辑", "Keep editing";
    keys_hint_form: "Enter 或 Ctrl+S 保存 · Esc 返回", "Enter or Ctrl+S saves · Esc leaves";
    shortlisted_mark: "已入候选", "Shortlisted";
    unshortlist: "移出候选清单", "Take off the shortlist";
    undo_reject: "撤销拒绝", "Undo the rejection";
    rejected_because: "已拒绝：{why}", "Rejected: {why}";
    withdrawn_done: "已撤回，这一对重新待定", "Taken back: the pair is undecided again";
    shortlist_title: "候选清单（{n}）", "Shortlist ({n})";
    chart_monthly_empty: "近 12 个月还没有签约的交易。", "No deal signed in the last 12 months.";
    chart_deals_empty: "还没有交易：在“成果匹配”中接受一个匹配，或在“交易”中新建。", "No deals yet: accept a match in Matching, or start one in Deals.";
    chart_conversion_empty: "还没有匹配决定：在“成果匹配”中加入候选、接受或拒绝。", "No match decisions yet: shortlist, accept or reject in Matching.";
    welcome_title: "欢迎使用 TechBroker", "Welcome to TechBroker";
    welcome_body: "这个数据库还是空的。可以从这三件事开始：", "This database is empty. Three ways to start:";
    welcome_import: "导入 Excel / CSV 文件…", "Import an Excel / CSV file…";
    welcome_client: "新建第一个客户", "Add the first client";
    welcome_sandbox: "打开培训模式（示例数据）", "Open the training sandbox (demo data)";
    cal_month: "{year}年{month}月", "{month}/{year}";
    cal_weekdays: "一 二 三 四 五 六 日", "Mo Tu We Th Fr Sa Su";
    cal_previous: "上个月", "Previous month";
    cal_next: "下个月", "Next month";
    cal_today: "今天", "Today";
    p_no_such_day: "{year}年{month}月只有 {days} 天", "{month}/{year} has only {days} days";
    no_file_dialog: "这台电脑的桌面没有文件对话框服务（xdg-desktop-portal 或 zenity），无法选择文件。要导入，可以把文件直接拖到窗口上；导出的文件会存到“文档”文件夹。", "This desktop has no file dialog service (xdg-desktop-portal or zenity), so no file can be chosen. To import, drop the file on the window; exports are saved in the Documents folder.";
    sandbox_tasks_show: "显示练习任务", "Show exercises";
    sandbox_tasks_hide: "隐藏练习任务", "Hide exercises";
    amount_read_as: "＝ {yuan} 元（{wan} 万元）", "= {yuan} yuan ({wan} × 10k yuan)";
    io_denied: "没有写入 {path} 的权限（文件可能只读，或被其他程序打开）", "No permission to write {path} (the file may be read-only or open in another program)";
    io_no_folder: "{path} 所在的文件夹不存在", "The folder of {path} does not exist";
    io_full: "磁盘已满，写不下 {path}", "The disk is full: {path} could not be written";
    io_busy: "{path} 正被其他程序使用", "{path} is in use by another program";
    history_reacts_to: "与 {n} 个已拒绝的成果相似：{why}", "Similar to {n} rejected: {why}";
    shortlist_none: "还没有加入候选清单的成果。", "Nothing shortlisted yet.";
    accepted_existing: "这一对已有交易 #{id}，已为你打开，没有再建新的交易。", "This pair already has deal #{id}: opened it instead of making another.";
    keys_hint_table: "↑↓ 选择 · Enter 打开 · Delete 删除", "↑↓ select · Enter opens · Delete deletes";
}

impl Tr {
    pub fn project_kind(&self, kind: ProjectKind) -> &'static str {
        match kind {
            ProjectKind::Pilot => self.pk_pilot,
            ProjectKind::ProofOfConcept => self.pk_poc,
        }
    }

    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::ToProduction => self.outcome_to_production,
            Outcome::MoreMaturation => self.outcome_more,
            Outcome::Stopped => self.outcome_stopped,
        }
    }

    pub fn payer(&self, payer: Payer) -> &'static str {
        match payer {
            Payer::Enterprise => self.payer_enterprise,
            Payer::Carrier => self.payer_carrier,
            Payer::GovernmentFund => self.payer_fund,
            Payer::Shared => self.payer_shared,
        }
    }

    pub fn carrier_kind(&self, kind: CarrierKind) -> &'static str {
        match kind {
            CarrierKind::PilotBase => self.ck_pilot_base,
            CarrierKind::ProofOfConcept => self.ck_poc,
            CarrierKind::TrainingBase => self.ck_training,
            CarrierKind::TransferService => self.ck_transfer,
        }
    }

    pub fn document_kind(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::Contract => self.doc_contract,
            DocumentKind::Registration => self.doc_registration,
            DocumentKind::Patent => self.doc_patent,
            DocumentKind::Evaluation => self.doc_evaluation,
            DocumentKind::PilotReport => self.doc_pilot_report,
            DocumentKind::Other => self.doc_other,
        }
    }

    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Lab => self.stage_lab,
            Stage::SmallTrial => self.stage_small_trial,
            Stage::Pilot => self.stage_pilot,
            Stage::Industrial => self.stage_industrial,
        }
    }

    pub fn achievement_status(&self, status: AchievementStatus) -> &'static str {
        match status {
            AchievementStatus::Available => self.as_available,
            AchievementStatus::Negotiating => self.as_negotiating,
            AchievementStatus::Transferred => self.as_transferred,
            AchievementStatus::Withdrawn => self.as_withdrawn,
        }
    }

    pub fn ip_kind(&self, kind: IpKind) -> &'static str {
        match kind {
            IpKind::InventionPatent => self.ipk_invention,
            IpKind::UtilityModel => self.ipk_utility,
            IpKind::SoftwareCopyright => self.ipk_software,
            IpKind::PlantVariety => self.ipk_plant,
            IpKind::KnowHow => self.ipk_know_how,
        }
    }

    pub fn ip_status(&self, status: IpStatus) -> &'static str {
        match status {
            IpStatus::Applied => self.ips_applied,
            IpStatus::Granted => self.ips_granted,
            IpStatus::Lapsed => self.ips_lapsed,
        }
    }

    pub fn transfer_mode(&self, mode: TransferMode) -> &'static str {
        match mode {
            TransferMode::Assignment => self.tm_assignment,
            TransferMode::LicenceExclusive => self.tm_exclusive,
            TransferMode::LicenceSole => self.tm_sole,
            TransferMode::LicenceOrdinary => self.tm_ordinary,
            TransferMode::Equity => self.tm_equity,
            TransferMode::CoDevelopment => self.tm_codev,
            TransferMode::UseFirstPayLater => self.tm_use_first,
        }
    }

    pub fn need_mode(&self, mode: NeedMode) -> &'static str {
        match mode {
            NeedMode::Buy => self.nm_buy,
            NeedMode::Licence => self.nm_licence,
            NeedMode::CoDevelop => self.nm_codev,
            NeedMode::Consult => self.nm_consult,
        }
    }

    pub fn need_status(&self, status: NeedStatus) -> &'static str {
        match status {
            NeedStatus::Open => self.ns_open,
            NeedStatus::Matched => self.ns_matched,
            NeedStatus::Solved => self.ns_solved,
            NeedStatus::Closed => self.ns_closed,
        }
    }

    /// A price or budget in 万元 for lists, or 面议.
    pub fn price_wan(&self, price: Price) -> String {
        match price {
            Price::Negotiable => self.negotiable.to_string(),
            Price::Amount(m) => m.wan_text(),
        }
    }

    /// A price or budget in yuan for detail views, or 面议.
    pub fn price_yuan(&self, price: Price) -> String {
        match price {
            Price::Negotiable => self.negotiable.to_string(),
            Price::Amount(m) => format!("{} {}", m.yuan_text(), self.yuan_unit),
        }
    }

    /// A need's title with the confidential mark in front when it is confidential: the same in
    /// every list, the matching screen and the command line.
    pub fn need_title(&self, title: &str, confidential: bool) -> String {
        if confidential {
            format!("{}{title}", self.confidential_mark)
        } else {
            title.to_string()
        }
    }

    pub fn reject_reason(&self, r: RejectReason) -> &'static str {
        match r {
            RejectReason::TooEarly => self.rr_too_early,
            RejectReason::BenefitUnclear => self.rr_benefit,
            RejectReason::RouteUnclear => self.rr_route,
            RejectReason::PriceGap => self.rr_price,
            RejectReason::DescriptionUnclear => self.rr_description,
            RejectReason::NotOurField => self.rr_field,
            RejectReason::Other => self.rr_other,
        }
    }

    /// Where an association comes from, as the breakdown names it.
    pub fn association_source(&self, source: Source) -> &'static str {
        match source {
            Source::Thesaurus => self.assoc_thesaurus,
            Source::Abbreviation => self.assoc_abbreviation,
            Source::Keywords => self.assoc_keywords,
        }
    }

    pub fn part(&self, part: Part) -> &'static str {
        match part {
            Part::Text => self.part_text,
            Part::Field => self.part_field,
            Part::Maturity => self.part_maturity,
            Part::Price => self.part_price,
            Part::Mode => self.part_mode,
            Part::Region => self.part_region,
            Part::History => self.part_history,
        }
    }

    pub fn deal_stage(&self, stage: DealStage) -> &'static str {
        match stage {
            DealStage::Lead => self.ds_lead,
            DealStage::Introduced => self.ds_introduced,
            DealStage::Negotiating => self.ds_negotiating,
            DealStage::Signed => self.ds_signed,
            DealStage::Registered => self.ds_registered,
            DealStage::Executing => self.ds_executing,
            DealStage::ClosedWon => self.ds_closed_won,
            DealStage::Lost => self.ds_lost,
        }
    }

    pub fn contract_type(&self, c: ContractType) -> &'static str {
        match c {
            ContractType::Development => self.ct_development,
            ContractType::Transfer => self.ct_transfer,
            ContractType::Licence => self.ct_licence,
            ContractType::Consulting => self.ct_consulting,
            ContractType::Service => self.ct_service,
        }
    }

    pub fn arrangement(&self, kind: ArrangementKind) -> &'static str {
        match kind {
            ArrangementKind::Institution => self.arrangement_institution,
            ArrangementKind::Ownership => self.arrangement_ownership,
            ArrangementKind::UseRight => self.arrangement_use_right,
        }
    }

    pub fn party(&self, party: Party) -> &'static str {
        match party {
            Party::Researchers => self.party_researchers,
            Party::Institution => self.party_institution,
            Party::Office => self.party_office,
        }
    }

    /// The label of a party's share in the rights form.
    pub fn party_share(&self, party: Party) -> &'static str {
        match party {
            Party::Researchers => self.share_researchers,
            Party::Institution => self.share_institution,
            Party::Office => self.share_office,
        }
    }

    pub fn client_kind(&self, kind: ClientKind) -> &'static str {
        match kind {
            ClientKind::Enterprise => self.kind_enterprise,
            ClientKind::University => self.kind_university,
            ClientKind::Institute => self.kind_institute,
            ClientKind::Other => self.kind_other,
        }
    }

    pub fn interaction_kind(&self, kind: InteractionKind) -> &'static str {
        match kind {
            InteractionKind::Visit => self.ik_visit,
            InteractionKind::Call => self.ik_call,
            InteractionKind::Meeting => self.ik_meeting,
            InteractionKind::Email => self.ik_email,
            InteractionKind::Wechat => self.ik_wechat,
            InteractionKind::Event => self.ik_event,
        }
    }

    pub fn problem(&self, problem: Problem) -> String {
        match problem {
            Problem::Required => self.p_required.to_string(),
            Problem::TooLong { max } => fill(self.p_too_long, &[("max", &max)]),
            Problem::InvalidCreditCode => self.p_invalid_credit_code.to_string(),
            Problem::DuplicateName => self.p_duplicate_name.to_string(),
            Problem::DuplicateCreditCode => self.p_duplicate_credit_code.to_string(),
            Problem::InvalidEmail => self.p_invalid_email.to_string(),
            Problem::InvalidPhone => self.p_invalid_phone.to_string(),
            Problem::InvalidWebsite => self.p_invalid_website.to_string(),
            Problem::NextStepWithoutDue => self.p_next_step_without_due.to_string(),
            Problem::DueWithoutNextStep => self.p_due_without_next_step.to_string(),
            Problem::InvalidAmount => self.p_invalid_amount.to_string(),
            Problem::NegativeAmount => self.p_negative_amount.to_string(),
            Problem::AmountTooLarge => self.p_amount_too_large.to_string(),
            Problem::InvalidDate => self.p_invalid_date.to_string(),
            Problem::NoSuchDay { year, month, days } => fill(
                self.p_no_such_day,
                &[("year", &year), ("month", &month), ("days", &days)],
            ),
            Problem::DueBeforeLogged { logged } => fill(
                self.p_due_before_logged,
                &[("date", &logged.format("%Y-%m-%d"))],
            ),
            Problem::TrlOutOfRange => self.p_trl_out_of_range.to_string(),
            Problem::TooManyKeywords { max } => fill(self.p_too_many_keywords, &[("max", &max)]),
            Problem::UnknownClient => self.p_unknown_client.to_string(),
            Problem::SameTerm => self.p_same_term.to_string(),
            Problem::EndBeforeStart => self.p_end_before_start.to_string(),
            Problem::PercentOutOfRange => self.p_percent_out_of_range.to_string(),
            Problem::TermOutOfRange { max } => fill(self.p_term_out_of_range, &[("max", &max)]),
            Problem::SharesNotWhole { total_bp } => fill(
                self.p_shares_not_whole,
                &[("total", &crate::domain::deal::rate_text(total_bp))],
            ),
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
/// Puts each `{name}` of `template` in its place. English plurals: `{s}` becomes "s" unless the
/// count `{n}` is 1 ("1 deal", "2 deals"); Chinese has no such mark.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut count = None;
    let text = args
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            let value = value.to_string();
            if *name == "n" {
                count = Some(value.clone());
            }
            text.replace(&format!("{{{name}}}"), &value)
        });
    if text.contains("{s}") {
        let plural = if count.as_deref() == Some("1") {
            ""
        } else {
            "s"
        };
        text.replace("{s}", plural)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_is_empty_and_placeholders_agree() {
        for (key, zh, en) in ALL {
            assert!(!zh.is_empty() && !en.is_empty(), "{key} is empty");
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            // `{s}` is English's plural mark, filled from `{n}`.
            let en_names: Vec<String> = names(en).into_iter().filter(|n| n != "s").collect();
            assert_eq!(names(zh), en_names, "{key} has different placeholders");
            assert!(
                !en.contains("{s}") || en.contains("{n}"),
                "{key}: {{s}} needs {{n}}"
            );
        }
    }

    #[test]
    fn english_texts_are_not_chinese() {
        let is_cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for (key, _, en) in ALL {
            if *key != "app_title" {
                assert!(
                    !en.chars().any(is_cjk),
                    "{key} has Chinese in English: {en}"
                );
            }
        }
    }

    #[test]
    fn english_plurals_follow_the_count() {
        assert_eq!(fill(EN.dash_deals_n, &[("n", &1)]), "1 deal");
        assert_eq!(fill(EN.dash_deals_n, &[("n", &2)]), "2 deals");
        assert_eq!(fill(EN.dash_deals_n, &[("n", &0)]), "0 deals");
        assert_eq!(fill(ZH.dash_deals_n, &[("n", &1)]), "1 个交易");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill(EN.clients_count, &[("shown", &3), ("total", &10)]),
            "3 of 10 clients"
        );
    }
}

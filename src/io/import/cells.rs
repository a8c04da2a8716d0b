//! Reading one spreadsheet cell as the value a field wants: choices written in Chinese or
//! English, transfer modes, IP numbers, dates in the common formats, as a month, or as Excel
//! serial numbers. Amounts and maturity words are read by the domain's tables
//! (`domain::amount`, `domain::maturity`).

use crate::domain::dates::{DateText, MIN_YEAR, from_excel_serial, read_date};
use crate::domain::deal::read_contract_type;
use crate::domain::maturation::CarrierKind;
use crate::domain::maturity::read_maturity;
use crate::domain::{
    AchievementStatus, ClientKind, ContractType, DealStage, IpItem, IpKind, IpStatus, NeedMode,
    NeedStatus, Stage, TransferMode, TransferModes,
};
use crate::i18n::{EN, Tr, ZH};

/// A value that names one of a fixed set of choices: its code, its Chinese or English label,
/// or one of the other words people use for it.
fn choice<T: Copy>(
    text: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(&Tr, T) -> &'static str,
    extra: &[(&str, T)],
) -> Option<T> {
    let t = survey_other(text).trim().to_lowercase();
    all.iter()
        .copied()
        .find(|&v| t == code(v) || t == label(&ZH, v) || t == label(&EN, v).to_lowercase())
        .or_else(|| extra.iter().find(|(w, _)| *w == t).map(|&(_, v)| v))
}

/// What was typed into a survey's "other" box: 问卷星 writes "其他〖科技成果转化人才实训中心〗".
pub fn survey_other(text: &str) -> &str {
    let t = text.trim();
    ["其他", "其它", "other", "Other"]
        .iter()
        .find_map(|o| t.strip_prefix(o))
        .and_then(|rest| rest.trim_start().strip_prefix('〖'))
        .and_then(|rest| rest.strip_suffix('〗'))
        .map(str::trim)
        .filter(|inner| !inner.is_empty())
        .unwrap_or(t)
}

pub fn client_kind(text: &str) -> Option<ClientKind> {
    use ClientKind::*;
    choice(
        text,
        &ClientKind::ALL,
        ClientKind::code,
        Tr::client_kind,
        &[
            ("大学", University),
            ("学院", University),
            ("高等院校", University),
            ("院校", University),
            ("科研机构", Institute),
            ("研究院", Institute),
            ("研究所", Institute),
            ("公司", Enterprise),
            ("民营企业", Enterprise),
            ("国有企业", Enterprise),
            ("有限公司", Enterprise),
            ("高新技术企业", Enterprise),
            ("科技型中小企业", Enterprise),
            ("事业单位", Other),
            ("政府", Other),
            ("投资机构", Other),
            ("服务机构", Other),
            ("company", Enterprise),
            ("institute", Institute),
            ("university", University),
        ],
    )
}

/// The kind of a client created because an import named it: told by its name.
pub fn guess_client_kind(name: &str) -> ClientKind {
    // Institutes first: 科学院 contains 学院.
    if ["研究院", "研究所", "科学院", "研究中心", "实验室"]
        .iter()
        .any(|w| name.contains(w))
    {
        ClientKind::Institute
    } else if ["大学", "学院", "学校"].iter().any(|w| name.contains(w)) {
        ClientKind::University
    } else {
        ClientKind::Enterprise
    }
}

pub fn carrier_kind(text: &str) -> Option<CarrierKind> {
    use CarrierKind::*;
    choice(
        text,
        &CarrierKind::ALL,
        CarrierKind::code,
        Tr::carrier_kind,
        &[
            ("中试基地", PilotBase),
            ("中试示范基地", PilotBase),
            ("中试平台", PilotBase),
            ("中试熟化基地", PilotBase),
            ("中试", PilotBase),
            ("pilot base", PilotBase),
            ("pilot", PilotBase),
            ("概念验证中心", ProofOfConcept),
            ("概念验证平台", ProofOfConcept),
            ("概念验证", ProofOfConcept),
            ("proof of concept", ProofOfConcept),
            ("proof-of-concept centre", ProofOfConcept),
            ("proof-of-concept center", ProofOfConcept),
            ("人才培训基地", TrainingBase),
            ("人才培养基地", TrainingBase),
            ("技术转移人才培养基地", TrainingBase),
            ("培训基地", TrainingBase),
            ("技术经理人培训基地", TrainingBase),
            ("training base", TrainingBase),
            ("技术转移服务机构", TransferService),
            ("技术转移机构", TransferService),
            ("技术转移中心", TransferService),
            ("transfer service", TransferService),
        ],
    )
    .or_else(|| guessed_carrier_kind(text))
}

/// The carrier kind a name or a longer description says, in Chinese ("某某省概念验证中心",
/// "国家级中试示范基地") or in English words ("Proof of concept center", "Technology transfer
/// service", "Pilot-scale base"): platforms label kinds in their own words.
pub fn guessed_carrier_kind(text: &str) -> Option<CarrierKind> {
    carrier_kinds_named(text).next()
}

/// The carrier kind a list's title names, when it names one only: "…概念验证中心拟备案名单公示"
/// is a list of proof-of-concept centres; "…中试基地和概念验证中心名单" says nothing of a row.
pub fn only_carrier_kind_named(text: &str) -> Option<CarrierKind> {
    let mut kinds = carrier_kinds_named(text);
    let first = kinds.next()?;
    kinds.all(|k| k == first).then_some(first)
}

/// Each kind the text names, most specific first.
fn carrier_kinds_named(text: &str) -> impl Iterator<Item = CarrierKind> + '_ {
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let says = |english: &[&str]| english.iter().any(|w| words.contains(w));
    let named = [
        (
            has(&["概念验证"]) || says(&["concept", "poc"]),
            CarrierKind::ProofOfConcept,
        ),
        (
            has(&["中试", "熟化"]) || says(&["pilot"]),
            CarrierKind::PilotBase,
        ),
        (
            has(&["培训", "人才培养", "实训"]) || says(&["training"]),
            CarrierKind::TrainingBase,
        ),
        (
            has(&["技术转移", "成果转化服务", "技术市场"]) || says(&["transfer"]),
            CarrierKind::TransferService,
        ),
    ];
    named.into_iter().filter(|&(n, _)| n).map(|(_, k)| k)
}

pub fn stage(text: &str) -> Option<Stage> {
    use Stage::*;
    choice(
        text,
        &Stage::ALL,
        Stage::code,
        Tr::stage,
        &[
            ("实验室阶段", Lab),
            ("研发阶段", Lab),
            ("小试阶段", SmallTrial),
            ("中试阶段", Pilot),
            ("产业化阶段", Industrial),
            ("量产", Industrial),
            ("已产业化", Industrial),
        ],
    )
    .or_else(|| read_maturity(text).map(|m| m.stage))
}

pub fn achievement_status(text: &str) -> Option<AchievementStatus> {
    use AchievementStatus::*;
    choice(
        text,
        &AchievementStatus::ALL,
        AchievementStatus::code,
        Tr::achievement_status,
        &[
            ("待转化", Available),
            ("可转化", Available),
            ("在售", Available),
            ("洽谈中", Negotiating),
            ("已转化", Transferred),
            ("已转让", Transferred),
            ("已下架", Withdrawn),
            ("撤回", Withdrawn),
            ("已撤回", Withdrawn),
            ("挂牌中", Available),
            ("已挂牌", Available),
            ("正常", Available),
            ("有效", Available),
            ("交易中", Negotiating),
            ("已成交", Transferred),
            ("已交易", Transferred),
        ],
    )
}

pub fn need_status(text: &str) -> Option<NeedStatus> {
    use NeedStatus::*;
    choice(
        text,
        &NeedStatus::ALL,
        NeedStatus::code,
        Tr::need_status,
        &[
            ("征集中", Open),
            ("发布中", Open),
            ("待对接", Open),
            ("有效", Open),
            ("已发布", Open),
            ("对接中", Matched),
            ("已对接", Matched),
            ("已匹配", Matched),
            ("已解决", Solved),
            ("已完成", Solved),
            ("已关闭", Closed),
            ("已过期", Closed),
            ("已失效", Closed),
        ],
    )
}

pub fn need_mode(text: &str) -> Option<NeedMode> {
    use NeedMode::*;
    choice(
        text,
        &NeedMode::ALL,
        NeedMode::code,
        Tr::need_mode,
        &[
            ("技术转让", Buy),
            ("转让", Buy),
            ("购买", Buy),
            ("技术购买", Buy),
            ("成果转让", Buy),
            ("技术许可", Licence),
            ("许可", Licence),
            ("专利许可", Licence),
            ("联合开发", CoDevelop),
            ("合作开发", CoDevelop),
            ("委托开发", CoDevelop),
            ("共建研发平台", CoDevelop),
            ("技术入股", CoDevelop),
            ("咨询", Consult),
            ("技术咨询", Consult),
            ("技术服务", Consult),
            ("技术攻关", CoDevelop),
            ("其他", Buy),
        ],
    )
}

pub fn deal_stage(text: &str) -> Option<DealStage> {
    use DealStage::*;
    choice(
        text,
        &DealStage::ALL,
        DealStage::code,
        Tr::deal_stage,
        &[
            ("线索", Lead),
            ("意向", Lead),
            ("已对接", Introduced),
            ("谈判", Negotiating),
            ("洽谈中", Negotiating),
            ("已签约", Signed),
            ("已签订", Signed),
            ("签订", Signed),
            ("已登记", Registered),
            ("已认定登记", Registered),
            ("已认定", Registered),
            ("执行中", Executing),
            ("回款中", Executing),
            ("履约", Executing),
            ("回款", Executing),
            ("履约中", Executing),
            ("已完成", ClosedWon),
            ("完成", ClosedWon),
            ("已终止", Lost),
            ("终止", Lost),
        ],
    )
}

/// A contract type and its registry subtype ("技术开发（委托）"), by the domain's table.
pub fn contract_type(text: &str) -> Option<(ContractType, String)> {
    read_contract_type(text)
}

fn transfer_mode(text: &str) -> Option<TransferMode> {
    use TransferMode::*;
    choice(
        text,
        &TransferMode::ALL,
        TransferMode::code,
        Tr::transfer_mode,
        &[
            ("技术转让", Assignment),
            ("许可", LicenceOrdinary),
            ("技术许可", LicenceOrdinary),
            ("许可使用", LicenceOrdinary),
            ("作价入股", Equity),
            ("技术入股", Equity),
            ("入股", Equity),
            ("作价投资", Equity),
            ("股权", Equity),
            ("联合开发", CoDevelopment),
            ("合作开发", CoDevelopment),
            ("共同开发", CoDevelopment),
            ("先用后付", UseFirstPayLater),
            ("先使用后付费", UseFirstPayLater),
            ("独占", LicenceExclusive),
            ("独占许可", LicenceExclusive),
            ("排他", LicenceSole),
            ("排他许可", LicenceSole),
            ("普通", LicenceOrdinary),
            ("普通许可", LicenceOrdinary),
            ("实施许可", LicenceOrdinary),
            ("专利许可", LicenceOrdinary),
            ("转让", Assignment),
            ("成果转让", Assignment),
            ("专利转让", Assignment),
            ("所有权转让", Assignment),
            // English lists written by partners abroad and by platforms' English pages.
            ("assignment", Assignment),
            ("transfer", Assignment),
            ("technology transfer", Assignment),
            ("sale", Assignment),
            ("licence", LicenceOrdinary),
            ("license", LicenceOrdinary),
            ("licensing", LicenceOrdinary),
            ("non-exclusive licence", LicenceOrdinary),
            ("non-exclusive license", LicenceOrdinary),
            ("exclusive licence", LicenceExclusive),
            ("exclusive license", LicenceExclusive),
            ("sole licence", LicenceSole),
            ("sole license", LicenceSole),
            ("equity", Equity),
            ("equity investment", Equity),
            ("co-development", CoDevelopment),
            ("codevelopment", CoDevelopment),
            ("joint development", CoDevelopment),
            ("use first pay later", UseFirstPayLater),
        ],
    )
}

/// The words a title ends in, which tell "刘洋 主任" (a name and a title) from a name written
/// with a space ("欧阳 明", "Liu Yang").
const TITLE_ENDINGS: &[&str] = &[
    "主任",
    "经理",
    "总监",
    "院长",
    "所长",
    "部长",
    "处长",
    "科长",
    "站长",
    "秘书长",
    "主管",
    "工程师",
    "教授",
    "研究员",
    "博士",
    "老师",
    "负责人",
    "董事长",
    "专员",
    "助理",
    "主席",
    "书记",
    "秘书",
];

/// The name and the title of a contact cell that gives both, "刘洋（主任）", "刘洋(主任)",
/// "刘洋 主任" or "王强/副主任", as lists without a title column write them; None for a name
/// alone, and for two names ("王强/李娜"): a title after a space or a slash must end in a title's
/// word.
pub fn name_and_title(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    let bracketed = text
        .strip_suffix('）')
        .and_then(|t| t.split_once('（'))
        .or_else(|| text.strip_suffix(')').and_then(|t| t.split_once('(')));
    let (name, title) = match bracketed {
        // A bracket of digits is a phone or a number, no title.
        Some((name, title)) if !title.chars().any(|c| c.is_ascii_digit()) => (name, title),
        Some(_) => return None,
        None => {
            let (name, title) =
                text.rsplit_once(|c: char| c.is_whitespace() || matches!(c, '/' | '／'))?;
            if !TITLE_ENDINGS.iter().any(|e| title.ends_with(e)) {
                return None;
            }
            (name, title)
        }
    };
    let name = name.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '/' | '／'));
    let (name, title) = (name.trim(), title.trim());
    (!name.is_empty() && !title.is_empty()).then_some((name, title))
}

/// The separators of a list typed into one cell: "转让、许可", "a; b", "a/b".
fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split(['、', ',', '，', ';', '；', '/', '|', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The modes in the cell, and the items no mode is known for.
pub fn transfer_modes(text: &str) -> (TransferModes, Vec<String>) {
    let mut modes = TransferModes::default();
    let mut unknown = Vec::new();
    for item in list_items(text) {
        match transfer_mode(item) {
            Some(mode) => modes.set(mode, true),
            None if matches!(item, "其他" | "其它" | "面议" | "均可" | "不限") => {}
            None => unknown.push(item.to_string()),
        }
    }
    (modes, unknown)
}

/// Patent and copyright numbers, told apart by their shape: ZL numbers are granted Chinese
/// patents (the digit after the year says invention or utility model), "SR" numbers are
/// software copyrights, CN publication numbers are applications.
pub fn ip_items(text: &str) -> Vec<IpItem> {
    list_items(text)
        .map(|number| {
            let upper = number.to_uppercase();
            let digits: String = upper.chars().filter(char::is_ascii_digit).collect();
            let (kind, status) = if upper.contains("SR") {
                (IpKind::SoftwareCopyright, IpStatus::Granted)
            } else if let Some(rest) = upper.strip_prefix("ZL") {
                let type_digit = rest
                    .chars()
                    .filter(char::is_ascii_digit)
                    .nth(4)
                    .filter(|_| digits.len() >= 12);
                let kind = if type_digit == Some('2') {
                    IpKind::UtilityModel
                } else {
                    IpKind::InventionPatent
                };
                (kind, IpStatus::Granted)
            } else {
                (IpKind::InventionPatent, IpStatus::Applied)
            };
            IpItem {
                kind,
                number: number.to_string(),
                status,
                expiry: None,
            }
        })
        .collect()
}

/// A date cell: a date in the common formats, a month or a year's end (see
/// [`read_date`]), or an Excel serial number (a date cell saved in a CSV). None when it is
/// none of these.
pub fn date(text: &str) -> Option<DateText> {
    let t = text.trim();
    // Serial numbers of plausible dates only (1927–2173): "2024" is a year, not a date.
    if let Ok(serial) = t.parse::<f64>()
        && (10_000.0..100_000.0).contains(&serial)
    {
        return from_excel_serial(serial).map(DateText::Exact);
    }
    read_date(t)
}

/// Whether the cell is a real date before 1900 (refused: Excel cannot hold it).
pub fn is_date_before_1900(text: &str) -> bool {
    use chrono::Datelike;
    crate::domain::dates::parse_any_date(text).is_some_and(|d| d.year() < MIN_YEAR)
}

/// Yes or no, as forms write it; the confidential marks of TechBroker's lists
/// (【保密】, [Confidential]) are a yes.
pub fn yes_no(text: &str) -> Option<bool> {
    let t: String = text
        .trim()
        .trim_matches(['【', '】', '[', ']', ' '])
        .to_lowercase();
    match t.as_str() {
        "" | "否" | "不保密" | "不" | "无" | "公开" | "no" | "n" | "false" | "0" | "×" => {
            Some(false)
        }
        "是" | "保密" | "需保密" | "保密需求" | "yes" | "y" | "true" | "1" | "confidential"
        | "√" => Some(true),
        _ => None,
    }
}

/// A title marked confidential as TechBroker's lists show it, without the mark.
pub fn without_confidential_mark(title: &str) -> Option<&str> {
    let t = title.trim();
    ["【保密】", "[Confidential]", "[confidential]", "[保密]"]
        .iter()
        .find_map(|mark| t.strip_prefix(mark))
        .map(str::trim)
}

/// A phone cell with its numbers apart by one separator: "0538-8561234，13853801234" and
/// "15806351234 / 13963501234" both as "a / b"; an extension ("分机 216") stays with its number.
pub fn phones(text: &str) -> String {
    let text = crate::domain::client::normalize_phone(text);
    text.split([',', '，', '、', ';', '；', '/'])
        .flat_map(|part| part.split('或'))
        .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn fold_dash(c: char) -> char {
    match c {
        '－' | '—' | '–' => '-',
        '／' => '/',
        c => c,
    }
}

/// A character a cell of nothing but dashes, slashes and dots is made of.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '/' | '\\' | '.' | '_')
}

/// Answers that mean "nothing written": a survey's skipped question ("(跳过)", "（空）"), a dash,
/// a slash, "无". Any field takes them as an empty cell, never as a value to refuse.
pub fn is_empty_answer(text: &str) -> bool {
    // Every word below has at most 4 characters besides its brackets, and lower-casing never
    // shortens a text: a cell with more is an answer unless it is all dashes and dots. Most
    // cells are like that (titles, abstracts), and are then read without being copied.
    let significant = text.chars().filter(|c| !c.is_whitespace());
    let mut word = significant
        .clone()
        .filter(|c| !matches!(c, '(' | ')' | '（' | '）'));
    if word.nth(8).is_some() {
        return significant.map(fold_dash).all(is_dash);
    }
    let folded = text
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => fold_dash(c),
        })
        .filter(|c| !c.is_whitespace());
    // A short cell with a character of no such word (a field, a number, a name) is an answer,
    // known without copying it: an import asks this of every cell.
    if !folded.clone().all(in_empty_words) {
        return false;
    }
    let t: String = folded.flat_map(char::to_lowercase).collect();
    let bare = t.trim_start_matches('(').trim_end_matches(')');
    t.is_empty() || t.chars().all(is_dash) || EMPTY_WORDS.contains(&bare)
}

/// Whether `c` (brackets and dashes folded) can be in one of [`EMPTY_WORDS`] once lower-cased,
/// or is a bracket or a dash. No character outside ASCII lower-cases into ASCII letters alone.
fn in_empty_words(c: char) -> bool {
    if c.is_ascii() {
        is_dash(c)
            || matches!(
                c.to_ascii_lowercase(),
                '(' | ')' | 'n' | 'a' | 'u' | 'l' | 'o' | 'e' | 'i'
            )
    } else {
        matches!(
            c,
            '跳' | '过' | '空' | '无' | '暂' | '未' | '填' | '写' | '不' | '适' | '用' | '知'
        )
    }
}

/// The words a survey or a form writes for "nothing", lower-cased.
const EMPTY_WORDS: &[&str] = &[
    "跳过",
    "空",
    "无",
    "暂无",
    "未填",
    "未填写",
    "不填",
    "不适用",
    "未知",
    "n/a",
    "na",
    "null",
    "none",
    "nil",
];

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn phones_keep_every_number_and_extension() {
        assert_eq!(phones("0534-7212345 分机 216"), "0534-7212345 分机 216");
        assert_eq!(
            phones("15806351234 / 13963501234"),
            "15806351234 / 13963501234"
        );
        assert_eq!(
            phones("0538-8561234，13853801234"),
            "0538-8561234 / 13853801234"
        );
        assert_eq!(phones("０５３１－８８８８８８８"), "0531-8888888");
        assert_eq!(
            phones("13900000000或13900000001"),
            "13900000000 / 13900000001"
        );
    }

    #[test]
    fn survey_answers_that_mean_nothing_are_empty() {
        for t in [
            "(跳过)",
            "（跳过）",
            "(空)",
            "-",
            "—",
            "/",
            "／",
            "无",
            " ",
            "N/A",
            "--",
            "—— —— —— —— ——",
            "((((((((跳过))))))))",
            "NULL",
            "None",
            "（ 暂无 ）",
            "不 适 用",
        ] {
            assert!(is_empty_answer(t), "{t:?}");
        }
        for t in [
            "无人机",
            "面议",
            "1",
            "中试",
            "(----------)",
            "本技术用于煤矿井下巡检，无需人工",
            "空调",
            "nano",
            "无无",
            "Nil 2",
        ] {
            assert!(!is_empty_answer(t), "{t:?}");
        }
    }

    #[test]
    fn every_character_of_the_empty_words_is_known_as_one() {
        for w in EMPTY_WORDS {
            for c in w.chars().chain(w.to_uppercase().chars()) {
                assert!(in_empty_words(c), "{c:?} of {w:?}");
            }
        }
    }

    #[test]
    fn a_contact_cell_with_a_title_gives_both() {
        for text in ["刘洋（主任）", "刘洋(主任)", "刘洋 主任", " 刘洋　主任 "] {
            assert_eq!(name_and_title(text), Some(("刘洋", "主任")), "{text:?}");
        }
        assert_eq!(
            name_and_title("王芳 技术转移部经理"),
            Some(("王芳", "技术转移部经理"))
        );
        assert_eq!(name_and_title("王强/副主任"), Some(("王强", "副主任")));
        assert_eq!(name_and_title("王强 ／ 副院长"), Some(("王强", "副院长")));
        for name in [
            "刘洋",
            "欧阳 明",
            "Liu Yang",
            "刘洋（13705361234）",
            "王强/李娜",
        ] {
            assert_eq!(name_and_title(name), None, "{name:?}");
        }
    }

    #[test]
    fn a_lists_title_gives_a_kind_only_when_it_names_one() {
        assert_eq!(
            only_carrier_kind_named("青岛市2025年度概念验证中心拟备案名单公示"),
            Some(CarrierKind::ProofOfConcept)
        );
        assert_eq!(
            only_carrier_kind_named("关于公布第一批中试基地和概念验证中心名单的通知"),
            None
        );
        assert_eq!(only_carrier_kind_named("东营市科技创新载体名录"), None);
    }

    #[test]
    fn a_surveys_other_box_is_read_for_what_was_typed_in_it() {
        assert_eq!(
            survey_other("其他〖科技成果转化人才实训中心〗"),
            "科技成果转化人才实训中心"
        );
        assert_eq!(
            carrier_kind("其他〖科技成果转化人才实训中心〗"),
            Some(CarrierKind::TrainingBase)
        );
        assert_eq!(
            carrier_kind("其他〖概念验证中心〗"),
            Some(CarrierKind::ProofOfConcept)
        );
        assert_eq!(survey_other("其他〖〗"), "其他〖〗");
        assert_eq!(survey_other("中试基地"), "中试基地");
    }

    #[test]
    fn talent_cultivation_bases_are_training_bases_and_the_longer_name_wins() {
        use CarrierKind::*;
        for text in ["技术转移人才培养基地", "人才培养基地", "培训基地"] {
            assert_eq!(carrier_kind(text), Some(TrainingBase), "{text:?}");
        }
        assert_eq!(
            guessed_carrier_kind("某某大学技术转移人才培养基地"),
            Some(TrainingBase)
        );
        assert_eq!(carrier_kind("技术转移服务机构"), Some(TransferService));
        assert_eq!(
            guessed_carrier_kind("某某技术转移服务机构"),
            Some(TransferService)
        );
    }

    #[test]
    fn carrier_kinds_in_a_platforms_english_words() {
        use CarrierKind::*;
        for (text, kind) in [
            ("Proof of concept center", ProofOfConcept),
            ("Proof-of-Concept Centre", ProofOfConcept),
            ("PoC center", ProofOfConcept),
            ("Technology transfer service", TransferService),
            ("Technology Transfer Institution", TransferService),
            ("Pilot-scale base", PilotBase),
            ("Pilot plant", PilotBase),
            ("Talent training base", TrainingBase),
        ] {
            assert_eq!(carrier_kind(text), Some(kind), "{text:?}");
        }
        // Words inside other words say nothing ("epoch", "transference" are no kinds).
        assert_eq!(carrier_kind("Epoch lab"), None);
        assert_eq!(carrier_kind("Transference studies"), None);
        assert_eq!(carrier_kind("Incubator"), None);
        assert_eq!(guessed_carrier_kind("Qingdao Pilot Base"), Some(PilotBase));
    }

    #[test]
    fn choices_read_both_languages_codes_and_synonyms() {
        assert_eq!(stage("中试"), Some(Stage::Pilot));
        assert_eq!(stage("Pilot"), Some(Stage::Pilot));
        assert_eq!(stage("pilot"), Some(Stage::Pilot));
        assert_eq!(stage("中试阶段"), Some(Stage::Pilot));
        assert_eq!(stage("试验"), None);
        assert_eq!(client_kind("大学"), Some(ClientKind::University));
        assert_eq!(client_kind("企业"), Some(ClientKind::Enterprise));
        assert_eq!(need_status("征集中"), Some(NeedStatus::Open));
        assert_eq!(
            achievement_status("已转化"),
            Some(AchievementStatus::Transferred)
        );
    }

    #[test]
    fn modes_are_read_and_unknown_ones_named() {
        let (modes, unknown) = transfer_modes("转让、普通许可；作价投资");
        assert!(modes.contains(TransferMode::Assignment));
        assert!(modes.contains(TransferMode::LicenceOrdinary));
        assert!(modes.contains(TransferMode::Equity));
        assert!(!modes.contains(TransferMode::CoDevelopment));
        assert!(unknown.is_empty());
        let (modes, unknown) = transfer_modes("转让、送人");
        assert!(modes.contains(TransferMode::Assignment));
        assert_eq!(unknown, vec!["送人"]);
        assert_eq!(transfer_modes(""), (TransferModes::default(), Vec::new()));
    }

    #[test]
    fn modes_in_english_words() {
        let (modes, unknown) = transfer_modes("Licensing; Exclusive License / Co-development");
        assert!(modes.contains(TransferMode::LicenceOrdinary));
        assert!(modes.contains(TransferMode::LicenceExclusive));
        assert!(modes.contains(TransferMode::CoDevelopment));
        assert!(unknown.is_empty());
        let (modes, _) = transfer_modes("Assignment");
        assert!(modes.contains(TransferMode::Assignment));
    }

    #[test]
    fn ip_numbers_are_told_apart_by_shape() {
        let items = ip_items("ZL202110123456.7; ZL202120123456.1、2021SR0123456, CN112233445A");
        let kinds: Vec<_> = items.iter().map(|i| (i.kind, i.status)).collect();
        assert_eq!(
            kinds,
            vec![
                (IpKind::InventionPatent, IpStatus::Granted),
                (IpKind::UtilityModel, IpStatus::Granted),
                (IpKind::SoftwareCopyright, IpStatus::Granted),
                (IpKind::InventionPatent, IpStatus::Applied),
            ]
        );
        assert_eq!(items[0].number, "ZL202110123456.7");
    }

    #[test]
    fn dates_and_flags() {
        let may_day = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
        assert_eq!(date("2024年5月1日"), Some(DateText::Exact(may_day)));
        assert_eq!(date("45413"), Some(DateText::Exact(may_day)));
        assert_eq!(date("2024"), None);
        assert_eq!(date("2024-02-30"), None);
        assert_eq!(date("长期有效"), Some(DateText::Nothing));
        assert_eq!(yes_no("是"), Some(true));
        assert_eq!(yes_no("【保密】"), Some(true));
        assert_eq!(yes_no("[Confidential]"), Some(true));
        assert_eq!(yes_no(""), Some(false));
        assert_eq!(yes_no("也许"), None);
        assert_eq!(
            without_confidential_mark("【保密】 储能系统"),
            Some("储能系统")
        );
        assert_eq!(without_confidential_mark("储能系统"), None);
        assert_eq!(stage("通过中试"), Some(Stage::Pilot));
        assert_eq!(
            contract_type("技术开发（委托）"),
            Some((ContractType::Development, "委托".into()))
        );
        assert_eq!(guess_client_kind("山东大学"), ClientKind::University);
        assert_eq!(
            guess_client_kind("山东省科学院能源研究所"),
            ClientKind::Institute
        );
        assert_eq!(
            guess_client_kind("潍柴动力股份有限公司"),
            ClientKind::Enterprise
        );
    }
}

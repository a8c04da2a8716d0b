//! Reading one spreadsheet cell as the value a field wants: choices written in Chinese or
//! English, TRL levels, amounts with or without 万, dates in the common formats or as Excel
//! serial numbers.

use chrono::NaiveDate;

use crate::domain::dates::{from_excel_serial, parse_date};
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
    let t = text.trim().to_lowercase();
    all.iter()
        .copied()
        .find(|&v| t == code(v) || t == label(&ZH, v) || t == label(&EN, v).to_lowercase())
        .or_else(|| extra.iter().find(|(w, _)| *w == t).map(|&(_, v)| v))
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
            ("company", Enterprise),
            ("institute", Institute),
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
            ("已对接", Matched),
            ("已解决", Solved),
            ("已关闭", Closed),
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
            ("技术许可", Licence),
            ("联合开发", CoDevelop),
            ("委托开发", CoDevelop),
            ("咨询", Consult),
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
            ("已登记", Registered),
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

pub fn contract_type(text: &str) -> Option<ContractType> {
    use ContractType::*;
    choice(
        text,
        &ContractType::ALL,
        ContractType::code,
        Tr::contract_type,
        &[
            ("开发", Development),
            ("技术开发合同", Development),
            ("转让", Transfer),
            ("技术转让合同", Transfer),
            ("许可", Licence),
            ("技术许可合同", Licence),
            ("咨询", Consulting),
            ("技术咨询合同", Consulting),
            ("服务", Service),
            ("技术服务合同", Service),
        ],
    )
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
            ("联合开发", CoDevelopment),
            ("先用后付", UseFirstPayLater),
        ],
    )
}

/// The separators of a list typed into one cell: "转让、许可", "a; b", "a/b".
fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split(['、', ',', '，', ';', '；', '/', '|', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Every mode in the cell, or None if any of them is unknown.
pub fn transfer_modes(text: &str) -> Option<TransferModes> {
    let mut modes = TransferModes::default();
    for item in list_items(text) {
        modes.set(transfer_mode(item)?, true);
    }
    Some(modes)
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

/// "6", "TRL6", "TRL 6", "6级" → "6"; anything else is passed on for the TRL check to refuse.
pub fn trl_text(text: &str) -> String {
    let t = text.trim();
    let t = t
        .strip_prefix("TRL")
        .or_else(|| t.strip_prefix("trl"))
        .unwrap_or(t)
        .trim();
    let t = t.strip_suffix('级').unwrap_or(t).trim();
    // Excel may hand a whole number over as "6.0".
    t.strip_suffix(".0").unwrap_or(t).to_string()
}

pub fn is_negotiable(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    matches!(
        t.as_str(),
        "" | "面议" | "议价" | "待定" | "协商" | "negotiable" | "tbd"
    )
}

/// An amount in a column whose header says 万元: a bare number there means 万.
pub fn money_text(text: &str, in_wan: bool) -> String {
    let t = text.trim();
    let bare = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
    if in_wan && bare {
        format!("{t}万")
    } else {
        t.to_string()
    }
}

/// A date in the common formats, or an Excel serial number (a date cell saved in a CSV).
pub fn date(text: &str) -> Option<NaiveDate> {
    parse_date(text).or_else(|| {
        let t = text.trim();
        let serial: f64 = t.parse().ok()?;
        // Serial numbers of plausible dates only (1927–2173): "2024" is a year, not a date.
        if (10_000.0..100_000.0).contains(&serial) {
            from_excel_serial(serial)
        } else {
            None
        }
    })
}

pub fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "否" | "不保密" | "no" | "n" | "false" | "0" => Some(false),
        "是" | "保密" | "yes" | "y" | "true" | "1" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_list_of_modes_is_read_whole_or_refused() {
        let modes = transfer_modes("转让、普通许可；作价投资").unwrap();
        assert!(modes.contains(TransferMode::Assignment));
        assert!(modes.contains(TransferMode::LicenceOrdinary));
        assert!(modes.contains(TransferMode::Equity));
        assert!(!modes.contains(TransferMode::CoDevelopment));
        assert_eq!(transfer_modes("转让、送人"), None);
        assert_eq!(transfer_modes(""), Some(TransferModes::default()));
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
    fn trl_money_dates_and_flags() {
        assert_eq!(trl_text("TRL 6"), "6");
        assert_eq!(trl_text("7级"), "7");
        assert_eq!(trl_text("6.0"), "6");
        assert_eq!(trl_text("十"), "十");
        assert_eq!(money_text("50", true), "50万");
        assert_eq!(money_text("50万", true), "50万");
        assert_eq!(money_text("500000", false), "500000");
        assert!(is_negotiable("面议"));
        assert!(!is_negotiable("50万"));
        let may_day = NaiveDate::from_ymd_opt(2024, 5, 1);
        assert_eq!(date("2024年5月1日"), may_day);
        assert_eq!(date("45413"), may_day);
        assert_eq!(date("2024"), None);
        assert_eq!(date("2024-02-30"), None);
        assert_eq!(yes_no("是"), Some(true));
        assert_eq!(yes_no(""), Some(false));
        assert_eq!(yes_no("也许"), None);
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

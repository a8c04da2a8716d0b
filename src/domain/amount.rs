//! Amounts as people write them in a price or budget cell: a number with or without its unit,
//! a word for "to be negotiated", or a budget given as a range, a cap or a floor ("50-100万",
//! "100万以内", "500万以上", "200万左右"), which is kept as written beside its bounds.

use serde::{Deserialize, Serialize};

use super::money::{Money, MoneyError, fullwidth_to_ascii};

/// A budget given as a range, a cap, a floor or an approximate amount: what was written, and
/// the bounds read from it (both the same amount for "about").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AmountRange {
    pub written: String,
    pub min: Option<Money>,
    pub max: Option<Money>,
}

impl AmountRange {
    /// The one amount a comparison uses: the upper bound, or the floor when there is none.
    pub fn amount(&self) -> Option<Money> {
        self.max.or(self.min)
    }
}

/// What an amount cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountText {
    Negotiable,
    Amount(Money),
    Range(AmountRange),
}

/// Words for "the price is to be negotiated" (面议) and for "no amount given".
const NEGOTIABLE: &[&str] = &[
    "面议",
    "电议",
    "协商",
    "商议",
    "待定",
    "议价",
    "面谈",
    "可议",
    "另议",
    "洽谈",
    "协议价",
    "negotiable",
    "tbd",
];
const NOTHING: &[&str] = &[
    "",
    "-",
    "—",
    "--",
    "/",
    "无",
    "暂无",
    "n/a",
    "na",
    "(跳过)",
    "(空)",
    "跳过",
    "空",
    "未填",
    "未填写",
    "不填",
    "无预算",
    "null",
    "none",
    "\\",
    "——",
    "－",
    "／",
];

const CAP_PREFIXES: &[&str] = &[
    "上限",
    "封顶",
    "最多不超过",
    "不超出",
    "不大于",
    "不超过",
    "不高于",
    "不多于",
    "最多",
    "最高",
    "至多",
    "控制在",
    "小于",
    "低于",
    "≤",
    "<=",
    "<",
];
const CAP_SUFFIXES: &[&str] = &["以内", "以下", "之内", "内", "封顶", "为上限", "上限"];
const FLOOR_PREFIXES: &[&str] = &[
    "不低于",
    "不少于",
    "至少",
    "最低",
    "最少",
    "大于",
    "高于",
    "≥",
    ">=",
    ">",
];
const FLOOR_SUFFIXES: &[&str] = &["以上", "起"];
const ABOUT_PREFIXES: &[&str] = &["大约", "约", "大概", "预计"];
const ABOUT_SUFFIXES: &[&str] = &["左右", "上下"];
const RANGE_SEPARATORS: &[char] = &['-', '~', '～', '—', '－', '至', '到', '–'];

/// Whether a cell means 面议, or says no amount at all.
pub fn is_negotiable(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    NOTHING.contains(&t.as_str())
        || (!t
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            && NEGOTIABLE.iter().any(|w| t.contains(w)))
}

/// Reads an amount cell. `unit`: the column's header names a unit ("万" for 万元, or "亿"), so a
/// number without one is in it ("１２０" there is 120 万元). A range written without a unit
/// is kept with the header's ("50-100" under 预算（万元） is "50-100万").
pub fn read_amount(text: &str, unit: Option<&str>) -> Result<AmountText, MoneyError> {
    let trimmed = text.trim();
    if is_negotiable(trimmed) {
        return Ok(AmountText::Negotiable);
    }
    let written = match unit {
        Some(u) if !trimmed.contains(['万', '亿', '元']) => format!("{trimmed}{u}"),
        _ => trimmed.to_string(),
    };
    let written = written.as_str();
    let t: String = trimmed
        .chars()
        .map(fullwidth_to_ascii)
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = per_item(&t);
    let one = |s: &str| amount(s, unit);
    let range = |min, max| {
        Ok(AmountText::Range(AmountRange {
            written: written.to_string(),
            min,
            max,
        }))
    };
    if let Some(inner) = strip_any(t, CAP_PREFIXES, CAP_SUFFIXES) {
        return range(None, Some(one(inner)?));
    }
    if let Some(inner) = strip_any(t, FLOOR_PREFIXES, FLOOR_SUFFIXES) {
        return range(Some(one(inner)?), None);
    }
    if let Some(inner) = strip_any(t, ABOUT_PREFIXES, ABOUT_SUFFIXES) {
        let m = one(inner)?;
        return range(Some(m), Some(m));
    }
    // A range: two amounts around a separator, the unit perhaps written on the second only.
    if let Some((low, high)) = t
        .char_indices()
        .skip(1)
        .find(|(_, c)| RANGE_SEPARATORS.contains(c))
        .map(|(i, c)| (&t[..i], &t[i + c.len_utf8()..]))
        .filter(|(_, high)| !high.is_empty())
    {
        let high_amount = one(high)?;
        let unit: String = high
            .trim_end_matches(['元', '整'])
            .chars()
            .rev()
            .take_while(|c| matches!(c, '万' | '亿'))
            .collect();
        let low_amount = match one(low) {
            Ok(m) if !low.ends_with(['万', '亿', '元']) && !unit.is_empty() => {
                one(&format!("{low}{unit}")).unwrap_or(m)
            }
            other => other?,
        };
        let (min, max) = if low_amount <= high_amount {
            (low_amount, high_amount)
        } else {
            (high_amount, low_amount)
        };
        return range(Some(min), Some(max));
    }
    one(t).map(AmountText::Amount)
}

/// The amount of a fee written per item ("10万元/项", "2000元每次", "800元/人"): lists of
/// services price each project, test or trainee so.
fn per_item(text: &str) -> &str {
    ["/", "每"]
        .iter()
        .find_map(|mark| {
            let (amount, item) = text.rsplit_once(mark)?;
            PER_ITEMS.contains(&item).then_some(amount)
        })
        .filter(|amount| !amount.is_empty())
        .unwrap_or(text)
}

const PER_ITEMS: &[&str] = &[
    "项", "次", "个", "批", "件", "套", "台", "样", "项次", "人", "人次", "期", "天",
];

/// One amount; a bare number is in the column's unit when it names one.
fn amount(text: &str, unit: Option<&str>) -> Result<Money, MoneyError> {
    let bare = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
    let t = text;
    match unit {
        Some(u) if bare => Money::parse_yuan(&format!("{t}{u}")),
        _ => Money::parse_yuan(text),
    }
}

/// The amount inside a cap, floor or approximation's words, which may be stacked ("最高不超过
/// 200万元", "上限200万以内").
fn strip_any<'a>(text: &'a str, prefixes: &[&str], suffixes: &[&str]) -> Option<&'a str> {
    let mut inner = text;
    loop {
        let before = inner;
        if let Some(rest) = prefixes.iter().find_map(|p| inner.strip_prefix(p)) {
            inner = rest;
        }
        if let Some(rest) = suffixes.iter().find_map(|s| inner.strip_suffix(s)) {
            inner = rest;
        }
        inner = inner.trim_start_matches([':', '：', '为']);
        if inner == before {
            break;
        }
    }
    (inner.len() < text.len() && !inner.is_empty()).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wan(n: i64) -> Money {
        Money::from_yuan(n * 10_000)
    }

    fn range(text: &str, min: Option<i64>, max: Option<i64>) -> AmountText {
        AmountText::Range(AmountRange {
            written: text.into(),
            min: min.map(wan),
            max: max.map(wan),
        })
    }

    #[test]
    fn units_in_the_cell_and_in_the_header() {
        for (text, unit, expected) in [
            ("120万", None, wan(120)),
            ("80万元", Some("万"), wan(80)),
            ("1.2亿", None, wan(12_000)),
            ("¥50万", None, wan(50)),
            ("１２０", Some("万"), wan(120)),
            ("120", Some("万"), wan(120)),
            ("1.5", Some("亿"), wan(15_000)),
            ("3,000", None, Money::from_yuan(3_000)),
            ("3000元", Some("万"), Money::from_yuan(3_000)),
            ("10万元/项", None, wan(10)),
            ("2000元每次", None, Money::from_yuan(2_000)),
            ("8 / 项", Some("万"), wan(8)),
            ("800元/人", None, Money::from_yuan(800)),
        ] {
            assert_eq!(
                read_amount(text, unit),
                Ok(AmountText::Amount(expected)),
                "{text}"
            );
        }
    }

    #[test]
    fn negotiable_words() {
        for text in [
            "面议",
            "电议",
            "价格面议",
            "协商",
            "待定",
            "双方协商",
            "",
            "-",
            "Negotiable",
        ] {
            assert_eq!(
                read_amount(text, Some("万")),
                Ok(AmountText::Negotiable),
                "{text}"
            );
        }
        assert!(!is_negotiable("50万（可议）"));
    }

    #[test]
    fn a_fee_per_item_reads_as_its_amount_and_a_fee_per_year_does_not() {
        assert_eq!(
            read_amount("5-20万元/项", None),
            Ok(range("5-20万元/项", Some(5), Some(20)))
        );
        assert!(read_amount("10万元/年", None).is_err());
        assert!(read_amount("/项", None).is_err());
    }

    #[test]
    fn ranges_caps_and_floors_keep_what_was_written() {
        for (text, unit, min, max) in [
            ("50-100万", None, Some(50), Some(100)),
            ("50万-100万", None, Some(50), Some(100)),
            ("50至100万元", None, Some(50), Some(100)),
            ("100万以内", None, None, Some(100)),
            ("不超过200万", None, None, Some(200)),
            ("200万以下", None, None, Some(200)),
            ("500万以上", None, Some(500), None),
            ("不低于500万", None, Some(500), None),
            ("200万左右", None, Some(200), Some(200)),
            ("约200万", None, Some(200), Some(200)),
            ("100万以内", Some("万"), None, Some(100)),
        ] {
            assert_eq!(read_amount(text, unit), Ok(range(text, min, max)), "{text}");
        }
        // Without a unit in the cell, the header's is written with the range.
        assert_eq!(
            read_amount("50~100", Some("万")),
            Ok(range("50~100万", Some(50), Some(100)))
        );
        let AmountText::Range(r) = read_amount("50-100万", None).unwrap() else {
            panic!("not a range");
        };
        assert_eq!(r.amount(), Some(wan(100)));
    }

    #[test]
    fn caps_written_with_stacked_words_are_upper_bounds() {
        for text in [
            "最高不超过200万元",
            "上限200万",
            "200万封顶",
            "上限为200万元",
            "不超出200万",
        ] {
            match read_amount(text, None) {
                Ok(AmountText::Range(r)) => {
                    assert_eq!((r.min, r.max), (None, Some(wan(200))), "{text}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn nonsense_and_negatives_are_refused() {
        assert_eq!(read_amount("很多", None), Err(MoneyError::NotANumber));
        assert_eq!(read_amount("-5", None), Err(MoneyError::Negative));
        assert_eq!(read_amount("100-abc", None), Err(MoneyError::NotANumber));
    }
}

//! Reading the dates people type and spreadsheets hold.

use chrono::{Datelike, Days, NaiveDate};

/// The first year a date may have: Excel cannot hold dates before 1900, so an export of one
/// would fail.
pub const MIN_YEAR: i32 = 1900;

/// Parses 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日 and 20240501, with or without a time
/// after it. Full-width digits are accepted. Returns None for anything else, an impossible
/// date (2024-02-30) or one before 1900.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_any_date(text).filter(|d| d.year() >= MIN_YEAR)
}

/// [`parse_date`] without the 1900 floor, to tell an early date from no date.
pub fn parse_any_date(text: &str) -> Option<NaiveDate> {
    let s: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '年' | '月' | '/' | '.' | '－' => '-',
            '日' => ' ',
            _ => c,
        })
        .collect();
    // A time after the date ("2024-05-01 10:30:00") is ignored.
    let s = s.split_whitespace().next()?;
    if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// What is wrong with a date that [`parse_date`] refused: a day its month does not have
/// (2024-02-30), or not a date at all.
pub fn date_problem(text: &str) -> super::Problem {
    let s = text
        .trim()
        .replace(['/', '.', '年', '月'], "-")
        .replace('日', "");
    let mut parts = s.split('-').map(str::trim);
    let numbers = (
        parts.next().and_then(|y| y.parse::<i32>().ok()),
        parts.next().and_then(|m| m.parse::<u32>().ok()),
        parts.next().and_then(|d| d.parse::<u32>().ok()),
    );
    if let (Some(year), Some(month), Some(day)) = numbers
        && let Some(first) = NaiveDate::from_ymd_opt(year, month, 1)
        && year >= MIN_YEAR
    {
        let days = first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|next| next.pred_opt())
            .map_or(31, |last| last.day());
        if day > days {
            return super::Problem::NoSuchDay { year, month, days };
        }
    }
    super::Problem::InvalidDate
}

/// A date cell as people fill it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateText {
    /// No date: an empty cell, or a word for "no deadline" (长期有效, 不限).
    Nothing,
    Exact(NaiveDate),
    /// Only a month or a year was given ("2027年6月", "2026年底"): its last day.
    EndOf(NaiveDate),
}

const NO_DATE: &[&str] = &[
    "长期有效",
    "长期",
    "不限",
    "无限期",
    "永久",
    "永久有效",
    "无期限",
    "无",
    "-",
    "—",
    "/",
    "待定",
    "none",
    "n/a",
];

/// Reads a date cell: a full date, a month (its last day), a year's end or half, or a word
/// meaning no date. None when it is none of these.
pub fn read_date(text: &str) -> Option<DateText> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if NO_DATE.contains(&t.as_str()) || t.is_empty() {
        return Some(DateText::Nothing);
    }
    if let Some(d) = parse_date(&t) {
        return Some(DateText::Exact(d));
    }
    // A bare number is an Excel serial or a year, not a month: the caller decides.
    if t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = t.split_at_checked(4)?;
    let year: i32 = year.parse().ok().filter(|y| *y >= MIN_YEAR)?;
    let rest = rest.trim_start_matches(['年', '-', '/', '.']);
    let month = match rest.trim_end_matches(['前', '止']) {
        "" | "底" | "末" | "年底" | "年末" | "年终" | "下半年" | "12月底" => 12,
        "上半年" | "年中" | "中" => 6,
        m => m
            .trim_end_matches(['底', '末'])
            .trim_end_matches('份')
            .trim_end_matches('月')
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=12).contains(m))?,
    };
    last_day_of(year, month).map(DateText::EndOf)
}

fn last_day_of(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// An Excel serial date (days since 1899-12-30, the 1900 date system).
pub fn from_excel_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(serial.trunc() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_the_month_lacks_is_told_as_such() {
        use crate::domain::Problem;
        let no_such = |year, month, days| Problem::NoSuchDay { year, month, days };
        assert_eq!(date_problem("2024-02-30"), no_such(2024, 2, 29));
        assert_eq!(date_problem("2023-02-29"), no_such(2023, 2, 28));
        assert_eq!(date_problem("2026年4月31日"), no_such(2026, 4, 30));
        assert_eq!(date_problem("2026-13-01"), Problem::InvalidDate);
        assert_eq!(date_problem("明天"), Problem::InvalidDate);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_common_formats() {
        for text in [
            "2024-05-01",
            "2024/5/1",
            "2024年5月1日",
            "2024.5.1",
            "20240501",
            "2024-05-01 10:30:00",
            " ２０２４年５月１日 ",
        ] {
            assert_eq!(parse_date(text), Some(d(2024, 5, 1)), "{text}");
        }
    }

    #[test]
    fn refuses_impossible_or_malformed_dates() {
        for text in [
            "2024-02-30",
            "2024-13-01",
            "24-5-1",
            "明天",
            "",
            "2024-05",
            "2024-05-01-02",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn dates_before_1900_are_refused() {
        assert_eq!(parse_date("1899-12-31"), None);
        assert_eq!(parse_date("1900-01-01"), Some(d(1900, 1, 1)));
    }

    #[test]
    fn reads_months_year_ends_and_no_deadline() {
        for (text, expected) in [
            ("2027.6.30", DateText::Exact(d(2027, 6, 30))),
            ("20270630", DateText::Exact(d(2027, 6, 30))),
            ("2027年6月", DateText::EndOf(d(2027, 6, 30))),
            ("2027-02", DateText::EndOf(d(2027, 2, 28))),
            ("2026年底", DateText::EndOf(d(2026, 12, 31))),
            ("2026年末", DateText::EndOf(d(2026, 12, 31))),
            ("2026年上半年", DateText::EndOf(d(2026, 6, 30))),
            ("2026年", DateText::EndOf(d(2026, 12, 31))),
            ("长期有效", DateText::Nothing),
            ("长期", DateText::Nothing),
            ("不限", DateText::Nothing),
            ("", DateText::Nothing),
        ] {
            assert_eq!(read_date(text), Some(expected), "{text}");
        }
        for text in [
            "明年",
            "2027年13月",
            "1850年底",
            "2024-02-30",
            "45413",
            "2026",
        ] {
            assert_eq!(read_date(text), None, "{text}");
        }
    }

    #[test]
    fn reads_excel_serials() {
        assert_eq!(from_excel_serial(45413.0), Some(d(2024, 5, 1)));
        assert_eq!(from_excel_serial(-3.0), None);
    }
}

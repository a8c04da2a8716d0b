//! Reading the dates people type and spreadsheets hold.

use chrono::{Days, NaiveDate};

/// Parses 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日 and 20240501, with or without a time
/// after it. Full-width digits are accepted. Returns None for anything else or an impossible date (2024-02-30).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
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
    fn reads_excel_serials() {
        assert_eq!(from_excel_serial(45413.0), Some(d(2024, 5, 1)));
        assert_eq!(from_excel_serial(-3.0), None);
    }
}

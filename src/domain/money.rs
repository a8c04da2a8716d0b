//! Money as integer fen (分): never floating point.

use serde::{Deserialize, Serialize};

/// An amount in fen. Forms show yuan, lists and reports 万元.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Money(pub i64);

/// Amounts stay below 10^12 fen (10 billion yuan): larger ones are typing mistakes.
pub const MAX_FEN: i64 = 1_000_000_000_000;

/// Why a typed amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    NotANumber,
    Negative,
    TooLarge,
    TooManyDecimals,
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_yuan(yuan: i64) -> Money {
        Money(yuan * 100)
    }

    pub fn fen(self) -> i64 {
        self.0
    }

    /// Parses what a broker types in yuan: "120000", "120,000.50", "１２万", "12.5万元", "¥3000",
    /// "1.2亿", "人民币50万元", "五十万". A trailing 万 multiplies by 10,000, 亿 by 100,000,000.
    pub fn parse_yuan(text: &str) -> Result<Money, MoneyError> {
        let mut s: String = text
            .trim()
            .chars()
            .map(fullwidth_to_ascii)
            .filter(|c| !matches!(c, ',' | ' ' | '¥' | '￥' | '\u{a0}'))
            .collect::<String>()
            .to_lowercase();
        for prefix in ["人民币", "rmb", "cny"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest.to_string();
            }
        }
        for suffix in ["人民币", "rmb", "cny", "整", "元"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.to_string();
            }
        }
        if !s.is_empty() && s.chars().all(is_chinese_numeral) {
            return chinese_yuan(&s);
        }
        let (number, scale) = if let Some(n) = s.strip_suffix('亿') {
            (n, 8)
        } else if let Some(n) = s.strip_suffix('万') {
            (n, 4)
        } else {
            (s.as_str(), 0)
        };
        if number.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (int_part, frac_part) = number.split_once('.').unwrap_or((number, ""));
        let digits_ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
        if int_part.is_empty() && frac_part.is_empty()
            || !digits_ok(int_part)
            || !digits_ok(frac_part)
        {
            return Err(MoneyError::NotANumber);
        }
        // Fen are 2 decimals of yuan; with 万 that is 6 decimals of the typed number.
        let decimals = 2 + scale;
        if frac_part.len() > decimals {
            return Err(MoneyError::TooManyDecimals);
        }
        if int_part.len() > 15 {
            return Err(MoneyError::TooLarge);
        }
        let mut padded = frac_part.to_string();
        while padded.len() < decimals {
            padded.push('0');
        }
        let int: i64 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().map_err(|_| MoneyError::TooLarge)?
        };
        let frac: i64 = padded.parse().map_err(|_| MoneyError::NotANumber)?;
        let unit = 10_i64.pow(decimals as u32);
        let fen = int
            .checked_mul(unit)
            .and_then(|v| v.checked_add(frac))
            .ok_or(MoneyError::TooLarge)?;
        if fen >= MAX_FEN {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money(fen))
    }

    /// "1,234,567.80" — yuan with two decimals and thousands separators, for forms.
    pub fn yuan_text(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let yuan = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}{grouped}.{:02}", abs % 100)
    }

    /// The plain number typed back into a form: "1234567.8" → "1234567.80".
    pub fn input_text(self) -> String {
        format!("{}.{:02}", self.0 / 100, (self.0 % 100).abs())
    }

    /// "123.456789" — 万元 to the fen, with at least two decimals: what an export writes, so
    /// that the file imports back to the same amount.
    pub fn wan_exact_text(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let frac = format!("{:06}", abs % 1_000_000);
        let frac = frac.trim_end_matches('0');
        format!("{sign}{}.{frac:0<2}", abs / 1_000_000)
    }

    /// "123.46" — 万元 with two decimals, for lists and reports.
    pub fn wan_text(self) -> String {
        // 1 万元 = 1,000,000 fen; round half away from zero at 100 fen.
        let hundredths = (self.0 as i128 * 100 + 500_000 * self.0.signum() as i128) / 1_000_000;
        let sign = if hundredths < 0 { "-" } else { "" };
        let abs = hundredths.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

fn is_chinese_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千万亿".contains(c)
}

/// Whole yuan written in Chinese numerals: "五十万", "一百二十万", "三千", "两亿".
fn chinese_yuan(text: &str) -> Result<Money, MoneyError> {
    let digit = |c| "零一二三四五六七八九".find(c).map(|i| i as i64 / 3);
    let (mut total, mut section, mut number) = (0_i64, 0_i64, 0_i64);
    for c in text.chars() {
        let c = match c {
            '〇' => '零',
            '两' => '二',
            c => c,
        };
        if let Some(d) = digit(c) {
            number = d;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            _ => 100_000_000,
        };
        if unit >= 10_000 {
            section = (section + number).max(1) * unit;
            total = total.checked_add(section).ok_or(MoneyError::TooLarge)?;
            section = 0;
        } else {
            // "十万" is 十 with no digit before it: one ten.
            section += number.max(1) * unit;
        }
        number = 0;
    }
    let yuan = total + section + number;
    let fen = yuan.checked_mul(100).ok_or(MoneyError::TooLarge)?;
    if fen >= MAX_FEN {
        return Err(MoneyError::TooLarge);
    }
    Ok(Money(fen))
}

pub(super) fn fullwidth_to_ascii(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A price or budget: an amount, or 面议 (to be negotiated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Price {
    #[default]
    Negotiable,
    Amount(Money),
}

impl Price {
    pub fn amount(self) -> Option<Money> {
        match self {
            Price::Negotiable => None,
            Price::Amount(m) => Some(m),
        }
    }

    /// Stored as fen, NULL for negotiable.
    pub fn from_fen(fen: Option<i64>) -> Price {
        fen.map_or(Price::Negotiable, |f| Price::Amount(Money(f)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_brokers_type() {
        assert_eq!(Money::parse_yuan("120000"), Ok(Money(12_000_000)));
        assert_eq!(Money::parse_yuan("120,000.5"), Ok(Money(12_000_050)));
        assert_eq!(Money::parse_yuan(" ¥3000元 "), Ok(Money(300_000)));
        assert_eq!(Money::parse_yuan("12.5万"), Ok(Money(12_500_000)));
        assert_eq!(Money::parse_yuan("１２万"), Ok(Money(12_000_000)));
        assert_eq!(Money::parse_yuan(".5"), Ok(Money(50)));
        assert_eq!(Money::parse_yuan("0"), Ok(Money(0)));
        assert_eq!(Money::parse_yuan("1.2亿"), Ok(Money(12_000_000_000)));
        assert_eq!(Money::parse_yuan("人民币50万元"), Ok(Money(50_000_000)));
        assert_eq!(Money::parse_yuan("3，000"), Ok(Money(300_000)));
        assert_eq!(Money::parse_yuan("１２０．５"), Ok(Money(12_050)));
        assert_eq!(Money::parse_yuan("五十万"), Ok(Money(50_000_000)));
        assert_eq!(Money::parse_yuan("一百二十万元"), Ok(Money(120_000_000)));
        assert_eq!(Money::parse_yuan("十万"), Ok(Money(10_000_000)));
        assert_eq!(Money::parse_yuan("两千五百"), Ok(Money(250_000)));
    }

    #[test]
    fn refuses_bad_amounts() {
        assert_eq!(Money::parse_yuan("-1"), Err(MoneyError::Negative));
        assert_eq!(Money::parse_yuan("abc"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_yuan(""), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_yuan("1.234"), Err(MoneyError::TooManyDecimals));
        assert_eq!(Money::parse_yuan("1.2.3"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_yuan("10000000000"), Err(MoneyError::TooLarge));
        assert_eq!(Money::parse_yuan("9999999999.99"), Ok(Money(MAX_FEN - 1)));
        assert_eq!(
            Money::parse_yuan("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn formats_yuan_and_wan() {
        assert_eq!(Money(123_456_780).yuan_text(), "1,234,567.80");
        assert_eq!(Money(5).yuan_text(), "0.05");
        assert_eq!(Money(123_456_780).wan_text(), "123.46");
        assert_eq!(Money(1_000_000).wan_text(), "1.00");
        assert_eq!(Money(499_999).wan_text(), "0.50");
        assert_eq!(Money(123_456_789).wan_exact_text(), "123.456789");
        assert_eq!(Money(50_000_000).wan_exact_text(), "50.00");
        assert_eq!(Money(12_345_000).wan_exact_text(), "12.345");
        assert_eq!(Money(1).wan_exact_text(), "0.000001");
        assert_eq!(Money(123_456_780).input_text(), "1234567.80");
        assert_eq!(
            Money::parse_yuan(&Money(98_765).input_text()),
            Ok(Money(98_765))
        );
    }
}

//! Patents, software copyrights, plant varieties and know-how behind an achievement, with
//! numbers in the formats of the Chinese offices.

use chrono::NaiveDate;

use super::random::{DemoRng, between, pick};
use super::vocab::Family;
use crate::domain::{IpItem, IpKind, IpStatus};

/// Weights of the check digit of a Chinese patent application number, over its 12 digits.
const PATENT_WEIGHTS: [u32; 12] = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/// Nought to three items, their kinds as usual for the family.
pub(super) fn items(rng: &mut DemoRng, family: &Family) -> Vec<IpItem> {
    let count = pick(rng, &[(0, 12), (1, 45), (2, 28), (3, 15)]);
    (0..count)
        .map(|_| {
            let kind = pick(rng, family.ip_kinds);
            item(rng, kind)
        })
        .collect()
}

fn item(rng: &mut DemoRng, kind: IpKind) -> IpItem {
    match kind {
        IpKind::InventionPatent => patent(rng, kind, 1, 20),
        IpKind::UtilityModel => patent(rng, kind, 2, 10),
        IpKind::SoftwareCopyright => software_copyright(rng),
        IpKind::PlantVariety => plant_variety(rng),
        IpKind::KnowHow => know_how(rng),
    }
}

/// "ZL202110123456.7" once granted; a pending application carries its bare number
/// "202310123456.7", as applicants write it before the grant.
fn patent(rng: &mut DemoRng, kind: IpKind, type_digit: u32, term_years: i32) -> IpItem {
    let status = pick(
        rng,
        &[
            (IpStatus::Granted, 78),
            (IpStatus::Applied, 15),
            (IpStatus::Lapsed, 7),
        ],
    );
    // Inventions take two to three years to grant, utility models about one; a utility model
    // still in force was filed within its ten years.
    let (first_granted, last_granted) = if type_digit == 1 {
        (2012, 2023)
    } else {
        (2016, 2024)
    };
    let year = match status {
        IpStatus::Granted => between(rng, first_granted, last_granted),
        IpStatus::Applied => between(rng, last_granted - 1, 2025),
        IpStatus::Lapsed => between(rng, 2012, 2019),
    };
    let serial = between(rng, 0, 9_999_999);
    let digits = format!("{year:04}{type_digit}{serial:07}");
    let check = patent_check_digit(&digits);
    let number = if status == IpStatus::Applied {
        format!("{digits}.{check}")
    } else {
        format!("ZL{digits}.{check}")
    };
    let expiry = if status == IpStatus::Applied {
        None
    } else {
        filing_anniversary_eve(rng, year, term_years)
    };
    IpItem {
        kind,
        number,
        status,
        expiry,
    }
}

/// The check character of a 12-digit application number: weighted sum mod 11, 10 as X.
pub(super) fn patent_check_digit(digits: &str) -> char {
    let sum: u32 = digits
        .chars()
        .filter_map(|c| c.to_digit(10))
        .zip(PATENT_WEIGHTS)
        .map(|(d, w)| d * w)
        .sum();
    match sum % 11 {
        10 => 'X',
        d => char::from(b'0' + d as u8),
    }
}

/// A term counted from a filing date in `year` ends the day before its anniversary.
fn filing_anniversary_eve(rng: &mut DemoRng, year: u32, term_years: i32) -> Option<NaiveDate> {
    let month = between(rng, 1, 12);
    let day = between(rng, 2, 28);
    NaiveDate::from_ymd_opt(year as i32 + term_years, month, day - 1)
}

/// "2023SR0123456". Software by an organisation is protected for 50 years from publication,
/// to the end of the year.
fn software_copyright(rng: &mut DemoRng) -> IpItem {
    let year = between(rng, 2015, 2025);
    IpItem {
        kind: IpKind::SoftwareCopyright,
        number: format!("{year}SR{:07}", between(rng, 1, 2_999_999)),
        status: IpStatus::Granted,
        expiry: NaiveDate::from_ymd_opt(year as i32 + 50, 12, 31),
    }
}

/// "CNA20201234.5". Protection runs 15 years from the grant, about two years after filing.
fn plant_variety(rng: &mut DemoRng) -> IpItem {
    let status = pick(rng, &[(IpStatus::Granted, 70), (IpStatus::Applied, 30)]);
    let year = match status {
        IpStatus::Applied => between(rng, 2022, 2025),
        _ => between(rng, 2012, 2022),
    };
    let number = format!(
        "CNA{year}{:04}.{}",
        between(rng, 1, 9999),
        between(rng, 0, 9)
    );
    let expiry = if status == IpStatus::Applied {
        None
    } else {
        filing_anniversary_eve(rng, year, 17)
    };
    IpItem {
        kind: IpKind::PlantVariety,
        number,
        status,
        expiry,
    }
}

/// Know-how has no office number, so the owner's own reference stands in: "技术秘密-2021-017".
fn know_how(rng: &mut DemoRng) -> IpItem {
    IpItem {
        kind: IpKind::KnowHow,
        number: format!(
            "技术秘密-{}-{:03}",
            between(rng, 2015, 2025),
            between(rng, 1, 200)
        ),
        status: IpStatus::Granted,
        expiry: None,
    }
}

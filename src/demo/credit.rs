//! Unified social credit codes (GB 32100-2015) that pass `domain::credit_code::is_valid`.

use std::fmt::Write;

use rand::Rng;

use super::random::{DemoRng, chance};

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// Weights of the check character of the embedded organisation code (GB 11714).
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Who registered the organisation: the first two characters of its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Registrar {
    /// 91: a company registered with market regulation (工商).
    Company,
    /// 12: a public institution (事业单位) such as a university.
    PublicInstitution,
    /// 11: a government body (机关).
    GovernmentBody,
}

impl Registrar {
    fn prefix(self) -> &'static str {
        match self {
            Registrar::Company => "91",
            Registrar::PublicInstitution => "12",
            Registrar::GovernmentBody => "11",
        }
    }
}

/// A code for an organisation registered in `region` (a 6-digit administrative code).
pub(super) fn credit_code(rng: &mut DemoRng, registrar: Registrar, region: u32) -> String {
    let mut code = String::with_capacity(18);
    code.push_str(registrar.prefix());
    // Writing to a String cannot fail.
    let _ = write!(code, "{region:06}");
    push_org_code(rng, registrar, &mut code);
    code.push(check_char(&code));
    code
}

/// The 9-character organisation code. Companies registered since 2015 mostly carry codes
/// starting with MA and mixing letters; older ones and public bodies are all digits.
fn push_org_code(rng: &mut DemoRng, registrar: Registrar, code: &mut String) {
    let mut body = [b'0'; 8];
    if registrar == Registrar::Company && chance(rng, 60) {
        body[0] = b'M';
        body[1] = b'A';
        for b in &mut body[2..] {
            *b = ALPHABET[rng.random_range(0..ALPHABET.len())];
        }
    } else {
        for b in &mut body {
            *b = b'0' + rng.random_range(0..10u8);
        }
    }
    let sum: u32 = body
        .iter()
        .zip(ORG_WEIGHTS)
        .map(|(&b, w)| org_value(b) * w)
        .sum();
    let check = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from(b'0' + d as u8),
    };
    code.extend(body.iter().map(|&b| char::from(b)));
    code.push(check);
}

/// Digits count as themselves, letters from A = 10.
fn org_value(b: u8) -> u32 {
    if b.is_ascii_digit() {
        u32::from(b - b'0')
    } else {
        u32::from(b - b'A') + 10
    }
}

fn check_char(first17: &str) -> char {
    let sum: u32 = first17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| alphabet_value(b) * w)
        .sum();
    char::from(ALPHABET[((31 - sum % 31) % 31) as usize])
}

fn alphabet_value(b: u8) -> u32 {
    ALPHABET.iter().position(|&a| a == b).unwrap_or_default() as u32
}

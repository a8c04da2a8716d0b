//! Maturity as people write it: a TRL number ("TRL6", "6级", "六级") or the words of forms,
//! platforms and the national registration system ("通过中试", "已有样品", "成熟应用阶段"),
//! read as the TRL range the words mean and the stage it sits at.

use super::catalog::{Stage, TRL_MAX, TRL_MIN};

/// What a maturity text says: the TRL to store, the range the words allow, and the stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Maturity {
    pub trl: u8,
    /// The range the words mean (`trl` lies in it); a bare number is a range of one.
    pub range: (u8, u8),
    pub stage: Stage,
    /// A TRL number was written, not only words.
    pub exact: bool,
}

/// The words, most specific first: "通过中试" must be found before "中试", "成熟应用阶段" before
/// "成熟". Each gives the TRL range it means, the TRL stored (inside the range) and the stage.
/// TRL levels follow GB/T 22900: 1-3 principle and laboratory validation, 4-5 small trial
/// (components, simulated environment), 6-7 pilot (system in a relevant then a real
/// environment), 8-9 finished, produced and applied.
const WORDS: &[(&str, (u8, u8), u8, Stage)] = &[
    ("基础研究", (1, 2), 1, Stage::Lab),
    ("原理研究", (1, 2), 2, Stage::Lab),
    ("正在研发", (1, 3), 2, Stage::Lab),
    ("研发中", (1, 3), 2, Stage::Lab),
    ("在研", (1, 3), 2, Stage::Lab),
    ("研发阶段", (1, 3), 2, Stage::Lab),
    ("初期", (1, 3), 3, Stage::Lab),
    ("实验室", (1, 3), 3, Stage::Lab),
    ("通过小试", (5, 5), 5, Stage::SmallTrial),
    ("完成小试", (5, 5), 5, Stage::SmallTrial),
    ("小试完成", (5, 5), 5, Stage::SmallTrial),
    ("小试", (4, 5), 4, Stage::SmallTrial),
    ("原理样机", (4, 4), 4, Stage::SmallTrial),
    ("中期", (4, 6), 5, Stage::SmallTrial),
    ("通过中试", (7, 7), 7, Stage::Pilot),
    ("完成中试", (7, 7), 7, Stage::Pilot),
    ("中试完成", (7, 7), 7, Stage::Pilot),
    ("中试", (6, 7), 6, Stage::Pilot),
    ("工程样机", (7, 7), 7, Stage::Pilot),
    ("样机", (5, 7), 6, Stage::Pilot),
    ("样品", (5, 7), 6, Stage::Pilot),
    ("试生产", (8, 8), 8, Stage::Industrial),
    ("小批量", (8, 8), 8, Stage::Industrial),
    ("可以量产", (8, 9), 8, Stage::Industrial),
    ("可量产", (8, 9), 8, Stage::Industrial),
    ("具备量产", (8, 9), 8, Stage::Industrial),
    ("批量生产", (9, 9), 9, Stage::Industrial),
    ("规模化", (9, 9), 9, Stage::Industrial),
    ("量产", (8, 9), 9, Stage::Industrial),
    ("产业化", (8, 9), 9, Stage::Industrial),
    ("成熟应用", (8, 9), 9, Stage::Industrial),
    ("推广应用", (9, 9), 9, Stage::Industrial),
    ("已应用", (8, 9), 9, Stage::Industrial),
    ("成熟", (8, 9), 9, Stage::Industrial),
    // English, as TechBroker's own English lists and some platforms write it.
    ("laboratory", (1, 3), 3, Stage::Lab),
    ("lab", (1, 3), 3, Stage::Lab),
    ("small trial", (4, 5), 4, Stage::SmallTrial),
    ("pilot", (6, 7), 6, Stage::Pilot),
    ("prototype", (5, 7), 6, Stage::Pilot),
    ("industrialisation", (8, 9), 9, Stage::Industrial),
    ("industrialization", (8, 9), 9, Stage::Industrial),
    ("mass production", (9, 9), 9, Stage::Industrial),
];

const CHINESE_DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Reads a maturity text. A TRL number in it wins ("中试阶段（TRL6）" is TRL 6, at the stage of
/// the words if they name one); else the words; None when neither is there.
pub fn read_maturity(text: &str) -> Option<Maturity> {
    let folded: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let words = WORDS
        .iter()
        .find(|(w, ..)| folded.contains(w))
        .map(|&(_, range, trl, stage)| Maturity {
            trl,
            range,
            stage,
            exact: false,
        });
    match trl_number(&folded) {
        Some(trl) => Some(Maturity {
            trl,
            range: (trl, trl),
            stage: words.map_or_else(|| Stage::typical_for_trl(trl), |w| w.stage),
            exact: true,
        }),
        None => words,
    }
}

/// A TRL written as a number: "6", "TRL6", "trl 6", "6级", "六级", "第6级", "6.0".
fn trl_number(text: &str) -> Option<u8> {
    let t = text.trim();
    let t = t.strip_prefix("trl").unwrap_or(t).trim();
    let t = t.strip_prefix('第').unwrap_or(t);
    let t = t.strip_suffix('级').unwrap_or(t).trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    let level = if let Ok(n) = t.parse::<u8>() {
        n
    } else if let [c] = t.chars().collect::<Vec<_>>()[..] {
        CHINESE_DIGITS.iter().position(|&d| d == c)? as u8 + 1
    } else {
        // A number inside words: "中试阶段（trl6）", "trl-7".
        let at = text.find("trl")?;
        let digits: String = text[at + 3..]
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()?
    };
    (TRL_MIN..=TRL_MAX).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Option<(u8, Stage)> {
        read_maturity(text).map(|m| (m.trl, m.stage))
    }

    #[test]
    fn numbers_in_every_form() {
        for text in [
            "6", "TRL6", "TRL 6", "trl6", "6级", "六级", "第6级", "6.0", "６",
        ] {
            assert_eq!(m(text), Some((6, Stage::Pilot)), "{text}");
        }
        assert_eq!(m("12"), None);
        assert_eq!(m("0"), None);
    }

    #[test]
    fn words_read_as_the_trl_range_they_mean() {
        let cases: &[(&str, (u8, u8), Stage)] = &[
            ("实验室阶段", (1, 3), Stage::Lab),
            ("正在研发", (1, 3), Stage::Lab),
            ("初期阶段", (1, 3), Stage::Lab),
            ("小试", (4, 5), Stage::SmallTrial),
            ("通过小试", (5, 5), Stage::SmallTrial),
            ("中期阶段", (4, 6), Stage::SmallTrial),
            ("中试阶段", (6, 7), Stage::Pilot),
            ("通过中试", (7, 7), Stage::Pilot),
            ("样机", (5, 7), Stage::Pilot),
            ("已有样品", (5, 7), Stage::Pilot),
            ("小批量生产", (8, 8), Stage::Industrial),
            ("可以量产", (8, 9), Stage::Industrial),
            ("已产业化", (8, 9), Stage::Industrial),
            ("成熟应用阶段", (8, 9), Stage::Industrial),
            ("成熟应用", (8, 9), Stage::Industrial),
            ("Pilot", (6, 7), Stage::Pilot),
        ];
        for &(text, range, stage) in cases {
            let got = read_maturity(text).unwrap_or_else(|| panic!("{text} not read"));
            assert_eq!((got.range, got.stage), (range, stage), "{text}");
            assert!(range.0 <= got.trl && got.trl <= range.1, "{text}");
            assert_eq!(Stage::typical_for_trl(got.trl), stage, "{text}");
        }
        assert_eq!(m("不知道"), None);
    }

    #[test]
    fn a_number_beside_words_wins_and_keeps_the_words_stage() {
        assert_eq!(m("中试阶段（TRL6）"), Some((6, Stage::Pilot)));
        assert_eq!(m("小试 TRL-5"), Some((5, Stage::SmallTrial)));
    }
}

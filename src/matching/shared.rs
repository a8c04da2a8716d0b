//! The words a need and an achievement share, for showing why a pair matched: whole words and
//! phrases as a reader cuts them ("激光", "平均无故障时间"), not the character pairs the score
//! counts ("激光加", "平均无故障时").

use std::sync::OnceLock;

use jieba_rs::Jieba;
use rustc_hash::FxHashSet;

/// jieba's dictionary cut to the words seen at least five times in its corpus (137,000 of
/// 349,000): about 9 MiB loaded instead of 28. Rarer compounds (动力电池) come out as their
/// parts and are joined again below when both texts have them side by side.
const DICTIONARY: &str = include_str!("../../assets/segmenter/dict.txt");

/// Loaded the first time a breakdown is shown, not with the catalogues.
fn segmenter() -> &'static Jieba {
    static SEGMENTER: OnceLock<Jieba> = OnceLock::new();
    SEGMENTER.get_or_init(|| {
        let mut jieba = Jieba::empty();
        // The dictionary is ours and checked by a test; were it unreadable, the HMM alone
        // still cuts words.
        let _ = jieba.load_dict(&mut DICTIONARY.as_bytes());
        jieba
    })
}

/// Function words: a shared phrase never starts or ends with one, nor is one.
const FILLERS: &[&str] = &[
    "的", "地", "得", "了", "和", "与", "及", "或", "等", "在", "对", "为", "是", "并", "以", "其",
    "中", "可", "将", "把", "被", "从", "到", "由", "于", "之", "而", "且", "也", "该", "用于",
    "通过", "进行", "一种", "基于", "以及", "及其", "其中", "可以", "能够", "具有",
];

fn is_filler(word: &str) -> bool {
    !word.chars().any(char::is_alphanumeric) || FILLERS.contains(&word)
}

/// The phrases of `need` that `achievement` has too, in the need's order, each once: runs of
/// the need's words that read the same in the achievement, trimmed of function words. Single
/// characters and phrases `counts` rejects (common or unknown to the index) are left out.
pub fn shared_phrases(need: &str, achievement: &str, counts: impl Fn(&str) -> bool) -> Vec<String> {
    let jieba = segmenter();
    let other = achievement.to_lowercase();
    let other_words: FxHashSet<String> = jieba
        .cut(achievement, true)
        .into_iter()
        .map(|t| t.word.to_lowercase())
        .collect();
    let shared = |word: &str| {
        let word = word.to_lowercase();
        other_words.contains(&word) || (word.chars().count() > 1 && other.contains(&word))
    };
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        let start = run.iter().position(|w| !is_filler(w)).unwrap_or(run.len());
        let end = run
            .iter()
            .rposition(|w| !is_filler(w))
            .map_or(start, |i| i + 1);
        let phrase = run[start..end.max(start)].concat();
        if phrase.chars().count() > 1 && counts(&phrase) && !out.contains(&phrase) {
            out.push(phrase);
        }
        run.clear();
    };
    for token in jieba.cut(need, true) {
        let word = token.word;
        if word.trim().is_empty() || !shared(word) {
            flush(&mut run);
            continue;
        }
        let longer = format!("{}{word}", run.concat()).to_lowercase();
        if !run.is_empty() && !other.contains(&longer) {
            flush(&mut run);
        }
        run.push(word);
    }
    flush(&mut run);
    out
}

/// Which characters of `text` to highlight: the occurrences of `terms` (any case) that begin
/// and end where the text's own words do, so that a highlight never cuts a word.
pub fn highlight_mask(text: &str, terms: &[String]) -> Vec<bool> {
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut mask = vec![false; chars.len()];
    // Lower-casing can lengthen a character (İ); such a text is highlighted without word
    // boundaries rather than misaligned.
    let aligned = chars.len() == text.chars().count();
    let mut starts = vec![!aligned; chars.len() + 1];
    let mut ends = starts.clone();
    if aligned {
        for token in segmenter().cut(text, true) {
            starts[token.start] = true;
            ends[token.end] = true;
        }
    }
    for term in terms {
        let t: Vec<char> = term.chars().flat_map(char::to_lowercase).collect();
        if t.is_empty() || t.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - t.len() {
            let end = start + t.len();
            if starts[start] && ends[end] && chars[start..end] == t[..] {
                mask[start..end].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(need: &str, achievement: &str) -> Vec<String> {
        shared_phrases(need, achievement, |_| true)
    }

    #[test]
    fn the_dictionary_loads() {
        let mut jieba = Jieba::empty();
        assert!(jieba.load_dict(&mut DICTIONARY.as_bytes()).is_ok());
        assert!(DICTIONARY.lines().count() > 100_000);
    }

    #[test]
    fn shared_terms_are_whole_words_not_character_pairs() {
        let terms = shared(
            "激光加工设备的装配环节平均无故障时间",
            "激光加热装置，装配环境下平均无故障时长",
        );
        assert_eq!(terms, vec!["激光", "装配", "平均无故障"]);
        for fragment in ["激光加", "装配环", "平均无故障时"] {
            assert!(
                !terms.iter().any(|t| t == fragment),
                "{fragment} in {terms:?}"
            );
        }
    }

    #[test]
    fn adjacent_shared_words_read_as_one_phrase_and_function_words_are_trimmed() {
        assert_eq!(
            shared("退役动力电池的回收", "一种退役动力电池回收方法"),
            vec!["退役动力电池", "回收"]
        );
        assert_eq!(shared("精密机的加工", "精密机的调试"), vec!["精密机"]);
        assert_eq!(
            shared("锂电池BMS管理", "bms 与锂电池"),
            vec!["锂电池", "BMS"]
        );
    }

    #[test]
    fn a_highlight_never_cuts_a_word() {
        let marked = |text: &str, terms: &[&str]| -> String {
            let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
            text.chars()
                .zip(highlight_mask(text, &terms))
                .map(|(c, on)| if on { c } else { '·' })
                .collect()
        };
        assert_eq!(marked("锂电池BMS", &["bms", "锂电池"]), "锂电池BMS");
        // 电池 inside 蓄电池 is not the word 电池.
        assert_eq!(marked("蓄电池与电池回收", &["电池"]), "····电池··");
        assert_eq!(marked("激光加热装置", &["激光"]), "激光····");
    }

    #[test]
    fn what_the_index_does_not_count_is_left_out() {
        let terms = shared_phrases(
            "退役动力电池回收 m 量子",
            "退役动力电池回收 m 量子",
            |p| p != "量子",
        );
        assert_eq!(terms, vec!["退役动力电池回收"]);
    }
}

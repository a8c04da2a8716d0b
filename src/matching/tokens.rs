//! Tokens for relevance: Chinese as overlapping character pairs, Latin words and numbers whole.
//!
//! Pairs need no dictionary, cope with technical terms no dictionary has (钙钛矿, 刺参), and
//! make "锂电池" and "锂离子电池" share 电池. A word segmenter (jieba-rs) would add a 5 MB
//! dictionary, split unseen terms unpredictably and be slower at 100,000 documents.

/// A token, packed: two UTF-16 units for a pair, or a hash of a Latin word or number with the
/// top bit set so the two kinds never collide.
pub type Token = u64;

const WORD_FLAG: u64 = 1 << 63;

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

// FNV-1a: stable across runs and platforms, so scores are reproducible.
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

#[cfg(test)]
fn word_token(word: &str) -> Token {
    word.bytes().fold(FNV_START, fnv_step) | WORD_FLAG
}

fn pair_token(a: char, b: char) -> Token {
    (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b))
}

/// Calls `f` with every token of `text`, in order, with repeats.
pub fn for_each_token(text: &str, mut f: impl FnMut(Token)) {
    let mut prev_cjk: Option<char> = None;
    // The word being read, hashed as it goes (its lower-case bytes), so no word is copied.
    let mut word: Option<u64> = None;
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            prev_cjk = None;
            let h = word.unwrap_or(FNV_START);
            word = Some(fnv_step(h, c.to_ascii_lowercase() as u8));
            continue;
        }
        if let Some(h) = word.take() {
            f(h | WORD_FLAG);
        }
        if is_cjk(c) {
            if let Some(p) = prev_cjk {
                f(pair_token(p, c));
            }
            prev_cjk = Some(c);
        } else {
            prev_cjk = None;
        }
    }
    if let Some(h) = word {
        f(h | WORD_FLAG);
    }
}

/// Replaces `out` with the tokens of `texts`, one after another.
pub fn tokens_into(out: &mut Vec<Token>, texts: &[&str]) {
    out.clear();
    for text in texts {
        for_each_token(text, |t| out.push(t));
    }
}

/// The tokens of `text`, with repeats.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokens_into(&mut out, &[text]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_becomes_pairs_and_latin_words_stay_whole() {
        let t = tokens("基于AI的带钢检测");
        assert_eq!(t.len(), 1 + 1 + 4); // 基于, ai, 的带 带钢 钢检 检测
        assert_eq!(t[0], pair_token('基', '于'));
        assert_eq!(t[1], word_token("ai"));
        assert_eq!(tokens("ＡＩ"), tokens("ai"));
    }

    #[test]
    fn numbers_and_mixed_words_are_tokens() {
        assert_eq!(tokens("5G基站 PLC-200").len(), 1 + 1 + 1 + 1);
        assert_eq!(tokens("效率提高30%"), {
            let mut v = tokens("效率提高");
            v.push(word_token("30"));
            v
        });
    }

    #[test]
    fn a_single_character_between_latin_gives_no_pair() {
        assert_eq!(tokens("a电b"), vec![word_token("a"), word_token("b")]);
    }
}

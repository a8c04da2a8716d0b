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

fn word_token(word: &str) -> Token {
    // FNV-1a: stable across runs and platforms, so scores are reproducible.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h | WORD_FLAG
}

fn pair_token(a: char, b: char) -> Token {
    (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b))
}

/// Calls `f` with every token of `text`, in order, with repeats.
pub fn for_each_token(text: &str, mut f: impl FnMut(Token)) {
    let mut prev_cjk: Option<char> = None;
    let mut word = String::new();
    let flush = |word: &mut String, f: &mut dyn FnMut(Token)| {
        if !word.is_empty() {
            f(word_token(word));
            word.clear();
        }
    };
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if is_cjk(c) {
            flush(&mut word, &mut f);
            if let Some(p) = prev_cjk {
                f(pair_token(p, c));
            }
            prev_cjk = Some(c);
        } else if c.is_ascii_alphanumeric() {
            prev_cjk = None;
            word.push(c.to_ascii_lowercase());
        } else {
            prev_cjk = None;
            flush(&mut word, &mut f);
        }
    }
    flush(&mut word, &mut f);
}

/// The tokens of `text`, with repeats.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t));
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

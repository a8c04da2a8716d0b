//! The byte code the index stores its texts in: shorter than UTF-16 for the characters a
//! catalogue uses most, and self-synchronising, so a byte search for a coded term finds exactly
//! the places the term occurs.
//!
//! Which characters are short is learnt from the catalogue itself: the first records indexed are
//! counted, and their commonest 127 characters take one byte, the next ones two (with the
//! dictionary's commonest Chinese characters in the two-byte codes they leave), 3,199 in all;
//! every other UTF-16 unit takes three. A byte search is exact because a code starts with a byte that is never a
//! code's continuation (0x80–0xBF), and the first byte says how long the code is: a match that
//! starts on a code's first byte lines up with whole codes all the way through.

/// Separates a record's fields; its code is itself, in every table.
pub const FIELD_BREAK: u16 = b'\n' as u16;

/// One-byte codes: every byte below the continuation bytes; the field break's is its own.
const ONE_BYTE: usize = 128;
const CONTINUATION: u8 = 0x80;
const TWO_BYTE_LEAD: u8 = 0xC0;
const TWO_BYTE: usize = 48 * 64;
const THREE_BYTE_LEAD: u8 = 0xF0;

/// The 3,072 commonest Chinese characters of the segmenter's dictionary (`assets/segmenter`,
/// by the summed counts of the words each is in), commonest first. The short codes the first
/// records leave free go to these, so they never take more than UTF-16's two bytes, even in a
/// catalogue whose first records are all in English.
const COMMON: &str = include_str!("../../assets/search/common-chars.txt");

/// How one index codes UTF-16 units. The same table must code the texts and the queries.
#[derive(Default)]
pub struct CharCode {
    /// Per UTF-16 unit its code, packed: the bytes from the lowest, the length in the top byte.
    /// Empty before a table is chosen: every unit takes three bytes but the field break.
    packed: Vec<u32>,
    /// The unit of each short code's number: numbers below `ONE_BYTE` are the byte itself (none
    /// is the field break's byte), the rest two bytes.
    units: Vec<u16>,
}

fn pack(bytes: &[u8]) -> u32 {
    let mut word = [0u8; 4];
    for (w, b) in word.iter_mut().zip(bytes) {
        *w = *b;
    }
    word[3] = bytes.len() as u8;
    u32::from_le_bytes(word)
}

fn three_bytes(u: u16) -> u32 {
    pack(&[
        THREE_BYTE_LEAD | (u >> 12) as u8,
        CONTINUATION | ((u >> 6) & 0x3F) as u8,
        CONTINUATION | (u & 0x3F) as u8,
    ])
}

/// The code of the short code numbered `number`.
fn short_code(number: usize) -> u32 {
    match number.checked_sub(ONE_BYTE) {
        None => pack(&[number as u8]),
        Some(r) => pack(&[
            TWO_BYTE_LEAD + (r / 64) as u8,
            CONTINUATION | (r % 64) as u8,
        ]),
    }
}

impl CharCode {
    /// A table giving the commonest units by `counts` (one per UTF-16 unit) the short codes.
    pub fn from_counts(counts: &[u32]) -> Self {
        let mut ranked: Vec<u16> = (0..=u16::MAX)
            .filter(|&u| u != FIELD_BREAK && counts.get(usize::from(u)).is_some_and(|&c| c > 0))
            .collect();
        // Ties by unit, so equal counts give the same table every time.
        ranked.sort_by_key(|&u| (std::cmp::Reverse(counts[usize::from(u)]), u));
        let mut units = Vec::with_capacity(ONE_BYTE + TWO_BYTE);
        let mut taken = vec![false; 1 << 16];
        for u in ranked.into_iter().chain(COMMON.trim_end().encode_utf16()) {
            if units.len() == usize::from(FIELD_BREAK) {
                units.push(FIELD_BREAK);
            }
            if units.len() == ONE_BYTE + TWO_BYTE {
                break;
            }
            if !std::mem::replace(&mut taken[usize::from(u)], true) {
                units.push(u);
            }
        }
        let mut packed: Vec<u32> = (0..=u16::MAX).map(three_bytes).collect();
        packed[usize::from(FIELD_BREAK)] = pack(&[FIELD_BREAK as u8]);
        for (number, &u) in units.iter().enumerate() {
            if u != FIELD_BREAK {
                packed[usize::from(u)] = short_code(number);
            }
        }
        Self { packed, units }
    }

    /// Whether a table was chosen (the default has none).
    pub fn is_chosen(&self) -> bool {
        !self.packed.is_empty()
    }

    /// Bytes its tables hold.
    pub fn heap_bytes(&self) -> usize {
        self.packed.capacity() * std::mem::size_of::<u32>()
            + self.units.capacity() * std::mem::size_of::<u16>()
    }

    /// Appends the code of `units` to `out`.
    pub fn encode_into(&self, out: &mut Vec<u8>, units: &[u16]) {
        // Each code is written whole into a buffer and the end moved by its length: no branch
        // on the length, which varies from one character to the next.
        const CHUNK: usize = 64;
        let mut buf = [0u8; 3 * CHUNK + 1];
        for chunk in units.chunks(CHUNK) {
            let mut len = 0;
            for &u in chunk {
                let code = match self.packed.get(usize::from(u)) {
                    Some(&code) => code,
                    None if u == FIELD_BREAK => pack(&[FIELD_BREAK as u8]),
                    None => three_bytes(u),
                };
                if let Some(slot) = buf.get_mut(len..len + 4) {
                    slot.copy_from_slice(&code.to_le_bytes());
                }
                len += (code >> 24) as usize;
            }
            out.extend_from_slice(&buf[..len]);
        }
    }

    pub fn encode(&self, units: &[u16]) -> Vec<u8> {
        let mut out = Vec::with_capacity(units.len() * 2);
        self.encode_into(&mut out, units);
        out
    }

    /// Appends the units `code` (made by this table) stands for to `out`.
    pub fn decode_into(&self, out: &mut Vec<u16>, code: &[u8]) {
        let mut bytes = code.iter().copied();
        let tail = |b: Option<u8>| u16::from(b.unwrap_or(CONTINUATION) & 0x3F);
        while let Some(b) = bytes.next() {
            let unit = if b >= THREE_BYTE_LEAD {
                let high = u16::from(b & 0x0F) << 12;
                high | (tail(bytes.next()) << 6) | tail(bytes.next())
            } else if b >= TWO_BYTE_LEAD {
                let r = usize::from(b - TWO_BYTE_LEAD) * 64 + usize::from(tail(bytes.next()));
                self.unit(ONE_BYTE + r)
            } else if b == FIELD_BREAK as u8 {
                FIELD_BREAK
            } else {
                self.unit(usize::from(b))
            };
            out.push(unit);
        }
    }

    fn unit(&self, number: usize) -> u16 {
        self.units
            .get(number)
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER as u16)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::search::text::normalize;

    fn counts_of(text: &str) -> Vec<u32> {
        let mut counts = vec![0u32; 1 << 16];
        for u in text.encode_utf16() {
            counts[usize::from(u)] += 1;
        }
        counts
    }

    fn round_trip(code: &CharCode, units: &[u16]) -> Vec<u16> {
        let mut out = Vec::new();
        code.decode_into(&mut out, &code.encode(units));
        out
    }

    #[test]
    fn texts_come_back_unchanged_with_and_without_a_table() {
        let text = normalize("锂电池BMS\n正极材料 ≥300Wh/kg\n𠀋龘 ZL2021\u{7f}\u{0}");
        let table = CharCode::from_counts(&counts_of("电池电池电池材料材料 abc"));
        for code in [CharCode::default(), table] {
            assert_eq!(round_trip(&code, &text), text);
        }
    }

    #[test]
    fn common_characters_take_one_byte_and_the_field_break_keeps_its_own() {
        let code = CharCode::from_counts(&counts_of("电电电电池池池\n\n\n\n\n"));
        assert_eq!(code.encode(&normalize("电")).len(), 1);
        assert_eq!(code.encode(&normalize("电池")).len(), 2);
        assert_eq!(code.encode(&normalize("\n")), vec![b'\n']);
        assert_eq!(code.encode(&normalize("锂")).len(), 3);
        assert_eq!(CharCode::default().encode(&normalize("电")).len(), 3);
    }

    #[test]
    fn common_chinese_characters_the_first_records_lacked_take_two_bytes() {
        let code = CharCode::from_counts(&counts_of("Lithium battery recycling, BMS 2021"));
        assert_eq!(code.encode(&normalize("lithium")).len(), 7);
        let chinese = normalize("高效永磁同步电机控制技术");
        assert!(code.encode(&chinese).len() <= chinese.len() * 2);
        assert_eq!(round_trip(&code, &chinese), chinese);
        assert_eq!(code.encode(&normalize("龘")).len(), 3);
        assert_eq!(COMMON.trim_end().chars().count(), TWO_BYTE);
    }

    #[test]
    fn ranks_beyond_one_byte_take_two_then_three() {
        let mut counts = vec![0u32; 1 << 16];
        for (i, c) in counts.iter_mut().enumerate().skip(0x4E00).take(4000) {
            *c = 10_000 - (i - 0x4E00) as u32;
        }
        let code = CharCode::from_counts(&counts);
        let len = |u: u16| code.encode(&[u]).len();
        assert_eq!(len(0x4E00), 1);
        assert_eq!(len(0x4E00 + 126), 1);
        assert_eq!(len(0x4E00 + 127), 2);
        assert_eq!(len(0x4E00 + 127 + 3071), 2);
        assert_eq!(len(0x4E00 + 127 + 3072), 3);
        let all: Vec<u16> = (0x4E00..0x4E00 + 4000).collect();
        assert_eq!(round_trip(&code, &all), all);
    }

    fn contains(hay: &[u16], needle: &[u16]) -> bool {
        needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
    }

    proptest! {
        // A false match needs a rare alignment of draws: enough cases to meet it.
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// The coded needle occurs in the coded text exactly when the needle occurs in the text:
        /// never across the boundary of two codes.
        #[test]
        fn a_byte_match_is_a_character_match(
            hay in prop::collection::vec(prop::sample::select(ALPHABET.to_vec()), 0..40),
            needle in prop::collection::vec(prop::sample::select(ALPHABET.to_vec()), 1..4),
            lengths in prop::collection::vec(1usize..=3, ALPHABET.len()),
            fillers in 127usize..400,
        ) {
            // Each unit of the alphabet gets a code of the length drawn for it: counted above
            // the fillers (one byte), below them (two), or not at all (three).
            let mut counts = vec![0u32; 1 << 16];
            for c in counts.iter_mut().skip(0x5000).take(fillers) {
                *c = 100;
            }
            for (&u, &len) in ALPHABET.iter().zip(&lengths) {
                counts[usize::from(u)] = [1000, 50, 0][len - 1];
            }
            let code = CharCode::from_counts(&counts);
            for (&u, &len) in ALPHABET.iter().zip(&lengths) {
                prop_assert_eq!(code.encode(&[u]).len(), if u == FIELD_BREAK { 1 } else { len });
            }
            let coded = code.encode(&hay);
            let found = memchr::memmem::find(&coded, &code.encode(&needle)).is_some();
            prop_assert_eq!(found, contains(&hay, &needle));
        }
    }

    /// Units whose codes share bytes in every position: low and high ASCII, the field break,
    /// units whose three-byte codes end in another's one- or two-byte code.
    const ALPHABET: [u16; 13] = [
        0x0A, 0x09, 0x61, 0x7F, 0x80, 0x4E02, 0x4E04, 0x0FC0, 0xF0BF, 0xC080, 0x0041, 0xFFFF,
        0x9F98,
    ];
}

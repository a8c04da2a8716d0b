//! LEB128-style variable-length integers: the gaps in posting lists are mostly small, so most
//! take one byte.

/// Appends `value` to `out`.
#[inline]
pub fn push(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// How many bytes `value` takes.
pub fn len(value: u32) -> usize {
    (32 - value.leading_zeros() as usize).div_ceil(7).max(1)
}

/// Reads one value starting at `*pos`, moving `*pos` past it.
pub fn read(bytes: &[u8], pos: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(*pos) {
        *pos += 1;
        value |= u32::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    value
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips() {
        let mut bytes = Vec::new();
        for v in [0, 1, 127, 128, 300, u32::MAX] {
            super::push(&mut bytes, v);
        }
        let mut pos = 0;
        let back: Vec<u32> = (0..6).map(|_| super::read(&bytes, &mut pos)).collect();
        assert_eq!(back, vec![0, 1, 127, 128, 300, u32::MAX]);
        assert_eq!(pos, bytes.len());
    }

    #[test]
    fn len_is_the_bytes_pushed() {
        for v in [0, 1, 127, 128, 16_383, 16_384, 2_097_152, u32::MAX] {
            let mut bytes = Vec::new();
            super::push(&mut bytes, v);
            assert_eq!(super::len(v), bytes.len(), "{v}");
        }
    }
}

//! Byte offsets into the input → what people and the JSON contract count:
//! 1-based lines and character (Unicode scalar) offsets. Each lookup costs a
//! binary search and at most one block of bytes, however long the line.

pub struct SourceMap<'a> {
    input: &'a str,
    /// Byte offset of each line start.
    line_starts: Vec<usize>,
    /// Char offset of the start of each block of `BLOCK` bytes.
    block_chars: Vec<usize>,
}

const BLOCK: usize = 64;

/// Whether `b` starts a character in UTF-8 (is not a continuation byte).
fn starts_char(b: &u8) -> bool {
    (*b as i8) >= -0x40
}

impl<'a> SourceMap<'a> {
    pub fn new(input: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(input.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        let mut block_chars = Vec::with_capacity(input.len() / BLOCK + 1);
        let mut chars = 0;
        for block in input.as_bytes().chunks(BLOCK) {
            block_chars.push(chars);
            chars += block.iter().filter(|b| starts_char(b)).count();
        }
        block_chars.push(chars);
        SourceMap { input, line_starts, block_chars }
    }

    fn line_index(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= byte).saturating_sub(1)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, byte: usize) -> usize {
        self.line_index(byte) + 1
    }

    /// The character offset of a byte offset (clamped to the input).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.input.len());
        let block = byte / BLOCK;
        let within = self.input.as_bytes()[block * BLOCK..byte].iter().filter(|b| starts_char(b)).count();
        self.block_chars[block] + within
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        let map = SourceMap::new("一二\n三a");
        assert_eq!(map.line(7), 2);
        assert_eq!(map.char_offset(7), 3);
        assert_eq!(map.char_offset(10), 4);
        let long = "一".repeat(100) + "a\n" + &"二".repeat(50);
        let map = SourceMap::new(&long);
        for (i, _) in long.char_indices().chain([(long.len(), ' ')]) {
            assert_eq!(map.char_offset(i), long[..i].chars().count(), "at byte {i}");
        }
        assert_eq!(map.char_offset(long.len() + 5), long.chars().count());
    }
}

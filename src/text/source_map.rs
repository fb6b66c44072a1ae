//! Byte offsets into the input → what people and the JSON contract count:
//! 1-based lines and character (Unicode scalar) offsets.

pub struct SourceMap<'a> {
    input: &'a str,
    /// Byte offset of each line start.
    line_starts: Vec<usize>,
    /// Char offset of each line start.
    line_chars: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub fn new(input: &'a str) -> Self {
        let mut line_starts = vec![0];
        let mut line_chars = vec![0];
        let mut chars = 0;
        for (i, c) in input.char_indices() {
            chars += 1;
            if c == '\n' {
                line_starts.push(i + 1);
                line_chars.push(chars);
            }
        }
        SourceMap { input, line_starts, line_chars }
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
        let l = self.line_index(byte);
        let start = self.line_starts[l];
        let within = self.input.get(start..byte).map_or(0, |s| s.chars().count());
        self.line_chars[l] + within
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
    }
}

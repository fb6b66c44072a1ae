//! Folding of look-alike characters (full-width forms, PDF compatibility
//! ideographs) so labels can be matched, while keeping every folded character's
//! position in the original text.

/// Maps one character to its canonical form, or `None` to drop it (spaces).
pub fn fold_char(c: char) -> Option<char> {
    let c = match c {
        // Full-width ASCII → ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    };
    if c.is_whitespace() {
        None
    } else {
        Some(c)
    }
}

/// A folded copy of a piece of text, each folded character remembering the
/// byte offset of the character it came from.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    pub text: String,
    /// For each char of `text`: its byte offset in the original.
    pub origins: Vec<usize>,
}

impl Folded {
    /// Folds `source[range]`; offsets are absolute in `source`.
    pub fn new(source: &str, base: usize) -> Self {
        let mut folded = Folded::default();
        for (i, c) in source.char_indices() {
            if let Some(f) = fold_char(c) {
                folded.text.push(f);
                folded.origins.push(base + i);
            }
        }
        folded
    }
}

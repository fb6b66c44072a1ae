//! Folding of look-alike characters (full-width forms, PDF compatibility
//! ideographs, bracket and quote variants) so labels can be matched, while every
//! folded character keeps the byte offset of the character it came from.

use super::compat_table::COMPAT;

/// Calls `emit` with the canonical form of `c`: nothing for whitespace and
/// invisible characters, one or more characters otherwise.
#[inline]
pub fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    // Fast path: ASCII and the CJK block need no table (no compatibility key lies there).
    if c.is_ascii() {
        if !c.is_ascii_whitespace() {
            emit(c);
        }
        return;
    }
    if matches!(c, '\u{4E00}'..='\u{9FFF}') {
        emit(c);
        return;
    }
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00AD}') {
        return;
    }
    if let Some(expansion) = compat(c) {
        expansion.chars().for_each(|d| emit(punctuation(d)));
    } else {
        emit(punctuation(c));
    }
}

/// What the compatibility table expands `c` to. Not inlined: one copy for
/// every caller's `fold_char`.
#[inline(never)]
fn compat(c: char) -> Option<&'static str> {
    // Below the table's first key (quotes, dashes) and in CJK punctuation
    // (、。《》) no key lies: the commonest punctuation is not searched for.
    let searched = c >= COMPAT[0].0 && !matches!(c, '\u{3000}'..='\u{31FF}');
    searched.then(|| COMPAT.binary_search_by(|(k, _)| k.cmp(&c)).ok().map(|i| COMPAT[i].1)).flatten()
}

/// One spelling for punctuation that reports print in several.
fn punctuation(c: char) -> char {
    match c {
        '（' | '【' | '〔' | '［' | '〖' => '(',
        '）' | '】' | '〕' | '］' | '〗' => ')',
        '“' | '”' | '„' | '‟' | '〝' | '〞' | '「' | '」' | '『' | '』' => '"',
        '‘' | '’' | '‚' | '‛' => '\'',
        '、' | '，' | '､' => ',',
        '．' | '·' | '・' => '.',
        '：' => ':',
        '；' => ';',
        '−' | '–' | '‐' | '‑' | '﹣' => '-',
        _ => c,
    }
}

/// Whether a folded character carries meaning for matching labels: ideographs,
/// ASCII letters and digits. Punctuation is left out of the bare form.
pub fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_ideograph(c)
}

pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// A folded copy of a piece of text, each folded character remembering the
/// byte offset of the character it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// For each char of `text`: the byte offset of its source character (inputs are far below 4 GB).
    pub origins: Vec<u32>,
}

/// A borrowed [`Folded`]: a piece of a larger folded text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FoldedRef<'a> {
    pub text: &'a str,
    pub origins: &'a [u32],
}

impl FoldedRef<'_> {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn to_owned(&self) -> Folded {
        Folded { text: self.text.to_owned(), origins: self.origins.to_vec() }
    }
}

impl Folded {
    /// Folds `source`, whose first byte is at offset `base` of the input.
    pub fn new(source: &str, base: usize) -> Self {
        Self::filtered(source, base, |_| true)
    }

    /// Folds `source` and keeps only the characters `keep` accepts.
    pub fn filtered(source: &str, base: usize, keep: impl Fn(char) -> bool) -> Self {
        let mut folded =
            Folded { text: String::with_capacity(source.len()), origins: Vec::with_capacity(source.len() / 2) };
        folded.append(source, base, keep);
        folded
    }

    /// Folds `source` onto the end of this text, keeping what `keep` accepts.
    pub fn append(&mut self, source: &str, base: usize, keep: impl Fn(char) -> bool) {
        let bytes = source.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // Fast paths for what folds to itself: printable ASCII, and the CJK
            // block (lead bytes E4–E9; a `str` holds whole UTF-8 sequences).
            if b.is_ascii_graphic() {
                if keep(char::from(b)) {
                    self.text.push(char::from(b));
                    self.origins.push((base + i) as u32);
                }
                i += 1;
                continue;
            }
            if let (0xE4..=0xE9, Some(&[b1, b2])) = (b, bytes.get(i + 1..i + 3)) {
                let code = (u32::from(b & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                if let Some(c) = char::from_u32(code).filter(|c| matches!(c, '\u{4E00}'..='\u{9FFF}')) {
                    if keep(c) {
                        // The source's own three bytes: no re-encoding.
                        self.text.push_str(&source[i..i + 3]);
                        self.origins.push((base + i) as u32);
                    }
                    i += 3;
                    continue;
                }
            }
            let Some(c) = source[i..].chars().next() else { break };
            fold_char(c, &mut |f| {
                if keep(f) {
                    self.text.push(f);
                    self.origins.push((base + i) as u32);
                }
            });
            i += c.len_utf8();
        }
    }

    /// The bare form (see [`is_bare`]) of `source`.
    pub fn bare(source: &str, base: usize) -> Self {
        Self::filtered(source, base, is_bare)
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends another folded piece.
    pub fn push(&mut self, other: &Folded) {
        self.text.push_str(&other.text);
        self.origins.extend_from_slice(&other.origins);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_pdf_and_full_width_forms() {
        assert_eq!(Folded::new("⼀、总体情况", 0).text, "一,总体情况");
        assert_eq!(Folded::new("（七）总　计", 0).text, "(七)总计");
        assert_eq!(Folded::new("１．属于“三安全一稳定”", 0).text, "1.属于\"三安全一稳定\"");
        assert_eq!(Folded::bare("(一) 引 5以公开", 0).text, "一引5以公开");
    }

    #[test]
    fn no_compatibility_key_lies_where_none_is_searched_for() {
        assert!(COMPAT.iter().all(|&(k, _)| !matches!(k, '\u{3000}'..='\u{31FF}')));
    }

    #[test]
    fn keeps_origins_into_the_source() {
        let f = Folded::new("a ⼀b", 10);
        assert_eq!(f.text, "a一b");
        assert_eq!(f.origins, vec![10, 12, 15]);
    }
}

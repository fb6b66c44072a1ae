//! Characters no report text holds, made harmless before anything lays the
//! text out: as the HTML standard treats them, NUL becomes U+FFFD, other
//! control characters are dropped, noncharacters become U+FFFD. Tab, line
//! feed, carriage return and form feed (pdftotext's page break) stay.

use std::borrow::Cow;

/// What `c` becomes in clean text: itself, a replacement, or nothing.
pub fn clean_char(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' | '\u{c}' => Some(c),
        '\u{b}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some('\n'),
        '\0' => Some('\u{fffd}'),
        c if c.is_control() => None,
        c if is_noncharacter(c) => Some('\u{fffd}'),
        c => Some(c),
    }
}

/// U+FDD0–U+FDEF and the last two code points of every plane.
pub fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

/// `text` with every character passed through [`clean_char`]; borrowed when
/// nothing changes (the common case: one scan, no copy).
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| clean_char(c) == Some(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter_map(clean_char).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_noncharacters() {
        assert_eq!(clean("一\t二\n三\r\n\u{c}四"), "一\t二\n三\r\n\u{c}四");
        assert!(matches!(clean("共 1 件"), Cow::Borrowed(_)));
        assert_eq!(
            clean("a\0b\u{1}c\u{7f}d\u{85}e\u{fffe}f\u{10ffff}g\u{fdd0}"),
            "a\u{fffd}bcd\ne\u{fffd}f\u{fffd}g\u{fffd}"
        );
        assert_eq!(clean("一、总体情况\u{b}共 1 件\u{2028}二"), "一、总体情况\n共 1 件\n二");
    }
}

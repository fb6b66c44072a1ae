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
    if is_clean(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter_map(clean_char).collect())
}

/// Whether [`clean_char`] keeps every char of `text`, told by its bytes
/// (UTF-8 of the chars it changes; decoding every char costs four times as much).
fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    // Bytes that may begin a char that changes; a run of 16 without one is
    // passed over whole (the test compiles to vector instructions).
    let maybe =
        |b: u8| (b < 0x20) & (b != b'\n') & (b != b'\t') | (b == 0x7f) | (b == 0xc2) | (b == 0xe2) | (b >= 0xef);
    let changes = |i: usize, b: u8| match b {
        b'\t' | b'\n' | b'\r' | 0x0c => false,
        // C0 controls and DEL; C1 controls (U+0080–U+009F).
        0x00..=0x1f | 0x7f => true,
        0xc2 => at(i + 1) <= 0x9f,
        // U+2028, U+2029.
        0xe2 => at(i + 1) == 0x80 && matches!(at(i + 2), 0xa8 | 0xa9),
        // U+FDD0–U+FDEF, U+FFFE, U+FFFF.
        0xef => match at(i + 1) {
            0xb7 => (0x90..=0xaf).contains(&at(i + 2)),
            0xbf => at(i + 2) >= 0xbe,
            _ => false,
        },
        // The last two code points of planes 1 to 16.
        0xf0..=0xf4 => at(i + 1) & 0x0f == 0x0f && at(i + 2) == 0xbf && at(i + 3) >= 0xbe,
        _ => false,
    };
    bytes.chunks(16).enumerate().all(|(k, chunk)| {
        !chunk.iter().fold(false, |any, &b| any | maybe(b))
            || !chunk.iter().enumerate().any(|(j, &b)| changes(k * 16 + j, b))
    })
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

    #[test]
    fn the_byte_scan_agrees_with_the_chars() {
        // Every char of the planes' edges, controls and the lead bytes the scan decodes.
        let samples = (0..0x3000u32).chain(0xfd00..0x10000).chain([0x1fffe, 0x1ffff, 0x20000, 0x10fffd, 0x10ffff]);
        for c in samples.filter_map(char::from_u32) {
            let text = format!("一{c}，");
            assert_eq!(is_clean(&text), text.chars().all(|c| clean_char(c) == Some(c)), "U+{:04X}", c as u32);
        }
        // Wherever it stands in the runs of 16 bytes the scan passes over.
        for pad in 0..40 {
            for c in ['\u{1}', '\u{85}', '\u{2028}', '\u{fdd0}', '\u{ffff}', '\u{10fffe}'] {
                assert!(!is_clean(&format!("{}{c}，一", "a".repeat(pad))), "U+{:04X} after {pad}", c as u32);
            }
            assert!(is_clean(&format!("{}“一”，\u{fdcf}\u{fffd}\u{10fffd}", "a".repeat(pad))));
        }
    }
}

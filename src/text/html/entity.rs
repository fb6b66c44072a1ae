//! Character references (`&nbsp;`, `&#20214;`, `&#x4EF6;`) as the HTML
//! standard decodes them: 0, surrogates and values past U+10FFFF are U+FFFD,
//! 0x80–0x9F are read as Windows-1252; then the text layer's hygiene applies,
//! so a reference never brings in a control character.

use crate::text::hygiene::clean_char;

/// Windows-1252 for 0x80–0x9F, as the standard maps numeric references there
/// (`&#150;` is –); holes stay controls and are dropped.
const WINDOWS_1252: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
];

/// Decodes the reference at the start of `s` (which starts with `&`): the
/// character it stands for (`None`: one hygiene drops) and its length. An
/// unknown or unterminated one is the `&` itself.
pub(super) fn decode(s: &str) -> (Option<char>, usize) {
    let Some(semi) = s.bytes().take(12).position(|b| b == b';') else { return (Some('&'), 1) };
    let name = &s[1..semi];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse::<u32>().ok(),
        };
        let Some(code) = code else { return (Some('&'), 1) };
        let code = match code {
            0x80..=0x9F => WINDOWS_1252[(code - 0x80) as usize],
            _ => code,
        };
        Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}'))
    } else {
        match name {
            "nbsp" | "ensp" | "emsp" | "thinsp" => Some(' '),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "hellip" => Some('…'),
            "middot" => Some('·'),
            "times" => Some('×'),
            _ => None,
        }
    };
    match c {
        Some(c) => (clean_char(c), semi + 1),
        None => (Some('&'), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn numeric_references_as_the_standard_reads_them() {
        let one = |s: &str| decode(s).0;
        assert_eq!(one("&#20214;"), Some('件'));
        assert_eq!(one("&#x4ef6;"), Some('件'));
        assert_eq!(one("&#0;"), Some('\u{fffd}'));
        assert_eq!(one("&#1;"), None);
        assert_eq!(one("&#x10FFFF;"), Some('\u{fffd}'));
        assert_eq!(one("&#x110000;"), Some('\u{fffd}'));
        assert_eq!(one("&#xD800;"), Some('\u{fffd}'));
        assert_eq!(one("&#150;"), Some('–'));
        assert_eq!(one("&#x81;"), None);
        assert_eq!(decode("&#;"), (Some('&'), 1));
        assert_eq!(decode("&nbsp"), (Some('&'), 1));
        assert_eq!(decode("&nbsp;x"), (Some(' '), 6));
    }
}

//! Input lines with their folded text, and the numbers printed on them.

use crate::model::Number;
use crate::text::{Folded, Span};

pub struct Line<'a> {
    pub raw: &'a str,
    /// Byte offset of `raw` in the input.
    pub start: usize,
    pub folded: Folded,
}

impl<'a> Line<'a> {
    pub fn split(input: &'a str) -> Vec<Line<'a>> {
        let mut out = Vec::new();
        let mut start = 0;
        for raw in input.split_inclusive('\n') {
            let body = raw.trim_end_matches(['\n', '\r']);
            out.push(Line {
                raw: body,
                start,
                folded: Folded::new(body, start),
            });
            start += raw.len();
        }
        out
    }
}

/// A number token on a line.
pub struct NumberToken {
    pub value: Number,
    pub span: Span,
}

/// The numbers printed in `text` (absolute offset `base`), left to right.
/// Digits glued to letters (`第711号`, `2.属于`) are not numbers of a table.
pub fn numbers(text: &str, base: usize) -> Vec<NumberToken> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts_here =
            b.is_ascii_digit() || (b == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts_here || (i > 0 && !is_separator(&text[..i], true)) {
            i += 1;
            continue;
        }
        let begin = i;
        i += 1;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        let token = &text[begin..i];
        if is_separator(&text[i..], false) {
            if let Some(value) = parse_number(token) {
                out.push(NumberToken {
                    value,
                    span: Span::new(base + begin, base + i),
                });
            }
        }
    }
    out
}

/// Whether the text just before (or after) a number leaves it standing alone.
fn is_separator(rest: &str, before: bool) -> bool {
    let c = if before {
        rest.chars().next_back()
    } else {
        rest.chars().next()
    };
    match c {
        None => true,
        Some(c) => c.is_whitespace() || c == '|' || c == '\u{3000}',
    }
}

fn parse_number(token: &str) -> Option<Number> {
    let (neg, digits) = match token.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, token),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || frac.contains('.') || frac.len() > 6 || digits.ends_with('.') {
        return None;
    }
    let mut mantissa: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    let scale = u8::try_from(frac.len()).ok()?;
    Some(Number {
        mantissa: if neg { -mantissa } else { mantissa },
        scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<String> {
        numbers(s, 0).iter().map(|n| n.value.to_string()).collect()
    }

    #[test]
    fn reads_standalone_numbers_only() {
        assert_eq!(values("规章\t0\t12\t3.5000"), ["0", "12", "3.5000"]);
        assert_eq!(values("| 0 | -2 |"), ["0", "-2"]);
        assert_eq!(values("2.属于国家秘密\t1"), ["1"]);
        assert_eq!(values("第711号 2021年"), Vec::<String>::new());
    }
}

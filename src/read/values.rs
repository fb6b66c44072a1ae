//! What the text of a cell stands for: a number as printed (signs, decimals,
//! thousands, a unit), a placeholder where a number belongs, a number glued
//! to its label.

use super::doc::CellKind;
use crate::model::Number;
use crate::text::is_ideograph;

/// Units reports print after a number in a cell, longest first.
pub(super) const UNITS: &[&str] = &["万元", "元", "件", "个", "项", "次"];

/// Kinds that need no further splitting: empty, a single number (with its
/// unit, if printed), a placeholder.
pub(super) fn classify(folded: &str) -> Option<(CellKind, Option<&'static str>)> {
    if folded.is_empty() {
        return Some((CellKind::Empty, None));
    }
    if let Some(n) = parse_number(folded) {
        return Some((CellKind::Number(n), None));
    }
    for unit in UNITS {
        if let Some(n) = folded.strip_suffix(unit).and_then(parse_number) {
            return Some((CellKind::Number(n), Some(unit)));
        }
    }
    if let Some(n) = signed_in_words(folded) {
        return Some((CellKind::Number(n), None));
    }
    let placeholder = folded.chars().all(is_placeholder_char);
    placeholder.then_some((CellKind::Placeholder, None))
}

/// A change printed in words (`减4`, `增加2`), as the 2019 format's 本年增/减
/// column is often filled: the signed number.
pub(super) fn signed_in_words(folded: &str) -> Option<Number> {
    let (negative, rest) = [("增加", false), ("减少", true), ("增", false), ("减", true)]
        .iter()
        .find_map(|&(word, negative)| folded.strip_prefix(word).map(|rest| (negative, rest)))?;
    let n = parse_number(rest).filter(|_| rest.bytes().next().is_some_and(|b| b.is_ascii_digit()))?;
    Some(if negative { Number { mantissa: -n.mantissa, ..n } } else { n })
}

/// Whether `c` may begin a number printed with its sign in words.
pub(super) fn starts_signed_word(c: char) -> bool {
    matches!(c, '增' | '减')
}

/// The marks a placeholder is made of (folded): `/`, `-`, `—`, `无` …
pub(super) fn is_placeholder_char(c: char) -> bool {
    matches!(c, '/' | '-' | '—' | '\\' | '_' | '无' | '.' | '…')
}

/// A number as printed: digits, an optional sign and decimals (`-2`, `3.5000`).
pub(super) fn parse_number(folded: &str) -> Option<Number> {
    // Most cells are a few plain digits.
    if (1..=18).contains(&folded.len()) && folded.bytes().all(|b| b.is_ascii_digit()) {
        let mantissa = folded.bytes().fold(0i64, |m, b| m * 10 + i64::from(b - b'0'));
        return Some(Number { mantissa, scale: 0 });
    }
    let (neg, digits) = match folded.as_bytes().first() {
        Some(b'-') => (true, &folded[1..]),
        Some(b'+') => (false, &folded[1..]),
        _ => (false, folded),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    // Thousands separated by commas (`1,234,567.50`, amounts): groups of three after the first.
    let mut groups = int.split(',');
    let lead = groups.next().unwrap_or_default();
    let grouped = groups.all(|g| g.len() == 3 && all_digits(g)) && (lead.len() <= 3 || !int.contains(','));
    if lead.is_empty() || !all_digits(lead) || !grouped || !all_digits(frac) || frac.len() > 8 || digits.ends_with('.')
    {
        return None;
    }
    let mut mantissa: i64 = 0;
    for b in int.bytes().filter(|&b| b != b',').chain(frac.bytes()) {
        mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    let scale = u8::try_from(frac.len()).ok()?;
    Some(Number { mantissa: if neg { -mantissa } else { mantissa }, scale })
}

/// A number printed right after an ideograph or a closing mark at the end of
/// `piece` (ASCII digits, an optional sign and decimals): where it starts, and its value.
pub(super) fn glued_number(piece: &str) -> Option<(usize, Number)> {
    let ends_label =
        |c: char| is_ideograph(c) || matches!(c, '）' | ')' | '”' | '"' | '》' | '】' | '」' | '』' | '〕');
    let digits = piece.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let at = digits.strip_suffix(['-', '+']).filter(|d| d.ends_with(ends_label)).map_or(digits.len(), str::len);
    let before = piece[..at].chars().next_back()?;
    if at == piece.len() || !ends_label(before) {
        return None;
    }
    Some((at, parse_number(&piece[at..])?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_printed() {
        let n = |s: &str| parse_number(s).map(|n| n.to_string());
        assert_eq!(n("1,234,567.50").as_deref(), Some("1234567.50"));
        assert_eq!(n("-3"), Some("-3".to_owned()));
        for not in ["1,2", "1234,567", "12,34", ",123", "1.", "", "-"] {
            assert_eq!(n(not), None, "{not}");
        }
    }

    #[test]
    fn changes_printed_in_words_are_signed() {
        let n = |s: &str| signed_in_words(s).map(|n| n.to_string());
        assert_eq!(
            (n("减4"), n("增2"), n("增加12"), n("减少0.5")),
            (Some("-4".into()), Some("2".into()), Some("12".into()), Some("-0.5".into()))
        );
        for not in ["减", "增加", "减-4", "增+2", "减少了4", "增长4"] {
            assert_eq!(n(not), None, "{not}");
        }
        assert!(matches!(classify("减4"), Some((CellKind::Number(n), None)) if n.mantissa == -4));
    }
}

//! Lexing helpers for the HTML reader: where a tag ends, where an element
//! closes, a numeric attribute.

/// Where the tag at the start of `s` ends: (end of its body, where text resumes).
/// Quoted attribute values may hold `>`; a `<` before any `>` ends a broken tag.
pub(super) fn tag_end(s: &str) -> Option<(usize, usize)> {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some((i, i + 1)),
            (None, b'<') => return Some((i, i)),
            _ => {}
        }
    }
    None
}

/// The index after the end tag `</name…>` found from `from`, case-insensitively.
pub(super) fn find_close(input: &str, from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let k = at + input[at..].find("</")?;
        let after = &input.as_bytes()[k + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(tag_end(&input[k..]).map_or(input.len(), |(_, next)| k + next));
        }
        at = k + 2;
    }
}

/// `rowspan="3"` → 3; absent, broken or 0 → 1; capped as HTML caps rowspan
/// (65,534); the grid cuts spans to `text::limits` and reports it.
pub(super) fn attr_number(tag: &str, name: &str) -> usize {
    // Found in any case without a lowered copy of the tag (its style runs long, and every cell has one).
    let found = tag.as_bytes().windows(name.len()).position(|w| w.eq_ignore_ascii_case(name.as_bytes()));
    let Some(at) = found else { return 1 };
    let rest = tag[at + name.len()..].trim_start().trim_start_matches('=').trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let digits = rest.bytes().take(6).take_while(u8::is_ascii_digit).count();
    rest[..digits].parse::<usize>().unwrap_or(1).clamp(1, 65_534)
}

#[cfg(test)]
mod tests {
    use super::attr_number;

    #[test]
    fn spans_in_any_case_and_quoting() {
        assert_eq!(attr_number(r#"td style="width:57px" ROWSPAN="8""#, "rowspan"), 8);
        assert_eq!(attr_number("td colspan = '3'", "colspan"), 3);
        assert_eq!(attr_number("td colspan=2", "colspan"), 2);
        assert_eq!(attr_number(r#"td title="合并单元格" colspan="0""#, "colspan"), 1);
        assert_eq!(attr_number("td colspan=\"99999999\"", "colspan"), 65_534);
        assert_eq!(attr_number("td", "rowspan"), 1);
    }
}

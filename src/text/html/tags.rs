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
    let lower = tag.to_ascii_lowercase();
    let Some(at) = lower.find(name) else { return 1 };
    let rest = lower[at + name.len()..].trim_start().trim_start_matches('=').trim_start();
    let digits: String =
        rest.trim_start_matches(['"', '\'']).chars().take_while(char::is_ascii_digit).take(6).collect();
    digits.parse::<usize>().unwrap_or(1).clamp(1, 65_534)
}

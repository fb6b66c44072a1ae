//! Sentences of the running text, folded for matching, with their spans, and
//! the small matchers the narrative checks share (words, counts with a unit).

use crate::model::{Paragraph, Report};
use crate::text::{Folded, Span};

pub struct Sentence<'a> {
    /// Folded text, whitespace dropped, and its characters (borrowed from
    /// the paragraph's: a sentence costs no copy).
    pub text: &'a str,
    pub chars: &'a [char],
    pub span: Span,
}

impl Sentence<'_> {
    pub fn has(&self, word: &str) -> bool {
        self.text.contains(word)
    }

    /// The char index of `word` at or after char `from`.
    pub fn find(&self, from: usize, word: &str) -> Option<usize> {
        let start = self.text.char_indices().nth(from).map_or(self.text.len(), |(b, _)| b);
        let at = start + self.text[start..].find(word)?;
        Some(from + self.text[start..at].chars().count())
    }
}

/// Calls `each` with the sentences of each paragraph in turn (split at
/// 。；！？): one paragraph's at a time, so that what they cost stays that
/// of the longest paragraph, not of the whole text.
pub fn each_paragraph(report: &Report, mut each: impl FnMut(&[Sentence])) {
    for p in report.paragraphs.iter() {
        let folded = Folded::new(p.text, 0);
        let chars: Vec<char> = folded.text.chars().collect();
        each(&split(&p, &folded, &chars));
    }
}

/// The sentences of one paragraph, slices of its folded text.
fn split<'a>(p: &Paragraph, folded: &'a Folded, chars: &'a [char]) -> Vec<Sentence<'a>> {
    // Spans are exact when the paragraph is the input's own text; from HTML
    // the sentence points at its paragraph.
    let exact = p.span.end - p.span.start == p.text.len();
    let to_span = |from: usize, to: usize| {
        if exact && to > from {
            let end = folded.origins[to - 1] as usize;
            let len = p.text[end..].chars().next().map_or(0, char::len_utf8);
            Span::new(p.span.start + folded.origins[from] as usize, p.span.start + end + len)
        } else {
            p.span
        }
    };
    let mut out = Vec::new();
    // The sentence from char `start`, byte `from`; `byte` is char `i`'s.
    let (mut start, mut from, mut byte) = (0, 0, 0);
    for i in 0..=chars.len() {
        let end = chars.get(i).is_none_or(|c| matches!(c, '。' | ';' | '!' | '?' | '！' | '？'));
        if end {
            if i > start {
                out.push(Sentence { text: &folded.text[from..byte], chars: &chars[start..i], span: to_span(start, i) });
            }
            start = i + 1;
            from = byte + chars.get(i).map_or(0, |c| c.len_utf8());
        }
        byte += chars.get(i).map_or(0, |c| c.len_utf8());
    }
    out
}

const CN: [char; 11] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// A count at `i`: Arabic digits, or a Chinese numeral up to 99 (`零`, `两`,
/// `十二`). Returns the value and its length in chars.
pub fn count_at(chars: &[char], i: usize) -> Option<(i64, usize)> {
    // Inside a run of digits (or after a decimal point) no count starts: said
    // before the run is measured, so scanning a long run position by position stays linear.
    if chars.get(i).is_some_and(char::is_ascii_digit) && i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.')
    {
        return None;
    }
    let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let v = chars[i..i + digits]
            .iter()
            .try_fold(0i64, |acc, c| acc.checked_mul(10)?.checked_add(c.to_digit(10)? as i64))?;
        return Some((v, digits));
    }
    let digit = |c: char| if c == '两' { Some(2) } else { CN.iter().position(|&d| d == c).map(|p| p as i64) };
    match (chars.get(i).copied().and_then(digit), chars.get(i + 1).copied().and_then(digit)) {
        (Some(10), Some(d)) if d < 10 => Some((10 + d, 2)),
        (Some(t), Some(10)) if t < 10 => match chars.get(i + 2).copied().and_then(digit) {
            Some(d) if d < 10 => Some((t * 10 + d, 3)),
            _ => Some((t * 10, 2)),
        },
        (Some(d), _) => Some((d, 1)),
        _ => None,
    }
}

/// The first `N<unit>` (e.g. `3件`) at or after `from`, within `within` chars:
/// its value and the index after it.
pub fn count_with_unit(s: &Sentence, from: usize, within: usize, units: &[char]) -> Option<(i64, usize)> {
    let end = (from + within).min(s.chars.len());
    (from..end).find_map(|i| {
        let (v, len) = count_at(s.chars, i)?;
        units.contains(s.chars.get(i + len)?).then_some((v, i + len + 1))
    })
}

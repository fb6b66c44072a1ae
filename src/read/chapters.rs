//! The six chapters: heading lines, numbered or not, in Markdown `#` or bold
//! `**`, in the official wording or a known variant (templates.md). A
//! numbered line is a heading when its wording names a chapter or its number is
//! the next one; an unnumbered line only when it is a chapter heading word for word.

use super::doc::{Row, Rows};
use crate::model::{Chapter, CHAPTERS};
use crate::text::is_bare;

/// Whether `bare` is the official wording of chapter `number` (1–6), number and punctuation left out.
fn is_standard(number: u8, bare: &str) -> bool {
    let Some(heading) = CHAPTERS.get(usize::from(number).wrapping_sub(1)) else { return false };
    heading.chars().skip(2).filter(|c| is_bare(*c)).eq(bare.chars())
}

/// Wordings seen in published reports (templates.md), bare.
const VARIANTS: &[(u8, &str)] = &[
    (4, "因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
    (4, "政府信息公开行政复议及行政诉讼情况"),
    (5, "政府信息公开工作存在的主要问题及改进情况"),
    (5, "存在的主要问题及改进举措"),
    (5, "存在问题及改进情况"),
    (5, "存在的问题和下一步工作打算"),
];

/// A heading is short; a longer line is a sentence.
const MAX_HEADING: usize = 32;

/// Words of what is to be done about the problems, which chapter 五's heading names with 问题.
const REMEDIES: &[&str] = &["改进", "措施", "举措", "打算", "计划", "整改", "下一步"];

/// The chapter a heading's wording names, by its key words.
fn named(bare: &str) -> Option<u8> {
    let has = |w: &str| bare.contains(w);
    if let Some(n) = (1..=6).find(|&n| is_standard(n, bare)) {
        return Some(n);
    }
    if let Some((k, _)) = VARIANTS.iter().find(|(_, v)| *v == bare) {
        return Some(*k);
    }
    if has("总体情况") || has("概述") || has("基本情况") {
        Some(1)
    } else if has("主动公开") && !has("申请") {
        Some(2)
    } else if has("收到和处理") || has("依申请公开") {
        Some(3)
    } else if has("行政复议") || has("行政诉讼") {
        Some(4)
    } else if has("问题") && REMEDIES.iter().any(|w| has(w)) {
        Some(5)
    } else if has("其他需要报告") || has("其他") && has("事项") {
        Some(6)
    } else {
        None
    }
}

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Reads the chapter headings among `rows`, skipping rows for which `skip` holds (tables).
pub fn read(rows: Rows, input: &str, skip: impl Fn(&Row) -> bool) -> Vec<Chapter> {
    let mut out: Vec<Chapter> = Vec::new();
    let mut next = 1;
    // Lines with text since the last heading.
    let mut since = 0;
    for r in rows.iter().filter(|r| !skip(r)) {
        let r = &r;
        if r.cells.iter().any(|c| c.is_value()) {
            since += 1;
            continue;
        }
        let Some(h) = heading(r) else {
            since += usize::from(!r.cells.is_empty());
            continue;
        };
        let standard_wording = h.named.is_some_and(|n| is_standard(n, &h.bare));
        let accept = match h.printed {
            Some(p) => h.named.is_some() || p == next,
            None => standard_wording || VARIANTS.iter().any(|(_, v)| *v == h.bare),
        };
        // The chapter's words again without a number, right under its heading
        // (a table's caption row, `主动公开政府信息情况 | |||`): no second chapter.
        let caption = h.printed.is_none() && out.last().is_some_and(|c| c.number == h.named && c.printed.is_some());
        if !accept || caption && since <= CAPTION_GAP {
            since += 1;
            continue;
        }
        // Where it is, and its text, only for a heading taken (most short lines are none).
        let Some(span) = super::source_span(input, r.folded.origins, h.start, h.end) else { continue };
        since = 0;
        if let Some(p) = h.printed {
            next = p + 1;
        }
        out.push(Chapter {
            number: h.named,
            printed: h.printed,
            heading: input[span.start..span.end].to_owned(),
            standard: standard_wording && h.printed == h.named,
            span,
        });
    }
    out
}

/// Lines with text, at most, between a heading and a caption repeating it.
const CAPTION_GAP: usize = 2;

struct Heading {
    printed: Option<u8>,
    named: Option<u8>,
    /// The words after the number, bare.
    bare: String,
    /// Where its text lies in the folded line (chars).
    start: usize,
    end: usize,
}

/// The shape of a heading: short, no sentence end, optionally numbered `一、`
/// and wrapped in Markdown marks. The number printed, the words after it
/// (bare), and where the heading's text lies in the folded line (chars).
fn shape(r: &Row) -> Option<(Option<u8>, String, usize, usize)> {
    let text = r.folded.text;
    // Longer than any heading with its marks and number: not one.
    if text.len() > 4 * (MAX_HEADING + 8) {
        return None;
    }
    // The marks are ASCII: as many chars as bytes, so `start` indexes both.
    let body = text.trim_start_matches(['#', '*', '>', '-']);
    let start = text.len() - body.len();
    let body = body.trim_end_matches(['*', '#']);
    if body.is_empty() || body.contains('。') {
        return None;
    }
    let mut chars = body.chars();
    let printed = match (chars.next(), chars.next()) {
        (Some(n), Some(',' | '.' | ':')) => NUMERALS.iter().position(|d| *d == n).map(|p| p as u8 + 1),
        _ => None,
    };
    let words = if printed.is_some() { chars.as_str() } else { body };
    let mut bare = String::with_capacity(words.len());
    bare.extend(words.chars().filter(|c| is_bare(*c)));
    if bare.is_empty() || bare.chars().count() > MAX_HEADING {
        return None;
    }
    Some((printed, bare, start, start + body.chars().count()))
}

/// The chapter a line is the heading of, by its words (for the table readers:
/// a table ends where the next chapter begins).
pub(super) fn names_chapter(r: &Row) -> Option<u8> {
    shape(r).and_then(|(_, bare, ..)| named(&bare))
}

/// Whether the line is chapter `n`'s heading with its number printed
/// (`二、主动公开政府信息情况`): where a table's chapter begins.
pub(super) fn heads_chapter(r: &Row, n: u8) -> bool {
    let numeral = NUMERALS[usize::from(n.clamp(1, 10)) - 1];
    let mut chars = r.folded.text.trim_start_matches(['#', '*', '>', '-']).chars();
    // Told by its first two chars before the words are looked at (asked of every line).
    chars.next() == Some(numeral)
        && matches!(chars.next(), Some(',' | '.' | ':'))
        && shape(r).is_some_and(|(printed, bare, ..)| printed == Some(n) && named(&bare) == Some(n))
}

/// A line that has the shape of a heading, with the chapter its words name.
fn heading(r: &Row) -> Option<Heading> {
    let (printed, bare, start, end) = shape(r)?;
    Some(Heading { printed, named: named(&bare), bare, start, end })
}

/// The chapter headings inside running text (a page collapsed onto one line):
/// each numbered heading found in order, each after the one before — in the
/// official wording or a known variant (one char may be mistyped), under
/// whatever number it is printed with (a report that adds a chapter numbers
/// the rest one higher); else a numbered heading whose key words name the
/// chapter (`五、存在的主要问题及改进措施`). For input whose lines hold no heading.
pub fn read_inline(stream: &super::tokens::Stream, input: &str) -> Vec<Chapter> {
    let mut out = Vec::new();
    let mut from = 0;
    for n in 1..=6u8 {
        let official: String = CHAPTERS[usize::from(n) - 1].chars().skip(2).filter(|c| is_bare(*c)).collect();
        let variants = VARIANTS.iter().filter(|(k, _)| *k == n).map(|(_, v)| (*v, false));
        // Where words found at `at..end` have a chapter's number before them: its start, end and number.
        let numbered = |standard: bool| {
            move |(at, end)| {
                number_before(stream, at).filter(|_| at >= from).map(|(p, start)| (start, end, p, standard))
            }
        };
        let found = std::iter::once((official.as_str(), true))
            .chain(variants)
            .filter_map(|(w, standard)| stream.find(w).find_map(numbered(standard)))
            .min();
        // Else the official words with one char mistyped (`…行政法复议…`): a heading, not a standard one.
        let near = || stream.find_near(&official).find_map(numbered(false));
        let Some((at, end, printed, standard)) = found.or_else(near).or_else(|| by_key_words(stream, from, n)) else {
            continue;
        };
        let span = stream.span(at, end);
        out.push(Chapter {
            number: Some(n),
            printed: Some(printed),
            heading: input[span.start..span.end].to_owned(),
            standard: standard && printed == n,
            span,
        });
        from = end;
    }
    out
}

/// The chapter number printed right before char `at` (`五、`, `五.`, `五`, not
/// `（五）`, a part's number): the number and the char it starts at.
fn number_before(stream: &super::tokens::Stream, at: usize) -> Option<(u8, usize)> {
    let chars = &stream.chars[..at.min(stream.chars.len())];
    let mut k = chars.len();
    while k > 0 && matches!(chars[k - 1], ',' | '.' | ' ') && chars.len() - k < 2 {
        k -= 1;
    }
    let numeral = k.checked_sub(1)?;
    let p = NUMERALS.iter().position(|&d| d == chars[numeral])?;
    (!numbers_a_part(chars, numeral)).then_some((p as u8 + 1, numeral))
}

/// Whether the numeral at char `at` is a part's (`（五）`, folded to `(`) or
/// one digit of a longer number (`十一`), not a chapter's.
fn numbers_a_part(chars: &[char], at: usize) -> bool {
    at.checked_sub(1).is_some_and(|b| chars[b] == '(' || NUMERALS.contains(&chars[b]))
}

/// Words a heading ends with (`…情况`, `…措施`); the heading runs on to one a few chars after its key words.
const ENDINGS: &[&str] = &["情况", "措施", "举措", "打算", "事项", "计划"];

/// The first numbered heading at or after char `from` whose key words name chapter
/// `n` (`named`), its words running up to a sentence mark, a digit or a part's
/// `（`: its start, end, and the number printed.
fn by_key_words(stream: &super::tokens::Stream, from: usize, n: u8) -> Option<(usize, usize, u8, bool)> {
    let chars = &stream.chars;
    (from..chars.len().saturating_sub(2)).find_map(|i| {
        let printed = NUMERALS.iter().position(|&d| d == chars[i])? as u8 + 1;
        // Numbered as the format does, or one off (a chapter added or left out before it).
        if printed + 1 < n || printed > n + 1 {
            return None;
        }
        let after_mark = matches!(chars[i + 1], ',' | '.');
        if !after_mark || numbers_a_part(chars, i) {
            return None;
        }
        let words = i + 2;
        let stop = |c: char| !is_bare(c) || c.is_ascii_digit();
        let most = chars.len().min(words + MAX_HEADING);
        let limit = (words..most).find(|&j| stop(chars[j])).unwrap_or(most);
        let text: String = chars[words..limit].iter().collect();
        // The whole words first: most numbered lines name no chapter, and prefixes cost more.
        if named(&text) != Some(n) {
            return None;
        }
        // The shortest words that name the chapter, then on to an ending a few chars further.
        let named_at = text.char_indices().map(|(b, c)| b + c.len_utf8()).find(|&b| named(&text[..b]) == Some(n))?;
        let ending =
            ENDINGS.iter().filter_map(|e| text.match_indices(e).map(|(b, _)| b + e.len()).find(|&end| end >= named_at));
        let near = |&end: &usize| text[named_at..end].chars().count() <= 6;
        let end_byte = ending.filter(near).min().unwrap_or(named_at);
        Some((i, words + text[..end_byte].chars().count(), printed, false))
    })
}

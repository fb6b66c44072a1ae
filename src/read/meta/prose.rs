//! A report that names itself in its opening sentences rather than in a
//! title line: 现形成《…年度报告》, 现将某镇2022年度…报告如下, 由某局编制.

use super::{chars_before, first_year, found_text, Picked, MAX_AGENCY, MAX_TITLE};
use crate::model::Found;
use crate::read::source_span;

/// Words before a report names itself in its opening sentence (`现将某镇2022年度…报告如下`).
const STATING: [&str; 7] = ["现将", "特编制", "现编制", "现向社会公布", "现公布", "特发布", "现发布"];

/// Lines before the body to search for the report naming itself in a sentence.
const PROSE_LINES: usize = 8;

/// A report with no title line may name itself in its opening sentences: its
/// title in 《》 (`现形成《某局2025年政府信息公开工作年度报告》`), or the agency
/// and year in `现将某镇2022年度政府信息公开工作报告如下`. The title (when quoted),
/// the agency (what stands before the year in it, unless it is 我镇, 本机关…)
/// and the year.
pub(super) fn named_in_prose(rows: &Picked, input: &str, body_start: usize) -> Option<NamedInProse> {
    let opening = rows.iter().take(PROSE_LINES).take_while(|r| r.span.start < body_start);
    opening.map(|r| r.fold(input)).find_map(|folded| {
        let chars: Vec<char> = folded.text.chars().collect();
        let quoted = (0..chars.len()).filter(|&i| chars[i] == '《').find_map(|open| {
            let close = open + 1 + chars[open + 1..].iter().take(MAX_TITLE + 1).position(|&c| c == '》')?;
            let inner: String = chars[open + 1..close].iter().collect();
            (inner.ends_with("报告") && inner.contains("公开")).then_some((open + 1, close))
        });
        // The verb that introduces the report, as a word of its own (after a
        // sentence break, not inside 发现公布): the clause after it names it.
        let stated = || {
            let clause_end = |at: usize| {
                let rest = chars[at..].iter().take(MAX_TITLE + 8);
                at + rest.clone().position(|&c| matches!(c, ',' | '。' | ':' | ';')).unwrap_or(rest.count())
            };
            // Char positions where a verb starts, in one pass (a line may be long).
            let verbs: Vec<Vec<char>> = STATING.iter().map(|v| v.chars().collect()).collect();
            let starts = (0..chars.len()).flat_map(|at| {
                let here = &chars[at..];
                verbs.iter().filter(move |v| here.starts_with(v)).map(move |v| (at, v.len()))
            });
            let mut found: Vec<(usize, usize)> = starts
                .filter(|&(at, _)| at == 0 || !crate::text::is_bare(chars[at - 1]))
                .map(|(at, n)| (at + n, clause_end(at + n)))
                .filter(|&(from, end)| {
                    let inner: String = chars[from..end].iter().collect();
                    inner.contains("报告") && inner.contains("公开")
                })
                .collect();
            found.sort_unstable();
            found.first().copied()
        };
        // `本报告…由某局编制`: the agency alone.
        let compiled_by = || {
            let end = chars_before(&folded.text, "编制")?;
            let from = chars[..end].iter().rposition(|&c| c == '由')? + 1;
            let name: String = chars[from..end].iter().collect();
            let agency =
                (name.chars().all(is_name_char) && !names_no_one(&name) && (2..=MAX_AGENCY).contains(&(end - from)))
                    .then(|| source_span(input, &folded.origins, from, end))
                    .flatten()?;
            Some((None, Some(found_text(input, agency)), None))
        };
        // (from, to): the title's chars, or the clause's (no title); where the year is looked for.
        let (from, to, title) = match quoted {
            Some((from, to)) => (from, to, true),
            None => match stated() {
                Some((from, end)) => (from, end, false),
                None => return compiled_by(),
            },
        };
        let (year, y) = first_year(&chars[from..to])?;
        let year_at = from + y;
        let title = title.then(|| source_span(input, &folded.origins, from, to)).flatten();
        // A mirror site's words glued before the name are no part of it.
        let begin = year_at - chars[from..year_at].iter().rev().take_while(|c| is_name_char(**c)).count();
        let name: String = chars[begin..year_at].iter().collect();
        let agency = (!names_no_one(&name) && year_at > begin && year_at - begin <= MAX_AGENCY)
            .then(|| source_span(input, &folded.origins, begin, year_at))
            .flatten();
        let year_span = source_span(input, &folded.origins, year_at, year_at + 4)?;
        Some((
            title.map(|s| found_text(input, s)),
            agency.map(|s| found_text(input, s)),
            Some(Found { value: year, span: year_span }),
        ))
    })
}

/// A char of an agency's name: ideographs, and brackets (`高新区（新市区）`).
fn is_name_char(c: char) -> bool {
    crate::text::is_ideograph(c) || matches!(c, '(' | ')')
}

/// Words that stand where an agency's name would and name none: 我镇, 本机关,
/// 全县 (本溪市… is a name).
fn names_no_one(name: &str) -> bool {
    name.starts_with('我') || name.chars().count() <= 3 && name.starts_with(['本', '全'])
}

pub(super) type NamedInProse = (Option<Found<String>>, Option<Found<String>>, Option<Found<i32>>);

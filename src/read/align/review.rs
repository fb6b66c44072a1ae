//! The review table (四) in collapsed text: printed as three labelled rows of
//! five, aligned as every table is; or as its format prints it, one row of
//! fifteen values after its heading, placed as one aligned row of all its cells.

use super::{align, place, Candidate, FOUND};
use crate::model::{ReadNote, Table, TableKind, TemplateId};
use crate::read::tokens::Stream;

/// Bare chars of header between the review table's caption and its values, at most.
const REVIEW_HEADER: usize = 160;

/// The review table printed as three labelled rows of five (`print::REVIEW_BY_ROW`),
/// aligned as the other tables are: when at least two of its rows bring values.
pub(super) fn by_rows(s: &Stream, template: TemplateId, from: usize, notes: &mut Vec<ReadNote>) -> Option<Table> {
    let chain = align(s, template, TableKind::Review, from)?;
    // Printed as one row of 15, its labels stand in the heading with no value after them.
    let with_values = chain.iter().filter(|c| !c.run.groups.is_empty() && c.run.groups.len() <= 5).count();
    // The rows stand under the outcomes' header (a sentence naming 行政复议
    // and 直接起诉 with counts has none), with no sentence end between them.
    let (first, last) = (chain.first()?, chain.last()?);
    let header: String = s.chars[first.start.saturating_sub(REVIEW_HEADER)..first.start].iter().collect();
    let headed = REVIEW_WORDS.iter().any(|w| header.contains(w));
    let sentence = s.chars[first.start..last.run.end.max(last.label_end)].iter().any(|&c| c == '。' || c == '；');
    if with_values < 2 || !headed || sentence {
        return None;
    }
    let (table, mut n) = place(s, template, TableKind::Review, chain, false);
    notes.append(&mut n);
    Some(table)
}

/// Words of the review table's header, one of which stands between 行政复议
/// and its values (a sentence that names 行政复议 before a number has none).
const REVIEW_WORDS: [&str; 5] = ["维持", "纠正", "其他结果", "审结", "总计"];

/// The review table printed as one line of 15 values after its header (行政复议
/// … 总计): the first values within [`REVIEW_HEADER`] chars of a caption, with
/// a header word before them.
pub(super) fn one_row(s: &Stream, template: TemplateId, from: usize, notes: &mut Vec<ReadNote>) -> Option<Table> {
    for (start, end) in s.find("行政复议").filter(|&(at, _)| at >= from) {
        let Some(at) = s.values_start(end, REVIEW_HEADER) else { continue };
        let header: String = s.chars[end..at].iter().collect();
        if !REVIEW_WORDS.iter().any(|w| header.contains(w)) {
            continue;
        }
        let run = s.run(at);
        if run.groups.is_empty() {
            continue;
        }
        let chain =
            vec![Candidate { row: 0, word: "行政复议", start, label_end: at, run, valued: true, score: FOUND }];
        let (table, mut n) = place(s, template, TableKind::Review, chain, true);
        notes.append(&mut n);
        return Some(table);
    }
    None
}

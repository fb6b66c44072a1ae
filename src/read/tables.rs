//! Finds the three tables in the rows and reads each with the table engine:
//! `active` (二), `requests` (三) and `review` (四), each in the layout of the
//! template its own labels show.

use super::doc::{Cell, CellKind, Row, Rows};
use super::{chapters, table};
use crate::model::template::REVIEW_AS_ONE_ROW;
use crate::model::{CellValue, ReadNote, Table, TableKind, Tables, TemplateId};
use crate::text::layout::Separator;
use crate::text::Span;

/// A row label longer than this is a paragraph of text, not a table row.
const MAX_LABEL: usize = 80;

/// A column head's bare text at most, in bytes (`未经复议直接起诉`: eight ideographs).
const MAX_HEAD_BYTES: usize = 8 * 3;

/// Whether any of `words` is in the rows' text, also across line breaks (split labels).
fn contains_any(rows: Rows, words: &[&str]) -> bool {
    let text: String = rows.iter().map(|r| r.folded.text).collect();
    words.iter().any(|w| text.contains(w))
}

fn find(rows: Rows, from: usize, pred: impl Fn(&Row) -> bool) -> Option<usize> {
    rows.iter().skip(from).position(|r| pred(&r)).map(|i| i + from)
}

fn short_label_with(r: &Row, word: &str) -> bool {
    let label = &r.label;
    label.text.contains(word) && label.text.chars().count() <= MAX_LABEL
}

const ONLY_2019: &[TemplateId] = &[TemplateId::Y2019];
const ONLY_2021: &[TemplateId] = &[TemplateId::Y2021];
const EITHER: &[TemplateId] = &[TemplateId::Y2019, TemplateId::Y2021];

/// Lines above a table's first row looked at for its column heads (a header of three or four lines, wrapped).
const HEAD_LINES: usize = 12;

/// Lines tried as a table's first row, at most (a report has one or two).
const MAX_STARTS: usize = 8;

/// The table `kind` read from whichever of the `starts` reads best (`Read::score`;
/// on a tie, the nearer to its first row), each up to `end(start)`: not the
/// first line that holds a row's word, which may be a wrapped sentence of the text.
fn best(
    rows: Rows,
    starts: Vec<usize>,
    end: impl Fn(usize) -> usize,
    templates: impl Fn(Rows) -> &'static [TemplateId],
    kind: TableKind,
) -> Option<(usize, table::Read)> {
    let mut best: Option<(usize, table::Read)> = None;
    for start in starts {
        // A line that is no row's label, among the rows of the best table so
        // far (a section header of table 二), starts only part of it.
        let label = &rows.at(start).label.text;
        let formats = [TemplateId::Y2019, TemplateId::Y2021].map(|t| t.template().table(kind));
        let row_label = formats.iter().flat_map(|d| d.rows).any(|r| r.words.iter().any(|w| label.contains(w)));
        if !row_label && best.as_ref().is_some_and(|(at, b)| b.covers(start - at)) {
            continue;
        }
        let region = rows.slice(start..end(start).max(start));
        // The lines above its first row, where a space-aligned table prints its column heads.
        let above = rows.slice(start.saturating_sub(HEAD_LINES)..start);
        // In each layout its words allow: both where it prints both formats'
        // header words (a 2019 第（一）项 above 2021 sections) or neither.
        for &template in templates(region) {
            let read = table::read(region, above, template, template.template().table(kind));
            let better = |b: &table::Read| match read.score().total_cmp(&b.score()) {
                std::cmp::Ordering::Equal => read.lead() < b.lead(),
                order => order.is_gt(),
            };
            if read.last.is_some() && best.as_ref().is_none_or(|(_, b)| better(b)) {
                best = Some((start, read));
            }
        }
    }
    best
}

/// The first [`MAX_STARTS`] lines from line `from` before line `before` that `pred` accepts.
fn starts(rows: Rows, from: usize, before: usize, pred: impl Fn(&Row) -> bool) -> Vec<usize> {
    (from..before.min(rows.len())).filter(|&i| pred(&rows.at(i))).take(MAX_STARTS).collect()
}

/// The lines a table may start at, from `candidates(from)`: after its chapter's
/// heading where the heading is a line of its own and any follow it (the
/// table stands in its chapter: a wrapped sentence of the chapters above,
/// `全年主动公开市政府规章 22 件、…`, is none of its lines), else anywhere.
fn in_chapter(heading: Option<usize>, candidates: impl Fn(usize) -> Vec<usize>) -> Vec<usize> {
    match heading.map(|h| candidates(h + 1)) {
        Some(after) if !after.is_empty() => after,
        _ => candidates(0),
    }
}

pub fn read(rows: Rows, input: &str, notes: &mut Vec<ReadNote>) -> Tables {
    let mut tables = Tables::default();
    let heading = |n: u8| find(rows, 0, |r| chapters::heads_chapter(r, n));
    let requests_end = |start: usize| find(rows, start, |r| r.folded.text.contains("行政复议")).unwrap_or(rows.len());
    let own_2021 = TemplateId::Y2021.template().requests.own_words;
    let requests_format = |region: Rows| if contains_any(region, own_2021) { ONLY_2021 } else { ONLY_2019 };
    let requests = best(
        rows,
        in_chapter(heading(3), |from| starts(rows, from, rows.len(), |r| short_label_with(r, "新收"))),
        requests_end,
        requests_format,
        TableKind::Requests,
    );
    let active_end = requests.as_ref().map_or(rows.len(), |(start, _)| *start);
    let active_format = |region: Rows| {
        let says = |words: &[&str]| contains_any(region, words);
        let [new, old] = [TemplateId::Y2021, TemplateId::Y2019].map(|t| says(t.template().active.own_words));
        match (new, old) {
            (true, false) => ONLY_2021,
            (false, true) => ONLY_2019,
            _ => EITHER,
        }
    };
    // The table begins at its first section's line (第二十条第（一）项), or,
    // where that line is left out, at the header or the first row before the
    // first such line (the later sections' lines are still printed).
    let section = |r: &Row| short_label_with(r, "第二十条");
    let first_section = find(rows, 0, section).filter(|&i| i < active_end).unwrap_or(active_end);
    let head = |r: &Row| short_label_with(r, "规章") || short_label_with(r, "信息内容");
    let active_starts = in_chapter(heading(2), |from| {
        let mut starts_at = starts(rows, from, first_section, head);
        starts_at.truncate(MAX_STARTS / 2);
        starts_at.extend(starts(rows, from, active_end, section));
        starts_at.truncate(MAX_STARTS);
        starts_at
    });
    let active = best(rows, active_starts, |_| active_end, active_format, TableKind::Active);
    // The review table follows the tables found before it.
    let mut review_from = 0;
    if let Some((start, read)) = active {
        let region = rows.slice(start..active_end);
        let (mut table, mut n, last) = (read.table, read.notes, read.last.unwrap_or(0));
        review_from = start + last + 1;
        table.span = Span::new(region.at(0).span.start, region.at(last).span.end);
        let text: String = region.slice(0..last + 1).iter().map(|r| r.folded.text).collect();
        table.money_unit = ["万元", "元"].into_iter().find(|u| text.contains(u));
        tables.active = Some(table);
        notes.append(&mut n);
    }
    if let Some((start, read)) = requests {
        let region = rows.slice(start..requests_end(start));
        let (mut table, mut n, last) = (read.table, read.notes, read.last.unwrap_or(0));
        let head = header_start(rows, start);
        table.span = Span::new(rows.at(head).span.start, region.at(last).span.end);
        tables.requests = Some(table);
        notes.append(&mut n);
        review_from = start + last + 1;
    }
    // The review table is the same in both formats: it follows the other tables.
    let template = tables.active.as_ref().or(tables.requests.as_ref()).map_or(TemplateId::Y2019, |t| t.template);
    let mut one_row = Vec::new();
    let review = read_review(rows, input, review_from, template, &mut one_row);
    // Printed as three labelled rows of five, it is read as the other tables are.
    let review_end = |start: usize| {
        let next = |r: &Row| r.prose || chapters::names_chapter(r).is_some_and(|n| n != 4);
        find(rows, start + 1, next).unwrap_or(rows.len())
    };
    let by_row = best(
        rows,
        // The caption names 行政复议 too, with 行政诉讼: it is no row.
        (review_from..rows.len())
            .filter(|&i| {
                let r = rows.at(i);
                short_label_with(&r, "行政复议") && !r.label.text.contains("诉讼")
            })
            .take(MAX_STARTS)
            .collect(),
        review_end,
        |_| if template == TemplateId::Y2021 { ONLY_2021 } else { ONLY_2019 },
        TableKind::Review,
    );
    match by_row {
        // Each row by its label, where the first row's values stand before the
        // second row's label (printed as one row of 15, the labels stand in its
        // heading and every value after the last) and that finds as many cells.
        Some((start, read))
            if by_labels(&read, rows.slice(start..rows.len()))
                && review.as_ref().is_none_or(|t| super::missing(&read.table) <= super::missing(t)) =>
        {
            let (mut table, mut n, last) = (read.table, read.notes, read.last.unwrap_or(0));
            table.span = Span::new(rows.at(start).span.start, rows.at(start + last).span.end);
            tables.review = Some(table);
            notes.append(&mut n);
        }
        _ => {
            tables.review = review;
            notes.append(&mut one_row);
        }
    }
    tables
}

/// Whether the review table read row by row holds values of its first row
/// before the label of the next: it is printed as labelled rows.
fn by_labels(read: &table::Read, region: Rows) -> bool {
    let Some(&second) = read.anchors.get(1) else { return false };
    let next_label = region.at(second).span.start;
    let mut first = read.table.cells.first().into_iter().flatten();
    first.any(|c| matches!(c.value, CellValue::Number(_)) && c.span.is_some_and(|s| s.start < next_label))
}

/// The requests table's header lines (申请人情况, 自然人, 商业企业 …) above its first row.
fn header_start(rows: Rows, first: usize) -> usize {
    const HEADER: &[&str] =
        &["自然人", "法人", "申请人", "商业企业", "科研机构", "公益", "法律服务", "勾稽", "总计", "其他"];
    let mut start = first;
    for i in (first.saturating_sub(12)..first).rev() {
        let r = &rows.at(i);
        let label = &r.label;
        if r.prose {
            break;
        }
        if label.is_empty() {
            continue;
        }
        if label.text.chars().count() > MAX_LABEL || !HEADER.iter().any(|w| label.text.contains(w)) {
            break;
        }
        start = i;
    }
    start
}

/// The review table as its format prints it: one row of 15 values (行政复议,
/// 未经复议直接起诉 and 复议后起诉, five each) under its caption and heading,
/// whose heads (often one character per line) are text. Its lines run from
/// the caption to the next chapter or running text; the engine reads them
/// as one row of [`REVIEW_AS_ONE_ROW`], laid out then as the table's three.
fn read_review(rows: Rows, input: &str, from: usize, template: TemplateId, notes: &mut Vec<ReadNote>) -> Option<Table> {
    // A caption or header line, not a sentence that mentions 行政复议.
    let caption = |r: &Row| {
        let t = r.folded.text;
        t.contains("行政复议") && !t.contains('。') && r.label.text.chars().count() <= MAX_LABEL / 2
    };
    let start = find(rows, from, caption)?;
    // Up to 60 lines that hold a value or words: a browser's copy puts an
    // empty line, or a line of only the cell's tab, after every cell.
    let holds = |r: &Row| r.cells.iter().any(|c| c.kind() != CellKind::Empty);
    let window = rows.slice(start..rows.len()).iter().enumerate().filter(|(_, r)| holds(r)).nth(60);
    let limit = window.map_or(rows.len(), |(k, _)| start + k);
    // It ends at running text, or at the next chapter's heading; a long line of
    // short heads in cells (a merged head repeated in every column it spans:
    // `| 未经复议直接起诉 | 未经复议直接起诉 | …`) is its header, not text.
    let heads = |r: &Row| {
        let short = |c: &super::doc::Cell| c.kind() != CellKind::Text || c.bare().len() <= MAX_HEAD_BYTES;
        matches!(r.sep, Separator::Pipe | Separator::Tab) && r.cells.iter().all(short)
    };
    // A note under the caption (`注：行政复议、行政诉讼数量含上年度结转数量。`) is
    // no running text (a sentence's line keeps no folded text: it is read from the input).
    let note = |r: &Row| {
        let t = input.get(r.span.start..r.span.end).unwrap_or("").trim_start();
        t.strip_prefix("备注").or_else(|| t.strip_prefix("注")).is_some_and(|rest| rest.starts_with([':', '：']))
    };
    let ends = |r: &Row| {
        let long = r.label.text.chars().count() > MAX_LABEL && !heads(r);
        (r.prose && !note(r)) || long || chapters::names_chapter(r).is_some_and(|n| n != 4)
    };
    let end = (start + 1..limit).find(|&i| ends(&rows.at(i))).unwrap_or(limit);
    // A bare `无` under the heading (no case, no table) is text, not a cell.
    let region = rows.slice(start..end);
    let values: Vec<Cell> = region.iter().flat_map(|r| r.values()).cloned().collect();
    if matches!(&values[..], [only] if only.kind() == CellKind::Placeholder) {
        return None;
    }
    // Read as the format prints it, one row of fifteen under its heading,
    // by the engine every table is read with; then laid out as its three rows.
    let read = table::read(region, rows.slice(start..start), template, &REVIEW_AS_ONE_ROW);
    let last = read.last?;
    // Its heading alone, no value under it: no table read.
    let none = |c: &crate::model::Cell| matches!(c.value, CellValue::Missing | CellValue::Blank);
    if read.table.cells.iter().flatten().all(none) {
        return None;
    }
    let mut out = in_its_rows(read.table);
    out.span = Span::new(rows.at(start).span.start, region.at(last).span.end);
    notes.extend(read.notes);
    Some(out)
}

/// A table read in other rows than its own (`REVIEW_AS_ONE_ROW`), its cells
/// laid out in its own rows, in order.
fn in_its_rows(read: Table) -> Table {
    let mut out = Table::empty(read.template, read.def.kind);
    let cells = read.cells.into_iter().flatten();
    let slots = out.def.rows.iter().enumerate().flat_map(|(r, row)| (0..row.cols.len()).map(move |c| (r, c)));
    for ((r, c), cell) in slots.zip(cells) {
        out.cells[r][c] = cell;
    }
    out
}

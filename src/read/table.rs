//! One engine for every table: anchors template rows on their labels, in
//! template order, and places the values that follow each label into the
//! row's columns (`place`) — by position where the layout keeps positions (tabs, pipes,
//! aligned spaces), in sequence otherwise. It reports rather than guesses
//! silently: extra values and positional guesses become notes.

use super::doc::{Cell as DocCell, CellKind, Rows};
use super::place::{is_value, Pending};
use crate::model::{CellValue, NoteKind, ReadNote, Table, TableDef, TemplateId};
use crate::text::layout::Separator;
use crate::text::Span;
pub(super) use lines::is_empty_cell_line;
use lines::{is_number_words, names_heads, stacked_row, takes_more, text_in_value_columns, unlabeled, words_first};
use placed::placed;
use std::ops::Range;
use wrapped::wrapped_row;

mod by_order;
mod lines;
mod placed;
mod wrapped;

/// Rows after the last one found whose words are tried one char off.
const MISTYPED_AHEAD: usize = 3;

/// Lines above or below its values a wrapped label may take.
const MAX_PIECES: usize = 16;

/// A table read from a region of lines.
pub struct Read {
    pub table: Table,
    pub notes: Vec<ReadNote>,
    /// The last line used (`None` when no row label was found).
    pub last: Option<usize>,
    /// The line each row was found on, in order.
    pub anchors: Vec<usize>,
    /// The first row was found where its official label is not printed.
    first_approximate: bool,
    /// Times a row's word stood as a label line of its own below values.
    below_own_lines: usize,
}

/// Lines between consecutive rows that cost nothing (a wrapped label, values a
/// line each, a page break), and what each line beyond costs, in rows.
const FREE_GAP: usize = 8;
const GAP_COST: f64 = 0.02;
/// What a row found by a word where its official label is not printed costs,
/// in rows: only enough to tell two readings that are otherwise alike (labels
/// wrapped over lines are found by a word too).
const LABEL_COST: f64 = 0.01;

impl Read {
    /// How much the reading looks like the table: its rows, each by the share
    /// of its cells read, less the lines that stand between them and the rows
    /// whose label was not the official one. A stray line holding a row's word
    /// (a PDF-wrapped sentence) wins that one row at a cost: the distance to
    /// the rest, its few values, its label.
    pub fn score(&self) -> f64 {
        let def = self.table.def;
        let read = |r: usize| self.table.cells[r].iter().filter(|c| c.value != CellValue::Missing).count();
        let rows: f64 = (0..def.rows.len()).map(|r| read(r) as f64 / def.rows[r].cols.len().max(1) as f64).sum();
        let gaps: usize = self.anchors.windows(2).map(|w| (w[1] - w[0]).saturating_sub(FREE_GAP)).sum();
        let labels = self.notes.iter().filter(|n| matches!(n.kind, NoteKind::Label { .. })).count();
        rows - GAP_COST * gaps as f64 - LABEL_COST * labels as f64
    }

    /// Whether line `at` of the region lies among the rows read, with no
    /// long gap around it, and the first row was found by its own label: a
    /// line there (a section header of table 二) starts no better reading.
    /// After a stray line that took the first row, or in a gap, it may.
    pub fn covers(&self, at: usize) -> bool {
        let i = self.anchors.partition_point(|&a| a < at);
        let within = match (i.checked_sub(1).map(|k| self.anchors[k]), self.anchors.get(i)) {
            (Some(before), Some(&after)) => after - before <= FREE_GAP,
            (Some(_), None) => self.last.is_some_and(|last| at <= last),
            _ => false,
        };
        within && !self.first_approximate
    }

    /// Cells left without a value (missing or blank) and values of the text
    /// left unused (extra, unplaced): what a wrong layout leaves over.
    fn unread(&self) -> usize {
        let empty =
            self.table.cells.iter().flatten().filter(|c| matches!(c.value, CellValue::Missing | CellValue::Blank));
        let unused = self.notes.iter().map(|n| match &n.kind {
            NoteKind::ExtraValues { dropped } | NoteKind::Unplaced { dropped, .. } => dropped.len(),
            _ => 0,
        });
        empty.count() + unused.sum::<usize>()
    }

    /// Lines from the region's start to its first row (of two readings that
    /// score the same, the one that starts at the table's own header is nearer).
    pub fn lead(&self) -> usize {
        self.anchors.first().copied().unwrap_or(usize::MAX)
    }
}

/// Reads the rows of `def` (a table of `template`, or the rows it is read in:
/// `REVIEW_AS_ONE_ROW`) from `rows`, its first row the first of them; `above`:
/// the lines just before, where its column heads may stand. Where a row's word
/// stood as a label line of its own below values (which of two layouts, the
/// text alone does not tell), also with labels over their values; the better reading.
pub fn read(rows: Rows, above: Rows, template: TemplateId, def: &'static TableDef) -> Read {
    let mut best = read_as(rows, above, template, def, false);
    if best.below_own_lines > 0 {
        let other = read_as(rows, above, template, def, true);
        if other.unread() < best.unread() {
            best = other;
        }
    }
    // A row with no value at all, and values unused: maybe its label stood
    // apart from its values; read by their order too.
    let row_unread = |r: &Read| {
        let none = |c: &crate::model::Cell| matches!(c.value, CellValue::Missing | CellValue::Blank);
        r.table.cells.iter().any(|row| row.iter().all(none))
    };
    // Only where reading by labels left values unused: else no line is left for the order to place.
    let unused =
        |r: &Read| r.notes.iter().any(|n| matches!(n.kind, NoteKind::Unplaced { .. } | NoteKind::ExtraValues { .. }));
    if best.last.is_some() && row_unread(&best) && unused(&best) {
        let order = by_order::read(rows, best.table.def);
        let mut notes = order.notes;
        let table = placed(rows, above, Table::empty_as(template, def), &order.pending, &mut notes);
        let (last, anchors) = (order.anchors.last().copied(), order.anchors);
        let other = Read { table, notes, last, anchors, first_approximate: false, below_own_lines: 0 };
        if other.unread() < best.unread() {
            best = other;
        }
    }
    best
}

/// Reads `def`'s rows from `rows`; `labels_over_values`: a row word on a line
/// of its own below values is the next row's label, not theirs.
fn read_as(rows: Rows, above: Rows, template: TemplateId, def: &'static TableDef, labels_over_values: bool) -> Read {
    let table = Table::empty_as(template, def);
    let def = table.def;
    let mut pending: Vec<Pending> = Vec::new();
    let mut cursor = 0;
    let mut last = None;
    // A line's label, made as it is looked at (a list of them would cost more than short lines do).
    let label_of = |i: usize| rows.get(i).map(|r| r.head());
    let labels_of = |lines: Range<usize>| lines.filter_map(label_of);
    let words: Vec<&'static [&'static str]> = def.rows.iter().map(|r| r.words).collect();
    let has_values = |i: usize| rows.get(i).is_some_and(|r| r.cells.iter().any(is_value));
    let find = |label: &str, cursor: usize| {
        let word = |k: usize| words[k].iter().find(|w| label.contains(*w)).map(|w| (k, *w));
        (!label.is_empty()).then(|| (cursor..words.len()).find_map(word)).flatten()
    };
    // A label holding no row's word, with values: one of the next rows'
    // words with one char mistyped, or its label cut short (recorded as an
    // approximate label).
    let mistyped = |label: &str, cursor: usize| {
        let chars: Vec<char> = label.chars().collect();
        let word = |k: usize| {
            let typo = words[k].iter().find(|w| super::labels::one_off(&chars, w)).map(|w| (k, *w));
            typo.or_else(|| super::labels::truncated(label, &def.rows[k]).then(|| (k, words[k][0])))
        };
        (cursor..words.len().min(cursor + MISTYPED_AHEAD)).find_map(word)
    };
    let mut label_notes = Vec::new();
    // Lines with a label no row has and values, below the last row found:
    // kept once another row follows (they stood inside the table), else dropped.
    let mut strays: Vec<ReadNote> = Vec::new();
    let mut anchors = Vec::new();
    let mut first_approximate = false;
    // Lines of values alone that no row took, since the last line with text:
    // a row whose label was not printed, when the next row found skips one.
    let mut orphans: Vec<&DocCell> = Vec::new();
    let widest = def.rows.iter().map(|r| r.cols.len()).max().unwrap_or(0);
    let mut orphans_at: Option<(usize, Span)> = None;
    // The tab or pipe line they came from, while they come from one: its cells keep their places.
    let mut orphan_line: Option<(Span, Vec<&DocCell>, Separator)> = None;
    let mut below_own_lines = 0;
    // The first line after the last one that matched a row or held values: the
    // lines from there on may hold pieces of a label wrapped over several lines.
    let mut since = 0;
    // The last header row of cells (all text) ended in one head repeated.
    let mut head_repeats = false;
    for (i, r) in rows.iter().enumerate() {
        if matches!(r.sep, Separator::Pipe | Separator::Tab)
            && r.cells.len() >= 2
            && r.cells.iter().all(|c| c.kind() == CellKind::Text)
        {
            let head = |c: &DocCell| r.label.text.get(c.bare()).unwrap_or("");
            let n = r.cells.len();
            head_repeats = !head(&r.cells[n - 1]).is_empty() && head(&r.cells[n - 1]) == head(&r.cells[n - 2]);
        }
        // A row of column heads names rows and columns in its cells: no row's label.
        let label = if names_heads(&r, def) { "" } else { r.head() };
        let values_here = has_values(i);
        // Values on its line, or alone on the next (one cell per line).
        let valued = values_here || (label_of(i + 1).is_some_and(|l| l.is_empty()) && has_values(i + 1));
        // A row known by its whole label only (`其他` for 3.其他), with values on its line.
        let whole = |k: usize| def.rows[k].alone.iter().find(|w| label == **w);
        let alone = || values_here.then(|| (cursor..words.len()).find_map(|k| whole(k).map(|w| (k, *w)))).flatten();
        let mut matched =
            find(label, cursor).or_else(|| valued.then(|| mistyped(label, cursor)).flatten()).or_else(alone);
        // An earlier row's own label (its official words) with values, that row
        // not read yet: the text put rows out of order (a PDF's text flow puts
        // a later row's label above them). It claims its row; the cursor stays.
        let mut out_of_order = None;
        if matched.is_none() && values_here && !label.is_empty() {
            // Its official words, or a word of it as the whole label (2019's 规范性文件 for 行政规范性文件): no sentence.
            let own = |k: usize| {
                let word = words[k].iter().find(|w| label.contains(*w))?;
                let whole = label.chars().filter(|&c| crate::text::is_bare(c)).count() == word.chars().count();
                (whole || super::labels::approximate(label, &def.rows[k], word).is_none()).then_some((k, *word))
            };
            matched = (0..cursor).filter(|&k| pending.iter().all(|p| p.row != k)).find_map(own);
            // Below the furthest row read so far.
            out_of_order = matched.and(cursor.checked_sub(1).map(|c| def.rows[c].key));
        }
        let mut wrapped = None;
        // A row whose label stood alone (numbers on the next line, its label
        // maybe wrapped onto the lines between) takes these values.
        let awaited = pending.last().is_some_and(|p| !p.has_values());
        // A line of values alone, while the row above still lacks some: its
        // label stood alone on its line (one cell per line), or the row is on
        // the line just above (its first value glued to its label, the rest
        // one per line: MuPDF).
        let more = label.is_empty()
            && pending
                .last()
                .is_some_and(|p| p.value_count() < def.rows[p.row].cols.len() && (p.label_alone() || since == i));
        if matched.is_none() && values_here && !awaited && !more {
            // A label wrapped around its values: its pieces are on the lines
            // above and below that hold no values (PDF tables with narrow columns).
            let above: String = labels_of(since.max(i.saturating_sub(MAX_PIECES))..i).collect();
            let end = (i + 1..rows.len().min(i + 1 + MAX_PIECES)).find(|&j| has_values(j));
            let below_lines = (i + 1).min(rows.len())..end.unwrap_or(rows.len().min(i + 1 + MAX_PIECES));
            let below: String = labels_of(below_lines.clone()).collect();
            matched = wrapped_row(&above, label, &below, &words[cursor..]).map(|(k, w)| (cursor + k, w));
            // The row's word on a label line of its own below the values: the
            // label printed under its values, or (labels over their values, one
            // cell per line) the next row's label, these values' own not printed.
            // Read the first way; the second where it reads more of the table (`read`).
            let own_line = |w: &str| {
                !above.contains(w)
                    && labels_of(below_lines.clone())
                        .any(|l| l.contains(w) && l.chars().count() <= w.chars().count() + 4)
            };
            if matched.is_some_and(|(_, w)| own_line(w)) {
                below_own_lines += 1;
                if labels_over_values {
                    matched = None;
                }
            }
            wrapped = Some(format!("{above}{label}{below}"));
        }
        // An empty line holds no piece of a label: the line before it still counts as just above.
        if matched.is_some() || values_here || (since == i && r.cells.is_empty()) {
            since = i + 1;
        }
        let label_end = r.cells.iter().position(is_value).unwrap_or(r.cells.len());
        if let Some((k, _)) = matched.filter(|_| wrapped.is_none()) {
            // A row found by its own label right after one it skipped: the values
            // no row took just above are the skipped row's, its label not printed.
            let skipped = k.checked_sub(1).filter(|&j| j == cursor).map(|j| (j, def.rows[j].cols.len()));
            if let (Some((j, cols)), Some((line, span))) = (skipped, orphans_at) {
                if orphans.len() <= cols {
                    let p = unlabeled(j, orphan_line.take(), &orphans, span, cols, head_repeats);
                    orphans.clear();
                    pending.push(p);
                    label_notes.append(&mut strays);
                    let kind = NoteKind::Unlabeled;
                    label_notes.push(ReadNote { table: def.kind, row: def.rows[j].key, kind, span });
                    anchors.push(line);
                }
            } else if let (Some(j), Some((_, span))) = (k.checked_sub(1), orphans_at) {
                // The row before it was found by a label alone on its line and
                // took no values (its label stood apart, above another row's
                // line: a PDF's text flow): the values alone just above are its own.
                let apart = pending.iter_mut().find(|p| p.row == j && p.label_alone() && p.slot_count() == 0);
                if let Some(p) = apart.filter(|_| orphans.len() <= def.rows[j].cols.len()) {
                    p.add_later(orphans.drain(..));
                    label_notes.append(&mut strays);
                    let kind = NoteKind::ApartFromLabel;
                    label_notes.push(ReadNote { table: def.kind, row: def.rows[j].key, kind, span });
                }
            }
        }
        if matched.is_some() || !r.label.text.is_empty() {
            // Values alone that no row took: said so (once a row follows), not dropped unseen.
            if let (Some(p), Some((_, span))) = (pending.last(), orphans_at.filter(|_| !orphans.is_empty())) {
                let dropped = orphans.iter().filter_map(|c| match c.kind() {
                    CellKind::Number(n) => Some((n, c.span())),
                    _ => None,
                });
                let kind = NoteKind::Unplaced { printed: String::new(), dropped: dropped.collect() };
                strays.push(ReadNote { table: def.kind, row: def.rows[p.row].key, kind, span });
            }
            orphans.clear();
            orphans_at = None;
            orphan_line = None;
        }
        if let Some((k, word)) = matched {
            let printed = wrapped.as_deref().unwrap_or(label);
            if let Some(kind) = super::labels::approximate(printed, &def.rows[k], word) {
                label_notes.push(ReadNote { table: def.kind, row: def.rows[k].key, kind, span: r.span });
                first_approximate |= anchors.is_empty();
            }
            if let Some(after) = out_of_order {
                let kind = NoteKind::OutOfOrder { after };
                label_notes.push(ReadNote { table: def.kind, row: def.rows[k].key, kind, span: r.span });
            }
            // Values start after the last text cell before the first value.
            let after_label =
                r.cells[..label_end].iter().rposition(|c| c.kind() == CellKind::Text).map_or(0, |p| p + 1);
            let n = def.rows[k].cols.len();
            let after_label = text_in_value_columns(&r, label, words[k], after_label, n).unwrap_or(after_label);
            let mut p = Pending::new(k, r.span, r.cells[after_label..].iter().collect(), r.sep);
            p.head_repeats = head_repeats;
            p.stacked = p.label_alone() && pending.last().is_some_and(Pending::untouched);
            pending.push(p);
            label_notes.append(&mut strays);
            if out_of_order.is_none() {
                cursor = k + 1;
            }
            last = Some(i);
            anchors.push(i);
        } else if let Some(j) = stacked_row(&pending, rows, i, def).filter(|_| r.label.text.is_empty()) {
            // Labels stacked above their values, a whole row of values a line:
            // each line is the next stacked row's, in order.
            pending[j].add_later(r.cells.iter().filter(|c| is_value(c)));
            let kind = NoteKind::ApartFromLabel;
            label_notes.push(ReadNote { table: def.kind, row: def.rows[pending[j].row].key, kind, span: r.span });
            last = Some(i);
        } else if pending.last().is_none_or(|p| !takes_more(p, def.rows[p.row].cols.len(), &r))
            && r.label.text.is_empty()
            && values_here
        {
            // Only as many as a row can take are kept, and one more to tell that there are more.
            let room = (widest + 1).saturating_sub(orphans.len());
            let one_line = orphans.is_empty() && matches!(r.sep, Separator::Tab | Separator::Pipe);
            orphan_line = one_line.then(|| (r.span, r.cells.iter().collect(), r.sep));
            orphans.extend(r.cells.iter().filter(|c| is_value(c)).take(room));
            let (line, start) = orphans_at.map_or((i, r.span.start), |(line, s): (usize, Span)| (line, s.start));
            orphans_at = Some((line, Span::new(start, r.span.end)));
        } else if let Some(p) = pending.last_mut() {
            let values: Vec<&DocCell> = r.cells.iter().filter(|c| is_value(c)).collect();
            let short = p.value_count() < def.rows[p.row].cols.len();
            if !values.is_empty() && takes_more(p, def.rows[p.row].cols.len(), &r) {
                // The row's values on a line of their own right under its label
                // and heads (the review table's fifteen), or after the rest of
                // its wrapped label: placed by where they stand.
                // (A value closed by a pipe, `0 |`, is one cell per line still.)
                let from = r.cells.iter().rposition(|c| c.kind() == CellKind::Text).map_or(0, |t| t + 1);
                let own = &r.cells[from..];
                let kept = matches!(r.sep, Separator::Tab | Separator::Pipe) && own.len() > 2;
                let by_position = kept || values.len() > 1;
                if p.untouched() && by_position && words_first(&r) {
                    p.take_line(r.span, own.iter().collect(), r.sep);
                } else {
                    p.add_later(values);
                }
                last = Some(i);
            } else if p.label_alone() && p.slot_count() < def.rows[p.row].cols.len() && is_empty_cell_line(&r) {
                // A line marking an empty cell (`&nbsp;` in a Word cell) holds the row's next column.
                p.add_later(r.cells.iter());
                last = Some(i);
            } else if p.label_alone() && p.has_values() && short && r.cells.is_empty() {
                // An empty line between the row's values: maybe a blank cell (`Pending::empty_line`).
                p.empty_line();
            } else if p.label_alone() && p.has_values() && short && is_number_words(&r) {
                // Numbers written as words and signs between the row's values
                // (`+(0) -(0)`, `增0减0`): the next column's cell, not a number.
                p.add_later(r.cells.iter());
                last = Some(i);
            } else if values.is_empty() && !r.label.text.is_empty() && p.label_alone() {
                // Words after empty cells marked under a label alone: maybe those were a header's.
                p.words_after_marks();
            } else if !values.is_empty() && !r.label.text.is_empty() && p.has_values() {
                let dropped = values
                    .iter()
                    .filter_map(|c| match c.kind() {
                        CellKind::Number(n) => Some((n, c.span())),
                        _ => None,
                    })
                    .collect();
                let printed: String = r.label.text.chars().take(super::labels::SHOWN).collect();
                let kind = NoteKind::Unplaced { printed, dropped };
                strays.push(ReadNote { table: def.kind, row: def.rows[p.row].key, kind, span: r.span });
            }
        }
    }
    let table = placed(rows, above, table, &pending, &mut label_notes);
    Read { table, notes: label_notes, last, anchors, first_approximate, below_own_lines }
}

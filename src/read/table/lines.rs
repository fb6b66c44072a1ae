//! What a line is, for the table engine: a line marking an empty cell,
//! numbers written as words, words in a row's number cells, a row of column
//! heads, whether the row being read takes a line's values, and the row a
//! line of values alone stands for when its label was not printed.

use super::super::doc::{Cell as DocCell, CellKind, Row, Rows};
use super::super::place::{is_value, Pending};
use crate::model::TableDef;
use crate::text::layout::Separator;
use crate::text::Span;

/// A line of one short cell that writes numbers with signs, brackets, a
/// slash or 增/减 (`+(0) -(0)`, `增0减0`, `0/0`) but is no number (a sub-row's
/// `1.` or `(1)` has no sign).
pub(super) fn is_number_words(r: &Row) -> bool {
    // Folded: full-width signs and brackets are ASCII, blanks dropped; the
    // pipes closing the cell (`+(0) -(0) |`) are no part of it.
    let text = r.folded.text.trim_matches('|');
    let allowed = |c: char| c.is_ascii_digit() || "+-()./增减加少".contains(c);
    matches!(r.cells, [only] if only.kind() == CellKind::Text)
        && text.chars().count() <= 12
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(allowed)
        && text.contains(['+', '-', '增', '减', '/'])
}

/// A line that is one empty cell, not an empty line (see `layout::split_cells`).
pub(in super::super) fn is_empty_cell_line(r: &Row) -> bool {
    matches!(r.cells, [only] if only.kind() == CellKind::Empty) && r.sep == Separator::None
}

/// Words (`不适用`, `abc`) written in a row's number cells: in a row whose cells
/// are kept (tabs, pipes), short text cells after the cell holding the row's
/// words, when the cells from there on are exactly its `n` columns. They are
/// then the row's first cells (read as invalid values), not its label; returns
/// where they start.
pub(super) fn text_in_value_columns(
    r: &Row,
    label: &str,
    words: &[&str],
    after_label: usize,
    n: usize,
) -> Option<usize> {
    if !matches!(r.sep, Separator::Tab | Separator::Pipe) {
        return None;
    }
    let at = words.iter().filter_map(|w| label.find(w)).min()?;
    let word_cell = r.cells.iter().position(|c| c.kind() == CellKind::Text && c.bare().contains(&at))?;
    let first = word_cell + 1;
    let short = |c: &DocCell| c.bare().len() <= 4 * 3;
    let fits = first < after_label && r.cells.len() - first == n && r.cells[first..after_label].iter().all(short);
    fits.then_some(first)
}

/// Whether the row being read takes the values of line `r` below it: until it
/// has as many as its `n` columns; beyond that, only after a row printed with
/// its values (they are then reported as extra), not after a row whose
/// values came on a line of their own (`Pending::take_line`), and never after
/// a tab or pipe line with a cell for each column, blanks too; a line with
/// text too only while the row has none, and when its words come before its
/// values (words after a mark, `++: / - - 维 纠`, are an OCR'd header's).
pub(super) fn takes_more(p: &Pending, n: usize, r: &Row) -> bool {
    let wanted = !p.took_whole_line(n) && (!p.label_alone() && !p.took_line() || p.value_count() < n);
    let text_free = r.cells.iter().all(|c| c.kind() != CellKind::Text);
    // A whole row of values on a line of its own below a complete row is
    // another row's, whose label stood elsewhere (a PDF's text flow).
    let whole_row = p.value_count() >= n && r.cells.iter().filter(|c| is_value(c)).count() == n;
    wanted && (text_free || !p.has_values() && words_first(r)) && !whole_row
}

/// Whether line `r`'s words all come before its values (no text after a value).
pub(super) fn words_first(r: &Row) -> bool {
    let first = r.cells.iter().position(is_value).unwrap_or(r.cells.len());
    r.cells[first..].iter().all(|c| c.kind() != CellKind::Text)
}

/// A row of column heads (`| 项目 | 本年新收件数 | … | 结转下年度 | 总计 |`): three
/// cells or more, all text, two of them after the first naming a column or a
/// row of the table. Its words are no row's label.
pub(super) fn names_heads(r: &Row, def: &TableDef) -> bool {
    let head = |c: &DocCell| r.label.text.get(c.bare()).unwrap_or("");
    let names = |c: &DocCell| {
        let h = head(c);
        let column = def.rows.iter().flat_map(|r| r.cols).any(|col| !col.label.is_empty() && h.contains(col.label));
        column || def.rows.iter().flat_map(|r| r.words).any(|w| h.contains(w))
    };
    matches!(r.sep, Separator::Pipe | Separator::Tab)
        && r.cells.len() >= 3
        && r.cells.iter().all(|c| c.kind() == CellKind::Text)
        && r.cells[1..].iter().filter(|c| names(c)).count() >= 2
}

/// Where labels stand stacked above their values (the last rows found by a
/// label alone, each right under the one before, nothing after them): the
/// first of them still without values, when line `at` holds exactly its row
/// of values, and, at the stack's first line of values, as many such lines
/// follow as the stack has rows (else a stacked row may be one printed
/// blank, and which row a line is, is not told).
pub(super) fn stacked_row(pending: &[Pending], rows: Rows, at: usize, def: &TableDef) -> Option<usize> {
    let last = pending.len().checked_sub(1)?;
    if !pending[last].stacked {
        return None;
    }
    // The stack: the last rows marked stacked, and the one they stand under.
    let first = pending[..=last].iter().rposition(|p| !p.stacked).unwrap_or(0);
    let j = (first..=last).find(|&j| pending[j].slot_count() == 0)?;
    let whole_row = |r: &Row, n: usize| {
        r.cells.iter().filter(|c| is_value(c)).count() == n && r.cells.iter().all(|c| c.kind() != CellKind::Text)
    };
    if !whole_row(&rows.at(at), def.rows[pending[j].row].cols.len()) {
        return None;
    }
    if j == first {
        // The lines from here, empty lines and Markdown rules aside: one row
        // of values for each stacked row, then no more values alone.
        let mut lines = rows.slice(at..rows.len()).iter().filter(|r| !r.cells.is_empty());
        let each =
            (first..=last).all(|k| lines.next().is_some_and(|r| whole_row(&r, def.rows[pending[k].row].cols.len())));
        let more = lines.next().is_some_and(|r| r.cells.iter().all(|c| c.kind() != CellKind::Text));
        if !each || more {
            return None;
        }
    }
    Some(j)
}

/// Row `j`, its label not printed, from the values alone that no row took
/// (`values`, at `span`): the cells of the one tab or pipe line they came
/// from keep their places, its empty label cell (`\t2\t\t0…`) dropped; the
/// values of several lines come in sequence.
pub(super) fn unlabeled<'a>(
    j: usize,
    line: Option<(Span, Vec<&'a DocCell>, Separator)>,
    values: &[&'a DocCell],
    span: Span,
    cols: usize,
    head_repeats: bool,
) -> Pending<'a> {
    let Some((line_span, mut cells, sep)) = line else {
        let mut p = Pending::new(j, span, Vec::new(), Separator::None);
        p.add_later(values.iter().copied());
        return p;
    };
    let extra = cells.len().saturating_sub(cols);
    cells.drain(..cells.iter().take(extra).take_while(|c| c.kind() == CellKind::Empty).count());
    let mut p = Pending::new(j, line_span, cells, sep);
    p.head_repeats = head_repeats;
    p
}

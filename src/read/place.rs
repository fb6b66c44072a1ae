//! Placing a row's values into its columns: the values found for a row
//! (`Pending`, from its label's line and the lines after), then by cell index
//! where tabs or pipes keep empty cells, by the columns of the table's
//! complete rows where spaces align them, by gaps, or in sequence. A guess
//! (blanks placed by position) or values left out become a note.

use super::doc::{Cell as DocCell, CellKind};
use crate::model::{Cell, CellValue, NoteKind, Number};
use crate::text::layout::Separator;
use crate::text::Span;
use columns::place_by_column;
pub(super) use columns::{columns_by_heads, complete_rows, head_lines, Column, HeadLine};

mod columns;

/// The values found for one template row before they are placed. The counts
/// are kept as cells are added: a row's lines are looked at one by one, and
/// recounting a growing list at each would be quadratic.
pub(super) struct Pending<'a> {
    pub(super) row: usize,
    pub(super) line_span: Span,
    /// The cells after the label on the label's own line.
    pub(super) same_line: Vec<&'a DocCell>,
    pub(super) sep: Separator,
    /// Value cells from the lines after the label (labels far from numbers),
    /// and empty cells where a line marks one (one cell per line).
    pub(super) later: Vec<&'a DocCell>,
    /// Value cells in `same_line`, and in `later`.
    pub(super) same_values: usize,
    pub(super) later_values: usize,
    /// Empty lines between the row's values, one cell per line (`12`, five
    /// empty lines, `12`): how many stood before each cell of `later` that has them.
    gaps: Vec<(usize, usize)>,
    /// Empty lines since the last value.
    empty_run: usize,
    /// The header above ends in one head repeated (`| 本年增/减 | 本年增/减 |`):
    /// a converter repeated merged cells in every column they span.
    pub(super) head_repeats: bool,
    /// Its label came alone right under another label alone that had nothing
    /// after it: labels stacked above their values (a PDF's text flow).
    pub(super) stacked: bool,
    /// Words followed the marks in `later`, no value yet (`words_after_marks`).
    stale_marks: bool,
    /// Its values came on a line of their own under the label (`take_line`).
    took_line: bool,
}

impl<'a> Pending<'a> {
    pub(super) fn new(row: usize, line_span: Span, same_line: Vec<&'a DocCell>, sep: Separator) -> Self {
        let same_values = same_line.iter().filter(|c| is_value(c)).count();
        let (later, later_values, gaps, empty_run) = (Vec::new(), 0, Vec::new(), 0);
        let (head_repeats, stacked) = (false, false);
        Pending {
            row,
            line_span,
            same_line,
            sep,
            later,
            same_values,
            later_values,
            gaps,
            empty_run,
            head_repeats,
            stacked,
            stale_marks: false,
            took_line: false,
        }
    }

    /// An empty line after the row's values so far (one cell per line): a
    /// blank cell, if more values follow and the lines then make up the row.
    pub(super) fn empty_line(&mut self) {
        self.empty_run += 1;
    }

    /// Empty lines between the values that follow the label.
    fn gap_lines(&self) -> usize {
        self.gaps.iter().map(|&(_, n)| n).sum()
    }

    /// Whether the lines from the row's first value to its last, empty ones
    /// included, are no more than its `n` columns (else the text spaces its
    /// lines apart, and an empty line is no cell).
    pub(super) fn lines_fit(&self, n: usize) -> bool {
        !self.label_alone() || self.later.len() + self.gap_lines() <= n
    }

    pub(super) fn add_later(&mut self, cells: impl IntoIterator<Item = &'a DocCell>) {
        self.drop_stale_marks();
        if self.empty_run > 0 && self.has_values() {
            self.gaps.push((self.later.len(), self.empty_run));
        }
        self.empty_run = 0;
        for c in cells {
            self.later_values += usize::from(is_value(c));
            self.later.push(c);
        }
    }

    /// A line of values alone, the first after the label: the row's own line,
    /// its cells kept where they stand (empty ones, their positions), as if
    /// printed after the label.
    pub(super) fn take_line(&mut self, span: Span, cells: Vec<&'a DocCell>, sep: Separator) {
        self.drop_stale_marks();
        self.took_line = true;
        self.same_values = cells.iter().filter(|c| is_value(c)).count();
        (self.line_span, self.same_line, self.sep) = (span, cells, sep);
    }

    /// Words after the empty cells marked so far, before any value: where
    /// values follow, those marks were a header's, not the row's cells.
    pub(super) fn words_after_marks(&mut self) {
        self.stale_marks |= !self.has_values() && !self.later.is_empty();
    }

    fn drop_stale_marks(&mut self) {
        if std::mem::take(&mut self.stale_marks) {
            self.later.clear();
            self.gaps.clear();
            self.empty_run = 0;
        }
    }

    pub(super) fn took_line(&self) -> bool {
        self.took_line
    }

    /// It took a tab or pipe line with a cell for each of its `n` columns
    /// (an empty one is a blank): nothing is left for another line to give.
    pub(super) fn took_whole_line(&self, n: usize) -> bool {
        self.took_line && matches!(self.sep, Separator::Tab | Separator::Pipe) && self.same_line.len() >= n
    }

    pub(super) fn has_values(&self) -> bool {
        self.value_count() > 0
    }

    pub(super) fn value_count(&self) -> usize {
        self.same_values + self.later_values
    }

    /// The cells found for the row's columns: values, and the empty cells a
    /// line of its own marks.
    pub(super) fn slot_count(&self) -> usize {
        self.same_values + self.later.len()
    }

    /// Whether the label stood without values on its line (numbers on the
    /// lines after it, one cell per line).
    pub(super) fn label_alone(&self) -> bool {
        self.same_values == 0
    }

    /// A label alone with nothing after it yet, not even an empty line (or
    /// only a header's marks).
    pub(super) fn untouched(&self) -> bool {
        self.same_values == 0 && (self.later.is_empty() || self.stale_marks) && self.empty_run == 0
    }
}

pub(super) fn is_value(c: &DocCell) -> bool {
    c.is_value()
}

fn cell_of(c: &DocCell) -> Cell {
    let value = match c.kind() {
        CellKind::Number(n) => CellValue::Number(n),
        CellKind::Empty => CellValue::Blank,
        // The printed text is filled in by `read::parse`, which has the input.
        _ => CellValue::Invalid(String::new()),
    };
    Cell { value, span: Some(c.span()), unit: c.unit() }
}

/// Places a row's value cells into its `n` columns.
/// `empty_lines_are_cells`: every row of the table fits its columns with its
/// empty lines counted as cells ([`Pending::lines_fit`]).
pub(super) fn place(
    p: &Pending,
    n: usize,
    columns: Option<&Vec<Column>>,
    empty_lines_are_cells: bool,
) -> (Vec<Cell>, Option<NoteKind>) {
    // Words written in number cells (`不适用`) of a row whose cells are kept:
    // the cells after the label are exactly the columns, each in its place.
    let kept = matches!(p.sep, Separator::Tab | Separator::Pipe);
    let words_in_cells = p.same_line.iter().any(|c| c.kind() == CellKind::Text);
    if kept && words_in_cells && p.same_line.len() == n && p.later.is_empty() {
        return (p.same_line.iter().map(|c| cell_of(c)).collect(), None);
    }
    let on_line: Vec<&DocCell> = p.same_line.iter().copied().filter(|c| is_value(c)).collect();
    if !on_line.is_empty() && p.later.is_empty() {
        match p.sep {
            Separator::Tab | Separator::Pipe => return place_by_index(&p.same_line, n, p.head_repeats),
            Separator::Spaces if on_line.len() < n => {
                let by_column = columns.and_then(|c| place_by_column(&on_line, c));
                if let Some(placed) = by_column.or_else(|| place_by_gaps(&on_line, n)) {
                    return placed;
                }
            }
            Separator::Spaces => {}
            Separator::None => {}
        }
    }
    // One cell per line, the blanks empty lines between the values: where the
    // lines from the first value to the last are the row's cells exactly, each
    // is in its place (the empty lines after the label, and after the last value, part rows).
    let gaps = p.gap_lines();
    if empty_lines_are_cells && p.label_alone() && gaps > 0 && p.later.len() + gaps == n {
        let mut cells = Vec::with_capacity(n);
        let mut next = p.gaps.iter().peekable();
        for (k, c) in p.later.iter().enumerate() {
            if let Some(&(_, blanks)) = next.next_if(|&&(at, _)| at == k) {
                cells.extend((0..blanks).map(|_| blank()));
            }
            cells.push(cell_of(c));
        }
        return (cells, Some(NoteKind::PlacedByPosition));
    }
    let mut values: Vec<&DocCell> = on_line.into_iter().chain(p.later.iter().copied()).collect();
    // More cells than columns: some line of `&nbsp;` was an empty paragraph
    // in a cell, not an empty cell, and which cannot be told: values only.
    if values.len() > n {
        values.retain(|c| is_value(c));
    }
    if values.is_empty() {
        // The row is printed with no value at all: its cells are blank.
        return (vec![Cell { value: CellValue::Blank, span: Some(p.line_span), unit: None }; n], None);
    }
    in_sequence(&values, n)
}

/// Whether two cells print the same value.
fn same_value(a: &DocCell, b: &DocCell) -> bool {
    match (a.kind(), b.kind()) {
        (CellKind::Number(x), CellKind::Number(y)) => x == y,
        _ => false,
    }
}

fn blank() -> Cell {
    Cell { value: CellValue::Blank, span: None, unit: None }
}

/// A space-aligned line with fewer values than columns whose columns are not
/// known or do not tell (the review table's one line of 15 under heads
/// stacked over lines): a gap about k times the usual spacing holds k - 1
/// blank cells. `None` unless that accounts for every column.
fn place_by_gaps(values: &[&DocCell], n: usize) -> Option<(Vec<Cell>, Option<NoteKind>)> {
    // Centres and gaps in half columns, so they stay whole numbers.
    let centres: Vec<usize> = values.iter().map(|v| 2 * v.x() + v.span().end - v.span().start).collect();
    let mut gaps: Vec<usize> = centres.windows(2).map(|w| w[1].saturating_sub(w[0])).collect();
    let spaced = gaps.clone();
    gaps.sort_unstable();
    let usual = *gaps.get(gaps.len() / 2)?;
    if usual == 0 || gaps.len() < 3 {
        return None;
    }
    let mut cells = vec![cell_of(values[0])];
    for (v, gap) in values[1..].iter().zip(spaced) {
        // gap / usual, rounded half up.
        let blanks = ((2 * gap + usual) / (2 * usual)).saturating_sub(1);
        cells.extend((0..blanks).map(|_| blank()));
        cells.push(cell_of(v));
    }
    (cells.len() == n).then_some((cells, Some(NoteKind::PlacedByPosition)))
}

/// Values in order; beyond `n` they are extra (the first ones are dropped: a
/// stray number comes from an empty label cell before the row's own values).
fn in_sequence(values: &[&DocCell], n: usize) -> (Vec<Cell>, Option<NoteKind>) {
    let skip = values.len().saturating_sub(n);
    let mut cells: Vec<Cell> = values[skip..].iter().map(|c| cell_of(c)).collect();
    // Fewer values than columns: they fill the first columns, which is a guess.
    let short = !cells.is_empty() && cells.len() < n;
    cells.resize(n, Cell::default());
    let note = if skip > 0 {
        Some(NoteKind::ExtraValues { dropped: numbers(&values[..skip]) })
    } else {
        short.then_some(NoteKind::PlacedByPosition)
    };
    (cells, note)
}

fn numbers(cells: &[&DocCell]) -> Vec<(crate::model::Number, Span)> {
    cells
        .iter()
        .filter_map(|c| match c.kind() {
            CellKind::Number(n) => Some((n, c.span())),
            _ => None,
        })
        .collect()
}

/// Tab and pipe rows keep empty cells: the values and the empties between them
/// are the row's cells. Exactly as many cells after the label as columns: each
/// is in its place, empty ones blank. Too few between the values: blanks are
/// taken from the empty cells before the first value (the label area ends
/// there), then after the last (a guess, noted).
fn place_by_index(after_label: &[&DocCell], n: usize, head_repeats: bool) -> (Vec<Cell>, Option<NoteKind>) {
    let Some(first) = after_label.iter().position(|c| is_value(c)) else {
        return (vec![blank(); n], None);
    };
    let last = after_label.iter().rposition(|c| is_value(c)).unwrap_or(first);
    let width = last - first + 1;
    // A merged cell a converter repeated in every column it spans (pandas'
    // `read_html` then Markdown: `| 行政许可 | 45 | 45 | 45 |` for one column),
    // where the header above repeats its heads so too: the repeats after the
    // row's last column are the same cell, not extra values (elsewhere a
    // stray value before the row's own, as the rule below reads it).
    let values = &after_label[first..=last];
    let repeats = |v: &[&DocCell]| v[n..].iter().all(|c| same_value(c, v[n - 1]));
    if head_repeats && n > 0 && width > n && values.iter().all(|c| is_value(c)) && repeats(values) {
        return in_sequence(&values[..n], n);
    }
    if width >= n {
        return in_sequence(values, n);
    }
    let need = n - width;
    let before = need.min(first);
    let after = (need - before).min(after_label.len() - 1 - last);
    let window = &after_label[first - before..=last + after];
    let mut cells: Vec<Cell> = window.iter().map(|c| cell_of(c)).collect();
    cells.resize(n, Cell::default());
    let certain = after_label.len() == n;
    (cells, (!certain).then_some(NoteKind::PlacedByPosition))
}

/// A row read with fewer values than columns whose last value is a run of
/// digits led by 0 (`040`, `000`), exactly as many as the cells from it to
/// the row's end, the rest not found: no count is printed with a leading
/// zero, so these are glued cells, one digit each (the only split of that
/// many digits into that many cells). Splits them; returns the rows split
/// and how many cells each run filled.
pub(super) fn split_zero_led_runs(cells: &mut [Vec<Cell>], input: &str) -> Vec<(usize, usize)> {
    let mut split = Vec::new();
    for (r, row) in cells.iter_mut().enumerate() {
        let Some(k) = row.iter().rposition(|c| matches!(c.value, CellValue::Number(_))) else { continue };
        let n = row.len() - k;
        if n < 2 || row[k + 1..].iter().any(|c| c.value != CellValue::Missing) {
            continue;
        }
        let Some(span) = row[k].span else { continue };
        let text = input.get(span.start..span.end).unwrap_or_default();
        if !(text.len() == n && text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit())) {
            continue;
        }
        for (i, b) in text.bytes().enumerate() {
            let value = CellValue::Number(Number::int(i64::from(b - b'0')));
            row[k + i] = Cell { value, span: Some(Span::new(span.start + i, span.start + i + 1)), unit: None };
        }
        split.push((r, n));
    }
    split
}

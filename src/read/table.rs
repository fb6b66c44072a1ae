//! One engine for every table: anchors template rows on their labels, in
//! template order, and places the values that follow each label into the
//! row's columns — by position where the layout keeps positions (tabs, pipes,
//! aligned spaces), in sequence otherwise. It reports rather than guesses
//! silently: extra values and positional guesses become notes.

use super::doc::{Cell as DocCell, CellKind, Row, Rows};
use super::labels::row_words;
use crate::model::{Cell, CellValue, NoteKind, ReadNote, Table, TableKind, TemplateId};
use crate::text::layout::Separator;
use crate::text::Span;

/// The values found for one template row before they are placed. The counts
/// are kept as cells are added: a row's lines are looked at one by one, and
/// recounting a growing list at each would be quadratic.
struct Pending<'a> {
    row: usize,
    line_span: Span,
    /// The cells after the label on the label's own line.
    same_line: Vec<&'a DocCell>,
    sep: Separator,
    /// Value cells from the lines after the label (labels far from numbers),
    /// and empty cells where a line marks one (one cell per line).
    later: Vec<&'a DocCell>,
    /// Value cells in `same_line`, and in `later`.
    same_values: usize,
    later_values: usize,
}

impl<'a> Pending<'a> {
    fn new(row: usize, line_span: Span, same_line: Vec<&'a DocCell>, sep: Separator) -> Self {
        let same_values = same_line.iter().filter(|c| is_value(c)).count();
        Pending { row, line_span, same_line, sep, later: Vec::new(), same_values, later_values: 0 }
    }

    fn add_later(&mut self, cells: impl IntoIterator<Item = &'a DocCell>) {
        for c in cells {
            self.later_values += usize::from(is_value(c));
            self.later.push(c);
        }
    }

    fn has_values(&self) -> bool {
        self.value_count() > 0
    }

    fn value_count(&self) -> usize {
        self.same_values + self.later_values
    }

    /// The cells found for the row's columns: values, and the empty cells a
    /// line of its own marks.
    fn slot_count(&self) -> usize {
        self.same_values + self.later.len()
    }

    /// Whether the label stood without values on its line (numbers on the
    /// lines after it, one cell per line).
    fn label_alone(&self) -> bool {
        self.same_values == 0
    }
}

fn is_value(c: &DocCell) -> bool {
    c.is_value()
}

/// A line that is one empty cell, not an empty line (see `layout::split_cells`).
pub(super) fn is_empty_cell_line(r: &Row) -> bool {
    matches!(r.cells, [only] if only.kind() == CellKind::Empty) && r.sep == Separator::None
}

/// Lines above or below its values a wrapped label may take.
const MAX_PIECES: usize = 16;

/// The row (index into `words`) whose label is wrapped around a line of values:
/// its pieces are on the value-less lines `above` and `below`, and `label` is
/// the values line's own. Which row's words stand where matters, because the
/// pieces above may end the previous row's label (a row printed blank) and the
/// pieces below may begin the next one's (pdftotext -raw puts whole labels above
/// their values; -layout and pdfplumber centre them on the values). A word
/// across the values line wins, then one above, then one below, each the
/// nearest to the line; then the earlier row.
fn wrapped_row(above: &str, label: &str, below: &str, words: &[&[&str]]) -> Option<usize> {
    if above.is_empty() && label.is_empty() && below.is_empty() {
        return None;
    }
    let text: Vec<char> = above.chars().chain(label.chars()).chain(below.chars()).collect();
    let a = above.chars().count();
    let b = a + label.chars().count();
    let place = |(s, e): (usize, usize)| {
        // On the values line's own label, or across the line when it has none.
        let across = if b > a { s < b && e > a } else { s < a && e > a };
        if across {
            (0, 0)
        } else if e <= a {
            (1, a - e)
        } else {
            (2, s - b)
        }
    };
    (0..words.len())
        .flat_map(|k| words[k].iter().flat_map(|w| occurrences(&text, w)).map(move |at| (place(at), k)))
        .min()
        .map(|(_, k)| k)
}

/// Where `word` occurs in `text` (char ranges): exactly, or else loosely (its
/// chars in order within a stretch at most four chars longer: a group label's
/// pieces may stand between a row label's pieces).
fn occurrences(text: &[char], word: &str) -> Vec<(usize, usize)> {
    let word: Vec<char> = word.chars().collect();
    let Some(&first) = word.first() else { return Vec::new() };
    let exact: Vec<(usize, usize)> =
        text.windows(word.len()).enumerate().filter(|(_, w)| *w == word).map(|(i, _)| (i, i + word.len())).collect();
    if !exact.is_empty() {
        return exact;
    }
    (0..text.len())
        .filter(|&i| text[i] == first)
        .filter_map(|start| {
            let limit = (start + word.len() + 4).min(text.len());
            let mut at = start;
            for c in &word[1..] {
                at += 1 + text.get(at + 1..limit)?.iter().position(|t| t == c)?;
            }
            Some((start, at + 1))
        })
        .collect()
}

/// Reads `def`'s rows from `rows`; returns the table, the notes, and the index
/// of the last row used (`None` when no row label was found).
pub fn read(rows: Rows, template: TemplateId, kind: TableKind) -> (Table, Vec<ReadNote>, Option<usize>) {
    let mut table = Table::empty(template, kind);
    let def = table.def;
    let table_key = def.kind.key();
    let mut pending: Vec<Pending> = Vec::new();
    let mut cursor = 0;
    let mut last = None;
    let labels: Vec<&str> = rows.iter().map(|r| r.head()).collect();
    let words: Vec<&[&str]> = def.rows.iter().map(|r| row_words(table_key, r.key)).collect();
    let has_values = |i: usize| rows.get(i).is_some_and(|r| r.cells.iter().any(is_value));
    let find = |label: &str, cursor: usize| {
        (!label.is_empty())
            .then(|| (cursor..words.len()).find(|&k| words[k].iter().any(|w| label.contains(w))))
            .flatten()
    };
    // The first line after the last one that matched a row or held values: the
    // lines from there on may hold pieces of a label wrapped over several lines.
    let mut since = 0;
    for (i, r) in rows.iter().enumerate() {
        let label = labels[i];
        let mut matched = find(label, cursor);
        let values_here = has_values(i);
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
            let above = labels[since.max(i.saturating_sub(MAX_PIECES))..i].concat();
            let end = (i + 1..rows.len().min(i + 1 + MAX_PIECES)).find(|&j| has_values(j));
            let below = labels[(i + 1).min(rows.len())..end.unwrap_or(rows.len().min(i + 1 + MAX_PIECES))].concat();
            matched = wrapped_row(&above, label, &below, &words[cursor..]).map(|k| cursor + k);
        }
        // An empty line holds no piece of a label: the line before it still counts as just above.
        if matched.is_some() || values_here || (since == i && r.cells.is_empty()) {
            since = i + 1;
        }
        let label_end = r.cells.iter().position(is_value).unwrap_or(r.cells.len());
        if let Some(k) = matched {
            // Values start after the last text cell before the first value.
            let after_label =
                r.cells[..label_end].iter().rposition(|c| c.kind() == CellKind::Text).map_or(0, |p| p + 1);
            pending.push(Pending::new(k, r.span, r.cells[after_label..].iter().collect(), r.sep));
            cursor = k + 1;
            last = Some(i);
        } else if let Some(p) = pending.last_mut() {
            let values: Vec<&DocCell> = r.cells.iter().filter(|c| is_value(c)).collect();
            let text_free = r.cells.iter().all(|c| c.kind() != CellKind::Text);
            // Values on the lines after a label, until the row has as many as
            // columns; beyond that, only after a row printed with its values
            // (they are then reported as extra).
            let short = p.value_count() < def.rows[p.row].cols.len();
            let wanted = !p.label_alone() || short;
            if !values.is_empty() && wanted && (text_free || !p.has_values()) {
                p.add_later(values);
                last = Some(i);
            } else if p.label_alone() && p.slot_count() < def.rows[p.row].cols.len() && is_empty_cell_line(&r) {
                // A line marking an empty cell (`&nbsp;` in a Word cell) holds the row's next column.
                p.add_later(r.cells.iter());
                last = Some(i);
            }
        }
    }
    let complete = complete_rows(&pending, def);
    let mut notes = Vec::new();
    for p in &pending {
        let n = def.rows[p.row].cols.len();
        // The columns of the nearest complete row: their spacing changes from page to page.
        let nearest = complete.iter().filter(|c| c.columns.len() == n).min_by_key(|c| c.at.abs_diff(p.line_span.start));
        let (cells, kind) = place(p, n, nearest.map(|c| &c.columns));
        table.cells[p.row] = cells;
        if let Some(kind) = kind {
            notes.push(ReadNote { table: def.kind, row: def.rows[p.row].key, kind, span: p.line_span });
        }
    }
    (table, notes, last)
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
fn place(p: &Pending, n: usize, columns: Option<&Vec<usize>>) -> (Vec<Cell>, Option<NoteKind>) {
    let on_line: Vec<&DocCell> = p.same_line.iter().copied().filter(|c| is_value(c)).collect();
    if !on_line.is_empty() && p.later.is_empty() {
        match p.sep {
            Separator::Tab | Separator::Pipe => return place_by_index(&p.same_line, n),
            Separator::Spaces => {
                if let Some(cols) = columns.filter(|_| on_line.len() < n) {
                    return place_by_column(&on_line, cols);
                }
            }
            Separator::None => {}
        }
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

fn blank() -> Cell {
    Cell { value: CellValue::Blank, span: None, unit: None }
}

/// Places the value cells of one line (the cells after its label) into `n` columns.
pub fn place_line(cells: &[&DocCell], sep: Separator, n: usize) -> (Vec<Cell>, Option<NoteKind>) {
    match sep {
        Separator::Tab | Separator::Pipe => place_by_index(cells, n),
        _ => {
            let values: Vec<&DocCell> = cells.iter().copied().filter(|c| is_value(c)).collect();
            let gaps = (sep == Separator::Spaces && values.len() < n).then(|| place_by_gaps(&values, n)).flatten();
            gaps.unwrap_or_else(|| in_sequence(&values, n))
        }
    }
}

/// A space-aligned line with fewer values than columns and no complete row to
/// take columns from (the review table's one line of 15): a gap about k times
/// the usual spacing holds k - 1 blank cells. `None` unless that accounts for
/// every column.
fn place_by_gaps(values: &[&DocCell], n: usize) -> Option<(Vec<Cell>, Option<NoteKind>)> {
    let centres: Vec<f64> =
        values.iter().map(|v| v.x() as f64 + (v.span().end - v.span().start) as f64 / 2.0).collect();
    let mut gaps: Vec<f64> = centres.windows(2).map(|w| w[1] - w[0]).collect();
    let spaced = gaps.clone();
    gaps.sort_by(f64::total_cmp);
    let usual = *gaps.get(gaps.len() / 2)?;
    if usual <= 0.0 || gaps.len() < 3 {
        return None;
    }
    let mut cells = vec![cell_of(values[0])];
    for (v, gap) in values[1..].iter().zip(spaced) {
        let blanks = ((gap / usual).round() as usize).saturating_sub(1);
        cells.extend((0..blanks).map(|_| blank()));
        cells.push(cell_of(v));
    }
    (cells.len() == n).then_some((cells, Some(NoteKind::PlacedByPosition)))
}

/// Values in order; beyond `n` they are extra (the first ones are dropped: a
/// stray number comes from an empty label cell before the row's own values).
pub(super) fn in_sequence(values: &[&DocCell], n: usize) -> (Vec<Cell>, Option<NoteKind>) {
    let skip = values.len().saturating_sub(n);
    let mut cells: Vec<Cell> = values[skip..].iter().map(|c| cell_of(c)).collect();
    cells.resize(n, Cell::default());
    let note = (skip > 0).then(|| NoteKind::ExtraValues { dropped: numbers(&values[..skip]) });
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
/// are the row's cells. Too few: blanks are taken from the empty cells before the
/// first value (the label area ends there), then after the last (a guess, noted).
fn place_by_index(after_label: &[&DocCell], n: usize) -> (Vec<Cell>, Option<NoteKind>) {
    let Some(first) = after_label.iter().position(|c| is_value(c)) else {
        return (vec![blank(); n], None);
    };
    let last = after_label.iter().rposition(|c| is_value(c)).unwrap_or(first);
    let width = last - first + 1;
    if width >= n {
        return in_sequence(&after_label[first..=last], n);
    }
    let need = n - width;
    let before = need.min(first);
    let after = (need - before).min(after_label.len() - 1 - last);
    let window = &after_label[first - before..=last + after];
    let mut cells: Vec<Cell> = window.iter().map(|c| cell_of(c)).collect();
    cells.resize(n, Cell::default());
    (cells, Some(NoteKind::PlacedByPosition))
}

/// Space-aligned rows with fewer values: each value goes to the nearest column
/// of the table's complete rows.
fn place_by_column(values: &[&DocCell], columns: &[usize]) -> (Vec<Cell>, Option<NoteKind>) {
    let centres: Vec<f64> = values.iter().map(|v| (v.x() + (v.span().end - v.span().start) / 2) as f64).collect();
    let mut cells: Vec<Cell> = columns.iter().map(|_| blank()).collect();
    for (v, j) in values.iter().zip(fit_columns(&centres, columns)) {
        cells[j] = cell_of(v);
    }
    (cells, Some(NoteKind::PlacedByPosition))
}

/// The columns (in order) that values at `centres` stand in: the order-keeping
/// choice nearest to them (least squares).
fn fit_columns(centres: &[f64], columns: &[usize]) -> Vec<usize> {
    let (m, n) = (centres.len(), columns.len());
    let cost =
        |chosen: &[usize]| chosen.iter().zip(centres).map(|(&j, c)| (c - columns[j] as f64).powi(2)).sum::<f64>();
    // Every order-keeping choice of m columns of n (at most C(15, 7) = 6435).
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut chosen: Vec<usize> = (0..m).collect();
    loop {
        let c = cost(&chosen);
        if best.as_ref().is_none_or(|(b, _)| c < *b) {
            best = Some((c, chosen.clone()));
        }
        // The next combination in lexicographic order.
        let Some(i) = (0..m).rev().find(|&i| chosen[i] < n - m + i) else { break };
        chosen[i] += 1;
        for k in i + 1..m {
            chosen[k] = chosen[k - 1] + 1;
        }
    }
    best.map_or_else(Vec::new, |(_, c)| c)
}

/// A space-aligned row that printed every value: where it stands and its value centres.
struct CompleteRow {
    at: usize,
    columns: Vec<usize>,
}

/// The space-aligned rows that printed every value.
fn complete_rows(pending: &[Pending], def: &crate::model::TableDef) -> Vec<CompleteRow> {
    pending
        .iter()
        .filter(|p| p.sep == Separator::Spaces && p.later.is_empty())
        .filter_map(|p| {
            let values = p.same_line.iter().filter(|c| is_value(c));
            let columns: Vec<usize> = values.map(|v| v.x() + (v.span().end - v.span().start) / 2).collect();
            (columns.len() == def.rows[p.row].cols.len()).then_some(CompleteRow { at: p.line_span.start, columns })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROWS: &[&[&str]] = &[&["行政处罚"], &["行政强制"]];

    #[test]
    fn wrapped_labels_are_told_apart_by_where_their_words_stand() {
        // pdftotext -raw: the whole label above its values, the next one's below.
        assert_eq!(wrapped_row("行政处罚", "", "行政强制", ROWS), Some(0));
        // -layout: the label centred on its values, after a row printed blank.
        assert_eq!(wrapped_row("行政处罚行政强", "", "制", ROWS), Some(1));
        // A piece on the values line itself.
        assert_eq!(wrapped_row("行政处罚", "行政强", "制", ROWS), Some(1));
        assert_eq!(wrapped_row("信息内容", "", "", ROWS), None);
    }

    #[test]
    fn a_group_label_may_stand_between_the_pieces() {
        // 三、本 （一）予以公 / values / 年度办 开
        assert_eq!(occurrences(&"三本一予以公年度办开".chars().collect::<Vec<_>>(), "以公开"), vec![(4, 10)]);
        assert!(occurrences(&"予以公年度办理结果开".chars().collect::<Vec<_>>(), "以公开").is_empty());
    }
}

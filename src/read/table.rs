//! One engine for every table: anchors template rows on their labels, in
//! template order, and places the values that follow each label into the
//! row's columns — by position where the layout keeps positions (tabs, pipes,
//! aligned spaces), in sequence otherwise. It reports rather than guesses
//! silently: extra values and positional guesses become notes.

use super::doc::{Cell as DocCell, CellKind, Row};
use super::labels::row_words;
use crate::model::{Cell, CellValue, NoteKind, ReadNote, Table, TableKind, TemplateId};
use crate::text::layout::Separator;
use crate::text::Span;

/// The values found for one template row before they are placed.
struct Pending<'a> {
    row: usize,
    line_span: Span,
    /// The cells after the label on the label's own line.
    same_line: Vec<&'a DocCell>,
    sep: Separator,
    /// Value cells from the lines after the label (labels far from numbers).
    later: Vec<&'a DocCell>,
}

impl Pending<'_> {
    fn has_values(&self) -> bool {
        self.same_line.iter().chain(&self.later).any(|c| is_value(c))
    }
}

fn is_value(c: &DocCell) -> bool {
    matches!(c.kind, CellKind::Number(_) | CellKind::Placeholder)
}

/// Reads `def`'s rows from `rows`; returns the table, the notes, and the index
/// of the last row used (`None` when no row label was found).
pub fn read(rows: &[Row], template: TemplateId, kind: TableKind) -> (Table, Vec<ReadNote>, Option<usize>) {
    let mut table = Table::empty(template, kind);
    let def = table.def;
    let table_key = def.kind.key();
    let mut pending: Vec<Pending> = Vec::new();
    let mut cursor = 0;
    let mut last = None;
    let labels: Vec<&str> = rows.iter().map(Row::head).collect();
    let words: Vec<&[&str]> = def.rows.iter().map(|r| row_words(table_key, r.key)).collect();
    let has_values = |i: usize| rows.get(i).is_some_and(|r| r.cells.iter().any(is_value));
    let find = |label: &str, cursor: usize| {
        (!label.is_empty())
            .then(|| (cursor..words.len()).find(|&k| words[k].iter().any(|w| label.contains(w))))
            .flatten()
    };
    for (i, r) in rows.iter().enumerate() {
        let label = &labels[i];
        let mut matched = find(label, cursor);
        if matched.is_none() && !label.is_empty() && has_values(i) {
            // A label wrapped around its values: its other half is on the line
            // above or below, with no values of its own.
            let above = i.checked_sub(1).filter(|&j| !has_values(j)).map(|j| format!("{}{label}", labels[j]));
            let below = (!has_values(i + 1)).then(|| labels.get(i + 1).map(|l| format!("{label}{l}"))).flatten();
            matched = [above, below].into_iter().flatten().find_map(|joined| find(&joined, cursor));
        }
        let label_end = r.cells.iter().position(is_value).unwrap_or(r.cells.len());
        if let Some(k) = matched {
            // Values start after the last text cell before the first value.
            let after_label = r.cells[..label_end].iter().rposition(|c| c.kind == CellKind::Text).map_or(0, |p| p + 1);
            pending.push(Pending {
                row: k,
                line_span: r.span,
                same_line: r.cells[after_label..].iter().collect(),
                sep: r.sep,
                later: Vec::new(),
            });
            cursor = k + 1;
            last = Some(i);
        } else if let Some(p) = pending.last_mut() {
            let values: Vec<&DocCell> = r.cells.iter().filter(|c| is_value(c)).collect();
            let text_free = r.cells.iter().all(|c| c.kind != CellKind::Text);
            if !values.is_empty() && (text_free || !p.has_values()) {
                p.later.extend(values);
                last = Some(i);
            }
        }
    }
    let columns = space_columns(&pending, def);
    let mut notes = Vec::new();
    for p in &pending {
        let n = def.rows[p.row].cols.len();
        let (cells, kind) = place(p, n, columns.get(&n));
        table.cells[p.row] = cells;
        if let Some(kind) = kind {
            notes.push(ReadNote { table: def.kind, row: def.rows[p.row].key, kind, span: p.line_span });
        }
    }
    (table, notes, last)
}

fn cell_of(c: &DocCell) -> Cell {
    let value = match &c.kind {
        CellKind::Number(n) => CellValue::Number(*n),
        CellKind::Empty => CellValue::Blank,
        // The printed text is filled in by `read::parse`, which has the input.
        _ => CellValue::Invalid(String::new()),
    };
    Cell { value, span: Some(c.span), unit: c.unit }
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
    let values: Vec<&DocCell> = on_line.into_iter().chain(p.later.iter().copied()).collect();
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
            in_sequence(&values, n)
        }
    }
}

/// Values in order; beyond `n` they are extra (the first ones are dropped: a
/// stray number comes from an empty label cell before the row's own values).
fn in_sequence(values: &[&DocCell], n: usize) -> (Vec<Cell>, Option<NoteKind>) {
    let skip = values.len().saturating_sub(n);
    let mut cells: Vec<Cell> = values[skip..].iter().map(|c| cell_of(c)).collect();
    cells.resize(n, Cell::default());
    let note = (skip > 0).then(|| NoteKind::ExtraValues { dropped: numbers(&values[..skip]) });
    (cells, note)
}

fn numbers(cells: &[&DocCell]) -> Vec<(crate::model::Number, Span)> {
    cells
        .iter()
        .filter_map(|c| match c.kind {
            CellKind::Number(n) => Some((n, c.span)),
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
    let mut cells: Vec<Cell> = columns.iter().map(|_| blank()).collect();
    let mut next = 0;
    for v in values {
        let center = v.x + (v.span.end - v.span.start) / 2;
        let best = (next..columns.len()).min_by_key(|&j| columns[j].abs_diff(center));
        match best {
            Some(j) => {
                cells[j] = cell_of(v);
                next = j + 1;
            }
            None => break,
        }
    }
    (cells, Some(NoteKind::PlacedByPosition))
}

/// For space-aligned tables: the column centres of the rows that printed every
/// value, per column count.
fn space_columns(pending: &[Pending], def: &crate::model::TableDef) -> std::collections::HashMap<usize, Vec<usize>> {
    let mut sums: std::collections::HashMap<usize, (Vec<usize>, usize)> = std::collections::HashMap::new();
    for p in pending.iter().filter(|p| p.sep == Separator::Spaces && p.later.is_empty()) {
        let n = def.rows[p.row].cols.len();
        let values: Vec<&&DocCell> = p.same_line.iter().filter(|c| is_value(c)).collect();
        if values.len() == n {
            let entry = sums.entry(n).or_insert_with(|| (vec![0; n], 0));
            for (j, v) in values.iter().enumerate() {
                entry.0[j] += v.x + (v.span.end - v.span.start) / 2;
            }
            entry.1 += 1;
        }
    }
    sums.into_iter().map(|(n, (s, count))| (n, s.into_iter().map(|x| x / count).collect())).collect()
}

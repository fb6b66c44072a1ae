//! The columns of a space-aligned table (pdftotext -layout): where its
//! complete rows print their values, or, where none prints them all, where
//! its column heads stand; each value of a shorter row goes to its nearest column.

use super::{blank, cell_of, is_value, Pending};
use crate::model::{Cell, ColDef, NoteKind, TableDef};
use crate::read::doc::{Cell as DocCell, CellKind, Row, Rows};
use crate::text::layout::Separator;
use crate::text::FoldedRef;

/// Where a column stands: from its left to its right, in columns of the
/// line (its values' in a row that printed them all, or its head's).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(in crate::read) struct Column {
    left: usize,
    right: usize,
}

impl Column {
    fn of(c: &DocCell) -> Column {
        // Values are ASCII, a byte a column (`１２` would count wider, and still fit).
        Column { left: c.x(), right: c.x() + (c.span().end - c.span().start) }
    }
}

/// How a table's cells align their text: a PDF's left (Word), centred (WPS)
/// or right (numbers in a spreadsheet), its values and heads alike.
const ANCHORS: [fn(Column) -> f64; 3] = [|c| c.left as f64, |c| (c.left + c.right) as f64 / 2.0, |c| c.right as f64];

/// Space-aligned rows with fewer values: each value goes to the nearest column
/// of the table's complete rows (or of its heads), measured at the side the
/// table aligns its cells to: the one that fits best. None where some value
/// stands no nearer its column than another (pdftotext squeezes a header
/// and its values apart): which cell is blank is not told by position there.
pub(in crate::read) fn place_by_column(
    values: &[&DocCell],
    columns: &[Column],
) -> Option<(Vec<Cell>, Option<NoteKind>)> {
    let spans: Vec<Column> = values.iter().map(|v| Column::of(v)).collect();
    let fit = |at: fn(Column) -> f64| {
        let columns: Vec<f64> = columns.iter().map(|&c| at(c)).collect();
        let values: Vec<f64> = spans.iter().map(|&v| at(v)).collect();
        let (cost, chosen) = fit_columns(&values, &columns);
        // Each value nearer its column than any other column.
        let clear = values.iter().zip(&chosen).all(|(v, &j)| {
            let d = (v - columns[j]).abs();
            columns.iter().enumerate().all(|(k, c)| k == j || (v - c).abs() > d)
        });
        (cost, chosen, clear)
    };
    // The first side on a tie: most tables align left, as Word's do.
    let (_, chosen, clear) = ANCHORS.map(fit).into_iter().min_by(|a, b| a.0.total_cmp(&b.0))?;
    if !clear {
        return None;
    }
    let mut cells: Vec<Cell> = columns.iter().map(|_| blank()).collect();
    for (v, j) in values.iter().zip(chosen) {
        cells[j] = cell_of(v);
    }
    Some((cells, Some(NoteKind::PlacedByPosition)))
}

/// The columns (in order) that values at `at` stand in: the order-keeping
/// choice nearest to the columns at `columns` (least squares), and its cost.
fn fit_columns(at: &[f64], columns: &[f64]) -> (f64, Vec<usize>) {
    let (m, n) = (at.len(), columns.len());
    if m > n {
        return (f64::INFINITY, Vec::new());
    }
    let cost = |chosen: &[usize]| chosen.iter().zip(at).map(|(&j, c)| (c - columns[j]).powi(2)).sum::<f64>();
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
    best.unwrap_or((f64::INFINITY, Vec::new()))
}

/// A space-aligned row that printed every value: where it stands and where its values do.
pub(in crate::read) struct CompleteRow {
    pub(in crate::read) at: usize,
    pub(in crate::read) columns: Vec<Column>,
}

/// The space-aligned rows that printed every value.
pub(in crate::read) fn complete_rows(pending: &[Pending], def: &TableDef) -> Vec<CompleteRow> {
    pending
        .iter()
        .filter(|p| p.sep == Separator::Spaces && p.later.is_empty())
        .filter_map(|p| {
            let values = p.same_line.iter().filter(|c| is_value(c));
            let columns: Vec<Column> = values.map(|v| Column::of(v)).collect();
            (columns.len() == def.rows[p.row].cols.len()).then_some(CompleteRow { at: p.line_span.start, columns })
        })
        .collect()
}

/// A space-aligned line of column heads: where it starts, and its last
/// words (as many as its heads), each where it stands.
pub(in crate::read) struct HeadLine<'a> {
    pub(in crate::read) at: usize,
    heads: Vec<(&'a str, Column)>,
}

/// Head cells at most chars long: `法律服务机构`, not a row's label.
const MAX_HEAD: usize = 8;

/// The space-aligned lines of `rows` that end in two or more short heads:
/// the lines that may print a table's column heads (`自然人  商业企  …  总计`).
/// pdftotext sets narrow heads one space apart (`结果维 结果纠 其他结`), which
/// is one cell: its words are heads each.
pub(in crate::read) fn head_lines<'a>(rows: Rows<'a>) -> Vec<HeadLine<'a>> {
    let mut out = Vec::new();
    let aligned = |r: &Row| matches!(r.sep, Separator::Spaces | Separator::None) && !r.prose;
    for r in rows.iter().filter(aligned) {
        let tail = r.cells.iter().rev().take_while(|c| c.kind() == CellKind::Text);
        let mut heads: Vec<(&str, Column)> = Vec::new();
        'cells: for c in tail {
            for head in words(r.label, c).into_iter().rev() {
                if head.0.is_empty() || head.0.chars().count() > MAX_HEAD {
                    break 'cells;
                }
                heads.push(head);
            }
        }
        if heads.len() >= 2 {
            out.push(HeadLine { at: r.span.start, heads: heads.into_iter().rev().collect() });
        }
    }
    out
}

/// The words of text cell `c` (its bare text, split where the input had a
/// blank or a mark between), each where it stands: a character a column.
fn words<'a>(label: FoldedRef<'a>, c: &DocCell) -> Vec<(&'a str, Column)> {
    let range = c.bare();
    let (Some(text), origins) = (label.text.get(range.clone()), label.origins) else { return Vec::new() };
    // The label's chars before the cell's: where its origins start.
    let first = label.text[..range.start].chars().count();
    let mut out = Vec::new();
    let (mut start, mut col, mut word_col, mut chars) = (0, c.x(), c.x(), 0);
    let mut prev: Option<(u32, usize)> = None;
    for (k, (b, ch)) in text.char_indices().enumerate() {
        let Some(&origin) = origins.get(first + k) else { break };
        if let Some((o, len)) = prev {
            // Bytes between this char and the one before it: blanks or marks, a column each.
            let between = (origin as usize).saturating_sub(o as usize + len);
            if between > 0 {
                out.push((&text[start..b], Column { left: word_col, right: word_col + chars }));
                (start, chars) = (b, 0);
                col += between;
                word_col = col;
            }
        } else {
            col = c.x() + (origin as usize).saturating_sub(c.span().start);
            word_col = col;
        }
        prev = Some((origin, ch.len_utf8()));
        col += 1;
        chars += 1;
    }
    out.push((&text[start..], Column { left: word_col, right: word_col + chars }));
    out
}

/// The columns `cols` by the nearest line of heads above `at` that names them
/// (each head begins as its column's label does, a head cut over two lines
/// too: `商业企` / `业`; one may differ), or else by heads stacked over the
/// lines above ([`columns_by_stacked_heads`]): where each stands. For a
/// space-aligned table whose rows leave cells blank and none prints them all.
pub(in crate::read) fn columns_by_heads(heads: &[HeadLine], cols: &[ColDef], at: usize) -> Option<Vec<Column>> {
    let n = cols.len();
    let names = |h: &HeadLine| {
        let last = &h.heads[h.heads.len().checked_sub(n)?..];
        let same = |(head, col): (&(&str, Column), &ColDef)| head.0.chars().take(2).eq(col.label.chars().take(2));
        let named = last.iter().zip(cols).filter(|&p| same(p)).count();
        (n >= 2 && named + 1 >= n).then(|| last.iter().map(|&(_, x)| x).collect())
    };
    let above = || heads.iter().rev().filter(|h| h.at < at);
    above().find_map(names).or_else(|| {
        let near: Vec<&HeadLine> = above().take(STACKED).collect();
        columns_by_stacked_heads(&near, &cols.iter().map(|c| c.label).collect::<Vec<_>>())
    })
}

/// Lines a table's heads stack over at most: group heads, then heads cut over two or three lines.
const STACKED: usize = 6;

/// The columns `labels` by heads printed over several lines (the review
/// table's `结果维` / `持` under its groups, pdftotext -layout): every head
/// of `heads` that begins as a label does, left to right, one for each label
/// in order. None unless each label finds one.
fn columns_by_stacked_heads(heads: &[&HeadLine], labels: &[&str]) -> Option<Vec<Column>> {
    let mut found: Vec<(&str, Column)> = heads.iter().flat_map(|h| h.heads.iter().copied()).collect();
    crate::text::order::sort_by_key(&mut found, |&(_, c)| c.left);
    let mut next = found.into_iter();
    let mut out: Vec<Column> = Vec::with_capacity(labels.len());
    for label in labels {
        // A column's head on two lines stands at about one place: the next column is two on at least.
        let after = |c: Column| out.last().is_none_or(|l: &Column| c.left >= l.left + 2);
        let (_, c) = next.find(|&(head, c)| begins(head, label) && after(c))?;
        out.push(c);
    }
    (labels.len() >= 2).then_some(out)
}

/// Whether `head` begins as `label` does: their first two characters, or a head of one.
fn begins(head: &str, label: &str) -> bool {
    let one = head.chars().count() == 1 && label.starts_with(head);
    one || head.chars().take(2).eq(label.chars().take(2))
}

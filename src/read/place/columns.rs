//! The columns of a space-aligned table (pdftotext -layout): where its
//! complete rows print their values, or, where none prints them all, where
//! its column heads stand; each value of a shorter row goes to its nearest column.

use super::{blank, cell_of, is_value, Pending};
use crate::model::{Cell, ColDef, NoteKind, TableDef};
use crate::read::doc::{Cell as DocCell, CellKind, Rows};
use crate::text::layout::Separator;

/// Space-aligned rows with fewer values: each value goes to the nearest column
/// of the table's complete rows.
pub(in crate::read) fn place_by_column(values: &[&DocCell], columns: &[usize]) -> (Vec<Cell>, Option<NoteKind>) {
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
pub(in crate::read) struct CompleteRow {
    pub(in crate::read) at: usize,
    pub(in crate::read) columns: Vec<usize>,
}

/// The space-aligned rows that printed every value.
pub(in crate::read) fn complete_rows(pending: &[Pending], def: &TableDef) -> Vec<CompleteRow> {
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

/// A space-aligned line of column heads: where it starts, and the display
/// centres of its last cells (as many as its heads).
pub(in crate::read) struct HeadLine<'a> {
    pub(in crate::read) at: usize,
    heads: Vec<(&'a str, usize)>,
}

/// Head cells at most chars long: `法律服务机构`, not a row's label.
const MAX_HEAD: usize = 8;

/// The space-aligned lines of `rows` that end in two or more short text cells:
/// the lines that may print a table's column heads (`自然人  商业企  …  总计`).
pub(in crate::read) fn head_lines<'a>(rows: Rows<'a>) -> Vec<HeadLine<'a>> {
    let mut out = Vec::new();
    for r in rows.iter().filter(|r| r.sep == Separator::Spaces && !r.prose) {
        let tail = r.cells.iter().rev().take_while(|c| c.kind() == CellKind::Text);
        let heads: Vec<(&str, usize)> = tail
            .map(|c| {
                let text = r.label.text.get(c.bare()).unwrap_or("");
                let width: usize = text.chars().map(|ch| if ch.is_ascii() { 1 } else { 2 }).sum();
                (text, c.x() + width / 2)
            })
            .take_while(|(t, _)| !t.is_empty() && t.chars().count() <= MAX_HEAD)
            .collect();
        if heads.len() >= 2 {
            out.push(HeadLine { at: r.span.start, heads: heads.into_iter().rev().collect() });
        }
    }
    out
}

/// The columns `cols` by the nearest line of heads above `at` that names them
/// (each head begins as its column's label does, a head cut over two lines
/// too: `商业企` / `业`; one may differ): the display centre of each. For a
/// space-aligned table whose rows leave cells blank and none prints them all.
pub(in crate::read) fn columns_by_heads(heads: &[HeadLine], cols: &[ColDef], at: usize) -> Option<Vec<usize>> {
    let n = cols.len();
    let names = |h: &HeadLine| {
        let last = &h.heads[h.heads.len().checked_sub(n)?..];
        let same = |(head, col): (&(&str, usize), &ColDef)| head.0.chars().take(2).eq(col.label.chars().take(2));
        let named = last.iter().zip(cols).filter(|&p| same(p)).count();
        (n >= 2 && named + 1 >= n).then(|| last.iter().map(|&(_, x)| x).collect())
    };
    heads.iter().rev().filter(|h| h.at < at).find_map(names)
}

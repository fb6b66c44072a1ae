//! Blank cells placed by arithmetic, in tables read from lines: a row printed
//! with fewer values than cells, where the text kept no trace of its blank
//! ones (a PDF's text on single spaces, values one a line with no mark for a
//! blank), is read in sequence, its first cells filled, the rest not found.
//! Where the table's identities put its blanks in one place only (every other
//! placement breaks one), they are placed there, a decision recorded as the
//! glued digits' are (`NoteKind::Split`, each value one cell); else the row
//! stays as read. Arithmetic never hides an error: a table that does not add
//! up in any placement keeps its row as read, and so does a row whose value
//! the text lost (no placement of a blank balances it).

use super::choose::{self, Printed};
use super::split::{Piece, Readings};
use crate::model::identities::{self, Relation};
use crate::model::{Cell, CellValue, NoteKind, ReadNote, Table, TableKind};
use crate::text::Span;

/// Blank cells a row may leave untraced, at most, to be placed: with more,
/// few identities tell the placements apart.
const MAX_BLANKS: usize = 2;

/// Places the blanks of `table`'s rows read short, where its identities
/// settle them; the decisions replace the rows' notes of values placed by position.
pub fn place(table: &mut Table, notes: &mut Vec<ReadNote>) {
    let def = table.def;
    let positioned =
        |row: &str| notes.iter().any(|n| n.table == def.kind && n.row == row && n.kind == NoteKind::PlacedByPosition);
    let all: Vec<(usize, usize)> =
        def.rows.iter().enumerate().flat_map(|(r, row)| (0..row.cols.len()).map(move |c| (r, c))).collect();
    // The printed rows: each template row, or the review table's one row of fifteen
    // (read so, its note on its first row, the cells not found in its last).
    let one_row = def.kind == TableKind::Review
        && positioned(def.rows[0].key)
        && table.cells[0].iter().all(|c| c.value != CellValue::Missing);
    let rows: Vec<Vec<(usize, usize)>> = if one_row {
        vec![all]
    } else {
        def.rows.iter().enumerate().map(|(r, row)| (0..row.cols.len()).map(|c| (r, c)).collect()).collect()
    };
    let value = |&(r, c): &(usize, usize)| &table.cells[r][c].value;
    let mut printed = Vec::new();
    // For each printed row read short: its index in `printed`, how many values it has.
    let mut short = Vec::new();
    for cells in rows {
        let k = cells.iter().take_while(|c| *value(c) != CellValue::Missing).count();
        let rest_missing = cells[k..].iter().all(|c| *value(c) == CellValue::Missing);
        let numbers = cells[..k].iter().all(|c| matches!(value(c), CellValue::Number(_)));
        let key = def.rows[cells[0].0].key;
        if k == cells.len() {
            let pieces = cells.iter().enumerate().map(|(i, c)| as_read(value(c), i)).collect();
            printed.push(Printed { cells, readings: one_reading(pieces) });
        } else if k > 0 && rest_missing && numbers && cells.len() - k <= MAX_BLANKS && positioned(key) {
            let n = cells.len();
            let readings = placements(k, n, &|i| match value(&cells[i]) {
                CellValue::Number(v) => Some(*v),
                _ => None,
            });
            short.push((printed.len(), k));
            printed.push(Printed { cells, readings });
        }
    }
    if short.is_empty() {
        return;
    }
    // The placements of all short rows tried together (beyond that, `choose`
    // settles one row at a time, and one placement alone is no longer sure).
    let together = short.iter().try_fold(1usize, |n, &(p, _)| n.checked_mul(printed[p].readings.kept.len()));
    if together.is_none_or(|n| n > choose::MAX_COMBINATIONS) {
        return;
    }
    // The equalities only: an inequality (现行有效 ≥ 制发 − 废止) holds for
    // one placement and not another where a value was lost or is wrong.
    let mut terms = identities::terms(table.template, def);
    terms.retain(|(relation, _)| *relation == Relation::Equal);
    let choices = choose::choose(&terms, &printed, &[]);
    for (p, k) in short {
        let (choice, row) = (&choices[p], &printed[p]);
        // Only where one placement alone makes every identity it was checked
        // against hold: a value the text lost (no blank at all) breaks them
        // wherever a blank would stand, and is left not found.
        if choice.balanced != 1 || choice.tie.is_some() {
            continue;
        }
        let read: Vec<Cell> = row.cells[..k].iter().map(|&(r, c)| table.cells[r][c].clone()).collect();
        let spans: Vec<Span> = read.iter().filter_map(|c| c.span).collect();
        let span = match (spans.first(), spans.last()) {
            (Some(a), Some(b)) => Span::new(a.start, b.end),
            _ => continue,
        };
        let reading = &row.readings.kept[choice.reading];
        for (&(r, c), piece) in row.cells.iter().zip(reading) {
            table.cells[r][c] = if piece.is_blank() {
                Cell { value: CellValue::Blank, span: Some(span), unit: None }
            } else {
                read[piece.from].clone()
            };
        }
        let key = def.rows[row.cells[0].0].key;
        notes.retain(|n| !(n.table == def.kind && n.row == key && n.kind == NoteKind::PlacedByPosition));
        let (blanks, cells) = (row.cells.len() - k, row.cells.len());
        let kind = NoteKind::Split {
            readings: Some(choice.readings),
            balanced: choice.balanced,
            other: None,
            blanks,
            cells,
            lines: true,
        };
        notes.push(ReadNote { table: def.kind, row: key, kind, span });
    }
}

/// A cell as read, as a piece of the one reading of its row (`from`: its index).
fn as_read(value: &CellValue, i: usize) -> Piece {
    match value {
        CellValue::Number(n) => Piece { value: Some(*n), from: i, to: i + 1 },
        // Counted as 0, as the checks count it.
        CellValue::Blank => Piece { value: None, from: i, to: i },
        // Not a number: what holds it cannot be evaluated.
        _ => Piece { value: None, from: i, to: i + 1 },
    }
}

fn one_reading(pieces: Vec<Piece>) -> Readings {
    Readings { kept: vec![pieces], total: 1, more: false, steps: 0, blanks: 0 }
}

/// Every placement of `k` values (in order, `value(i)`) in `n` cells, the
/// others blank; as read first (the blanks last).
fn placements(k: usize, n: usize, value: &dyn Fn(usize) -> Option<crate::model::Number>) -> Readings {
    let mut kept = Vec::new();
    // The cells the values take, as a rising sequence of k of the n, the last first.
    let mut at: Vec<usize> = (0..k).collect();
    loop {
        let mut reading = Vec::with_capacity(n);
        let mut next = 0;
        for cell in 0..n {
            if at.get(next) == Some(&cell) {
                reading.push(Piece { value: value(next), from: next, to: next + 1 });
                next += 1;
            } else {
                reading.push(Piece { value: None, from: next, to: next });
            }
        }
        kept.push(reading);
        // The next combination in order.
        let Some(i) = (0..k).rev().find(|&i| at[i] < n - k + i) else { break };
        at[i] += 1;
        for j in i + 1..k {
            at[j] = at[j - 1] + 1;
        }
    }
    let total = kept.len();
    Readings { kept, total, more: false, steps: 0, blanks: n - k }
}

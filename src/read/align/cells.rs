//! The cells of an aligned row: one from each piece of a split, or, where no
//! split fits, the values as printed.

use crate::model::{Cell, CellValue, NoteKind};
use crate::read::split::Piece;
use crate::read::tokens::{Group, Run, Stream};

pub(super) fn cell(s: &Stream, piece: &Piece, unit: Option<&'static str>) -> Cell {
    let value = match piece.value {
        Some(n) => CellValue::Number(n),
        // The printed text is filled in by `read::parse`, which has the input.
        None => CellValue::Invalid(String::new()),
    };
    let unit = unit.filter(|_| piece.value.is_some_and(|n| n.scale > 0));
    Cell { value, span: Some(s.span(piece.from, piece.to)), unit }
}

/// Values that no split fits into `n` cells: more groups than cells (the
/// first are dropped, as the line reader does), or too few digits (the row is short).
pub(super) fn unsplit(s: &Stream, run: &Run, n: usize) -> (Vec<Cell>, Option<NoteKind>) {
    let pieces: Vec<Piece> = run
        .groups
        .iter()
        .map(|g| {
            let from = match g {
                Group::Digits { at, .. } | Group::Placeholder { at, .. } => *at,
            };
            let value = g.number_text().and_then(|t| crate::read::values::parse_number(&t));
            Piece { value, from, to: g.end() }
        })
        .collect();
    let skip = pieces.len().saturating_sub(n);
    let mut cells: Vec<Cell> = pieces[skip..].iter().map(|p| cell(s, p, run.unit)).collect();
    cells.resize(n, Cell::default());
    let dropped: Vec<_> = pieces[..skip].iter().filter_map(|p| p.value.map(|v| (v, s.span(p.from, p.to)))).collect();
    (cells, (skip > 0).then_some(NoteKind::ExtraValues { dropped }))
}

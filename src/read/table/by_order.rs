//! A second reading of a table, by the order of its lines of values, for
//! text whose labels and values a PDF's text flow put apart (labels stacked
//! above their rows, or wrapped around other rows' lines). Each line of
//! values that holds a row's own words anchors that row; between two anchors
//! (and before the first, after the last), lines of values alone are the
//! rows between them without a line, in template order, where there is
//! exactly one whole row of values for each. The table engine takes this
//! reading where it reads more of the table than reading by labels does.

use super::super::doc::{CellKind, Row, Rows};
use super::super::labels::SHOWN;
use super::super::place::{is_value, Pending};
use super::lines::names_heads;
use crate::model::{NoteKind, ReadNote, TableDef};
use crate::text::is_bare;

/// Chars a piece of an official label has at least to be taken as one.
const PIECE: usize = 6;

/// An official label's bare chars.
fn bare_label(label: &str) -> String {
    label.chars().filter(|&c| is_bare(c)).collect()
}

/// The rows found, what was decided, and the lines they stand on.
pub(super) struct ByOrder<'a> {
    pub(super) pending: Vec<Pending<'a>>,
    pub(super) notes: Vec<ReadNote>,
    pub(super) anchors: Vec<usize>,
}

pub(super) fn read<'a>(rows: Rows<'a>, def: &TableDef) -> ByOrder<'a> {
    let n = def.rows.len();
    // Lines with values, in order, and the row each holds the words of.
    // (line, row, the row it names, whether it is text naming no row)
    let mut lines: Vec<(usize, Row<'a>, Option<usize>, bool)> = Vec::new();
    let mut claimed = vec![false; n];
    // The official labels, bare, made once for the region's lines.
    let bare_labels: Vec<String> = def.rows.iter().map(|d| bare_label(d.label)).collect();
    for (i, r) in rows.iter().enumerate() {
        if !r.cells.iter().any(is_value) {
            continue;
        }
        let label = if names_heads(&r, def) { "" } else { r.head() };
        let own = |k: &usize| !claimed[*k] && def.rows[*k].words.iter().any(|w| label.contains(w));
        let found = (!label.is_empty()).then(|| (0..n).find(own)).flatten();
        // Text with values that names no row (a sub-row the format lacks) is
        // none of the rows' lines: said so, as reading by labels does. A piece
        // of a row's official label (`行政机关不再处理其政府信息公`, the rest
        // wrapped elsewhere) names no row either, but its values may be one's.
        if found.is_none() && !label.is_empty() {
            let bare: String = label.chars().filter(|&c| is_bare(c)).collect();
            let piece = bare.chars().count() >= PIECE && bare_labels.iter().any(|l| l.contains(&bare));
            lines.push((i, r, None, !piece));
            continue;
        }
        if let Some(k) = found {
            claimed[k] = true;
        }
        lines.push((i, r, found, false));
    }
    let mut out = ByOrder { pending: Vec::new(), notes: Vec::new(), anchors: Vec::new() };
    // Anchors in increasing template order (one out of order claims its row, and bounds nothing).
    let mut bound: Option<usize> = None;
    let mut alone: Vec<usize> = Vec::new();
    // The row's values after its label, if any: no text among them, as many as its columns.
    let whole = |r: &Row, k: usize| {
        let after = r.cells.iter().position(is_value).unwrap_or(r.cells.len());
        let values = &r.cells[after..];
        values.iter().all(|c| c.kind() != CellKind::Text)
            && values.iter().filter(|c| is_value(c)).count() == def.rows[k].cols.len()
    };
    // Values no row takes, said so under the row above them.
    let unplaced = |out: &mut ByOrder<'a>, l: usize, above: Option<usize>| {
        let (_, r, _, _) = &lines[l];
        let dropped = r.cells.iter().filter_map(|c| match c.kind() {
            CellKind::Number(v) => Some((v, c.span())),
            _ => None,
        });
        let printed: String = r.label.text.chars().take(SHOWN).collect();
        let kind = NoteKind::Unplaced { printed, dropped: dropped.collect() };
        out.notes.push(ReadNote { table: def.kind, row: def.rows[above.unwrap_or(0)].key, kind, span: r.span });
    };
    let gap = |out: &mut ByOrder<'a>, alone: &mut Vec<usize>, from: Option<usize>, to: usize| {
        let free: Vec<usize> = (from.map_or(0, |f| f + 1)..to).filter(|&k| !claimed[k]).collect();
        // A line that is no whole row for any of them (a stray `1`, a sub-row) is none of theirs.
        let (rows_of, other): (Vec<usize>, Vec<usize>) =
            alone.iter().partition(|&&l| !lines[l].3 && free.iter().any(|&k| whole(&lines[l].1, k)));
        other.into_iter().for_each(|l| unplaced(out, l, from));
        *alone = rows_of;
        let fits = free.len() == alone.len() && free.iter().zip(alone.iter()).all(|(&k, &l)| whole(&lines[l].1, k));
        if !fits {
            alone.iter().for_each(|&l| unplaced(out, l, from));
        }
        if fits && !free.is_empty() {
            for (&k, &l) in free.iter().zip(alone.iter()) {
                let (i, r, ..) = &lines[l];
                let mut p = Pending::new(k, r.span, Vec::new(), r.sep);
                // Its values only (a piece of a label may stand before them).
                p.add_later(r.cells.iter().skip_while(|c| !is_value(c)));
                out.pending.push(p);
                out.anchors.push(*i);
                out.notes.push(ReadNote {
                    table: def.kind,
                    row: def.rows[k].key,
                    kind: NoteKind::Unlabeled,
                    span: r.span,
                });
            }
        }
        alone.clear();
    };
    for (l, (i, r, found, _)) in lines.iter().enumerate() {
        let (i, found) = (*i, *found);
        let Some(k) = found else {
            alone.push(l);
            continue;
        };
        if bound.is_none_or(|b| k > b) {
            gap(&mut out, &mut alone, bound, k);
            bound = Some(k);
        }
        let label_end = r.cells.iter().position(is_value).unwrap_or(r.cells.len());
        let after_label = r.cells[..label_end].iter().rposition(|c| c.kind() == CellKind::Text).map_or(0, |p| p + 1);
        out.pending.push(Pending::new(k, r.span, r.cells[after_label..].iter().collect(), r.sep));
        out.anchors.push(i);
    }
    gap(&mut out, &mut alone, bound, n);
    out.anchors.sort_unstable();
    out
}

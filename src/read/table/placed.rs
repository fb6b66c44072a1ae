//! The last step of reading a table: the values found for each row placed
//! into its columns (`place`), by the columns of the table's complete rows
//! where spaces align them, or of its heads where no row prints every value.

use super::super::doc::Rows;
use super::super::place::{columns_by_heads, complete_rows, head_lines, place, HeadLine, Pending};
use crate::model::{ReadNote, Table};
use crate::text::layout::Separator;

/// `table` with the values found for its rows (`pending`) placed into their
/// columns; the notes of what placing them decided join `notes`.
pub(super) fn placed(
    rows: Rows,
    above: Rows,
    mut table: Table,
    pending: &[Pending],
    notes: &mut Vec<ReadNote>,
) -> Table {
    let def = table.def;
    let complete = complete_rows(pending, def);
    // A row label that is the text's last line (the copy was cut there): its
    // values are not in the text, which is not a row printed blank.
    let cut = pending.last().filter(|p| {
        let mut after = rows.iter().filter(|r| r.span.start >= p.line_span.end);
        p.slot_count() == 0 && rows.reach_the_end() && after.all(|r| r.cells.is_empty())
    });
    let cut = cut.map(|p| p.row);
    // A text that spaces every line apart (`0`, an empty line, `-2`) has rows
    // with more lines than columns: there an empty line is no blank cell.
    let empty_lines_are_cells = pending.iter().all(|p| p.lines_fit(def.rows[p.row].cols.len()));
    // The lines of column heads, found once a row needs them.
    let mut heads: Option<Vec<HeadLine>> = None;
    for p in pending {
        if Some(p.row) == cut {
            continue;
        }
        let n = def.rows[p.row].cols.len();
        // The columns of the nearest complete row: their spacing changes from page to page.
        let nearest = complete.iter().filter(|c| c.columns.len() == n).min_by_key(|c| c.at.abs_diff(p.line_span.start));
        // None prints every value: the columns are where the table's heads stand.
        let mut by_heads = || {
            let heads = heads.get_or_insert_with(|| head_lines(above).into_iter().chain(head_lines(rows)).collect());
            columns_by_heads(heads, def.rows[p.row].cols, p.line_span.start)
        };
        let heads_columns = match nearest {
            None if p.sep == Separator::Spaces && p.later.is_empty() => by_heads(),
            _ => None,
        };
        let columns = nearest.map(|c| &c.columns).or(heads_columns.as_ref());
        let (cells, kind) = place(p, n, columns, empty_lines_are_cells);
        table.cells[p.row] = cells;
        if let Some(kind) = kind {
            notes.push(ReadNote { table: def.kind, row: def.rows[p.row].key, kind, span: p.line_span });
        }
    }
    table
}

//! The grid of one HTML table: where each cell of a row stands once the
//! rowspans above and the colspans before it are resolved. Coverage by
//! rowspans is one "covered until row" mark per column, so a row costs its
//! cells and the table's width (bounded by `text::limits`), never rows × width.
//! A row that stops short of the table's right edge is padded with blank
//! cells, at most `MAX_ROW_PADDING` of them: what the official tables need.

use crate::text::limits::{Limit, MAX_ROWSPAN, MAX_ROW_PADDING, MAX_TABLE_COLUMNS};

use super::Rendered;

/// A cell of a table row as written: its grid position and its text.
pub(super) struct GridCell {
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: Rendered,
}

#[derive(Default)]
pub(super) struct Grid {
    /// Per grid column: the first row no rowspan above covers any more.
    covered_until: Vec<usize>,
    /// The widest row so far, in grid columns (within the bound).
    width: usize,
    /// The index of the row being read (rows with no cells do not count).
    row_index: usize,
    pub row: Vec<GridCell>,
    pub in_row: bool,
    pub in_cell: bool,
}

impl Grid {
    fn covered_at(&self, col: usize) -> bool {
        self.covered_until.get(col).is_some_and(|&until| until > self.row_index)
    }

    /// Opens a cell after the row's last one, past any covered columns. A span
    /// over a bound is cut to it, and the bound is returned.
    pub fn open_cell(&mut self, rowspan: usize, colspan: usize) -> Option<Limit> {
        let mut col = self.row.last().map_or(0, |c| c.col + c.colspan);
        // Coverage is kept only within the width bound, so this stops there.
        while self.covered_at(col) {
            col += 1;
        }
        let mut hit = None;
        if col + colspan > MAX_TABLE_COLUMNS {
            hit = Some(Limit::TableColumns);
        }
        let room = MAX_TABLE_COLUMNS.saturating_sub(col).max(1);
        if rowspan > MAX_ROWSPAN {
            hit = Some(Limit::Rowspan);
        }
        let (rowspan, colspan) = (rowspan.min(MAX_ROWSPAN), colspan.min(room));
        self.row.push(GridCell { col, rowspan, colspan, text: Rendered::default() });
        self.in_cell = true;
        hit
    }

    /// Ends the row: its cells and how many blank cells it leaves out before
    /// the table's right edge, for the caller to write; the rowspans it opens
    /// cover the columns below.
    pub fn end_row(&mut self) -> (Vec<GridCell>, usize) {
        self.in_row = false;
        self.in_cell = false;
        let cells = std::mem::take(&mut self.row);
        if cells.is_empty() {
            return (cells, 0);
        }
        let row_end = cells.last().map_or(0, |c| c.col + c.colspan).min(MAX_TABLE_COLUMNS);
        let padding = (row_end..self.width).filter(|&c| !self.covered_at(c)).take(MAX_ROW_PADDING).count();
        self.width = self.width.max(row_end);
        for c in cells.iter().filter(|c| c.rowspan > 1 && c.col < MAX_TABLE_COLUMNS) {
            let end = (c.col + c.colspan).min(MAX_TABLE_COLUMNS);
            if self.covered_until.len() < end {
                self.covered_until.resize(end, 0);
            }
            for until in &mut self.covered_until[c.col..end] {
                *until = self.row_index + c.rowspan;
            }
        }
        self.row_index += 1;
        (cells, padding)
    }
}

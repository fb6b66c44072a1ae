//! The canonical model of an annual report (see `../shared/spec/schema.md`):
//! metadata, chapters and the three statistical tables, each cell a value,
//! blank or missing, with the span it was read from.

pub mod template;

use crate::text::Span;
pub use template::{ColDef, RowDef, TableDef, TableKind, Template, TemplateId};

/// A number as printed: an integer mantissa and a count of decimals
/// (`3.5000` is 35000 × 10⁻⁴), so sums stay exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    pub mantissa: i64,
    pub scale: u8,
}

impl Number {
    pub fn int(v: i64) -> Self {
        Number { mantissa: v, scale: 0 }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let p = 10i64.pow(u32::from(self.scale));
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let m = self.mantissa.unsigned_abs();
        let p = p.unsigned_abs();
        write!(f, "{sign}{}.{:0w$}", m / p, m % p, w = usize::from(self.scale))
    }
}

/// What a template cell holds in the report.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum CellValue {
    Number(Number),
    /// The report's table has the cell but left it empty.
    Blank,
    /// The report's table lacks the cell (or the row).
    #[default]
    Missing,
    /// Something other than a number where one belongs (`/`, `—`, `无`): not read as 0.
    Invalid(String),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub value: CellValue,
    pub span: Option<Span>,
}

/// One of the three tables, laid out as its template says: `cells[row][col]`.
#[derive(Clone, Debug)]
pub struct Table {
    /// The template whose layout the report's table follows.
    pub template: TemplateId,
    pub def: &'static TableDef,
    pub cells: Vec<Vec<Cell>>,
}

impl Table {
    /// The table `kind` of `template` with every cell missing.
    pub fn empty(template: TemplateId, kind: TableKind) -> Self {
        let def = template.template().table(kind);
        let cells = def.rows.iter().map(|r| vec![Cell::default(); r.cols.len()]).collect();
        Table { template, def, cells }
    }

    /// The cell at `row.col` (keys as in schema.md), if the template has it.
    pub fn cell(&self, row: &str, col: &str) -> Option<&Cell> {
        let r = self.def.rows.iter().position(|d| d.key == row)?;
        let c = self.def.rows[r].cols.iter().position(|d| d.key == col)?;
        Some(&self.cells[r][c])
    }
}

#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub year: Option<i32>,
    pub year_span: Option<Span>,
    pub template: Option<TemplateId>,
}

#[derive(Clone, Debug, Default)]
pub struct Tables {
    pub active: Option<Table>,
    pub requests: Option<Table>,
    pub review: Option<Table>,
}

/// Something the reader had to decide about a table row: the checks turn
/// these into diagnostics (CELL-EXTRA, and guesses labelled as guesses).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// The row printed more values than the template has columns; these were left out.
    ExtraValues { dropped: Vec<(Number, Span)> },
    /// The row printed fewer values than columns; blanks were placed by their position.
    PlacedByPosition,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadNote {
    pub table: TableKind,
    pub row: &'static str,
    pub kind: NoteKind,
    /// The row's line in the input.
    pub span: Span,
}

/// A report as read: what could be read, and nothing invented.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub meta: Meta,
    pub tables: Tables,
    pub notes: Vec<ReadNote>,
}

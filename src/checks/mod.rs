//! Checks: rules over the read model, each in its own file with its code.
//! They only look at the model; spans point back into the input.

mod cell_blank;
mod cell_extra;
mod s_table;

use crate::model::Report;
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A finding: its code, how bad it is, a message stating the numbers, the
/// cells it is about (`table.row.col`) and where in the input it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub cells: Vec<String>,
    pub span: Option<Span>,
}

/// Every diagnostic for a report, in input order.
pub fn check(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    s_table::check(report, &mut out);
    cell_blank::check(report, &mut out);
    cell_extra::check(report, &mut out);
    out.sort_by_key(|d| d.span.map_or(usize::MAX, |s| s.start));
    out
}

/// The key of a cell: `table.row.col`.
pub fn cell_key(table: &crate::model::Table, row: usize, col: usize) -> String {
    let r = &table.def.rows[row];
    format!("{}.{}.{}", table.def.kind.key(), r.key, r.cols[col].key)
}

//! CELL-BLANK (warning): template cells left empty (not 0), one finding per row.

use super::{cell_key, Diagnostic, Severity};
use crate::model::{CellValue, Report};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let t = &report.tables;
    for table in [&t.active, &t.requests, &t.review].into_iter().flatten() {
        for (r, row) in table.cells.iter().enumerate() {
            let blank: Vec<usize> = (0..row.len()).filter(|&c| row[c].value == CellValue::Blank).collect();
            if blank.is_empty() {
                continue;
            }
            let def = &table.def.rows[r];
            let labels: Vec<&str> = blank.iter().map(|&c| def.cols[c].label).collect();
            let span = row.iter().find_map(|c| c.span);
            out.push(Diagnostic {
                code: "CELL-BLANK",
                severity: Severity::Warning,
                message: format!(
                    "“{}”行有 {} 个单元格空白（{}）：空白不等于 0，没有发生的应填 0。",
                    def.label,
                    blank.len(),
                    labels.join("、")
                ),
                cells: blank.iter().map(|&c| cell_key(table, r, c)).collect(),
                span,
            });
        }
    }
}

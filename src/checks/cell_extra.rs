//! CELL-EXTRA (warning): a row printed more values than the template has columns.

use super::{cell_key, Diagnostic, Severity};
use crate::model::{NoteKind, Report};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for note in &report.notes {
        let NoteKind::ExtraValues { dropped } = &note.kind else { continue };
        let t = &report.tables;
        let Some(table) = [&t.active, &t.requests, &t.review].into_iter().flatten().find(|t| t.def.kind == note.table)
        else {
            continue;
        };
        let Some(r) = table.def.rows.iter().position(|r| r.key == note.row) else { continue };
        let row = &table.def.rows[r];
        let values: Vec<String> = dropped.iter().map(|(n, _)| n.to_string()).collect();
        out.push(Diagnostic {
            code: "CELL-EXTRA",
            severity: Severity::Warning,
            message: format!(
                "“{}”行有 {} 个数字，多于模板的 {} 列；按后 {} 个读取，未使用开头的 {}。",
                row.label,
                row.cols.len() + dropped.len(),
                row.cols.len(),
                row.cols.len(),
                values.join("、")
            ),
            cells: (0..row.cols.len()).map(|c| cell_key(table, r, c)).collect(),
            span: dropped.first().map(|(_, s)| *s).or(Some(note.span)),
        });
    }
}

//! CELL-EXTRA (warning): a row printed more values than the template has columns.

use super::{Diagnostic, Severity};
use crate::model::{NoteKind, Report};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for note in &report.notes {
        let NoteKind::ExtraValues { dropped } = &note.kind else { continue };
        let t = &report.tables;
        let Some(table) = [&t.active, &t.requests, &t.review].into_iter().flatten().find(|t| t.def.kind == note.table)
        else {
            continue;
        };
        let Some(row) = table.def.rows.iter().find(|r| r.key == note.row) else { continue };
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
            cells: row.cols.iter().map(|c| format!("{}.{}.{}", note.table.key(), row.key, c.key)).collect(),
            span: dropped.first().map(|(_, s)| *s).or(Some(note.span)),
        });
    }
}

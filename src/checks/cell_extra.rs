//! CELL-EXTRA (warning): a row printed more values than the template has
//! columns, or a line inside a table holds values no row of the format takes.

use super::identities::short_row;
use super::{cell_key, Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{NoteKind, Report};

pub static RULE: Rule = Rule {
    code: "CELL-EXTRA",
    severity: Severity::Warning,
    name: "多出的数字",
    run: super::Run::Report(check),
    fix: "删除多余的数字或合并被拆开的单元格，使每行数字与表头一一对应。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "表格某一行的数字个数多于模板的列数（常见于错位或拆开的单元格），或表格中有一行带数字、但格式中没有对应的行（如拆成小项的行、格式之外的合计行）。读取时舍弃这些数字，并说明舍弃了哪些。",
    why: "多出的数字说明表格有错位：可能整行右移，也可能标签格里混入了数字。按位置读取的结果需要人工确认。",
    bad: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\t0\n",
    good: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n",
    basis: "年度报告格式：表三每行 7 列（自然人、五类法人或其他组织、总计）；表四 15 列。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for note in &report.notes {
        let Some(table) = report.tables.iter().find(|t| t.def.kind == note.table) else {
            continue;
        };
        let Some(r) = table.def.rows.iter().position(|r| r.key == note.row) else { continue };
        let row = &table.def.rows[r];
        let values = |dropped: &[(crate::model::Number, crate::text::Span)]| dropped.iter().map(|(n, _)| *n).collect();
        let (finding, dropped) = match &note.kind {
            NoteKind::Unplaced { printed, dropped } => (
                Finding::UnplacedLine { row: short_row(row.label), printed: printed.clone(), values: values(dropped) },
                &[][..],
            ),
            NoteKind::ExtraValues { dropped } => (
                Finding::ExtraValues { row: short_row(row.label), columns: row.cols.len(), dropped: values(dropped) },
                &dropped[..],
            ),
            _ => continue,
        };
        let mut d = Diagnostic::new(&RULE, finding);
        d.cells = (0..row.cols.len()).map(|c| cell_key(table, r, c)).collect();
        d.span = dropped.first().map(|(_, s)| *s).or(Some(note.span));
        d.related = dropped.iter().skip(1).map(|(_, s)| *s).collect();
        out.push(d);
    }
}

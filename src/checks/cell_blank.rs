//! CELL-BLANK (warning): template cells left empty (not 0). Consecutive rows
//! blank in the same columns are one block and one finding.

use super::identities::short_row;
use super::{cell_key, placed_by_position, Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{CellValue, Report};

pub static RULE: Rule = Rule {
    code: "CELL-BLANK",
    severity: Severity::Warning,
    name: "空白单元格",
    run: super::Run::Report(check),
    fix: "没有发生的填 0；有数据的补上实际数字。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "统计表中模板要求填写的单元格留空。同一列组在相邻几行都空白时合为一条。空白按 0 计使勾稽关系不成立时（如总计列整列空白），这些勾稽关系一并列在这一条中，作为错误报告。",
    why: "空白不等于 0：读者无法判断是没有发生、没有统计还是漏填。勾稽核对时空白按 0 计，并在结果中注明。",
    bad: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\n",
    good: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n",
    basis: "年度报告格式的统计表为固定格式，各项均应填写；没有发生的填 0。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for table in report.tables.iter() {
        let blanks: Vec<Vec<usize>> = table
            .cells
            .iter()
            .map(|row| (0..row.len()).filter(|&c| row[c].value == CellValue::Blank).collect())
            .collect();
        let mut r = 0;
        while r < blanks.len() {
            if blanks[r].is_empty() {
                r += 1;
                continue;
            }
            let same_columns = |k: usize| {
                let names =
                    |i: usize| -> Vec<&str> { blanks[i].iter().map(|&c| table.def.rows[i].cols[c].key).collect() };
                blanks[k] == blanks[r] && names(k) == names(r)
            };
            let end = (r..blanks.len()).take_while(|&k| same_columns(k)).last().unwrap_or(r);
            let def = &table.def.rows[r];
            let columns: Vec<&'static str> = blanks[r].iter().map(|&c| def.cols[c].label).collect();
            let count: usize = (r..=end).map(|k| blanks[k].len()).sum();
            // Rows that printed fewer values than columns: which cells are blank
            // is a guess, by position or by the identities (the digits left no trace of a blank).
            let by_arithmetic = |k: usize| {
                report.notes.iter().any(|n| {
                    n.table == table.def.kind
                        && matches!(n.kind, crate::model::NoteKind::Split { blanks, .. } if blanks > 0)
                        && n.cells(table.def).iter().any(|&(row, _)| row == k)
                })
            };
            let guessed = (r..=end).any(|k| placed_by_position(report, table, k) || by_arithmetic(k));
            let finding = Finding::BlankCells {
                first: short_row(def.label),
                last: short_row(table.def.rows[end].label),
                rows: end - r + 1,
                columns,
                count,
                guessed,
            };
            let mut d = Diagnostic::new(&RULE, finding);
            d.cells = (r..=end)
                .flat_map(|k| blanks[k].iter().map(move |&c| (k, c)))
                .map(|(k, c)| cell_key(table, k, c))
                .collect();
            // The blank cells are what a fix fills.
            d.culprits = d.cells.clone();
            // The rows' printed cells: a blank cell itself has no width to point at.
            let spans: Vec<_> = (r..=end).flat_map(|k| table.cells[k].iter().filter_map(|c| c.span)).collect();
            d.span = spans
                .iter()
                .map(|s| s.start)
                .min()
                .zip(spans.iter().map(|s| s.end).max())
                .map(|(a, b)| crate::text::Span::new(a, b))
                // Rows printed with no value at all (行政复议 left blank): the table.
                .or(Some(table.span));
            out.push(d);
            r = end + 1;
        }
    }
}

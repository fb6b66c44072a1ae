//! CELL-MISSING (warning): template rows or cells not found in a table that was found.

use super::identities::short_row;
use super::{cell_key, placed_by_position, Diagnostic, Finding, MissingRow, Rule, RuleDoc, Severity};
use crate::model::{CellValue, Report};

pub static RULE: Rule = Rule {
    code: "CELL-MISSING",
    severity: Severity::Warning,
    name: "缺少行或单元格",
    run: super::Run::Report(check),
    fix: "按模板补齐缺少的行，没有发生的填 0。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "找到了统计表，但模板中的某些行（或某行的部分单元格）在报告的表格里找不到。",
    why: "缺行的表格无法完整核对勾稽关系；常见原因是用了旧模板、删掉了“没有发生”的行，或复制时丢了内容。",
    bad: "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n",
    good: concat!(
        "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n",
        "第二十条第（五）项\n行政许可\t0\n第二十条第（六）项\n行政处罚\t0\n行政强制\t0\n",
        "第二十条第（八）项\n行政事业性收费\t0\n",
    ),
    basis: "年度报告格式的统计表为固定格式，各行各列都应保留，没有发生的填 0。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for table in report.tables.iter() {
        let mut rows = Vec::new();
        let mut cells = Vec::new();
        for (r, row) in table.cells.iter().enumerate() {
            let missing: Vec<usize> = (0..row.len()).filter(|&c| row[c].value == CellValue::Missing).collect();
            if missing.is_empty() {
                continue;
            }
            let columns = if missing.len() == row.len() {
                Vec::new()
            } else {
                missing.iter().map(|&c| table.def.rows[r].cols[c].label).collect()
            };
            let guessed = placed_by_position(report, table, r);
            rows.push(MissingRow { row: short_row(table.def.rows[r].label), columns, guessed });
            cells.extend(missing.iter().map(|&c| cell_key(table, r, c)));
        }
        if rows.is_empty() {
            continue;
        }
        let mut d = Diagnostic::new(&RULE, Finding::MissingCells { rows, count: cells.len() });
        d.culprits = cells.clone();
        d.cells = cells;
        d.span = Some(table.span);
        out.push(d);
    }
}

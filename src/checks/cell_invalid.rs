//! CELL-INVALID (error): a value that is not a number where one is required, a
//! negative count (only 本年增/减 may be negative), or a fraction in a count.

use super::{cell_key, cell_name, Diagnostic, Finding, Invalid, Rule, RuleDoc, Severity};
use crate::model::{CellValue, Report};

pub static RULE: Rule = Rule {
    code: "CELL-INVALID",
    severity: Severity::Error,
    name: "不是有效数字",
    run: super::Run::Report(check),
    fix: "把占位符改为 0 或实际数字；件数改为非负整数。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: 
        "统计表单元格里不是数字（如 /、—、无），或件数为负数、带小数。只有“本年增/减”可以为负，只有金额可以有小数。",
    why: "占位符不是 0：读者无法判断含义，也无法核对勾稽关系。件数不会是负数或小数。",
    bad: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t/\t0\t0\t0\t0\t0\t0\n",
    good: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n",
    basis: "年度报告格式的统计表填写件数（金额以万元计）；没有发生的填 0。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for table in report.tables.iter() {
        for (r, row) in table.cells.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let key = table.def.rows[r].cols[c].key;
                let problem = match &cell.value {
                    CellValue::Invalid(text) => Invalid::Text(text.clone()),
                    CellValue::Number(n) if n.mantissa < 0 && key != "change" => Invalid::Negative(*n),
                    CellValue::Number(n)
                        if n.scale > 0 && key != "amount" && n.mantissa % 10i64.pow(u32::from(n.scale)) != 0 =>
                    {
                        Invalid::Fraction(*n)
                    }
                    _ => continue,
                };
                let mut d = Diagnostic::new(&RULE, Finding::InvalidCell { cell: cell_name(table, r, c), problem });
                d.cells = vec![cell_key(table, r, c)];
                d.culprits = d.cells.clone();
                d.span = cell.span;
                out.push(d);
            }
        }
    }
}

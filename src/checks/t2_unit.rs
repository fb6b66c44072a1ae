//! T2-UNIT (warning / info): money cells. 本年收费金额 (2021) is in 万元: a 元
//! unit, more than 4 decimals or an implausibly large amount is flagged.
//! 采购总金额 (2019) has no unit in the format: info when the report names none.

use super::{cell_key, cell_name, Diagnostic, Finding, MoneyProblem, Rule, RuleDoc, Severity};
use crate::model::{CellValue, Report, TemplateId};

pub static RULE: Rule = Rule {
    code: "T2-UNIT",
    severity: Severity::Warning,
    name: "金额单位",
    run: super::Run::Report(check),
    fix: "换算为万元填写（元 ÷ 10000），一般保留 4 位小数；采购金额请注明单位。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "2021 年格式“本年收费金额”以万元为单位：标注为“元”、超过 4 位小数或数额大得不合常理（超过 10 万万元）时提示。2019 年格式“采购总金额”模板未注明单位，报告也没有写明单位时作为提示。",
    why: "把元当作万元填写，金额会放大一万倍；单位不明的金额无法比较。",
    bad: "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t35000元\n",
    good: "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t3.5000\n",
    basis: "国办公开办函〔2021〕30号年度报告格式，表二第二十条第（八）项“本年收费金额（单位：万元）”。",
};

/// 10 万万元 (10 亿元): beyond any agency's fees in one year.
const IMPLAUSIBLE_WAN: i64 = 100_000;

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(table) = &report.tables.active else { return };
    for (r, row) in table.def.rows.iter().enumerate() {
        for (c, col) in row.cols.iter().enumerate() {
            if col.key != "amount" {
                continue;
            }
            let cell = &table.cells[r][c];
            let CellValue::Number(n) = cell.value else { continue };
            let (severity, problem) = match table.template {
                TemplateId::Y2021 => {
                    let whole = n.mantissa / 10i64.pow(u32::from(n.scale));
                    if cell.unit == Some("元") {
                        (Severity::Warning, MoneyProblem::InYuan { wan: to_wan(n) })
                    } else if n.scale > 4 {
                        (Severity::Warning, MoneyProblem::Decimals)
                    } else if whole > IMPLAUSIBLE_WAN {
                        (Severity::Warning, MoneyProblem::Implausible { yi: whole / 10_000 })
                    } else {
                        continue;
                    }
                }
                TemplateId::Y2019 => {
                    if cell.unit.is_some() || table.money_unit.is_some() || n.mantissa == 0 {
                        continue;
                    }
                    (Severity::Info, MoneyProblem::NoUnit)
                }
            };
            let mut d = Diagnostic::new(&RULE, Finding::Money { cell: cell_name(table, r, c), amount: n, problem });
            d.severity = severity;
            d.cells = vec![cell_key(table, r, c)];
            d.span = cell.span;
            out.push(d);
        }
    }
}

/// Yuan as 万元, with the four decimals the format asks for.
fn to_wan(n: crate::model::Number) -> crate::model::Number {
    let m = i128::from(n.mantissa) * 10i128.pow(u32::from(4u8.saturating_sub(n.scale)))
        / 10i128.pow(u32::from(n.scale.saturating_sub(4)));
    crate::model::Number { mantissa: i64::try_from(m).unwrap_or(i64::MAX), scale: 4 }
}

//! X-FLOW (warning): same agency, consecutive years, 2021 format:
//! 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y).

use super::across::{pairs, value};
use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Report, TemplateId};

pub static RULE: Rule = Rule {
    code: "X-FLOW",
    severity: Severity::Warning,
    name: "现行有效件数与上一年不衔接",
    run: super::Run::Across,
    fix: "核对两年的现行有效件数；因到期失效、修订等原因减少的，在报告中说明。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "同一机关相邻两年、都用 2021 年格式的报告：本年现行有效件数 = 上一年现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件各核对一行）。",
    why: "现行有效件数是存量，逐年由制发和废止增减；不衔接说明某一年的数字有误，或有失效、修订未计入。",
    bad: concat!(
        "某局2021年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n行政规范性文件\t3\t0\t10\n",
        "<<<下一份报告>>>\n",
        "某局2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n行政规范性文件\t2\t1\t15\n",
    ),
    good: concat!(
        "某局2021年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n行政规范性文件\t3\t0\t10\n",
        "<<<下一份报告>>>\n",
        "某局2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n行政规范性文件\t2\t1\t11\n",
    ),
    basis: "国办公开办函〔2021〕30号年度报告格式，表二第二十条第（一）项。",
};

pub fn check(reports: &[&Report], out: &mut Vec<(usize, Diagnostic)>) {
    for (prev, this) in pairs(reports) {
        let (Some(before), Some(now)) = (&reports[prev].tables.active, &reports[this].tables.active) else { continue };
        if before.template != TemplateId::Y2021 || now.template != TemplateId::Y2021 {
            continue;
        }
        for (row, label) in [("regulations", "规章"), ("normative_docs", "行政规范性文件")] {
            let (Some(was), Some(issued), Some(repealed), Some(is)) = (
                value(before, row, "in_force"),
                value(now, row, "issued"),
                value(now, row, "repealed"),
                value(now, row, "in_force"),
            ) else {
                continue;
            };
            let expected = was + issued - repealed;
            if is == expected {
                continue;
            }
            let mut d = Diagnostic::new(&RULE, Finding::Flow { label, was, issued, repealed, expected, is });
            d.cells = vec![format!("active.{row}.in_force")];
            d.span = now.cell(row, "in_force").and_then(|c| c.span);
            out.push((this, d));
        }
    }
}

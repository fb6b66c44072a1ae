//! S-TABLE (error): one of the three statistical tables was not found.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Report, TableKind};

pub static RULE: Rule = Rule {
    code: "S-TABLE",
    severity: Severity::Error,
    name: "缺少统计表",
    run: super::Run::Report(check),
    fix: "按模板补上统计表；若表格是图片，请粘贴文字版或 Word/网页中的表格。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "主动公开（二）、收到和处理申请（三）、行政复议行政诉讼（四）三张统计表是否都能找到。",
    why: "三张表是年度报告的法定内容；找不到时无法核对勾稽关系。也可能是表格在复制时丢失（例如表格是图片）。",
    bad: "一、总体情况\n本年度我局认真落实政务公开工作要求。\n",
    good: concat!(
        "二、主动公开政府信息情况\n第二十条第（一）项\n规章\t0\t0\t0\n",
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n",
        "四、政府信息公开行政复议、行政诉讼情况\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    ),
    basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号年度报告格式。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let t = &report.tables;
    for (table, kind) in
        [(&t.active, TableKind::Active), (&t.requests, TableKind::Requests), (&t.review, TableKind::Review)]
    {
        if table.is_none() {
            let d = Diagnostic::new(&RULE, Finding::TableMissing(kind));
            out.push(d);
        }
    }
}

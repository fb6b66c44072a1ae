//! S-LIMIT (warning): the input reached a bound on what one input may cost
//! (`text::limits`); the part beyond it was read less fully.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::Report;

pub static RULE: Rule = Rule {
    code: "S-LIMIT",
    severity: Severity::Warning,
    name: "超出读取上限",
    run: super::Run::Report(check),
    fix: "从 Word、WPS 或网页重新复制报告正文和三张统计表，不要带上整页的排版表格；或另存为纯文本后再粘贴。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "粘贴的网页或 Word 内容是否超出读取上限：表格超过 128 列、一个单元格向下合并超过 1000 行、表格嵌套超过 8 层。超出的部分仍作为文字读入，但不再按表格网格排列。",
    why: "真实的年度报告表格不超过 16 列；超出上限的通常是网页排版用的表格或损坏的内容。设上限是为了让任何输入都能很快检查完，不会卡住页面。",
    bad: "<table><tr><td colspan=\"200\">第二十条第（一）项</td><td>规章</td></tr></table>\n",
    good: "<table><tr><td colspan=\"4\">第二十条第（一）项</td><td>规章</td></tr></table>\n",
    basis: "本工具的读取上限（text::limits）；国办公开办函〔2021〕30号年度报告格式中各表的列数。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for hit in &report.limits {
        let mut d = Diagnostic::new(&RULE, Finding::Limit(hit.limit));
        d.span = hit.span;
        out.push(d);
    }
}

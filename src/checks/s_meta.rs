//! S-META (warning): the title, the issuing agency or the report year cannot be found.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Report, YearSource};

pub static RULE: Rule = Rule {
    code: "S-META",
    severity: Severity::Warning,
    name: "缺少标题、机关或年度",
    run: super::Run::Report(check),
    fix: "在开头加标题：“××（机关名称）××××年政府信息公开工作年度报告”。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "报告开头是否有标题（含“政府信息公开工作年度报告”），能否读出发布机关和报告年度。",
    why: "标题写明机关和年度，读者和考核者据此识别报告；缺少时只能从正文推测。",
    bad: "一、总体情况\n本年度我镇认真落实政务公开工作要求。\n",
    good: "某镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n",
    basis: "《中华人民共和国政府信息公开条例》第四十九条、第五十条；年度报告格式的标题样式。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let m = &report.meta;
    let guessed_year = m.year.as_ref().filter(|_| m.year_source == YearSource::Body).map(|y| y.value);
    let (title, agency, year) = (m.title.is_none(), m.agency.is_none(), m.year.is_none());
    if !(title || agency || year) && guessed_year.is_none() {
        return;
    }
    let mut d = Diagnostic::new(&RULE, Finding::MetaMissing { title, agency, year, guessed_year });
    d.span = m.year.as_ref().filter(|_| m.year_source == YearSource::Body).map(|y| y.span);
    out.push(d);
}

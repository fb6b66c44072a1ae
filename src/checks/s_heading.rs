//! S-HEADING (info): a chapter heading in a known variant wording, or unnumbered.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Report, CHAPTERS};

pub static RULE: Rule = Rule {
    code: "S-HEADING",
    severity: Severity::Info,
    name: "非标准章节标题",
    run: super::Run::Report(check),
    fix: "把标题改为格式中的标准写法。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "章节能认出是哪一章，但标题措辞或序号与格式不同（如“五、存在的问题和下一步工作打算”）。",
    why: "统一的标题便于检索和比较各机关的报告；措辞变体不影响内容，只作提示。",
    bad: "五、存在的问题和下一步工作打算\n",
    good: "五、存在的主要问题及改进情况\n",
    basis: "国办公开办函〔2021〕30号年度报告格式的章节标题。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for c in &report.chapters {
        let Some(n) = c.number.filter(|_| !c.standard) else { continue };
        let standard = CHAPTERS[usize::from(n) - 1];
        let mut d = Diagnostic::new(&RULE, Finding::Heading { heading: c.heading.clone(), standard });
        d.span = Some(c.span);
        out.push(d);
    }
}

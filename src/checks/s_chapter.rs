//! S-CHAPTER (warning): one of the six chapters is missing, out of order or
//! repeated, or the report has chapters the format does not have.

use super::{ChapterProblem, Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Report, CHAPTERS};

pub static RULE: Rule = Rule {
    code: "S-CHAPTER",
    severity: Severity::Warning,
    name: "章节缺失或顺序不对",
    run: super::Run::Report(check),
    fix: "按格式的六个章节组织报告：补上缺少的章节，调整顺序，其他内容并入相应章节。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "六个章节是否齐全、按顺序：一、总体情况 / 二、主动公开政府信息情况 / 三、收到和处理政府信息公开申请情况 / 四、政府信息公开行政复议、行政诉讼情况 / 五、存在的主要问题及改进情况 / 六、其他需要报告的事项。常见的措辞变体视为该章（另以 S-HEADING 提示）。",
    why: "年度报告格式规定了这六部分内容，缺少或打乱会遗漏法定公开事项，也不便于比较。",
    bad: "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n",
    good: "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n",
    basis: "《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号年度报告格式的章节结构。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let chapters = &report.chapters;
    let mut problems = Vec::new();
    let missing: Vec<&str> = (1..=6u8)
        .filter(|n| !chapters.iter().any(|c| c.number == Some(*n)))
        .map(|n| CHAPTERS[usize::from(n) - 1])
        .collect();
    if !missing.is_empty() {
        problems.push(ChapterProblem::Missing(missing));
    }
    let mut highest = 0;
    let mut seen = [false; 7];
    for c in chapters {
        let Some(n) = c.number else { continue };
        if seen[usize::from(n)] {
            problems.push(ChapterProblem::Repeated { number: n, heading: c.heading.clone() });
        } else if n < highest {
            problems.push(ChapterProblem::OutOfOrder { heading: c.heading.clone(), after: highest });
        }
        seen[usize::from(n)] = true;
        highest = highest.max(n);
    }
    let extra: Vec<String> = chapters.iter().filter(|c| c.number.is_none()).map(|c| c.heading.clone()).collect();
    if !extra.is_empty() {
        problems.push(ChapterProblem::Extra(extra));
    }
    if problems.is_empty() {
        return;
    }
    let mut d = Diagnostic::new(&RULE, Finding::Chapters { problems });
    let odd: Vec<_> = chapters.iter().filter(|c| c.number.is_none()).map(|c| c.span).collect();
    d.span = odd.first().copied().or(chapters.last().map(|c| c.span));
    d.related = odd.iter().skip(1).copied().collect();
    out.push(d);
}

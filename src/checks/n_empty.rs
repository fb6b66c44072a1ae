//! N-EMPTY (warning): chapter 五 is empty, 无, or a single short sentence.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::Report;
use crate::text::is_bare;

pub static RULE: Rule = Rule {
    code: "N-EMPTY",
    severity: Severity::Warning,
    name: "问题与改进内容空泛",
    run: super::Run::Report(check),
    fix: "写明本年度工作中存在的具体问题，以及已经或将要采取的改进措施。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "第五部分“存在的主要问题及改进情况”是否为空、只写“无”，或只有一句很短的话（少于 30 字）。",
    why: "条例要求报告存在的主要问题及改进情况；空着或一句带过，等于没有报告。",
    bad: "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n",
    good: "五、存在的主要问题及改进情况\n一是主动公开的内容还不够全面，部分领域信息更新不及时。下一步将完善信息发布机制，按季度检查更新情况。\n六、其他需要报告的事项\n",
    basis: "《中华人民共和国政府信息公开条例》第五十条第（五）项。",
};

/// Fewer bare characters than this is a single short sentence.
const SHORT: usize = 30;

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let Some(five) = report.chapters.iter().position(|c| c.number == Some(5)) else { return };
    let text: String = report.paragraphs.iter().filter(|p| p.chapter == Some(five)).map(|p| p.text).collect();
    let bare = text.chars().filter(|c| is_bare(*c)).count();
    if bare >= SHORT {
        return;
    }
    let text = (bare > 0).then(|| text.trim().to_owned());
    let mut d = Diagnostic::new(&RULE, Finding::EmptyProblems { text, chars: bare });
    d.span = Some(report.chapters[five].span);
    out.push(d);
}

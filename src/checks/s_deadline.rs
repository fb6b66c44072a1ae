//! S-DEADLINE (info): the signature date is after 31 January of the following year.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Date, Report};

pub static RULE: Rule = Rule {
    code: "S-DEADLINE",
    severity: Severity::Info,
    name: "落款晚于 1 月 31 日",
    run: super::Run::Report(check),
    fix: "确认本机关适用的公布时限；若已逾期，请在报告中说明。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "落款日期是否晚于报告年度次年的 1 月 31 日。",
    why: "条例规定县级以上人民政府部门应在每年 1 月 31 日前公布本部门上一年度报告（乡镇的时限由县、市确定，政府本级报告为 3 月 31 日前），晚于该日期可能逾期。",
    bad: "某局2021年政府信息公开工作年度报告\n某局\n2022年2月15日\n",
    good: "某局2021年政府信息公开工作年度报告\n某局\n2022年1月20日\n",
    basis: "《中华人民共和国政府信息公开条例》第四十九条。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some(signed)) = (&report.meta.year, &report.meta.signed) else { return };
    let deadline = Date { year: year.value + 1, month: 1, day: 31 };
    if signed.value > deadline && signed.value.year == deadline.year {
        let mut d = Diagnostic::new(&RULE, Finding::LateSignature { signed: signed.value, deadline });
        d.span = Some(signed.span);
        out.push(d);
    }
}

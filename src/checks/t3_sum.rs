//! T3-SUM (error): in `requests`, （七）总计 is the sum of every result row, per column.

use super::{examples::requests_table, Rule, RuleDoc, Severity};

/// The result rows lie between 本年新收/上年结转 and （七）总计: （一） to （六）,
/// with （六） one row in 2019 and three in 2021.
pub static RULE: Rule = Rule {
    code: crate::model::identities::T3_SUM.code,
    severity: Severity::Error,
    name: "申请情况表：办理结果合计",
    run: super::Run::Identity,
    fix: "核对各办理结果行与（七）总计；漏填的结果补上，重复计数的删去。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "“三、本年度办理结果”下（一）至（六）各行之和，逐列等于“（七）总计”。",
    why: "每件申请只有一个办理结果：部分公开的只计入（二）部分公开，不计其他情形，所以各结果之和恰好是办理总数。",
    bad: requests_table!(
        new: "2\t0\t0\t0\t0\t0\t2",
        carried_in: "0\t0\t0\t0\t0\t0\t0",
        granted: "1\t0\t0\t0\t0\t0\t1",
        total: "2\t0\t0\t0\t0\t0\t2",
        carried_out: "0\t0\t0\t0\t0\t0\t0"
    ),
    good: requests_table!(
        new: "2\t0\t0\t0\t0\t0\t2",
        carried_in: "0\t0\t0\t0\t0\t0\t0",
        granted: "2\t0\t0\t0\t0\t0\t2",
        total: "2\t0\t0\t0\t0\t0\t2",
        carried_out: "0\t0\t0\t0\t0\t0\t0"
    ),
    basis: "年度报告格式表三：（二）部分公开“区分处理的，只计这一情形，不计其他情形”。",
};

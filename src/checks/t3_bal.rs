//! T3-BAL (error): in `requests`, per column, 新收 + 上年结转 = （七）总计 + 结转下年度.

use super::{examples::requests_table, Rule, RuleDoc, Severity};

pub static RULE: Rule = Rule {
    code: crate::model::identities::T3_BAL.code,
    severity: Severity::Error,
    name: "申请情况表：收支平衡",
    run: super::Run::Identity,
    fix: "核对新收、上年结转（应等于上一年报告的结转下年度）、办结总数与结转下年度四个数。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "逐列核对：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。",
    why: "本年要处理的申请，要么办结（计入（七）总计），要么结转下年。模板在表格左上角印有这条勾稽关系。",
    bad: requests_table!(
        new: "3\t0\t0\t0\t0\t0\t3",
        carried_in: "0\t0\t0\t0\t0\t0\t0",
        granted: "2\t0\t0\t0\t0\t0\t2",
        total: "2\t0\t0\t0\t0\t0\t2",
        carried_out: "0\t0\t0\t0\t0\t0\t0"
    ),
    good: requests_table!(
        new: "3\t0\t0\t0\t0\t0\t3",
        carried_in: "0\t0\t0\t0\t0\t0\t0",
        granted: "2\t0\t0\t0\t0\t0\t2",
        total: "2\t0\t0\t0\t0\t0\t2",
        carried_out: "1\t0\t0\t0\t0\t0\t1"
    ),
    basis: "年度报告格式表三左上角：（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）。",
};

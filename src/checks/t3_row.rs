//! T3-ROW (error): in `requests`, each row's 总计 is the sum of its six applicant columns.

use super::{Rule, RuleDoc, Severity};

pub static RULE: Rule = Rule {
    code: crate::model::identities::T3_ROW.code,
    severity: Severity::Error,
    name: "申请情况表：行合计",
    run: super::Run::Identity,
    fix: "逐格核对本行各类申请人的数字与总计；若只有一格不符，按建议值改正。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "“收到和处理政府信息公开申请情况”表的每一行，“总计”列等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。",
    why: "总计列是本行各类申请人的合计。不相等说明某一格填错、漏填，或数字错了列。",
    bad: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t2\n",
    good: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t1\t2\n",
    basis: "国办公开办函〔2019〕60号、〔2021〕30号年度报告格式，表三“申请人情况”的列结构。",
};

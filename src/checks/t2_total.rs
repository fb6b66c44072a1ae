//! T2-TOTAL (error): 2019 format, 规章 and 规范性文件: 对外公开总数量 ≥ 本年新公开数量.

use super::{Rule, RuleDoc, Severity};

pub static RULE: Rule = Rule {
    code: crate::model::identities::T2_TOTAL.code,
    severity: Severity::Error,
    name: "主动公开表：对外公开总数量",
    run: super::Run::Identity,
    fix: "对外公开总数量填截至年底对外公开的全部件数，包括以前年度公开的。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "2019 年格式第二十条第（一）项：对外公开总数量 ≥ 本年新公开数量（规章、规范性文件各一行）。",
    why: "对外公开总数量包含本年新公开的文件，不会比它少。",
    bad: "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t5\t5\t3\n",
    good: "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t5\t5\t30\n",
    basis: "国办公开办函〔2019〕60号年度报告格式，表二第二十条第（一）项。",
};

//! T2-FLOW (error): 2021 format, 规章 and 行政规范性文件: 现行有效 ≥ 本年制发 − 本年废止.

use super::{Rule, RuleDoc, Severity};

pub static RULE: Rule = Rule {
    code: crate::model::identities::T2_FLOW.code,
    severity: Severity::Error,
    name: "主动公开表：现行有效件数",
    run: super::Run::Identity,
    fix: "核对现行有效件数是否为年底仍有效的全部件数（含以前年度制发的），而不是本年新增数。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "2021 年格式第二十条第（一）项：现行有效件数 ≥ 本年制发件数 − 本年废止件数（规章、行政规范性文件各一行）。",
    why: "本年制发的文件，除本年又废止的以外，年底都应现行有效，所以现行有效件数不会少于两者之差。",
    bad: "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t5\t1\t2\n",
    good: "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t5\t1\t12\n",
    basis: "国办公开办函〔2021〕30号年度报告格式，表二第二十条第（一）项。",
};

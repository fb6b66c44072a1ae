//! T4-SUM (error): in `review`, each block's 总计 is 维持 + 纠正 + 其他 + 尚未审结.

use super::{Rule, RuleDoc, Severity};

pub static RULE: Rule = Rule {
    code: crate::model::identities::T4_SUM.code,
    severity: Severity::Error,
    name: "复议诉讼表：合计",
    run: super::Run::Identity,
    fix: "核对各组的结果与总计；尚未审结的案件计入“尚未审结”。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "行政复议、未经复议直接起诉、复议后起诉三组，每组“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。",
    why: "每件复议或诉讼只有一种状态：已结的按结果计，未结的计入尚未审结。",
    bad: "四、政府信息公开行政复议、行政诉讼情况\n1\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    good: "四、政府信息公开行政复议、行政诉讼情况\n1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    basis: "年度报告格式表四的列结构（国办公开办函〔2019〕60号、〔2021〕30号）。",
};

//! X-CARRY (warning): same agency, consecutive years: this year's 上年结转
//! equals last year's 结转下年度继续办理, per column.

use super::across::{pairs, value};
use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::Report;

pub static RULE: Rule = Rule {
    code: "X-CARRY",
    severity: Severity::Warning,
    name: "上年结转与上一年报告不符",
    run: super::Run::Across,
    fix: "核对两年报告的结转数字，改正有误的一方。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "同一机关相邻两年的报告：本年“二、上年结转政府信息公开申请数量”应等于上一年“四、结转下年度继续办理”，逐列核对。",
    why: "上一年结转下年度办理的申请，就是本年的上年结转；不相等说明其中一年的数字有误。",
    bad: concat!(
        "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n",
        "<<<下一份报告>>>\n",
        "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n",
    ),
    good: concat!(
        "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n",
        "<<<下一份报告>>>\n",
        "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n",
    ),
    basis: "年度报告格式表三：“二、上年结转”与上一年度“四、结转下年度继续办理”相衔接。",
};

pub fn check(reports: &[&Report], out: &mut Vec<(usize, Diagnostic)>) {
    for (prev, this) in pairs(reports) {
        let (Some(before), Some(now)) = (&reports[prev].tables.requests, &reports[this].tables.requests) else {
            continue;
        };
        let mut differ = Vec::new();
        let mut cells = Vec::new();
        for (c, col) in now.def.rows[1].cols.iter().enumerate() {
            let (Some(was), Some(is)) = (value(before, "carried_out", col.key), value(now, "carried_in", col.key))
            else {
                continue;
            };
            if was != is {
                differ.push((col.label, was, is));
                cells.push((c, format!("requests.carried_in.{}", col.key)));
            }
        }
        if differ.is_empty() {
            continue;
        }
        let year = reports[prev].meta.year.as_ref().map_or(0, |y| y.value);
        let mut d = Diagnostic::new(&RULE, Finding::Carry { year, differ });
        d.span = now.cell("carried_in", now.def.rows[1].cols[cells[0].0].key).and_then(|c| c.span);
        d.cells = cells.into_iter().map(|(_, k)| k).collect();
        out.push((this, d));
    }
}

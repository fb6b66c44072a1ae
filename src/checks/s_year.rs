//! S-YEAR (warning): the years disagree: the title year, the statistics period,
//! and the signature date (which should fall in the year after the report year).

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Report, YearSource};

pub static RULE: Rule = Rule {
    code: "S-YEAR",
    severity: Severity::Warning,
    name: "年份不一致",
    run: super::Run::Report(check),
    fix: "统一标题、统计期限和落款中的年份。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "标题年度、统计期限（××年1月1日至××年12月31日）与落款日期是否一致：统计期限应为报告年度全年，落款应在下一年。",
    why: "年份不一致多是套用上一年报告未改全，读者会怀疑数据也未更新。",
    bad: "某局2021年政府信息公开工作年度报告\n本报告统计期限为2020年1月1日至2020年12月31日。\n",
    good: "某局2021年政府信息公开工作年度报告\n本报告统计期限为2021年1月1日至2021年12月31日。\n",
    basis: "《中华人民共和国政府信息公开条例》第四十九条：年度报告按年度编制，次年公布。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let m = &report.meta;
    let Some(year) = m.year.as_ref().filter(|_| m.year_source == YearSource::Title) else { return };
    let y = year.value;
    if let Some(p) = &m.period {
        let (from, to) = p.value;
        let whole_year = (from.year, from.month, from.day, to.year, to.month, to.day) == (y, 1, 1, y, 12, 31);
        if !whole_year {
            let mut d = Diagnostic::new(&RULE, Finding::Period { year: y, from, to });
            d.span = Some(p.span);
            d.related = vec![year.span];
            out.push(d);
        }
    }
    if let Some(signed) = &m.signed {
        if signed.value.year != y + 1 {
            let mut d = Diagnostic::new(&RULE, Finding::SignedYear { year: y, signed: signed.value });
            d.span = Some(signed.span);
            d.related = vec![year.span];
            out.push(d);
        }
    }
}

//! S-VERSION (error; warning for the requests table alone): the format the
//! tables show does not fit the report year (2019–2020: the 2019 format;
//! 2021 on: the 2021 format), or the tables mix both.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Report, Table, TemplateId};
use crate::text::Span;

pub static RULE: Rule = Rule {
    code: "S-VERSION",
    severity: Severity::Error,
    name: "表格格式与年度不符",
    run: super::Run::Report(check),
    fix: "按报告年度对应的格式重新制表：2021 年度起使用 2021 年版格式。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "根据统计表中只有一种格式才有的行和表头用词判断所用格式（2019 年版或 2021 年版），与报告年度对照；两张表格式不一致也报告。主动公开表格式不符是错误；申请情况表两种格式只差（六）其他处理的行数，不符时是警告。表格中没有能区分格式的内容时不作判断。",
    why: "2021 年及以后的年度报告应使用国办公开办函〔2021〕30号格式（主动公开表改为制发、废止、现行有效，申请表（六）拆为三行）。沿用旧表会漏报新格式要求的数据。",
    bad: "2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n",
    good: "2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n",
    basis: "国办公开办函〔2019〕60号（2019、2020 年度报告）；国办公开办函〔2021〕30号（2021 年度起）。",
};

fn expected(year: i32) -> TemplateId {
    if year >= 2021 {
        TemplateId::Y2021
    } else {
        TemplateId::Y2019
    }
}

/// Only tables that show their format count: one read in a layout because
/// nothing told the formats apart is no evidence (`Table::template_shown`).
/// The active table in the wrong format is an error; the requests table's
/// formats differ only in the （六） rows, so a 2019 （六） in a later report
/// is a deviation its numbers survive: a warning.
pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let t = &report.tables;
    let shown = |t: &Option<Table>| t.as_ref().filter(|t| t.template_shown).map(|t| (t.template, t.span));
    let (active, requests) = (shown(&t.active), shown(&t.requests));
    let year = report.meta.year.as_ref();
    let wanted = year.map(|y| expected(y.value)).or_else(|| {
        // Without a year, the active table's format is the report's.
        active.filter(|_| requests.is_some()).map(|(a, _)| a)
    });
    let Some(wanted) = wanted else { return };
    let off = |t: Option<(TemplateId, Span)>| t.filter(|(t, _)| *t != wanted);
    let (active_off, requests_off) = (off(active), off(requests));
    let related: Vec<Span> = year.map(|y| y.span).into_iter().collect();
    let year_value = year.map(|y| y.value);
    if let Some((is, span)) = active_off {
        let finding =
            Finding::ActiveVersion { year: year_value, wanted, is, requests_too: requests_off.is_some() };
        let mut d = Diagnostic::new(&RULE, finding);
        d.span = Some(span);
        d.related = related.into_iter().chain(requests_off.map(|(_, s)| s)).collect();
        out.push(d);
    } else if let Some((is, span)) = requests_off {
        let mut d = Diagnostic::new(&RULE, Finding::RequestsVersion { year: year_value, wanted, is });
        d.severity = Severity::Warning;
        d.span = Some(span);
        d.related = related;
        out.push(d);
    }
}

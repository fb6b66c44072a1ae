//! S-VERSION (error): the tables' format does not fit the report year
//! (2019–2020: the 2019 format; 2021 on: the 2021 format), or the tables mix both.

use super::{Diagnostic, Rule, RuleDoc, Severity};
use crate::model::{Report, TemplateId};

pub static RULE: Rule = Rule {
    code: "S-VERSION",
    severity: Severity::Error,
    name: "表格格式与年度不符",
    doc: RuleDoc {
        what: "根据统计表的结构判断所用格式（2019 年版或 2021 年版），与报告年度对照；两张表格式不一致也报告。",
        why: "2021 年及以后的年度报告应使用国办公开办函〔2021〕30号格式（主动公开表改为制发、废止、现行有效，申请表（六）拆为三行）。沿用旧表会漏报新格式要求的数据。",
        bad: "2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n",
        good: "2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n",
        basis: "国办公开办函〔2019〕60号（2019、2020 年度报告）；国办公开办函〔2021〕30号（2021 年度起）。",
        fix: "按报告年度对应的格式重新制表：2021 年度起使用 2021 年版格式。",
    },
};

fn expected(year: i32) -> TemplateId {
    if year >= 2021 {
        TemplateId::Y2021
    } else {
        TemplateId::Y2019
    }
}

fn edition(t: TemplateId) -> &'static str {
    match t {
        TemplateId::Y2019 => "2019 年版（国办公开办函〔2019〕60号）",
        TemplateId::Y2021 => "2021 年版（国办公开办函〔2021〕30号）",
    }
}

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let t = &report.tables;
    let (active, requests) = (t.active.as_ref(), t.requests.as_ref());
    if let (Some(a), Some(r)) = (active, requests) {
        if a.template != r.template {
            let mut d = Diagnostic::new(
                &RULE,
                format!(
                    "两张表格式不一致：主动公开表为{}，申请情况表为{}（例如（六）其他处理的行数不同）。",
                    edition(a.template),
                    edition(r.template)
                ),
            );
            d.span = Some(r.span);
            d.related = vec![a.span];
            d.help = Some(RULE.doc.fix.to_owned());
            out.push(d);
            return;
        }
    }
    let (Some(year), Some(table)) = (&report.meta.year, active.or(requests)) else { return };
    if table.template != expected(year.value) {
        let mut d = Diagnostic::new(
            &RULE,
            format!(
                "{} 年度报告应使用{}，统计表却是{}。",
                year.value,
                edition(expected(year.value)),
                edition(table.template)
            ),
        );
        d.span = Some(table.span);
        d.related = vec![year.span];
        d.help = Some(RULE.doc.fix.to_owned());
        out.push(d);
    }
}

//! N-FEE (warning): 2021 format: chapter 六 does not say whether 信息处理费 was charged.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{Report, TemplateId};

pub static RULE: Rule = Rule {
    code: "N-FEE",
    severity: Severity::Warning,
    name: "未说明信息处理费",
    run: super::Run::Report(check),
    fix: "在第六部分写明：本年度是否收取信息处理费，收取的写明件数和金额。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "2021 年格式的报告，第六部分“其他需要报告的事项”是否说明了本年度收取信息处理费的情况（收取与否、金额）。",
    why: "《政府信息公开信息处理费管理办法》要求在年度报告中公开信息处理费的收取情况；只写“无”看不出是否收费。",
    bad: "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n六、其他需要报告的事项\n无。\n",
    good: "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n六、其他需要报告的事项\n本年度未收取信息处理费。\n",
    basis: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号年度报告格式第六部分。",
};

/// Chars after 收取 within which 费 makes it a statement about charging.
const FEE_WITHIN: usize = 12;

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    // The 2021 format asks for it; where no table shows the format, the year tells.
    let format =
        report.meta.template.or(report.meta.year.as_ref().filter(|y| y.value >= 2021).map(|_| TemplateId::Y2021));
    if format != Some(TemplateId::Y2021) {
        return;
    }
    let Some(six) = report.chapters.iter().position(|c| c.number == Some(6)) else { return };
    let text: String = report.paragraphs.iter().filter(|p| p.chapter == Some(six)).map(|p| p.text).collect();
    // 信息处理费 by name, or charging in general (`政府信息公开未发生收费情况`, `未收取任何费用`,
    // `无向申请人收取政府信息公开费用的情况`: 费 a few chars after 收取, in its sentence).
    let fee_after = |at: usize| {
        let mut sentence = text[at..].chars().skip(2).take(FEE_WITHIN).take_while(|c| !"。；！？\n".contains(*c));
        sentence.any(|c| c == '费')
    };
    let charging = text.contains("收费") || text.match_indices("收取").any(|(at, _)| fee_after(at));
    if text.contains("处理费") || text.contains("信息处理") && text.contains("费") || charging {
        return;
    }
    let text = (!text.trim().is_empty()).then(|| clip(text.trim(), 30));
    let mut d = Diagnostic::new(&RULE, Finding::NoFee { text });
    d.span = Some(report.chapters[six].span);
    out.push(d);
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n).chain("…".chars()).collect()
    }
}

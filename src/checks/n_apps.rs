//! N-APPS (warning): a sentence states a number of applications that differs
//! from the table's 本年新收 总计 (or 新收 + 上年结转 where the sentence counts
//! both, or, unless it is a count of 新收 or says it excludes them, where it adds up so).

use super::narrative::{count_with_unit, Sentence};
use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{CellValue, Report};

pub static RULE: Rule = Rule {
    code: "N-APPS",
    severity: Severity::Warning,
    name: "正文申请数与表格不符",
    run: super::Run::Sentences(check),
    fix: "核实本年实际收到的申请数，使正文与表格一致。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "正文中“共受理/收到……申请 N 件”“未收到……申请”等说法，与表三“一、本年新收政府信息公开申请数量”的总计对照（正文说含上年结转时，与新收加上年结转对照；正文没说、数目恰为新收加上年结转的，不算不符）。",
    why: "同一份报告里正文和表格说法不一，读者无从判断哪个正确；多是改了表格忘了改正文，或套用了上一年的文字。",
    bad: "全年共受理政府信息公开申请0件。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n",
    good: "全年共受理政府信息公开申请1件。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n",
    basis: "年度报告格式表三“一、本年新收政府信息公开申请数量”。",
};

/// The number of applications a sentence states.
struct Stated {
    claimed: i64,
    /// The sentence says it counts the carried-over ones too.
    with_carried: bool,
    /// It does not say so, nor the contrary, and its verb is no 新收.
    may_carry: bool,
}

fn stated(s: &Sentence) -> Option<Stated> {
    if !s.has("申请") || !s.has("公开") || s.has("行政复议") || s.has("行政诉讼") {
        return None;
    }
    let (verb, word) =
        ["受理", "收到", "新收", "接收", "接到"].iter().filter_map(|v| Some((s.find(0, v)?, *v))).min()?;
    // A count includes the carried-over only where the sentence says so (含,
    // 包括, 其中); `共新收…N件，上年结转M件` states N and M apart, and 新收
    // excludes them by definition.
    let said = ["含上年结转", "含结转", "包括上年结转", "其中上年结转", "其中结转"].iter().any(|w| s.has(w));
    let denied = ["不含", "未含", "不包括"].iter().any(|w| s.has(w));
    let with_carried = word != "新收" && said && !denied;
    // Unsaid, a count of 受理/收到 may still hold the carried-over (reports
    // often write 共受理 N 件 for 新收 + 上年结转): taken so when it adds up so.
    let may_carry = word != "新收" && !denied;
    let negated = verb > 0 && matches!(s.chars[verb - 1], '未' | '无') || s.find(0, "没有").is_some_and(|k| k < verb);
    if negated {
        return Some(Stated { claimed: 0, with_carried, may_carry: false });
    }
    let apply = s.find(verb, "申请")?;
    // 受理政府信息公开申请 3 件 / 受理 3 件政府信息公开申请
    let after = count_with_unit(s, apply + 2, 4, &['件', '个', '条']).map(|(v, _)| v);
    let before = count_with_unit(s, verb + 2, apply.saturating_sub(verb + 2), &['件', '个', '条']).map(|(v, _)| v);
    after.or(before).map(|claimed| Stated { claimed, with_carried, may_carry })
}

/// `sentences`: the sentences of one paragraph (the sentence rules are given each paragraph in turn).
pub fn check(report: &Report, sentences: &[Sentence], out: &mut Vec<Diagnostic>) {
    let Some(table) = &report.tables.requests else { return };
    let value = |row: &str| match table.cell(row, "total").map(|c| &c.value) {
        // Wide enough that 新收 + 结转 never overflows.
        Some(CellValue::Number(n)) if n.scale == 0 => Some(i128::from(n.mantissa)),
        _ => None,
    };
    let Some(new) = value("new") else { return };
    for s in sentences {
        let Some(Stated { claimed, with_carried, may_carry }) = stated(s) else { continue };
        let carried = value("carried_in").filter(|_| with_carried);
        let with_any_carried = value("carried_in").filter(|_| may_carry).map(|c| new + c);
        if i128::from(claimed) == new + carried.unwrap_or(0) || with_any_carried == Some(i128::from(claimed)) {
            continue;
        }
        let mut d = Diagnostic::new(&RULE, Finding::Applications { claimed, new, carried });
        d.cells = vec!["requests.new.total".to_owned()];
        d.span = Some(s.span);
        d.related = table.cell("new", "total").and_then(|c| c.span).into_iter().collect();
        out.push(d);
    }
}

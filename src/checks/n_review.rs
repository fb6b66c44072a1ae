//! N-REVIEW (warning): a sentence about administrative reconsideration or
//! litigation (未发生…行政复议、行政诉讼; 行政复议 N 件) disagrees with the review table.

use super::narrative::{count_with_unit, Sentence};
use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{CellValue, Report, Table};

pub static RULE: Rule = Rule {
    code: "N-REVIEW",
    severity: Severity::Warning,
    name: "正文复议诉讼数与表格不符",
    run: super::Run::Sentences(check),
    fix: "核实案件数，使正文与表四一致。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "正文中关于政府信息公开行政复议、行政诉讼的说法（未发生、N 件），与表四各组总计对照。",
    why: "正文说没有发生复议诉讼而表格有案件（或相反），说明其中一处有误。",
    bad: "本年度未发生政府信息公开行政复议、行政诉讼案件。\n四、政府信息公开行政复议、行政诉讼情况\n0\t1\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    good: "本年度发生政府信息公开行政复议1件，未发生行政诉讼。\n四、政府信息公开行政复议、行政诉讼情况\n0\t1\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    basis: "年度报告格式表四“政府信息公开行政复议、行政诉讼情况”。",
};

fn total(table: &Table, rows: &[&str]) -> Option<i64> {
    rows.iter().try_fold(0, |acc, row| match table.cell(row, "total").map(|c| &c.value) {
        Some(CellValue::Number(n)) if n.scale == 0 => Some(acc + n.mantissa),
        _ => None,
    })
}

/// What the sentence says of `word` (行政复议 / 行政诉讼): a count, or 0 when it says none happened.
fn stated(s: &Sentence, word: &str) -> Option<i64> {
    let at = s.find(0, word)?;
    let after = at + word.chars().count();
    // A count in the same clause: `行政复议 2 件`, `行政复议案件 2 起`.
    let clause_end = (after..s.chars.len()).find(|&i| s.chars[i] == ',').unwrap_or(s.chars.len());
    if let Some((v, _)) = count_with_unit(s, after, (clause_end - after).min(8), &['件', '起', '次', '宗']) {
        return Some(v);
    }
    let window = &s.chars[at.saturating_sub(12)..at];
    window.iter().any(|c| matches!(c, '未' | '无' | '没')).then_some(0)
}

/// `sentences`: the sentences of one paragraph (the sentence rules are given each paragraph in turn).
pub fn check(report: &Report, sentences: &[Sentence], out: &mut Vec<Diagnostic>) {
    let Some(table) = &report.tables.review else { return };
    let claims = [("行政复议", &["reconsideration"][..]), ("行政诉讼", &["direct_suit", "suit_after_review"][..])];
    for s in sentences {
        if !s.has("公开") && !s.has("信息") {
            continue;
        }
        for (word, rows) in claims {
            let (Some(claimed), Some(actual)) = (stated(s, word), total(table, rows)) else { continue };
            if claimed == actual {
                continue;
            }
            let cells: Vec<String> = rows.iter().map(|r| format!("review.{r}.total")).collect();
            let mut d = Diagnostic::new(&RULE, Finding::ReviewCount { word, claimed, actual });
            d.span = Some(s.span);
            d.related = rows.iter().filter_map(|r| table.cell(r, "total").and_then(|c| c.span)).collect();
            d.cells = cells;
            out.push(d);
        }
    }
}

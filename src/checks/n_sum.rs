//! N-SUM (warning / info): a sentence `共 X…，其中 A…、B…、C…` whose parts add
//! up to more than X (warning), or to less while they read as a complete split (info).

use super::narrative::{count_at, Sentence};
use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};

pub static RULE: Rule = Rule {
    code: "N-SUM",
    severity: Severity::Warning,
    name: "“共……其中……”不相加",
    run: super::Run::Sentences(|_, sentences, out| check(sentences, out)),
    fix: "核对总数与各部分数字，使其一致；只列举部分类别时写明“等”。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "正文中“共 X 件（条、个……），其中 A 件、B 件……”的句子：各部分之和大于 X 时警告；小于 X 且各部分看起来是完整拆分时提示。",
    why: "部分之和超过总数一定有错；少于总数时可能漏列了一类。",
    bad: "全年共主动公开政府信息120条，其中政策文件80条，工作动态50条。\n",
    good: "全年共主动公开政府信息120条，其中政策文件80条，工作动态40条。\n",
    basis: "报告编写质量要求：正文数字应当准确、前后一致。",
};

/// For each char from `from` on: whether it stands in a closed bracket that
/// holds more than one count and its unit. One pass; an unclosed bracket is no bracket.
fn remarks(chars: &[char], from: usize) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut open: Option<usize> = None;
    for i in from..chars.len() {
        match chars[i] {
            '（' | '(' => open = Some(i),
            '）' | ')' => {
                if let Some(o) = open.take() {
                    let inside = &chars[o + 1..i];
                    let digits = inside.iter().take_while(|c| c.is_ascii_digit()).count();
                    // `8件`: digits and one unit, nothing more.
                    let count_only = digits > 0 && inside.len() == digits + 1 && UNITS.contains(&inside[digits]);
                    if !count_only {
                        out[o..=i].iter_mut().for_each(|r| *r = true);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

const UNITS: [char; 9] = ['件', '条', '个', '项', '次', '篇', '人', '家', '起'];

/// `sentences`: the sentences of one paragraph (the sentence rules are given each paragraph in turn).
pub fn check(sentences: &[Sentence], out: &mut Vec<Diagnostic>) {
    for s in sentences {
        let Some(total_at) = s.find(0, "共") else { continue };
        let Some(of_which) = s.find(total_at, "其中") else { continue };
        // 共 X<unit>: the first count with a unit after 共, before 其中.
        let total = (total_at + 1..of_which).find_map(|i| {
            let (v, len) = count_at(s.chars, i)?;
            let unit = *s.chars.get(i + len)?;
            UNITS.contains(&unit).then_some((v, unit))
        });
        let Some((total, unit)) = total else { continue };
        // Brackets holding more than a count hold remarks on the parts
        // (`（这7件因…划转）`, `（含转办3件）`), not parts; `主动公开（8件）` is one.
        let remark = remarks(s.chars, of_which + 2);
        let mut parts = Vec::new();
        let mut i = of_which + 2;
        while i < s.chars.len() {
            match count_at(s.chars, i) {
                Some((_, len)) if remark[i] => i += len,
                Some((v, len)) if s.chars.get(i + len) == Some(&unit) => {
                    parts.push(v);
                    i += len + 1;
                }
                Some((_, len)) => i += len,
                None => i += 1,
            }
        }
        if parts.len() < 2 {
            continue;
        }
        // i128: a sum of parts never overflows, whatever digits the text holds.
        let sum: i128 = parts.iter().map(|&v| i128::from(v)).sum();
        let total = i128::from(total);
        let open_ended = s.has("等") || s.has("其他") || s.has("其余");
        let severity = if sum > total {
            Severity::Warning
        } else if sum < total && !open_ended {
            Severity::Info
        } else {
            continue;
        };
        let mut d = Diagnostic::new(&RULE, Finding::PartsSum { total, unit, parts, sum });
        d.severity = severity;
        d.span = Some(s.span);
        out.push(d);
    }
}

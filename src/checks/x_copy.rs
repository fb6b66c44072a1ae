//! X-COPY (warning): two reports (two years of one agency, or two agencies)
//! share most of their narrative text.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::Report;
use crate::text::{is_bare, Folded};
use std::collections::{HashMap, HashSet};

pub static RULE: Rule = Rule {
    code: "X-COPY",
    severity: Severity::Warning,
    name: "与另一份报告大段相同",
    run: super::Run::Across,
    fix: "按本年度的实际工作重写正文，更新其中的数字和事例。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "同时载入的两份报告，正文中一半以上的句子（15 字以上）完全相同。同一句话出现在 32 份以上的报告中时，视为通用表述，不算抄袭。",
    why: "照搬上一年或其他机关的报告，往往连数字和事例都没有更新，不能反映本年度的实际工作。",
    bad: concat!(
        "某局2021年政府信息公开工作年度报告\n一、总体情况\n本机关坚持以公开为常态、不公开为例外，全面推进政务公开。全年通过门户网站发布各类信息一百余条。\n",
        "<<<下一份报告>>>\n",
        "某局2022年政府信息公开工作年度报告\n一、总体情况\n本机关坚持以公开为常态、不公开为例外，全面推进政务公开。全年通过门户网站发布各类信息一百余条。\n",
    ),
    good: concat!(
        "某局2021年政府信息公开工作年度报告\n一、总体情况\n本机关坚持以公开为常态、不公开为例外，全面推进政务公开。全年通过门户网站发布各类信息一百余条。\n",
        "<<<下一份报告>>>\n",
        "某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度围绕优化营商环境，重点公开涉企政策和办事指南。全年新建惠企政策专栏，发布政策解读二十六篇。\n",
    ),
    basis: "《中华人民共和国政府信息公开条例》第五十条：年度报告应当反映本年度的工作情况。",
};

/// Sentences shorter than this (bare characters) are not compared.
const MIN_SENTENCE: usize = 15;

fn sentences(report: &Report) -> HashSet<String> {
    report
        .paragraphs
        .iter()
        .flat_map(|p| {
            p.text.split(['。', '；', '！', '？']).map(|s| Folded::filtered(s, 0, is_bare).text).collect::<Vec<_>>()
        })
        .filter(|s| s.chars().count() >= MIN_SENTENCE)
        .collect()
}

/// Reports a sentence may stand in and still count as copied: one that more
/// reports hold is common wording (the format's own phrases), not a copy; and
/// the work stays linear in the sentences, not in the pairs of reports.
const MAX_HOLDERS: usize = 32;

pub fn check(reports: &[&Report], out: &mut Vec<(usize, Diagnostic)>) {
    let sets: Vec<HashSet<String>> = reports.iter().map(|r| sentences(r)).collect();
    // Which reports hold each sentence, then the sentences each pair shares.
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for s in set {
            holders.entry(s.as_str()).or_default().push(i);
        }
    }
    // Each pair of reports once per sentence they share (at most MAX_HOLDERS²
    // pairs per sentence), sorted: equal pairs then stand together, counted.
    let mut shared_pairs: Vec<(usize, usize)> = Vec::new();
    for list in holders.values().filter(|l| l.len() > 1 && l.len() <= MAX_HOLDERS) {
        for (k, &a) in list.iter().enumerate() {
            shared_pairs.extend(list[k + 1..].iter().map(|&b| (b, a)));
        }
    }
    shared_pairs.sort_unstable();
    let counted = shared_pairs.chunk_by(|x, y| x == y).map(|run| (run[0], run.len()));
    for ((b, a), shared) in counted {
        let smaller = sets[a].len().min(sets[b].len());
        if smaller < 2 || shared * 2 <= smaller {
            continue;
        }
        let other = reports[a];
        let finding = Finding::Copied {
            agency: other.meta.agency.as_ref().map(|a| a.value.clone()),
            year: other.meta.year.as_ref().map(|y| y.value),
            shared,
            percent: shared * 100 / smaller,
        };
        let mut d = Diagnostic::new(&RULE, finding);
        d.span = reports[b].paragraphs.first().map(|p| p.span);
        out.push((b, d));
    }
}

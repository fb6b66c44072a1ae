//! N-DUP (warning): a paragraph, or a block of consecutive paragraphs, appears twice.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::Report;
use crate::text::{is_bare, Folded};
use std::collections::{HashMap, HashSet};

pub static RULE: Rule = Rule {
    code: "N-DUP",
    severity: Severity::Warning,
    name: "重复的段落",
    run: super::Run::Report(check),
    fix: "删去重复的段落，或核对是否漏改了应当不同的内容。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "同一段文字（或连续的几段）在报告中出现两次。只比较 20 字以上的段落，忽略标点和空格；第一章之前不成句的短行（网页栏目、重复的页面标题）不算。",
    why: "重复段落多是复制粘贴时误操作，会让读者怀疑报告没有经过审核。",
    bad: "一、总体情况\n本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n",
    good: "一、总体情况\n本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n本年度共主动公开政府信息一百二十条，较上年有所增加。\n",
    basis: "报告编写质量要求；《中华人民共和国政府信息公开条例》第五十条所列内容应完整准确。",
};

/// Chars of a line before the first chapter, at most, that is a title or a
/// site's menu when it ends no sentence (a title has at most 60).
const FRONT_LINE: usize = 60;
/// Paragraphs shorter than this (bare characters) are not compared: 无。, short captions.
const MIN_LEN: usize = 20;
/// Paragraphs tried as the one holding a shorter paragraph's sentences, from
/// the holders of its rarest sentence: a report has a handful; the bound keeps
/// text built of a few sentences repeated thousands of times linear.
const MAX_CANDIDATES: usize = 32;

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let paragraphs = &report.paragraphs;
    // Before the first chapter stand the title and, in a page copied from a
    // website, its menus and the title again: short lines that end no
    // sentence, not the report's paragraphs (an introduction still counts).
    let chapters = paragraphs.iter().any(|p| p.chapter.is_some());
    let front = |p: &crate::model::Paragraph| {
        chapters && p.chapter.is_none() && p.text.chars().count() <= FRONT_LINE && !p.text.contains(['。', '！', '？', '；'])
    };
    // The paragraphs compared (index, bare text), and the tables below, are
    // per compared paragraph: a text of many short lines costs nothing here.
    let kept: Vec<(usize, String)> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !front(p))
        .filter_map(|(i, p)| {
            let bare = Folded::filtered(p.text, 0, is_bare).text;
            (bare.chars().count() >= MIN_LEN).then_some((i, bare))
        })
        .collect();
    let span_of = |from: usize, to: usize| {
        crate::text::Span::new(paragraphs.at(kept[from].0).span.start, paragraphs.at(kept[to].0).span.end)
    };
    let mut first: HashMap<&str, usize> = HashMap::new();
    // For each compared paragraph, the earlier one it repeats.
    // Indices fit in u32 (inputs are far below 4 GB).
    let mut repeats: Vec<Option<u32>> = vec![None; kept.len()];
    for (i, (_, key)) in kept.iter().enumerate() {
        match first.get(key.as_str()) {
            Some(&j) => repeats[i] = Some(j as u32),
            None => {
                first.insert(key, i);
            }
        }
    }
    let mut i = 0;
    while i < kept.len() {
        let Some(j) = repeats[i].map(|j| j as usize) else {
            i += 1;
            continue;
        };
        // A block: the next compared paragraphs repeat the ones after `j`, in
        // order (short ones in between, on either side, are carried along).
        let mut end = i;
        let (mut a, mut b) = (i + 1, j + 1);
        while a < kept.len() && b < i && repeats[a] == Some(b as u32) {
            end = a;
            (a, b) = (a + 1, b + 1);
        }
        let first_end = repeats[end].map_or(j, |r| r as usize);
        let count = end - i + 1;
        let opening: String = paragraphs.at(kept[i].0).text.chars().take(20).collect();
        let mut d = Diagnostic::new(&RULE, Finding::RepeatedParagraphs { opening, count });
        d.span = Some(span_of(i, end));
        d.related = vec![span_of(j, first_end)];
        out.push(d);
        i = end + 1;
    }
    // A paragraph repeated inside a longer one (a sentence pasted again as its
    // own paragraph): every sentence of it stands in one other paragraph.
    // Only paragraphs long enough to count are checked or can hold another.
    let sentences: Vec<Vec<String>> = kept
        .iter()
        .map(|&(p, _)| {
            paragraphs.at(p)
                .text
                .split(['。', '！', '？', '；'])
                .map(|s| Folded::filtered(s, 0, is_bare).text)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut held: HashSet<(&str, usize)> = HashSet::new();
    for (k, list) in sentences.iter().enumerate() {
        for s in list {
            let v = holders.entry(s.as_str()).or_default();
            if v.last() != Some(&k) {
                v.push(k);
            }
            held.insert((s.as_str(), k));
        }
    }
    for (i, (p, key)) in kept.iter().enumerate() {
        if repeats[i].is_some() || first.get(key.as_str()) != Some(&i) {
            continue;
        }
        let holder = |k: usize| k != i && kept[k].1.len() > key.len();
        let holders_of = |s: &String| holders.get(s.as_str()).map_or(&[][..], Vec::as_slice);
        let Some(rarest) = sentences[i].iter().min_by_key(|s| holders_of(s).len()) else { continue };
        let holds_all = |k: usize| sentences[i].iter().all(|s| held.contains(&(s.as_str(), k)));
        let found = holders_of(rarest)
            .iter()
            .filter(|&&k| k != i)
            .take(MAX_CANDIDATES)
            .copied()
            .find(|&k| holder(k) && holds_all(k));
        let Some(k) = found else { continue };
        let opening: String = paragraphs.at(*p).text.chars().take(20).collect();
        let mut d = Diagnostic::new(&RULE, Finding::RepeatedInside { opening });
        d.span = Some(paragraphs.at(*p).span);
        d.related = vec![paragraphs.at(kept[k].0).span];
        out.push(d);
    }
}

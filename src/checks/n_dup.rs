//! N-DUP (warning): a paragraph, or a block of consecutive paragraphs, appears twice.

use super::{Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::Report;
use crate::text::{is_bare, Folded};
use std::collections::HashMap;
use std::ops::Range;

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
    // The paragraphs compared: each one's folded text (bare characters and
    // sentence marks) in one buffer, folded once for both comparisons below,
    // and its bare text, in another. Per compared paragraph, so a text of
    // many short lines costs nothing here.
    let (mut marked, mut bare) = (Folded::default(), String::new());
    let mut kept: Vec<Kept> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate().filter(|(_, p)| !front(p)) {
        let (from, origins_from, bare_from) = (marked.text.len(), marked.origins.len(), bare.len());
        marked.append(p.text, 0, |c| is_bare(c) || is_mark(c));
        for piece in marked.text[from..].split(is_mark) {
            bare.push_str(piece);
        }
        if bare[bare_from..].chars().count() >= MIN_LEN {
            kept.push(Kept { paragraph: i, marked: from..marked.text.len(), bare: bare_from..bare.len() });
        } else {
            marked.text.truncate(from);
            marked.origins.truncate(origins_from);
            bare.truncate(bare_from);
        }
    }
    let key = |k: &Kept| &bare[k.bare.clone()];
    let span_of = |from: usize, to: usize| {
        crate::text::Span::new(paragraphs.at(kept[from].paragraph).span.start, paragraphs.at(kept[to].paragraph).span.end)
    };
    let mut first: HashMap<&str, usize> = HashMap::new();
    // For each compared paragraph, the earlier one it repeats.
    // Indices fit in u32 (inputs are far below 4 GB).
    let mut repeats: Vec<Option<u32>> = vec![None; kept.len()];
    for (i, k) in kept.iter().enumerate() {
        match first.get(key(k)) {
            Some(&j) => repeats[i] = Some(j as u32),
            None => {
                first.insert(key(k), i);
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
        let opening: String = paragraphs.at(kept[i].paragraph).text.chars().take(20).collect();
        let mut d = Diagnostic::new(&RULE, Finding::RepeatedParagraphs { opening, count });
        d.span = Some(span_of(i, end));
        d.related = vec![span_of(j, first_end)];
        out.push(d);
        i = end + 1;
    }
    // A paragraph repeated inside a longer one (a sentence pasted again as its
    // own paragraph): every sentence of it stands in one other paragraph.
    // Only paragraphs long enough to count are checked or can hold another.
    // Each distinct sentence gets an id (one hash per sentence); per
    // paragraph, its ids in order, and per id the paragraphs holding it (in
    // order, so a holder is found by binary search).
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut holders: Vec<Vec<u32>> = Vec::new();
    let sentences: Vec<Vec<u32>> = kept
        .iter()
        .enumerate()
        .map(|(k, kept)| {
            marked.text[kept.marked.clone()]
                .split(is_mark)
                .filter(|s| !s.is_empty())
                .map(|s| {
                    let id = *ids.entry(s).or_insert_with(|| {
                        holders.push(Vec::new());
                        holders.len() as u32 - 1
                    });
                    let held = &mut holders[id as usize];
                    if held.last() != Some(&(k as u32)) {
                        held.push(k as u32);
                    }
                    id
                })
                .collect()
        })
        .collect();
    for (i, kept_i) in kept.iter().enumerate() {
        if repeats[i].is_some() || first.get(key(kept_i)) != Some(&i) {
            continue;
        }
        let longer = |k: usize| k != i && kept[k].bare.len() > kept_i.bare.len();
        let listed = &sentences[i];
        let Some(&rarest) = listed.iter().min_by_key(|&&s| holders[s as usize].len()) else { continue };
        let holds_all = |k: usize| listed.iter().all(|&s| holders[s as usize].binary_search(&(k as u32)).is_ok());
        let found = holders[rarest as usize]
            .iter()
            .map(|&k| k as usize)
            .filter(|&k| k != i)
            .take(MAX_CANDIDATES)
            .find(|&k| longer(k) && holds_all(k));
        let Some(k) = found else { continue };
        let p = paragraphs.at(kept_i.paragraph);
        let opening: String = p.text.chars().take(20).collect();
        let mut d = Diagnostic::new(&RULE, Finding::RepeatedInside { opening });
        d.span = Some(p.span);
        d.related = vec![paragraphs.at(kept[k].paragraph).span];
        out.push(d);
    }
}

/// A compared paragraph: its index, and where its folded text (with the
/// sentence marks) and its bare text stand in their buffers.
struct Kept {
    paragraph: usize,
    marked: Range<usize>,
    bare: Range<usize>,
}

/// The sentence marks 。！？； as folded (full-width forms fold to ASCII).
fn is_mark(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';')
}

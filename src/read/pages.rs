//! Lines a PDF's page furniture left between the report's lines: page
//! numbers (`- 3 -`, `第3页 共5页`, `3/5`, a bare `3`), which hold no cells.

use crate::text::fold_char;
use std::collections::HashMap;

/// What a short line is as a page's footer would print it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PageMark {
    /// Not a page number.
    No,
    /// A page number beyond doubt: `- 3 -`, `—3—`, `第 3 页`, `第3页 共5页`, `第3页/共5页`.
    Page,
    /// `k/n` alone, as footers print page k of n, or a cell's value (本年增/减
    /// one per line: `1/2`): a page number where the text numbers more than
    /// one page of `n` so ([`PageSequence`]).
    Of(u32, u32),
}

/// A line as a page number: a bare `3` is not one (it may be a value on its
/// own line); nor is `0/0` or `5/3` (pages count from 1, to the total): a cell's `0/0`.
fn page_mark(line: &str, scratch: &mut String) -> PageMark {
    // Most lines are told apart by their last character alone.
    let mut last = None;
    if let Some(c) = line.trim_end().chars().next_back() {
        fold_char(c, &mut |f| last = Some(f));
    }
    if !last.is_some_and(|c| c.is_ascii_digit() || matches!(c, '页' | '-' | '—' | '_' | '~')) {
        return PageMark::No;
    }
    scratch.clear();
    for c in line.chars() {
        fold_char(c, &mut |f| scratch.push(f));
    }
    let t = &*scratch;
    let dashes = |c: char| matches!(c, '-' | '—' | '_' | '~');
    let bare = t.trim_matches(dashes);
    // A page's number: 1 to 9999.
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|&n| n >= 1)
    };
    let page = |s: &str| s.strip_prefix('第').and_then(|s| s.strip_suffix('页')).and_then(number);
    let of = |s: &str| s.strip_prefix('共').and_then(|s| s.strip_suffix('页')).and_then(number);
    // Dashes on both sides: `-3` alone is a negative value.
    let decorated = t.starts_with(dashes) && t.ends_with(dashes) && number(bare).is_some();
    let this_of = |a: Option<u32>, b: Option<u32>| a.zip(b).filter(|(a, b)| a <= b);
    let words = bare.find('共').and_then(|i| this_of(page(&bare[..i]), of(&bare[i..])));
    if decorated || page(bare).is_some() || words.is_some() {
        return PageMark::Page;
    }
    let Some((a, b)) = bare.split_once('/') else { return PageMark::No };
    match this_of(number(a).or(page(a)), number(b).or(of(b))) {
        // Words or dashes around it say it is a page's: `第3页/共5页`, `- 3/5 -`.
        Some(_) if page(a).is_some() || of(b).is_some() || bare.len() < t.len() => PageMark::Page,
        Some((k, n)) => PageMark::Of(k, n),
        None => PageMark::No,
    }
}

/// The totals `n` for which the text numbers more than one page `k/n` on lines
/// of their own: those lines are footers; a lone `1/2` is a cell's value.
#[derive(Default)]
struct PageSequence {
    /// For each total seen, the first page number seen and whether another followed.
    totals: Vec<(u32, u32, bool)>,
}

impl PageSequence {
    /// Distinct totals kept, at most: a report has one; a table of fractions is no footer.
    const MAX_TOTALS: usize = 64;

    fn add(&mut self, k: u32, n: u32) {
        let room = self.totals.len() < Self::MAX_TOTALS;
        match self.totals.iter_mut().find(|(t, _, _)| *t == n) {
            Some((_, first, more)) => *more |= *first != k,
            None if room => self.totals.push((n, k, false)),
            None => {}
        }
    }

    /// Whether `k/n` lines are footers: pages of `n` run on, or the one page of one (`1/1`).
    fn is_footer(&self, n: u32) -> bool {
        n == 1 || self.totals.iter().any(|&(t, _, more)| t == n && more)
    }
}

/// What the whole text says of its page numbers, looked at before its lines
/// are read: which `k/n` totals run on, and which bare numbers are pages'.
pub(super) struct Pages {
    fractions: PageSequence,
    /// Starts of the lines that are bare page numbers ([`bare_page_numbers`]), in order.
    bare: Vec<usize>,
    next_bare: usize,
    scratch: String,
}

impl Pages {
    /// Lines longer than this many bytes are no page number (`１２３４５６．５０００` is 33).
    const MAX_LEN: usize = 64;

    pub(super) fn new(input: &str) -> Self {
        let mut scratch = String::new();
        let mut fractions = PageSequence::default();
        let bare = bare_page_numbers(input, |line| {
            if line.len() <= Self::MAX_LEN && line.contains('/') {
                if let PageMark::Of(k, n) = page_mark(line, &mut scratch) {
                    fractions.add(k, n);
                }
            }
        });
        Pages { fractions, bare, next_bare: 0, scratch }
    }

    /// Whether the line `body` at `start` is a page number; lines are asked in order.
    pub(super) fn is_page_number(&mut self, start: usize, body: &str) -> bool {
        while self.bare.get(self.next_bare).is_some_and(|&b| b < start) {
            self.next_bare += 1;
        }
        if self.bare.get(self.next_bare) == Some(&start) {
            return true;
        }
        body.len() <= Self::MAX_LEN
            && match page_mark(body, &mut self.scratch) {
                PageMark::Page => true,
                PageMark::Of(_, n) => self.fractions.is_footer(n),
                PageMark::No => false,
            }
    }
}

/// A line that is not blank: a lone value, one that may be a page's number, or anything else.
#[derive(Clone, Copy, PartialEq)]
enum Lone {
    Value,
    Page(u32),
    Other,
}

fn lone(body: &str) -> Option<Lone> {
    let t = body.trim();
    if t.is_empty() {
        return None;
    }
    if !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '０'..='９' | '.' | ',' | '-' | '+')) {
        return Some(Lone::Other);
    }
    let digits = t.chars().all(|c| c.is_ascii_digit()) && t.len() <= 4;
    Some(match t.parse::<u32>() {
        Ok(n) if digits && n >= 1 => Lone::Page(n),
        _ => Lone::Value,
    })
}

/// Lines from one page number to the next, at least: a page of a report
/// holds more, and the rows of a table with one value each (行政许可 1 …
/// 行政强制 2, ten lines on when each cell has its own line) fewer. A last
/// page shorter than this keeps its number, which then ends the text as a value.
const MIN_PAGE_LINES: usize = 12;

/// The starts of the lines that are bare page numbers (`3` alone, as a PDF's
/// footer prints it and a text copy keeps it between the report's lines): a
/// number alone on its line between lines that are not lone values (a value
/// alone on its line stands among others), in the longest run of such lines
/// numbered one apart in order from 1 or 2 (`1` … `2` … `3`), two at least,
/// [`MIN_PAGE_LINES`] apart. A lone `3` without a `2` before or a `4` after is a
/// value. Each line is also given to `each` (the same pass finds the `k/n` marks).
fn bare_page_numbers(input: &str, mut each: impl FnMut(&str)) -> Vec<usize> {
    struct Found {
        start: usize,
        line: usize,
        run: usize,
        before: Option<usize>,
    }
    let mut found: Vec<Found> = Vec::new();
    // For each number, the found line ending the longest run that ends in it.
    let mut ends: HashMap<u32, usize> = HashMap::new();
    let mut take = |start: usize, line: usize, n: u32| {
        let before =
            n.checked_sub(1).and_then(|m| ends.get(&m).copied()).filter(|&b| found[b].line + MIN_PAGE_LINES <= line);
        // Pages are numbered from the first (or, when the first prints none, from the second).
        let run = match before {
            Some(b) => found[b].run + 1,
            None if n <= 2 => 1,
            None => return,
        };
        if ends.get(&n).is_none_or(|&e| found[e].run <= run) {
            ends.insert(n, found.len());
        }
        found.push(Found { start, line, run, before });
    };
    // A candidate waiting for its next line (a lone value there makes it one too).
    let mut pending: Option<(usize, usize, u32)> = None;
    let mut last = Lone::Other;
    let mut line = 0;
    for l in crate::text::layout::lines(input) {
        each(l.body);
        let Some(kind) = lone(l.body) else { continue };
        if let Some((start, at, n)) = pending.take() {
            if kind == Lone::Other {
                take(start, at, n);
            }
        }
        if let Lone::Page(n) = kind {
            if last == Lone::Other {
                pending = Some((l.start, line, n));
            }
        }
        last = kind;
        line += 1;
    }
    if let Some((start, at, n)) = pending {
        take(start, at, n);
    }
    let Some(mut at) = found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.run >= 2)
        .max_by_key(|(i, f)| (f.run, usize::MAX - i))
        .map(|(i, _)| i)
    else {
        return Vec::new();
    };
    let mut starts = vec![found[at].start];
    while let Some(b) = found[at].before {
        starts.push(found[b].start);
        at = b;
    }
    starts.reverse();
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_hold_no_cells() {
        for footer in ["- 3 -", "—3—", "第 3 页", "第3页 共5页", "第3页/共5页", "－ 12 －", "- 3/5 -"] {
            assert_eq!(page_mark(footer, &mut String::new()), PageMark::Page, "{footer}");
        }
        assert_eq!(page_mark("3/5", &mut String::new()), PageMark::Of(3, 5));
        for line in ["3", "-3", "0 0 -3", "1/3属于", "第二十条第（一）项", "-", "0/0", "5/3", "第0页", "第6页 共5页"]
        {
            assert_eq!(page_mark(line, &mut String::new()), PageMark::No, "{line}");
        }
    }

    #[test]
    fn a_fraction_is_a_footer_where_the_pages_run_on() {
        let mut pages = PageSequence::default();
        pages.add(1, 2);
        assert!(!pages.is_footer(2), "a lone 1/2 is a cell's");
        pages.add(1, 2);
        assert!(!pages.is_footer(2), "twice the same is no sequence");
        pages.add(2, 2);
        pages.add(1, 7);
        assert!(pages.is_footer(2) && !pages.is_footer(7) && pages.is_footer(1));
    }

    #[test]
    fn bare_numbers_in_a_run_are_pages() {
        fn starts(text: &str) -> Vec<&str> {
            bare_page_numbers(text, |_| ()).into_iter().map(|s| text[s..].lines().next().unwrap()).collect()
        }
        // Pages 1 and 2 between rows of a table: both are footers.
        let page = |n: usize| (0..n).map(|i| format!("（{i}）行\t0\t{i}\n")).collect::<String>();
        let report = format!("{}\n    1\n第2页\n{}四、结果\n 2 \n六、其他\n", page(12), page(11));
        assert_eq!(starts(&report), ["    1", " 2 "]);
        // The same numbered from 3: values.
        assert!(starts(&report.replace("    1", "3").replace(" 2 ", "4")).is_empty());
        // One number alone is a value; so are numbers among others (one value a line).
        assert!(starts("一、新收\n1\n二、结转\n").is_empty());
        assert!(starts("自然人\n1\n2\n3\n法人\n4\n").is_empty());
        // 1 and 2 too close together are no pages (行政许可 1 … 行政强制 2, a cell a line).
        let licensing = "行政许可\n1\n第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n0\n";
        assert!(starts(&format!("{licensing}第二十条第（七）项\n信息内容\n本年处理决定数量\n行政强制\n2\n")).is_empty());
    }
}

//! Page furniture: the running header, the running footer and the page
//! number a PDF repeats on its pages, which are not the report's text. Each
//! page's first and last line of text ([`Edge`]) is looked at across the
//! pages: one whose words repeat at the same height on another page, or a
//! page number (`3`, `- 3 -`, `第3页 共5页`, `3/5`) that counts with the pages,
//! is dropped. Only the outermost line of each side is looked at.

use crate::text::is_ideograph;
use std::collections::HashMap;
use std::ops::Range;

/// A page's first or last line of text: where it is in the page's text (its
/// line break not included) and its baseline (points, y up).
#[derive(Clone, Debug)]
pub(super) struct Edge {
    pub range: Range<usize>,
    pub y: f64,
}

/// A page's text and its edges (none where a table's row is outermost).
#[derive(Clone, Debug, Default)]
pub(super) struct Page {
    pub text: String,
    pub top: Option<Edge>,
    pub bottom: Option<Edge>,
}

/// How far apart (points) the baselines of one running line may stand on two pages.
const SAME_PLACE: f64 = 2.0;

/// For each page, whether its top and its bottom line are furniture.
pub(super) fn furniture(pages: &[Page]) -> Vec<[bool; 2]> {
    let side = |edge: fn(&Page) -> &Option<Edge>| {
        let lines: Vec<Option<Line>> =
            pages.iter().map(|p| edge(p).as_ref().map(|e| Line::new(e, &p.text[e.range.clone()]))).collect();
        running(&lines).into_iter().zip(numbered(&lines)).map(|(r, n)| r || n).collect::<Vec<bool>>()
    };
    let (top, bottom) = (side(|p| &p.top), side(|p| &p.bottom));
    top.into_iter().zip(bottom).map(|(t, b)| [t, b]).collect()
}

/// An edge's line as compared across pages.
struct Line {
    /// Its characters without blanks, each run of digits as `#` (the page's
    /// number in a running footer changes).
    key: String,
    /// The first two numbers in it.
    numbers: [Option<u32>; 2],
    y: f64,
}

impl Line {
    fn new(edge: &Edge, text: &str) -> Line {
        let mut key = String::new();
        let mut numbers: [Option<u32>; 2] = [None; 2];
        let mut found = 0;
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            let Some(d) = c.to_digit(10) else {
                key.push(c);
                continue;
            };
            if !key.ends_with('#') {
                key.push('#');
                found += 1;
            }
            if let Some(n) = numbers.get_mut(found - 1) {
                *n = Some(n.unwrap_or(0u32).saturating_mul(10).saturating_add(d));
            }
        }
        Line { key, numbers, y: edge.y }
    }
}

/// Lines with words (an ideograph or a letter: a row of numbers is no header)
/// whose key stands at the same height on two pages at least.
fn running(lines: &[Option<Line>]) -> Vec<bool> {
    let place = |l: &Line| (l.y / SAME_PLACE).round() as i64;
    let worded = |l: &Line| l.key.chars().any(|c| is_ideograph(c) || c.is_alphabetic());
    let mut seen: HashMap<(&str, i64), usize> = HashMap::new();
    for line in lines.iter().flatten().filter(|l| worded(l)) {
        *seen.entry((line.key.as_str(), place(line))).or_default() += 1;
    }
    let count = |key: &str, at: i64| seen.get(&(key, at)).copied().unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            l.as_ref().is_some_and(|l| {
                let at = place(l);
                worded(l) && count(&l.key, at - 1) + count(&l.key, at) + count(&l.key, at + 1) >= 2
            })
        })
        .collect()
}

/// Page-number shapes (digits as `#`): the page's number is the first `#`, or
/// the second in `共#页第#页`; a second `#` is the count of pages.
const NUMBER_SHAPES: &[&str] = &[
    "#",
    "-#-",
    "—#—",
    "－#－",
    "-#/#-",
    "—#/#—",
    "#/#",
    "第#页",
    "第#页共#页",
    "第#页,共#页",
    "第#页，共#页",
    "第#页/共#页",
    "共#页第#页",
    "Page#",
    "Page#of#",
    "page#",
];

/// Page numbers that count with the pages: the number less the page's index
/// is the same on two pages at least (a cover may print none), or, in a PDF
/// of one page, a `1` no value prints so (`- 1 -`, `第1页`, not `1`).
fn numbered(lines: &[Option<Line>]) -> Vec<bool> {
    let numbers: Vec<Option<(usize, i64)>> = lines
        .iter()
        .enumerate()
        .map(|(page, l)| {
            let l = l.as_ref()?;
            let shape = NUMBER_SHAPES.iter().position(|s| *s == l.key)?;
            let [first, second] = l.numbers;
            let (number, total) =
                if NUMBER_SHAPES[shape].starts_with('共') { (second, first) } else { (first, second) };
            let number = number?;
            // Page k of n: k is n at most.
            if total.is_some_and(|n| n < number) || number == 0 {
                return None;
            }
            Some((shape, i64::from(number) - page as i64))
        })
        .collect();
    let mut offsets: HashMap<(usize, i64), usize> = HashMap::new();
    for n in numbers.iter().flatten() {
        *offsets.entry(*n).or_default() += 1;
    }
    let alone = lines.len() == 1;
    numbers
        .iter()
        .map(|n| n.is_some_and(|n| offsets[&n] >= 2 || (alone && n.1 == 1 && NUMBER_SHAPES[n.0] != "#")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page whose text is `top`, a body line and `bottom`, with those at `y`.
    fn page(top: &str, y_top: f64, bottom: &str, y_bottom: f64) -> Page {
        let text = format!("{top}\n正文\t0\t1\n{bottom}\n");
        let bottom_at = top.len() + "\n正文\t0\t1\n".len();
        Page {
            top: Some(Edge { range: 0..top.len(), y: y_top }),
            bottom: Some(Edge { range: bottom_at..bottom_at + bottom.len(), y: y_bottom }),
            text,
        }
    }

    #[test]
    fn running_lines_and_page_numbers_are_furniture() {
        // A running header from page 2 on (the title stands on page 1) and bare numbers.
        let pages = [
            page("某区2021年政府信息公开工作年度报告", 780.0, "1", 40.0),
            page("某区政府信息公开年度报告", 800.0, "  2 ", 40.5),
            page("某区政府信息公开年度报告", 800.5, "3", 40.0),
        ];
        assert_eq!(furniture(&pages), [[false, true], [true, true], [true, true]]);
        // `第N页` counted from a second page (a cover without one).
        let pages = [
            page("标题", 780.0, "某区人民政府", 60.0),
            page("第1页", 800.0, "0 0 1", 40.0),
            page("第2页", 790.0, "0 0 1", 40.0),
        ];
        assert_eq!(furniture(&pages), [[false, false], [true, false], [true, false]]);
    }

    #[test]
    fn lines_that_only_look_so_stay() {
        // Numbers that do not count with the pages, a row of numbers repeated, words at other heights.
        let pages = [
            page("一、总体情况", 780.0, "3", 40.0),
            page("一、总体情况", 700.0, "0 0 0", 40.0),
            page("标题", 780.0, "0 0 0", 40.0),
        ];
        assert_eq!(furniture(&pages), [[false; 2]; 3]);
        // One page: `- 1 -` is its number, a bare `1` a value; page 3 of 2 is none.
        assert_eq!(furniture(&[page("第3页 共2页", 800.0, "- 1 -", 40.0)]), [[false, true]]);
        assert_eq!(furniture(&[page("标题", 800.0, "1", 40.0)]), [[false, false]]);
    }
}

//! Metadata: the title (one line, or two when the agency stands above it), the
//! agency, the report year, the statistics period (统计期限) and the signature
//! date at the end.

use super::dates::{date_at, dates, month_day_at, year_at};
use super::doc::{Row, Rows};
use super::source_span;
use crate::model::{Date, Found, Meta, YearSource};
use crate::text::Span;
use crumbs::{is_breadcrumb, last_crumb};
use fields::publisher_field;
use marks::{found_text, leading_marks};
use prose::named_in_prose;

mod crumbs;
mod fields;
mod marks;
mod prose;

/// How far down the title may stand, in non-empty lines (a page copied whole
/// from a website starts with its menus).
const TITLE_LINES: usize = 20;

/// Lines before the body looked through for its title when none is among the
/// first [`TITLE_LINES`]: a government site's menus, search box and
/// breadcrumbs, saved with the page.
const MENU_LINES: usize = 200;
const MAX_TITLE: usize = 60;
/// How far up from the end the signature date may stand, in lines of four characters or more.
const SIGNATURE_LINES: usize = 20;
/// A line holding just an agency's name (above a title, or above the date).
pub(super) const MAX_AGENCY: usize = 30;

/// Some rows of a [`Rows`], by index (a row as a value is larger).
pub(super) struct Picked<'a> {
    rows: Rows<'a>,
    at: Vec<u32>,
}

impl<'a> Picked<'a> {
    fn len(&self) -> usize {
        self.at.len()
    }

    fn at(&self, k: usize) -> Row<'a> {
        self.rows.at(self.at[k] as usize)
    }

    fn get(&self, k: usize) -> Option<Row<'a>> {
        self.at.get(k).map(|&i| self.rows.at(i as usize))
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = Row<'a>> + '_ {
        self.at.iter().map(|&i| self.rows.at(i as usize))
    }
}

/// Reads the metadata from the lines of `rows` outside the tables (`in_table`);
/// `body_start` is the first chapter's line.
pub fn read(rows: Rows, in_table: impl Fn(&Row) -> bool, input: &str, body_start: usize, meta: &mut Meta) {
    let at = rows.iter().enumerate().filter(|(_, r)| !in_table(r) && (r.prose || !r.folded.text.is_empty()));
    // Counted first: doubling as they come could leave up to half unused.
    let mut picked = Vec::with_capacity(at.clone().count());
    picked.extend(at.map(|(i, _)| i as u32));
    let text_rows = Picked { rows, at: picked };
    if let Some(TitleLines { at: title_at, extra, year, from, to }) = title(&text_rows, body_start) {
        let head = text_rows.at(title_at);
        let chars: Vec<char> = head.folded.text.chars().collect();
        let start = from + leading_marks(&chars[from..]);
        // Markdown marks, and the pipes closing a row of an archive's header (`名称: | … | ||`).
        let end = chars.iter().rposition(|c| !matches!(c, '*' | '#' | '|')).map_or(0, |p| p + 1).min(to);
        let mut span = source_span(input, head.folded.origins, start, end);
        // The year a PDF copy set apart, on one of the lines after.
        let displaced = (title_at + 1..=title_at + extra.max(1))
            .filter(|_| year.is_none())
            .find_map(|k| Some((bare_year(&text_rows.get(k)?)?, k)));
        let last = displaced.map_or(title_at + extra, |(_, k)| k.max(title_at + extra));
        if let (true, Some(end)) = (last > title_at, text_rows.get(last)) {
            span = span.map(|s| Span::new(s.start, end.span.end));
        }
        // A short line above without a sentence end is the agency's half of the title.
        let above = title_at.checked_sub(1).filter(|_| from == 0).map(|k| text_rows.at(k)).filter(is_name_line);
        // The title starts with its year, or (no year in it) with the report's own words.
        let own_words = ["政府信息公开", "信息公开", "政务公开"];
        // The title's words, from where it starts (a breadcrumb's crumbs before it name 政务公开 too).
        let tail = head.folded.text.char_indices().nth(from).map_or("", |(b, _)| &head.folded.text[b..]);
        let word_at = |w: &str| chars_before(tail, w).map(|i| i + from);
        let words_first = year.is_none() && own_words.iter().any(|w| word_at(w) == Some(start));
        // `关于2021年度…的年度报告` under the agency's line starts with its year too.
        let lead = start + if head.folded.text.chars().skip(start).take(2).eq("关于".chars()) { 2 } else { 0 };
        let year_first = year.as_ref().is_some_and(|(_, i)| *i == lead) || words_first;
        // The year after the report's own words (`…年度报告（2024年度）`) does not end the agency.
        let own_at = own_words.iter().find_map(|w| word_at(w));
        let year_ends_agency = year.as_ref().is_some_and(|(_, i)| own_at.is_none_or(|w| *i <= w));
        // A year-first title that names its agency after the year (`2022年高新区政府信息公开…`)
        // takes no line above (a site's search box, 全文检索).
        let named_after_year = year.as_ref().zip(own_at).is_some_and(|((_, at), words)| words > at + 6);
        let above = above.filter(|_| !named_after_year);
        if let (Some(above), true) = (above, year_first) {
            let chars: Vec<char> = above.folded.text.chars().collect();
            let a = source_span(input, above.folded.origins, leading_marks(&chars), chars.len());
            meta.agency = a.map(|a| found_text(input, a));
            span = span.zip(a).map(|(t, a)| Span::new(a.start, t.end));
        } else if let (Some((_, at)), true) = (&year, year_ends_agency && !year_first) {
            meta.agency = source_span(input, head.folded.origins, start, *at)
                .map(|a| found_text(input, a))
                .filter(|a| !a.value.is_empty());
        } else if let (Some((_, at)), Some(words)) = (&year, own_at.filter(|_| year_first)) {
            // The year first and no agency above (`2023年某局政府信息公开…`):
            // the agency stands between the year and the report's own words.
            let folded: Vec<char> = head.folded.text.chars().collect();
            let mut from = after_year(&folded, *at).unwrap_or(at + 5);
            from += usize::from(folded.get(from) == Some(&'度'));
            meta.agency = (words > from && words - from <= MAX_AGENCY)
                .then(|| source_span(input, head.folded.origins, from, words))
                .flatten()
                .map(|a| found_text(input, a));
        } else {
            // No year in the title (it may stand on the next line): the agency is
            // what precedes the report's own words.
            meta.agency = own_at
                .filter(|&at| at > start && at - start <= MAX_AGENCY)
                .and_then(|at| source_span(input, head.folded.origins, start, at))
                .map(|a| found_text(input, a));
        }
        // One line of text, though printed on several; a year set apart goes back in its gap.
        meta.title = span.map(|s| found_text(input, s)).map(|t| {
            let lines = t.value.lines().map(str::trim);
            let value: String = match displaced {
                Some((y, _)) => {
                    lines.filter(|l| *l != y.to_string()).collect::<String>().replacen(" 年", &format!("{y}年"), 1)
                }
                None => lines.collect(),
            };
            Found { value, ..t }
        });
        if let Some((y, at)) = year {
            let s = source_span(input, head.folded.origins, at, at + 4);
            meta.year = s.map(|span| Found { value: y, span });
        }
        let gap = input[head.span.start..head.span.end].find(" 年").map(|g| head.span.start + g);
        if let (Some((y, k)), Some(gap)) = (displaced, gap) {
            meta.year = Some(Found { value: y, span: text_rows.at(k).span });
            meta.agency = Some(found_text(input, Span::new(head.span.start, gap))).filter(|a| !a.value.is_empty());
        } else if let (Some((y, k)), None) = (displaced, &meta.year) {
            // The year on a line of its own under the title (`（2022年度）`).
            meta.year = Some(Found { value: y, span: text_rows.at(k).span });
        }
    }
    // No title line, or one that names no agency (`政府信息公开工作年度报告`).
    if meta.title.is_none() || meta.agency.as_ref().is_none_or(|a| a.value.is_empty()) {
        if let Some((title, agency, year)) = named_in_prose(&text_rows, input, body_start) {
            meta.title = meta.title.take().or(title);
            meta.agency = agency.or(meta.agency.take());
            meta.year = meta.year.take().or(year);
        }
    }
    if let Some(agency) = &mut meta.agency {
        // `某局关于2021年度…的报告`: the agency ends before 关于; and before the
        // short name it gives itself (`某委员会（以下简称某委）`).
        let v = agency.value.trim_start_matches("关于").trim_end_matches("关于").trim();
        let v = ["（以下简称", "(以下简称"].iter().find_map(|w| v.split_once(w)).map_or(v, |(name, _)| name);
        agency.value = v.trim().to_owned();
    }
    // Nothing left of it (`关于` alone before the year): no agency read, rather than an empty one.
    meta.agency = meta.agency.take().filter(|a| !a.value.is_empty());
    meta.period = (0..text_rows.len()).find_map(|i| period(&text_rows.at(i), text_rows.get(i + 1).as_ref(), input));
    if meta.year.is_none() {
        if let Some(p) = &meta.period {
            meta.year = Some(Found { value: p.value.0.year, span: p.span });
            meta.year_source = YearSource::Period;
        } else if let Some(found) = text_rows.iter().find_map(|r| body_year(&r, input)) {
            meta.year = Some(found);
            meta.year_source = YearSource::Body;
        }
    }
    if let Some((signed, agency)) = signature(&text_rows, input) {
        meta.signed = Some(signed);
        if meta.agency.is_none() {
            meta.agency = agency;
        }
    }
    // Last: a site's header field may name the office that put the page up, not the signer.
    if meta.agency.is_none() {
        meta.agency = (0..text_rows.len().min(TITLE_LINES)).find_map(|k| publisher_field(&text_rows.at(k), input));
    }
}

/// The chars of `text` before `word`, if it is there.
pub(super) fn chars_before(text: &str, word: &str) -> Option<usize> {
    text.find(word).map(|b| text[..b].chars().count())
}

/// A line holding only a name: short, no sentence punctuation, no digits, no site's breadcrumb.
fn is_name_line(r: &Row) -> bool {
    let t = &r.folded.text;
    let n = t.chars().count();
    let plain = !t.contains(['。', ',', ':', ';']) && !t.chars().any(|c| c.is_ascii_digit());
    n > 1 && n <= MAX_AGENCY && plain && !is_breadcrumb(t)
}

/// The title line (index into `rows`) and the year it names with its char index.
/// Where the title stands among the text lines.
struct TitleLines {
    at: usize,
    /// Short lines after it that continue it (`…工作年度` / `报告`, or a year a
    /// PDF copy set apart: `某镇 年…` / `2020`).
    extra: usize,
    /// The year the title line names, with its char index.
    year: Option<(i32, usize)>,
    /// The char the title starts from: 0, or after a breadcrumb's last `>`.
    from: usize,
    /// The char it ends before: the line's end, or a crumb's.
    to: usize,
}

fn title(rows: &Picked, body_start: usize) -> Option<TitleLines> {
    let head = rows.iter().take(TITLE_LINES).take_while(|r| r.span.start < body_start).count();
    // A sentence (`…，现将…报告如下：`) is no title, nor a site's breadcrumb
    // (`首页 > 信息公开 > 年度报告`, `当前位置：…`).
    let crumbs = is_breadcrumb;
    let is_title = |t: &str| {
        t.contains("报告")
            && t.contains("公开")
            && t.chars().count() <= MAX_TITLE
            && !t.contains(['。', ','])
            && !crumbs(t)
    };
    let candidates = |lines: std::ops::Range<usize>| {
        lines.filter_map(|at| {
            let mut joined = rows.at(at).folded.text.to_owned();
            for extra in 0..=2 {
                if extra > 0 {
                    // A piece: short, or the rest of a title wrapped after its year (`…2023年度政府` / `信息公开…`).
                    let piece =
                        if first_year(&rows.at(at).folded.text.chars().collect::<Vec<_>>()).is_some() { 16 } else { 8 };
                    let next = rows.get(at + extra).filter(|r| r.folded.text.chars().count() <= piece)?;
                    // A year set apart stands between the pieces, not in the words.
                    if bare_year(&next).is_none() {
                        joined.push_str(next.folded.text);
                    }
                }
                let first = rows.at(at).folded.text;
                let begins = first.contains("公开") || first_year(&first.chars().collect::<Vec<_>>()).is_some();
                if is_title(&joined) && (extra == 0 || begins) {
                    return Some((at, extra));
                }
            }
            None
        })
    };
    // A running header (每页页眉) may come first: the title names the year.
    let year_of = |at: usize| first_year(&rows.at(at).folded.text.chars().collect::<Vec<_>>());
    let has_year = |&(at, extra): &(usize, usize)| {
        year_of(at).is_some()
            || (at + 1..=at + extra.max(1)).any(|k| rows.get(k).is_some_and(|r| bare_year(&r).is_some()))
    };
    let found: Vec<(usize, usize)> = candidates(0..head).collect();
    let near_body = || {
        // A page saved whole (its site's menus first): the title nearest the
        // body, among the lines before it, when none is among the first.
        let before = rows.iter().take(MENU_LINES).take_while(|r| r.span.start < body_start).count();
        let later: Vec<(usize, usize)> = candidates(head..before).collect();
        later.iter().rev().copied().find(has_year)
    };
    let first = found.iter().copied().find(has_year).or(found.first().copied());
    let Some((at, extra)) = first.or_else(|| (body_start < usize::MAX).then(near_body).flatten()) else {
        // No title of its own: a breadcrumb's last crumb may be the title (`当前位置：首页 > … > 某县2023年…年度报告`).
        return (0..head).find_map(|at| {
            let (last, from) = last_crumb(rows.at(at).folded.text)?;
            let chars: Vec<char> = last.chars().collect();
            let year = first_year(&chars).map(|(y, i)| (y, i + from));
            let to = from + chars.len();
            is_title(last).then_some(TitleLines { at, extra: 0, year, from, to })
        });
    };
    Some(TitleLines { at, extra, year: year_of(at), from: 0, to: usize::MAX })
}

/// A line holding only a year (`2020`).
/// A line holding only a year: `2022`, `2022年度`, `（2022年度）`.
fn bare_year(r: &Row) -> Option<i32> {
    let t = r.folded.text.trim_start_matches('(').trim_end_matches(')');
    let t = t.strip_suffix("年度").or_else(|| t.strip_suffix('年')).unwrap_or(t);
    t.parse().ok().filter(|_| t.len() == 4 && t.starts_with("20"))
}

/// The first `20xx年` in `chars`: the year and its char index.
pub(super) fn first_year(chars: &[char]) -> Option<(i32, usize)> {
    (0..chars.len()).find_map(|i| year_at(chars, i).filter(|_| after_year(chars, i).is_some()).map(|y| (y, i)))
}

/// The char after the 年 of the year at char `i`: bold marks may stand between
/// (`**2024** 年`, a PDF converted to Markdown).
pub(super) fn after_year(chars: &[char], i: usize) -> Option<usize> {
    let k = i + 4 + chars.get(i + 4..)?.iter().take_while(|&&c| c == '*').count();
    (chars.get(k) == Some(&'年')).then_some(k + 1)
}

/// 统计期限 …年1月1日至…年12月31日 (the second year may be left out), read
/// from line `r`, or from it and the `next` when a PDF wrapped the sentence.
fn period(r: &Row, next: Option<&Row>, input: &str) -> Option<Found<(Date, Date)>> {
    if !input[r.span.start..r.span.end].contains("统计") {
        return None;
    }
    let mut folded = r.fold(input);
    let t = &folded.text;
    if !(t.contains("统计期") || t.contains("统计时") || t.contains("统计区间")) {
        return None;
    }
    period_in(&folded, input).or_else(|| {
        folded.push(&next?.fold(input));
        period_in(&folded, input)
    })
}

fn period_in(folded: &crate::text::Folded, input: &str) -> Option<Found<(Date, Date)>> {
    let t = &folded.text;
    let chars: Vec<char> = t.chars().collect();
    let from = t.find("统计").map_or(0, |b| t[..b].chars().count());
    let (first, start) = (from..chars.len()).find_map(|i| date_at(&chars, i).map(|d| (d, i)))?;
    let (start_date, after) = first;
    let (end_date, end) = (after..chars.len()).find_map(|i| {
        date_at(&chars, i).or_else(|| {
            let preceded_by_year = i > 0 && chars[i - 1] == '年';
            month_day_at(&chars, i)
                .filter(|_| !preceded_by_year)
                .map(|(month, day, e)| (Date { year: start_date.year, month, day }, e))
        })
    })?;
    let span = source_span(input, &folded.origins, start, end)?;
    Some(Found { value: (start_date, end_date), span })
}

/// The first `20xx年` of a line: the report year when nothing better says it.
fn body_year(r: &Row, input: &str) -> Option<Found<i32>> {
    if !input[r.span.start..r.span.end].contains('年') {
        return None;
    }
    let folded = r.fold(input);
    let chars: Vec<char> = folded.text.chars().collect();
    let (value, i) = first_year(&chars)?;
    Some(Found { value, span: source_span(input, &folded.origins, i, after_year(&chars, i)?)? })
}

/// The date that ends the report, and the agency signed beside or above it.
fn signature(rows: &Picked, input: &str) -> Option<(Found<Date>, Option<Found<String>>)> {
    // A page copied whole from a website ends in its footer (links, 主办, ICP备…);
    // a PDF tool may leave a table's header after it, broken into pieces of
    // one to three characters (持, 结果维), which the window does not count
    // (up to a bound, so that a text of such lines is not searched whole).
    let mut counted = 0;
    let bound = rows.len().saturating_sub(5 * SIGNATURE_LINES);
    let from = (bound..rows.len())
        .rev()
        .find(|&k| {
            let r = rows.at(k);
            counted += usize::from(r.prose || r.folded.text.chars().nth(3).is_some());
            counted == SIGNATURE_LINES
        })
        .unwrap_or(bound);
    for k in (from..rows.len()).rev() {
        let r = rows.at(k);
        let chars: Vec<char> = r.folded.text.chars().collect();
        if chars.len() > 40 {
            continue;
        }
        let Some(&(date, start, end)) = dates(&chars).last() else { continue };
        // A signature is the date ending its line, not a sentence (统计期限…至…。).
        if end < chars.len() || chars.contains(&'至') {
            continue;
        }
        let span = source_span(input, r.folded.origins, start, end)?;
        let beside = source_span(input, r.folded.origins, 0, start).map(|s| found_text(input, s));
        let agency = beside.filter(|a| !a.value.is_empty()).or_else(|| {
            let above = rows.get(k.checked_sub(1)?).filter(is_name_line)?;
            let n = above.folded.text.chars().count();
            source_span(input, above.folded.origins, 0, n).map(|s| found_text(input, s))
        });
        return Some((Found { value: date, span }, agency));
    }
    None
}

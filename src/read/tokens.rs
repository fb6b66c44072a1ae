//! Tokens of text whose table lines were collapsed into running text (a
//! crawler's copy of a web page): the input as folded characters, whitespace
//! kept as one mark since it may be the only trace of a cell border, each
//! character remembering its byte offset; the bare form of it to find labels
//! in; and the run of values that follows a label.

use crate::text::{fold_char, is_bare, is_ideograph, Span};

/// Bytes of `Stream::bare` between two of its marks.
const MARK: usize = 64;

/// The folded characters of the input, whitespace collapsed to one `' '`.
pub struct Stream {
    pub chars: Vec<char>,
    /// The byte offset in the input of each char's source, and one past the end.
    origins: Vec<u32>,
    /// The bare characters (ideographs, letters, digits), for finding labels.
    pub bare: String,
    /// For each char of `bare`: its index in `chars`.
    bare_at: Vec<u32>,
    /// How many chars of `bare` start before each `MARK`th byte: a byte
    /// offset's char index is counted from the mark below it.
    bare_marks: Vec<u32>,
    /// The `' '` of `chars` that stand for whitespace holding a line break, in order.
    breaks: Vec<u32>,
}

/// One piece of a value run: digits that may hold several glued cells, or a placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Group {
    /// Integer digits (chars `at..at + digits.len()` of the stream) and the
    /// decimals printed after them, which belong to the group's last cell.
    Digits { at: usize, digits: String, decimals: String, negative: bool },
    /// `/`, `—`, `-`, `无` where a number belongs: one cell.
    Placeholder { at: usize, len: usize },
}

impl Group {
    /// The char after the group.
    pub fn end(&self) -> usize {
        match self {
            Group::Digits { at, digits, decimals, .. } => {
                at + digits.len() + if decimals.is_empty() { 0 } else { 1 + decimals.len() }
            }
            Group::Placeholder { at, len } => at + len,
        }
    }

    /// A digit group as one number would print it (sign and decimals included).
    pub fn number_text(&self) -> Option<String> {
        let Group::Digits { digits, decimals, negative, .. } = self else { return None };
        let sign = if *negative { "-" } else { "" };
        Some(if decimals.is_empty() { format!("{sign}{digits}") } else { format!("{sign}{digits}.{decimals}") })
    }
}

/// The values printed after a label: groups as separated by blanks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub groups: Vec<Group>,
    /// A unit printed after the last value (`万元`).
    pub unit: Option<&'static str>,
    /// Two values or more (or one of one digit), each a line of its own (one
    /// cell per line, blank cells left as empty lines): each is one cell, not
    /// glued ones. One longer value alone on its line may be glued cells.
    pub whole: bool,
    /// The char after the run.
    pub end: usize,
}

impl Stream {
    pub fn new(input: &str) -> Stream {
        // Sized by a first pass (chars, a run of whitespace as one), since
        // doubling as they come would leave up to half unused.
        let (mut chars, mut blank) = (0, false);
        for c in input.chars() {
            let space = c.is_whitespace();
            chars += usize::from(!space || !blank);
            blank = space;
        }
        let mut s = Stream {
            chars: Vec::with_capacity(chars),
            origins: Vec::with_capacity(chars + 1),
            bare: String::with_capacity(input.len().min(3 * chars)),
            bare_at: Vec::with_capacity(chars),
            bare_marks: Vec::new(),
            breaks: Vec::new(),
        };
        for (i, c) in input.char_indices() {
            if c.is_whitespace() {
                if s.chars.last().is_some_and(|&l| l != ' ') {
                    s.chars.push(' ');
                    s.origins.push(i as u32);
                }
                let space = s.chars.len().wrapping_sub(1) as u32;
                if c == '\n' && s.chars.last() == Some(&' ') && s.breaks.last() != Some(&space) {
                    s.breaks.push(space);
                }
                continue;
            }
            fold_char(c, &mut |f| {
                if is_bare(f) {
                    s.bare_at.push(s.chars.len() as u32);
                    s.bare.push(f);
                }
                s.chars.push(f);
                s.origins.push(i as u32);
            });
        }
        s.origins.push(input.len() as u32);
        s.bare_marks = Vec::with_capacity(s.bare.len() / MARK + 1);
        for (n, (i, _)) in s.bare.char_indices().enumerate() {
            while s.bare_marks.len() * MARK <= i {
                s.bare_marks.push(n as u32);
            }
        }
        while s.bare_marks.len() * MARK <= s.bare.len() {
            s.bare_marks.push(s.bare_at.len() as u32);
        }
        s
    }

    /// The index among the bare chars of the one starting at byte `b` of `bare`.
    fn bare_char(&self, b: usize) -> usize {
        let k = b / MARK;
        let from = (k * MARK..=b).find(|&i| self.bare.is_char_boundary(i)).unwrap_or(b);
        self.bare_marks[k] as usize + self.bare[from..b].chars().count()
    }

    /// Where `word` occurs in the bare text: char ranges of `chars`.
    pub fn find<'a>(&'a self, word: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let n = word.chars().count();
        self.bare.match_indices(word).map(move |(b, _)| {
            let first = self.bare_char(b);
            (self.bare_at[first] as usize, self.bare_at[first + n - 1] as usize + 1)
        })
    }

    /// Where the bare text holds `word` with one char of it mistyped, added or
    /// left out (`四政府信息公开行政法复议…`), found by its first
    /// [`NEAR_PREFIX`] chars (which are exact): char ranges of `chars`.
    pub fn find_near<'a>(&'a self, word: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let want: Vec<char> = word.chars().collect();
        let usable = want.len() > NEAR_PREFIX;
        let prefix = &word[..word.char_indices().nth(NEAR_PREFIX).map_or(word.len(), |(at, _)| at)];
        self.bare.match_indices(prefix).filter(move |_| usable).filter_map(move |(b, _)| {
            let first = self.bare_char(b);
            let found = self.bare[b..].chars().take(want.len() + 1).collect::<Vec<char>>();
            let len = (want.len().saturating_sub(1)..=want.len() + 1)
                .filter(|&n| n <= found.len())
                .find(|&n| one_edit(&want, &found[..n]))?;
            Some((self.bare_at[first] as usize, self.bare_at[first + len - 1] as usize + 1))
        })
    }

    /// The input span of chars `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        let start = self.origins[from] as usize;
        // The end of the last char: the next char's origin, or the input's end.
        let last = self.origins[to.max(from + 1) - 1];
        let end = self.origins[to.max(from + 1)..].iter().copied().find(|&o| o > last).unwrap_or(last);
        Span::new(start, end as usize)
    }

    /// The first char at or after `from`, after at most `limit` bare chars,
    /// that starts a value, before any sentence end: where a label's values begin.
    pub fn values_start(&self, from: usize, limit: usize) -> Option<usize> {
        let mut bare = 0;
        for i in from..self.chars.len() {
            let c = self.chars[i];
            if c.is_ascii_digit() || is_mark(c) && !self.chars.get(i + 1).is_some_and(|&n| is_ideograph(n)) {
                return Some(i);
            }
            if matches!(c, '。' | ';' | ':' | '!' | '?') {
                return None;
            }
            bare += usize::from(is_bare(c));
            if bare > limit {
                return None;
            }
        }
        None
    }

    /// The values from `at` on: digits, decimals, signs and placeholders, on
    /// blanks or glued; an ordinal that begins the next label (`…00002.没有`)
    /// is left to it. Empty when the number is part of running text (`12条`).
    pub fn run(&self, at: usize) -> Run {
        let chars = &self.chars;
        let mut end = at;
        while end < chars.len() && (chars[end] == ' ' || is_value_char(chars[end]) || count_unit(chars, end)) {
            end += 1;
        }
        // `2.` before an ideograph is the next row's number.
        let mut stop = end;
        while stop > at && chars[stop - 1] == ' ' {
            stop -= 1;
        }
        if stop >= at + 2
            && chars[stop - 1] == '.'
            && chars[stop - 2].is_ascii_digit()
            && chars.get(end).is_some_and(|&c| is_ideograph(c))
        {
            stop -= 2;
            end = stop;
        }
        // A year that begins the sentence after the table, glued to its last
        // values (`…办理20000022025年，我局…`), is no value of the row.
        // Digits stand before it, glued or on a blank (a range `2021-2025年` is the sentence's).
        let digit_before =
            |k: usize| chars[k].is_ascii_digit() || chars[k] == ' ' && k > at && chars[k - 1].is_ascii_digit();
        let year = stop >= at + 5
            && end == stop
            && chars.get(end) == Some(&'年')
            && digit_before(stop - 5)
            && super::dates::year_at(&chars[stop - 4..stop], 0).is_some();
        if year {
            stop -= 4;
            end = stop;
        }
        let next = chars.get(end).copied();
        let after = &chars[end..];
        let unit = ["万元", "元"]
            .into_iter()
            .find(|u| u.chars().count() <= after.len() && u.chars().zip(after).all(|(a, &b)| a == b));
        // A count of things in a sentence, a date, a percentage: not a table's cell.
        if unit.is_none() && next.is_some_and(|c| "条件个项次年月日人家%份篇期类余多".contains(c)) {
            return Run { end, ..Run::default() };
        }
        let mut groups = Vec::new();
        let mut i = at;
        // Whether every piece so far was one value on a line of its own.
        let mut lines_of_their_own = true;
        let is_break = |k: usize| self.breaks.binary_search(&(k as u32)).is_ok();
        while i < stop {
            if chars[i] == ' ' {
                i += 1;
                continue;
            }
            if groups.len() >= MAX_RUN_GROUPS {
                // More values than all three tables hold: what follows is not this label's.
                return Run { groups, unit: None, end: i, whole: false };
            }
            let mut j = i;
            while j < stop && chars[j] != ' ' && !count_unit(chars, j) {
                j += 1;
            }
            let before = groups.len();
            pieces(chars, i, j, &mut groups);
            let own_line = i > 0 && is_break(i - 1) && (j >= chars.len() || is_break(j));
            lines_of_their_own &= own_line && groups.len() == before + 1;
            // A count's unit ends its value as a blank would.
            i = if j < stop && count_unit(chars, j) { j + 1 } else { j };
        }
        let end = end + unit.map_or(0, |u| u.chars().count());
        // One value of one digit alone on its line is one cell too (nothing to split).
        let one_digit =
            matches!(&groups[..], [Group::Digits { digits, decimals, .. }] if digits.len() == 1 && decimals.is_empty());
        let whole = lines_of_their_own && (groups.len() >= 2 || one_digit);
        Run { groups, unit, end, whole }
    }

    /// The text of chars `from..to`, for tests.
    #[cfg(test)]
    pub fn text(&self, from: usize, to: usize) -> String {
        self.chars[from..to].iter().collect()
    }
}

/// Chars of a word [`Stream::find_near`] takes as printed right.
const NEAR_PREFIX: usize = 5;

/// Whether `b` is `a` with at most one char replaced, added or left out.
fn one_edit(a: &[char], b: &[char]) -> bool {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[common..], &b[common..]);
    match (ra.len(), rb.len()) {
        (0, 0) => true,
        (x, y) if x == y => ra[1..] == rb[1..],
        (x, y) if x + 1 == y => ra == &rb[1..],
        (x, y) if y + 1 == x => &ra[1..] == rb,
        _ => false,
    }
}

/// Groups a run holds at most: more than every cell of the three tables
/// (22 + 182 + 15 in the 2019 format), so a table printed as all its labels and
/// then all its values still fits, and a run of endless numbers stays small.
const MAX_RUN_GROUPS: usize = 512;

fn is_mark(c: char) -> bool {
    matches!(c, '/' | '-' | '—' | '\\' | '_' | '…')
}

/// Whether `chars[k]` is a count's unit between two values of a row
/// (`政府集中采购 3个 3443000元`): after a digit, and a value follows, glued
/// or after one blank. In a sentence a count's unit stands before words.
fn count_unit(chars: &[char], k: usize) -> bool {
    let next = match chars.get(k + 1) {
        Some(' ') => chars.get(k + 2),
        next => next,
    };
    matches!(chars[k], '个' | '项' | '件')
        && k > 0
        && chars[k - 1].is_ascii_digit()
        && next.is_some_and(char::is_ascii_digit)
}

fn is_value_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || is_mark(c)
}

/// Splits one blank-free piece `chars[i..j]` into digit groups and placeholders.
fn pieces(chars: &[char], mut i: usize, j: usize, out: &mut Vec<Group>) {
    while i < j {
        let c = chars[i];
        let signed = c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit) && i + 1 < j;
        if c.is_ascii_digit() || signed {
            let from = if signed { i + 1 } else { i };
            let mut k = from;
            while k < j && chars[k].is_ascii_digit() {
                k += 1;
            }
            let digits: String = chars[from..k].iter().collect();
            let mut decimals = String::new();
            if k + 1 < j && chars[k] == '.' && chars[k + 1].is_ascii_digit() {
                k += 1;
                while k < j && chars[k].is_ascii_digit() {
                    decimals.push(chars[k]);
                    k += 1;
                }
            }
            out.push(Group::Digits { at: from, digits, decimals, negative: signed });
            i = k;
        } else {
            let mut k = i + 1;
            while k < j && !chars[k].is_ascii_digit() {
                k += 1;
            }
            out.push(Group::Placeholder { at: i, len: k - i });
            i = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_char_off_either_way() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let word = c("行政复议行政诉讼");
        for near in
            ["行政复议行政诉讼", "行政法复议行政诉讼", "行政复议行政诉", "行政复仪行政诉讼", "x行政复议行政诉讼"]
        {
            assert!(one_edit(&word, &c(near)), "{near}");
        }
        for far in ["行政法复议行政诉讼情", "行复议行诉讼", "行政诉讼行政复议"] {
            assert!(!one_edit(&word, &c(far)), "{far}");
        }
    }

    fn groups(text: &str) -> Vec<String> {
        let s = Stream::new(text);
        s.run(0).groups.iter().map(|g| g.number_text().unwrap_or_else(|| "/".to_owned())).collect()
    }

    #[test]
    fn runs_keep_blanks_as_borders_and_leave_the_next_ordinal() {
        assert_eq!(groups("30 0 0 0 03 二、上年"), ["30", "0", "0", "0", "03"]);
        assert_eq!(groups("2 0 000022.没有现成"), ["2", "0", "00002"]);
        assert_eq!(groups("82059.2090万元三、"), ["82059.2090"]);
        assert_eq!(groups("7 -2 / 0（三）"), ["7", "-2", "/", "0"]);
        assert!(groups("12条。").is_empty());
        assert_eq!(groups("3个 3443000元四、"), ["3", "3443000"]);
        assert_eq!(groups("3项12 0"), ["3", "12", "0"]);
        assert!(groups("12件，上年结转3件").is_empty());
        assert!(groups("3.其他").is_empty());
        // A year glued after the values begins the next sentence.
        assert_eq!(groups("20000022025年，我局"), ["2000002"]);
        assert_eq!(groups("0 0 2 2024年度"), ["0", "0", "2"]);
        assert!(groups("2025年").is_empty());
        assert!(groups("2021-2025年").is_empty());
    }

    #[test]
    fn labels_are_found_in_the_bare_text() {
        let s = Stream::new("（七）总计 3 0");
        let (from, to) = s.find("七总计").next().unwrap();
        assert_eq!(s.text(from, to), "七)总计");
        assert_eq!(s.span(from, to), Span::new(3, 15));
    }
}

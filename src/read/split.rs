//! Placement by arithmetic: when a layout kept no border between cells
//! (`640020470`, a crawler's copy of a web table), a row's digits are split
//! into its cells every way the digits allow, and the table's own identities
//! (`model::identities`) choose among the readings ([`choose`](super::choose)).
//! A blank cell leaves no trace in glued digits: where the digits are too few
//! for the cells, the readings leave the fewest cells blank that they must,
//! and the identities place them. (Blanks inside glued digits are not tried
//! where the digits suffice: joining digits to make room for one could
//! balance a row that does not add up, and arithmetic must never hide a real
//! error. Only where the text shows a gap between digit groups, the trace an
//! empty cell's `&nbsp;` leaves, are more blanks tried, there alone, when
//! the fewest hold less.)

use super::tokens::Group;
use crate::model::identities::{Relation, Terms};
use crate::model::Number;

/// Digits in a count cell at most: no body receives 100,000 requests a year.
pub const MAX_DIGITS: usize = 5;
/// Digits before the decimal point of an amount at most.
pub const MAX_AMOUNT_DIGITS: usize = 9;
/// Readings of one printed row kept at most (the most plausible of those that score best).
const MAX_READINGS: usize = 256;

/// One cell of a reading: its value and the stream chars it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub value: Option<Number>,
    pub from: usize,
    pub to: usize,
}

impl Piece {
    /// A cell printed blank, before char `at`: it holds no chars.
    fn blank(at: usize) -> Piece {
        Piece { value: None, from: at, to: at }
    }

    pub fn is_blank(&self) -> bool {
        self.from == self.to
    }

    /// The value the identities count: a blank counts as 0, as the checks count it.
    pub fn counted(&self) -> Option<Number> {
        if self.is_blank() {
            Some(Number::int(0))
        } else {
            self.value
        }
    }

    /// Digits before the decimal point.
    fn digits(&self) -> usize {
        let decimals = self.value.map_or(0, |n| usize::from(n.scale));
        (self.to - self.from).saturating_sub(if decimals > 0 { decimals + 1 } else { 0 })
    }
}

pub type Reading = Vec<Piece>;

/// How a reading is rated (identities of its row that hold), and the most it can be.
pub type Score<'a> = (&'a dyn Fn(&[Piece]) -> usize, usize);

/// The readings of a printed row that satisfy the most of its own identities.
pub struct Readings {
    /// Most plausible first (digits spread evenly over the cells, blanks where the digits have gaps).
    pub kept: Vec<Reading>,
    /// How many readings the digits allow in all (counted up to [`MAX_VISITS`]).
    pub total: usize,
    /// More than [`MAX_VISITS`] readings, or [`MAX_STEPS`] steps: the digits say too little.
    pub more: bool,
    /// Steps the search took (bounded by [`MAX_STEPS`]).
    pub steps: usize,
    /// Cells each kept reading leaves blank.
    pub blanks: usize,
}

/// Complete readings looked at, at most, for one printed row.
const MAX_VISITS: usize = 100_000;
/// Steps of the search (partial readings tried) for one printed row, at most:
/// digits that fit no split end the search early, so its time is bounded too.
const MAX_STEPS: usize = 1_000_000;

struct Sink<'a> {
    /// Digits that cell `k` may hold at most.
    limits: &'a [usize],
    /// The cells this search leaves blank.
    blank: Vec<bool>,
    /// `room[k]`: digits cells `k..` may hold together (a blank holds none).
    room: Vec<usize>,
    steps: usize,
    score: &'a dyn Fn(&[Piece]) -> usize,
    best: usize,
    out: Readings,
    /// Each group is one cell (values one per line), not glued ones.
    whole: bool,
}

/// Every way to read `groups` as `limits.len()` cells (cell `k` of at most
/// `limits[k]` digits before the point), keeping those `score` rates highest,
/// most plausible first: digits of counts spread evenly, amounts as they come.
/// Where the digits are too few for the cells, the fewest blank cells that
/// leave one digit to each other cell, wherever they stand: then no digits
/// are joined, so no reading can balance a row that does not add up.
pub fn readings(groups: &[Group], whole: bool, limits: &[usize], (score, most): Score) -> Readings {
    let n = limits.len();
    // Every group needs a cell of its own, every digit one at most (a whole group: one).
    let pieces: usize = if whole { groups.len() } else { groups.iter().map(size).sum() };
    if groups.is_empty() {
        return Readings { kept: Vec::new(), total: 0, more: false, steps: 0, blanks: 0 };
    }
    let mut out = search(groups, whole, limits, score, n.saturating_sub(pieces), 0);
    // Where the fewest blanks hold less than more blank cells where the text
    // shows gaps between the groups (`82135  21859`, `18     18`: the empty
    // cells' `&nbsp;` left the space), the fewest such blanks that hold more
    // are taken: the text shows them, and no digits are joined across a gap.
    // Not tried where the fewest already hold every identity of the row.
    let plain = out.kept.first().map_or(0, |r| score(r));
    if !whole && groups.len() > 1 && plain < most {
        let gapped = |r: &[Piece]| if off_gaps(r) == 0 { score(r) + 1 } else { 0 };
        for blanks in out.blanks + 1..=n.saturating_sub(groups.len()) {
            let found = search(groups, whole, limits, &gapped, blanks, out.steps);
            let steps = found.steps;
            if found.kept.first().is_some_and(|r| gapped(r) > plain + 1) {
                out = found;
                break;
            }
            out.steps = steps;
        }
    }
    // Counts are small, amounts are not: only the digits of counts cost.
    let cost = |r: &Reading| -> usize {
        r.iter().zip(limits).filter(|(_, &l)| l == MAX_DIGITS).map(|(p, _)| p.digits().saturating_sub(1).pow(2)).sum()
    };
    out.kept.sort_by_cached_key(|r| (cost(r), off_gaps(r)));
    out.kept.truncate(MAX_READINGS);
    out
}

/// Blank cells of `r` not at a gap of the digits. A blank cell where the
/// digits have a gap (`0 00000`: a blank cell's `&nbsp;` became the space;
/// two blanks at one gap both) is more plausible than one inside glued
/// digits, or at the row's start or end, where the text shows nothing.
fn off_gaps(r: &[Piece]) -> usize {
    let at_gap = |k: usize| {
        let before = r[..k].iter().rev().find(|p| !p.is_blank());
        let after = r[k + 1..].iter().find(|p| !p.is_blank());
        before.zip(after).is_some_and(|(b, a)| b.to < a.from)
    };
    (0..r.len()).filter(|&k| r[k].is_blank() && !at_gap(k)).count()
}

/// The readings with exactly `blanks` blank cells, wherever they stand, the
/// search starting its count of steps at `steps`.
fn search(
    groups: &[Group],
    whole: bool,
    limits: &[usize],
    score: &dyn Fn(&[Piece]) -> usize,
    blanks: usize,
    steps: usize,
) -> Readings {
    let n = limits.len();
    // Digits from each group to the end: one backward pass (a row may bring thousands of groups).
    let mut digits_after = vec![0; groups.len() + 1];
    for g in (0..groups.len()).rev() {
        digits_after[g] = digits_after[g + 1] + size(&groups[g]);
    }
    let out = Readings { kept: Vec::new(), total: 0, more: false, steps: 0, blanks };
    let mut sink = Sink { limits, blank: vec![false; n], room: vec![0; n + 1], steps, score, best: 0, out, whole };
    // The cells that hold values, every choice in lexicographic order: values
    // in the first cells first, the more plausible where nothing else tells.
    let filled = n - blanks;
    let mut at: Vec<usize> = (0..filled).collect();
    let mut current = Vec::with_capacity(n);
    loop {
        sink.blank.fill(true);
        at.iter().for_each(|&k| sink.blank[k] = false);
        for k in (0..n).rev() {
            sink.room[k] = sink.room[k + 1] + if sink.blank[k] { 0 } else { limits[k] };
        }
        walk(groups, 0, filled, &digits_after, &mut current, &mut sink);
        // The next choice: the last position that can still move, moved, and those after it packed behind it.
        let Some(i) = (0..filled).rev().find(|&i| at[i] < blanks + i) else { break };
        at[i] += 1;
        for j in i + 1..filled {
            at[j] = at[j - 1] + 1;
        }
        if sink.out.more {
            break;
        }
    }
    let mut out = sink.out;
    out.steps = sink.steps;
    out
}

fn size(g: &Group) -> usize {
    match g {
        Group::Digits { digits, .. } => digits.len(),
        Group::Placeholder { .. } => 1,
    }
}

fn walk(
    groups: &[Group],
    g: usize,
    cells_left: usize,
    digits_after: &[usize],
    current: &mut Vec<Piece>,
    sink: &mut Sink,
) {
    sink.steps += 1;
    sink.out.more |= sink.steps > MAX_STEPS;
    if sink.out.more {
        return;
    }
    let Some(group) = groups.get(g) else {
        let at = current.last().map_or(0, |p| p.to);
        let trailing = push_blanks(current, sink, at);
        if cells_left == 0 && current.len() == sink.blank.len() {
            sink.out.total += 1;
            sink.out.more = sink.out.total >= MAX_VISITS;
            let score = (sink.score)(current);
            if score > sink.best || sink.out.kept.is_empty() {
                sink.best = score;
                sink.out.kept.clear();
            }
            if score == sink.best {
                sink.out.kept.push(current.clone());
            }
        }
        current.truncate(current.len() - trailing);
        return;
    };
    // Each group needs a cell of its own, and no cell more than its digits.
    let groups_left = groups.len() - g;
    if cells_left < groups_left || digits_after[g] > sink.room[current.len()] {
        return;
    }
    match group {
        Group::Placeholder { at, len } => {
            let before = push_blanks(current, sink, *at);
            current.push(Piece { value: None, from: *at, to: at + len });
            walk(groups, g + 1, cells_left - 1, digits_after, current, sink);
            current.truncate(current.len() - 1 - before);
        }
        Group::Digits { at, digits, decimals, negative } => {
            let d = digits.as_bytes();
            // Cells for this group: at least one, leaving one for each later group.
            let most = (cells_left - (groups_left - 1)).min(if sink.whole { 1 } else { d.len() });
            let group = Digits { d, at: *at, end: group.end(), decimals, negative: *negative };
            for k in 1..=most {
                split_group(&group, k, 0, current, sink, &mut |current, sink| {
                    walk(groups, g + 1, cells_left - k, digits_after, current, sink);
                });
                if sink.out.more {
                    return;
                }
            }
        }
    }
}

struct Digits<'a> {
    d: &'a [u8],
    at: usize,
    end: usize,
    decimals: &'a str,
    negative: bool,
}

/// Splits the group's digits from `from` on into `k` pieces (no leading zero
/// but in `0` itself, within each cell's limit; the last takes the decimals)
/// and calls `then` for each way.
fn split_group(
    g: &Digits,
    k: usize,
    from: usize,
    current: &mut Vec<Piece>,
    sink: &mut Sink,
    then: &mut dyn FnMut(&mut Vec<Piece>, &mut Sink),
) {
    // The blank cells before the next piece stand between it and the last.
    let before = push_blanks(current, sink, g.at + from);
    split_rest(g, k, from, current, sink, then);
    current.truncate(current.len() - before);
}

fn split_rest(
    g: &Digits,
    k: usize,
    from: usize,
    current: &mut Vec<Piece>,
    sink: &mut Sink,
    then: &mut dyn FnMut(&mut Vec<Piece>, &mut Sink),
) {
    let (d, at) = (g.d, g.at);
    let left = d.len() - from;
    let cell = current.len();
    sink.steps += 1;
    sink.out.more |= sink.steps > MAX_STEPS;
    // The digits left must fit the group's `k` cells from here (blank ones between them hold none).
    let mut end = cell;
    let mut taken = 0;
    while taken < k && end < sink.blank.len() {
        taken += usize::from(!sink.blank[end]);
        end += 1;
    }
    let room = sink.room.get(cell).copied().unwrap_or(0) - sink.room.get(end).copied().unwrap_or(0);
    if sink.out.more || left > room {
        return;
    }
    let limit = sink.limits.get(cell).copied().unwrap_or(0);
    let sign = |m: i64| if g.negative && from == 0 { -m } else { m };
    if k == 1 {
        let frac = g.decimals.as_bytes();
        // More than 8 decimals is no amount, and would not fit the mantissa.
        if left > limit || (left > 1 && d[from] == b'0') || frac.len() > 8 {
            return;
        }
        let mantissa = d[from..].iter().chain(frac).fold(0i64, |m, &b| m * 10 + i64::from(b - b'0'));
        let value = Number { mantissa: sign(mantissa), scale: frac.len() as u8 };
        current.push(Piece { value: Some(value), from: at + from, to: g.end });
        then(current, sink);
        current.pop();
        return;
    }
    let longest = if d[from] == b'0' { 1 } else { limit.min(left - (k - 1)) };
    for len in 1..=longest {
        let mantissa = d[from..from + len].iter().fold(0i64, |m, &b| m * 10 + i64::from(b - b'0'));
        current.push(Piece { value: Some(Number::int(sign(mantissa))), from: at + from, to: at + from + len });
        split_group(g, k - 1, from + len, current, sink, then);
        current.pop();
    }
}

/// Pushes the blank cells that come next, before char `at`; how many.
fn push_blanks(current: &mut Vec<Piece>, sink: &Sink, at: usize) -> usize {
    let before = current.len();
    while sink.blank.get(current.len()) == Some(&true) {
        current.push(Piece::blank(at));
    }
    current.len() - before
}

/// How many of the identities that lie within printed row `cells` a reading
/// satisfies, and how many there are.
pub fn row_score(terms: &[(Relation, Terms)], cells: &[(usize, usize)]) -> (impl Fn(&[Piece]) -> usize, usize) {
    let at =
        |side: &[(usize, usize)]| side.iter().map(|c| cells.iter().position(|x| x == c)).collect::<Option<Vec<_>>>();
    let local: Vec<(Relation, Vec<usize>, Vec<usize>)> =
        terms.iter().filter_map(|(relation, t)| Some((*relation, at(&t.lhs)?, at(&t.rhs)?))).collect();
    let most = local.len();
    let score = move |reading: &[Piece]| {
        let sum = |side: &[usize]| -> Option<i128> {
            side.iter().map(|&k| reading.get(k).and_then(Piece::counted).map(scaled)).sum()
        };
        local
            .iter()
            .filter(|(relation, lhs, rhs)| sum(lhs).zip(sum(rhs)).is_some_and(|(l, r)| relation.holds(l, r)))
            .count()
    };
    (score, most)
}

/// A number at 8 decimals, to compare sums of different scales.
pub(super) fn scaled(n: Number) -> i128 {
    i128::from(n.mantissa) * 10i128.pow(u32::from(8u8.saturating_sub(n.scale)))
}

#[cfg(test)]
mod tests;

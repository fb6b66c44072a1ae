//! Placement by arithmetic: when a layout kept no border between cells
//! (`640020470`, a crawler's copy of a web table), a row's digits are split
//! into its cells every way the digits allow, and the table's own identities
//! (`model::identities`) choose among the readings. The choice is recorded:
//! how many readings there were, how many balanced, and the runner-up when two
//! balance equally. A table that does not add up keeps its most plausible
//! reading, so the checks still report it.

use super::tokens::Group;
use crate::model::identities::{Relation, Terms, IDENTITIES};
use crate::model::{Number, TableDef, TemplateId};

/// Digits in a count cell at most: no body receives 100,000 requests a year.
const MAX_DIGITS: usize = 5;
/// Digits before the decimal point of an amount at most.
const MAX_AMOUNT_DIGITS: usize = 9;
/// Readings of one printed row kept at most; more means the digits say too little.
const MAX_READINGS: usize = 256;

/// One cell of a reading: its value and the stream chars it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub value: Option<Number>,
    pub from: usize,
    pub to: usize,
}

impl Piece {
    /// Digits before the decimal point.
    fn digits(&self) -> usize {
        let decimals = self.value.map_or(0, |n| usize::from(n.scale));
        (self.to - self.from).saturating_sub(if decimals > 0 { decimals + 1 } else { 0 })
    }
}

pub type Reading = Vec<Piece>;

/// Every way to read `groups` as `n` cells, most plausible first (digits
/// spread evenly over the cells), at most [`MAX_READINGS`]; and whether
/// there were more.
pub fn readings(groups: &[Group], n: usize) -> (Vec<Reading>, bool) {
    let mut out = Vec::new();
    let digits_after: Vec<usize> = (0..=groups.len()).map(|g| groups[g..].iter().map(size).sum()).collect();
    let cells_after: Vec<usize> = (0..=groups.len()).map(|g| groups[g..].iter().map(min_cells).sum()).collect();
    let mut more = false;
    let mut current = Vec::with_capacity(n);
    walk(groups, 0, n, &digits_after, &cells_after, &mut current, &mut out, &mut more);
    out.sort_by_key(|r| r.iter().map(|p| p.digits().saturating_sub(1).pow(2)).sum::<usize>());
    (out, more)
}

fn size(g: &Group) -> usize {
    match g {
        Group::Digits { digits, .. } => digits.len(),
        Group::Placeholder { .. } => 1,
    }
}

fn min_cells(_: &Group) -> usize {
    1
}

#[allow(clippy::too_many_arguments)]
fn walk(
    groups: &[Group],
    g: usize,
    cells_left: usize,
    digits_after: &[usize],
    cells_after: &[usize],
    current: &mut Vec<Piece>,
    out: &mut Vec<Reading>,
    more: &mut bool,
) {
    if out.len() >= MAX_READINGS {
        *more = true;
        return;
    }
    let Some(group) = groups.get(g) else {
        if cells_left == 0 {
            out.push(current.clone());
        }
        return;
    };
    // Each later group needs a cell, and no cell holds more than MAX_DIGITS.
    if cells_left < cells_after[g] || digits_after[g] > cells_left * MAX_AMOUNT_DIGITS {
        return;
    }
    match group {
        Group::Placeholder { at, len } => {
            current.push(Piece { value: None, from: *at, to: at + len });
            walk(groups, g + 1, cells_left - 1, digits_after, cells_after, current, out, more);
            current.pop();
        }
        Group::Digits { at, digits, decimals, negative } => {
            let d = digits.as_bytes();
            // Cells for this group: at least one, leaving one for each later group.
            let most = (cells_left - cells_after[g + 1]).min(d.len());
            for k in 1..=most {
                let mark = current.len();
                split_group(d, *at, decimals, *negative, k, 0, current, &mut |current| {
                    walk(groups, g + 1, cells_left - k, digits_after, cells_after, current, out, more);
                });
                current.truncate(mark);
                if *more {
                    return;
                }
            }
        }
    }
}

/// Splits digits `d[from..]` into `k` pieces (no leading zero but in `0`
/// itself, at most MAX_DIGITS each; the last takes the decimals) and calls `then` for each.
#[allow(clippy::too_many_arguments)]
fn split_group(
    d: &[u8],
    at: usize,
    decimals: &str,
    negative: bool,
    k: usize,
    from: usize,
    current: &mut Vec<Piece>,
    then: &mut dyn FnMut(&mut Vec<Piece>),
) {
    let left = d.len() - from;
    if k == 1 {
        let limit = if decimals.is_empty() { MAX_DIGITS } else { MAX_AMOUNT_DIGITS };
        if left > limit || (left > 1 && d[from] == b'0') {
            return;
        }
        let frac = decimals.as_bytes();
        let mantissa = d[from..].iter().chain(frac).fold(0i64, |m, &b| m * 10 + i64::from(b - b'0'));
        let signed = if negative && from == 0 { -mantissa } else { mantissa };
        let to = at + d.len() + if frac.is_empty() { 0 } else { 1 + frac.len() };
        current.push(Piece { value: Some(Number { mantissa: signed, scale: frac.len() as u8 }), from: at + from, to });
        then(current);
        current.pop();
        return;
    }
    let longest = if d[from] == b'0' { 1 } else { MAX_DIGITS.min(left - (k - 1)) };
    for len in 1..=longest {
        let mantissa = d[from..from + len].iter().fold(0i64, |m, &b| m * 10 + i64::from(b - b'0'));
        let signed = if negative && from == 0 { -mantissa } else { mantissa };
        current.push(Piece { value: Some(Number::int(signed)), from: at + from, to: at + from + len });
        split_group(d, at, decimals, negative, k - 1, from + len, current, then);
        current.pop();
    }
}

/// A row as printed, over template cells `cells` (`(row, col)`, in order),
/// with the readings of its values.
pub struct Printed {
    pub cells: Vec<(usize, usize)>,
    pub readings: Vec<Reading>,
    /// More readings than were kept.
    pub more: bool,
}

/// What was chosen for a printed row: the reading, how many readings the
/// digits allowed, how many of them satisfy every identity they were checked
/// against (0: none does; the most plausible is kept for the checks to
/// report), and a second one that does as well (a tie the reader could not settle).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub reading: usize,
    pub readings: usize,
    pub balanced: usize,
    pub tie: Option<usize>,
}

/// Where a term of an identity is read from.
#[derive(Clone, Copy)]
enum Place {
    /// Cell `at` of printed row `p`.
    Printed { p: usize, at: usize },
    /// A cell printed blank: counts as 0, as the checks count it.
    Zero,
    /// A cell not found: the instance cannot be evaluated.
    Unknown,
}

/// Chooses a reading for every printed row of one table: first by the
/// identities within the row, then by those across rows, once the other rows
/// are settled; ties go to the most plausible reading and are recorded.
/// `blank` are the cells of rows printed without values.
pub fn choose(def: &TableDef, template: TemplateId, printed: &[Printed], blank: &[(usize, usize)]) -> Vec<Choice> {
    let terms: Vec<(Relation, Terms)> = IDENTITIES
        .iter()
        .filter(|i| i.applies(template, def))
        .flat_map(|i| i.instances(def).into_iter().map(move |t| (i.relation, t)))
        .collect();
    let place = |cell: (usize, usize)| {
        let found =
            printed.iter().enumerate().find_map(|(p, x)| x.cells.iter().position(|&c| c == cell).map(|at| (p, at)));
        match found {
            Some((p, at)) => Place::Printed { p, at },
            None if blank.contains(&cell) => Place::Zero,
            None => Place::Unknown,
        }
    };
    let involved: Vec<Vec<Place>> =
        terms.iter().map(|(_, t)| t.lhs.iter().chain(&t.rhs).map(|&c| place(c)).collect()).collect();
    let rows_of = |i: usize| {
        involved[i].iter().filter_map(|x| match x {
            Place::Printed { p, .. } => Some(*p),
            _ => None,
        })
    };
    let holds = |i: usize, pick: &dyn Fn(usize) -> usize| -> Option<bool> {
        let (relation, t) = &terms[i];
        let mut sum = [0i128; 2];
        for (k, place) in involved[i].iter().enumerate() {
            let n = match *place {
                Place::Printed { p, at } => printed[p].readings.get(pick(p))?.get(at)?.value?,
                Place::Zero => Number::int(0),
                Place::Unknown => return None,
            };
            let side = usize::from(k >= t.lhs.len());
            sum[side] += i128::from(n.mantissa) * 10i128.pow(u32::from(8u8.saturating_sub(n.scale)));
        }
        Some(match relation {
            Relation::Equal => sum[0] == sum[1],
            Relation::AtLeast => sum[0] >= sum[1],
        })
    };
    let mut candidates: Vec<Vec<usize>> = printed.iter().map(|p| (0..p.readings.len()).collect()).collect();
    // Whether the best readings still break an identity they were checked against.
    let mut unmet = vec![false; printed.len()];
    // Within a row.
    for (p, cands) in candidates.iter_mut().enumerate() {
        let local: Vec<usize> = (0..terms.len())
            .filter(|&i| involved[i].iter().all(|x| matches!(*x, Place::Printed { p: q, .. } if q == p)))
            .collect();
        if local.is_empty() || cands.is_empty() {
            continue;
        }
        let score = |a: usize| local.iter().filter(|&&i| holds(i, &|_| a) == Some(true)).count();
        let best = cands.iter().map(|&a| score(a)).max().unwrap_or(0);
        cands.retain(|&a| score(a) == best);
        unmet[p] = best < local.len();
    }
    // Across rows: an instance whose other rows are settled settles this one.
    for _ in 0..printed.len() {
        let mut changed = false;
        for p in 0..printed.len() {
            if candidates[p].len() < 2 {
                continue;
            }
            let across: Vec<usize> = (0..terms.len())
                .filter(|&i| {
                    rows_of(i).any(|q| q == p)
                        && rows_of(i).any(|q| q != p)
                        && rows_of(i).all(|q| q == p || candidates[q].len() == 1)
                })
                .collect();
            if across.is_empty() {
                continue;
            }
            let settled = |q: usize| candidates[q].first().copied().unwrap_or(0);
            let score = |a: usize| {
                across.iter().filter(|&&i| holds(i, &|q| if q == p { a } else { settled(q) }) == Some(true)).count()
            };
            let best = candidates[p].iter().map(|&a| score(a)).max().unwrap_or(0);
            let keep: Vec<usize> = candidates[p].iter().copied().filter(|&a| score(a) == best).collect();
            changed |= keep.len() < candidates[p].len();
            candidates[p] = keep;
            unmet[p] |= best < across.len();
        }
        if !changed {
            break;
        }
    }
    printed
        .iter()
        .zip(&candidates)
        .zip(unmet)
        .map(|((p, c), unmet)| Choice {
            reading: c.first().copied().unwrap_or(0),
            readings: p.readings.len(),
            balanced: if unmet { 0 } else { c.len() },
            tie: c.get(1).copied().filter(|_| !unmet),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::tokens::Stream;

    fn all(text: &str, n: usize) -> Vec<String> {
        let s = Stream::new(text);
        let (r, _) = readings(&s.run(0).groups, n);
        r.iter()
            .map(|r| r.iter().map(|p| p.value.map_or("/".to_owned(), |v| v.to_string())).collect::<Vec<_>>().join("|"))
            .collect()
    }

    /// The reading chosen for one row of 表三 (new) by its row identity, and the choice.
    fn chosen(text: &str) -> (String, Choice) {
        let s = Stream::new(text);
        let (readings, more) = readings(&s.run(0).groups, 7);
        let def = TemplateId::Y2021.template().table(crate::model::TableKind::Requests);
        let printed = [Printed { cells: (0..7).map(|c| (0, c)).collect(), readings, more }];
        let choice = choose(def, TemplateId::Y2021, &printed, &[]).remove(0);
        let show = |r: &Reading| {
            r.iter().map(|p| p.value.map_or("/".to_owned(), |v| v.to_string())).collect::<Vec<_>>().join("|")
        };
        (show(&printed[0].readings[choice.reading]), choice)
    }

    #[test]
    fn digits_split_without_leading_zeros() {
        assert_eq!(all("0000000", 7), ["0|0|0|0|0|0|0"]);
        assert_eq!(all("30 0 0 0 03", 7), ["3|0|0|0|0|0|3"]);
        assert_eq!(all("2600000 26", 7).len(), 4);
        assert_eq!(all("82059.2090", 2), ["820|59.2090", "8|2059.2090", "8205|9.2090"]);
        assert!(all("000", 7).is_empty());
    }

    #[test]
    fn the_row_identity_chooses_among_readings() {
        let (reading, choice) = chosen("2600000 26");
        assert_eq!(reading, "26|0|0|0|0|0|26");
        assert_eq!(choice, Choice { reading: choice.reading, readings: 4, balanced: 1, tie: None });
        assert_eq!(chosen("640020470").0, "64|0|0|2|0|4|70");
        // Nothing balances: the most plausible reading is kept, for the checks to report.
        let (reading, choice) = chosen("12345678");
        assert_eq!((reading.as_str(), choice.balanced, choice.tie), ("1|2|3|4|5|6|78", 0, None));
    }

    #[test]
    fn two_balanced_readings_are_a_tie() {
        // 1|10|0|0|0|0|11 and 11|0|0|0|0|0|11 both hold.
        let (_, choice) = chosen("110000011");
        assert_eq!((choice.balanced, choice.tie.is_some()), (2, true), "{choice:?}");
    }
}

//! Choosing among the readings of glued digits ([`split`](super::split)) by
//! the table's identities: within each printed row, then across rows. The
//! choice is recorded: how many readings there were, how many balanced, and
//! the runner-up when two balance equally. A table that does not add up keeps
//! its most plausible reading, so the checks still report it.

use super::split::{scaled, Readings};
use crate::model::identities::{Relation, Terms};
use crate::model::Number;

/// Combinations of the open rows' readings tried at most, all together.
pub(super) const MAX_COMBINATIONS: usize = 4096;
/// Passes over the open rows, at most, when they are too many to combine.
const PASSES: usize = 8;

/// A row as printed, over template cells `cells` (`(row, col)`, in order),
/// with the readings of its values.
pub struct Printed {
    pub cells: Vec<(usize, usize)>,
    pub readings: Readings,
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

/// How far identity `term` is from holding with the readings `pick` chooses
/// (0: it holds), its terms read from `places`. Not inlined: one copy for
/// every use.
#[inline(never)]
fn gap(term: &(Relation, Terms), places: &[Place], printed: &[Printed], pick: &dyn Fn(usize) -> usize) -> Option<i128> {
    let (relation, t) = term;
    let mut sum = [0i128; 2];
    for (k, place) in places.iter().enumerate() {
        let n = match *place {
            Place::Printed { p, at } => printed[p].readings.kept.get(pick(p))?.get(at)?.counted()?,
            Place::Zero => Number::int(0),
            Place::Unknown => return None,
        };
        sum[usize::from(k >= t.lhs.len())] += scaled(n);
    }
    Some(if relation.holds(sum[0], sum[1]) { 0 } else { (sum[0] - sum[1]).abs().max(1) })
}

/// Chooses a reading for every printed row of one table: first by the
/// identities within the row, then by those across rows, once the other rows
/// are settled; ties go to the most plausible reading and are recorded.
/// `blank` are the cells of rows printed without values.
pub fn choose(terms: &[(Relation, Terms)], printed: &[Printed], blank: &[(usize, usize)]) -> Vec<Choice> {
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
    let gap = |i: usize, pick: &dyn Fn(usize) -> usize| gap(&terms[i], &involved[i], printed, pick);
    let holds = |i: usize, pick: &dyn Fn(usize) -> usize| gap(i, pick).map(|g| g == 0);
    let mut candidates: Vec<Vec<usize>> = printed.iter().map(|p| (0..p.readings.kept.len()).collect()).collect();
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
        // A row that breaks its own identities in every reading: the one that
        // misses by least first (a published slip is small: 13|2|4|0|15, not
        // 1|3|2|40|15), the most plausible among equals.
        if unmet[p] {
            let mut closest = (i128::MAX, 0);
            for (k, &a) in cands.iter().enumerate() {
                let missed = local.iter().map(|&i| gap(i, &|_| a).unwrap_or(0)).sum();
                closest = closest.min((missed, k));
            }
            // Moved to the front, the others in their order.
            let closest = cands.remove(closest.1);
            cands.insert(0, closest);
        }
    }
    // Across rows: the readings of the rows still open, taken together, that
    // satisfy the most identities; every combination while they are few, else
    // one row at a time from the most plausible readings.
    let open: Vec<usize> = (0..printed.len()).filter(|&p| candidates[p].len() > 1).collect();
    let across: Vec<usize> = (0..terms.len())
        .filter(|&i| rows_of(i).any(|q| open.contains(&q)) && rows_of(i).any(|q| Some(q) != rows_of(i).next()))
        .collect();
    if !open.is_empty() && !across.is_empty() {
        let slot = |q: usize| open.iter().position(|&o| o == q);
        let score = |combo: &[usize]| {
            let pick = |q: usize| slot(q).map_or_else(|| candidates[q].first().copied().unwrap_or(0), |k| combo[k]);
            across.iter().filter(|&&i| holds(i, &pick) == Some(true)).count()
        };
        let mut combo: Vec<usize> = open.iter().map(|&p| candidates[p][0]).collect();
        let mut kept: Vec<Vec<usize>> = vec![Vec::new(); open.len()];
        let combinations = open.iter().try_fold(1usize, |n, &p| n.checked_mul(candidates[p].len()));
        if combinations.is_some_and(|n| n <= MAX_COMBINATIONS) {
            let mut best = 0;
            let mut counter = vec![0usize; open.len()];
            loop {
                for (k, &p) in open.iter().enumerate() {
                    combo[k] = candidates[p][counter[k]];
                }
                let sc = score(&combo);
                if sc > best || kept[0].is_empty() {
                    best = sc;
                    kept.iter_mut().for_each(Vec::clear);
                }
                if sc == best {
                    for (k, &a) in combo.iter().enumerate() {
                        if !kept[k].contains(&a) {
                            kept[k].push(a);
                        }
                    }
                }
                // The next combination, as a mixed-radix counter.
                let mut k = 0;
                while k < open.len() {
                    counter[k] += 1;
                    if counter[k] < candidates[open[k]].len() {
                        break;
                    }
                    counter[k] = 0;
                    k += 1;
                }
                if k == open.len() {
                    break;
                }
            }
            let unbalanced = best < across.len();
            for (k, &p) in open.iter().enumerate() {
                // In the order they were in: the first is read.
                candidates[p].retain(|a| kept[k].contains(a));
                unmet[p] |= unbalanced;
            }
        } else {
            // One row at a time, by how many identities hold and then by how
            // far the others miss (a count alone gives a plateau no single row's change leaves).
            let closeness = |combo: &[usize]| {
                let pick = |q: usize| slot(q).map_or_else(|| candidates[q].first().copied().unwrap_or(0), |k| combo[k]);
                let gaps = across.iter().filter_map(|&i| gap(i, &pick));
                let (held, missed) = gaps.fold((0usize, 0i128), |(h, m), g| (h + usize::from(g == 0), m + g));
                (held, std::cmp::Reverse(missed))
            };
            for _ in 0..PASSES {
                let before = combo.clone();
                for k in 0..open.len() {
                    let p = open[k];
                    let mut trial = combo.clone();
                    let scores: Vec<_> = candidates[p]
                        .iter()
                        .map(|&a| {
                            trial[k] = a;
                            closeness(&trial)
                        })
                        .collect();
                    let best = scores.iter().copied().max().unwrap_or((0, std::cmp::Reverse(0)));
                    kept[k] = candidates[p].iter().zip(&scores).filter(|(_, &s)| s == best).map(|(&a, _)| a).collect();
                    if !kept[k].contains(&combo[k]) {
                        combo[k] = kept[k][0];
                    }
                }
                if combo == before {
                    break;
                }
            }
            // What is returned is the combination settled on: each row's
            // reading first, then those as good with the other rows as settled.
            let unbalanced = score(&combo) < across.len();
            let settled = closeness(&combo);
            let chosen: Vec<Vec<usize>> = open
                .iter()
                .enumerate()
                .map(|(k, &p)| {
                    let mut trial = combo.clone();
                    let mut as_good = vec![combo[k]];
                    for &a in &candidates[p] {
                        trial[k] = a;
                        if a != combo[k] && closeness(&trial) == settled {
                            as_good.push(a);
                        }
                    }
                    as_good
                })
                .collect();
            for (&p, as_good) in open.iter().zip(chosen) {
                candidates[p] = as_good;
                unmet[p] |= unbalanced;
            }
        }
    }
    printed
        .iter()
        .zip(&candidates)
        .zip(unmet)
        .map(|((p, c), unmet)| Choice {
            reading: c.first().copied().unwrap_or(0),
            readings: p.readings.total,
            balanced: if unmet { 0 } else { c.len() },
            tie: c.get(1).copied().filter(|_| !unmet),
        })
        .collect()
}

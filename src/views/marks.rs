//! The input cut into pieces for marking: at every boundary of a finding's
//! span, each piece knowing the findings that cover it (how many, the worst
//! severity, whether the chosen one is among them, the first few). One sweep
//! over the sorted span ends, so it costs n log n in the findings however
//! they overlap.

use crate::checks::{Diagnostic, Severity};
use std::collections::BTreeSet;

/// Findings named in one piece's tooltip; the rest are counted.
pub const MAX_NAMED: usize = 5;

/// A piece of the input `[start, end)` and the findings covering it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    /// How many findings cover the piece (0: plain text).
    pub count: usize,
    pub worst: Option<Severity>,
    /// Whether the chosen finding covers it.
    pub selected: bool,
    /// The first covering findings by index, at most [`MAX_NAMED`].
    pub named: Vec<usize>,
}

/// The pieces of `input` cut at the spans of `diagnostics` (spans outside the
/// input or not on character boundaries are left out).
pub fn pieces(input: &str, diagnostics: &[Diagnostic], selected: Option<usize>) -> Vec<Piece> {
    pieces_of(input, diagnostics, selected, |_| true)
}

/// [`pieces`] of the findings `shown` keeps (by index; the others are not marked).
pub fn pieces_of(
    input: &str,
    diagnostics: &[Diagnostic],
    selected: Option<usize>,
    shown: impl Fn(usize) -> bool,
) -> Vec<Piece> {
    // (position, opens, finding): ends sort before starts at one position.
    let mut events: Vec<(usize, bool, usize)> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate().filter(|&(i, _)| shown(i)) {
        let Some(s) = d.span else { continue };
        let (start, end) = (s.start.min(input.len()), s.end.min(input.len()));
        if end > start && input.is_char_boundary(start) && input.is_char_boundary(end) {
            events.push((start, true, i));
            events.push((end, false, i));
        }
    }
    events.sort_unstable();
    let mut out = Vec::new();
    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut by_severity = [0usize; 3];
    let mut at = 0;
    let mut k = 0;
    while at < input.len() {
        while k < events.len() && events[k].0 == at {
            let (_, opens, i) = events[k];
            let sev = diagnostics[i].severity as usize;
            if opens {
                active.insert(i);
                by_severity[sev] += 1;
            } else {
                active.remove(&i);
                by_severity[sev] -= 1;
            }
            k += 1;
        }
        let end = events.get(k).map_or(input.len(), |e| e.0);
        let worst =
            [Severity::Error, Severity::Warning, Severity::Info].into_iter().find(|&s| by_severity[s as usize] > 0);
        out.push(Piece {
            start: at,
            end,
            count: active.len(),
            worst,
            selected: selected.is_some_and(|s| active.contains(&s)),
            named: active.iter().take(MAX_NAMED).copied().collect(),
        });
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::RULES;
    use crate::text::Span;

    fn finding(severity: Severity, start: usize, end: usize) -> Diagnostic {
        let mut d = Diagnostic::new(RULES[0], crate::checks::Finding::Limit(crate::text::limits::Limit::TableDepth));
        d.severity = severity;
        d.span = Some(Span::new(start, end));
        d
    }

    #[test]
    fn overlapping_spans_cut_the_text() {
        let input = "0123456789";
        let ds = [finding(Severity::Info, 2, 6), finding(Severity::Error, 4, 8), finding(Severity::Warning, 9, 99)];
        let p = pieces(input, &ds, Some(1));
        let cut: Vec<(usize, usize, usize, Option<Severity>, bool)> =
            p.iter().map(|p| (p.start, p.end, p.count, p.worst, p.selected)).collect();
        assert_eq!(
            cut,
            [
                (0, 2, 0, None, false),
                (2, 4, 1, Some(Severity::Info), false),
                (4, 6, 2, Some(Severity::Error), true),
                (6, 8, 1, Some(Severity::Error), true),
                (8, 9, 0, None, false),
                (9, 10, 1, Some(Severity::Warning), false),
            ]
        );
        assert_eq!(p[2].named, [0, 1]);
        assert_eq!(pieces("", &ds, None), []);
    }
}

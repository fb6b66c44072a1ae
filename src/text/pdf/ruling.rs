//! The ruling lines of a page: the level and upright pieces of the paths it
//! strokes, and the thin boxes it fills (borders drawn as filled rectangles),
//! in page space. What they enclose is for `lattice`.

/// A ruling line: a horizontal one at height `at` from `from` to `to` (x),
/// or a vertical one at `at` (x) from `from` to `to` (y); page space, points.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub horizontal: bool,
    pub at: f64,
    pub from: f64,
    pub to: f64,
}

/// The subpaths of the path being built (page space), and what painting it leaves.
#[derive(Default)]
pub(super) struct Path(pub(super) Vec<Vec<(f64, f64)>>);

impl Path {
    /// Stroked: its straight, level or upright pieces are rules.
    pub(super) fn stroke(&mut self, rules: &mut Vec<Rule>) {
        for sub in self.0.drain(..) {
            for w in sub.windows(2) {
                let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                if (y1 - y0).abs() < 0.5 && (x1 - x0).abs() > 1.0 {
                    push(rules, Rule { horizontal: true, at: (y0 + y1) / 2.0, from: x0.min(x1), to: x0.max(x1) });
                } else if (x1 - x0).abs() < 0.5 && (y1 - y0).abs() > 1.0 {
                    push(rules, Rule { horizontal: false, at: (x0 + x1) / 2.0, from: y0.min(y1), to: y0.max(y1) });
                }
            }
        }
    }

    /// Filled: a thin box is a rule (borders drawn as filled rectangles); other fills are not.
    pub(super) fn fill(&mut self, rules: &mut Vec<Rule>) {
        for sub in self.0.drain(..) {
            let (xs, ys) = (sub.iter().map(|p| p.0), sub.iter().map(|p| p.1));
            let (x0, x1) = (xs.clone().fold(f64::INFINITY, f64::min), xs.fold(f64::NEG_INFINITY, f64::max));
            let (y0, y1) = (ys.clone().fold(f64::INFINITY, f64::min), ys.fold(f64::NEG_INFINITY, f64::max));
            if sub.len() < 3 {
                continue;
            }
            if y1 - y0 < 2.5 && x1 - x0 > 2.0 {
                push(rules, Rule { horizontal: true, at: (y0 + y1) / 2.0, from: x0, to: x1 });
            } else if x1 - x0 < 2.5 && y1 - y0 > 2.0 {
                push(rules, Rule { horizontal: false, at: (x0 + x1) / 2.0, from: y0, to: y1 });
            }
        }
    }
}

/// A rule kept, up to the page's bound (`lattice::MAX_RULES`).
fn push(rules: &mut Vec<Rule>, rule: Rule) {
    if rules.len() < super::lattice::MAX_RULES && [rule.at, rule.from, rule.to].iter().all(|v| v.is_finite()) {
        rules.push(rule);
    }
}

//! Tables read by the lines ruled around their cells (Word, WPS and browsers
//! draw every cell's borders): the ruling segments of a page joined into
//! tables, each table's grid from the positions of its lines, a missing
//! interior edge a merged cell, and each character given to the cell holding
//! its centre. A table's rows then read as an HTML table's do: each row's own
//! cells, a tab between them (a cell merged from above is not repeated).

use super::glyphs::{Glyph, Rule};

/// Lines nearer than this (points) are one line: a border drawn twice, or
/// two borders of adjacent cells.
const SNAP: f64 = 2.0;
/// A cell holding more characters than this holds running text, not a
/// table's value or label (the HTML reader's bound for a layout table too).
const MAX_CELL_CHARS: usize = 120;
/// Ruling segments of one page looked at, at most (a table has a few hundred).
pub const MAX_RULES: usize = 4000;

/// A table's rows, top to bottom: where each begins (y, page space, up) and its own cells' texts.
pub struct Table {
    pub rows: Vec<(f64, Vec<String>)>,
}

/// The tables the rules draw; the glyphs inside them are taken out of `glyphs`.
pub fn tables(rules: &[Rule], glyphs: &mut Vec<Glyph>) -> Vec<Table> {
    let rules = &rules[..rules.len().min(MAX_RULES)];
    let mut out = Vec::new();
    for component in components(rules) {
        let parts: Vec<&Rule> = component.iter().map(|&i| &rules[i]).collect();
        if let Some(table) = Grid::new(&parts).and_then(|grid| grid.fill(glyphs)) {
            out.push(table);
        }
    }
    out
}

/// The rules in groups, one a table: the tables of a report's page stand one
/// above another, so a group is a run of rules whose heights overlap (a
/// vertical rule spans its length, a horizontal one its height). A table cut
/// by a page break keeps the borders down its sides even where no level rule
/// closes it, which joining rules by where they touch would lose.
fn components(rules: &[Rule]) -> Vec<Vec<usize>> {
    let span = |r: &Rule| if r.horizontal { (r.at, r.at) } else { (r.from, r.to) };
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by(|&a, &b| span(&rules[b]).1.total_cmp(&span(&rules[a]).1));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut low = f64::INFINITY;
    for i in order {
        let (from, to) = span(&rules[i]);
        match groups.last_mut() {
            Some(group) if to >= low - SNAP => {
                group.push(i);
                low = low.min(from);
            }
            _ => {
                groups.push(vec![i]);
                low = from;
            }
        }
    }
    groups
}

/// Positions within `SNAP` of each other, as one (their first), ascending.
fn snapped(mut at: Vec<f64>) -> Vec<f64> {
    at.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for a in at {
        if out.last().is_none_or(|&l| a - l > SNAP) {
            out.push(a);
        }
    }
    out
}

struct Grid<'r> {
    /// Column edges left to right; row edges top to bottom.
    xs: Vec<f64>,
    ys: Vec<f64>,
    rules: Vec<&'r Rule>,
}

impl<'r> Grid<'r> {
    fn new(rules: &[&'r Rule]) -> Option<Grid<'r>> {
        let xs = snapped(rules.iter().filter(|r| !r.horizontal).map(|r| r.at).collect());
        // A table's side borders may run on past its last level rule (a page
        // break): their ends close it.
        let ends = rules.iter().filter(|r| !r.horizontal).flat_map(|r| [r.from, r.to]);
        let (bottom, top) = ends.fold((f64::INFINITY, f64::NEG_INFINITY), |(b, t), y| (b.min(y), t.max(y)));
        let levels = rules.iter().filter(|r| r.horizontal).map(|r| r.at);
        let mut ys = snapped(levels.chain([bottom, top].into_iter().filter(|y| y.is_finite())).collect());
        ys.reverse();
        (xs.len() >= 2 && ys.len() >= 2).then(|| Grid { xs, ys, rules: rules.to_vec() })
    }

    /// Whether a rule runs along `at` (vertical or not) over the point `across`.
    fn edge(&self, horizontal: bool, at: f64, across: f64) -> bool {
        self.rules.iter().any(|r| {
            r.horizontal == horizontal && (r.at - at).abs() <= SNAP && r.from - SNAP <= across && across <= r.to + SNAP
        })
    }

    /// Each grid cell's owner: the cell a merged one belongs to (up or left,
    /// where the edge between them is not drawn).
    fn owners(&self) -> Vec<Vec<(usize, usize)>> {
        let (rows, cols) = (self.ys.len() - 1, self.xs.len() - 1);
        let mut owner = vec![vec![(0, 0); cols]; rows];
        for r in 0..rows {
            let mid_y = (self.ys[r] + self.ys[r + 1]) / 2.0;
            for c in 0..cols {
                let mid_x = (self.xs[c] + self.xs[c + 1]) / 2.0;
                owner[r][c] = if c > 0 && !self.edge(false, self.xs[c], mid_y) {
                    owner[r][c - 1]
                } else if r > 0 && !self.edge(true, self.ys[r], mid_x) {
                    owner[r - 1][c]
                } else {
                    (r, c)
                };
            }
        }
        owner
    }

    /// The table's rows, the glyphs inside it taken out of `glyphs`; `None`
    /// for a box that frames text rather than cells (one cell, or a cell
    /// holding running text, as the HTML reader tells a layout table): its
    /// text is left to be laid out in lines.
    fn fill(&self, glyphs: &mut Vec<Glyph>) -> Option<Table> {
        let (rows, cols) = (self.ys.len() - 1, self.xs.len() - 1);
        if rows * cols < 2 {
            return None;
        }
        let owner = self.owners();
        let mut cells: Vec<Vec<Vec<Glyph>>> = vec![vec![Vec::new(); cols]; rows];
        let (left, right, top, bottom) = (self.xs[0], self.xs[cols], self.ys[0], self.ys[rows]);
        let inside = |g: &Glyph| {
            let (x, y) = (g.x + g.width / 2.0, g.y + g.size * 0.3);
            (x > left && x < right && y < top && y > bottom).then_some((x, y))
        };
        for g in glyphs.iter() {
            let Some((x, y)) = inside(g) else { continue };
            let c = self.xs.partition_point(|&e| e < x).saturating_sub(1).min(cols - 1);
            let r = self.ys.partition_point(|&e| e > y).saturating_sub(1).min(rows - 1);
            let (or, oc) = owner[r][c];
            cells[or][oc].push(g.clone());
        }
        let mut out = Vec::new();
        for (r, row) in cells.iter_mut().enumerate() {
            let own: Vec<String> =
                (0..cols).filter(|&c| owner[r][c] == (r, c)).map(|c| cell_text(&mut row[c])).collect();
            if own.iter().any(|t| t.chars().count() > MAX_CELL_CHARS) {
                return None;
            }
            if !own.is_empty() {
                out.push((self.ys[r], own));
            }
        }
        glyphs.retain(|g| inside(g).is_none());
        Some(Table { rows: out })
    }
}

/// A cell's text: its lines top to bottom joined (a label wrapped in its cell
/// is one label), words apart by a space.
fn cell_text(glyphs: &mut [Glyph]) -> String {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut text = String::new();
    let mut last: Option<&Glyph> = None;
    for g in glyphs.iter() {
        if let Some(p) = last {
            let same_line = (p.y - g.y).abs() < super::SAME_LINE * p.size.max(g.size);
            let gap = g.x - (p.x + p.width);
            let latin = |s: &str, first: bool| {
                let c = if first { s.chars().next() } else { s.chars().next_back() };
                c.is_some_and(|c| c.is_ascii_alphanumeric())
            };
            if (same_line && gap > super::SPACE_GAP * p.size.max(g.size))
                || (!same_line && latin(&p.text, false) && latin(&g.text, true))
            {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        last = Some(g);
    }
    text.trim().to_owned()
}

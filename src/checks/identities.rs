//! The one engine that evaluates the table identities (勾稽关系) the format
//! declares (`model::identities`) for either format: it lays each over the
//! table per row or per column (`Identity::instances`), checks it
//! (a blank cell counts as 0 and the message says so; a missing or non-number
//! cell makes the instance uncheckable) and looks for what explains every
//! broken equality (`culprits.rs`): one cell, its suggested value (建议值),
//! or one value typed in the wrong cell; that cause and the identities it
//! breaks become one finding.

use super::culprits::{self, Cause};
use super::{cell_key, cell_name, Broken, Diagnostic, Finding, Fix, Severity, Term};
use crate::model::identities::{Along, Identity, Relation, Terms};
use crate::model::{CellValue, NoteKind, Number, Report, Table};
use crate::text::Span;

/// One checked instance of an identity.
pub(super) struct Instance {
    pub(super) identity: &'static Identity,
    /// The column (along a column) or row (along a row) it is laid over.
    at: usize,
    pub(super) lhs: Vec<(usize, usize)>,
    pub(super) rhs: Vec<(usize, usize)>,
    /// `Σ lhs − Σ rhs`, at `scale` decimals.
    pub(super) residual: i128,
    pub(super) scale: u8,
    blanks: Vec<(usize, usize)>,
}

impl Instance {
    /// Who the instance is about: `自然人列`, `（一）予以公开行` (made only for a
    /// finding: most instances hold).
    fn label(&self, table: &Table) -> String {
        let def = table.def;
        match self.identity.along {
            Along::Column => format!("{}列", def.rows[self.lhs[0].0].cols[self.at].label),
            Along::Row => format!("“{}”行", short_row(def.rows[self.at].label)),
        }
    }

    pub(super) fn broken(&self) -> bool {
        !self.identity.relation.holds(self.residual, 0)
    }

    /// Whether every cell of one side was left blank (and the other holds a number).
    fn blank_side(&self) -> bool {
        let blank = |cells: &[(usize, usize)]| cells.iter().all(|c| self.blanks.contains(c));
        blank(&self.lhs) != blank(&self.rhs)
    }

    /// +1 for a left-hand cell, −1 for a right-hand one, 0 if not in it.
    pub(super) fn coefficient(&self, cell: (usize, usize)) -> i128 {
        let l = self.lhs.iter().filter(|&&c| c == cell).count() as i128;
        let r = self.rhs.iter().filter(|&&c| c == cell).count() as i128;
        l - r
    }
}

pub(super) fn scaled(n: Number, scale: u8) -> i128 {
    i128::from(n.mantissa) * 10i128.pow(u32::from(scale.saturating_sub(n.scale)))
}

/// The sum of `cells` at `scale` decimals; a blank cell counts as 0.
fn side_sum(table: &Table, cells: &[(usize, usize)], scale: u8) -> i128 {
    cells
        .iter()
        .map(|&(r, c)| match table.cells[r][c].value {
            CellValue::Number(n) => scaled(n, scale),
            _ => 0,
        })
        .sum()
}

/// `v` at `scale` decimals as a number (saturating: sums are i128).
fn number(v: i128, scale: u8) -> Number {
    let mantissa = i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX });
    Number { mantissa, scale }
}

/// Every checkable instance of `identity` in `table`.
fn instances(identity: &'static Identity, table: &Table) -> Vec<Instance> {
    let def = table.def;
    if !identity.applies(table.template, def) {
        return Vec::new();
    }
    identity.instances(def).into_iter().filter_map(|t| instance(identity, table, t)).collect()
}

fn instance(identity: &'static Identity, table: &Table, terms: Terms) -> Option<Instance> {
    let Terms { at, lhs, rhs } = terms;
    let mut scale = 0;
    let mut blanks = Vec::new();
    for &(r, c) in lhs.iter().chain(&rhs) {
        match &table.cells[r][c].value {
            CellValue::Number(n) => scale = scale.max(n.scale),
            CellValue::Blank => blanks.push((r, c)),
            CellValue::Missing | CellValue::Invalid(_) => return None,
        }
    }
    let residual = side_sum(table, &lhs, scale) - side_sum(table, &rhs, scale);
    Some(Instance { identity, at, lhs, rhs, residual, scale, blanks })
}

/// A row label short enough for a message: `（二）部分公开（区分处理的…）` → `（二）部分公开`.
pub fn short_row(label: &str) -> &str {
    match label.char_indices().skip(1).find(|(_, c)| *c == '（') {
        Some((i, _)) if !label.starts_with('（') || label[..i].contains('）') => &label[..i],
        _ => label,
    }
}

/// Evaluates `identities` on every table of `report`.
pub fn check(report: &Report, identities: &'static [Identity], out: &mut Vec<Diagnostic>) {
    for table in report.tables.iter() {
        let all: Vec<Instance> = identities.iter().flat_map(|i| instances(i, table)).collect();
        let broken: Vec<&Instance> = all.iter().filter(|i| i.broken()).collect();
        if broken.is_empty() {
            continue;
        }
        let equalities: Vec<&Instance> =
            broken.iter().copied().filter(|i| i.identity.relation == Relation::Equal).collect();
        let cause = culprits::find(table, &all, &equalities);
        let from = out.len();
        let explained =
            |inst: &Instance| cause.as_ref().is_some_and(|c| c.explained().iter().any(|e| std::ptr::eq(*e, inst)));
        let unexplained: Vec<&Instance> = broken.iter().copied().filter(|inst| !explained(inst)).collect();
        // Broken because one side was left blank: one cause per identity (a
        // blank 总计 column breaks every row's sum), one finding listing them.
        let (blank_sided, others): (Vec<&Instance>, Vec<&Instance>) =
            unexplained.into_iter().partition(|inst| inst.blank_side());
        let mut codes: Vec<&'static str> = blank_sided.iter().map(|i| i.identity.code).collect();
        codes.dedup();
        for code in codes {
            let group: Vec<&Instance> = blank_sided.iter().copied().filter(|i| i.identity.code == code).collect();
            out.push(if group.len() == 1 { finding(table, group[0]) } else { blank_finding(table, &group) });
        }
        for inst in others {
            out.push(finding(table, inst));
        }
        match cause {
            Some(Cause::Cell { cell, value, explained }) => out.push(root_finding(table, cell, value, &explained)),
            Some(Cause::Moved { from, to, value, explained }) => {
                out.push(moved_finding(table, from, to, value, &explained))
            }
            None => {}
        }
        // Values split out of glued digits were inferred: a finding on them says so.
        let split: Vec<String> = report
            .notes
            .iter()
            .filter(|n| n.table == table.def.kind && matches!(n.kind, NoteKind::Split { .. }))
            .flat_map(|n| n.cells(table.def))
            .map(|(r, c)| cell_key(table, r, c))
            .collect();
        for d in &mut out[from..] {
            if d.cells.iter().any(|c| split.contains(c)) {
                if let Finding::Identity { inferred }
                | Finding::BlankSides { inferred }
                | Finding::RootCause { inferred, .. }
                | Finding::Moved { inferred, .. } = &mut d.finding
                {
                    *inferred = true;
                }
            }
        }
    }
}

fn span_of(table: &Table, cells: &[(usize, usize)]) -> (Option<Span>, Vec<Span>) {
    let spans: Vec<Span> = cells.iter().filter_map(|&(r, c)| table.cells[r][c].span).collect();
    (spans.first().copied(), spans.iter().skip(1).copied().collect())
}

/// The instance as data: its terms (named as the message names them: rows
/// along a column, columns along a row), both sums, the relation, the blanks.
fn broken(table: &Table, inst: &Instance) -> Broken {
    let along_rows = inst.identity.along == Along::Column;
    let term = |&(r, c): &(usize, usize)| {
        let row = &table.def.rows[r];
        Term {
            cell: cell_key(table, r, c),
            name: if along_rows { short_row(row.label) } else { row.cols[c].label },
            value: match table.cells[r][c].value {
                CellValue::Number(n) => Some(n),
                _ => None,
            },
        }
    };
    let sum = |cells: &[(usize, usize)]| number(side_sum(table, cells, inst.scale), inst.scale);
    Broken {
        code: inst.identity.code,
        about: inst.label(table),
        lhs: inst.lhs.iter().map(term).collect(),
        rhs: inst.rhs.iter().map(term).collect(),
        lhs_sum: sum(&inst.lhs),
        rhs_sum: sum(&inst.rhs),
        relation: inst.identity.relation,
        blanks: inst.blanks.len(),
    }
}

fn finding(table: &Table, inst: &Instance) -> Diagnostic {
    let cells: Vec<(usize, usize)> = inst.lhs.iter().chain(&inst.rhs).copied().collect();
    let (span, related) = span_of(table, &cells);
    let severity = Severity::Error;
    Diagnostic {
        code: inst.identity.code,
        severity,
        finding: Finding::Identity { inferred: false },
        cells: cells.iter().map(|&(r, c)| cell_key(table, r, c)).collect(),
        // Which of its terms is wrong, the identity alone cannot tell; unless
        // one side was left blank: those cells are the cause.
        culprits: if inst.blank_side() {
            inst.blanks.iter().map(|&(r, c)| cell_key(table, r, c)).collect()
        } else {
            Vec::new()
        },
        broken: vec![broken(table, inst)],
        span,
        related,
        fix: None,
    }
}

/// Several instances of one identity, each broken because one side was left
/// blank: the blank cells are the cause, each instance is listed.
fn blank_finding(table: &Table, group: &[&Instance]) -> Diagnostic {
    let mut cells: Vec<(usize, usize)> = Vec::new();
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    for inst in group {
        for &c in inst.lhs.iter().chain(&inst.rhs) {
            if !cells.contains(&c) {
                cells.push(c);
            }
        }
        for &b in &inst.blanks {
            if !blanks.contains(&b) {
                blanks.push(b);
            }
        }
    }
    let (span, related) = span_of(table, &cells);
    let blank_spans: Vec<Span> = blanks.iter().filter_map(|&(r, c)| table.cells[r][c].span).collect();
    Diagnostic {
        code: group[0].identity.code,
        severity: Severity::Error,
        finding: Finding::BlankSides { inferred: false },
        cells: cells.iter().map(|&(r, c)| cell_key(table, r, c)).collect(),
        culprits: blanks.iter().map(|&(r, c)| cell_key(table, r, c)).collect(),
        broken: group.iter().map(|i| broken(table, i)).collect(),
        span: blank_spans.first().copied().or(span),
        related,
        fix: None,
    }
}

fn root_finding(table: &Table, cell: (usize, usize), value: Number, explained: &[&Instance]) -> Diagnostic {
    let key = cell_key(table, cell.0, cell.1);
    let current = match table.cells[cell.0][cell.1].value {
        CellValue::Number(n) => Some(n),
        _ => None,
    };
    let finding = Finding::RootCause { cell: cell_name(table, cell.0, cell.1), current, value, inferred: false };
    let mut cells = vec![(cell.0, cell.1)];
    for i in explained {
        for &c in i.lhs.iter().chain(&i.rhs) {
            if !cells.contains(&c) {
                cells.push(c);
            }
        }
    }
    let (span, related) = span_of(table, &cells);
    Diagnostic {
        code: explained[0].identity.code,
        severity: Severity::Error,
        finding,
        cells: cells.iter().map(|&(r, c)| cell_key(table, r, c)).collect(),
        culprits: vec![key.clone()],
        broken: explained.iter().map(|i| broken(table, i)).collect(),
        span: table.cells[cell.0][cell.1].span.or(span),
        related,
        fix: Some(Fix { cell: key, value }),
    }
}

/// A value printed in the wrong cell: moved back, every broken equality balances.
fn moved_finding(
    table: &Table,
    from: (usize, usize),
    to: (usize, usize),
    value: Number,
    explained: &[&Instance],
) -> Diagnostic {
    let mut cells = vec![from, to];
    for i in explained {
        for &c in i.lhs.iter().chain(&i.rhs) {
            if !cells.contains(&c) {
                cells.push(c);
            }
        }
    }
    let (span, related) = span_of(table, &cells);
    let current = |(r, c): (usize, usize)| match table.cells[r][c].value {
        CellValue::Number(n) => Some(n),
        _ => None,
    };
    let finding = Finding::Moved {
        from: cell_name(table, from.0, from.1),
        to: cell_name(table, to.0, to.1),
        value,
        now: current(to),
        inferred: false,
    };
    Diagnostic {
        code: explained[0].identity.code,
        severity: Severity::Error,
        finding,
        cells: cells.iter().map(|&(r, c)| cell_key(table, r, c)).collect(),
        culprits: vec![cell_key(table, from.0, from.1), cell_key(table, to.0, to.1)],
        broken: explained.iter().map(|i| broken(table, i)).collect(),
        span: table.cells[from.0][from.1].span.or(span),
        related,
        fix: None,
    }
}

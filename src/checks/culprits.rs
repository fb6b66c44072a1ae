//! Which cells explain a table's broken identities: the one cell whose
//! change balances them all (its suggested value, 建议值), or else one value
//! printed in the wrong cell of its row or column (moved back, they all
//! balance). Either only when it is the only such explanation.

use super::identities::{scaled, Instance};
use crate::model::identities::Relation;
use crate::model::{CellValue, Number, Table};

/// What explains the broken equalities, and which ones it explains.
pub(super) enum Cause<'a> {
    /// One cell, whose value should be `value`.
    Cell { cell: (usize, usize), value: Number, explained: Vec<&'a Instance> },
    /// `value`, printed in `from`, belongs in `to` (printed 0 or blank).
    Moved { from: (usize, usize), to: (usize, usize), value: Number, explained: Vec<&'a Instance> },
}

impl<'a> Cause<'a> {
    pub(super) fn explained(&self) -> &[&'a Instance] {
        match self {
            Cause::Cell { explained, .. } | Cause::Moved { explained, .. } => explained,
        }
    }
}

/// The cause of the `broken` equalities among `all` the instances of `table`.
pub(super) fn find<'a>(table: &Table, all: &'a [Instance], broken: &[&'a Instance]) -> Option<Cause<'a>> {
    root_cause(table, all, broken).or_else(|| moved_value(table, all, broken))
}

/// The one cell whose change balances every broken equality without breaking
/// a balanced one, with the value it should have.
fn root_cause<'a>(table: &Table, all: &'a [Instance], broken: &[&'a Instance]) -> Option<Cause<'a>> {
    let first = broken.first()?;
    let mut found = None;
    for &cell in first.lhs.iter().chain(&first.rhs) {
        let mut delta: Option<i128> = None;
        let explains = broken.iter().all(|inst| {
            let coef = inst.coefficient(cell);
            if coef == 0 || inst.residual % coef != 0 || inst.scale != first.scale {
                return false;
            }
            let d = -inst.residual / coef;
            delta.get_or_insert(d) == &d
        });
        let untouched = all
            .iter()
            .filter(|i| !i.broken() && i.identity.relation == Relation::Equal)
            .all(|i| i.coefficient(cell) == 0);
        let Some(delta) = delta.filter(|_| explains && untouched) else { continue };
        let current = match table.cells[cell.0][cell.1].value {
            CellValue::Number(n) => scaled(n, first.scale),
            _ => 0,
        };
        let signed = table.def.rows[cell.0].cols[cell.1].key == "change";
        let value = current + delta;
        if value < 0 && !signed {
            continue;
        }
        if found.is_some() {
            return None; // Two cells could explain it: no single root cause.
        }
        let mantissa = i64::try_from(value).ok()?;
        found = Some((cell, Number { mantissa, scale: first.scale }));
    }
    let (cell, value) = found?;
    Some(Cause::Cell { cell, value, explained: broken.to_vec() })
}

/// One value printed in the wrong cell of its row or column: the cell `from`
/// holds exactly the amount that, moved to `to` (which holds 0 or is blank),
/// balances every broken equality and leaves every balanced one balanced.
/// At least two broken: one wrong cell alone is [`root_cause`]'s.
fn moved_value<'a>(table: &Table, all: &'a [Instance], broken: &[&'a Instance]) -> Option<Cause<'a>> {
    let scale = broken.first()?.scale;
    if broken.len() < 2 || broken.iter().any(|i| i.scale != scale) {
        return None;
    }
    let mut cells: Vec<(usize, usize)> = broken.iter().flat_map(|i| i.lhs.iter().chain(&i.rhs).copied()).collect();
    cells.sort_unstable();
    cells.dedup();
    let value = |(r, c): (usize, usize)| match table.cells[r][c].value {
        CellValue::Number(n) => Some(scaled(n, scale)),
        CellValue::Blank => Some(0),
        _ => None,
    };
    let balanced: Vec<&Instance> =
        all.iter().filter(|i| !i.broken() && i.identity.relation == Relation::Equal).collect();
    let mut found = None;
    for &from in &cells {
        let Some(v) = value(from).filter(|&v| v > 0) else { continue };
        // The other cell of its row or column: a value typed one cell off.
        for &to in cells.iter().filter(|&&to| to != from && (to.0 == from.0 || to.1 == from.1)) {
            if value(to) != Some(0) {
                continue;
            }
            let fixes = broken.iter().all(|i| i.residual - i.coefficient(from) * v + i.coefficient(to) * v == 0);
            let keeps = balanced.iter().all(|i| i.coefficient(from) == i.coefficient(to));
            if fixes && keeps {
                if found.is_some() {
                    return None; // Two ways to move it: no single cause.
                }
                let mantissa = i64::try_from(v).ok()?;
                found = Some((from, to, Number { mantissa, scale }));
            }
        }
    }
    let (from, to, value) = found?;
    Some(Cause::Moved { from, to, value, explained: broken.to_vec() })
}

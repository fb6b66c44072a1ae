//! Checks across reports loaded together (X-*): which reports are the same
//! agency's consecutive years, and the cell values they compare.

use super::{x_carry, x_copy, x_flow, Diagnostic};
use crate::model::{CellValue, Report, Table};
use crate::text::{is_bare, Folded};

/// Pairs (last year, this year) of reports of the same agency in consecutive years.
pub fn pairs(reports: &[&Report]) -> Vec<(usize, usize)> {
    let key = |r: &Report| {
        let agency = Folded::filtered(&r.meta.agency.as_ref()?.value, 0, is_bare).text;
        Some((agency, r.meta.year.as_ref()?.value))
    };
    let keys: Vec<_> = reports.iter().map(|r| key(r)).collect();
    // The reports by (agency, year, index), sorted once: the first report of
    // last year is a binary search away, not a scan (n log n in all).
    let mut sorted: Vec<(&str, i32, usize)> =
        keys.iter().enumerate().filter_map(|(i, k)| k.as_ref().map(|(a, y)| (a.as_str(), *y, i))).collect();
    sorted.sort_unstable();
    let mut out = Vec::new();
    for (this, k) in keys.iter().enumerate() {
        let Some((agency, year)) = k else { continue };
        let at = sorted.partition_point(|&(a, y, _)| (a, y) < (agency.as_str(), *year - 1));
        if let Some(&(a, y, prev)) = sorted.get(at) {
            if a == agency && y == *year - 1 {
                out.push((prev, this));
            }
        }
    }
    out
}

/// An integer cell's value.
/// A whole-number cell's value, wide enough that sums of them never overflow.
pub fn value(table: &Table, row: &str, col: &str) -> Option<i128> {
    match table.cell(row, col)?.value {
        CellValue::Number(n) if n.scale == 0 => Some(i128::from(n.mantissa)),
        _ => None,
    }
}

/// Each report's findings (`findings[i]`, from `check`) with the findings across
/// all of them added, then in the order the CLI and the page give them: by
/// where they point in the input (stable: a finding with no place last).
pub fn add_across(reports: &[&Report], findings: &mut [Vec<Diagnostic>]) {
    for (k, d) in check(reports) {
        if let Some(f) = findings.get_mut(k) {
            f.push(d);
        }
    }
    for f in findings.iter_mut() {
        super::by_start(f);
    }
}

/// The findings across `reports`, each with the index of the report it belongs to.
pub fn check(reports: &[&Report]) -> Vec<(usize, Diagnostic)> {
    // The rules whose `run` is `Run::Across`, in the registry's order (called
    // directly: see `Run::Across`); `tests/rules.rs` keeps this list complete.
    let mut out = Vec::new();
    x_carry::check(reports, &mut out);
    x_flow::check(reports, &mut out);
    x_copy::check(reports, &mut out);
    out
}

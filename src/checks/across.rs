//! Checks across reports loaded together (X-*): which reports are the same
//! agency's consecutive years, and the cell values they compare.

use super::Diagnostic;
use crate::model::{CellValue, Report, Table};
use crate::text::{is_bare, Folded};

/// Pairs (last year, this year) of reports of the same agency in consecutive years.
pub fn pairs(reports: &[&Report]) -> Vec<(usize, usize)> {
    let key = |r: &Report| {
        let agency = Folded::filtered(&r.meta.agency.as_ref()?.value, 0, is_bare).text;
        Some((agency, r.meta.year.as_ref()?.value))
    };
    let keys: Vec<_> = reports.iter().map(|r| key(r)).collect();
    // The first report of each (agency, year): one lookup per report, not a scan.
    let mut first: std::collections::HashMap<(&str, i32), usize> = std::collections::HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some((agency, year)) = k {
            first.entry((agency.as_str(), *year)).or_insert(i);
        }
    }
    let mut out = Vec::new();
    for (this, k) in keys.iter().enumerate() {
        let Some((agency, year)) = k else { continue };
        if let Some(&prev) = first.get(&(agency.as_str(), *year - 1)) {
            out.push((prev, this));
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

/// The findings across `reports`, each with the index of the report it belongs to.
pub fn check(reports: &[&Report]) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for rule in super::RULES {
        if let super::Run::Across(run) = rule.run {
            run(reports, &mut out);
        }
    }
    out
}

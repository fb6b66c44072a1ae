//! One finding per cause: findings that share one cause become one. An
//! identity broken only because one side was left blank has the blank cells
//! as its cause, which CELL-BLANK reports: its broken identities go into that
//! finding (an error then: the table as printed does not add up), listed in
//! `broken`, instead of a second finding about the same cells.

use super::Diagnostic;
use super::Severity;

pub fn merge(out: &mut Vec<Diagnostic>) {
    // Each identity finding caused by blanks, and the CELL-BLANK finding that reports them all.
    let pairs: Vec<(usize, usize)> = (0..out.len())
        .filter_map(|i| {
            let d = &out[i];
            let blank_caused =
                d.code != "CELL-BLANK" && !d.broken.is_empty() && d.fix.is_none() && !d.culprits.is_empty();
            let covers = |c: &Diagnostic| c.code == "CELL-BLANK" && d.culprits.iter().all(|k| c.culprits.contains(k));
            blank_caused.then(|| out.iter().position(covers)).flatten().map(|t| (i, t))
        })
        .collect();
    for &(i, t) in &pairs {
        // Taken out of the merged finding, which is dropped below.
        // The message says which identities the blanks break, from `broken`.
        let span = out[i].span;
        let cells = std::mem::take(&mut out[i].cells);
        let broken = std::mem::take(&mut out[i].broken);
        let c = &mut out[t];
        c.severity = Severity::Error;
        for cell in cells {
            if !c.cells.contains(&cell) {
                c.cells.push(cell);
            }
        }
        c.broken.extend(broken);
        c.related.extend(span);
    }
    let merged: Vec<usize> = pairs.iter().map(|&(i, _)| i).collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !merged.contains(&(k - 1))
    });
}

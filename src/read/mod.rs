//! Text → model: reads metadata and tables out of pasted report text.
//! Never fails: what cannot be read stays missing in the model.

mod doc;
mod labels;
mod meta;
mod table;
mod tables;

use crate::model::Report;

/// Reads a report. Never panics; unreadable parts are left missing.
pub fn parse(input: &str) -> Report {
    let rows = doc::rows(input);
    let mut report = Report::default();
    meta::read(&rows, &mut report.meta);
    report.tables = tables::read(&rows, &mut report.notes);
    report.meta.template =
        report.tables.active.as_ref().or(report.tables.requests.as_ref()).map(|t| t.template).or(report.meta.template);
    report
}

//! Text → model: reads metadata and tables out of pasted report text.
//! Never fails: what cannot be read stays missing in the model.

mod lines;
mod meta;
mod requests;

use crate::model::Report;

/// Reads a report. Never panics; unreadable parts are left missing.
pub fn parse(input: &str) -> Report {
    let lines = lines::Line::split(input);
    let mut report = Report::default();
    meta::read(&lines, &mut report.meta);
    report.tables.requests = requests::read(input, &lines, report.meta.template);
    report
}

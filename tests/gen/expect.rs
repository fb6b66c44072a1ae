//! What a generated report must read back as: every cell, blank told from 0,
//! and the metadata and chapters; and the errors a balanced one may give.

use super::{as_read, Grid, Sample};
use nianbao::model::{Table, TemplateId};

pub fn assert_grid(table: Option<&Table>, grid: &Grid, format: TemplateId, what: &str, text: &str) {
    let table = table.unwrap_or_else(|| panic!("{what}: table not found in:\n{text}"));
    assert_eq!(table.template, format, "{what}: template");
    for (r, row) in grid.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let expected = as_read(*v);
            let key = format!("{}.{}.{}", table.def.kind.key(), table.def.rows[r].key, table.def.rows[r].cols[c].key);
            assert_eq!(table.cells[r][c].value, expected, "{what}: cell {key} in:\n{text}");
        }
    }
}

pub fn assert_reads(sample: &Sample, bytes: &[u8], what: &str) {
    let text = nianbao::text::decode::decode(bytes).text;
    assert_report(sample, &nianbao::parse(&text), what, &text);
}

/// `report`, read from `text`, holds every cell and the metadata of `sample`.
pub fn assert_report(sample: &Sample, report: &nianbao::Report, what: &str, text: &str) {
    let t = &report.tables;
    assert_grid(t.active.as_ref(), &sample.active, sample.format, what, text);
    assert_grid(t.requests.as_ref(), &sample.requests, sample.requests_format, what, text);
    assert_grid(t.review.as_ref(), &sample.review, sample.format, what, text);
    let m = &report.meta;
    assert_eq!(m.year.as_ref().map(|y| y.value), Some(sample.year), "{what}: year");
    assert_eq!(m.template, Some(sample.format), "{what}: template");
    assert_eq!(m.agency.as_ref().map(|a| a.value.as_str()), Some(sample.agency.as_str()), "{what}: agency");
    assert_eq!(m.signed.as_ref().map(|d| d.value.year), Some(sample.year + 1), "{what}: signature");
    let title = format!("{}{}年政府信息公开工作年度报告", sample.agency, sample.year);
    // As printed: PDF tools may set spaces around the year.
    let read_title = m.title.as_ref().map(|t| t.value.split_whitespace().collect::<String>());
    assert_eq!(read_title, Some(title), "{what}: title");
    let period = m.period.as_ref().map(|p| (p.value.0.to_string(), p.value.1.to_string()));
    let y = sample.year;
    assert_eq!(period, Some((format!("{y}-01-01"), format!("{y}-12-31"))), "{what}: period");
    let chapters: Vec<Option<u8>> = report.chapters.iter().map(|c| c.number).collect();
    assert_eq!(chapters, (1..=6).map(Some).collect::<Vec<_>>(), "{what}: chapters in:\n{text}");
    assert!(report.chapters.iter().all(|c| c.standard), "{what}: standard chapters");
}

pub const FORMATS: [(TemplateId, TemplateId); 3] = [
    (TemplateId::Y2019, TemplateId::Y2019),
    (TemplateId::Y2021, TemplateId::Y2021),
    // A 2021 report printing （六）其他处理 as one row, as the 2019 format did.
    (TemplateId::Y2021, TemplateId::Y2019),
];

pub fn errors(report: &nianbao::Report) -> Vec<nianbao::checks::Diagnostic> {
    nianbao::checks::check(report).into_iter().filter(|d| d.severity == nianbao::checks::Severity::Error).collect()
}

/// S-VERSION warnings: the requests table alone in the other format.
pub fn version_warnings(report: &nianbao::Report) -> usize {
    let all = nianbao::checks::check(report);
    all.iter().filter(|d| d.code == "S-VERSION" && d.severity == nianbao::checks::Severity::Warning).count()
}

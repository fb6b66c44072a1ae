//! A plain-text outline of the model: metadata, chapters and every cell of every table,
//! one row per line. `_` is a blank cell, `?` a missing one, `!` a non-number.
//! Fixtures state the expected model of a report in this form.

use crate::model::{CellValue, Report, Table};
use std::fmt::Write;

pub fn outline(report: &Report) -> String {
    let mut out = String::new();
    let m = &report.meta;
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
    let text = |v: &Option<crate::model::Found<String>>| v.as_ref().map(|f| f.value.clone());
    if report.traditional {
        // Said only when so: the text was read as its simplified form.
        out.push_str("script: traditional\n");
    }
    if report.glossed {
        out.push_str("pinyin glosses: read without them\n");
    }
    let _ = writeln!(out, "title: {}", opt(text(&m.title)));
    let _ = writeln!(out, "agency: {}", opt(text(&m.agency)));
    let _ = writeln!(out, "year: {} ({:?})", opt(m.year.as_ref().map(|y| y.value.to_string())), m.year_source);
    let _ = writeln!(out, "period: {}", opt(m.period.as_ref().map(|p| format!("{} {}", p.value.0, p.value.1))));
    let _ = writeln!(out, "signed: {}", opt(m.signed.as_ref().map(|d| d.value.to_string())));
    let _ = writeln!(out, "template: {}", opt(m.template.map(|t| t.as_str().to_owned())));
    for c in &report.chapters {
        let num = |n: Option<u8>| n.map_or_else(|| "-".to_owned(), |n| n.to_string());
        let mark = if c.standard { "standard" } else { "variant" };
        let _ = writeln!(out, "chapter {} (printed {}, {mark}): {}", num(c.number), num(c.printed), c.heading);
    }
    for (name, table) in
        [("active", &report.tables.active), ("requests", &report.tables.requests), ("review", &report.tables.review)]
    {
        match table {
            None => {
                let _ = writeln!(out, "{name}: -");
            }
            Some(t) => table_outline(&mut out, name, t),
        }
    }
    out
}

fn table_outline(out: &mut String, name: &str, table: &Table) {
    let _ = writeln!(out, "{name} ({}):", table.template.as_str());
    for (def, cells) in table.def.rows.iter().zip(&table.cells) {
        let values: Vec<String> = cells
            .iter()
            .map(|c| match &c.value {
                CellValue::Number(n) => n.to_string(),
                CellValue::Blank => "_".to_owned(),
                CellValue::Missing => "?".to_owned(),
                CellValue::Invalid(_) => "!".to_owned(),
            })
            .collect();
        let _ = writeln!(out, "  {}: {}", def.key, values.join(" "));
    }
}

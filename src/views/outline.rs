//! A plain-text outline of the model: metadata and every cell of every table,
//! one row per line. `_` is a blank cell, `?` a missing one, `!` a non-number.
//! Fixtures state the expected model of a report in this form.

use crate::model::{CellValue, Report, Table};
use std::fmt::Write;

pub fn outline(report: &Report) -> String {
    let mut out = String::new();
    let m = &report.meta;
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
    let _ = writeln!(out, "year: {}", opt(m.year.map(|y| y.to_string())));
    let _ = writeln!(out, "template: {}", opt(m.template.map(|t| t.as_str().to_owned())));
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

//! Exports of a checked report: CSV (tables; diagnostics) with a UTF-8 BOM so
//! Excel and WPS open them in Chinese, and the normalized report as Markdown.

use crate::checks::Diagnostic;
use crate::model::{CellValue, Report, Table};
use crate::text::SourceMap;

/// How a cell reads for a person: the number, or what it is instead.
pub fn cell_text(value: &CellValue) -> String {
    match value {
        CellValue::Number(n) => n.to_string(),
        CellValue::Blank => "空白".to_owned(),
        CellValue::Missing => "缺失".to_owned(),
        CellValue::Invalid(t) => t.clone(),
    }
}

fn state(value: &CellValue) -> &'static str {
    match value {
        CellValue::Number(_) => "数字",
        CellValue::Blank => "空白",
        CellValue::Missing => "缺失",
        CellValue::Invalid(_) => "非数字",
    }
}

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push_str("\r\n");
}

/// Every cell of the three tables, one per line.
pub fn tables_csv(report: &Report) -> String {
    let mut out = String::from("\u{feff}");
    csv_row(&mut out, &["表", "行", "列", "单元格", "值", "状态"]);
    for table in report.tables.iter() {
        for (r, row) in table.def.rows.iter().enumerate() {
            for (c, col) in row.cols.iter().enumerate() {
                let value = &table.cells[r][c].value;
                let key = crate::checks::cell_key(table, r, c);
                let number = match value {
                    CellValue::Number(n) => n.to_string(),
                    _ => String::new(),
                };
                csv_row(&mut out, &[table.def.kind.key(), row.label, col.label, &key, &number, state(value)]);
            }
        }
    }
    out
}

/// Every diagnostic, one per line, with its line in the input.
pub fn diagnostics_csv(input: &str, diagnostics: &[Diagnostic]) -> String {
    let map = SourceMap::new(input);
    let mut out = String::from("\u{feff}");
    csv_row(&mut out, &["代码", "级别", "行号", "信息", "单元格", "建议值"]);
    for d in diagnostics {
        let line = d.span.map_or(String::new(), |s| map.line(s.start).to_string());
        let fix = d.fix.as_ref().map_or(String::new(), |f| format!("{} = {}", f.cell, f.value));
        csv_row(
            &mut out,
            &[d.code, d.severity.as_str(), &line, &super::messages::message(d), &d.cells.join(" "), &fix],
        );
    }
    out
}

/// Report text made inert in Markdown: the characters that start markup
/// (HTML tags, links and images, emphasis, headings, quotes, table cells,
/// entities) are escaped with a backslash, so `<script>` or
/// `[x](javascript:…)` in a report is shown as written and never rendered.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The normalized report: metadata, the six chapters under their standard
/// headings, and the tables row by row (blank and missing cells spelled out).
/// Text from the report is escaped (see `md`).
pub fn markdown(report: &Report, diagnostics: &[Diagnostic]) -> String {
    let m = &report.meta;
    let none = || "（未识别）".to_owned();
    let mut out = format!(
        "# {}\n\n- 发布机关：{}\n- 报告年度：{}\n- 表格格式：{}\n- 落款日期：{}\n\n",
        m.title.as_ref().map_or_else(none, |t| md(&t.value)),
        m.agency.as_ref().map_or_else(none, |a| md(&a.value)),
        m.year.as_ref().map_or_else(none, |y| y.value.to_string()),
        m.template.map_or_else(none, |t| format!("{} 年版", t.as_str())),
        m.signed.as_ref().map_or_else(none, |d| d.value.to_string()),
    );
    for (k, heading) in crate::model::CHAPTERS.iter().enumerate() {
        out.push_str(&format!("## {heading}\n\n"));
        let found = report.chapters.iter().position(|c| c.number == Some(k as u8 + 1));
        match found {
            None => out.push_str("（报告中未找到本章）\n\n"),
            Some(i) => {
                for p in report.paragraphs.iter().filter(|p| p.chapter == Some(i)) {
                    out.push_str(&md(&p.joined()));
                    out.push_str("\n\n");
                }
            }
        }
        let table = match k {
            1 => report.tables.active.as_ref(),
            2 => report.tables.requests.as_ref(),
            3 => report.tables.review.as_ref(),
            _ => None,
        };
        if let Some(t) = table {
            markdown_table(&mut out, t);
        }
    }
    if !diagnostics.is_empty() {
        out.push_str("## 检查结果\n\n");
        for d in diagnostics {
            out.push_str(&format!(
                "- **{}**（{}）{}\n",
                d.code,
                super::messages::severity_name(d.severity),
                md(&super::messages::message(d))
            ));
        }
    }
    out
}

fn markdown_table(out: &mut String, table: &Table) {
    let mut columns: Option<Vec<&str>> = None;
    for (r, row) in table.def.rows.iter().enumerate() {
        let labels: Vec<&str> = row.cols.iter().map(|c| c.label).collect();
        if columns.as_ref() != Some(&labels) {
            out.push_str(&format!("\n| 项目 | {} |\n|---|{}\n", labels.join(" | "), "---|".repeat(labels.len())));
            columns = Some(labels);
        }
        let values: Vec<String> = table.cells[r].iter().map(|c| md(&cell_text(&c.value))).collect();
        out.push_str(&format!("| {} | {} |\n", row.label, values.join(" | ")));
    }
    out.push('\n');
}

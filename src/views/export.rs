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
    // A field a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR
    // first) is shown as text: a leading apostrophe. A plain number stays a number.
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(s);
    let s = if formula { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&s);
    }
}

/// `-2`, `+3`, `1.5`: a sign, digits, and at most one point between digits.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut parts = digits.split('.');
    let whole = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_some_and(whole) && parts.next().is_none_or(whole) && parts.next().is_none()
}

pub(crate) fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push_str("\r\n");
}

/// A cell as the official format prints it: its table's caption, its row's
/// label and its column's, with its key (`requests.granted.natural`).
struct Labels {
    key: String,
    table: &'static str,
    row: &'static str,
    column: &'static str,
}

/// Every cell of the report's tables, with its labels.
fn labels(report: &Report) -> Vec<Labels> {
    let mut out = Vec::new();
    for table in report.tables.iter() {
        let caption = crate::model::print::layout(table.def).caption;
        for (r, row) in table.def.rows.iter().enumerate() {
            for (c, col) in row.cols.iter().enumerate() {
                let key = crate::checks::cell_key(table, r, c);
                out.push(Labels { key, table: caption, row: row.label, column: col.label });
            }
        }
    }
    out
}

/// Every cell of the three tables, one per line, under the official names.
pub fn tables_csv(report: &Report) -> String {
    let mut out = String::from("\u{feff}");
    csv_row(&mut out, &["表", "行", "列", "值", "状态", "单元格"]);
    let mut cells = labels(report).into_iter();
    for table in report.tables.iter() {
        for row in &table.cells {
            for (cell, l) in row.iter().zip(cells.by_ref()) {
                let number = match &cell.value {
                    CellValue::Number(n) => n.to_string(),
                    _ => String::new(),
                };
                csv_row(&mut out, &[l.table, l.row, l.column, &number, state(&cell.value), &l.key]);
            }
        }
    }
    out
}

/// Every diagnostic, one per line: the file, agency and year it is about,
/// its severity in Chinese, the message, its line in the input, the cell it
/// points at by its official labels (table, row, column) and every cell
/// involved, the suggested value, and the reason a reviewer verified it
/// with (`verified[i]`, `checks::verified`; empty when not verified).
pub fn diagnostics_csv(
    file: &str,
    input: &str,
    report: &Report,
    diagnostics: &[Diagnostic],
    verified: &[Option<&str>],
) -> String {
    let map = SourceMap::new(input);
    let cells = labels(report);
    let find = |key: &str| cells.iter().find(|l| l.key == key);
    let named = |l: &Labels| format!("{}：“{}”行“{}”列", l.table, l.row, l.column);
    let m = &report.meta;
    let agency = m.agency.as_ref().map_or("", |a| a.value.as_str());
    let year = m.year.as_ref().map_or(String::new(), |y| y.value.to_string());
    let mut out = String::from("\u{feff}");
    let header = [
        "文件",
        "发布机关",
        "年度",
        "级别",
        "代码",
        "问题",
        "行号",
        "表",
        "行",
        "列",
        "涉及单元格",
        "建议值",
        "核实说明",
    ];
    csv_row(&mut out, &header);
    for (i, d) in diagnostics.iter().enumerate() {
        let reason = verified.get(i).copied().flatten().unwrap_or("");
        let line = d.span.map_or(String::new(), |s| map.line(s.start).to_string());
        // The cell it points at: the one a fix changes, else the first it names.
        let at = d.culprits.first().or(d.cells.first()).and_then(|k| find(k));
        let involved: Vec<String> = d.cells.iter().filter_map(|k| find(k)).map(named).collect();
        let fix = d.fix.as_ref().map_or(String::new(), |f| f.value.to_string());
        let message = super::messages::message(d);
        let severity = super::messages::severity_name(d.severity);
        let (table, row, column) = at.map_or(("", "", ""), |l| (l.table, l.row, l.column));
        let involved = involved.join("；");
        let fields =
            [file, agency, &year, severity, d.code, &message, &line, table, row, column, &involved, &fix, reason];
        csv_row(&mut out, &fields);
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
/// Text from the report is escaped (see `md`). A finding a reviewer verified
/// (`verified[i]`) says so, with the reason.
pub fn markdown(report: &Report, diagnostics: &[Diagnostic], verified: &[Option<&str>]) -> String {
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
        for (i, d) in diagnostics.iter().enumerate() {
            let verified =
                verified.get(i).copied().flatten().map_or(String::new(), |r| format!("（已核实：{}）", md(r)));
            out.push_str(&format!(
                "- **{}**（{}）{}{verified}\n",
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

#[cfg(test)]
mod tests {
    use super::csv_row;

    fn row(fields: &[&str]) -> String {
        let mut out = String::new();
        csv_row(&mut out, fields);
        out
    }

    #[test]
    fn a_field_a_spreadsheet_would_run_is_text() {
        assert_eq!(row(&["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx"]), "'=1+1,'+cmd,'-2+3,'@SUM(A1),'\tx\r\n");
        assert_eq!(row(&["-inf", "-1e5", "-.5", "-1.", "-"]), "'-inf,'-1e5,'-.5,'-1.,'-\r\n");
        // Numbers stay numbers; quotes, commas and line breaks are quoted.
        assert_eq!(
            row(&["-2", "+3", "1.5", "a,b", "say \"x\"", "a\nb"]),
            "-2,+3,1.5,\"a,b\",\"say \"\"x\"\"\",\"a\nb\"\r\n"
        );
    }
}

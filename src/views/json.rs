//! The JSON object of schema.md for one input: what the CLI prints (one per
//! line) and what the page exports. Written by hand: the shape is fixed and
//! small, and the page must not carry a serialisation library for it.

use crate::checks::Diagnostic;
use crate::model::{CellValue, Report, Table};
use crate::text::{SourceMap, Span};
use std::fmt::Write;

/// A JSON string literal.
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `"line":…,"start":…,"end":…` for `span`: 1-based line, char offsets.
pub(crate) fn location(out: &mut String, map: &SourceMap, span: Span) {
    let _ = write!(
        out,
        "\"line\":{},\"start\":{},\"end\":{}",
        map.line(span.start),
        map.char_offset(span.start),
        map.char_offset(span.end)
    );
}

/// A JSON array of strings.
fn strings(out: &mut String, items: &[String]) {
    out.push('[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, s);
    }
    out.push(']');
}

fn table(out: &mut String, table: Option<&Table>) {
    let Some(t) = table else {
        out.push_str("null");
        return;
    };
    out.push('{');
    for (r, (def, cells)) in t.def.rows.iter().zip(&t.cells).enumerate() {
        if r > 0 {
            out.push(',');
        }
        string(out, def.key);
        out.push_str(":{");
        for (c, (col, cell)) in def.cols.iter().zip(cells).enumerate() {
            if c > 0 {
                out.push(',');
            }
            string(out, col.key);
            out.push(':');
            match &cell.value {
                CellValue::Number(n) => {
                    let _ = write!(out, "{n}");
                }
                _ => out.push_str("null"),
            }
        }
        out.push('}');
    }
    out.push('}');
}

fn diagnostic(out: &mut String, d: &Diagnostic, map: &SourceMap, report: &Report, verified: Option<&str>) {
    out.push_str("{\"code\":");
    string(out, d.code);
    out.push_str(",\"severity\":");
    string(out, d.severity.as_str());
    out.push_str(",\"message\":");
    string(out, &super::messages::message(d));
    // Each cell with its role: the culprit a fix changes, or a cell only involved.
    out.push_str(",\"cells\":[");
    for (i, c) in d.cells.iter().enumerate() {
        out.push_str(if i > 0 { ",{\"cell\":" } else { "{\"cell\":" });
        string(out, c);
        out.push_str(if d.culprits.contains(c) { ",\"role\":\"culprit\"}" } else { ",\"role\":\"involved\"}" });
    }
    out.push_str("],\"cell_keys\":");
    strings(out, &d.cells);
    if !d.broken.is_empty() {
        out.push_str(",\"broken\":[");
        for (i, b) in d.broken.iter().enumerate() {
            out.push_str(if i > 0 { ",{\"code\":" } else { "{\"code\":" });
            string(out, b.code);
            out.push_str(",\"about\":");
            string(out, &b.about);
            let cells = |terms: &[crate::checks::Term]| terms.iter().map(|t| t.cell.clone()).collect::<Vec<_>>();
            out.push_str(",\"lhs\":");
            strings(out, &cells(&b.lhs));
            out.push_str(",\"rhs\":");
            strings(out, &cells(&b.rhs));
            let _ = write!(out, ",\"lhs_sum\":{},\"rhs_sum\":{}}}", b.lhs_sum, b.rhs_sum);
        }
        out.push(']');
    }
    let location = |out: &mut String, span: Span| location(out, map, span);
    if let Some(span) = d.span {
        out.push(',');
        location(out, span);
        if let Some(page) = report.page_at(span.start) {
            let _ = write!(out, ",\"page\":{page}");
        }
    }
    if !d.related.is_empty() {
        out.push_str(",\"related\":[");
        for (i, span) in d.related.iter().enumerate() {
            out.push_str(if i > 0 { ",{" } else { "{" });
            location(out, *span);
            out.push('}');
        }
        out.push(']');
    }
    if let Some(help) = super::messages::help(d) {
        out.push_str(",\"help\":");
        string(out, &help);
    }
    if let Some(fix) = &d.fix {
        out.push_str(",\"fix\":{\"cell\":");
        string(out, &fix.cell);
        let _ = write!(out, ",\"value\":{}}}", fix.value);
    }
    if let Some(reason) = verified {
        out.push_str(",\"verified\":{\"reason\":");
        string(out, reason);
        out.push('}');
    }
    out.push('}');
}

/// The JSON object for `input` (named `file`), its report and diagnostics.
pub fn to_json(file: &str, input: &str, report: &Report, diagnostics: &[Diagnostic]) -> String {
    to_json_verified(file, input, report, diagnostics, &[])
}

/// As [`to_json`], each diagnostic with the reason a reviewer verified it
/// with (`verified[i]`, `checks::verified`; none beyond the slice).
pub fn to_json_verified(
    file: &str,
    input: &str,
    report: &Report,
    diagnostics: &[Diagnostic],
    verified: &[Option<&str>],
) -> String {
    let map = SourceMap::new(input);
    let m = &report.meta;
    let mut out = String::with_capacity(4096);
    out.push_str("{\"file\":");
    string(&mut out, file);
    out.push_str(",\"input\":");
    string(&mut out, report.input.as_str());
    let opt_string = |out: &mut String, v: Option<&str>| match v {
        Some(v) => string(out, v),
        None => out.push_str("null"),
    };
    out.push_str(",\"meta\":{\"title\":");
    opt_string(&mut out, m.title.as_ref().map(|t| t.value.as_str()));
    out.push_str(",\"agency\":");
    opt_string(&mut out, m.agency.as_ref().map(|t| t.value.as_str()));
    out.push_str(",\"year\":");
    match &m.year {
        Some(y) => {
            let _ = write!(out, "{}", y.value);
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"template\":");
    opt_string(&mut out, m.template.map(|t| t.as_str()));
    out.push_str(",\"published\":");
    opt_string(&mut out, m.signed.as_ref().map(|d| d.value.to_string()).as_deref());
    out.push_str("},\"chapters\":[");
    for (i, c) in report.chapters.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"number\":");
        match c.number.or(c.printed) {
            Some(n) => {
                let _ = write!(out, "{n}");
            }
            None => out.push_str("null"),
        }
        out.push_str(",\"heading\":");
        string(&mut out, &c.heading);
        let _ = write!(out, ",\"standard\":{},\"line\":{}}}", c.standard, map.line(c.span.start));
    }
    out.push_str("],\"tables\":{\"active\":");
    table(&mut out, report.tables.active.as_ref());
    out.push_str(",\"requests\":");
    table(&mut out, report.tables.requests.as_ref());
    out.push_str(",\"review\":");
    table(&mut out, report.tables.review.as_ref());
    out.push_str("},\"reading\":");
    super::reading::json(&mut out, report, &map);
    out.push_str(",\"diagnostics\":[");
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        diagnostic(&mut out, d, &map, report, verified.get(i).copied().flatten());
    }
    out.push_str("]}");
    out
}

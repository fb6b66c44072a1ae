//! The reader's decisions, for people and machines: which format the tables
//! show, how and where each table was read, what the reader chose for a row
//! (values dropped, blanks placed by position, glued digits split), and the
//! reading limits reached. The JSON's `reading` object and `nianbao check
//! --trace` both render these from the model.

use super::json::{location, string};
use super::messages::{show_reading, table_name};
use crate::model::{NoteKind, ReadBy, Report, Table, TableKind};
use crate::text::{SourceMap, Span};
use std::fmt::Write;

/// The `reading` object of the JSON (docs/spec/schema.md).
pub fn json(out: &mut String, report: &Report, map: &SourceMap) {
    let location = |out: &mut String, s: Span| location(out, map, s);
    out.push_str("{\"template\":");
    match report.meta.template {
        Some(t) => string(out, t.as_str()),
        None => out.push_str("null"),
    }
    out.push_str(",\"script\":");
    string(out, if report.traditional { "traditional" } else { "simplified" });
    let _ = write!(out, ",\"pinyin_glosses\":{}", report.glossed);
    out.push_str(",\"tables\":[");
    for (i, t) in report.tables.iter().enumerate() {
        out.push_str(if i > 0 { ",{\"table\":" } else { "{\"table\":" });
        string(out, t.def.kind.key());
        out.push_str(",\"template\":");
        string(out, t.template.as_str());
        let _ = write!(out, ",\"template_shown\":{},\"read_by\":", t.template_shown);
        string(out, t.read_by.as_str());
        out.push(',');
        location(out, t.span);
        out.push('}');
    }
    out.push_str("],\"decisions\":[");
    for (i, n) in report.notes.iter().enumerate() {
        out.push_str(if i > 0 { ",{\"table\":" } else { "{\"table\":" });
        string(out, n.table.key());
        out.push_str(",\"row\":");
        string(out, n.row);
        out.push_str(",\"kind\":");
        match &n.kind {
            NoteKind::ExtraValues { dropped } => {
                out.push_str("\"extra_values\",\"dropped\":[");
                let list: Vec<String> = dropped.iter().map(|(v, _)| v.to_string()).collect();
                out.push_str(&list.join(","));
                out.push(']');
            }
            NoteKind::PlacedByPosition => out.push_str("\"placed_by_position\""),
            NoteKind::Unlabeled => out.push_str("\"unlabeled\""),
            NoteKind::ApartFromLabel => out.push_str("\"apart_from_label\""),
            NoteKind::OutOfOrder { after } => {
                out.push_str("\"out_of_order\",\"after\":");
                string(out, after);
            }
            NoteKind::Unplaced { printed, dropped } => {
                out.push_str("\"unplaced\",\"printed\":");
                string(out, printed);
                let list: Vec<String> = dropped.iter().map(|(v, _)| v.to_string()).collect();
                let _ = write!(out, ",\"dropped\":[{}]", list.join(","));
            }
            NoteKind::Label { printed, word } => {
                out.push_str("\"label\",\"printed\":");
                string(out, printed);
                out.push_str(",\"word\":");
                string(out, word);
            }
            NoteKind::Split { readings, balanced, other, blanks, cells, lines } => {
                out.push_str("\"split\",\"readings\":");
                match readings {
                    Some(r) => {
                        let _ = write!(out, "{r}");
                    }
                    None => out.push_str("null"),
                }
                let _ = write!(
                    out,
                    ",\"balanced\":{balanced},\"blanks\":{blanks},\"cells\":{cells},\"lines\":{lines},\"other\":"
                );
                match other {
                    Some(values) => {
                        let list: Vec<String> =
                            values.iter().map(|v| v.map_or("null".to_owned(), |n| n.to_string())).collect();
                        let _ = write!(out, "[{}]", list.join(","));
                    }
                    None => out.push_str("null"),
                }
            }
        }
        out.push(',');
        location(out, n.span);
        out.push('}');
    }
    out.push_str("],\"limits\":[");
    for (i, hit) in report.limits.iter().enumerate() {
        out.push_str(if i > 0 { ",{\"limit\":" } else { "{\"limit\":" });
        string(out, hit.limit.key());
        let _ = write!(out, ",\"bound\":{}", hit.limit.bound());
        if let Some(s) = hit.span {
            out.push(',');
            location(out, s);
        }
        out.push('}');
    }
    out.push_str("]}");
}

fn how(t: &Table) -> &'static str {
    match t.read_by {
        ReadBy::Lines => "按行读取（单元格由分隔符或列位置分开）",
        ReadBy::Stream => "按文字流对齐读取（表格各行连成了一段文字）",
    }
}

/// The decisions as lines of text, `FILE:LINE: …`, for `nianbao check --trace`.
pub fn trace(file: &str, input: &str, report: &Report) -> String {
    let map = SourceMap::new(input);
    let mut out = String::new();
    let format = match report.meta.template {
        Some(t) => format!("{} 年版", t.as_str()),
        None => "无法判断（表格中没有只有一种格式才有的行或表头用词）".to_owned(),
    };
    let _ = writeln!(out, "{file}: 格式：{format}");
    if report.traditional {
        let _ = writeln!(out, "{file}: 文字：繁体字，按对应的简体字读取（格式的行标签、章节标题和检查用词都是简体字）");
    }
    if report.glossed {
        let _ = writeln!(out, "{file}: 文字：字后带拼音注音（如“規(guī)章”），读取时略去注音");
    }
    for t in report.tables.iter() {
        let shown =
            if t.template_shown { "表格本身显示" } else { "表格未显示格式，仅按此版式读取" };
        let _ = writeln!(
            out,
            "{file}:{}: {}：第 {}–{} 行，{} 年版版式（{shown}），{}",
            map.line(t.span.start),
            table_name(t.def.kind),
            map.line(t.span.start),
            map.line(t.span.end),
            t.template.as_str(),
            how(t)
        );
    }
    for kind in [TableKind::Active, TableKind::Requests, TableKind::Review] {
        let found = report.tables.iter().any(|t| t.def.kind == kind);
        if !found {
            let _ = writeln!(out, "{file}: {}：未找到", table_name(kind));
        }
    }
    for n in &report.notes {
        let row_label = |key: &'static str| {
            let def = report.tables.iter().find(|t| t.def.kind == n.table).map(|t| t.def);
            def.and_then(|d| d.rows.iter().find(|r| r.key == key)).map_or(key, |r| r.label)
        };
        let what = match &n.kind {
            NoteKind::ExtraValues { dropped } => {
                let list: Vec<String> = dropped.iter().map(|(v, _)| v.to_string()).collect();
                format!("数字多于列数，未使用 {}", list.join("、"))
            }
            NoteKind::PlacedByPosition => "数字少于列数，空白按位置推断".to_owned(),
            NoteKind::Unlabeled => "行标签没有印出，按格式中的行序取上下两行之间无标签的数字".to_owned(),
            NoteKind::ApartFromLabel => "行标签与数字分开印出，按格式中的行序取下一行之前无标签的数字".to_owned(),
            NoteKind::OutOfOrder { after } => {
                format!("行序与格式不同：此行印在后面的“{}”行之下，按行标签读取", row_label(after))
            }
            NoteKind::Unplaced { printed, dropped } => {
                let list: Vec<String> = dropped.iter().map(|(v, _)| v.to_string()).collect();
                match printed.is_empty() {
                    true => format!("下方无标签的数字 {}，没有可对应的行，未读取", list.join("、")),
                    false => format!("下方一行“{printed}”有数字 {}，格式中没有对应的行，未读取", list.join("、")),
                }
            }
            NoteKind::Label { printed, word } => format!("行标签与官方文字不同，读到“{printed}”，按“{word}”认出"),
            NoteKind::Split { readings, balanced, other, blanks, lines, .. } => {
                let count = readings.map_or("很多".to_owned(), |r| r.to_string());
                let what = if *lines {
                    "各占一格、空白格没有留下痕迹的数字（一格一行，或只隔一个空格）有"
                } else {
                    "粘连的数字有"
                };
                let mut s = format!("{what} {count} 种拆法，满足勾稽关系最多的有 {balanced} 种");
                if *blanks > 0 {
                    let _ = write!(s, "，其中 {blanks} 格没有数字，按勾稽关系判为空白");
                }
                if let Some(o) = other {
                    let _ = write!(s, "，另一种同样成立：{}", show_reading(o));
                }
                s
            }
        };
        let label = row_label(n.row);
        let _ = writeln!(out, "{file}:{}: {}“{label}”行：{what}", map.line(n.span.start), table_name(n.table));
    }
    for hit in &report.limits {
        let line = hit.span.map_or(0, |s| map.line(s.start));
        let _ = writeln!(out, "{file}:{line}: 读取上限 {}（{}）", hit.limit.key(), hit.limit.bound());
    }
    out
}

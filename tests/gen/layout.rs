//! Laying a table out as the official format prints it (group labels,
//! spans, headers) and rendering it in one of the shapes users paste.

use super::{Grid, Rng, Shape};
use nianbao::model::{Number, TableKind, TemplateId};

/// A laid-out table cell: text, spans, and whether it holds a value.
#[derive(Clone, Debug)]
pub(super) struct LCell {
    pub(super) text: String,
    rowspan: usize,
    colspan: usize,
    pub(super) value: bool,
}

fn label(text: &str, rowspan: usize, colspan: usize) -> LCell {
    LCell { text: text.to_owned(), rowspan, colspan, value: false }
}

fn value(v: &Option<Number>, colspan: usize) -> LCell {
    LCell { text: v.map_or(String::new(), |n| n.to_string()), rowspan: 1, colspan, value: true }
}

/// The table laid out as its format prints it (the template's print data,
/// `model::print`: its own layout, or now and then one of the others reports
/// use), filled with `grid`'s values.
pub(super) fn layout(kind: TableKind, format: TemplateId, grid: &Grid, rng: &mut Rng) -> Vec<Vec<LCell>> {
    use nianbao::model::print::Slot;
    let def = format.template().table(kind);
    let k = rng.below(def.also.len() as u64 * 2 + 1) as usize;
    let print = if k < def.also.len() { &def.also[k] } else { &def.print };
    nianbao::model::print::layout_as(def, print)
        .rows
        .iter()
        .map(|row| {
            row.slots
                .iter()
                .map(|slot| match slot {
                    Slot::Label(l) => label(l.text, l.rowspan, l.colspan),
                    Slot::Cell { row, col, colspan } => value(&grid[*row][*col], *colspan),
                })
                .collect()
        })
        .collect()
}

/// Columns in pdftotext -layout's grid: one a character, an ideograph too.
fn width(s: &str) -> usize {
    s.chars().count()
}

fn pad(line: &mut String, to: usize) {
    let w = width(line);
    line.extend(std::iter::repeat_n(' ', to.saturating_sub(w).max(if line.is_empty() { 0 } else { 2 })));
}

/// Splits a label into pieces of at most `max` columns.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in text.chars() {
        if width(out.last().map_or("", |s| s.as_str())) + width(&c.to_string()) > max {
            out.push(String::new());
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

/// Renders one table in `shape`.
pub(super) fn render_table(rows: &[Vec<LCell>], shape: Shape, rng: &mut Rng) -> String {
    let mut out = String::new();
    match shape {
        Shape::Tabs => {
            for row in rows {
                let lead = if row.first().is_some_and(|c| c.value) || rng.chance(50) { "" } else { "\t" };
                let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                out += &format!("{lead}{}\n", cells.join("\t"));
            }
        }
        Shape::TabLines => {
            for row in rows {
                let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                out += &format!("{}\n", cells.join("\n\t\n"));
            }
        }
        Shape::Markdown => {
            for (i, row) in rows.iter().enumerate() {
                let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                out += &format!("| {} |\n", cells.join(" | "));
                if i == 0 {
                    out += &format!("|{}\n", "---|".repeat(row.len()));
                }
            }
        }
        Shape::Html => {
            out += "<table border=\"1\" cellspacing=\"0\" style=\"mso-table-layout-alt:fixed\">\n";
            for row in rows {
                out += "<tr>";
                // Hand-made HTML often leaves out a row's trailing empty cells.
                let keep = if rng.chance(50) {
                    row.iter().rposition(|c| !(c.value && c.text.is_empty())).map_or(0, |p| p + 1)
                } else {
                    row.len()
                };
                for c in &row[..keep] {
                    let mut attrs = String::new();
                    if c.rowspan > 1 {
                        attrs += &format!(" rowspan=\"{}\"", c.rowspan);
                    }
                    if c.colspan > 1 {
                        attrs += &format!(" colspan={}", c.colspan);
                    }
                    let text = if c.text.is_empty() { "&nbsp;".to_owned() } else { c.text.replace('“', "&ldquo;") };
                    out += &format!("<td{attrs}><p class=MsoNormal><span lang=EN-US>{text}<o:p></o:p></span></p></td>");
                }
                out += "</tr>\n";
            }
            out += "</table>\n";
        }
        Shape::CellPerLine | Shape::NextLine => {
            for row in rows {
                let labels: Vec<&LCell> = row.iter().filter(|c| !c.value).collect();
                let values: Vec<&str> = row.iter().filter(|c| c.value).map(|c| c.text.as_str()).collect();
                for l in labels {
                    let pieces =
                        if width(&l.text) > 24 { wrap(&l.text, width(&l.text) / 2 + 1) } else { vec![l.text.clone()] };
                    for p in pieces {
                        out += &format!("{p}\n");
                    }
                }
                if shape == Shape::CellPerLine {
                    for v in values {
                        out += &format!("{v}\n");
                    }
                } else if !values.is_empty() {
                    out += &format!("{}\n", values.join(" "));
                }
            }
        }
        Shape::RawRepeated => {
            // Labels spanning rows below stay in force until their span ends.
            let mut spanning: Vec<(usize, String)> = Vec::new();
            for (r, row) in rows.iter().enumerate() {
                spanning.retain(|(until, _)| *until > r);
                let mut words: Vec<String> = spanning.iter().map(|(_, t)| t.clone()).collect();
                for c in row.iter().filter(|c| !c.value) {
                    if c.rowspan > 1 && row.iter().any(|c| c.value) {
                        spanning.push((r + c.rowspan, c.text.clone()));
                    }
                    words.push(c.text.clone());
                }
                let values: Vec<&str> = row.iter().filter(|c| c.value).map(|c| c.text.as_str()).collect();
                out += &format!("{}\n", words.join(" "));
                if !values.is_empty() {
                    out += &format!("{}\n", values.join(" "));
                }
            }
        }
        Shape::Spaces => render_spaces(rows, &mut out),
        Shape::PipeClosed => {
            let row_marks = rng.chance(50);
            for row in rows {
                // Not before a row of values only (the review's): there it
                // would be an empty first cell, which no reader could tell apart.
                if row_marks && row.first().is_some_and(|c| !c.value) {
                    out += "|\n";
                }
                for c in row {
                    let covered = "|".repeat(c.colspan - 1);
                    if c.text.is_empty() {
                        out += &format!("|{covered}\n");
                    } else {
                        let gap = if covered.is_empty() { "" } else { " " };
                        out += &format!("{} |{gap}{covered}\n", c.text);
                    }
                }
            }
        }
        Shape::SameLine => {
            for row in rows {
                let mut label: String =
                    row.iter().filter(|c| !c.value).map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
                let values: Vec<&str> = row.iter().filter(|c| c.value).map(|c| c.text.as_str()).collect();
                if values.is_empty() {
                    out += &format!("{label}\n");
                    continue;
                }
                if width(&label) > 40 {
                    // The label's first part fills the line above.
                    let pieces = wrap(&label, width(&label) / 2 + 1);
                    let (first, rest) =
                        pieces.split_first().map_or((String::new(), Vec::new()), |(f, r)| (f.clone(), r.to_vec()));
                    out += &format!("{first}\n");
                    label = rest.concat();
                }
                let glue = if rng.chance(30) { "" } else { " " };
                out += &format!("{label}{glue}{}\n", values.join(" "));
            }
        }
    }
    out
}

/// `pdftotext -layout`: value columns at fixed positions, the label area on the
/// left, long labels wrapped onto the next line, group labels in the middle of
/// their span and the review's leaf headers one character per line.
fn render_spaces(rows: &[Vec<LCell>], out: &mut String) {
    const LABEL: usize = 40;
    const COL: usize = 9;
    let mut centred: Vec<(usize, String)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let data = row.iter().any(|c| c.value);
        if !data {
            if row.len() == 10 {
                // Leaf headers of the review table, one character per line.
                for k in 0..4 {
                    let mut line = String::new();
                    for (j, c) in row.iter().enumerate() {
                        pad(&mut line, j * COL);
                        line.extend(c.text.chars().nth(k));
                    }
                    *out += line.trim_end();
                    *out += "\n";
                }
                continue;
            }
            let mut line = String::new();
            for c in row {
                pad(&mut line, 0);
                line += &c.text;
            }
            *out += &format!("{line}\n");
            continue;
        }
        let mut label_text = String::new();
        for c in row.iter().filter(|c| !c.value) {
            if c.rowspan > 2 {
                centred.push((r + c.rowspan / 2, c.text.clone()));
            } else {
                label_text += &c.text;
            }
        }
        let groups: Vec<String> = centred.iter().filter(|(at, _)| *at == r).map(|(_, g)| g.clone()).collect();
        centred.retain(|(at, _)| *at != r);
        for group in groups.iter().rev() {
            label_text = format!("{group}  {label_text}");
        }
        let pieces = wrap(&label_text, LABEL - 2);
        let mut line = pieces.first().cloned().unwrap_or_default();
        let left = if label_text.is_empty() { 0 } else { LABEL };
        let mut col = 0;
        for c in row.iter().filter(|c| c.value) {
            let end = left + (col + 1) * COL;
            let w = width(&line);
            let start = end.saturating_sub(c.text.len()).max(w + 2);
            if !c.text.is_empty() {
                line.extend(std::iter::repeat_n(' ', start - w));
                line += &c.text;
            }
            col += c.colspan;
        }
        *out += &format!("{line}\n");
        for p in pieces.iter().skip(1) {
            *out += &format!("{p}\n");
        }
    }
}

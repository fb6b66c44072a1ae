//! Metadata: the report year and the template detected from the table layout.

use super::lines::Line;
use crate::model::{Meta, TemplateId};
use crate::text::Span;

pub fn read(lines: &[Line], meta: &mut Meta) {
    let title = lines.iter().find(|l| l.folded.text.contains("报告"));
    let found = title
        .and_then(year_in)
        .or_else(|| lines.iter().find_map(year_in));
    if let Some((year, span)) = found {
        meta.year = Some(year);
        meta.year_span = Some(span);
    }
    meta.template = detect_template(lines);
}

/// The first `20xx年` on a line.
fn year_in(line: &Line) -> Option<(i32, Span)> {
    let chars: Vec<char> = line.folded.text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let digits = &chars[i..i + 4];
        let standalone = i == 0 || !chars[i - 1].is_ascii_digit();
        if standalone && chars[i + 4] == '年' && digits.iter().all(char::is_ascii_digit) {
            let year = digits
                .iter()
                .fold(0, |acc, d| acc * 10 + d.to_digit(10).unwrap_or(0) as i32);
            let start = line.folded.origins[i];
            let end = line.folded.origins[i + 4] + '年'.len_utf8();
            (2000..2100)
                .contains(&year)
                .then_some((year, Span::new(start, end)))
        } else {
            None
        }
    })
}

/// The template, from header and row labels only the one format prints.
fn detect_template(lines: &[Line]) -> Option<TemplateId> {
    const Y2021: &[&str] = &[
        "本年制发件数",
        "现行有效件数",
        "行政规范性文件",
        "本年收费金额",
    ];
    const Y2019: &[&str] = &[
        "本年新制作数量",
        "对外公开总数量",
        "上一年项目数量",
        "政府集中采购",
    ];
    let has = |keys: &[&str]| {
        lines
            .iter()
            .any(|l| keys.iter().any(|k| l.folded.text.contains(k)))
    };
    if has(Y2021) {
        Some(TemplateId::Y2021)
    } else if has(Y2019) {
        Some(TemplateId::Y2019)
    } else {
        None
    }
}

//! Metadata: the report year and the template detected from the table layout.

use super::doc::Row;
use crate::model::Meta;
use crate::text::Span;

pub fn read(rows: &[Row], meta: &mut Meta) {
    let title = rows.iter().take(12).find(|r| r.folded.text.contains("报告") && r.folded.text.chars().count() < 60);
    let found = title.and_then(year_in).or_else(|| rows.iter().find_map(year_in));
    if let Some((year, span)) = found {
        meta.year = Some(year);
        meta.year_span = Some(span);
    }
}

/// The first `20xx年` on a row.
fn year_in(row: &Row) -> Option<(i32, Span)> {
    let f = &row.folded;
    let chars: Vec<char> = f.text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let digits = &chars[i..i + 4];
        let standalone = i == 0 || !chars[i - 1].is_ascii_digit();
        if standalone && chars[i + 4] == '年' && digits.iter().all(char::is_ascii_digit) {
            let year = digits.iter().fold(0, |acc, d| acc * 10 + d.to_digit(10).unwrap_or(0) as i32);
            let span = Span::new(f.origins[i], f.origins[i + 4] + '年'.len_utf8());
            (2000..2100).contains(&year).then_some((year, span))
        } else {
            None
        }
    })
}

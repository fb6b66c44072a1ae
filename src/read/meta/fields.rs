//! The agency a site's header field names (`发布机构：某局`), for a report
//! whose title, prose and signature name none.

use super::{found_text, MAX_AGENCY};
use crate::model::Found;
use crate::read::doc::Row;
use crate::text::Span;

/// Field names a site's header gives the publishing body under (the
/// information table above a report on a government site: `索引号：… 发布机构：某局 生成日期：…`).
/// Not 来源: it names a news source as often as the body.
const PUBLISHER_FIELDS: [&str; 3] = ["发布机构", "发文机关", "发布单位"];

/// Fields that follow the publisher in a site's header, when no blank stands
/// between (`发布机构：某局主题分类：综合政务`).
const NEXT_FIELDS: [&str; 8] =
    ["索引号", "主题分类", "成文日期", "发布日期", "生成日期", "发文字号", "文号", "公开方式"];

/// The agency a header field names on line `r`: the field's value (after its
/// colon, or after a tab, a table cell), up to the next blank or the next
/// field, when it is short enough to be a name.
pub(super) fn publisher_field(r: &Row, input: &str) -> Option<Found<String>> {
    let line = &input[r.span.start..r.span.end];
    let blank = [' ', '\u{3000}', '\t', '\u{a0}'];
    PUBLISHER_FIELDS.iter().find_map(|field| {
        let at = line.find(field)? + field.len();
        let rest = &line[at..];
        let spaced = rest.trim_start_matches([' ', '\u{3000}']);
        let value = spaced.strip_prefix(['：', ':']).or_else(|| spaced.starts_with('\t').then_some(spaced))?;
        let value = value.trim_start_matches(blank);
        let start = at + (rest.len() - value.len());
        let mut end = value.find(char::is_whitespace).unwrap_or(value.len());
        if let Some(next) = NEXT_FIELDS.iter().filter_map(|f| value[..end].find(f)).min() {
            end = next;
        }
        let name = &value[..end];
        let n = name.chars().count();
        let plain = !name.chars().any(|c| c.is_ascii_digit() || c == '：' || c == ':');
        (n > 1 && n <= MAX_AGENCY && plain)
            .then(|| found_text(input, Span::new(r.span.start + start, r.span.start + start + end)))
    })
}

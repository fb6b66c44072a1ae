//! The Markdown marks and field names around a text found for the metadata.

use crate::model::Found;
use crate::text::{is_ideograph, Span};

pub(super) fn found_text(input: &str, s: Span) -> Found<String> {
    let text = input[s.start..s.end].trim_matches(|c: char| c.is_whitespace() || c == '#');
    // Bold marks (`某县 **2024** 年…`) are Markdown's, not the text's; a
    // name masked by asterisks, between two ideographs (`某**区`), keeps them.
    let mut value = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(k) = rest.find("**") {
        let before = rest[..k].chars().next_back().or_else(|| value.chars().next_back());
        let masked = before.is_some_and(is_ideograph) && rest[k + 2..].chars().next().is_some_and(is_ideograph);
        value.push_str(&rest[..k + if masked { 2 } else { 0 }]);
        rest = &rest[k + 2..];
    }
    value.push_str(rest);
    let value = value.trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '#');
    Found { value: value.to_owned(), span: s }
}

/// Chars before a title's text: Markdown marks, and the field name a crawler
/// or an archive wrote before it (`标题: `).
pub(super) fn leading_marks(chars: &[char]) -> usize {
    let marks = chars.iter().position(|c| !matches!(c, '#' | '*' | '>')).unwrap_or(chars.len());
    let rest: String = chars[marks..].iter().take(6).collect();
    // With or without its colon (`标      题 某局…`: the spaces are folded away).
    let field = ["文章标题", "标题", "题名", "名称"].iter().find(|f| rest.starts_with(**f));
    let colon = |n: usize| usize::from(chars.get(marks + n) == Some(&':'));
    let after = marks + field.map_or(0, |f| f.chars().count() + colon(f.chars().count()));
    // The field's value in the next cell of a pipe row (`名称: | …`).
    after + chars[after.min(chars.len())..].iter().take_while(|&&c| c == '|').count()
}

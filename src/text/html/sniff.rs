//! What an input is, by its content: HTML or text, and HTML laid out as a
//! page or text that only holds HTML tables (Markdown from a converter).

/// Whether `input` is HTML (by content, not by a file name): it starts with a
/// tag, or it holds table markup.
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower = |s: &str| s.to_ascii_lowercase();
    let start = lower(&head[..floor_boundary(head, 512)]);
    let tags = ["<!doctype", "<html", "<head", "<body", "<meta", "<table", "<p", "<div", "<h1", "<h2", "<span", "<br"];
    if start.starts_with('<') && tags.iter().any(|t| start.contains(t)) {
        return true;
    }
    // Runs on every check of pasted text: search in place rather than lowercase a copy.
    has_tag(input, "<table") && has_tag(input, "<td")
}

/// Whether `input` lays out its text with HTML blocks (`<p>`, `<div>`, `<br>`,
/// headings, `<body>`) outside its tables: a page, whose line breaks are
/// spaces. Text with only tables in HTML (and inline tags) is not.
pub(super) fn blocks_outside_tables(input: &str) -> bool {
    const PAGE: &[&str] = &["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "body", "html", "section"];
    let bytes = input.as_bytes();
    let mut depth = 0usize;
    let mut from = 0;
    while let Some(at) = input[from..].find('<') {
        let start = from + at + 1;
        from = start;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let len = bytes[name_start..].iter().take(8).take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = input[name_start..name_start + len].to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("table", false) => depth += 1,
            ("table", true) => depth = depth.saturating_sub(1),
            (n, _) if depth == 0 && PAGE.contains(&n) => return true,
            _ => {}
        }
    }
    false
}

/// Whether `tag` (lowercase ASCII) occurs in `text`, in any letter case.
fn has_tag(text: &str, tag: &str) -> bool {
    let (bytes, tag) = (text.as_bytes(), tag.as_bytes());
    let mut from = 0;
    while let Some(at) = text[from..].find('<') {
        let start = from + at;
        if bytes.get(start..start + tag.len()).is_some_and(|b| b.eq_ignore_ascii_case(tag)) {
            return true;
        }
        from = start + 1;
    }
    false
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_lays_out_blocks_outside_its_tables_text_with_tables_does_not() {
        assert!(blocks_outside_tables(
            "HTTP/1.1 200 OK\n\n<h1>某区\n2021年报告</h1><table><tr><td>1</td></tr></table>"
        ));
        assert!(blocks_outside_tables("<html><body>报告</body></html>"));
        let markdown =
            "<a id=\"top\"></a>\n# 报告\n**一、总体情况**\n<table><tr><td><p>规章</p></td></tr></table>\n二、";
        assert!(!blocks_outside_tables(markdown));
        assert!(!blocks_outside_tables("a < b, 3<4"));
    }
}

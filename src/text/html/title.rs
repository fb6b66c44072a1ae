//! The page's `<title>` as the rendered text's first line, where the body
//! does not print the report's title (an article copied without its heading).

use super::super::Span;
use super::Rendered;

/// The report's title in the page's `<title>` (span `t`), when the body does
/// not print it (an article copied without its heading): up to its last 报告,
/// the site's name after it left out (`…年度报告_某县人民政府网`).
pub(super) fn page_title(input: &str, t: Span, body: &str) -> Option<Span> {
    let text = input[t.start..t.end].trim();
    let text = &text[..text.rfind("报告")? + "报告".len()];
    let plain = !text.contains(['<', '&', '\n']) && text.contains("公开");
    let start = t.start + input[t.start..].find(text)?;
    (plain && !body.contains(text)).then_some(Span::new(start, start + text.len()))
}

/// `body` under a first line holding the title at span `t` of the input.
pub(super) fn with_title(input: &str, t: Span, body: Rendered) -> Rendered {
    let mut out = Rendered::default();
    for (i, c) in input[t.start..t.end].char_indices() {
        let at = (t.start + i) as u32;
        out.push(c, [at, at + c.len_utf8() as u32]);
    }
    out.push('\n', [t.end as u32; 2]);
    out.push_all(&body);
    out.limits = body.limits;
    out
}

#[cfg(test)]
mod tests {
    use super::super::render;

    #[test]
    fn the_title_is_the_first_line_unless_the_body_prints_it() {
        let page = |body: &str| {
            format!("<html><head><title>某县2023年政府信息公开工作年度报告 - 某县人民政府</title></head><body>{body}</body></html>")
        };
        let r = render(&page("<p>一、总体情况</p>"));
        assert_eq!(r.text, "某县2023年政府信息公开工作年度报告\n一、总体情况\n");
        let html = page("");
        let at = html.find("某县").unwrap();
        assert_eq!(r.source_span(crate::text::Span::new(0, 3)), crate::text::Span::new(at, at + 3));
        let r = render(&page("<h1>某县2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"));
        assert_eq!(r.text, "某县2023年政府信息公开工作年度报告\n一、总体情况\n");
        // A site's own title is no report's.
        let r = render("<title>某县人民政府门户网站</title><p>一、总体情况</p>");
        assert_eq!(r.text, "一、总体情况\n");
    }
}

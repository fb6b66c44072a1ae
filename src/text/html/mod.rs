//! HTML → text: what pasting from a web page or Word gives. Paragraphs become
//! lines; each `<table>` row is laid on its grid (`grid.rs`: rowspan and
//! colspan resolved) and becomes one tab-separated line of the row's own cells.
//! Entities are decoded (`entity.rs`), `script`/`style`/Word's `<xml>` are
//! dropped. Every byte of the text keeps the source range it came from, so
//! spans found in the text point into the HTML. The work is linear in the
//! input: a short row gets at most 16 blank cells, and the bounds of
//! `text::limits` apply.

mod entity;
mod grid;
mod rendered;
mod sniff;
mod tags;
mod title;

pub use rendered::Rendered;
use sniff::blocks_outside_tables;
pub use sniff::looks_like_html;
use tags::{attr_number, find_close, tag_end};
use title::{page_title, with_title};

use super::hygiene::clean_char;
use super::limits::{Limit, LimitHit, MAX_TABLE_DEPTH};
use super::Span;
use grid::Grid;

/// Renders HTML as text lines; see the module doc.
pub fn render(input: &str) -> Rendered {
    // Text that holds HTML tables but is no page (Markdown that a converter such
    // as turndown wrote, keeping tables with merged cells as HTML): its lines
    // outside the tables are lines, as in the text it is.
    let text_lines = !blocks_outside_tables(input);
    let mut r = Renderer {
        input,
        out: Rendered::default(),
        tables: Vec::new(),
        ignored_tables: 0,
        space: false,
        text_lines,
        title: None,
    };
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            i = r.tag(i);
        } else {
            let end = input[i..].find('<').map_or(input.len(), |k| i + k);
            r.text(i, end);
            i = end;
        }
    }
    while !r.tables.is_empty() {
        r.close_table(input.len());
    }
    match r.title.and_then(|t| page_title(input, t, &r.out.text)) {
        Some(t) => with_title(input, t, r.out),
        None => r.out,
    }
}

struct Renderer<'a> {
    input: &'a str,
    out: Rendered,
    tables: Vec<Grid>,
    /// `<table>` tags open beyond the nesting bound: ignored, text kept.
    ignored_tables: usize,
    /// Whitespace seen and not yet written (collapsed to one space).
    space: bool,
    /// A line break outside tables is one (text with HTML tables in it).
    text_lines: bool,
    /// The text of the page's first `<title>`.
    title: Option<Span>,
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "header",
    "footer",
    "pre",
    "hr",
    "caption",
    "dt",
    "dd",
    "center",
];
const SKIPPED: &[&str] = &["script", "style", "xml", "template", "title", "noscript"];

impl Renderer<'_> {
    /// Where text goes: the open cell of the innermost table, or the page.
    fn sink(&mut self) -> &mut Rendered {
        match self.tables.last_mut() {
            Some(t) if t.in_cell => match t.row.last_mut() {
                Some(cell) => &mut cell.text,
                None => &mut self.out,
            },
            _ => &mut self.out,
        }
    }

    fn text(&mut self, start: usize, end: usize) {
        let mut i = start;
        while i < end {
            let rest = &self.input[i..end];
            let (c, len) = if rest.starts_with('&') { entity::decode(rest) } else { first_char(rest) };
            let src = [i as u32, (i + len) as u32];
            i += len;
            let Some(c) = c else { continue };
            if c == '\n' && self.text_lines && self.tables.is_empty() {
                self.block_break(i - len);
                continue;
            }
            if c.is_whitespace() && c != '\u{3000}' {
                self.space = true;
                continue;
            }
            let space = std::mem::take(&mut self.space);
            let sink = self.sink();
            if space && !sink.ends_line() {
                sink.push(' ', src);
            }
            sink.push(c, src);
        }
    }

    /// A line break in the page, or a soft break inside a cell.
    fn block_break(&mut self, at: usize) {
        self.space = false;
        let sink = self.sink();
        if !sink.ends_line() {
            sink.push('\n', [at as u32, at as u32]);
        }
    }

    /// Reads the tag at `i`; returns the index after it.
    fn tag(&mut self, i: usize) -> usize {
        let input = self.input;
        let rest = &input[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            return comment.find("-->").map_or(input.len(), |k| i + 4 + k + 3);
        }
        let (body, end) = match tag_end(rest) {
            Some((body_end, next)) => (&rest[1..body_end], i + next),
            None => (&rest[1..], input.len()),
        };
        let closing = body.starts_with('/');
        let named = body.trim_start_matches('/');
        let named = &named[..named.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b':').count()];
        // Lowered only when it is not (a page has thousands of tags, most written in lower case).
        let name: std::borrow::Cow<str> = match named.bytes().any(|b| b.is_ascii_uppercase()) {
            true => named.to_ascii_lowercase().into(),
            false => named.into(),
        };
        if name.is_empty() {
            // `<` that opens no tag (`<!doctype>`, `<?xml?>`, or a stray `<` in text).
            if body.starts_with(['!', '?']) && end > i + 1 {
                return end;
            }
            self.text(i, i + 1);
            return i + 1;
        }
        if !closing && SKIPPED.contains(&name.as_ref()) {
            let after = find_close(input, end, &name).unwrap_or(input.len());
            if name == "title" && self.title.is_none() {
                // Its text, up to the closing tag's `</`.
                let close = input[end..after].rfind("</").map_or(after, |k| end + k);
                self.title = Some(Span::new(end, close.max(end)));
            }
            return after;
        }
        match (name.as_ref(), closing) {
            ("table", false) => self.open_table(i, end),
            ("table", true) => self.close_table(i),
            ("tr", false) => {
                self.end_row(i);
                if let Some(t) = self.tables.last_mut() {
                    t.in_row = true;
                }
            }
            ("tr", true) => self.end_row(i),
            ("td" | "th", false) => {
                if self.tables.is_empty() {
                    self.block_break(i);
                } else {
                    let rowspan = attr_number(body, "rowspan");
                    let colspan = attr_number(body, "colspan");
                    let hit = self.tables.last_mut().and_then(|t| {
                        t.in_row = true;
                        t.open_cell(rowspan, colspan)
                    });
                    if let Some(limit) = hit {
                        self.hit(limit, i, end);
                    }
                    self.space = false;
                }
            }
            ("td" | "th", true) => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_cell = false;
                }
                self.space = false;
            }
            (n, _) if BLOCKS.contains(&n) => self.block_break(i),
            _ => {}
        }
        end
    }

    /// Records the first place the input reached `limit`.
    fn hit(&mut self, limit: Limit, start: usize, end: usize) {
        if !self.out.limits.iter().any(|h| h.limit == limit) {
            self.out.limits.push(LimitHit { limit, span: Some(Span::new(start, end)) });
        }
    }

    fn open_table(&mut self, at: usize, end: usize) {
        if self.tables.len() >= MAX_TABLE_DEPTH {
            self.ignored_tables += 1;
            self.hit(Limit::TableDepth, at, end);
            return;
        }
        // A table inside a cell: the outer row so far is page text (a layout table).
        if let Some(outer) = self.tables.last_mut() {
            let cells = std::mem::take(&mut outer.row);
            outer.in_cell = false;
            for c in cells {
                self.emit_paragraphs(&c.text, at);
            }
        }
        self.block_break(at);
        self.tables.push(Grid::default());
    }

    fn close_table(&mut self, at: usize) {
        if self.ignored_tables > 0 {
            self.ignored_tables -= 1;
            return;
        }
        self.end_row(at);
        self.tables.pop();
        self.block_break(at);
        if let Some(outer) = self.tables.last_mut() {
            // Text after the inner table continues the outer cell as page text.
            outer.in_cell = false;
        }
    }

    /// Ends the open row of the innermost table and writes it as one line.
    fn end_row(&mut self, at: usize) {
        let Some(t) = self.tables.last_mut() else { return };
        if !t.in_row {
            return;
        }
        let (cells, padding) = t.end_row();
        if cells.is_empty() {
            return;
        }
        let layout = cells.len() == 1 || cells.iter().any(|c| c.text.text.chars().count() > 120);
        if layout {
            for c in &cells {
                self.emit_paragraphs(&c.text, at);
            }
            return;
        }
        self.block_break(at);
        let zero = [at as u32, at as u32];
        for (k, c) in cells.iter().enumerate() {
            if k > 0 {
                self.out.push('\t', zero);
            }
            let text = &c.text.text;
            let soft = |c: char| c == '\n' || c == ' ';
            let from = text.len() - text.trim_start_matches(soft).len();
            let body = text[from..].trim_end_matches(soft);
            for (k, ch) in body.char_indices() {
                self.out.push(if ch == '\n' { ' ' } else { ch }, c.text.origins[from + k]);
            }
        }
        for _ in 0..padding {
            self.out.push('\t', zero);
        }
        self.out.push('\n', zero);
    }

    /// A cell's content as page lines: its soft breaks become line breaks.
    fn emit_paragraphs(&mut self, text: &Rendered, at: usize) {
        if text.text.trim().is_empty() {
            return;
        }
        self.block_break(at);
        self.out.push_all(text);
        self.block_break(at);
    }
}

/// The first character of `s` after hygiene, and its length.
fn first_char(s: &str) -> (Option<char>, usize) {
    s.chars().next().map_or((Some('\u{fffd}'), 1), |c| (clean_char(c), c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_entities_and_skipped_parts() {
        let html = "<html><head><style>p{}</style><title>t</title></head><body>\
                    <p>一、总体情况</p><p>共&nbsp;1&#20214;&lt;&amp;<br>第二行</p><!-- x --><script>var a='<p>';</script></body>";
        assert!(looks_like_html(html));
        assert_eq!(render(html).text, "一、总体情况\n共 1件<&\n第二行\n");
    }

    #[test]
    fn rowspan_and_colspan_resolve_on_the_grid() {
        let html = "<table>\
            <tr><td colspan=2 rowspan=2>标签</td><td>A</td><td>B</td><td>C</td></tr>\
            <tr><td>1</td><td>2</td></tr>\
            <tr><td rowspan=2>组</td><td>项1</td><td>3</td><td></td><td>5</td></tr>\
            <tr><td>项2</td><td>6</td></tr>\
            </table>";
        let r = render(html);
        // Row 2 stops short of the table's width: one blank cell is added;
        // row 4 sits beside the rowspan of 组 and gets two.
        assert_eq!(r.text, "标签\tA\tB\tC\n1\t2\t\n组\t项1\t3\t\t5\n项2\t6\t\t\n");
    }

    #[test]
    fn spans_point_into_the_html() {
        let html = "<table><tr><td>自然人</td><td>&#49;2</td></tr></table>";
        let r = render(html);
        let at = r.text.find("12").unwrap_or(0);
        let s = r.source_span(Span::new(at, at + 2));
        assert_eq!(&html[s.start..s.end], "&#49;2");
        let at = r.text.find("自然人").unwrap_or(0);
        let s = r.source_span(Span::new(at, at + "自然人".len()));
        assert_eq!(&html[s.start..s.end], "自然人");
    }

    #[test]
    fn word_html_and_layout_tables() {
        let html = "<body><table><tr><td><p class=MsoNormal>一、总体情况<o:p></o:p></p>\
                    <p>本机关……很长的一段</p>\
                    <table><tr><td><p>规章<o:p></o:p></p></td><td><p>0</p></td><td>&nbsp;</td></tr></table>\
                    <p>五、存在的主要问题及改进情况</p></td></tr></table></body>";
        assert_eq!(render(html).text, "一、总体情况\n本机关……很长的一段\n规章\t0\t\n五、存在的主要问题及改进情况\n");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in ["<", "<<>>", "<td rowspan=99999>", "&#xFFFFFFFF;", "<table><td>", "</tr></table>", "<p", "a<b"] {
            let _ = render(s);
        }
        assert!(!looks_like_html("一、总体情况 a<b"));
        assert!(looks_like_html("报告\n<TABLE><TR><TD>1</TD></TR></TABLE>"));
        assert!(!looks_like_html("报告 <table> 但没有单元格"));
    }
}

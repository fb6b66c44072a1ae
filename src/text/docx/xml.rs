//! A pull reader for the XML that Word and WPS write: start and end tags by
//! their local names (prefixes differ between producers), attributes, and
//! text with the five predefined entities and character references decoded.
//! No DTD is read and no other entity expanded, so there is no entity bomb;
//! malformed markup is skipped, never an error. Linear in the input.

#[derive(Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// A start tag: its local name and the raw attribute text; `empty` for `<x/>`.
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    /// Character data (raw; decode with [`unescape`]).
    Text(&'a str),
}

pub struct Reader<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(s: &'a str) -> Self {
        Reader { s, at: 0 }
    }
}

/// The local part of a qualified name (`w:tbl` → `tbl`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Iterator for Reader<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let rest = self.s.get(self.at..).filter(|r| !r.is_empty())?;
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.at += len;
                return Some(Event::Text(&rest[..len]));
            }
            // Comments, CDATA, declarations and processing instructions.
            for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"), ("<!", ">")] {
                if let Some(body) = rest.strip_prefix(open) {
                    let inner = body.find(close).map_or(body, |k| &body[..k]);
                    self.at += (open.len() + inner.len() + close.len()).min(rest.len());
                    if open == "<![CDATA[" {
                        return Some(Event::Text(inner));
                    }
                    break;
                }
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                continue;
            }
            let Some(end) = tag_end(rest) else {
                self.at = self.s.len();
                return None;
            };
            self.at += end + 1;
            let body = &rest[1..end];
            if let Some(name) = body.strip_prefix('/') {
                return Some(Event::End { name: local(name.trim()) });
            }
            let (body, empty) = match body.strip_suffix('/') {
                Some(b) => (b, true),
                None => (body, false),
            };
            let split = body.find(|c: char| c.is_ascii_whitespace()).unwrap_or(body.len());
            return Some(Event::Start { name: local(&body[..split]), attrs: &body[split..], empty });
        }
    }
}

/// Where the tag starting `s` ends (its `>`), past quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` (by local name) in `attrs`, raw.
pub fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let key = local(rest[..eq].trim());
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = after[1..].find(q)?;
        if key == name {
            return Some(&after[1..1 + close]);
        }
        rest = &after[close + 2..];
    }
}

/// Character data with the predefined entities and character references
/// decoded; an unknown or malformed reference is kept as written.
pub fn unescape(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // A reference is short: look no further (text full of `&` stays linear).
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|k| {
            let name = &rest[1..k];
            let c = match name {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let n = name.strip_prefix("#x").or(name.strip_prefix("#X"));
                    let code = match n {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => name.strip_prefix('#')?.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, k + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_by_local_name_and_text_decoded() {
        let xml = r#"<?xml version="1.0"?><w:p a="1>2"><w:t xml:space="preserve">A &amp; &#x4E00;&#20108;&bogus;</w:t><w:br/></w:p>"#;
        let events: Vec<Event> = Reader::new(xml).collect();
        assert_eq!(events[0], Event::Start { name: "p", attrs: r#" a="1>2""#, empty: false });
        assert_eq!(events[1], Event::Start { name: "t", attrs: r#" xml:space="preserve""#, empty: false });
        let Event::Text(t) = events[2] else { panic!("{events:?}") };
        let mut out = String::new();
        unescape(t, &mut out);
        assert_eq!(out, "A & 一二&bogus;");
        assert_eq!(events[3], Event::End { name: "t" });
        assert_eq!(events[4], Event::Start { name: "br", attrs: "", empty: true });
        assert_eq!(attr(r#" w:val="restart" w:x='2'"#, "x"), Some("2"));
        assert_eq!(attr(r#" w:val="restart""#, "val"), Some("restart"));
    }

    #[test]
    fn broken_markup_ends_quietly() {
        for xml in ["<w:p", "<!-- open", "<![CDATA[x", "<a b=\"", "&#xFFFFFFFF;", "<", "</", "<//>"] {
            let _: Vec<Event> = Reader::new(xml).collect();
            let mut out = String::new();
            unescape(xml, &mut out);
        }
    }
}

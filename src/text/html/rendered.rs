//! The text rendered from HTML, with the source range of each of its bytes,
//! and the reading limits the HTML reached.

use super::super::limits::LimitHit;
use super::super::Span;

/// Text rendered from HTML, with the source range of each of its bytes.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub text: String,
    pub(super) origins: Vec<[u32; 2]>,
    /// The bounds the HTML reached (the first place for each), in HTML offsets.
    pub limits: Vec<LimitHit>,
}

impl Rendered {
    pub(super) fn push(&mut self, c: char, src: [u32; 2]) {
        self.text.push(c);
        self.origins.extend(std::iter::repeat_n(src, c.len_utf8()));
    }

    pub(super) fn push_all(&mut self, other: &Rendered) {
        self.text.push_str(&other.text);
        self.origins.extend_from_slice(&other.origins);
    }

    pub(super) fn ends_line(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    /// The span in the HTML that a span of the rendered text came from.
    pub fn source_span(&self, s: Span) -> Span {
        let at = |i: usize, k: usize| self.origins.get(i).map(|o| o[k] as usize);
        let end_of_text = self.origins.last().map_or(0, |o| o[1] as usize);
        let start = at(s.start, 0).unwrap_or(end_of_text);
        let end = if s.end > s.start { at(s.end - 1, 1).unwrap_or(end_of_text) } else { start };
        Span::new(start, end.max(start))
    }

    /// The bounds reached, with their spans in the rendered text (the page's
    /// editor holds that text, not the HTML): the text that came from each place.
    pub fn text_limits(&self) -> Vec<LimitHit> {
        let in_text = |s: Span| {
            let start = self.origins.iter().position(|o| o[1] as usize > s.start)?;
            let len = self.origins[start..].iter().take_while(|o| (o[0] as usize) < s.end.max(s.start + 1)).count();
            // Bytes of one char share their origin, so `len` ends on a char boundary;
            // an empty piece still marks the char it starts at.
            let end =
                if len > 0 { start + len } else { start + self.text[start..].chars().next().map_or(0, char::len_utf8) };
            Some(Span::new(start, end))
        };
        self.limits.iter().map(|h| LimitHit { limit: h.limit, span: h.span.and_then(in_text) }).collect()
    }
}

//! The report's running text: its paragraphs in order, each a span, a chapter
//! and a text, the texts kept in one buffer. A paragraph of a short line in a
//! `String` of its own would cost more in bookkeeping than in text; here it
//! costs 16 bytes and its text.

use crate::text::Span;

/// Running text outside the tables: a line, or lines a PDF wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph<'a> {
    /// The input's own text, line breaks included (spans stay exact).
    pub text: &'a str,
    pub span: Span,
    /// Index into `Report::chapters` of the chapter it belongs to.
    pub chapter: Option<usize>,
}

impl Paragraph<'_> {
    /// The text as one line, for showing: the wrapped lines joined.
    pub fn joined(&self) -> String {
        self.text.lines().map(str::trim).collect()
    }
}

/// The paragraphs of a report, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraphs {
    items: Vec<Item>,
    /// Every paragraph's text, one after the other.
    text: String,
}

/// A paragraph's span and chapter, and where its text ends in the buffer (it
/// starts where the one before it ends). Inputs are far below 4 GB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Item {
    start: u32,
    end: u32,
    text_end: u32,
    /// `NONE` for none.
    chapter: u32,
}

const NONE: u32 = u32::MAX;

const _: () = assert!(std::mem::size_of::<Item>() == 16);

impl Paragraphs {
    pub fn with_capacity(paragraphs: usize, text: usize) -> Paragraphs {
        Paragraphs { items: Vec::with_capacity(paragraphs), text: String::with_capacity(text) }
    }

    pub fn push(&mut self, span: Span, chapter: Option<usize>, text: &str) {
        self.text.push_str(text);
        self.items.push(Item {
            start: span.start as u32,
            end: span.end as u32,
            text_end: self.text.len() as u32,
            chapter: chapter.map_or(NONE, |c| c as u32),
        });
    }

    /// A paragraph whose text is taken later, by [`Paragraphs::take_texts`]
    /// (a paragraph wrapped over lines grows first: see `extend_last`).
    pub fn push_span(&mut self, span: Span, chapter: Option<usize>) {
        let chapter = chapter.map_or(NONE, |c| c as u32);
        self.items.push(Item { start: span.start as u32, end: span.end as u32, text_end: 0, chapter });
    }

    /// Moves the last paragraph's end to `end`.
    pub fn extend_last(&mut self, end: usize) {
        if let Some(last) = self.items.last_mut() {
            last.end = end as u32;
        }
    }

    /// Every paragraph's text, taken as `text_of` its span, in place of what it held.
    pub fn take_texts<'t>(&mut self, text_of: impl Fn(Span) -> &'t str) {
        let span = |i: &Item| Span::new(i.start as usize, i.end as usize);
        let mut text = String::with_capacity(self.items.iter().map(|i| text_of(span(i)).len()).sum());
        for item in &mut self.items {
            text.push_str(text_of(span(item)));
            item.text_end = text.len() as u32;
        }
        self.text = text;
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Paragraph `i`; panics past the end, as indexing does.
    pub fn at(&self, i: usize) -> Paragraph<'_> {
        self.get(i).expect("a paragraph within the paragraphs")
    }

    pub fn get(&self, i: usize) -> Option<Paragraph<'_>> {
        let item = self.items.get(i)?;
        let from = i.checked_sub(1).map_or(0, |j| self.items[j].text_end as usize);
        Some(Paragraph {
            text: &self.text[from..item.text_end as usize],
            span: Span::new(item.start as usize, item.end as usize),
            chapter: (item.chapter != NONE).then_some(item.chapter as usize),
        })
    }

    pub fn first(&self) -> Option<Paragraph<'_>> {
        self.get(0)
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Paragraph<'_>> + ExactSizeIterator + Clone + '_ {
        (0..self.items.len()).map(|i| self.at(i))
    }

    /// Applies `f` to every span (see `Report::map_spans`).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        for item in &mut self.items {
            let s = f(Span::new(item.start as usize, item.end as usize));
            (item.start, item.end) = (s.start as u32, s.end as u32);
        }
    }

    /// Rewrites every paragraph's text with `f`.
    pub fn map_texts(&mut self, mut f: impl FnMut(&str) -> String) {
        let old = std::mem::take(self);
        *self = Paragraphs::with_capacity(old.len(), old.text.len());
        for p in old.iter() {
            self.push(p.span, p.chapter, &f(p.text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_paragraph_keeps_its_span_chapter_and_text() {
        let mut ps = Paragraphs::default();
        ps.push(Span::new(0, 6), None, "前言");
        ps.push(Span::new(10, 13), Some(2), "无");
        ps.push(Span::new(20, 20), Some(0), "");
        let got: Vec<_> = ps.iter().map(|p| (p.text, p.span.start, p.chapter)).collect();
        assert_eq!(got, [("前言", 0, None), ("无", 10, Some(2)), ("", 20, Some(0))]);
        ps.map_texts(|t| t.replace('前', ""));
        ps.map_spans(|s| Span::new(s.start + 1, s.end + 1));
        assert_eq!(ps.at(0).text, "言");
        assert_eq!(ps.at(1), Paragraph { text: "无", span: Span::new(11, 14), chapter: Some(2) });
        assert_eq!(ps.len(), 3);
        assert!(ps.get(3).is_none());
    }
}

//! One line of the input into classified cells: split at its separators,
//! each cell folded once and classified (number, placeholder, empty, text),
//! values split off a label they were glued to, the label's bare text kept.
//! Everything goes into the [`Doc`]'s shared buffers.

use super::doc::{Cell, CellKind, Doc, Line};
use super::pages::Pages;
use super::values::{classify, glued_number, is_placeholder_char, starts_signed_word};
use crate::text::layout::{columns, split_cells, CellSpan, Separator};
use crate::text::{fold_char, is_bare, is_ideograph, Folded, Span};
use std::ops::Range;

/// Bytes beyond which a one-cell line is prose: 80 ideographs, longer than any label or heading.
const PROSE_LEN: usize = 240;

/// Bytes beyond which a cell cannot be one number or placeholder (`１２３４５６．５０００`, full-width, is 33).
const MAX_VALUE_LEN: usize = 64;

/// `text` folded into `buf` (whitespace dropped), for classifying a cell.
fn fold_into<'a>(text: &'a str, buf: &'a mut String) -> &'a str {
    // ASCII without blanks folds to itself (most value cells: `0`, `12`, `3.5`).
    if text.bytes().all(|b| b.is_ascii_graphic()) {
        return text;
    }
    buf.clear();
    for c in text.chars() {
        fold_char(c, &mut |f| buf.push(f));
    }
    buf
}

/// Bytes of a term and its definition (`规章：指设区的市人民政府制定的规章。`, a
/// row label some reports print so), at most.
const DEFINED_LEN: usize = 120;

/// Whether a cell's text holds a sentence end: running text, unless it is a
/// short term with its definition after a colon, ending the cell.
fn is_sentence(text: &str) -> bool {
    let ends = |c: char| c == '。' || c == '｡';
    let Some(first_end) = text.find(ends) else { return false };
    // A note under a table (`注：…。`, `说明：…。`) is a sentence.
    let term = text.find([':', '：']).filter(|&at| {
        let t = text[..at].trim();
        t.chars().count() <= 8 && !["注", "说明", "备注", "注释"].contains(&t)
    });
    let defined = term.is_some_and(|at| at < first_end) && text.trim_end().trim_end_matches(['|', ' ']).ends_with(ends);
    let one_sentence = text[first_end..].chars().skip(1).all(|c| !ends(c));
    !(defined && one_sentence && text.len() <= DEFINED_LEN)
}

pub(super) struct Reader<'a> {
    input: &'a str,
    scratch: String,
    spans: Vec<CellSpan>,
    /// The values split off a cell (`0 3 6`, `规章 9 9 10`).
    parts: Vec<(CellKind, usize, usize)>,
    pages: Pages,
}

fn mark(f: &Folded) -> (usize, usize) {
    (f.text.len(), f.origins.len())
}

fn since(f: &Folded, (bytes, chars): (usize, usize)) -> (Range<usize>, Range<usize>) {
    (bytes..f.text.len(), chars..f.origins.len())
}

impl<'a> Reader<'a> {
    pub(super) fn new(input: &'a str) -> Self {
        Reader { input, scratch: String::new(), spans: Vec::new(), parts: Vec::new(), pages: Pages::new(input) }
    }

    pub(super) fn line(&mut self, doc: &mut Doc, start: usize, body: &str, brk: usize) -> Line {
        let input = self.input;
        let sep = split_cells(body, start, &mut self.spans);
        // A Markdown header rule (`---|---|`) separates, it holds no cells; a
        // page number a PDF's footer left between the lines holds none either.
        let rule = sep == Separator::Pipe && body.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t'));
        if rule || self.pages.is_page_number(start, body) {
            self.spans.clear();
        }
        let span = Span::new(start, start + body.len());
        let label_at = mark(&doc.labels);
        // One text cell that is long, or a sentence (no label, heading, title or
        // signature ends a sentence): running text, not folded until asked.
        let prose = matches!(self.spans[..], [only] if sep == Separator::None
            && (only.end - only.start > PROSE_LEN || is_sentence(&input[only.start..only.end])));
        let mut line = Line::at(doc, start, brk, sep, prose);
        if prose {
            let s = self.spans[0];
            doc.cells.push(Cell::new(Span::new(s.start, s.end), 0, CellKind::Text, None, 0..0));
        } else {
            // The line is folded once, cell by cell: each cell's folded text is
            // then a slice of the line's, to classify and to take its label from.
            let mut at = start;
            let mut last_text = None;
            let first_cell = doc.cells.len();
            for k in 0..self.spans.len() {
                let s = self.spans[k];
                doc.folded.append(&input[at..s.start], at, |_| true);
                let cell_at = mark(&doc.folded);
                doc.folded.append(&input[s.start..s.end], s.start, |_| true);
                at = s.end;
                let text = &input[s.start..s.end];
                let (bytes, chars) = since(&doc.folded, cell_at);
                let folded_text = &doc.folded.text[bytes];
                // A long cell is text: no number or placeholder is that long.
                let short = text.len() <= MAX_VALUE_LEN;
                // A cell that starts with an ideograph (other than 无, or the 增/减 of a change) is text.
                let worded = folded_text
                    .chars()
                    .next()
                    .is_some_and(|c| is_ideograph(c) && c != '无' && !(starts_signed_word(c) && short));
                let kind = (short && !worded)
                    .then(|| classify(folded_text))
                    .flatten()
                    // `0 3 6` is three numbers, not 036: only a cell without inner spaces is one value.
                    .filter(|(k, _)| !matches!(k, CellKind::Number(_)) || !has_blank(text));
                match kind {
                    Some((kind, unit)) => doc.cells.push(Cell::new(Span::new(s.start, s.end), s.x, kind, unit, 0..0)),
                    // Values on single spaces (`0 3 6`, narrow PDF columns); not
                    // after a pipe, which bounds a cell (`| +3 -1 |` is one cell, not two values).
                    None if !(sep == Separator::Pipe && k > 0) && self.values_after_label(s) == Some(s.start) => {
                        self.push_parts(doc, s)
                    }
                    None => {
                        // Text: its bare characters join the row's label.
                        let labels = &mut doc.labels;
                        let from = labels.text.len() - label_at.0;
                        for (c, &origin) in folded_text.chars().zip(&doc.folded.origins[chars]) {
                            if is_bare(c) {
                                labels.text.push(c);
                                labels.origins.push(origin);
                            }
                        }
                        let bare = from..labels.text.len() - label_at.0;
                        // A number glued to a label is split off it; a pipe bounds a
                        // cell, so only a cell of the label is so glued: the line's
                        // first (`规章2 | 0 |`), or one after its other pieces and
                        // empty cells (`||行政规范性|文件2|0|2|`, a PDF-to-Markdown table).
                        let label_piece = doc.cells[first_cell..]
                            .iter()
                            .all(|c| matches!(c.kind(), CellKind::Text | CellKind::Empty));
                        doc.cells.push(Cell::new(Span::new(s.start, s.end), s.x, CellKind::Text, None, bare));
                        last_text = (sep != Separator::Pipe || label_piece).then_some(doc.cells.len() - 1);
                    }
                }
            }
            if let Some(i) = last_text.filter(|&i| doc.cells[i + 1..].iter().all(|c| c.kind() != CellKind::Text)) {
                self.split_label(doc, i, label_at);
            }
            doc.folded.append(&input[at..span.end], at, |_| true);
            // A label equal to the folded line is kept once.
            let folded = &doc.folded.text[line.folded.0 as usize..];
            if label_at.0 < doc.labels.text.len() && doc.labels.text[label_at.0..] == *folded {
                doc.labels.text.truncate(label_at.0);
                doc.labels.origins.truncate(label_at.1);
                line.label_is_folded = true;
            }
        }
        line
    }

    /// Splits a cell whose last pieces, between single blanks, are values
    /// (numbers or placeholders): several values alone (`0 3 6`, narrow PDF
    /// columns), or after a label (`规章 9 9 10`). Returns where the label ends
    /// (the cell's start when there is none) and leaves the values in `parts`.
    fn values_after_label(&mut self, s: CellSpan) -> Option<usize> {
        let text = &self.input[s.start..s.end];
        self.parts.clear();
        // Values end in a digit or a placeholder mark (most text cells end otherwise).
        let mut last = None;
        fold_char(text.chars().next_back()?, &mut |c| last = Some(c));
        if !last.is_some_and(|c| c.is_ascii_digit() || is_placeholder_char(c)) {
            return None;
        }
        // Without a space the cell is one piece, already found not to be a
        // value: only a number glued to its end can be split off.
        if !has_blank(text) {
            let (at, n) = glued_number(text)?;
            self.parts.push((CellKind::Number(n), s.start + at, s.end));
            return Some(s.start + at);
        }
        let mut label_end = s.start;
        for piece in text.rsplit(char::is_whitespace).filter(|p| !p.is_empty()) {
            // Where the piece starts in the cell (blanks may be wider than a byte).
            let from = s.start + (piece.as_ptr() as usize - text.as_ptr() as usize);
            let kind = (piece.len() <= MAX_VALUE_LEN)
                .then(|| classify(fold_into(piece, &mut self.scratch)))
                .flatten()
                .filter(|(_, unit)| unit.is_none())
                .map(|(kind, _)| kind);
            match kind {
                Some(kind @ (CellKind::Number(_) | CellKind::Placeholder)) => {
                    self.parts.push((kind, from, from + piece.len()))
                }
                _ => {
                    label_end = from + piece.len();
                    // A number glued to the label's last ideograph (`行政规范性文件2`, PDF copies).
                    if let Some((at, n)) = glued_number(piece) {
                        self.parts.push((CellKind::Number(n), from + at, from + piece.len()));
                        label_end = from + at;
                    }
                    break;
                }
            }
        }
        self.parts.reverse();
        let found = if label_end == s.start { self.parts.len() > 1 } else { !self.parts.is_empty() };
        found.then_some(label_end)
    }

    /// The row's values may follow its label on single spaces (`规章 9 9 10`:
    /// PDF copies, pdftotext -raw) or glued to it (`行政规范性文件2`): split
    /// them off text cell `i`, the row's last, whose label is the labels' tail.
    fn split_label(&mut self, doc: &mut Doc, i: usize, label_at: (usize, usize)) {
        let cell = &doc.cells[i];
        let s = CellSpan { start: cell.span().start, end: cell.span().end, x: cell.x() };
        let Some(label_end) = self.values_after_label(s).filter(|&end| end > s.start) else { return };
        let labels = &mut doc.labels;
        let keep = labels.origins[label_at.1..].iter().take_while(|&&o| (o as usize) < label_end).count();
        let bytes =
            labels.text[label_at.0..].char_indices().nth(keep).map_or(labels.text.len(), |(b, _)| label_at.0 + b);
        labels.text.truncate(bytes);
        labels.origins.truncate(label_at.1 + keep);
        let cell = &mut doc.cells[i];
        cell.set_bare_end(bytes - label_at.0);
        cell.set_end(trim_blank_end(self.input, s.start, label_end));
        let after: Vec<Cell> =
            self.parts.drain(..).map(|(kind, from, to)| value_cell(self.input, s, kind, from, to)).collect();
        doc.cells.splice(i + 1..i + 1, after);
    }

    /// The value cells [`Reader::values_after_label`] left in `parts`.
    fn push_parts(&mut self, doc: &mut Doc, s: CellSpan) {
        for (kind, from, to) in self.parts.drain(..) {
            doc.cells.push(value_cell(self.input, s, kind, from, to));
        }
    }
}

/// A value split off cell `s`, at bytes `from..to`.
fn value_cell(input: &str, s: CellSpan, kind: CellKind, from: usize, to: usize) -> Cell {
    // Its column: the cell's, plus the characters before it.
    let x = s.x + columns(&input[s.start..from]);
    Cell::new(Span::new(from, to), x, kind, None, 0..0)
}

/// The end of `input[start..end]` without the blanks before it.
fn trim_blank_end(input: &str, start: usize, end: usize) -> usize {
    start + input[start..end].trim_end().len()
}

/// Whether a cell holds whitespace (printable ASCII, the common case, holds none).
fn has_blank(text: &str) -> bool {
    !text.bytes().all(|b| b.is_ascii_graphic()) && text.contains(char::is_whitespace)
}

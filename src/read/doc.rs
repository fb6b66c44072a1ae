//! The input as rows of classified cells: the common ground of every text shape
//! (tabs, pipes, aligned spaces, one cell per line). Later layers read chapters
//! and tables from these rows without caring how the text was laid out.

use crate::model::Number;
use crate::text::layout::{split_cells, CellSpan, Separator};
use crate::text::{fold_char, is_bare, is_ideograph, Folded, FoldedRef, Span};
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellKind {
    Empty,
    Number(Number),
    /// `/`, `-`, `—`, `无`: printed where a number belongs, not a number.
    Placeholder,
    Text,
}

#[derive(Clone, Debug)]
pub struct Cell {
    pub span: Span,
    /// Cell index (tabs, pipes) or display column (spaces).
    pub x: usize,
    pub kind: CellKind,
    /// A unit printed after a number (`3.5万元`, `2件`).
    pub unit: Option<&'static str>,
    /// Where its bare text (ideographs, letters, digits; folded) lies in the row's label.
    pub bare: Range<usize>,
}

/// A line of the input: its cells and folded text, borrowed from a [`Doc`].
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    pub span: Span,
    pub sep: Separator,
    pub cells: &'a [Cell],
    /// The whole line folded, whitespace dropped.
    pub folded: FoldedRef<'a>,
    /// The bare text of all text cells, joined.
    pub label: FoldedRef<'a>,
    /// A line of running text: one text cell that is long or holds a sentence
    /// end, not folded (`folded` and `label` are empty) since no label, heading
    /// or title is like that. See [`Row::fold`].
    pub prose: bool,
}

impl Row<'_> {
    /// The folded line, folding a prose line on demand.
    pub fn fold(&self, input: &str) -> Folded {
        if self.prose {
            Folded::new(&input[self.span.start..self.span.end], self.span.start)
        } else {
            self.folded.to_owned()
        }
    }

    /// The label before the row's first value: the text cells up to it.
    pub fn head(&self) -> &str {
        let first_value = self.cells.iter().position(|c| matches!(c.kind, CellKind::Number(_) | CellKind::Placeholder));
        let end = self.cells[..first_value.unwrap_or(self.cells.len())]
            .iter()
            .rev()
            .find(|c| c.kind == CellKind::Text)
            .map_or(0, |c| c.bare.end);
        &self.label.text[..end]
    }

    /// Numbers and placeholders: what stands where a number belongs.
    pub fn values(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| matches!(c.kind, CellKind::Number(_) | CellKind::Placeholder))
    }
}

/// Bytes beyond which a one-cell line is prose: 80 ideographs, longer than any label or heading.
const PROSE_LEN: usize = 240;

/// Bytes beyond which a cell cannot be one number or placeholder (`１２３４５６．５０００`, full-width, is 33).
const MAX_VALUE_LEN: usize = 64;

/// Where a row's parts lie in the [`Doc`]'s shared buffers.
#[derive(Clone, Debug)]
struct Line {
    span: Span,
    sep: Separator,
    cells: Range<usize>,
    /// Byte range in the folded text, char range in its origins.
    folded: (Range<usize>, Range<usize>),
    label: (Range<usize>, Range<usize>),
    prose: bool,
}

/// The input split into rows, with every row's cells, folded text and label
/// kept in shared buffers: reading a line allocates nothing of its own.
#[derive(Debug, Default)]
pub struct Doc {
    lines: Vec<Line>,
    cells: Vec<Cell>,
    folded: Folded,
    labels: Folded,
}

impl Doc {
    pub fn read(input: &str) -> Doc {
        // Sized up front from the length (reports average over 60 bytes a line):
        // growing these while reading costs copies, counting the lines a pass.
        let lines = input.len() / 32 + 1;
        let mut doc = Doc {
            lines: Vec::with_capacity(lines),
            cells: Vec::with_capacity(lines * 2),
            folded: Folded {
                text: String::with_capacity(input.len() / 2),
                origins: Vec::with_capacity(input.len() / 4),
            },
            labels: Folded {
                text: String::with_capacity(input.len() / 8),
                origins: Vec::with_capacity(input.len() / 16),
            },
        };
        let mut reader = Reader { input, scratch: String::new(), spans: Vec::new(), parts: Vec::new() };
        let mut start = 0;
        for raw in input.split_inclusive('\n') {
            let body = raw.trim_end_matches(['\n', '\r']);
            let line = reader.line(&mut doc, start, body);
            doc.lines.push(line);
            start += raw.len();
        }
        doc
    }

    pub fn rows(&self) -> Vec<Row<'_>> {
        fn view<'a>(f: &'a Folded, (bytes, chars): &(Range<usize>, Range<usize>)) -> FoldedRef<'a> {
            FoldedRef { text: &f.text[bytes.clone()], origins: &f.origins[chars.clone()] }
        }
        self.lines
            .iter()
            .map(|l| Row {
                span: l.span,
                sep: l.sep,
                cells: &self.cells[l.cells.clone()],
                folded: view(&self.folded, &l.folded),
                label: view(&self.labels, &l.label),
                prose: l.prose,
            })
            .collect()
    }
}

/// Splits `input` into rows of cells (for tests; the reader keeps the [`Doc`]).
#[cfg(test)]
fn with_rows<T>(input: &str, f: impl FnOnce(&[Row]) -> T) -> T {
    let doc = Doc::read(input);
    f(&doc.rows())
}

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

struct Reader<'a> {
    input: &'a str,
    scratch: String,
    spans: Vec<CellSpan>,
    /// The numbers of a cell being split (`0 3 6`).
    parts: Vec<(Number, usize, usize)>,
}

fn mark(f: &Folded) -> (usize, usize) {
    (f.text.len(), f.origins.len())
}

fn since(f: &Folded, (bytes, chars): (usize, usize)) -> (Range<usize>, Range<usize>) {
    (bytes..f.text.len(), chars..f.origins.len())
}

impl Reader<'_> {
    fn line(&mut self, doc: &mut Doc, start: usize, body: &str) -> Line {
        let input = self.input;
        let sep = split_cells(body, start, &mut self.spans);
        // A Markdown header rule (`---|---|`) separates, it holds no cells.
        if sep == Separator::Pipe && body.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t')) {
            self.spans.clear();
        }
        let span = Span::new(start, start + body.len());
        let first_cell = doc.cells.len();
        let (folded_at, label_at) = (mark(&doc.folded), mark(&doc.labels));
        // One text cell that is long, or a sentence (no label, heading, title or
        // signature ends a sentence): running text, not folded until asked.
        let prose = matches!(self.spans[..], [only] if sep == Separator::None
            && (only.end - only.start > PROSE_LEN || input[only.start..only.end].contains("。") || input[only.start..only.end].contains("｡")));
        if prose {
            let s = self.spans[0];
            doc.cells.push(Cell {
                span: Span::new(s.start, s.end),
                x: 0,
                kind: CellKind::Text,
                unit: None,
                bare: 0..0,
            });
        } else {
            // The line is folded once, cell by cell: each cell's folded text is
            // then a slice of the line's, to classify and to take its label from.
            let mut at = start;
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
                // A cell that starts with an ideograph (other than 无) is text.
                let worded = folded_text.chars().next().is_some_and(|c| is_ideograph(c) && c != '无');
                let kind = (short && !worded)
                    .then(|| classify(folded_text))
                    .flatten()
                    // `0 3 6` is three numbers, not 036: only a cell without inner spaces is one value.
                    .filter(|(k, _)| !matches!(k, CellKind::Number(_)) || !has_blank(text));
                match kind {
                    Some((kind, unit)) => {
                        doc.cells.push(Cell { span: Span::new(s.start, s.end), x: s.x, kind, unit, bare: 0..0 })
                    }
                    None if self.numbers(s) => {
                        for &(n, from, to) in &self.parts {
                            let x = s.x + (from - s.start);
                            let kind = CellKind::Number(n);
                            doc.cells.push(Cell { span: Span::new(from, to), x, kind, unit: None, bare: 0..0 });
                        }
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
                        doc.cells.push(Cell {
                            span: Span::new(s.start, s.end),
                            x: s.x,
                            kind: CellKind::Text,
                            unit: None,
                            bare,
                        });
                    }
                }
            }
            doc.folded.append(&input[at..span.end], at, |_| true);
        }
        Line {
            span,
            sep,
            cells: first_cell..doc.cells.len(),
            folded: since(&doc.folded, folded_at),
            label: since(&doc.labels, label_at),
            prose,
        }
    }

    /// Whether the cell is several numbers with single spaces between (narrow
    /// PDF columns); they are left in `parts`.
    fn numbers(&mut self, s: CellSpan) -> bool {
        let text = &self.input[s.start..s.end];
        self.parts.clear();
        // Without a space the cell is one piece, already found not to be a number.
        if !has_blank(text) {
            return false;
        }
        for piece in text.split(char::is_whitespace).filter(|p| !p.is_empty()) {
            // Where the piece starts in the cell (blanks may be wider than a byte).
            let from = s.start + (piece.as_ptr() as usize - text.as_ptr() as usize);
            let short = piece.len() <= MAX_VALUE_LEN;
            match short.then(|| parse_number(fold_into(piece, &mut self.scratch))).flatten() {
                Some(n) => self.parts.push((n, from, from + piece.len())),
                None => {
                    self.parts.clear();
                    break;
                }
            }
        }
        self.parts.len() > 1
    }
}

/// Whether a cell holds whitespace (printable ASCII, the common case, holds none).
fn has_blank(text: &str) -> bool {
    !text.bytes().all(|b| b.is_ascii_graphic()) && text.contains(char::is_whitespace)
}

/// Units reports print after a number in a cell, longest first.
const UNITS: &[&str] = &["万元", "元", "件", "个", "项", "次"];

/// Kinds that need no further splitting: empty, a single number (with its
/// unit, if printed), a placeholder.
fn classify(folded: &str) -> Option<(CellKind, Option<&'static str>)> {
    if folded.is_empty() {
        return Some((CellKind::Empty, None));
    }
    if let Some(n) = parse_number(folded) {
        return Some((CellKind::Number(n), None));
    }
    for unit in UNITS {
        if let Some(n) = folded.strip_suffix(unit).and_then(parse_number) {
            return Some((CellKind::Number(n), Some(unit)));
        }
    }
    let placeholder = folded.chars().all(|c| matches!(c, '/' | '-' | '—' | '\\' | '_' | '无' | '.' | '…'));
    placeholder.then_some((CellKind::Placeholder, None))
}

/// A number as printed: digits, an optional sign and decimals (`-2`, `3.5000`).
pub fn parse_number(folded: &str) -> Option<Number> {
    let (neg, digits) = match folded.as_bytes().first() {
        Some(b'-') => (true, &folded[1..]),
        Some(b'+') => (false, &folded[1..]),
        _ => (false, folded),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) || frac.len() > 8 || digits.ends_with('.') {
        return None;
    }
    let mut mantissa: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    let scale = u8::try_from(frac.len()).ok()?;
    Some(Number { mantissa: if neg { -mantissa } else { mantissa }, scale })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<String> {
        with_rows(line, |rows| {
            let row = &rows[0];
            row.cells
                .iter()
                .map(|c| match &c.kind {
                    CellKind::Empty => "_".to_owned(),
                    CellKind::Number(n) => n.to_string(),
                    CellKind::Placeholder => "/".to_owned(),
                    CellKind::Text => row.label.text[c.bare.clone()].to_owned(),
                })
                .collect()
        })
    }

    #[test]
    fn classifies_cells() {
        assert_eq!(kinds("2.属于国家秘密\t１２\t\t—\t3.5000"), ["2属于国家秘密", "12", "_", "/", "3.5000"]);
        assert_eq!(kinds("行政许可  0 0 -3"), ["行政许可", "0", "0", "-3"]);
        assert_eq!(kinds("| 0 | 5以公开 |"), ["0", "5以公开"]);
    }
}

//! The input as rows of classified cells: the common ground of every text shape
//! (tabs, pipes, aligned spaces, one cell per line). Later layers read chapters
//! and tables from these rows without caring how the text was laid out.

use crate::model::Number;
use crate::text::layout::{split_cells, Separator};
use crate::text::{Folded, Span};

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
    /// Ideographs, letters and digits only, folded.
    pub bare: Folded,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub span: Span,
    pub sep: Separator,
    pub cells: Vec<Cell>,
    /// The whole line folded, whitespace dropped.
    pub folded: Folded,
}

impl Row {
    /// The bare text of all text cells, joined.
    pub fn label(&self) -> Folded {
        let mut label = Folded::default();
        for c in self.cells.iter().filter(|c| c.kind == CellKind::Text) {
            label.push(&c.bare);
        }
        label
    }

    /// Numbers and placeholders: what stands where a number belongs.
    pub fn values(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| matches!(c.kind, CellKind::Number(_) | CellKind::Placeholder))
    }
}

/// Splits `input` into rows of cells.
pub fn rows(input: &str) -> Vec<Row> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in input.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        out.push(row(input, start, body));
        start += raw.len();
    }
    out
}

fn row(input: &str, start: usize, body: &str) -> Row {
    let (sep, mut spans) = split_cells(body, start);
    // A Markdown header rule (`---|---|`) separates, it holds no cells.
    if sep == Separator::Pipe && body.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t')) {
        spans.clear();
    }
    let mut cells = Vec::with_capacity(spans.len());
    for s in spans {
        let text = &input[s.start..s.end];
        let folded = Folded::new(text, s.start);
        // `0 3 6` is three numbers, not 036: only a cell without inner spaces is one value.
        let single = !text.contains(|c: char| c.is_whitespace());
        match classify(&folded.text).filter(|k| single || !matches!(k, CellKind::Number(_))) {
            Some(kind) => cells.push(Cell { span: Span::new(s.start, s.end), x: s.x, kind, bare: Folded::default() }),
            None => split_numbers_or_text(input, s.start, s.end, s.x, &mut cells),
        }
    }
    Row { span: Span::new(start, start + body.len()), sep, cells, folded: Folded::new(body, start) }
}

/// Kinds that need no further splitting: empty, a single number, a placeholder.
fn classify(folded: &str) -> Option<CellKind> {
    if folded.is_empty() {
        return Some(CellKind::Empty);
    }
    if let Some(n) = parse_number(folded) {
        return Some(CellKind::Number(n));
    }
    let placeholder = folded.chars().all(|c| matches!(c, '/' | '-' | '—' | '\\' | '_' | '无' | '.' | '…'));
    placeholder.then_some(CellKind::Placeholder)
}

/// A cell of several numbers with single spaces between (narrow PDF columns)
/// becomes several number cells; anything else is text.
fn split_numbers_or_text(input: &str, start: usize, end: usize, x: usize, cells: &mut Vec<Cell>) {
    let text = &input[start..end];
    let mut parts = Vec::new();
    let mut offset = 0;
    for piece in text.split(|c: char| c.is_whitespace()) {
        if !piece.is_empty() {
            let folded = Folded::new(piece, start + offset);
            match parse_number(&folded.text) {
                Some(n) => parts.push((n, start + offset, start + offset + piece.len())),
                None => {
                    parts.clear();
                    break;
                }
            }
        }
        offset += piece.len() + 1;
    }
    if parts.len() > 1 {
        for (n, s, e) in parts {
            let col = x + (s - start);
            cells.push(Cell { span: Span::new(s, e), x: col, kind: CellKind::Number(n), bare: Folded::default() });
        }
    } else {
        cells.push(Cell { span: Span::new(start, end), x, kind: CellKind::Text, bare: Folded::bare(text, start) });
    }
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
        rows(line)[0]
            .cells
            .iter()
            .map(|c| match &c.kind {
                CellKind::Empty => "_".to_owned(),
                CellKind::Number(n) => n.to_string(),
                CellKind::Placeholder => "/".to_owned(),
                CellKind::Text => c.bare.text.clone(),
            })
            .collect()
    }

    #[test]
    fn classifies_cells() {
        assert_eq!(kinds("2.属于国家秘密\t１２\t\t—\t3.5000"), ["2属于国家秘密", "12", "_", "/", "3.5000"]);
        assert_eq!(kinds("行政许可  0 0 -3"), ["行政许可", "0", "0", "-3"]);
        assert_eq!(kinds("| 0 | 5以公开 |"), ["0", "5以公开"]);
    }
}

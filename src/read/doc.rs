//! The input as rows of classified cells: the common ground of every text shape
//! (tabs, pipes, aligned spaces, one cell per line). Later layers read chapters
//! and tables from these rows without caring how the text was laid out.

use super::cells::Reader;
use super::values::UNITS;
use crate::model::Number;
use crate::text::layout::Separator;
use crate::text::{Folded, FoldedRef, Span};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    Empty,
    Number(Number),
    /// `/`, `-`, `—`, `无`: printed where a number belongs, not a number.
    Placeholder,
    Text,
}

/// A cell of a line, packed into 20 bytes (a short line's cells are most of
/// what it costs): its span, column, kind, unit, and either its number or its
/// bare text (a cell holds one or the other).
#[derive(Clone, Debug)]
pub struct Cell {
    /// A number's mantissa (as two halves: 4-byte alignment), or where a text
    /// cell's bare text lies in the row's label.
    payload: [u32; 2],
    start: u32,
    end: u32,
    /// Held to `u16::MAX`: no table's column stands that far right.
    x: u16,
    scale: u8,
    /// The kind (0 empty, 1 number, 2 placeholder, 3 text) in the low two
    /// bits; above them 1 + the unit's index in `values::UNITS`, or 0.
    tag: u8,
}

// What a cell and a line's bookkeeping cost, on every target.
const _: () = assert!(std::mem::size_of::<Cell>() == 20 && std::mem::size_of::<Line>() == 28);

impl Cell {
    pub(super) fn new(span: Span, x: usize, kind: CellKind, unit: Option<&'static str>, bare: Range<usize>) -> Cell {
        let (tag, n) = match kind {
            CellKind::Empty => (0, Number::int(0)),
            CellKind::Number(n) => (1, n),
            CellKind::Placeholder => (2, Number::int(0)),
            CellKind::Text => (3, Number::int(0)),
        };
        let unit = unit.and_then(|u| UNITS.iter().position(|&k| k == u)).map_or(0, |i| i as u8 + 1);
        let payload = if tag == 3 {
            [bare.start as u32, bare.end as u32]
        } else {
            let m = n.mantissa as u64;
            [m as u32, (m >> 32) as u32]
        };
        Cell {
            payload,
            start: span.start as u32,
            end: span.end as u32,
            x: x.min(usize::from(u16::MAX)) as u16,
            scale: n.scale,
            tag: tag | unit << 2,
        }
    }

    fn mantissa(&self) -> i64 {
        (u64::from(self.payload[0]) | u64::from(self.payload[1]) << 32) as i64
    }

    pub fn kind(&self) -> CellKind {
        match self.tag & 3 {
            0 => CellKind::Empty,
            1 => CellKind::Number(Number { mantissa: self.mantissa(), scale: self.scale }),
            2 => CellKind::Placeholder,
            _ => CellKind::Text,
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Cell index (tabs, pipes) or column (spaces: `layout::columns`).
    pub fn x(&self) -> usize {
        self.x as usize
    }

    /// A unit printed after a number (`3.5万元`, `2件`).
    pub fn unit(&self) -> Option<&'static str> {
        UNITS.get(usize::from(self.tag >> 2).checked_sub(1)?).copied()
    }

    /// Where its bare text (ideographs, letters, digits; folded) lies in the row's label.
    pub fn bare(&self) -> Range<usize> {
        match self.tag & 3 {
            3 => self.payload[0] as usize..self.payload[1] as usize,
            _ => 0..0,
        }
    }

    pub(super) fn set_end(&mut self, end: usize) {
        self.end = end as u32;
    }

    /// Moves a text cell's bare text's end.
    pub(super) fn set_bare_end(&mut self, end: usize) {
        if self.tag & 3 == 3 {
            self.payload[1] = end as u32;
        }
    }

    pub fn is_value(&self) -> bool {
        matches!(self.tag & 3, 1 | 2)
    }
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

impl<'a> Row<'a> {
    /// The folded line, folding a prose line on demand.
    pub fn fold(&self, input: &str) -> Folded {
        if self.prose {
            Folded::new(&input[self.span.start..self.span.end], self.span.start)
        } else {
            self.folded.to_owned()
        }
    }

    /// The label before the row's first value: the text cells up to it.
    pub fn head(&self) -> &'a str {
        let first_value = self.cells.iter().position(Cell::is_value);
        let end = self.cells[..first_value.unwrap_or(self.cells.len())]
            .iter()
            .rev()
            .find(|c| c.kind() == CellKind::Text)
            .map_or(0, |c| c.bare().end);
        &self.label.text[..end]
    }

    /// Numbers and placeholders: what stands where a number belongs.
    pub fn values(&self) -> impl Iterator<Item = &'a Cell> {
        self.cells.iter().filter(|c| c.is_value())
    }
}

/// Where a row's parts start in the [`Doc`]'s shared buffers (bytes of the
/// folded text and of the labels, chars of their origins); each ends where
/// the next line's start, so a line's bookkeeping is 28 bytes.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line {
    pub(super) start: u32,
    pub(super) cells: u32,
    pub(super) folded: (u32, u32),
    pub(super) label: (u32, u32),
    pub(super) sep: Separator,
    pub(super) prose: bool,
    /// The label is the folded text itself (a line of one text cell of bare
    /// characters, such as most short lines): kept once, in `folded`.
    pub(super) label_is_folded: bool,
    /// The line break's bytes (`\n` and the `\r`s before it, or none at the
    /// end; at most 255): the line ends that far before the next one starts.
    pub(super) brk: u8,
}

impl Line {
    /// The line's span, without its line break, `next` being the line after it.
    fn span(&self, next: &Line) -> Span {
        Span::new(self.start as usize, next.start as usize - usize::from(self.brk))
    }

    /// Where the parts of a line read into `doc` next start.
    pub(super) fn at(doc: &Doc, start: usize, brk: usize, sep: Separator, prose: bool) -> Line {
        let mark = |f: &Folded| (f.text.len() as u32, f.origins.len() as u32);
        Line {
            start: start as u32,
            cells: doc.cells.len() as u32,
            folded: mark(&doc.folded),
            label: mark(&doc.labels),
            sep,
            prose,
            label_is_folded: false,
            brk: brk as u8,
        }
    }
}

/// The input split into rows, with every row's cells, folded text and label
/// kept in shared buffers: reading a line allocates nothing of its own, and a
/// [`Row`] is made when it is looked at.
#[derive(Debug, Default)]
pub struct Doc {
    /// One per line, and one more where the buffers end.
    pub(super) lines: Vec<Line>,
    pub(super) cells: Vec<Cell>,
    pub(super) folded: Folded,
    pub(super) labels: Folded,
}

impl Doc {
    pub fn read(input: &str) -> Doc {
        // The lines and the bytes that are not line breaks counted first (a fast
        // pass), the rest sized from them (reports average over 60 bytes a
        // line): growing costs copies and slack, and a blank line needs nothing.
        let (mut breaks, mut filled, mut blank) = (0, 0, true);
        for b in input.bytes() {
            if b == b'\n' {
                breaks += 1;
                blank = true;
            } else if blank && !b.is_ascii_whitespace() {
                filled += 1;
                blank = false;
            }
        }
        let text = input.len() - breaks;
        let mut doc = Doc {
            lines: Vec::with_capacity(breaks + 2),
            // A line that is not blank holds a cell at least.
            cells: Vec::with_capacity(filled.max(text / 16) + 1),
            folded: Folded { text: String::with_capacity(text / 2), origins: Vec::with_capacity(text / 4) },
            labels: Folded { text: String::with_capacity(text / 8), origins: Vec::with_capacity(text / 16) },
        };
        let mut reader = Reader::new(input);
        for l in crate::text::layout::lines(input) {
            let line = reader.line(&mut doc, l.start, l.body, l.brk);
            doc.lines.push(line);
        }
        let end = Line::at(&doc, input.len(), 0, Separator::None, false);
        doc.lines.push(end);
        doc
    }

    pub fn rows(&self) -> Rows<'_> {
        Rows { doc: self, lines: &self.lines }
    }

    /// The lines alone, the cells and folded text freed.
    pub fn into_lines(self) -> Lines {
        Lines { lines: self.lines }
    }
}

/// The lines of a [`Doc`] without their cells: where each is, and whether it holds any.
pub struct Lines {
    lines: Vec<Line>,
}

/// A line of [`Lines`].
pub struct LineAt {
    pub span: Span,
    pub has_cells: bool,
}

impl Lines {
    pub fn iter(&self) -> impl Iterator<Item = LineAt> + '_ {
        self.lines.windows(2).map(|w| LineAt { span: w[0].span(&w[1]), has_cells: w[1].cells > w[0].cells })
    }
}

/// Rows of a [`Doc`], made as they are looked at (a row as a value is larger
/// than the bookkeeping it is made from). `lines` holds one more than the
/// rows: where the last one ends.
#[derive(Clone, Copy)]
pub struct Rows<'a> {
    doc: &'a Doc,
    lines: &'a [Line],
}

impl<'a> Rows<'a> {
    pub fn len(&self) -> usize {
        self.lines.len().saturating_sub(1)
    }

    /// Row `i`; panics past the end, as indexing does.
    pub fn at(&self, i: usize) -> Row<'a> {
        self.get(i).expect("a row within the rows")
    }

    pub fn get(&self, i: usize) -> Option<Row<'a>> {
        Some(self.row(self.lines.get(i)?, self.lines.get(i + 1)?))
    }

    /// Rows `range` of these.
    /// Whether the last of these rows is the input's last line.
    pub fn reach_the_end(&self) -> bool {
        self.lines.as_ptr_range().end == self.doc.lines.as_ptr_range().end
    }

    pub fn slice(&self, range: Range<usize>) -> Rows<'a> {
        Rows { doc: self.doc, lines: &self.lines[range.start..range.end + 1] }
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Row<'a>> + ExactSizeIterator + Clone + 'a {
        let this = *self;
        self.lines.windows(2).map(move |w| this.row(&w[0], &w[1]))
    }

    fn row(&self, l: &Line, next: &Line) -> Row<'a> {
        let doc = self.doc;
        let view = |f: &'a Folded, (bytes, chars): (u32, u32), (end_bytes, end_chars): (u32, u32)| FoldedRef {
            text: &f.text[bytes as usize..end_bytes as usize],
            origins: &f.origins[chars as usize..end_chars as usize],
        };
        Row {
            span: l.span(next),
            sep: l.sep,
            cells: &doc.cells[l.cells as usize..next.cells as usize],
            folded: view(&doc.folded, l.folded, next.folded),
            label: match l.label_is_folded {
                true => view(&doc.folded, l.folded, next.folded),
                false => view(&doc.labels, l.label, next.label),
            },
            prose: l.prose,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_values_after_a_label() {
        assert_eq!(kinds("规章 9 9 10"), ["规章", "9", "9", "10"]);
        assert_eq!(kinds("其他对外管理服务事项6 1 0"), ["其他对外管理服务事项", "6", "1", "0"]);
        assert_eq!(kinds("行政事业性收费6.9910"), ["行政事业性收费", "6.9910"]);
        assert_eq!(kinds("（七）总计3 0 3"), ["七总计", "3", "0", "3"]);
        assert_eq!(kinds("（二）部分公开（区分处理的）0 1"), ["二部分公开区分处理的", "0", "1"]);
        assert_eq!(kinds("行政处罚 7 -2 /"), ["行政处罚", "7", "-2", "/"]);
        // Not values: a unit, a year, a numbered label.
        assert_eq!(kinds("全年共受理申请 5件"), ["全年共受理申请5件"]);
        assert_eq!(kinds("3.其他"), ["3其他"]);
        assert_eq!(kinds("2021-01-25"), ["20210125"]);
    }

    fn kinds(line: &str) -> Vec<String> {
        let doc = Doc::read(line);
        let row = doc.rows().at(0);
        {
            row.cells
                .iter()
                .map(|c| match c.kind() {
                    CellKind::Empty => "_".to_owned(),
                    CellKind::Number(n) => n.to_string(),
                    CellKind::Placeholder => "/".to_owned(),
                    CellKind::Text => row.label.text[c.bare()].to_owned(),
                })
                .collect()
        }
    }

    #[test]
    fn classifies_cells() {
        assert_eq!(kinds("2.属于国家秘密\t１２\t\t—\t3.5000"), ["2属于国家秘密", "12", "_", "/", "3.5000"]);
        assert_eq!(kinds("行政许可  0 0 -3"), ["行政许可", "0", "0", "-3"]);
        assert_eq!(kinds("| 0 | 5以公开 |"), ["0", "5以公开"]);
    }
}

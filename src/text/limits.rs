//! What one input may cost, stated in one place. A real report is 5–60 KB
//! with three tables of at most 16 columns; these bounds are far above that
//! and keep hostile or broken input linear in time and bounded in memory.
//! Where a bound cuts something off, the reader records a [`LimitHit`] and
//! the check S-LIMIT reports it.

use super::Span;

/// The largest input the page and the CLI check (bytes of UTF-8). Above it
/// nothing is checked or saved and the user is told so.
pub const MAX_INPUT_BYTES: usize = 10 << 20;
/// The most a check holds at its peak per byte of its input, with room: read,
/// check, the CLI's JSON and the page's marks together stay under 30 bytes a
/// byte on every family of `benches/complexity.rs` at scale, and under 44 on
/// small inputs dense with findings (a finding every 30 bytes). The page asks
/// the allocator for this much before it checks a text: a failed allocation
/// aborts in wasm, a failed reservation can be told.
pub const PEAK_PER_INPUT_BYTE: usize = 48;
/// The largest Word document read (bytes of the file): its images (a seal,
/// photos) may make it larger than its text; its text is then held to
/// [`MAX_INPUT_BYTES`] like any input.
pub const MAX_DOCX_BYTES: usize = 64 << 20;
/// Grid columns of one HTML table whose coverage by rowspans is tracked; cells
/// beyond stay on their row's line, one column each.
pub const MAX_TABLE_COLUMNS: usize = 128;
/// Blank cells written where an HTML table row stops short of the table's
/// right edge: the widest official table has 16 columns.
pub const MAX_ROW_PADDING: usize = 16;
/// Rows a `rowspan` may cover (HTML itself allows 65,534).
pub const MAX_ROWSPAN: usize = 1000;
/// Tables inside tables; deeper `<table>` tags are ignored and their text kept.
pub const MAX_TABLE_DEPTH: usize = 8;

/// Which bound an input reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    TableColumns,
    Rowspan,
    TableDepth,
}

impl Limit {
    pub const ALL: [Limit; 3] = [Limit::TableColumns, Limit::Rowspan, Limit::TableDepth];

    /// Its name in the JSON (`reading.limits`) and between the page's wasm modules.
    pub fn key(self) -> &'static str {
        match self {
            Limit::TableColumns => "table_columns",
            Limit::Rowspan => "rowspan",
            Limit::TableDepth => "table_depth",
        }
    }

    pub fn from_key(key: &str) -> Option<Limit> {
        Limit::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The bound, for the message.
    pub fn bound(self) -> usize {
        match self {
            Limit::TableColumns => MAX_TABLE_COLUMNS,
            Limit::Rowspan => MAX_ROWSPAN,
            Limit::TableDepth => MAX_TABLE_DEPTH,
        }
    }
}

/// A bound reached at `span` of the input (the first place, for each bound).
/// The span is unknown once the text it pointed into was edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitHit {
    pub limit: Limit,
    pub span: Option<Span>,
}

/// `hits` of a text after bytes `replaced` of it became `inserted` bytes (a
/// paste): a hit after the edit moves with the text, one before stays, and one
/// whose text the edit replaced is gone with it.
pub fn after_edit(hits: &[LimitHit], replaced: std::ops::Range<usize>, inserted: usize) -> Vec<LimitHit> {
    let moved = |at: usize| at - replaced.len() + inserted;
    hits.iter()
        .filter_map(|h| match h.span {
            Some(s) if s.end <= replaced.start => Some(*h),
            Some(s) if s.start >= replaced.end => {
                Some(LimitHit { span: Some(Span::new(moved(s.start), moved(s.end))), ..*h })
            }
            Some(_) => None,
            None => Some(*h),
        })
        .collect()
}

/// The one edit that turned `old` into `new`, as a keystroke or a paste makes
/// it: the bytes of `old` it replaced (what lies between their common start
/// and their common end, on char boundaries) and how many bytes it inserted.
pub fn edit_between(old: &str, new: &str) -> (std::ops::Range<usize>, usize) {
    let mut start = old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
        start -= 1;
    }
    let room = old.len().min(new.len()) - start;
    let mut end = old.bytes().rev().zip(new.bytes().rev()).take(room).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(old.len() - end) || !new.is_char_boundary(new.len() - end) {
        end -= 1;
    }
    (start..old.len() - end, new.len() - end - start)
}

/// Where byte `at` of a text is after bytes `replaced` of it became `inserted`
/// bytes: before the edit it stays, after it it moves with the text, inside
/// it it goes to the edit's start.
pub fn offset_after_edit(at: usize, replaced: std::ops::Range<usize>, inserted: usize) -> usize {
    if at <= replaced.start {
        at
    } else if at >= replaced.end {
        at - replaced.len() + inserted
    } else {
        replaced.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edit_between_two_texts_and_offsets_after_it() {
        assert_eq!(edit_between("第一页\n第二页", "第一页\n新的第二页"), (10..10, 6));
        assert_eq!(edit_between("abc", "abc"), (3..3, 0));
        assert_eq!(edit_between("aXc", "aYYc"), (1..2, 2));
        // A change inside a multi-byte char: the edit covers the whole char.
        assert_eq!(edit_between("一", "丁"), (0..3, 3));
        assert_eq!(edit_between("aa", "a"), (1..2, 0));
        // Their ends alike in the last bytes of a char only: the edit covers the whole char.
        assert_eq!(edit_between("a\u{4e00}", "b\u{5e00}"), (0..4, 4));
        assert_eq!(offset_after_edit(4, 10..10, 6), 4);
        assert_eq!(offset_after_edit(10, 10..10, 6), 10);
        assert_eq!(offset_after_edit(12, 10..11, 6), 17);
        assert_eq!(offset_after_edit(12, 10..14, 0), 10);
    }

    #[test]
    fn hits_follow_an_edit() {
        let hit = |start, end| LimitHit { limit: Limit::TableColumns, span: Some(Span::new(start, end)) };
        let placeless = LimitHit { limit: Limit::Rowspan, span: None };
        let hits = [hit(0, 4), hit(10, 14), hit(20, 24), placeless];
        // Bytes 8..12 replaced by 2: the first stays, the second is gone, the third moves back 2.
        assert_eq!(after_edit(&hits, 8..12, 2), [hit(0, 4), hit(18, 22), placeless]);
        // An insertion at 10, before the second hit: it moves.
        assert_eq!(after_edit(&hits, 10..10, 3), [hit(0, 4), hit(13, 17), hit(23, 27), placeless]);
    }
}

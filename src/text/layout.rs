//! Splitting a line of extracted text into cells, the way text extraction lays
//! tables out: tab-separated, Markdown pipes, or columns aligned with runs of
//! spaces. Knows nothing of what the cells mean.

/// How the cells of a line are separated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// One cell: no separator found.
    None,
    Tab,
    Pipe,
    /// Runs of two or more spaces (PDF "layout" extraction).
    Spaces,
}

/// A cell of a line: its byte range in the input (trimmed), and its position:
/// the cell index for tab and pipe layouts, the column ([`columns`]) for spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellSpan {
    pub start: usize,
    pub end: usize,
    pub x: usize,
}

/// The column `text` moves a space-aligned line on by: one per character, CJK
/// too, as pdftotext -layout and pdfplumber lay a PDF's characters out on
/// their grid (the space-aligned text with CJK that users bring), not the two
/// a CJK character takes on screen.
pub fn columns(text: &str) -> usize {
    text.chars().count()
}

/// A line of the input: where it starts, its text, and the length of the
/// line break after it (`\n` and the `\r`s before it, at most 255 bytes).
pub struct Line<'a> {
    pub start: usize,
    pub body: &'a str,
    pub brk: usize,
}

/// The input's lines. A line holding only one tab (and blanks) joins the lines
/// around it into one line of tab-separated cells: Firefox copies a table
/// whose cells hold paragraphs so, each cell on a line of its own and the tab
/// between two cells of a row on a line between them (an empty cell an empty
/// line). A line ending a sentence is never joined, nor rows of empty cells
/// (`\t\t\t`: a table's row with no text).
pub fn lines(input: &str) -> impl Iterator<Item = Line<'_>> {
    let mut raw = input.split_inclusive('\n');
    let mut start = 0;
    // A line ends at a line feed and the carriage returns before it (at most
    // 254 of them are the break: its length is kept in a byte).
    fn physical<'a>(
        raw: &mut std::str::SplitInclusive<'a, char>,
        start: &mut usize,
    ) -> Option<(usize, &'a str, usize)> {
        let r = raw.next()?;
        let body = r.strip_suffix('\n').unwrap_or(r).trim_end_matches('\r');
        let body = &r[..body.len().max(r.len().saturating_sub(255))];
        let line = (*start, body, r.len() - body.len());
        *start += r.len();
        Some(line)
    }
    let tab_only = |body: &str| body.trim_matches(|c| c != '\t' && is_blank(c)) == "\t";
    let joins = |body: &str| !body.contains('。');
    std::iter::from_fn(move || {
        let (first, body, mut brk) = physical(&mut raw, &mut start)?;
        let mut end = first + body.len();
        // Each line joined is looked at once (the first here, the next ones as they are taken).
        let mut open = None;
        loop {
            // Most lines are followed by one that does not start with a tab: told
            // from its first bytes, without splitting it off.
            if input[start..].chars().find(|&c| c == '\t' || c == '\n' || !is_blank(c)) != Some('\t') {
                break;
            }
            let mut ahead = raw.clone();
            let mut at = start;
            if !physical(&mut ahead, &mut at).is_some_and(|(_, tab, _)| tab_only(tab))
                || !*open.get_or_insert_with(|| joins(body))
            {
                break;
            }
            let Some((next, body, next_brk)) = physical(&mut ahead, &mut at).filter(|l| joins(l.1)) else { break };
            (raw, start, end, brk) = (ahead, at, next + body.len(), next_brk);
        }
        Some(Line { start: first, body: &input[first..end], brk })
    })
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// `text` without the blanks around it. Most cells and lines have none: only
/// their first and last characters are looked at then.
pub fn trim_blank(text: &str) -> &str {
    let edge_blank = text.chars().next().is_some_and(is_blank) || text.chars().next_back().is_some_and(is_blank);
    if edge_blank {
        text.trim_matches(is_blank)
    } else {
        text
    }
}

/// Splits `line` (at byte offset `base` of the input) into `cells` (cleared first).
/// Tab and pipe layouts keep empty cells; the space layout has none.
pub fn split_cells(line: &str, base: usize, cells: &mut Vec<CellSpan>) -> Separator {
    cells.clear();
    let trim = |s: usize, e: usize, x: usize| {
        let piece = &line[s..e];
        let body = trim_blank(piece);
        let lead = body.as_ptr() as usize - piece.as_ptr() as usize;
        CellSpan { start: base + s + lead, end: base + s + lead + body.len(), x }
    };
    let split_on = |sep: u8, cells: &mut Vec<CellSpan>| {
        let mut s = 0;
        // Separators are ASCII: a byte search finds them and cuts on char boundaries.
        for (i, _) in line.bytes().enumerate().filter(|(_, b)| *b == sep) {
            cells.push(trim(s, i, cells.len()));
            s = i + 1;
        }
        cells.push(trim(s, line.len(), cells.len()));
    };
    let one_cell = |cells: &mut Vec<CellSpan>| {
        // At its column, as a space-aligned line's cells are (a line of heads one space apart).
        let mut cell = trim(0, line.len(), 0);
        cell.x = columns(&line[..cell.start - base]);
        if cell.start != cell.end {
            cells.push(cell);
        }
        Separator::None
    };
    // Most lines are running text: one cell, told by one pass over the bytes.
    if plain(line.as_bytes()) && !line.contains("\u{3000}") {
        return one_cell(cells);
    }
    // A no-break space alone is an empty cell: Word and LibreOffice write
    // `&nbsp;` into an empty table cell, and their text export puts each cell
    // on a line of its own (an empty line there is a cell a span covers).
    let body = line.trim_matches(|c: char| c.is_ascii_whitespace());
    if !body.is_empty() && body.chars().all(|c| c == '\u{00A0}') {
        let start = base + (body.as_ptr() as usize - line.as_ptr() as usize);
        cells.push(CellSpan { start, end: start + body.len(), x: 0 });
        return Separator::None;
    }
    if line.contains('\t') {
        split_on(b'\t', cells);
        return Separator::Tab;
    }
    // A cell per line, each closed by a pipe (`0 |`): some HTML-to-text
    // converters write a table so when its cells hold paragraphs, with the
    // pipes of the columns a span covers run together after it (`行政许可 | ||`).
    // The text before the pipes is the line's one cell; pipes alone close an
    // empty cell (and those its span covers). Empty cells of a row on one
    // line stand apart: `规章 | | |`.
    if let Some(first) = line.find('|') {
        let (text, closing) = line.split_at(first);
        let covered = closing[1..].trim_matches(|c: char| c.is_ascii_whitespace());
        if covered.bytes().all(|b| b == b'|') {
            cells.push(if trim_blank(text).is_empty() {
                CellSpan { start: base + first, end: base + first, x: 0 }
            } else {
                trim(0, first, 0)
            });
            return Separator::None;
        }
    }
    if line.find('|').is_some_and(|first| line[first + 1..].contains('|')) {
        split_on(b'|', cells);
        // `| a | b |`: the outer pipes open and close the row.
        if line.trim_start_matches(is_blank).starts_with('|') && cells.first().is_some_and(|c| c.start == c.end) {
            cells.remove(0);
        }
        if line.trim_end_matches(is_blank).ends_with('|') && cells.last().is_some_and(|c| c.start == c.end) {
            cells.pop();
        }
        if line.contains('<') {
            split_at_breaks(line, base, cells);
        }
        for (i, c) in cells.iter_mut().enumerate() {
            c.x = i;
        }
        return Separator::Pipe;
    }
    // No run of two blanks: one cell (the rarer Unicode spaces are left to the full split).
    // U+0085 and U+00A0 both start with 0xC2.
    let rare_blank = [0x0B, 0x0C, 0xC2].iter().any(|b| line.as_bytes().contains(b));
    if !line.contains("  ") && !line.contains("\u{3000}") && !rare_blank {
        return one_cell(cells);
    }
    split_spaces(line, base, cells)
}

/// Line breaks and inline tags inside a Markdown table's cells (`|规章|0<br>0<br>0|`,
/// `<sup>0</sup>`: PDF-to-Markdown converters write a cell's lines so, and put
/// the values of columns they merged into one cell): the pieces between them
/// are cells of their own, none empty.
fn split_at_breaks(line: &str, base: usize, cells: &mut Vec<CellSpan>) {
    let bytes = line.as_bytes();
    let mut out = Vec::with_capacity(cells.len());
    for c in cells.iter() {
        let before = out.len();
        let (mut from, end) = (c.start - base, c.end - base);
        let mut i = from;
        while i <= end {
            let tag = if i < end && bytes[i] == b'<' { tag_len(&bytes[i..end]) } else { None };
            if i < end && tag.is_none() {
                i += 1;
                continue;
            }
            // A piece ends at a tag or the cell's end (both on char boundaries).
            let piece = trim_blank(&line[from..i]);
            if !piece.is_empty() {
                let start = base + (piece.as_ptr() as usize - line.as_ptr() as usize);
                out.push(CellSpan { start, end: start + piece.len(), x: 0 });
            }
            i += tag.unwrap_or(1);
            from = i;
        }
        // Tags alone: an empty cell.
        if out.len() == before {
            out.push(CellSpan { start: c.start, end: c.start, x: 0 });
        }
    }
    *cells = out;
}

/// The length of the inline tag `t` starts with (`<br>`, `<BR />`, `</sup>`): letters, slashes, spaces.
fn tag_len(t: &[u8]) -> Option<usize> {
    let close = t.iter().take(10).position(|&b| b == b'>')?;
    let name = &t[1..close];
    let tag =
        name.iter().any(u8::is_ascii_alphabetic) && name.iter().all(|&b| b.is_ascii_alphabetic() || b"/ ".contains(&b));
    tag.then_some(close + 1)
}

/// Whether no byte of `line` can separate cells: no ASCII control or space, no
/// pipe, no 0xC2 (which starts U+0085 and U+00A0). Eight bytes at a time, as
/// this runs over every line of running text.
fn plain(line: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `x` is below `n` (n ≤ 128; see "Bit Twiddling Hacks").
    let has_below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let has_byte = |x: u64, b: u8| has_below(x ^ (ONES * u64::from(b)), 1);
    let mut chunks = line.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if has_below(x, 0x21) | has_byte(x, b'|') | has_byte(x, 0xC2) != 0 {
            return false;
        }
    }
    chunks.remainder().iter().all(|&b| b > 0x20 && b != b'|' && b != 0xC2)
}

fn split_spaces(line: &str, base: usize, cells: &mut Vec<CellSpan>) -> Separator {
    let mut cell: Option<(usize, usize, usize)> = None; // start, end, x
    let mut gap = 0; // width of the blank run since the cell's last char
                     // A character a column (`columns`).
    for (col, (i, c)) in line.char_indices().enumerate() {
        if is_blank(c) {
            gap += if c == '\u{3000}' { 2 } else { 1 };
        } else {
            match cell {
                Some((s, _, x)) if gap < 2 => cell = Some((s, i + c.len_utf8(), x)),
                _ => {
                    if let Some((s, e, x)) = cell.take() {
                        cells.push(CellSpan { start: base + s, end: base + e, x });
                    }
                    cell = Some((i, i + c.len_utf8(), col));
                }
            }
            gap = 0;
        }
    }
    if let Some((s, e, x)) = cell {
        cells.push(CellSpan { start: base + s, end: base + e, x });
    }
    if cells.len() > 1 {
        Separator::Spaces
    } else {
        Separator::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> (Separator, Vec<&str>) {
        let mut cells = Vec::new();
        let sep = split_cells(line, 0, &mut cells);
        (sep, cells.iter().map(|c| &line[c.start..c.end]).collect())
    }

    #[test]
    fn a_line_of_one_tab_joins_the_cells_around_it() {
        let input = "规章\r\n\t\r\n\r\n\t\r\n3\r\n本年度。\n\t\n下一段\n\t\t\n0\n";
        let lines: Vec<(usize, &str, usize)> = lines(input).map(|l| (l.start, l.body, l.brk)).collect();
        let joined = "规章\r\n\t\r\n\r\n\t\r\n3";
        let after = joined.len() + 2;
        assert_eq!(lines[0], (0, joined, 2));
        assert_eq!(texts(lines[0].1), (Separator::Tab, vec!["规章", "", "3"]));
        // A sentence is not a cell; a row of empty cells joins nothing.
        let rest: Vec<&str> = lines[1..].iter().map(|l| l.1).collect();
        assert_eq!(rest, ["本年度。", "\t", "下一段", "\t\t", "0"]);
        assert_eq!(lines[1].0, after);
    }

    #[test]
    fn tabs_keep_empty_cells() {
        assert_eq!(texts("规章\t0\t\t0 "), (Separator::Tab, vec!["规章", "0", "", "0"]));
    }

    #[test]
    fn pipes_drop_the_outer_delimiters() {
        assert_eq!(texts("| 规章 | 0 |  |"), (Separator::Pipe, vec!["规章", "0", ""]));
        assert_eq!(texts("规章 | 0 | ||"), (Separator::Pipe, vec!["规章", "0", "", ""]));
        assert_eq!(texts("规章 | | |"), (Separator::Pipe, vec!["规章", "", ""]));
        // Line breaks and tags in Markdown cells (PDF-to-Markdown converters): pieces are cells, none empty.
        assert_eq!(texts("|规章|0<br>0<br/>0|"), (Separator::Pipe, vec!["规章", "0", "0", "0"]));
        assert_eq!(
            texts("|三、本年<br>|文件2<BR />0|<sup>0</sup>|"),
            (Separator::Pipe, vec!["三、本年", "文件2", "0", "0"])
        );
        assert_eq!(texts("|a<b|<br>|规<i>|"), (Separator::Pipe, vec!["a<b", "", "规"]));
        // A cell per line, closed by a pipe, with those of the columns its span covers.
        assert_eq!(texts("0 |"), (Separator::None, vec!["0"]));
        assert_eq!(texts("本年处理决定数量 | ||"), (Separator::None, vec!["本年处理决定数量"]));
        assert_eq!(texts(" | "), (Separator::None, vec![""]));
        assert_eq!(texts("|||"), (Separator::None, vec![""]));
    }

    #[test]
    fn space_runs_separate_but_single_spaces_do_not() {
        let mut cells = Vec::new();
        let sep = split_cells("自 然 人   12    0", 0, &mut cells);
        assert_eq!(sep, Separator::Spaces);
        assert_eq!(cells.iter().map(|c| c.x).collect::<Vec<_>>(), vec![0, 8, 14]);
        assert_eq!(texts("一、总体情况").0, Separator::None);
    }

    #[test]
    fn a_no_break_space_alone_is_an_empty_cell() {
        assert_eq!(texts("\u{a0}\r"), (Separator::None, vec!["\u{a0}"]));
        assert_eq!(texts("  "), (Separator::None, vec![]));
        assert_eq!(texts("\u{3000}"), (Separator::None, vec![]));
    }

    #[test]
    fn plain_finds_any_separator_byte() {
        let line = "一、总体情况：本年度共主动公开信息";
        assert!(plain(line.as_bytes()));
        // At every position, so both the 8-byte words and the remainder are covered.
        for at in 0..=line.len() {
            for sep in ["\t", " ", "|", "\u{a0}", "\u{85}", "\u{c}"] {
                let (a, b) = line.as_bytes().split_at(at);
                assert!(!plain(&[a, sep.as_bytes(), b].concat()), "{sep:?} at {at}");
            }
        }
    }
}

//! Text → model: reads metadata, chapters, paragraphs and tables out of a
//! pasted report. Never fails: what cannot be read stays missing in the model.
//! HTML is rendered to text first (`text::html`) and every span is mapped back.
//!
//! How a table is read, over the official format as data (`model::template`):
//! 1. Tokens. The text as lines of classified cells (`doc`, `cells`,
//!    `values`; page furniture dropped by `pages`), and, for text whose
//!    table lines were collapsed into running text, as one stream of words
//!    and digit groups (`tokens`). Extraction tools' quirks end here.
//! 2. Alignment. The template's rows, in template order, anchored on the
//!    lines or places that print their labels (`labels` scores damaged and
//!    approximate labels): over lines by `table` (the region each table
//!    takes is chosen by `tables`, the best-scoring reading), over the
//!    stream by one order-keeping dynamic programme (`align`). Where the
//!    lines hold a table weakly, the stream's reading replaces it (below).
//! 3. Placement. Each row's values into its columns (`place`): by position
//!    where the layout kept it (tabs, pipes, aligned columns), in sequence
//!    otherwise, and by the table's own arithmetic where neither decides:
//!    glued digits split (`split`, chosen among by `choose`) and blanks
//!    in rows read short placed (`blanks`).
//!
//! Every choice of steps 2 and 3 that the text did not state is a
//! `ReadNote` in the report (format chosen, where a table starts, labels
//! matched approximately, values placed by position or by arithmetic, ties),
//! which `nianbao check --trace` prints.
//!
//! FIXME(issue 12): step 2 is still two algorithms, the line reader and the
//! stream aligner; the issue asks for one.

mod align;
mod blanks;
mod cells;
mod chapters;
mod choose;
mod dates;
mod doc;
pub mod file;
mod format;
mod held;
mod labels;
mod meta;
mod pages;
mod place;
mod split;
mod table;
mod tables;
mod tokens;
mod values;

use crate::model::{CellValue, InputKind, NoteKind, Paragraphs, ReadBy, Report, Table, TableKind};
use crate::text::layout::trim_blank;
use crate::text::{docx, glosses, html, traditional, Span};
use held::Held;

/// Reads a report from text or HTML (told apart by content). Never panics;
/// unreadable parts are left missing. Spans point into `input`.
pub fn parse(input: &str) -> Report {
    if !html::looks_like_html(input) {
        return parse_text(input);
    }
    let rendered = html::render(input);
    let mut report = parse_text(&rendered.text);
    report.map_spans(|s| rendered.source_span(s));
    report.limits = rendered.limits;
    report.input = InputKind::Html;
    report
}

/// Reads a report from a Word document (.docx): its text (`text::docx`, what
/// the report's spans point into) and the report, or why it is not one.
pub fn parse_docx(bytes: &[u8]) -> Result<(String, Report), docx::DocxError> {
    let extracted = docx::read(bytes)?;
    let mut report = parse_text(&extracted.text);
    report.limits = extracted.limits;
    report.input = InputKind::Docx;
    Ok((extracted.text, report))
}

/// Reads a report from a PDF: its text (`text::pdf`, what the report's spans
/// point into) and the report, or why it has none.
pub fn parse_pdf(bytes: &[u8]) -> Result<(String, Report), crate::text::pdf::PdfError> {
    let extracted = crate::text::pdf::text(bytes)?;
    let mut report = parse_text(&extracted.text);
    report.input = InputKind::Pdf;
    report.pages = extracted.pages;
    Ok((extracted.text, report))
}

/// Reads a report from text only, never as HTML: what the page's editor
/// holds (HTML was rendered to text when it was pasted or opened, so text that
/// merely looks like HTML, such as `&lt;table&gt;` decoded, is not parsed again).
pub fn parse_text(input: &str) -> Report {
    // Offsets are kept in 32 bits: beyond 4 GiB (far past any report, and the
    // 10 MB the page and the CLI take) only the first 4 GiB are read.
    let input = &input[..floor_char_boundary(input, u32::MAX as usize - 1)];
    // Pinyin glosses are read as invisible, traditional script as simplified;
    // the offsets, and so the spans, are the same.
    let unglossed = glosses::without_glosses(input);
    let input = unglossed.as_deref().unwrap_or(input);
    let glossed = unglossed.is_some();
    let mut report = match traditional::to_simplified(input) {
        Some(simplified) => Report { traditional: true, glossed, ..read_text(&simplified) },
        None => Report { glossed, ..read_text(input) },
    };
    if glossed {
        glosses::drop_fill(&mut report);
    }
    report
}

fn read_text(input: &str) -> Report {
    let mut held = Held::Doc(doc::Doc::read(input));
    let mut report = Report::default();
    report.tables = tables::read(held.doc(input).rows(), input, &mut report.notes);
    // A table the lines hold not at all, or mostly not (its rows collapsed into
    // running text, a sentence's keyword taken for its start): the alignment
    // over the whole text reads it instead, where it accounts for more cells.
    let weak = |t: &Option<Table>| t.as_ref().is_none_or(|t| 2 * missing(t) > t.cells.iter().map(Vec::len).sum());
    let t = &report.tables;
    // Chapter headings inside running text, read while the token stream is at hand.
    let mut inline = None;
    if weak(&t.requests) || weak(&t.active) && weak(&t.review) {
        let mut notes = Vec::new();
        let stream = held.stream(input);
        let collapsed = align::read(stream, &mut notes);
        inline = Some(chapters::read_inline(stream, input));
        let t = &mut report.tables;
        let mut taken = [false; 3];
        // Blanks the arithmetic placed count as cells not found: a guess wins no comparison.
        let inferred = |kind: TableKind| -> usize {
            let blanks = notes.iter().filter(|n| n.table == kind).map(|n| match n.kind {
                NoteKind::Split { blanks, .. } => blanks,
                _ => 0,
            });
            blanks.sum()
        };
        for (kind, line, aligned) in [
            (TableKind::Active, &mut t.active, collapsed.active),
            (TableKind::Requests, &mut t.requests, collapsed.requests),
            (TableKind::Review, &mut t.review, collapsed.review),
        ] {
            let guessed = inferred(kind);
            let better =
                aligned.as_ref().is_some_and(|a| line.as_ref().is_none_or(|l| missing(a) + guessed < missing(l)));
            if weak(line) && better {
                *line = aligned.map(|t| Table { read_by: ReadBy::Stream, ..t });
                taken[kind as usize] = true;
            }
        }
        report.notes.retain(|n| !taken[n.table as usize]);
        report.notes.extend(notes.into_iter().filter(|n| taken[n.table as usize]));
    }
    for table in report.tables.iter_mut() {
        // Glued cells led by 0 (`规章000`): split, and said to be (a split decision).
        for (r, n) in place::split_zero_led_runs(&mut table.cells, input) {
            let row = table.def.rows[r].key;
            let (kind, span) = (table.def.kind, table.cells[r].iter().find_map(|c| c.span).unwrap_or(table.span));
            report.notes.retain(|m| !(m.table == kind && m.row == row && m.kind == NoteKind::PlacedByPosition));
            let readings = Some(1);
            let split = NoteKind::Split { readings, balanced: 1, other: None, blanks: 0, cells: n, lines: false };
            report.notes.push(crate::model::ReadNote { table: kind, row, kind: split, span });
        }
        // Rows read short whose blanks left no trace: placed where the identities put them.
        if table.read_by == ReadBy::Lines {
            blanks::place(table, &mut report.notes);
        }
        table.template_shown = format::shows_template(table, input);
        for cell in table.cells.iter_mut().flatten() {
            if let (CellValue::Invalid(text), Some(s)) = (&mut cell.value, cell.span) {
                input[s.start..s.end].clone_into(text);
            }
        }
    }
    let t = &report.tables;
    let spans: Vec<Span> = t.iter().map(|t| t.span).collect();
    let inside_span = |r: Span, tables: &[Span]| tables.iter().any(|t| r.start >= t.start && r.end <= t.end);
    let inside = |r: &doc::Row, tables: &[Span]| inside_span(r.span, tables);
    // The review table's span starts at its caption, which may be the chapter heading.
    let not_review: Vec<Span> = t.active.iter().chain(&t.requests).map(|t| t.span).collect();
    report.chapters = chapters::read(held.doc(input).rows(), input, |r| inside(r, &not_review));
    if report.chapters.is_empty() {
        // No heading on a line of its own: the headings may stand inside running text.
        report.chapters = inline.unwrap_or_else(|| chapters::read_inline(held.stream(input), input));
    }
    let body_start = report.chapters.first().map_or(usize::MAX, |c| c.span.start);
    meta::read(held.doc(input).rows(), |r| inside(r, &spans), input, body_start, &mut report.meta);
    report.meta.template = t.active.iter().chain(&t.requests).find(|t| t.template_shown).map(|t| t.template);
    // The paragraphs need the lines only: the cells and folded text are freed first.
    let lines = held.into_doc(input).into_lines();
    report.paragraphs = paragraphs(&lines, |r| inside_span(r, &spans), &spans, input, &report.chapters);
    report
}

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// The cells of `table` the reader did not find.
fn missing(table: &Table) -> usize {
    table.cells.iter().flatten().filter(|c| c.value == CellValue::Missing).count()
}

/// Running text: the non-empty lines outside tables, other than headings,
/// each with the chapter it stands in. A line that a PDF wrapped (long, with
/// no sentence end) runs on into the next line. A line holding headings or
/// tables inside it (a page collapsed onto one line) gives the pieces between them.
fn paragraphs(
    lines: &doc::Lines,
    in_table: impl Fn(Span) -> bool,
    tables: &[Span],
    input: &str,
    chapters: &[crate::model::Chapter],
) -> Paragraphs {
    // At most one a line, more only where headings or tables cut a line: sized
    // up front, since doubling as they come would leave up to half unused.
    let mut out = Paragraphs::with_capacity(lines.iter().filter(|r| r.has_cells).count(), 0);
    let mut chapter = None;
    let mut next = chapters.iter().peekable();
    // Whether the last paragraph's last line was wrapped.
    let mut wrapped = false;
    for r in lines.iter() {
        // The pieces of the line outside headings and tables, each with its chapter.
        let within = |s: &Span| s.start >= r.span.start && s.end <= r.span.end;
        let mut cuts: Vec<(Span, bool)> = Vec::new();
        while let Some(c) = next.next_if(|c| within(&c.span)) {
            cuts.push((c.span, true));
        }
        // A line without cells is blank, a Markdown rule or a page number.
        if !r.has_cells || in_table(r.span) {
            chapter = chapter.map_or(cuts.len().checked_sub(1), |c| Some(c + cuts.len()));
            wrapped = false;
            continue;
        }
        cuts.extend(tables.iter().filter(|t| within(t)).map(|t| (*t, false)));
        crate::text::order::sort_by_key(&mut cuts, |(s, _)| s.start);
        let mut pieces = Vec::new();
        let mut at = r.span.start;
        for (cut, heading) in &cuts {
            pieces.push((at, cut.start.max(at), chapter));
            at = at.max(cut.end);
            if *heading {
                chapter = Some(chapter.map_or(0, |c| c + 1));
            }
        }
        pieces.push((at, r.span.end, chapter));
        let whole = cuts.is_empty();
        for (from, to, chapter) in pieces {
            let line = &input[from..to];
            let text = trim_blank(line);
            // Marks alone are no text: the `## ` before a Markdown heading, a rule.
            if text.chars().all(|c| matches!(c, '#' | '*' | '>' | '-' | '=' | '|')) {
                continue;
            }
            let start = from + (text.as_ptr() as usize - line.as_ptr() as usize);
            let end = start + text.len();
            // The text is taken once the paragraph is complete (copying it on
            // every wrapped line would cost the square of its length).
            if wrapped && whole && !out.is_empty() {
                out.extend_last(end);
            } else {
                out.push_span(Span::new(start, end), chapter);
            }
        }
        let text = trim_blank(&input[r.span.start..r.span.end]);
        wrapped = whole && text.chars().count() >= WRAPPED_LINE && !text.ends_with(SENTENCE_ENDS);
    }
    // The paragraph's text stays the input's own, line breaks included.
    out.take_texts(|s| &input[s.start..s.end]);
    out
}

/// Chars from which a line without a sentence end is a wrapped one (a PDF line
/// of running text holds 30 to 40; headings and names are shorter).
const WRAPPED_LINE: usize = 28;

const SENTENCE_ENDS: [char; 9] = ['。', '！', '？', '；', '：', '!', '?', ';', ':'];

/// The span in `input` of chars `start..end` of a folded text with `origins`.
fn source_span(input: &str, origins: &[u32], start: usize, end: usize) -> Option<Span> {
    if end <= start {
        return None;
    }
    let from = *origins.get(start)? as usize;
    let last = *origins.get(end - 1)? as usize;
    let len = input.get(last..)?.chars().next().map_or(0, char::len_utf8);
    Some(Span::new(from, last + len))
}

//! .docx → text: the Word (or WPS) document as the same lines the HTML
//! reader gives for the same report. WordprocessingML (word/document.xml) is
//! translated into the few HTML elements the HTML renderer reads — paragraphs,
//! line breaks, tables with `colspan` (`w:gridSpan`, `w:gridBefore`) and
//! `rowspan` (`w:vMerge` restart/continue) — and rendered by it, so tables
//! become tab-separated lines of their cells. Automatic numbers (`一、`,
//! `（一）`) are written from numbering.xml; tracked deletions and format
//! changes, field codes, the fallback of `mc:AlternateContent` and `w:sdt`
//! properties are left out.
//! Tags are matched by local name: WPS writes its own namespaces.

mod numbering;
mod xml;

use super::html;
use super::limits::{LimitHit, MAX_INPUT_BYTES, MAX_TABLE_DEPTH};
use super::zip;
pub use super::zip::ZipError;
use numbering::Numbering;
use xml::{attr, unescape, Event, Reader};

/// Why a file could not be read as a .docx.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocxError {
    /// A ZIP archive with no word/document.xml (an .xlsx, .pptx or other archive).
    NotWord,
    /// The document's text is larger than any input is checked (`MAX_INPUT_BYTES`).
    TextTooLarge,
    Zip(ZipError),
}

impl DocxError {
    /// What to tell the user.
    pub fn message(self) -> &'static str {
        match self {
            DocxError::NotWord => "是压缩包但不是 Word 文档（.docx），未检查",
            DocxError::TextTooLarge => "Word 文档中的文字超过 10 MB，未检查（一份年度报告通常只有 5–60 KB）",
            DocxError::Zip(ZipError::NotZip | ZipError::Damaged | ZipError::Missing) => "Word 文档已损坏，无法读取",
            DocxError::Zip(ZipError::Unsupported) => {
                "Word 文档使用了不支持的压缩方式，请在 Word 或 WPS 中另存为 .docx 后再试"
            }
            DocxError::Zip(ZipError::TooLarge) => "Word 文档解压后超过 16 MB，未检查",
        }
    }
}

/// The text of a .docx, and the reading limits its tables reached (spans in the text).
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub text: String,
    pub limits: Vec<LimitHit>,
}

/// Whether `bytes` are a Word document (a ZIP archive holding word/document.xml).
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && zip::has(bytes, "word/document.xml")
}

/// Reads a .docx; see the module doc.
pub fn read(bytes: &[u8]) -> Result<Extracted, DocxError> {
    let document = match zip::member(bytes, "word/document.xml") {
        Err(ZipError::Missing) => return Err(DocxError::NotWord),
        other => other.map_err(DocxError::Zip)?,
    };
    let part = |name: &str| zip::member(bytes, name).map(|b| String::from_utf8_lossy(&b).into_owned());
    let numbering =
        Numbering::new(&part("word/numbering.xml").unwrap_or_default(), &part("word/styles.xml").unwrap_or_default());
    let extracted = extract(&String::from_utf8_lossy(&document), numbering);
    if extracted.text.len() > MAX_INPUT_BYTES {
        return Err(DocxError::TextTooLarge);
    }
    Ok(extracted)
}

/// The text of a document.xml and its numbering.xml, with no archive around
/// them (for the fuzz target, which explores WordprocessingML itself).
pub fn from_xml(document: &str, numbering: &str) -> Extracted {
    extract(document, Numbering::new(numbering, ""))
}

fn extract(document: &str, numbering: Numbering) -> Extracted {
    let rendered = html::render(&to_html(document, numbering));
    Extracted { limits: rendered.text_limits(), text: rendered.text }
}

/// Elements whose content is not the document's text.
/// Tracked format changes (`w:pPrChange` …) hold the properties as they were: not the document's.
const SKIPPED: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "Fallback",
    "sdtPr",
    "rPr",
    "tblPr",
    "tblGrid",
    "pPrChange",
    "trPrChange",
    "tcPrChange",
    "tblPrChange",
    "sectPrChange",
];
/// Table cells read in one document, at most: the three official tables have
/// 219. Beyond it a cell's text joins the cell before (a ZIP of a few KB can
/// inflate to millions of empty cells).
const MAX_CELLS: usize = 100_000;

/// A cell being read: where it starts on the grid, its span, its merge state and content.
struct Tc {
    col: usize,
    span: usize,
    merge: Merge,
    html: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Merge {
    None,
    Restart,
    Continue,
}

#[derive(Default)]
struct Tbl {
    rows: Vec<Vec<Tc>>,
    /// Grid columns left empty before the open row's first cell.
    before: usize,
}

impl Tbl {
    /// The table as HTML: a vertically merged cell spans the rows that continue it.
    fn html(&self) -> String {
        let mut out = String::from("<table>");
        for (r, row) in self.rows.iter().enumerate() {
            out.push_str("<tr>");
            let lead = row.first().map_or(0, |c| c.col);
            if lead > 0 {
                out.push_str(&format!("<td colspan=\"{lead}\"></td>"));
            }
            for tc in row.iter().filter(|tc| tc.merge != Merge::Continue) {
                let mut rowspan = 1;
                if tc.merge == Merge::Restart {
                    // Cells of a row stand in column order: each Continue below is looked up once.
                    let continues = |row: &Vec<Tc>| {
                        row.binary_search_by_key(&tc.col, |c| c.col).is_ok_and(|i| row[i].merge == Merge::Continue)
                    };
                    rowspan += self.rows[r + 1..].iter().take_while(|row| continues(row)).count();
                }
                out.push_str(&format!("<td colspan=\"{}\" rowspan=\"{rowspan}\">", tc.span));
                out.push_str(&tc.html);
                out.push_str("</td>");
            }
            out.push_str("</tr>");
        }
        out.push_str("</table>");
        out
    }
}

/// document.xml as HTML.
fn to_html(document: &str, mut numbering: Numbering) -> String {
    let mut out = String::new();
    let mut tables: Vec<Tbl> = Vec::new();
    // Tables nested deeper than the bound: their markup is ignored, their text kept.
    let mut ignored = 0usize;
    let mut skip = 0usize;
    // The open paragraph's numbering: (numId, level) given directly, and its style.
    let (mut num, mut style): (Option<(String, usize)>, Option<String>) = (None, None);
    let mut level = 0;
    let mut in_text = false;
    let mut cells = 0;
    for e in Reader::new(document) {
        if skip > 0 {
            match e {
                Event::Start { empty: false, .. } => skip += 1,
                Event::End { .. } => skip -= 1,
                _ => {}
            }
            continue;
        }
        let sink = |tables: &mut Vec<Tbl>, out: &mut String, s: &str| match open_cell(tables) {
            Some(tc) => tc.html.push_str(s),
            None => out.push_str(s),
        };
        match e {
            Event::Start { name, empty: false, .. } if SKIPPED.contains(&name) => skip = 1,
            Event::Start { name: "p", .. } => {
                (num, style, level) = (None, None, 0);
                sink(&mut tables, &mut out, "<p>");
            }
            Event::End { name: "p" } => sink(&mut tables, &mut out, "</p>"),
            Event::Start { name: "pStyle", attrs, .. } => style = attr(attrs, "val").map(str::to_owned),
            Event::Start { name: "ilvl", attrs, .. } => {
                level = attr(attrs, "val").and_then(|v| v.parse().ok()).unwrap_or(0)
            }
            Event::Start { name: "numId", attrs, .. } => num = attr(attrs, "val").map(|v| (v.to_owned(), 0)),
            Event::End { name: "pPr" } => {
                let given = num.take().map(|(id, _)| (id, level));
                let styled = || style.as_deref().and_then(|s| numbering.of_style(s));
                if let Some((id, l)) = given.or_else(styled) {
                    let label = numbering.next(&id, l);
                    sink(&mut tables, &mut out, &escape(&label));
                }
            }
            // Text is only in w:t; elsewhere it is the file's indentation.
            Event::Start { name: "t", empty: false, .. } => in_text = true,
            Event::End { name: "t" } => in_text = false,
            Event::Text(t) if in_text => {
                let mut text = String::new();
                unescape(t, &mut text);
                sink(&mut tables, &mut out, &escape(&text));
            }
            Event::Start { name: "tab", .. } => sink(&mut tables, &mut out, " "),
            Event::Start { name: "br" | "cr", .. } => sink(&mut tables, &mut out, "<br>"),
            Event::Start { name: "tbl", empty: false, .. } => {
                if tables.len() >= MAX_TABLE_DEPTH {
                    // One table too deep for the HTML renderer, so that it records the limit (S-LIMIT).
                    if ignored == 0 {
                        sink(&mut tables, &mut out, "<table></table>");
                    }
                    ignored += 1;
                } else {
                    tables.push(Tbl::default());
                }
            }
            Event::End { name: "tbl" } => {
                if ignored > 0 {
                    ignored -= 1;
                } else if let Some(t) = tables.pop() {
                    let html = t.html();
                    sink(&mut tables, &mut out, &html);
                }
            }
            Event::Start { name: "tr", empty: false, .. } if ignored == 0 => {
                if let Some(t) = tables.last_mut() {
                    t.rows.push(Vec::new());
                    t.before = 0;
                }
            }
            Event::Start { name: "gridBefore", attrs, .. } if ignored == 0 => {
                if let Some(t) = tables.last_mut() {
                    t.before = attr(attrs, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
            }
            Event::Start { name: "tc", .. } if ignored == 0 && cells < MAX_CELLS => {
                cells += 1;
                if let Some(t) = tables.last_mut() {
                    let before = t.before;
                    if let Some(row) = t.rows.last_mut() {
                        let col = row.last().map_or(before, |c| c.col.saturating_add(c.span));
                        row.push(Tc { col, span: 1, merge: Merge::None, html: String::new() });
                    }
                }
            }
            Event::Start { name: "gridSpan", attrs, .. } if ignored == 0 => {
                if let Some(tc) = open_cell(&mut tables) {
                    tc.span = attr(attrs, "val").and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
                }
            }
            Event::Start { name: "vMerge", attrs, .. } if ignored == 0 => {
                if let Some(tc) = open_cell(&mut tables) {
                    tc.merge = if attr(attrs, "val") == Some("restart") { Merge::Restart } else { Merge::Continue };
                }
            }
            _ => {}
        }
    }
    while let Some(t) = tables.pop() {
        let html = t.html();
        match open_cell(&mut tables) {
            Some(tc) => tc.html.push_str(&html),
            None => out.push_str(&html),
        }
    }
    out
}

/// The cell being read in the innermost table.
fn open_cell(tables: &mut [Tbl]) -> Option<&mut Tc> {
    tables.last_mut()?.rows.last_mut()?.last_mut()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

//! PDF (`.pdf`) to text, by where each character stands: each page's
//! characters with their positions (`glyphs`), gathered into lines top to
//! bottom, each line's characters left to right, a wide gap between two of
//! them (a table's column) written as a tab. The text then goes to the one
//! text reader, as a .docx's does.
//!
//! FIXME(issue 14): tables are read from the gaps between characters (the
//! "stream" way), not yet from the ruling lines a PDF draws around cells
//! (lattice), nor joined across pages; predefined CMaps other than UCS-2 and
//! the Kangxi radicals some producers emit in place of ideographs are not
//! mapped yet.

mod fonts;
mod glyphs;

pub use glyphs::Glyph;

use super::limits::MAX_INPUT_BYTES;

/// Why a PDF gave no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// Not a PDF this reader can open (damaged, or encrypted).
    Unreadable,
    /// No page shows any text: a scan (images only) needs OCR first.
    NoText,
}

impl PdfError {
    pub fn message(self) -> &'static str {
        match self {
            PdfError::Unreadable => "PDF 文件损坏或已加密，无法读取",
            PdfError::NoText => "PDF 中没有文字（可能是扫描件，需先做文字识别）",
        }
    }
}

/// Content operators interpreted in one PDF at most: far more than a report's
/// pages hold, and a bound on what forms drawn inside forms can ask for.
const MAX_OPERATIONS: usize = 4_000_000;

/// The text of a PDF, page after page, its lines laid out as described above.
pub fn text(bytes: &[u8]) -> Result<String, PdfError> {
    let pdf = hayro_syntax::Pdf::new(bytes.to_vec()).map_err(|_| PdfError::Unreadable)?;
    let mut out = String::new();
    let mut budget = MAX_OPERATIONS;
    let mut glyphs = Vec::new();
    for page in pdf.pages().iter() {
        glyphs.clear();
        glyphs::page_glyphs(page, &mut glyphs, &mut budget);
        lay_out(&mut glyphs, &mut out);
        if out.len() > MAX_INPUT_BYTES {
            break;
        }
    }
    if out.trim().is_empty() {
        return Err(PdfError::NoText);
    }
    Ok(out)
}

/// A gap between two characters of a line wider than this many font sizes
/// separates cells (two spaces at least); wider than `SPACE_GAP`, words (one).
const CELL_GAP: f64 = 0.8;
const SPACE_GAP: f64 = 0.2;
/// Characters whose baselines differ by less than this many font sizes stand on one line.
const SAME_LINE: f64 = 0.4;

/// One page's characters as lines of text appended to `out`, each character
/// at the display column of its position (half the page's usual font size a
/// column, an ideograph two), as `pdftotext -layout` lays text out: a table's
/// columns stay aligned down the page, and a blank cell keeps its place.
fn lay_out(glyphs: &mut Vec<Glyph>, out: &mut String) {
    glyphs.retain(|g| g.size > 0.0 && g.x.is_finite() && g.y.is_finite());
    if glyphs.is_empty() {
        return;
    }
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let column = sizes[sizes.len() / 2] / 2.0;
    let left = glyphs.iter().map(|g| g.x).fold(f64::INFINITY, f64::min);
    // Top to bottom (PDF's y grows upwards), then left to right within a line.
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut start = 0;
    while start < glyphs.len() {
        let top = glyphs[start].y;
        let mut end = start + 1;
        while end < glyphs.len() && top - glyphs[end].y < SAME_LINE * glyphs[start].size.max(glyphs[end].size) {
            end += 1;
        }
        let line = &mut glyphs[start..end];
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut at = 0;
        let mut last: Option<&Glyph> = None;
        for g in line.iter() {
            let target = ((g.x - left) / column).round().clamp(0.0, MAX_COLUMN) as usize;
            let least = match last {
                Some(p) => {
                    let gap = g.x - (p.x + p.width);
                    let size = p.size.max(g.size);
                    if gap > CELL_GAP * size {
                        2
                    } else if gap > SPACE_GAP * size && !p.text.ends_with(' ') && g.text != " " {
                        1
                    } else {
                        0
                    }
                }
                None => 0,
            };
            // Only a gap is widened to its column: characters that touch stay
            // together whatever their size (a heading's are larger than a column's).
            let pad = if least == 0 { 0 } else { target.saturating_sub(at).max(least) };
            out.extend(std::iter::repeat_n(' ', pad));
            out.push_str(&g.text);
            at += pad + super::layout::display_width(&g.text);
            last = Some(g);
        }
        out.push('\n');
        start = end;
    }
}

/// The rightmost display column a character is placed at (a page is about 200 wide).
const MAX_COLUMN: f64 = 4096.0;

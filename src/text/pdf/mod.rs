//! PDF (`.pdf`) to text, by where each character stands. Each page's
//! characters with their positions and its ruling lines (`glyphs`); the
//! tables those lines draw read cell by cell (`lattice`: a row's cells
//! tab-separated, as an HTML table's); the other characters gathered into
//! lines top to bottom, left to right, each at the column of its position,
//! as `pdftotext -layout` lays text out (one column a character); the
//! running headers, footers and page numbers dropped (`furniture`). The text
//! then goes to the one text reader, as a .docx's does.
//!
//! FIXME(issue 14): borderless tables are read from the gaps between
//! characters only (no "stream" table detection); furniture is looked for in
//! each page's outermost line on each side only (a footer of two lines keeps
//! its inner one); predefined CMaps other than the UCS-2 ones are not read.

mod fonts;
mod furniture;
mod glyphs;
mod lattice;
mod ruling;
mod streams;

pub use glyphs::Glyph;

use super::limits::MAX_INPUT_BYTES;

/// Why a PDF gave no text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// Not a PDF this reader can open (damaged, or encrypted).
    Unreadable,
    /// No page shows any text: a scan (images only) needs OCR first.
    NoText,
    /// The text cannot be told from the file (fonts without a ToUnicode
    /// CMap, or mapped to unusable characters): the .docx it was made from reads.
    Unusable,
    /// Its text is over the input limit (`limits::MAX_INPUT_BYTES`).
    TooLarge,
}

impl PdfError {
    pub fn message(self) -> &'static str {
        match self {
            PdfError::Unreadable => "PDF 文件损坏或已加密，无法读取",
            PdfError::NoText => "PDF 中没有文字（可能是扫描件，需先做文字识别）",
            PdfError::TooLarge => "PDF 中的文字超过 10 MB 的上限，未检查（一份年度报告通常只有 5–60 KB）",
            PdfError::Unusable => "PDF 中的文字无法正确取出（字体没有附带编码对照），请改为打开生成它的 .docx 文件",
        }
    }
}

/// Work one PDF may ask for, in content operators and in every 64 bytes of
/// the content streams run (forms counted each time they are drawn): far
/// more than a report's pages hold, a bound on what forms inside forms ask for.
const MAX_OPERATIONS: usize = 4_000_000;
/// Pages read at most (a page tree may name one page a million times).
const MAX_PAGES: usize = 5_000;

/// Whether `bytes` are a PDF: its header within the first KB (readers allow
/// bytes before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// A PDF's text, and where each page's begins in it.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub text: String,
    /// Byte offsets into `text` of each page's first line, in page order.
    pub pages: Vec<usize>,
}

/// The text of a PDF, page after page, its lines laid out as described above
/// (control characters a font maps to dropped, as `hygiene` does).
pub fn text(bytes: &[u8]) -> Result<Extracted, PdfError> {
    let pdf = hayro_syntax::Pdf::new(bytes.to_vec()).map_err(|_| PdfError::Unreadable)?;
    let mut laid_out: Vec<furniture::Page> = Vec::new();
    let mut size = 0;
    let mut glyphs = Vec::new();
    let mut rules = Vec::new();
    let mut tally = glyphs::Tally::default();
    let mut work = glyphs::Work::new(MAX_OPERATIONS, streams::MAX_DECODED);
    for page in pdf.pages().iter().take(MAX_PAGES) {
        if work.spent() {
            break;
        }
        glyphs.clear();
        rules.clear();
        glyphs::page_glyphs(page, &mut glyphs, &mut rules, &mut work, &mut tally);
        for g in &mut glyphs {
            unify(&mut g.text);
        }
        glyphs.retain(|g| g.size > 0.0 && [g.x, g.y, g.width, g.size].iter().all(|v| v.is_finite()));
        // The tables ruled on the page take their characters; the rest is laid out in lines.
        let tables = lattice::tables(&rules, &mut glyphs);
        let mut rows: Vec<(f64, String)> =
            tables.into_iter().flat_map(|t| t.rows).map(|(top, cells)| (top, cells.join("\t"))).collect();
        rows.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut page = furniture::Page::default();
        (page.top, page.bottom) = lay_out(&mut glyphs, &rows, &mut page.text);
        size += page.text.len();
        if size > MAX_INPUT_BYTES {
            return Err(PdfError::TooLarge);
        }
        laid_out.push(page);
    }
    // The pages' text without their running headers, footers and numbers.
    let mut out = String::with_capacity(size);
    let mut pages = Vec::with_capacity(laid_out.len());
    for (page, drop) in laid_out.iter().zip(furniture::furniture(&laid_out)) {
        // The lines cut, each with its line break, top first.
        let mut text = String::with_capacity(page.text.len());
        let mut at = 0;
        for edge in
            [(&page.top, drop[0]), (&page.bottom, drop[1])].into_iter().filter_map(|(e, d)| e.as_ref().filter(|_| d))
        {
            text.push_str(&page.text[at..edge.range.start]);
            at = (edge.range.end + 1).min(page.text.len());
        }
        text.push_str(&page.text[at..]);
        pages.push(out.len());
        out.push_str(&super::hygiene::clean(&text));
    }
    if out.trim().is_empty() && tally.unknown == 0 {
        return Err(PdfError::NoText);
    }
    // Codes no text is known for, or characters no report holds, in more than
    // one shown in ten: what would be checked is not the report.
    let unusable = out.chars().filter(|&c| c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c)).count();
    if 10 * (tally.unknown + unusable) > tally.shown + tally.unknown {
        return Err(PdfError::Unusable);
    }
    Ok(Extracted { text: out, pages })
}

/// Kangxi radicals and CJK radicals-supplement characters, which PDF
/// producers emit in place of the ideographs they look like (`⼀` for `一`),
/// as those ideographs (their compatibility mapping, `text::compat_table`).
fn unify(text: &mut String) {
    let radical = |c: char| matches!(c, '\u{2E80}'..='\u{2EF3}' | '\u{2F00}'..='\u{2FD5}');
    if !text.chars().any(radical) {
        return;
    }
    *text = text
        .chars()
        .map(|c| match super::compat_table::COMPAT.binary_search_by(|(k, _)| k.cmp(&c)) {
            Ok(i) if radical(c) => super::compat_table::COMPAT[i].1.to_owned(),
            _ => c.to_string(),
        })
        .collect();
}

/// A gap between two characters of a line wider than this many font sizes
/// separates cells (two spaces at least); wider than `SPACE_GAP`, words (one).
const CELL_GAP: f64 = 0.8;
pub(super) const SPACE_GAP: f64 = 0.2;
/// Characters whose baselines differ by less than this many font sizes stand on one line.
pub(super) const SAME_LINE: f64 = 0.4;

/// One page's characters as lines of text appended to `out`, each character
/// at the column of its position (half the page's usual font size a column;
/// a character, an ideograph too, takes one, `layout::columns`), as
/// `pdftotext -layout` lays text out: a table's
/// columns stay aligned down the page, and a blank cell keeps its place.
/// `rows` (a table's rows, each at its top, top to bottom) go in between the
/// lines where they stand.
/// Returns the page's first and last line of text where no table's row
/// stands before or after it (`furniture`).
fn lay_out(
    glyphs: &mut [Glyph],
    rows: &[(f64, String)],
    out: &mut String,
) -> (Option<furniture::Edge>, Option<furniture::Edge>) {
    let (mut first, mut last_line) = (None, None);
    let mut rows = rows.iter().peekable();
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let column = sizes.get(sizes.len() / 2).map_or(1.0, |s| s / 2.0);
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
        // The table rows above this line come first.
        let line_top = top + glyphs_top(line);
        while let Some((_, row)) = rows.next_if(|(row_top, _)| *row_top > line_top) {
            out.push_str(row);
            out.push('\n');
        }
        let line_start = out.len();
        let line = &mut glyphs[start..end];
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut at = 0;
        let mut last: Option<&Glyph> = None;
        for g in line.iter() {
            let target = ((g.x - left) / column).round().clamp(0.0, MAX_COLUMN) as usize;
            let least = match last {
                // A line's first character stands at its column too (a value alone on its line).
                None => 1,
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
            };
            // Only a gap is widened to its column: characters that touch stay
            // together whatever their size (a heading's are larger than a column's).
            let pad = match (least, last) {
                (0, _) => 0,
                (_, None) => target,
                _ => target.saturating_sub(at).max(least),
            };
            out.extend(std::iter::repeat_n(' ', pad));
            out.push_str(&g.text);
            at += pad + super::layout::columns(&g.text);
            last = Some(g);
        }
        let edge = furniture::Edge { range: line_start..out.len(), y: top };
        if line_start == 0 {
            first = Some(edge.clone());
        }
        last_line = Some(edge);
        out.push('\n');
        start = end;
        // Past the input limit nothing more is laid out (the caller refuses the text).
        if out.len() > MAX_INPUT_BYTES {
            return (None, None);
        }
    }
    let below = rows.peek().is_some();
    for (_, row) in rows {
        out.push_str(row);
        out.push('\n');
    }
    // One line is the page's first, not also its last.
    let last_line = last_line.filter(|l| !below && first.as_ref().is_none_or(|f| f.range != l.range));
    (first, last_line)
}

/// How far above its baseline a line's characters reach (its largest size, roughly).
fn glyphs_top(line: &[Glyph]) -> f64 {
    0.8 * line.iter().map(|g| g.size).fold(0.0, f64::max)
}

/// The rightmost column a character is placed at (a page is about 200 wide).
const MAX_COLUMN: f64 = 4096.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_become_the_ideographs_they_stand_for() {
        let mut t = "⼀、⼯作概况 ⺟ ① 一".to_owned();
        unify(&mut t);
        assert_eq!(t, "一、工作概况 母 ① 一");
    }

    /// A one-page PDF showing `content` with font `font` as /F1 (objects 5 and
    /// on), with a cross-reference table the reader repairs (none is written).
    fn pdf(content: &str, font: &[&str]) -> Vec<u8> {
        let mut out = String::from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        out += "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n";
        out += "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ";
        out += "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >> endobj\n";
        out += &format!("4 0 obj << /Length {} >> stream\n{content}\nendstream endobj\n", content.len());
        for (i, object) in font.iter().enumerate() {
            out += &format!("{} 0 obj {object} endobj\n", 5 + i);
        }
        out += "trailer << /Root 1 0 R >>\n%%EOF\n";
        out.into_bytes()
    }

    #[test]
    fn fonts_give_their_text() {
        // A standard font: its codes are ASCII.
        let simple = pdf(
            "BT /F1 12 Tf 72 700 Td (2021) Tj 100 0 Td (5) Tj ET",
            &["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
        );
        // The 5 stands 100 pt to the right: at its column (a column is 6 pt here).
        assert_eq!(text(&simple).unwrap().text, format!("2021{}5\n", " ".repeat(13)));
        // A font not embedded, its codes UCS-2 (what WPS writes for SimSun), or UTF-16:
        // the same codes for Chinese, and beyond the BMP a pair (𠀀, U+20000).
        let utf16 = [
            ("UCS2", "<4E00 5E74>", "一年\n"),
            ("UTF16", "<4E00 5E74>", "一年\n"),
            ("UTF16", "<D840DC00 4E00>", "\u{20000}一\n"),
        ];
        for (encoding, shown, read) in utf16 {
            let type0 = format!("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /UniGB-{encoding}-H /DescendantFonts [6 0 R] >>");
            let ucs2 = pdf(
                &format!("BT /F1 12 Tf 72 700 Td {shown} Tj ET"),
                &[&type0, "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /DW 1000 >>"],
            );
            assert_eq!(text(&ucs2).unwrap().text, read, "{encoding} {shown}");
        }
        // Identity-H with a ToUnicode CMap: codes 1 and 2 are 规 and 章.
        let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <89C4> <0002> <7AE0> endbfchar endcmap end end";
        let mapped = pdf(
            "BT /F1 10 Tf 72 700 Td <00010002> Tj ET",
            &["<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
              "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 >>",
              &format!("<< /Length {} >> stream\n{cmap}\nendstream", cmap.len())],
        );
        assert_eq!(text(&mapped).unwrap().text, "规章\n");
        // The same without its CMap: the text cannot be told, and is not guessed.
        let unmapped = pdf(
            "BT /F1 10 Tf 72 700 Td <00010002> Tj ET",
            &[
                "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 >>",
            ],
        );
        assert_eq!(text(&unmapped).unwrap_err(), PdfError::Unusable);
        // A page with no text (a scan).
        assert_eq!(text(&pdf("q 100 0 0 100 0 0 cm Q", &["<< >>"])).unwrap_err(), PdfError::NoText);
    }

    #[test]
    fn a_page_number_is_not_the_pages_text() {
        let helvetica = ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"];
        let footer = "BT /F1 12 Tf 72 700 Td (2021) Tj 0 -650 Td (- 1 -) Tj ET";
        assert_eq!(text(&pdf(footer, &helvetica)).unwrap().text, "2021\n");
        // A bare 1 may be a value: one page does not say.
        let bare = "BT /F1 12 Tf 72 700 Td (2021) Tj 0 -650 Td (1) Tj ET";
        assert_eq!(text(&pdf(bare, &helvetica)).unwrap().text, "2021\n1\n");
    }

    #[test]
    fn ruled_cells_are_a_table_a_frame_is_not() {
        let helvetica = ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"];
        // Two cells side by side: one row, its cells tab-separated.
        let cells = "72 680 100 40 re S 172 680 100 40 re S BT /F1 12 Tf 80 695 Td (12) Tj 100 0 Td (3) Tj ET";
        assert_eq!(text(&pdf(cells, &helvetica)).unwrap().text, "12\t3\n");
        // A frame around a page's text: lines, not one cell.
        let frame = "50 50 500 700 re S BT /F1 12 Tf 72 700 Td (2021) Tj 0 -20 Td (5) Tj ET";
        assert_eq!(text(&pdf(frame, &helvetica)).unwrap().text, "2021\n5\n");
    }

    #[test]
    fn hostile_pdfs_stop_at_their_bounds() {
        // A W array naming the same 65,535 codes a thousand times.
        let w = "0 65534 1 ".repeat(1000);
        let font = format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [{w}] >>");
        let many = pdf(
            "BT /F1 10 Tf 72 700 Td <0041> Tj ET",
            &["<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>", &font],
        );
        assert_eq!(text(&many).unwrap().text, "A\n");
        // A form drawn a million times: the work bound ends it.
        let form = "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 7 0 R >> >> /Length 26 >> stream\nBT /F1 10 Tf (a) Tj ET    \nendstream";
        let draws = "/Fm0 Do ".repeat(1_000_000);
        let page = pdf(
            &draws,
            &[
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                form,
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            ],
        );
        // The page names the form under /XObject: patch the resources.
        let page = String::from_utf8(page)
            .unwrap()
            .replace("/Font << /F1 5 0 R >>", "/Font << /F1 5 0 R >> /XObject << /Fm0 6 0 R >>");
        let read = text(page.as_bytes()).unwrap();
        assert!(read.text.len() <= crate::text::limits::MAX_INPUT_BYTES + 1, "{}", read.text.len());
        // A page tree that holds itself.
        let cyclic = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        assert!(text(cyclic.as_bytes()).is_err());
        // Content that inflates past the decoding bound (just over 64 MB of spaces, in 64 KB).
        let spaces = vec![b' '; streams::MAX_DECODED + 4096];
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(&spaces, 1);
        let mut bomb = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n".to_vec();
        bomb.extend_from_slice(
            format!("4 0 obj << /Length {} /Filter /FlateDecode >> stream\n", deflated.len()).as_bytes(),
        );
        bomb.extend_from_slice(&deflated);
        bomb.extend_from_slice(b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        assert_eq!(text(&bomb).unwrap_err(), PdfError::NoText);
    }

    #[test]
    fn what_is_not_a_pdf_is_refused() {
        assert_eq!(text(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap_err(), PdfError::Unreadable);
        assert_eq!(text(b"not a pdf").unwrap_err(), PdfError::Unreadable);
    }
}

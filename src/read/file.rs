//! A file's bytes → its text and report, by what the bytes are: a Word
//! document, a PDF, or text in the encodings Windows saves (UTF-8, UTF-16 with
//! a byte-order mark, GB18030); else why it is not read. The CLI and the
//! page's batch share it; each decodes text its own way (the CLI with
//! encoding_rs, the page with the browser's TextDecoder, which agree).

use crate::model::Report;
use crate::text::limits::{MAX_DOCX_BYTES, MAX_INPUT_BYTES};
use crate::text::{decode, docx, hygiene, pdf};

/// The file names a folder or an archive is searched for: reports as text,
/// Markdown, HTML, Word or PDF.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx", "pdf"];

/// Whether a file named `name` may hold a report (by its extension, in any case).
pub fn is_report_name(name: &str) -> bool {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    EXTENSIONS.contains(&ext.as_str())
}

/// Whether `bytes` are a ZIP archive that is not a Word document: reports packed together.
pub fn is_archive(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && !docx::is_docx(bytes)
}

/// The text the report was read from (a Word document's or a PDF's text, or
/// the file decoded, control characters made harmless) and the report; or why
/// it could not be read, as the CLI says it.
pub fn parse_file(bytes: &[u8], decode_text: impl FnOnce(&[u8]) -> String) -> Result<(String, Report), String> {
    // A Word document or a PDF may be larger than its text (images, fonts): its text is held to the limit.
    if bytes.len() <= MAX_DOCX_BYTES && docx::is_docx(bytes) {
        return super::parse_docx(bytes).map_err(|e| e.message().to_owned());
    }
    if bytes.len() <= MAX_DOCX_BYTES && pdf::is_pdf(bytes) {
        return super::parse_pdf(bytes).map_err(|e| e.message().to_owned());
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!("超过 {} MB，未检查（一份年度报告通常只有 5–60 KB）", MAX_INPUT_BYTES >> 20));
    }
    if let Some(kind) = decode::binary_kind(bytes) {
        return Err(format!("不是文本文件（{kind}），未检查；请另存为 .docx、.pdf、.txt 或 .html，或复制其中的文字"));
    }
    // Control characters never reach a terminal or a cell through quoted report text.
    let text = hygiene::clean(&decode_text(bytes)).into_owned();
    let report = super::parse(&text);
    Ok((text, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_names_by_extension() {
        assert!(is_report_name("2023/某局年报.TXT"));
        assert!(is_report_name("a.b.docx"));
        assert!(!is_report_name("a.doc"));
        assert!(!is_report_name("docx"));
    }

    #[test]
    fn binaries_and_oversized_files_are_said() {
        let png = parse_file(b"\x89PNG\r\n", |_| unreachable!()).err().unwrap_or_default();
        assert!(png.contains("PNG"), "{png}");
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(parse_file(&big, |_| String::new()).is_err());
        let (text, _) =
            parse_file("一、总体情况\u{7}".as_bytes(), |b| String::from_utf8_lossy(b).into_owned()).unwrap();
        assert!(!text.contains('\u{7}'));
    }
}

//! A file's bytes → its text and report, by what the bytes are: a Word
//! document, a PDF, or text in the encodings Windows saves (UTF-8, UTF-16 with
//! a byte-order mark, GB18030); else why it is not read. The CLI and the
//! page's batch share it; each decodes text its own way (the CLI with
//! encoding_rs, the page with the browser's TextDecoder, which agree).

use crate::model::Report;
use crate::text::limits::{MAX_DOCX_BYTES, MAX_INPUT_BYTES};
use crate::text::{decode, docx, hygiene, pdf, zip};

/// The file names a folder or an archive is searched for: reports as text,
/// Markdown, HTML, Word or PDF.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx", "pdf"];

/// Whether a file named `name` may hold a report (by its extension, in any case).
pub fn is_report_name(name: &str) -> bool {
    EXTENSIONS.contains(&extension(name).as_str())
}

/// The extension of a file named `name`, in lower case (none: empty).
fn extension(name: &str) -> String {
    name.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase()
}

/// Whether `bytes` are a ZIP archive that is not a Word document: reports packed together.
pub fn is_archive(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && !docx::is_docx(bytes)
}

/// Office files that are not read, but named with advice when a folder or an
/// archive holds them (rather than passed over in silence).
const OTHER_OFFICE: &[&str] = &["doc", "wps", "wpt", "dot", "et", "ofd", "rtf"];

/// What an office file in an archive that is not read is told (in a folder it
/// is read, and told by its bytes).
const OTHER_OFFICE_ADVICE: &str = "不是 .docx 或 PDF（旧版 Word、WPS 或其他格式），未检查；请另存为 .docx 或 PDF";

/// What an archive may hold in all, inflated: many reports, never a bomb.
pub const MAX_ARCHIVE_BYTES: usize = 512 << 20;

/// The largest archive opened (a county's reports as PDFs fit many times over).
pub const MAX_ARCHIVE_FILE_BYTES: usize = 256 << 20;

/// Whether `name` is an archive's: it ends in `.zip` (a ZIP by another name —
/// an .xlsx, a .pptx — is no archive of reports).
pub fn is_zip_name(name: &str) -> bool {
    name.len() >= 4 && name.is_char_boundary(name.len() - 4) && name[name.len() - 4..].eq_ignore_ascii_case(".zip")
}

/// Whether a file named `name` in a folder or an archive is a row of a batch:
/// a report, an archive of them, or an office file that gets advice. Hidden
/// files (a name or folder starting with `.`, a Mac's `__MACOSX` copies) are not.
pub fn is_batch_name(name: &str) -> bool {
    let hidden = |part: &str| part.starts_with('.') && part != "." && part != ".." || part == "__MACOSX";
    let hidden = name.split(['/', '\\']).any(hidden);
    !hidden && (is_report_name(name) || is_zip_name(name) || OTHER_OFFICE.contains(&extension(name).as_str()))
}

/// The bytes of a file named `name` worth reading: one past the most that is
/// read of its kind, so that a larger file is told from one at the limit.
pub fn read_limit(name: &str) -> usize {
    if is_zip_name(name) {
        MAX_ARCHIVE_FILE_BYTES + 1
    } else {
        MAX_DOCX_BYTES.max(MAX_INPUT_BYTES) + 1
    }
}

/// Whether `name`'s `bytes` are opened as an archive of reports (`archive_members`).
pub fn opens_as_archive(name: &str, bytes: &[u8]) -> bool {
    is_zip_name(name) && is_archive(bytes)
}

/// The reports and office files in the archive `bytes` (named `archive`),
/// each given to `each` as `archive/member` with its bytes or why there are
/// none, in the order of their names, one inflated at a time; hidden files
/// are passed over. An archive inside is opened too (a county's archive of
/// its townships' archives), its members named `archive/inner.zip/member`;
/// one deeper is a member saying so. A name not in UTF-8 is decoded by
/// `decode_name` (GBK, as Chinese Windows writes it). Once `room` reports were
/// inflated, the others are given `full` as why, never inflated (the page
/// checks so many at most). `Err`: why the archive gives no member.
pub fn archive_members(
    archive: &str,
    bytes: &[u8],
    (room, full): (usize, &str),
    decode_name: impl Fn(&[u8]) -> String,
    mut each: impl FnMut(String, Result<Vec<u8>, String>),
) -> Result<(), String> {
    let budget = zip::Budget::new(MAX_DOCX_BYTES, MAX_ARCHIVE_BYTES);
    let mut walk = Walk { room, full, decode_name: &decode_name, budget, inflated: 0 };
    walk.members(archive, bytes, true, &mut each)
}

/// What opening an archive and the archives inside it share: the room for
/// reports, the bytes inflated, the names' decoding.
struct Walk<'a> {
    room: usize,
    full: &'a str,
    decode_name: &'a dyn Fn(&[u8]) -> String,
    budget: zip::Budget,
    /// Reports inflated so far: only they take room.
    inflated: usize,
}

impl Walk<'_> {
    /// The members of `bytes`; `outer`: the archives inside are opened too.
    fn members(
        &mut self,
        archive: &str,
        bytes: &[u8],
        outer: bool,
        each: &mut dyn FnMut(String, Result<Vec<u8>, String>),
    ) -> Result<(), String> {
        if bytes.len() > MAX_ARCHIVE_FILE_BYTES {
            return Err(format!("压缩包超过 {} MB，未打开（请解压后打开文件夹）", MAX_ARCHIVE_FILE_BYTES >> 20));
        }
        let name_of = |name: &[u8], utf8: bool| match std::str::from_utf8(name) {
            Ok(s) => s.to_owned(),
            Err(_) if utf8 => String::from_utf8_lossy(name).into_owned(),
            Err(_) => (self.decode_name)(name),
        };
        let Ok(members) = zip::members(bytes) else {
            return Err("压缩包已损坏或格式不受支持（请解压后打开文件夹）".to_owned());
        };
        let mut wanted: Vec<(String, zip::Member)> =
            members.map(|m| (name_of(m.name, m.utf8), m)).filter(|(name, _)| is_batch_name(name)).collect();
        if wanted.is_empty() {
            return Err("压缩包中没有 .txt、.md、.html、.docx 或 .pdf 文件".to_owned());
        }
        wanted.sort_by(|a, b| by_path(&a.0, &b.0));
        for (name, member) in wanted {
            let name = format!("{archive}/{name}");
            let inner = is_zip_name(&name);
            let data = if inner && !outer {
                Err("压缩包里的压缩包中又有压缩包，未打开（请解压后打开文件夹）".to_owned())
            } else if !inner && !is_report_name(&name) {
                // An office file not read is named with advice, never inflated (it would spend the budget).
                Err(OTHER_OFFICE_ADVICE.to_owned())
            } else if !inner && self.inflated >= self.room {
                Err(self.full.to_owned())
            } else if self.budget.spent() {
                Err(format!(
                    "压缩包解压后总量超过 {} MB，其后的文件未检查（请解压后打开文件夹）",
                    MAX_ARCHIVE_BYTES >> 20
                ))
            } else {
                self.budget.inflate(bytes, &member).map_err(|e| match e {
                    zip::ZipError::TooLarge => "解压后过大，未检查".to_owned(),
                    zip::ZipError::Unsupported => "压缩方式不受支持（或已加密），未检查".to_owned(),
                    _ => "压缩包中的这个文件已损坏，未检查".to_owned(),
                })
            };
            match data {
                Ok(data) if inner => {
                    let opened = if is_archive(&data) {
                        self.members(&name, &data, false, each)
                    } else {
                        Err("不是有效的压缩包（可能已损坏），未打开".to_owned())
                    };
                    if let Err(why) = opened {
                        each(name, Err(why));
                    }
                }
                data => {
                    self.inflated += usize::from(data.is_ok());
                    each(name, data);
                }
            }
        }
        Ok(())
    }
}

/// The order of the files of a batch: by path, folder by folder (as the CLI
/// sorts a folder's files: `县/a/1.txt` before `县/a-b.txt`).
pub fn by_path(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
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
        assert!(is_batch_name("报告.ZIP") && is_batch_name("旧.doc") && !is_batch_name("seal.png"));
        assert!(
            is_batch_name("./县/../a.txt")
                && !is_batch_name("县/.git/a.txt")
                && !is_batch_name("__MACOSX/a.txt")
                && !is_batch_name("._a.docx")
        );
        assert!(by_path("县/a/1.txt", "县/a-b.txt").is_lt() && by_path("b", "a/c").is_gt());
        assert!(is_zip_name("a.Zip") && !is_zip_name("zip") && !is_zip_name("表.xlsx") && !is_zip_name("年报"));
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

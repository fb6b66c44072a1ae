//! Word documents (.docx) read as text: each WordprocessingML construct a
//! report uses, in small hand-made files, gives the lines the same table
//! written in HTML gives; damaged files and zip bombs end in an error.

mod archive;

use archive::archive;
use nianbao::text::docx::{self, DocxError};
use nianbao::text::zip::{self, ZipError};

fn body(xml: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{xml}</w:body></w:document>"#
    )
}

fn text_of(document: &str, numbering: &str) -> String {
    let doc = body(document);
    let file =
        archive(&[("word/document.xml", doc.as_bytes(), true), ("word/numbering.xml", numbering.as_bytes(), false)]);
    assert!(docx::is_docx(&file));
    docx::read(&file).expect("reads").text
}

fn html_text(html: &str) -> String {
    nianbao::text::html::render(html).text
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn tc(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

#[test]
fn merged_cells_are_the_spans_of_the_same_html_table() {
    // 三、本年度办理结果 spans two rows (vMerge), 申请人情况 two columns (gridSpan).
    let doc = format!(
        "<w:tbl><w:tblPr/><w:tblGrid/><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
        tc(r#"<w:gridSpan w:val="2"/>"#, "项目"),
        tc(r#"<w:gridSpan w:val="2"/>"#, "申请人情况"),
        tc(r#"<w:vMerge w:val="restart"/>"#, "三、本年度办理结果"),
        tc("", "（一）予以公开"),
        tc(r#"<w:gridSpan w:val="2"/>"#, "5"),
        tc("<w:vMerge/>", ""),
        tc("", "（二）部分公开"),
        tc(r#"<w:gridSpan w:val="2"/>"#, "0"),
    );
    let html = r#"<table><tr><td colspan="2">项目</td><td colspan="2">申请人情况</td></tr>
        <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td colspan="2">5</td></tr>
        <tr><td>（二）部分公开</td><td colspan="2">0</td></tr></table>"#;
    assert_eq!(text_of(&doc, ""), html_text(html));
    // A row that starts after empty grid columns (w:gridBefore).
    let doc = format!(
        r#"<w:tbl><w:tr>{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{}</w:tr></w:tbl>"#,
        tc("", "行政许可"),
        tc("", "3"),
        tc("", "7")
    );
    assert_eq!(
        text_of(&doc, ""),
        html_text("<table><tr><td>行政许可</td><td>3</td></tr><tr><td></td><td>7</td></tr></table>")
    );
}

#[test]
fn only_the_text_a_reader_sees() {
    // Tracked changes: insertions kept, deletions dropped.
    let doc = r#"<w:p><w:ins><w:r><w:t>新收</w:t></w:r></w:ins><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:r><w:t>12件</w:t></w:r></w:p>"#;
    assert_eq!(text_of(doc, "").trim(), "新收12件");
    // A field: its result, not its code.
    let doc = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    assert_eq!(text_of(doc, "").trim(), "3");
    // mc:AlternateContent: the choice once, never its fallback; WPS writes no fallback.
    let alt = |fallback: &str| {
        format!(
            r#"<w:p><w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>{fallback}</mc:AlternateContent></w:r></w:p>"#,
            p("文本框")
        )
    };
    assert_eq!(
        text_of(&alt(&format!("<mc:Fallback><w:pict>{}</w:pict></mc:Fallback>", p("文本框"))), "").trim(),
        "文本框"
    );
    assert_eq!(text_of(&alt(""), "").trim(), "文本框");
    // A content control: its content, not its properties.
    let doc = format!(
        r#"<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:text/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"#,
        p("某某局2022年政府信息公开工作年度报告")
    );
    assert_eq!(text_of(&doc, "").trim(), "某某局2022年政府信息公开工作年度报告");
    // Indentation between elements is not text; entities are decoded.
    let doc = "<w:p>\n  <w:r>\n    <w:t>A &amp; B</w:t>\n  </w:r>\n</w:p>";
    assert_eq!(text_of(doc, "").trim(), "A & B");
}

#[test]
fn automatic_numbers_are_written_out() {
    let numbering = r#"<w:numbering>
      <w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
      <w:num w:numId="2"><w:abstractNumId w:val="4"/></w:num></w:numbering>"#;
    let numbered = |level: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let doc = [
        numbered(0, "总体情况"),
        numbered(1, "主动公开"),
        numbered(1, "依申请公开"),
        // A tracked format change keeps the numbering the paragraph had before: not its own.
        r#"<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>说明</w:t></w:r></w:p>"#.to_owned(),
        numbered(0, "主动公开政府信息情况"),
    ]
    .concat();
    assert_eq!(
        text_of(&doc, numbering),
        "一、总体情况\n（一）主动公开\n（二）依申请公开\n说明\n二、主动公开政府信息情况\n"
    );
}

#[test]
fn a_table_in_a_cell_is_read_as_html_reads_it() {
    let inner = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc("", "行政复议"), tc("", "0"));
    let doc = format!("<w:tbl><w:tr><w:tc>{}{inner}</w:tc>{}</w:tr></w:tbl>", p("外层"), tc("", "右"));
    let html = "<table><tr><td><p>外层</p><table><tr><td>行政复议</td><td>0</td></tr></table></td><td><p>右</p></td></tr></table>";
    assert_eq!(text_of(&doc, ""), html_text(html));
}

#[test]
fn tables_nested_too_deep_are_a_reading_limit() {
    let mut doc = p("最内层");
    for _ in 0..12 {
        doc = format!("<w:tbl><w:tr><w:tc>{doc}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>", p("1"));
    }
    let file = archive(&[("word/document.xml", body(&doc).as_bytes(), true)]);
    let read = docx::read(&file).expect("reads");
    assert!(read.text.contains("最内层"), "{}", read.text);
    let limits: Vec<_> = read.limits.iter().map(|h| h.limit).collect();
    assert_eq!(limits, [nianbao::text::limits::Limit::TableDepth]);
}

#[test]
fn damaged_files_and_bombs_are_refused() {
    let doc = body(&p("x"));
    let good = archive(&[("word/document.xml", doc.as_bytes(), true)]);
    assert!(docx::read(&good).is_ok());
    // Cut anywhere: an error, never a panic.
    for cut in (0..good.len()).step_by(7) {
        let _ = docx::read(&good[..cut]);
        let mut flipped = good.clone();
        flipped[cut] ^= 0x55;
        let _ = docx::read(&flipped);
    }
    assert_eq!(docx::read(b"PK\x03\x04 not a zip").err(), Some(DocxError::Zip(ZipError::NotZip)));
    let sheet = archive(&[("xl/workbook.xml", b"<x/>", false)]);
    assert!(!docx::is_docx(&sheet));
    assert_eq!(docx::read(&sheet).err(), Some(DocxError::NotWord));
    // 2 MB of zeros deflate to 2 KB: over a 1 MB bound, refused without inflating it all.
    let zeros = vec![0u8; 2 << 20];
    let bomb = archive(&[("word/document.xml", &zeros, true)]);
    assert!(bomb.len() < 16 << 10);
    assert_eq!(zip::member_within(&bomb, "word/document.xml", 1 << 20).err(), Some(ZipError::TooLarge));
    assert_eq!(zip::member_within(&bomb, "word/document.xml", 4 << 20).map(|d| d.len()), Ok(2 << 20));
}

/// A Word document larger than the 10 MB input limit because of its images
/// (a seal, photos) is read: its text is what the limit holds.
#[test]
fn the_cli_reads_a_word_document_larger_than_its_text() {
    let doc = body(&[p("某局2022年政府信息公开工作年度报告"), p("一、总体情况")].concat());
    let image = vec![0x89u8; 11 << 20];
    let file = archive(&[("word/document.xml", doc.as_bytes(), true), ("word/media/image1.png", &image, false)]);
    assert!(file.len() > nianbao::text::limits::MAX_INPUT_BYTES);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("with-images.docx");
    std::fs::write(&path, &file).expect("writes");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(r#""input":"docx""#) && stdout.contains(r#""agency":"某局""#), "{stdout}");
}

/// A reviewer's archive of reports: each file member in turn, folders left
/// out, and a bomb of many members stopped at the total bound.
#[test]
fn an_archive_gives_its_members_within_bounds() {
    let zip =
        archive(&[("2023/", b"", false), ("2023/甲.txt", "一、总体情况".as_bytes(), true), ("乙.md", b"x", false)]);
    let members: Vec<_> = zip::members(&zip).unwrap().collect();
    let names: Vec<&[u8]> = members.iter().map(|m| m.name).collect();
    assert_eq!(names, ["2023/甲.txt".as_bytes(), "乙.md".as_bytes()]);
    let mut budget = zip::Budget::new(1 << 20, 1 << 20);
    assert_eq!(budget.inflate(&zip, &members[0]).as_deref(), Ok("一、总体情况".as_bytes()));
    assert!(!members[0].utf8, "the flag is the writer's (this archive sets none)");
    // Each member within `each`, all of them within `total`.
    let zeros = vec![0u8; 1 << 20];
    let many: Vec<(String, &[u8], bool)> = (0..8).map(|i| (format!("{i}.txt"), &zeros[..], true)).collect();
    let bomb = archive(&many);
    let mut budget = zip::Budget::new(2 << 20, 3 << 20);
    let sizes: Vec<_> = zip::members(&bomb).unwrap().map(|m| budget.inflate(&bomb, &m).map(|d| d.len())).collect();
    assert_eq!(sizes[..3], [Ok(1 << 20); 3]);
    assert!(sizes[3..].iter().all(|s| *s == Err(ZipError::TooLarge)), "{sizes:?}");
    // A member too large is charged the work it cost: three of them spend the
    // total, and the small member after them is not inflated.
    let big = vec![0u8; 4 << 20];
    let bombs = archive(&[("a", &big[..], true), ("b", &big[..], true), ("c", &big[..], true), ("d", b"x", true)]);
    let mut budget = zip::Budget::new(1 << 20, 3 << 20);
    let got: Vec<_> = zip::members(&bombs).unwrap().map(|m| budget.inflate(&bombs, &m).map(|d| d.len())).collect();
    assert_eq!(got, [Err(ZipError::TooLarge); 4]);
    assert!(zip::members(b"PK\x03\x04 cut").is_err());
}

#[test]
fn an_archive_names_its_reports_in_order_decoding_gbk_names() {
    let gbk: &[u8] = b"2023/\xC4\xEA\xB1\xA8.txt"; // 2023/年报.txt in GBK
    let members: [(&[u8], &[u8], bool); 6] = [
        ("旧.doc".as_bytes(), b"\xD0\xCF\x11\xE0", false),
        (b"b.md", b"x", false),
        (gbk, b"y", true),
        (b"__MACOSX/._b.md", b"z", false),
        (b"inner.zip", b"PK", false),
        (b"\xC4\xEA.txt", b"w", false),
    ];
    let mut zip = archive(&members);
    // The last member says its name is UTF-8 (it is not): read as such, never as GBK.
    let last = (0..zip.len() - 4).rev().find(|&i| zip[i..].starts_with(b"PK\x01\x02")).unwrap();
    zip[last + 9] |= 0x08;
    let gbk_decode = |n: &[u8]| if n == gbk { "2023/年报.txt".to_owned() } else { "GBK".to_owned() };
    let mut got = Vec::new();
    let listed =
        nianbao::read::file::archive_members("a.zip", &zip, (usize::MAX, ""), gbk_decode, |n, d| got.push((n, d)));
    assert_eq!(listed, Ok(()));
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["a.zip/2023/年报.txt", "a.zip/b.md", "a.zip/inner.zip", "a.zip/旧.doc", "a.zip/\u{FFFD}\u{FFFD}.txt"]
    );
    assert_eq!(got[0].1.as_deref(), Ok(&b"y"[..]));
    // An archive inside that is no archive, said so; an office file not read is named with advice, not inflated.
    assert!(got[2].1.as_ref().is_err_and(|e| e.contains("不是有效的压缩包")), "{:?}", got[2].1);
    assert!(got[3].1.as_ref().is_err_and(|e| e.contains("另存为 .docx 或 PDF")), "{:?}", got[3].1);
    // Past the room for reports: each named with why, none inflated.
    let mut got = Vec::new();
    let full = (1, "未检查：已满");
    let listed = nianbao::read::file::archive_members("a.zip", &zip, full, gbk_decode, |n, d| got.push((n, d)));
    assert_eq!(listed, Ok(()));
    let whys: Vec<Result<&[u8], &str>> = got.iter().map(|(_, d)| d.as_deref().map_err(String::as_str)).collect();
    assert_eq!(whys[..2], [Ok(&b"y"[..]), Err("未检查：已满")]);
    assert_eq!(whys[4], Err("未检查：已满"));
    let none = nianbao::read::file::archive_members(
        "b.zip",
        &archive(&[("x.png", b"", false)]),
        (9, ""),
        gbk_decode,
        |_, _| {},
    );
    assert!(none.is_err_and(|e| e.contains("压缩包中没有")));
}

#[test]
fn an_archive_inside_an_archive_is_opened_one_level() {
    let innermost = archive(&[("x.txt", b"x", false)]);
    let town = archive(&[("镇.txt", "一、总体情况".as_bytes(), true), ("deeper.zip", &innermost, false)]);
    let county = archive(&[("县/乡镇.zip", &town, true), ("县.txt", b"y", false), ("坏.zip", b"PK", false)]);
    let mut got = Vec::new();
    let room = (1, "未检查：已满");
    let listed =
        nianbao::read::file::archive_members("c.zip", &county, room, |_| String::new(), |n, d| got.push((n, d)));
    assert_eq!(listed, Ok(()));
    let got: Vec<(&str, Result<&[u8], &str>)> =
        got.iter().map(|(n, d)| (n.as_str(), d.as_deref().map_err(String::as_str))).collect();
    assert_eq!(got[0].0, "c.zip/县/乡镇.zip/deeper.zip");
    assert!(got[0].1.is_err_and(|e| e.contains("又有压缩包")), "one level deeper is said, not opened: {:?}", got[0]);
    assert_eq!(got[1], ("c.zip/县/乡镇.zip/镇.txt", Ok("一、总体情况".as_bytes())));
    // The room is the whole batch's: the inner archive's report took it.
    assert_eq!(got[2], ("c.zip/县.txt", Err("未检查：已满")));
    assert_eq!(got[3].0, "c.zip/坏.zip");
    assert!(got[3].1.is_err_and(|e| e.contains("不是有效的压缩包")), "{:?}", got[3]);
    assert_eq!(got.len(), 4);
}

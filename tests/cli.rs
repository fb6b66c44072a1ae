//! The `nianbao` command line: output formats and exit codes (schema.md).

mod archive;

use std::process::Command;

fn nianbao(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn json_lines_one_object_per_input() {
    let (code, out) = nianbao(&[
        "check",
        "--format",
        "json",
        "tests/cases/seed-002_400511ad0ee379b5/input.txt",
        "tests/cases/seed-004_9cf56e95910a791d/input.txt",
    ]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with(r#"{"file":"tests/cases/seed-002_400511ad0ee379b5/input.txt","input":"text","meta":{"#),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains(r#""year":2020,"template":"2019""#));
    assert!(
        lines[0].contains(r#""new":{"natural":1,"business":0,"research":0,"social":0,"legal":0,"other":0,"total":1}"#)
    );
    assert!(lines[1].contains(r#""template":"2021""#));
    assert!(lines[1].contains(r#""other_no_fee":{"natural":0"#));
}

#[test]
fn text_format_is_file_line_code_message() {
    let (code, out) = nianbao(&["check", "tests/cases/seed-001_398e231a6bf84220/input.txt"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("tests/cases/seed-001_398e231a6bf84220/input.txt:71: CELL-BLANK"), "{out}");
}

#[test]
fn blank_cells_are_null_in_json_not_zero() {
    let (_, out) = nianbao(&["check", "--format", "json", "tests/cases/seed-001_398e231a6bf84220/input.txt"]);
    assert!(out.contains(r#""denied_process":{"natural":null,"business":0"#), "{out}");
}

#[test]
fn exit_codes() {
    assert_eq!(nianbao(&["check", "no-such-file.txt"]).0, 2);
    assert_eq!(nianbao(&["frobnicate"]).0, 2);
    assert_eq!(nianbao(&["check", "--format", "xml", "x"]).0, 2);
    // A text with none of the tables: S-TABLE errors.
    assert_eq!(nianbao(&["check", "README.md"]).0, 1);
}

fn nianbao_stdin(args: &[&str], input: &[u8]) -> (i32, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(input).expect("writes");
    let out = child.wait_with_output().expect("ends");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn json_meta_and_chapters() {
    let (_, out) = nianbao(&["check", "--format", "json", "tests/cases/seed-001_398e231a6bf84220/input.txt"]);
    assert!(
        out.contains(r#""meta":{"title":"西湖镇 2020 年政府信息公开 工作年度报告","agency":"西湖镇","year":2020,"template":"2019","published":"2021-01-25"}"#),
        "{out}"
    );
    assert!(out.contains(r#""chapters":[{"number":1,"heading":"一、总体情况","standard":true,"line":5},"#), "{out}");
}

#[test]
fn stdin_gb18030_and_html_by_content() {
    let seed = std::fs::read_to_string("tests/cases/seed-002_400511ad0ee379b5/input.txt").expect("seed");
    let (gb, _, _) = encoding_rs::GB18030.encode(&seed);
    let (_, out) = nianbao_stdin(&["check", "--format", "json", "-"], &gb);
    assert!(out.starts_with(r#"{"file":"-","input":"text","meta":{"title":"湘潭县云湖桥镇"#), "{out}");
    assert!(out.contains(r#""new":{"natural":1,"business":0,"research":0,"social":0,"legal":0,"other":0,"total":1}"#));
    let html = "<html><body><p>某局2021年政府信息公开工作年度报告</p><table>\
        <tr><td>一、本年新收政府信息公开申请数量</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>3</td></tr>\
        </table></body></html>";
    let (_, out) = nianbao_stdin(&["check", "--format", "json", "-"], html.as_bytes());
    assert!(out.starts_with(r#"{"file":"-","input":"html","meta":"#), "{out}");
    assert!(out.contains(r#""agency":"某局","year":2021"#), "{out}");
    assert!(out.contains(r#""new":{"natural":2,"business":0,"research":0,"social":0,"legal":0,"other":1,"total":3}"#));
}

#[test]
fn rules_and_explain() {
    let (code, out) = nianbao(&["rules"]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("T3-BAL")), "{out}");
    let (code, json) = nianbao(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(json.starts_with(r#"[{"code":"T3-BAL","severity":"error","name":"#), "{json}");
    let (code, doc) = nianbao(&["explain", "n-apps"]);
    assert_eq!(code, 0);
    for section in ["检查内容", "为什么", "示例", "依据", "怎么改"] {
        assert!(doc.contains(section), "{doc}");
    }
    assert_eq!(nianbao(&["explain", "NOPE"]).0, 2);
}

#[test]
fn reports_checked_together_compare_years() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let doc = nianbao::checks::rule("X-CARRY").and_then(nianbao::checks::doc).expect("documented");
    let parts: Vec<&str> = doc.bad.split(nianbao::checks::NEXT_REPORT).collect();
    let (a, b) = (dir.join("2021.txt"), dir.join("2022.txt"));
    std::fs::write(&a, parts[0]).expect("writes");
    std::fs::write(&b, parts[1]).expect("writes");
    let (_, out) = nianbao(&["check", a.to_str().unwrap_or_default(), b.to_str().unwrap_or_default()]);
    assert!(out.lines().any(|l| l.contains("2022.txt") && l.contains("X-CARRY")), "{out}");
    let _ = std::fs::remove_dir_all(dir);
}

fn run_os(args: &[std::ffi::OsString], stdin: Option<Vec<u8>>) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut pipe = child.stdin.take().expect("stdin");
    // The CLI stops reading at the size limit: a refused write is expected then.
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = stdin {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().expect("ends");
    let _ = writer.join();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn file_names_options_and_inputs_that_are_not_reports() {
    let os = |s: &str| std::ffi::OsString::from(s);
    let dir = std::env::temp_dir().join(format!("nianbao-edges-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let seed = std::fs::read("tests/cases/seed-002_400511ad0ee379b5/input.txt").expect("seed");
    // A file name that is not UTF-8 (Linux allows any bytes but / and NUL).
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        let name = dir.join(std::ffi::OsString::from_vec(b"\xff\xfe-report.txt".to_vec()));
        std::fs::write(&name, &seed).expect("writes");
        let (code, out, err) = run_os(&[os("check"), name.into_os_string()], None);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("\u{fffd}\u{fffd}-report.txt: 0 个错误"), "{out}");
    }
    // `--` ends the options: a file may be called --format.
    let odd = dir.join("--format");
    std::fs::write(&odd, &seed).expect("writes");
    let (code, out, err) = run_os(&[os("check"), os("--"), odd.into_os_string()], None);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(run_os(&[os("check"), os("--frobnicate"), os("x")], None).0, 2);
    // Binary files are refused, not checked as a report.
    for (bytes, kind) in [(&b"\x89PNG\r\n\x1a\n"[..], "PNG"), (b"PK\x03\x04\x14\x00\x06\x00", "docx")] {
        let (code, out, err) = run_os(&[os("check"), os("-")], Some(bytes.to_vec()));
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert!(err.contains(kind) && err.contains("不是文本文件"), "{err}");
    }
    // A PDF is read as one; one that cannot be opened is said so.
    let (code, out, err) = run_os(&[os("check"), os("-")], Some(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3".to_vec()));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("PDF 文件损坏或已加密"), "{err}");
    // Over the size limit, from a file or an endless stream: refused after reading just past the limit.
    let big = vec![b'a'; nianbao::text::limits::MAX_INPUT_BYTES + 1];
    let (code, _, err) = run_os(&[os("check"), os("-")], Some([big.as_slice(), &big].concat()));
    assert_eq!(code, 2);
    assert!(err.contains("超过 10 MB"), "{err}");
    let at_limit = dir.join("at-limit.txt");
    std::fs::write(&at_limit, &big[1..]).expect("writes");
    assert_eq!(run_os(&[os("check"), at_limit.into_os_string()], None).0, 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn trace_says_how_each_report_was_read() {
    let seed = "tests/cases/seed-000_f9649dac1b38fb85/input.txt";
    let (code, out) = nianbao(&["check", "--trace", seed]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("{seed}: 格式：2019 年版"));
    assert!(
        lines[2].starts_with(&format!("{seed}:44: 申请情况表：第 44–74 行，2019 年版版式（表格本身显示），按行读取"))
    );
    assert!(out.contains(&format!("{seed}:71: 申请情况表“（六）其他处理”行：数字多于列数，未使用 0\n")), "{out}");
    // Tabs keep every cell of line 81 (five empty, ten 0): its blanks stand where the tabs put them, no guess.
    assert!(!out.contains(&format!("{seed}:81: 复议诉讼表“行政复议”行：数字少于列数")), "{out}");
    // More empty cells than blanks (seed 003's line 76): where they stand is a guess, said.
    let other = "tests/cases/seed-003_e79d930d3ead0ba0/input.txt";
    let (_, out3) = nianbao(&["check", "--trace", other]);
    assert!(
        out3.contains(&format!(
            "{other}:76: 申请情况表“一、本年新收政府信息公开申请数量”行：数字少于列数，空白按位置推断\n"
        )),
        "{out3}"
    );
    // A row found by a match word where its label is damaged or cut short.
    assert!(
        out.contains(&format!(
            "{seed}:59: 申请情况表“7.属于行政执法案卷”行：行标签与官方文字不同，读到“7属于行政执法”，按“行政执法”认出\n"
        )),
        "{out}"
    );
    // Crawled text with glued cells: read from the token stream, the split recorded.
    let (_, out) = nianbao(&["check", "--trace", "tests/cases/real-glued-1/input.txt"]);
    assert!(out.contains("按文字流对齐读取"), "{out}");
    assert!(out.contains("粘连的数字有 10 种拆法"), "{out}");
    // With JSON the trace goes to stderr; stdout stays one JSON object per input.
    let args: Vec<std::ffi::OsString> = ["check", "--format", "json", "--trace", seed].map(Into::into).to_vec();
    let (code, out, err) = run_os(&args, None);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains(r#""reading":{"template":"2019","script":"simplified","pinyin_glosses":false,"tables":[{"table":"active","template":"2019","template_shown":true,"read_by":"lines","line":23"#), "{out}");
    assert!(
        out.contains(r#"{"table":"requests","row":"other_handling","kind":"extra_values","dropped":[0],"line":71"#),
        "{out}"
    );
    assert!(err.starts_with(&format!("{seed}: 格式：2019 年版\n")), "{err}");
}

#[test]
fn folders_are_walked_files_checked_in_parallel_in_input_order_and_summarised() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-folder");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let cases = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    for (name, to) in [
        ("001_398e231a6bf84220", "b.txt"),
        ("000_f9649dac1b38fb85", "a.txt"),
        ("002_400511ad0ee379b5", "sub/c.txt"),
        ("003_e79d930d3ead0ba0", ".hidden.txt"),
        ("004_9cf56e95910a791d", "notes.png"),
    ] {
        std::fs::copy(cases.join(format!("seed-{name}/input.txt")), dir.join(to)).unwrap();
    }
    // An office file that is not read is a row saying so, not passed over.
    std::fs::write(dir.join("sub/old.doc"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").unwrap();
    std::fs::copy("tests/extracted/docx_s0_f0.docx", dir.join("sub/d.docx")).unwrap();
    let folder = dir.to_string_lossy().into_owned();
    let (code, out) = nianbao(&["check", "--summary", &folder, "tests/cases/seed-004_9cf56e95910a791d/input.txt"]);
    assert_eq!(code, 2, "the .doc was not read: {out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "文件\t机关\t年度\t格式\t错误\t警告\t提示\t主要问题");
    // Sorted by path, subfolders included, hidden files and other extensions left out.
    let files: Vec<&str> = lines[1..].iter().map(|l| l.split('\t').next().unwrap_or("")).collect();
    let under = |f: &str| format!("{folder}/{f}");
    assert_eq!(
        files,
        [
            under("a.txt"),
            under("b.txt"),
            under("sub/c.txt"),
            under("sub/d.docx"),
            under("sub/old.doc"),
            "tests/cases/seed-004_9cf56e95910a791d/input.txt".into()
        ]
    );
    assert_eq!(lines[1], format!("{}\t五营镇人民政府\t2020\t2019\t0\t2\t0\tCELL-EXTRA×1 CELL-BLANK×1", under("a.txt")));
    // A file named again (directly and through its folder) is checked once.
    let (_, again) = nianbao(&["check", "--summary", &under("a.txt"), &folder]);
    assert_eq!(again.lines().count(), 6, "{again}");
    // A folder with no report file is said, exit 2.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let args: Vec<std::ffi::OsString> = vec!["check".into(), empty.clone().into()];
    let (code, _, err) = run_os(&args, None);
    assert_eq!(code, 2);
    assert!(err.contains("文件夹中没有 .txt、.md、.html、.docx 或 .pdf 文件"), "{err}");
    // The JSON of several files, checked on all cores, is the JSON of each alone, in input order.
    let files =
        [under("sub/c.txt"), under("a.txt"), "tests/cases/seed-004_9cf56e95910a791d/input.txt".into(), under("b.txt")];
    let args: Vec<&str> = ["check", "--format", "json"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let (_, together) = nianbao(&args);
    let alone: Vec<String> = files.iter().map(|f| nianbao(&["check", "--format", "json", f]).1).collect();
    assert_eq!(together, alone.concat());
    // As CSV: the summary with a column per code, and every finding of every file under one header.
    let (_, csv) = nianbao(&["check", "--summary", "--format", "csv", &folder]);
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(rows[0].starts_with("\u{feff}文件,发布机关,年度,格式,错误,警告,提示,主要问题,"), "{csv}");
    assert!(rows[0].contains(",CELL-BLANK,") && rows[0].contains(",T3-ROW,"), "{csv}");
    assert_eq!(rows.len(), 6, "{csv}");
    assert!(rows[1]
        .starts_with(&format!("{},五营镇人民政府,2020,2019 年版,0,2,0,CELL-EXTRA×1 CELL-BLANK×1,", under("a.txt"))));
    let (_, problems) = nianbao(&["check", "--format", "csv", &under("a.txt"), &under("b.txt")]);
    assert_eq!(problems.matches("文件,发布机关,年度,级别").count(), 1, "{problems}");
    let per_file = |f: &str| problems.matches(&format!("\r\n{f},")).count();
    assert_eq!(per_file(&under("a.txt")), 2, "{problems}");
    assert!(per_file(&under("b.txt")) > 0, "{problems}");
}

#[test]
fn a_pdf_is_read_by_where_its_characters_stand() {
    let pdf = "tests/extracted/pdf_s0_f1.pdf";
    let (code, out) = nianbao(&["check", "--format", "json", pdf]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with(&format!(r#"{{"file":"{pdf}","input":"pdf","meta":{{"title":""#)), "{out}");
    // Each finding with a place says its page: N-EMPTY’s chapter 五 is on the second of three (as pdftotext -f 2 -l 2 shows).
    assert!(out.contains(r#""code":"N-EMPTY""#) && out.contains(r#""page":2"#), "{out}");
    let bytes = std::fs::read(pdf).expect("pdf");
    let (code, text) = nianbao_stdin(&["check", "-"], &bytes);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("0 个错误"), "{text}");
}

#[test]
fn a_word_document_is_read_by_its_content() {
    let docx = "tests/extracted/docx_s0_f0.docx";
    let (code, out) = nianbao(&["check", "--format", "json", docx]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with(&format!(r#"{{"file":"{docx}","input":"docx","meta":{{"title":""#)), "{out}");
    // The same from standard input, with no file name to go by.
    let bytes = std::fs::read(docx).expect("docx");
    let (code, text) = nianbao_stdin(&["check", "-"], &bytes);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("0 个错误"), "{text}");
    // A ZIP archive that is not a Word document is refused, and said so
    // (named .zip, it is an archive of reports that holds none).
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let zip = dir.join("not-word.bin");
    let mut archive = bytes.clone();
    let names: Vec<usize> = (0..archive.len() - 17).filter(|&i| &archive[i..i + 17] == b"word/document.xml").collect();
    assert_eq!(names.len(), 2, "the local header's and the central directory's");
    for at in names {
        archive[at..at + 4].copy_from_slice(b"xord");
    }
    std::fs::write(&zip, &archive).expect("writes");
    let (code, _, err) = run_os(&["check".into(), zip.clone().into_os_string()], None);
    assert_eq!(code, 2);
    assert!(err.contains("不是文本文件（ZIP"), "{err}");
    std::fs::rename(&zip, dir.join("not-word.zip")).expect("renames");
    let (code, _, err) = run_os(&["check".into(), dir.join("not-word.zip").into_os_string()], None);
    assert_eq!(code, 2);
    assert!(err.contains("压缩包中没有 .txt、.md、.html、.docx 或 .pdf 文件"), "{err}");
}

#[test]
fn an_archive_stands_for_the_reports_in_it() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-zip");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let seed = std::fs::read("tests/cases/seed-000_f9649dac1b38fb85/input.txt").unwrap();
    let docx = std::fs::read("tests/extracted/docx_s0_f0.docx").unwrap();
    // 2023/年报.txt in GBK, with no UTF-8 flag, as Chinese Windows writes it.
    let gbk: &[u8] = b"2023/\xC4\xEA\xB1\xA8.txt";
    let members: [(&[u8], &[u8], bool); 6] = [
        (gbk, &seed, true),
        (b"b.docx", &docx, false),
        (b"__MACOSX/2023/._a.txt", b"x", false),
        (b".hidden.txt", b"x", false),
        (b"seal.png", b"x", false),
        (b"inner.zip", &archive::archive(&[(b"\xE9\x95\x87.txt", &seed, true)]), false), // opened too
    ];
    std::fs::write(dir.join("报告.zip"), archive::archive(&members)).unwrap();
    std::fs::write(dir.join("坏.zip"), b"PK\x03\x04 cut short").unwrap();
    let zip = dir.join("报告.zip").to_string_lossy().into_owned();
    let (code, out) = nianbao(&["check", "--summary", &zip]);
    assert_eq!(code, 0, "{out}");
    let files: Vec<&str> = out.lines().skip(1).map(|l| l.split('\t').next().unwrap_or("")).collect();
    assert_eq!(files, [format!("{zip}/2023/年报.txt"), format!("{zip}/b.docx"), format!("{zip}/inner.zip/镇.txt")]);
    // A member's JSON is the file's own, under the member's name.
    let (_, json) = nianbao(&["check", "--format", "json", &zip]);
    let (_, alone) = nianbao(&["check", "--format", "json", "tests/cases/seed-000_f9649dac1b38fb85/input.txt"]);
    let first = json.lines().next().unwrap_or("");
    assert_eq!(
        first,
        alone.trim_end().replace("tests/cases/seed-000_f9649dac1b38fb85/input.txt", &format!("{zip}/2023/年报.txt"))
    );
    // Inside a folder too; a damaged archive is said, exit 2.
    let folder = dir.to_string_lossy().into_owned();
    let args: Vec<std::ffi::OsString> = vec!["check".into(), "--summary".into(), folder.clone().into()];
    let (code, out, err) = run_os(&args, None);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains(&format!("{folder}/坏.zip: 压缩包已损坏")), "{err}");
    assert_eq!(out.lines().count(), 5, "{out}");
}

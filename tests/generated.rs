//! Generated reports (tests/gen): random balanced tables in both formats,
//! rendered in every shape and encoding users paste, read back cell by cell.

mod gen;

use gen::{as_read, Encoding, Grid, Rng, Sample, Shape, SHAPES};
use nianbao::model::{CellValue, Number, Table, TableKind, TemplateId};

fn assert_grid(table: Option<&Table>, grid: &Grid, format: TemplateId, what: &str, text: &str) {
    let table = table.unwrap_or_else(|| panic!("{what}: table not found in:\n{text}"));
    assert_eq!(table.template, format, "{what}: template");
    for (r, row) in grid.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let expected = as_read(*v);
            let key = format!("{}.{}.{}", table.def.kind.key(), table.def.rows[r].key, table.def.rows[r].cols[c].key);
            assert_eq!(table.cells[r][c].value, expected, "{what}: cell {key} in:\n{text}");
        }
    }
}

fn assert_reads(sample: &Sample, bytes: &[u8], what: &str) {
    let text = nianbao::text::decode::decode(bytes).text;
    let report = nianbao::parse(&text);
    let t = &report.tables;
    assert_grid(t.active.as_ref(), &sample.active, sample.format, what, &text);
    assert_grid(t.requests.as_ref(), &sample.requests, sample.requests_format, what, &text);
    assert_grid(t.review.as_ref(), &sample.review, sample.format, what, &text);
    let m = &report.meta;
    assert_eq!(m.year.as_ref().map(|y| y.value), Some(sample.year), "{what}: year");
    assert_eq!(m.template, Some(sample.format), "{what}: template");
    assert_eq!(m.agency.as_ref().map(|a| a.value.as_str()), Some(sample.agency.as_str()), "{what}: agency");
    assert_eq!(m.signed.as_ref().map(|d| d.value.year), Some(sample.year + 1), "{what}: signature");
    let title = format!("{}{}年政府信息公开工作年度报告", sample.agency, sample.year);
    // As printed: PDF tools may set spaces around the year.
    let read_title = m.title.as_ref().map(|t| t.value.split_whitespace().collect::<String>());
    assert_eq!(read_title, Some(title), "{what}: title");
    let period = m.period.as_ref().map(|p| (p.value.0.to_string(), p.value.1.to_string()));
    let y = sample.year;
    assert_eq!(period, Some((format!("{y}-01-01"), format!("{y}-12-31"))), "{what}: period");
    let chapters: Vec<Option<u8>> = report.chapters.iter().map(|c| c.number).collect();
    assert_eq!(chapters, (1..=6).map(Some).collect::<Vec<_>>(), "{what}: chapters");
    assert!(report.chapters.iter().all(|c| c.standard), "{what}: standard chapters");
}

const FORMATS: [(TemplateId, TemplateId); 3] = [
    (TemplateId::Y2019, TemplateId::Y2019),
    (TemplateId::Y2021, TemplateId::Y2021),
    // A 2021 report printing （六）其他处理 as one row, as the 2019 format did.
    (TemplateId::Y2021, TemplateId::Y2019),
];

fn run(shape: Shape, cases: u64) {
    for seed in 0..cases {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            let mut rng = Rng::new(seed * 31 + f as u64);
            let mut sample = gen::balanced(&mut rng, format, requests_format);
            if shape.shows_blanks() && rng.chance(60) {
                // Aligned spaces place a blank by the columns of complete rows:
                // keep blanks to the applications table, which has many.
                let tables: &[TableKind] = if shape == Shape::Spaces {
                    &[TableKind::Requests]
                } else {
                    &[TableKind::Active, TableKind::Requests, TableKind::Review]
                };
                let n = 1 + rng.below(3) as usize;
                gen::blank_some(&mut rng, &mut sample, n, tables);
            }
            let text = gen::render(&sample, shape, &mut rng);
            let what = format!("{shape:?} seed {seed} format {} / {}", format.as_str(), requests_format.as_str());
            assert_reads(&sample, text.as_bytes(), &what);
        }
    }
}

#[test]
fn tabs() {
    run(Shape::Tabs, 40);
}

#[test]
fn aligned_spaces_with_wrapped_labels() {
    run(Shape::Spaces, 40);
}

#[test]
fn one_cell_per_line() {
    run(Shape::CellPerLine, 40);
}

#[test]
fn numbers_on_the_line_after_the_label() {
    run(Shape::NextLine, 40);
}

#[test]
fn raw_text_with_group_labels_repeated_on_every_row() {
    run(Shape::RawRepeated, 40);
}

#[test]
fn label_and_numbers_on_one_line_with_single_spaces() {
    run(Shape::SameLine, 40);
}

#[test]
fn markdown_pipes() {
    run(Shape::Markdown, 40);
}

#[test]
fn html_with_rowspan_and_colspan() {
    run(Shape::Html, 40);
}

/// A report page copied whole from a government website: menus, breadcrumb and
/// publication line above, sharing, related links and the site's footer below.
fn website_page(report_html: &str) -> String {
    let body = report_html.split_once("<body>").map_or(report_html, |(_, b)| b).replace("</body></html>", "");
    let header = "<html><head><meta charset=\"utf-8\"><title>政府信息公开年报_某县人民政府</title></head><body>\
        <div><a>首页</a> <a>政务公开</a> <a>政务服务</a> <a>互动交流</a></div><div>请输入关键词 搜索</div>\
        <div>当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政府信息公开年报</a></div>\
        <div>发布时间：2021-01-28 09:30 来源：本站 浏览次数：1203 字号：[大 中 小] 打印</div>";
    let links: String = ["中国政府网", "省政府网站", "市政府网站", "关于我们", "网站地图", "隐私声明", "联系我们"]
        .iter()
        .map(|l| format!("<p>{l}</p>"))
        .collect();
    let footer = format!(
        "<div>分享到：微信 微博</div><div>相关文章 上一年度政府信息公开工作年度报告</div><div>{links}</div>\
         <div><p>主办：某县人民政府办公室</p><p>网站标识码：1234000001 皖ICP备05001234号</p></div></body></html>"
    );
    format!("{header}{body}{footer}")
}

#[test]
fn a_website_page_copied_whole_as_html_or_as_text() {
    for seed in 0..10 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            let mut rng = Rng::new(3000 + seed * 3 + f as u64);
            let sample = gen::balanced(&mut rng, format, requests_format);
            let page = website_page(&gen::render(&sample, Shape::Html, &mut rng));
            assert_reads(&sample, page.as_bytes(), &format!("website HTML seed {seed} format {f}"));
            // The page as the reader renders HTML to text (a browser's own copy
            // of such pages is read in `extractions_read_back`).
            let text = nianbao::text::html::render(&page).text;
            assert_reads(&sample, text.as_bytes(), &format!("website text seed {seed} format {f}"));
        }
    }
}

#[test]
fn windows_files_gb18030_and_utf16_with_crlf() {
    for seed in 0..20 {
        let mut rng = Rng::new(1000 + seed);
        let sample = gen::balanced(&mut rng, TemplateId::Y2021, TemplateId::Y2021);
        for shape in SHAPES {
            let text = gen::render(&sample, shape, &mut rng);
            for encoding in [Encoding::Gb18030, Encoding::Utf16LeBom, Encoding::Utf8Bom] {
                let bytes = gen::encode(&text, encoding, true);
                assert_reads(&sample, &bytes, &format!("{shape:?} {encoding:?} seed {seed}"));
            }
        }
    }
}

#[test]
#[ignore = "prints samples: cargo test --test generated peek -- --ignored --nocapture"]
fn peek() {
    let shape = match std::env::var("SHAPE").as_deref() {
        Ok("spaces") => Shape::Spaces,
        Ok("cell") => Shape::CellPerLine,
        Ok("next") => Shape::NextLine,
        Ok("raw") => Shape::RawRepeated,
        Ok("md") => Shape::Markdown,
        Ok("html") => Shape::Html,
        Ok("same") => Shape::SameLine,
        _ => Shape::Tabs,
    };
    let mut rng = Rng::new(std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1));
    let mut sample = gen::balanced(&mut rng, TemplateId::Y2021, TemplateId::Y2021);
    gen::blank_some(&mut rng, &mut sample, 2, &[TableKind::Requests]);
    print!("{}", gen::render(&sample, shape, &mut rng));
}

/// Writes generated reports of every shape to `$GEN_DIR` (the fuzz corpus).
#[test]
#[ignore = "writes files: GEN_DIR=dir cargo test --test generated write_corpus -- --ignored"]
fn write_corpus() {
    let Some(dir) = std::env::var_os("GEN_DIR") else { return };
    for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
        for shape in SHAPES {
            let mut rng = Rng::new(f as u64);
            let sample = gen::balanced(&mut rng, format, requests_format);
            let text = gen::render(&sample, shape, &mut rng);
            let name = format!("gen_{shape:?}_{}_{}.txt", format.as_str(), requests_format.as_str());
            std::fs::write(std::path::Path::new(&dir).join(name), text).expect("writes");
        }
    }
}

/// The reports behind `tests/extracted/`: seed `seed` of format pair `f`, with
/// some cells blank (in any table: the PDF tools keep their columns).
fn pdf_sample(seed: u64, f: usize) -> (Sample, Rng) {
    let (format, requests_format) = FORMATS[f];
    let mut rng = Rng::new(7000 + seed * 3 + f as u64);
    let mut sample = gen::balanced(&mut rng, format, requests_format);
    if seed % 2 == 1 {
        gen::blank_some(&mut rng, &mut sample, 2, &[TableKind::Active, TableKind::Requests, TableKind::Review]);
    }
    (sample, rng)
}

const PDF_SEEDS: u64 = 4;

/// Page styles: the generator's plain one; narrow label columns (labels
/// wrapped over several lines around their numbers, group labels between); a
/// running header and page numbers (`- 2 -`) that fall inside the tables.
const PDF_STYLES: [(&str, &str); 3] = [
    ("", "td{border:1px solid}"),
    (
        "n_",
        "body{font-size:10.5pt;margin:0 8mm} table{border-collapse:collapse;width:100%} \
         td{border:1px solid;padding:1px 2px;font-size:9pt} td:first-child{width:3em}",
    ),
    (
        "f_",
        "td{border:1px solid} @page { margin: 20mm 15mm; \
         @bottom-center { content: \"- \" counter(page) \" -\"; } @top-center { content: \"某某政府信息公开年度报告\"; } }",
    ),
];

/// Writes the HTML that `tests/extracted/make.sh` prints to PDF and extracts.
#[test]
#[ignore = "writes files: GEN_DIR=dir cargo test --test generated write_pdf_sources -- --ignored"]
fn write_pdf_sources() {
    let Some(dir) = std::env::var_os("GEN_DIR") else { return };
    for (prefix, style) in PDF_STYLES {
        for seed in 0..PDF_SEEDS {
            for f in 0..FORMATS.len() {
                let (sample, mut rng) = pdf_sample(seed, f);
                let html = gen::render(&sample, Shape::Html, &mut rng).replacen(PDF_STYLES[0].1, style, 1);
                let name = format!("{prefix}s{seed}_f{f}.html");
                std::fs::write(std::path::Path::new(&dir).join(name), html).expect("writes");
            }
        }
    }
}

/// What real tools made of the generated reports (`tests/extracted/make.sh`).
/// Printed to PDF by Chromium in three page styles, and by LibreOffice from a
/// Word document, then extracted with pdftotext -layout, pdftotext -raw,
/// pdfplumber, MuPDF and PDFium (a PDF copied in Chrome); the Word document saved as HTML and as text; and both HTML
/// pages as a browser copies them (Ctrl+A, Ctrl+C: a line for every cell's
/// paragraph, a cell a span covers left out). Reports
/// without blank cells are read back whole. In a PDF a blank cell leaves no
/// trace in a row of numbers on single spaces, and in Writer's text and a
/// browser's copy the blank last cell of a row leaves only an empty line
/// (other blank cells keep their `&nbsp;`): such a row must be read right
/// or come out short (a missing cell, which CELL-MISSING reports), never wrong
/// without a sign. Every other row, and every row of the HTML, is read exactly.
#[test]
fn extractions_read_back() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extracted");
    /// Which blank cells may leave no trace.
    #[derive(Clone, Copy, PartialEq)]
    enum Untraced {
        Any,
        /// A row's last cell (Writer's text drops the `&nbsp;` that marks it).
        Last,
        None,
    }
    let mut prefixes: Vec<(String, &str, Untraced)> = Vec::new();
    for tool in ["layout", "raw", "plumber", "mupdf", "pdfium"] {
        for style in PDF_STYLES.map(|(prefix, _)| prefix).into_iter().chain(["office_"]) {
            // PDFium breaks numbers apart in the narrow columns (make.sh).
            if (tool, style) != ("pdfium", "n_") {
                prefixes.push((format!("{tool}_{style}"), "txt", Untraced::Any));
            }
        }
    }
    prefixes.push(("office_text_".to_owned(), "txt", Untraced::Last));
    // A browser's copy keeps every `&nbsp;` but a row's last.
    prefixes.push(("browser_".to_owned(), "txt", Untraced::Last));
    prefixes.push(("browser_office_html_".to_owned(), "txt", Untraced::Last));
    prefixes.push(("office_html_".to_owned(), "html", Untraced::None));
    let mut files: Vec<(String, Untraced)> = Vec::new();
    for (prefix, ext, untraced) in &prefixes {
        for seed in 0..PDF_SEEDS {
            for f in 0..FORMATS.len() {
                files.push((format!("{prefix}s{seed}_f{f}.{ext}"), *untraced));
            }
        }
    }
    let (mut whole, mut with_blanks) = (0, 0);
    for &(ref name, untraced) in &files {
        let (seed, f) = name.rsplit_once("_s").and_then(|(_, r)| r.split_once("_f")).expect("s{seed}_f{f}");
        let (seed, f): (u64, usize) = (seed.parse().expect("seed"), f[..1].parse().expect("format"));
        let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let sample = pdf_sample(seed, f).0;
        let report = nianbao::parse(&nianbao::text::decode::decode(&bytes).text);
        let has_blank = |g: &Grid| g.iter().flatten().any(Option::is_none);
        if ![&sample.active, &sample.requests, &sample.review].into_iter().any(has_blank) {
            assert_reads(&sample, &bytes, name);
            // Balanced, so no error; where the formats are mixed (a 2021 report
            // printing （六） as one row) S-VERSION warns, the numbers survive.
            let codes: Vec<&str> = errors(&report).iter().map(|e| e.code).collect();
            assert_eq!(codes, Vec::<&str>::new(), "{name}");
            assert_eq!(version_warnings(&report), usize::from(f == 2), "{name}");
            whole += 1;
            continue;
        }
        let t = &report.tables;
        for (table, grid) in [(&t.active, &sample.active), (&t.requests, &sample.requests), (&t.review, &sample.review)]
        {
            let table = table.as_ref().unwrap_or_else(|| panic!("{name}: a table is not found"));
            // The review table prints its three rows as one line of 15.
            let printed: Vec<(usize, Vec<Option<Number>>)> = if table.def.kind == TableKind::Review {
                vec![(0, grid.concat())]
            } else {
                grid.iter().cloned().enumerate().collect()
            };
            for (r, row) in printed {
                let expected: Vec<CellValue> = row.iter().copied().map(as_read).collect();
                let cells =
                    if table.def.kind == TableKind::Review { table.cells.concat() } else { table.cells[r].clone() };
                let read: Vec<CellValue> = cells.into_iter().map(|c| c.value).collect();
                let may_lose = match untraced {
                    Untraced::Any => row.contains(&None),
                    Untraced::Last => row.last() == Some(&None),
                    Untraced::None => false,
                };
                let short = may_lose && read.contains(&CellValue::Missing);
                let key = table.def.rows[r].key;
                assert!(read == expected || short, "{name}: row {key}: {read:?}");
            }
        }
        with_blanks += 1;
    }
    // Seeds 1 and 3 blank some cells: half the files.
    assert_eq!((whole, with_blanks), (files.len() / 2, files.len() / 2));
    assert_eq!(files.len(), (5 * 4 - 1) * 4 * 3 + 4 * 4 * 3);
}

/// pdftotext's default mode (no `-layout` or `-raw`) moves the labels of rows
/// that share a line with a group label (（三）不予公开 …) to after the table,
/// so the applications table is not read reliably there (README). What is
/// read: the active table, whose rows print a label with its first number
/// glued on and the others a line each, an empty line after every line; and
/// the metadata.
#[test]
fn pdftotext_default_mode_reads_the_active_table_and_the_metadata() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extracted");
    let mut read = 0;
    for style in PDF_STYLES.map(|(prefix, _)| prefix).into_iter().chain(["office_"]) {
        for seed in 0..PDF_SEEDS {
            for f in 0..FORMATS.len() {
                let name = format!("default_{style}s{seed}_f{f}.txt");
                let bytes = std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
                let text = nianbao::text::decode::decode(&bytes).text;
                let report = nianbao::parse(&text);
                let sample = pdf_sample(seed, f).0;
                let active = report.tables.active.as_ref().unwrap_or_else(|| panic!("{name}: no active table"));
                // Reports without blanks: every cell. With blanks, which leave no
                // trace here (and where the mode once moved a number of the row
                // below a blank one): each row right or short (CELL-MISSING).
                let blanks = seed % 2 == 1;
                for (r, row) in sample.active.iter().enumerate() {
                    let expected: Vec<CellValue> = row.iter().copied().map(as_read).collect();
                    let got: Vec<CellValue> = active.cells[r].iter().map(|c| c.value.clone()).collect();
                    let short = blanks && got.contains(&CellValue::Missing);
                    assert!(got == expected || short, "{name}: row {}: {got:?}", active.def.rows[r].key);
                }
                let m = &report.meta;
                assert_eq!(m.year.as_ref().map(|y| y.value), Some(sample.year), "{name}: year");
                assert_eq!(m.agency.as_ref().map(|a| a.value.as_str()), Some(sample.agency.as_str()), "{name}: agency");
                assert_eq!(m.signed.as_ref().map(|d| d.value.year), Some(sample.year + 1), "{name}: signature");
                read += 1;
            }
        }
    }
    assert_eq!(read, 4 * 4 * 3);
}

fn errors(report: &nianbao::Report) -> Vec<nianbao::checks::Diagnostic> {
    nianbao::checks::check(report).into_iter().filter(|d| d.severity == nianbao::checks::Severity::Error).collect()
}

/// S-VERSION warnings: the requests table alone in the other format.
fn version_warnings(report: &nianbao::Report) -> usize {
    let all = nianbao::checks::check(report);
    all.iter().filter(|d| d.code == "S-VERSION" && d.severity == nianbao::checks::Severity::Warning).count()
}

#[test]
fn balanced_reports_give_no_error_in_any_shape() {
    for seed in 0..15 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            for shape in SHAPES {
                let mut rng = Rng::new(5000 + seed * 7 + f as u64);
                let sample = gen::balanced(&mut rng, format, requests_format);
                let text = gen::render(&sample, shape, &mut rng);
                let report = nianbao::parse(&text);
                let errors = errors(&report);
                assert!(errors.is_empty(), "{shape:?} seed {seed}: {errors:#?}");
                // Only the 2021 report that prints （六） as one row mixes the formats: a warning.
                assert_eq!(version_warnings(&report), usize::from(format != requests_format), "{shape:?} seed {seed}");
            }
        }
    }
}

/// One cell of the applications table changed: the finding names it and
/// suggests its original value. A review cell changed: T4-SUM names its row
/// (which of its five cells is wrong, no identity can tell).
#[test]
fn one_changed_cell_is_found_and_its_value_suggested() {
    for seed in 0..12 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            for shape in SHAPES {
                let mut rng = Rng::new(9000 + seed * 13 + f as u64);
                let mut sample = gen::balanced(&mut rng, format, requests_format);
                let review = rng.chance(25);
                let grid = if review { &mut sample.review } else { &mut sample.requests };
                let r = rng.below(grid.len() as u64) as usize;
                let c = rng.below(grid[r].len() as u64) as usize;
                let original = grid[r][c].expect("balanced values are filled");
                let changed = original.mantissa + 1 + rng.below(5) as i64;
                grid[r][c] = Some(nianbao::model::Number::int(changed));
                let text = gen::render(&sample, shape, &mut rng);
                let report = nianbao::parse(&text);
                let table = if review { report.tables.review.as_ref() } else { report.tables.requests.as_ref() };
                let table = table.expect("table read");
                let d = &table.def.rows[r];
                let key = format!("{}.{}.{}", table.def.kind.key(), d.key, d.cols[c].key);
                let errors: Vec<_> = errors(&report).into_iter().filter(|e| e.code != "S-VERSION").collect();
                let what = format!("{shape:?} seed {seed} {} {key} {original} → {changed}", format.as_str());
                assert!(!errors.is_empty(), "{what}: not found");
                assert!(errors.iter().all(|e| e.cells.contains(&key)), "{what}: {errors:#?}");
                if review {
                    assert!(errors.iter().all(|e| e.code == "T4-SUM"), "{what}: {errors:#?}");
                } else {
                    assert_eq!(errors.len(), 1, "{what}: one finding expected: {errors:#?}");
                    let fix = errors[0].fix.as_ref().unwrap_or_else(|| panic!("{what}: no fix in {errors:#?}"));
                    assert_eq!((fix.cell.as_str(), fix.value), (key.as_str(), original), "{what}");
                }
            }
        }
    }
}

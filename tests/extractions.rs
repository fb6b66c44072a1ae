//! What real PDF and HTML tools made of generated reports (`tests/extracted/`,
//! made by `tests/extracted/make.sh` from the pages `write_pdf_sources` writes):
//! read back cell by cell.

mod gen;

use gen::expect::{assert_reads, assert_report, errors, version_warnings, FORMATS};
use gen::{as_read, Grid, Rng, Sample, Shape};
use nianbao::model::{CellValue, Number, TableKind};

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
/// running header and page numbers (`- 2 -`) that fall inside the tables;
/// bare page numbers (`2`) below and `第2页` above.
const PDF_STYLES: [(&str, &str); 4] = [
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
    (
        "b_",
        "td{border:1px solid} @page { margin: 20mm 15mm; \
         @bottom-center { content: counter(page); } @top-right { content: \"第\" counter(page) \"页\"; } }",
    ),
];

/// Tables printed with no borders at all (a table of spaces, as WPS and Word
/// print a borderless table): PDFs only, read from where each character
/// stands, no ruling to find the cells by. Not given to the other tools.
const BORDERLESS: (&str, &str) = ("o_", "td{padding:1px 6px}");

/// The page styles the PDFs are printed in.
fn pdf_styles() -> impl Iterator<Item = (&'static str, &'static str)> {
    PDF_STYLES.into_iter().chain([BORDERLESS])
}

/// Writes the HTML that `tests/extracted/make.sh` prints to PDF and extracts.
#[test]
#[ignore = "writes files: GEN_DIR=dir cargo test --test extractions write_pdf_sources -- --ignored"]
fn write_pdf_sources() {
    let Some(dir) = std::env::var_os("GEN_DIR") else { return };
    for (prefix, style) in pdf_styles() {
        for seed in 0..PDF_SEEDS {
            for f in 0..FORMATS.len() {
                let (sample, mut rng) = pdf_sample(seed, f);
                let mut html = gen::render(&sample, Shape::Html, &mut rng).replacen(PDF_STYLES[0].1, style, 1);
                if prefix == BORDERLESS.0 {
                    html = html.replace("<table border=\"1\"", "<table border=\"0\"");
                }
                let name = format!("{prefix}s{seed}_f{f}.html");
                std::fs::write(std::path::Path::new(&dir).join(name), html).expect("writes");
            }
        }
    }
}

/// What real tools made of the generated reports (`tests/extracted/make.sh`).
/// Printed to PDF by Chromium in four page styles, and by LibreOffice from a
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
    // Rows with a blank cell, and those of them read short.
    let (mut blank_rows, mut short_rows) = (0, 0);
    let mut short_by_tool = std::collections::BTreeMap::<&str, usize>::new();
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
            for (r, row, read) in printed_rows(table, grid) {
                let expected: Vec<CellValue> = row.iter().copied().map(as_read).collect();
                let may_lose = match untraced {
                    Untraced::Any => row.contains(&None),
                    Untraced::Last => row.last() == Some(&None),
                    Untraced::None => false,
                };
                let short = may_lose && read.contains(&CellValue::Missing);
                blank_rows += usize::from(row.contains(&None));
                short_rows += usize::from(short && read != expected);
                if short && read != expected {
                    *short_by_tool.entry(name.split('_').next().unwrap_or("")).or_default() += 1;
                }
                let key = table.def.rows[r].key;
                assert!(read == expected || short, "{name}: row {key}: {read:?} expected {expected:?}");
            }
        }
        with_blanks += 1;
    }
    eprintln!("extractions: {} files; rows with a blank cell {blank_rows}, read short {short_rows}", files.len());
    eprintln!("  read short, by tool: {short_by_tool:?}");
    // Seeds 1 and 3 blank some cells: half the files.
    assert_eq!((whole, with_blanks), (files.len() / 2, files.len() / 2));
    assert_eq!(files.len(), (5 * 5 - 1) * 4 * 3 + 4 * 4 * 3);
}

/// A table's rows as printed, each with its index, the sample's values and
/// the values read (the review table prints its three rows as one line of 15).
fn printed_rows(table: &nianbao::model::Table, grid: &Grid) -> Vec<(usize, Vec<Option<Number>>, Vec<CellValue>)> {
    let values = |cells: Vec<nianbao::model::Cell>| cells.into_iter().map(|c| c.value).collect();
    if table.def.kind == TableKind::Review {
        vec![(0, grid.concat(), values(table.cells.concat()))]
    } else {
        grid.iter().cloned().enumerate().map(|(r, row)| (r, row, values(table.cells[r].clone()))).collect()
    }
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
    assert_eq!(read, 5 * 4 * 3);
}

/// Word documents LibreOffice Writer made of the generated reports
/// (`docx_*.docx`, make.sh), opened as .docx: the same model as Writer's own
/// HTML of the same document (`office_html_*`: every cell, blank told from 0,
/// metadata and chapters) and the same findings; reports without blank cells
/// read back whole, with no error.
#[test]
fn word_documents_read_as_their_html() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extracted");
    let findings = |r: &nianbao::Report| -> Vec<String> {
        nianbao::checks::check(r)
            .iter()
            .map(|d| format!("{} {} {}", d.code, d.severity.as_str(), nianbao::views::messages::message(d)))
            .collect()
    };
    let mut read = 0;
    for seed in 0..PDF_SEEDS {
        for f in 0..FORMATS.len() {
            let name = format!("docx_s{seed}_f{f}.docx");
            let bytes = std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(nianbao::text::docx::is_docx(&bytes), "{name}");
            let (text, report) = nianbao::read::parse_docx(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(report.input, nianbao::model::InputKind::Docx);
            let html = std::fs::read_to_string(dir.join(format!("office_html_s{seed}_f{f}.html"))).expect("html");
            let from_html = nianbao::parse(&html);
            let outline = nianbao::views::outline::outline;
            assert_eq!(outline(&report), outline(&from_html), "{name}: model, text:\n{text}");
            assert_eq!(findings(&report), findings(&from_html), "{name}: findings");
            if seed % 2 == 0 {
                assert_report(&pdf_sample(seed, f).0, &report, &name, &text);
                let codes: Vec<&str> = errors(&report).iter().map(|e| e.code).collect();
                assert_eq!(codes, Vec::<&str>::new(), "{name}");
            }
            read += 1;
        }
    }
    assert_eq!(read, PDF_SEEDS as usize * FORMATS.len());
}

/// PDFs Chromium printed of the generated reports (make.sh), opened as PDFs
/// (`text::pdf`): the tables by their ruled cells. Every row right, blank
/// cells told from 0; reports without blank cells with no error.
/// `PDF_DIR` reads another folder of them (all of make.sh's, not only the
/// committed ones).
#[test]
fn pdf_documents_read_back() {
    let dir = std::env::var_os("PDF_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extracted"));
    let names: Vec<String> = match std::env::var_os("PDF_DIR") {
        Some(_) => pdf_styles()
            .flat_map(|(p, _)| {
                (0..PDF_SEEDS).flat_map(move |s| (0..FORMATS.len()).map(move |f| format!("{p}s{s}_f{f}.pdf")))
            })
            .collect(),
        None => PDF_FIXTURES.iter().map(|s| s.to_string()).collect(),
    };
    let (mut rows, mut right, mut short) = (0, 0, 0);
    let mut wrong = Vec::new();
    for name in &names {
        let (seed, f) = name.rsplit_once('s').and_then(|(_, r)| r.split_once("_f")).expect("s{seed}_f{f}");
        let (seed, f): (u64, usize) = (seed.parse().expect("seed"), f[..1].parse().expect("format"));
        let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let sample = pdf_sample(seed, f).0;
        let (_, report) = nianbao::read::parse_pdf(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        if seed % 2 == 0 {
            let codes: Vec<&str> = errors(&report).iter().map(|e| e.code).collect();
            assert_eq!(codes, Vec::<&str>::new(), "{name}");
        }
        let t = &report.tables;
        for (table, grid) in [(&t.active, &sample.active), (&t.requests, &sample.requests), (&t.review, &sample.review)]
        {
            let Some(table) = table.as_ref() else {
                wrong.push(format!("{name}: a table is not found"));
                continue;
            };
            for (r, row, read) in printed_rows(table, grid) {
                let expected: Vec<CellValue> = row.iter().copied().map(as_read).collect();
                rows += 1;
                if read == expected {
                    right += 1;
                } else if row.contains(&None) && read.contains(&CellValue::Missing) {
                    short += 1;
                } else {
                    wrong.push(format!("{name}: row {}: {read:?}", table.def.rows[r].key));
                }
            }
        }
    }
    eprintln!("pdf: {} files, rows {right}/{rows} right, {short} short (a blank left no trace)", names.len());
    assert!(wrong.is_empty(), "{} rows read wrong:\n{}", wrong.len(), wrong.join("\n"));
    if std::env::var_os("PDF_DIR").is_none() {
        assert_eq!((rows, right, short), (282, 282, 0), "rows, right, short of the fixtures");
    }
}

/// The PDFs of make.sh kept in the repository (each about 400 KB: Chromium
/// embeds its font subsets): one per page style, two borderless; and three of ReportLab (8 KB).
const PDF_FIXTURES: [&str; 9] = [
    "pdf_s0_f1.pdf",
    "pdf_n_s0_f0.pdf",
    "pdf_f_s1_f2.pdf",
    "pdf_b_s1_f2.pdf",
    "pdf_o_s0_f0.pdf",
    "pdf_o_s1_f1.pdf",
    // ReportLab's (make.sh): a CJK font not embedded (UniGB-UCS2-H), grids stroked as lines.
    "pdf_reportlab_s0_f0.pdf",
    "pdf_reportlab_s1_f1.pdf",
    "pdf_reportlab_s2_f2.pdf",
];

/// Writer's PDFs of its Word documents (`pdf_office_*`, make.sh), opened as
/// PDFs: every cell as the .docx itself reads it, blanks included.
#[test]
fn writer_pdfs_read_as_their_word_documents() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/extracted");
    let (mut cells, mut same) = (0, 0);
    let mut wrong = Vec::new();
    for seed in 0..PDF_SEEDS {
        for f in 0..FORMATS.len() {
            let name = format!("s{seed}_f{f}");
            let pdf = std::fs::read(dir.join(format!("pdf_office_{name}.pdf"))).expect("pdf");
            let docx = std::fs::read(dir.join(format!("docx_{name}.docx"))).expect("docx");
            let (_, from_pdf) = nianbao::read::parse_pdf(&pdf).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let (_, from_docx) = nianbao::read::parse_docx(&docx).expect("docx");
            let (a, b) = (&from_pdf.tables, &from_docx.tables);
            for (ta, tb) in [(&a.active, &b.active), (&a.requests, &b.requests), (&a.review, &b.review)] {
                let (ta, tb) = (ta.as_ref().expect("a table"), tb.as_ref().expect("a table"));
                for (r, (ra, rb)) in ta.cells.iter().zip(&tb.cells).enumerate() {
                    cells += ra.len();
                    same += ra.iter().zip(rb).filter(|(x, y)| x.value == y.value).count();
                    if ra.iter().zip(rb).any(|(x, y)| x.value != y.value) {
                        wrong.push(format!("{name}: row {}", ta.def.rows[r].key));
                    }
                }
            }
        }
    }
    eprintln!("writer pdfs: cells {same}/{cells} as their .docx reads them");
    assert_eq!(wrong, Vec::<String>::new(), "rows read otherwise than from the .docx");
    assert_eq!(same, cells);
}

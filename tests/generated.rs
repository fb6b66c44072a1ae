//! Generated reports (tests/gen): random balanced tables in both formats,
//! rendered in every shape and encoding users paste, read back cell by cell.

mod gen;

use gen::{Encoding, Grid, Rng, Sample, Shape, SHAPES};
use nianbao::model::{CellValue, Table, TableKind, TemplateId};

fn assert_grid(table: Option<&Table>, grid: &Grid, format: TemplateId, what: &str, text: &str) {
    let table = table.unwrap_or_else(|| panic!("{what}: table not found in:\n{text}"));
    assert_eq!(table.template, format, "{what}: template");
    for (r, row) in grid.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let expected = v.map_or(CellValue::Blank, CellValue::Number);
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
fn markdown_pipes() {
    run(Shape::Markdown, 40);
}

#[test]
fn html_with_rowspan_and_colspan() {
    run(Shape::Html, 40);
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
        Ok("md") => Shape::Markdown,
        Ok("html") => Shape::Html,
        _ => Shape::Tabs,
    };
    let mut rng = Rng::new(std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1));
    let mut sample = gen::balanced(&mut rng, TemplateId::Y2021, TemplateId::Y2021);
    gen::blank_some(&mut rng, &mut sample, 2, &[TableKind::Requests]);
    print!("{}", gen::render(&sample, shape, &mut rng));
}

//! Generated reports (tests/gen) as crawlers store web pages: the page body on
//! one line, table cells glued together or on stray spaces. Balanced tables
//! are read back cell by cell with no error; one changed cell is still found
//! (the arithmetic that splits glued digits must not read the error away).

mod gen;

use gen::{Crawl, Rng, CRAWLS};
use nianbao::checks::{Diagnostic, Severity};
use nianbao::model::{CellValue, NoteKind, Number, Table, TableKind, TemplateId};

const FORMATS: [(TemplateId, TemplateId); 3] = [
    (TemplateId::Y2019, TemplateId::Y2019),
    (TemplateId::Y2021, TemplateId::Y2021),
    // A 2021 report printing （六）其他处理 as one row, as the 2019 format did.
    (TemplateId::Y2021, TemplateId::Y2019),
];

/// The cells read otherwise than generated, as `key: read, generated`.
fn wrong(table: Option<&Table>, grid: &gen::Grid, format: TemplateId) -> Vec<String> {
    let Some(table) = table else { return vec!["table not found".to_owned()] };
    let mut out = Vec::new();
    if table.template != format {
        out.push(format!("{}: format {}", table.def.kind.key(), table.template.as_str()));
    }
    for (r, row) in grid.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let expected = gen::as_read(*v);
            let got = table.cells.get(r).and_then(|row| row.get(c)).map(|c| &c.value);
            if got != Some(&expected) {
                let d = &table.def.rows[r];
                out.push(format!(
                    "{}.{}.{}: {got:?}, generated {expected:?}",
                    table.def.kind.key(),
                    d.key,
                    d.cols[c].key
                ));
            }
        }
    }
    out
}

fn errors(report: &nianbao::Report) -> Vec<Diagnostic> {
    let all = nianbao::checks::check(report);
    all.into_iter().filter(|d| d.severity == Severity::Error && d.code != "S-VERSION").collect()
}

/// Adds the report's errors to the cells it read `bad`, and one failure
/// naming the case when there is anything.
fn record(
    failures: &mut Vec<String>,
    mut bad: Vec<String>,
    report: &nianbao::Report,
    (how, seed, format, requests_format): (Crawl, u64, TemplateId, TemplateId),
    text: &str,
) {
    let errors = errors(report);
    if !errors.is_empty() {
        bad.push(format!("errors: {:?}", errors.iter().map(nianbao::views::messages::message).collect::<Vec<_>>()));
    }
    if !bad.is_empty() {
        let formats = format!("{}/{}", format.as_str(), requests_format.as_str());
        failures.push(format!("{how:?} seed {seed} {formats}: {}\n{text}", bad.join("; ")));
    }
}

fn cases(mut each: impl FnMut(u64, TemplateId, TemplateId, Crawl)) {
    for seed in 0..40 {
        for &(format, requests_format) in &FORMATS {
            for how in CRAWLS {
                each(seed, format, requests_format, how);
            }
        }
    }
}

#[test]
fn crawled_pages_are_read_cell_by_cell() {
    let mut failures = Vec::new();
    let (mut cells, mut right, mut undecided) = (0, 0, 0);
    cases(|seed, format, requests_format, how| {
        let mut rng = Rng::new(seed * 97 + how as u64 * 7 + format as u64);
        let sample = gen::balanced(&mut rng, format, requests_format);
        let text = gen::crawl(&sample, how, &mut rng);
        let report = nianbao::parse(&text);
        let t = &report.tables;
        // The active table has no identity to split glued digits by: a row the
        // reader says it could not settle (a tie, noted) is not counted wrong.
        let settled = |key: &str| {
            !report.notes.iter().any(|n| {
                n.table == TableKind::Active
                    && key.starts_with(&format!("active.{}.", n.row))
                    && matches!(&n.kind, NoteKind::Split { other: Some(_), .. })
            })
        };
        let mut bad = wrong(t.active.as_ref(), &sample.active, format);
        let before = bad.len();
        bad.retain(|w| settled(w));
        let undecided_here = before - bad.len();
        undecided += undecided_here;
        bad.extend(wrong(t.requests.as_ref(), &sample.requests, requests_format));
        bad.extend(wrong(t.review.as_ref(), &sample.review, format));
        let n: usize = [&sample.active, &sample.requests, &sample.review]
            .iter()
            .map(|g| g.iter().map(Vec::len).sum::<usize>())
            .sum();
        cells += n;
        right += n.saturating_sub(bad.len() + undecided_here);
        record(&mut failures, bad, &report, (how, seed, format, requests_format), &text);
    });
    println!("crawled: cells {right}/{cells} right; {undecided} more in active rows the reader noted as a tie");
    for f in &failures {
        eprintln!("FAIL {}", f.lines().next().unwrap_or_default());
    }
    assert!(failures.is_empty(), "cells {right}/{cells}; {} reports wrong, first:\n{}", failures.len(), failures[0]);
}

/// 0s of 表三 and 表四 left blank, as small offices often print them: glued,
/// a blank cell leaves no trace, and where the digits are then too few for a
/// row's cells, the tables' arithmetic places the blanks.
/// FIXME: not every report is read right yet. A blank among 0s has no place
/// the arithmetic can tell (noted as a tie); a row whose digits suffice for
/// its cells is read without its blanks, by design (joining digits to make
/// room for a blank could balance a row that does not add up: an error read
/// away); the choice across rows is a local search. The figures are printed;
/// the floors are below them, and well above what the reader read before it
/// placed blanks (3 %: 58,199 of 65,040; all: 28,380).
#[test]
fn zeros_left_blank_on_a_crawled_page_are_placed_by_arithmetic() {
    for (percent, floor) in [(3, 950), (100, 790)] {
        let (right, cells, tied, failures) = zeros_left_blank(percent);
        println!(
            "zeros left blank ({percent} %): cells {right}/{cells} right; {tied} more in rows noted as a tie; {} of {} reports with a wrong cell or error",
            failures.len(),
            40 * 9
        );
        assert!(right * 1000 >= cells * floor, "{percent} %: {right}/{cells}, first:\n{}", failures[0]);
    }
}

/// The cells right, the cells, the cells in rows noted as a tie, and the
/// reports read wrong, with `percent` of the 0s of 表三 and 表四 left blank.
fn zeros_left_blank(percent: u64) -> (usize, usize, usize, Vec<String>) {
    let mut failures = Vec::new();
    let (mut cells, mut right, mut tied) = (0, 0, 0);
    cases(|seed, format, requests_format, how| {
        let mut rng = Rng::new(31_000 + seed * 17 + how as u64 * 5 + format as u64);
        let mut sample = gen::balanced(&mut rng, format, requests_format);
        gen::zeros_blank(&mut rng, &mut sample, &[TableKind::Requests, TableKind::Review], percent);
        let text = gen::crawl(&sample, how, &mut rng);
        let report = nianbao::parse(&text);
        let t = &report.tables;
        let tie = |table: TableKind, key: &str| {
            report.notes.iter().any(|n| {
                n.table == table
                    && (table == TableKind::Review || key.starts_with(&format!("{}.{}.", table.key(), n.row)))
                    && matches!(&n.kind, NoteKind::Split { other: Some(_), .. })
            })
        };
        let mut bad = Vec::new();
        for (kind, table, grid, f) in [
            (TableKind::Requests, t.requests.as_ref(), &sample.requests, requests_format),
            (TableKind::Review, t.review.as_ref(), &sample.review, format),
        ] {
            let n: usize = grid.iter().map(Vec::len).sum();
            let wrong = wrong(table, grid, f);
            let undecided = wrong.iter().filter(|w| tie(kind, w)).count();
            cells += n;
            tied += undecided;
            right += n.saturating_sub(wrong.len());
            bad.extend(wrong.into_iter().filter(|w| !tie(kind, w)));
        }
        record(&mut failures, bad, &report, (how, seed, format, requests_format), &text);
    });
    (right, cells, tied, failures)
}

#[test]
fn one_changed_cell_of_a_crawled_page_is_found() {
    let mut failures = Vec::new();
    cases(|seed, format, requests_format, how| {
        let mut rng = Rng::new(7000 + seed * 13 + how as u64 * 3 + format as u64);
        let mut sample = gen::balanced(&mut rng, format, requests_format);
        let r = rng.below(sample.requests.len() as u64) as usize;
        let c = rng.below(7) as usize;
        let original = sample.requests[r][c].expect("balanced values are filled");
        sample.requests[r][c] = Some(Number::int(original.mantissa + 1 + rng.below(5) as i64));
        let text = gen::crawl(&sample, how, &mut rng);
        let report = nianbao::parse(&text);
        let Some(table) = report.tables.requests.as_ref() else {
            failures.push(format!("{how:?} seed {seed}: table not found"));
            return;
        };
        let d = &table.def.rows[r];
        let key = format!("requests.{}.{}", d.key, d.cols[c].key);
        let errors = errors(&report);
        if errors.is_empty() || !errors.iter().any(|e| e.cells.contains(&key)) {
            failures.push(format!(
                "{how:?} seed {seed} {key}: {:?}\n{text}",
                errors.iter().map(nianbao::views::messages::message).collect::<Vec<_>>()
            ));
        }
    });
    assert!(failures.is_empty(), "{} of {} not found, first:\n{}", failures.len(), 40 * 9, failures[0]);
}

#[test]
fn a_row_number_printed_without_its_mark_is_not_a_value() {
    // `…00000002其他法律…` for `2.其他法律…`: the 2 begins the next label.
    let text = concat!(
        "三、收到和处理政府信息公开申请情况 申请人情况自然人商业企业科研机构社会公益组织法律服务机构其他总计",
        "一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果",
        "（一）予以公开640020470（三）不予公开1属于国家秘密00000002其他法律行政法规禁止公开00000003危及“三安全一稳定”0000000",
        "（七）总计640020470四、结转下年度继续办理0000000\n"
    );
    let report = nianbao::parse(text);
    let t = report.tables.requests.as_ref().expect("table read");
    let row = |key: &str| -> Vec<String> {
        let r = t.def.rows.iter().position(|d| d.key == key).unwrap();
        t.cells[r].iter().map(|c| format!("{:?}", c.value)).collect()
    };
    let zeros: Vec<String> = (0..7).map(|_| format!("{:?}", CellValue::Number(Number::int(0)))).collect();
    assert_eq!(row("denied_state_secret"), zeros);
    assert_eq!(row("denied_law"), zeros);
    let new: Vec<String> =
        [64, 0, 0, 2, 0, 4, 70].iter().map(|&v| format!("{:?}", CellValue::Number(Number::int(v)))).collect();
    assert_eq!(row("new"), new);
}

#[test]
fn a_sentence_with_a_row_word_does_not_hide_the_collapsed_table() {
    // A short line naming 新收 is taken for the table's first row by the line
    // reader; the table itself stands collapsed on the next line.
    let text = concat!(
        "三、收到和处理政府信息公开申请情况\n全年本年新收申请3件，均已办结\n",
        "申请人情况自然人商业企业科研机构社会公益组织法律服务机构其他总计一、本年新收政府信息公开申请数量640020470",
        "二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开640020470（七）总计640020470四、结转下年度继续办理0000000\n"
    );
    let report = nianbao::parse(text);
    let t = report.tables.requests.as_ref().expect("table read");
    let total = t.cell("total_processed", "total").map(|c| c.value.clone());
    assert_eq!(total, Some(CellValue::Number(Number::int(70))));
    assert_eq!(t.cell("new", "natural").map(|c| c.value.clone()), Some(CellValue::Number(Number::int(64))));
}

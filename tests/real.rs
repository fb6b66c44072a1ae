//! Real published reports as a web archive's crawler stored them (the case
//! folders of `tests/cases/` that hold a `truth.json`; bytes as stored, see
//! `tests/cases/README.md`): every cell of 表三 and 表四 against the
//! hand-checked truth (`null` = blank), and every identity the published table
//! breaks must be reported, not read away.

use nianbao::model::{CellValue, Table};
use serde_json::Value;
use std::path::Path;

const COLS: [&str; 7] = ["natural", "business", "research", "social", "legal", "other", "total"];
const REVIEW_COLS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// The schema's row key of a key of truth.json.
fn row_key(truth: &str) -> String {
    let fixed = [
        ("new", "new"),
        ("carry", "carried_in"),
        ("total", "total_processed"),
        ("out", "carried_out"),
        ("r1", "granted"),
        ("r2", "partial"),
        ("r6", "other_handling"),
        ("r6_1", "other_no_correction"),
        ("r6_2", "other_no_fee"),
        ("r6_3", "other_other"),
        ("行政复议", "reconsideration"),
        ("直接起诉", "direct_suit"),
        ("复议后起诉", "suit_after_review"),
    ];
    if let Some((_, k)) = fixed.iter().find(|(t, _)| *t == truth) {
        return (*k).to_owned();
    }
    let numbered: [&[&str]; 3] = [
        &["state_secret", "law", "safety", "third_party", "internal", "process", "enforcement", "query"],
        &["not_held", "needs_creation", "unclear"],
        &["petition", "repeat", "publication", "mass", "reconfirm"],
    ];
    let (group, i) = truth.split_once('_').unwrap();
    let g = ["r3", "r4", "r5"].iter().position(|g| *g == group).unwrap();
    let (prefix, names) = (["denied", "unable", "refused"][g], numbered[g]);
    format!("{prefix}_{}", names[i.parse::<usize>().unwrap() - 1])
}

/// `row.col = read, truth t` for each cell read otherwise than the truth says.
fn wrong_cells(table: Option<&Table>, truth: &Value, cols: &[&str], out: &mut Vec<String>) {
    for (key, vec) in truth.as_object().unwrap() {
        let row = row_key(key);
        for (col, want) in cols.iter().zip(vec.as_array().unwrap()) {
            let got = table.and_then(|t| t.cell(&row, col)).map(|c| &c.value);
            let right = match (got, want.as_i64()) {
                (Some(CellValue::Number(n)), Some(w)) => n.scale == 0 && n.mantissa == w,
                (Some(CellValue::Blank), None) => want.is_null(),
                _ => false,
            };
            if !right {
                out.push(format!("{row}.{col} = {got:?}, truth {want}"));
            }
        }
    }
}

#[test]
fn real_crawled_reports_are_read_cell_by_cell() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut dirs: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).collect();
    dirs.retain(|d| d.join("truth.json").is_file());
    dirs.sort();
    let mut failures = Vec::new();
    let (mut cells, mut right) = (0, 0);
    for dir in &dirs {
        let t: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).unwrap()).unwrap();
        let file = t["file"].as_str().unwrap();
        let report = nianbao::parse(&std::fs::read_to_string(dir.join("input.txt")).unwrap());
        let mut wrong = Vec::new();
        wrong_cells(report.tables.requests.as_ref(), &t["table3"], &COLS, &mut wrong);
        wrong_cells(report.tables.review.as_ref(), &t["table4"], &REVIEW_COLS, &mut wrong);
        let n = t["table3"].as_object().unwrap().len() * 7 + 15;
        cells += n;
        right += n - wrong.len();
        let codes: Vec<&str> = nianbao::checks::check(&report).iter().map(|d| d.code).collect();
        for failing in t["failing"].as_array().unwrap() {
            let code = match &failing.as_str().unwrap()[..2] {
                "R1" => "T3-BAL",
                "R2" => "T3-ROW",
                "R3" => "T4-SUM",
                _ => "T3-SUM",
            };
            if !codes.contains(&code) {
                wrong.push(format!("{code} not reported ({failing})"));
            }
        }
        let template = report.tables.requests.as_ref().map(|t| t.template.as_str());
        if template != t["template"].as_str() {
            wrong.push(format!("format {template:?}, truth {}", t["template"]));
        }
        if !wrong.is_empty() {
            failures.push(format!("{file}: {}", wrong.join("; ")));
        }
    }
    assert!(dirs.len() >= 5, "the real reports are there: {dirs:?}");
    println!("real: cells {right}/{cells}");
    assert!(failures.is_empty(), "cells {right}/{cells}\n{}", failures.join("\n"));
}

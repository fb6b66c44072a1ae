//! Snapshots of what the views render for each seed: the JSON object of
//! schema.md, the normalized Markdown and the CSV exports. A change in any of
//! them shows up as a reviewable diff in tests/snapshots/.

use nianbao::views::{export, json};
use std::path::Path;

fn seed(name: &str) -> String {
    let case = format!("seed-{}", name.trim_end_matches(".txt"));
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(case).join("input.txt"))
        .unwrap_or_default()
}

const SEEDS: [&str; 5] = [
    "000_f9649dac1b38fb85",
    "001_398e231a6bf84220",
    "002_400511ad0ee379b5",
    "003_e79d930d3ead0ba0",
    "004_9cf56e95910a791d",
];

#[test]
fn json_of_each_seed() {
    for name in SEEDS {
        let input = seed(&format!("{name}.txt"));
        let report = nianbao::parse(&input);
        let diagnostics = nianbao::checks::check(&report);
        insta::assert_snapshot!(
            format!("json_{name}"),
            json::to_json(&format!("{name}.txt"), &input, &report, &diagnostics)
        );
    }
}

#[test]
fn markdown_and_csv_of_seed_002() {
    let input = seed("002_400511ad0ee379b5.txt");
    let report = nianbao::parse(&input);
    let diagnostics = nianbao::checks::check(&report);
    insta::assert_snapshot!("markdown_002", export::markdown(&report, &diagnostics));
    insta::assert_snapshot!("tables_csv_002", export::tables_csv(&report));
    insta::assert_snapshot!(
        "diagnostics_csv_002",
        export::diagnostics_csv("002_400511ad0ee379b5.txt", &input, &report, &diagnostics)
    );
}

#[test]
fn markdown_keeps_report_text_inert() {
    let input = "某局2022年政府信息公开工作年度报告\n一、总体情况\n\
                 本机关<script>alert(1)</script>认真落实[点此](javascript:alert(1))要求，![图](x.png) # 不是标题。\n";
    let report = nianbao::parse(input);
    let md = export::markdown(&report, &nianbao::checks::check(&report));
    // Every bracket of the link is escaped, so no renderer makes it a link.
    assert!(!md.contains("<script>") && !md.contains("!["), "{md}");
    assert_eq!(md.matches("](javascript").count(), md.matches(r"\](javascript").count(), "{md}");
    assert!(md.contains(r"本机关\<script\>alert(1)\</script\>认真落实\[点此\](javascript:alert(1))要求，\!\[图\](x.png) \# 不是标题。"), "{md}");
}

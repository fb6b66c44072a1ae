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
    insta::assert_snapshot!("markdown_002", export::markdown(&report, &diagnostics, &[]));
    insta::assert_snapshot!("tables_csv_002", export::tables_csv(&report));
    insta::assert_snapshot!(
        "diagnostics_csv_002",
        export::diagnostics_csv("002_400511ad0ee379b5.txt", &input, &report, &diagnostics, &[])
    );
}

/// A finding a reviewer verified carries its reason in every export; none
/// verified, the JSON is the CLI's.
#[test]
fn verified_findings_carry_their_reason_in_every_export() {
    use nianbao::checks::verified::{key, Verified};
    let input = seed("002_400511ad0ee379b5.txt");
    let report = nianbao::parse(&input);
    let diagnostics = nianbao::checks::check(&report);
    let plain = json::to_json("a.txt", &input, &report, &diagnostics);
    let none = Verified::default();
    let none = none.reasons(&diagnostics, &report, &input);
    assert_eq!(json::to_json_verified("a.txt", &input, &report, &diagnostics, &none), plain);
    let chosen = &diagnostics[diagnostics.len() - 1];
    let mut verified = Verified::default();
    verified.insert(key(chosen, &report, &input), "与纸质原件一致，=原表如此");
    let reasons = verified.reasons(&diagnostics, &report, &input);
    assert_eq!(reasons.iter().filter(|r| r.is_some()).count(), 1, "one finding has that key");
    let with = json::to_json_verified("a.txt", &input, &report, &diagnostics, &reasons);
    assert_eq!(with.matches("\"verified\":{\"reason\":\"与纸质原件一致，=原表如此\"}").count(), 1, "{with}");
    let csv = export::diagnostics_csv("a.txt", &input, &report, &diagnostics, &reasons);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",核实说明"), "{header}");
    let last = csv.lines().last().unwrap();
    assert!(last.ends_with(",与纸质原件一致，=原表如此"), "{last}");
    let md = export::markdown(&report, &diagnostics, &reasons);
    assert_eq!(md.matches("（已核实：与纸质原件一致，=原表如此）").count(), 1);
    // A reason that starts like a formula is written as text.
    verified.insert(key(chosen, &report, &input), "=HYPERLINK(\"x\")");
    let csv = export::diagnostics_csv(
        "a.txt",
        &input,
        &report,
        &diagnostics,
        &verified.reasons(&diagnostics, &report, &input),
    );
    let last = csv.lines().last().unwrap();
    assert!(last.ends_with(",\"'=HYPERLINK(\"\"x\"\")\""), "{last}");
}

#[test]
fn markdown_keeps_report_text_inert() {
    let input = "某局2022年政府信息公开工作年度报告\n一、总体情况\n\
                 本机关<script>alert(1)</script>认真落实[点此](javascript:alert(1))要求，![图](x.png) # 不是标题。\n";
    let report = nianbao::parse(input);
    let md = export::markdown(&report, &nianbao::checks::check(&report), &[]);
    // Every bracket of the link is escaped, so no renderer makes it a link.
    assert!(!md.contains("<script>") && !md.contains("!["), "{md}");
    assert_eq!(md.matches("](javascript").count(), md.matches(r"\](javascript").count(), "{md}");
    assert!(md.contains(r"本机关\<script\>alert(1)\</script\>认真落实\[点此\](javascript:alert(1))要求，\!\[图\](x.png) \# 不是标题。"), "{md}");
}

//! The contract in `docs/spec/` stays current: its rule tables list the
//! registry's codes, in the registry's order, with their severities.

use nianbao::checks::RULES;

#[test]
fn rules_md_lists_the_registry() {
    let doc = include_str!("../docs/spec/rules.md");
    // Table rows: | `CODE` | severity | rule |
    let listed: Vec<(&str, &str)> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| {
            let (code, rest) = l.split_once("` | ")?;
            Some((code, rest.split(" |").next()?))
        })
        .collect();
    let registry: Vec<(&str, &str)> = RULES.iter().map(|r| (r.code, r.severity.as_str())).collect();
    assert_eq!(listed, registry, "docs/spec/rules.md and checks::RULES differ");
}

#[test]
fn schema_md_names_every_top_level_json_key() {
    let doc = include_str!("../docs/spec/schema.md");
    let report = nianbao::parse("2021年政府信息公开工作年度报告\n");
    let diagnostics = nianbao::checks::check(&report);
    let json = nianbao::views::json::to_json("a.txt", "", &report, &diagnostics);
    let value: serde_json::Value = serde_json::from_str(&json).expect("the CLI's JSON parses");
    for key in value.as_object().expect("an object").keys() {
        assert!(doc.contains(&format!("\"{key}\"")), "schema.md does not show the key {key}");
    }
}

//! Data-driven cases: each folder of `tests/cases/` holds an input
//! (`input.txt` or `input.html`, as a user would paste it) and `expected`: the
//! model read from it (`views::outline`) and every finding with its code,
//! severity, line and character range (start..end, end exclusive) and message.
//! A known failure is written as the wrong result it gives, with a FIXME in
//! the case's `README` line. Regenerate after a deliberate change with
//! `UPDATE_CASES=1 cargo test --test cases` and review the diff.

use nianbao::text::SourceMap;
use std::fmt::Write;
use std::path::Path;

fn render(input: &str) -> String {
    let report = nianbao::parse(input);
    let mut diagnostics = nianbao::checks::check(&report);
    diagnostics.sort_by_key(|d| d.span.map_or(usize::MAX, |s| s.start));
    let map = SourceMap::new(input);
    let mut out = nianbao::views::outline::outline(&report);
    out.push_str("findings:\n");
    for d in &diagnostics {
        let at = d.span.map_or_else(
            || "-".to_owned(),
            |s| format!("{}:{}..{}", map.line(s.start), map.char_offset(s.start), map.char_offset(s.end)),
        );
        let _ = writeln!(out, "  {} {} {at} {}", d.code, d.severity.as_str(), nianbao::views::messages::message(d));
    }
    out
}

#[test]
fn every_case_reads_as_expected() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut cases: Vec<_> = std::fs::read_dir(&root).expect("tests/cases").flatten().map(|e| e.path()).collect();
    cases.sort();
    let update = std::env::var_os("UPDATE_CASES").is_some();
    let mut failed = Vec::new();
    for dir in cases.iter().filter(|p| p.is_dir()) {
        let name = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let input = ["input.txt", "input.html"]
            .iter()
            .find_map(|f| std::fs::read_to_string(dir.join(f)).ok())
            .unwrap_or_else(|| panic!("{name}: no input.txt or input.html"));
        let actual = render(&input);
        let path = dir.join("expected");
        if update {
            std::fs::write(&path, &actual).expect("writes expected");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if actual != expected {
            eprintln!("case {name}: expected\n{expected}\nactual\n{actual}");
            failed.push(name);
        }
    }
    assert!(cases.len() >= 10, "the cases are there");
    assert!(failed.is_empty(), "cases that read differently: {failed:?}");
}

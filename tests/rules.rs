//! The rules' documentation: every code has each section written, and its
//! examples run: the bad one yields the code, the good one does not.

use nianbao::checks::{self, RULES};
use nianbao::views::messages;

/// The findings of an example, each with the text of its report; the examples
/// of X-* rules hold several reports.
fn findings(text: &str) -> Vec<(&str, checks::Diagnostic)> {
    let texts: Vec<&str> = text.split(checks::NEXT_REPORT).collect();
    let reports: Vec<nianbao::Report> = texts.iter().map(|t| nianbao::parse(t)).collect();
    let refs: Vec<&nianbao::Report> = reports.iter().collect();
    let single = reports.iter().zip(&texts).flat_map(|(r, t)| checks::check(r).into_iter().map(move |d| (*t, d)));
    let across = checks::check_across(&refs).into_iter().map(|(i, d)| (texts[i], d));
    single.chain(across).collect()
}

fn codes(text: &str) -> Vec<&'static str> {
    findings(text).into_iter().map(|(_, d)| d.code).collect()
}

/// A finding as data, for its snapshot: what it says, the cells with their
/// roles, each broken identity with both sides and sums, the fix, and the
/// text at its places.
fn describe(text: &str, d: &checks::Diagnostic) -> String {
    use std::fmt::Write;
    let at = |s: nianbao::text::Span| text.get(s.start..s.end).unwrap_or("?").replace('\n', "⏎");
    let cells = |terms: &[checks::Term]| terms.iter().map(|t| t.cell.as_str()).collect::<Vec<_>>().join(" ");
    let mut out = format!("{} {}\nmessage: {}\n", d.code, d.severity.as_str(), messages::message(d));
    // What the page shows first: the cause and the fix, no codes; the arithmetic one click away.
    let brief = messages::brief(d);
    assert!(!RULES.iter().any(|r| brief.contains(&format!("[{}]", r.code))), "a code in the brief: {brief}");
    if brief != messages::message(d) {
        let _ = writeln!(out, "brief: {brief}");
        // What it leaves out is the arithmetic, one click away; it invents no number.
        assert!(messages::arithmetic(d).is_some(), "only the arithmetic is left out");
        let message = messages::message(d);
        for n in brief.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()) {
            assert!(message.contains(n), "{n} of the brief is in the message: {brief} / {message}");
        }
    }
    for c in &d.cells {
        let role = if d.culprits.contains(c) { "culprit" } else { "involved" };
        let _ = writeln!(out, "cell: {c} ({role})");
    }
    for b in &d.broken {
        let _ = writeln!(
            out,
            "broken: {} {}: [{}] = {} vs [{}] = {}",
            b.code,
            b.about,
            cells(&b.lhs),
            b.lhs_sum,
            cells(&b.rhs),
            b.rhs_sum
        );
    }
    if let Some(f) = &d.fix {
        let _ = writeln!(out, "fix: {} = {}", f.cell, f.value);
    }
    if let Some(s) = d.span {
        let _ = writeln!(out, "at: {}", at(s));
    }
    for s in &d.related {
        let _ = writeln!(out, "related: {}", at(*s));
    }
    if let Some(h) = messages::help(d) {
        let _ = writeln!(out, "help: {h}");
    }
    out
}

fn doc(rule: &checks::Rule) -> &'static checks::RuleDoc {
    checks::doc(rule).unwrap_or_else(|| panic!("{}: not documented", rule.code))
}

/// The page loads the rules' documentation from www/static/rules.json: it is
/// `nianbao rules --format json`, written again by `UPDATE_RULES=1 cargo test --test rules`.
#[test]
fn the_pages_rules_json_is_the_registrys() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/static/rules.json");
    let json = nianbao::views::rules::to_json(RULES) + "\n";
    if std::env::var_os("UPDATE_RULES").is_some() {
        std::fs::write(&path, &json).expect("writes www/static/rules.json");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == json, "www/static/rules.json is not the registry's: UPDATE_RULES=1 cargo test --test rules");
}

/// Each rule's bad example, its findings of that rule as data: a change to a
/// message, a cell's role, a sum or a place shows in the snapshot.
#[test]
fn doc_examples_findings_as_data() {
    for rule in RULES {
        let found: Vec<String> = findings(doc(rule).bad)
            .iter()
            .filter(|(_, d)| d.code == rule.code)
            .map(|(text, d)| describe(text, d))
            .collect();
        assert!(!found.is_empty(), "{}: no finding in its bad example", rule.code);
        insta::assert_snapshot!(format!("rule_{}", rule.code), found.join("\n"));
    }
}

#[test]
fn doc_examples_yield_their_code() {
    for rule in RULES {
        let bad = codes(doc(rule).bad);
        assert!(bad.contains(&rule.code), "{}: bad example gives {bad:?}", rule.code);
        let good = codes(doc(rule).good);
        assert!(!good.contains(&rule.code), "{}: good example gives {good:?}", rule.code);
    }
}

#[test]
fn every_rule_is_documented_once() {
    let mut seen = std::collections::HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code), "{} registered twice", rule.code);
        let d = doc(rule);
        for (section, text) in [("检查内容", d.what), ("为什么", d.why), ("依据", d.basis), ("怎么改", rule.fix)]
        {
            assert!(text.chars().count() >= 8, "{}: section {section} is empty", rule.code);
        }
        assert!(checks::rule(rule.code).is_some());
    }
}

//! The rules' documentation: every code has each section written, and its
//! examples run: the bad one yields the code, the good one does not.

use nianbao::checks::{self, RULES};

/// The codes found in an example; the examples of X-* rules hold several reports.
fn codes(text: &str) -> Vec<&'static str> {
    let reports: Vec<nianbao::Report> = text.split(checks::NEXT_REPORT).map(nianbao::parse).collect();
    let refs: Vec<&nianbao::Report> = reports.iter().collect();
    let single = reports.iter().flat_map(checks::check);
    let across = checks::check_across(&refs).into_iter().map(|(_, d)| d);
    single.chain(across).map(|d| d.code).collect()
}

#[test]
fn doc_examples_yield_their_code() {
    for rule in RULES {
        let bad = codes(rule.doc.bad);
        assert!(bad.contains(&rule.code), "{}: bad example gives {bad:?}", rule.code);
        let good = codes(rule.doc.good);
        assert!(!good.contains(&rule.code), "{}: good example gives {good:?}", rule.code);
    }
}

#[test]
fn every_rule_is_documented_once() {
    let mut seen = std::collections::HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.code), "{} registered twice", rule.code);
        let d = &rule.doc;
        for (section, text) in [("检查内容", d.what), ("为什么", d.why), ("依据", d.basis), ("怎么改", d.fix)]
        {
            assert!(text.chars().count() >= 8, "{}: section {section} is empty", rule.code);
        }
        assert!(checks::rule(rule.code).is_some());
    }
}

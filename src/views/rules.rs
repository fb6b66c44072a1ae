//! The rules' documentation as text and JSON: what `nianbao rules` and
//! `nianbao explain` print, and what the page shows beside a finding
//! (`www/static/rules.json` is [`to_json`] of every rule).

use super::json::string;
use crate::checks::{self, Rule, RuleDoc};
use std::fmt::Write;

/// A rule outside the registry has no documentation but its fix.
const NONE: RuleDoc = RuleDoc { what: "", why: "", bad: "", good: "", basis: "" };

/// One rule's documentation in its fixed sections.
pub fn explain(rule: &Rule) -> String {
    let d = checks::doc(rule).unwrap_or(&NONE);
    let indent = |s: &str| s.lines().map(|l| format!("    {l}\n")).collect::<String>();
    format!(
        "{code}（{severity}）{name}\n\n检查内容\n  {what}\n\n为什么\n  {why}\n\n示例\n  有问题：\n{bad}  没问题：\n{good}\n依据\n  {basis}\n\n怎么改\n  {fix}\n",
        code = rule.code,
        severity = super::messages::severity_name(rule.severity),
        name = rule.name,
        what = d.what,
        why = d.why,
        bad = indent(d.bad),
        good = indent(d.good),
        basis = d.basis,
        fix = rule.fix,
    )
}

/// Every rule as a JSON array of `{code, severity, name, what, why, bad, good, basis, fix}`.
pub fn to_json(rules: &[&Rule]) -> String {
    let mut out = String::from("[");
    for (i, r) in rules.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let d = checks::doc(r).unwrap_or(&NONE);
        let fields = [
            ("code", r.code),
            ("severity", r.severity.as_str()),
            ("name", r.name),
            ("what", d.what),
            ("why", d.why),
            ("bad", d.bad),
            ("good", d.good),
            ("basis", d.basis),
            ("fix", r.fix),
        ];
        out.push('{');
        for (k, (key, value)) in fields.iter().enumerate() {
            let _ = write!(out, "{}\"{key}\":", if k > 0 { "," } else { "" });
            string(&mut out, value);
        }
        out.push('}');
    }
    out.push(']');
    out
}

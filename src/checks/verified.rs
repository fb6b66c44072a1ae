//! Findings a reviewer marked 已核实 (looked at by hand and left as they are),
//! each with the reason given. Not a rule: the checks still report every
//! finding; the views count what is left open and show the reason with the
//! verified ones in every export. A finding is known again after the text is
//! edited by its key: its code, cells and their values, or for a finding about
//! the text, the words it points at. A value changed, or another report pasted
//! with the same cells wrong, is a finding to look at again.

use super::Diagnostic;
use crate::model::{CellValue, Report};

/// At most this many verified findings are kept (the oldest go first).
pub const MAX_ENTRIES: usize = 1000;
/// A reason is cut to this many chars.
pub const MAX_REASON: usize = 200;
/// Chars of the text a finding points at that its key keeps.
const KEY_TEXT: usize = 60;

/// What stays the same of a finding while the report is edited elsewhere: its
/// code, the cells it names and what they hold; for one without cells, the
/// words at its span (rewriting them makes a new finding). One line, no tab.
pub fn key(d: &Diagnostic, report: &Report, input: &str) -> String {
    let mut key = d.code.to_owned();
    if !d.cells.is_empty() {
        key.push(' ');
        key.push_str(&d.cells.join(","));
        key.push('=');
        let values: Vec<String> = d.cells.iter().map(|c| value(report, c)).collect();
        key.push_str(&values.join(","));
    } else if let Some(text) = d.span.and_then(|s| input.get(s.start..s.end)) {
        key.push(' ');
        key.extend(text.chars().filter(|c| !c.is_whitespace()).take(KEY_TEXT));
    }
    key
}

/// What the cell with `key` (`table.row.col`) holds, as the key keeps it.
fn value(report: &Report, key: &str) -> String {
    let mut parts = key.splitn(3, '.');
    let (Some(table), Some(row), Some(col)) = (parts.next(), parts.next(), parts.next()) else { return "?".into() };
    let cell = report.tables.iter().find(|t| t.def.kind.key() == table).and_then(|t| t.cell(row, col));
    match cell.map(|c| &c.value) {
        Some(CellValue::Number(n)) => n.to_string(),
        Some(CellValue::Blank) => "blank".into(),
        Some(CellValue::Missing) | None => "missing".into(),
        Some(CellValue::Invalid(t)) => format!("invalid:{}", t.split_whitespace().collect::<String>()),
    }
}

/// The verified findings: (key, reason), oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verified {
    entries: Vec<(String, String)>,
}

impl Verified {
    /// The reason `d` was verified with, if it was.
    pub fn reason(&self, d: &Diagnostic, report: &Report, input: &str) -> Option<&str> {
        let key = key(d, report, input);
        self.entries.iter().find(|(k, _)| *k == key).map(|(_, r)| r.as_str())
    }

    /// Marks the finding with `key` verified, for `reason` (made one line and
    /// cut to [`MAX_REASON`]); the newest entry.
    pub fn insert(&mut self, key: String, reason: &str) {
        self.remove(&key);
        let reason: String = reason.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_REASON).collect();
        self.entries.push((key, reason));
        if self.entries.len() > MAX_ENTRIES {
            self.entries.remove(0);
        }
    }

    /// For each of `diagnostics`, the reason it was verified with (what the exports take).
    /// Nothing verified (every keystroke's check, mostly): no key is made.
    pub fn reasons<'a>(&'a self, diagnostics: &[Diagnostic], report: &Report, input: &str) -> Vec<Option<&'a str>> {
        if self.is_empty() {
            return vec![None; diagnostics.len()];
        }
        diagnostics.iter().map(|d| self.reason(d, report, input)).collect()
    }

    pub fn remove(&mut self, key: &str) {
        self.entries.retain(|(k, _)| k != key);
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// As stored with a draft: `key\treason` lines.
    pub fn encode(&self) -> String {
        self.entries.iter().map(|(k, r)| format!("{k}\t{r}\n")).collect()
    }

    /// What [`Verified::encode`] wrote; a line without a tab is skipped.
    pub fn decode(stored: &str) -> Self {
        let mut verified = Verified::default();
        for (key, reason) in stored.lines().filter_map(|l| l.split_once('\t')) {
            verified.insert(key.to_owned(), reason);
        }
        verified
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::check;
    use crate::read::parse;

    const REPORT: &str = "（一）自然人\t12\n二、主动公开政府信息情况\n本年共受理申请 5 件。\n";

    fn keys(input: &str) -> Vec<String> {
        let report = parse(input);
        check(&report).iter().map(|d| key(d, &report, input)).collect()
    }

    #[test]
    fn a_finding_keeps_its_key_when_the_text_elsewhere_changes() {
        let edited = format!("前言一句。\n{REPORT}");
        assert!(!keys(REPORT).is_empty());
        assert_eq!(keys(REPORT), keys(&edited));
    }

    #[test]
    fn a_cell_finding_is_another_once_its_value_changes() {
        // The same cells in another report (or after an edit) with other values: looked at again.
        let text = |v: &str| {
            format!("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t{v}\n")
        };
        let (a, b) = (keys(&text("5")), keys(&text("7")));
        let with_cells =
            |ks: &[String]| ks.iter().filter(|k| k.contains("requests.new.total")).cloned().collect::<Vec<_>>();
        assert!(!with_cells(&a).is_empty(), "{a:?}");
        assert!(with_cells(&a).iter().all(|k| k.contains('5')), "{a:?}");
        assert!(with_cells(&a).iter().all(|k| !with_cells(&b).contains(k)), "{a:?} {b:?}");
    }

    #[test]
    fn a_reason_is_one_line_and_survives_encoding() {
        let mut v = Verified::default();
        v.insert("T3-ROW requests.a.b".to_owned(), "  原表\n如此\t印发 ");
        v.insert("N-SUM 共5件".to_owned(), &"长".repeat(MAX_REASON + 10));
        let back = Verified::decode(&v.encode());
        assert_eq!(back, v);
        assert_eq!(back.entries[0].1, "原表 如此 印发");
        assert_eq!(back.entries[1].1.chars().count(), MAX_REASON);
    }

    #[test]
    fn verifying_again_replaces_the_reason_and_the_oldest_go_beyond_the_cap() {
        let mut v = Verified::default();
        for i in 0..MAX_ENTRIES + 5 {
            v.insert(format!("K {i}"), "r");
        }
        v.insert("K 10".to_owned(), "again");
        assert_eq!(v.entries.len(), MAX_ENTRIES);
        assert_eq!(v.entries[0].0, "K 5");
        assert_eq!(v.entries.last().unwrap(), &("K 10".to_owned(), "again".to_owned()));
    }

    #[test]
    fn reason_is_found_by_the_findings_key() {
        let input = REPORT;
        let report = parse(input);
        let ds = check(&report);
        let mut v = Verified::default();
        v.insert(key(&ds[0], &report, input), "已与原件核对");
        assert_eq!(v.reason(&ds[0], &report, input), Some("已与原件核对"));
        v.remove(&key(&ds[0], &report, input));
        assert_eq!(v.reason(&ds[0], &report, input), None);
    }
}

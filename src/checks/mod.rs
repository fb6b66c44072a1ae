//! Checks: rules over the read model, each in its own file with its code and
//! its documentation; [`RULES`] is the one registry of codes. The table
//! identities are the format's data (`model::identities`), evaluated by one engine (`identities.rs`). Checks only
//! look at the model; spans point back into the input.

mod across;
mod causes;
mod cell_blank;
mod cell_extra;
mod cell_invalid;
mod cell_missing;
mod cell_split;
mod examples;
mod identities;
mod n_apps;
mod n_dup;
mod n_empty;
mod n_fee;
mod n_review;
mod n_sum;
mod narrative;
mod s_chapter;
mod s_deadline;
mod s_heading;
mod s_limit;
mod s_meta;
mod s_table;
mod s_version;
mod s_year;
mod t2_flow;
mod t2_level;
mod t2_total;
mod t2_unit;
mod t3_bal;
mod t3_row;
mod t3_sum;
mod t4_sum;
mod x_carry;
mod x_copy;
mod x_flow;

pub use across::check as check_across;

use crate::model::{Number, Report, Table};
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// The value one cell should have for the table to balance (建议值).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub cell: String,
    pub value: Number,
}

/// One broken instance of a table identity: which (its code), what it is
/// about (`自然人列`, `“（一）予以公开”行`), the cells on each side and both
/// sums (blank cells count as 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub code: &'static str,
    pub about: String,
    pub lhs: Vec<String>,
    pub rhs: Vec<String>,
    pub lhs_sum: Number,
    pub rhs_sum: Number,
}

/// A finding: its code, how bad it is, a message stating the numbers, the
/// cells it is about (`table.row.col`) and which of them are the culprits,
/// where in the input it points (the primary span and related ones), how to
/// fix it and, for one wrong cell, the value; for identities, every one broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub cells: Vec<String>,
    /// The cells among `cells` a fix changes (the one wrong value, or the
    /// blank, missing or invalid cell itself); the others are only involved
    /// (terms of a broken identity, the table cell a sentence is compared with).
    pub culprits: Vec<String>,
    /// For identity findings: each broken identity, the merged ones included.
    pub broken: Vec<Broken>,
    pub span: Option<Span>,
    pub related: Vec<Span>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of `rule` with its default severity and no cells or spans yet.
    pub fn new(rule: &Rule, message: String) -> Self {
        Diagnostic {
            code: rule.code,
            severity: rule.severity,
            message,
            cells: Vec::new(),
            culprits: Vec::new(),
            broken: Vec::new(),
            span: None,
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }
}

/// The documentation of a rule, in fixed sections.
#[derive(Debug)]
pub struct RuleDoc {
    /// 检查内容
    pub what: &'static str,
    /// 为什么
    pub why: &'static str,
    /// 示例: a report fragment that has the problem, and one that does not.
    /// Both run as tests: the bad one yields the code, the good one does not.
    pub bad: &'static str,
    pub good: &'static str,
    /// 依据
    pub basis: &'static str,
    /// 怎么改
    pub fix: &'static str,
}

/// A rule: its stable code, default severity, name and documentation.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    pub name: &'static str,
    pub doc: RuleDoc,
}

/// Every rule, in the order of rules.md.
pub static RULES: &[&Rule] = &[
    &t3_bal::RULE,
    &t3_sum::RULE,
    &t3_row::RULE,
    &t4_sum::RULE,
    &t2_flow::RULE,
    &t2_total::RULE,
    &t2_unit::RULE,
    &t2_level::RULE,
    &cell_blank::RULE,
    &cell_extra::RULE,
    &cell_missing::RULE,
    &cell_invalid::RULE,
    &cell_split::RULE,
    &s_table::RULE,
    &s_limit::RULE,
    &s_version::RULE,
    &s_chapter::RULE,
    &s_heading::RULE,
    &s_meta::RULE,
    &s_year::RULE,
    &s_deadline::RULE,
    &n_apps::RULE,
    &n_review::RULE,
    &n_sum::RULE,
    &n_fee::RULE,
    &n_dup::RULE,
    &n_empty::RULE,
    &x_carry::RULE,
    &x_flow::RULE,
    &x_copy::RULE,
];

/// In the examples of the rules across reports (X-*), this line separates the reports.
pub const NEXT_REPORT: &str = "<<<下一份报告>>>";

/// The rule with `code`, if any.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Every diagnostic for a report, in input order.
pub fn check(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    s_table::check(report, &mut out);
    s_limit::check(report, &mut out);
    identities::check(report, crate::model::identities::IDENTITIES, &mut out);
    for check in [
        t2_unit::check,
        t2_level::check,
        cell_blank::check,
        cell_extra::check,
        cell_missing::check,
        cell_invalid::check,
        cell_split::check,
        s_version::check,
        s_chapter::check,
        s_heading::check,
        s_meta::check,
        s_year::check,
        s_deadline::check,
        n_fee::check,
        n_dup::check,
        n_empty::check,
    ] {
        check(report, &mut out);
    }
    let sentences = narrative::sentences(report, |_| true);
    n_apps::check(report, &sentences, &mut out);
    n_review::check(report, &sentences, &mut out);
    n_sum::check(&sentences, &mut out);
    causes::merge(&mut out);
    out.sort_by_key(|d| d.span.map_or(usize::MAX, |s| s.start));
    out
}

/// Said of cells whose place in a row was inferred: the row printed fewer values than columns.
pub(crate) const GUESS: &str = "（该行数字少于列数，哪几格是按位置推断的，请核对）";

/// Whether the reader placed row `row` of `table` by position (a guess, noted).
pub(crate) fn placed_by_position(report: &Report, table: &Table, row: usize) -> bool {
    report.notes.iter().any(|n| {
        n.table == table.def.kind
            && n.row == table.def.rows[row].key
            && n.kind == crate::model::NoteKind::PlacedByPosition
    })
}

/// The key of a cell: `table.row.col`.
pub fn cell_key(table: &Table, row: usize, col: usize) -> String {
    let r = &table.def.rows[row];
    format!("{}.{}.{}", table.def.kind.key(), r.key, r.cols[col].key)
}

/// A cell as a person names it: `“（一）予以公开”行“自然人”列`.
pub fn cell_name(table: &Table, row: usize, col: usize) -> String {
    let r = &table.def.rows[row];
    format!("“{}”行“{}”列", identities::short_row(r.label), r.cols[col].label)
}

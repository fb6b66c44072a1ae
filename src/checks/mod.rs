//! Checks: rules over the read model, each in its own file with its code,
//! severity, documentation and how it runs ([`Run`]); `registry!` below lists
//! the files once, which declares the modules and [`RULES`], and [`check`] runs
//! what the registry says. The table identities are the format's data
//! (`model::identities`), evaluated by one engine (`identities.rs`). Checks
//! only look at the model; spans point back into the input. A finding is data
//! (`finding.rs`): its message and help are rendered by `views::messages`.

mod across;
mod causes;
mod culprits;
mod examples;
mod finding;
mod identities;
mod narrative;
pub mod scope;
pub mod verified;

pub use across::{add_across, check as check_across, pairs as pairs_across};
pub use finding::*;

use crate::model::{Number, Report, Table};
use crate::text::Span;
use narrative::Sentence;

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
}

/// The value one cell should have for the table to balance (建议值).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub cell: String,
    pub value: Number,
}

/// A finding: its code, how bad it is, what it says as data (its message and
/// help are rendered from it by `views::messages`), the cells it is about
/// (`table.row.col`) and which of them are the culprits, where in the input it
/// points (the primary span and related ones) and, for one wrong cell, the
/// value; for identities, every one broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub finding: Finding,
    pub cells: Vec<String>,
    /// The cells among `cells` a fix changes (the one wrong value, or the
    /// blank, missing or invalid cell itself); the others are only involved
    /// (terms of a broken identity, the table cell a sentence is compared with).
    pub culprits: Vec<String>,
    /// For identity findings: each broken identity, the merged ones included.
    pub broken: Vec<Broken>,
    pub span: Option<Span>,
    pub related: Vec<Span>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of `rule` with its default severity and no cells or spans yet.
    pub fn new(rule: &Rule, finding: Finding) -> Self {
        Diagnostic {
            code: rule.code,
            severity: rule.severity,
            finding,
            cells: Vec::new(),
            culprits: Vec::new(),
            broken: Vec::new(),
            span: None,
            related: Vec::new(),
            fix: None,
        }
    }
}

/// A rule's documentation beyond its name and fix, in fixed sections (with
/// [`Rule::fix`], 怎么改): each rule's file declares it as `DOC` beside its
/// `RULE`, apart, so that what checks (the page's first load) links none of
/// it: the page loads it (`rules.json`) when a finding is explained.
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
}

/// A rule: its stable code, default severity, name, how it runs and how to
/// fix what it finds (怎么改, shown with every finding); the rest of its
/// documentation is [`doc`].
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    pub name: &'static str,
    pub run: Run,
    /// 怎么改
    pub fix: &'static str,
}

/// How a rule is run.
#[derive(Debug)]
pub enum Run {
    /// Over one read report.
    Report(fn(&Report, &mut Vec<Diagnostic>)),
    /// Over one report, a paragraph's sentences at a time (each sentence on its own:
    /// split once per paragraph for all such rules).
    Sentences(fn(&Report, &[Sentence], &mut Vec<Diagnostic>)),
    /// A table identity the format declares (`model::identities`): evaluated,
    /// with the others, by the one engine (`identities.rs`).
    Identity,
    /// Across the reports loaded together (`check_across`). No function
    /// pointer here: the page compares no reports yet, and a pointer in
    /// [`RULES`], which the page uses for the docs, would keep these checks in
    /// its wasm (8.5 KB gzip).
    Across,
}

/// Declares every rule's module and the registry, in one list: the order of
/// docs/spec/rules.md. Each rule's file holds its code, severity, how it runs
/// (`Rule::run`) and its documentation (`DOC`).
macro_rules! registry {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*
        /// Every rule, in the order of docs/spec/rules.md.
        pub static RULES: &[&Rule] = &[$(&$module::RULE),*];
        /// Every rule's documentation, in the same order.
        static DOCS: &[&RuleDoc] = &[$(&$module::DOC),*];
    };
}

registry! {
    t3_bal,
    t3_sum,
    t3_row,
    t4_sum,
    t2_flow,
    t2_total,
    t2_unit,
    t2_level,
    cell_blank,
    cell_extra,
    cell_missing,
    cell_invalid,
    cell_split,
    s_table,
    s_limit,
    s_version,
    s_chapter,
    s_heading,
    s_meta,
    s_year,
    s_deadline,
    n_apps,
    n_review,
    n_sum,
    n_fee,
    n_dup,
    n_empty,
    x_carry,
    x_flow,
    x_copy,
}

/// In the examples of the rules across reports (X-*), this line separates the reports.
pub const NEXT_REPORT: &str = "<<<下一份报告>>>";

/// The rule with `code`, if any.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// The documentation of `rule`, if it is one of [`RULES`].
pub fn doc(rule: &Rule) -> Option<&'static RuleDoc> {
    RULES.iter().position(|r| std::ptr::eq(*r, rule)).and_then(|i| DOCS.get(i).copied())
}

/// Every diagnostic for a report, in input order.
pub fn check(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let (mut engine_ran, mut sentences_ran) = (false, false);
    for rule in RULES {
        match rule.run {
            Run::Report(run) => run(report, &mut out),
            // All sentence rules at the first one's turn, a paragraph at a time (the
            // order of their findings is that of one rule after the other: sorted below).
            Run::Sentences(_) if !sentences_ran => {
                narrative::each_paragraph(report, |sentences| {
                    for rule in RULES {
                        if let Run::Sentences(run) = rule.run {
                            run(report, sentences, &mut out);
                        }
                    }
                });
                sentences_ran = true;
            }
            Run::Identity if !engine_ran => {
                identities::check(report, crate::model::identities::IDENTITIES, &mut out);
                engine_ran = true;
            }
            Run::Identity | Run::Sentences(_) | Run::Across => {}
        }
    }
    causes::merge(&mut out);
    by_start(&mut out);
    out
}

/// Findings in input order (those without a place last), equal places as they came.
pub(crate) fn by_start(out: &mut Vec<Diagnostic>) {
    crate::text::order::sort_by_key(out, |d| d.span.map_or(usize::MAX, |s| s.start));
}

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

/// A cell as a person names it (rendered `“（一）予以公开”行“自然人”列`).
pub fn cell_name(table: &Table, row: usize, col: usize) -> CellName {
    let r = &table.def.rows[row];
    CellName { row: identities::short_row(r.label), column: r.cols[col].label }
}

//! One checked input: the report the core read, its diagnostics, and which
//! diagnostics name each cell. Computed once per input; the views only render it.

use nianbao::checks::scope::Scope;
use nianbao::checks::verified::Verified;
use nianbao::checks::{self, Diagnostic};
use nianbao::text::limits::LimitHit;
use nianbao::Report;
use std::collections::HashMap;

/// The checked input, compared by identity (a new check is a new value).
#[derive(Clone)]
pub struct Shared(pub std::rc::Rc<Checked>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

pub struct Checked {
    /// The file (or example) the text came from, for the exports; empty when typed or pasted.
    pub name: String,
    pub input: String,
    pub report: Report,
    /// What the input is: a report, a fragment, not yet a report.
    pub scope: Scope,
    /// Every finding, as the CLI gives them.
    pub diagnostics: Vec<Diagnostic>,
    /// For each, whether the views show it: about what the input is (checks::scope).
    pub shown: Vec<bool>,
    /// Each diagnostic's message, rendered from its data once.
    pub messages: Vec<String>,
    /// Each one's cause and fix without the arithmetic (what the list shows first).
    pub briefs: Vec<String>,
    /// For each, the reason a reviewer verified it with (已核实), if they did.
    pub verified_with: Vec<Option<String>>,
    /// The diagnostics shown and not verified, as the list shows them: errors,
    /// then warnings, then notes. The verdict counts these.
    pub order: Vec<usize>,
    /// The verified ones shown, in the same order.
    pub settled: Vec<usize>,
    /// For each cell key: the indices of the open diagnostics that name it.
    pub by_cell: HashMap<String, Vec<usize>>,
}

/// Whether this page's memory can hold a check of `len` bytes at its peak
/// (`limits::PEAK_PER_INPUT_BYTE`): asked of the allocator, and given back at
/// once, before the check, since a check that runs out aborts the page.
pub fn room_for(len: usize) -> bool {
    let mut probe: Vec<u8> = Vec::new();
    probe.try_reserve_exact(len.saturating_mul(nianbao::text::limits::PEAK_PER_INPUT_BYTE)).is_ok()
}

impl Checked {
    /// The editor's text, read as text (HTML was rendered when it came in),
    /// with the reading limits that HTML reached, the findings verified and
    /// the file it came from (a Word document or a PDF, with its pages): the
    /// report the CLI reads from that file.
    pub fn new(
        name: String,
        input: String,
        limits: Vec<LimitHit>,
        verified: &Verified,
        (kind, pages): (nianbao::model::InputKind, Vec<usize>),
    ) -> Self {
        let mut report = nianbao::read::parse_text(&input);
        report.limits = limits;
        report.input = kind;
        report.pages = pages;
        Self { name, ..Self::from_report(input, report, true, verified) }
    }

    /// Nothing checked yet.
    pub fn empty() -> Self {
        Self::new(
            String::new(),
            String::new(),
            Vec::new(),
            &Verified::default(),
            (nianbao::model::InputKind::Text, Vec::new()),
        )
    }

    /// An input as the CLI reads it: HTML told apart by content (the JS API).
    pub fn from_input(input: String) -> Self {
        let report = nianbao::parse(&input);
        Self::from_report(input, report, false, &Verified::default())
    }

    /// With `in_scope`, only the findings about what the input is (checks::scope):
    /// none for a text that is not yet a report, a fragment's about its tables.
    fn from_report(input: String, report: Report, in_scope: bool, verified: &Verified) -> Self {
        let scope = checks::scope::scope(&report);
        let diagnostics = checks::check(&report);
        // All are kept (the JSON is the CLI's); the views show those in scope.
        let shown: Vec<bool> =
            diagnostics.iter().map(|d| !in_scope || checks::scope::applies(&scope, d.code)).collect();
        let verified_with: Vec<Option<String>> =
            verified.reasons(&diagnostics, &report, &input).into_iter().map(|r| r.map(str::to_owned)).collect();
        let open = |i: usize| shown[i] && verified_with[i].is_none();
        let mut by_cell: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in diagnostics.iter().enumerate().filter(|&(i, _)| open(i)) {
            for cell in &d.cells {
                by_cell.entry(cell.clone()).or_default().push(i);
            }
        }
        let messages = diagnostics.iter().map(nianbao::views::messages::message).collect();
        let briefs = diagnostics.iter().map(nianbao::views::messages::brief).collect();
        let mut order: Vec<usize> = (0..diagnostics.len()).filter(|&i| shown[i]).collect();
        nianbao::text::order::sort_by_key(&mut order, |&i| usize::from(rank(diagnostics[i].severity)));
        let (order, settled) = order.into_iter().partition(|&i| open(i));
        Checked {
            name: String::new(),
            input,
            report,
            scope,
            shown,
            diagnostics,
            messages,
            briefs,
            verified_with,
            order,
            settled,
            by_cell,
        }
    }

    /// Whether the editor marks diagnostic `i`: shown and not verified.
    pub fn marked(&self, i: usize) -> bool {
        self.shown[i] && self.verified_with[i].is_none()
    }

    /// Each diagnostic's reason for the exports.
    pub fn reasons(&self) -> Vec<Option<&str>> {
        self.verified_with.iter().map(Option::as_deref).collect()
    }

    /// The key diagnostic `i` is verified under (`checks::verified::key`).
    pub fn key(&self, i: usize) -> Option<String> {
        self.diagnostics.get(i).map(|d| checks::verified::key(d, &self.report, &self.input))
    }

    /// Where the cell with `key` stands in the input, if it was read from it.
    pub fn cell_span(&self, key: &str) -> Option<nianbao::text::Span> {
        self.report.tables.iter().find_map(|t| {
            t.cells.iter().enumerate().find_map(|(r, row)| {
                row.iter().enumerate().find(|&(c, _)| checks::cell_key(t, r, c) == key).and_then(|(_, cell)| cell.span)
            })
        })
    }

    /// The problems CSV: one row per finding, with the file, agency and year.
    pub fn problems_csv(&self) -> String {
        nianbao::views::export::diagnostics_csv(
            &self.name,
            &self.input,
            &self.report,
            &self.diagnostics,
            &self.reasons(),
        )
    }

    /// Shown findings of `severity` not verified.
    pub fn count(&self, severity: checks::Severity) -> usize {
        self.order.iter().filter(|&&i| self.diagnostics[i].severity == severity).count()
    }

    /// The JSON object the CLI prints for the same input read from standard input
    /// (`nianbao check --format json -`): the same bytes, until a finding is verified.
    pub fn json(&self) -> String {
        nianbao::views::json::to_json_verified("-", &self.input, &self.report, &self.diagnostics, &self.reasons())
    }

    /// The normalized report as Markdown, with the findings and the reasons of the verified.
    pub fn markdown(&self) -> String {
        nianbao::views::export::markdown(&self.report, &self.diagnostics, &self.reasons())
    }
}

/// Errors first, then warnings, then notes.
pub fn rank(s: checks::Severity) -> u8 {
    match s {
        checks::Severity::Error => 0,
        checks::Severity::Warning => 1,
        checks::Severity::Info => 2,
    }
}

/// Where in the report a diagnostic is, as the list names it: its table; for the text, the
/// chapter its sentence stands in; else the report's structure.
pub fn group(d: &Diagnostic, report: &Report) -> String {
    let table = d.cells.first().and_then(|c| c.split('.').next());
    match (table, d.code.split('-').next()) {
        (Some("active"), _) => "主动公开情况表".to_owned(),
        (Some("requests"), _) => "申请情况表".to_owned(),
        (Some("review"), _) => "复议诉讼表".to_owned(),
        (_, Some("X")) => "与其他报告对照".to_owned(),
        (_, Some("N")) => {
            let at = d.span.map_or(0, |s| s.start);
            match report.chapters.iter().rev().find(|c| c.span.start <= at) {
                Some(c) => format!("正文：{}", c.heading),
                None => "正文".to_owned(),
            }
        }
        _ => "结构与元数据".to_owned(),
    }
}

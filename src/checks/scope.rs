//! What an input is before its findings are read: empty, too short to be a
//! report, a text whose tables were not read though it names their rows (most
//! often a copy that scrambled them), a fragment (tables without the report
//! around them), or a report. A view shows a state for the first three
//! instead of findings that would only say "this is not a report", and a
//! fragment's findings about its tables only.

use crate::model::template::{TEMPLATE_2019, TEMPLATE_2021};
use crate::model::{Report, TableKind};

/// Running text below this many chars, with no table, is not yet a report
/// (the shortest real reports run to a few thousand).
pub const SHORT_CHARS: usize = 150;

/// Rows of the tables named in a text with no table read, from which the
/// tables were most likely there and not read (prose names two or three).
const NAMED_ROWS: usize = 5;

/// How far into the text rows are looked for (they stand in its first part).
const LOOK_CHARS: usize = 200_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Empty,
    /// Text only, and little of it (`chars` of running text).
    TooShort {
        chars: usize,
    },
    /// No table read, though the text names rows of them (the first few words found).
    TablesUnread {
        words: Vec<&'static str>,
    },
    /// Tables, with no title, little text and no chapter but the tables' own captions.
    Fragment {
        tables: Vec<TableKind>,
    },
    Report,
}

/// What `report` is.
pub fn scope(report: &Report) -> Scope {
    let tables: Vec<TableKind> = report.tables.iter().map(|t| t.def.kind).collect();
    let titled = report.meta.title.is_some();
    let chars: usize = report.paragraphs.iter().map(|p| p.text.chars().count()).sum();
    if !tables.is_empty() {
        // Tables with little text, no title and no chapter but those captioning tables (二 to 四).
        let captions_only = report.chapters.iter().all(|c| matches!(c.number, Some(2..=4)));
        let fragment = !titled && captions_only && chars < SHORT_CHARS;
        return if fragment { Scope::Fragment { tables } } else { Scope::Report };
    }
    if chars == 0 && report.chapters.is_empty() && !titled {
        return Scope::Empty;
    }
    let words = named_rows(report);
    if words.len() >= NAMED_ROWS {
        return Scope::TablesUnread { words: words.into_iter().take(3).collect() };
    }
    if chars < SHORT_CHARS && report.chapters.len() < 2 {
        return Scope::TooShort { chars };
    }
    Scope::Report
}

/// Whether a finding of rule `code` is about what `scope` is: a fragment's
/// findings about its tables only; none for what is not yet a report; with
/// its tables unread, not the findings that only say they are missing.
pub fn applies(scope: &Scope, code: &str) -> bool {
    match scope {
        Scope::Empty | Scope::TooShort { .. } => false,
        Scope::Fragment { .. } => code.starts_with('T') || code.starts_with("CELL-"),
        Scope::TablesUnread { .. } => !matches!(code, "S-TABLE" | "CELL-MISSING"),
        Scope::Report => true,
    }
}

/// The first match word of each table row (both formats) the running text
/// holds, in template order, each row once.
fn named_rows(report: &Report) -> Vec<&'static str> {
    let mut text = String::new();
    for p in report.paragraphs.iter() {
        if text.len() >= LOOK_CHARS {
            break;
        }
        text.push_str(p.text);
    }
    let mut found: Vec<&'static str> = Vec::new();
    for template in [&TEMPLATE_2019, &TEMPLATE_2021] {
        for kind in [TableKind::Active, TableKind::Requests, TableKind::Review] {
            for row in template.table(kind).rows {
                if let Some(w) = row.words.iter().find(|w| w.chars().count() >= 3 && text.contains(**w)) {
                    if !found.contains(w) {
                        found.push(w);
                    }
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Scope {
        scope(&crate::parse(text))
    }

    #[test]
    fn tells_what_an_input_is() {
        assert_eq!(of(""), Scope::Empty);
        assert_eq!(of("  \n"), Scope::Empty);
        assert_eq!(of("你好"), Scope::TooShort { chars: 2 });
        let fragment = "三、收到和处理政府信息公开申请情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n";
        assert_eq!(of(fragment), Scope::Fragment { tables: vec![TableKind::Requests] });
        assert!(applies(&of(fragment), "T3-ROW") && applies(&of(fragment), "CELL-BLANK"));
        assert!(!applies(&of(fragment), "S-META") && !applies(&of(fragment), "N-FEE"));
        let seed = include_str!("../../tests/cases/seed-000_f9649dac1b38fb85/input.txt");
        assert_eq!(of(seed), Scope::Report);
    }

    #[test]
    fn rows_named_with_no_table_read_say_the_tables_were_not_read() {
        // A table's labels in running text, its numbers gone (a copy that lost the cells).
        let text = "某局2022年政府信息公开工作年度报告\n本年新收政府信息公开申请数量。上年结转政府信息公开申请数量。予以公开。部分公开。不予公开。本机关不掌握相关政府信息。结转下年度继续办理。";
        match of(text) {
            Scope::TablesUnread { words } => assert_eq!(words.len(), 3, "{words:?}"),
            other => panic!("{other:?}"),
        }
        assert!(!applies(&of(text), "S-TABLE") && applies(&of(text), "S-META"));
    }
}

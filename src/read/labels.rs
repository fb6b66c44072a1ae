//! How a printed row label compares with the official one. A row is found by
//! its match words (`RowDef::words`); where the text there does not hold the
//! official label's own words (damaged by OCR, abbreviated, split over
//! lines), the match was approximate and the reader records it.

use crate::model::{NoteKind, RowDef, TableKind, TemplateId};
use crate::text::{is_bare, Folded};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Chars a match word has at least to be found with one of them mistyped:
/// a shorter word, one char off, is another word.
const ONE_OFF_MIN: usize = 4;

/// Whether `label` (its chars) holds `word` with exactly one char of it
/// replaced (`三类内容事务` for 内部事务: a typo, an OCR slip).
pub fn one_off(label: &[char], word: &str) -> bool {
    let n = word.chars().count();
    if n < ONE_OFF_MIN {
        return false;
    }
    label.windows(n).any(|win| win.iter().zip(word.chars()).filter(|&(&a, b)| a != b).count() == 1)
}

/// Whether `label` is the official label of `row` cut short: its first
/// words, four chars or more (`行政规范性` for 行政规范性文件, a cell too narrow),
/// its printed numbering aside (`1.属于国家` for 1.属于国家秘密).
pub fn truncated(label: &str, row: &RowDef) -> bool {
    let numbering = |c: char| c.is_ascii_digit() || "一二三四五六七八九十（）()、.．".contains(c);
    let words = if row.label.starts_with(numbering) { label.trim_start_matches(numbering) } else { label };
    // The official words begin with the printed ones and go on (compared as
    // they come: this runs for every unmatched line, for several rows).
    let core = official_core(row);
    let mut official = core.chars();
    let mut printed = 0;
    let prefix = words.chars().all(|c| {
        printed += 1;
        official.next() == Some(c)
    });
    if !prefix || printed < ONE_OFF_MIN || official.next().is_none() {
        return false;
    }
    // Both numbered with digits: the same number (`2.属于国家` is no 1.属于国家秘密).
    let number = |t: &str| t.find(|c: char| !c.is_ascii_digit()).map_or(t, |end| &t[..end]).len();
    let (printed, own) = (&label[..number(label)], &row.label[..number(row.label)]);
    printed.is_empty() || own.is_empty() || printed == own
}

/// Bare chars of a printed label kept in a note, at most.
pub(super) const SHOWN: usize = 40;

/// [`core`] of a row's official label, made once for each row of the
/// templates (the reader asks for it on every line it cannot place).
fn official_core(row: &RowDef) -> Cow<'static, str> {
    static CORES: OnceLock<Vec<((usize, usize), String)>> = OnceLock::new();
    // Keyed by where the label is and its length: the templates' own strings
    // (looked through in order: a few dozen, and no sort or hash code in the wasm).
    let key = |label: &str| (label.as_ptr() as usize, label.len());
    let cores = CORES.get_or_init(|| {
        let tables = [TemplateId::Y2019, TemplateId::Y2021]
            .into_iter()
            .flat_map(|t| [TableKind::Active, TableKind::Requests, TableKind::Review].map(|k| t.template().table(k)));
        tables.flat_map(|d| d.rows).map(|r| (key(r.label), core(r.label))).collect()
    });
    match cores.iter().find(|c| c.0 == key(row.label)) {
        Some((_, core)) => Cow::Borrowed(core.as_str()),
        None => Cow::Owned(core(row.label)),
    }
}

/// The official label's own words, bare: without its numbering (`（一）`,
/// `一、`, `1.`) and without a remark in brackets after them
/// (`（区分处理的，只计这一情形，不计其他情形）`).
fn core(label: &str) -> String {
    let numbering = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let mut rest = label;
    if let Some(after) = rest.strip_prefix('（') {
        if let Some((n, tail)) = after.split_once('）') {
            if !n.is_empty() && n.chars().all(numbering) {
                rest = tail;
            }
        }
    }
    let digits = rest.find(|c: char| !numbering(c)).unwrap_or(0);
    if digits > 0 && rest[digits..].starts_with(['、', '.', '．']) {
        rest = &rest[digits..];
    }
    let words = rest.split('（').next().unwrap_or(rest);
    words.chars().filter(|&c| is_bare(c)).collect()
}

/// Bare chars a printed label may have beyond the official one (group labels
/// printed on the row's line: 三、本年度办理结果（六）其他处理) before it is a
/// sentence that merely holds the row's words.
const LONGER: usize = 20;

/// A note when `printed` (the text where `row` was found) does not hold the
/// official label's own words, or holds much more (a sentence of the text):
/// what was printed, bare, and the word it was found by.
pub(super) fn approximate(printed: &str, row: &RowDef, word: &'static str) -> Option<NoteKind> {
    let core = official_core(row);
    let official = row.label.chars().filter(|&c| is_bare(c)).count();
    // Folding only drops chars, and the core has none it drops: found as
    // printed, it is found in the bare text too (the common case, with no fold).
    if printed.contains(core.as_ref()) && printed.chars().count() <= official + LONGER {
        return None;
    }
    let bare = Folded::bare(printed, 0).text;
    if bare.contains(core.as_ref()) && bare.chars().count() <= official + LONGER {
        return None;
    }
    let skip = bare.chars().count().saturating_sub(SHOWN);
    Some(NoteKind::Label { printed: bare.chars().skip(skip).collect(), word })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TemplateId;

    fn row(key: &str) -> &'static RowDef {
        let t = TemplateId::Y2021.template();
        t.requests.rows.iter().chain(t.active.rows).find(|r| r.key == key).expect("row")
    }

    #[test]
    fn the_official_words_without_numbering_or_remark() {
        assert_eq!(core("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), "部分公开");
        assert_eq!(core("一、本年新收政府信息公开申请数量"), "本年新收政府信息公开申请数量");
        assert_eq!(core("3.危及“三安全一稳定”"), "危及三安全一稳定");
        assert_eq!(core("（七）总计"), "总计");
        assert_eq!(core("行政许可"), "行政许可");
    }

    #[test]
    fn damaged_and_abbreviated_labels_are_approximate() {
        let law = row("denied_law");
        assert_eq!(approximate("（三）不予公开 2.其他法律行政法规禁止公开", law, "禁止公开"), None);
        assert_eq!(
            approximate("2.其他法律行政法规禁公开", law, "法律行政法规"),
            Some(NoteKind::Label {
                printed: "2其他法律行政法规禁公开".to_owned(), word: "法律行政法规"
            })
        );
        // The 2021 format's 行政规范性文件, printed as 2019's 规范性文件.
        assert!(approximate("规范性文件", row("normative_docs"), "规范性文件").is_some());
        assert_eq!(approximate("（二）部分公开", row("partial"), "部分公开"), None);
        // A line of a sentence that holds the row's words is no label.
        let sentence = "2020年，本机关按照《条例》第二十条的规定，主动公开规章";
        assert!(approximate(sentence, row("regulations"), "规章").is_some());
        let grouped = "三、本年度办理结果（六）其他处理 3.其他";
        assert_eq!(approximate(grouped, row("other_other"), "3其他"), None);
    }

    #[test]
    fn the_cores_made_once_are_the_cores() {
        for t in [TemplateId::Y2019, TemplateId::Y2021].map(TemplateId::template) {
            for r in [&t.active, &t.requests, &t.review].into_iter().flat_map(|d| d.rows) {
                assert_eq!(official_core(r), core(r.label), "{}", r.key);
            }
        }
        // A row of no template (its label made here) is made on the spot.
        let label: &'static str = String::leak(String::from("（三）不予公开"));
        assert_eq!(official_core(&RowDef { label, ..*row("granted") }), "不予公开");
    }

    #[test]
    fn a_label_cut_short_is_its_first_words() {
        assert!(truncated("行政规范性", row("normative_docs")));
        assert!(!truncated("行政规范性文件", row("normative_docs")), "whole, not cut");
        assert!(!truncated("行政", row("normative_docs")), "too short to tell");
        assert!(!truncated("规范性文", row("regulations")));
        // Its numbering printed before the words cut short.
        assert!(truncated("1.属于国家", row("denied_state_secret")));
        assert!(!truncated("2.属于国家", row("unable_not_held")));
        assert!(!truncated("2.属于国家", row("denied_state_secret")), "another number");
    }
}

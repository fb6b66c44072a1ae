//! How a printed row label compares with the official one. A row is found by
//! its match words (`RowDef::words`); where the text there does not hold the
//! official label's own words (damaged by OCR, abbreviated, split over
//! lines), the match was approximate and the reader records it.

use crate::model::{NoteKind, RowDef};
use crate::text::{is_bare, Folded};

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
    // Both numbered with digits: the same number (`2.属于国家` is no 1.属于国家秘密).
    let number = |t: &str| t.chars().take_while(char::is_ascii_digit).collect::<String>();
    let (printed, own) = (number(label), number(row.label));
    let same_number = printed.is_empty() || own.is_empty() || printed == own;
    // The official words begin with the printed ones and go on (compared as
    // they come: this runs for every unmatched line, for several rows).
    let mut official = core_chars(row.label);
    let prefix = words.chars().all(|c| official.next() == Some(c));
    same_number && words.chars().count() >= ONE_OFF_MIN && prefix && official.next().is_some()
}

/// Bare chars of a printed label kept in a note, at most.
pub(super) const SHOWN: usize = 40;

/// The official label's own words, bare: without its numbering (`（一）`,
/// `一、`, `1.`) and without a remark in brackets after them
/// (`（区分处理的，只计这一情形，不计其他情形）`).
fn core(label: &str) -> String {
    core_chars(label).collect()
}

/// The chars of [`core`], as they come.
fn core_chars(label: &str) -> impl Iterator<Item = char> + '_ {
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
    words.chars().filter(|&c| is_bare(c))
}

/// Bare chars a printed label may have beyond the official one (group labels
/// printed on the row's line: 三、本年度办理结果（六）其他处理) before it is a
/// sentence that merely holds the row's words.
const LONGER: usize = 20;

/// A note when `printed` (the text where `row` was found) does not hold the
/// official label's own words, or holds much more (a sentence of the text):
/// what was printed, bare, and the word it was found by.
pub(super) fn approximate(printed: &str, row: &RowDef, word: &'static str) -> Option<NoteKind> {
    let bare = Folded::bare(printed, 0).text;
    let official = row.label.chars().filter(|&c| is_bare(c)).count();
    if bare.contains(&core(row.label)) && bare.chars().count() <= official + LONGER {
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

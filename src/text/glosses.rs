//! Pinyin glosses in brackets after each character (`規(guī)章`, `主動(dòng)公開`),
//! which some mirror sites add to a copied report: they split every label and
//! heading. Read without them: each gloss is replaced by invisible characters
//! of the same byte length (U+200B, U+00AD, which folding drops), so every
//! byte offset, and every span, stays the same.

/// Glosses with a tone mark a text holds at least to be read without them:
/// a bracketed word after a character can be a report's own text.
const TELLING: usize = 8;

/// Characters looked at, at most, to tell.
const LOOK_AT: usize = 4096;

/// Letters a pinyin syllable has at most (`zhuāng`).
const SYLLABLE: usize = 6;

fn is_tone_mark(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(c)
}

fn is_pinyin(c: char) -> bool {
    c.is_ascii_lowercase() || is_tone_mark(c) || c == 'ü'
}

/// Where glosses stand in `text`: byte ranges of `(…)` right after an
/// ideograph, holding one syllable; with whether it has a tone mark.
fn glosses(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    // A bracket found by a byte search (most chars are never looked at), then the char before it.
    text.match_indices('(').filter_map(move |(at, _)| {
        if !text[..at].chars().next_back().is_some_and(super::is_ideograph) {
            return None;
        }
        let inner = &text[at + 1..];
        let letters = inner.chars().take_while(|&c| is_pinyin(c)).take(SYLLABLE + 1).collect::<Vec<_>>();
        let len: usize = letters.iter().map(|c| c.len_utf8()).sum();
        let closed = inner[len..].starts_with(')');
        (!letters.is_empty() && letters.len() <= SYLLABLE && closed)
            .then(|| (at, at + 1 + len + 1, letters.iter().any(|&c| is_tone_mark(c))))
    })
}

/// `input` without its pinyin glosses (same byte length), when it has them;
/// `None` when it does not (most reports: then nothing is copied).
pub fn without_glosses(input: &str) -> Option<String> {
    let head = input.char_indices().nth(LOOK_AT).map_or(input, |(at, _)| &input[..at]);
    if glosses(head).filter(|g| g.2).take(TELLING).count() < TELLING {
        return None;
    }
    let mut out = String::with_capacity(input.len());
    let mut from = 0;
    for (start, end, _) in glosses(input) {
        out.push_str(&input[from..start]);
        // Three-byte and two-byte invisible characters, as many bytes as the gloss.
        let n = end - start;
        let (threes, twos) = match n % 3 {
            0 => (n / 3, 0),
            1 => ((n - 4) / 3, 2),
            _ => (n / 3, 1),
        };
        out.extend(std::iter::repeat_n('\u{200B}', threes));
        out.extend(std::iter::repeat_n('\u{00AD}', twos));
        from = end;
    }
    out.push_str(&input[from..]);
    debug_assert_eq!(out.len(), input.len());
    Some(out)
}

/// The report's text without the glosses' invisible fill: its title, agency,
/// headings, paragraphs and invalid cells are shown and quoted as printed
/// without glosses (spans still point into the input).
pub fn drop_fill(report: &mut crate::model::Report) {
    let clean = |s: &mut String| s.retain(|c| c != '\u{200B}' && c != '\u{00AD}');
    let m = &mut report.meta;
    m.title.iter_mut().chain(m.agency.iter_mut()).for_each(|f| clean(&mut f.value));
    report.chapters.iter_mut().for_each(|c| clean(&mut c.heading));
    report.paragraphs.map_texts(|t| t.chars().filter(|&c| c != '\u{200B}' && c != '\u{00AD}').collect());
    for cell in report.tables.iter_mut().flat_map(|t| t.cells.iter_mut().flatten()) {
        if let crate::model::CellValue::Invalid(text) = &mut cell.value {
            clean(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glosses_become_invisible_and_offsets_stay() {
        let text = "規(guī)章 數(shù)量 主動(dòng)公開(kāi) 行(xíng)政(zhèng)許(xǔ)可(kě) 總(zǒng)計(jì)";
        let read = without_glosses(text).expect("glossed");
        assert_eq!(read.len(), text.len());
        let visible: String = read.chars().filter(|&c| c != '\u{200B}' && c != '\u{00AD}').collect();
        assert_eq!(visible, "規章 數量 主動公開 行政許可 總計");
        // A report's own bracketed words, and a few glosses, are left alone.
        assert_eq!(without_glosses("规章(试行) 本年(2023) 规(guī)章"), None);
    }
}

//! A row label a PDF wrapped around its values (narrow columns): which row's
//! words stand in the pieces above, on and below the line of values.

/// The row (index into `words`) whose label is wrapped around a line of values:
/// its pieces are on the value-less lines `above` and `below`, and `label` is
/// the values line's own. Which row's words stand where matters, because the
/// pieces above may end the previous row's label (a row printed blank) and the
/// pieces below may begin the next one's (pdftotext -raw puts whole labels above
/// their values; -layout and pdfplumber centre them on the values). A word
/// across the values line wins, then one above, then one below, each the
/// nearest to the line; then the earlier row.
pub(super) fn wrapped_row(
    above: &str,
    label: &str,
    below: &str,
    words: &[&'static [&'static str]],
) -> Option<(usize, &'static str)> {
    if above.is_empty() && label.is_empty() && below.is_empty() {
        return None;
    }
    let text: Vec<char> = above.chars().chain(label.chars()).chain(below.chars()).collect();
    let a = above.chars().count();
    let b = a + label.chars().count();
    let place = |(s, e): (usize, usize)| {
        // On the values line's own label, or across the line when it has none.
        let across = if b > a { s < b && e > a } else { s < a && e > a };
        if across {
            (0, 0)
        } else if e <= a {
            (1, a - e)
        } else {
            (2, s - b)
        }
    };
    let text = &text;
    let found = (0..words.len()).flat_map(|k| words[k].iter().map(move |w| (k, *w)));
    found
        .flat_map(|(k, w)| occurrences(text, w).into_iter().map(move |at| (place(at), k, w)))
        .min_by_key(|&(at, k, _)| (at, k))
        .map(|(_, k, w)| (k, w))
}

/// Where `word` occurs in `text` (char ranges): exactly, or else loosely (its
/// chars in order within a stretch at most four chars longer: a group label's
/// pieces may stand between a row label's pieces).
fn occurrences(text: &[char], word: &str) -> Vec<(usize, usize)> {
    let word: Vec<char> = word.chars().collect();
    let Some(&first) = word.first() else { return Vec::new() };
    let exact: Vec<(usize, usize)> =
        text.windows(word.len()).enumerate().filter(|(_, w)| *w == word).map(|(i, _)| (i, i + word.len())).collect();
    if !exact.is_empty() {
        return exact;
    }
    (0..text.len())
        .filter(|&i| text[i] == first)
        .filter_map(|start| {
            let limit = (start + word.len() + 4).min(text.len());
            let mut at = start;
            for c in &word[1..] {
                at += 1 + text.get(at + 1..limit)?.iter().position(|t| t == c)?;
            }
            Some((start, at + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROWS: &[&[&str]] = &[&["行政处罚"], &["行政强制"]];

    #[test]
    fn wrapped_labels_are_told_apart_by_where_their_words_stand() {
        // pdftotext -raw: the whole label above its values, the next one's below.
        assert_eq!(wrapped_row("行政处罚", "", "行政强制", ROWS), Some((0, "行政处罚")));
        // -layout: the label centred on its values, after a row printed blank.
        assert_eq!(wrapped_row("行政处罚行政强", "", "制", ROWS), Some((1, "行政强制")));
        // A piece on the values line itself.
        assert_eq!(wrapped_row("行政处罚", "行政强", "制", ROWS), Some((1, "行政强制")));
        assert_eq!(wrapped_row("信息内容", "", "", ROWS), None);
    }

    #[test]
    fn a_group_label_may_stand_between_the_pieces() {
        // 三、本 （一）予以公 / values / 年度办 开
        assert_eq!(occurrences(&"三本一予以公年度办开".chars().collect::<Vec<_>>(), "以公开"), vec![(4, 10)]);
        assert!(occurrences(&"予以公年度办理结果开".chars().collect::<Vec<_>>(), "以公开").is_empty());
    }
}

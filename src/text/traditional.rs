//! Reports in traditional script (mirror sites, copies made in Hong Kong or
//! Taiwan) read as simplified, since the format's labels, headings and the
//! checks' words are simplified. One three-byte character is replaced by
//! another, so every byte offset, and every span, stays the same.

use super::traditional_table::TRADITIONAL;

/// Telling characters a text holds at least to be taken as traditional: a
/// few can be a name or a quotation in a simplified report.
const TELLING: usize = 8;

/// The ideographs the table may hold: U+4E00–U+9FFF.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

/// Which ideographs the table holds, one bit each: a character not in it is
/// passed by one lookup, without a search (most of every report).
static IN_TABLE: [u64; ((LAST - FIRST) as usize).div_ceil(64) + 1] = {
    let mut bits = [0u64; ((LAST - FIRST) as usize).div_ceil(64) + 1];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let k = (TRADITIONAL[i].0 as u32 - FIRST) as usize;
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// `input` in simplified characters when it is written in traditional
/// script; `None` when it is not (most reports: then nothing is copied).
pub fn to_simplified(input: &str) -> Option<String> {
    let telling = input.chars().filter(|&c| lookup(c).is_some_and(|(_, telling)| telling)).take(TELLING).count();
    if telling < TELLING {
        return None;
    }
    Some(input.chars().map(|c| lookup(c).map_or(c, |(simplified, _)| simplified)).collect())
}

/// The simplified form of `c`, and whether `c` tells a text is traditional.
fn lookup(c: char) -> Option<(char, bool)> {
    let k = (c as u32).checked_sub(FIRST).filter(|_| c as u32 <= LAST)? as usize;
    if IN_TABLE[k / 64] & (1 << (k % 64)) == 0 {
        return None;
    }
    let i = TRADITIONAL.binary_search_by_key(&c, |&(t, ..)| t).ok()?;
    Some((TRADITIONAL[i].1, TRADITIONAL[i].2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_keeps_byte_lengths() {
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TRADITIONAL.iter().all(|&(t, s, _)| t.len_utf8() == 3 && s.len_utf8() == 3));
    }

    #[test]
    fn traditional_text_reads_as_simplified_and_simplified_is_left_alone() {
        let text = "二、主動公開政府信息情況\n第二十條第（一）項\n信息內容\t本年製發件數\t本年廢止件數\t現行有效件數\n規章\t0\t0\t0\n";
        let simplified = to_simplified(text).expect("traditional");
        assert_eq!(simplified.len(), text.len());
        assert!(simplified
            .starts_with("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数"));
        // A simplified report naming a few traditional characters (a quotation, a name) is not converted.
        assert_eq!(to_simplified("二、主动公开政府信息情况\n引用《後漢書》與《說文》。\n"), None);
    }
}

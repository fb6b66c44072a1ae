//! Reports in traditional script (mirror sites, copies made in Hong Kong or
//! Taiwan) read as simplified, since the format's labels, headings and the
//! checks' words are simplified. One three-byte character is replaced by
//! another, so every byte offset, and every span, stays the same.

use super::traditional_table::{BOTH, TRADITIONAL};

/// Telling characters a text holds at least to be taken as traditional: a
/// few can be a name or a quotation in a simplified report.
const TELLING: usize = 8;

/// Characters looked at (blanks not counted), at most, to tell the script: a
/// title and an opening paragraph, where a traditional text shows many times
/// `TELLING` (4096, scanned to the end in every simplified report, took a
/// tenth of its parse).
const LOOK_AT: usize = 1024;

/// The ideographs the table may hold: U+4E00–U+9FFF.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

/// A filter of the table's characters, one bit per hash of a character:
/// most characters of every report are passed by one lookup, without a
/// search (128 bytes, where a bit for every ideograph would take 2.6 KB).
static FILTER: [u64; 16] = {
    let mut bits = [0u64; 16];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let h = hash(TRADITIONAL[i].0 as u32);
        bits[h / 64] |= 1 << (h % 64);
        i += 1;
    }
    bits
};

/// Ten bits of an offset from U+4E00 (Fibonacci hashing).
const fn hash(k: u32) -> usize {
    (k.wrapping_mul(0x9E37_79B1) >> 22) as usize
}

/// `input` in simplified characters when it is written in traditional
/// script; `None` when it is not (most reports: then nothing is copied).
pub fn to_simplified(input: &str) -> Option<String> {
    // A report in traditional script shows it from its title on: the first
    // bytes tell, and a long simplified report is not scanned to its end.
    // Blanks not counted: a PDF copy pads its centred lines with them.
    let head =
        input.char_indices().filter(|(_, c)| !c.is_whitespace()).nth(LOOK_AT).map_or(input, |(at, _)| &input[..at]);
    let telling = head.chars().filter(|&c| lookup(c).is_some_and(|(_, telling)| telling)).take(TELLING).count();
    if telling < TELLING {
        return None;
    }
    Some(input.chars().map(|c| lookup(c).map_or(c, |(simplified, _)| simplified)).collect())
}

/// The simplified form of `c`, and whether `c` tells a text is traditional.
fn lookup(c: char) -> Option<(char, bool)> {
    let k = (c as u32).checked_sub(FIRST).filter(|_| c as u32 <= LAST)?;
    let h = hash(k);
    if FILTER[h / 64] & (1 << (h % 64)) == 0 {
        return None;
    }
    let i = TRADITIONAL.binary_search_by_key(&(k as u16), |&(t, _)| t).ok()?;
    let simplified = char::from_u32(FIRST + u32::from(TRADITIONAL[i].1))?;
    Some((simplified, !BOTH.contains(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_keeps_byte_lengths() {
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TRADITIONAL.iter().all(|&(t, s)| u32::from(t.max(s)) <= LAST - FIRST));
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

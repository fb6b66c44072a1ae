//! Automatic paragraph numbers (numbering.xml), where Word and WPS keep the
//! `一、` and `（一）` of chapter headings: each list's levels (start, format,
//! text such as `%1、` or `（%1）`), counted as the paragraphs come, and the
//! numbering a paragraph style carries (styles.xml).

use super::xml::{attr, Event, Reader};
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
struct Level {
    start: usize,
    format: String,
    text: String,
}

/// The lists of a document and their counters.
#[derive(Debug, Default)]
pub struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// abstractNumId → levels 0..9.
    abstracts: HashMap<String, Vec<Level>>,
    /// styleId → (numId, level) of a paragraph style that numbers.
    styles: HashMap<String, (String, usize)>,
    /// numId → the counters of its levels.
    counters: HashMap<String, [usize; 9]>,
}

const LEVELS: usize = 9;
const MAX_START: usize = 1_000_000;

fn level_of(attrs: &str) -> usize {
    attr(attrs, "ilvl").or(attr(attrs, "val")).and_then(|v| v.parse().ok()).unwrap_or(0).min(LEVELS - 1)
}

impl Numbering {
    pub fn new(numbering_xml: &str, styles_xml: &str) -> Self {
        let mut n = Numbering::default();
        let (mut abstract_id, mut num_id, mut level) = (None::<String>, None::<String>, None::<usize>);
        for e in Reader::new(numbering_xml) {
            let Event::Start { name, attrs, .. } = e else { continue };
            let val = || attr(attrs, "val").unwrap_or_default().to_owned();
            match name {
                "abstractNum" => {
                    abstract_id = attr(attrs, "abstractNumId").map(str::to_owned);
                    num_id = None;
                }
                "num" => {
                    num_id = attr(attrs, "numId").map(str::to_owned);
                    abstract_id = None;
                }
                "abstractNumId" => {
                    if let Some(id) = &num_id {
                        n.nums.insert(id.clone(), val());
                    }
                }
                "lvl" => level = Some(level_of(attrs)),
                "start" | "numFmt" | "lvlText" => {
                    let (Some(a), Some(l)) = (&abstract_id, level) else { continue };
                    let levels = n.abstracts.entry(a.clone()).or_insert_with(|| vec![Level::default(); LEVELS]);
                    let lv = &mut levels[l];
                    match name {
                        // No list counts past this; a larger start is damage.
                        "start" => lv.start = val().parse::<usize>().unwrap_or(1).min(MAX_START),
                        "numFmt" => lv.format = val(),
                        _ => lv.text = val(),
                    }
                }
                _ => {}
            }
        }
        let (mut style, mut num, mut ilvl) = (None::<String>, None::<String>, 0);
        for e in Reader::new(styles_xml) {
            match e {
                Event::Start { name: "style", attrs, .. } => {
                    style = attr(attrs, "styleId").map(str::to_owned);
                    (num, ilvl) = (None, 0);
                }
                Event::Start { name: "numId", attrs, .. } => num = attr(attrs, "val").map(str::to_owned),
                Event::Start { name: "ilvl", attrs, .. } => ilvl = level_of(attrs),
                Event::End { name: "style" } => {
                    if let (Some(s), Some(id)) = (style.take(), num.take()) {
                        n.styles.insert(s, (id, ilvl));
                    }
                }
                _ => {}
            }
        }
        n
    }

    /// The numbering of paragraph style `style`, if it has one.
    pub fn of_style(&self, style: &str) -> Option<(String, usize)> {
        self.styles.get(style).cloned()
    }

    /// The next number of list `num_id` at `level`, as printed (`一、`, `（二）`, `3.`);
    /// empty for bullets, unknown lists and numId 0 (numbering switched off).
    pub fn next(&mut self, num_id: &str, level: usize) -> String {
        let Some(levels) = self.nums.get(num_id).and_then(|a| self.abstracts.get(a)) else { return String::new() };
        let level = level.min(LEVELS - 1);
        let counters = self.counters.entry(num_id.to_owned()).or_insert([0; LEVELS]);
        for (l, c) in counters.iter_mut().enumerate() {
            if l == level {
                *c = if *c == 0 { levels[l].start.max(1) } else { c.saturating_add(1) };
            } else if l > level {
                *c = 0;
            }
        }
        let lv = &levels[level];
        if lv.format == "bullet" || lv.format == "none" {
            return String::new();
        }
        let mut out = String::new();
        let mut chars = lv.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = if counters[l] == 0 { levels[l].start.max(1) } else { counters[l] };
                    out.push_str(&format_number(value, &levels[l].format));
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// `n` in a list number format of WordprocessingML (ECMA-376 ST_NumberFormat).
fn format_number(n: usize, format: &str) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    let counting = |digits: &[char; 10], ten: char| match n {
        1..=9 => digits[n].to_string(),
        10 => ten.to_string(),
        11..=19 => format!("{ten}{}", digits[n % 10]),
        20..=99 if n % 10 == 0 => format!("{}{ten}", digits[n / 10]),
        20..=99 => format!("{}{ten}{}", digits[n / 10], digits[n % 10]),
        _ => n.to_string(),
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographDigital" => counting(&DIGITS, '十'),
        "chineseLegalSimplified" => counting(&LEGAL, '拾'),
        "ideographTraditional" if (1..=10).contains(&n) => STEMS[n - 1].to_string(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n as u32 - 1).map_or(n.to_string(), String::from)
        }
        "upperLetter" | "lowerLetter" if (1..=26).contains(&n) => {
            let c = (b'A' + (n - 1) as u8) as char;
            if format == "lowerLetter" { c.to_ascii_lowercase() } else { c }.to_string()
        }
        "upperRoman" | "lowerRoman" if (1..=39).contains(&n) => {
            let tens = ["", "X", "XX", "XXX"][n / 10];
            let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][n % 10];
            let r = format!("{tens}{ones}");
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="x">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>"#;

    #[test]
    fn chapter_numbers_count_and_reset() {
        let mut n = Numbering::new(
            NUMBERING,
            r#"<w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#,
        );
        assert_eq!(n.next("1", 0), "一、");
        assert_eq!(n.next("1", 1), "（一）");
        assert_eq!(n.next("1", 1), "（二）");
        assert_eq!(n.next("1", 2), "1.");
        assert_eq!(n.next("1", 0), "二、");
        assert_eq!(n.next("1", 1), "（一）");
        assert_eq!(n.next("9", 0), "");
        assert_eq!(n.of_style("H1"), Some(("1".to_owned(), 0)));
        assert_eq!(format_number(12, "chineseCounting"), "十二");
        assert_eq!(format_number(30, "chineseCounting"), "三十");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        // A damaged start is bounded, and counting on from it cannot overflow.
        let huge = NUMBERING.replace(
            r#"<w:start w:val="1"/><w:numFmt w:val="decimal"/>"#,
            r#"<w:start w:val="18446744073709551615"/><w:numFmt w:val="decimal"/>"#,
        );
        let mut n = Numbering::new(&huge, "");
        assert_eq!(n.next("1", 2), "1000000.");
        assert_eq!(n.next("1", 2), "1000001.");
    }
}

//! What a PDF font says of the codes a page shows with it: how the bytes of a
//! string split into codes (one byte, or two for a composite font), each
//! code's width, and its text (the ToUnicode CMap; else the code itself where
//! the encoding is Unicode, or Latin for a simple font).

use hayro_cmap::{BfString, CMap};
use hayro_syntax::object::{Array, Dict, Name, Object, Stream};
use std::collections::HashMap;

pub struct Font {
    /// Codes of two bytes (a composite font, Type0), else of one.
    two_bytes: bool,
    to_unicode: Option<CMap>,
    /// The code is UCS-2 (a predefined `Uni…-UCS2-H` or `Uni…-UTF16-H` CMap, fonts not embedded).
    ucs2: bool,
    /// UTF-16 (`Uni…-UTF16-H`): a surrogate pair is one code of four bytes.
    utf16: bool,
    /// Widths in text space (thousandths already applied), by code.
    widths: HashMap<u32, f64>,
    default_width: f64,
}

fn name<'a>(d: &Dict<'a>, key: &[u8]) -> Option<Name<'a>> {
    d.get::<Name>(key)
}

/// The numbers of an array (other items skipped).
pub(super) fn numbers(a: &Array) -> Vec<f64> {
    a.iter::<Object>().filter_map(|o| as_number(&o)).collect()
}

/// Widths of one font at most (a hostile W array may claim millions of codes).
const MAX_WIDTHS: usize = 1 << 16;

impl Font {
    /// The font `font` describes; its CMap decoded within `decoded` bytes (`streams`).
    pub fn read(font: &Dict, decoded: &mut usize) -> Font {
        let subtype = name(font, b"Subtype");
        let two_bytes = subtype.as_ref().is_some_and(|s| s.as_str() == "Type0");
        let to_unicode = font
            .get::<Stream>(b"ToUnicode".as_slice())
            .and_then(|s| super::streams::decode(&s, decoded))
            .and_then(|d| CMap::parse(&d, |_| None));
        let encoding = name(font, b"Encoding");
        // UTF-16 CMaps (`UniGB-UTF16-H`) give the same codes for the BMP, and pairs beyond it.
        let utf16 = encoding.as_ref().is_some_and(|e| e.as_str().contains("UTF16"));
        let ucs2 = utf16 || encoding.as_ref().is_some_and(|e| e.as_str().contains("UCS2"));
        let mut widths = HashMap::new();
        let mut default_width = 0.5;
        if two_bytes {
            let descendant = font.get::<Array>(b"DescendantFonts".as_slice()).and_then(|a| a.iter::<Dict>().next());
            if let Some(cid) = descendant {
                default_width = cid.get::<f64>(b"DW".as_slice()).unwrap_or(1000.0) / 1000.0;
                if let Some(w) = cid.get::<Array>(b"W".as_slice()) {
                    read_cid_widths(&w, &mut widths);
                }
            }
        } else {
            // Type3 glyphs are in their own space, mapped by the font matrix.
            let scale = font
                .get::<Array>(b"FontMatrix".as_slice())
                .map(|m| numbers(&m))
                .and_then(|m| m.first().copied())
                .unwrap_or(0.001);
            let first = font.get::<f64>(b"FirstChar".as_slice()).unwrap_or(0.0) as u32;
            if let Some(w) = font.get::<Array>(b"Widths".as_slice()) {
                for (i, w) in numbers(&w).into_iter().take(MAX_WIDTHS).enumerate() {
                    widths.insert(first.saturating_add(i as u32), w * scale);
                }
            }
        }
        Font { two_bytes, to_unicode, ucs2, utf16: utf16 && two_bytes, widths, default_width }
    }

    /// The codes of a shown string, each with its length in bytes.
    pub fn codes<'b>(&self, bytes: &'b [u8]) -> impl Iterator<Item = (u32, usize)> + 'b {
        let (n, utf16) = (if self.two_bytes { 2 } else { 1 }, self.utf16);
        let code = |c: &[u8]| c.iter().fold(0u32, |a, &b| a << 8 | u32::from(b));
        let mut at = 0;
        std::iter::from_fn(move || {
            let c = bytes.get(at..bytes.len().min(at + n)).filter(|c| !c.is_empty())?;
            let (high, low) = (code(c), bytes.get(at + 2..at + 4).map(code));
            if let Some(low) = low.filter(|l| utf16 && (0xD800..0xDC00).contains(&high) && (0xDC00..0xE000).contains(l))
            {
                at += 4;
                return Some((0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00), 4));
            }
            at += c.len();
            Some((high, c.len()))
        })
    }

    pub fn width(&self, code: u32) -> f64 {
        self.widths.get(&code).copied().unwrap_or(self.default_width)
    }

    /// The text a code stands for, if the font says.
    pub fn text(&self, code: u32) -> Option<String> {
        if let Some(cmap) = &self.to_unicode {
            match cmap.lookup_bf_string(code) {
                Some(BfString::Char(c)) => return Some(c.to_string()),
                Some(BfString::String(s)) => return Some(s),
                None => {}
            }
        }
        if self.ucs2 || !self.two_bytes {
            // UCS-2 codes are the text; a simple font's codes below 128 are ASCII
            // in every standard encoding (digits and Latin letters).
            let c = char::from_u32(code).filter(|c| self.ucs2 || c.is_ascii())?;
            return Some(c.to_string());
        }
        None
    }
}

/// A CIDFont's W array: `c [w1 w2 …]` (widths from code c on) or `c_first c_last w`;
/// at most `MAX_WIDTHS` widths set in all (an array may name the same codes again and again).
fn read_cid_widths(w: &Array, widths: &mut HashMap<u32, f64>) {
    let items: Vec<Object> = w.iter::<Object>().take(4 * MAX_WIDTHS).collect();
    let mut left = MAX_WIDTHS;
    let mut i = 0;
    while i < items.len() && left > 0 {
        let Some(first) = as_number(&items[i]) else { break };
        let first = first as u32;
        match items.get(i + 1) {
            Some(Object::Array(list)) => {
                for (k, w) in numbers(list).into_iter().enumerate().take(left) {
                    widths.insert(first.saturating_add(k as u32), w / 1000.0);
                    left -= 1;
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(w)) = (as_number(o), items.get(i + 2).and_then(as_number)) else { break };
                let last = (last as u32).min(first.saturating_add(left as u32 - 1));
                for c in first..=last {
                    widths.insert(c, w / 1000.0);
                    left -= 1;
                }
                i += 3;
            }
            None => break,
        }
    }
}

fn as_number(o: &Object) -> Option<f64> {
    match o {
        Object::Number(n) => Some(n.as_f64()),
        _ => None,
    }
}

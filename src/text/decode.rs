//! Bytes → text: the encodings reports are saved in. A byte-order mark decides
//! (UTF-8, UTF-16LE/BE); without one, valid UTF-8 is UTF-8 and anything else is
//! read as GB18030, the superset of GBK and GB2312 that Chinese Windows saves.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding used (`UTF-8`, `UTF-16LE`, `gb18030`…).
    pub encoding: &'static str,
    /// No byte-order mark said so: the encoding was inferred.
    pub inferred: bool,
    /// Bytes that were not valid in that encoding became U+FFFD.
    pub malformed: bool,
}

/// The encoding `bytes` are in and the length of their byte-order mark.
/// The page passes the name to the browser's `TextDecoder`, so both agree.
pub fn sniff(bytes: &[u8]) -> (&'static Encoding, usize) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return (encoding, bom);
    }
    if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, 0)
    } else {
        (GB18030, 0)
    }
}

/// What a file that is not text is, by its first bytes: the formats people
/// drop by mistake (or before the page reads them), else any file with NUL
/// bytes where no UTF-16 byte-order mark explains them. `None`: text.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"PK\x03\x04", "ZIP（Word .docx、WPS .wps 或压缩包）"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Word 97-2003 / WPS 旧格式"),
        (b"\x89PNG", "PNG 图片"),
        (b"\xFF\xD8\xFF", "JPEG 图片"),
        (b"GIF8", "GIF 图片"),
        (b"Rar!", "RAR 压缩包"),
        (b"7z\xBC\xAF", "7z 压缩包"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8192)];
    // UTF-16 has NUL bytes in every ASCII character; UTF-8 (with or without a BOM) never.
    let utf16 = Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8);
    (!utf16 && head.contains(&0)).then_some("二进制文件")
}

pub fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, bom) = sniff(bytes);
    let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
    Decoded { text: text.into_owned(), encoding: encoding.name(), inferred: bom == 0, malformed }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一、本年新收政府信息公开申请数量\t1\t0";

    #[test]
    fn reads_each_encoding() {
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(TEXT.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(TEXT.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let bom8: Vec<u8> = [0xEF, 0xBB, 0xBF].iter().chain(TEXT.as_bytes()).copied().collect();
        let (gb, _, _) = GB18030.encode(TEXT);
        for (bytes, name, inferred) in [
            (TEXT.as_bytes().to_vec(), "UTF-8", true),
            (bom8, "UTF-8", false),
            (utf16le, "UTF-16LE", false),
            (utf16be, "UTF-16BE", false),
            (gb.into_owned(), "gb18030", true),
        ] {
            let d = decode(&bytes);
            assert_eq!((d.text.as_str(), d.encoding, d.inferred, d.malformed), (TEXT, name, inferred, false));
        }
    }

    #[test]
    fn binary_files_are_told_apart() {
        assert_eq!(binary_kind(b"%PDF-1.7\n"), Some("PDF"));
        assert!(binary_kind(b"PK\x03\x04\x14\x00").is_some_and(|k| k.contains("docx")));
        assert_eq!(binary_kind(b"abc\0def"), Some("二进制文件"));
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(TEXT.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(binary_kind(&utf16le), None);
        assert_eq!(binary_kind(TEXT.as_bytes()), None);
        assert_eq!(binary_kind(b""), None);
        assert_eq!(binary_kind(b"\xEF\xBB\xBFabc\0"), Some("二进制文件"));
    }

    #[test]
    fn broken_bytes_are_flagged_not_fatal() {
        let d = decode(&[0xFF, 0xFE, 0x00]);
        assert!(d.malformed);
        assert_eq!(decode(&[]).text, "");
        assert!(decode(&[0x81]).malformed);
    }
}

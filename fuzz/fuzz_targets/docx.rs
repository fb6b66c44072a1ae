//! The .docx reader on any bytes: a ZIP archive (the corpus holds Word
//! documents Writer made) or, for anything else, the bytes as the document's
//! XML, and what follows `</w:document>` as its numbering.xml, so
//! WordprocessingML itself is explored. No panic, bounded time per byte,
//! clean text out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let start = Instant::now();
    let read = if data.starts_with(b"PK") {
        nianbao::text::docx::read(data)
    } else {
        let text = String::from_utf8_lossy(data);
        let (document, numbering) = text.split_once("</w:document>").unwrap_or((&text, ""));
        Ok(nianbao::text::docx::from_xml(document, numbering))
    };
    let elapsed = start.elapsed();
    assert!(elapsed <= Duration::from_secs(1) + Duration::from_micros(50) * data.len() as u32, "{elapsed:?}");
    if let Ok(extracted) = read {
        assert!(extracted.text.chars().all(|c| nianbao::text::hygiene::clean_char(c) == Some(c)));
        let report = nianbao::read::parse_text(&extracted.text);
        let _ = nianbao::checks::check(&report);
    }
});

//! The PDF reader on any bytes (the corpus holds the PDFs of tests/extracted,
//! cut to the fuzzer's 64 KB): read or refused, no panic, bounded time per
//! byte, clean text out, and the text read as a report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let start = Instant::now();
    let read = nianbao::read::parse_pdf(data);
    let elapsed = start.elapsed();
    assert!(elapsed <= Duration::from_secs(1) + Duration::from_micros(50) * data.len() as u32, "{elapsed:?}");
    if let Ok((text, report)) = read {
        assert!(text.chars().all(|c| nianbao::text::hygiene::clean_char(c) == Some(c)));
        let _ = nianbao::checks::check(&report);
    }
});

//! The HTML reader alone, on any text: no panic, bounded time per byte, and
//! every span it maps back lies within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::text::Span;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let start = Instant::now();
    let _ = nianbao::text::html::looks_like_html(&text);
    let rendered = nianbao::text::html::render(&text);
    let elapsed = start.elapsed();
    // Wall-clock, so the floor is wide (a loaded machine); superlinear work still trips it.
    assert!(elapsed <= Duration::from_secs(1) + Duration::from_micros(50) * data.len() as u32, "{elapsed:?}");
    let s = rendered.source_span(Span::new(0, rendered.text.len()));
    assert!(s.start <= s.end && s.end <= text.len());
    assert!(rendered.text.chars().all(|c| nianbao::text::hygiene::clean_char(c) == Some(c)));
});

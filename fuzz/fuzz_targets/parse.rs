//! Any bytes, decoded as the CLI decodes them, parsed (as text or HTML),
//! checked, written as JSON and Markdown and cut into the page's marks: none
//! of it may panic, and none may take more than a bounded time per byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

/// The time one input may take: a fixed floor plus a budget per byte (the
/// slowest family of benches/complexity.rs runs near 1 µs per byte in release).
/// Wall-clock time: the floor is wide so a loaded machine does not fail a fast
/// input (a first floor of 0.2 s did, replayed in 10 ms); superlinear work
/// (seconds for 8 KB) still trips it.
fn budget(len: usize) -> Duration {
    Duration::from_secs(2) + Duration::from_micros(100) * len as u32
}

fuzz_target!(|data: &[u8]| {
    let start = Instant::now();
    let text = nianbao::text::decode::decode(data).text;
    let report = nianbao::parse(&text);
    let diagnostics = nianbao::checks::check(&report);
    let _ = nianbao::views::json::to_json("fuzz", &text, &report, &diagnostics);
    let _ = nianbao::views::export::markdown(&report, &diagnostics, &[]);
    let _ = nianbao::views::marks::pieces(&text, &diagnostics, Some(0));
    let elapsed = start.elapsed();
    assert!(elapsed <= budget(data.len()), "{} bytes took {elapsed:?}", data.len());
});

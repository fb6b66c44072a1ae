//! Any bytes, decoded as the CLI decodes them, parsed (as text or HTML),
//! checked and written as JSON: none of it may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = nianbao::text::decode::decode(data).text;
    let report = nianbao::parse(&text);
    let diagnostics = nianbao::checks::check(&report);
    let _ = nianbao::views::json::to_json("fuzz", &text, &report, &diagnostics);
    // The HTML reader on any text, whether or not it looks like HTML.
    let _ = nianbao::text::html::render(&text);
});

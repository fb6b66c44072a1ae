//! Checks a file many times, for a profiler.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap_or_default();
    let report = nianbao::parse(&text);
    for _ in 0..2000 {
        std::hint::black_box(nianbao::checks::check(std::hint::black_box(&report)));
    }
}

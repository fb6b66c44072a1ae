//! Parses a file many times, for a profiler: `cargo run --release --example profile FILE [N]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap_or_default();
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    for _ in 0..n {
        std::hint::black_box(nianbao::parse(std::hint::black_box(&text)));
    }
}

//! Parses (or parses and checks) a file many times, for a profiler, and prints
//! the mean time: `cargo run --release --example profile [parse|check] FILE [N]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (check, rest) = match args.first().map(String::as_str) {
        Some("check") => (true, &args[1..]),
        Some("parse") => (false, &args[1..]),
        _ => (false, &args[..]),
    };
    let text = rest.first().and_then(|f| std::fs::read_to_string(f).ok()).unwrap_or_default();
    let n: u32 = rest.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let start = std::time::Instant::now();
    for _ in 0..n {
        let report = nianbao::parse(std::hint::black_box(&text));
        if check {
            std::hint::black_box(nianbao::checks::check(&report));
        }
        std::hint::black_box(report);
    }
    println!("{} {:?} per run", if check { "parse + check" } else { "parse" }, start.elapsed() / n.max(1));
}

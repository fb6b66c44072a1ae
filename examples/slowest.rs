//! Times parse + check on every file of a directory and prints the slowest:
//! `cargo run --release --example slowest DIR`.
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "fuzz/corpus/parse".into());
    let mut times = Vec::new();
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let bytes = std::fs::read(e.path()).unwrap_or_default();
        let text = nianbao::text::decode::decode(&bytes).text;
        let t = std::time::Instant::now();
        let r = nianbao::parse(&text);
        let d = nianbao::checks::check(&r);
        let _ = nianbao::views::json::to_json("x", &text, &r, &d);
        let _ = nianbao::text::html::render(&text);
        times.push((t.elapsed(), bytes.len(), e.path()));
    }
    times.sort();
    let total: std::time::Duration = times.iter().map(|t| t.0).sum();
    println!("{} files, total {:?}", times.len(), total);
    for (t, n, p) in times.iter().rev().take(8) {
        println!("{t:?} {n} B {}", p.display());
    }
}

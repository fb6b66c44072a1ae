//! Times parse and check per seed (native): `cargo run --release --example checktime`.
fn main() {
    for e in std::fs::read_dir("tests/seeds").into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        let n = 200;
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(nianbao::parse(&text));
        }
        let parse = t.elapsed() / n;
        let report = nianbao::parse(&text);
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(nianbao::checks::check(&report));
        }
        let check = t.elapsed() / n;
        println!("{:?}: parse {parse:?} check {check:?}", e.file_name());
    }
}

//! Parse time per MB of the seeds repeated to 1, 4 and 16 MB (a check for superlinear work).
fn main() {
    let all: String = std::fs::read_dir("tests/seeds")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    for mb in [1usize, 4, 16] {
        let text = all.repeat((mb << 20) / all.len() + 1);
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            std::hint::black_box(nianbao::parse(&text));
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("{mb:>3} MB: best {:.1} ms = {:.2} ms/MB", best * 1e3, best * 1e3 / (text.len() as f64 / 1048576.0));
    }
}

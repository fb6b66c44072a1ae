//! Parse speed: per-seed parse time, MB/s on a 10 MB input against a plain
//! `str::lines()` pass over the same text, and time per MB of hostile inputs at
//! 1 MB and 4 MB (a ratio near 1 means linear). Run: `cargo xtask bench`.
//!
//! Three floors put the parse time in proportion, each as a ratio to `lines()`:
//! `bytes`, `lines()` plus a look at every byte (the least any reader does to
//! tell table rows from running text); `fold`, normalising every character
//! with its source map (the text layer's one job, done once over the whole
//! input); and `model`, cloning the finished report (allocating and freeing
//! what a parse must hand back, no reading).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// The median time of `f` over enough runs to fill about `budget`.
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_nanos(1));
    let runs = (budget.as_nanos() / once.as_nanos()).clamp(3, 2000) as usize;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn parse(text: &str) {
    black_box(nianbao::parse(black_box(text)));
}

fn lines(text: &str) {
    black_box(black_box(text).lines().count());
}

/// `lines()` plus one look at every byte of every line.
fn bytes(text: &str) {
    black_box(black_box(text).lines().map(|l| l.bytes().fold(0u8, |a, b| a ^ b)).fold(0u8, |a, b| a ^ b));
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

fn main() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let case =
        |name: &str| (name.to_owned(), std::fs::read_to_string(cases.join(name).join("input.txt")).unwrap_or_default());
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(&cases)
        .expect("tests/cases")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().filter(|n| n.starts_with("seed-")).map(case))
        .collect();
    seeds.sort();
    // The crawled reports: the page body on one line, table cells glued (read by alignment).
    let mut crawled: Vec<(String, String)> = (1..=5).map(|k| case(&format!("real-glued-{k}"))).collect();
    println!("per report (median):");
    for (name, text) in seeds.iter().chain(&crawled) {
        let t = time(Duration::from_millis(300), || parse(text));
        let l = time(Duration::from_millis(100), || lines(text));
        let b = time(Duration::from_millis(100), || bytes(text));
        let f = time(Duration::from_millis(100), || drop(black_box(nianbao::text::Folded::new(black_box(text), 0))));
        let report = nianbao::parse(text);
        let m = time(Duration::from_millis(100), || drop(black_box(black_box(&report).clone())));
        let ratio = |d: Duration| d.as_secs_f64() / l.as_secs_f64();
        println!(
            "  {name:28} {:>6.1} KB  parse {:>7.1} µs  lines() {:>5.1} µs  ratio {:>5.1}  floors: bytes {:>4.1} fold {:>4.1} model {:>4.1}",
            text.len() as f64 / 1024.0,
            t.as_secs_f64() * 1e6,
            l.as_secs_f64() * 1e6,
            ratio(t),
            ratio(b),
            ratio(f),
            ratio(m)
        );
    }
    let all: String = seeds.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
    let big = repeat_to(&all, 10 << 20);
    let t = time(Duration::from_secs(3), || parse(&big));
    let l = time(Duration::from_secs(1), || lines(&big));
    let mb = big.len() as f64 / (1 << 20) as f64;
    println!("10 MB input ({mb:.1} MB, the seeds repeated):");
    println!(
        "  parse {:.1} ms = {:.1} MB/s; lines() {:.2} ms = {:.0} MB/s; ratio {:.1}",
        t.as_secs_f64() * 1e3,
        mb / t.as_secs_f64(),
        l.as_secs_f64() * 1e3,
        mb / l.as_secs_f64(),
        t.as_secs_f64() / l.as_secs_f64()
    );
    println!("linearity (ms per MB at 1 MB and at 4 MB):");
    // Sixteen long label lines before each line of one value: every value line
    // joins the pieces around it (a label wrapped over several lines).
    let wrapped = format!("三、本年新收\n{}0\n", format!("{}\n", "行".repeat(80)).repeat(16));
    let glued = crawled.remove(0).1.replace('\n', " ");
    let hostile: [(&str, String); 14] = [
        ("seeds", all.clone()),
        ("one line, no newline", all.replace('\n', " ")),
        ("tabs only", "\t\t\t\t\t\t\t\t\n".to_owned()),
        ("numbers, one per line", "0\n".to_owned()),
        ("headings", "一、总体情况\n".to_owned()),
        ("row labels", "1.属于国家秘密\t0\t\n三、本年新收\n".to_owned()),
        ("html cells", "<table><tr><td rowspan=900 colspan=900>&amp;&#1;".to_owned()),
        ("html entities", "<p>&&&&&&&&<<<<".to_owned()),
        ("wrapped labels", wrapped),
        // Long lines with no sentence end: one paragraph a PDF wrapped, all the way down.
        ("wrapped paragraph", format!("{}，\n", "本机关认真贯彻落实条例扎实推进政府信息公开工作".repeat(2))),
        // A crawled page repeated on one line: every table row label a candidate many times over.
        ("crawled page, one line", glued),
        ("glued row labels", "1.属于国家秘密0000000（七）总计1200012".to_owned()),
        // Running text of numbered headings in words of their own: each a candidate for every chapter.
        ("inline headings", "五、存在的问题及改进措施我局加强审核并改进工作方法以提升公开质量".to_owned()),
        ("one label, long digits", format!("一、本年新收政府信息公开申请数量{}", "1234567890".repeat(100))),
    ];
    for (name, unit) in &hostile {
        let per_mb = |bytes: usize| {
            let text = repeat_to(unit, bytes);
            let t = time(Duration::from_secs(1), || parse(&text));
            t.as_secs_f64() * 1e3 / (text.len() as f64 / (1 << 20) as f64)
        };
        let (one, four) = (per_mb(1 << 20), per_mb(4 << 20));
        println!("  {name:24} {one:>8.2} {four:>8.2}  ratio {:.2}", four / one);
    }
    batch(&seeds);
}

/// Many reports checked together, as a reviewer loads a county's or a
/// province's: each report read and checked, then the checks across them
/// (pairs of consecutive years, copied text). The seeds under distinct
/// agencies, the years alternating so that half of them pair up.
fn batch(seeds: &[(String, String)]) {
    println!("batch (parse + check each, then across all; µs per report):");
    for n in [1_000usize, 10_000] {
        let texts: Vec<String> = (0..n)
            .map(|i| {
                let year = 2021 + (i % 2) as i32;
                format!("某机关{}号{year}年政府信息公开工作年度报告\n{}", i / 2, seeds[i % seeds.len()].1)
            })
            .collect();
        let start = Instant::now();
        let reports: Vec<nianbao::Report> = texts.iter().map(|t| nianbao::parse(t)).collect();
        let each: usize = reports.iter().map(|r| nianbao::checks::check(r).len()).sum();
        let single = start.elapsed();
        let refs: Vec<&nianbao::Report> = reports.iter().collect();
        let across = Instant::now();
        let found = nianbao::checks::check_across(&refs).len();
        let across = across.elapsed();
        println!(
            "  {n:>6} reports  each {:>7.1}  across {:>6.1}  total {:>7.1}  ({each} + {found} findings)",
            single.as_secs_f64() * 1e6 / n as f64,
            across.as_secs_f64() * 1e6 / n as f64,
            (single + across).as_secs_f64() * 1e6 / n as f64
        );
    }
}

//! Batch speed, end to end: the built CLI (`nianbao check --summary DIR`)
//! over folders of 1,000 and 10,000 generated reports (each agency in two
//! consecutive years, so the checks across reports pair them) and over the
//! seeds, against `wc -l` over the same files. Prints per-report time, the
//! ratio 10,000 / 1,000 (10 is linear) and the ratio to `wc -l`. Run:
//! `cargo xtask bench` (or `cargo bench --bench batch`).

#[path = "../tests/gen/mod.rs"]
mod gen;

use gen::{balanced, render, Rng, Shape};
use nianbao::model::TemplateId;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Shapes the folders mix: what users save from Word, PDF copies and web pages.
const SHAPES: [Shape; 4] = [Shape::Tabs, Shape::Spaces, Shape::CellPerLine, Shape::Html];

/// Writes `n` generated reports into a fresh folder: pairs of one agency's consecutive years.
fn folder(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-{n}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench folder");
    let mut rng = Rng::new(n as u64);
    let mut format = TemplateId::Y2021;
    for i in 0..n {
        // One format per agency: its two years are consecutive, so every pair is compared.
        if i % 2 == 0 {
            format = if rng.chance(70) { TemplateId::Y2021 } else { TemplateId::Y2019 };
        }
        let mut sample = balanced(&mut rng, format, format);
        sample.agency = format!("第{}号镇人民政府", i / 2 + 1);
        sample.year = if format == TemplateId::Y2021 { 2022 } else { 2019 } + (i % 2) as i32;
        let shape = SHAPES[i % SHAPES.len()];
        let ext = if shape == Shape::Html { "html" } else { "txt" };
        let text = render(&sample, shape, &mut rng);
        std::fs::write(dir.join(format!("{i:05}.{ext}")), text).expect("bench file");
    }
    dir
}

/// The files of `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).expect("folder").flatten().map(|e| e.path()).collect();
    files.sort();
    files
}

/// The median wall time of three runs of `command`; each must print `lines` lines
/// (the work was done: one per file, and a header or a total).
fn run(lines: usize, mut command: impl FnMut() -> Command) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let out = command().stderr(Stdio::null()).output().expect("run");
            let took = start.elapsed();
            // `check` exits 1 when a report has an error; only 2 (a failure to run) is wrong here.
            assert!(out.status.code().is_some_and(|c| c < 2), "{}", out.status);
            assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), lines, "lines printed");
            took
        })
        .collect();
    times.sort();
    times[1]
}

fn cli(files: &[PathBuf], dir: Option<&Path>) -> Duration {
    run(files.len() + 1, || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_nianbao"));
        c.args(["check", "--summary", "--"]);
        match dir {
            Some(d) => c.arg(d),
            None => c.args(files),
        };
        c
    })
}

fn wc(files: &[PathBuf]) -> Duration {
    run(files.len() + usize::from(files.len() > 1), || {
        let mut c = Command::new("wc");
        c.arg("-l").args(files);
        c
    })
}

fn main() {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("batch, end to end (the CLI on {threads} cores; `wc -l` on one), median of 3 runs:");
    println!("{:<28} {:>8} {:>10} {:>12} {:>12} {:>8}", "input", "reports", "MB", "µs / report", "wc µs / rep", "× wc");
    let mut per_run = Vec::new();
    let row = |name: &str, files: &[PathBuf], took: Duration, wc_took: Duration| {
        let n = files.len() as f64;
        let bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
        let (us, wc_us) = (took.as_secs_f64() * 1e6 / n, wc_took.as_secs_f64() * 1e6 / n);
        println!(
            "{name:<28} {:>8} {:>10.1} {us:>12.1} {wc_us:>12.1} {:>8.1}",
            files.len(),
            bytes as f64 / 1e6,
            us / wc_us
        );
    };
    let seeds: Vec<PathBuf> = {
        let mut s: Vec<PathBuf> = std::fs::read_dir("tests/cases")
            .expect("tests/cases")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("seed-"))
            .map(|e| e.path().join("input.txt"))
            .collect();
        s.sort();
        s
    };
    row("the seeds", &seeds, cli(&seeds, None), wc(&seeds));
    for n in [1_000, 10_000] {
        let dir = folder(n);
        let list = files(&dir);
        let took = cli(&list, Some(&dir));
        row(&format!("generated, {n}"), &list, took, wc(&list));
        per_run.push(took);
        // Kept for profiling with NIANBAO_BENCH_KEEP=1 (`perf record nianbao check DIR`).
        if std::env::var_os("NIANBAO_BENCH_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        } else {
            println!("kept {}", dir.display());
        }
    }
    let ratio = per_run[1].as_secs_f64() / per_run[0].as_secs_f64();
    println!("10,000 / 1,000 reports: {ratio:.2} (10 is linear)");
}

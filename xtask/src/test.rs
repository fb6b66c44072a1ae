//! `cargo xtask test`: formatting, lints (native and wasm32), native tests, wasm
//! tests in headless Chromium, the site build, and end-to-end tests that drive
//! the built site. Prints each stage's wall time and the runners' totals.

use crate::run::{cmd, run, run_capture, Result};
use crate::setup::{self, WASM_TARGET};
use std::time::Instant;

#[derive(Default)]
struct Totals {
    passed: u64,
    failed: u64,
}

impl Totals {
    /// Adds the counts from cargo's `test result:` lines and node's TAP `# pass`/`# fail`.
    fn add(&mut self, lines: &[String]) {
        for line in lines {
            if let Some(rest) = line.trim().strip_prefix("test result: ") {
                for part in rest.split(';') {
                    let mut words = part.split_whitespace().rev();
                    match (words.next(), words.next()) {
                        (Some("passed"), Some(n)) => self.passed += n.parse::<u64>().unwrap_or(0),
                        (Some("failed"), Some(n)) => self.failed += n.parse::<u64>().unwrap_or(0),
                        _ => {}
                    }
                }
            } else if let Some(n) = line.strip_prefix("# pass ") {
                self.passed += n.trim().parse::<u64>().unwrap_or(0);
            } else if let Some(n) = line.strip_prefix("# fail ") {
                self.failed += n.trim().parse::<u64>().unwrap_or(0);
            }
        }
    }
}

struct Stages {
    times: Vec<(&'static str, f64)>,
    totals: Totals,
}

impl Stages {
    fn stage(&mut self, name: &'static str, f: impl FnOnce(&mut Totals) -> Result) -> Result {
        println!("\n==> {name}");
        let start = Instant::now();
        let result = f(&mut self.totals);
        let secs = start.elapsed().as_secs_f64();
        println!("<== {name}: {secs:.1} s{}", if result.is_ok() { "" } else { " (FAILED)" });
        self.times.push((name, secs));
        result
    }

    fn report(&self) {
        println!("\nstage times:");
        for (name, secs) in &self.times {
            println!("  {name:<22} {secs:>7.1} s");
        }
        let all: f64 = self.times.iter().map(|(_, s)| s).sum();
        println!("  {:<22} {all:>7.1} s", "all");
    }
}

fn captured(totals: &mut Totals, c: &mut std::process::Command) -> Result {
    let (result, lines) = run_capture(c);
    totals.add(&lines);
    result
}

pub fn test() -> Result {
    let mut stages = Stages { times: Vec::new(), totals: Totals::default() };
    let result = all(&mut stages);
    stages.report();
    let Totals { passed, failed } = stages.totals;
    match result {
        Ok(()) => {
            println!("total: {passed} passed, {failed} failed");
            Ok(())
        }
        Err(e) => {
            println!("total: {passed} passed, {} failed", failed.max(1));
            Err(e)
        }
    }
}

fn all(s: &mut Stages) -> Result {
    let mut browser = None;
    s.stage("setup", |_| {
        setup::wasm_target()?;
        setup::wasm_bindgen_cli()?;
        setup::npm_packages()?;
        browser = Some(setup::browser()?);
        Ok(())
    })?;
    let browser = browser.ok_or("no browser")?;
    s.stage("fmt", |_| run(&mut cmd("cargo", &["fmt", "--all", "--", "--check"])))?;
    s.stage("clippy native", |_| {
        run(&mut cmd(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--exclude",
                "nianbao-web",
                "--exclude",
                "nianbao-batch",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })?;
    s.stage("clippy wasm32", |_| {
        run(&mut cmd(
            "cargo",
            &[
                "clippy",
                "-p",
                "nianbao",
                "-p",
                "nianbao-web",
                "-p",
                "nianbao-files",
                "-p",
                "nianbao-batch",
                "--target",
                WASM_TARGET,
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })?;
    s.stage("native tests", |t| {
        captured(
            t,
            &mut cmd("cargo", &["test", "--workspace", "--exclude", "nianbao-web", "--exclude", "nianbao-batch"]),
        )
    })?;
    s.stage("wasm tests", |t| {
        captured(
            t,
            cmd("cargo", &["test", "-p", "nianbao-web", "--target", WASM_TARGET])
                .env("CHROMEDRIVER", &browser.chromedriver)
                .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", setup::www().join("webdriver.json")),
        )
    })?;
    s.stage("dist", |_| crate::dist::dist())?;
    s.stage("e2e", |t| {
        let mut files: Vec<_> = std::fs::read_dir(setup::www().join("e2e"))
            .map_err(|e| format!("www/e2e: {e}"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
            .collect();
        files.sort();
        captured(
            t,
            cmd("node", &["--test", "--test-reporter=tap", "--test-concurrency=1"])
                .args(files)
                .env("CHROMIUM", &browser.chromium),
        )
    })
}

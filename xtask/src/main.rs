//! Build tooling for nianbao, in Rust so it runs wherever Rust does (no Make, no bash):
//!
//!   cargo xtask dist                 build the static site into dist/
//!   cargo xtask serve [--port 8080]  build, then serve dist/ on 127.0.0.1
//!   cargo xtask test                 every check and test, installing what is missing
//!   cargo xtask bench                parse speed (per seed, MB/s, against str::lines), the complexity table, the CLI over 1,000 and 10,000 reports
//!   cargo xtask fuzz [RUNS] [TARGET] the cargo-fuzz targets parse, html and docx (nightly), 1,000,000 runs each by default

mod dist;
mod fuzz;
mod run;
mod serve;
mod setup;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist::dist(),
        Some("serve") => serve::serve(&args[1..]),
        Some("test") => test::test(),
        Some("bench") => fuzz::bench(),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <dist | serve [--port N] | test | bench | fuzz [RUNS] [TARGET]>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

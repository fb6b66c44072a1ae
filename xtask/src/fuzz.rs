//! `cargo xtask fuzz [RUNS] [TARGET]`: the cargo-fuzz targets (nightly Rust,
//! libFuzzer) `parse` (everything one input costs), `html` (the HTML
//! reader), `docx` (the Word reader, its corpus the Word documents of
//! tests/extracted beside the text ones) and `pdf` (the PDF reader, with the
//! PDFs there), started from a corpus of the cases (seeds, real reports, shapes), the real tools' extractions and
//! generated reports in every shape, with a dictionary of report words and HTML
//! tags. Inputs go up to 64 KB; each target asserts a time budget derived from
//! the input's size, and libFuzzer bounds time and memory per input. Each worker
//! logs to fuzz/fuzz-N.log.
//! `cargo xtask bench`: the parse benchmark (benches/parse.rs), then the
//! complexity table of hostile input families (benches/complexity.rs), then
//! the batch run of the CLI over 1,000 and 10,000 reports (benches/batch.rs).

use crate::run::{cmd, run, Result};

pub fn fuzz(args: &[String]) -> Result {
    // Two workers (one per core here), each running half of the runs.
    let runs: u64 = args.first().and_then(|r| r.parse().ok()).unwrap_or(1_000_000);
    let targets: Vec<&str> = match args.get(1) {
        Some(t) => vec![t.as_str()],
        None => vec!["parse", "html", "docx", "pdf"],
    };
    if crate::run::output_line("cargo", &["+nightly", "fuzz", "--version"]).is_none() {
        run(&mut cmd("rustup", &["toolchain", "install", "nightly", "--profile", "minimal"]))?;
        run(&mut cmd("cargo", &["install", "cargo-fuzz", "--locked"]))?;
    }
    let corpus = crate::root().join("fuzz/corpus/parse");
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    // The cases (the seeds, the real reports, every shape) and the real tools'
    // extractions (text and HTML), beside the generated reports.
    for entry in std::fs::read_dir(crate::root().join("tests/cases")).map_err(|e| e.to_string())? {
        let dir = entry.map_err(|e| e.to_string())?.path();
        for input in ["input.txt", "input.html"].map(|f| dir.join(f)).iter().filter(|p| p.is_file()) {
            let name = format!(
                "case-{}-{}",
                dir.file_name().unwrap_or_default().to_string_lossy(),
                input.file_name().unwrap_or_default().to_string_lossy()
            );
            std::fs::copy(input, corpus.join(name)).map_err(|e| e.to_string())?;
        }
    }
    for entry in std::fs::read_dir(crate::root().join("tests/extracted")).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if let (Some(name), Some("txt" | "html" | "docx")) =
            (path.file_name(), path.extension().and_then(|e| e.to_str()))
        {
            std::fs::copy(&path, corpus.join(name)).map_err(|e| e.to_string())?;
        }
    }
    let corpus_arg = corpus.to_string_lossy().into_owned();
    // The PDF reader's own corpus: the PDFs alone (text inputs only exercise its refusal).
    let pdfs = crate::root().join("fuzz/corpus/pdf");
    std::fs::create_dir_all(&pdfs).map_err(|e| format!("{}: {e}", pdfs.display()))?;
    for entry in std::fs::read_dir(crate::root().join("tests/extracted")).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if let (Some(name), Some("pdf")) = (path.file_name(), path.extension().and_then(|e| e.to_str())) {
            std::fs::copy(&path, pdfs.join(name)).map_err(|e| e.to_string())?;
        }
    }
    let pdfs_arg = pdfs.to_string_lossy().into_owned();
    run(cmd("cargo", &["test", "--test", "generated", "write_corpus", "--", "--ignored"]).env("GEN_DIR", &corpus_arg))?;
    let runs_arg = format!("-runs={}", runs.div_ceil(2));
    let dict = format!("-dict={}", crate::root().join("fuzz/dict/report.dict").display());
    for target in targets {
        // No sanitizer: the crate has no `unsafe`; overflow checks stay on in the fuzz build.
        let mut c = cmd(
            "cargo",
            &[
                "+nightly",
                "fuzz",
                "run",
                "--sanitizer",
                "none",
                target,
                if target == "pdf" { &pdfs_arg } else { &corpus_arg },
                "--",
                &runs_arg,
                &dict,
                "-jobs=2",
                "-workers=2",
                "-max_len=65536",
                "-len_control=50",
                "-timeout=10",
                "-rss_limit_mb=1024",
                "-print_final_stats=1",
            ],
        );
        c.current_dir(crate::root().join("fuzz"));
        run(&mut c)?;
    }
    Ok(())
}

pub fn bench() -> Result {
    run(&mut cmd("cargo", &["bench", "--bench", "parse"]))?;
    run(&mut cmd("cargo", &["bench", "--bench", "complexity"]))?;
    run(&mut cmd("cargo", &["bench", "--bench", "batch"]))
}

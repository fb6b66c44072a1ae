//! The `nianbao` command line: `nianbao check [--format text|json] [--trace]
//! [--summary] [--] FILE|DIR...` (`-` reads standard input; a folder stands for
//! the report files in it, a .zip for those it holds; `--trace` prints how each report was read;
//! `--summary` one line per file). Files are checked on all cores, output in
//! input order. Exit status: 0 no error, 1 an error found, 2 an input could not
//! be read (missing, not text, over the size limit) or the arguments are
//! wrong. File names need not be UTF-8.

mod batch;

use nianbao::checks::{self, Severity};
use nianbao::text::SourceMap;
use nianbao::views;
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: nianbao check [--format text|json|csv] [--trace] [--summary] [--] FILE|DIR...
                                     (- reads standard input; a folder: its .txt .md .html .docx .pdf files; a .zip: those in it;
                                      --trace: how each report was read, on stderr with json;
                                      --summary: one line per file: agency, year, format, counts, top codes;
                                      csv: every finding of every file, or with --summary the summary)
       nianbao rules [--format text|json]           every check, with its code
       nianbao explain CODE                         one check's documentation";

enum Format {
    Text,
    Json,
    /// `check` only: the problems of all files, or the summary, as CSV.
    Csv,
}

/// The content of `file` (`-`: standard input), read up to one byte past the
/// largest file of its kind taken (`read::file` says what it is, or why it is not read).
fn read(file: &OsStr) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    // One byte past the limit tells an oversized input (or an endless stream) from one at it.
    let cap = nianbao::read::file::read_limit(&file.to_string_lossy()) as u64;
    let read = if file == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(cap).read_to_end(&mut bytes))
    };
    read.map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// `--format text|json` at the start of `args`: the format and the rest.
fn format_flag(args: &[String]) -> Result<(Format, &[String]), String> {
    match args {
        [flag, value, tail @ ..] if flag == "--format" => match value.as_str() {
            "text" => Ok((Format::Text, tail)),
            "json" => Ok((Format::Json, tail)),
            other => Err(format!("unknown format `{other}`")),
        },
        _ => Ok((Format::Text, args)),
    }
}

fn rules(args: &[String]) -> ExitCode {
    match format_flag(args) {
        Ok((Format::Json, [])) => println!("{}", nianbao::views::rules::to_json(checks::RULES)),
        Ok((Format::Text, [])) => {
            for r in checks::RULES {
                println!("{:<12} {:<7} {}", r.code, r.severity.as_str(), r.name);
            }
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn explain(args: &[String]) -> ExitCode {
    match args {
        [code] => match checks::rule(code) {
            Some(rule) => {
                print!("{}", nianbao::views::rules::explain(rule));
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("unknown code `{code}`: `nianbao rules` lists them");
                ExitCode::from(2)
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let command = args.first().and_then(|c| c.to_str()).unwrap_or("");
    let rest = args.get(1..).unwrap_or_default();
    // Only file names may be other than UTF-8.
    let utf8 = || rest.iter().map(|a| a.to_str().map(str::to_owned)).collect::<Option<Vec<String>>>();
    match (command, utf8()) {
        ("check", _) => check(rest),
        ("rules", Some(rest)) => rules(&rest),
        ("explain", Some(rest)) => explain(&rest),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `check`'s options.
struct Options {
    format: Format,
    /// Print the reader's decisions (`views::reading::trace`).
    trace: bool,
    /// Print one line per file instead of the findings (`views::batch`).
    summary: bool,
}

/// `check`'s options, then its files: `--format text|json|csv`, `--trace`, `--summary`, and
/// `--` to end the options (a file may then be named `--format`).
fn check_args(args: &[OsString]) -> Result<(Options, &[OsString]), String> {
    let mut format = Format::Text;
    let mut trace = false;
    let mut summary = false;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        match arg.to_str() {
            Some("--") => return Ok((Options { format, trace, summary }, &args[i + 1..])),
            Some("--trace") => {
                trace = true;
                i += 1;
            }
            Some("--summary") => {
                summary = true;
                i += 1;
            }
            Some("--format") => {
                let value = args.get(i + 1).and_then(|v| v.to_str()).unwrap_or("");
                format = match value {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => return Err(format!("unknown format `{other}`")),
                };
                i += 2;
            }
            Some(flag) if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            _ => break,
        }
    }
    Ok((Options { format, trace, summary }, &args[i..]))
}

fn check(args: &[OsString]) -> ExitCode {
    let (Options { format, trace, summary }, rest) = match check_args(args) {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if rest.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (files, empty) = batch::expand(rest);
    for e in &empty {
        eprintln!("{e}");
    }
    let inputs = batch::open_archives(files, read);
    let names: Vec<String> = inputs.iter().map(batch::Input::name).collect();
    let mut checked = batch::check_all(inputs, read);
    let unreadable = !empty.is_empty() || checked.iter().any(Result::is_err);
    for (name, result) in names.iter().zip(&checked) {
        if let Err(e) = result {
            eprintln!("{name}: {e}");
        }
    }
    // Several reports: the checks across them (the same agency's consecutive years, copied text).
    {
        let mut ok: Vec<&mut (String, nianbao::Report, Vec<checks::Diagnostic>)> =
            checked.iter_mut().filter_map(|c| c.as_mut().ok()).collect();
        let mut findings: Vec<Vec<checks::Diagnostic>> = ok.iter_mut().map(|c| std::mem::take(&mut c.2)).collect();
        let reports: Vec<&nianbao::Report> = ok.iter().map(|c| &c.1).collect();
        checks::add_across(&reports, &mut findings);
        for (c, f) in ok.iter_mut().zip(findings) {
            c.2 = f;
        }
    }
    let mut errors = false;
    let mut rows = Vec::new();
    for (file, result) in names.iter().zip(&checked) {
        let Ok((input, report, diagnostics)) = result else {
            rows.push((file.as_str(), None));
            continue;
        };
        errors |= diagnostics.iter().any(|d| d.severity == Severity::Error);
        if !summary {
            print_one(file, input, report, diagnostics, &format, trace);
        }
        rows.push((file.as_str(), Some((input.as_str(), report, &diagnostics[..]))));
    }
    match (summary, &format) {
        (true, Format::Csv) => print!("{}", views::batch::summary_csv(&summary_rows(&rows, &checked))),
        (true, _) => print!("{}", views::batch::summary_text(&summary_rows(&rows, &checked))),
        (false, Format::Csv) => {
            let files = rows.iter().filter_map(|(f, r)| r.map(|(input, report, d)| (*f, input, report, d)));
            print!("{}", views::batch::problems_csv(files));
        }
        (false, _) => {}
    }
    ExitCode::from(if unreadable {
        2
    } else if errors {
        1
    } else {
        0
    })
}

/// A file and, when it was read, its text, report and findings.
type Done<'a> = (&'a str, Option<(&'a str, &'a nianbao::Report, &'a [checks::Diagnostic])>);

/// The summary's rows (`views::batch`): each file read, or why not.
fn summary_rows(rows: &[Done], checked: &[batch::Checked]) -> Vec<views::batch::Row> {
    let why = |c: &batch::Checked| c.as_ref().err().cloned().unwrap_or_default();
    rows.iter()
        .zip(checked)
        .map(|((file, read), c)| match read {
            Some((_, report, d)) => views::batch::Row::of(file, report, d),
            None => views::batch::Row::unreadable(file, &why(c)),
        })
        .collect()
}

/// One report's findings, as `--format` says.
fn print_one(
    file: &str,
    input: &str,
    report: &nianbao::Report,
    diagnostics: &[checks::Diagnostic],
    format: &Format,
    trace: bool,
) {
    match format {
        Format::Json => {
            if trace {
                eprint!("{}", nianbao::views::reading::trace(file, input, report));
            }
            println!("{}", nianbao::views::json::to_json(file, input, report, diagnostics))
        }
        // All files in one CSV, printed by the caller; the reader's decisions on stderr.
        Format::Csv => {
            if trace {
                eprint!("{}", nianbao::views::reading::trace(file, input, report));
            }
        }
        Format::Text => {
            if trace {
                print!("{}", nianbao::views::reading::trace(file, input, report));
            }
            let map = SourceMap::new(input);
            for d in diagnostics {
                let line = d.span.map_or(0, |s| map.line(s.start));
                println!(
                    "{file}:{line}: {} [{}] {}",
                    d.code,
                    d.severity.as_str(),
                    nianbao::views::messages::message(d)
                );
            }
            let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
            println!(
                "{file}: {} 个错误，{} 个警告，{} 个提示",
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info)
            );
        }
    }
}

//! The `nianbao` command line: `nianbao check [--format text|json] FILE...`
//! (`-` reads standard input). Exit status: 0 no error, 1 an error found,
//! 2 an input could not be read or the arguments are wrong.

use nianbao::checks::{self, Severity};
use nianbao::text::SourceMap;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: nianbao check [--format text|json] FILE...   (- reads standard input)
       nianbao rules [--format text|json]           every check, with its code
       nianbao explain CODE                         one check's documentation";

enum Format {
    Text,
    Json,
}

fn read(file: &str) -> std::io::Result<String> {
    let bytes = if file == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b)?;
        b
    } else {
        std::fs::read(file)?
    };
    // UTF-8, UTF-16 with a BOM or GB18030: what Windows users save.
    Ok(nianbao::text::decode::decode(&bytes).text)
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("", &args[..]),
    };
    match command {
        "check" => check(rest),
        "rules" => rules(rest),
        "explain" => explain(rest),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(args: &[String]) -> ExitCode {
    let (format, rest) = match format_flag(args) {
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
    let mut unreadable = false;
    let mut inputs = Vec::new();
    for file in rest {
        match read(file) {
            Ok(input) => inputs.push((file.as_str(), input)),
            Err(e) => {
                eprintln!("{file}: {e}");
                unreadable = true;
            }
        }
    }
    let reports: Vec<nianbao::Report> = inputs.iter().map(|(_, input)| nianbao::parse(input)).collect();
    let mut diagnostics: Vec<Vec<checks::Diagnostic>> = reports.iter().map(checks::check).collect();
    // Several reports: the checks across them (the same agency's consecutive years, copied text).
    for (i, d) in checks::check_across(&reports.iter().collect::<Vec<_>>()) {
        diagnostics[i].push(d);
    }
    let mut errors = false;
    for (((file, input), report), diagnostics) in inputs.iter().zip(&reports).zip(&mut diagnostics) {
        diagnostics.sort_by_key(|d| d.span.map_or(usize::MAX, |s| s.start));
        errors |= diagnostics.iter().any(|d| d.severity == Severity::Error);
        match format {
            Format::Json => println!("{}", nianbao::views::json::to_json(file, input, report, diagnostics)),
            Format::Text => {
                let map = SourceMap::new(input);
                for d in diagnostics.iter() {
                    let line = d.span.map_or(0, |s| map.line(s.start));
                    println!("{file}:{line}: {} [{}] {}", d.code, d.severity.as_str(), d.message);
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
    ExitCode::from(if unreadable {
        2
    } else if errors {
        1
    } else {
        0
    })
}

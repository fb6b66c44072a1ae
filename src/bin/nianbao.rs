//! The `nianbao` command line: `nianbao check [--format text|json] FILE...`
//! (`-` reads standard input). Exit status: 0 no error, 1 an error found,
//! 2 an input could not be read or the arguments are wrong.

use nianbao::checks::{self, Severity};
use nianbao::text::SourceMap;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: nianbao check [--format text|json] FILE...   (- reads standard input)";

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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(("check", mut rest)) = args.split_first().map(|(c, r)| (c.as_str(), r)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let mut format = Format::Text;
    if let [flag, value, tail @ ..] = rest {
        if flag == "--format" {
            format = match value.as_str() {
                "text" => Format::Text,
                "json" => Format::Json,
                other => {
                    eprintln!("unknown format `{other}`\n{USAGE}");
                    return ExitCode::from(2);
                }
            };
            rest = tail;
        }
    }
    if rest.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (mut errors, mut unreadable) = (false, false);
    for file in rest {
        let input = match read(file) {
            Ok(input) => input,
            Err(e) => {
                eprintln!("{file}: {e}");
                unreadable = true;
                continue;
            }
        };
        let report = nianbao::parse(&input);
        let diagnostics = checks::check(&report);
        errors |= diagnostics.iter().any(|d| d.severity == Severity::Error);
        match format {
            Format::Json => println!("{}", nianbao::views::json::to_json(file, &input, &report, &diagnostics)),
            Format::Text => {
                let map = SourceMap::new(&input);
                for d in &diagnostics {
                    let line = d.span.map_or(0, |s| map.line(s.start));
                    println!("{file}:{line}: {} [{}] {}", d.code, d.severity.as_str(), d.message);
                }
                let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
                println!("{file}: {} 个错误，{} 个警告", count(Severity::Error), count(Severity::Warning));
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

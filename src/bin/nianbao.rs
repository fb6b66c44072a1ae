//! The `nianbao` command line: reads report files and prints what was read.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = match args.split_first() {
        Some((cmd, rest)) if cmd == "check" && !rest.is_empty() => rest.iter().collect(),
        _ => {
            eprintln!("usage: nianbao check FILE...   (- reads standard input)");
            return ExitCode::from(2);
        }
    };
    let mut status = ExitCode::SUCCESS;
    for file in files {
        let text = if file == "-" {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map(|_| s)
        } else {
            std::fs::read(file).map(|b| String::from_utf8_lossy(&b).into_owned())
        };
        match text {
            Ok(text) => {
                let report = nianbao::parse(&text);
                print!("{file}:\n{}", nianbao::views::outline::outline(&report));
            }
            Err(e) => {
                eprintln!("{file}: {e}");
                status = ExitCode::from(2);
            }
        }
    }
    status
}

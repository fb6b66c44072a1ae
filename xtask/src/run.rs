//! Running commands: echo them, fail with their name, optionally keep their output.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

pub type Result<T = ()> = std::result::Result<T, String>;

/// `program args...` as a Command rooted at the workspace.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(crate::root());
    c
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs `c`, streaming its output; an error if it cannot start or exits non-zero.
pub fn run(c: &mut Command) -> Result {
    let what = describe(c);
    println!("$ {what}");
    let status = c.status().map_err(|e| format!("cannot run `{what}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Runs `c`, streaming its standard output and also returning it line by line.
pub fn run_capture(c: &mut Command) -> (Result, Vec<String>) {
    let what = describe(c);
    println!("$ {what}");
    let mut child = match c.stdout(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(e) => return (Err(format!("cannot run `{what}`: {e}")), Vec::new()),
    };
    let mut lines = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(std::result::Result::ok) {
            println!("{line}");
            lines.push(line);
        }
    }
    let result = match child.wait() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("`{what}` failed ({s})")),
        Err(e) => Err(format!("`{what}`: {e}")),
    };
    (result, lines)
}

/// The first line a command prints, if it runs and succeeds.
pub fn output_line(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout).lines().next().map(|l| l.trim().to_owned())
}

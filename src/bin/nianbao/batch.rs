//! Many reports at once: folders walked for report files, archives (.zip)
//! opened for the reports in them, the files read, parsed and checked on all
//! cores (results in input order), progress on stderr for long runs (the
//! summary is `views::batch`).

use nianbao::checks::Diagnostic;
use nianbao::Report;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// The files `args` name: a folder stands for the report files in it and its
/// subfolders (sorted by path, hidden ones skipped; archives and office files
/// that are not read are kept, to be opened or named with advice); other
/// names as given, each file once. A folder holding none is an error, said.
pub fn expand(args: &[OsString]) -> (Vec<OsString>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for arg in args {
        let path = Path::new(arg);
        if arg != "-" && path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            found.sort();
            if found.is_empty() {
                errors.push(format!("{}: 文件夹中没有 .txt、.md、.html、.docx 或 .pdf 文件", path.display()));
            }
            out.extend(found.into_iter().map(OsString::from).filter(|f| seen.insert(f.clone())));
        } else if arg == "-" || seen.insert(arg.clone()) {
            out.push(arg.clone());
        }
    }
    (out, errors)
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // Symbolic links are not followed: a link to a parent would never end.
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, out);
        } else if kind.is_file() && nianbao::read::file::is_batch_name(&entry.file_name().to_string_lossy()) {
            out.push(path);
        }
    }
}

/// What one input gave: its text and report, or why it could not be read.
pub type Checked = Result<(String, Report, Vec<Diagnostic>), String>;

/// An input as it is checked: a file named on the command line or in a
/// folder (read when its turn comes), or a member of an archive, already inflated.
pub enum Input {
    File(OsString),
    /// Named `archive/member`: its bytes, or why there are none.
    Member((String, Result<Vec<u8>, String>)),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::File(f) => f.to_string_lossy().into_owned(),
            Input::Member((name, _)) => name.clone(),
        }
    }
}

/// The inputs `files` stand for: an archive (named .zip, its content a ZIP
/// that is no Word document) stands for the reports in it, named
/// `archive/member`; why an archive gives none is its one input's error.
pub fn open_archives(files: Vec<OsString>, read: Read) -> Vec<Input> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = file.to_string_lossy().into_owned();
        if file == "-" || !nianbao::read::file::is_zip_name(&name) {
            out.push(Input::File(file));
            continue;
        }
        let gbk = |b: &[u8]| encoding_rs::GB18030.decode_without_bom_handling(b).0.into_owned();
        match read(&file) {
            Ok(bytes) if nianbao::read::file::opens_as_archive(&name, &bytes) => {
                let each = |name, data| out.push(Input::Member((name, data)));
                if let Err(why) = nianbao::read::file::archive_members(&name, &bytes, (usize::MAX, ""), gbk, each) {
                    out.push(Input::Member((name, Err(why))));
                }
            }
            Ok(bytes) => out.push(Input::Member((name, Ok(bytes)))),
            Err(why) => out.push(Input::Member((name, Err(why)))),
        }
    }
    out
}

/// How a file's bytes are had (`-`: standard input).
pub type Read = fn(&std::ffi::OsStr) -> Result<Vec<u8>, String>;

/// Reads, parses and checks each input on all cores; results in input order.
pub fn check_all(inputs: Vec<Input>, read: Read) -> Vec<Checked> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(inputs.len().max(1));
    let progress = Progress::new(inputs.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<Checked>> = (0..inputs.len()).map(|_| None).collect();
    let slots = std::sync::Mutex::new(&mut results);
    // Each input is taken by the thread whose turn it is (a member's bytes move, never copied).
    let inputs: Vec<std::sync::Mutex<Option<Input>>> = inputs.into_iter().map(|i| Some(i).into()).collect();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(input) = inputs.get(i) else { break };
                let bytes = match input.lock().ok().and_then(|mut i| i.take()) {
                    Some(Input::File(file)) => read(&file),
                    Some(Input::Member((_, data))) => data,
                    None => Err("未检查".to_owned()),
                };
                // Parsing never panics by design; if it ever did, one file's
                // failure is said for that file, not the end of the whole run.
                let result = bytes.and_then(|bytes| {
                    std::panic::catch_unwind(|| {
                        let decode = |b: &[u8]| nianbao::text::decode::decode(b).text;
                        let (text, report) = nianbao::read::file::parse_file(&bytes, decode)?;
                        let diagnostics = nianbao::checks::check(&report);
                        Ok((text, report, diagnostics))
                    })
                    .unwrap_or_else(|_| Err("检查时程序出错（请报告这个问题），未检查".to_owned()))
                });
                if let Ok(mut slots) = slots.lock() {
                    slots[i] = Some(result);
                }
                progress.tick();
            });
        }
    });
    progress.done();
    results.into_iter().map(|r| r.unwrap_or_else(|| Err("未检查".to_owned()))).collect()
}

/// Progress on stderr: a bar redrawn in place when stderr is a terminal,
/// else a line every 10 % for runs of more than 100 files.
struct Progress {
    total: usize,
    done: std::sync::atomic::AtomicUsize,
    terminal: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress { total, done: std::sync::atomic::AtomicUsize::new(0), terminal: std::io::stderr().is_terminal() }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if self.total <= 100 {
            return;
        }
        let mut err = std::io::stderr().lock();
        if self.terminal {
            let width = 30;
            let filled = done * width / self.total;
            let _ = write!(err, "\r[{}{}] {done}/{}", "#".repeat(filled), " ".repeat(width - filled), self.total);
        } else if done * 10 / self.total != (done - 1) * 10 / self.total {
            let _ = writeln!(err, "已检查 {done}/{} 份", self.total);
        }
    }

    fn done(&self) {
        if self.terminal && self.total > 100 {
            let _ = writeln!(std::io::stderr());
        }
    }
}

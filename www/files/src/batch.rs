//! Many reports at once, for the page's batch (www/src/files.js drives it, in
//! a Worker or between the page's frames): each file read by content and
//! checked as the CLI checks it (`read::file`; an archive stands for the
//! reports in it), then the checks across them, the summary's rows and the
//! batch's exports. Rows go to JS as arrays (`row`).

use nianbao::checks::{self, Diagnostic, Severity};
use nianbao::read::file;
use nianbao::Report;
use text_decoder::decode;
use wasm_bindgen::prelude::*;

#[path = "../../shared/text_decoder.rs"]
mod text_decoder;

struct Read {
    text: String,
    report: Report,
    diagnostics: Vec<Diagnostic>,
}

struct Entry {
    name: String,
    read: Result<Read, String>,
}

/// The reports checked in one batch, at most: every report's text and model
/// is kept for the summary's rows and exports (about 5× its text: the CLI held
/// 1,950 reports of 9.8 MB in 47 MB), and wasm memory ends at 4 GB, where a
/// trap would lose the batch: 5,000 reports of 60 KB stay near 1.5 GB. The
/// others, in archives too, are rows saying so.
const MAX_REPORTS: usize = 5000;
fn too_many() -> String {
    format!("未检查：一次最多检查 {MAX_REPORTS} 个文件，请分批打开，或用命令行 nianbao check")
}

/// The files of one batch, in the order they were added.
#[wasm_bindgen]
#[derive(Default)]
pub struct Batch {
    files: Vec<Entry>,
    /// Files read and checked (of `files`): [`MAX_REPORTS`] at most.
    checked: usize,
    /// For each file read, its pair (last year's, next year's) once `finish` ran.
    pairs: Vec<(Option<usize>, Option<usize>)>,
}

#[wasm_bindgen]
impl Batch {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Reads and checks the file `name` (an archive: each report in it, named
    /// `name/member`) and returns the summary rows it added. `chosen`: the
    /// user named this file (else it came in a folder, where only reports and
    /// office files are rows).
    pub fn add(&mut self, name: String, bytes: &[u8], chosen: bool) -> js_sys::Array {
        let first = self.files.len();
        if file::opens_as_archive(&name, bytes) {
            self.add_archive(&name, bytes);
        } else if Batch::wanted(&name, chosen) {
            self.add_one(name, bytes);
        }
        (first..self.files.len()).map(|i| self.row(i)).collect()
    }

    /// Whether the batch has checked as many reports as it holds: the page
    /// reads no more files, and gives each to `skip`.
    pub fn full(&self) -> bool {
        self.checked >= MAX_REPORTS
    }

    /// The file `name` not read, the batch being full: its row, if it is one.
    pub fn skip(&mut self, name: String, chosen: bool) -> js_sys::Array {
        if !Batch::wanted(&name, chosen) {
            return js_sys::Array::new();
        }
        self.files.push(Entry { name, read: Err(too_many()) });
        std::iter::once(self.row(self.files.len() - 1)).collect()
    }

    /// Whether the file `name` is a row of the batch (`chosen`: the user
    /// named it; else it came in a folder, where only reports, archives and
    /// office files are): the page reads no other.
    pub fn wanted(name: &str, chosen: bool) -> bool {
        chosen || file::is_batch_name(name)
    }

    /// The bytes of the file `name` worth reading (`read::file::read_limit`).
    #[wasm_bindgen(js_name = readLimit)]
    pub fn read_limit(name: &str) -> f64 {
        file::read_limit(name) as f64
    }

    /// A file that could not be given to `add` (the browser could not read it).
    pub fn unreadable(&mut self, name: String, why: String) -> js_sys::Array {
        self.files.push(Entry { name, read: Err(why) });
        self.row(self.files.len() - 1)
    }

    /// The checks across all the files (the same agency's consecutive years,
    /// copied text), added to each file's findings; every row, again.
    pub fn finish(&mut self) -> js_sys::Array {
        let mut ok: Vec<&mut Read> = self.files.iter_mut().filter_map(|f| f.read.as_mut().ok()).collect();
        let mut findings: Vec<Vec<Diagnostic>> = ok.iter_mut().map(|r| std::mem::take(&mut r.diagnostics)).collect();
        let reports: Vec<&Report> = ok.iter().map(|r| &r.report).collect();
        checks::add_across(&reports, &mut findings);
        let pairs = checks::pairs_across(&reports);
        for (r, f) in ok.iter_mut().zip(findings) {
            r.diagnostics = f;
        }
        // Indices among the files read → indices among all files.
        let all: Vec<usize> = (0..self.files.len()).filter(|&i| self.files[i].read.is_ok()).collect();
        self.pairs = vec![(None, None); self.files.len()];
        for (last, this) in pairs {
            self.pairs[all[this]].0 = Some(all[last]);
            self.pairs[all[last]].1 = Some(all[this]);
        }
        (0..self.files.len()).map(|i| self.row(i)).collect()
    }

    /// File `i` for the editor: `[name, text, kind, [page start, …], [[limit, start, end], …]]`
    /// (as `readDocx` and `readPdf` give them), or null.
    pub fn file(&self, i: usize) -> JsValue {
        let Some(Entry { name, read: Ok(read) }) = self.files.get(i) else { return JsValue::NULL };
        let pages: js_sys::Array = read.report.pages.iter().map(|&p| JsValue::from(p as f64)).collect();
        let limits = crate::limits_array(&read.report.limits);
        let kind = read.report.input.as_str();
        [name.into(), read.text.as_str().into(), kind.into(), JsValue::from(pages), limits.into()]
            .into_iter()
            .collect::<js_sys::Array>()
            .into()
    }

    /// An export of the whole batch: `summary` (CSV, a row per file), `problems`
    /// (CSV, every finding of every file) or `jsonl` (a line per file read, as
    /// `nianbao check --format json` prints it).
    pub fn export(&self, kind: &str) -> String {
        let read = || self.files.iter().filter_map(|f| f.read.as_ref().ok().map(|r| (f.name.as_str(), r)));
        match kind {
            "summary" => nianbao::views::batch::summary_csv(&self.rows()),
            "problems" => nianbao::views::batch::problems_csv(
                read().map(|(name, r)| (name, r.text.as_str(), &r.report, &r.diagnostics[..])),
            ),
            _ => read()
                .map(|(name, r)| nianbao::views::json::to_json(name, &r.text, &r.report, &r.diagnostics) + "\n")
                .collect(),
        }
    }
}

impl Batch {
    fn add_one(&mut self, name: String, bytes: &[u8]) {
        if self.full() {
            self.files.push(Entry { name, read: Err(too_many()) });
            return;
        }
        self.checked += 1;
        let read = file::parse_file(bytes, decode).map(|(text, report)| {
            let diagnostics = checks::check(&report);
            Read { text, report, diagnostics }
        });
        self.files.push(Entry { name, read });
    }

    /// Each report (and office file) in the archive, sorted by name; a member
    /// that cannot be inflated is a row saying so.
    fn add_archive(&mut self, archive: &str, bytes: &[u8]) {
        let gbk = |name: &[u8]| {
            web_sys::TextDecoder::new_with_label("gb18030")
                .and_then(|d| d.decode_with_u8_array(name))
                .unwrap_or_else(|_| String::from_utf8_lossy(name).into_owned())
        };
        let full = too_many();
        let room = (MAX_REPORTS.saturating_sub(self.checked), full.as_str());
        let each = |name, data: Result<Vec<u8>, String>| match data {
            Ok(data) => self.add_one(name, &data),
            Err(why) => self.files.push(Entry { name, read: Err(why) }),
        };
        if let Err(why) = file::archive_members(archive, bytes, room, gbk, each) {
            self.files.push(Entry { name: archive.to_owned(), read: Err(why) });
        }
    }

    fn rows(&self) -> Vec<nianbao::views::batch::Row> {
        use nianbao::views::batch::Row;
        let row = |f: &Entry| match &f.read {
            Ok(r) => Row::of(&f.name, &r.report, &r.diagnostics),
            Err(why) => Row::unreadable(&f.name, why),
        };
        self.files.iter().map(row).collect()
    }

    /// Row `i` as `[index, file, agency, year, format, errors, warnings, notes,
    /// [[code, count, rule name], …], why, last year's index, next year's index, [[code, severity, message], …]]`
    /// (null where unknown; the last list: the findings across reports).
    fn row(&self, i: usize) -> js_sys::Array {
        let f = &self.files[i];
        let opt = |s: Option<&str>| s.map_or(JsValue::NULL, JsValue::from);
        let index = |p: Option<usize>| p.map_or(JsValue::NULL, |p| JsValue::from(p as f64));
        let (last, next) = self.pairs.get(i).copied().unwrap_or_default();
        let mut out: Vec<JsValue> = vec![(i as f64).into(), f.name.as_str().into()];
        match &f.read {
            Ok(r) => {
                let m = &r.report.meta;
                let count = |s| r.diagnostics.iter().filter(|d| d.severity == s).count() as f64;
                let summary = nianbao::views::batch::Row::of(&f.name, &r.report, &r.diagnostics);
                let codes = summary.read.map(|s| s.codes).unwrap_or_default();
                let name = |c: &str| checks::rule(c).map_or("", |r| r.name);
                let codes: js_sys::Array = codes
                    .iter()
                    .map(|&(c, n)| js_sys::Array::of3(&c.into(), &(n as f64).into(), &name(c).into()))
                    .collect();
                let across: js_sys::Array = r
                    .diagnostics
                    .iter()
                    .filter(|d| d.code.starts_with("X-"))
                    .map(|d| {
                        let message = nianbao::views::messages::message(d);
                        js_sys::Array::of3(&d.code.into(), &d.severity.as_str().into(), &message.into())
                    })
                    .collect();
                out.extend([
                    opt(m.agency.as_ref().map(|a| a.value.as_str())),
                    m.year.as_ref().map_or(JsValue::NULL, |y| (y.value as f64).into()),
                    opt(m.template.map(|t| t.as_str())),
                    count(Severity::Error).into(),
                    count(Severity::Warning).into(),
                    count(Severity::Info).into(),
                    codes.into(),
                    JsValue::NULL,
                    index(last),
                    index(next),
                    across.into(),
                ]);
            }
            Err(why) => {
                let empty = || JsValue::from(js_sys::Array::new());
                out.extend([JsValue::NULL, JsValue::NULL, JsValue::NULL, 0.into(), 0.into(), 0.into()]);
                out.extend([empty(), why.as_str().into(), JsValue::NULL, JsValue::NULL, empty()]);
            }
        }
        out.into_iter().collect()
    }
}

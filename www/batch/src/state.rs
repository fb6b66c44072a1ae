//! A batch of reports (批量检查): the summary's rows as the files module gives
//! them (www/src/files.js checks the files off the main thread), and how the
//! reviewer sorts and filters them. Every number and name in a row is the
//! core's; this only orders and picks them.

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One file of the batch, as the summary shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The file's place in the batch (files sorted by name).
    pub index: usize,
    pub file: String,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub template: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Each code found, how often and the rule's name, the most frequent first.
    pub codes: Vec<(String, usize, String)>,
    /// Why the file was not read.
    pub why: Option<String>,
    /// The same agency's report of last year and of next year in the batch.
    pub last: Option<usize>,
    pub next: Option<usize>,
    /// The findings across reports (X-*): code, severity, message.
    pub across: Vec<(String, String, String)>,
}

/// A column the summary is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    File,
    Agency,
    Year,
    Format,
    Errors,
    Warnings,
    Infos,
}

/// Which rows the summary shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Only {
    All,
    Errors,
    Problems,
    Unreadable,
}

/// The batch's handle in files.js: its exports and files, asked for when needed.
#[derive(Clone)]
pub struct Handle(pub JsValue);

impl PartialEq for Handle {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

#[derive(Clone, PartialEq)]
pub struct State {
    /// The rows by index (a row comes when its file has been checked).
    pub rows: Vec<Rc<Row>>,
    pub done: usize,
    pub total: usize,
    /// The checks across the files have run: the rows are final.
    pub finished: bool,
    pub failed: Option<String>,
    pub handle: Option<Handle>,
    /// The column and whether descending; `None`: the files' order.
    pub sort: Option<(Sort, bool)>,
    pub filter: String,
    pub only: Only,
}

impl Default for State {
    fn default() -> Self {
        State {
            rows: Vec::new(),
            done: 0,
            total: 0,
            finished: false,
            failed: None,
            handle: None,
            sort: None,
            filter: String::new(),
            only: Only::All,
        }
    }
}

pub enum Action {
    /// Rows checked (rows, files done, files in all, whether final, why it stopped).
    Progress(Vec<Row>, usize, usize, bool, Option<String>),
    Ready(Handle),
    Sort(Sort),
    Filter(String),
    Only(Only),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Progress(rows, done, total, last, failed) => {
                for row in rows {
                    let at = row.index;
                    if s.rows.len() <= at {
                        s.rows.resize_with(at + 1, || Rc::new(placeholder(at)));
                    }
                    s.rows[at] = Rc::new(row);
                }
                s.done = s.done.max(done);
                s.total = s.total.max(total);
                // A batch that failed ends there: no more rows will come.
                s.finished |= last || failed.is_some();
                s.failed = failed.or(s.failed);
            }
            Action::Ready(handle) => s.handle = Some(handle),
            Action::Sort(by) => {
                s.sort = match s.sort {
                    Some((was, descending)) if was == by => Some((by, !descending)),
                    // Counts are read most first; names and years in order.
                    _ => Some((by, matches!(by, Sort::Errors | Sort::Warnings | Sort::Infos))),
                };
            }
            Action::Filter(f) => s.filter = f,
            Action::Only(o) => s.only = o,
        }
        Rc::new(s)
    }
}

/// A row not yet come (an archive's later members arrive before the rows of
/// files after it are numbered): an empty, unread row.
fn placeholder(index: usize) -> Row {
    Row {
        index,
        file: "（尚未检查）".to_owned(),
        agency: None,
        year: None,
        template: None,
        errors: 0,
        warnings: 0,
        infos: 0,
        codes: Vec::new(),
        why: Some("正在检查".to_owned()),
        last: None,
        next: None,
        across: Vec::new(),
    }
}

impl State {
    /// The rows the summary shows, filtered and sorted as the reviewer chose.
    pub fn shown(&self) -> Vec<Rc<Row>> {
        let needle = self.filter.trim().to_ascii_lowercase();
        let mut rows: Vec<Rc<Row>> = self
            .rows
            .iter()
            .filter(|r| match self.only {
                Only::All => true,
                Only::Errors => r.errors > 0,
                Only::Problems => r.errors + r.warnings > 0,
                Only::Unreadable => r.why.is_some(),
            })
            .filter(|r| needle.is_empty() || matches(r, &needle))
            .cloned()
            .collect();
        if let Some((by, descending)) = self.sort {
            rows.sort_by(|a, b| {
                let order = match by {
                    Sort::File => a.file.cmp(&b.file),
                    Sort::Agency => a.agency.cmp(&b.agency),
                    Sort::Year => a.year.cmp(&b.year),
                    Sort::Format => a.template.cmp(&b.template),
                    Sort::Errors => a.errors.cmp(&b.errors),
                    Sort::Warnings => a.warnings.cmp(&b.warnings),
                    Sort::Infos => a.infos.cmp(&b.infos),
                };
                // Ties keep the files' order.
                let order = if descending { order.reverse() } else { order };
                order.then(a.index.cmp(&b.index))
            });
        }
        rows
    }
}

/// Whether the row's file, agency, year or codes hold `needle` (lower case).
fn matches(row: &Row, needle: &str) -> bool {
    row.file.to_ascii_lowercase().contains(needle)
        || row.agency.as_deref().is_some_and(|a| a.contains(needle))
        || row.year.is_some_and(|y| y.to_string().contains(needle))
        || row.codes.iter().any(|(c, _, name)| c.to_ascii_lowercase().contains(needle) || name.contains(needle))
}

impl Handle {
    fn call(&self, method: &str, arg: &JsValue) -> Option<js_sys::Promise> {
        let f = js_sys::Reflect::get(&self.0, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        f.call1(&self.0, arg).ok()?.dyn_into().ok()
    }

    /// The batch's export `kind` (`summary`, `problems`, `jsonl`), as the core writes it.
    pub async fn export(&self, kind: &str) -> Option<String> {
        let promise = self.call("export", &kind.into())?;
        wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_string()
    }

    /// File `i` as the files module gives it for the editor (`Batch.file`).
    pub async fn file(&self, i: usize) -> Option<JsValue> {
        let promise = self.call("file", &(i as f64).into())?;
        wasm_bindgen_futures::JsFuture::from(promise).await.ok().filter(|v| !v.is_null())
    }
}

/// A row as the files module writes it (www/files/src/batch.rs `row`).
pub fn row_of(v: &JsValue) -> Option<Row> {
    let a = v.dyn_ref::<js_sys::Array>()?;
    let n = |i: u32| a.get(i).as_f64().map(|x| x as usize);
    let strings = |v: JsValue| -> Vec<Vec<JsValue>> {
        js_sys::Array::from(&v).iter().map(|x| js_sys::Array::from(&x).iter().collect()).collect()
    };
    let codes = strings(a.get(8))
        .into_iter()
        .filter_map(|c| Some((c.first()?.as_string()?, c.get(1)?.as_f64()? as usize, c.get(2)?.as_string()?)))
        .collect();
    let across = strings(a.get(12))
        .into_iter()
        .filter_map(|c| Some((c.first()?.as_string()?, c.get(1)?.as_string()?, c.get(2)?.as_string()?)))
        .collect();
    Some(Row {
        index: n(0)?,
        file: a.get(1).as_string()?,
        agency: a.get(2).as_string(),
        year: a.get(3).as_f64().map(|y| y as i32),
        template: a.get(4).as_string(),
        errors: n(5).unwrap_or(0),
        warnings: n(6).unwrap_or(0),
        infos: n(7).unwrap_or(0),
        codes,
        why: a.get(9).as_string(),
        last: n(10),
        next: n(11),
        across,
    })
}

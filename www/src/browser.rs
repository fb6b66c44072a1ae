//! What the page asks of the browser: downloads (Blob), the saved draft
//! (localStorage), decoding files (TextDecoder), Word documents and PDFs
//! (read by the page's second wasm module), scrolling. No checking here.

use nianbao::model::InputKind;
use nianbao::text::limits::{Limit, LimitHit};
use nianbao::text::Span;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

#[path = "../shared/text_decoder.rs"]
mod text_decoder;

/// The last text whose check finished and whose results were drawn, and, per
/// tab, the text being checked now (kept until its results are on screen, so
/// a reload after a failed check knows not to re-run it). page.js names these
/// keys too: its crash banner's buttons clear them.
const DRAFT_KEY: &str = "nianbao.draft";
/// The reading limits the draft's HTML reached (S-LIMIT): a reload shows them again.
const DRAFT_LIMITS_KEY: &str = "nianbao.draft.limits";
/// The findings verified (已核实) in the draft, with their reasons (`checks::verified`).
const DRAFT_VERIFIED_KEY: &str = "nianbao.draft.verified";
/// The file the draft's text came from (a Word document or a PDF, with where
/// each page begins): `kind start start …`.
const DRAFT_FILE_KEY: &str = "nianbao.draft.file";
const PENDING_PREFIX: &str = "nianbao.pending";
/// After a pending key: the reading limits of the text pending (a reload after
/// a failed check shows them again, as it does the draft's).
const LIMITS_SUFFIX: &str = ".limits";

thread_local! {
    /// This tab's pending key: tabs never clear each other's.
    static PENDING_KEY: String = format!("{PENDING_PREFIX}.{}", (js_sys::Math::random() * 1e12) as u64);
}

fn pending_key() -> String {
    PENDING_KEY.with(Clone::clone)
}

/// The pending keys any tab left behind (a tab that failed never clears its own).
fn failed_keys(storage: &web_sys::Storage) -> Vec<String> {
    let n = storage.length().unwrap_or(0);
    let keys = (0..n).filter_map(|i| storage.key(i).ok().flatten());
    keys.filter(|k| k.starts_with(PENDING_PREFIX) && !k.ends_with(LIMITS_SUFFIX)).collect()
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Saves the text to a file the user downloads.
pub fn download(name: &str, mime: &str, content: &str) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = Url::revoke_object_url(&url);
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok()?
}

/// What the page found saved when it opened.
pub enum Saved {
    /// A text whose check finished (or nothing), with the reading limits its HTML reached.
    Draft(String, Vec<LimitHit>),
    /// A text whose check never finished (the page failed on it), with its reading limits.
    Failed(String, Vec<LimitHit>),
}

pub fn load() -> Saved {
    let Some(storage) = storage() else { return Saved::Draft(String::new(), Vec::new()) };
    let get = |key: &str| storage.get_item(key).ok().flatten().unwrap_or_default();
    let failed = failed_keys(&storage).into_iter().next();
    match failed.as_deref().and_then(|k| Some((storage.get_item(k).ok().flatten()?, k))) {
        Some((pending, key)) => Saved::Failed(pending, decode_limits(&get(&format!("{key}{LIMITS_SUFFIX}")))),
        None => Saved::Draft(get(DRAFT_KEY), decode_limits(&get(DRAFT_LIMITS_KEY))),
    }
}

/// The findings verified in the draft.
pub fn load_verified() -> nianbao::checks::verified::Verified {
    let stored = storage().and_then(|s| s.get_item(DRAFT_VERIFIED_KEY).ok().flatten()).unwrap_or_default();
    nianbao::checks::verified::Verified::decode(&stored)
}

/// The file the draft came from and its pages, as [`end_check`] stored them.
pub fn load_file() -> (InputKind, Vec<usize>) {
    let stored = storage().and_then(|s| s.get_item(DRAFT_FILE_KEY).ok().flatten()).unwrap_or_default();
    let mut parts = stored.split(' ');
    let kind = match parts.next() {
        Some("docx") => InputKind::Docx,
        Some("pdf") => InputKind::Pdf,
        _ => return (InputKind::Text, Vec::new()),
    };
    (kind, parts.filter_map(|p| p.parse().ok()).collect())
}

/// Limit hits as stored: `key start end` (or `key - -` when the place is lost), `;` between.
fn encode_limits(hits: &[LimitHit]) -> String {
    let place = |h: &LimitHit| h.span.map_or("- -".to_owned(), |s| format!("{} {}", s.start, s.end));
    hits.iter().map(|h| format!("{} {}", h.limit.key(), place(h))).collect::<Vec<_>>().join(";")
}

/// What [`encode_limits`] wrote; anything else is skipped.
fn decode_limits(stored: &str) -> Vec<LimitHit> {
    stored
        .split(';')
        .filter_map(|hit| {
            let mut parts = hit.split(' ');
            let limit = Limit::from_key(parts.next()?)?;
            let (start, end) = (parts.next()?.parse().ok(), parts.next()?.parse().ok());
            let span = start.zip(end).filter(|(s, e)| s <= e).map(|(s, e)| Span::new(s, e));
            Some(LimitHit { limit, span })
        })
        .collect()
}

/// Whether the browser kept the text: `false` when it refused (quota).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kept {
    Yes,
    No,
    /// The browser keeps nothing for this page (storage blocked).
    Unavailable,
}

/// Writes `text` under `key` (an empty text removes it). A refused write
/// removes what was there: an older text must never come back silently.
fn keep(storage: &web_sys::Storage, key: &str, text: &str) -> Kept {
    if text.is_empty() || storage.set_item(key, text).is_ok() {
        if text.is_empty() {
            let _ = storage.remove_item(key);
        }
        return Kept::Yes;
    }
    let _ = storage.remove_item(key);
    Kept::No
}

/// Before checking `text`: it is kept as pending with its reading limits (or,
/// when too large, an empty pending mark says a check was running).
pub fn begin_check(text: &str, limits: &[LimitHit]) {
    if let Some(storage) = storage() {
        let key = pending_key();
        keep(&storage, &format!("{key}{LIMITS_SUFFIX}"), &encode_limits(limits));
        if keep(&storage, &key, text) == Kept::No || text.is_empty() {
            let _ = storage.set_item(&key, "");
        }
    }
}

/// After the check of `text` finished: it becomes the draft, with the reading
/// limits its HTML reached and the findings verified in it, unless `save` is
/// off (another tab owns the draft now).
pub fn end_check(
    text: &str,
    limits: &[LimitHit],
    verified: &nianbao::checks::verified::Verified,
    (kind, pages): &(InputKind, Vec<usize>),
    save: bool,
) -> Kept {
    let Some(storage) = storage() else { return Kept::Unavailable };
    // Pending first: the text is not stored twice when the draft is written.
    let _ = storage.remove_item(&pending_key());
    let _ = storage.remove_item(&format!("{}{LIMITS_SUFFIX}", pending_key()));
    if !save {
        return Kept::Yes;
    }
    // The limits first, so that a draft never comes back with another text's limits.
    let kept_limits = keep(&storage, DRAFT_LIMITS_KEY, &encode_limits(limits));
    let file = match kind {
        InputKind::Docx | InputKind::Pdf => std::iter::once(kind.as_str().to_owned())
            .chain(pages.iter().map(usize::to_string))
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    };
    let kept_pages = keep(&storage, DRAFT_FILE_KEY, &file);
    // Rewritten only when it changed (it is the same on nearly every keystroke).
    let encoded = verified.encode();
    let stored = storage.get_item(DRAFT_VERIFIED_KEY).ok().flatten().unwrap_or_default();
    let kept_verified = if stored == encoded { Kept::Yes } else { keep(&storage, DRAFT_VERIFIED_KEY, &encoded) };
    match keep(&storage, DRAFT_KEY, text) {
        Kept::Yes if [kept_limits, kept_verified, kept_pages].iter().all(|k| *k == Kept::Yes) => Kept::Yes,
        _ => {
            let _ = storage.remove_item(DRAFT_LIMITS_KEY);
            let _ = storage.remove_item(DRAFT_FILE_KEY);
            let _ = storage.remove_item(DRAFT_VERIFIED_KEY);
            let _ = storage.remove_item(DRAFT_KEY);
            Kept::No
        }
    }
}

/// Forgets the text that failed (the user chose 清空 or a new text).
pub fn forget_failed() {
    if let Some(storage) = storage() {
        for key in failed_keys(&storage) {
            let _ = storage.remove_item(&key);
            let _ = storage.remove_item(&format!("{key}{LIMITS_SUFFIX}"));
        }
    }
}

/// Calls `changed` when another tab writes the draft.
pub fn on_draft_changed_elsewhere(changed: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let w = window()?;
    Some(gloo::events::EventListener::new(&w, "storage", move |e| {
        let key = e.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key());
        // The text, or only what was verified in it (the same text saved again fires no event).
        if matches!(key.as_deref(), Some(DRAFT_KEY | DRAFT_VERIFIED_KEY | DRAFT_LIMITS_KEY | DRAFT_FILE_KEY)) {
            changed();
        }
    }))
}

pub use text_decoder::decode;

/// Scrolls the element with `id` into view, if it exists.
pub fn reveal(id: &str) {
    if let Some(element) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Moves the focus to the element with `id`, if it exists.
pub fn focus(id: &str) {
    let found = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Scrolls the page as little as it takes to show the first element matching `selector`.
pub fn reveal_nearest(selector: &str) {
    let found = window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(element) = found {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Today's date as the page prints it (2026年12月2日).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{}年{}月{}日", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The running header of the printed pages (`@page` in style.css shows
/// `--nb-running`), set through the CSSOM, which the CSP allows.
pub fn set_print_header(text: &str) {
    let root = window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let escaped: String = text
            .chars()
            .filter(|c| !c.is_control())
            .flat_map(|c| match c {
                '"' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        let _ = root.style().set_property("--nb-running", &format!("\"{escaped}\""));
    }
}

/// Bytes as megabytes with one decimal (`10.3`), without float formatting (its code is kilobytes of wasm).
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + (1 << 19)) >> 20;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Puts `text` on the clipboard where the page may (a secure context); elsewhere does nothing.
pub fn copy_text(text: &str) {
    let Some(w) = window() else { return };
    let navigator = js_sys::Reflect::get(&w, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object());
    let write = clipboard.as_ref().and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok());
    if let (Some(c), Some(f)) = (clipboard, write.and_then(|f| f.dyn_into::<js_sys::Function>().ok())) {
        // A refused write is a rejected promise: the value is still shown on the button.
        if let Ok(p) = f.call1(&c, &text.into()).and_then(|p| p.dyn_into::<js_sys::Promise>()) {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/files.js")]
extern "C" {
    #[wasm_bindgen(js_name = readDocx)]
    fn read_docx_js(bytes: js_sys::Uint8Array) -> js_sys::Promise;
    #[wasm_bindgen(js_name = readPdf)]
    fn read_pdf_js(bytes: js_sys::Uint8Array) -> js_sys::Promise;
    #[wasm_bindgen(js_name = readExample)]
    fn read_example_js(name: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = readRule)]
    fn read_rule_js(code: &str) -> js_sys::Promise;
}

/// A rule's documentation beyond what checking needs (`checks::RuleDoc`'s sections).
#[derive(Clone, PartialEq)]
pub struct RuleText {
    pub what: String,
    pub why: String,
    pub bad: String,
    pub good: String,
    pub basis: String,
}

/// Rule `code`'s documentation, from `rules.json` beside the page (`files.js`:
/// the first load does not carry it); `Err`: the message to show.
pub async fn read_rule(code: &str) -> Result<RuleText, String> {
    let value = wasm_bindgen_futures::JsFuture::from(read_rule_js(code))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "无法载入规则说明".to_owned()))?;
    let section = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok().and_then(|v| v.as_string());
    let text = |name| section(name).unwrap_or_default();
    Ok(RuleText { what: text("what"), why: text("why"), bad: text("bad"), good: text("good"), basis: text("basis") })
}

/// The text of the example file `name`, fetched from beside the page (`files.js`);
/// `Err`: the message to show.
pub async fn read_example(name: &str) -> Result<String, String> {
    let value = wasm_bindgen_futures::JsFuture::from(read_example_js(name))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "无法载入示例".to_owned()))?;
    Ok(value.as_string().unwrap_or_default())
}

/// The text of a PDF and where each page's text begins (byte offsets), read by
/// the page's second wasm module (`files.js`); `Err`: the message to show.
pub async fn read_pdf(bytes: &[u8]) -> Result<(String, Vec<usize>), String> {
    // A copy: the other module reads it later, when this one's memory may have moved.
    let copy = js_sys::Uint8Array::from(bytes);
    let value = wasm_bindgen_futures::JsFuture::from(read_pdf_js(copy))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "无法读取这个 PDF 文件".to_owned()))?;
    let result = js_sys::Array::from(&value);
    let text = result.get(0).as_string().unwrap_or_default();
    let pages = js_sys::Array::from(&result.get(1)).iter().filter_map(|p| p.as_f64()).map(|p| p as usize).collect();
    Ok((text, pages))
}

/// The text of a Word document and the reading limits its tables reached
/// (spans in the text), read by the page's second wasm module, loaded now
/// if it is not yet (`files.js`); `Err`: the message to show.
pub async fn read_docx(bytes: &[u8]) -> Result<(String, Vec<LimitHit>), String> {
    // A copy: the other module reads it later, when this one's memory may have moved.
    let copy = js_sys::Uint8Array::from(bytes);
    let value = wasm_bindgen_futures::JsFuture::from(read_docx_js(copy))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "无法读取这个 Word 文档".to_owned()))?;
    let result = js_sys::Array::from(&value);
    let text = result.get(0).as_string().unwrap_or_default();
    let limits = limits_of(&result.get(1));
    Ok((text, limits))
}

/// Reading limits as the files module gives them, `[[limit, start, end], …]` (-1: no place).
pub fn limits_of(value: &JsValue) -> Vec<LimitHit> {
    let offset = |v: JsValue| v.as_f64().filter(|v| *v >= 0.0).map(|v| v as usize);
    js_sys::Array::from(value)
        .iter()
        .filter_map(|hit| {
            let hit = js_sys::Array::from(&hit);
            let limit = Limit::from_key(&hit.get(0).as_string()?)?;
            let span = offset(hit.get(1)).zip(offset(hit.get(2))).map(|(s, e)| Span::new(s, e));
            Some(LimitHit { limit, span })
        })
        .collect()
}

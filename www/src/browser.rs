//! What the page asks of the browser: downloads (Blob), the saved draft
//! (localStorage), decoding files (TextDecoder), scrolling. No checking here.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, TextDecoder, Url};

const DRAFT_KEY: &str = "nianbao.draft";

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

pub fn load_draft() -> Option<String> {
    window()?.local_storage().ok()??.get_item(DRAFT_KEY).ok()?
}

pub fn save_draft(text: &str) {
    if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = if text.is_empty() { storage.remove_item(DRAFT_KEY) } else { storage.set_item(DRAFT_KEY, text) };
    }
}

/// A file's bytes as text: the core tells the encoding (BOM, UTF-8, else
/// GB18030), the browser's TextDecoder decodes it.
pub fn decode(bytes: &[u8]) -> String {
    let (encoding, bom) = nianbao::text::decode::sniff(bytes);
    let body = &bytes[bom..];
    TextDecoder::new_with_label(encoding.name())
        .and_then(|d| d.decode_with_u8_array(body))
        .unwrap_or_else(|_| String::from_utf8_lossy(body).into_owned())
}

/// Scrolls the element with `id` into view, if it exists.
pub fn reveal(id: &str) {
    if let Some(element) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Scrolls the first element matching `selector` into view, if there is one.
pub fn reveal_first(selector: &str) {
    let found = window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(element) = found {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

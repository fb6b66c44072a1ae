//! The page's second wasm module: the readers of the files people open that
//! are not text (Word .docx and PDF), loaded only when such a file is opened
//! so that the first load stays small (`www/src/files.js` loads it). It holds
//! no logic of its own: it hands the file to the core's reader and returns
//! the text, which the page then checks like any other.

mod batch;

use nianbao::text::limits::LimitHit;
use wasm_bindgen::prelude::*;

/// The text of a Word document and the reading limits its tables reached, as
/// `[text, [[limit, start, end], …]]` (limit: `table_columns`, `rowspan`,
/// `table_depth`; byte offsets into the text, -1 when unknown); throws the
/// message to show when the file is not a readable .docx.
#[wasm_bindgen(js_name = readDocx)]
pub fn read_docx(bytes: &[u8]) -> Result<js_sys::Array, JsValue> {
    let extracted = nianbao::text::docx::read(bytes).map_err(|e| JsValue::from_str(e.message()))?;
    Ok(js_sys::Array::of2(&extracted.text.into(), &limits_array(&extracted.limits)))
}

/// Reading limits as `[[limit, start, end], …]` (-1 where the place is unknown).
fn limits_array(hits: &[LimitHit]) -> js_sys::Array {
    let at = |v: Option<usize>| v.map_or(-1.0, |v| v as f64);
    hits.iter()
        .map(|hit| {
            let (start, end) = (at(hit.span.map(|s| s.start)), at(hit.span.map(|s| s.end)));
            js_sys::Array::of3(&hit.limit.key().into(), &start.into(), &end.into())
        })
        .collect()
}

/// The text of a PDF, its characters laid out in lines by where they stand
/// (`text::pdf`), and where each page's text begins, as `[text, [offset, …]]`
/// (byte offsets into the text); throws the message to show when it has none.
#[wasm_bindgen(js_name = readPdf)]
pub fn read_pdf(bytes: &[u8]) -> Result<js_sys::Array, JsValue> {
    let extracted = nianbao::text::pdf::text(bytes).map_err(|e| JsValue::from_str(e.message()))?;
    let pages: js_sys::Array = extracted.pages.iter().map(|&p| JsValue::from(p as f64)).collect();
    Ok(js_sys::Array::of2(&extracted.text.into(), &pages))
}

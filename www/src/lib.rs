//! 年报体检 web app: a Yew page that renders what the nianbao core computed.
//! It holds no checking logic of its own. Also the JS API: `check(text)`.

mod app;
mod batch;
mod browser;
mod checked;
mod draft;
mod edit;
mod editor;
mod explain;
mod file_text;
mod findings;
mod grid;
mod input;
mod keys;
mod normalized;
mod notice;
mod page;
mod samples;
mod summary;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use app::App;

/// Mounts the app into `root`. Called by `boot.js` after the wasm is loaded.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    // Through Yew, which otherwise installs its own hook when it renders.
    yew::set_custom_panic_hook(Box::new(|info| show_error(&info.to_string())));
    yew::Renderer::<page::Page>::with_root(root).render();
}

/// A panic must not blank the page: page.js draws the crash banner (it needs
/// no working wasm, and draws it for traps too); the text stays in the editor.
fn show_error(detail: &str) {
    let global = js_sys::global();
    let draw = js_sys::Reflect::get(&global, &JsValue::from_str("nianbaoCrash")).ok();
    if let Some(draw) = draw.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = draw.call1(&global, &JsValue::from_str(detail));
    }
}

/// The JSON object the command line prints for `text` (schema.md), as a JS object:
/// `import init, { check } from './pkg/nianbao_web.js'; await init(); check(text)`.
/// A value that is not a string is a TypeError, and a text over the size limit
/// an Error, never a trap.
#[wasm_bindgen]
pub fn check(text: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = text.as_string() else {
        return Err(js_sys::TypeError::new("check(text): text must be a string").into());
    };
    let limit = nianbao::text::limits::MAX_INPUT_BYTES;
    if text.len() > limit {
        return Err(js_sys::Error::new(&format!("check(text): text is over {} MB", limit >> 20)).into());
    }
    if !checked::room_for(text.len()) {
        return Err(js_sys::Error::new("check(text): not enough memory to check a text this large").into());
    }
    let checked = checked::Checked::from_input(text);
    js_sys::JSON::parse(&checked.json())
}

/// Runs out of memory on purpose (allocation failure aborts, a trap no hook
/// sees), to test that the page survives that too (the e2e test calls it).
#[wasm_bindgen]
pub fn selftest_out_of_memory() {
    let mut held: Vec<Vec<u8>> = Vec::new();
    loop {
        // Reserved, not written: the address space runs out, not the machine's memory.
        held.push(Vec::with_capacity(1 << 30));
        std::hint::black_box(&held);
    }
}

thread_local! {
    static HELD: std::cell::RefCell<Vec<Vec<u8>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Takes this page's memory on purpose, leaving about `megabytes` free, to
/// test that a text too large for what is left is refused, not checked (the
/// e2e test calls it; the page never does).
#[wasm_bindgen]
pub fn selftest_leave_free(megabytes: u32) {
    const BLOCK: usize = 16 << 20;
    HELD.with(|held| {
        let mut held = held.borrow_mut();
        loop {
            let mut block = Vec::new();
            // Reserved, not written, until the address space runs out.
            if block.try_reserve_exact(BLOCK).is_err() {
                break;
            }
            held.push(block);
        }
        let freed = (megabytes as usize).div_ceil(16);
        let keep = held.len().saturating_sub(freed);
        held.truncate(keep);
    });
}

/// Panics on purpose, to test that a panic keeps the page and the text (the
/// e2e test of the crash banner calls it; the page never does).
#[wasm_bindgen]
pub fn selftest_panic() {
    std::panic::panic_any("selftest_panic: a deliberate panic");
}

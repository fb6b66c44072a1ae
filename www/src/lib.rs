//! 年报体检 web app: a Yew page that renders what the nianbao core computed.
//! It holds no checking logic of its own. Also the JS API: `check(text)`.

mod app;
mod browser;
mod checked;
mod findings;
mod input;
mod normalized;
mod samples;
mod source;
mod summary;

use wasm_bindgen::prelude::*;

pub use app::App;

/// Mounts the app into `root`. Called by `boot.js` after the wasm is loaded.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    // Through Yew, which otherwise installs its own hook when it renders.
    yew::set_custom_panic_hook(Box::new(|info| show_error(&info.to_string())));
    yew::Renderer::<App>::with_root(root).render();
}

/// A panic must not blank the page: the text stays (and is saved), and a message says what happened.
fn show_error(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    if let Ok(banner) = document.create_element("div") {
        banner.set_class_name("nb-crash");
        let _ = banner.set_attribute("role", "alert");
        // The text that failed stays pending in the browser, so a reload does not check it
        // again; the buttons are handled by boot.js, which needs no working wasm.
        let message = document.create_element("p");
        if let Ok(p) = &message {
            p.set_text_content(Some(&format!(
                "检查时出错，页面已停止更新。文字仍在输入框中，可以复制保存；刷新页面后不会自动重新检查这份文字，可以选择重试或清空。请把这份报告和下面的信息反馈给维护者：{detail}"
            )));
            let _ = banner.append_child(p);
        }
        for (id, label) in [("nb-crash-reload", "刷新页面（不自动检查）"), ("nb-crash-clear", "清空并重新开始")]
        {
            if let Ok(button) = document.create_element("button") {
                button.set_id(id);
                let _ = button.set_attribute("type", "button");
                button.set_class_name("nb-button");
                button.set_text_content(Some(label));
                let _ = banner.append_child(&button);
            }
        }
        let _ = body.prepend_with_node_1(&banner);
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
    let checked = checked::Checked::from_input(text);
    js_sys::JSON::parse(&checked.json())
}

/// Panics on purpose, to test that a panic keeps the page and the text (the
/// e2e test of the crash banner calls it; the page never does).
#[wasm_bindgen]
pub fn selftest_panic() {
    std::panic::panic_any("selftest_panic: a deliberate panic");
}

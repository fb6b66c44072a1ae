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
        banner.set_text_content(Some(&format!(
            "检查时出错，页面已停止更新。您的文字已保存在本机，刷新页面即可恢复。请把这份报告和下面的信息反馈给维护者：{detail}"
        )));
        let _ = body.prepend_with_node_1(&banner);
    }
}

/// The JSON object the command line prints for `text` (schema.md), as a JS object:
/// `import init, { check } from './pkg/nianbao_web.js'; await init(); check(text)`.
#[wasm_bindgen]
pub fn check(text: &str) -> Result<JsValue, JsValue> {
    let checked = checked::Checked::new(text.to_owned());
    js_sys::JSON::parse(&checked.json())
}

/// Panics on purpose, to test that a panic keeps the page and the text (the
/// e2e test of the crash banner calls it; the page never does).
#[wasm_bindgen]
pub fn selftest_panic() {
    std::panic::panic_any("selftest_panic: a deliberate panic");
}

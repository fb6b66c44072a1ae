//! 年报体检 web app: a Yew page that renders what the nianbao core computed.
//! It holds no checking logic of its own.

mod app;

use wasm_bindgen::prelude::*;

pub use app::App;

/// Mounts the app into `root`. Called by `boot.js` after the wasm is loaded.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}

//! Browser tests of the app component, run by wasm-bindgen-test in headless Chromium.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED_002: &str = include_str!("../../tests/cases/seed-002_400511ad0ee379b5/input.txt");

fn field(root: &web_sys::Element, name: &str) -> String {
    root.query_selector(&format!("[data-field='{name}']"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn typing_a_report_shows_what_was_read() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    nianbao_web::mount(root.clone());
    yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    // Before a report: what the tool does, no empty metadata.
    assert!(root.query_selector(".nb-empty").unwrap().is_some());
    assert!(root.query_selector("[data-field='year']").unwrap().is_none());

    let area: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    area.set_value(SEED_002);
    area.dispatch_event(&Event::new("input").unwrap()).unwrap();
    // Typing is checked once it pauses.
    yew::platform::time::sleep(std::time::Duration::from_millis(400)).await;

    assert_eq!(field(&root, "year"), "2020");
    let cell = root.query_selector("[data-cell='requests.new.total']").unwrap().unwrap();
    // Named by N-APPS, which cannot tell whether the text or the table is wrong:
    // marked as involved (a dotted frame), not as the wrong cell.
    assert_eq!(cell.text_content().unwrap_or_default().trim(), "1");
    assert_eq!(cell.get_attribute("data-role").as_deref(), Some("involved"));
    assert_eq!(cell.get_attribute("aria-invalid"), None);
    assert!(root.query_selector("button[data-code='N-APPS']").unwrap().is_some());
}

#[wasm_bindgen_test]
fn js_api_returns_the_cli_json_object() {
    let value = nianbao_web::check(SEED_002.into()).unwrap();
    let json = js_sys::JSON::stringify(&value).unwrap().as_string().unwrap();
    assert!(json.contains(r#""year":2020"#), "{json}");
    assert!(json.contains(r#""code":"N-APPS""#), "{json}");
    // Not a string: a TypeError, not a trap.
    let err = nianbao_web::check(42.into()).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn core_reads_a_seed_in_wasm() {
    let report = nianbao::parse(SEED_002);
    assert_eq!(report.meta.year.map(|y| y.value), Some(2020));
}

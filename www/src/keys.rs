//! The keys that move through the findings: n / p (or j / k), when the focus
//! is not in a field. The listener is registered once and reads the current
//! position from a cell, so quick presses follow each other even before the
//! page re-renders.

use crate::browser;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Moves the chosen finding (`selected`) through `order`, the list's order
/// (errors first), while the findings are `shown` (not behind a batch's summary).
#[hook]
pub fn use_finding_keys(order: Vec<usize>, selected: UseStateHandle<Option<usize>>, shown: bool) {
    let position = use_mut_ref(|| (Vec::<usize>::new(), None::<usize>, false));
    *position.borrow_mut() = (order, *selected, shown);
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            // Not passive: the keys it handles do not also scroll the page.
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
                if typing || e.ctrl_key() || e.meta_key() || e.alt_key() || !position.borrow().2 {
                    return;
                }
                // In the order the list shows them (errors first).
                let next = {
                    let (order, current, _) = &*position.borrow();
                    let count = order.len();
                    let at = current.and_then(|c| order.iter().position(|&i| i == c));
                    match e.key().as_str() {
                        "n" | "j" if count > 0 => Some(order[at.map_or(0, |k| (k + 1) % count)]),
                        "p" | "k" if count > 0 => Some(order[at.map_or(count - 1, |k| (k + count - 1) % count)]),
                        _ => None,
                    }
                };
                if let Some(i) = next {
                    e.prevent_default();
                    position.borrow_mut().1 = Some(i);
                    selected.set(Some(i));
                    browser::reveal(&format!("nb-finding-{i}"));
                }
            })
        });
        move || drop(listener)
    });
}

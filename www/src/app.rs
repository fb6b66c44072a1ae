//! The page: the input on the left; the summary, the findings and the two
//! views (source with marks, normalized report) on the right. State lives
//! here; the components below only render what the core computed.

use crate::browser;
use crate::checked::Checked;
use crate::findings::Findings;
use crate::input::Input;
use crate::normalized::Normalized;
use crate::source::Source;
use crate::summary::{Exports, Summary};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long typing pauses before the report is checked again.
const DEBOUNCE_MS: u32 = 120;

/// The checked input, compared by identity (a new check is a new value).
#[derive(Clone)]
pub struct Shared(pub Rc<Checked>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What every view of the findings gets: the checked input, the chosen
/// finding, and how to choose one.
#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub checked: Shared,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

#[component]
pub fn App() -> Html {
    let text = use_state(|| browser::load_draft().unwrap_or_default());
    let checked = use_state(|| Shared(Rc::new(Checked::new((*text).clone()))));
    let selected = use_state(|| None::<usize>);
    let pending = use_mut_ref(|| None::<Timeout>);

    // Re-check the text: at once for a paste, a file or an example; for typing,
    // shortly after it pauses. The draft is kept in the browser.
    let on_text = {
        let text = text.clone();
        let checked = checked.clone();
        let selected = selected.clone();
        let pending = pending.clone();
        Callback::from(move |(new_text, at_once): (String, bool)| {
            text.set(new_text.clone());
            let checked = checked.clone();
            let selected = selected.clone();
            let run = move || {
                browser::save_draft(&new_text);
                checked.set(Shared(Rc::new(Checked::new(new_text))));
                selected.set(None);
            };
            if at_once {
                pending.borrow_mut().take();
                run();
            } else {
                *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, run));
            }
        })
    };

    // n / p (or j / k) move through the findings when the focus is not in the text.
    // The listener is registered once and reads the current position from a cell,
    // so quick presses follow each other even before the page re-renders.
    let position = use_mut_ref(|| (0usize, None::<usize>));
    *position.borrow_mut() = (checked.0.diagnostics.len(), *selected);
    {
        let selected = selected.clone();
        let position = position.clone();
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
                    let (count, current) = *position.borrow();
                    if typing || count == 0 || e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let next = match e.key().as_str() {
                        "n" | "j" => Some(current.map_or(0, |i| (i + 1) % count)),
                        "p" | "k" => Some(current.map_or(count - 1, |i| (i + count - 1) % count)),
                        _ => None,
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

    let on_select = {
        let selected = selected.clone();
        Callback::from(move |i: usize| selected.set(Some(i)))
    };
    html! {
        <div class="nb-page">
            <header class="nb-header">
                <h1>{ "年报体检" }</h1>
                <p class="nb-lead">{ "粘贴政府信息公开工作年度报告全文，立即检查勾稽关系、空白单元格、正文与表格是否一致。全部在本机浏览器内完成，不上传任何内容。" }</p>
            </header>
            <main class="nb-main">
                <section class="nb-left" aria-label="输入">
                    <Input text={(*text).clone()} {on_text} />
                </section>
                <section class="nb-right" aria-label="检查结果">
                    <Summary checked={(*checked).clone()} />
                    <Exports checked={(*checked).clone()} />
                    <Findings checked={(*checked).clone()} selected={*selected} on_select={on_select.clone()} />
                    <Source checked={(*checked).clone()} selected={*selected} on_select={on_select.clone()} />
                    <Normalized checked={(*checked).clone()} selected={*selected} {on_select} />
                </section>
            </main>
            <footer class="nb-footer">
                <p>{ "依据：《中华人民共和国政府信息公开条例》；国办公开办函〔2019〕60号、〔2021〕30号年度报告格式。快捷键：n / p 切换到下一个 / 上一个问题。" }</p>
            </footer>
        </div>
    }
}

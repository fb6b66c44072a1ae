//! The editor: the report text (报告全文) in a textarea, over a backdrop that
//! draws the last check's marks under the same characters (same font, padding
//! and wrapping; scrolled with it). Choosing a finding selects its span and
//! scrolls the editor, not the page. A mark under the pointer, or the caret in
//! a mark, shows a small card: what, 怎么改, the suggested value as an action.

use crate::app::Shared;
use crate::browser;
use crate::checked::Checked;
use nianbao::views::messages;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: String,
    pub checked: Shared,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
    pub area: NodeRef,
    pub oninput: Callback<InputEvent>,
    /// An input method's composition ended (Yew has no listener for it: added by hand).
    pub oncompositionend: Callback<Event>,
    pub onpaste: Callback<Event>,
    pub ondrop: Callback<DragEvent>,
    pub ondragover: Callback<DragEvent>,
}

/// The findings a card is about, and where it stands in the editor (px).
#[derive(Clone, PartialEq)]
struct Card {
    findings: Vec<usize>,
    /// How many findings cover the mark (`findings` names the first few).
    count: usize,
    top: f64,
    left: f64,
    /// Shown for the caret (its buttons can be reached), not only for the pointer.
    caret: bool,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let backdrop = use_node_ref();
    let wrap = use_node_ref();
    let card = use_state(|| None::<Card>);
    let card_node = use_node_ref();
    {
        // Placed through the CSSOM: the strict CSP refuses style attributes.
        let node = card_node.clone();
        use_effect_with((*card).clone(), move |card| {
            if let (Some(k), Some(el)) = (card, node.cast::<HtmlElement>()) {
                let style = el.style();
                let _ = style.set_property("top", &format!("{}px", k.top as i32));
                let _ = style.set_property("left", &format!("{}px", k.left as i32));
            }
        });
    }
    let c = &props.checked.0;
    // Marks belong to the text they were found in: while a newer text waits for
    // its check (large inputs, typing), the backdrop shows it unmarked.
    let current = c.input == props.text;

    let sync = {
        let (area, backdrop) = (props.area.clone(), backdrop.clone());
        move || {
            if let (Some(a), Some(b)) = (area.cast::<Element>(), backdrop.cast::<Element>()) {
                b.set_scroll_top(a.scroll_top());
                b.set_scroll_left(a.scroll_left());
            }
        }
    };
    {
        let (area, on_end) = (props.area.clone(), props.oncompositionend.clone());
        // Attached again with each new callback: an old one sees an old text.
        use_effect_with(on_end.clone(), move |on_end| {
            let on_end = on_end.clone();
            let listener = area
                .cast::<Element>()
                .map(|a| gloo::events::EventListener::new(&a, "compositionend", move |e| on_end.emit(e.clone())));
            move || drop(listener)
        });
    }
    let onscroll = {
        let (sync, card) = (sync.clone(), card.clone());
        Callback::from(move |_: Event| {
            sync();
            // Its place was the mark's before the scroll.
            if card.is_some() {
                card.set(None);
            }
        })
    };
    {
        // A card names findings of one check: a new check closes it.
        let card = card.clone();
        use_effect_with(props.checked.clone(), move |_| {
            if card.is_some() {
                card.set(None);
            }
        });
    }
    {
        // The chosen finding: its span selected in the editor, and the editor
        // (only it) scrolled so the span stands in its upper third.
        let (area, backdrop, checked) = (props.area.clone(), backdrop.clone(), props.checked.clone());
        let sync = sync.clone();
        use_effect_with((props.selected, props.checked.clone()), move |(selected, _)| {
            let c = &checked.0;
            let span = selected.and_then(|i| c.diagnostics.get(i)).and_then(|d| d.span);
            if let (Some(span), Some(a)) = (span, area.cast::<HtmlTextAreaElement>()) {
                if a.value() == c.input && span.end <= c.input.len() {
                    let (start, end) = select(&a, &c.input, span.start, span.end);
                    // Chromium (148) puts back, in the same task, the selection a
                    // textarea had when it lost focus (the list has it now); set
                    // again in the next task, the selection stays.
                    let (again, text) = (a.clone(), c.input.clone());
                    gloo::timers::callback::Timeout::new(0, move || {
                        // Unless the text changed in between.
                        if again.value() == text {
                            let _ = again.set_selection_range(start, end);
                        }
                    })
                    .forget();
                    let mark = backdrop
                        .cast::<Element>()
                        .and_then(|b| b.query_selector(".nb-mark.nb-selected").ok().flatten())
                        .and_then(|m| m.dyn_into::<HtmlElement>().ok());
                    if let Some(mark) = mark {
                        a.set_scroll_top(mark.offset_top() - a.client_height() / 3);
                        sync();
                    }
                }
            }
        });
    }
    let place = {
        let wrap = wrap.clone();
        move |mark: &Element| -> (f64, f64) {
            let (r, w) =
                (mark.get_bounding_client_rect(), wrap.cast::<Element>().map(|w| w.get_bounding_client_rect()));
            w.map_or((0.0, 0.0), |w| (r.bottom() - w.top() + 4.0, (r.left() - w.left()).max(0.0)))
        }
    };
    // The pointer over a mark (the textarea is on top: the marks are found by position).
    // A card shown for the pointer closes a moment after the pointer leaves its mark,
    // unless it reaches the card first (its buttons stay in reach).
    let closing = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let close_soon = {
        let (card, closing) = (card.clone(), closing.clone());
        move || {
            if card.as_ref().is_some_and(|c| !c.caret) && closing.borrow().is_none() {
                let (card, done) = (card.clone(), closing.clone());
                *closing.borrow_mut() = Some(gloo::timers::callback::Timeout::new(400, move || {
                    done.borrow_mut().take();
                    card.set(None);
                }));
            }
        }
    };
    let stay = {
        let closing = closing.clone();
        move || drop(closing.borrow_mut().take())
    };
    let onmousemove = {
        let (card, backdrop, place, close_soon, stay) =
            (card.clone(), backdrop.clone(), place.clone(), close_soon.clone(), stay.clone());
        Callback::from(move |e: MouseEvent| {
            let Some((findings, mark)) = mark_at(&backdrop, e.client_x() as f32, e.client_y() as f32) else {
                return close_soon();
            };
            stay();
            // A card for the caret on these findings stays as it is.
            if card.as_ref().is_some_and(|c| c.findings == findings) {
                return;
            }
            let (top, left) = place(&mark);
            card.set(Some(Card { count: count(&mark), findings, top, left, caret: false }));
        })
    };
    let onmouseout = {
        let close_soon = close_soon.clone();
        Callback::from(move |_: MouseEvent| close_soon())
    };
    // The caret in a mark (after a click or a key): the card for its findings.
    let on_caret = {
        let (card, backdrop, checked, place) = (card.clone(), backdrop.clone(), props.checked.clone(), place);
        move |a: &HtmlTextAreaElement| {
            let c = &checked.0;
            let value = a.value();
            let next = (value == c.input).then_some(()).and_then(|_| {
                let at = byte_at(&value, a.selection_start().ok().flatten()?);
                let mark = mark_holding(&backdrop, at)?;
                let findings = indices(&mark);
                let (top, left) = place(&mark);
                Some(Card { count: count(&mark), findings, top, left, caret: true })
            });
            if *card != next {
                card.set(next);
            }
        }
    };
    let onkeyup = {
        let on_caret = on_caret.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                return;
            }
            on_caret(&e.target_unchecked_into())
        })
    };
    let onclick = Callback::from(move |e: MouseEvent| on_caret(&e.target_unchecked_into()));
    let onkeydown = {
        let card = card.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && card.is_some() {
                card.set(None);
            }
        })
    };

    let pieces = if current && !c.input.is_empty() {
        let marks = nianbao::views::marks::pieces_of(&c.input, &c.diagnostics, props.selected, |i| c.marked(i));
        let input = c.input.as_str();
        marks.into_iter().map(|p| {
            let text = &input[p.start..p.end];
            match p.worst {
                None => html! { { text } },
                Some(worst) => {
                    let named = p.named.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
                    html! {
                        <mark class={classes!("nb-mark", format!("nb-{}", worst.as_str()), p.selected.then_some("nb-selected"))}
                            data-i={named} data-count={p.count.to_string()} data-start={p.start.to_string()} data-end={p.end.to_string()}>{ text }</mark>
                    }
                }
            }
        }).collect::<Html>()
    } else {
        html! { { props.text.clone() } }
    };
    let hover = (Callback::from(move |_: MouseEvent| stay()), Callback::from(move |_: MouseEvent| close_soon()));
    let card_html = card.as_ref().filter(|_| current).map(|k| card_view(props, k, &card, card_node.clone(), hover));
    html! {
        <div class="nb-editor" ref={wrap}>
            <div class="nb-backdrop" ref={backdrop} aria-hidden="true">
                // The zero-width space keeps a last empty line as tall as the textarea's.
                <div class="nb-backdrop-text">{ pieces }{ "\u{200b}" }</div>
            </div>
            <textarea id="nb-input" class="nb-input" ref={props.area.clone()} spellcheck="false"
                placeholder="把年度报告全文粘贴到这里（可以从 PDF、Word、WPS 或网页复制），也可以把文件拖到这里。"
                aria-describedby="nb-editor-help"
                oninput={props.oninput.clone()}
                onpaste={props.onpaste.clone()} ondrop={props.ondrop.clone()} ondragover={props.ondragover.clone()}
                {onscroll} {onmousemove} {onmouseout} {onkeyup} {onclick} {onkeydown}
                value={props.text.clone()} />
            <p id="nb-editor-help" class="nb-visually-hidden">{ "有问题的文字在输入框中以底色和下划线标出；光标移到其中时显示说明。" }</p>
            // A slot always there: Yew matches unkeyed children from the end, so a
            // card appearing as a new last child would rebuild the textarea (losing its scroll).
            <div class="nb-card-slot">{ card_html }</div>
        </div>
    }
}

/// The card: each finding's message and 怎么改; a suggested value as an
/// action (copy it and select the cell's text in the editor); 查看说明 chooses it.
fn card_view(
    props: &EditorProps,
    card: &Card,
    handle: &UseStateHandle<Option<Card>>,
    node: NodeRef,
    (onmouseover, onmouseout): (Callback<MouseEvent>, Callback<MouseEvent>),
) -> Html {
    let c = &props.checked.0;
    let items = card.findings.iter().filter_map(|&i| Some((i, c.diagnostics.get(i)?))).take(3).map(|(i, d)| {
        let fix = d.fix.as_ref().filter(|f| c.cell_span(&f.cell).is_some()).map(|f| f.value);
        let on_select = props.on_select.clone();
        let choose = Callback::from(move |_: MouseEvent| on_select.emit(i));
        let fix_button = fix.map(|value| {
            let (checked, handle) = (props.checked.clone(), handle.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                apply_fix(&checked.0, i);
                handle.set(None);
            });
            html! {
                <button type="button" class="nb-button nb-apply" {onclick}
                    title="复制建议值，并在输入框中选中这一格的文字，直接输入即可替换">
                    { format!("改为 {value}") }
                </button>
            }
        });
        html! {
            <li class={classes!(format!("nb-{}", d.severity.as_str()))}>
                <p><span class="nb-badge">{ messages::severity_name(d.severity) }</span>{ &c.briefs[i] }</p>
                { messages::help(d).map(|h| html! { <p class="nb-card-fix">{ "怎么改：" }{ h }</p> }) }
                <p class="nb-card-actions">
                    { fix_button }
                    <button type="button" class="nb-button" onclick={choose}>{ "查看说明" }</button>
                </p>
            </li>
        }
    });
    let more = card.count.saturating_sub(card.findings.len().min(3));
    html! {
        <div class="nb-card" ref={node} role="status" {onmouseover} {onmouseout}>
            <ul>{ for items }</ul>
            { (more > 0).then(|| html! { <p class="nb-note">{ format!("此处另有 {more} 个问题，见右侧列表。") }</p> }) }
        </div>
    }
}

/// A suggested value as an action: copied, and the cell's text selected in
/// the editor (focused) so that typing replaces it.
pub fn apply_fix(c: &Checked, i: usize) {
    let span = c.diagnostics.get(i).and_then(|d| d.fix.as_ref()).and_then(|f| {
        browser::copy_text(&f.value.to_string());
        c.cell_span(&f.cell)
    });
    let area = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("nb-input"))
        .and_then(|a| a.dyn_into::<HtmlTextAreaElement>().ok());
    if let (Some(span), Some(a)) = (span, area) {
        if a.value() == c.input {
            let _ = a.focus();
            select(&a, &c.input, span.start, span.end);
            // The editor (only it) scrolled to the cell, by the mark drawn under it.
            let document = web_sys::window().and_then(|w| w.document());
            let backdrop = document.and_then(|d| d.query_selector(".nb-backdrop").ok().flatten());
            let mark = backdrop.as_ref().and_then(|b| in_marks(b, span.start));
            if let (Some(b), Some(m)) = (backdrop, mark.and_then(|m| m.dyn_into::<HtmlElement>().ok())) {
                a.set_scroll_top(m.offset_top() - a.client_height() / 3);
                b.set_scroll_top(a.scroll_top());
            }
        }
    }
}

/// The mark of the backdrop at a point of the viewport, with its findings.
fn mark_at(backdrop: &NodeRef, x: f32, y: f32) -> Option<(Vec<usize>, Element)> {
    let document = web_sys::window()?.document()?;
    let b = backdrop.cast::<Element>()?;
    let hits = document.elements_from_point(x, y);
    let mark = hits.iter().filter_map(|h| h.dyn_into::<Element>().ok()).find(|e| e.class_list().contains("nb-mark"))?;
    b.contains(Some(&mark)).then(|| (indices(&mark), mark))
}

/// The mark holding byte `at` of the text (its start inclusive, its end too:
/// a caret just after a marked value is on it).
fn mark_holding(backdrop: &NodeRef, at: usize) -> Option<Element> {
    in_marks(&backdrop.cast::<Element>()?, at)
}

/// The mark of `backdrop` holding byte `at`.
fn in_marks(backdrop: &Element, at: usize) -> Option<Element> {
    let marks = backdrop.query_selector_all(".nb-mark").ok()?;
    let attr = |m: &Element, name: &str| m.get_attribute(name)?.parse::<usize>().ok();
    (0..marks.length())
        .filter_map(|k| marks.get(k)?.dyn_into::<Element>().ok())
        .find(|m| matches!((attr(m, "data-start"), attr(m, "data-end")), (Some(s), Some(e)) if s <= at && at <= e))
}

fn count(mark: &Element) -> usize {
    mark.get_attribute("data-count").and_then(|n| n.parse().ok()).unwrap_or(0)
}

fn indices(mark: &Element) -> Vec<usize> {
    mark.get_attribute("data-i").unwrap_or_default().split(' ').filter_map(|s| s.parse().ok()).collect()
}

/// Selects bytes `start..end` of `text` in the textarea (its offsets count
/// UTF-16 units); returns them as the textarea counts them.
fn select(area: &HtmlTextAreaElement, text: &str, start: usize, end: usize) -> (u32, u32) {
    let units = |b: usize| text.get(..b).map_or(0, |s| s.encode_utf16().count()) as u32;
    let (start, end) = (units(start), units(end));
    let _ = area.set_selection_range(start, end);
    (start, end)
}

/// The byte offset of UTF-16 offset `units` in `text`.
fn byte_at(text: &str, units: u32) -> usize {
    let mut seen = 0u32;
    for (i, ch) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += ch.len_utf16() as u32;
    }
    text.len()
}

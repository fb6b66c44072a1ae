//! The findings: errors, then warnings, then notes, each its cause and fix
//! first (where it is, the suggested value as an action), its arithmetic one
//! click away and its code small; filterable by severity. Each is a button
//! (`data-code`); the chosen one opens its 为什么 / 怎么改 panel under it, drawn
//! from the rule's documentation (as `nianbao explain`). A reviewer can mark
//! one 已核实 with a reason: it moves to its own list, the verdict no longer
//! counts it, and every export carries the reason.

use crate::app::Shared;
use crate::checked::{group, rank};
use crate::editor;
use nianbao::checks::{self, Severity};
use nianbao::views::messages;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub checked: Shared,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
    /// A finding verified with a reason, or (`None`) its verification withdrawn.
    pub on_verify: Callback<(usize, Option<String>)>,
}

#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let shown = use_state(|| [true, true, true]);
    // The finding whose 已核实 form is open; closed by a new check (the indices are another list's).
    let verifying = use_state(|| None::<usize>);
    let reason = use_node_ref();
    // The element to focus once the list is drawn again: after a check newer than the
    // one named (a finding moved between the lists), or (`None`) after the next render.
    let focus_next = use_mut_ref(|| None::<(String, Option<usize>)>);
    {
        let verifying = verifying.clone();
        use_effect_with(props.checked.clone(), move |_| verifying.set(None));
    }
    {
        let focus_next = focus_next.clone();
        let now = Rc::as_ptr(&props.checked.0) as usize;
        use_effect(move || {
            let mut next = focus_next.borrow_mut();
            if next.as_ref().is_some_and(|(_, after)| after.is_none_or(|p| p != now)) {
                if let Some((id, _)) = next.take() {
                    crate::browser::focus(&id);
                }
            }
        });
    }
    // The explanation opens under the chosen finding: shown whole, the page moved no more than that takes.
    use_effect_with(props.selected, |_| crate::browser::reveal_nearest(".nb-explain"));
    {
        // The form opens with its field focused.
        let reason = reason.clone();
        use_effect_with(*verifying, move |open| {
            if open.is_some() {
                if let Some(input) = reason.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                }
            }
        });
    }
    let c = &props.checked.0;
    if (c.order.is_empty() && c.settled.is_empty()) || c.input.trim().is_empty() {
        return html! {};
    }
    let form = Form { verifying: verifying.clone(), reason, focus_next };
    let filters = SEVERITIES.iter().enumerate().map(|(k, s)| {
        let on = shown[k];
        let handle = shown.clone();
        let onchange = Callback::from(move |_| {
            let mut next = *handle;
            next[k] = !next[k];
            handle.set(next);
        });
        html! {
            <label class={classes!("nb-filter", format!("nb-{}", s.as_str()))}>
                <input type="checkbox" checked={on} {onchange} />
                { format!("{}（{}）", messages::severity_name(*s), c.count(*s)) }
            </label>
        }
    });
    let sections = SEVERITIES.iter().enumerate().filter(|&(k, s)| shown[k] && c.count(*s) > 0).map(|(_, s)| {
        let items = c.order.iter().copied().filter(|&i| c.diagnostics[i].severity == *s);
        html! {
            <section class={classes!("nb-severity", format!("nb-{}", s.as_str()))}>
                <h3>{ format!("{}（{}）", messages::severity_name(*s), c.count(*s)) }</h3>
                <ul>{ for items.map(|i| item(props, &form, i)) }</ul>
            </section>
        }
    });
    let settled = (!c.settled.is_empty()).then(|| {
        html! {
            <section class="nb-severity nb-verified">
                <h3>{ format!("已核实（{}）", c.settled.len()) }</h3>
                <p class="nb-note">{ "审核人已逐条核实、不再计入结论的问题；导出的 JSON、CSV 和 Markdown 中都带有核实说明。" }</p>
                <ul>{ for c.settled.iter().map(|&i| item(props, &form, i)) }</ul>
            </section>
        }
    });
    html! {
        <section class="nb-findings" aria-labelledby="nb-findings-title">
            <h2 id="nb-findings-title">{ "发现的问题" }</h2>
            <fieldset class="nb-filters"><legend>{ "显示" }</legend>{ for filters }</fieldset>
            { for sections }
            { settled }
        </section>
    }
}

/// The 已核实 form: which finding it is open for, its reason field, and where
/// the focus goes once it has done its work.
struct Form {
    verifying: UseStateHandle<Option<usize>>,
    reason: NodeRef,
    focus_next: FocusNext,
}

/// An element's id to focus, and the check (its address) whose replacement it waits for, if any.
type FocusNext = Rc<RefCell<Option<(String, Option<usize>)>>>;

impl Form {
    /// Focuses the finding's button once the check after this one is drawn.
    fn focus_after_check(&self, checked: &Shared, i: usize) {
        *self.focus_next.borrow_mut() = Some((format!("nb-finding-{i}"), Some(Rc::as_ptr(&checked.0) as usize)));
    }

    /// A handle the callbacks can keep.
    fn share(&self) -> Rc<Form> {
        Rc::new(Form {
            verifying: self.verifying.clone(),
            reason: self.reason.clone(),
            focus_next: self.focus_next.clone(),
        })
    }

    /// Closes the form; the focus goes back to the button that opened it.
    fn close(&self, i: usize) {
        *self.focus_next.borrow_mut() = Some((format!("nb-verify-button-{i}"), None));
        self.verifying.set(None);
    }
}

fn item(props: &FindingsProps, form: &Form, i: usize) -> Html {
    let c = &props.checked.0;
    let d = &c.diagnostics[i];
    let on_select = props.on_select.clone();
    let onclick = Callback::from(move |_| on_select.emit(i));
    let selected = props.selected == Some(i);
    // A PDF's text: the page of the original the finding points at.
    let page = d.span.and_then(|s| c.report.page_at(s.start)).map(|p| format!("第 {p} 页 · "));
    // An action only where the cell's text is in the editor to select.
    let fix = d.fix.as_ref().filter(|f| c.cell_span(&f.cell).is_some()).map(|f| {
        let (checked, value) = (props.checked.clone(), f.value);
        let onclick = Callback::from(move |_| editor::apply_fix(&checked.0, i));
        html! {
            <button type="button" class="nb-button nb-apply" {onclick}
                title="复制建议值，并在输入框中选中这一格的文字，直接输入即可替换">{ format!("改为 {value}") }</button>
        }
    });
    let sums = messages::arithmetic(d).map(|sums| {
        html! { <details class="nb-sums"><summary>{ "算式" }</summary><p>{ sums }</p></details> }
    });
    html! {
        <li key={i.to_string()} class={classes!("nb-item", format!("nb-{}", d.severity.as_str()))} data-rank={rank(d.severity).to_string()}>
            <button type="button" id={format!("nb-finding-{i}")} data-code={d.code}
                class={classes!("nb-finding", format!("nb-{}", d.severity.as_str()), selected.then_some("nb-selected"))}
                aria-pressed={selected.to_string()} {onclick}>
                <span class="nb-where">{ page.unwrap_or_default() }{ group(d, &c.report) }</span>
                <span class="nb-message">{ &c.briefs[i] }</span>
                <code class="nb-code">{ d.code }</code>
            </button>
            <div class="nb-actions">{ fix }{ verify_button(props, form, i) }{ sums }</div>
            { c.verified_with[i].as_ref().map(|r| html! { <p class="nb-reason">{ format!("核实说明：{r}") }</p> }) }
            { (*form.verifying == Some(i)).then(|| verify_form(props, form, i)) }
            // Under the chosen finding, so that it opens where the user is looking; in a
            // slot always there, so that the button keeps its focus (Yew matches from the end).
            <div class="nb-explain-slot">{ selected.then(|| explain(d)) }</div>
        </li>
    }
}

/// 已核实… on an open finding (opens the form), 取消核实 on a verified one.
fn verify_button(props: &FindingsProps, form: &Form, i: usize) -> Html {
    if props.checked.0.verified_with[i].is_some() {
        let on_verify = props.on_verify.clone();
        let (form, checked) = (form.share(), props.checked.clone());
        let onclick = Callback::from(move |_| {
            form.focus_after_check(&checked, i);
            on_verify.emit((i, None));
        });
        return html! {
            <button type="button" class="nb-button nb-unverify" {onclick}>{ "取消核实" }</button>
        };
    }
    let open = *form.verifying == Some(i);
    let verifying = form.verifying.clone();
    let onclick = Callback::from(move |_| verifying.set(if open { None } else { Some(i) }));
    html! {
        <button type="button" id={format!("nb-verify-button-{i}")} class="nb-button nb-verify"
            aria-expanded={open.to_string()} aria-controls={open.then(|| format!("nb-verify-{i}"))} {onclick}
            title="已人工核实、确认无需修改：填写核实说明后不再计入结论">{ "已核实…" }</button>
    }
}

fn verify_form(props: &FindingsProps, form: &Form, i: usize) -> Html {
    let form = form.share();
    let onsubmit = {
        let (on_verify, form, checked) = (props.on_verify.clone(), form.clone(), props.checked.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = form.reason.cast::<web_sys::HtmlInputElement>().map(|f| f.value()).unwrap_or_default();
            // A reason of blanks is none (the field's `required` lets it through).
            if !text.trim().is_empty() {
                form.focus_after_check(&checked, i);
                form.verifying.set(None);
                on_verify.emit((i, Some(text)));
            }
        })
    };
    let cancel = {
        let form = form.clone();
        Callback::from(move |_| form.close(i))
    };
    let onkeydown = {
        let form = form.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                form.close(i);
            }
        })
    };
    let id = format!("nb-reason-{i}");
    html! {
        <form class="nb-verify-form" id={format!("nb-verify-{i}")} {onsubmit} {onkeydown}>
            <label for={id.clone()}>{ "核实说明（必填，例如：已与原始台账核对，数字无误）" }</label>
            <input type="text" id={id} ref={form.reason.clone()} required=true
                maxlength={checks::verified::MAX_REASON.to_string()} autocomplete="off" />
            <button type="submit" class="nb-button nb-primary">{ "确认已核实" }</button>
            <button type="button" class="nb-button" onclick={cancel}>{ "取消" }</button>
        </form>
    }
}

fn explain(d: &checks::Diagnostic) -> Html {
    html! { <crate::explain::Explain code={d.code} fix={messages::help(d).unwrap_or_default()} /> }
}

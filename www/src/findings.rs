//! The findings: errors, then warnings, then notes, each its cause and fix
//! first (where it is, the suggested value as an action), its arithmetic one
//! click away and its code small; filterable by severity. Each is a button
//! (`data-code`); the chosen one opens its 为什么 / 怎么改 panel under it, drawn
//! from the rule's documentation (as `nianbao explain`).

use crate::app::ViewProps;
use crate::checked::{group, rank};
use crate::editor;
use nianbao::checks::{self, Severity};
use nianbao::views::messages;
use yew::prelude::*;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

#[component]
pub fn Findings(props: &ViewProps) -> Html {
    let shown = use_state(|| [true, true, true]);
    // The explanation opens under the chosen finding: shown whole, the page moved no more than that takes.
    use_effect_with(props.selected, |_| crate::browser::reveal_nearest(".nb-explain"));
    let c = &props.checked.0;
    if c.order.is_empty() || c.input.trim().is_empty() {
        return html! {};
    }
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
                <ul>{ for items.map(|i| item(props, i)) }</ul>
            </section>
        }
    });
    html! {
        <section class="nb-findings" aria-labelledby="nb-findings-title">
            <h2 id="nb-findings-title">{ "发现的问题" }</h2>
            <fieldset class="nb-filters"><legend>{ "显示" }</legend>{ for filters }</fieldset>
            { for sections }
        </section>
    }
}

fn item(props: &ViewProps, i: usize) -> Html {
    let c = &props.checked.0;
    let d = &c.diagnostics[i];
    let on_select = props.on_select.clone();
    let onclick = Callback::from(move |_| on_select.emit(i));
    let selected = props.selected == Some(i);
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
        <li class={classes!("nb-item", format!("nb-{}", d.severity.as_str()))} data-rank={rank(d.severity).to_string()}>
            <button type="button" id={format!("nb-finding-{i}")} data-code={d.code}
                class={classes!("nb-finding", format!("nb-{}", d.severity.as_str()), selected.then_some("nb-selected"))}
                aria-pressed={selected.to_string()} {onclick}>
                <span class="nb-where">{ group(d, &c.report) }</span>
                <span class="nb-message">{ &c.briefs[i] }</span>
                <code class="nb-code">{ d.code }</code>
            </button>
            <div class="nb-actions">{ fix }{ sums }</div>
            // Under the chosen finding, so that it opens where the user is looking; in a
            // slot always there, so that the button keeps its focus (Yew matches from the end).
            <div class="nb-explain-slot">{ selected.then(|| explain(d)) }</div>
        </li>
    }
}

fn explain(d: &checks::Diagnostic) -> Html {
    let Some(rule) = checks::rule(d.code) else { return html! {} };
    html! {
        <aside class="nb-explain" aria-labelledby="nb-explain-title">
            <h3 id="nb-explain-title">{ format!("{} {}", rule.code, rule.name) }</h3>
            <h4>{ "检查内容" }</h4><p>{ rule.doc.what }</p>
            <h4>{ "为什么" }</h4><p>{ rule.doc.why }</p>
            <h4>{ "怎么改" }</h4><p>{ messages::help(d).unwrap_or_else(|| rule.doc.fix.to_owned()) }</p>
            <h4>{ "依据" }</h4><p>{ rule.doc.basis }</p>
        </aside>
    }
}

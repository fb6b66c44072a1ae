//! The findings, grouped by table and part of the report, filterable by
//! severity. Each is a button (`data-code`); the chosen one opens its 为什么 /
//! 怎么改 panel under it, drawn from the rule's documentation (as `nianbao explain`).

use crate::app::ViewProps;
use crate::checked::group;
use nianbao::checks::{self, Severity};
use yew::prelude::*;

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

#[component]
pub fn Findings(props: &ViewProps) -> Html {
    let shown = use_state(|| [true, true, true]);
    // The explanation opens under the chosen finding: shown whole, the page moved no more than that takes.
    use_effect_with(props.selected, |_| crate::browser::reveal_nearest(".nb-explain"));
    let c = &props.checked.0;
    if c.diagnostics.is_empty() || c.input.trim().is_empty() {
        return html! {};
    }
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, d) in c.diagnostics.iter().enumerate() {
        let k = SEVERITIES.iter().position(|s| *s == d.severity).unwrap_or(0);
        if !shown[k] {
            continue;
        }
        let g = group(d, &c.report);
        match groups.iter_mut().find(|(name, _)| *name == g) {
            Some((_, items)) => items.push(i),
            None => groups.push((g, vec![i])),
        }
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
                { format!("{}（{}）", nianbao::views::messages::severity_name(*s), c.count(*s)) }
            </label>
        }
    });
    html! {
        <section class="nb-findings" aria-labelledby="nb-findings-title">
            <h2 id="nb-findings-title">{ "发现的问题" }</h2>
            <fieldset class="nb-filters"><legend>{ "显示" }</legend>{ for filters }</fieldset>
            { for groups.into_iter().map(|(name, items)| html! {
                <div class="nb-group">
                    <h3>{ name }</h3>
                    <ul>
                        { for items.into_iter().map(|i| item(props, i)) }
                    </ul>
                </div>
            }) }
        </section>
    }
}

fn item(props: &ViewProps, i: usize) -> Html {
    let d = &props.checked.0.diagnostics[i];
    let on_select = props.on_select.clone();
    let onclick = Callback::from(move |_| on_select.emit(i));
    let selected = props.selected == Some(i);
    html! {
        <li>
            <button type="button" id={format!("nb-finding-{i}")} data-code={d.code}
                class={classes!("nb-finding", format!("nb-{}", d.severity.as_str()), selected.then_some("nb-selected"))}
                aria-pressed={selected.to_string()} {onclick}>
                <span class="nb-badge">{ nianbao::views::messages::severity_name(d.severity) }</span>
                <code>{ d.code }</code>
                <span class="nb-message">{ &props.checked.0.messages[i] }</span>
                { d.fix.as_ref().map(|f| html! { <span class="nb-fix">{ format!("建议值 {}", f.value) }</span> }) }
            </button>
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
            <h4>{ "怎么改" }</h4><p>{ nianbao::views::messages::help(d).unwrap_or_else(|| rule.doc.fix.to_owned()) }</p>
            <h4>{ "依据" }</h4><p>{ rule.doc.basis }</p>
        </aside>
    }
}

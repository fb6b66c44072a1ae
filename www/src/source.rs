//! The source view: the input, read-only, with every problem span marked; the
//! chosen problem's span is emphasised and scrolled into view.

use crate::app::ViewProps;
use crate::browser;
use yew::prelude::*;

#[component]
pub fn Source(props: &ViewProps) -> Html {
    let c = &props.checked.0;
    use_effect_with(props.selected, |_| browser::reveal_first(".nb-source .nb-selected"));
    if c.input.is_empty() {
        return html! {};
    }
    let input = c.input.as_str();
    // The core cuts the text at every span boundary (one sweep); each piece knows its findings.
    let pieces = nianbao::views::marks::pieces(input, &c.diagnostics, props.selected).into_iter().map(|p| {
        let text = &input[p.start..p.end];
        let (Some(worst), Some(&first)) = (p.worst, p.named.first()) else { return html! { { text } } };
        let mut title: Vec<String> =
            p.named.iter().map(|&i| format!("{} {}", c.diagnostics[i].code, c.messages[i])).collect();
        if p.count > p.named.len() {
            title.push(format!("……另有 {} 个问题", p.count - p.named.len()));
        }
        let on_select = props.on_select.clone();
        let pick = props.selected.filter(|_| p.selected).unwrap_or(first);
        let onclick = Callback::from(move |_| on_select.emit(pick));
        html! {
            <mark class={classes!("nb-mark", format!("nb-{}", worst.as_str()), p.selected.then_some("nb-selected"))}
                title={title.join("\n")} {onclick}>{ text }</mark>
        }
    });
    html! {
        <section class="nb-source-wrap" aria-labelledby="nb-source-title">
            <h2 id="nb-source-title">{ "原文（标出问题所在）" }</h2>
            <pre class="nb-source" tabindex="0" aria-label="原文，只读">{ for pieces }</pre>
        </section>
    }
}

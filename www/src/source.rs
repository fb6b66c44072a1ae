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
    // Cut the text at every span boundary; each piece knows the findings covering it.
    let spans: Vec<(usize, usize, usize)> = c
        .diagnostics
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.span.map(|s| (i, s.start.min(input.len()), s.end.min(input.len()))))
        .filter(|(_, s, e)| e > s && input.is_char_boundary(*s) && input.is_char_boundary(*e))
        .collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(_, s, e)| [s, e]).chain([0, input.len()]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts.windows(2).map(|w| {
        let (from, to) = (w[0], w[1]);
        let text = &input[from..to];
        let covering: Vec<usize> =
            spans.iter().filter(|&&(_, s, e)| s <= from && to <= e).map(|&(i, _, _)| i).collect();
        let Some(&first) = covering.first() else { return html! { { text } } };
        let worst = covering.iter().map(|&i| c.diagnostics[i].severity).max().map_or("info", |s| s.as_str());
        let selected = props.selected.is_some_and(|s| covering.contains(&s));
        let title: Vec<String> =
            covering.iter().map(|&i| format!("{} {}", c.diagnostics[i].code, c.diagnostics[i].message)).collect();
        let on_select = props.on_select.clone();
        let pick = props.selected.filter(|s| covering.contains(s)).unwrap_or(first);
        let onclick = Callback::from(move |_| on_select.emit(pick));
        html! {
            <mark class={classes!("nb-mark", format!("nb-{worst}"), selected.then_some("nb-selected"))}
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

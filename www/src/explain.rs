//! A finding's explanation, under it once chosen: the rule's 检查内容, 为什么,
//! 怎么改 (for this finding where its message says more), 示例 and 依据, as
//! `nianbao explain`. All but 怎么改 come from `rules.json`, loaded when the
//! first explanation opens: the first load does not carry the documentation.

use crate::browser::{self, RuleText};
use nianbao::checks;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub code: &'static str,
    /// 怎么改 for this finding.
    pub fix: String,
}

#[component]
pub fn Explain(props: &ExplainProps) -> Html {
    let text = use_state(|| None::<Result<RuleText, String>>);
    {
        let text = text.clone();
        use_effect_with(props.code, move |&code| {
            text.set(None);
            wasm_bindgen_futures::spawn_local(async move { text.set(Some(browser::read_rule(code).await)) });
        });
    }
    let name = checks::rule(props.code).map_or("", |r| r.name);
    let sections = match &*text {
        None => html! { <p class="nb-note">{ "正在载入说明……" }</p> },
        Some(Err(message)) => html! { <p class="nb-note">{ message }</p> },
        Some(Ok(t)) => html! {
            <>
                <h4>{ "检查内容" }</h4><p>{ &t.what }</p>
                <h4>{ "为什么" }</h4><p>{ &t.why }</p>
            </>
        },
    };
    let examples = match &*text {
        Some(Ok(t)) => html! {
            <>
                <h4>{ "示例" }</h4>
                <p>{ "有问题：" }</p><pre class="nb-example">{ &t.bad }</pre>
                <p>{ "没问题：" }</p><pre class="nb-example">{ &t.good }</pre>
                <h4>{ "依据" }</h4><p>{ &t.basis }</p>
            </>
        },
        _ => html! {},
    };
    html! {
        <aside class="nb-explain" aria-labelledby="nb-explain-title" aria-busy={text.is_none().to_string()}>
            <h3 id="nb-explain-title">{ format!("{} {name}", props.code) }</h3>
            { sections }
            <h4>{ "怎么改" }</h4><p>{ &props.fix }</p>
            { examples }
        </aside>
    }
}

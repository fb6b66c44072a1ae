//! The summary (汇总) of every file of the batch — sortable, filterable, each
//! row opening its report in the page's editor — with the batch's exports.

use crate::state::{Action, Only, Row, Sort, State};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BatchProps {
    pub batch: UseReducerHandle<State>,
    /// Opens file `i` in the editor.
    pub on_open: Callback<usize>,
    /// Back to the editor, the batch kept.
    pub on_back: Callback<()>,
}

const COLUMNS: [(Sort, &str); 7] = [
    (Sort::File, "文件"),
    (Sort::Agency, "机关"),
    (Sort::Year, "年度"),
    (Sort::Format, "格式"),
    (Sort::Errors, "错误"),
    (Sort::Warnings, "警告"),
    (Sort::Infos, "提示"),
];

const EXPORTS: [(&str, &str, &str, &str); 3] = [
    ("summary", "下载汇总表（CSV）", "年报体检-汇总.csv", "text/csv;charset=utf-8"),
    ("problems", "下载全部问题（CSV）", "年报体检-全部问题.csv", "text/csv;charset=utf-8"),
    ("jsonl", "下载 JSON Lines", "年报体检.jsonl", "application/x-ndjson"),
];

#[component]
pub fn BatchSummary(props: &BatchProps) -> Html {
    let batch = &props.batch;
    let shown = batch.shown();
    // The control that started the batch is hidden with the editor: the focus comes here.
    let title = use_node_ref();
    {
        let title = title.clone();
        use_effect_with((), move |_| {
            if let Some(h) = title.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let on_filter = {
        let batch = batch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            batch.dispatch(Action::Filter(input.value()));
        })
    };
    let on_only = {
        let batch = batch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let only = match select.value().as_str() {
                "errors" => Only::Errors,
                "problems" => Only::Problems,
                "unreadable" => Only::Unreadable,
                _ => Only::All,
            };
            batch.dispatch(Action::Only(only));
        })
    };
    let to_editor = props.on_back.reform(|_| ());
    // The live region says when checking starts, ends or the filter changes
    // what is shown, not each file done (the progress bar counts those).
    let status = match (&batch.failed, batch.finished) {
        (Some(_), _) => format!("检查中断：已检查 {} / {} 个文件。", batch.done, batch.total),
        (None, true) if shown.len() < batch.rows.len() => {
            format!("已检查 {} 份报告，显示其中 {} 份。", batch.rows.len(), shown.len())
        }
        (None, true) => format!("已检查 {} 份报告。", batch.rows.len()),
        (None, false) if batch.total == 0 => "正在准备检查…".to_owned(),
        (None, false) => format!("正在检查 {} 个文件…", batch.total),
    };
    // Exports hold the checks across the files: they wait for the last file.
    let exportable = batch.handle.is_some() && batch.finished && batch.failed.is_none();
    let exports = EXPORTS.iter().map(|&(kind, label, name, mime)| {
        let handle = batch.handle.clone();
        let onclick = Callback::from(move |_| {
            let Some(handle) = handle.clone() else { return };
            yew::platform::spawn_local(async move {
                if let Some(content) = handle.export(kind).await {
                    download(name, mime, &content);
                }
            });
        });
        html! { <button type="button" class="nb-button" disabled={!exportable} {onclick}>{ label }</button> }
    });
    let caption = if shown.len() == batch.rows.len() {
        format!("汇总：{} 份报告", batch.rows.len())
    } else {
        format!("汇总：{} 份报告，显示其中 {} 份", batch.rows.len(), shown.len())
    };
    html! {
        <section class="nb-batch" aria-labelledby="nb-batch-title">
            <div class="nb-batch-head">
                <h2 id="nb-batch-title" tabindex="-1" ref={title}>{ "批量检查" }</h2>
                <button type="button" class="nb-button" onclick={to_editor}>{ "返回编辑器" }</button>
            </div>
            <p class="nb-batch-status" role="status">{ status }</p>
            if !batch.finished {
                <p class="nb-batch-count">
                    <progress max={batch.total.max(1).to_string()} value={batch.done.to_string()} aria-label="检查进度"></progress>
                    { format!(" {} / {}", batch.done, batch.total) }
                </p>
            }
            if let Some(failed) = &batch.failed {
                <p class="nb-batch-failed" role="alert">{ failed }</p>
            }
            <div class="nb-batch-tools">
                <label>{ "筛选 " }<input type="search" value={batch.filter.clone()} oninput={on_filter}
                    placeholder="文件名、机关、年度或问题代码" /></label>
                <label>{ "显示 " }
                    <select onchange={on_only}>
                        { for [("all", "全部", Only::All), ("errors", "有错误的", Only::Errors),
                               ("problems", "有错误或警告的", Only::Problems), ("unreadable", "无法读取的", Only::Unreadable)]
                            .into_iter().map(|(v, label, o)| html! { <option value={v} selected={batch.only == o}>{ label }</option> }) }
                    </select>
                </label>
                { for exports }
            </div>
            <div class="nb-batch-scroll">
                <table class="nb-batch-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        { for COLUMNS.iter().map(|&(by, label)| header(batch, by, label)) }
                        <th scope="col">{ "主要问题" }</th>
                        <th scope="col">{ "相邻年度" }</th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|row| row_html(batch, row, &props.on_open)) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A sortable column's heading: a button, its order said by `aria-sort`.
fn header(batch: &UseReducerHandle<State>, by: Sort, label: &str) -> Html {
    let sorted = batch.sort.filter(|&(s, _)| s == by).map(|(_, descending)| descending);
    let aria = match sorted {
        Some(true) => "descending",
        Some(false) => "ascending",
        None => "none",
    };
    let arrow = match sorted {
        Some(true) => "▼",
        Some(false) => "▲",
        None => "",
    };
    let onclick = {
        let batch = batch.clone();
        Callback::from(move |_| batch.dispatch(Action::Sort(by)))
    };
    html! {
        <th scope="col" aria-sort={aria}>
            <button type="button" class="nb-sort" {onclick}>{ label }<span aria-hidden="true">{ arrow }</span></button>
        </th>
    }
}

fn row_html(batch: &UseReducerHandle<State>, row: &Rc<Row>, on_open: &Callback<usize>) -> Html {
    let i = row.index;
    let onclick = on_open.reform(move |_| i);
    let name = |k: Option<usize>| k.and_then(|k| batch.rows.get(k)).map(|r| r.file.clone());
    let file = html! {
        <th scope="row">
            <button type="button" id={format!("nb-batch-open-{i}")} class="nb-link" {onclick}
                disabled={batch.handle.is_none() || batch.failed.is_some() || row.why.is_some()}>{ &row.file }</button>
        </th>
    };
    if let Some(why) = &row.why {
        return html! { <tr key={i} class="nb-batch-unread">{ file }<td colspan="8">{ why }</td></tr> };
    }
    let count =
        |n: usize, class: &'static str| html! { <td class={classes!("nb-num", (n > 0).then_some(class))}>{ n }</td> };
    let top: Vec<String> = row.codes.iter().take(3).map(|(c, n, _)| format!("{c}×{n}")).collect();
    let names: Vec<&str> = row.codes.iter().take(3).map(|(_, _, name)| name.as_str()).collect();
    let mut pair = Vec::new();
    if let Some(f) = name(row.last) {
        pair.push(format!("上一年：{f}"));
    }
    if let Some(f) = name(row.next) {
        pair.push(format!("下一年：{f}"));
    }
    html! {
        <tr key={i}>
            { file }
            <td>{ row.agency.clone().unwrap_or_else(|| "未识别".to_owned()) }</td>
            <td class="nb-num">{ row.year.map_or("未识别".to_owned(), |y| y.to_string()) }</td>
            <td>{ row.template.clone().unwrap_or_else(|| "未识别".to_owned()) }</td>
            { count(row.errors, "nb-count-error") }
            { count(row.warnings, "nb-count-warning") }
            { count(row.infos, "nb-count-info") }
            <td title={names.join("；")}>{ top.join(" ") }</td>
            <td>{ pair.join("；") }</td>
        </tr>
    }
}

/// Saves `content` to a file the user downloads.
fn download(name: &str, mime: &str, content: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

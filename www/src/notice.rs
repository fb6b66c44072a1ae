//! What the page says about the text and its draft, beside the editor: saved,
//! not saved (quota), another tab's, too large (for the limit or for memory),
//! a check that failed last time, a text replaced that can come back. Each
//! with its actions.

use crate::browser;
use nianbao::text::limits::MAX_INPUT_BYTES;
use yew::prelude::*;

/// What the page says about the text and its draft, beside the editor.
#[derive(Clone, PartialEq)]
pub enum Notice {
    None,
    /// The draft of the checked text is kept in this browser.
    Saved,
    /// The browser refused to keep it (quota): a reload would lose it.
    NotSaved,
    /// Another tab wrote the draft: this one no longer saves, so as not to overwrite it.
    OtherTab,
    /// A text over the size limit (its size in bytes) was not taken.
    TooLarge(usize),
    /// A text too large for the memory this page can have (its size in bytes) was not taken.
    NoMemory(usize),
    /// The last check of the restored text never finished: it is not re-run.
    Failed,
    /// An example, a file or 清空 replaced the user's text (what happened): it can come back.
    Replaced(String),
}

/// What the notices' buttons do (the app's state changes).
#[derive(Clone, PartialEq)]
pub struct Actions {
    pub on_retry: Callback<MouseEvent>,
    pub on_clear_failed: Callback<MouseEvent>,
    pub on_save_here: Callback<MouseEvent>,
    pub on_bring_back: Callback<MouseEvent>,
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Notice,
    /// The editor is empty (a failed text too large to have been kept).
    pub text_empty: bool,
    pub actions: Actions,
}

#[component]
pub fn NoticeView(props: &NoticeProps) -> Html {
    let a = &props.actions;
    match &props.notice {
        Notice::None => html! {},
        Notice::Saved => html! { <p class="nb-draft" aria-live="polite">{ "草稿已保存在本机浏览器。" }</p> },
        Notice::NotSaved => html! {
            <p class="nb-draft nb-warn" role="alert">{ "草稿过大，未能保存在本机浏览器：刷新或关闭页面会丢失这些文字，请另行保存。" }</p>
        },
        Notice::OtherTab => html! {
            <p class="nb-draft nb-warn" role="alert">
                { "另一个标签页修改了草稿；为免互相覆盖，本页不再自动保存。" }
                <button type="button" class="nb-button" onclick={a.on_save_here.clone()}>{ "以本页文字为准保存" }</button>
            </p>
        },
        Notice::TooLarge(bytes) => html! {
            <p class="nb-draft nb-warn" role="alert">{ format!(
                "内容有 {} MB，超过 {} MB 的上限，没有检查，也没有保存（一份年度报告通常只有 5–60 KB）。",
                browser::megabytes(*bytes), MAX_INPUT_BYTES >> 20
            ) }</p>
        },
        Notice::NoMemory(bytes) => html! {
            <p class="nb-draft nb-warn" role="alert">{ format!(
                "内容有 {} MB，本机浏览器给本页的内存不够检查它（约需 {} MB），没有检查，也没有保存。可以分几段检查，或换一台内存更大的电脑。",
                browser::megabytes(*bytes),
                browser::megabytes(bytes.saturating_mul(nianbao::text::limits::PEAK_PER_INPUT_BYTE))
            ) }</p>
        },
        Notice::Replaced(what) => html! {
            <p class="nb-draft nb-replaced" aria-live="polite">
                { what.clone() }
                <button type="button" class="nb-button" onclick={a.on_bring_back.clone()}>{ "恢复原来的文字" }</button>
            </p>
        },
        Notice::Failed => html! {
            <div class="nb-draft nb-warn" role="alert">
                <p>{ if props.text_empty {
                    "上次检查时页面出错；那段文字过大，浏览器没能保存，请重新粘贴或打开文件。"
                } else {
                    "上次检查这份文字时页面出错，为免再次出错，这次没有自动检查。文字仍在下面的输入框中。"
                } }</p>
                <button type="button" class="nb-button" onclick={a.on_retry.clone()}>{ "重新检查" }</button>
                <button type="button" class="nb-button" onclick={a.on_clear_failed.clone()}>{ "清空" }</button>
            </div>
        },
    }
}

//! The input: the report text (报告全文), with paste from web pages and Word
//! (their HTML read by the core's HTML reader), files opened or dropped
//! (.docx and .pdf, read by the page's second module; .txt / .md / .html, any of the
//! encodings Windows saves), examples and 清空.

use crate::app::Shared;
use crate::browser;
use crate::edit::{as_text, from_html, Edit, Limits, Origin};
use crate::editor::Editor;
use crate::samples::SAMPLES;
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use nianbao::model::InputKind;
use nianbao::text::limits::LimitHit;
use nianbao::text::Span;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputProps {
    pub text: String,
    pub on_text: Callback<Edit>,
    /// Many files (or an archive, or a folder) opened at once: checked as a batch.
    pub on_files: Callback<Vec<crate::batch::Given>>,
    /// The last check, the chosen finding and how to choose one: the editor marks them.
    pub checked: Shared,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

#[component]
pub fn Input(props: &InputProps) -> Html {
    let area = use_node_ref();
    let readers = use_mut_ref(Vec::<FileReader>::new);
    // Each file opened, and each edit, makes a Word document still being read stale.
    let generation = use_mut_ref(|| 0u64);
    let status = use_state(String::new);
    {
        // A text put there from outside (恢复, a retry): an example or a file still being read is stale.
        let generation = generation.clone();
        use_effect_with(props.text.clone(), move |_| *generation.borrow_mut() += 1);
    }

    let oninput = {
        let on_text = props.on_text.clone();
        let generation = generation.clone();
        Callback::from(move |e: InputEvent| {
            *generation.borrow_mut() += 1;
            // Not on each step of an input method's composition: once it ends (below).
            // Read as a property: an `input` event sent as a plain Event has none.
            let composing = js_sys::Reflect::get(&e, &"isComposing".into()).ok().and_then(|v| v.as_bool());
            if composing == Some(true) {
                return;
            }
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_text.emit(Edit::same_input(area.value(), false));
        })
    };
    let oncompositionend = {
        let on_text = props.on_text.clone();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_text.emit(Edit::same_input(area.value(), false));
        })
    };
    // A paste that carries HTML (web page, Word, WPS) goes through the HTML reader.
    let onpaste = {
        let on_text = props.on_text.clone();
        let generation = generation.clone();
        Callback::from(move |e: Event| {
            *generation.borrow_mut() += 1;
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let html = e.clipboard_data().and_then(|d| d.get_data("text/html").ok()).unwrap_or_default();
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let plain = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
            let (pasted, limits) = if html.trim().is_empty() { as_text(plain) } else { from_html(&html) };
            e.prevent_default();
            let value = area.value();
            let utf16: Vec<u16> = value.encode_utf16().collect();
            let at = |n: Option<u32>| n.map_or(utf16.len(), |n| (n as usize).min(utf16.len()));
            let (start, end) = (at(area.selection_start().ok().flatten()), at(area.selection_end().ok().flatten()));
            let before = String::from_utf16_lossy(&utf16[..start.min(end)]);
            let after = String::from_utf16_lossy(&utf16[end.max(start)..]);
            // The pasted text's limits, moved to where it lands.
            let shift = |s: Span| Span::new(s.start + before.len(), s.end + before.len());
            let limits = limits.into_iter().map(|h| LimitHit { span: h.span.map(shift), ..h }).collect();
            let replaced = before.len()..value.len().saturating_sub(after.len()).max(before.len());
            let (text, inserted) = (format!("{before}{pasted}{after}"), pasted.len());
            on_text.emit(Edit {
                text,
                at_once: true,
                limits: Limits::Paste { replaced, inserted, hits: limits },
                origin: Origin::Editor,
                file: (InputKind::Text, Vec::new()),
            });
        })
    };
    // A batch started: a single file still being read is no longer wanted in the editor.
    let on_files = {
        let (generation, on_files) = (generation.clone(), props.on_files.clone());
        Callback::from(move |files: Vec<crate::batch::Given>| {
            *generation.borrow_mut() += 1;
            on_files.emit(files);
        })
    };
    let load_files = {
        let on_text = props.on_text.clone();
        let readers = readers.clone();
        let status = status.clone();
        let generation = generation.clone();
        let on_files = on_files.clone();
        Rc::new(move |files: Option<web_sys::FileList>| {
            let Some(list) = files else { return };
            // Several files, or an archive of them: a batch.
            let archive = list.get(0).is_some_and(|f| f.name().to_ascii_lowercase().ends_with(".zip"));
            if list.length() > 1 || archive {
                on_files.emit(crate::batch::given_files(&list, false));
                return;
            }
            let Some(file) = list.get(0) else { return };
            let this = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            let generation = generation.clone();
            let file = File::from(file);
            let name = file.name();
            // A Word document or a PDF may be larger than its text (images, fonts); its text is
            // held to the input limit.
            let lower = name.to_ascii_lowercase();
            let word = lower.ends_with(".docx") || lower.ends_with(".pdf");
            let limits = nianbao::text::limits::MAX_INPUT_BYTES;
            let limit = if word { nianbao::text::limits::MAX_DOCX_BYTES } else { limits };
            if file.size() > limit as u64 {
                status.set(format!(
                    "文件 {name} 有 {} MB，超过 {} MB 的上限，没有读入（一份年度报告通常只有 5–60 KB）。",
                    browser::megabytes(file.size() as usize),
                    limit >> 20
                ));
                return;
            }
            let on_text = on_text.clone();
            let status = status.clone();
            let reader = gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                match bytes {
                // A Word document: its text, read by the page's second module (loaded on first use).
                Ok(bytes) if bytes.starts_with(b"PK\x03\x04") => {
                    status.set(format!("正在读取 Word 文档 {name}…"));
                    yew::platform::spawn_local(async move {
                        let read = browser::read_docx(&bytes).await;
                        // A newer file or an edit since: this document no longer replaces the text.
                        if *generation.borrow() != this {
                            return;
                        }
                        match read {
                            Ok((text, limits)) => {
                                status.set(format!("已读入 Word 文档 {name}"));
                                on_text.emit(Edit::new_input(text, limits, Origin::File(name)).of_file(InputKind::Docx, Vec::new()));
                            }
                            Err(message) => status.set(format!("文件 {name}：{message}")),
                        }
                    });
                }
                // A PDF: its characters laid out in lines, by the second module too.
                Ok(bytes) if nianbao::text::pdf::is_pdf(&bytes) => {
                    status.set(format!("正在读取 PDF 文件 {name}…"));
                    yew::platform::spawn_local(async move {
                        let read = browser::read_pdf(&bytes).await;
                        if *generation.borrow() != this {
                            return;
                        }
                        match read {
                            Ok((text, _)) if text.len() > limits => status.set(format!(
                                "PDF 文件 {name} 中的文字超过 {} MB 的上限，没有读入。", limits >> 20
                            )),
                            Ok((text, pages)) => {
                                status.set(format!("已读入 PDF 文件 {name}（文字按页面上的位置排成行，表格请对照原件核对）"));
                                let edit = Edit::new_input(text, Vec::new(), Origin::File(name));
                                on_text.emit(edit.of_file(InputKind::Pdf, pages));
                            }
                            Err(message) => status.set(format!("文件 {name}：{message}")),
                        }
                    });
                }
                Ok(bytes) => match nianbao::text::decode::binary_kind(&bytes) {
                    Some(kind) => status.set(format!(
                        "文件 {name} 不是文本文件（{kind}），没有读入：请打开 .docx、.pdf、.txt、.md 或 .html，或从文件中复制文字粘贴到这里。"
                    )),
                    None => {
                        status.set(format!("已读入文件 {name}"));
                        let (text, limits) = as_text(browser::decode(&bytes));
                        on_text.emit(Edit::new_input(text, limits, Origin::File(name)));
                    }
                },
                Err(e) => status.set(format!("无法读取文件 {name}：{e}")),
            }
            });
            // One file at a time: a newer one replaces (and cancels) the last.
            *readers.borrow_mut() = vec![reader];
        })
    };
    let onchange_file = {
        let load_files = load_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            load_files(input.files());
            input.set_value("");
        })
    };
    let onchange_folder = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files().filter(|l| l.length() > 0) {
                on_files.emit(crate::batch::given_files(&list, true));
            }
            input.set_value("");
        })
    };
    let ondrop = {
        let load_files = load_files.clone();
        let on_files = on_files.clone();
        Callback::from(move |e: DragEvent| {
            // A folder dropped: its files, found after the event, as a batch.
            if let Some(found) = e.data_transfer().as_ref().and_then(crate::batch::dropped_folders) {
                e.prevent_default();
                let on_files = on_files.clone();
                yew::platform::spawn_local(async move { on_files.emit(found.await) });
                return;
            }
            let files = e.data_transfer().and_then(|d| d.files());
            if files.as_ref().is_some_and(|f| f.length() > 0) {
                e.prevent_default();
                load_files(files);
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let onchange_sample = {
        let on_text = props.on_text.clone();
        let generation = generation.clone();
        let status = status.clone();
        Callback::from(move |e: Event| {
            *generation.borrow_mut() += 1;
            let this = *generation.borrow();
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(&(name, file)) = select.value().parse::<usize>().ok().and_then(|i| SAMPLES.get(i)) {
                let (on_text, generation, status) = (on_text.clone(), generation.clone(), status.clone());
                yew::platform::spawn_local(async move {
                    let read = browser::read_example(file).await;
                    // Another file, example or edit since: this one no longer replaces the text.
                    if *generation.borrow() != this {
                        return;
                    }
                    match read {
                        Ok(text) => {
                            status.set(String::new());
                            on_text.emit(Edit::new_input(text, Vec::new(), Origin::Example(name)));
                        }
                        Err(message) => status.set(message),
                    }
                });
            }
            select.set_value("");
        })
    };
    let onclear = {
        let on_text = props.on_text.clone();
        let area = area.clone();
        let generation = generation.clone();
        Callback::from(move |_| {
            *generation.borrow_mut() += 1;
            on_text.emit(Edit::new_input(String::new(), Vec::new(), Origin::Cleared));
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                let _ = a.focus();
            }
        })
    };
    html! {
        <>
            <div class="nb-toolbar" role="toolbar" aria-label="输入工具">
                <label class="nb-button nb-file">
                    { "打开文件…" }
                    <input type="file" multiple=true accept=".docx,.pdf,.txt,.md,.markdown,.html,.htm,.zip,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,application/zip" onchange={onchange_file} />
                </label>
                <label class="nb-button nb-picker">
                    { "打开文件夹…" }
                    <input type="file" webkitdirectory=true multiple=true onchange={onchange_folder} />
                </label>
                <label class="nb-sample">
                    <span class="nb-visually-hidden">{ "载入示例" }</span>
                    <select onchange={onchange_sample} aria-label="载入示例">
                        <option value="" selected=true>{ "载入示例…" }</option>
                        { for SAMPLES.iter().enumerate().map(|(i, (name, _))| html! {
                            <option value={i.to_string()}>{ *name }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="nb-button" onclick={onclear}>{ "清空" }</button>
                <span class="nb-file-status" aria-live="polite">{ (*status).clone() }</span>
            </div>
            <label for="nb-input" class="nb-label">{ "报告全文" }</label>
            <Editor text={props.text.clone()} checked={props.checked.clone()} selected={props.selected}
                on_select={props.on_select.clone()} {area} {oninput} {oncompositionend} {onpaste} {ondrop} {ondragover} />
        </>
    }
}

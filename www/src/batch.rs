//! The page's side of a batch (批量检查): the files given (chosen, found in a
//! folder, or dropped), the summary started in its own module (files.js
//! `openBatch`, www/batch), and the bar above the editor while the batch is kept.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A file given to the batch: its name (a folder's path within it), the file,
/// and whether the user chose it (else it was found in a folder).
pub type Given = (String, web_sys::File, bool);

#[wasm_bindgen(module = "/src/files.js")]
extern "C" {
    #[wasm_bindgen(js_name = openBatch)]
    fn open_batch_js(
        root: &web_sys::Element,
        files: &js_sys::Array,
        on_open: &js_sys::Function,
        on_back: &js_sys::Function,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = droppedFolders)]
    fn dropped_folders_js(data: &web_sys::DataTransfer) -> JsValue;
}

/// The callbacks the summary calls, kept as long as it lives.
pub struct Callbacks {
    pub on_open: Closure<dyn FnMut(JsValue, JsValue)>,
    pub on_back: Closure<dyn FnMut()>,
}

/// Checks `files` as a batch, its summary in `root`; resolves with the message to show if it could not start.
pub async fn open(root: &web_sys::Element, files: Vec<Given>, callbacks: &Callbacks) -> Result<(), String> {
    let list: js_sys::Array =
        files.into_iter().map(|(name, file, chosen)| js_sys::Array::of3(&name.into(), &file, &chosen.into())).collect();
    let promise = open_batch_js(
        root,
        &list,
        callbacks.on_open.as_ref().unchecked_ref(),
        callbacks.on_back.as_ref().unchecked_ref(),
    );
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|e| e.as_string().unwrap_or_default())
}

/// The files of a drop that holds folders (with their paths), once found; `None`: it holds none.
pub fn dropped_folders(data: &web_sys::DataTransfer) -> Option<impl std::future::Future<Output = Vec<Given>>> {
    let found = dropped_folders_js(data).dyn_into::<js_sys::Promise>().ok()?;
    Some(async move {
        let list = wasm_bindgen_futures::JsFuture::from(found).await.unwrap_or(JsValue::UNDEFINED);
        js_sys::Array::from(&list).iter().filter_map(|g| given_of(&js_sys::Array::from(&g))).collect()
    })
}

fn given_of(a: &js_sys::Array) -> Option<Given> {
    Some((a.get(0).as_string()?, a.get(1).dyn_into().ok()?, a.get(2).is_truthy()))
}

/// The files of a file input: chosen ones by name, a folder's by their path in it.
pub fn given_files(list: &web_sys::FileList, folder: bool) -> Vec<Given> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|f| {
            let path = js_sys::Reflect::get(&f, &"webkitRelativePath".into()).ok().and_then(|p| p.as_string());
            let name = match path {
                Some(path) if folder && !path.is_empty() => path,
                _ => f.name(),
            };
            (name, f, !folder)
        })
        .collect()
}

/// A file of the batch open in the editor: its place, its name, and what
/// was found across the batch's reports (code, message).
#[derive(Clone, Debug, PartialEq)]
pub struct Open {
    pub index: usize,
    pub file: String,
    pub across: Vec<(String, String)>,
    /// Every file of the batch was checked when it was opened: else the
    /// checks across reports had not run yet.
    pub all_checked: bool,
}

impl Open {
    /// The row the summary sends with a file (www/batch/src/lib.rs `mountSummary`).
    pub fn of(row: &JsValue) -> Option<Open> {
        let a = row.dyn_ref::<js_sys::Array>()?;
        let across = js_sys::Array::from(&a.get(3))
            .iter()
            .filter_map(|f| {
                let f = js_sys::Array::from(&f);
                Some((f.get(0).as_string()?, f.get(2).as_string()?))
            })
            .collect();
        Some(Open {
            index: a.get(0).as_f64()? as usize,
            file: a.get(2).as_string()?,
            across,
            all_checked: a.get(4).is_truthy(),
        })
    }
}

#[derive(Properties, PartialEq)]
pub struct BarProps {
    /// The file opened from the batch, if the editor holds one.
    pub open: Option<Open>,
    /// Back to the summary, with the id of the element to focus there.
    pub on_back: Callback<String>,
}

/// Above the editor while a batch is kept: the way back to its summary and,
/// for a report opened from it, what was found across the batch's reports.
#[component]
pub fn BatchBar(props: &BarProps) -> Html {
    let back = {
        let on_back = props.on_back.clone();
        let open = props.open.as_ref().map(|o| o.index);
        // Back on the row it came from; else on the summary's heading.
        Callback::from(move |_| {
            on_back.emit(open.map_or("nb-batch-title".to_owned(), |i| format!("nb-batch-open-{i}")))
        })
    };
    html! {
        <div class="nb-batch-bar" role="region" aria-label="批量检查">
            <button type="button" id="nb-batch-back" class="nb-button" onclick={back}>{ "← 返回汇总" }</button>
            if let Some(open) = &props.open {
                <span>{ format!(" 第 {} 份：{}", open.index + 1, open.file) }</span>
                if !open.all_checked {
                    <p>{ "跨报告的检查（X-*）待全部文件检查完后给出。" }</p>
                }
                if !open.across.is_empty() {
                    <p>{ "与同批其他报告对照发现：" }</p>
                    <ul class="nb-batch-across">
                        { for open.across.iter().map(|(code, message)| html! { <li><b>{ code }</b>{ " " }{ message }</li> }) }
                    </ul>
                }
            }
        </div>
    }
}

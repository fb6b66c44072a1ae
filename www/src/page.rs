//! The page's root: the single report's view (`App`) and, once many files
//! are opened at once, their batch — its summary (a module of its own,
//! www/batch) shown in place of the editor, and a report chosen from it
//! opened in the editor.

use crate::app::App;
use crate::batch::{self, BatchBar, Callbacks, Given, Open};
use crate::edit::{as_text, Edit, Origin};
use nianbao::model::InputKind;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// A file of the batch to put in the editor; a new one (by `seq`) each time one is opened.
#[derive(Clone)]
pub struct Opened {
    pub seq: u64,
    pub edit: Rc<Edit>,
}

impl PartialEq for Opened {
    fn eq(&self, other: &Self) -> bool {
        self.seq == other.seq
    }
}

/// What the page shows while a batch is kept.
#[derive(Clone, Debug, PartialEq)]
enum View {
    Summary,
    /// The editor, with the file opened from the batch if it holds one.
    Editor(Option<Open>),
}

/// The edit that puts a file of the batch (`Batch.file`'s array) in the editor, as if opened alone.
fn edit_of(file: &JsValue) -> Option<Edit> {
    let a = js_sys::Array::from(file);
    let (name, text, kind) = (a.get(0).as_string()?, a.get(1).as_string()?, a.get(2).as_string()?);
    let pages = js_sys::Array::from(&a.get(3)).iter().filter_map(|p| p.as_f64()).map(|p| p as usize).collect();
    Some(match kind.as_str() {
        "docx" => Edit::new_input(text, crate::browser::limits_of(&a.get(4)), Origin::File(name))
            .of_file(InputKind::Docx, Vec::new()),
        "pdf" => Edit::new_input(text, Vec::new(), Origin::File(name)).of_file(InputKind::Pdf, pages),
        // Text or HTML: HTML rendered, line breaks as the editor keeps them.
        _ => {
            let (text, limits) = as_text(text);
            Edit::new_input(text, limits, Origin::File(name))
        }
    })
}

#[component]
pub fn Page() -> Html {
    let view = use_state(|| None::<View>);
    let opened = use_state(|| None::<Opened>);
    let root = use_node_ref();
    let callbacks = use_mut_ref(|| None::<Rc<Callbacks>>);
    let status = use_state(String::new);
    // The element to focus once the view just chosen is drawn (the button pressed goes with the last).
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect_with((*view).clone(), move |_| {
            if let Some(id) = focus_next.borrow_mut().take() {
                crate::browser::focus(&id);
            }
        });
    }
    let on_files = {
        let (view, opened, root, status) = (view.clone(), opened.clone(), root.clone(), status.clone());
        let focus_next = focus_next.clone();
        Callback::from(move |files: Vec<Given>| {
            let Some(element) = root.cast::<web_sys::Element>() else { return };
            let made = callbacks.borrow_mut().get_or_insert_with(|| Rc::new(made(&view, &opened, &focus_next))).clone();
            view.set(Some(View::Summary));
            status.set(String::new());
            let status = status.clone();
            yew::platform::spawn_local(async move {
                if let Err(message) = batch::open(&element, files, &made).await {
                    status.set(message);
                }
            });
        })
    };
    let on_back = {
        let (view, focus_next) = (view.clone(), focus_next.clone());
        Callback::from(move |target: String| {
            *focus_next.borrow_mut() = Some(target);
            view.set(Some(View::Summary));
        })
    };
    let shown = matches!(*view, Some(View::Summary));
    let over = html! {
        <>
            if !status.is_empty() { <p class="nb-batch-failed" role="alert">{ (*status).clone() }</p> }
            <div ref={root} class="nb-batch-root" hidden={!shown}></div>
        </>
    };
    let banner = match &*view {
        Some(View::Editor(open)) => Some(html! { <BatchBar open={open.clone()} {on_back} /> }),
        _ => None,
    };
    html! { <App {on_files} opened={(*opened).clone()} {over} main_hidden={shown} {banner} /> }
}

/// The callbacks the summary calls: a file to open in the editor, and back to the editor.
fn made(
    view: &UseStateHandle<Option<View>>,
    opened: &UseStateHandle<Option<Opened>>,
    focus_next: &Rc<std::cell::RefCell<Option<String>>>,
) -> Callbacks {
    let (open_view, opened, focus_open) = (view.clone(), opened.clone(), focus_next.clone());
    let mut seq = 0;
    let on_open = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |file: JsValue, row: JsValue| {
        let Some(edit) = edit_of(&file) else { return };
        seq += 1;
        opened.set(Some(Opened { seq, edit: Rc::new(edit) }));
        *focus_open.borrow_mut() = Some("nb-batch-back".to_owned());
        open_view.set(Some(View::Editor(Open::of(&row))));
    });
    let (view, focus_next) = (view.clone(), focus_next.clone());
    let on_back = Closure::<dyn FnMut()>::new(move || {
        // The button pressed goes with the summary: the focus moves to the way back to it.
        *focus_next.borrow_mut() = Some("nb-batch-back".to_owned());
        view.set(Some(View::Editor(None)));
    });
    Callbacks { on_open, on_back }
}

//! The page's third wasm module: the summary of a batch (批量检查), loaded only
//! when many files are opened at once (www/src/files.js `openBatch`), so the
//! first load carries none of it. A Yew app of its own, mounted into the
//! container the page keeps for it; the files module (in a Worker) checks the
//! files and sends the rows here, and a row chosen goes back to the page to
//! open in its editor.

mod state;
mod view;

use state::{Action, Handle, State};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// How the outside reaches the app: its dispatcher once it has rendered, and
/// what came before that.
#[derive(Default)]
struct Link {
    dispatch: RefCell<Option<UseReducerDispatcher<State>>>,
    queued: RefCell<Vec<Action>>,
}

impl Link {
    fn send(&self, action: Action) {
        match &*self.dispatch.borrow() {
            Some(d) => d.dispatch(action),
            None => self.queued.borrow_mut().push(action),
        }
    }
}

/// A mounted summary, as files.js holds it.
#[wasm_bindgen]
pub struct Summary {
    link: Rc<Link>,
    app: Option<yew::AppHandle<Root>>,
}

/// Mounts the summary into `root`. `on_open(file, row)`: a file to open in the
/// editor (`Batch.file`'s array) and its row `[index, rows in all (0 while checking), name,
/// [[code, severity, message], …], whether every file was checked]` (the
/// findings across reports, which wait for the last file); `on_back()`:
/// back to the editor.
#[wasm_bindgen(js_name = mountSummary)]
pub fn mount_summary(root: web_sys::Element, on_open: js_sys::Function, on_back: js_sys::Function) -> Summary {
    let link = Rc::new(Link::default());
    let props = RootProps { link: link.clone(), on_open, on_back };
    let app = yew::Renderer::<Root>::with_root_and_props(root, props).render();
    Summary { link, app: Some(app) }
}

#[wasm_bindgen]
impl Summary {
    /// Rows checked: `{rows, done, total, final, failed}` as files.js sends them.
    pub fn progress(&self, m: JsValue) {
        let get = |k: &str| js_sys::Reflect::get(&m, &k.into()).unwrap_or(JsValue::UNDEFINED);
        let rows = js_sys::Array::from(&get("rows")).iter().filter_map(|r| state::row_of(&r)).collect();
        let count = |k: &str| get(k).as_f64().unwrap_or(0.0) as usize;
        let action =
            Action::Progress(rows, count("done"), count("total"), get("final").is_truthy(), get("failed").as_string());
        self.link.send(action);
    }

    /// The batch's handle (its exports and files), once checking has begun: its
    /// files open as they are checked, its exports once every one is.
    pub fn ready(&self, handle: JsValue) {
        self.link.send(Action::Ready(Handle(handle)));
    }

    /// Unmounts the summary (a new batch replaces it).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

#[derive(Properties)]
struct RootProps {
    link: Rc<Link>,
    on_open: js_sys::Function,
    on_back: js_sys::Function,
}

impl PartialEq for RootProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.link, &other.link)
    }
}

#[component]
fn Root(props: &RootProps) -> Html {
    let batch = use_reducer(State::default);
    {
        let link = props.link.clone();
        let dispatch = batch.dispatcher();
        use_effect_with((), move |_| {
            for action in link.queued.borrow_mut().drain(..) {
                dispatch.dispatch(action);
            }
            *link.dispatch.borrow_mut() = Some(dispatch);
        });
    }
    // Clicks on rows and on the way back, counted: a file that comes after
    // another click (the Worker answers between its files) is not opened.
    let clicks = use_mut_ref(|| 0u64);
    let on_open = {
        let batch = batch.clone();
        let on_open = props.on_open.clone();
        let clicks = clicks.clone();
        Callback::from(move |i: usize| {
            let (Some(handle), Some(row)) = (batch.handle.clone(), batch.rows.get(i).cloned()) else { return };
            // While files are being checked, how many rows there will be is not known yet (0).
            let (finished, total) = (batch.finished, if batch.finished { batch.rows.len() } else { 0 });
            let on_open = on_open.clone();
            *clicks.borrow_mut() += 1;
            let (clicks, this) = (clicks.clone(), *clicks.borrow());
            yew::platform::spawn_local(async move {
                let Some(file) = handle.file(i).await else { return };
                if *clicks.borrow() != this {
                    return;
                }
                let across: js_sys::Array =
                    row.across.iter().map(|(c, s, m)| js_sys::Array::of3(&c.into(), &s.into(), &m.into())).collect();
                let info = [
                    (i as f64).into(),
                    (total as f64).into(),
                    row.file.as_str().into(),
                    JsValue::from(across),
                    finished.into(),
                ];
                let info: js_sys::Array = info.into_iter().collect();
                let _ = on_open.call2(&JsValue::NULL, &file, &info);
            });
        })
    };
    let on_back = {
        let on_back = props.on_back.clone();
        Callback::from(move |_| {
            *clicks.borrow_mut() += 1;
            let _ = on_back.call0(&JsValue::NULL);
        })
    };
    html! { <view::BatchSummary {batch} {on_open} {on_back} /> }
}

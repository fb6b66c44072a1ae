//! The page: the editor with its marks on the left; the summary, the findings
//! and the normalized report on the right. State lives
//! here; the components below only render what the core computed.

use crate::browser;
use crate::checked::Checked;
use crate::draft::{Finished, Held, Replaced};
use crate::edit::{Edit, Limits, Origin};
use crate::file_text::FileText;
use crate::findings::Findings;
use crate::input::Input;
use crate::normalized::Normalized;
use crate::notice::{Actions, Notice, NoticeView};
use crate::summary::{Exports, Summary};
use gloo::timers::callback::Timeout;
use nianbao::checks::verified::Verified;
use nianbao::text::limits::{after_edit, LimitHit, MAX_INPUT_BYTES};
use std::rc::Rc;
use yew::prelude::*;

/// How long typing pauses before a large report is checked again.
const DEBOUNCE_MS: u32 = 120;

/// Up to this size a text is checked on every keystroke (a 60 KB report
/// checks and draws in a few ms): its marks follow the typing at once.
const CHECKED_AS_TYPED: usize = 128 << 10;

pub use crate::checked::Shared;

/// What every view of the findings gets: the checked input, the chosen
/// finding, and how to choose one.
#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub checked: Shared,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

/// What the page's root gives the report's view: how many files opened at once
/// become a batch, a file of the batch to open, the batch's summary (shown in
/// place of the editor and results when `main_hidden`), and its bar above the editor.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub on_files: Callback<Vec<crate::batch::Given>>,
    #[prop_or_default]
    pub opened: Option<crate::page::Opened>,
    #[prop_or_default]
    pub over: Option<Html>,
    #[prop_or_default]
    pub main_hidden: bool,
    #[prop_or_default]
    pub banner: Option<Html>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let saved = use_memo((), |_| browser::load());
    let text = use_state(|| match &*saved {
        browser::Saved::Draft(t, _) | browser::Saved::Failed(t, _) => t.clone(),
    });
    // The first check runs after the first render (below), so the editor is there even if it fails.
    let checked = use_state(|| Shared(Rc::new(Checked::empty())));
    // The findings the reviewer verified (已核实) in this text, with their reasons; kept with the draft.
    // A text whose check failed is another than the draft: its verifications are not the draft's.
    let verified = use_mut_ref(|| match &*saved {
        browser::Saved::Draft(..) => browser::load_verified(),
        browser::Saved::Failed(..) => Verified::default(),
    });
    // Where the text came from (a file's or an example's name), for the exports.
    let source = use_mut_ref(String::new);
    let selected = use_state(|| None::<usize>);
    let pending = use_mut_ref(|| None::<Timeout>);
    let notice = use_state(|| match &*saved {
        browser::Saved::Failed(..) => Notice::Failed,
        browser::Saved::Draft(..) => Notice::None,
    });
    // Off once another tab has written the draft, until the user saves this one.
    let saving = use_mut_ref(|| true);
    // The limits the current input's HTML reached, and the text they point into.
    // A text whose check failed last time keeps its limits for the retry.
    let limits = use_mut_ref(|| match &*saved {
        browser::Saved::Failed(t, hits) => (t.clone(), hits.clone()),
        browser::Saved::Draft(..) => (String::new(), Vec::<LimitHit>::new()),
    });
    // The text whose check has finished, until its results are drawn.
    let finished = use_mut_ref(|| None::<Finished>);
    // The user's text an example, a file or 清空 replaced, with its limits and verified
    // findings: one click brings it back. With the name it came under (the exports' 文件).
    let previous = use_mut_ref(|| None::<Replaced>);
    // For a PDF's text: where each page begins, moved with the edits.
    let file_text = use_mut_ref(FileText::default);
    // Whether the editor holds the user's own text.
    let held = use_mut_ref(|| Held::Users);
    // The page opened on a text whose check failed: its mark goes once a check succeeds.
    let recovering = use_mut_ref(|| matches!(*saved, browser::Saved::Failed(..)));

    // Re-check the text: at once for a paste, a file or an example; for typing,
    // shortly after it pauses. The text is kept as pending while it is checked
    // and becomes the draft once the check has finished.
    let on_text = {
        let text = text.clone();
        let checked = checked.clone();
        let selected = selected.clone();
        let pending = pending.clone();
        let notice = notice.clone();
        let finished = finished.clone();
        let limits = limits.clone();
        let previous = previous.clone();
        let source = source.clone();
        let held = held.clone();
        let verified = verified.clone();
        let file_text = file_text.clone();
        Callback::from(move |Edit { text: new_text, at_once, limits: came, origin, file: given }: Edit| {
            if new_text.len() > MAX_INPUT_BYTES {
                notice.set(Notice::TooLarge(new_text.len()));
                return;
            }
            if !crate::checked::room_for(new_text.len()) {
                notice.set(Notice::NoMemory(new_text.len()));
                return;
            }
            // `*text` is the text before this edit (the handle's render); it is
            // compared, not copied: this runs on every keystroke.
            let old_text: &str = &text;
            let what = match &origin {
                Origin::Example(name) => {
                    Some(format!("已载入示例“{name}”，替换了输入框中原来的文字（示例不会保存为草稿）。"))
                }
                Origin::File(name) => Some(format!("已打开文件 {name}，替换了输入框中原来的文字。")),
                Origin::Cleared => Some("已清空输入框。".to_owned()),
                Origin::Editor | Origin::Restored | Origin::Recheck => None,
            };
            // The text the user had (typed, pasted, opened or brought back, not an example
            // or a blank) is kept with its limits and name when another replaces it; a second
            // replacement keeps the first text.
            let users = !matches!(*held.borrow(), Held::NotUsers);
            match what {
                Some(what) if old_text != new_text => {
                    // What was verified is about the text replaced: it goes with it.
                    let old_verified = std::mem::take(&mut *verified.borrow_mut());
                    if users && !old_text.trim().is_empty() {
                        let (came_as, hits) = &*limits.borrow();
                        // Edited since it came in: the limits still hold, their places are lost.
                        let moved = came_as != old_text;
                        let hits = hits.iter().map(|h| LimitHit { span: h.span.filter(|_| !moved), ..*h }).collect();
                        let text = old_text.to_owned();
                        let file = file_text.borrow().of_text(old_text);
                        let name = source.borrow().clone();
                        *previous.borrow_mut() = Some(Replaced { text, hits, name, verified: old_verified, file });
                    }
                    if previous.borrow().is_some() {
                        notice.set(Notice::Replaced(what));
                    }
                }
                _ if origin == Origin::Restored => {
                    *previous.borrow_mut() = None;
                    if matches!(*notice, Notice::Replaced(_)) {
                        notice.set(Notice::None);
                    }
                }
                _ => {}
            }
            let was_held = *held.borrow();
            *held.borrow_mut() = match origin {
                Origin::Example(_) | Origin::Cleared => Held::NotUsers,
                Origin::Recheck => was_held,
                // Typing into an example makes it the user's text.
                _ => Held::Users,
            };
            match &origin {
                Origin::File(name) => *source.borrow_mut() = name.clone(),
                Origin::Example(name) => *source.borrow_mut() = (*name).to_owned(),
                Origin::Cleared => source.borrow_mut().clear(),
                Origin::Editor | Origin::Restored | Origin::Recheck => {}
            }
            let name = source.borrow().clone();
            // An example never becomes the draft, nor does it once checked again.
            let keep = match origin {
                Origin::Example(_) => false,
                Origin::Recheck => was_held == Held::Users,
                _ => true,
            };
            let now = file_text.borrow().after(old_text, &new_text, &came, given);
            *file_text.borrow_mut() = now;
            let file = file_text.borrow().of_text(&new_text);
            let fresh = match came {
                Limits::Keep => None,
                Limits::Replace(hits) => Some(hits),
                // A paste over the whole text is a new input.
                Limits::Paste { replaced, hits, .. } if replaced.start == 0 && replaced.end >= old_text.len() => {
                    // What was verified was about the text pasted over.
                    if old_text != new_text {
                        verified.borrow_mut().clear();
                    }
                    Some(hits)
                }
                Limits::Paste { replaced, inserted, hits } => {
                    // The earlier hits survive a paste elsewhere in the text.
                    let (came_as, old) = &*limits.borrow();
                    let old: Vec<LimitHit> = if came_as == old_text {
                        after_edit(old, replaced, inserted)
                    } else {
                        old.iter().map(|h| LimitHit { span: None, ..*h }).collect()
                    };
                    Some(old.into_iter().chain(hits).collect())
                }
            };
            text.set(new_text.clone());
            if let Some(hits) = fresh {
                *limits.borrow_mut() = (new_text.clone(), hits);
            }
            // Edited since it came in: the limits still hold, their places are lost.
            let hits: Vec<LimitHit> = {
                let (came_as, hits) = &*limits.borrow();
                let moved = *came_as != new_text;
                hits.iter().map(|h| LimitHit { span: h.span.filter(|_| !moved), ..*h }).collect()
            };
            let at_once = at_once || new_text.len() <= CHECKED_AS_TYPED;
            let checked = checked.clone();
            let selected = selected.clone();
            let finished = finished.clone();
            let verified = verified.borrow().clone();
            let run = move || {
                browser::begin_check(&new_text, &hits);
                let result = Checked::new(name, new_text.clone(), hits.clone(), &verified, file.clone());
                // The draft is written once the results are drawn (the effect below):
                // a failure while drawing them also leaves the text pending.
                *finished.borrow_mut() = Some(Finished { text: new_text, hits, verified, file, keep });
                checked.set(Shared(Rc::new(result)));
                selected.set(None);
            };
            if at_once {
                pending.borrow_mut().take();
                run();
            } else {
                *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, run));
            }
        })
    };
    {
        // After the results of a check are drawn: its text becomes the draft.
        let notice = notice.clone();
        let saving = saving.clone();
        let finished = finished.clone();
        let recovering = recovering.clone();
        use_effect_with(checked.clone(), move |_| {
            if let Some(Finished { text: done, hits, verified, file, keep }) = finished.borrow_mut().take() {
                if std::mem::take(&mut *recovering.borrow_mut()) {
                    browser::forget_failed();
                }
                let save = *saving.borrow() && keep;
                let kept = browser::end_check(&done, &hits, &verified, &file, save);
                let save = *saving.borrow();
                // The offer to bring the user's text back stays (a warning about the draft comes first).
                let warned = !save || kept == browser::Kept::No;
                if matches!(*notice, Notice::Replaced(_)) && !warned {
                    return;
                }
                notice.set(match (save, kept) {
                    (false, _) => Notice::OtherTab,
                    (true, browser::Kept::No) => Notice::NotSaved,
                    (true, browser::Kept::Unavailable) => Notice::None,
                    (true, browser::Kept::Yes) if done.is_empty() => Notice::None,
                    (true, browser::Kept::Yes) => Notice::Saved,
                });
            }
        });
    }
    {
        // The restored draft is checked once the page is on screen; a text whose
        // last check failed is not (the notice offers to retry).
        let on_text = on_text.clone();
        let start = match &*saved {
            browser::Saved::Draft(t, hits) if !t.is_empty() => Some((t.clone(), hits.clone())),
            _ => None,
        };
        use_effect_with((), move |_| {
            if let Some((t, hits)) = start {
                // With the limits its HTML reached when it came in (S-LIMIT stays after a
                // reload), and a PDF's pages.
                let (kind, pages) = browser::load_file();
                on_text.emit(Edit::new_input(t, hits, Origin::Restored).of_file(kind, pages));
            }
        });
    }
    {
        let notice = notice.clone();
        let saving = saving.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_draft_changed_elsewhere(move || {
                *saving.borrow_mut() = false;
                notice.set(Notice::OtherTab);
            });
            move || drop(listener)
        });
    }
    {
        // A file opened from the batch's summary replaces the text, as a file opened alone.
        let on_text = on_text.clone();
        use_effect_with(props.opened.clone(), move |opened| {
            if let Some(opened) = opened {
                on_text.emit((*opened.edit).clone());
            }
        });
    }
    let on_retry = {
        let on_text = on_text.clone();
        let text = text.clone();
        Callback::from(move |_| on_text.emit(Edit::recheck((*text).clone())))
    };
    let on_clear_failed = {
        let on_text = on_text.clone();
        Callback::from(move |_| {
            browser::forget_failed();
            on_text.emit(Edit::new_input(String::new(), Vec::new(), Origin::Cleared));
        })
    };
    let on_save_here = {
        let on_text = on_text.clone();
        let text = text.clone();
        let saving = saving.clone();
        Callback::from(move |_| {
            *saving.borrow_mut() = true;
            on_text.emit(Edit::recheck((*text).clone()));
        })
    };
    let on_bring_back = {
        let on_text = on_text.clone();
        let previous = previous.clone();
        let source = source.clone();
        let verified = verified.clone();
        Callback::from(move |_| {
            // Taken first: the edit below borrows `previous` again.
            let kept = previous.borrow_mut().take();
            if let Some(Replaced { text: t, hits, name, verified: was_verified, file: (kind, pages) }) = kept {
                *source.borrow_mut() = name;
                *verified.borrow_mut() = was_verified;
                on_text.emit(Edit::new_input(t, hits, Origin::Restored).of_file(kind, pages));
            }
        })
    };
    let actions = Actions { on_retry, on_clear_failed, on_save_here, on_bring_back };

    // n / p (or j / k) move through the findings when the focus is not in the text.
    crate::keys::use_finding_keys(checked.0.order.clone(), selected.clone(), !props.main_hidden);

    let on_select = {
        let selected = selected.clone();
        Callback::from(move |i: usize| selected.set(Some(i)))
    };
    // A finding verified with a reason (已核实), or its verification withdrawn (`None`):
    // the text is checked again, and the draft keeps it.
    let on_verify = {
        let on_text = on_text.clone();
        let text = text.clone();
        let checked = checked.clone();
        Callback::from(move |(i, reason): (usize, Option<String>)| {
            let Some(key) = checked.0.key(i) else { return };
            match reason {
                Some(reason) => verified.borrow_mut().insert(key, &reason),
                None => verified.borrow_mut().remove(&key),
            }
            on_text.emit(Edit::recheck((*text).clone()));
        })
    };
    html! {
        <div class="nb-page">
            <header class="nb-header">
                <h1>{ "年报体检" }</h1>
                <p class="nb-lead">{ "粘贴政府信息公开工作年度报告全文，立即检查勾稽关系、空白单元格、正文与表格是否一致。全部在本机浏览器内完成，不上传任何内容。" }</p>
            </header>
            { props.over.clone().unwrap_or_default() }
            <main class="nb-main" hidden={props.main_hidden}>
                <section class="nb-left" aria-label="输入">
                    { props.banner.clone().unwrap_or_default() }
                    <NoticeView notice={(*notice).clone()} text_empty={text.is_empty()} {actions} />
                    <Input text={(*text).clone()} {on_text} on_files={props.on_files.clone()} checked={(*checked).clone()} selected={*selected}
                        on_select={on_select.clone()} />
                </section>
                <section class="nb-right" aria-label="检查结果">
                    <Summary checked={(*checked).clone()} />
                    <Exports checked={(*checked).clone()} />
                    <Findings checked={(*checked).clone()} selected={*selected} on_select={on_select.clone()} {on_verify} />
                    <Normalized checked={(*checked).clone()} selected={*selected} {on_select} />
                </section>
            </main>
            <footer class="nb-footer">
                <p>{ "依据：《中华人民共和国政府信息公开条例》；国办公开办函〔2019〕60号、〔2021〕30号年度报告格式。快捷键：n / p 切换到下一个 / 上一个问题。" }</p>
            </footer>
        </div>
    }
}

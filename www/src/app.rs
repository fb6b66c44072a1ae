//! The page: a textarea for the report and what was read from it.

use nianbao::model::{CellValue, Report};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let text = use_state(String::new);
    let report = use_memo((*text).clone(), |t| nianbao::parse(t));
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    html! {
        <main class="nb-main">
            <h1>{ "年报体检" }</h1>
            <p class="nb-lead">{ "粘贴政府信息公开工作年度报告全文，立即检查。全部在本机浏览器内完成，不上传任何内容。" }</p>
            <label for="nb-input" class="nb-label">{ "报告全文" }</label>
            <textarea id="nb-input" class="nb-input" rows="16" {oninput} value={(*text).clone()} />
            <Summary report={report} />
        </main>
    }
}

#[derive(Properties)]
struct SummaryProps {
    report: Rc<Report>,
}

/// The same computed report is the same props: no deep comparison on every render.
impl PartialEq for SummaryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

#[component]
fn Summary(props: &SummaryProps) -> Html {
    let report = &props.report;
    let year = report.meta.year.as_ref().map_or_else(|| "未识别".to_owned(), |y| y.value.to_string());
    let new_total = report.tables.requests.as_ref().and_then(|t| t.cell("new", "total")).map_or_else(
        || "未识别".to_owned(),
        |c| match &c.value {
            CellValue::Number(n) => n.to_string(),
            CellValue::Blank => "空白".to_owned(),
            CellValue::Missing => "缺失".to_owned(),
            CellValue::Invalid(_) => "非数字".to_owned(),
        },
    );
    html! {
        <section class="nb-summary" role="status" aria-live="polite">
            <dl>
                <dt>{ "报告年度" }</dt>
                <dd data-field="year">{ year }</dd>
                <dt>{ "本年新收申请（总计）" }</dt>
                <dd data-field="requests.new.total">{ new_total }</dd>
            </dl>
        </section>
    }
}

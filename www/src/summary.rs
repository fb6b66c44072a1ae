//! The summary (a polite live region: the verdict ✗ 有错误 / ⚠ 有警告 / ✓ 未发现错误,
//! in colour and word, the counts, agency, year, format) and the export buttons (JSON as the CLI prints it, CSV, Markdown, print).

use crate::app::Shared;
use crate::browser;
use nianbao::checks::scope::Scope;
use nianbao::checks::Severity;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub checked: Shared,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let c = &props.checked.0;
    let m = &c.report.meta;
    {
        // Printed pages carry the agency, the year and the date of the check.
        let agency = m.agency.as_ref().map_or("（发布机关未识别）".to_owned(), |a| a.value.clone());
        let year = m.year.as_ref().map_or(String::new(), |y| format!(" {} 年度", y.value));
        // Set for each check (its date is the check's).
        use_effect_with(props.checked.clone(), move |_| {
            browser::set_print_header(&format!(
                "{agency}{year}政府信息公开工作年度报告 · 年报体检 {}",
                browser::today()
            ));
        });
    }
    let (errors, warnings, infos) = (c.count(Severity::Error), c.count(Severity::Warning), c.count(Severity::Info));
    let unknown = || "未识别".to_owned();
    let scope_note = match &c.scope {
        Scope::TablesUnread { words } => Some(format!(
            "文字中有统计表的行名（“{}”等），但没有读出表格：复制时表格可能被打乱了（从 PDF 或网页复制时常见）。\
             请直接打开 Word 文档（.docx），或从网页把表格连同文字一起复制粘贴。",
            words.join("”“")
        )),
        Scope::Fragment { tables } => Some(format!(
            "只有统计表（{}），按表格片段检查：没有检查标题、章节和正文。",
            tables.iter().map(|&t| nianbao::views::messages::table_name(t)).collect::<Vec<_>>().join("、")
        )),
        _ => None,
    };
    let empty = c.input.trim().is_empty() || c.scope == Scope::Empty;
    let verdict = if empty {
        empty_state()
    } else if let Scope::TooShort { chars } = c.scope {
        html! {
            <>
                <p class="nb-verdict nb-state">{ "还不是一份完整的年度报告" }</p>
                <p class="nb-note">{ format!(
                    "这段文字只有 {chars} 个字，没有统计表。粘贴或打开报告全文后会立即检查三张统计表的勾稽关系、空白单元格、正文与表格是否一致等。"
                ) }</p>
            </>
        }
    } else if errors > 0 {
        html! { <p class="nb-verdict nb-fail"><span aria-hidden="true">{ "✗ " }</span><strong>{ "有错误" }</strong>{ format!("：{errors} 个错误、{warnings} 个警告、{infos} 个提示。") }</p> }
    } else if warnings > 0 {
        html! { <p class="nb-verdict nb-caution"><span aria-hidden="true">{ "⚠ " }</span><strong>{ "有警告" }</strong>{ format!("：未发现错误，{warnings} 个警告、{infos} 个提示。") }</p> }
    } else {
        html! { <p class="nb-verdict nb-pass"><span aria-hidden="true">{ "✓ " }</span><strong>{ "未发现错误" }</strong>{ format!("或警告（{infos} 个提示）。") }</p> }
    };
    html! {
        <section class="nb-summary" role="status" aria-live="polite" aria-label="检查摘要">
            { verdict }
            { (!c.settled.is_empty()).then(|| html! {
                <p class="nb-note nb-settled">{ format!("另有 {} 个问题已核实，不计入结论。", c.settled.len()) }</p>
            }) }
            { scope_note.map(|n| html! { <p class="nb-scope">{ n }</p> }) }
            if !empty {
            <dl class="nb-meta">
                <dt>{ "发布机关" }</dt>
                <dd data-field="agency">{ m.agency.as_ref().map_or_else(unknown, |a| a.value.clone()) }</dd>
                <dt>{ "报告年度" }</dt>
                <dd data-field="year">{ m.year.as_ref().map_or_else(unknown, |y| y.value.to_string()) }</dd>
                <dt>{ "表格格式" }</dt>
                <dd data-field="template">{ m.template.map_or_else(unknown, |t| format!("{} 年版", t.as_str())) }</dd>
            </dl>
            }
        </section>
    }
}

/// What the tool does, shown before there is a report: the checks, and one
/// wrong cell as the normalized view marks it.
fn empty_state() -> Html {
    html! {
        <div class="nb-empty">
            <p class="nb-verdict">{ "请粘贴或打开一份年度报告" }</p>
            <p>{ "粘贴全文或打开文件（.docx、.pdf、.txt、.html）后立即检查：" }</p>
            <ul>
                <li>{ "三张统计表的勾稽关系：办理结果之和、各列总计、复议诉讼总计；" }</li>
                <li>{ "空白和缺失的单元格，与填了 0 的分开；" }</li>
                <li>{ "正文中的数字与表格是否一致，章节是否齐全，格式是否为现行版本。" }</li>
            </ul>
            <figure class="nb-example">
                <table class="nb-example-table">
                    <tr><th scope="row">{ "一、本年新收" }</th><td>{ "3" }</td></tr>
                    <tr><th scope="row">{ "二、上年结转" }</th><td>{ "1" }</td></tr>
                    <tr><th scope="row">{ "三、办理结果（七）总计" }</th>
                        <td class="nb-bad"><span aria-hidden="true" class="nb-sign">{ "⚠" }</span>{ "5" }<span class="nb-suggest">{ "建议值 4" }</span></td></tr>
                    <tr><th scope="row">{ "四、结转下年度继续办理" }</th><td>{ "0" }</td></tr>
                </table>
                <figcaption>{ "示例：新收 3 + 上年结转 1 应等于办理结果 5 + 结转下年 0，不平衡；标出有问题的一格，并给出使全表平衡的建议值。" }</figcaption>
            </figure>
        </div>
    }
}

#[component]
pub fn Exports(props: &SummaryProps) -> Html {
    let c = props.checked.clone();
    let name = |ext: &str| {
        let m = &c.0.report.meta;
        let agency = m.agency.as_ref().map_or("年度报告", |a| a.value.as_str());
        let year = m.year.as_ref().map_or(String::new(), |y| y.value.to_string());
        format!("{agency}{year}-体检.{ext}")
    };
    let button = |label: &'static str,
                  file: String,
                  mime: &'static str,
                  enabled: bool,
                  content: fn(&crate::checked::Checked) -> String| {
        let c = c.clone();
        let onclick = Callback::from(move |_| browser::download(&file, mime, &content(&c.0)));
        // Nothing to export: the button says so by being off.
        html! { <button type="button" class="nb-button" disabled={!enabled} {onclick}>{ label }</button> }
    };
    let checked = &props.checked.0;
    let any = !checked.input.trim().is_empty();
    let tables = checked.report.tables.iter().next().is_some();
    let problems = any && !checked.diagnostics.is_empty();
    html! {
        <div class="nb-toolbar nb-exports" role="toolbar" aria-label="导出">
            { button("导出 JSON", name("json"), "application/json", any, |c| c.json()) }
            { button("导出表格 CSV", name("tables.csv"), "text/csv;charset=utf-8", tables, |c| nianbao::views::export::tables_csv(&c.report)) }
            { button("导出问题 CSV", name("problems.csv"), "text/csv;charset=utf-8", problems, |c| c.problems_csv()) }
            { button("导出 Markdown", name("md"), "text/markdown;charset=utf-8", any, |c| c.markdown()) }
            <button type="button" class="nb-button" disabled={!any} onclick={Callback::from(|_| browser::print())}>{ "打印 / 另存为 PDF" }</button>
        </div>
    }
}

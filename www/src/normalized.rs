//! The normalized report: metadata, the six chapters under their standard
//! headings, and the three tables in the official full layout of the detected
//! format. Each cell carries `data-cell`; cells named by a finding are marked
//! (`aria-invalid`, a sign that is not colour alone, the message on hover and
//! focus); blank and missing cells read differently from 0; a single wrong
//! cell shows its suggested value. Each table fits its column, its heading
//! rows kept in view as the page scrolls (and repeated on each printed page);
//! it is one tab stop, the arrow keys move between its cells.

use crate::app::ViewProps;
use crate::grid;
use nianbao::checks::cell_key;
use nianbao::model::print::{layout, Slot};
use nianbao::model::{CellValue, Table, CHAPTERS};
use yew::prelude::*;

#[component]
pub fn Normalized(props: &ViewProps) -> Html {
    // After every render: one tab stop per table (the cell last focused, the
    // chosen finding's, the first culprit's or the first cell).
    use_effect(|| grid::rove_tables(".nb-table"));
    let c = &props.checked.0;
    if c.input.trim().is_empty() {
        return html! {};
    }
    let r = &c.report;
    let chapters = CHAPTERS.iter().enumerate().map(|(k, standard)| {
        let index = r.chapters.iter().position(|ch| ch.number == Some(k as u8 + 1));
        let found = index.map(|i| &r.chapters[i]);
        let text = r.paragraphs.iter().filter(move |p| index.is_some() && p.chapter == index);
        let table = match k {
            1 => r.tables.active.as_ref(),
            2 => r.tables.requests.as_ref(),
            3 => r.tables.review.as_ref(),
            _ => None,
        };
        html! {
            <section class="nb-chapter">
                <h3>{ *standard }</h3>
                { match found {
                    Some(ch) if ch.standard => html! {},
                    Some(ch) => html! { <p class="nb-note">{ format!("报告中的标题：{}", ch.heading) }</p> },
                    None => html! { <p class="nb-note nb-missing-chapter">{ "报告中未找到本章。" }</p> },
                } }
                { for text.map(|p| html! { <p class="nb-paragraph">{ p.joined() }</p> }) }
                { table.map(|t| table_view(props, t)) }
                { if (1..=3).contains(&k) && table.is_none() { html! { <p class="nb-note">{ "未找到本章的统计表。" }</p> } } else { html! {} } }
            </section>
        }
    });
    html! {
        <section class="nb-normalized" aria-labelledby="nb-normalized-title">
            <h2 id="nb-normalized-title">{ "规范化报告" }</h2>
            <p class="nb-legend">{ "图例：" }<span class="nb-cell-sample nb-blank">{ "空白" }</span>{ " 表示报告留空，" }
                <span class="nb-cell-sample nb-missing">{ "缺失" }</span>{ " 表示报告没有这一格，" }
                <span class="nb-cell-sample nb-bad">{ "⚠ 数字" }</span>{ " 表示有问题的单元格。" }
                { "每张表是一个 Tab 停靠点，用方向键在单元格间移动，Enter 查看该格的问题。" }</p>
            <h3 class="nb-title">{ r.meta.title.as_ref().map_or("（未识别标题）".to_owned(), |t| t.value.clone()) }</h3>
            { for chapters }
        </section>
    }
}

fn table_view(props: &ViewProps, table: &Table) -> Html {
    let l = layout(table.def);
    // The heading rows before the first row of values: the table's head, kept
    // in view and repeated on each printed page (section titles stay in the body).
    let head = l.rows.iter().take_while(|r| r.header).count();
    let rows = l.rows.iter().map(|row| {
        let slots = row.slots.iter().map(|slot| match slot {
            Slot::Label(label) => {
                let (rowspan, colspan) = (label.rowspan.to_string(), label.colspan.to_string());
                if row.header {
                    html! { <th scope="col" {rowspan} {colspan}>{ label.text }</th> }
                } else {
                    html! { <th scope="row" {rowspan} {colspan}>{ label.text }</th> }
                }
            }
            Slot::Cell { row, col, colspan } => cell_view(props, table, *row, *col, *colspan),
        });
        html! { <tr>{ for slots }</tr> }
    });
    let mut rows = rows.collect::<Vec<_>>().into_iter();
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if grid::move_in_table(&e) {
            e.prevent_default();
        }
    });
    let onfocusin = Callback::from(|e: FocusEvent| grid::focused_in_table(e.target()));
    html! {
        <table class={classes!("nb-table", format!("nb-table-{}", table.def.kind.key()))}
            data-table={table.def.kind.key()} {onkeydown} {onfocusin}>
            <caption>{ format!("{}（{} 年版格式）", l.caption, table.template.as_str()) }</caption>
            <thead>{ for rows.by_ref().take(head) }</thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

fn cell_view(props: &ViewProps, table: &Table, row: usize, col: usize, colspan: usize) -> Html {
    let c = &props.checked.0;
    let key = cell_key(table, row, col);
    let value = &table.cells[row][col].value;
    let (text, kind) = match value {
        CellValue::Number(n) => (n.to_string(), None),
        CellValue::Blank => ("空白".to_owned(), Some("nb-blank")),
        CellValue::Missing => ("缺失".to_owned(), Some("nb-missing")),
        CellValue::Invalid(t) => (format!("“{t}”"), Some("nb-invalid")),
    };
    let findings = c.by_cell.get(&key).map(Vec::as_slice).unwrap_or_default();
    let colspan = colspan.to_string();
    if findings.is_empty() {
        return html! { <td data-cell={key} class={classes!(kind)} {colspan}>{ text }</td> };
    }
    let messages: Vec<String> =
        findings.iter().map(|&i| format!("{}：{}", c.diagnostics[i].code, c.messages[i])).collect();
    let fix = findings.iter().find_map(|&i| c.diagnostics[i].fix.as_ref().filter(|f| f.cell == key)).map(|f| f.value);
    let selected = props.selected.is_some_and(|s| findings.contains(&s));
    // The cell a fix changes is marked strongly; a cell only involved in a
    // finding (a term of a broken sum, the cell a sentence is compared with) lightly.
    let culprit = findings.iter().any(|&i| c.diagnostics[i].culprits.contains(&key));
    let (class, role) = if culprit { ("nb-bad", "culprit") } else { ("nb-involved", "involved") };
    let first = findings[0];
    let on_select = props.on_select.clone();
    let onclick = Callback::from(move |_| on_select.emit(first));
    let onkeydown = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_select.emit(first);
            }
        })
    };
    html! {
        <td data-cell={key} data-role={role} class={classes!(class, kind, selected.then_some("nb-selected"))}
            aria-invalid={culprit.then_some("true")} title={messages.join("\n")}
            aria-label={format!("{text}，{}", messages.join("；"))} {colspan} {onclick} {onkeydown}>
            { culprit.then(|| html! { <span aria-hidden="true" class="nb-sign">{ "⚠" }</span> }) }
            { text }
            { fix.map(|v| html! { <span class="nb-suggest">{ format!("建议值 {v}") }</span> }) }
        </td>
    }
}

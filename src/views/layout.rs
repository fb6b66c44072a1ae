//! The official full layout of each table, as the format prints it: the
//! multi-level headers, the group labels spanning rows, the section headers of
//! table 二, and where each template cell sits. The page's normalized view and
//! the Markdown export both draw tables from this.

use crate::model::{Table, TableKind, TemplateId};

/// A printed label: text and spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub text: &'static str,
    pub rowspan: usize,
    pub colspan: usize,
}

/// A slot of a laid-out row: a label, or a template cell `(row, col)` of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    Label(Label),
    Cell { row: usize, col: usize, colspan: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutRow {
    /// A header row (column headings, section titles): rendered as `th`.
    pub header: bool,
    pub slots: Vec<Slot>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub caption: &'static str,
    pub rows: Vec<LayoutRow>,
}

fn label(text: &'static str, rowspan: usize, colspan: usize) -> Slot {
    Slot::Label(Label { text, rowspan, colspan })
}

fn header(slots: Vec<Slot>) -> LayoutRow {
    LayoutRow { header: true, slots }
}

/// The layout of `table` in the format its own layout follows.
pub fn layout(table: &Table) -> Layout {
    match table.def.kind {
        TableKind::Active => active(table),
        TableKind::Requests => requests(table),
        TableKind::Review => review(),
    }
}

fn cells(table: &Table, row: usize, spans: &[usize]) -> Vec<Slot> {
    (0..table.def.rows[row].cols.len())
        .map(|col| Slot::Cell { row, col, colspan: spans.get(col).copied().unwrap_or(1) })
        .collect()
}

fn active(table: &Table) -> Layout {
    let sections: &[(&str, &[&str], &[&str])] = match table.template {
        TemplateId::Y2019 => &[
            (
                "第二十条第（一）项",
                &["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                &["regulations", "normative_docs"],
            ),
            ("第二十条第（五）项", &["上一年项目数量", "本年增/减", "处理决定数量"], &["licensing", "other_services"]),
            ("第二十条第（六）项", &["上一年项目数量", "本年增/减", "处理决定数量"], &["penalty", "coercion"]),
            ("第二十条第（八）项", &["上一年项目数量", "本年增/减"], &["fees"]),
            ("第二十条第（九）项", &["采购项目数量", "采购总金额"], &["procurement"]),
        ],
        TemplateId::Y2021 => &[
            (
                "第二十条第（一）项",
                &["本年制发件数", "本年废止件数", "现行有效件数"],
                &["regulations", "normative_docs"],
            ),
            ("第二十条第（五）项", &["本年处理决定数量"], &["licensing"]),
            ("第二十条第（六）项", &["本年处理决定数量"], &["penalty", "coercion"]),
            ("第二十条第（八）项", &["本年收费金额（单位：万元）"], &["fees"]),
        ],
    };
    let mut rows = Vec::new();
    for (title, heads, keys) in sections {
        rows.push(header(vec![label(title, 1, 4)]));
        let last = 4 - heads.len();
        let mut head = vec![label("信息内容", 1, 1)];
        head.extend(heads.iter().enumerate().map(|(i, h)| label(h, 1, if i + 1 == heads.len() { last } else { 1 })));
        rows.push(header(head));
        for key in *keys {
            let Some(r) = table.def.rows.iter().position(|d| d.key == *key) else { continue };
            let mut spans = vec![1; heads.len()];
            if let Some(s) = spans.last_mut() {
                *s = last;
            }
            let mut slots = vec![label(table.def.rows[r].label, 1, 1)];
            slots.extend(cells(table, r, &spans));
            rows.push(LayoutRow { header: false, slots });
        }
    }
    Layout { caption: "二、主动公开政府信息情况", rows }
}

/// Groups of result rows that print a label spanning them: key prefix, label.
const GROUPS: [(&str, &str); 4] = [
    ("denied_", "（三）不予公开"),
    ("unable_", "（四）无法提供"),
    ("refused_", "（五）不予处理"),
    ("other_", "（六）其他处理"),
];

fn requests(table: &Table) -> Layout {
    let def = table.def;
    let mut rows = vec![
        header(vec![
            label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
            label("申请人情况", 1, 7),
        ]),
        header(vec![label("自然人", 2, 1), label("法人或其他组织", 1, 5), label("总计", 2, 1)]),
        header(
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|t| label(t, 1, 1)).collect(),
        ),
    ];
    let results = def.rows.len() - 3;
    for (r, row) in def.rows.iter().enumerate() {
        let mut slots = Vec::new();
        match row.key {
            "new" | "carried_in" | "carried_out" => slots.push(label(row.label, 1, 3)),
            _ => {
                if row.key == "granted" {
                    slots.push(label("三、本年度办理结果", results, 1));
                }
                let group = GROUPS.iter().find(|(p, _)| row.key.starts_with(p) && row.key != "other_handling");
                match group {
                    Some((prefix, name)) => {
                        let first = r == 0 || !def.rows[r - 1].key.starts_with(prefix);
                        if first {
                            let size = def.rows[r..].iter().take_while(|d| d.key.starts_with(prefix)).count();
                            slots.push(label(name, size, 1));
                        }
                        slots.push(label(row.label, 1, 1));
                    }
                    None => slots.push(label(row.label, 1, 2)),
                }
            }
        }
        slots.extend(cells(table, r, &[]));
        rows.push(LayoutRow { header: false, slots });
    }
    Layout { caption: "三、收到和处理政府信息公开申请情况", rows }
}

fn review() -> Layout {
    const LEAVES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut second: Vec<Slot> = LEAVES.iter().map(|t| label(t, 2, 1)).collect();
    second.push(label("未经复议直接起诉", 1, 5));
    second.push(label("复议后起诉", 1, 5));
    let data = (0..3).flat_map(|row| (0..5).map(move |col| Slot::Cell { row, col, colspan: 1 })).collect();
    Layout {
        caption: "四、政府信息公开行政复议、行政诉讼情况",
        rows: vec![
            header(vec![label("行政复议", 1, 5), label("行政诉讼", 1, 10)]),
            header(second),
            header(LEAVES.iter().chain(&LEAVES).map(|t| label(t, 1, 1)).collect()),
            LayoutRow { header: false, slots: data },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every template cell appears exactly once, and every row spans the table's width.
    #[test]
    fn layouts_place_every_cell_once() {
        for template in [TemplateId::Y2019, TemplateId::Y2021] {
            for kind in [TableKind::Active, TableKind::Requests, TableKind::Review] {
                let table = Table::empty(template, kind);
                let l = layout(&table);
                let mut seen = std::collections::HashSet::new();
                for row in &l.rows {
                    for slot in &row.slots {
                        if let Slot::Cell { row, col, .. } = slot {
                            assert!(seen.insert((*row, *col)), "{kind:?} {template:?}: ({row},{col}) twice");
                        }
                    }
                }
                let total: usize = table.def.rows.iter().map(|r| r.cols.len()).sum();
                assert_eq!(seen.len(), total, "{kind:?} {template:?}");
            }
        }
    }
}

//! How the official format prints each table, as data (`Print`, one per
//! table of each template in `template.rs`), and the one function that lays a
//! table out from it: the multi-level headings, the group labels spanning
//! rows, the section rows of table 二, and where each template cell sits. The
//! page's normalized view and the test generator draw tables from this.

use super::template::TableDef;
use label as l;

/// A label the format prints: text and spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub text: &'static str,
    pub rowspan: usize,
    pub colspan: usize,
}

/// Heading rows the format prints right before a row of the table (`before`
/// is its key): the column headings, and in table 二 each section's title.
#[derive(Debug)]
pub struct Heading {
    pub before: &'static str,
    pub rows: &'static [&'static [Label]],
}

/// A label printed in the label columns spanning the rows `first..=last`
/// (keys); groups nest by containment, the outer one further left.
#[derive(Clone, Copy, Debug)]
pub struct Group {
    pub label: &'static str,
    pub first: &'static str,
    pub last: &'static str,
}

/// Where the values sit.
#[derive(Debug, PartialEq, Eq)]
pub enum Body {
    /// One printed row per template row: its labels, then its values, the last
    /// value spanning the columns the row does not have.
    EachRow,
    /// All the table's values in one printed row, under the headings (表四, 1×15).
    OneRow,
}

#[derive(Debug)]
pub struct Print {
    pub caption: &'static str,
    /// Printed columns in all, label columns included.
    pub width: usize,
    /// Label columns before the values.
    pub stub: usize,
    pub headings: &'static [Heading],
    pub groups: &'static [Group],
    pub body: Body,
}

pub const fn label(text: &'static str, rowspan: usize, colspan: usize) -> Label {
    Label { text, rowspan, colspan }
}

/// A slot of a laid-out row: a label, or a template cell `(row, col)` of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    Label(Label),
    Cell { row: usize, col: usize, colspan: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutRow {
    /// A heading row (column headings, section titles): rendered as `th`.
    pub header: bool,
    pub slots: Vec<Slot>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub caption: &'static str,
    pub rows: Vec<LayoutRow>,
}

/// The table `def` laid out as its format prints it.
pub fn layout(def: &TableDef) -> Layout {
    layout_as(def, &def.print)
}

/// The table `def` laid out as `print` (its own, or one of `def.also`).
pub fn layout_as(def: &TableDef, print: &Print) -> Layout {
    let at = |key: &str| def.rows.iter().position(|r| r.key == key);
    // Each group as a row range, outer groups (longer) first.
    let mut groups: Vec<(usize, usize, &'static str)> =
        print.groups.iter().filter_map(|g| Some((at(g.first)?, at(g.last)?, g.label))).collect();
    groups.sort_by_key(|&(first, last, _)| (first, usize::MAX - last));
    let mut rows = Vec::new();
    let mut one_row = Vec::new();
    for (r, row) in def.rows.iter().enumerate() {
        for heading in print.headings.iter().filter(|h| h.before == row.key) {
            let slots = |labels: &[Label]| labels.iter().cloned().map(Slot::Label).collect();
            rows.extend(heading.rows.iter().map(|labels| LayoutRow { header: true, slots: slots(labels) }));
        }
        let n = row.cols.len();
        if print.body == Body::OneRow {
            one_row.extend((0..n).map(|col| Slot::Cell { row: r, col, colspan: 1 }));
            continue;
        }
        let mut slots = Vec::new();
        let mut depth = 0;
        for &(first, last, text) in groups.iter().filter(|g| (g.0..=g.1).contains(&r)) {
            depth += 1;
            if first == r {
                slots.push(Slot::Label(label(text, last - first + 1, 1)));
            }
        }
        slots.push(Slot::Label(label(row.label, 1, print.stub.saturating_sub(depth).max(1))));
        let last_span = print.width.saturating_sub(print.stub + n) + 1;
        slots.extend((0..n).map(|col| Slot::Cell { row: r, col, colspan: if col + 1 == n { last_span } else { 1 } }));
        rows.push(LayoutRow { header: false, slots });
    }
    if !one_row.is_empty() {
        rows.push(LayoutRow { header: false, slots: one_row });
    }
    Layout { caption: print.caption, rows }
}

// The prints of the two formats (国办公开办函〔2019〕60号 and 〔2021〕30号).

const ITEMS_HEAD_2019: &[Label] =
    &[l("信息内容", 1, 1), l("上一年项目数量", 1, 1), l("本年增/减", 1, 1), l("处理决定数量", 1, 1)];
const DECISIONS_HEAD_2021: &[Label] = &[l("信息内容", 1, 1), l("本年处理决定数量", 1, 3)];

const ACTIVE_CAPTION: &str = "二、主动公开政府信息情况";

/// A section of table 二: its title row and its column headings.
const fn section(before: &'static str, rows: &'static [&'static [Label]]) -> Heading {
    Heading { before, rows }
}

const REQUESTS_HEADINGS: &[Heading] = &[Heading {
    before: "new",
    rows: &[
        &[l("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), l("申请人情况", 1, 7)],
        &[l("自然人", 2, 1), l("法人或其他组织", 1, 5), l("总计", 2, 1)],
        &[l("商业企业", 1, 1), l("科研机构", 1, 1), l("社会公益组织", 1, 1), l("法律服务机构", 1, 1), l("其他", 1, 1)],
    ],
}];

const fn group(label: &'static str, first: &'static str, last: &'static str) -> Group {
    Group { label, first, last }
}

const fn requests_print(groups: &'static [Group]) -> Print {
    Print {
        caption: "三、收到和处理政府信息公开申请情况",
        width: 10,
        stub: 3,
        headings: REQUESTS_HEADINGS,
        groups,
        body: Body::EachRow,
    }
}

const RESULT_GROUPS_2019: [Group; 4] = [
    group("三、本年度办理结果", "granted", "total_processed"),
    group("（三）不予公开", "denied_state_secret", "denied_query"),
    group("（四）无法提供", "unable_not_held", "unable_unclear"),
    group("（五）不予处理", "refused_petition", "refused_reconfirm"),
];

const LEAVES: [Label; 5] =
    [l("结果维持", 1, 1), l("结果纠正", 1, 1), l("其他结果", 1, 1), l("尚未审结", 1, 1), l("总计", 1, 1)];

/// Table 二, 2019 format: five sections of 第二十条.
pub(super) const ACTIVE_2019: Print = Print {
    caption: ACTIVE_CAPTION,
    width: 4,
    stub: 1,
    headings: &[
        section(
            "regulations",
            &[
                &[l("第二十条第（一）项", 1, 4)],
                &[l("信息内容", 1, 1), l("本年新制作数量", 1, 1), l("本年新公开数量", 1, 1), l("对外公开总数量", 1, 1)],
            ],
        ),
        section("licensing", &[&[l("第二十条第（五）项", 1, 4)], ITEMS_HEAD_2019]),
        section("penalty", &[&[l("第二十条第（六）项", 1, 4)], ITEMS_HEAD_2019]),
        section(
            "fees",
            &[
                &[l("第二十条第（八）项", 1, 4)],
                &[l("信息内容", 1, 1), l("上一年项目数量", 1, 1), l("本年增/减", 1, 2)],
            ],
        ),
        section(
            "procurement",
            &[&[l("第二十条第（九）项", 1, 4)], &[l("信息内容", 1, 1), l("采购项目数量", 1, 1), l("采购总金额", 1, 2)]],
        ),
    ],
    groups: &[],
    body: Body::EachRow,
};

/// Table 二, 2021 format: four sections of 第二十条.
pub(super) const ACTIVE_2021: Print = Print {
    caption: ACTIVE_CAPTION,
    width: 4,
    stub: 1,
    headings: &[
        section(
            "regulations",
            &[
                &[l("第二十条第（一）项", 1, 4)],
                &[l("信息内容", 1, 1), l("本年制发件数", 1, 1), l("本年废止件数", 1, 1), l("现行有效件数", 1, 1)],
            ],
        ),
        section("licensing", &[&[l("第二十条第（五）项", 1, 4)], DECISIONS_HEAD_2021]),
        section("penalty", &[&[l("第二十条第（六）项", 1, 4)], DECISIONS_HEAD_2021]),
        section(
            "fees",
            &[&[l("第二十条第（八）项", 1, 4)], &[l("信息内容", 1, 1), l("本年收费金额（单位：万元）", 1, 3)]],
        ),
    ],
    groups: &[],
    body: Body::EachRow,
};

pub(super) const REQUESTS_2019: Print = requests_print(&RESULT_GROUPS_2019);

pub(super) const REQUESTS_2021: Print = requests_print(&[
    RESULT_GROUPS_2019[0],
    RESULT_GROUPS_2019[1],
    RESULT_GROUPS_2019[2],
    RESULT_GROUPS_2019[3],
    group("（六）其他处理", "other_no_correction", "other_other"),
]);

/// Table 四, both formats: the fifteen values in one row under three heading rows.
pub(super) const REVIEW: Print = Print {
    caption: "四、政府信息公开行政复议、行政诉讼情况",
    width: 15,
    stub: 0,
    headings: &[Heading {
        before: "reconsideration",
        rows: &[
            &[l("行政复议", 1, 5), l("行政诉讼", 1, 10)],
            &[
                l("结果维持", 2, 1),
                l("结果纠正", 2, 1),
                l("其他结果", 2, 1),
                l("尚未审结", 2, 1),
                l("总计", 2, 1),
                l("未经复议直接起诉", 1, 5),
                l("复议后起诉", 1, 5),
            ],
            &[
                LEAVES[0], LEAVES[1], LEAVES[2], LEAVES[3], LEAVES[4], LEAVES[0], LEAVES[1], LEAVES[2], LEAVES[3],
                LEAVES[4],
            ],
        ],
    }],
    groups: &[],
    body: Body::OneRow,
};

/// Table 四 as many reports print it: the outcomes as columns, one labelled
/// row each for 行政复议, 未经复议直接起诉 and 复议后起诉.
pub(super) const REVIEW_BY_ROW: Print = Print {
    caption: "四、政府信息公开行政复议、行政诉讼情况",
    width: 6,
    stub: 1,
    headings: &[Heading {
        before: "reconsideration",
        rows: &[&[l("", 1, 1), LEAVES[0], LEAVES[1], LEAVES[2], LEAVES[3], LEAVES[4]]],
    }],
    groups: &[],
    body: Body::EachRow,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TableKind, TemplateId};

    /// Every template cell appears exactly once, and the printed rows tile the
    /// table's width with no gap and no overlap.
    #[test]
    fn layouts_place_every_cell_once_and_fill_the_width() {
        for template in [TemplateId::Y2019, TemplateId::Y2021] {
            for kind in [TableKind::Active, TableKind::Requests, TableKind::Review] {
                let def = template.template().table(kind);
                for print in std::iter::once(&def.print).chain(def.also) {
                    let l = layout_as(def, print);
                    let width = print.width;
                    let mut seen = std::collections::HashSet::new();
                    // Columns still covered by a label spanning rows from above.
                    let mut covered: Vec<usize> = vec![0; width];
                    for (i, row) in l.rows.iter().enumerate() {
                        let mut x = 0;
                        for slot in &row.slots {
                            while x < width && covered[x] > 0 {
                                x += 1;
                            }
                            let (rowspan, colspan) = match slot {
                                Slot::Label(l) => (l.rowspan, l.colspan),
                                Slot::Cell { row, col, colspan } => {
                                    assert!(seen.insert((*row, *col)), "{kind:?} {template:?}: ({row},{col}) twice");
                                    (1, *colspan)
                                }
                            };
                            let span = covered.get_mut(x..x + colspan);
                            let span = span.unwrap_or_else(|| panic!("{kind:?} {template:?}: row {i} too wide"));
                            assert!(span.iter().all(|&c| c == 0), "{kind:?} {template:?}: row {i} overlaps at {x}");
                            span.fill(rowspan);
                            x += colspan;
                        }
                        assert!(covered.iter().all(|&c| c > 0), "{kind:?} {template:?}: row {i} leaves a gap");
                        covered.iter_mut().for_each(|c| *c -= 1);
                    }
                    let total: usize = def.rows.iter().map(|r| r.cols.len()).sum();
                    assert_eq!(seen.len(), total, "{kind:?} {template:?}");
                }
            }
        }
    }
}

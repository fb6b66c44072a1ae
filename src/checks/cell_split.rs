//! CELL-SPLIT (info; warning for a tie): digits printed with no border between
//! cells (a crawler's copy of a web table) were split into cells by the table's
//! arithmetic, or values printed one per line with blank cells left as empty
//! lines were placed by it. One finding per table says so and how; each row
//! whose digits two readings fit equally well gets a warning naming both.

use super::identities::short_row;
use super::{cell_key, Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{NoteKind, Number, Report};

pub static RULE: Rule = Rule {
    code: "CELL-SPLIT",
    severity: Severity::Info,
    name: "数字粘连，按勾稽关系拆分",
    run: super::Run::Report(check),
    fix: "对照原始表格核对拆分出的数字；发布网页时保留表格结构（每个数字一个单元格）。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "表格的数字之间没有分隔（如“640020470”），读取时按位数和表格的勾稽关系拆成各个单元格；数字各占一格、空白单元格却没有留下痕迹时（一格一行的文本只印成空行，PDF 文本中与相邻数字只隔一个空格），空白的位置也按勾稽关系推断。两种拆法同样成立时给出警告。",
    why: "网页被抓取或复制成纯文本后，表格单元格常常首尾相接。同一串数字可能有多种拆法，读出的数字是推断的，需要对照原表核对。",
    bad: concat!(
        "三、收到和处理政府信息公开申请情况 申请人情况自然人商业企业科研机构社会公益组织法律服务机构其他总计",
        "一、本年新收政府信息公开申请数量100000010二、上年结转政府信息公开申请数量0000000",
        "三、本年度办理结果（一）予以公开100000010（七）总计100000010四、结转下年度继续办理0000000\n",
    ),
    good: concat!(
        "三、收到和处理政府信息公开申请情况\n",
        "一、本年新收政府信息公开申请数量\t10\t0\t0\t0\t0\t0\t10\n",
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n",
        "（一）予以公开\t10\t0\t0\t0\t0\t0\t10\n",
        "（七）总计\t10\t0\t0\t0\t0\t0\t10\n",
        "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n",
    ),
    basis: "年度报告格式：各表每个数字单独占一个单元格；表三每行总计等于各类申请人之和，各列满足表格左上角的勾稽关系。",
};

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    for table in report.tables.iter() {
        let def = table.def;
        let notes: Vec<_> = report
            .notes
            .iter()
            .filter(|n| n.table == def.kind)
            .filter_map(|n| match &n.kind {
                NoteKind::Split { readings, balanced, other, blanks, lines, .. } => {
                    Some((n, *readings, *balanced, other, *blanks, *lines))
                }
                _ => None,
            })
            .collect();
        if notes.is_empty() {
            continue;
        }
        let ties = notes.iter().filter(|(_, _, _, other, ..)| other.is_some()).count();
        let unbalanced = notes.iter().filter(|(_, _, b, ..)| *b == 0).count();
        let counted: Vec<usize> = notes.iter().filter_map(|(_, r, ..)| *r).collect();
        let blanks: usize = notes.iter().map(|(.., b, _)| b).sum();
        let lines = notes.iter().all(|(.., lines)| *lines);
        let finding = Finding::SplitTable {
            table: def.kind,
            rows: notes.len(),
            readings: (counted.len() == notes.len()).then(|| counted.iter().sum()),
            settled: notes.len() - ties - unbalanced,
            ties,
            unbalanced,
            blanks,
            lines,
        };
        let mut d = Diagnostic::new(&RULE, finding);
        d.cells = notes.iter().flat_map(|(n, ..)| n.cells(def)).map(|(r, c)| cell_key(table, r, c)).collect();
        d.span = notes.first().map(|(n, ..)| n.span);
        d.related = notes.iter().skip(1).map(|(n, ..)| n.span).collect();
        out.push(d);
        for (n, _, _, other, ..) in &notes {
            let Some(other) = other else { continue };
            let cells = n.cells(def);
            let chosen: Vec<Option<Number>> = cells
                .iter()
                .map(|&(r, c)| match table.cells[r][c].value {
                    crate::model::CellValue::Number(v) => Some(v),
                    _ => None,
                })
                .collect();
            let label = def.rows.iter().find(|r| r.key == n.row).map_or("", |r| short_row(r.label));
            let mut d = Diagnostic::new(&RULE, Finding::SplitTie { row: label, chosen, other: other.clone() });
            d.severity = Severity::Warning;
            d.cells = cells.iter().map(|&(r, c)| cell_key(table, r, c)).collect();
            d.span = Some(n.span);
            out.push(d);
        }
    }
}

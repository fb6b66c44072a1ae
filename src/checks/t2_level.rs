//! T2-LEVEL (warning): 规章 > 0 in a report of a county-level or lower
//! government, or of a local government department: only State Council
//! ministries and provincial or districted-city governments make 规章 (立法法).

use super::{cell_key, Diagnostic, Finding, Rule, RuleDoc, Severity};
use crate::model::{CellValue, Report};

pub static RULE: Rule = Rule {
    code: "T2-LEVEL",
    severity: Severity::Warning,
    name: "无权制定规章的机关填了规章",
    run: super::Run::Report(check),
    fix: "把本机关制发的文件计入“（行政）规范性文件”一行，“规章”填 0。",
};

/// What `nianbao explain` prints, and the page loads once asked (not in its first load).
pub static DOC: RuleDoc = RuleDoc {
    what: "发布机关是县级及以下人民政府或地方政府部门，而“规章”一行填了大于 0 的数字。",
    why: "只有国务院部门、省级人民政府和设区的市人民政府有权制定规章，县、乡镇政府和地方政府部门制发的是行政规范性文件，应填在下一行。",
    bad: "某县教育局2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t2\t0\t2\n",
    good: "某县教育局2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n",
    basis: "《中华人民共和国立法法》第九十一条、第九十三条（规章的制定主体）。",
};

/// Whether an agency may make 规章: a State Council department, or a
/// provincial or city government, or such a province or city named alone for
/// the report of all its bodies (a county-level city cannot be told apart,
/// so every 市人民政府 is given the benefit of the doubt). A government's
/// general office (`上海市人民政府办公厅`) publishes the government's 规章
/// and reports them as its own.
fn may_make_rules(agency: &str) -> bool {
    let central = agency.starts_with("国务院") || agency.starts_with("国家") || agency.starts_with("中华人民共和国");
    let government = agency.strip_suffix("办公厅").or_else(|| agency.strip_suffix("办公室")).unwrap_or(agency);
    // An autonomous region (广西壮族自治区) is a province, not a district.
    let government = government.replace("自治区", "省");
    // A report of a whole province or city names it alone (`杭州市2023年政府信息公开…`).
    let region = government.ends_with('市') || government.ends_with('省');
    let local_government = (government.ends_with("人民政府") || region)
        && !["县", "区", "镇", "乡", "街道", "旗"].iter().any(|w| government.contains(w));
    central || local_government || agency.ends_with('部')
}

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let (Some(agency), Some(table)) = (&report.meta.agency, &report.tables.active) else { return };
    if may_make_rules(&agency.value) {
        return;
    }
    let Some(r) = table.def.rows.iter().position(|r| r.key == "regulations") else { return };
    let filled: Vec<usize> = (0..table.cells[r].len())
        .filter(|&c| matches!(table.cells[r][c].value, CellValue::Number(n) if n.mantissa > 0))
        .collect();
    if filled.is_empty() {
        return;
    }
    let values = filled
        .iter()
        .filter_map(|&c| match table.cells[r][c].value {
            CellValue::Number(n) => Some((table.def.rows[r].cols[c].label, n)),
            _ => None,
        })
        .collect();
    let mut d = Diagnostic::new(&RULE, Finding::RulesByAgency { agency: agency.value.clone(), values });
    d.cells = filled.iter().map(|&c| cell_key(table, r, c)).collect();
    d.span = table.cells[r][filled[0]].span;
    d.related = vec![agency.span];
    out.push(d);
}

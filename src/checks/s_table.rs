//! S-TABLE (error): one of the three statistical tables was not found.

use super::{Diagnostic, Severity};
use crate::model::Report;

pub fn check(report: &Report, out: &mut Vec<Diagnostic>) {
    let t = &report.tables;
    for (table, name, key) in [
        (&t.active, "二、主动公开政府信息情况", "active"),
        (&t.requests, "三、收到和处理政府信息公开申请情况", "requests"),
        (&t.review, "四、政府信息公开行政复议、行政诉讼情况", "review"),
    ] {
        if table.is_none() {
            out.push(Diagnostic {
                code: "S-TABLE",
                severity: Severity::Error,
                message: format!("未找到“{name}”统计表（{key}），无法核对该表。"),
                cells: Vec::new(),
                span: None,
            });
        }
    }
}

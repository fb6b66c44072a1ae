//! The applications table (三、收到和处理政府信息公开申请情况), anchored on row labels.

use super::lines::{numbers, Line};
use crate::model::{Cell, CellValue, Table, TemplateId};

pub fn read(_input: &str, lines: &[Line], template: Option<TemplateId>) -> Option<Table> {
    let def = &template.unwrap_or(TemplateId::Y2019).template().requests;
    let anchor = lines.iter().find(|l| l.folded.text.contains("本年新收"))?;
    let mut table = Table::empty(def);
    let row = def.rows.iter().position(|r| r.key == "new")?;
    let label_end = anchor.raw.find("数量").map_or(0, |i| i + "数量".len());
    let found = numbers(&anchor.raw[label_end..], anchor.start + label_end);
    for (cell, token) in table.cells[row].iter_mut().zip(&found) {
        *cell = Cell {
            value: CellValue::Number(token.value),
            span: Some(token.span),
        };
    }
    Some(table)
}

//! Which format a table shows. A table is read in one format's layout, but
//! only what is printed in it tells the formats apart: rows only one format
//! has (2019's 其他对外管理服务事项 and 政府集中采购, its one-row （六）其他处理;
//! 2021's three （六） rows), or header words only one format prints
//! (新制作数量 / 本年制发件数). Where neither is there, the format is unknown.

use crate::model::{CellValue, Table, TemplateId};
use crate::text::Folded;

/// Whether an active table's text, as `says` finds words in it, is in the 2021
/// format: it prints 2021's own words (本年制发件数 …) and none of 2019's.
pub(super) fn active_says_2021(says: impl Fn(&[&str]) -> bool) -> bool {
    says(TemplateId::Y2021.template().active.own_words) && !says(TemplateId::Y2019.template().active.own_words)
}

/// Whether `table`, as read from `input`, shows the format it was read in.
pub fn shows_template(table: &Table, input: &str) -> bool {
    let other = match table.template {
        TemplateId::Y2019 => TemplateId::Y2021,
        TemplateId::Y2021 => TemplateId::Y2019,
    };
    let other_rows = other.template().table(table.def.kind).rows;
    // A row the other format lacks, read with at least one cell.
    let own_row = table.def.rows.iter().zip(&table.cells).any(|(def, cells)| {
        !other_rows.iter().any(|o| o.key == def.key) && cells.iter().any(|c| c.value != CellValue::Missing)
    });
    if own_row {
        return true;
    }
    let own = table.def.own_words;
    let others = other.template().table(table.def.kind).own_words;
    if own.is_empty() {
        return false;
    }
    let text = input.get(table.span.start..table.span.end).unwrap_or_default();
    let folded = Folded::new(text, table.span.start);
    let says = |words: &[&str]| words.iter().any(|w| folded.text.contains(w));
    says(own) && !says(others)
}

#[cfg(test)]
mod tests {
    use crate::model::TemplateId;

    fn format(input: &str) -> Option<TemplateId> {
        crate::parse(input).meta.template
    }

    #[test]
    fn the_format_is_what_the_table_prints_or_unknown() {
        let requests = |sixth: &str| {
            format!(
                "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n\
                 三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n{sixth}（七）总计\t1\t0\t0\t0\t0\t0\t1\n"
            )
        };
        assert_eq!(format(&requests("")), None, "no （六） rows: either format");
        assert_eq!(format(&requests("（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n")), Some(TemplateId::Y2019));
        let three =
            "（六）其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n";
        assert_eq!(format(&requests(three)), Some(TemplateId::Y2021));
        let active =
            |header: &str| format!("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t{header}\n规章\t0\t0\t0\n");
        assert_eq!(format(&active("本年制发件数\t本年废止件数\t现行有效件数")), Some(TemplateId::Y2021));
        assert_eq!(format(&active("本年新制作数量\t本年新公开数量\t对外公开总数量")), Some(TemplateId::Y2019));
        assert_eq!(format(&active("")), None);
    }
}

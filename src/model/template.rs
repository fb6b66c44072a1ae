//! The official report formats as data: which tables, rows and columns each
//! template has, with their stable keys, official labels and match words, and
//! how each table is printed (`print`). A new national format is a new value
//! here, not new code.

use super::print::{self, Print};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TemplateId {
    /// 国办公开办函〔2019〕60号, reports on 2019 and 2020.
    Y2019,
    /// 国办公开办函〔2021〕30号, reports on 2021 and later.
    Y2021,
}

impl TemplateId {
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateId::Y2019 => "2019",
            TemplateId::Y2021 => "2021",
        }
    }

    pub fn template(self) -> &'static Template {
        match self {
            TemplateId::Y2019 => &TEMPLATE_2019,
            TemplateId::Y2021 => &TEMPLATE_2021,
        }
    }
}

/// The six chapters both formats prescribe, as the format prints their headings.
pub const CHAPTERS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    Active,
    Requests,
    Review,
}

impl TableKind {
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Active => "active",
            TableKind::Requests => "requests",
            TableKind::Review => "review",
        }
    }
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColKind {
    /// A count: 0 or more.
    Count,
    /// A change from last year (本年增/减): may be negative.
    Signed,
    /// An amount of money, in the unit the table names (万元 or 元).
    Money,
}

#[derive(Clone, Copy, Debug)]
pub struct ColDef {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: ColKind,
}

#[derive(Debug)]
pub struct RowDef {
    pub key: &'static str,
    pub label: &'static str,
    pub cols: &'static [ColDef],
    /// Words of the official label any one of which identifies the row, as
    /// they survive what extraction and OCR do to labels (split, damaged,
    /// abbreviated); matched against the bare label text, in template order.
    pub words: &'static [&'static str],
    /// Words that identify the row only as its whole label, numbered or not
    /// (`其他`, which many labels hold): the official label with its number left out.
    pub alone: &'static [&'static str],
}

#[derive(Debug)]
pub struct TableDef {
    pub kind: TableKind,
    pub rows: &'static [RowDef],
    /// Words only this format prints in this table (headers, row labels):
    /// where they stand, the table shows its format.
    pub own_words: &'static [&'static str],
    /// How the format prints the table.
    pub print: Print,
    /// Other layouts reports print it in (table 四 as three labelled rows of five).
    pub also: &'static [Print],
}

#[derive(Debug)]
pub struct Template {
    pub id: TemplateId,
    pub active: TableDef,
    pub requests: TableDef,
    pub review: TableDef,
}

impl Template {
    pub fn table(&self, kind: TableKind) -> &TableDef {
        match kind {
            TableKind::Active => &self.active,
            TableKind::Requests => &self.requests,
            TableKind::Review => &self.review,
        }
    }
}

const fn col(key: &'static str, label: &'static str) -> ColDef {
    ColDef { key, label, kind: ColKind::Count }
}

const fn signed(key: &'static str, label: &'static str) -> ColDef {
    ColDef { key, label, kind: ColKind::Signed }
}

const fn money(key: &'static str, label: &'static str) -> ColDef {
    ColDef { key, label, kind: ColKind::Money }
}

const fn row(
    key: &'static str,
    label: &'static str,
    cols: &'static [ColDef],
    words: &'static [&'static str],
) -> RowDef {
    RowDef { key, label, cols, words, alone: &[] }
}

impl RowDef {
    const fn alone(self, alone: &'static [&'static str]) -> RowDef {
        RowDef { alone, ..self }
    }
}

const DOCS_2019: &[ColDef] =
    &[col("made", "本年新制作数量"), col("published", "本年新公开数量"), col("total_public", "对外公开总数量")];
const ITEMS_2019: &[ColDef] =
    &[col("prev_count", "上一年项目数量"), signed("change", "本年增/减"), col("decisions", "处理决定数量")];
const FEES_2019: &[ColDef] = &[col("prev_count", "上一年项目数量"), signed("change", "本年增/减")];
const PROCUREMENT_2019: &[ColDef] = &[col("projects", "采购项目数量"), money("amount", "采购总金额")];

const DOCS_2021: &[ColDef] =
    &[col("issued", "本年制发件数"), col("repealed", "本年废止件数"), col("in_force", "现行有效件数")];
const DECISIONS_2021: &[ColDef] = &[col("decisions", "本年处理决定数量")];
const FEES_2021: &[ColDef] = &[money("amount", "本年收费金额（单位：万元）")];

const APPLICANTS: &[ColDef] = &[
    col("natural", "自然人"),
    col("business", "商业企业"),
    col("research", "科研机构"),
    col("social", "社会公益组织"),
    col("legal", "法律服务机构"),
    col("other", "其他"),
    col("total", "总计"),
];

const OUTCOMES: &[ColDef] = &[
    col("upheld", "结果维持"),
    col("corrected", "结果纠正"),
    col("other", "其他结果"),
    col("pending", "尚未审结"),
    col("total", "总计"),
];

macro_rules! request_rows {
    ($($key:literal => $label:literal, $words:expr $(, alone $alone:expr)?);* $(;)?) => {
        &[
            row("new", "一、本年新收政府信息公开申请数量", APPLICANTS, &["新收"]),
            row("carried_in", "二、上年结转政府信息公开申请数量", APPLICANTS, &["上年结转"]),
            row("granted", "（一）予以公开", APPLICANTS, &["以公开"]),
            row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", APPLICANTS, &["部分公开", "分公开"]),
            row("denied_state_secret", "1.属于国家秘密", APPLICANTS, &["国家秘密"]),
            row("denied_law", "2.其他法律行政法规禁止公开", APPLICANTS, &["禁止公开", "法律行政法规"]),
            row("denied_safety", "3.危及“三安全一稳定”", APPLICANTS, &["三安全", "一稳定", "危及"]),
            row("denied_third_party", "4.保护第三方合法权益", APPLICANTS, &["第三方"]),
            row("denied_internal", "5.属于三类内部事务信息", APPLICANTS, &["内部事务"]),
            row("denied_process", "6.属于四类过程性信息", APPLICANTS, &["过程性"]),
            row("denied_enforcement", "7.属于行政执法案卷", APPLICANTS, &["执法案卷", "行政执法"]),
            row("denied_query", "8.属于行政查询事项", APPLICANTS, &["查询事项"]),
            row("unable_not_held", "1.本机关不掌握相关政府信息", APPLICANTS, &["不掌握"]),
            row("unable_needs_creation", "2.没有现成信息需要另行制作", APPLICANTS, &["另行制作", "现成信息"]),
            row("unable_unclear", "3.补正后申请内容仍不明确", APPLICANTS, &["仍不明确", "补正后"]),
            row("refused_petition", "1.信访举报投诉类申请", APPLICANTS, &["信访", "举报投诉"]),
            row("refused_repeat", "2.重复申请", APPLICANTS, &["重复申请"]),
            row("refused_publication", "3.要求提供公开出版物", APPLICANTS, &["出版物"]),
            // 反覆: a copy in traditional script writes the phrase so (覆 stays 覆 in simplified).
            row("refused_mass", "4.无正当理由大量反复申请", APPLICANTS, &["大量反复", "大量反覆"]),
            row("refused_reconfirm", "5.要求行政机关确认或重新出具已获取信息", APPLICANTS, &["重新出具", "确认或"]),
            $(row($key, $label, APPLICANTS, $words)$(.alone($alone))?,)*
            row("total_processed", "（七）总计", APPLICANTS, &["七总计", "七总"]),
            row("carried_out", "四、结转下年度继续办理", APPLICANTS, &["结转下年", "继续办理"]),
        ]
    };
}

const REVIEW: TableDef = TableDef {
    kind: TableKind::Review,
    rows: &[
        // The words find the rows where the table is printed as three labelled
        // rows of five (`print::REVIEW_BY_ROW`); printed as one row of 15 they
        // stand in its heading.
        row("reconsideration", "行政复议", OUTCOMES, &["行政复议"]),
        row("direct_suit", "行政诉讼 未经复议直接起诉", OUTCOMES, &["直接起诉"]),
        row("suit_after_review", "行政诉讼 复议后起诉", OUTCOMES, &["复议后起诉"]),
    ],
    // The same in both formats.
    own_words: &[],
    print: print::REVIEW,
    also: &[print::REVIEW_BY_ROW],
};

/// Table 四 as its format prints it (`print::REVIEW`, `Body::OneRow`): one row
/// of all fifteen cells, 行政复议's five, then 未经复议直接起诉's and 复议后起诉's,
/// whose only label is the caption or the heading's 行政复议. The reader reads
/// it so, and lays the cells out as `REVIEW`'s three rows, in order.
pub static REVIEW_AS_ONE_ROW: TableDef = TableDef {
    kind: TableKind::Review,
    rows: &[row("reconsideration", "行政复议", REVIEW_CELLS, &["行政复议"])],
    own_words: &[],
    print: print::REVIEW,
    also: &[],
};

const REVIEW_CELLS: &[ColDef] = &[
    OUTCOMES[0],
    OUTCOMES[1],
    OUTCOMES[2],
    OUTCOMES[3],
    OUTCOMES[4],
    OUTCOMES[0],
    OUTCOMES[1],
    OUTCOMES[2],
    OUTCOMES[3],
    OUTCOMES[4],
    OUTCOMES[0],
    OUTCOMES[1],
    OUTCOMES[2],
    OUTCOMES[3],
    OUTCOMES[4],
];

pub static TEMPLATE_2019: Template = Template {
    id: TemplateId::Y2019,
    active: TableDef {
        kind: TableKind::Active,
        rows: &[
            row("regulations", "规章", DOCS_2019, &["规章"]),
            row("normative_docs", "规范性文件", DOCS_2019, &["规范性文件"]),
            row("licensing", "行政许可", ITEMS_2019, &["行政许可"]),
            row("other_services", "其他对外管理服务事项", ITEMS_2019, &["其他对外管理服务"]),
            row("penalty", "行政处罚", ITEMS_2019, &["行政处罚"]),
            row("coercion", "行政强制", ITEMS_2019, &["行政强制"]),
            row("fees", "行政事业性收费", FEES_2019, &["行政事业性收费", "事业性收费"]),
            row("procurement", "政府集中采购", PROCUREMENT_2019, &["集中采购", "政府采购"]),
        ],
        own_words: &["新制作数量", "新公开数量", "对外公开总数", "上一年项目", "集中采购", "其他对外管理服务"],
        print: print::ACTIVE_2019,
        also: &[],
    },
    requests: TableDef {
        kind: TableKind::Requests,
        own_words: &[],
        rows: request_rows!("other_handling" => "（六）其他处理", &["其他处理"]),
        print: print::REQUESTS_2019,
        also: &[],
    },
    review: REVIEW,
};

pub static TEMPLATE_2021: Template = Template {
    id: TemplateId::Y2021,
    active: TableDef {
        kind: TableKind::Active,
        rows: &[
            row("regulations", "规章", DOCS_2021, &["规章"]),
            row("normative_docs", "行政规范性文件", DOCS_2021, &["规范性文件"]),
            row("licensing", "行政许可", DECISIONS_2021, &["行政许可"]),
            row("penalty", "行政处罚", DECISIONS_2021, &["行政处罚"]),
            row("coercion", "行政强制", DECISIONS_2021, &["行政强制"]),
            row("fees", "行政事业性收费", FEES_2021, &["行政事业性收费", "事业性收费"]),
        ],
        own_words: &["本年制发", "本年废止", "现行有效", "收费金额", "行政规范性文件"],
        print: print::ACTIVE_2021,
        also: &[],
    },
    requests: TableDef {
        kind: TableKind::Requests,
        own_words: &["逾期不补正", "缴纳费用", "收费通知"],
        rows: request_rows!(
            "other_no_correction" => "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", &["逾期不补正", "不补正"];
            "other_no_fee" => "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", &["缴纳费用", "收费通知"];
            // Printed unnumbered too, under 1. and 2.
            "other_other" => "3.其他", &["3其他"], alone &["其他"];
        ),
        print: print::REQUESTS_2021,
        also: &[],
    },
    review: REVIEW,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_have_the_official_sizes() {
        let cells = |t: &TableDef| t.rows.iter().map(|r| r.cols.len()).sum::<usize>();
        assert_eq!(cells(&TEMPLATE_2019.active), 22);
        assert_eq!(cells(&TEMPLATE_2021.active), 10);
        assert_eq!(TEMPLATE_2019.requests.rows.len(), 23);
        assert_eq!(TEMPLATE_2021.requests.rows.len(), 25);
        assert_eq!(cells(&TEMPLATE_2019.review), 15);
    }
}

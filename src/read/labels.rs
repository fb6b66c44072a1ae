//! How row labels are recognised: for each template row, words of its official
//! label that survive the damage text extraction and OCR do to it (split
//! labels, dropped characters, variants). Matched against the bare label text.

/// Words any one of which identifies the row (checked in template order).
pub fn row_words(table: &str, row: &str) -> &'static [&'static str] {
    match (table, row) {
        ("requests", "new") => &["新收"],
        ("requests", "carried_in") => &["上年结转"],
        ("requests", "granted") => &["以公开"],
        ("requests", "partial") => &["部分公开", "分公开"],
        ("requests", "denied_state_secret") => &["国家秘密"],
        ("requests", "denied_law") => &["禁止公开", "法律行政法规"],
        ("requests", "denied_safety") => &["三安全", "一稳定", "危及"],
        ("requests", "denied_third_party") => &["第三方"],
        ("requests", "denied_internal") => &["内部事务"],
        ("requests", "denied_process") => &["过程性"],
        ("requests", "denied_enforcement") => &["执法案卷", "行政执法"],
        ("requests", "denied_query") => &["查询事项"],
        ("requests", "unable_not_held") => &["不掌握"],
        ("requests", "unable_needs_creation") => &["另行制作", "现成信息"],
        ("requests", "unable_unclear") => &["仍不明确", "补正后"],
        ("requests", "refused_petition") => &["信访", "举报投诉"],
        ("requests", "refused_repeat") => &["重复申请"],
        ("requests", "refused_publication") => &["出版物"],
        ("requests", "refused_mass") => &["大量反复"],
        ("requests", "refused_reconfirm") => &["重新出具", "确认或"],
        ("requests", "other_handling") => &["其他处理"],
        ("requests", "other_no_correction") => &["逾期不补正", "不补正"],
        ("requests", "other_no_fee") => &["缴纳费用", "收费通知"],
        ("requests", "other_other") => &["3其他"],
        ("requests", "total_processed") => &["七总计", "七总"],
        ("requests", "carried_out") => &["结转下年", "继续办理"],
        ("active", "regulations") => &["规章"],
        ("active", "normative_docs") => &["规范性文件"],
        ("active", "licensing") => &["行政许可"],
        ("active", "other_services") => &["其他对外管理服务"],
        ("active", "penalty") => &["行政处罚"],
        ("active", "coercion") => &["行政强制"],
        ("active", "fees") => &["行政事业性收费", "事业性收费"],
        ("active", "procurement") => &["集中采购", "政府采购"],
        _ => &[],
    }
}

/// Words only the 2021 format prints in a table, and only the 2019 format.
pub const ACTIVE_2021: &[&str] = &["本年制发", "本年废止", "现行有效", "收费金额", "行政规范性文件"];
pub const ACTIVE_2019: &[&str] =
    &["新制作数量", "新公开数量", "对外公开总数", "上一年项目", "集中采购", "其他对外管理服务"];
pub const REQUESTS_2021: &[&str] = &["逾期不补正", "缴纳费用", "收费通知"];

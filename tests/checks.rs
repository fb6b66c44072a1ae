//! Constructed cases per rule, beyond the documentation examples: each text
//! either yields the code or must not. Reports of several parts (X-*) are
//! separated by `checks::NEXT_REPORT`.

use nianbao::checks::{self, Diagnostic};

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    let reports: Vec<nianbao::Report> = text.split(checks::NEXT_REPORT).map(nianbao::parse).collect();
    let refs: Vec<&nianbao::Report> = reports.iter().collect();
    let mut out: Vec<Diagnostic> = reports.iter().flat_map(checks::check).collect();
    out.extend(checks::check_across(&refs).into_iter().map(|(_, d)| d));
    out
}

/// (code, case, text, whether the code is expected)
const CASES: &[(&str, &str, &str, bool)] = &[
    ("T3-ROW", "a blank part counts as 0 and balances", "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t1\n", false),
    ("T3-ROW", "a result row", "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n（二）部分公开\t2\t0\t0\t0\t0\t0\t3\n", true),
    ("T4-SUM", "the 复议后起诉 block", "四、政府信息公开行政复议、行政诉讼情况\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\t0\t0\t1\n", true),
    ("T2-TOTAL", "规章 row", "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t2\t2\t1\n", true),
    ("T2-FLOW", "equal is fine", "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t3\t1\t2\n", false),
    ("T2-UNIT", "more than 4 decimals", "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t1.234567\n", true),
    ("T2-UNIT", "implausibly large", "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t350000\n", true),
    ("T2-UNIT", "2019 procurement with 万元 in the header", "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额（万元）\n政府集中采购\t1\t20\n", false),
    ("T2-UNIT", "2019 procurement without a unit", "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t1\t20000\n", true),
    ("T2-LEVEL", "a township", "某镇人民政府2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t1\n", true),
    ("T2-LEVEL", "a provincial government", "某省人民政府2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t1\n", false),
    ("T2-LEVEL", "a State Council department", "国家某某局2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t1\n", false),
    ("CELL-INVALID", "a negative count", "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t-1\t0\t0\t0\t0\t0\t-1\n", true),
    ("CELL-INVALID", "a fraction in a count", "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1.5\t0\t0\t0\t0\t0\t1.5\n", true),
    ("CELL-INVALID", "本年增/减 may be negative", "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t5\t-2\t3\n", false),
    ("CELL-INVALID", "a dash", "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t5\t—\t3\n", true),
    ("S-VERSION", "a 2022 requests table without （六） rows shows no format", "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n", false),
    ("S-VERSION", "a 2022 report printing （六） as one row", "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n", true),
    ("S-VERSION", "a 2020 report in the 2021 layout", "某局2020年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n", true),
    ("S-CHAPTER", "out of order", "一、总体情况\n三、收到和处理政府信息公开申请情况\n二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n", true),
    ("S-CHAPTER", "Markdown and bold headings", "## 一、总体情况\n**二、主动公开政府信息情况**\n### 三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n", false),
    ("S-HEADING", "an unnumbered heading", "一、总体情况\n主动公开政府信息情况\n", true),
    ("S-HEADING", "a variant of 四", "四、政府信息公开行政复议及行政诉讼情况\n", true),
    ("S-META", "agency and year in the title", "某县财政局2021年政府信息公开工作年度报告\n", false),
    ("S-YEAR", "signed two years later", "某局2021年政府信息公开工作年度报告\n某局\n2023年1月10日\n", true),
    ("S-YEAR", "signed with spaces", "某局2021年政府信息公开工作年度报告\n某局\n2022 年 1 月 10 日\n", false),
    ("S-DEADLINE", "signed in Chinese numerals, in March", "某局2021年政府信息公开工作年度报告\n某局\n二〇二二年三月一日\n", true),
    ("N-FEE", "charging stated without the fee's name", "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n六、其他需要报告的事项\n本机关政府信息公开未发生收费情况。\n", false),
    ("N-FEE", "charging stated as 收取…费用", "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n六、其他需要报告的事项\n2025年度我局无向申请人收取政府信息公开费用的情况。\n", false),
    ("N-FEE", "收取 with 费 in the next sentence", "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n六、其他需要报告的事项\n广泛收取意见。经费保障到位。\n", true),
    ("N-FEE", "收取 with no fee after it", "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n六、其他需要报告的事项\n本年度广泛收取群众意见，改进工作方法，提高服务水平。\n", true),
    ("N-FEE", "only 无", "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n六、其他需要报告的事项\n无。\n", true),
    ("T2-LEVEL", "a city government's general office", "上海市人民政府办公厅2019年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t2\t0\t2\n", false),
    ("T2-LEVEL", "an autonomous region's government", "广西壮族自治区人民政府2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t2\t0\t2\n", false),
    ("T2-LEVEL", "a whole city's report, the city named alone", "杭州市2023年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t3\t5\t74\n", false),
    ("T2-LEVEL", "a whole county's report, the county named alone", "某县2023年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t1\n", true),
    ("T2-LEVEL", "a county government's office", "某县人民政府办公室2022年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t2\t0\t2\n", true),
    ("N-APPS", "未收到 against a table with 2", "本年度未收到政府信息公开申请。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n", true),
    ("N-APPS", "the count before the word", "全年共受理2件政府信息公开申请。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n", false),
    ("N-APPS", "with the carried-over ones", "全年共收到政府信息公开申请3件（含上年结转1件）。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n", false),
    ("N-APPS", "受理 counting the carried-over unsaid", "全县全年共受理政府信息公开申请 749 件。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t713\t0\t0\t0\t0\t0\t713\n二、上年结转政府信息公开申请数量\t36\t0\t0\t0\t0\t0\t36\n", false),
    ("N-APPS", "新收 is never the sum", "全年共新收政府信息公开申请 749 件。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t713\t0\t0\t0\t0\t0\t713\n二、上年结转政府信息公开申请数量\t36\t0\t0\t0\t0\t0\t36\n", true),
    ("N-APPS", "said to exclude them", "全年共受理政府信息公开申请 749 件（不含上年结转）。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t713\t0\t0\t0\t0\t0\t713\n二、上年结转政府信息公开申请数量\t36\t0\t0\t0\t0\t0\t36\n", true),
    ("N-REVIEW", "litigation stated, none in the table", "本年度发生政府信息公开行政诉讼2件。\n四、政府信息公开行政复议、行政诉讼情况\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n", true),
    ("N-REVIEW", "none stated, none in the table", "本年度未发生政府信息公开行政复议、行政诉讼。\n四、政府信息公开行政复议、行政诉讼情况\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n", false),
    ("N-SUM", "parts short of the total", "共办理人大代表建议10件，其中主办6件，协办3件。\n", true),
    ("N-SUM", "a remark in brackets restating a part", "共收到政府信息公开申请15件，其中同意公开的8件，不属于本机关公开的7件（这7件因机构改革已划转），均已答复。\n", false),
    ("N-SUM", "parts written in brackets are parts", "共收到申请15件，其中主动公开（8件）、依申请（9件）。\n", true),
    ("N-SUM", "an unclosed bracket is no bracket", "共收到申请10件，其中同意公开8件（含部分公开，不予公开5件。\n", true),
    ("N-SUM", "a part in brackets left out, the others too many", "共收到申请10件，其中同意公开8件（含部分公开3件），不予公开5件。\n", true),
    ("N-SUM", "an open list", "共发布信息100条，其中政策文件30条、工作动态等50条。\n", false),
    ("N-FEE", "the 2019 format does not ask", "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n六、其他需要报告的事项\n无。\n", false),
    ("N-DUP", "short lines repeat freely", "一、总体情况\n无。\n无。\n", false),
    ("N-DUP", "a web page's title repeated above the report", "某街道办事处2019年度政府信息公开工作年度报告\n某街道办事处2019年度政府信息公开工作年度报告\n一、总体情况\n本街道坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n", false),
    ("N-DUP", "a paragraph repeated in the body", "某街道办事处2019年度政府信息公开工作年度报告\n一、总体情况\n本街道坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n二、主动公开政府信息情况\n本街道坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n", true),
    ("N-EMPTY", "a real chapter five", "五、存在的主要问题及改进情况\n一是信息发布的及时性还需提高。二是政策解读的形式较为单一，下一步将增加图解和视频解读。\n", false),
    ("X-CARRY", "different agencies", "甲局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n<<<下一份报告>>>\n乙局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n", false),
];

#[test]
fn constructed_cases() {
    for (code, case, text, expected) in CASES {
        assert!(checks::rule(code).is_some(), "{code} is not registered");
        let found = diagnostics(text);
        let has = found.iter().any(|d| d.code == *code);
        assert_eq!(has, *expected, "{code} ({case}): {found:#?}");
    }
}

#[test]
fn a_finding_states_its_numbers_and_points_at_its_cells() {
    let found =
        diagnostics("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t2\n");
    let d = found.iter().find(|d| d.code == "T3-ROW").expect("T3-ROW");
    assert!(
        nianbao::views::messages::message(d).contains("总计 = 2")
            && nianbao::views::messages::message(d).contains("= 1"),
        "{}",
        nianbao::views::messages::message(d)
    );
    assert!(d.cells.contains(&"requests.new.total".to_owned()) && d.cells.contains(&"requests.new.natural".to_owned()));
    assert!(d.span.is_some());
}

#[test]
fn blank_rows_in_a_block_are_one_finding() {
    let found = diagnostics(
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t0\n二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t0\n",
    );
    let blank: Vec<_> = found.iter().filter(|d| d.code == "CELL-BLANK").collect();
    assert_eq!(blank.len(), 1, "{blank:#?}");
    assert_eq!(blank[0].cells.len(), 12);
}

#[test]
fn cells_placed_by_position_are_labelled_a_guess() {
    // Six values for seven columns: which cell is lacking is inferred.
    let found = diagnostics("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t1\n");
    let missing = found.iter().find(|d| d.code == "CELL-MISSING").expect("CELL-MISSING");
    assert!(
        nianbao::views::messages::message(missing).contains("哪几格是推断的"),
        "{}",
        nianbao::views::messages::message(missing)
    );
    // One cell per line, a lone value for seven columns: it is put first, a guess said so too.
    let alone = diagnostics("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n\n\n\n 0\n二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n");
    let missing = alone.iter().find(|d| d.code == "CELL-MISSING").expect("CELL-MISSING");
    assert!(
        nianbao::views::messages::message(missing).contains("哪几格是推断的"),
        "{}",
        nianbao::views::messages::message(missing)
    );
    // Blanks between values in a space-aligned row are placed by the table's complete rows: said so too.
    let aligned = diagnostics(concat!(
        "三、收到和处理政府信息公开申请情况\n",
        "一、本年新收政府信息公开申请数量    1    0    0    0    0    0    1\n",
        "二、上年结转政府信息公开申请数量    0         0    0    0    0    0\n",
    ));
    let blank = aligned.iter().find(|d| d.code == "CELL-BLANK").expect("CELL-BLANK");
    assert!(
        nianbao::views::messages::message(blank).contains("哪几格是推断的"),
        "{}",
        nianbao::views::messages::message(blank)
    );
    let exact =
        diagnostics("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t\t0\t0\t0\t0\t1\n");
    let blank = exact.iter().find(|d| d.code == "CELL-BLANK").expect("CELL-BLANK");
    assert!(!nianbao::views::messages::message(blank).contains("推断"), "{}", nianbao::views::messages::message(blank));
}

/// The number of test cases per code: the closing note quotes it.
#[test]
#[ignore = "prints the count per code: cargo test --test checks count -- --ignored --nocapture"]
fn count() {
    for rule in checks::RULES {
        let n = CASES.iter().filter(|c| c.0 == rule.code).count();
        println!("{} {}", rule.code, 2 + n);
    }
}

#[test]
fn s_version_is_an_error_for_the_active_table_and_a_warning_for_the_sixth_rows_alone() {
    use nianbao::checks::Severity;
    let severity = |text: &str| diagnostics(text).into_iter().find(|d| d.code == "S-VERSION").map(|d| d.severity);
    let title = "某局2022年政府信息公开工作年度报告\n";
    let active_2019 = "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n";
    let requests_2019 = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n\
                         （一）予以公开\t1\t0\t0\t0\t0\t0\t1\n（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n";
    let active_2021 = "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n";
    assert_eq!(severity(&format!("{title}{active_2019}{requests_2019}")), Some(Severity::Error));
    assert_eq!(severity(&format!("{title}{active_2021}{requests_2019}")), Some(Severity::Warning));
    assert_eq!(severity(&format!("{title}{active_2021}")), None);
    // No year: the tables disagree with each other.
    assert_eq!(severity(&format!("{active_2021}{requests_2019}")), Some(Severity::Warning));
}

#[test]
fn x_copy_counts_shared_sentences_through_an_index_and_skips_common_wording() {
    let body = |k: usize| {
        format!(
            "某局{k}2022年政府信息公开工作年度报告\n本机关第{k}号文件的落实情况十分良好并且持续推进。本机关第{k}号工作的开展情况总体平稳有序推进。\n"
        )
    };
    // Reports 0 and 1 share their text; 2 is different.
    let two = [body(0), body(0).replace("某局0", "某局1"), body(2)].join(&format!("\n{}\n", checks::NEXT_REPORT));
    let found: Vec<_> = diagnostics(&two).into_iter().filter(|d| d.code == "X-COPY").collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    // The same sentences in 40 reports are common wording, not a copy.
    let many: Vec<String> = (0..40).map(|k| body(0).replace("某局0", &format!("某局{k}"))).collect();
    let found = diagnostics(&many.join(&format!("\n{}\n", checks::NEXT_REPORT)));
    assert!(found.iter().all(|d| d.code != "X-COPY"));
}

/// The seeds and the real reports are reports (checks::scope): never shown as
/// too short, a fragment or a text with its tables unread.
#[test]
fn the_seeds_and_the_real_reports_are_reports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("seed-") || name.starts_with("real-")) {
            continue;
        }
        let input = ["input.txt", "input.html"].map(|f| path.join(f)).into_iter().find(|p| p.exists()).unwrap();
        let text = std::fs::read_to_string(input).unwrap();
        let scope = checks::scope::scope(&nianbao::parse(&text));
        assert_eq!(scope, checks::scope::Scope::Report, "{name}");
        seen += 1;
    }
    assert_eq!(seen, 11);
}

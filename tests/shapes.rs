//! The applications table rendered in the shapes text extraction produces
//! (tabs, pipes, aligned spaces, one cell per line, numbers on the line after
//! the label), with blank cells, read back cell by cell.

use nianbao::model::{CellValue, TableKind, TemplateId};

/// Values for every row of the 2019 requests table; `None` is a blank cell.
fn values() -> Vec<Vec<Option<i64>>> {
    let def = TemplateId::Y2019.template().table(TableKind::Requests);
    def.rows
        .iter()
        .enumerate()
        .map(|(r, row)| (0..row.cols.len()).map(|c| Some(((r * 7 + c * 3) % 11) as i64)).collect())
        .collect()
}

fn labels() -> Vec<&'static str> {
    TemplateId::Y2019.template().table(TableKind::Requests).rows.iter().map(|r| r.label).collect()
}

const HEAD: &str = "三、收到和处理政府信息公开申请情况\n";
const TAIL: &str = "\n四、政府信息公开行政复议、行政诉讼情况\n";

fn render(values: &[Vec<Option<i64>>], row: impl Fn(&str, &[Option<i64>]) -> String) -> String {
    let body: String = labels().iter().zip(values).map(|(l, v)| row(l, v)).collect();
    format!("{HEAD}{body}{TAIL}")
}

fn cell(v: &Option<i64>) -> String {
    v.map_or(String::new(), |n| n.to_string())
}

fn assert_reads(text: &str, values: &[Vec<Option<i64>>]) {
    let report = nianbao::parse(text);
    let table = report.tables.requests.expect("requests table found");
    for (r, row) in values.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let expected = match v {
                Some(n) => CellValue::Number(nianbao::model::Number::int(*n)),
                None => CellValue::Blank,
            };
            assert_eq!(table.cells[r][c].value, expected, "row {} col {c} in:\n{text}", table.def.rows[r].key);
        }
    }
}

#[test]
fn tab_separated_with_a_blank_cell() {
    let mut v = values();
    v[9][0] = None;
    let text = render(&v, |l, row| format!("\t{l}\t{}\t\n", row.iter().map(cell).collect::<Vec<_>>().join("\t")));
    assert_reads(&text, &v);
}

#[test]
fn markdown_pipes_with_a_blank_cell() {
    let mut v = values();
    v[3][4] = None;
    let text = render(&v, |l, row| format!("| {l} | {} |\n", row.iter().map(cell).collect::<Vec<_>>().join(" | ")));
    assert_reads(&text, &v);
}

#[test]
fn space_aligned_with_blank_cells() {
    let mut v = values();
    v[5][0] = None;
    v[12][6] = None;
    let text = render(&v, |l, row| {
        // Padded to column 40, a character a column (an ideograph too), as
        // pdftotext -layout places text by its position on the page.
        let width = nianbao::text::layout::columns(l);
        let mut line = format!("{l}{}", " ".repeat(40usize.saturating_sub(width).max(2)));
        for x in row {
            line.push_str(&format!("{:>6}", cell(x)));
        }
        line.push('\n');
        line
    });
    assert_reads(&text, &v);
}

#[test]
fn one_cell_per_line() {
    let v = values();
    let text = render(&v, |l, row| {
        let mut s = format!("{l}\n");
        for x in row {
            s.push_str(&format!("{}\n", cell(x)));
        }
        s
    });
    assert_reads(&text, &v);
}

#[test]
fn one_cell_per_line_with_blank_cells_marked_by_no_break_spaces() {
    // Word and Writer saved as text: an empty cell keeps its `&nbsp;` on its own
    // line, and a cell a span covers is an empty line.
    let mut v = values();
    v[2][0] = None;
    v[7][3] = None;
    v[7][4] = None;
    v[11] = vec![None; v[11].len()];
    let text = render(&v, |l, row| {
        let mut s = format!("\n{l}\n");
        for x in row {
            s.push_str(&format!("{}\n", x.map_or("\u{a0}".to_owned(), |n| n.to_string())));
        }
        s
    });
    assert_reads(&text, &v);
}

#[test]
fn one_cell_per_line_with_an_empty_paragraph_in_a_cell() {
    // A Word cell holding an empty paragraph after its text leaves a line of
    // `&nbsp;` that is no cell: the row's values fill its columns without it.
    let v = values();
    let text = render(&v, |l, row| {
        let mut s = format!("{l}\n\u{a0}\n");
        for x in row {
            s.push_str(&format!("{}\n", cell(x)));
        }
        s
    });
    assert_reads(&text, &v);
}

#[test]
fn first_number_glued_to_the_label_the_rest_one_per_line() {
    // MuPDF joins a label and the number set close after it into one line;
    // farther, the label stands alone. pdftotext's default mode does the same
    // with an empty line after every line.
    let v = values();
    for end in ["\n", "\n\n"] {
        let glued = std::cell::Cell::new(false);
        let text = render(&v, |l, row| {
            glued.set(!glued.get());
            let mut s = if glued.get() { l.to_owned() } else { format!("{l}{end}") };
            for x in row {
                s.push_str(&format!("{}{end}", cell(x)));
            }
            s
        });
        assert_reads(&text, &v);
    }
}

#[test]
fn numbers_on_the_line_after_the_label() {
    let v = values();
    let text = render(&v, |l, row| format!("{l}\n{}\n", row.iter().map(cell).collect::<Vec<_>>().join(" ")));
    assert_reads(&text, &v);
}

#[test]
fn a_line_a_pdf_wrapped_runs_on_into_the_next() {
    let text = "一、总体情况\n（一）主动公开\n本年度共主动公开政府信息一百二十条，其中通过政府网站公开八十条，通过政务\n新媒体公开四十条。\n下一段。\n";
    let report = nianbao::parse(text);
    let paragraphs: Vec<&str> = report.paragraphs.iter().map(|p| p.text).collect();
    assert_eq!(
        paragraphs,
        [
            "（一）主动公开",
            "本年度共主动公开政府信息一百二十条，其中通过政府网站公开八十条，通过政务\n新媒体公开四十条。",
            "下一段。"
        ]
    );
    // The paragraph's text is the input's own, so sentences keep exact spans.
    let p = report.paragraphs.at(1);
    assert_eq!(&text[p.span.start..p.span.end], p.text);
    assert_eq!(
        p.joined(),
        "本年度共主动公开政府信息一百二十条，其中通过政府网站公开八十条，通过政务新媒体公开四十条。"
    );
}

/// The review table one cell per line, as a browser copies it: `cells` after its headers.
fn review_reads(cells: &[&str], expected: &[Option<i64>]) {
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n".to_owned();
    text += &heads.join("\n");
    text += "\n未经复议直接起诉\n复议后起诉\n";
    text += &[heads.join("\n"), heads.join("\n")].join("\n");
    for c in cells {
        text += &format!("\n\n{c}");
    }
    text += "\n\n五、存在的主要问题及改进情况\n";
    let report = nianbao::parse(&text);
    let table = report.tables.review.expect("review table found");
    let read: Vec<CellValue> = table.cells.concat().into_iter().map(|c| c.value).collect();
    let expected: Vec<CellValue> = expected
        .iter()
        .map(|v| v.map_or(CellValue::Blank, |n| CellValue::Number(nianbao::model::Number::int(n))))
        .collect();
    assert_eq!(read, expected, "in:\n{text}");
}

#[test]
fn review_one_cell_per_line_with_a_blank_or_an_empty_paragraph() {
    let numbers: Vec<String> = (1..=15).map(|n| n.to_string()).collect();
    let all: Vec<Option<i64>> = (1..=15).map(Some).collect();
    // A blank cell's `&nbsp;` holds its column.
    let mut cells: Vec<&str> = numbers.iter().map(String::as_str).collect();
    cells[6] = "\u{a0}";
    let mut expected = all.clone();
    expected[6] = None;
    review_reads(&cells, &expected);
    // An empty paragraph's `&nbsp;` among fifteen values holds none.
    let mut cells: Vec<&str> = numbers.iter().map(String::as_str).collect();
    cells.insert(3, "\u{a0}");
    review_reads(&cells, &all);
}

//! Test report generator: renders a report with random but balanced tables in
//! either official format and in the shapes users paste — tab-separated,
//! aligned spaces with wrapped labels (PDF layout), one cell per line (PDF
//! copy), numbers on the line after the label (PDF raw), Markdown pipes, HTML
//! with rowspan/colspan (web and Word) — and encodes it as UTF-8, UTF-16 or
//! GB18030 with Windows line ends. It knows the official table layouts (group
//! labels, spans, headers); the expected model is the values it drew.
#![allow(dead_code)]

use nianbao::model::{Number, TableKind, TemplateId};

/// A small deterministic PRNG (xorshift64*), so every failure can be replayed from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// A count as reports print them: mostly 0, sometimes a few.
    fn count(&mut self) -> i64 {
        if self.chance(55) {
            0
        } else {
            self.below(9) as i64 + 1
        }
    }
}

/// One table's values in its template's layout; `None` is a blank cell.
pub type Grid = Vec<Vec<Option<Number>>>;

#[derive(Clone, Debug)]
pub struct Sample {
    pub year: i32,
    /// Layout of `active` (and of the report: meta.template).
    pub format: TemplateId,
    /// Layout of `requests`: the report's format, or 2019 for a 2021 report
    /// that prints （六）其他处理 as one row.
    pub requests_format: TemplateId,
    pub active: Grid,
    pub requests: Grid,
    pub review: Grid,
    pub agency: String,
}

/// What a generated cell reads as: its number, or blank.
pub fn as_read(v: Option<Number>) -> nianbao::model::CellValue {
    v.map_or(nianbao::model::CellValue::Blank, nianbao::model::CellValue::Number)
}

fn int(v: i64) -> Option<Number> {
    Some(Number::int(v))
}

fn def(format: TemplateId, kind: TableKind) -> &'static nianbao::model::TableDef {
    format.template().table(kind)
}

// Columns are balanced one at a time, across rows: indexing reads best.
#[allow(clippy::needless_range_loop)]
/// Balanced values: rows add up to 总计, result rows to （七）总计, and
/// 新收 + 结转 = （七）总计 + 结转下年度, per column; review rows add up.
pub fn balanced(rng: &mut Rng, format: TemplateId, requests_format: TemplateId) -> Sample {
    let rdef = def(requests_format, TableKind::Requests);
    let key = |k: usize| rdef.rows[k].key;
    let idx = |name: &str| rdef.rows.iter().position(|r| r.key == name).unwrap_or(0);
    let mut req = vec![vec![0i64; 7]; rdef.rows.len()];
    let results: Vec<usize> = (0..rdef.rows.len())
        .filter(|&k| !matches!(key(k), "new" | "carried_in" | "total_processed" | "carried_out"))
        .collect();
    for &k in &results {
        for cell in &mut req[k][..6] {
            *cell = if rng.chance(70) { 0 } else { rng.count() };
        }
    }
    let (new, cin, tp, cout) = (idx("new"), idx("carried_in"), idx("total_processed"), idx("carried_out"));
    for c in 0..6 {
        req[tp][c] = results.iter().map(|&k| req[k][c]).sum();
        req[cout][c] = if rng.chance(70) { 0 } else { rng.count() };
        let out = req[tp][c] + req[cout][c];
        req[cin][c] = rng.below(out.min(3) as u64 + 1) as i64;
        req[new][c] = out - req[cin][c];
    }
    for row in &mut req {
        row[6] = row[..6].iter().sum();
    }
    let requests = req.into_iter().map(|r| r.into_iter().map(int).collect()).collect();
    let review = (0..3)
        .map(|_| {
            let mut r: Vec<i64> = (0..4).map(|_| if rng.chance(75) { 0 } else { rng.count() }).collect();
            r.push(r.iter().sum());
            r.into_iter().map(int).collect()
        })
        .collect();
    let adef = def(format, TableKind::Active);
    let active = adef
        .rows
        .iter()
        .map(|row| {
            let mut values: Vec<Option<Number>> = Vec::new();
            for col in row.cols {
                let v = match col.key {
                    "change" => int(rng.below(7) as i64 - 3),
                    "amount" if format == TemplateId::Y2021 => {
                        Some(Number { mantissa: rng.below(2_000_000) as i64, scale: 4 })
                    }
                    "amount" => int(rng.below(500_000) as i64),
                    // 对外公开总数量 ≥ 本年新公开数量; 现行有效 ≥ 制发 − 废止.
                    "total_public" | "in_force" => {
                        int(values.iter().flatten().map(|n| n.mantissa).max().unwrap_or(0) + rng.count())
                    }
                    _ => int(rng.count()),
                };
                values.push(v);
            }
            values
        })
        .collect();
    let agency = ["城关镇人民政府", "某县教育局", "某市自然资源和规划局", "某区人民政府办公室"][rng.below(4) as usize];
    let year = if format == TemplateId::Y2019 { 2019 + rng.below(2) as i32 } else { 2021 + rng.below(5) as i32 };
    Sample { year, format, requests_format, active, requests, review, agency: agency.to_owned() }
}

/// Makes `n` cells blank (not 0): where the shape can show a blank.
pub fn blank_some(rng: &mut Rng, sample: &mut Sample, n: usize, tables: &[TableKind]) {
    for _ in 0..n {
        let kind = tables[rng.below(tables.len() as u64) as usize];
        let grid = match kind {
            TableKind::Active => &mut sample.active,
            TableKind::Requests => &mut sample.requests,
            TableKind::Review => &mut sample.review,
        };
        let r = rng.below(grid.len() as u64) as usize;
        let c = rng.below(grid[r].len() as u64) as usize;
        grid[r][c] = None;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Tabs,
    /// `pdftotext -layout`: columns aligned with spaces, long labels wrapped,
    /// group labels centred in their span, review headers one character per line.
    Spaces,
    /// Copy from a PDF viewer: every cell on its own line, long labels split.
    CellPerLine,
    /// `pdftotext -raw`: the label, then the row's numbers on the next line.
    NextLine,
    /// `pdftotext -raw` of a table broken across pages: each row's line repeats
    /// the group labels spanning it (三、本年度办理结果 （三）不予公开 2.…), numbers after.
    RawRepeated,
    Markdown,
    Html,
    /// A PDF viewer's copy, pdfplumber: the label and its numbers on one line,
    /// single spaces between, a number glued to the label now and then
    /// (`行政规范性文件2 0 2`); a long label's first part on the line above.
    SameLine,
}

pub const SHAPES: [Shape; 8] = [
    Shape::Tabs,
    Shape::Spaces,
    Shape::CellPerLine,
    Shape::NextLine,
    Shape::RawRepeated,
    Shape::Markdown,
    Shape::Html,
    Shape::SameLine,
];

impl Shape {
    /// Whether a blank cell survives the shape (a PDF copy drops it without a trace).
    pub fn shows_blanks(self) -> bool {
        matches!(self, Shape::Tabs | Shape::Markdown | Shape::Html | Shape::Spaces)
    }
}

/// A laid-out table cell: text, spans, and whether it holds a value.
#[derive(Clone, Debug)]
struct LCell {
    text: String,
    rowspan: usize,
    colspan: usize,
    value: bool,
}

fn label(text: &str, rowspan: usize, colspan: usize) -> LCell {
    LCell { text: text.to_owned(), rowspan, colspan, value: false }
}

fn value(v: &Option<Number>, colspan: usize) -> LCell {
    LCell { text: v.map_or(String::new(), |n| n.to_string()), rowspan: 1, colspan, value: true }
}

/// The official layout of a table (the core's `views::layout`, drawn from the
/// format) filled with `grid`'s values.
fn layout(kind: TableKind, format: TemplateId, grid: &Grid) -> Vec<Vec<LCell>> {
    use nianbao::views::layout::Slot;
    let table = nianbao::model::Table::empty(format, kind);
    nianbao::views::layout::layout(&table)
        .rows
        .iter()
        .map(|row| {
            row.slots
                .iter()
                .map(|slot| match slot {
                    Slot::Label(l) => label(l.text, l.rowspan, l.colspan),
                    Slot::Cell { row, col, colspan } => value(&grid[*row][*col], *colspan),
                })
                .collect()
        })
        .collect()
}

/// Display width in a monospaced layout: CJK is two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn pad(line: &mut String, to: usize) {
    let w = width(line);
    line.extend(std::iter::repeat_n(' ', to.saturating_sub(w).max(if line.is_empty() { 0 } else { 2 })));
}

/// Splits a label into pieces of at most `max` display columns.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in text.chars() {
        if width(out.last().map_or("", |s| s.as_str())) + width(&c.to_string()) > max {
            out.push(String::new());
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

/// Renders one table in `shape`.
fn render_table(rows: &[Vec<LCell>], shape: Shape, rng: &mut Rng) -> String {
    let mut out = String::new();
    match shape {
        Shape::Tabs => {
            for row in rows {
                let lead = if row.first().is_some_and(|c| c.value) || rng.chance(50) { "" } else { "\t" };
                let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                out += &format!("{lead}{}\n", cells.join("\t"));
            }
        }
        Shape::Markdown => {
            for (i, row) in rows.iter().enumerate() {
                let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                out += &format!("| {} |\n", cells.join(" | "));
                if i == 0 {
                    out += &format!("|{}\n", "---|".repeat(row.len()));
                }
            }
        }
        Shape::Html => {
            out += "<table border=\"1\" cellspacing=\"0\" style=\"mso-table-layout-alt:fixed\">\n";
            for row in rows {
                out += "<tr>";
                // Hand-made HTML often leaves out a row's trailing empty cells.
                let keep = if rng.chance(50) {
                    row.iter().rposition(|c| !(c.value && c.text.is_empty())).map_or(0, |p| p + 1)
                } else {
                    row.len()
                };
                for c in &row[..keep] {
                    let mut attrs = String::new();
                    if c.rowspan > 1 {
                        attrs += &format!(" rowspan=\"{}\"", c.rowspan);
                    }
                    if c.colspan > 1 {
                        attrs += &format!(" colspan={}", c.colspan);
                    }
                    let text = if c.text.is_empty() { "&nbsp;".to_owned() } else { c.text.replace('“', "&ldquo;") };
                    out += &format!("<td{attrs}><p class=MsoNormal><span lang=EN-US>{text}<o:p></o:p></span></p></td>");
                }
                out += "</tr>\n";
            }
            out += "</table>\n";
        }
        Shape::CellPerLine | Shape::NextLine => {
            for row in rows {
                let labels: Vec<&LCell> = row.iter().filter(|c| !c.value).collect();
                let values: Vec<&str> = row.iter().filter(|c| c.value).map(|c| c.text.as_str()).collect();
                for l in labels {
                    let pieces =
                        if width(&l.text) > 24 { wrap(&l.text, width(&l.text) / 2 + 1) } else { vec![l.text.clone()] };
                    for p in pieces {
                        out += &format!("{p}\n");
                    }
                }
                if shape == Shape::CellPerLine {
                    for v in values {
                        out += &format!("{v}\n");
                    }
                } else if !values.is_empty() {
                    out += &format!("{}\n", values.join(" "));
                }
            }
        }
        Shape::RawRepeated => {
            // Labels spanning rows below stay in force until their span ends.
            let mut spanning: Vec<(usize, String)> = Vec::new();
            for (r, row) in rows.iter().enumerate() {
                spanning.retain(|(until, _)| *until > r);
                let mut words: Vec<String> = spanning.iter().map(|(_, t)| t.clone()).collect();
                for c in row.iter().filter(|c| !c.value) {
                    if c.rowspan > 1 && row.iter().any(|c| c.value) {
                        spanning.push((r + c.rowspan, c.text.clone()));
                    }
                    words.push(c.text.clone());
                }
                let values: Vec<&str> = row.iter().filter(|c| c.value).map(|c| c.text.as_str()).collect();
                out += &format!("{}\n", words.join(" "));
                if !values.is_empty() {
                    out += &format!("{}\n", values.join(" "));
                }
            }
        }
        Shape::Spaces => render_spaces(rows, &mut out),
        Shape::SameLine => {
            for row in rows {
                let mut label: String =
                    row.iter().filter(|c| !c.value).map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
                let values: Vec<&str> = row.iter().filter(|c| c.value).map(|c| c.text.as_str()).collect();
                if values.is_empty() {
                    out += &format!("{label}\n");
                    continue;
                }
                if width(&label) > 40 {
                    // The label's first part fills the line above.
                    let pieces = wrap(&label, width(&label) / 2 + 1);
                    let (first, rest) =
                        pieces.split_first().map_or((String::new(), Vec::new()), |(f, r)| (f.clone(), r.to_vec()));
                    out += &format!("{first}\n");
                    label = rest.concat();
                }
                let glue = if rng.chance(30) { "" } else { " " };
                out += &format!("{label}{glue}{}\n", values.join(" "));
            }
        }
    }
    out
}

/// `pdftotext -layout`: value columns at fixed positions, the label area on the
/// left, long labels wrapped onto the next line, group labels in the middle of
/// their span and the review's leaf headers one character per line.
fn render_spaces(rows: &[Vec<LCell>], out: &mut String) {
    const LABEL: usize = 40;
    const COL: usize = 9;
    let mut centred: Vec<(usize, String)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let data = row.iter().any(|c| c.value);
        if !data {
            if row.len() == 10 {
                // Leaf headers of the review table, one character per line.
                for k in 0..4 {
                    let mut line = String::new();
                    for (j, c) in row.iter().enumerate() {
                        pad(&mut line, j * COL);
                        line.extend(c.text.chars().nth(k));
                    }
                    *out += line.trim_end();
                    *out += "\n";
                }
                continue;
            }
            let mut line = String::new();
            for c in row {
                pad(&mut line, 0);
                line += &c.text;
            }
            *out += &format!("{line}\n");
            continue;
        }
        let mut label_text = String::new();
        for c in row.iter().filter(|c| !c.value) {
            if c.rowspan > 2 {
                centred.push((r + c.rowspan / 2, c.text.clone()));
            } else {
                label_text += &c.text;
            }
        }
        let groups: Vec<String> = centred.iter().filter(|(at, _)| *at == r).map(|(_, g)| g.clone()).collect();
        centred.retain(|(at, _)| *at != r);
        for group in groups.iter().rev() {
            label_text = format!("{group}  {label_text}");
        }
        let pieces = wrap(&label_text, LABEL - 2);
        let mut line = pieces.first().cloned().unwrap_or_default();
        let left = if label_text.is_empty() { 0 } else { LABEL };
        let mut col = 0;
        for c in row.iter().filter(|c| c.value) {
            let end = left + (col + 1) * COL;
            let w = width(&line);
            let start = end.saturating_sub(c.text.len()).max(w + 2);
            if !c.text.is_empty() {
                line.extend(std::iter::repeat_n(' ', start - w));
                line += &c.text;
            }
            col += c.colspan;
        }
        *out += &format!("{line}\n");
        for p in pieces.iter().skip(1) {
            *out += &format!("{p}\n");
        }
    }
}

/// The whole report as text in `shape`.
pub fn render(sample: &Sample, shape: Shape, rng: &mut Rng) -> String {
    let y = sample.year;
    let html = shape == Shape::Html;
    let mut parts: Vec<String> = Vec::new();
    let para = |t: &str| if html { format!("<p>{t}</p>\n") } else { format!("{t}\n\n") };
    let heading = |t: &str| match (html, shape) {
        (true, _) => format!("<h2>{t}</h2>\n"),
        (false, Shape::Markdown) => format!("## {t}\n\n"),
        _ => format!("{t}\n\n"),
    };
    if html {
        parts.push("<html><head><meta charset=\"utf-8\"><style>td{border:1px solid}</style></head><body>\n".into());
        parts.push(format!("<h1>{}{y}年政府信息公开工作年度报告</h1>\n", sample.agency));
    } else {
        parts.push(format!("{}{y}年政府信息公开工作年度报告\n\n", sample.agency));
    }
    parts.push(para(&format!(
        "本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
    )));
    parts.push(heading("一、总体情况"));
    parts.push(para(&format!("{y}年，本机关认真贯彻落实《条例》，扎实推进政府信息公开工作。")));
    let tables = [
        ("二、主动公开政府信息情况", TableKind::Active, sample.format, &sample.active),
        ("三、收到和处理政府信息公开申请情况", TableKind::Requests, sample.requests_format, &sample.requests),
        ("四、政府信息公开行政复议、行政诉讼情况", TableKind::Review, sample.format, &sample.review),
    ];
    for (title, kind, format, grid) in tables {
        parts.push(heading(title));
        let table = render_table(&layout(kind, format, grid), shape, rng);
        parts.push(if html { table } else { format!("{table}\n") });
    }
    parts.push(heading("五、存在的主要问题及改进情况"));
    parts.push(para("一是公开内容不够全面。下一步将进一步完善工作机制。"));
    parts.push(heading("六、其他需要报告的事项"));
    parts.push(para("本年度未收取信息处理费。"));
    parts.push(para(&sample.agency));
    parts.push(para(&format!("{} 年 1 月 {} 日", y + 1, 10 + rng.below(18))));
    if html {
        parts.push("</body></html>\n".into());
    }
    parts.concat()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Gb18030,
}

/// The bytes a user's file holds: `text` encoded, with Windows line ends when `crlf`.
pub fn encode(text: &str, encoding: Encoding, crlf: bool) -> Vec<u8> {
    let text = if crlf { text.replace('\n', "\r\n") } else { text.to_owned() };
    match encoding {
        Encoding::Utf8 => text.into_bytes(),
        Encoding::Utf8Bom => [0xEF, 0xBB, 0xBF].iter().copied().chain(text.bytes()).collect(),
        Encoding::Utf16LeBom => {
            [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
        }
        Encoding::Gb18030 => encoding_rs::GB18030.encode(&text).0.into_owned(),
    }
}

/// How a crawler joined a web page's text (the shape archives and scraped data
/// sets hold): `textContent` puts nothing between cells, BeautifulSoup's
/// `get_text(" ")` one space, and `&nbsp;` padding leaves a stray space after
/// some cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crawl {
    Glued,
    Spaced,
    Padded,
}

pub const CRAWLS: [Crawl; 3] = [Crawl::Glued, Crawl::Spaced, Crawl::Padded];

/// The report as a crawler stored it: an archive's header, then the page body
/// (sometimes after the site's menu) collapsed onto one line.
pub fn crawl(sample: &Sample, how: Crawl, rng: &mut Rng) -> String {
    let y = sample.year;
    let title = format!("{}{y}年政府信息公开工作年度报告", sample.agency);
    let mut out = format!(
        "标题: {title}\n发布时间: {}-01-{}\n文号: \n发布机构: {}\n栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/zwgk/{y}/t{}.htm\n本地目录: zwgk/{y}/{title}\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n",
        y + 1,
        10 + rng.below(18),
        sample.agency,
        rng.below(100_000),
    );
    let sep = |rng: &mut Rng| match how {
        Crawl::Glued => "",
        Crawl::Spaced => " ",
        Crawl::Padded => {
            if rng.chance(30) {
                " "
            } else {
                ""
            }
        }
    };
    let mut blocks: Vec<String> = Vec::new();
    if rng.chance(50) {
        blocks.push("首页 一网通办 政务公开 互动交流 当前位置：首页 > 政务公开 > 政府信息公开年报".to_owned());
    }
    blocks.push(title.clone());
    blocks.push(format!(
        "本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
    ));
    blocks.push("一、总体情况".to_owned());
    blocks.push(format!("{y}年，本机关认真贯彻落实《条例》，扎实推进政府信息公开工作。"));
    let tables = [
        ("二、主动公开政府信息情况", TableKind::Active, sample.format, &sample.active),
        ("三、收到和处理政府信息公开申请情况", TableKind::Requests, sample.requests_format, &sample.requests),
        ("四、政府信息公开行政复议、行政诉讼情况", TableKind::Review, sample.format, &sample.review),
    ];
    for (heading, kind, format, grid) in tables {
        blocks.push(heading.to_owned());
        let mut table = String::new();
        for row in layout(kind, format, grid) {
            for cell in row {
                table += &cell.text;
                table += sep(rng);
            }
        }
        blocks.push(table.trim_end().to_owned());
    }
    blocks.push("五、存在的主要问题及改进情况".to_owned());
    blocks.push("一是公开内容不够全面。下一步将进一步完善工作机制。".to_owned());
    blocks.push("六、其他需要报告的事项".to_owned());
    blocks.push("本年度未收取信息处理费。".to_owned());
    blocks.push(sample.agency.clone());
    blocks.push(format!("{}年1月{}日", y + 1, 10 + rng.below(18)));
    for b in blocks {
        out += &b;
        out += if how == Crawl::Glued { "" } else { " " };
    }
    out.push('\n');
    out
}

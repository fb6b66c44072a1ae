//! Test report generator: renders a report with random but balanced tables in
//! either official format and in the shapes users paste — tab-separated,
//! aligned spaces with wrapped labels (PDF layout), one cell per line (PDF
//! copy), numbers on the line after the label (PDF raw), Markdown pipes, HTML
//! with rowspan/colspan (web and Word) — and encodes it as UTF-8, UTF-16 or
//! GB18030 with Windows line ends. It knows the official table layouts (group
//! labels, spans, headers); the expected model is the values it drew.
#![allow(dead_code)]

mod crawl;
pub mod expect;
mod layout;

// Each test binary uses a part of the generator.
#[allow(unused_imports)]
pub use crawl::{crawl, Crawl, CRAWLS};
use layout::{layout, render_table};

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

/// Leaves 0s of the `tables` blank, as writers in small offices often do
/// (the arithmetic still holds: the checks count a blank as 0): each with
/// chance `percent`, or every one at 100.
pub fn zeros_blank(rng: &mut Rng, sample: &mut Sample, tables: &[TableKind], percent: u64) {
    for kind in tables {
        let grid = match kind {
            TableKind::Active => &mut sample.active,
            TableKind::Requests => &mut sample.requests,
            TableKind::Review => &mut sample.review,
        };
        for v in grid.iter_mut().flatten().filter(|v| v.is_some_and(|n| n.mantissa == 0)) {
            if rng.chance(percent) {
                *v = None;
            }
        }
    }
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
    /// An HTML-to-text converter's copy of a table whose cells hold
    /// paragraphs: every cell on its own line closed by ` |`, the pipes of the
    /// columns a span covers run together after it (`本年处理决定数量 | ||`), an
    /// empty cell a lone `|`, and in some tables a lone `|` before every row
    /// that starts with a label.
    PipeClosed,
    /// A browser's copy of a table whose cells hold paragraphs, as Firefox
    /// writes it: every cell on its own line (an empty cell an empty line),
    /// a line holding only the tab between two cells of a row.
    TabLines,
}

pub const SHAPES: [Shape; 10] = [
    Shape::Tabs,
    Shape::Spaces,
    Shape::CellPerLine,
    Shape::NextLine,
    Shape::RawRepeated,
    Shape::Markdown,
    Shape::Html,
    Shape::SameLine,
    Shape::PipeClosed,
    Shape::TabLines,
];

impl Shape {
    /// Whether a blank cell survives the shape (a PDF copy drops it without a trace).
    pub fn shows_blanks(self) -> bool {
        matches!(
            self,
            Shape::Tabs | Shape::Markdown | Shape::Html | Shape::Spaces | Shape::PipeClosed | Shape::TabLines
        )
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
        let table = render_table(&layout(kind, format, grid, rng), shape, rng);
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

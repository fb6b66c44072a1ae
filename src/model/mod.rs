//! The canonical model of an annual report (see `docs/spec/schema.md`):
//! metadata, chapters and the three statistical tables, each cell a value,
//! blank or missing, with the span it was read from.

pub mod identities;
pub mod paragraphs;
pub mod print;
pub mod template;

use crate::text::limits::LimitHit;
use crate::text::Span;
pub use paragraphs::{Paragraph, Paragraphs};
pub use template::{ColDef, ColKind, RowDef, TableDef, TableKind, Template, TemplateId, CHAPTERS};

/// A number as printed: an integer mantissa and a count of decimals
/// (`3.5000` is 35000 × 10⁻⁴), so sums stay exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    pub mantissa: i64,
    pub scale: u8,
}

impl Number {
    pub fn int(v: i64) -> Self {
        Number { mantissa: v, scale: 0 }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let p = 10i64.pow(u32::from(self.scale));
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let m = self.mantissa.unsigned_abs();
        let p = p.unsigned_abs();
        write!(f, "{sign}{}.{:0w$}", m / p, m % p, w = usize::from(self.scale))
    }
}

/// What a template cell holds in the report.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum CellValue {
    Number(Number),
    /// The report's table has the cell but left it empty.
    Blank,
    /// The report's table lacks the cell (or the row).
    #[default]
    Missing,
    /// Something other than a number where one belongs (`/`, `—`, `无`), as
    /// printed: not read as 0.
    Invalid(String),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub value: CellValue,
    pub span: Option<Span>,
    /// A unit printed with the number (`万元`, `元`, `件`).
    pub unit: Option<&'static str>,
}

/// How a table was read: from its lines (cells told apart by separators or
/// columns), or by aligning the template's rows against the text as one
/// stream of tokens (rows collapsed into running text, as crawlers copy them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReadBy {
    #[default]
    Lines,
    Stream,
}

impl ReadBy {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadBy::Lines => "lines",
            ReadBy::Stream => "stream",
        }
    }
}

/// One of the three tables, laid out as its template says: `cells[row][col]`.
#[derive(Clone, Debug)]
pub struct Table {
    /// The template whose layout the report's table was read in.
    pub template: TemplateId,
    /// Whether the table itself shows that format: it prints words or rows
    /// only that format has. When not, `template` is only the layout it was
    /// read in, and says nothing of the format the report used.
    pub template_shown: bool,
    /// How the table was read.
    pub read_by: ReadBy,
    pub def: &'static TableDef,
    pub cells: Vec<Vec<Cell>>,
    /// The lines the table was read from.
    pub span: Span,
    /// The money unit the table's text names (`万元` or `元`), if any.
    pub money_unit: Option<&'static str>,
}

impl Table {
    /// The table `kind` of `template` with every cell missing.
    pub fn empty(template: TemplateId, kind: TableKind) -> Self {
        Table::empty_as(template, template.template().table(kind))
    }

    /// The table of `template` with every cell missing, in the rows of `def`
    /// (its own, or one it is read in: `template::REVIEW_AS_ONE_ROW`).
    pub fn empty_as(template: TemplateId, def: &'static TableDef) -> Self {
        let cells = def.rows.iter().map(|r| vec![Cell::default(); r.cols.len()]).collect();
        Table {
            template,
            def,
            cells,
            span: Span::default(),
            money_unit: None,
            template_shown: false,
            read_by: ReadBy::Lines,
        }
    }

    /// The cell at `row.col` (keys as in schema.md), if the template has it.
    pub fn cell(&self, row: &str, col: &str) -> Option<&Cell> {
        let r = self.def.rows.iter().position(|d| d.key == row)?;
        let c = self.def.rows[r].cols.iter().position(|d| d.key == col)?;
        Some(&self.cells[r][c])
    }
}

/// A calendar date as printed (`2021年1月25日`, `二〇二一年一月二十五日`, `2021-01-25`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Something read from the input, with where it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<T> {
    pub value: T,
    pub span: Span,
}

/// Where the report year was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum YearSource {
    #[default]
    Title,
    /// The statistics period (统计期限).
    Period,
    /// The first year in the text: a guess, labelled as one.
    Body,
}

#[derive(Clone, Debug, Default)]
pub struct Meta {
    /// The title as printed (two lines joined when the agency stands above it).
    pub title: Option<Found<String>>,
    /// The issuing agency: from the title, else from the signature.
    pub agency: Option<Found<String>>,
    pub year: Option<Found<i32>>,
    pub year_source: YearSource,
    /// The statistics period: first and last day.
    pub period: Option<Found<(Date, Date)>>,
    /// The signature date at the end of the report.
    pub signed: Option<Found<Date>>,
    /// The format of the tables (active, else requests), independent of the year.
    pub template: Option<TemplateId>,
}

/// A chapter heading: which of the six chapters it is, as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chapter {
    /// The standard chapter (1–6) its wording names, if any.
    pub number: Option<u8>,
    /// The number printed before it (`四、` → 4), if any.
    pub printed: Option<u8>,
    /// The heading as printed, without Markdown marks.
    pub heading: String,
    /// Printed number and wording are the official ones.
    pub standard: bool,
    /// The heading line.
    pub span: Span,
}

#[derive(Clone, Debug, Default)]
pub struct Tables {
    pub active: Option<Table>,
    pub requests: Option<Table>,
    pub review: Option<Table>,
}

impl Tables {
    /// The tables that were found, in report order.
    pub fn iter(&self) -> impl Iterator<Item = &Table> {
        [&self.active, &self.requests, &self.review].into_iter().flatten()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Table> {
        [&mut self.active, &mut self.requests, &mut self.review].into_iter().flatten()
    }
}

/// Something the reader had to decide about a table row: the checks turn
/// these into diagnostics (CELL-EXTRA, and guesses labelled as guesses).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// The row printed more values than the template has columns; these were left out.
    ExtraValues { dropped: Vec<(Number, Span)> },
    /// The row printed fewer values than columns; blanks were placed by their position.
    PlacedByPosition,
    /// A line below the row, before the next row, with values and a label no
    /// row of the format has (a sub-row, a total the format lacks): `printed`
    /// is its label (bare, 40 chars at most; empty: values alone on their lines
    /// that no row took) and `dropped` its values, not read.
    Unplaced { printed: String, dropped: Vec<(Number, Span)> },
    /// The row's digits were printed with no border between cells (`640020470`)
    /// and split into its cells: `readings` is how many splits the digits allow
    /// (`None`: too many to count), `balanced` how many of them satisfy as many
    /// identities as the one chosen, `other` a second reading that does as well,
    /// `blanks` how many cells the chosen reading leaves blank (glued digits
    /// keep no trace of a blank cell: its place is the arithmetic's choice),
    /// `cells` how many cells the digits were split into (15: the review
    /// table printed as one row, the note then about all its rows), `lines`
    /// whether the values stood one per line, blank cells left as empty lines
    /// (each value was then one cell: only where the blanks stand was chosen).
    Split {
        readings: Option<usize>,
        balanced: usize,
        other: Option<Vec<Option<Number>>>,
        blanks: usize,
        cells: usize,
        lines: bool,
    },
    /// The row was found by one of its match words (`word`) where the text does
    /// not hold its official label's own words (damaged, abbreviated, split
    /// over lines): `printed` is that text, bare (its last 40 chars at most).
    Label { printed: String, word: &'static str },
    /// The row's label was not printed: values alone on their lines, between
    /// the row before it and the row after it (found by its own label), were
    /// taken as its values by the template's order.
    Unlabeled,
    /// The row's own label, with its values, stood below a later row of the
    /// table (`after`, the furthest row read by then): the text put rows out of
    /// order (a PDF's text flow); the row was read where it stands.
    OutOfOrder { after: &'static str },
    /// The row's label stood alone, apart from its values (above another
    /// row's line): values alone on their lines, after that line and just
    /// above the next row's own label, were taken as its values by the template's order.
    ApartFromLabel,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadNote {
    pub table: TableKind,
    pub row: &'static str,
    pub kind: NoteKind,
    /// The row's line in the input.
    pub span: Span,
}

impl ReadNote {
    /// The cells of `def` the note is about: its row's, or all of the review
    /// table's when the reader split its one printed line of 15 values.
    pub fn cells(&self, def: &TableDef) -> Vec<(usize, usize)> {
        let all = def.kind == TableKind::Review && matches!(self.kind, NoteKind::Split { cells: 15, .. });
        let rows = def.rows.iter().enumerate().filter(|(_, r)| all || r.key == self.row);
        rows.flat_map(|(r, row)| (0..row.cols.len()).map(move |c| (r, c))).collect()
    }
}

/// A report as read: what could be read, and nothing invented.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub meta: Meta,
    pub chapters: Vec<Chapter>,
    pub tables: Tables,
    pub paragraphs: Paragraphs,
    pub notes: Vec<ReadNote>,
    /// Where the input reached a bound of `text::limits` (the rest read less fully).
    pub limits: Vec<LimitHit>,
    /// What the input was; spans point into its text (for a .docx, the text read out of it).
    pub input: InputKind,
    /// For a PDF: where each page's text begins (byte offsets, in order); else empty.
    pub pages: Vec<usize>,
    /// The text is in traditional script and was read as its simplified form
    /// (`text::traditional`): the model's text is simplified, its spans the input's.
    pub traditional: bool,
    /// Pinyin glosses after its characters (`規(guī)章`) were read as invisible
    /// (`text::glosses`): the model's text holds them as U+200B/U+00AD.
    pub glossed: bool,
}

/// What an input was, told by its content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputKind {
    #[default]
    Text,
    Html,
    Docx,
    Pdf,
}

impl InputKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Html => "html",
            InputKind::Pdf => "pdf",
            InputKind::Docx => "docx",
        }
    }
}

impl Report {
    /// The 1-based page of a PDF that holds byte `at`; `None` for other inputs.
    pub fn page_at(&self, at: usize) -> Option<usize> {
        (!self.pages.is_empty()).then(|| self.pages.partition_point(|&start| start <= at).max(1))
    }

    /// Applies `f` to every span (to point them into the HTML a text was rendered from).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        let m = &mut self.meta;
        for s in [
            m.title.as_mut().map(|x| &mut x.span),
            m.agency.as_mut().map(|x| &mut x.span),
            m.year.as_mut().map(|x| &mut x.span),
            m.period.as_mut().map(|x| &mut x.span),
            m.signed.as_mut().map(|x| &mut x.span),
        ]
        .into_iter()
        .flatten()
        {
            *s = f(*s);
        }
        self.chapters.iter_mut().for_each(|c| c.span = f(c.span));
        self.paragraphs.map_spans(&f);
        for table in self.tables.iter_mut() {
            table.span = f(table.span);
            for cell in table.cells.iter_mut().flatten() {
                cell.span = cell.span.map(&f);
            }
        }
        for note in &mut self.notes {
            note.span = f(note.span);
            if let NoteKind::ExtraValues { dropped } = &mut note.kind {
                dropped.iter_mut().for_each(|(_, s)| *s = f(*s));
            }
        }
    }
}

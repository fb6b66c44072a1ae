//! What a finding says, as data: one variant per kind of finding, holding the
//! numbers, labels and text it is about. The rules fill these in;
//! `views::messages` renders them as Chinese text (no rule writes a message).

use crate::model::identities::Relation;
use crate::model::{Date, Number, TableKind, TemplateId};
use crate::text::limits::Limit;

/// A cell as a person names it: its row's short label and its column's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellName {
    pub row: &'static str,
    pub column: &'static str,
}

/// A term of an identity: its cell key (`table.row.col`), its name in the
/// message (the row's short label along a column, the column's along a row)
/// and its value (`None`: blank, counted as 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub cell: String,
    pub name: &'static str,
    pub value: Option<Number>,
}

/// One broken instance of a table identity: which (its code), what it is
/// about (`自然人列`, `“（一）予以公开”行`), the terms on each side and both
/// sums (blank cells count as 0), how the sides should relate, and how many
/// of its cells were blank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    pub code: &'static str,
    pub about: String,
    pub lhs: Vec<Term>,
    pub rhs: Vec<Term>,
    pub lhs_sum: Number,
    pub rhs_sum: Number,
    pub relation: Relation,
    pub blanks: usize,
}

/// What is wrong with a value in a number cell (CELL-INVALID).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Text where a number belongs.
    Text(String),
    Negative(Number),
    Fraction(Number),
}

/// A row some of whose cells were not found (CELL-MISSING): `columns` empty
/// when the whole row is missing; `guessed` when the row's values were placed
/// by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingRow {
    pub row: &'static str,
    pub columns: Vec<&'static str>,
    pub guessed: bool,
}

/// One problem of the chapter structure (S-CHAPTER).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChapterProblem {
    Missing(Vec<&'static str>),
    /// Chapter `number` (1–6) appears again, under `heading`.
    Repeated {
        number: u8,
        heading: String,
    },
    /// `heading` stands after chapter `after` (1–6).
    OutOfOrder {
        heading: String,
        after: u8,
    },
    Extra(Vec<String>),
}

/// What is odd about a money cell (T2-UNIT).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyProblem {
    /// In 元 where the format asks for 万元: the amount in 万元.
    InYuan { wan: Number },
    /// More decimals than the four that reach a yuan.
    Decimals,
    /// So large (in 亿元) that 元 were likely written as 万元.
    Implausible { yi: i64 },
    /// The 2019 format names no unit, and neither does the report.
    NoUnit,
}

/// What a finding says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// CELL-BLANK: rows `first` (to `last`, `rows` rows) blank in `columns`,
    /// `count` cells; `guessed` when which cells are blank was placed by
    /// position or by the identities (the row printed fewer values than cells).
    BlankCells {
        first: &'static str,
        last: &'static str,
        rows: usize,
        columns: Vec<&'static str>,
        count: usize,
        guessed: bool,
    },
    /// CELL-EXTRA: a row printed more values than its `columns`; the first ones were dropped.
    ExtraValues { row: &'static str, columns: usize, dropped: Vec<Number> },
    /// CELL-EXTRA: a line below `row`, `printed`, whose values no row of the format takes.
    UnplacedLine { row: &'static str, printed: String, values: Vec<Number> },
    /// CELL-INVALID.
    InvalidCell { cell: CellName, problem: Invalid },
    /// CELL-MISSING: `count` cells of these rows.
    MissingCells { rows: Vec<MissingRow>, count: usize },
    /// CELL-SPLIT: glued digits in `rows` rows of `table` split by the
    /// arithmetic (`readings`: how many splits there were in all, when every
    /// row counted them); how many rows the identities settled, tied or could
    /// not balance, and how many cells were judged blank; `lines`: every such
    /// row printed its values one per line, blank cells as empty lines (only
    /// the blanks' places were inferred).
    SplitTable {
        table: TableKind,
        rows: usize,
        readings: Option<usize>,
        settled: usize,
        ties: usize,
        unbalanced: usize,
        blanks: usize,
        lines: bool,
    },
    /// CELL-SPLIT: a row whose digits two readings fit equally (`None`: a blank cell).
    SplitTie { row: &'static str, chosen: Vec<Option<Number>>, other: Vec<Option<Number>> },
    /// An identity broken (the instance is the finding's `broken`); `inferred`
    /// when some of its cells were split out of glued digits.
    Identity { inferred: bool },
    /// Several instances of one identity, each broken because one side was left blank.
    BlankSides { inferred: bool },
    /// One cell whose change to `value` balances every broken identity.
    RootCause { cell: CellName, current: Option<Number>, value: Number, inferred: bool },
    /// `value`, printed in `from`, belongs in `to` (which holds `now`: 0, or
    /// `None`, blank): moved back, every broken identity balances.
    Moved { from: CellName, to: CellName, value: Number, now: Option<Number>, inferred: bool },
    /// N-APPS: the text states `claimed` applications; the table's 新收 is
    /// `new`, and `carried` when the text counts 上年结转 in.
    Applications { claimed: i64, new: i128, carried: Option<i128> },
    /// N-DUP: `count` paragraphs from the one opening so repeat earlier ones.
    RepeatedParagraphs { opening: String, count: usize },
    /// N-DUP: a paragraph whose every sentence stands in another one.
    RepeatedInside { opening: String },
    /// N-EMPTY: chapter 五 holds only `text` (`None`: nothing), `chars` bare chars.
    EmptyProblems { text: Option<String>, chars: usize },
    /// N-FEE: chapter 六 holds only `text` (`None`: nothing), and no word of the fee.
    NoFee { text: Option<String> },
    /// N-REVIEW: the text states `claimed` cases of `word`; table 四's total is `actual`.
    ReviewCount { word: &'static str, claimed: i64, actual: i64 },
    /// N-SUM: `共 total<unit>`, its parts, their sum.
    PartsSum { total: i128, unit: char, parts: Vec<i64>, sum: i128 },
    /// S-CHAPTER.
    Chapters { problems: Vec<ChapterProblem> },
    /// S-DEADLINE.
    LateSignature { signed: Date, deadline: Date },
    /// S-HEADING: a chapter heading not in the standard wording.
    Heading { heading: String, standard: &'static str },
    /// S-LIMIT.
    Limit(Limit),
    /// S-META: what could not be read; `guessed_year`: the year was only a guess from the body.
    MetaMissing { title: bool, agency: bool, year: bool, guessed_year: Option<i32> },
    /// S-TABLE.
    TableMissing(TableKind),
    /// S-VERSION: the active table is in format `is`, `wanted` by the year (or
    /// by the other table); `requests_too` when the requests table is also off.
    ActiveVersion { year: Option<i32>, wanted: TemplateId, is: TemplateId, requests_too: bool },
    /// S-VERSION: only the requests table is in the other format.
    RequestsVersion { year: Option<i32>, wanted: TemplateId, is: TemplateId },
    /// S-YEAR: the statistics period is not the title's year.
    Period { year: i32, from: Date, to: Date },
    /// S-YEAR: the signature date is not in the year after the report's.
    SignedYear { year: i32, signed: Date },
    /// T2-LEVEL: an agency that may not make 规章, and the 规章 values it filled.
    RulesByAgency { agency: String, values: Vec<(&'static str, Number)> },
    /// T2-UNIT.
    Money { cell: CellName, amount: Number, problem: MoneyProblem },
    /// X-CARRY: last year's (`year`) 结转下年度 against this year's 上年结转, per column.
    Carry { year: i32, differ: Vec<(&'static str, i128, i128)> },
    /// X-COPY: `shared` sentences with the other report (its agency and year,
    /// when read), `percent` of the shorter one's.
    Copied { agency: Option<String>, year: Option<i32>, shared: usize, percent: usize },
    /// X-FLOW: 现行有效 last year + 制发 − 废止 against 现行有效 this year.
    Flow { label: &'static str, was: i128, issued: i128, repealed: i128, expected: i128, is: i128 },
}

//! A finding's message and help, rendered from its data (`checks::Finding`,
//! its broken identities): the one place where findings become Chinese text.

use crate::checks::{rule, ChapterProblem, Diagnostic, Finding, Invalid, MoneyProblem, Severity};
use crate::model::{Number, TableKind, TemplateId, CHAPTERS};
use crate::text::limits::Limit;

mod sums;
use sums::{equation, equations, sides};

/// Said of cells whose place in a row was inferred: the row printed fewer values than columns.
const GUESS: &str = "（该行数字少于列数，哪几格是推断的，请核对）";

/// A severity as the page and the exports name it.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Info => "提示",
        Severity::Warning => "警告",
        Severity::Error => "错误",
    }
}

/// A table's name in messages.
pub fn table_name(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Active => "主动公开情况表",
        TableKind::Requests => "申请情况表",
        TableKind::Review => "复议诉讼表",
    }
}

/// A reading of a row's cells: `1|21|212`, `—` for a blank.
pub fn show_reading(values: &[Option<Number>]) -> String {
    values.iter().map(|v| v.map_or("—".to_owned(), |n| n.to_string())).collect::<Vec<_>>().join("|")
}

fn joined<T: ToString>(items: &[T], sep: &str) -> String {
    items.iter().map(ToString::to_string).collect::<Vec<_>>().join(sep)
}

fn cell(c: &crate::checks::CellName) -> String {
    format!("“{}”行“{}”列", c.row, c.column)
}

fn edition(t: TemplateId) -> &'static str {
    match t {
        TemplateId::Y2019 => "2019 年版（国办公开办函〔2019〕60号）",
        TemplateId::Y2021 => "2021 年版（国办公开办函〔2021〕30号）",
    }
}

/// The chapter's numeral: `一` for 1.
fn numeral(n: u8) -> char {
    CHAPTERS.get(usize::from(n).wrapping_sub(1)).and_then(|h| h.chars().next()).unwrap_or('?')
}

const INFERRED: &str = "（涉及的部分数字原文粘连在一起，是按位数和勾稽关系拆分推断的，见 CELL-SPLIT）";

/// The finding's message: what is wrong, with its numbers (the exports, the
/// JSON and the command line print it whole).
pub fn message(d: &Diagnostic) -> String {
    render(d, true)
}

/// The message without its arithmetic: the cause and the fix, what a reader
/// needs first (the page shows the arithmetic one click away, [`arithmetic`]).
pub fn brief(d: &Diagnostic) -> String {
    render(d, false)
}

/// The broken identities a finding rests on, worked out (`[T3-ROW] 自然人+… = …，但 …`), if any.
pub fn arithmetic(d: &Diagnostic) -> Option<String> {
    (!d.broken.is_empty()).then(|| equations(&d.broken))
}

fn render(d: &Diagnostic, with_arithmetic: bool) -> String {
    let inferred = |on: bool| if on { INFERRED } else { "" };
    let sums = || if with_arithmetic { equations(&d.broken) } else { String::new() };
    match &d.finding {
        Finding::BlankCells { first, last, rows, columns, count, guessed } => {
            let which = if *rows == 1 { format!("“{first}”行") } else { format!("“{first}”至“{last}”共 {rows} 行") };
            let guess = if *guessed { GUESS } else { "" };
            let mut text =
                format!("{which}的{}列空白，共 {count} 个单元格{guess}：空白不等于 0，没有发生的应填 0。", columns.join("、"));
            // Identities these blanks break (merged in: one cause, one finding), by identity.
            for group in d.broken.chunk_by(|a, b| a.code == b.code).filter(|_| with_arithmetic) {
                let about: Vec<&str> = group.iter().map(|b| b.about.as_str()).collect();
                text.push_str(&format!(
                    "这些空白按 0 计时，{} 处勾稽关系不成立（[{}] {}）。",
                    group.len(),
                    group[0].code,
                    about.join("、")
                ));
            }
            text
        }
        Finding::ExtraValues { row, columns, dropped } => format!(
            "“{row}”行有 {} 个数字，多于模板的 {columns} 列；按后 {columns} 个读取，未使用开头的 {}。",
            columns + dropped.len(),
            joined(dropped, "、")
        ),
        Finding::UnplacedLine { row, printed, values } if printed.is_empty() => format!(
            "“{row}”行下方有一行没有行标签的数字 {}，对应不到格式中的行，这些数字未读取；请核对原表，把它们填入所属的行。",
            joined(values, "、")
        ),
        Finding::UnplacedLine { row, printed, values } => format!(
            "“{row}”行下方的一行“{printed}”有数字 {}，格式中没有这一行，这些数字未读取；如是该行拆开的小项，请合并填入该行。",
            joined(values, "、")
        ),
        Finding::InvalidCell { cell: c, problem } => {
            let problem = match problem {
                Invalid::Text(text) => format!("填的是“{text}”，不是数字"),
                Invalid::Negative(n) => format!("为负数 {n}"),
                Invalid::Fraction(n) => format!("为小数 {n}，件数应为整数"),
            };
            format!("{}{problem}。", cell(c))
        }
        Finding::MissingCells { rows, count } => {
            let rows: Vec<String> = rows
                .iter()
                .map(|m| {
                    if m.columns.is_empty() {
                        format!("“{}”", m.row)
                    } else {
                        format!("“{}”的{}{}", m.row, m.columns.join("、"), if m.guessed { GUESS } else { "" })
                    }
                })
                .collect();
            format!("表中未找到：{}（共 {count} 个单元格）。", rows.join("；"))
        }
        Finding::SplitTable { table, rows, readings, settled, ties, unbalanced, blanks, lines } => {
            if !*lines && *readings == Some(*rows) && *blanks == 0 {
                // Every row's digits split one way only (as many digits as cells).
                return format!(
                    "{}的数字之间没有分隔，已按位数拆成单元格：{rows} 行的数字与单元格一样多，只有一种拆法（每格一位）。拆出的数字是推断的，请对照原表核对。",
                    table_name(*table)
                );
            }
            let mut text = if *lines {
                format!(
                    "{}的数字各占一格，空白单元格却没有留下痕迹（只印成空行，或与相邻数字只隔一个空格），看不出是哪几格：已按勾稽关系推断空白的位置，{rows} 行有多种放法",
                    table_name(*table)
                )
            } else {
                format!(
                    "{}的数字之间没有分隔（网页抓取的文本常见），已按位数和勾稽关系拆成单元格：{rows} 行的数字有多种拆法",
                    table_name(*table)
                )
            };
            if let Some(n) = readings {
                text.push_str(&format!("（共 {n} 种）"));
            }
            let mut parts = Vec::new();
            if *settled > 0 {
                parts.push(format!("{settled} 行由勾稽关系确定"));
            }
            if *ties > 0 {
                parts.push(format!("{ties} 行无法确定，按最可能的拆法读取（另见各行的警告）"));
            }
            if *unbalanced > 0 {
                parts.push(format!("{unbalanced} 行没有一种拆法能满足勾稽关系，按最可能的拆法读取"));
            }
            text.push_str(&format!("，其中 {}", parts.join("，")));
            if *blanks > 0 {
                // Glued digits keep no trace of a blank cell: where it stands is inferred too.
                text.push_str(&format!("；{blanks} 个单元格没有数字，按勾稽关系判为空白"));
            }
            text.push_str("。拆出的数字是推断的，请对照原表核对。");
            text
        }
        Finding::SplitTie { row, chosen, other } => format!(
            "“{row}”行的数字可以拆成 {} 或 {}，勾稽关系无法区分；按前者读取，请对照原表核对。",
            show_reading(chosen),
            show_reading(other)
        ),
        Finding::Identity { inferred: on } if !with_arithmetic => {
            format!("{}{}", d.broken.first().map(sides).unwrap_or_default(), inferred(*on))
        }
        Finding::Identity { inferred: on } => {
            format!("{}{}", d.broken.first().map(equation).unwrap_or_default(), inferred(*on))
        }
        Finding::BlankSides { inferred: on } => {
            let about: Vec<&str> = d.broken.iter().map(|b| b.about.as_str()).collect();
            format!(
                "{} 处勾稽关系因一侧单元格全部空白（按 0 计）而不成立：{}。补上空白单元格的数字后再核对。{}{}",
                d.broken.len(),
                about.join("、"),
                sums(),
                inferred(*on)
            )
        }
        Finding::RootCause { cell: c, current, value, inferred: on } => format!(
            "{}（{}）与 {} 处勾稽关系不符；改为 {value} 后全部平衡（建议值 {value}）。{}{}",
            cell(c),
            current.map_or("空白".to_owned(), |n| n.to_string()),
            d.broken.len(),
            sums(),
            inferred(*on)
        ),
        Finding::Moved { from, to, value, now, inferred: on } => format!(
            "{}的 {value} 似应填在{}（现为{}）：移过去后 {} 处勾稽关系全部平衡。{}{}",
            cell(from),
            cell(to),
            now.map_or("空白".to_owned(), |n| format!(" {n}")),
            d.broken.len(),
            sums(),
            inferred(*on)
        ),
        Finding::Applications { claimed, new, carried } => {
            let what = match carried {
                Some(carried) => format!("新收 {new} + 上年结转 {carried} = {}", new + carried),
                None => format!("“一、本年新收”总计为 {new}"),
            };
            format!("正文说申请 {claimed} 件，表三{what}。")
        }
        Finding::RepeatedParagraphs { opening, count } => {
            if *count == 1 {
                format!("段落“{opening}…”在前文已经出现过一次。")
            } else {
                format!("从“{opening}…”起的 {count} 段与前文的 {count} 段完全相同。")
            }
        }
        Finding::RepeatedInside { opening } => format!("段落“{opening}…”与另一段中的文字重复。"),
        Finding::EmptyProblems { text, chars } => {
            let said = match text {
                None => "没有内容".to_owned(),
                Some(t) => format!("只有“{t}”（{chars} 字）"),
            };
            format!("第五部分“存在的主要问题及改进情况”{said}。")
        }
        Finding::NoFee { text } => {
            let said = text.as_ref().map_or("没有内容".to_owned(), |t| format!("只写了“{t}”"));
            format!("第六部分{said}，没有说明本年度信息处理费的收取情况。")
        }
        Finding::ReviewCount { word, claimed, actual } => {
            format!("正文说{word} {claimed} 件，表四{word}总计为 {actual}。")
        }
        Finding::PartsSum { total, unit, parts, sum } => {
            let relation = if sum > total { "大于" } else { "小于" };
            format!("“共 {total}{unit}”，其中各项 {} = {sum}{unit}，{relation}总数。", joined(parts, "+"))
        }
        Finding::Chapters { problems } => {
            let said: Vec<String> = problems
                .iter()
                .map(|p| match p {
                    ChapterProblem::Missing(headings) => format!("缺少“{}”", headings.join("”“")),
                    ChapterProblem::Repeated { number, heading } => {
                        format!("第{}章重复出现（“{heading}”）", numeral(*number))
                    }
                    ChapterProblem::OutOfOrder { heading, after } => {
                        format!("“{heading}”排在第{}章之后", numeral(*after))
                    }
                    ChapterProblem::Extra(headings) => format!("有格式之外的章节“{}”", headings.join("”“")),
                })
                .collect();
            format!("章节结构与格式不符：{}。", said.join("；"))
        }
        Finding::LateSignature { signed, deadline } => {
            format!("落款日期 {signed} 晚于 {deadline}（县级以上人民政府部门的公布时限）。")
        }
        Finding::Heading { heading, standard } => format!("章节标题“{heading}”不是标准写法，格式为“{standard}”。"),
        Finding::Limit(limit) => {
            let bound = limit.bound();
            match limit {
                Limit::TableColumns => format!("表格超过 {bound} 列，超出的单元格不再按列对齐。"),
                Limit::Rowspan => format!("单元格向下合并超过 {bound} 行，按 {bound} 行读取。"),
                Limit::TableDepth => format!("表格嵌套超过 {bound} 层，更深的表格按文字读取。"),
            }
        }
        Finding::MetaMissing { title, agency, year, guessed_year } => {
            let mut missing = Vec::new();
            if *title {
                missing.push("标题".to_owned());
            }
            if *agency {
                missing.push("发布机关".to_owned());
            }
            if *year {
                missing.push("报告年度".to_owned());
            }
            if let Some(y) = guessed_year {
                missing.push(format!("报告年度（正文最早出现的是 {y} 年，仅为推测）"));
            }
            format!("未能读出{}。", missing.join("、"))
        }
        Finding::TableMissing(kind) => {
            // The table's chapter heading: 二, 三, 四.
            let chapter = match kind {
                TableKind::Active => 1,
                TableKind::Requests => 2,
                TableKind::Review => 3,
            };
            let name = CHAPTERS[chapter];
            format!("未找到“{name}”统计表（{}），无法核对该表。", kind.key())
        }
        Finding::ActiveVersion { year, wanted, is, requests_too } => {
            let also = if *requests_too { "，申请情况表也是" } else { "" };
            format!("{}{also}。", version(*year, *wanted, "主动公开表", *is))
        }
        Finding::RequestsVersion { year, wanted, is } => {
            let rows = match is {
                TemplateId::Y2019 => "（六）其他处理只有一行",
                TemplateId::Y2021 => "（六）其他处理分为三行",
            };
            format!("{}（{rows}）；其余各行两种格式相同，数字仍按所印读取。", version(*year, *wanted, "申请情况表", *is))
        }
        Finding::Period { year: y, from, to } => {
            format!("标题为 {y} 年度，统计期限却是 {from} 至 {to}，应为 {y}-01-01 至 {y}-12-31。")
        }
        Finding::SignedYear { year, signed } => {
            format!("标题为 {year} 年度，落款日期却是 {signed}，应在 {} 年。", year + 1)
        }
        Finding::RulesByAgency { agency, values } => {
            let values: Vec<String> = values.iter().map(|(column, n)| format!("{column} {n}")).collect();
            format!("“{agency}”无权制定规章，“规章”一行却填了 {}。", values.join("、"))
        }
        Finding::Money { cell: c, amount: n, problem } => {
            let name = cell(c);
            let problem = match problem {
                MoneyProblem::InYuan { wan } => format!("{name}填为 {n} 元，格式要求以万元为单位（应为 {wan} 万元）"),
                MoneyProblem::Decimals => {
                    format!("{name} {n} 有 {} 位小数，万元金额保留 4 位小数即可精确到元", n.scale)
                }
                MoneyProblem::Implausible { yi } => {
                    format!("{name} {n} 万元（{yi} 亿元）大得不合常理，可能把元当作万元填写")
                }
                MoneyProblem::NoUnit => format!("{name}为 {n}，表格没有写明单位（元还是万元）"),
            };
            format!("{problem}。")
        }
        Finding::Carry { year, differ } => {
            let differ: Vec<String> = differ.iter().map(|(column, was, is)| format!("{column} {was}→{is}")).collect();
            format!("上一年（{year}年）报告的结转下年度与本年上年结转不符：{}。", differ.join("；"))
        }
        Finding::Copied { agency, year, shared, percent } => {
            let agency = agency.as_deref().unwrap_or("未识别机关");
            let other = year.map_or(agency.to_owned(), |y| format!("{agency}{y}年"));
            format!("与另一份报告（{other}）有 {shared} 句相同，占较短一份正文句子的 {percent}%。")
        }
        Finding::Flow { label, was, issued, repealed, expected, is } => format!(
            "{label}：上一年现行有效 {was} + 本年制发 {issued} − 本年废止 {repealed} = {expected}，本年现行有效却为 {is}。"
        ),
    }
}

/// `2021 年度报告应使用…，主动公开表却是…`, or, without a year, the two tables compared.
fn version(year: Option<i32>, wanted: TemplateId, what: &str, is: TemplateId) -> String {
    match year {
        Some(y) => format!("{y} 年度报告应使用{}，{what}却是{}", edition(wanted), edition(is)),
        None => format!("两张表格式不一致：主动公开表为{}，{what}却是{}", edition(wanted), edition(is)),
    }
}

/// How to fix it: said for this finding where the finding tells more than
/// the rule's 怎么改 (a heading's standard wording, the cell or the two cells
/// to correct, blanks to fill first), else the rule's own; none for a broken
/// identity that no cell explains.
pub fn help(d: &Diagnostic) -> Option<String> {
    match &d.finding {
        Finding::Identity { .. } => None,
        Finding::BlankSides { .. } => {
            Some("空白不等于 0：先补上空白单元格（没有发生的填 0），再按勾稽关系核对。".to_owned())
        }
        Finding::RootCause { cell: c, .. } => {
            Some(format!("核对{}，按原始台账改正；若其余数字有误，按同一勾稽关系改正那些数字。", cell(c)))
        }
        Finding::Heading { standard, .. } => Some(format!("改为“{standard}”。")),
        Finding::Moved { from, to, .. } => {
            Some(format!("核对{}和{}：这个数字多半填错了格；按原始台账把它填回应在的单元格。", cell(from), cell(to)))
        }
        _ => rule(d.code).map(|r| r.fix.to_owned()),
    }
}

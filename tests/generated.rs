//! Generated reports (tests/gen): random balanced tables in both formats,
//! rendered in every shape and encoding users paste, read back cell by cell.

mod gen;

use gen::expect::{assert_reads, errors, version_warnings, FORMATS};
use gen::{Encoding, Rng, Shape, SHAPES};
use nianbao::model::{TableKind, TemplateId};

fn run(shape: Shape, cases: u64) {
    for seed in 0..cases {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            let mut rng = Rng::new(seed * 31 + f as u64);
            let mut sample = gen::balanced(&mut rng, format, requests_format);
            if shape.shows_blanks() && rng.chance(60) {
                // Aligned spaces place a blank by the columns of complete rows:
                // keep blanks to the applications table, which has many.
                let tables: &[TableKind] = if shape == Shape::Spaces {
                    &[TableKind::Requests]
                } else {
                    &[TableKind::Active, TableKind::Requests, TableKind::Review]
                };
                let n = 1 + rng.below(3) as usize;
                gen::blank_some(&mut rng, &mut sample, n, tables);
            }
            let text = gen::render(&sample, shape, &mut rng);
            let what = format!("{shape:?} seed {seed} format {} / {}", format.as_str(), requests_format.as_str());
            assert_reads(&sample, text.as_bytes(), &what);
        }
    }
}

#[test]
fn tabs() {
    run(Shape::Tabs, 40);
}

#[test]
fn aligned_spaces_with_wrapped_labels() {
    run(Shape::Spaces, 40);
}

#[test]
fn one_cell_per_line() {
    run(Shape::CellPerLine, 40);
}

#[test]
fn numbers_on_the_line_after_the_label() {
    run(Shape::NextLine, 40);
}

#[test]
fn raw_text_with_group_labels_repeated_on_every_row() {
    run(Shape::RawRepeated, 40);
}

#[test]
fn label_and_numbers_on_one_line_with_single_spaces() {
    run(Shape::SameLine, 40);
}

#[test]
fn one_cell_per_line_closed_by_a_pipe() {
    run(Shape::PipeClosed, 40);
}

#[test]
fn one_cell_per_line_with_a_tab_line_between_cells() {
    run(Shape::TabLines, 40);
}

#[test]
fn markdown_pipes() {
    run(Shape::Markdown, 40);
}

#[test]
fn html_with_rowspan_and_colspan() {
    run(Shape::Html, 40);
}

/// A report page copied whole from a government website: menus, breadcrumb and
/// publication line above, sharing, related links and the site's footer below.
fn website_page(report_html: &str) -> String {
    let body = report_html.split_once("<body>").map_or(report_html, |(_, b)| b).replace("</body></html>", "");
    let header = "<html><head><meta charset=\"utf-8\"><title>政府信息公开年报_某县人民政府</title></head><body>\
        <div><a>首页</a> <a>政务公开</a> <a>政务服务</a> <a>互动交流</a></div><div>请输入关键词 搜索</div>\
        <div>当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政府信息公开年报</a></div>\
        <div>发布时间：2021-01-28 09:30 来源：本站 浏览次数：1203 字号：[大 中 小] 打印</div>";
    let links: String = ["中国政府网", "省政府网站", "市政府网站", "关于我们", "网站地图", "隐私声明", "联系我们"]
        .iter()
        .map(|l| format!("<p>{l}</p>"))
        .collect();
    let footer = format!(
        "<div>分享到：微信 微博</div><div>相关文章 上一年度政府信息公开工作年度报告</div><div>{links}</div>\
         <div><p>主办：某县人民政府办公室</p><p>网站标识码：1234000001 皖ICP备05001234号</p></div></body></html>"
    );
    format!("{header}{body}{footer}")
}

#[test]
fn a_website_page_copied_whole_as_html_or_as_text() {
    for seed in 0..10 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            let mut rng = Rng::new(3000 + seed * 3 + f as u64);
            let sample = gen::balanced(&mut rng, format, requests_format);
            let page = website_page(&gen::render(&sample, Shape::Html, &mut rng));
            assert_reads(&sample, page.as_bytes(), &format!("website HTML seed {seed} format {f}"));
            // The page as the reader renders HTML to text (a browser's own copy
            // of such pages is read in `extractions_read_back`).
            let text = nianbao::text::html::render(&page).text;
            assert_reads(&sample, text.as_bytes(), &format!("website text seed {seed} format {f}"));
        }
    }
}

#[test]
fn windows_files_gb18030_and_utf16_with_crlf() {
    for seed in 0..20 {
        let mut rng = Rng::new(1000 + seed);
        let sample = gen::balanced(&mut rng, TemplateId::Y2021, TemplateId::Y2021);
        for shape in SHAPES {
            let text = gen::render(&sample, shape, &mut rng);
            for encoding in [Encoding::Gb18030, Encoding::Utf16LeBom, Encoding::Utf8Bom] {
                let bytes = gen::encode(&text, encoding, true);
                assert_reads(&sample, &bytes, &format!("{shape:?} {encoding:?} seed {seed}"));
            }
        }
    }
}

#[test]
#[ignore = "prints samples: cargo test --test generated peek -- --ignored --nocapture"]
fn peek() {
    let shape = match std::env::var("SHAPE").as_deref() {
        Ok("spaces") => Shape::Spaces,
        Ok("cell") => Shape::CellPerLine,
        Ok("next") => Shape::NextLine,
        Ok("raw") => Shape::RawRepeated,
        Ok("md") => Shape::Markdown,
        Ok("html") => Shape::Html,
        Ok("same") => Shape::SameLine,
        Ok("pipe") => Shape::PipeClosed,
        Ok("tablines") => Shape::TabLines,
        _ => Shape::Tabs,
    };
    let mut rng = Rng::new(std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1));
    let mut sample = gen::balanced(&mut rng, TemplateId::Y2021, TemplateId::Y2021);
    gen::blank_some(&mut rng, &mut sample, 2, &[TableKind::Requests]);
    print!("{}", gen::render(&sample, shape, &mut rng));
}

/// Writes generated reports of every shape to `$GEN_DIR` (the fuzz corpus).
#[test]
#[ignore = "writes files: GEN_DIR=dir cargo test --test generated write_corpus -- --ignored"]
fn write_corpus() {
    let Some(dir) = std::env::var_os("GEN_DIR") else { return };
    for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
        for shape in SHAPES {
            let mut rng = Rng::new(f as u64);
            let sample = gen::balanced(&mut rng, format, requests_format);
            let text = gen::render(&sample, shape, &mut rng);
            let name = format!("gen_{shape:?}_{}_{}.txt", format.as_str(), requests_format.as_str());
            std::fs::write(std::path::Path::new(&dir).join(name), text).expect("writes");
        }
    }
}

#[test]
fn balanced_reports_give_no_error_in_any_shape() {
    for seed in 0..15 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            for shape in SHAPES {
                let mut rng = Rng::new(5000 + seed * 7 + f as u64);
                let sample = gen::balanced(&mut rng, format, requests_format);
                let text = gen::render(&sample, shape, &mut rng);
                let report = nianbao::parse(&text);
                let errors = errors(&report);
                assert!(errors.is_empty(), "{shape:?} seed {seed}: {errors:#?}");
                // Only the 2021 report that prints （六） as one row mixes the formats: a warning.
                assert_eq!(version_warnings(&report), usize::from(format != requests_format), "{shape:?} seed {seed}");
            }
        }
    }
}

/// One cell of the applications table changed: the finding names it and
/// suggests its original value. A review cell changed: T4-SUM names its row
/// (which of its five cells is wrong, no identity can tell).
#[test]
fn one_changed_cell_is_found_and_its_value_suggested() {
    for seed in 0..12 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            for shape in SHAPES {
                let mut rng = Rng::new(9000 + seed * 13 + f as u64);
                let mut sample = gen::balanced(&mut rng, format, requests_format);
                let review = rng.chance(25);
                let grid = if review { &mut sample.review } else { &mut sample.requests };
                let r = rng.below(grid.len() as u64) as usize;
                let c = rng.below(grid[r].len() as u64) as usize;
                let original = grid[r][c].expect("balanced values are filled");
                let changed = original.mantissa + 1 + rng.below(5) as i64;
                grid[r][c] = Some(nianbao::model::Number::int(changed));
                let text = gen::render(&sample, shape, &mut rng);
                let report = nianbao::parse(&text);
                let table = if review { report.tables.review.as_ref() } else { report.tables.requests.as_ref() };
                let table = table.expect("table read");
                let d = &table.def.rows[r];
                let key = format!("{}.{}.{}", table.def.kind.key(), d.key, d.cols[c].key);
                let errors: Vec<_> = errors(&report).into_iter().filter(|e| e.code != "S-VERSION").collect();
                let what = format!("{shape:?} seed {seed} {} {key} {original} → {changed}", format.as_str());
                assert!(!errors.is_empty(), "{what}: not found");
                assert!(errors.iter().all(|e| e.cells.contains(&key)), "{what}: {errors:#?}");
                if review {
                    assert!(errors.iter().all(|e| e.code == "T4-SUM"), "{what}: {errors:#?}");
                } else {
                    assert_eq!(errors.len(), 1, "{what}: one finding expected: {errors:#?}");
                    let fix = errors[0].fix.as_ref().unwrap_or_else(|| panic!("{what}: no fix in {errors:#?}"));
                    assert_eq!((fix.cell.as_str(), fix.value), (key.as_str(), original), "{what}");
                    // It alone is the culprit, and every identity it breaks is listed:
                    // its row's (T3-ROW) and its column's (T3-SUM or T3-BAL) at least.
                    let e = &errors[0];
                    assert_eq!(e.culprits, vec![key.clone()], "{what}");
                    assert!(e.broken.len() >= 2, "{what}: {:#?}", e.broken);
                    for b in &e.broken {
                        assert!(b.lhs.iter().chain(&b.rhs).any(|t| t.cell == key), "{what}: {b:#?}");
                        assert_ne!(b.lhs_sum, b.rhs_sum, "{what}: {b:#?}");
                    }
                    assert!(e.broken.iter().any(|b| b.code == "T3-ROW"), "{what}: {:#?}", e.broken);
                }
            }
        }
    }
}

/// A value typed one cell off in its row of table 三 (the next applicant
/// column, where 0 belonged): one finding names both cells as its culprits
/// (the one holding the value, the one it belongs in) and lists the column
/// identities it breaks; no finding of the one-cell kind.
#[test]
fn a_value_typed_in_the_next_column_is_one_finding_naming_both_cells() {
    let mut checked = 0;
    for seed in 0..40 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            let mut rng = Rng::new(9700 + seed * 7 + f as u64);
            let mut sample = gen::balanced(&mut rng, format, requests_format);
            let grid = &mut sample.requests;
            // A cell with a value whose right neighbour (an applicant column, not 总计) holds 0,
            // where no other row holds v and 0 in these columns, either way round
            // (moving there, on the other side of an identity, would balance too).
            let value =
                |g: &Vec<Vec<Option<nianbao::model::Number>>>, r: usize, c: usize| g[r][c].map_or(0, |n| n.mantissa);
            let pair = (0..grid.len()).flat_map(|r| (0..5).map(move |c| (r, c))).find(|&(r, c)| {
                let v = value(grid, r, c);
                let alike = |k: usize| matches!((value(grid, k, c), value(grid, k, c + 1)), (a, 0) | (0, a) if a == v);
                v > 0 && value(grid, r, c + 1) == 0 && (0..grid.len()).all(|k| k == r || !alike(k))
            });
            let Some((r, c)) = pair else { continue };
            grid[r][c + 1] = grid[r][c];
            grid[r][c] = Some(nianbao::model::Number::int(0));
            let shape = SHAPES[(seed as usize) % SHAPES.len()];
            let text = gen::render(&sample, shape, &mut rng);
            let report = nianbao::parse(&text);
            let table = report.tables.requests.as_ref().expect("table read");
            let row = &table.def.rows[r];
            let key = |c: usize| format!("requests.{}.{}", row.key, row.cols[c].key);
            let what = format!("{shape:?} seed {seed} {} {} moved to {}", format.as_str(), key(c), key(c + 1));
            let errors: Vec<_> = errors(&report).into_iter().filter(|e| e.code != "S-VERSION").collect();
            assert_eq!(errors.len(), 1, "{what}: one finding expected: {errors:#?}");
            let e = &errors[0];
            assert_eq!(e.culprits, vec![key(c + 1), key(c)], "{what}: {e:#?}");
            assert!(e.fix.is_none(), "{what}");
            assert!(e.broken.len() >= 2, "{what}: {:#?}", e.broken);
            let message = nianbao::views::messages::message(e);
            assert!(message.contains("似应填在"), "{what}: {message}");
            checked += 1;
        }
    }
    assert!(checked >= 60, "only {checked} reports had a cell to move");
}

/// A sentence of the text that a PDF wrapped into short lines holding a row's
/// words (新收, 第二十条, 规章), in chapter 一 and right above tables 二 and 三,
/// as real extractions give: the tables are still read whole, from their own
/// rows, with no error.
#[test]
fn wrapped_sentences_with_row_words_do_not_move_the_tables() {
    for seed in 0..6 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            for shape in SHAPES.into_iter().filter(|s| *s != Shape::Html) {
                let mut rng = Rng::new(6100 + seed * 11 + f as u64);
                let sample = gen::balanced(&mut rng, format, requests_format);
                let text = gen::render(&sample, shape, &mut rng);
                let new = sample.requests[0][6].map_or(0, |n| n.mantissa);
                let wrapped = format!(
                    "一、总体情况\n\n{}年，本机关共新收政府信息公开申请\n{new}件，均按期答复；依照《条例》第二十条\n主动公开规章和规范性文件。\n",
                    sample.year
                );
                let text = text.replacen("一、总体情况\n", &wrapped, 1);
                // And right above the table, where the gap to its rows is short.
                let chapter = "三、收到和处理政府信息公开申请情况\n";
                let above = format!("{chapter}\n本年度本机关共新收政府信息公开申请\n{new}件，已全部办结\n");
                let text = text.replacen(chapter, &above, 1);
                // And a sentence holding 第二十条 and a row's words right above table 二.
                let chapter = "二、主动公开政府信息情况\n";
                let y = sample.year;
                let above = format!("{chapter}\n{y}年，本机关按照《条例》第二十条的规定，主动公开规章\n和规范性文件，及时更新政府信息公开指南和目录\n");
                let text = text.replacen(chapter, &above, 1);
                assert_eq!(text.matches("共新收").count(), 2, "{shape:?}");
                assert!(text.contains("主动公开规章\n和规范性文件"), "{shape:?}");
                let what = format!("{shape:?} seed {seed} formats {f}");
                assert_reads(&sample, text.as_bytes(), &what);
                let report = nianbao::parse(&text);
                let errors = errors(&report);
                assert!(errors.is_empty(), "{what}: {errors:#?}");
                // The new row is the table's own, not the sentence's.
                let words = ["本机关共新收", "主动公开规章"];
                let stray = |n: &&nianbao::model::ReadNote| {
                    let label = |p: &String| words.iter().any(|w| p.contains(w));
                    matches!(&n.kind, nianbao::model::NoteKind::Label { printed, .. } if label(printed))
                };
                assert!(!report.notes.iter().any(|n| stray(&n)), "{what}: {:#?}", report.notes);
            }
        }
    }
}

/// One row label of 表三 mistyped in one char inside its match word (a typo,
/// an OCR slip: `三类内容事务信息` for 内部事务): the row is still found, by the
/// word one char off, and the reader records the approximate label.
#[test]
fn a_row_label_mistyped_in_one_char_is_still_found() {
    let def = |t: TemplateId| t.template().table(TableKind::Requests);
    for seed in 0..20 {
        for (f, &(format, requests_format)) in FORMATS.iter().enumerate() {
            for shape in [Shape::Tabs, Shape::Markdown, Shape::CellPerLine, Shape::PipeClosed, Shape::SameLine] {
                let mut rng = Rng::new(12_000 + seed * 11 + f as u64);
                let sample = gen::balanced(&mut rng, format, requests_format);
                let text = gen::render(&sample, shape, &mut rng);
                // A row whose label holds one of its words of four chars or more, once in the text.
                let rows: Vec<_> = def(requests_format)
                    .rows
                    .iter()
                    .filter_map(|r| Some((r, r.words.iter().find(|w| w.chars().count() >= 4)?)))
                    .filter(|(r, _)| text.matches(r.label).count() == 1)
                    .collect();
                let (row, word) = rows[rng.below(rows.len() as u64) as usize];
                let k = rng.below(word.chars().count() as u64) as usize;
                let typo: String = word
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i == k {
                            if c == '某' {
                                '甲'
                            } else {
                                '某'
                            }
                        } else {
                            c
                        }
                    })
                    .collect();
                let text = text.replacen(row.label, &row.label.replacen(word, &typo, 1), 1);
                let what = format!("{shape:?} seed {seed} {}: {typo}", requests_format.as_str());
                gen::expect::assert_reads(&sample, text.as_bytes(), &what);
                let report = nianbao::parse(&text);
                let noted = report
                    .notes
                    .iter()
                    .any(|n| n.row == row.key && matches!(n.kind, nianbao::model::NoteKind::Label { .. }));
                assert!(noted, "{what}: no label decision");
            }
        }
    }
}

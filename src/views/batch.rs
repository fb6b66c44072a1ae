//! Many reports at once, for a reviewer: one summary row per file (agency,
//! year, format, the counts by severity and by code, the most frequent
//! codes), as the CLI's tab-separated lines or as CSV, and every finding of
//! every file in one CSV.

use super::export::{csv_row, diagnostics_csv};
use crate::checks::{Diagnostic, Severity};
use crate::model::Report;

/// What the summary says of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub file: String,
    /// `None`: the file could not be read (`why`).
    pub read: Option<Read>,
    pub why: String,
}

/// A file that was read: what it is and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub template: Option<&'static str>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Each code found and how often, the most frequent first (ties in the
    /// order they first appear).
    pub codes: Vec<(&'static str, usize)>,
}

impl Row {
    pub fn of(file: &str, report: &Report, diagnostics: &[Diagnostic]) -> Self {
        let m = &report.meta;
        let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
        let mut codes: Vec<(&'static str, usize)> = Vec::new();
        for d in diagnostics {
            match codes.iter_mut().find(|(c, _)| *c == d.code) {
                Some((_, n)) => *n += 1,
                None => codes.push((d.code, 1)),
            }
        }
        codes.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let read = Read {
            agency: m.agency.as_ref().map(|a| a.value.clone()),
            year: m.year.as_ref().map(|y| y.value),
            template: m.template.map(|t| t.as_str()),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            codes,
        };
        Row { file: file.to_owned(), read: Some(read), why: String::new() }
    }

    pub fn unreadable(file: &str, why: &str) -> Self {
        Row { file: file.to_owned(), read: None, why: why.to_owned() }
    }

    /// The three most frequent codes, as `CODE×n`.
    pub fn top(&self) -> String {
        let codes = self.read.as_ref().map_or(&[][..], |r| &r.codes[..]);
        codes.iter().take(3).map(|(c, n)| format!("{c}×{n}")).collect::<Vec<_>>().join(" ")
    }
}

/// One tab-separated line per file: file, agency, year, format, errors,
/// warnings, notes, and its most frequent codes; a header line first.
pub fn summary_text(rows: &[Row]) -> String {
    let mut out = String::from("文件\t机关\t年度\t格式\t错误\t警告\t提示\t主要问题\n");
    for row in rows {
        let Some(r) = &row.read else {
            out.push_str(&format!("{}\t-\t-\t-\t-\t-\t-\t无法读取\n", row.file));
            continue;
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            row.file,
            r.agency.as_deref().unwrap_or("-"),
            r.year.map_or("-".to_owned(), |y| y.to_string()),
            r.template.unwrap_or("-"),
            r.errors,
            r.warnings,
            r.infos,
            row.top(),
        ));
    }
    out
}

/// The summary as CSV (UTF-8 with BOM, for Excel and WPS): the columns of
/// [`summary_text`], then one column per rule code with its count in each file.
pub fn summary_csv(rows: &[Row]) -> String {
    let codes: Vec<&str> = crate::checks::RULES.iter().map(|r| r.code).collect();
    let mut out = String::from("\u{feff}");
    let mut header = vec!["文件", "发布机关", "年度", "格式", "错误", "警告", "提示", "主要问题"];
    header.extend(&codes);
    csv_row(&mut out, &header);
    for row in rows {
        let fields: Vec<String> = match &row.read {
            None => {
                let mut f = vec![row.file.clone(), String::new(), String::new(), String::new()];
                f.extend(["".into(), "".into(), "".into(), format!("无法读取：{}", row.why)]);
                f.extend(codes.iter().map(|_| String::new()));
                f
            }
            Some(r) => {
                let mut f = vec![
                    row.file.clone(),
                    r.agency.clone().unwrap_or_default(),
                    r.year.map_or(String::new(), |y| y.to_string()),
                    r.template.map_or(String::new(), |t| format!("{t} 年版")),
                    r.errors.to_string(),
                    r.warnings.to_string(),
                    r.infos.to_string(),
                    row.top(),
                ];
                let count = |c: &str| r.codes.iter().find(|(k, _)| *k == c).map_or(0, |(_, n)| *n);
                f.extend(codes.iter().map(|c| count(c).to_string()));
                f
            }
        };
        csv_row(&mut out, &fields.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}

/// Every finding of every file (`(file, input, report, findings)`) in one
/// CSV: the problems CSV's columns (file, agency and year first), one header.
pub fn problems_csv<'a>(files: impl IntoIterator<Item = (&'a str, &'a str, &'a Report, &'a [Diagnostic])>) -> String {
    let mut out = String::new();
    for (i, (file, input, report, diagnostics)) in files.into_iter().enumerate() {
        let one = diagnostics_csv(file, input, report, diagnostics, &[]);
        // The BOM and the header once, from the first file.
        let body = if i == 0 { &one[..] } else { one.split_once("\r\n").map_or("", |(_, rest)| rest) };
        out.push_str(body);
    }
    if out.is_empty() {
        out = diagnostics_csv("", "", &Report::default(), &[], &[]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "某局2021年政府信息公开工作年度报告\n一、总体情况\n本年共受理申请 5 件。\n";

    #[test]
    fn rows_count_by_severity_and_code_and_render_as_text_and_csv() {
        let report = crate::parse(A);
        let diagnostics = crate::checks::check(&report);
        let rows = [Row::of("a.txt", &report, &diagnostics), Row::unreadable("b.doc", "不是文本文件")];
        let r = rows[0].read.as_ref().unwrap();
        assert_eq!(r.errors + r.warnings + r.infos, diagnostics.len());
        assert_eq!(r.codes.iter().map(|(_, n)| n).sum::<usize>(), diagnostics.len());
        let text = summary_text(&rows);
        assert!(text.starts_with("文件\t机关\t年度\t格式\t错误\t警告\t提示\t主要问题\n"), "{text}");
        assert!(text.contains("\na.txt\t某局\t2021\t"), "{text}");
        assert!(text.ends_with("b.doc\t-\t-\t-\t-\t-\t-\t无法读取\n"), "{text}");
        let csv = summary_csv(&rows);
        assert!(csv.starts_with("\u{feff}文件,发布机关,年度,格式,错误,警告,提示,主要问题,"), "{csv}");
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3);
        let columns = |l: &str| l.split(',').count();
        assert_eq!(columns(lines[1]), columns(lines[0]), "{csv}");
        assert!(lines[2].starts_with("b.doc,,,,,,,无法读取：不是文本文件,"), "{csv}");
        // Each code's column holds its count.
        let header: Vec<&str> = lines[0].split(',').collect();
        let row: Vec<&str> = lines[1].split(',').collect();
        for (code, n) in &r.codes {
            let at = header.iter().position(|h| h == code).unwrap();
            assert_eq!(row[at], n.to_string());
        }
    }

    #[test]
    fn the_problems_of_all_files_under_one_header() {
        let (a, b) = (crate::parse(A), crate::parse(&A.replace("某局", "某县")));
        let (da, db) = (crate::checks::check(&a), crate::checks::check(&b));
        let csv = problems_csv([("a.txt", A, &a, &da[..]), ("b.txt", A, &b, &db[..])]);
        assert_eq!(csv.matches("文件,发布机关,年度").count(), 1);
        assert_eq!(csv.matches('\u{feff}').count(), 1);
        assert_eq!(csv.matches("\r\na.txt,").count(), da.len());
        assert_eq!(csv.matches("\r\nb.txt,").count(), db.len());
        assert!(problems_csv([]).starts_with("\u{feff}文件,"));
    }
}

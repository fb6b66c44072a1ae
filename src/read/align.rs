//! Tables read by alignment, for text whose table lines were collapsed into
//! running text (a crawler's copy of a web page: `…申请数量640020470二、…`).
//! Three steps: the text as [`tokens`](super::tokens); the template's rows,
//! in template order, aligned against the places their words occur by one
//! order-keeping dynamic programme (a stray keyword in a sentence wins at most
//! one weak match, the real table, each label followed by its values,
//! dominates); each row's values placed, split by the table's arithmetic
//! where no border was left ([`split`](super::split)).
//!
//! FIXME: the line-based reader (`table.rs`) still reads every other shape;
//! the issue asks for this one algorithm to read them all.

use super::choose::{self, Printed};
use super::split;
use super::tokens::{Group, Run, Stream};
use crate::model::identities;
use crate::model::{Cell, CellValue, ColKind, NoteKind, ReadNote, Table, TableDef, TableKind, Tables, TemplateId};
use crate::text::{is_bare, is_ideograph};
use cells::{cell, unsplit};

mod cells;
mod review;

/// A place where a template row's label may stand, with the values after it.
struct Candidate {
    row: usize,
    /// The match word found, from char `start` on.
    word: &'static str,
    start: usize,
    /// Where the label's values begin (its end when it has none).
    label_end: usize,
    /// The values after the label; while candidates are weighed, without its
    /// groups (`valued` says whether it has any), which only the chain keeps.
    run: Run,
    valued: bool,
    score: f64,
}

/// Points for a row label found, and more when values follow it.
const FOUND: f64 = 2.0;
const WITH_VALUES: f64 = 3.0;
/// Points lost per char between consecutive rows: a table's rows stand close together.
const GAP: f64 = 0.02;
/// Chars of label beyond what the official label has left after the word.
const LABEL_SLACK: usize = 3;

/// Reads the tables the stream holds; `None` for each not found.
pub fn read(stream: &Stream, notes: &mut Vec<ReadNote>) -> Tables {
    let mut tables = Tables::default();
    // A table stands under its chapter's heading: where the text prints the
    // heading, its table is looked for after it (a sentence of chapter 一
    // naming the rows and their counts is no table).
    let under = |chapter: usize| {
        let heading: String = crate::model::CHAPTERS[chapter - 1].chars().filter(|&c| is_bare(c)).collect();
        // Bound before it is returned: `find` borrows the heading.
        let end = stream.find(&heading).next().map(|(_, end)| end);
        end
    };
    // From the heading on, or, where nothing is found after it (the heading's
    // words printed again below the table), from where the search stood.
    let after = |kind: TableKind, from: usize, heading: Option<usize>| {
        heading.filter(|&h| h > from).and_then(|h| best(stream, kind, h)).or_else(|| best(stream, kind, from))
    };
    let mut from = 0;
    if let Some((table, end, mut n)) = after(TableKind::Active, from, under(2)) {
        from = end;
        tables.active = Some(table);
        notes.append(&mut n);
    }
    if let Some((table, end, mut n)) = after(TableKind::Requests, from, under(3)) {
        from = end;
        tables.requests = Some(table);
        notes.append(&mut n);
    }
    let template = tables.active.as_ref().or(tables.requests.as_ref()).map_or(TemplateId::Y2019, |t| t.template);
    tables.review =
        review::by_rows(stream, template, from, notes).or_else(|| review::one_row(stream, template, from, notes));
    tables
}

/// The table `kind` in whichever format aligns better from char `from` on:
/// the table, the char after it, and the reader's notes.
fn best(s: &Stream, kind: TableKind, from: usize) -> Option<(Table, usize, Vec<ReadNote>)> {
    let [a, b] = [TemplateId::Y2019, TemplateId::Y2021].map(|t| (t, align(s, t, kind, from)));
    let score = |c: &Option<Vec<Candidate>>| c.as_ref().map_or(0.0, |c| c.iter().map(|c| c.score).sum::<f64>());
    let (template, chain) = match score(&a.1).total_cmp(&score(&b.1)) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        // The same rows in both: the header's words tell (2021 prints 本年制发, 2019 新制作).
        std::cmp::Ordering::Equal => {
            let says = |words: &[&str]| words.iter().any(|w| s.find(w).any(|(at, _)| at >= from));
            if kind == TableKind::Active && super::format::active_says_2021(says) {
                b
            } else {
                a
            }
        }
    };
    let chain = chain?;
    let end = chain.last().map_or(from, |c| c.run.end.max(c.label_end));
    let (table, notes) = place(s, template, kind, chain, false);
    Some((table, end, notes))
}

/// The best order-keeping choice of at most one candidate per template row:
/// most points, less the gaps between consecutive rows. `None` when no row
/// of the table has values after its label.
fn align(s: &Stream, template: TemplateId, kind: TableKind, from: usize) -> Option<Vec<Candidate>> {
    let def = template.template().table(kind);
    let words = |k: usize| def.rows[k].words;
    // Every place a row's word stands, once: (start, end, row, bare chars of its label after the word, the word).
    let mut found: Vec<(usize, usize, usize, usize, &'static str)> = Vec::new();
    for (k, row) in def.rows.iter().enumerate() {
        let label: String = row.label.chars().filter(|&c| is_bare(c)).collect();
        for word in words(k) {
            let rest = label.find(word).map_or(label.chars().count(), |i| label[i + word.len()..].chars().count());
            found.extend(s.find(word).map(|(start, end)| (start, end, k, rest, *word)));
        }
        // A word that is the whole label: no ideograph glued before it, values right after.
        let whole = |&(start, end): &(usize, usize)| {
            let before = start.checked_sub(1).map(|i| s.chars[i]);
            let after = s.chars[end..].iter().find(|&&c| c != ' ');
            !before.is_some_and(is_ideograph) && after.is_some_and(char::is_ascii_digit)
        };
        for word in row.alone {
            found.extend(s.find(word).filter(whole).map(|(start, end)| (start, end, k, 0, *word)));
        }
    }
    // A label ends where another row's begins.
    let mut starts: Vec<(usize, usize)> = found.iter().map(|&(at, _, k, _, _)| (at, k)).collect();
    starts.sort_unstable();
    let other_row_within = |k: usize, from: usize, to: usize| {
        let i = starts.partition_point(|&(at, _)| at < from);
        starts[i..].iter().take_while(|&&(at, _)| at < to).any(|&(_, r)| r != k)
    };
    let mut cands: Vec<Candidate> = Vec::new();
    for &(start, end, k, rest, word) in found.iter().filter(|f| f.0 >= from) {
        let run = s.values_start(end, rest + LABEL_SLACK).filter(|&at| !other_row_within(k, end, at));
        let (label_end, run) = run.map_or((end, Run { end, ..Run::default() }), |at| (at, s.run(at)));
        let valued = !run.groups.is_empty();
        let score = FOUND + if valued { WITH_VALUES } else { 0.0 };
        // A word standing thousands of times would cost its runs' groups each:
        // they are read again for the chain alone.
        let run = Run { groups: Vec::new(), ..run };
        cands.push(Candidate { row: k, word, start, label_end, run, valued, score });
    }
    if !cands.iter().any(|c| c.valued) {
        return None;
    }
    cands.sort_by_key(|c| (c.start, c.row));
    // best[k]: the best chain whose last row is k and that has ended, as
    // (points + GAP × its end, its last candidate), so a later candidate's
    // gap is subtracted in one step.
    let rows = def.rows.len();
    let mut best: Vec<Option<(f64, usize)>> = vec![None; rows];
    let mut total = vec![0.0; cands.len()];
    let mut parent: Vec<Option<usize>> = vec![None; cands.len()];
    let end_of = |c: &Candidate| c.run.end.max(c.label_end);
    // (end, candidate), by end, in candidate order among equals.
    let mut ends: Vec<(usize, usize)> = cands.iter().enumerate().map(|(i, c)| (end_of(c), i)).collect();
    ends.sort_unstable();
    let mut closed = 0;
    for i in 0..cands.len() {
        let c = &cands[i];
        while closed < ends.len() && ends[closed].0 <= c.start {
            let (end, j) = ends[closed];
            let key = total[j] + GAP * end as f64;
            let slot = &mut best[cands[j].row];
            if slot.is_none_or(|(v, _)| key > v) {
                *slot = Some((key, j));
            }
            closed += 1;
        }
        let before = best[..c.row].iter().flatten().max_by(|a, b| a.0.total_cmp(&b.0));
        let (value, from) = match before {
            Some(&(v, j)) if v - GAP * c.start as f64 > 0.0 => (v - GAP * c.start as f64, Some(j)),
            _ => (0.0, None),
        };
        total[i] = value + c.score;
        parent[i] = from;
    }
    let mut at = (0..cands.len()).max_by(|&a, &b| total[a].total_cmp(&total[b]).then(b.cmp(&a)))?;
    let mut chain = vec![at];
    while let Some(p) = parent[at] {
        chain.push(p);
        at = p;
    }
    chain.reverse();
    let mut taken: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    let mut chain: Vec<Candidate> = chain.into_iter().filter_map(|i| taken[i].take()).collect();
    for c in chain.iter_mut().filter(|c| c.valued) {
        c.run = s.run(c.label_end);
    }
    Some(chain)
}

/// The template cells a printed row's values fill: its row's, or for the
/// review table's one printed row of 15 (`one_row`), all of them.
fn cells_of(def: &TableDef, c: &Candidate, one_row: bool) -> Vec<(usize, usize)> {
    if one_row {
        def.rows.iter().enumerate().flat_map(|(r, row)| (0..row.cols.len()).map(move |col| (r, col))).collect()
    } else {
        (0..def.rows[c.row].cols.len()).map(|col| (c.row, col)).collect()
    }
}

/// The table laid out from the aligned rows: values split and chosen by the
/// arithmetic, each choice with more than one reading noted.
fn place(
    s: &Stream,
    template: TemplateId,
    kind: TableKind,
    chain: Vec<Candidate>,
    one_row: bool,
) -> (Table, Vec<ReadNote>) {
    let mut table = Table::empty(template, kind);
    let def = table.def;
    let mut notes = Vec::new();
    let mut printed = Vec::new();
    let mut owners = Vec::new();
    let mut blank = Vec::new();
    let chain = leave_ordinals(s, def, chain);
    let terms = identities::terms(template, def);
    let mut prev_end = 0;
    for c in &chain {
        let cells = cells_of(def, c, one_row);
        let label = s.span(c.start, c.label_end.max(c.start + 1));
        if !one_row {
            // The label: from the previous row's end, at most the official label's length before the word.
            let row = &def.rows[c.row];
            let from = prev_end.max(c.start.saturating_sub(row.label.chars().count())).min(c.start);
            let printed: String = s.chars[from..c.label_end.max(c.start)].iter().collect();
            if let Some(kind) = super::labels::approximate(&printed, row, c.word) {
                notes.push(ReadNote { table: def.kind, row: row.key, kind, span: label });
            }
        }
        prev_end = c.run.end.max(c.label_end);
        // The text ends with the row's label, maybe cut inside it (`（二）部分公开（区分处`):
        // the copy was cut there; its values are not in the text, the cells stay missing.
        // Looked at only for a row with no values, and only as far as its label's length.
        let cut = || {
            let label = def.rows[c.row].label.chars().count();
            let rest: Vec<char> = s.chars[c.label_end.min(s.chars.len())..]
                .iter()
                .filter(|c| !c.is_whitespace())
                .take(label + 1)
                .copied()
                .collect();
            rest.len() <= label && rest.iter().all(|c| !c.is_ascii_digit())
        };
        if c.run.groups.is_empty() && cut() {
            continue;
        }
        if c.run.groups.is_empty() {
            // The row is printed with no value at all: its cells are blank.
            for &(r, col) in &cells {
                table.cells[r][col] = Cell { value: CellValue::Blank, span: Some(label), unit: None };
            }
            blank.extend(cells);
            continue;
        }
        let limits: Vec<usize> = cells
            .iter()
            .map(|&(r, col)| match def.rows[r].cols[col].kind {
                ColKind::Money => split::MAX_AMOUNT_DIGITS,
                _ => split::MAX_DIGITS,
            })
            .collect();
        let (score, most) = split::row_score(&terms, &cells);
        let mut whole = c.run.whole;
        let mut readings = split::readings(&c.run.groups, whole, &limits, (&score, most));
        if readings.kept.is_empty() && whole {
            // Values one per line that fit no cell whole (`00000`): glued cells after all.
            whole = false;
            readings = split::readings(&c.run.groups, false, &limits, (&score, most));
        }
        if readings.kept.is_empty() {
            let (values, note) = unsplit(s, &c.run, cells.len());
            for (&(r, col), v) in cells.iter().zip(values) {
                table.cells[r][col] = v;
            }
            if let Some(note) = note {
                notes.push(ReadNote { table: kind, row: def.rows[c.row].key, kind: note, span: label });
            }
            continue;
        }
        printed.push(Printed { cells, readings });
        owners.push((c, whole));
    }
    let choices = choose::choose(&terms, &printed, &blank);
    for ((p, choice), (c, whole)) in printed.iter().zip(&choices).zip(owners) {
        let reading = &p.readings.kept[choice.reading];
        for (&(r, col), piece) in p.cells.iter().zip(reading) {
            table.cells[r][col] = if piece.is_blank() {
                // No chars of its own: it stands somewhere among the row's digits.
                Cell { value: CellValue::Blank, span: Some(s.span(c.label_end, c.run.end)), unit: None }
            } else {
                cell(s, piece, c.run.unit)
            };
        }
        // Blank cells placed by the arithmetic are a choice even where it had no other.
        if choice.readings > 1 || p.readings.more || p.readings.blanks > 0 {
            let other = choice.tie.map(|t| p.readings.kept[t].iter().map(|x| x.value).collect());
            let readings = (!p.readings.more).then_some(choice.readings);
            let blanks = p.readings.blanks;
            notes.push(ReadNote {
                table: kind,
                row: def.rows[p.cells[0].0].key,
                kind: NoteKind::Split {
                    readings,
                    balanced: choice.balanced,
                    other,
                    blanks,
                    cells: p.cells.len(),
                    lines: whole,
                },
                span: s.span(c.label_end, c.run.end),
            });
        }
    }
    if let (Some(first), Some(last)) = (chain.first(), chain.last()) {
        table.span = s.span(first.start, last.run.end.max(last.label_end));
        table.money_unit = chain.iter().find_map(|c| c.run.unit);
    }
    (table, notes)
}

/// A row's number printed with no mark after it (`…00000002其他法律…`, for
/// `2.其他法律…`) is glued to the values before it: the digit is the next
/// label's, when that label starts with it and nothing but its words stands between.
fn leave_ordinals(s: &Stream, def: &TableDef, chain: Vec<Candidate>) -> Vec<Candidate> {
    let ordinal = |row: usize| def.rows[row].label.chars().next().filter(|c| c.is_ascii_digit());
    let mut chain = chain;
    for i in 1..chain.len() {
        let Some(d) = ordinal(chain[i].row) else { continue };
        let (before, after) = chain.split_at_mut(i);
        let prev = &mut before[i - 1];
        let next = &after[0];
        let between = &s.chars[prev.run.end.min(next.start)..next.start];
        let words = def.rows[next.row].label.chars().count();
        // A label found by its number (`3其他`) left it out of the values already.
        let numbered = s.chars.get(next.start).is_some_and(char::is_ascii_digit);
        if numbered
            || prev.run.unit.is_some()
            || between.iter().any(|c| c.is_ascii_digit() || *c == ' ')
            || between.len() > words
        {
            continue;
        }
        let Some(Group::Digits { at, digits, decimals, .. }) = prev.run.groups.last_mut() else { continue };
        if decimals.is_empty() && digits.ends_with(d) && *at + digits.len() == prev.run.end {
            digits.pop();
            prev.run.end -= 1;
            if digits.is_empty() {
                prev.run.groups.pop();
            }
        }
    }
    chain
}

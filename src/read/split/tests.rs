//! Tests of the split of glued digits: its bound, its readings, blanks.

use super::*;
use crate::model::TemplateId;
use crate::read::choose::{choose, Choice, Printed};
use crate::read::tokens::Stream;

fn all(text: &str, n: usize) -> Vec<String> {
    let s = Stream::new(text);
    readings(&s.run(0).groups, false, &vec![MAX_DIGITS; n], (&|_| 0, 0))
        .kept
        .iter()
        .map(|r| r.iter().map(|p| p.value.map_or("/".to_owned(), |v| v.to_string())).collect::<Vec<_>>().join("|"))
        .collect()
}

/// Digits that fit the cells only in very many ways, or hardly at all:
/// the search stops within its step bound (it once took minutes on 60
/// digits after 行政复议 in a sentence, trying lengths that could never fit).
#[test]
fn the_search_is_bounded() {
    // Few digits for many cells: every place of the blanks is tried, within the same bound.
    for (digits, cells) in [(60, 15), (75, 15), (76, 15), (40, 7), (200, 15), (8, 15), (1, 15), (14, 15)] {
        let s = Stream::new(&"7".repeat(digits));
        let r = readings(&s.run(0).groups, false, &[MAX_DIGITS; 15][..cells], (&|_| 0, 0));
        // A step past the bound on each level of the search before it unwinds.
        assert!(r.steps <= MAX_STEPS + 2 * cells + 2, "{digits} digits in {cells} cells: {} steps", r.steps);
    }
    // 75 digits fill 15 cells of five exactly one way; 76 fit none, found at once.
    let read = |digits: usize| {
        readings(&Stream::new(&"7".repeat(digits)).run(0).groups, false, &[MAX_DIGITS; 15], (&|_| 0, 0))
    };
    let r = read(75);
    assert_eq!((r.kept.len(), r.total, r.more), (1, 1, false));
    let r = read(76);
    assert_eq!((r.kept.len(), r.total, r.more, r.steps), (0, 0, false, 1));
}

/// The reading chosen for one row of 表三 (new) by its row identity, and the choice.
fn chosen(text: &str) -> (String, Choice) {
    let s = Stream::new(text);
    let def = TemplateId::Y2021.template().table(crate::model::TableKind::Requests);
    let cells: Vec<(usize, usize)> = (0..7).map(|c| (0, c)).collect();
    let terms = crate::model::identities::terms(TemplateId::Y2021, def);
    let (score, most) = row_score(&terms, &cells);
    let readings = readings(&s.run(0).groups, false, &[MAX_DIGITS; 7], (&score, most));
    let printed = [Printed { cells, readings }];
    let choice = choose(&terms, &printed, &[]).remove(0);
    let show =
        |r: &Reading| r.iter().map(|p| p.value.map_or("/".to_owned(), |v| v.to_string())).collect::<Vec<_>>().join("|");
    (show(&printed[0].readings.kept[choice.reading]), choice)
}

#[test]
fn digits_split_without_leading_zeros() {
    assert_eq!(all("0000000", 7), ["0|0|0|0|0|0|0"]);
    assert_eq!(all("30 0 0 0 03", 7), ["3|0|0|0|0|0|3"]);
    assert_eq!(all("2600000 26", 7).len(), 4);
    assert_eq!(all("82059.2090", 2), ["820|59.2090", "8|2059.2090", "8205|9.2090"]);
    // Three digits for seven cells: four are blank, anywhere (no identity to tell).
    let blank = all("000", 7);
    assert_eq!((blank.len(), blank[0].as_str()), (35, "0|0|0|/|/|/|/"));
    assert!(all("12.1234567890123456789012", 2).is_empty());
}

#[test]
fn the_row_identity_chooses_among_readings() {
    let (reading, choice) = chosen("2600000 26");
    assert_eq!(reading, "26|0|0|0|0|0|26");
    assert_eq!(choice, Choice { reading: choice.reading, readings: 4, balanced: 1, tie: None });
    assert_eq!(chosen("640020470").0, "64|0|0|2|0|4|70");
    // Nothing balances: the reading that misses by least (37 against 8; 1|2|3|4|5|6|78
    // misses by 57) is kept, for the checks to report.
    let (reading, choice) = chosen("12345678");
    assert_eq!((reading.as_str(), choice.balanced, choice.tie), ("12|3|4|5|6|7|8", 0, None));
}

#[test]
fn two_balanced_readings_are_a_tie() {
    // 1|10|0|0|0|0|11 and 11|0|0|0|0|0|11 both hold.
    let (_, choice) = chosen("110000011");
    assert_eq!((choice.balanced, choice.tie.is_some()), (2, true), "{choice:?}");
}

/// Glued digits keep no trace of blank cells: where too few digits are left,
/// blanks are placed by the row's identity; where the digits suffice, none
/// is made up, even when only a reading with blanks would balance (joining
/// digits to make room for a blank could read an error away).
#[test]
fn blank_cells_are_placed_by_the_row_identity() {
    let s = Stream::new("55");
    let def = TemplateId::Y2021.template().table(crate::model::TableKind::Requests);
    let cells: Vec<(usize, usize)> = (0..7).map(|c| (0, c)).collect();
    let terms = crate::model::identities::terms(TemplateId::Y2021, def);
    let (score, most) = row_score(&terms, &cells);
    let r = readings(&s.run(0).groups, false, &[MAX_DIGITS; 7], (&score, most));
    // 5 in any of the six applicant columns and 5 in 总计.
    assert_eq!((r.blanks, r.kept.len()), (5, 6));
    assert!(r
        .kept
        .iter()
        .all(|k| k[6].value == Some(Number::int(5)) && k.iter().filter(|p| p.is_blank()).count() == 5));
    // 2|1|0|0|0|0|12 does not add up; 2|10|0|0|0|—|12 would, with a blank made up.
    for unbalanced in ["21000012", "10020120"] {
        let (reading, choice) = chosen(unbalanced);
        assert_eq!(choice.balanced, 0, "{unbalanced}: {reading}");
        assert!(!reading.contains('/'), "{unbalanced}: {reading}");
    }
    let (reading, _) = chosen("640020470");
    assert_eq!(reading, "64|0|0|2|0|4|70");
}

/// Values one per line, blank cells left as empty lines: each value is one
/// cell (12 is not 1|2); only where the blanks stand is left to the arithmetic.
/// One longer value alone on its line may still be glued cells.
#[test]
fn values_on_lines_of_their_own_are_whole_cells() {
    let text = "新收\n12\n\n\n\n\n\n12\n";
    let s = Stream::new(text);
    let at = text.find('\n').map(|b| text[..b].chars().count()).unwrap_or(0);
    let run = s.run(at);
    assert!(run.whole, "{run:?}");
    let shown = |r: &Readings| -> Vec<String> {
        r.kept
            .iter()
            .map(|r| r.iter().map(|p| p.value.map_or("/".to_owned(), |v| v.to_string())).collect::<Vec<_>>().join("|"))
            .collect()
    };
    let whole = readings(&run.groups, run.whole, &[MAX_DIGITS; 7], (&|_| 0, 0));
    assert_eq!(whole.blanks, 5);
    assert!(shown(&whole).iter().all(|r| r.matches("12").count() == 2), "{:?}", shown(&whole));
    // The same digits on one line, glued: split, the fewest blanks.
    let glued = Stream::new("新收 12 12");
    let run = glued.run(2);
    assert!(!run.whole);
    assert_eq!(readings(&run.groups, run.whole, &[MAX_DIGITS; 7], (&|_| 0, 0)).blanks, 3);
    // One value alone on its line: maybe glued cells.
    let one = Stream::new("新收\n640020470\n");
    assert!(!one.run(2).whole);
}

//! The seeds (real published reports, exactly as extracted, in
//! `tests/cases/seed-*`): beside each case's expected model (read by hand) and
//! findings, the findings a reader of each seed must get, and no table error.

use std::path::Path;

/// The findings issue 4 expects on each seed, and no error-severity
/// T3-*/T4-*/S-VERSION/S-TABLE on any.
#[test]
fn seed_findings() {
    let expected: [(&str, &[&str]); 5] = [
        ("000_f9649dac1b38fb85", &["CELL-EXTRA", "CELL-BLANK"]),
        ("001_398e231a6bf84220", &["CELL-BLANK"]),
        ("002_400511ad0ee379b5", &["N-APPS", "S-CHAPTER"]),
        ("003_e79d930d3ead0ba0", &["CELL-BLANK", "N-DUP", "S-CHAPTER"]),
        ("004_9cf56e95910a791d", &["N-DUP", "S-META", "N-FEE"]),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    for (name, codes) in expected {
        let input = std::fs::read_to_string(dir.join(format!("seed-{name}")).join("input.txt")).unwrap();
        let found = nianbao::checks::check(&nianbao::parse(&input));
        for code in codes {
            assert!(found.iter().any(|d| d.code == *code), "{name}: {code} expected in {found:#?}");
        }
        let false_alarms: Vec<_> = found
            .iter()
            .filter(|d| d.severity == nianbao::checks::Severity::Error)
            .filter(|d| {
                d.code.starts_with("T3-") || d.code.starts_with("T4-") || ["S-VERSION", "S-TABLE"].contains(&d.code)
            })
            .collect();
        assert!(false_alarms.is_empty(), "{name}: {false_alarms:#?}");
    }
}

//! Parsing never panics: the seeds mutated at random (characters deleted,
//! duplicated, swapped for table punctuation and digits, lines shuffled),
//! parsed and checked. A deterministic generator keeps failures reproducible.

use std::path::Path;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const NOISE: &[char] = &['\t', '|', ' ', '\n', '0', '7', '-', '.', '一', '、', '（', '七', '⼀', '　', '年', '\r'];

fn mutate(rng: &mut XorShift, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(20) {
        if chars.is_empty() {
            break;
        }
        let i = rng.below(chars.len());
        match rng.below(5) {
            0 => {
                chars.remove(i);
            }
            1 => chars.insert(i, NOISE[rng.below(NOISE.len())]),
            2 => chars[i] = NOISE[rng.below(NOISE.len())],
            3 => {
                let j = (i + rng.below(200)).min(chars.len());
                let piece: Vec<char> = chars[i..j].to_vec();
                let at = rng.below(chars.len());
                chars.splice(at..at, piece);
            }
            _ => chars.truncate(i),
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_seeds_never_panic() {
    // Every case's input: the seeds, the real crawled reports and each shape.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("cases");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .flat_map(|e| ["input.txt", "input.html"].map(|f| std::fs::read_to_string(e.path().join(f))))
        .flatten()
        .collect();
    seeds.sort();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..2000 {
        let input = mutate(&mut rng, &seeds[round % seeds.len()]);
        let report = nianbao::parse(&input);
        let diagnostics = nianbao::checks::check(&report);
        let json = nianbao::views::json::to_json("x", &input, &report, &diagnostics);
        assert!(json.starts_with('{') && json.ends_with('}'), "round {round}");
    }
}

#[test]
fn degenerate_inputs() {
    for input in ["", "\n", "\t\t\t", "|||", "0", "-", "新收", "新收\t1", "行政复议\n\t\t\t", "\u{FEFF}", "2020年"]
    {
        let report = nianbao::parse(input);
        nianbao::checks::check(&report);
    }
}

#[test]
fn sums_of_huge_numbers_do_not_overflow() {
    let max = i64::MAX;
    let input = format!("全年共{max}件，其中{max}件、{max}件。\n");
    let report = nianbao::parse(&input);
    let diagnostics = nianbao::checks::check(&report);
    let n_sum = diagnostics.iter().find(|d| d.code == "N-SUM").expect("N-SUM");
    assert!(
        nianbao::views::messages::message(n_sum).contains("= 18446744073709551614件，大于总数"),
        "{}",
        nianbao::views::messages::message(n_sum)
    );
}

/// A PDF cut short or with bytes changed (compressed streams, fonts, the
/// cross-reference table) is read or refused, never a panic.
#[test]
fn mutated_pdfs_never_panic() {
    let pdf = std::fs::read("tests/extracted/pdf_s0_f1.pdf").expect("pdf");
    let mut rng = XorShift(0x0005_EED0_F0DF);
    let (mut read, mut refused) = (0, 0);
    for round in 0..300 {
        let mut bytes = pdf.clone();
        if round % 3 == 0 {
            bytes.truncate((rng.next() as usize) % pdf.len());
        } else {
            for _ in 0..1 + round % 16 {
                let at = (rng.next() as usize) % bytes.len();
                bytes[at] = rng.next() as u8;
            }
        }
        match nianbao::read::parse_pdf(&bytes) {
            Ok(_) => read += 1,
            Err(_) => refused += 1,
        }
    }
    assert!(
        read > 100 && refused > 0,
        "most changes leave a PDF readable, a cut one often not: {read} read, {refused} refused"
    );
}

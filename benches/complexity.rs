//! Complexity: each family of hostile or unlucky input at 1×, 10× and 100×
//! its base size, through everything one input costs (parse, checks, the
//! JSON the CLI prints, the marks the page draws). Prints time per KB and
//! peak memory per input byte; linear means the time column stays flat from
//! 1× to 100× and the memory stays within the bound. Run: `cargo xtask bench`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new) };
        if !q.is_null() {
            if new >= layout.size() {
                let now = IN_USE.fetch_add(new - layout.size(), Relaxed) + new - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Everything one pasted input costs: read, check, the CLI's JSON, the page's
/// marks. A WordprocessingML family (`<w:document…`) is read by the Word reader first.
fn everything(input: &str) -> usize {
    if input.starts_with("<w:document") {
        let text = nianbao::text::docx::from_xml(input, "").text;
        return everything(&text);
    }
    let st = |w: &str| {
        if std::env::var("STAGES").is_ok() {
            eprintln!(
                "{w}: peak {} now {}",
                PEAK.load(Relaxed) as f64 / input.len() as f64,
                IN_USE.load(Relaxed) as f64 / input.len() as f64
            )
        }
    };
    let report = nianbao::parse(input);
    st("parse");
    let diagnostics = nianbao::checks::check(&report);
    st("check");
    let json = nianbao::views::json::to_json("-", input, &report, &diagnostics);
    st("json");
    let pieces = nianbao::views::marks::pieces(input, &diagnostics, Some(0));
    st("marks");
    black_box(json.len() + pieces.len());
    diagnostics.len()
}

/// Time (best of a few runs, at least one), peak bytes above the input, and the finding count.
fn measure(input: &str) -> (f64, usize, usize) {
    let mut best = f64::MAX;
    let mut peak = 0;
    let mut findings = 0;
    let runs = if input.len() > 1 << 20 { 1 } else { 3 };
    for _ in 0..runs {
        let base = IN_USE.load(Relaxed);
        PEAK.store(base, Relaxed);
        let t = Instant::now();
        findings = everything(black_box(input));
        best = best.min(t.elapsed().as_secs_f64());
        peak = PEAK.load(Relaxed) - base;
    }
    (best, peak, findings)
}

/// A family of inputs: its name and the input at `n` units.
type Family = (&'static str, Box<dyn Fn(usize) -> String>);

fn families() -> Vec<Family> {
    vec![
        // A wide first row, then short rows: padding to the width was rows × width.
        (
            "html: colspan=1000 ×300, 200 rows",
            Box::new(|n| {
                let unit = format!(
                    "<table><tr>{}</tr>{}</table>",
                    "<td colspan=1000>".repeat(300),
                    "<tr><td>a<td>1</tr>".repeat(200)
                );
                unit.repeat(n)
            }),
        ),
        ("html: tables nested", Box::new(|n| "<table><tr><td>规章<td>1".repeat(400 * n))),
        ("html: &#0; &#1; &#x10FFFF;", Box::new(|n| format!("<p>{}</p>", "共&#0;1&#1;件&#x10FFFF;".repeat(600 * n)))),
        // Paragraphs sharing their sentences: the holders of each sentence intersected per paragraph.
        (
            "N-DUP: shared sentences",
            Box::new(|n| {
                (0..100 * n)
                    .map(|i| {
                        format!(
                            "本机关认真贯彻落实政府信息公开条例。全面推进政务公开工作不断深化。第{i}项工作已完成。\n"
                        )
                    })
                    .collect()
            }),
        ),
        // One paragraph, then many short ones, then the paragraph again and again.
        (
            "N-DUP: repeats across short lines",
            Box::new(|n| {
                let p = "本机关认真贯彻落实政府信息公开条例全面推进政务公开工作。\n";
                format!("{p}{}{}", "短\n".repeat(1000 * n), format!("{p}短\n").repeat(200 * n))
            }),
        ),
        ("N-SUM: digits after 共", Box::new(|n| format!("全年共{}件，其中1件、2件。", "1".repeat(16_000 * n)))),
        // Every sentence a finding, all on one line: 30,000 findings at 100×.
        ("N-SUM: a finding per sentence, one line", Box::new(|n| "共3件，其中2件、2件。".repeat(300 * n))),
        ("N-SUM: a finding per sentence, lines", Box::new(|n| "共3件，其中2件、2件。\n".repeat(300 * n))),
        // One row label, then its values one per line.
        (
            "table: a label, values one per line",
            Box::new(|n| format!("三、本年新收政府信息公开申请数量\n{}", "0\n".repeat(8000 * n))),
        ),
        // Real reports, as pasted: the ratio an ordinary input costs.
        (
            "real: a seed (tabs, PDF copy)",
            Box::new(|n| include_str!("../tests/cases/seed-000_f9649dac1b38fb85/input.txt").repeat(n)),
        ),
        ("real: crawled, glued cells", Box::new(|n| include_str!("../tests/cases/real-glued-1/input.txt").repeat(n))),
        ("short lines", Box::new(|n| "a\n".repeat(8000 * n))),
        // An opening line full of the words that introduce a report (each was counted from the line's start).
        ("opening line of 现将 repeated", Box::new(|n| "现将".repeat(2700 * n))),
        ("blank lines", Box::new(|n| "\n".repeat(16000 * n))),
        ("numbers, one per line", Box::new(|n| "12\n".repeat(5000 * n))),
        (
            "one line of glued digits",
            Box::new(|n| format!("一、本年新收政府信息公开申请数量{}", "1234567890".repeat(1600 * n))),
        ),
        // Row labels each followed by a digit run too long for its cells (fuzzing
        // found the split search exponential on one such run).
        // Word documents' XML (the Word reader, then all the rest).
        (
            "docx: text full of &",
            Box::new(|n| format!("<w:document><w:p><w:r><w:t>{}</w:t></w:r></w:p>", "&".repeat(16_000 * n))),
        ),
        (
            "docx: merged cells, wide rows",
            Box::new(|n| {
                let cell =
                    |m: &str| format!("<w:tc><w:tcPr><w:vMerge{m}/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>");
                let row = |m: &str| format!("<w:tr>{}</w:tr>", cell(m).repeat(100 * n));
                format!("<w:document><w:tbl>{}{}</w:tbl>", row(" w:val=\"restart\""), row("").repeat(2))
            }),
        ),
        (
            "glued runs too long for their cells",
            Box::new(|n| format!("行政复议 结果维持{}。\n", "7".repeat(60)).repeat(300 * n)),
        ),
        (
            "table rows, each with a run too long",
            Box::new(|n| {
                format!(
                    "一、本年新收政府信息公开申请数量{}二、上年结转政府信息公开申请数量{}",
                    "7".repeat(34),
                    "7".repeat(34)
                )
                .repeat(100 * n)
            }),
        ),
    ]
}

fn main() {
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    println!("complexity (time per KB of input; peak memory per input byte; 1× / 10× / 100×;");
    println!("  margin: the peak's growth per input byte from 10× to 100×, without what any input costs):");
    println!(
        "  {:40} {:>9} {:>27} {:>22} {:>7} {:>8}",
        "family", "1× KB", "µs per KB", "peak × input", "margin", "findings"
    );
    for (name, make) in families() {
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let mut per_kb = Vec::new();
        let mut amp = Vec::new();
        let mut count = 0;
        let mut base_kb = 0.0;
        let mut sizes = Vec::new();
        let mut peaks = Vec::new();
        for n in [1, 10, 100] {
            let input = make(n);
            let kb = input.len() as f64 / 1024.0;
            if n == 1 {
                base_kb = kb;
            }
            let (t, peak, findings) = measure(&input);
            per_kb.push(t * 1e6 / kb);
            amp.push(peak as f64 / input.len() as f64);
            sizes.push(input.len() as f64);
            peaks.push(peak as f64);
            count = findings;
        }
        let margin = (peaks[2] - peaks[1]) / (sizes[2] - sizes[1]);
        println!(
            "  {name:40} {base_kb:>9.1} {:>8.1} {:>8.1} {:>8.1}  {:>6.1} {:>6.1} {:>6.1} {margin:>7.1}  {count:>8}",
            per_kb[0], per_kb[1], per_kb[2], amp[0], amp[1], amp[2]
        );
    }
}

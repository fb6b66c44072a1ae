//! The five published reports offered as examples (载入示例), exactly as
//! extracted: their name, and the file beside the page that holds each
//! (`cargo xtask dist` writes tests/cases/<case>/input.txt as examples/<case>.txt;
//! fetched when chosen, so the first load does not carry them).

pub const SAMPLES: [(&str, &str); 5] = [
    ("五营镇 2020（制表符分隔，拆开的标签）", "seed-000_f9649dac1b38fb85.txt"),
    ("西湖镇 2020（OCR 识别错字）", "seed-001_398e231a6bf84220.txt"),
    ("云湖桥镇 2020（正文与表格矛盾）", "seed-002_400511ad0ee379b5.txt"),
    ("崇岗镇 2020（只填了总计列）", "seed-003_e79d930d3ead0ba0.txt"),
    ("安棚镇 2022（Markdown 表格，2021 年版格式）", "seed-004_9cf56e95910a791d.txt"),
];

//! The five published reports bundled as examples (载入示例), exactly as extracted.

pub const SAMPLES: [(&str, &str); 5] = [
    ("五营镇 2020（制表符分隔，拆开的标签）", include_str!("../../tests/cases/seed-000_f9649dac1b38fb85/input.txt")),
    ("西湖镇 2020（OCR 识别错字）", include_str!("../../tests/cases/seed-001_398e231a6bf84220/input.txt")),
    ("云湖桥镇 2020（正文与表格矛盾）", include_str!("../../tests/cases/seed-002_400511ad0ee379b5/input.txt")),
    ("崇岗镇 2020（只填了总计列）", include_str!("../../tests/cases/seed-003_e79d930d3ead0ba0/input.txt")),
    (
        "安棚镇 2022（Markdown 表格，2021 年版格式）",
        include_str!("../../tests/cases/seed-004_9cf56e95910a791d/input.txt"),
    ),
];

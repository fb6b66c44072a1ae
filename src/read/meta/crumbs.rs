//! A site's breadcrumb (`当前位置：首页 > 政务公开 > 年报`): never a title or an
//! agency itself, though its last crumb may be the report's title.

/// Marks between crumbs.
const SEPARATORS: [char; 4] = ['>', '›', '»', '→'];

/// What a breadcrumb starts with.
const PREFIXES: [&str; 5] = ["首页", "当前位置", "您的位置", "您现在的位置", "现在位置"];

/// A last crumb that names the page's kind, not the page: the crumb before it is the title.
const PAGE_KINDS: [&str; 3] = ["正文", "详情", "内容"];

/// Whether folded `t` is a breadcrumb (`首页 > 信息公开 > 年度报告`, `当前位置：…`).
pub(super) fn is_breadcrumb(t: &str) -> bool {
    // A Markdown quote's `>` before a title is no separator.
    let t = t.trim_start_matches(['>', '#', '*']);
    t.contains(SEPARATORS) || PREFIXES.iter().any(|p| t.starts_with(p))
}

/// The breadcrumb's last crumb that names a page (trimmed), and the char it starts at.
pub(super) fn last_crumb(t: &str) -> Option<(&str, usize)> {
    if !is_breadcrumb(t) {
        return None;
    }
    let mut crumbs = t.rsplit(SEPARATORS).map(str::trim).filter(|c| !c.is_empty());
    let last = crumbs.find(|c| !PAGE_KINDS.contains(c))?;
    let start = last.as_ptr() as usize - t.as_ptr() as usize;
    (start > 0).then(|| (last, t[..start].chars().count()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_crumb_naming_a_page() {
        let t = "您的位置:首页→政务公开→某县2023年政府信息公开工作年度报告→正文";
        assert_eq!(last_crumb(t).map(|(c, _)| c), Some("某县2023年政府信息公开工作年度报告"));
        let (crumb, from) = last_crumb("首页>年报>某县报告").unwrap_or_default();
        assert_eq!((crumb, from), ("某县报告", 6));
        assert_eq!(last_crumb("某县2023年报告"), None);
        assert!(is_breadcrumb("当前位置:首页") && !is_breadcrumb("> 某县2023年报告"));
    }
}

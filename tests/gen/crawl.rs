//! The text a crawler stores from a report's web page.

use super::{layout, Rng, Sample};
use nianbao::model::TableKind;

/// How a crawler joined a web page's text (the shape archives and scraped data
/// sets hold): `textContent` puts nothing between cells, BeautifulSoup's
/// `get_text(" ")` one space, and `&nbsp;` padding leaves a stray space after
/// some cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crawl {
    Glued,
    Spaced,
    Padded,
}

pub const CRAWLS: [Crawl; 3] = [Crawl::Glued, Crawl::Spaced, Crawl::Padded];

/// The report as a crawler stored it: an archive's header, then the page body
/// (sometimes after the site's menu) collapsed onto one line.
pub fn crawl(sample: &Sample, how: Crawl, rng: &mut Rng) -> String {
    let y = sample.year;
    let title = format!("{}{y}年政府信息公开工作年度报告", sample.agency);
    let mut out = format!(
        "标题: {title}\n发布时间: {}-01-{}\n文号: \n发布机构: {}\n栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/zwgk/{y}/t{}.htm\n本地目录: zwgk/{y}/{title}\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n",
        y + 1,
        10 + rng.below(18),
        sample.agency,
        rng.below(100_000),
    );
    let sep = |rng: &mut Rng| match how {
        Crawl::Glued => "",
        Crawl::Spaced => " ",
        Crawl::Padded => {
            if rng.chance(30) {
                " "
            } else {
                ""
            }
        }
    };
    let mut blocks: Vec<String> = Vec::new();
    if rng.chance(50) {
        blocks.push("首页 一网通办 政务公开 互动交流 当前位置：首页 > 政务公开 > 政府信息公开年报".to_owned());
    }
    blocks.push(title.clone());
    blocks.push(format!(
        "本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
    ));
    blocks.push("一、总体情况".to_owned());
    blocks.push(format!("{y}年，本机关认真贯彻落实《条例》，扎实推进政府信息公开工作。"));
    let tables = [
        ("二、主动公开政府信息情况", TableKind::Active, sample.format, &sample.active),
        ("三、收到和处理政府信息公开申请情况", TableKind::Requests, sample.requests_format, &sample.requests),
        ("四、政府信息公开行政复议、行政诉讼情况", TableKind::Review, sample.format, &sample.review),
    ];
    for (heading, kind, format, grid) in tables {
        blocks.push(heading.to_owned());
        let mut table = String::new();
        for row in layout(kind, format, grid, rng) {
            for cell in row {
                table += &cell.text;
                table += sep(rng);
            }
        }
        blocks.push(table.trim_end().to_owned());
    }
    blocks.push("五、存在的主要问题及改进情况".to_owned());
    blocks.push("一是公开内容不够全面。下一步将进一步完善工作机制。".to_owned());
    blocks.push("六、其他需要报告的事项".to_owned());
    blocks.push("本年度未收取信息处理费。".to_owned());
    blocks.push(sample.agency.clone());
    blocks.push(format!("{}年1月{}日", y + 1, 10 + rng.below(18)));
    for b in blocks {
        out += &b;
        out += if how == Crawl::Glued { "" } else { " " };
    }
    out.push('\n');
    out
}

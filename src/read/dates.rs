//! Years and dates as reports print them, on folded text (whitespace already
//! dropped, so `2021 年 1 月 25 日` reads as `2021年1月25日`): Arabic or Chinese
//! numerals (`二〇二一年一月二十五日`), or `2021-01-25` / `2021.1.25` / `2021/1/25`.

use crate::model::Date;

const CN_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn digit(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| match c {
        '零' | 'O' | 'o' => Some(0),
        _ => CN_DIGITS.iter().position(|&d| d == c).map(|p| p as u32),
    })
}

/// A year of four digits at `i` (not inside a longer number): its value.
pub fn year_at(chars: &[char], i: usize) -> Option<i32> {
    let four = chars.get(i..i + 4)?;
    let arabic = four.iter().all(char::is_ascii_digit);
    let chinese = four.iter().all(|c| !c.is_ascii_digit() && digit(*c).is_some());
    if !(arabic || chinese) || (i > 0 && digit(chars[i - 1]).is_some()) {
        return None;
    }
    let year = four.iter().try_fold(0, |acc, c| digit(*c).map(|d| acc * 10 + d))?;
    (2000..2100).contains(&year).then_some(year as i32)
}

/// A number of one or two places at `i`: Arabic (`12`) or Chinese (`十二`, `二十五`).
/// Returns the value and its length in chars.
fn small_number(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let arabic = chars[i..].iter().take(2).take_while(|c| c.is_ascii_digit()).count();
    if arabic > 0 {
        let v = chars[i..i + arabic].iter().fold(0, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0));
        return Some((v, arabic));
    }
    let at = |k: usize| chars.get(i + k).copied();
    let cn = |k: usize| at(k).filter(|&c| c != '〇' && c != '零').and_then(digit).filter(|&d| d > 0);
    match (at(0), at(1), at(2)) {
        (Some('十'), _, _) => Some(cn(1).map_or((10, 1), |d| (10 + d, 2))),
        (_, Some('十'), _) => {
            let tens = cn(0)?;
            Some(cn(2).map_or((tens * 10, 2), |d| (tens * 10 + d, 3)))
        }
        _ => cn(0).map(|d| (d, 1)),
    }
}

/// `M月D日` at `i`: month, day and the index after it. Not inside a longer
/// number: `202020年12月31日` holds no `2月31日`.
pub fn month_day_at(chars: &[char], i: usize) -> Option<(u8, u8, usize)> {
    if i > 0 && (digit(chars[i - 1]).is_some() || chars[i - 1] == '十') {
        return None;
    }
    let (month, ml) = small_number(chars, i)?;
    if chars.get(i + ml) != Some(&'月') {
        return None;
    }
    let (day, dl) = small_number(chars, i + ml + 1)?;
    let end = i + ml + 1 + dl;
    if !matches!(chars.get(end), Some('日' | '号')) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((month as u8, day as u8, end + 1))
}

/// A full date at `i`: the date and the index after it.
pub fn date_at(chars: &[char], i: usize) -> Option<(Date, usize)> {
    let year = year_at(chars, i)?;
    let sep = *chars.get(i + 4)?;
    if sep == '年' {
        let (month, day, end) = month_day_at(chars, i + 5)?;
        return Some((Date { year, month, day }, end));
    }
    if !matches!(sep, '-' | '.' | '/') {
        return None;
    }
    let (month, ml) = small_number(chars, i + 5).filter(|(_, l)| chars[i + 5].is_ascii_digit() && *l > 0)?;
    if chars.get(i + 5 + ml) != Some(&sep) {
        return None;
    }
    let (day, dl) = small_number(chars, i + 6 + ml).filter(|_| chars[i + 6 + ml].is_ascii_digit())?;
    let end = i + 6 + ml + dl;
    let valid =
        (1..=12).contains(&month) && (1..=31).contains(&day) && !chars.get(end).is_some_and(char::is_ascii_digit);
    valid.then_some((Date { year, month: month as u8, day: day as u8 }, end))
}

/// Every full date in `chars`, with its char range.
pub fn dates(chars: &[char]) -> Vec<(Date, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match date_at(chars, i) {
            Some((d, end)) => {
                out.push((d, i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<String> {
        let chars: Vec<char> = s.chars().collect();
        dates(&chars).first().map(|(d, _, _)| d.to_string())
    }

    #[test]
    fn reads_printed_dates() {
        assert_eq!(first("西湖镇人民政府2021年1月25日").as_deref(), Some("2021-01-25"));
        assert_eq!(first("二〇二一年一月二十五日").as_deref(), Some("2021-01-25"));
        assert_eq!(first("二〇二二年十二月三十一日").as_deref(), Some("2022-12-31"));
        assert_eq!(first("2022年十月十日").as_deref(), Some("2022-10-10"));
        assert_eq!(first("日期:2021-01-05").as_deref(), Some("2021-01-05"));
        assert_eq!(first("2021.1.5").as_deref(), Some("2021-01-05"));
        assert_eq!(first("12021年1月1日"), None);
        assert_eq!(first("2021年13月1日"), None);
        assert_eq!(first("2021年1月"), None);
        // A typo in the year, and no month or day out of the middle of a number.
        let chars: Vec<char> = "至202020年12月31日".chars().collect();
        assert!((0..chars.len()).all(|i| month_day_at(&chars, i).is_none_or(|(m, _, _)| m == 12)));
        assert_eq!(first("二〇二一年"), None);
    }
}

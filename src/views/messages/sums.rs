//! Broken identities worked out in words: an identity's equation with its
//! terms' values, its two sums alone (what the page shows first), and a
//! finding's identities one after the other.

use crate::checks::{Broken, Term};
use crate::model::identities::Relation;
use crate::model::Number;

/// `自然人列：一、本年新收+二、上年结转 = 1+0 = 1，但（七）总计+四、结转下年度 = 0+0 = 0`
pub(super) fn equation(b: &Broken) -> String {
    let value = |t: &Term| t.value.map_or("空白".to_owned(), |n| n.to_string());
    let side = |terms: &[Term], sum: Number| {
        if terms.len() == 1 {
            return format!("{} = {}", terms[0].name, value(&terms[0]));
        }
        if terms.len() > 6 {
            // Long sums (the result rows): name the terms that are not 0.
            let shown: Vec<String> =
                terms.iter().filter(|t| value(t) != "0").map(|t| format!("{} {}", t.name, value(t))).collect();
            let listed = if shown.is_empty() { "各项均为 0".to_owned() } else { shown.join(" + ") };
            return format!("各项之和 = {sum}（{listed}）");
        }
        let names: Vec<&str> = terms.iter().map(|t| t.name).collect();
        let values: Vec<String> = terms.iter().map(value).collect();
        format!("{} = {} = {sum}", names.join("+"), values.join("+"))
    };
    let relation = match b.relation {
        Relation::Equal => "但",
        Relation::AtLeast => "小于",
    };
    let mut text = format!("{}：{}，{relation} {}", b.about, side(&b.lhs, b.lhs_sum), side(&b.rhs, b.rhs_sum));
    if b.blanks > 0 {
        text.push_str(&format!("（{} 个空白单元格按 0 计）", b.blanks));
    }
    text
}

/// An identity's two sums without their terms' values: `自然人列：（七）总计 = 3，各项之和 = 6，不相等。`
pub(super) fn sides(b: &Broken) -> String {
    // A one-term side shows its cell's value (blank is not 0); a longer one its sum.
    let side = |terms: &[Term], sum: Number| match terms {
        [one] => format!("{} = {}", one.name, one.value.map_or("空白".to_owned(), |n| n.to_string())),
        _ if terms.len() > 6 => format!("各项之和 = {sum}"),
        _ => format!("{} = {sum}", terms.iter().map(|t| t.name).collect::<Vec<_>>().join("+")),
    };
    let relation = match b.relation {
        Relation::Equal => "不相等",
        Relation::AtLeast => "前者小于后者",
    };
    let blanks = if b.blanks > 0 { format!("（{} 个空白单元格按 0 计）", b.blanks) } else { String::new() };
    format!("{}：{}，{}，{relation}{blanks}。", b.about, side(&b.lhs, b.lhs_sum), side(&b.rhs, b.rhs_sum))
}

/// `[T3-ROW] …；[T3-SUM] …`
pub(super) fn equations(broken: &[Broken]) -> String {
    broken.iter().map(|b| format!("[{}] {}", b.code, equation(b))).collect::<Vec<_>>().join("；")
}

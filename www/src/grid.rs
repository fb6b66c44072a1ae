//! Keyboard movement in the normalized tables: each table is one tab stop
//! (a roving `tabindex`); ← → move along the row, ↑ ↓ to the cell above or
//! below the middle of this one on screen (so cells spanning rows or columns
//! are reached as they look), Home / End to the row's ends, Ctrl+Home / End to
//! the table's. DOM only: which cell holds a finding is the view's.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

fn elements(list: Result<web_sys::NodeList, wasm_bindgen::JsValue>) -> Vec<Element> {
    let Ok(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn cells_of(parent: &Element, selector: &str) -> Vec<Element> {
    elements(parent.query_selector_all(selector))
}

/// In every table matching `selector`: every cell out of the tab order but
/// one — the one focused, else the chosen finding's, else the one last
/// focused, else the first culprit's, else the first cell of values.
pub fn rove_tables(selector: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let focused = document.active_element();
    for table in elements(document.query_selector_all(selector)) {
        let cells = cells_of(&table, "td, th");
        let pick = |selector: &str| table.query_selector(selector).ok().flatten();
        let stop = focused
            .clone()
            .filter(|f| cells.contains(f))
            .or_else(|| pick("td.nb-selected"))
            .or_else(|| pick("[tabindex=\"0\"]"))
            .or_else(|| pick("td[aria-invalid=\"true\"]"))
            .or_else(|| pick("td"));
        for cell in &cells {
            let index = if Some(cell) == stop.as_ref() { "0" } else { "-1" };
            if cell.get_attribute("tabindex").as_deref() != Some(index) {
                let _ = cell.set_attribute("tabindex", index);
            }
        }
    }
}

/// The cell `target` is in becomes its table's tab stop (a click or Tab into it).
pub fn focused_in_table(target: Option<web_sys::EventTarget>) {
    if let Some(cell) = cell_of(target) {
        if let Some(table) = cell.closest("table").ok().flatten() {
            for other in cells_of(&table, "[tabindex=\"0\"]") {
                let _ = other.set_attribute("tabindex", "-1");
            }
        }
        let _ = cell.set_attribute("tabindex", "0");
    }
}

fn cell_of(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target.and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.closest("td, th").ok().flatten())
}

/// Moves the focus from the cell the key was pressed in; whether it handled the key
/// (with Alt or Meta held, never: those are the browser's).
pub fn move_in_table(e: &web_sys::KeyboardEvent) -> bool {
    if e.alt_key() || e.meta_key() {
        return false;
    }
    let Some(cell) = cell_of(e.target()) else { return false };
    let key = e.key();
    let key = key.as_str();
    let Some(row) = cell.parent_element() else { return false };
    let Some(table) = cell.closest("table").ok().flatten() else { return false };
    let in_row = cells_of(&row, ":scope > td, :scope > th");
    let at = in_row.iter().position(|c| *c == cell).unwrap_or(0);
    let next = match key {
        "ArrowRight" => in_row.get(at + 1).cloned(),
        "ArrowLeft" => at.checked_sub(1).and_then(|i| in_row.get(i).cloned()),
        "Home" if e.ctrl_key() => table.query_selector("td, th").ok().flatten(),
        "End" if e.ctrl_key() => cells_of(&table, "td, th").pop(),
        "Home" => in_row.first().cloned(),
        "End" => in_row.last().cloned(),
        _ if e.ctrl_key() => return false,
        "ArrowDown" | "ArrowUp" => vertical(&table, &cell, key == "ArrowDown"),
        _ => return false,
    };
    if let Some(next) = next.filter(|n| *n != cell) {
        let _ = cell.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        if let Some(html) = next.dyn_ref::<HtmlElement>() {
            let _ = html.focus();
        }
        clear_of_head(&table, &next);
    }
    true
}

/// Scrolls the page so that a body cell is not under the table's head kept in view.
fn clear_of_head(table: &Element, cell: &Element) {
    let in_head = cell.closest("thead").ok().flatten().is_some();
    let Some(head) = table.query_selector("thead").ok().flatten().filter(|_| !in_head) else { return };
    let covered = head.get_bounding_client_rect().bottom() - cell.get_bounding_client_rect().top();
    if covered > 0.0 {
        if let Some(w) = web_sys::window() {
            w.scroll_by_with_x_and_y(0.0, -covered);
        }
    }
}

/// The cell below (or above) `cell` in the nearest row that has one under its middle.
fn vertical(table: &Element, cell: &Element, down: bool) -> Option<Element> {
    let rect = cell.get_bounding_client_rect();
    let (middle, top, bottom) = ((rect.left() + rect.right()) / 2.0, rect.top(), rect.bottom());
    let mut rows: Vec<Element> = cells_of(table, "tr")
        .into_iter()
        .filter(|r| {
            let b = r.get_bounding_client_rect();
            if down {
                b.top() >= bottom - 1.0
            } else {
                b.bottom() <= top + 1.0
            }
        })
        .collect();
    if !down {
        rows.reverse();
    }
    rows.iter().find_map(|r| {
        cells_of(r, ":scope > td, :scope > th").into_iter().find(|c| {
            let b = c.get_bounding_client_rect();
            b.left() <= middle && middle < b.right()
        })
    })
}

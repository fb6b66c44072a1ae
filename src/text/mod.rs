//! The text layer: character folding and spans into the original input.
//! It knows nothing of reports, tables or rules.

mod compat_table;
pub mod decode;
pub mod docx;
mod fold;
pub mod glosses;
pub mod html;
pub mod hygiene;
pub mod layout;
pub mod limits;
pub mod order;
pub mod pdf;
mod source_map;
pub mod traditional;
mod traditional_table;
pub mod zip;

pub use fold::{fold_char, is_bare, is_ideograph, Folded, FoldedRef};
pub use source_map::SourceMap;

/// A byte range into the original input, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

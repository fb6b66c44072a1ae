//! A PDF's pages through the edits of its text: where each page's text begins
//! (byte offsets, from the file module), moved with the text as it is typed
//! or pasted into, so that a finding's page stays right (the text a page holds
//! is what the user left of it).

use crate::input::Limits;
use nianbao::text::limits::{edit_between, offset_after_edit};

/// The pages of a text: the text they point into, and where each begins.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pages {
    text: String,
    starts: Vec<usize>,
}

impl Pages {
    /// The pages of `text`, as the PDF reader gave them.
    pub fn of(text: &str, starts: Vec<usize>) -> Self {
        // Only a PDF's text keeps a copy: other texts have no pages to follow.
        let text = if starts.is_empty() { String::new() } else { text.to_owned() };
        Pages { text, starts }
    }

    /// After `old` became `new`: a new input (`came` replaces the text) brings
    /// its own pages (`given`); an edit moves these with the text.
    pub fn after(&self, old: &str, new: &str, came: &Limits, given: Vec<usize>) -> Self {
        let whole = |r: &std::ops::Range<usize>| r.start == 0 && r.end >= old.len();
        match came {
            Limits::Replace(_) => Pages::of(new, given),
            Limits::Paste { replaced, .. } if whole(replaced) => Pages::default(),
            _ if self.starts.is_empty() || self.text != old => Pages::default(),
            _ => {
                let (replaced, inserted) = edit_between(old, new);
                let starts = self.starts.iter().map(|&at| offset_after_edit(at, replaced.clone(), inserted)).collect();
                Pages::of(new, starts)
            }
        }
    }

    /// Where each page begins in `text` (none when they point into another text).
    pub fn starts(&self, text: &str) -> Vec<usize> {
        if self.text == text {
            self.starts.clone()
        } else {
            Vec::new()
        }
    }
}

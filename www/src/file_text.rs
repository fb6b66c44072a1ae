//! What a text opened from a Word document or a PDF keeps through its edits:
//! the kind of file it came from (the JSON's `input`, as the CLI says it) and,
//! for a PDF, where each page's text begins (byte offsets, from the file
//! module), moved with the text as it is typed or pasted into, so that a
//! finding's page stays right (the text a page holds is what the user left of it).

use crate::input::Limits;
use nianbao::model::InputKind;
use nianbao::text::limits::{edit_between, offset_after_edit};

/// The file a text came from: the text it points into, its kind and its pages.
#[derive(Clone, Debug, PartialEq)]
pub struct FileText {
    text: String,
    kind: InputKind,
    starts: Vec<usize>,
}

impl Default for FileText {
    fn default() -> Self {
        FileText { text: String::new(), kind: InputKind::Text, starts: Vec::new() }
    }
}

impl FileText {
    /// `text` as a file of `kind` gave it, with its pages.
    pub fn of(text: &str, kind: InputKind, starts: Vec<usize>) -> Self {
        // Only a file's text keeps a copy: other texts have nothing to follow.
        let text = if kind == InputKind::Text { String::new() } else { text.to_owned() };
        FileText { text, kind, starts }
    }

    /// After `old` became `new`: a new input (`came` replaces the text) brings
    /// its own kind and pages (`given`); an edit keeps them, the pages moved
    /// with the text; a paste over the whole text is a text of its own.
    pub fn after(&self, old: &str, new: &str, came: &Limits, given: (InputKind, Vec<usize>)) -> Self {
        let whole = |r: &std::ops::Range<usize>| r.start == 0 && r.end >= old.len();
        match came {
            Limits::Replace(_) => FileText::of(new, given.0, given.1),
            Limits::Paste { replaced, .. } if whole(replaced) => FileText::default(),
            _ if self.kind == InputKind::Text || self.text != old => FileText::default(),
            _ => {
                let (replaced, inserted) = edit_between(old, new);
                let starts = self.starts.iter().map(|&at| offset_after_edit(at, replaced.clone(), inserted)).collect();
                FileText::of(new, self.kind, starts)
            }
        }
    }

    /// The kind and pages of `text` (a plain text's when they are another text's).
    pub fn of_text(&self, text: &str) -> (InputKind, Vec<usize>) {
        if self.text == text {
            (self.kind, self.starts.clone())
        } else {
            (InputKind::Text, Vec::new())
        }
    }
}

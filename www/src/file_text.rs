//! What a text opened from a Word document or a PDF keeps through its edits:
//! the kind of file it came from (the JSON's `input`, as the CLI says it) and,
//! for a PDF, where each page's text begins (byte offsets, from the file
//! module), moved with the text as it is typed or pasted into, so that a
//! finding's page stays right (the text a page holds is what the user left of it).

use crate::edit::Limits;
use nianbao::model::InputKind;
use nianbao::text::limits::{edit_between, offset_after_edit};

/// Edits that squeezed a page start the pages before are kept for, to be found again by undo.
const HISTORY: usize = 50;

/// The file a text came from: the text it points into, its kind and its
/// pages; and the pages of the texts it was before (by a hash of the text),
/// since an edit can only squeeze a page start it deleted over, and an undo
/// should bring it back where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct FileText {
    text: String,
    kind: InputKind,
    starts: Vec<usize>,
    history: std::collections::VecDeque<(u64, Vec<usize>)>,
}

impl Default for FileText {
    fn default() -> Self {
        FileText { text: String::new(), kind: InputKind::Text, starts: Vec::new(), history: Default::default() }
    }
}

/// FNV-1a over the text's bytes: no attacker chooses which of its own texts a user undoes to.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

impl FileText {
    /// `text` as a file of `kind` gave it, with its pages.
    pub fn of(text: &str, kind: InputKind, starts: Vec<usize>) -> Self {
        // Only a file's text keeps a copy: other texts have nothing to follow.
        let text = if kind == InputKind::Text { String::new() } else { text.to_owned() };
        FileText { text, kind, starts, history: Default::default() }
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
            _ if old == new => self.clone(),
            _ => {
                let (replaced, inserted) = edit_between(old, new);
                let mut history = self.history.clone();
                // Only an edit that deletes over a page start loses where it was.
                if self.starts.iter().any(|&at| at > replaced.start && at < replaced.end) {
                    history.push_back((hash(old), self.starts.clone()));
                    if history.len() > HISTORY {
                        history.pop_front();
                    }
                }
                // A text it was before (an undo): its pages as they were then.
                let again = if history.is_empty() { None } else { Some(hash(new)) };
                let starts = match again.and_then(|h| history.iter().rev().find(|(k, _)| *k == h)) {
                    Some((_, starts)) => starts.clone(),
                    None => self.starts.iter().map(|&at| offset_after_edit(at, replaced.clone(), inserted)).collect(),
                };
                FileText { history, ..FileText::of(new, self.kind, starts) }
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

//! A change of the editor's text, where it came from, and what the editor
//! holds for content that came in (HTML rendered to text once, line breaks
//! as the textarea keeps them).

use nianbao::model::InputKind;
use nianbao::text::limits::LimitHit;

/// A change of the editor's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub text: String,
    /// Check at once (paste, file, example), or once typing pauses.
    pub at_once: bool,
    /// What becomes of the reading limits the text's HTML reached.
    pub limits: Limits,
    /// Where a new text came from: one the user did not type replaces theirs
    /// only one click away from coming back.
    pub origin: Origin,
    /// The kind of file a new text came from and, for a PDF, where each page's text begins.
    pub file: (InputKind, Vec<usize>),
}

/// Where an edit's text came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// Typed or pasted into the editor, or re-checked.
    Editor,
    /// An example (never kept as the draft: it is not the user's text).
    Example(&'static str),
    /// A file opened or dropped.
    File(String),
    /// 清空.
    Cleared,
    /// The draft, or a text brought back.
    Restored,
    /// The same text checked again (a retry, a finding verified): whose text it is does not change.
    Recheck,
}

/// The reading limits of an edited text (spans in `Edit::text`).
#[derive(Clone, Debug, PartialEq)]
pub enum Limits {
    /// Typed or re-checked: those of the text being edited.
    Keep,
    /// A new input (file, example, 清空): these.
    Replace(Vec<LimitHit>),
    /// A paste over bytes `replaced` of the old text: the old ones that
    /// survive it, and the pasted HTML's own (already in the new text's offsets).
    Paste { replaced: std::ops::Range<usize>, inserted: usize, hits: Vec<LimitHit> },
}

impl Edit {
    /// A new input, replacing what was there.
    pub fn new_input(text: String, limits: Vec<LimitHit>, origin: Origin) -> Self {
        Edit { text, at_once: true, limits: Limits::Replace(limits), origin, file: (InputKind::Text, Vec::new()) }
    }

    /// The text of a Word document or a PDF (with where each of its pages begins).
    pub fn of_file(self, kind: InputKind, pages: Vec<usize>) -> Self {
        Edit { file: (kind, pages), ..self }
    }

    /// The same input, changed in the editor.
    pub fn same_input(text: String, at_once: bool) -> Self {
        Edit { text, at_once, limits: Limits::Keep, origin: Origin::Editor, file: (InputKind::Text, Vec::new()) }
    }

    /// The same text, checked again at once.
    pub fn recheck(text: String) -> Self {
        Edit { text, at_once: true, limits: Limits::Keep, origin: Origin::Recheck, file: (InputKind::Text, Vec::new()) }
    }
}

/// HTML becomes the text the core reads from it (tables as tab-separated
/// lines), once: the editor then holds text, and is read as text. Control
/// characters are made harmless before the textarea lays them out. The
/// limits the HTML reached come along, pointing into the text.
pub fn as_text(content: String) -> (String, Vec<LimitHit>) {
    if nianbao::text::html::looks_like_html(&content) {
        from_html(&content)
    } else {
        (lf(nianbao::text::hygiene::clean(&content).into_owned()), Vec::new())
    }
}

/// Line breaks as the textarea holds them (its value turns CRLF and CR into
/// LF): the text checked is then the text in the editor, offset for offset.
fn lf(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

pub fn from_html(html: &str) -> (String, Vec<LimitHit>) {
    let rendered = nianbao::text::html::render(html);
    let limits = rendered.text_limits();
    (rendered.text, limits)
}

//! What the page keeps of texts besides the editor's: a check finished until
//! its results are drawn, the user's text an example or a file replaced, and
//! whose text the editor holds.

use nianbao::checks::verified::Verified;
use nianbao::model::InputKind;
use nianbao::text::limits::LimitHit;

/// A check that has finished, until its results are drawn: its text, the reading limits and
/// verified findings and pages it is saved with, and whether the text may become the draft
/// (an example never does).
pub struct Finished {
    pub text: String,
    pub hits: Vec<LimitHit>,
    pub verified: Verified,
    pub file: (InputKind, Vec<usize>),
    pub keep: bool,
}

/// The user's text an example, a file or 清空 replaced, kept so that one click brings it
/// back: with its reading limits, the name it came under (the exports' 文件), what was
/// verified in it and a PDF's pages.
pub struct Replaced {
    pub text: String,
    pub hits: Vec<LimitHit>,
    pub name: String,
    pub verified: Verified,
    pub file: (InputKind, Vec<usize>),
}

/// Whether the editor holds the user's own text, or an example or a blank put there for them.
#[derive(Clone, Copy, PartialEq)]
pub enum Held {
    Users,
    NotUsers,
}

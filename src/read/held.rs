//! The two large readings of the input, the [`Doc`] (lines of cells) and the
//! token [`Stream`], held one at a time: each costs several times the input,
//! and on inputs of very short lines they would together pass the memory
//! bound (`text::limits`). The one not held is read again when asked for,
//! which costs a linear pass.

use super::doc::Doc;
use super::tokens::Stream;

pub(super) enum Held {
    Doc(Doc),
    Stream(Stream),
    /// Between the two, for a moment: the one held is freed before the other is read.
    None,
}

impl Held {
    pub(super) fn doc(&mut self, input: &str) -> &Doc {
        if !matches!(self, Held::Doc(_)) {
            *self = Held::None;
            *self = Held::Doc(Doc::read(input));
        }
        match self {
            Held::Doc(doc) => doc,
            _ => unreachable!("just read"),
        }
    }

    pub(super) fn stream(&mut self, input: &str) -> &Stream {
        if !matches!(self, Held::Stream(_)) {
            *self = Held::None;
            *self = Held::Stream(Stream::new(input));
        }
        match self {
            Held::Stream(stream) => stream,
            _ => unreachable!("just read"),
        }
    }

    /// The Doc, for the last time.
    pub(super) fn into_doc(mut self, input: &str) -> Doc {
        self.doc(input);
        match self {
            Held::Doc(doc) => doc,
            _ => unreachable!("just read"),
        }
    }
}

//! Views of a read report: renderings for people and for tests.

pub mod json;
pub mod outline;
pub mod rules;

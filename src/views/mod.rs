//! Views of a read report: renderings for people and for tests.

pub mod batch;
pub mod export;
pub mod json;
pub mod marks;
pub mod messages;
pub mod outline;
pub mod reading;
pub mod rules;

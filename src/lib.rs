//! nianbao (年报体检): reads a government information-disclosure annual report
//! (政府信息公开工作年度报告) as pasted text and checks it against the national format.
//!
//! The layout of this crate is the pipeline: [`text`] (characters and spans) →
//! [`read`] (text into the canonical [`model`]) → checks → views.
//! The core does no I/O; the CLI in `src/bin` and the web app in `www/` do.

pub mod checks;
pub mod model;
pub mod read;
pub mod text;
pub mod views;

pub use model::Report;
pub use read::parse;

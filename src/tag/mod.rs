//! Tagging: find temporal expressions in text.
//!
//! SCAFFOLD: owned by the tagger work (issue 2); replaced there.

use std::ops::Range;

use crate::grammar::Expr;

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
    /// The name of the rule that matched.
    pub rule: &'static str,
}

/// Find every temporal expression inside `body` of `text`.
pub fn tag(_text: &str, _body: Range<usize>) -> Vec<Mention> {
    Vec::new()
}

//! The temporal grammar: lexicons loaded from `grammar/`, the shared number
//! combinator, and [`Expr`], the printable meaning of an expression.
//!
//! SCAFFOLD: owned by the tagger work (issue 2); replaced there.

/// The meaning of a temporal expression before it is resolved against an anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Placeholder until the grammar lands.
    Unparsed,
}

//! Emitters: the formats the engine writes.

pub mod jsonl;
pub mod timeml;

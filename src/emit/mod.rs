//! Emitters: the formats the engine writes.

pub mod chronology_yaml;
pub mod jsonl;
pub mod lanes;
pub mod markdown;
pub mod svg;
pub mod timelinejs;
pub mod timeml;
pub mod upgrade;
